package pdf

import (
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/propose-cli/propose/assets/fonts"
)

// The families the documents use: serif text, sans headings and tables,
// and a symbol face for the characters the other two lack.
const (
	serif   = "NotoSerif"
	sans    = "NotoSans"
	symbols = "DejaVuSans"
)

// face is one embedded font face, known to the drawer by family and
// style.
type face struct {
	family, style string
	data          []byte
	psName        string // the face's PostScript name, for the PDF
}

var faces = []face{
	{serif, "", fonts.SerifRegular, "NotoSerif-Regular"},
	{serif, "B", fonts.SerifBold, "NotoSerif-Bold"},
	{serif, "I", fonts.SerifItalic, "NotoSerif-Italic"},
	{serif, "BI", fonts.SerifBoldItalic, "NotoSerif-BoldItalic"},
	{sans, "", fonts.SansRegular, "NotoSans-Regular"},
	{sans, "B", fonts.SansBold, "NotoSans-Bold"},
	{symbols, "", fonts.Symbols, "DejaVuSans"},
}

// faceID names a face as a map key (no string is built to look one up).
type faceID struct{ family, style string }

func faceKey(family, style string) faceID { return faceID{family, style} }

var (
	cmapOnce sync.Once
	cmaps    map[faceID]*sfnt.Font // by faceKey
	cmapErr  error
	bufPool  = sync.Pool{New: func() any { return new(sfntBuffer) }}
)

// sfntBuffer wraps the scratch space sfnt look-ups need, for a sync.Pool.
type sfntBuffer struct{ sfnt.Buffer }

// loadCmaps parses the faces' character maps, once per process.
func loadCmaps() error {
	cmapOnce.Do(func() {
		cmaps = map[faceID]*sfnt.Font{}
		for _, fc := range faces {
			f, err := sfnt.Parse(fc.data)
			if err != nil {
				cmapErr = err
				return
			}
			cmaps[faceKey(fc.family, fc.style)] = f
		}
	})
	return cmapErr
}

// has reports whether the face can draw r.
func has(family, style string, r rune) bool {
	id := faceKey(family, style)
	t := metrics[id]
	return t != nil && t.glyph(id, r) != 0
}

// Covers reports whether the documents can draw r: every text face has it,
// or the symbol face fills it in. Text with a rune it cannot draw would
// show an empty box; callers report such runes before drawing.
func Covers(r rune) bool {
	switch r {
	case '\n', '\t', '\r':
		return true
	}
	if r > 0xFFFF {
		// Emoji and other supplementary characters: the symbol face has a
		// few emoji (😀 but not 🚀), in one colour; rather than a formal
		// document with some emoji drawn and others refused, none are.
		return false
	}
	if has(symbols, "", r) {
		return true
	}
	for _, fc := range faces {
		if fc.family != symbols && !has(fc.family, fc.style, r) {
			return false
		}
	}
	return true
}

// faceFor returns the face that draws r in the given style: the style's own
// face when it has the glyph, else the symbol face.
func faceFor(family, style string, r rune) (string, string) {
	if r < 0x250 || has(family, style, r) || !has(symbols, "", r) {
		return family, style
	}
	return symbols, ""
}
