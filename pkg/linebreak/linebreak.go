// Package linebreak chooses where the lines of a paragraph end, all at
// once, by the method of Knuth and Plass ("Breaking paragraphs into
// lines", Software—Practice and Experience 11 (1981) 1119–1184), the one
// TeX uses: rather than filling each line as full as it goes, it finds the
// breaks whose lines are, taken together, the most even.
//
// A paragraph is a list of items: boxes (a word, or a piece of one), glue
// (a space, which may stretch or shrink) and penalties (a place a line may
// end at a cost, such as a hyphen's). A line may end at a penalty below
// Infinity, or at glue that follows a box; it must end at a penalty of
// -Infinity. Glue and penalties after a break, up to the next box, are
// dropped: a line never starts with a space.
//
// Ragged-right setting, as TeX's \raggedright: give Params.LineStretch a
// few ems and the spaces no stretch or shrink. Every line then ends in
// glue that may stretch by LineStretch, so a line's badness grows with
// the room left empty at its end, and the breaks chosen keep that room
// about the same from line to line.
package linebreak

import "math"

// Kind is what an item is.
type Kind uint8

// The kinds of items.
const (
	Box     Kind = iota // material that is never broken: a word or part of one
	Glue                // a space, with its stretch and shrink
	Penalty             // a place to break, at a cost
)

// Infinity is the penalty at which a break is forbidden; a penalty of
// -Infinity or less forces one. It is also the largest badness a line can
// have.
const Infinity = 10000

// Item is one box, glue or penalty of a paragraph.
type Item struct {
	Kind Kind
	// Width is a box's or glue's width; a penalty's is added to the line
	// that ends at it (a hyphen's), and is otherwise nothing.
	Width float64
	// Stretch and Shrink are how far glue may grow or shrink. A Stretch
	// of math.Inf(1) fills any line (the glue that ends a paragraph); such
	// glue counts apart, so that it never swamps the rest.
	Stretch, Shrink float64
	// Penalty is a penalty's cost; Flagged marks a break that leaves a
	// visible sign, a hyphen, two of which should not end lines in a row.
	Penalty float64
	Flagged bool
}

// NewBox returns a box of width w.
func NewBox(w float64) Item { return Item{Kind: Box, Width: w} }

// NewGlue returns glue of width w that may stretch by stretch and shrink
// by shrink.
func NewGlue(w, stretch, shrink float64) Item {
	return Item{Kind: Glue, Width: w, Stretch: stretch, Shrink: shrink}
}

// NewPenalty returns a penalty of cost p whose break adds w to its line;
// flagged marks a hyphen's.
func NewPenalty(w, p float64, flagged bool) Item {
	return Item{Kind: Penalty, Width: w, Penalty: p, Flagged: flagged}
}

// Params are the measure and the costs that weigh one set of breaks
// against another.
type Params struct {
	// Width is the length of every line.
	Width float64
	// LineStretch is how far every line may fall short of Width besides
	// the stretch of its own glue: TeX's \rightskip in ragged-right
	// setting. Zero justifies.
	LineStretch float64
	// Tolerance is the largest badness a line may have in the first try,
	// in which flagged penalties are not breaks (TeX's \pretolerance);
	// RetryTolerance is the largest in the second (\tolerance). When
	// neither try finds breaks, a last one takes any badness, adding
	// EmergencyStretch to every line's stretch, and lets a line run over
	// when no break keeps it within Width, so that Break always returns
	// breaks.
	Tolerance, RetryTolerance, EmergencyStretch float64
	// LinePenalty is added to every line's badness before squaring (TeX's
	// \linepenalty): the higher, the fewer lines.
	LinePenalty float64
	// FlaggedDemerits are added for two lines in a row ending at flagged
	// breaks (\doublehyphendemerits); FinalFlaggedDemerits for a flagged
	// break ending the line before a forced break, such as the last line
	// (\finalhyphendemerits); FitnessDemerits for neighbouring lines
	// whose fitness classes are more than one apart, a tight line next to
	// a loose one (\adjdemerits).
	FlaggedDemerits, FinalFlaggedDemerits, FitnessDemerits float64
	// FreeEnds leaves out of the fitness comparison the start of the
	// paragraph (TeX counts it as a decent line) and lines with glue that
	// fills any line, such as the last: in ragged-right setting their
	// length says nothing, and comparing them would keep the line before
	// the last from ending loose, even to avoid a last line of one word.
	FreeEnds bool
}

// DefaultParams returns TeX's plain format's settings for lines of the
// given width, justified.
func DefaultParams(width float64) Params {
	return Params{
		Width:                width,
		Tolerance:            100,
		RetryTolerance:       200,
		LinePenalty:          10,
		FlaggedDemerits:      10000,
		FinalFlaggedDemerits: 5000,
		FitnessDemerits:      10000,
	}
}

