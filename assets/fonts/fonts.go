// Package fonts embeds the TrueType faces the PDF documents are set in:
// Noto Serif for text and Noto Sans Bold for headings and table heads. They
// cover Latin (with every European accent), Greek and Cyrillic, and the
// typographic punctuation a formal document uses. The faces are licensed
// under the SIL Open Font License 1.1; see OFL.txt beside them.
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
)

// License is the text of the fonts' licence.
//
//go:embed OFL.txt
var License string
