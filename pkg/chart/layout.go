package chart

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/locale"
)

// Role says what a mark shows; each renderer gives a role its colour.
type Role int

// The roles of a chart's marks.
const (
	Grid     Role = iota // light horizontal lines at the value ticks
	Axis                 // the x axis, its tick marks, the zero line, and the axes' labels
	Baseline             // the value before the trial: its line and label
	Target               // the target: its line and label
	Good                 // the tint on the target's good side
	Reading              // the readings: their line, dots and the latest value
	Title                // the chart's title
)

// Anchor says which point of a text its X gives.
type Anchor int

// The anchors of a text, as SVG's text-anchor names them.
const (
	Start  Anchor = iota // X is where the text starts
	Middle               // X is the text's centre
	End                  // X is where the text ends
)

// XY is a point in the chart's box, y growing downward.
type XY struct{ X, Y float64 }

// Rect is a filled rectangle.
type Rect struct {
	X, Y, W, H float64
	Role       Role
}

// Line is a straight line, Width points wide; Dash is the lengths of its
// dashes and gaps, or zero for a solid line.
type Line struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Dash           [2]float64
	Role           Role
}

// Path is a line through points, Width points wide, with round joins. It
// has no points when there is a single reading.
type Path struct {
	Points []XY
	Width  float64
	Role   Role
}

// Dot is a filled circle of radius R, outlined in white Ring points wide
// so that it stands clear of the lines beneath it.
type Dot struct {
	X, Y, R, Ring float64
	Role          Role
}

// Text is a label in Noto Sans: Y is its baseline, X its Anchor point.
type Text struct {
	X, Y   float64
	Anchor Anchor
	Size   float64 // in points
	Bold   bool
	Role   Role
	S      string
}

// Plot is a chart laid out in the box (0,0)-(Width,Height), y growing
// downward: everything to draw, as plain geometry and strings. Renderers
// draw Fills, Lines, Path, Dots and Texts in that order, each with its
// role's colour.
type Plot struct {
	Width, Height float64
	Title         string // the chart's title, whole, for an accessible name
	Desc          string // the chart in words, for an accessible description
	Area          Rect   // where the readings are plotted; not drawn itself
	Fills         []Rect
	Lines         []Line
	Path          Path
	Dots          []Dot
	Texts         []Text
}

// The chart's measures, in points.
const (
	titleSize = 9.0
	labelSize = 8.0
	titleLead = 11.5

	// A label takes ascent×size above its baseline and descent×size below;
	// capitals and digits stand capHeight×size tall, so a label centred on
	// y has its baseline at y + capHeight×size/2.
	ascent    = 0.75
	descent   = 0.25
	capHeight = 0.72

	xPad     = 4.0 // between the plot area's sides and the first and last day
	labelGap = 5.0 // between a line's end or an axis and its label
	minTextW = 120.0
	minTextH = 60.0 // a box smaller than this gets no labels
	maxXTick = 7    // the most dates the x axis labels

	bareInset = lastDotR + dotRing/2 + 0.5 // the plot area's inset in a box too small for labels

	dotR      = 2.0
	lastDotR  = 2.75
	dotRing   = 0.75
	readWidth = 1.25
)

// Layout lays the chart out in a box width by height points: the title,
// a caption with the unit, value ticks with gridlines, date ticks, the
// baseline and target lines labelled at their right ends, a light tint on
// the target's good side, the readings as a line with a dot at each, and
// the latest value beside its dot. A box under 120 by 60 points gets the
// lines and dots alone. The same Spec and box always give the same Plot.
func Layout(s Spec, width, height float64) Plot {
	p := Plot{Width: width, Height: height, Title: s.Title, Desc: Describe(s)}
	if !(width > 0 && height > 0) || len(s.Points) == 0 {
		return p
	}
	l := &layouter{s: s, p: &p}
	l.layOut()
	return p
}

// layouter holds what Layout has worked out so far.
type layouter struct {
	s Spec
	p *Plot

	top, bottom, left, right float64 // the plot area
	lo, hi                   float64 // the value range
	day0, days               float64 // the first day and the number of days shown
	labels                   bool    // false in a box too small for text
}

