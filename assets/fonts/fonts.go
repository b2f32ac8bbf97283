// Package fonts embeds the TrueType faces the PDF documents are set in:
// Noto Serif for text and Noto Sans for headings, tables and page furniture.
// They cover Latin (with every European accent), Greek and Cyrillic, and
// the typographic punctuation a formal document uses; they are licensed
// under the SIL Open Font License 1.1 (OFL.txt). DejaVu Sans fills in the
// symbols Noto lacks, such as ≥, ≤ and ☐ (DejaVu-LICENSE.txt).
package fonts

import _ "embed"

// The faces, as TrueType files.
var (
	//go:embed NotoSerif-Regular.ttf
	SerifRegular []byte
	//go:embed NotoSerif-Bold.ttf
	SerifBold []byte
	//go:embed NotoSerif-Italic.ttf
	SerifItalic []byte
	//go:embed NotoSerif-BoldItalic.ttf
	SerifBoldItalic []byte
	//go:embed NotoSans-Regular.ttf
	SansRegular []byte
	//go:embed NotoSans-Bold.ttf
	SansBold []byte
	//go:embed DejaVuSans.ttf
	Symbols []byte
)

// License is the text of the fonts' licence.
//
//go:embed OFL.txt
var License string
