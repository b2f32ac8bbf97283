package chart

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// extremes are fences whose charts must still lie inside their box.
var extremes = map[string]string{
	"sample":             sample,
	"all equal":          "title: Flat\nunit: minutes\npoints: 2027-01-15 40; 2027-01-22 40; 2027-01-29 40\n",
	"all zero":           "title: Escalations\npoints: 2027-01-15 0; 2027-01-22 0; 2027-01-29 0\n",
	"one reading":        "title: One\nunit: of 5\nfrom: 2027-01-12\nto: 2027-03-12\ntarget: 4\nbetter: higher\npoints: 2027-02-26 4.3\n",
	"one bare reading":   "title: Alone\npoints: 2027-02-26 7\n",
	"target of 0":        "title: Escalations\ntarget: 0\nbetter: lower\nbaseline: 3\npoints: 2027-01-15 2; 2027-01-22 0; 2027-01-29 1; 2027-02-05 0\n",
	"negative":           "title: Change in backlog\nunit: tickets\nbaseline: -4\ntarget: -10\nbetter: lower\npoints: 2027-01-15 -3; 2027-01-22 -12.5; 2027-01-29 2; 2027-02-05 -8\n",
	"all negative":       "title: Below zero\npoints: 2027-01-15 -3; 2027-01-22 -3.5; 2027-01-29 -4\n",
	"percentages":        "title: On time\nunit: %\nbaseline: 0\ntarget: 100\nbetter: higher\npoints: 2027-01-15 0; 2027-01-22 50; 2027-01-29 100; 2027-02-05 100\n",
	"far above target":   "title: Pages reviewed\ntarget: 5\nbetter: higher\nbaseline: 4\npoints: 2027-01-15 480; 2027-01-22 510; 2027-01-29 999\n",
	"missing weeks":      "title: Gaps\nfrom: 2027-01-12\nto: 2027-03-12\npoints: 2027-01-15 40; 2027-02-19 38; 2027-03-12 44\n",
	"wide range":         "title: Wide\nfrom: 2026-01-01\nto: 2029-12-31\npoints: 2027-06-15 1; 2027-06-22 2\n",
	"points outside":     "title: Outside\nfrom: 2027-02-01\nto: 2027-02-10\npoints: 2027-01-15 1; 2027-03-01 2\n",
	"baseline is target": "title: Same\nbaseline: 60\ntarget: 60\nbetter: higher\npoints: 2027-01-15 61; 2027-01-22 59\n",
	"huge":               "title: Huge\nbaseline: -999999999999\ntarget: 999999999999\npoints: 2027-01-15 0.001; 2027-01-22 1\n",
	"tiny decimals":      "title: Tiny\npoints: 2027-01-15 0.001; 2027-01-22 0.0012; 2027-01-29 0.0011\n",
	"long title":         "title: " + strings.Repeat("A very long title for a measure that will not fit on one line ", 4) + "\nunit: " + strings.Repeat("units ", 30) + "\ntarget: 12345.678\nbaseline: 12345.5\nbetter: higher\npoints: 2027-01-15 12345.6\n",
	"year boundary":      "title: New year\nfrom: 2026-12-20\nto: 2027-01-20\npoints: 2026-12-22 5; 2027-01-05 6\n",
	"one day":            "title: Day\nfrom: 2027-01-15\nto: 2027-01-15\npoints: 2027-01-15 5\n",
	"all 100%":           "title: Dashboards on time\nunit: %\nbaseline: 100\ntarget: 100\nbetter: higher\npoints: 2027-01-15 100; 2027-01-22 100; 2027-01-29 100\n",
	"top score":          "title: Satisfaction\nunit: of 5\nbaseline: 4.6\ntarget: 4.5\nbetter: higher\npoints: 2027-01-15 5; 2027-01-22 5\n",
	"above the scale":    "title: Quota\nunit: %\ntarget: 100\npoints: 2027-01-15 90; 2027-01-22 130\n",
}

// boxes are the sizes charts are laid out in: the PDF's on letter and A4,
// narrow, wide, and too small for labels.
var boxes = [][2]float64{{468, 130}, {451.28, 130}, {240, 130}, {640, 200}, {120, 60}, {100, 40}, {20, 10}}

