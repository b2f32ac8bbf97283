package chart

import (
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/propose-cli/propose/assets/fonts"
)

// Labels are measured in the faces the PDF sets them in, Noto Sans with
// DejaVu Sans for the symbols it lacks, as the PDF measures them: each
// character's advance in thousandths of an em, rounded, without kerning.
// A browser showing the SVG may pick another sans face; the labels keep
// some room around them for that.

// face is one face's parsed font and the advances read from it so far.
type face struct {
	font *sfnt.Font
	mu   sync.Mutex
	adv  map[rune]int // thousandths of an em; -1 when the face lacks the rune
}

var faces = sync.OnceValue(func() [3]*face {
	var fs [3]*face
	for i, data := range [][]byte{fonts.SansRegular, fonts.SansBold, fonts.Symbols} {
		f, err := sfnt.Parse(data)
		if err != nil {
			f = nil // measured as half an em a character
		}
		fs[i] = &face{font: f, adv: map[rune]int{}}
	}
	return fs
})

// advance is r's advance in thousandths of an em, or -1 when the face
// lacks r.
func (f *face) advance(r rune) int {
	if f.font == nil {
		return -1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.adv[r]; ok {
		return a
	}
	a := -1
	var buf sfnt.Buffer
	if gi, err := f.font.GlyphIndex(&buf, r); err == nil && gi != 0 {
		if v, err := f.font.GlyphAdvance(&buf, gi, fixed.I(1000), font.HintingNone); err == nil {
			a = int(math.Round(float64(v) / 64))
		}
	}
	f.adv[r] = a
	return a
}

// textWidth is the width, in points, of s set in Noto Sans (bold or
// regular) at size. A character the face lacks is measured in the symbol
// face, as the PDF draws it, or as half an em when neither has it.
func textWidth(s string, size float64, bold bool) float64 {
	fs := faces()
	main := fs[0]
	if bold {
		main = fs[1]
	}
	total := 0
	for _, r := range s {
		a := main.advance(r)
		if a < 0 && r >= 0x250 {
			a = fs[2].advance(r)
		}
		if a < 0 {
			a = 500
		}
		total += a
	}
	return float64(total) * size / 1000
}

// fit shortens s with an ellipsis until it is no wider than width (give
// or take a rounding error, so that a width measured from s keeps it).
func fit(s string, size float64, bold bool, width float64) string {
	width += 1e-6
	if textWidth(s, size, bold) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := trimEnd(string(r)) + "…"
		if textWidth(t, size, bold) <= width {
			return t
		}
	}
	return ""
}

// trimEnd drops the spaces and punctuation a shortened text should not
// end in before its ellipsis.
func trimEnd(s string) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', ',', ';', ':', '-':
			s = s[:len(s)-1]
			continue
		}
		break
	}
	return s
}