func (l *layouter) layOut() {
	p, s := l.p, l.s
	l.labels = p.Width >= minTextW && p.Height >= minTextH

	// The header: the title (two lines at most, when the box is tall
	// enough) and the unit's caption.
	var title []string
	var caption string
	headerBottom := 0.0
	if l.labels {
		lines := 2
		if p.Height < 100 {
			lines = 1
		}
		title = wrap(s.Title, titleSize, true, p.Width, lines)
		if u := s.unitLabel(); u != "" && u != "%" {
			caption = fit(u, labelSize, false, p.Width)
		}
		for {
			headerBottom = headerHeight(len(title), caption != "")
			if p.Height-16-(headerBottom+7) >= 30 || (len(title) <= 1 && caption == "") {
				break
			}
			if len(title) > 1 {
				title = wrap(s.Title, titleSize, true, p.Width, 1)
			} else {
				caption = ""
			}
		}
		l.top, l.bottom = headerBottom+7, p.Height-16
	} else {
		l.top, l.bottom = bareInset, p.Height-bareInset
	}
	if l.bottom-l.top < 1 {
		l.top, l.bottom = p.Height/2, p.Height/2
	}

	ticks, decimals := l.valueRange()
	tickText := make([]string, len(ticks))
	leftW := 0.0
	for i, v := range ticks {
		tickText[i] = l.tickLabel(v, decimals)
		leftW = max(leftW, textWidth(tickText[i], labelSize, false))
	}

	// The right-hand gutter holds the baseline's and the target's labels,
	// and room for the latest value beside a last dot at the right edge.
	// The baseline comes first, so that the target is drawn over it.
	var lineLabels []lineLabel
	if s.HasBaseline {
		lineLabels = append(lineLabels, lineLabel{v: s.Baseline, role: Baseline, s: s.words().Baseline + ": " + l.short(s.Baseline)})
	}
	if s.HasTarget {
		lineLabels = append(lineLabels, lineLabel{v: s.Target, role: Target, s: l.targetLabel()})
	}
	latest := l.short(s.Points[len(s.Points)-1].Value)
	if l.labels {
		gutter := textWidth(latest, labelSize, true) + lastDotR + 3 - xPad + 2
		for _, ll := range lineLabels {
			gutter = max(gutter, labelGap+textWidth(ll.s, labelSize, false)+1)
		}
		gutter = min(gutter, 0.35*p.Width)
		for i := range lineLabels {
			lineLabels[i].s = fit(lineLabels[i].s, labelSize, false, gutter-labelGap-1)
		}
		l.left = min(leftW+labelGap, 0.4*p.Width)
		for i := range tickText {
			tickText[i] = fit(tickText[i], labelSize, false, l.left-labelGap)
		}
		l.right = p.Width - gutter
	} else {
		l.left, l.right = bareInset, p.Width-bareInset
	}
	if l.right < l.left {
		l.left, l.right = p.Width/2, p.Width/2
	}
	p.Area = Rect{X: l.left, Y: l.top, W: l.right - l.left, H: l.bottom - l.top, Role: Grid}

	l.dayRange()

	// Title and caption.
	for i, t := range title {
		p.Texts = append(p.Texts, Text{X: 0, Y: ascent*titleSize + 2.25 + float64(i)*titleLead, Size: titleSize, Bold: true, Role: Title, S: t})
	}
	if caption != "" {
		p.Texts = append(p.Texts, Text{X: 0, Y: headerBottom - descent*labelSize, Size: labelSize, Role: Axis, S: caption})
	}

	// The tint on the target's good side goes beneath everything.
	if s.HasTarget && s.Better != Unstated {
		y := l.y(s.Target)
		if s.Better == Higher && y-l.top > 0.5 {
			p.Fills = append(p.Fills, Rect{X: l.left, Y: l.top, W: l.right - l.left, H: y - l.top, Role: Good})
		}
		if s.Better == Lower && l.bottom-y > 0.5 {
			p.Fills = append(p.Fills, Rect{X: l.left, Y: y, W: l.right - l.left, H: l.bottom - y, Role: Good})
		}
	}

	// Gridlines and their labels; the lowest is the x axis, and zero,
	// when the values cross it, is drawn as an axis too.
	for i, v := range ticks {
		y := l.y(v)
		switch {
		case i == 0 || v == 0:
			p.Lines = append(p.Lines, Line{X1: l.left, Y1: y, X2: l.right, Y2: y, Width: 0.6, Role: Axis})
		case l.labels:
			p.Lines = append(p.Lines, Line{X1: l.left, Y1: y, X2: l.right, Y2: y, Width: 0.4, Role: Grid})
		}
		if l.labels {
			p.Texts = append(p.Texts, Text{X: l.left - labelGap, Y: y + capHeight*labelSize/2, Anchor: End, Size: labelSize, Role: Axis, S: tickText[i]})
		}
	}
	if l.labels {
		for _, t := range l.dateTicks() {
			p.Lines = append(p.Lines, Line{X1: t.x, Y1: l.bottom, X2: t.x, Y2: l.bottom + 3, Width: 0.6, Role: Axis})
			p.Texts = append(p.Texts, Text{X: t.labelX, Y: l.bottom + 3 + 3 + ascent*labelSize, Anchor: Middle, Size: labelSize, Role: Axis, S: t.s})
		}
	}

	// The baseline and the target.
	for _, ll := range lineLabels {
		y := l.y(ll.v)
		ln := Line{X1: l.left, Y1: y, X2: l.right, Y2: y, Width: 0.8, Role: ll.role}
		if ll.role == Target {
			ln.Width, ln.Dash = 0.9, [2]float64{3.5, 2}
		}
		p.Lines = append(p.Lines, ln)
	}

	// The readings.
	pts := make([]XY, len(s.Points))
	for i, pt := range s.Points {
		pts[i] = XY{l.x(pt.Date), l.y(pt.Value)}
	}
	if len(pts) > 1 {
		p.Path = Path{Points: pts, Width: readWidth, Role: Reading}
	}
	for i, pt := range pts {
		r := dotR
		if i == len(pts)-1 {
			r = lastDotR
		}
		p.Dots = append(p.Dots, Dot{X: pt.X, Y: pt.Y, R: r, Ring: dotRing, Role: Reading})
	}

	if !l.labels {
		return
	}
	l.placeLineLabels(lineLabels)
	l.placeLatest(latest, pts)
}

