package proposal

import (
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/palette"
)

// TestReadableAccent checks that the colour offered for a light accent
// passes on white and on its table headings' tint, keeps the hue (each
// channel scaled by one factor), and is the lightest such: one step
// lighter fails.
func TestReadableAccent(t *testing.T) {
	for _, s := range []string{"#FFDD00", "#FFFFFF", "#767676", "#00A3E0", "#FF6F61", "#7FBA00", "#0B6E4F"} {
		c := palette.MustRGB(s)
		r := ReadableAccent(c)
		if ratio, _ := AccentContrast(r); ratio < palette.MinTextContrast {
			t.Errorf("%s: offered %s, whose contrast is %.2f", s, r, ratio)
		}
		if ratio, _ := AccentContrast(c); ratio >= palette.MinTextContrast {
			if r != c {
				t.Errorf("%s passes, but %s was offered for it", s, r)
			}
			continue
		}
		// The same hue: the channels keep their proportions (to within
		// the rounding of one step).
		for _, p := range [][2]uint8{{c.R, r.R}, {c.G, r.G}, {c.B, r.B}} {
			if p[0] == 0 && p[1] != 0 || p[1] > p[0] {
				t.Errorf("%s: offered %s, not a darker shade of it", s, r)
			}
		}
		k := float64(int(r.R)+int(r.G)+int(r.B)) / float64(int(c.R)+int(c.G)+int(c.B))
		if k > 0 {
			for _, p := range [][2]uint8{{c.R, r.R}, {c.G, r.G}, {c.B, r.B}} {
				if d := float64(p[0])*k - float64(p[1]); d > 1.5 || d < -1.5 {
					t.Errorf("%s: offered %s, another hue", s, r)
				}
			}
		}
		lighter := palette.RGB{R: min(r.R+2, c.R), G: min(r.G+2, c.G), B: min(r.B+2, c.B)}
		if ratio, _ := AccentContrast(lighter); ratio >= palette.MinTextContrast {
			t.Errorf("%s: offered %s, though %s is lighter and passes too", s, r, lighter)
		}
	}
}

// TestLightAccentRefused checks the message a light accent gets, at the
// colour's place in the file, naming the colour to write instead.
func TestLightAccentRefused(t *testing.T) {
	base := "version: 1\nscenario: trial\nemployee:\n  name: Ana Lima\n  title: Support Engineer\nmanager:\n  name: Sam Ortiz\n" +
		"arrangement:\n  type: hybrid\n  remote_days: [wed]\n  start: 2027-03-01\ntrial:\n  length_days: 30\n  metrics:\n" +
		"    - name: Tickets resolved a week\n      target: 40\ntheme:\n  accent: "
	for _, tc := range []struct{ accent, want string }{
		{`"#ffdd00"`, `p.yaml:18:11: theme.accent: "#ffdd00" has a contrast of 1.3:1 against white; text needs 4.5:1 (choose a darker colour, such as ` + "`accent: \"#806E00\"`"},
		{`"#777777"`, `p.yaml:18:11: theme.accent: "#777777" has a contrast of 4.47:1 against white; text needs 4.5:1`},
		{`"#767676"`, `p.yaml:18:11: theme.accent: "#767676" has a contrast of 4.1:1 against the pale tint of it behind table headings; text needs 4.5:1`},
		{`"#ffffff"`, `theme.accent: "#ffffff" has a contrast of 1.0:1 against white`},
	} {
		_, err := Parse("p.yaml", []byte(base+tc.accent+"\n"), corpusToday)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("accent %s: got %v, want %q", tc.accent, err, tc.want)
		}
	}
	for _, ok := range []string{`"#1B365D"`, `"#0B6E4F"`, `"#6E6E6E"`, `"#806E00"`} {
		if _, err := Parse("p.yaml", []byte(base+ok+"\n"), corpusToday); err != nil {
			t.Errorf("accent %s refused: %v", ok, err)
		}
	}
}
