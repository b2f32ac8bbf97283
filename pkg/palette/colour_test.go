package palette

import (
	"testing"
)

// TestContrastKnownPairs checks the WCAG 2.x contrast ratio against pairs
// whose ratios are published: #767676 is the lightest grey that passes on
// white, #777777 the darkest that does not.
func TestContrastKnownPairs(t *testing.T) {
	for _, tc := range []struct {
		fg, bg string
		want   float64
		passes bool
	}{
		{"#767676", "#FFFFFF", 4.54, true},
		{"#777777", "#FFFFFF", 4.48, false},
		{"#000000", "#FFFFFF", 21, true},
		{"#FFFFFF", "#FFFFFF", 1, false},
		{"#ffdd00", "#FFFFFF", 1.35, false},
		{"#1B365D", "#FFFFFF", 12.12, true},
		{"#FFFFFF", "#963028", 7.64, true}, // the prep sheet's banner
	} {
		fg, bg := MustRGB(tc.fg), MustRGB(tc.bg)
		got := Contrast(fg, bg)
		if got < tc.want-0.005 || got > tc.want+0.005 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tc.fg, tc.bg, got, tc.want)
		}
		if Contrast(bg, fg) != got {
			t.Errorf("Contrast(%s, %s) depends on the order", tc.fg, tc.bg)
		}
		if (got >= MinTextContrast) != tc.passes {
			t.Errorf("%s on %s: passes = %v, want %v", tc.fg, tc.bg, got >= MinTextContrast, tc.passes)
		}
	}
}

func TestParseRGB(t *testing.T) {
	if c, ok := ParseRGB("#0b6E4f"); !ok || c != (RGB{0x0B, 0x6E, 0x4F}) || c.String() != "#0B6E4F" {
		t.Errorf("ParseRGB(#0b6E4f) = %v, %v", c, ok)
	}
	for _, bad := range []string{"", "#FFF", "0B6E4F", "#0B6E4G", "#0B6E4F0", "##B6E4F"} {
		if _, ok := ParseRGB(bad); ok {
			t.Errorf("ParseRGB(%q) accepted it", bad)
		}
	}
}