func TestLayoutStaysInsideItsBox(t *testing.T) {
	for name, text := range extremes {
		s, err := Parse(text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, wh := range boxes {
			w, h := wh[0], wh[1]
			p := Layout(s, w, h)
			where := fmt.Sprintf("%s in %gx%g", name, w, h)
			in := func(what string, x0, y0, x1, y1 float64) {
				t.Helper()
				const eps = 1e-9
				for _, v := range []float64{x0, y0, x1, y1} {
					if math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s: %s at %v", where, what, v)
						return
					}
				}
				if x0 < -eps || y0 < -eps || x1 > w+eps || y1 > h+eps {
					t.Errorf("%s: %s reaches (%.2f,%.2f)-(%.2f,%.2f)", where, what, x0, y0, x1, y1)
				}
			}
			for _, r := range p.Fills {
				in("fill", r.X, r.Y, r.X+r.W, r.Y+r.H)
			}
			for _, l := range p.Lines {
				in("line", min(l.X1, l.X2), min(l.Y1, l.Y2), max(l.X1, l.X2), max(l.Y1, l.Y2))
			}
			for _, pt := range p.Path.Points {
				in("path", pt.X, pt.Y, pt.X, pt.Y)
			}
			if len(p.Dots) != len(s.Points) {
				t.Errorf("%s: %d dots for %d readings", where, len(p.Dots), len(s.Points))
			}
			for _, d := range p.Dots {
				e := d.R + d.Ring/2
				in("dot", d.X-e, d.Y-e, d.X+e, d.Y+e)
				// The readings lie in the plot area, between its gridlines.
				if d.X < p.Area.X || d.X > p.Area.X+p.Area.W || d.Y < p.Area.Y-1e-9 || d.Y > p.Area.Y+p.Area.H+1e-9 {
					t.Errorf("%s: dot (%.2f,%.2f) outside the plot area %+v", where, d.X, d.Y, p.Area)
				}
			}
			boxes := make([]box, len(p.Texts))
			for i, tx := range p.Texts {
				if tx.Size < 8 {
					t.Errorf("%s: %q set in %g pt", where, tx.S, tx.Size)
				}
				b := textBox(tx)
				in(fmt.Sprintf("text %q", tx.S), b.x0, b.y0, b.x1, b.y1)
				// Labels never overlap: their ink, from the top of a
				// capital to the baseline, is compared.
				boxes[i] = box{b.x0, tx.Y - capHeight*tx.Size, b.x1, tx.Y}
				for j := range i {
					if boxes[i].overlaps(boxes[j]) {
						t.Errorf("%s: %q overlaps %q", where, tx.S, p.Texts[j].S)
					}
				}
			}
			if w >= minTextW && h >= minTextH && len(p.Texts) == 0 {
				t.Errorf("%s: no labels", where)
			}
		}
	}
}

func TestLayoutLabelsEveryChartWhole(t *testing.T) {
	for name, text := range extremes {
		s, err := Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []float64{451.28, 468} {
			p := Layout(s, w, 130)
			if got := texts(p, Reading); len(got) != 1 || got[0] == "" {
				t.Errorf("%s in %g: latest value labelled %q", name, w, got)
			}
			if name == "long title" {
				continue
			}
			for _, tx := range p.Texts {
				if strings.Contains(tx.S, "…") {
					t.Errorf("%s in %g: label shortened to %q", name, w, tx.S)
				}
			}
			if s.HasTarget && len(texts(p, Target)) != 1 || s.HasBaseline && len(texts(p, Baseline)) != 1 {
				t.Errorf("%s in %g: the target or the baseline is not labelled", name, w)
			}
		}
	}
}

func TestLayoutIsDeterministic(t *testing.T) {
	for name, text := range extremes {
		s, err := Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := Layout(s, 468, 130), Layout(s, 468, 130); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two layouts differ", name)
		}
	}
}

// texts returns the plot's texts of a role.
func texts(p Plot, role Role) []string {
	var out []string
	for _, t := range p.Texts {
		if t.Role == role {
			out = append(out, t.S)
		}
	}
	return out
}