// headerHeight is how far down the title's lines and the caption reach.
func headerHeight(titleLines int, caption bool) float64 {
	h := ascent*titleSize + 2.25 + float64(titleLines-1)*titleLead + descent*titleSize
	if caption {
		h += 3 + ascent*labelSize + descent*labelSize
	}
	return h
}

// lineLabel is the label of the baseline or the target.
type lineLabel struct {
	v    float64
	role Role
	s    string
}

// y is where value v is plotted.
func (l *layouter) y(v float64) float64 {
	if l.hi == l.lo {
		return (l.top + l.bottom) / 2
	}
	return l.bottom - (v-l.lo)/(l.hi-l.lo)*(l.bottom-l.top)
}

// x is where day d is plotted.
func (l *layouter) x(d time.Time) float64 {
	w := l.right - l.left - 2*xPad
	if l.days == 0 || w <= 0 {
		return (l.left + l.right) / 2
	}
	return l.left + xPad + (dayNumber(d)-l.day0)/l.days*w
}

// dayNumber counts days since 1970 (fractions for a time of day).
func dayNumber(t time.Time) float64 {
	return float64(t.Unix()) / 86400
}

// dayRange sets the days shown: from and to, widened to every reading.
func (l *layouter) dayRange() {
	first, last := l.s.Points[0].Date, l.s.Points[len(l.s.Points)-1].Date
	if !l.s.From.IsZero() && l.s.From.Before(first) {
		first = l.s.From
	}
	if !l.s.To.IsZero() && l.s.To.After(last) {
		last = l.s.To
	}
	l.day0 = dayNumber(first)
	l.days = dayNumber(last) - l.day0
}

