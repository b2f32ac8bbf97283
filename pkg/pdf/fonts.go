package pdf

import (
	"sync"

	"golang.org/x/image/font/sfnt"

	"github.com/propose-cli/propose/assets/fonts"
)

// face is one embedded font face, registered with fpdf under family and
// style.
type face struct {
	family, style string
	data          []byte
}

// The families the documents use.
const (
	serif = "serif"
	sans  = "sans"
)

var faces = []face{
	{serif, "", fonts.SerifRegular},
	{serif, "B", fonts.SerifBold},
	{serif, "I", fonts.SerifItalic},
	{serif, "BI", fonts.SerifBoldItalic},
	{sans, "", fonts.SansRegular},
	{sans, "B", fonts.SansBold},
}

var (
	coverageOnce sync.Once
	coverage     []*sfnt.Font
	coverageErr  error
)

// Covers reports whether every face can draw r. Text with a rune it cannot
// draw would show an empty box; callers report such runes before drawing.
// The faces' character maps are parsed once per process.
func Covers(r rune) bool {
	coverageOnce.Do(func() {
		for _, fc := range faces {
			f, err := sfnt.Parse(fc.data)
			if err != nil {
				coverageErr = err
				return
			}
			coverage = append(coverage, f)
		}
	})
	if coverageErr != nil {
		return false
	}
	switch r {
	case '\n', '\t', '\r':
		return true
	}
	var buf sfnt.Buffer
	for _, f := range coverage {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// Missing returns the runes of s that the fonts cannot draw, each once, in
// the order they appear.
func Missing(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if !seen[r] && !Covers(r) {
			out = append(out, r)
		}
		seen[r] = true
	}
	return out
}
