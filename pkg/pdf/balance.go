package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/linebreak"
)

// breaking is how a block's lines are chosen.
type breaking uint8

const (
	// fill sets each line as full as it goes (breakWords): headings,
	// table cells, the running header and footer and the charts' labels,
	// whose lines are few and short, and code.
	fill breaking = iota
	// balance weighs the paragraph's lines together (balanceWords), so
	// that no line is left much shorter than its neighbours: body
	// paragraphs, list items and quotations.
	balance
)

// Ragged-right setting for balance, as the linebreak package weighs it.
// Spaces keep their width; every line may end up to raggedStretch ems
// short at badness 100, and costs grow with the cube of the room left.
// The first try takes lines up to raggedTolerance (about 2.9 ems short)
// without hyphens; the second, with them, up to raggedRetry (about 4.3);
// the last any.
const (
	raggedStretch   = 2.0
	raggedTolerance = 300
	raggedRetry     = 1000
	// linePenalty is TeX's: a line more costs about as much as a line
	// 0.9 em short.
	linePenalty = 10
	// fitnessDemerits (TeX's \adjdemerits) weighs against a line nearly
	// full beside one more than 2 ems short.
	fitnessDemerits = 10000
	// hyphenPenalty is TeX's \hyphenpenalty; the demerits for two
	// hyphens in a row and for a hyphen before the last line are TeX's.
	hyphenPenalty        = 1000
	flaggedDemerits      = 10000
	finalFlaggedDemerits = 5000
	// runtPenalty is the cost of ending a paragraph (or the lines before
	// a line break) with a line of one short word: a mild one, paid
	// rather than leaving a line more than about 2.5 ems shorter.
	runtPenalty = 200
	// runtShare is the share of the measure under which a last word
	// alone counts as short.
	runtShare = 0.25
)

// breakLinesBy is breakLines, choosing the lines as how says.
func (d *drawer) breakLinesBy(spans []span, width float64, how breaking) [][]word {
	lay := d.breakWords
	if how == balance {
		lay = d.balanceWords
	}
	if d.broken == nil {
		return lay(d.words(spans), width)
	}
	key := lineKey(spans, width, how)
	if lines, ok := d.broken[key]; ok {
		return lines
	}
	lines := lay(d.words(spans), width)
	d.broken[key] = lines
	return lines
}

// balanceWords is breakLinesBy's balance after the spans are cut into
// words. A word wider than the line is set as breakWords sets it: its
// first piece fills the line it starts on (cutWord); the lines before it
// are balanced as a paragraph of their own, ending where it starts, and
// its last piece starts the lines after it.
func (d *drawer) balanceWords(words []word, width float64) [][]word {
	var lines [][]word
	var carry []word // the last piece of an over-long word, starting the next lines
	start := 0
	for start < len(words) {
		k := start
		for k < len(words) && words[k].w <= width {
			k++
		}
		run := words[start:k:k]
		if carry != nil {
			run = append(carry, run...)
		}
		if k == len(words) {
			return append(lines, d.balanceRun(run, width, true)...)
		}
		before := d.balanceRun(run, width, false)
		var last []word
		if len(before) > 0 {
			last = before[len(before)-1]
			lines = append(lines, before[:len(before)-1]...)
		}
		cut := d.breakWords(append(slices.Clip(last), words[k]), width)
		lines = append(lines, cut[:len(cut)-1]...)
		carry = slices.Clip(cut[len(cut)-1])
		start = k + 1
	}
	if len(carry) > 0 {
		lines = append(lines, carry)
	}
	return lines
}

// place is where a break item of a paragraph's items lies: after word
// (at) 0, or inside it, after byte at of its text, at a hyphen.
type place struct {
	word, at int
}

// balanceRun sets words, none wider than width, in lines chosen together
// (package linebreak), ragged right. The last line is free, as a
// paragraph's; end says it is the paragraph's, which should not be one
// short word alone.
func (d *drawer) balanceRun(words []word, width float64, end bool) [][]word {
	if len(words) == 0 {
		return nil
	}
	items := make([]linebreak.Item, 0, 2*len(words)+3)
	places := make([]place, 0, cap(items))
	add := func(it linebreak.Item, p place) {
		items = append(items, it)
		places = append(places, p)
	}
	endLine := func(i int) {
		add(linebreak.NewPenalty(0, linebreak.Infinity, false), place{})
		add(linebreak.NewGlue(0, math.Inf(1), 0), place{})
		add(linebreak.NewPenalty(0, -linebreak.Infinity, false), place{word: i})
	}
	var points []int
	for i, w := range words {
		points = d.hyphenPoints(w, points[:0])
		x := 0.0
		for _, at := range points {
			head, hyphen := d.widthTo(w, at)
			add(linebreak.NewBox(head-x), place{})
			add(linebreak.NewPenalty(hyphen, hyphenPenalty, true), place{word: i, at: at})
			x = head
		}
		add(linebreak.NewBox(w.w-x), place{})
		switch {
		case i == len(words)-1:
			endLine(i)
		case w.hardBreak:
			endLine(i)
		default:
			// A last word alone is a runt: the end of the paragraph,
			// or of the lines before a line break.
			if next := words[i+1]; next.w < runtShare*width && (next.hardBreak || end && i+2 == len(words)) {
				add(linebreak.NewPenalty(0, runtPenalty, false), place{word: i})
			}
			add(linebreak.NewGlue(w.space, 0, 0), place{word: i})
		}
	}
	em := d.st.bodySize
	if len(words[0].frags) > 0 {
		em = words[0].frags[0].s.size
	}
	breaks := linebreak.Break(items, linebreak.Params{
		Width:                width,
		LineStretch:          raggedStretch * em,
		Tolerance:            raggedTolerance,
		RetryTolerance:       raggedRetry,
		LinePenalty:          linePenalty,
		FlaggedDemerits:      flaggedDemerits,
		FinalFlaggedDemerits: finalFlaggedDemerits,
		FitnessDemerits:      fitnessDemerits,
		FreeEnds:             true,
	})
	return d.linesAt(words, places, breaks)
}