// valueRange sets the value range from the readings, the baseline and the
// target, widened to round ticks, and returns the ticks and the decimals
// their labels take. A range that starts above zero but below a third of
// its top starts at zero (and one that ends below zero likewise ends
// there), and one narrower than a third of its magnitude is widened away
// from zero, so a chart does not exaggerate a change; a flat range is
// widened around its value first. Percentages stop at 100, and a score
// "of N" at N, when no value is above.
func (l *layouter) valueRange() (ticks []float64, decimals int) {
	s := l.s
	lo, hi := math.Inf(1), math.Inf(-1)
	whole := true // every value a whole number: no tick between them
	see := func(v float64) {
		lo, hi = min(lo, v), max(hi, v)
		whole = whole && v == math.Trunc(v)
	}
	for _, pt := range s.Points {
		see(pt.Value)
	}
	if s.HasBaseline {
		see(s.Baseline)
	}
	if s.HasTarget {
		see(s.Target)
	}
	// A scale with a top (percentages, "of 5") does not go past it when
	// no value does.
	ceiling := math.Inf(1)
	if top, ok := scaleTop(s.Unit); ok && hi <= top {
		ceiling = top
	}
	if lo == hi {
		pad := math.Abs(lo) / 4
		if pad == 0 {
			pad = 1
		}
		if lo >= 0 {
			lo, hi = max(lo-pad, 0), hi+pad
		} else {
			lo, hi = lo-pad, min(hi+pad, 0)
		}
		hi = min(hi, ceiling)
	}
	// A narrow range far from zero is widened to a third of its
	// magnitude, away from zero: a satisfaction of 4.3 against a target of
	// 4 (of 5) is not drawn as a steep climb.
	if span := max(math.Abs(lo), math.Abs(hi)) / 3; hi-lo < span {
		if lo >= 0 {
			lo = max(hi-span, 0)
		} else if hi <= 0 {
			hi = min(lo+span, 0)
		}
	}
	if lo > 0 && lo < hi/3 {
		lo = 0
	}
	if hi < 0 && hi > lo/3 {
		hi = 0
	}
	most := int((l.bottom-l.top)/18) + 1
	most = min(max(most, 3), 6) // 3 at least: a range across zero needs them
	ticks, decimals = niceTicks(lo, hi, most, whole, ceiling)
	l.lo, l.hi = ticks[0], ticks[len(ticks)-1]
	return ticks, decimals
}

// niceTicks returns at most most (at least 3) round values from at or
// below lo to at or above hi, lo < hi, a step of 1, 2, 2.5 or 5 times a
// power of ten apart (and a whole number when whole), and the decimals
// the step needs. The last is no more than ceiling, hi ≤ ceiling, unless
// only a step a thousand times the first tried keeps it there.
func niceTicks(lo, hi float64, most int, whole bool, ceiling float64) ([]float64, int) {
	raw := (hi - lo) / float64(most-1)
	e0 := math.Floor(math.Log10(raw))
	for e := e0; ; e++ {
		for _, m := range []float64{1, 2, 2.5, 5} {
			step := m * math.Pow(10, e)
			if whole && (step < 1 || step != math.Trunc(step)) {
				continue
			}
			kLo := math.Floor(lo/step + 1e-9)
			kHi := math.Ceil(hi/step - 1e-9)
			if kHi <= kLo {
				kHi = kLo + 1
			}
			if int(kHi-kLo)+1 > most || (kHi*step > ceiling+1e-9*math.Abs(ceiling) && e < e0+3) {
				continue
			}
			decimals := max(0, int(-e))
			if m == 2.5 {
				decimals = max(0, int(-e)+1)
			}
			var ticks []float64
			for k := kLo; k <= kHi; k++ {
				v := k * step
				if v == 0 {
					v = 0 // never -0
				}
				ticks = append(ticks, v)
			}
			return ticks, decimals
		}
	}
}

// ofN reads a unit such as "of 5".
var ofN = regexp.MustCompile(`^of\s+([0-9]+(\.[0-9]+)?)$`)

// scaleTop is the top of a unit's scale: 100 for "%", N for "of N".
func scaleTop(unit string) (float64, bool) {
	if unit == "%" {
		return 100, true
	}
	if m := ofN.FindStringSubmatch(unit); m != nil {
		if top, err := strconv.ParseFloat(m[1], 64); err == nil && top > 0 {
			return top, true
		}
	}
	return 0, false
}

// tickLabel formats a value tick with a fixed number of decimals, with
// the percent sign when the unit is "%".
func (l *layouter) tickLabel(v float64, decimals int) string {
	t := strconv.FormatFloat(v, 'f', decimals, 64)
	if t == "-0" || strings.Trim(t, "-0.") == "" {
		t = strconv.FormatFloat(0, 'f', decimals, 64)
	}
	if l.s.Unit == "%" {
		t += "%"
	}
	return t
}