func TestLayoutLabels(t *testing.T) {
	s, err := Parse(sample)
	if err != nil {
		t.Fatal(err)
	}
	p := Layout(s, 468, 130)
	if got := texts(p, Title); len(got) != 1 || got[0] != s.Title {
		t.Errorf("title %q", got)
	}
	if got := texts(p, Target); len(got) != 1 || got[0] != "Target: 60 or less" {
		t.Errorf("target label %q", got)
	}
	if got := texts(p, Baseline); len(got) != 1 || got[0] != "Baseline: 45" {
		t.Errorf("baseline label %q", got)
	}
	if got := texts(p, Reading); len(got) != 1 || got[0] != "42" {
		t.Errorf("latest value %q", got)
	}
	axis := strings.Join(texts(p, Axis), "|")
	if axis != "minutes|20|40|60|80|Jan 12|Jan 26|Feb 9|Feb 23|Mar 9" {
		t.Errorf("axis labels %s", axis)
	}
	if len(p.Path.Points) != 5 || len(p.Fills) != 1 || p.Fills[0].Role != Good {
		t.Errorf("path %d points, fills %+v", len(p.Path.Points), p.Fills)
	}
	// The good side of a target one should stay under is below it.
	if f := p.Fills[0]; f.Y+f.H != p.Area.Y+p.Area.H {
		t.Errorf("tint %+v does not reach the axis of %+v", f, p.Area)
	}
	// Readings are placed by date: the gap of a missing week shows.
	s2, _ := Parse(extremes["missing weeks"])
	q := Layout(s2, 468, 130)
	a, b, c := q.Dots[0].X, q.Dots[1].X, q.Dots[2].X
	if r := (b - a) / (c - b); math.Abs(r-35.0/21) > 1e-9 {
		t.Errorf("dots at %.2f, %.2f, %.2f: spacing ratio %.3f, want 35:21", a, b, c, r)
	}
	if q.Dots[0].X <= q.Area.X+xPad {
		t.Errorf("first reading (three days after from) drawn at the start of the axis")
	}
}

func TestValueAxis(t *testing.T) {
	for _, c := range []struct {
		name string
		want string // the value ticks' labels, bottom up
	}{
		{"sample", "20|40|60|80"},
		{"all equal", "30|35|40|45|50"},
		{"all zero", "0|1"},
		{"one reading", "2.5|3.0|3.5|4.0|4.5"},
		{"target of 0", "0|1|2|3"},
		{"negative", "-15|-10|-5|0|5"},
		{"all negative", "-4.0|-3.5|-3.0|-2.5"},
		{"percentages", "0%|20%|40%|60%|80%|100%"},
		{"far above target", "0|200|400|600|800|1000"},
		{"tiny decimals", "0.0008|0.0009|0.0010|0.0011|0.0012"},
		// Percentages and scores stop at the top of their scale unless a
		// value is above it.
		{"all 100%", "60%|70%|80%|90%|100%"},
		{"top score", "3.0|3.5|4.0|4.5|5.0"},
		{"above the scale", "80%|90%|100%|110%|120%|130%"},
	} {
		s, err := Parse(extremes[c.name])
		if err != nil {
			t.Fatal(err)
		}
		p := Layout(s, 468, 130)
		var got []string
		for _, tx := range p.Texts {
			if tx.Role == Axis && tx.Anchor == End {
				got = append(got, tx.S)
			}
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s: ticks %s, want %s", c.name, g, c.want)
		}
	}
}

func TestDateAxis(t *testing.T) {
	for _, c := range []struct {
		name string
		want string
	}{
		{"one bare reading", "Feb 26"},
		{"one day", "Jan 15"},
		{"wide range", "Jan 2026|Jan 2027|Jan 2028|Jan 2029"},
		{"year boundary", "Dec 20|Dec 27|Jan 3|Jan 10|Jan 17"},
		{"points outside", "Jan 15|Jan 22|Jan 29|Feb 5|Feb 12|Feb 19|Feb 26"},
	} {
		s, err := Parse(extremes[c.name])
		if err != nil {
			t.Fatal(err)
		}
		p := Layout(s, 468, 130)
		var got []string
		for _, tx := range p.Texts {
			if tx.Role == Axis && tx.Anchor == Middle {
				got = append(got, tx.S)
			}
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s: dates %s, want %s", c.name, g, c.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	s, err := Parse(sample)
	if err != nil {
		t.Fatal(err)
	}
	want := "Median first response to stakeholder questions: 5 readings from Jan 15, 2027 to Feb 12, 2027; the latest 42 minutes. Baseline 45 minutes. Target 60 minutes or less."
	if got := Describe(s); got != want {
		t.Errorf("Describe = %q", got)
	}
}