// Break returns where the lines of items end: the index of the item each
// line ends at, in order, the last being the paragraph's end. A paragraph
// that does not end in a forced break is taken to end in one after its
// last item, whose index (len(items)) then ends the list. Among breaks of
// equal demerits the one found first wins, so the result depends on the
// items and params alone. Break returns nil for no items.
func Break(items []Item, p Params) []int {
	breaks, _ := breakCounting(items, p)
	return breaks
}

// breakCounting is Break, also returning how many lines it weighed.
func breakCounting(items []Item, p Params) (breaks []int, lines int) {
	if len(items) == 0 {
		return nil, 0
	}
	var b breaker
	b.items, b.p = items, p
	b.end = len(items)
	if last := items[len(items)-1]; last.Kind == Penalty && last.Penalty <= -Infinity {
		b.end = len(items) - 1
	}
	for pass := first; ; pass++ {
		if breaks, ok := b.run(pass); ok {
			return breaks, b.lines
		}
	}
}

// pass is one try at breaking a paragraph.
type pass int

const (
	first     pass = iota // no flagged breaks, Tolerance
	second                // flagged breaks, RetryTolerance
	emergency             // any badness, EmergencyStretch, overfull lines when need be
)

// Fitness classes: how much a line's glue stretches or shrinks.
const (
	tight     = iota // shrinks by more than half of what it can
	decent           // within half of its stretch or shrink
	loose            // stretches by more than half of what it can
	veryLoose        // stretches by more than all of it
	classes
	free = -1 // compared with no class (Params.FreeEnds)
)

// sums are running totals of widths, stretch and shrink over the items.
type sums struct {
	width, stretch, shrink float64
	fil                    int // glue that fills any line
}

// addGlue adds a glue item's width and its stretch and shrink: an
// infinite stretch counts as one fil.
func (s *sums) addGlue(it *Item) {
	s.width += it.Width
	s.shrink += it.Shrink
	if math.IsInf(it.Stretch, 1) {
		s.fil++
	} else {
		s.stretch += it.Stretch
	}
}

// node is a feasible break: the best way found to end a line at item pos
// with a line of the given fitness class.
type node struct {
	pos      int   // the item broken at; -1 for the paragraph's start
	prev     int32 // the node that ends the line before, in breaker.nodes; -1 for none
	fitness  int8  // the fitness class of the line it ends; free for none (Params.FreeEnds)
	flagged  bool
	demerits float64 // total, from the paragraph's start
	after    sums    // totals up to the first item of the next line
}

// breaker holds one paragraph's state across the passes, so that the
// node and active lists are allocated once.
type breaker struct {
	items  []Item
	p      Params
	end    int     // the index of the final forced break; len(items) when it is implied
	nodes  []node  // every node made, active or not
	active []int32 // the active nodes: where the line being set may start
	next   []int32 // active's replacement, built while a break is tried
	lines  int     // lines weighed so far, in every pass: the work done
}

// run makes one pass; ok is false when it finds no breaks.
func (b *breaker) run(ps pass) (breaks []int, ok bool) {
	tolerance := b.p.Tolerance
	stretch := b.p.LineStretch
	switch ps {
	case second:
		tolerance = b.p.RetryTolerance
	case emergency:
		tolerance = math.Inf(1)
		stretch += b.p.EmergencyStretch
	}
	start := node{pos: -1, prev: -1, fitness: decent}
	if b.p.FreeEnds {
		start.fitness = free
	}
	b.nodes = append(b.nodes[:0], start)
	b.active = append(b.active[:0], 0)
	var total sums
	for i := 0; i <= b.end && len(b.active) > 0; i++ {
		if i == b.end {
			width := 0.0
			if i < len(b.items) {
				width = b.items[i].Width
			}
			b.try(ps, i, total, width, -Infinity, false, tolerance, stretch)
			break
		}
		it := &b.items[i]
		switch it.Kind {
		case Box:
			total.width += it.Width
		case Glue:
			if i > 0 && b.items[i-1].Kind == Box {
				b.try(ps, i, total, 0, 0, false, tolerance, stretch)
			}
			total.addGlue(it)
		case Penalty:
			if it.Penalty < Infinity && (!it.Flagged || ps != first) {
				b.try(ps, i, total, it.Width, it.Penalty, it.Flagged, tolerance, stretch)
			}
		}
	}
	// The best node at the end, the first of equal ones.
	best := int32(-1)
	for _, a := range b.active {
		n := &b.nodes[a]
		if n.pos == b.end && (best < 0 || n.demerits < b.nodes[best].demerits) {
			best = a
		}
	}
	if best < 0 {
		return nil, false
	}
	lines := 0
	for a := best; b.nodes[a].prev >= 0; a = b.nodes[a].prev {
		lines++
	}
	breaks = make([]int, lines)
	for a := best; b.nodes[a].prev >= 0; a = b.nodes[a].prev {
		lines--
		breaks[lines] = b.nodes[a].pos
	}
	return breaks, true
}