// short formats a value as the fence gives it, with the percent sign when
// the unit is "%"; other units are in the caption.
func (l *layouter) short(v float64) string {
	t := l.s.value(v)
	if l.s.Unit == "%" {
		t += l.s.percentSign()
	}
	return t
}

// formatValue writes a value in as few digits as give it back exactly.
func formatValue(v float64) string {
	if v == 0 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// targetLabel is "Target: 60", with "or less" or "or more" when the fence
// says which side is better.
func (l *layouter) targetLabel() string {
	w := l.s.words()
	t := w.Target + ": " + l.short(l.s.Target)
	switch l.s.Better {
	case Higher:
		t += " " + w.OrMore
	case Lower:
		t += " " + w.OrLess
	}
	return t
}

// dateTick is a labelled day on the x axis.
type dateTick struct {
	x, labelX float64 // the tick, and the label's centre (kept inside the box)
	s         string
}

// dateTicks picks the days the x axis labels: every day, every second
// day, every week or every second week from the first day shown, or the
// first of every month, two, three or six months, or of every year,
// whichever comes first with at most maxXTick labels that stand clear of
// each other. A single day is labelled alone.
func (l *layouter) dateTicks() []dateTick {
	first := time.Unix(int64(math.Round(l.day0*86400)), 0).UTC()
	last := first.Add(time.Duration(math.Round(l.days*86400)) * time.Second)
	if l.days == 0 {
		return l.labelTicks([]time.Time{first}, "Jan 2")
	}
	for _, n := range []int{1, 2, 7, 14} {
		var days []time.Time
		for d := first; !d.After(last) && len(days) <= maxXTick; d = d.AddDate(0, 0, n) {
			days = append(days, d)
		}
		if t := l.labelTicks(days, "Jan 2"); t != nil {
			return t
		}
	}
	layout := "Jan"
	if first.Year() != last.Year() {
		layout = "Jan 2006"
	}
	for _, n := range []int{1, 2, 3, 6, 12} {
		var days []time.Time
		for d := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC); !d.After(last) && len(days) <= maxXTick; d = d.AddDate(0, n, 0) {
			if !d.Before(first) {
				days = append(days, d)
			}
		}
		if len(days) > 0 {
			if t := l.labelTicks(days, layout); t != nil {
				return t
			}
		}
	}
	if t := l.labelTicks([]time.Time{first, last}, "Jan 2, 2006"); t != nil {
		return t
	}
	return l.labelTicks([]time.Time{first}, "Jan 2, 2006")
}

// labelTicks places labels under days, each kept inside the box; nil when
// there are more than maxXTick or two would come closer than 8 points.
func (l *layouter) labelTicks(days []time.Time, layout string) []dateTick {
	if len(days) > maxXTick {
		return nil
	}
	ticks := make([]dateTick, len(days))
	prevEnd := math.Inf(-1)
	for i, d := range days {
		s := l.s.dateLabel(d, layout)
		w := textWidth(s, labelSize, false)
		x := l.x(d)
		c := min(max(x, w/2), l.p.Width-w/2)
		if c-w/2 < prevEnd+8 {
			return nil
		}
		prevEnd = c + w/2
		ticks[i] = dateTick{x: x, labelX: c, s: s}
	}
	return ticks
}

// placeLineLabels sets the baseline's and the target's labels in the
// right-hand gutter, each centred on its line's end, moved apart when the
// lines are too close for both.
func (l *layouter) placeLineLabels(labels []lineLabel) {
	const h = 10.0 // the least distance between two labels' centres
	lo, hi := l.top-2, l.bottom
	ys := make([]float64, len(labels))
	for i, ll := range labels {
		ys[i] = min(max(l.y(ll.v), lo), hi)
	}
	if len(ys) == 2 && math.Abs(ys[0]-ys[1]) < h {
		a, b := 0, 1 // a above b
		if ys[1] < ys[0] || (ys[1] == ys[0] && labels[1].role == Target) {
			a, b = 1, 0
		}
		mid := (ys[0] + ys[1]) / 2
		ya, yb := mid-h/2, mid+h/2
		if ya < lo {
			ya, yb = lo, lo+h
		}
		if yb > hi {
			ya, yb = hi-h, hi
		}
		ys[a], ys[b] = ya, yb
	}
	for i, ll := range labels {
		l.p.Texts = append(l.p.Texts, Text{X: l.right + labelGap, Y: ys[i] + capHeight*labelSize/2, Size: labelSize, Role: ll.role, S: ll.s})
	}
}

