package linebreak

import (
	"math"
	"runtime"
	"slices"
	"testing"
)

// ragged returns the items of words of the given widths, set ragged right:
// spaces of width 1 that neither stretch nor shrink, and the paragraph's
// end.
func ragged(widths ...float64) []Item {
	var items []Item
	for i, w := range widths {
		if i > 0 {
			items = append(items, NewGlue(1, 0, 0))
		}
		items = append(items, NewBox(w))
	}
	return append(items, NewPenalty(0, Infinity, false), NewGlue(0, math.Inf(1), 0), NewPenalty(0, -Infinity, false))
}

// raggedParams are the settings of the tests: lines of width, which may
// end up to 3 short at badness 100.
func raggedParams(width float64) Params {
	p := DefaultParams(width)
	p.LineStretch = 3
	p.Tolerance, p.RetryTolerance = 1000, 2000
	return p
}

// greedy breaks items as full as each line goes: at the last glue or
// penalty where the line still fits.
func greedy(items []Item, width float64) []int {
	var breaks []int
	x, last, lineStart := 0.0, -1, 0
	for i := 0; i < len(items); i++ {
		it := items[i]
		switch {
		case it.Kind == Penalty && it.Penalty <= -Infinity:
			breaks = append(breaks, i)
			return breaks
		case it.Kind == Glue && i > lineStart && items[i-1].Kind == Box:
			last = i
		}
		if it.Kind != Penalty {
			x += it.Width
		}
		if it.Kind == Box && x > width && last >= 0 {
			breaks = append(breaks, last)
			i, x, lineStart, last = last, 0, last+1, -1
		}
	}
	return breaks
}

// lineWidths returns the natural widths of the lines that breaks make of
// items, leaving out the glue and penalties that end or start a line.
func lineWidths(items []Item, breaks []int) []float64 {
	var out []float64
	start := 0
	for _, b := range breaks {
		for start < b && items[start].Kind != Box {
			start++
		}
		end := b
		for end > start && items[end-1].Kind != Box {
			end--
		}
		w := 0.0
		for _, it := range items[start:end] {
			if it.Kind != Penalty {
				w += it.Width
			}
		}
		if b < len(items) && items[b].Kind == Penalty {
			w += items[b].Width
		}
		out = append(out, w)
		start = b + 1
	}
	return out
}

func variance(xs []float64) float64 {
	mean := 0.0
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	v := 0.0
	for _, x := range xs {
		v += (x - mean) * (x - mean)
	}
	return v / float64(len(xs))
}

func TestBalancesAShortLineFollowedByALongOne(t *testing.T) {
	// "aaa bb cc ddddd" in lines of 6. Filling each line, "aaa bb" fills
	// the first, "cc" leaves 4 of the second empty and "ddddd" takes a
	// line of its own. Balanced, "aaa" leaves 3, "bb cc" 1: demerits
	// (10+100)² + (10+100/27)² = 12288 against (10+0)² + (10+100·64/27)²
	// = 61109 and the fitness demerits of a decent line beside a very
	// loose one.
	items := ragged(3, 2, 2, 5)
	width := 6.0
	got := Break(items, raggedParams(width))
	if want := []int{1, 5, 9}; !slices.Equal(got, want) {
		t.Fatalf("breaks %v, want %v (after aaa, after cc, the end)", got, want)
	}
	filled := greedy(items, width)
	if want := []int{3, 5, 9}; !slices.Equal(filled, want) {
		t.Fatalf("the greedy breaks %v, want %v: the test's premise fails", filled, want)
	}
	// The last line is free; the others should vary less.
	kp, gr := lineWidths(items, got), lineWidths(items, filled)
	if !slices.Equal(kp, []float64{3, 5, 5}) || !slices.Equal(gr, []float64{6, 2, 5}) {
		t.Fatalf("line widths %v and greedy %v", kp, gr)
	}
	if v, g := variance(kp[:len(kp)-1]), variance(gr[:len(gr)-1]); v >= g {
		t.Errorf("the lines' widths vary by %.2f, greedy's by %.2f", v, g)
	}
}

