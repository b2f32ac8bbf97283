package proposal

import (
	"fmt"
	"math"
	"strconv"

	"github.com/propose-cli/propose/pkg/palette"
)

// AccentContrast is the least contrast of the accent as the documents
// write it: headings on white, and table headings on the pale tint of it
// (always the lower of the two). against names the background the accent
// falls short on first, "white" or "tint", or the tint when it falls short
// on neither.
func AccentContrast(accent palette.RGB) (ratio float64, against string) {
	if white := palette.Contrast(accent, palette.White); white < palette.MinTextContrast {
		return white, "white"
	}
	return palette.Contrast(accent, accent.Tint(palette.HeaderTintShare)), "tint"
}

// ReadableAccent returns the accent when text in it is readable wherever
// the documents write it (AccentContrast at least
// palette.MinTextContrast), and otherwise the lightest colour of the same hue that is: each channel
// scaled down by one factor, so that a brand's yellow becomes its olive
// rather than some other colour.
func ReadableAccent(accent palette.RGB) palette.RGB {
	ok := func(c palette.RGB) bool { r, _ := AccentContrast(c); return r >= palette.MinTextContrast }
	if ok(accent) {
		return accent
	}
	scaled := func(f float64) palette.RGB {
		s := func(v uint8) uint8 { return uint8(math.Floor(float64(v) * f)) }
		return palette.RGB{R: s(accent.R), G: s(accent.G), B: s(accent.B)}
	}
	// Black passes, so the search has an end; it keeps the largest factor
	// whose colour passes.
	lo, hi := 0.0, 1.0
	for range 40 {
		mid := (lo + hi) / 2
		if ok(scaled(mid)) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return scaled(lo)
}

// ratioText writes a contrast ratio with one decimal, "1.4:1", or with two
// where one would round a ratio short of the minimum up to it
// ("4.48:1", never "4.5:1").
func ratioText(r float64) string {
	t := strconv.FormatFloat(r, 'f', 1, 64)
	if r < palette.MinTextContrast && math.Round(r*10)/10 >= palette.MinTextContrast {
		t = strconv.FormatFloat(math.Floor(r*100)/100, 'f', 2, 64)
	}
	return t + ":1"
}

// accentContrastRule refuses an accent colour text cannot be read in, and
// names the darker colour of its hue that can.
func (v *validation) accentContrastRule() {
	c, ok := palette.ParseRGB(v.p.Theme.Accent)
	if !ok {
		return // not a colour: the colour rule says so
	}
	ratio, against := AccentContrast(c)
	if ratio >= palette.MinTextContrast {
		return
	}
	where := "against white"
	if against == "tint" {
		where = "against the pale tint of it behind table headings"
	}
	v.add("theme.accent",
		fmt.Sprintf("%q has a contrast of %s %s; text needs %s", v.p.Theme.Accent, ratioText(ratio), where, ratioText(palette.MinTextContrast)),
		fmt.Sprintf("choose a darker colour, such as `accent: \"%s\"`, yours darkened until text in it can be read: the headings and table headings are written in it", ReadableAccent(c)))
}