// try tries a break at item pos, whose penalty is penalty and which adds
// width to the line it ends, with total the sums of the items before it:
// it ends a line there from every active node it can, keeps the best for
// each fitness class as new active nodes, and drops the active nodes from
// which a line to pos is already too long (or which a forced break ends).
func (b *breaker) try(ps pass, pos int, total sums, width, penalty float64, flagged bool, tolerance, stretch float64) {
	forced := penalty <= -Infinity
	var best [classes]float64
	var from [classes]int32
	var filled [classes]bool // the best line has glue that fills it
	for c := range best {
		best[c] = math.Inf(1)
		from[c] = -1
	}
	found := false
	last := int32(-1) // the last node dropped, for an emergency break
	b.next = b.next[:0]
	b.lines += len(b.active)
	for _, a := range b.active {
		n := &b.nodes[a]
		r := b.ratio(n, total, width, stretch)
		if r >= -1 {
			bad := badness(r)
			if min(bad, Infinity) <= tolerance {
				d := b.demerits(n, bad, penalty, flagged, forced)
				c := fitness(r)
				fills := b.p.FreeEnds && total.fil > n.after.fil
				if !fills && n.fitness != free && abs(c-int(n.fitness)) > 1 {
					d += b.p.FitnessDemerits
				}
				d += n.demerits
				if d < best[c] {
					best[c], from[c], filled[c] = d, a, fills
					found = true
				}
			}
		}
		if r < -1 || forced {
			last = a
			continue
		}
		b.next = append(b.next, a)
	}
	if !found && len(b.next) == 0 && ps == emergency && last >= 0 {
		// Nothing fits and nothing is left to try from: an overfull line
		// from the last node dropped, rather than no breaks at all.
		best[decent], from[decent] = b.nodes[last].demerits, last
		found = true
	}
	b.active, b.next = b.next, b.active
	if !found {
		return
	}
	least := math.Inf(1)
	for _, d := range best {
		least = min(least, d)
	}
	after := b.after(pos, total)
	for c, d := range best {
		if from[c] < 0 || d > least+b.p.FitnessDemerits {
			continue
		}
		fit := int8(c)
		if filled[c] {
			fit = free
		}
		b.nodes = append(b.nodes, node{pos: pos, prev: from[c], fitness: fit, flagged: flagged, demerits: d, after: after})
		b.active = append(b.active, int32(len(b.nodes)-1))
	}
}

// ratio is how far the glue of a line from n to a break stretches (above
// 0) or shrinks (below) as a share of what it can: below -1 the line is
// too long; +Inf when it is short and cannot stretch.
func (b *breaker) ratio(n *node, total sums, width, stretch float64) float64 {
	natural := total.width - n.after.width + width
	short := b.p.Width - natural
	switch {
	case short > 0:
		if total.fil > n.after.fil {
			return 0
		}
		if y := total.stretch - n.after.stretch + stretch; y > 0 {
			return short / y
		}
		return math.Inf(1)
	case short < 0:
		if z := total.shrink - n.after.shrink; z > 0 {
			return short / z
		}
		return math.Inf(-1)
	}
	return 0
}

// badness is 100·|r|³, the cost of a line whose glue is set at ratio r.
// TeX caps it at Infinity; here it runs on (to maxBadness), so that
// where only lines worse than that are left, as in the emergency pass, a
// line twice as empty still costs more. Tolerances compare it capped.
func badness(r float64) float64 {
	r = math.Abs(r)
	if r > 1e4 { // keeps r³ finite; 100·(10⁴)³ is over maxBadness
		return maxBadness
	}
	return min(100*r*r*r, maxBadness)
}

// maxBadness bounds badness, so that demerits stay finite (and can be
// compared) for lines that cannot stretch at all.
const maxBadness = 1e12

// fitness is the fitness class of a line whose glue is set at ratio r.
func fitness(r float64) int {
	switch {
	case r < -0.5:
		return tight
	case r <= 0.5:
		return decent
	case r <= 1:
		return loose
	}
	return veryLoose
}

// demerits is what a line of badness bad, from n to a break of the given
// penalty, adds to the paragraph's demerits, before fitness classes are
// compared.
func (b *breaker) demerits(n *node, bad, penalty float64, flagged, forced bool) float64 {
	l := b.p.LinePenalty + bad
	d := l * l
	switch {
	case forced:
	case penalty >= 0:
		d += penalty * penalty
	default:
		d -= penalty * penalty
	}
	if flagged && n.flagged {
		d += b.p.FlaggedDemerits
	}
	if forced && n.flagged {
		d += b.p.FinalFlaggedDemerits
	}
	return d
}

// after returns the sums up to the first item of the line that starts
// after a break at pos: past the break's glue and the glue and penalties
// that follow it, up to a box or a forced break.
func (b *breaker) after(pos int, total sums) sums {
	for i := pos; i < b.end; i++ {
		it := &b.items[i]
		switch {
		case it.Kind == Box:
			return total
		case it.Kind == Glue:
			total.addGlue(it)
		case it.Penalty <= -Infinity && i > pos:
			return total
		}
	}
	return total
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