func TestBalancesALongerParagraph(t *testing.T) {
	// Words of 2 to 10 in lines of 30. Greedy fills the first two lines
	// and then leaves 10 of the third empty, before words of 9 and 10
	// (lines 30 30 20 27 26 30 25); balanced, no line is more than 4
	// short (26 26 28 27 26 30 25).
	words := []float64{2, 2, 3, 2, 7, 5, 3, 2, 5, 6, 6, 7, 9, 10, 10, 5, 10, 6, 6, 2, 9, 4, 3, 2, 3, 7, 6, 9, 6, 8}
	items := ragged(words...)
	width := 30.0
	got := Break(items, raggedParams(width))
	kp := lineWidths(items, got)
	gr := lineWidths(items, greedy(items, width))
	for i, w := range kp {
		if w > width {
			t.Errorf("line %d is %.0f long, in %.0f", i+1, w, width)
		}
	}
	if len(kp) != len(gr) {
		t.Errorf("%d lines, greedy sets %d", len(kp), len(gr))
	}
	worst := func(ws []float64) float64 {
		m := 0.0
		for _, w := range ws[:len(ws)-1] {
			m = max(m, width-w)
		}
		return m
	}
	if worst(kp) > 4 || worst(gr) != 10 {
		t.Errorf("the largest gap is %.0f, greedy's %.0f (lines %v, greedy %v)", worst(kp), worst(gr), kp, gr)
	}
	if v, g := variance(kp[:len(kp)-1]), variance(gr[:len(gr)-1]); v >= g {
		t.Errorf("the lines' widths vary by %.2f, greedy's by %.2f (%v against %v)", v, g, kp, gr)
	}
}

func TestForcedBreaksAreHonoured(t *testing.T) {
	// "aa" and a forced break, then words that fill lines of 10.
	items := []Item{
		NewBox(2), NewPenalty(0, Infinity, false), NewGlue(0, math.Inf(1), 0), NewPenalty(0, -Infinity, false),
		NewBox(4), NewGlue(1, 0, 0), NewBox(4), NewGlue(1, 0, 0), NewBox(4),
		NewPenalty(0, Infinity, false), NewGlue(0, math.Inf(1), 0), NewPenalty(0, -Infinity, false),
	}
	got := Break(items, raggedParams(10))
	if want := []int{3, 7, 11}; !slices.Equal(got, want) {
		t.Errorf("breaks %v, want %v", got, want)
	}
}

func TestAnOverlongWordStillBreaks(t *testing.T) {
	p := raggedParams(10)
	// One word wider than the line: one overfull line.
	if got := Break(ragged(25), p); !slices.Equal(got, []int{3}) {
		t.Errorf("a lone over-long word: breaks %v, want [3]", got)
	}
	// Between others: it takes a line of its own, the others theirs.
	items := ragged(4, 25, 4)
	if got := Break(items, p); !slices.Equal(got, []int{1, 3, 7}) {
		t.Errorf("an over-long word between two: breaks %v, want [1 3 7]", got)
	}
	// Nothing fits anywhere, and the end is not marked.
	if got := Break([]Item{NewBox(25), NewGlue(1, 0, 0), NewBox(25)}, p); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("two over-long words, no end: breaks %v, want [1 3]", got)
	}
}

func TestEmergencyPrefersTheLessEmptyLine(t *testing.T) {
	// "p qqqqqqqqqqqqqq rrrr" and a word of 16 that fits on no line with
	// another, in lines of 20 that may end 1 short at badness 100: no
	// breaks are within tolerance. Ending the first line after "p"
	// leaves 18 empty; after the q's, 3, and the line of "rrrr" 16. TeX's
	// badness stops at 10000, which makes both lines of 18 and 16 cost
	// the same, and so prefers "p" alone; counted on, 18 costs more.
	items := ragged(1, 14, 4, 16)
	p := raggedParams(20)
	p.LineStretch = 1
	if got := Break(items, p); !slices.Equal(got, []int{3, 5, 9}) {
		t.Errorf("breaks %v, want [3 5 9]", got)
	}
}

