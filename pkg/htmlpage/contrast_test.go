package htmlpage

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/docmeta"
	"github.com/propose-cli/propose/pkg/palette"

	"github.com/propose-cli/propose/pkg/chart"
	"github.com/propose-cli/propose/pkg/proposal"
)

// ruleRE is one rule of the stylesheet, and colourRE a colour in it.
var (
	ruleRE   = regexp.MustCompile(`(?s)([^{}]+)\{([^{}]*)\}`)
	colourRE = regexp.MustCompile(`(?:^|;)\s*(color|background)\s*:\s*(#[0-9a-fA-F]{3,6})\b`)
)

// rgb reads #RGB or #RRGGBB.
func rgb(t *testing.T, s string) palette.RGB {
	t.Helper()
	if len(s) == 4 {
		s = "#" + strings.Repeat(s[1:2], 2) + strings.Repeat(s[2:3], 2) + strings.Repeat(s[3:4], 2)
	}
	c, ok := palette.ParseRGB(s)
	if !ok {
		t.Fatalf("%q is not a colour", s)
	}
	return c
}

// TestStylesheetTextIsReadable checks every rule of the page's stylesheet
// that sets a text colour: against the rule's own background, or the
// page's white where it sets none, the text has a contrast of at least
// 4.5:1 (WCAG 1.4.3), on screen and in print: the body text, the links,
// the table headings on their tint, the prep sheet's PRIVATE banner.
func TestStylesheetTextIsReadable(t *testing.T) {
	checked := 0
	for _, m := range ruleRE.FindAllStringSubmatch(style, -1) {
		selector, decl := strings.TrimSpace(m[1]), m[2]
		if i := strings.LastIndex(selector, "\n"); i >= 0 {
			selector = strings.TrimSpace(selector[i:])
		}
		var fg, bg string
		for _, c := range colourRE.FindAllStringSubmatch(decl, -1) {
			if c[1] == "color" {
				fg = c[2]
			} else {
				bg = c[2]
			}
		}
		if fg == "" {
			continue
		}
		back := palette.White
		if bg != "" {
			back = rgb(t, bg)
		}
		if r := palette.Contrast(rgb(t, fg), back); r < palette.MinTextContrast {
			t.Errorf("%s: %s on %s has a contrast of %.2f:1", selector, fg, back, r)
		}
		checked++
	}
	if checked < 5 {
		t.Errorf("only %d rules with a text colour were found; the stylesheet's form changed", checked)
	}
}

// TestChartTextIsReadable lays out charts with targets on either side and
// checks each word drawn against what lies behind it: the pale green of
// the target's good side where the word's box (its width estimated
// generously) overlaps it, and white elsewhere.
func TestChartTextIsReadable(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2027, 1, d, 0, 0, 0, 0, time.UTC) }
	var specs []chart.Spec
	for _, better := range []chart.Better{chart.Higher, chart.Lower} {
		for _, pts := range [][]float64{{40, 38, 44, 52, 61}, {70, 66, 58, 49, 41}, {50, 50, 50, 50, 50}} {
			s := chart.Spec{Title: "Median first response", Unit: "minutes", From: day(1), To: day(29),
				Baseline: 45, HasBaseline: true, Target: 50, HasTarget: true, Better: better}
			for i, v := range pts {
				s.Points = append(s.Points, chart.Point{Date: day(1 + 7*i), Value: v})
			}
			specs = append(specs, s)
		}
	}
	good := rgb(t, chartColors[chart.Good])
	onGood := 0
	for _, s := range specs {
		pl := chart.Layout(s, chartWidth, chartHeight)
		for _, tx := range pl.Texts {
			w := 0.6 * tx.Size * float64(utf8.RuneCountInString(tx.S))
			x0 := tx.X
			switch tx.Anchor {
			case chart.Middle:
				x0 -= w / 2
			case chart.End:
				x0 -= w
			}
			y0, y1 := tx.Y-tx.Size, tx.Y+0.25*tx.Size
			back := palette.White
			for _, f := range pl.Fills {
				if f.Role == chart.Good && x0 < f.X+f.W && f.X < x0+w && y0 < f.Y+f.H && f.Y < y1 {
					back = good
					onGood++
				}
			}
			if r := palette.Contrast(rgb(t, chartColors[tx.Role]), back); r < palette.MinTextContrast {
				t.Errorf("%q: %s on %s has a contrast of %.2f:1", tx.S, chartColors[tx.Role], back, r)
			}
		}
	}
	if onGood == 0 {
		t.Error("no word fell on the good side's tint; the charts checked nothing there")
	}
}

// TestAccentsValidationAcceptsAreReadable checks that every accent the
// proposal's validation lets through is readable where the page writes
// it: in the headings on white, and in the table headings on the tint
// the page mixes from it (tint here, palette.RGB.Tint there).
func TestAccentsValidationAcceptsAreReadable(t *testing.T) {
	n := 0
	for r := 0; r < 256; r += 17 {
		for g := 0; g < 256; g += 17 {
			for b := 0; b < 256; b += 17 {
				c := proposal.ReadableAccent(palette.RGB{R: uint8(r), G: uint8(g), B: uint8(b)})
				hex := strings.ToLower(c.String())
				css := themed(Page{Doc: docmeta.Doc{Accent: c.String()}})
				if !strings.Contains(css, "color: "+hex) {
					t.Fatalf("the page does not use the accent %s", hex)
				}
				fill := rgb(t, tint(hex))
				if !strings.Contains(css, "background: "+strings.ToLower(tint(hex))) {
					t.Fatalf("the page does not put the accent's tint %s behind table headings", tint(hex))
				}
				if x := palette.Contrast(c, fill); x < palette.MinTextContrast {
					t.Errorf("accent %s: %.2f:1 on its tint %s", hex, x, fill)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no accent checked")
	}
}
