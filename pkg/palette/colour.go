package palette

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

// MustRGB is ParseRGB for the palette's own colours, which are written
// right.
func MustRGB(s string) RGB {
	c, ok := ParseRGB(s)
	if !ok {
		panic(fmt.Sprintf("palette: %q is not written #RRGGBB", s))
	}
	return c
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
