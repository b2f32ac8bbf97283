package proposal

import (
	"fmt"
	"math"
	"strconv"
)

// RGB is a colour of the sRGB space, eight bits a channel.
type RGB struct{ R, G, B uint8 }

// White is the paper and the page the documents' text sits on.
var White = RGB{255, 255, 255}

// MinTextContrast is the least contrast text of body size needs against
// its background: WCAG 2.x success criterion 1.4.3 (level AA).
const MinTextContrast = 4.5

// HeaderTintShare is the share of the accent in the tint behind table
// headings (the rest is white), in the PDFs and the HTML pages alike; the
// headings are written in the accent on it.
const HeaderTintShare = 0.09

// ParseRGB reads a colour written #RRGGBB (either case); ok is false for
// anything else.
func ParseRGB(s string) (c RGB, ok bool) {
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, false
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, true
}

// String writes the colour as #RRGGBB, in capitals as the file format's
// examples write it.
func (c RGB) String() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// Luminance is the colour's relative luminance as WCAG 2.x defines it:
// each channel linearised from sRGB, then weighted 0.2126, 0.7152, 0.0722.
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG 2.x contrast ratio of two colours, from 1 (the same
// luminance) to 21 (black on white): the lighter luminance plus 0.05 over
// the darker plus 0.05.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Tint mixes the colour with white, keeping the share k of it, as the
// table headings' background is made from the accent.
func (c RGB) Tint(k float64) RGB {
	mix := func(v uint8) uint8 { return uint8(float64(v)*k + 255*(1-k) + 0.5) }
	return RGB{mix(c.R), mix(c.G), mix(c.B)}
}

// AccentContrast is the least contrast of the accent as the documents
// write it: headings on white, and table headings on the pale tint of it
// (always the lower of the two). against names the background the accent
// falls short on first, "white" or "tint", or the tint when it falls short
// on neither.
func AccentContrast(accent RGB) (ratio float64, against string) {
	if white := Contrast(accent, White); white < MinTextContrast {
		return white, "white"
	}
	return Contrast(accent, accent.Tint(HeaderTintShare)), "tint"
}

// ReadableAccent returns the accent when text in it is readable wherever
// the documents write it (AccentContrast at least MinTextContrast), and
// otherwise the lightest colour of the same hue that is: each channel
// scaled down by one factor, so that a brand's yellow becomes its olive
// rather than some other colour.
func ReadableAccent(accent RGB) RGB {
	ok := func(c RGB) bool { r, _ := AccentContrast(c); return r >= MinTextContrast }
	if ok(accent) {
		return accent
	}
	scaled := func(f float64) RGB {
		s := func(v uint8) uint8 { return uint8(math.Floor(float64(v) * f)) }
		return RGB{s(accent.R), s(accent.G), s(accent.B)}
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
// where one would round a ratio short of MinTextContrast up to it
// ("4.48:1", never "4.5:1").
func ratioText(r float64) string {
	t := strconv.FormatFloat(r, 'f', 1, 64)
	if r < MinTextContrast && math.Round(r*10)/10 >= MinTextContrast {
		t = strconv.FormatFloat(math.Floor(r*100)/100, 'f', 2, 64)
	}
	return t + ":1"
}

// accentContrastRule refuses an accent colour text cannot be read in, and
// names the darker colour of its hue that can.
func (v *validation) accentContrastRule() {
	c, ok := ParseRGB(v.p.Theme.Accent)
	if !ok {
		return // not a colour: the colour rule says so
	}
	ratio, against := AccentContrast(c)
	if ratio >= MinTextContrast {
		return
	}
	where := "against white"
	if against == "tint" {
		where = "against the pale tint of it behind table headings"
	}
	v.add("theme.accent",
		fmt.Sprintf("%q has a contrast of %s %s; text needs %s", v.p.Theme.Accent, ratioText(ratio), where, ratioText(MinTextContrast)),
		fmt.Sprintf("choose a darker colour, such as `accent: \"%s\"`, yours darkened until text in it can be read: the headings and table headings are written in it", ReadableAccent(c)))
}