// box is a rectangle by its corners.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// textBox is the space a text takes, from its ascent to its descent.
func textBox(t Text) box {
	w := textWidth(t.S, t.Size, t.Bold)
	x := t.X
	switch t.Anchor {
	case Middle:
		x -= w / 2
	case End:
		x -= w
	}
	return box{x, t.Y - ascent*t.Size, x + w, t.Y + descent*t.Size}
}

// placeLatest labels the last reading beside its dot: to the right,
// above, below, then diagonally or to the left, at the first place inside
// the plot that touches no line, dot or label, else where it touches
// fewest lines and dots. It is left out where it would touch a label
// wherever it went.
func (l *layouter) placeLatest(s string, pts []XY) {
	last := pts[len(pts)-1]
	r, g := lastDotR, 3.0
	size := labelSize
	mid := capHeight * size / 2
	cands := []Text{
		{X: last.X + r + g, Y: last.Y + mid, Anchor: Start},
		{X: last.X, Y: last.Y - r - g, Anchor: Middle},
		{X: last.X, Y: last.Y + r + g + capHeight*size, Anchor: Middle},
		{X: last.X + r, Y: last.Y - r - 1, Anchor: Start},
		{X: last.X + r, Y: last.Y + r + 1 + capHeight*size, Anchor: Start},
		{X: last.X - r - g, Y: last.Y + mid, Anchor: End},
		{X: last.X - r, Y: last.Y - r - 1, Anchor: End},
		{X: last.X - r, Y: last.Y + r + 1 + capHeight*size, Anchor: End},
	}
	var labels, obstacles []box
	for _, t := range l.p.Texts {
		labels = append(labels, textBox(t))
	}
	for _, pt := range pts[:len(pts)-1] {
		obstacles = append(obstacles, box{pt.X - dotR - 1, pt.Y - dotR - 1, pt.X + dotR + 1, pt.Y + dotR + 1})
	}
	var segs [][2]XY
	for i := 1; i < len(pts); i++ {
		segs = append(segs, [2]XY{pts[i-1], pts[i]})
	}
	for _, ln := range l.p.Lines {
		if ln.Role == Baseline || ln.Role == Target || (ln.Role == Axis && ln.Y1 == ln.Y2) {
			segs = append(segs, [2]XY{{ln.X1, ln.Y1}, {ln.X2, ln.Y2}})
		}
	}
	best, fewest := -1, math.MaxInt
candidates:
	for i := range cands {
		c := &cands[i]
		c.Size, c.Bold, c.Role, c.S = size, true, Reading, s
		b := textBox(*c)
		// Digits and the percent sign reach neither the ascent nor the
		// descent: only their own height counts.
		b.y0, b.y1 = c.Y-capHeight*size-1, c.Y+1
		if b.x0 < l.left || b.x1 > l.p.Width || b.y0 < l.top-6 || b.y1 > l.bottom-1 {
			continue
		}
		for _, o := range labels {
			if b.overlaps(o) {
				continue candidates
			}
		}
		hits := 0
		for _, o := range obstacles {
			if b.overlaps(o) {
				hits++
			}
		}
		for _, sg := range segs {
			if segmentHits(sg[0], sg[1], b) {
				hits++
			}
		}
		if hits < fewest {
			best, fewest = i, hits
		}
		if hits == 0 {
			break
		}
	}
	if best >= 0 {
		l.p.Texts = append(l.p.Texts, cands[best])
	}
}