func TestFreeEndsComparesOnlyLinesBetween(t *testing.T) {
	// "aaaaaaaa bbbbbb xxx ccc" in lines of 20 that may end 4 short at
	// badness 100, with a penalty of 230 for ending before the last word.
	// Paying it: (10+1.6)² + 230² + 10² = 53134 demerits. Ending the
	// first line after "bbbbbb", 5 short: (10+195)² + 10² = 42125; as a
	// very loose line, TeX also compares it with the paragraph's start
	// and with the last line, both decent, for 2·10000 more.
	items := []Item{
		NewBox(8), NewGlue(1, 0, 0), NewBox(6), NewGlue(1, 0, 0), NewBox(3),
		NewPenalty(0, 230, false), NewGlue(1, 0, 0), NewBox(3),
		NewPenalty(0, Infinity, false), NewGlue(0, math.Inf(1), 0), NewPenalty(0, -Infinity, false),
	}
	p := raggedParams(20)
	p.LineStretch = 4
	if got := Break(items, p); !slices.Equal(got, []int{5, 10}) {
		t.Errorf("TeX's comparison: breaks %v, want [5 10]", got)
	}
	p.FreeEnds = true
	if got := Break(items, p); !slices.Equal(got, []int{3, 10}) {
		t.Errorf("free ends: breaks %v, want [3 10]", got)
	}
}

func TestEmptyParagraph(t *testing.T) {
	if got := Break(nil, raggedParams(10)); got != nil {
		t.Errorf("no items: breaks %v", got)
	}
}

func TestHyphensComeOnlyWhenTheyHelp(t *testing.T) {
	// "aaaa bbbb cc-cc" in lines of 13 (a hyphen is 1 wide). Without the
	// hyphen the lines are "aaaa bbbb" (4 short: badness 237, very loose,
	// beside decent lines) and "cccc"; with it, "aaaa bbbb cc-" fills the
	// first exactly, for the hyphen's penalty and the final-hyphen
	// demerits.
	hyphenated := func(penalty float64) []Item {
		return []Item{
			NewBox(4), NewGlue(1, 0, 0), NewBox(4), NewGlue(1, 0, 0),
			NewBox(2), NewPenalty(1, penalty, true), NewBox(2),
			NewPenalty(0, Infinity, false), NewGlue(0, math.Inf(1), 0), NewPenalty(0, -Infinity, false),
		}
	}
	p := raggedParams(13)
	// The first pass finds breaks without it (badness 237 is within
	// Tolerance), so the hyphen is not tried.
	if got := Break(hyphenated(50), p); !slices.Equal(got, []int{3, 9}) {
		t.Errorf("breaks %v, want [3 9]: no hyphen while the first pass succeeds", got)
	}
	// When the first pass fails, the second weighs the hyphen: 100 +
	// 50² + 100 + 5000 = 7700 demerits against 247² + 100 + two fitness
	// demerits of 10000 = 81109.
	p.Tolerance = 50
	if got := Break(hyphenated(50), p); !slices.Equal(got, []int{5, 9}) {
		t.Errorf("breaks %v, want [5 9]: the hyphen fills the line", got)
	}
	// At 500 it costs 255200: more than the gap.
	if got := Break(hyphenated(500), p); !slices.Equal(got, []int{3, 9}) {
		t.Errorf("breaks %v, want [3 9]: a costly hyphen is not worth a gap of 4", got)
	}
}