// linesAt makes the lines that breaks, indices into a paragraph's items,
// make of its words, given where each item lies (places).
func (d *drawer) linesAt(words []word, places []place, breaks []int) [][]word {
	lines := make([][]word, 0, len(breaks))
	first := 0 // the first word not yet set whole
	// When hyphenated is set, words[first] is set up to byte restAt of
	// its text, and rest is what is left of it.
	var rest word
	restAt, hyphenated := 0, false
	for _, b := range breaks {
		p := places[b]
		var line []word
		if hyphenated && p.at > 0 && p.word == first {
			// A second hyphen in the same word.
			head, tail := d.splitAt(rest, p.at-restAt)
			lines = append(lines, []word{head})
			rest, restAt = tail, p.at
			continue
		}
		from := first
		if hyphenated {
			line = append(line, rest)
			from++
		}
		if p.at == 0 {
			if hyphenated {
				line = append(line, words[from:p.word+1]...)
			} else {
				line = words[from : p.word+1 : p.word+1]
			}
			lines = append(lines, line)
			first, hyphenated = p.word+1, false
			continue
		}
		line = append(line, words[from:p.word]...)
		head, tail := d.splitAt(words[p.word], p.at)
		lines = append(lines, append(line, head))
		first, rest, restAt, hyphenated = p.word, tail, p.at, true
	}
	return lines
}

// hyphenPoints appends to points the byte offsets in w's text where the
// drawer's hyphenate allows a hyphen, in order: none when it is nil, and
// none in a word with characters other than letters between its leading
// and trailing punctuation (a number, an address, a word already
// hyphenated).
func (d *drawer) hyphenPoints(w word, points []int) []int {
	if d.hyphenate == nil || len(w.frags) == 0 {
		return points
	}
	for _, f := range w.frags {
		if f.s.lang != "" {
			return points // another language's word: not by this one's patterns
		}
	}
	text := w.text()
	start := strings.IndexFunc(text, isLetter)
	if start < 0 {
		return points
	}
	end := strings.LastIndexFunc(text, isLetter)
	_, size := utf8.DecodeRuneInString(text[end:])
	core := text[start : end+size]
	if strings.IndexFunc(core, func(r rune) bool { return !isLetter(r) }) >= 0 {
		return points
	}
	last := 0
	for _, at := range d.hyphenate(core) {
		if at <= last || at >= len(core) || !utf8.RuneStart(core[at]) {
			continue // out of order, at an end, or inside a character
		}
		points = append(points, start+at)
		last = at
	}
	return points
}

// isLetter reports whether r may be hyphenated between: a letter or a
// mark that combines with one.
func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// widthTo returns the width of w's text up to byte at, and of a hyphen
// drawn after it (hyphenFrag).
func (d *drawer) widthTo(w word, at int) (head, hyphen float64) {
	fi, end := fragAt(w, at)
	return d.headWidth(w, fi, end), d.hyphenFrag(w.frags[fi]).w
}

// fragAt returns the piece of w in which byte at of its text falls, and
// at's offset in it: at the end of a piece rather than the start of the
// next.
func fragAt(w word, at int) (fi, end int) {
	off := 0
	for i, f := range w.frags {
		if at <= off+len(f.text) {
			return i, at - off
		}
		off += len(f.text)
	}
	return len(w.frags) - 1, len(w.frags[len(w.frags)-1].text)
}

// splitAt hyphenates w after byte at of its text: the head ends in a
// hyphen (hyphenFrag); the tail is the rest.
func (d *drawer) splitAt(w word, at int) (head, tail word) {
	fi, end := fragAt(w, at)
	head, tail = d.splitWord(w, fi, end)
	h := d.hyphenFrag(head.frags[len(head.frags)-1])
	head.frags = append(head.frags, h)
	head.w += h.w
	return head, tail
}

// hyphenFrag is a hyphen in f's span, in the span's face (or the face
// that has it). It is the soft hyphen, U+00AD, whose glyph in the fonts
// is a hyphen's: a hyphen the typesetting added, which ISO 32000-1
// (14.8.2.2.3) asks a tagged PDF to give as U+00AD, so that copying and
// searching the text find the word whole.
func (d *drawer) hyphenFrag(f frag) frag {
	family, style := faceFor(f.s.family, f.s.style, softHyphen)
	units := d.measureUnits(family, style, string(softHyphen))
	return frag{s: f.s, family: family, style: style, text: string(softHyphen), w: unitsWidth(family, f.s.size, units), units: units}
}

// softHyphen is the hyphen drawn where a word is broken at a line's end.
const softHyphen = '\u00ad'