// segmentHits reports whether the segment from a to b passes through box
// r (Liang–Barsky clipping).
func segmentHits(a, b XY, r box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float64{{-dx, a.X - r.x0}, {dx, r.x1 - a.X}, {-dy, a.Y - r.y0}, {dy, r.y1 - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// wrap breaks s into at most lines lines no wider than width, the last
// shortened with an ellipsis when the text does not fit.
func wrap(s string, size float64, bold bool, width float64, lines int) []string {
	words := strings.Fields(s)
	var out []string
	cur := ""
	for i, w := range words {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur == "" || textWidth(try, size, bold) <= width {
			cur = try
			continue
		}
		if len(out) == lines-1 {
			cur = strings.Join(append([]string{cur}, words[i:]...), " ")
			break
		}
		out = append(out, cur)
		cur = w
	}
	if cur != "" {
		out = append(out, cur)
	}
	for i := range out {
		out[i] = fit(out[i], size, bold, width)
	}
	return out
}

// Describe says what a chart shows in a sentence or two, for readers who
// cannot see it.
func Describe(s Spec) string {
	if s.Alt != "" {
		return s.Alt
	}
	var b strings.Builder
	b.WriteString(s.Title)
	if len(s.Points) == 0 {
		b.WriteString(": no readings.")
		return b.String()
	}
	unit := func(v float64) string {
		t := formatValue(v)
		switch s.Unit {
		case "":
			return t
		case "%":
			return t + "%"
		}
		return t + " " + s.Unit
	}
	first, last := s.Points[0], s.Points[len(s.Points)-1]
	if len(s.Points) == 1 {
		fmt.Fprintf(&b, ": one reading, %s on %s.", unit(last.Value), last.Date.Format("Jan 2, 2006"))
	} else {
		fmt.Fprintf(&b, ": %d readings from %s to %s; the latest %s.", len(s.Points),
			first.Date.Format("Jan 2, 2006"), last.Date.Format("Jan 2, 2006"), unit(last.Value))
	}
	if s.HasBaseline {
		fmt.Fprintf(&b, " Baseline %s.", unit(s.Baseline))
	}
	if s.HasTarget {
		fmt.Fprintf(&b, " Target %s", unit(s.Target))
		switch s.Better {
		case Higher:
			b.WriteString(" or more")
		case Lower:
			b.WriteString(" or less")
		}
		b.WriteString(".")
	}
	return b.String()
}

// EnglishWords label a chart whose fence gives no words of its own.
var EnglishWords = Words{Baseline: "Baseline", Target: "Target", OrMore: "or more", OrLess: "or less",
	Note: "The chart is drawn in the PDF."}

// words returns the chart's labels, each in English where the fence gives
// none.
func (s Spec) words() Words {
	w := s.Words
	for _, f := range []struct {
		at *string
		en string
	}{{&w.Baseline, EnglishWords.Baseline}, {&w.Target, EnglishWords.Target},
		{&w.OrMore, EnglishWords.OrMore}, {&w.OrLess, EnglishWords.OrLess}, {&w.Note, EnglishWords.Note}} {
		if *f.at == "" {
			*f.at = f.en
		}
	}
	return w
}

// Note is what a document that cannot draw the chart says in its place.
func (s Spec) Note() string { return s.words().Note }

// value writes a value in as few digits as give it back exactly, with the
// decimal mark of the chart's language.
func (s Spec) value(v float64) string {
	t := formatValue(v)
	if s.Lang == "" {
		return t
	}
	return locale.MustOf(s.Lang).Decimal(t)
}

// dateLabel writes an axis label in one of the layouts the axis uses:
// "Jan 2", "Jan", "Jan 2006" or "Jan 2, 2006", in the chart's language.
func (s Spec) dateLabel(d time.Time, layout string) string {
	l, ok := locale.Of(s.Lang)
	if !ok || l.English() {
		return d.Format(layout)
	}
	switch layout {
	case "Jan 2":
		return l.ShortDate(d)
	case "Jan":
		return l.MonthShort(d.Month())
	case "Jan 2006":
		return l.MonthShort(d.Month()) + " " + strconv.Itoa(d.Year())
	}
	return l.ShortDate(d) + " " + strconv.Itoa(d.Year())
}

// percentSign is how the chart's language writes a percentage after its
// number: "%", or a (narrow) no-break space and "%".
func (s Spec) percentSign() string {
	l, ok := locale.Of(s.Lang)
	if !ok {
		return "%"
	}
	return l.PercentSign()
}

// unitLabel is the unit the caption and the description name.
func (s Spec) unitLabel() string {
	if s.UnitLabel != "" {
		return s.UnitLabel
	}
	return s.Unit
}