func TestTwoHyphensInARowCostMore(t *testing.T) {
	// "qq" then three times "ppppp qq-qq", in lines of 12: a line
	// "qq ppppp qq-" fills its line exactly, so hyphens at every line
	// end are best line by line. FlaggedDemerits keeps two from ending
	// lines in a row.
	items := []Item{NewBox(2)}
	for i := 0; i < 3; i++ {
		items = append(items, NewGlue(1, 0, 0), NewBox(5), NewGlue(1, 0, 0), NewBox(2), NewPenalty(1, 0, true), NewBox(2))
	}
	items = append(items, NewPenalty(0, Infinity, false), NewGlue(0, math.Inf(1), 0), NewPenalty(0, -Infinity, false))
	p := raggedParams(12)
	p.Tolerance = 0 // straight to the second pass, which tries hyphens
	p.FlaggedDemerits, p.FinalFlaggedDemerits = 0, 0
	free := Break(items, p)
	p.FlaggedDemerits = 1e6
	costly := Break(items, p)
	consecutive := func(breaks []int) bool {
		for i := 1; i < len(breaks); i++ {
			if items[breaks[i]].Flagged && items[breaks[i-1]].Flagged {
				return true
			}
		}
		return false
	}
	if !consecutive(free) {
		t.Fatalf("breaks %v: without FlaggedDemerits the hyphens should come in a row", free)
	}
	if consecutive(costly) {
		t.Errorf("breaks %v: two hyphens in a row despite FlaggedDemerits", costly)
	}
}

// paragraph returns the items of a paragraph of n words of widths from 2
// to 9, set ragged right, from a fixed sequence.
func paragraph(n int) []Item {
	widths := make([]float64, n)
	x := uint32(1)
	for i := range widths {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		widths[i] = float64(2 + x%8)
	}
	return ragged(widths...)
}

func TestSameBreaksEveryRun(t *testing.T) {
	// Equal words make many ties.
	equal := ragged(slices.Repeat([]float64{3}, 200)...)
	mixed := paragraph(500)
	for _, items := range [][]Item{equal, mixed} {
		want := Break(items, raggedParams(40))
		for i := 0; i < 5; i++ {
			if got := Break(items, raggedParams(40)); !slices.Equal(got, want) {
				t.Fatalf("run %d: breaks %v, first run %v", i, got, want)
			}
		}
		if lineWidths(items, want)[0] > 40 {
			t.Fatalf("the first line is too long")
		}
	}
}

func TestLongParagraphTakesLinearWork(t *testing.T) {
	// About 100,000 characters: 20,000 words of 2 to 9. A node costs
	// about 64 bytes, and each break makes at most one a fitness class:
	// a list that held every pair of breaks would take gigabytes. A line
	// of 60 holds at most 20 words, so that many active nodes a fitness
	// class at most are weighed at each break while lines that grew too
	// long are dropped; keeping them would weigh 10⁸ lines.
	items := paragraph(20000)
	p := raggedParams(60)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	breaks, weighed := breakCounting(items, p)
	runtime.ReadMemStats(&after)
	if limit := len(items) * 20 * classes; weighed > limit {
		t.Errorf("%d items: %d lines weighed, over %d", len(items), weighed, limit)
	}
	if len(breaks) < 20000*6/60 {
		t.Fatalf("%d lines", len(breaks))
	}
	bytes := after.TotalAlloc - before.TotalAlloc
	if limit := uint64(len(items)) * 3 * 100; bytes > limit {
		t.Errorf("%d items allocated %d bytes, over %d", len(items), bytes, limit)
	}
	allocs := testing.AllocsPerRun(1, func() { Break(items, p) })
	if allocs > 100 {
		t.Errorf("%d items made %.0f allocations", len(items), allocs)
	}
}

func BenchmarkBreak2000Words(b *testing.B) {
	items := paragraph(2000)
	p := raggedParams(60)
	b.ReportAllocs()
	for b.Loop() {
		Break(items, p)
	}
}
