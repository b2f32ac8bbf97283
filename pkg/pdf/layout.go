package pdf

import (
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// span is a run of inline text in one style.
type span struct {
	text          string
	family, style string
	size          float64
	color         rgb
	link          string
	lang          string // the passage's language, when not the document's (mdtext.LangSpan)
}

// frag is the part of a word that lies in one span and one face.
type frag struct {
	s             *span
	family, style string // the span's face, or the symbol face for what it lacks
	text          string
	w             float64 // unitsWidth of units
	units         int     // the width in the face's units (measureUnits)
}

// word is what a line never breaks inside: text between spaces, which may
// cross styles ("notice" in italics followed by a plain comma).
type word struct {
	frags     []frag
	w         float64
	space     float64 // width of the space after it, in its last style
	hardBreak bool    // a forced line break follows
}

// text is the word's text, across its fragments.
func (w word) text() string {
	switch len(w.frags) {
	case 0:
		return ""
	case 1:
		return w.frags[0].text
	}
	var b strings.Builder
	for _, f := range w.frags {
		b.WriteString(f.text)
	}
	return b.String()
}

// breakLines splits the spans into lines no wider than width, breaking only
// at spaces and tabs (never at a no-break space), unless a single word is
// wider than a line: such a word (a long address, say) is cut between its
// parts (cutWord), its first piece filling the line it starts on, and
// anywhere only where no such place fits.
func (d *drawer) breakLines(spans []span, width float64) [][]word {
	return d.breakLinesBy(spans, width, fill)
}

// lineCache holds paragraphs already broken into lines, by lineKey. A
// document's text is broken many times over: measured alone for the keep
// rules, laid out, then drawn, and table cells while their widths are
// chosen. The lines are shared, so callers must not change them.
type lineCache map[string][][]word

// lineKey is everything the lines of spans at width, broken as how says,
// depend on within one document: the hyphenator (Meta.Hyphenate), which
// the document fixes, is left out.
func lineKey(spans []span, width float64, how breaking) string {
	n := 9
	for _, s := range spans {
		n += len(s.text) + len(s.family) + len(s.style) + len(s.link) + 16
	}
	b := make([]byte, 0, n)
	b = append(b, byte(how))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(width))
	for _, s := range spans {
		b = append(b, s.text...)
		b = append(b, 0)
		b = append(b, s.family...)
		b = append(b, 0)
		b = append(b, s.style...)
		b = append(b, 0)
		b = append(b, s.link...)
		b = append(b, 0)
		b = append(b, s.lang...)
		b = append(b, 0, byte(s.color.r), byte(s.color.g), byte(s.color.b))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(s.size))
	}
	return string(b)
}

// breakWords is breakLines after the spans are cut into words: each line
// as full as it goes.
func (d *drawer) breakWords(words []word, width float64) [][]word {
	var lines [][]word
	var line []word
	x := 0.0
	for _, w := range words {
		if len(line) > 0 && x+w.w > width {
			if w.w > width {
				if head, tail, ok := d.cutWord(w, width-x, width, true); ok {
					line = append(line, head)
					w = tail
				}
			}
			lines = append(lines, line)
			line, x = nil, 0
		}
		for w.w > width {
			head, tail, ok := d.cutWord(w, width, width, true)
			if !ok {
				head, tail, ok = d.cutWord(w, width, width, false)
			}
			if !ok {
				break
			}
			lines = append(lines, []word{head})
			w = tail
		}
		line = append(line, w)
		x += w.w + w.space
		if w.hardBreak {
			lines = append(lines, line)
			line, x = nil, 0
		}
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// separator reports the characters that separate an address's parts, at
// which a word too long for its line is cut (cutBetween).
func separator(r rune) bool {
	switch r {
	case '/', '?', '&', '=', '-', '.', '_':
		return true
	}
	return false
}

// cutBetween reports whether a word too long for its line may be cut
// between a and b: after a separator, though not inside a run of them such
// as the "//" of "https://", and before a hyphen rather than after it. A
// line ending in a hyphen reads as a word the typesetter hyphenated, and
// text extraction (pdftotext) drops such a hyphen when it joins the lines,
// so a copied address would lose it.
func cutBetween(a, b rune) bool {
	if b == '-' {
		return !separator(a)
	}
	return a != '-' && separator(a) && !separator(b)
}

// mainCut reports whether a cut after a falls between an address's main
// parts: its path's segments, its query and the query's parameters.
func mainCut(a rune) bool {
	return a == '/' || a == '?' || a == '&'
}

// cutWord cuts w into a head no wider than room and the tail that follows
// it. When natural, it cuts at the last separator that fits (cutBetween),
// or rather at the last that fits between the address's main parts
// (mainCut) if that leaves no more than line/4 of room empty; otherwise
// after the last character that fits, or after the first when none does.
// The head has no space after it (it ends a line); the tail keeps w's. ok
// is false when w cannot be cut so: it has one character, or, when
// natural, no separator fits.
func (d *drawer) cutWord(w word, room, line float64, natural bool) (head, tail word, ok bool) {
	type at struct {
		frag, end int  // a cut after byte end of frags[frag]
		prev      rune // the character before the cut
	}
	headWidth := func(a at) float64 { return d.headWidth(w, a.frag, a.end) }
	// The places a cut may go, up to where the characters' own widths
	// pass the room by more than kerning could take back: a word many
	// lines long is read a line's length at a time.
	var cuts []at
	nominal, limit := 0.0, room*1.1+20
	var prev rune
	var prevAt at
scan:
	for fi, f := range w.frags {
		for i, r := range f.text {
			if prevAt.end > 0 && (!natural || cutBetween(prev, r)) {
				cuts = append(cuts, prevAt)
			}
			if nominal > limit {
				break scan
			}
			if f.family != boxFace {
				nominal += float64(runeWidth(f.family, f.style, r)) * f.s.size / 1000
			}
			prev, prevAt = r, at{frag: fi, end: i + utf8.RuneLen(r), prev: r}
		}
	}
	if len(cuts) == 0 {
		return word{}, w, false
	}
	// The last cut whose head fits, found by halving: a head grows with
	// its cut.
	lo := sort.Search(len(cuts), func(i int) bool { return headWidth(cuts[i]) > room }) - 1
	switch {
	case lo >= 0:
	case natural:
		return word{}, w, false
	default:
		lo = 0 // after the first character, when none fits
	}
	best := cuts[lo]
	if natural && !mainCut(best.prev) {
		// Rather between the address's main parts, if that leaves no
		// more than a quarter of the line empty.
		for i := lo - 1; i >= 0; i-- {
			if mainCut(cuts[i].prev) {
				if room-headWidth(cuts[i]) <= line/4 {
					best = cuts[i]
				}
				break
			}
		}
	}
	head, tail = d.splitWord(w, best.frag, best.end)
	return head, tail, true
}

// headWidth is the width of w cut after byte end of its piece frags[fi],
// as splitWord measures the head: shaped, which is not its characters'
// sum (kerning, ligatures).
func (d *drawer) headWidth(w word, fi, end int) float64 {
	width := 0.0
	for _, f := range w.frags[:fi] {
		width += f.w
	}
	f := w.frags[fi]
	return width + d.measure(f.family, f.style, f.s.size, f.text[:end])
}

// splitWord cuts w after byte end of its piece frags[fi], measuring the
// head of the piece cut in two and taking the tail's width as what is left
// (a word many lines long is not measured again for every line); the tail
// is not empty. The head has no space after it; the tail keeps w's space
// and line break.
func (d *drawer) splitWord(w word, fi, end int) (head, tail word) {
	f := w.frags[fi]
	headFrags := slices.Clone(w.frags[:fi+1])
	tailFrags := slices.Clone(w.frags[fi:])
	units := d.measureUnits(f.family, f.style, f.text[:end])
	headFrags[fi].text = f.text[:end]
	headFrags[fi].units = units
	headFrags[fi].w = unitsWidth(f.family, f.s.size, units)
	if end == len(f.text) {
		tailFrags = tailFrags[1:]
	} else {
		tailFrags[0].text = f.text[end:]
		tailFrags[0].units = f.units - units
		tailFrags[0].w = unitsWidth(f.family, f.s.size, f.units-units)
	}
	head = word{frags: headFrags}
	tail = word{frags: tailFrags, space: w.space, hardBreak: w.hardBreak}
	for _, f := range headFrags {
		head.w += f.w
	}
	for _, f := range tailFrags {
		tail.w += f.w
	}
	return head, tail
}

// ballotBox (☐) is drawn as a square outline; boxFace marks its pieces.
const (
	ballotBox = '☐'
	boxFace   = "box"
)

// measure is text's width in points in the face and size.
func (d *drawer) measure(family, style string, size float64, text string) float64 {
	return unitsWidth(family, size, d.measureUnits(family, style, text))
}

// measureUnits is text's width in the face's units: thousandths of an em,
// or boxes in boxFace. Widths so kept add and subtract exactly.
func (d *drawer) measureUnits(family, style string, text string) int {
	d.measured += len(text)
	if family == boxFace {
		return utf8.RuneCountInString(text)
	}
	return stringUnits(family, style, d.meta.Language, text)
}

// unitsWidth is the width in points of units (measureUnits) of family at
// size.
func unitsWidth(family string, size float64, units int) float64 {
	if family == boxFace {
		return float64(units) * size * 0.85
	}
	return float64(units) * size / 1000
}

// words cuts the spans into words, measuring each piece in its own face.
// Pieces are slices of the spans' text, and the words' pieces share one
// array: a document's text is measured many times (trial layouts, keep
// rules), so this avoids a small allocation per piece.
func (d *drawer) words(spans []span) []word {
	n := 0
	for _, s := range spans {
		n += len(s.text)
	}
	out := make([]word, 0, n/6+1)
	frags := make([]frag, 0, n/6+1)
	var cur word
	first := 0 // where cur's pieces start in frags
	var fragSpan *span
	var fragFamily, fragStyle string
	fragStart, fragEnd := 0, 0 // byte range of the piece in fragSpan.text
	flushFrag := func() {
		if fragEnd > fragStart {
			t := fragSpan.text[fragStart:fragEnd]
			units := d.measureUnits(fragFamily, fragStyle, t)
			w := unitsWidth(fragFamily, fragSpan.size, units)
			frags = append(frags, frag{s: fragSpan, family: fragFamily, style: fragStyle, text: t, w: w, units: units})
			cur.w += w
		}
		fragStart, fragEnd = 0, 0
	}
	endWord := func(s *span, hard bool) {
		flushFrag()
		cur.frags = frags[first:len(frags):len(frags)]
		first = len(frags)
		if len(cur.frags) == 0 {
			if hard && len(out) > 0 {
				out[len(out)-1].hardBreak = true
			} else if hard {
				out = append(out, word{hardBreak: true})
			}
			cur = word{}
			return
		}
		if hard {
			cur.hardBreak = true
		} else {
			cur.space = d.measure(s.family, s.style, s.size, " ")
		}
		out = append(out, cur)
		cur = word{}
	}
	for i := range spans {
		s := &spans[i]
		for at, r := range s.text {
			var family, style string
			switch r {
			case ' ', '\t': // not noBreakSpace, which stays inside its word
				endWord(s, false)
				continue
			case '\n':
				endWord(s, true)
				continue
			case ballotBox:
				// Drawn as a square, matching the task-list boxes, rather
				// than borrowed from the symbol face.
				family, style = boxFace, ""
			default:
				family, style = faceFor(s.family, s.style, r)
			}
			if fragSpan != s || family != fragFamily || style != fragStyle || fragEnd != at {
				flushFrag()
				fragSpan, fragFamily, fragStyle, fragStart = s, family, style, at
			}
			fragEnd = at + utf8.RuneLen(r)
		}
	}
	if fragSpan == nil && len(spans) > 0 {
		fragSpan = &spans[len(spans)-1]
	}
	if fragSpan != nil {
		endWord(fragSpan, false)
	}
	return out
}

// lineWidth is the width a line of words takes.
func lineWidth(line []word) float64 {
	w := 0.0
	for i, wd := range line {
		w += wd.w
		if i < len(line)-1 {
			w += wd.space
		}
	}
	return w
}

// drawLine draws one line of words from x at the top y. Neighbouring
// pieces in the same face, colour and link are drawn as one run with their
// spaces, so the PDF holds whole phrases: smaller, and text extraction
// gives back the words as they read.
func (d *drawer) drawLine(line []word, x, y, lead float64) {
	type run struct {
		f    frag
		text strings.Builder
		w    float64
	}
	var cur *run
	same := func(a, b frag) bool {
		return a.family == b.family && a.style == b.style && a.s.size == b.s.size && a.s.color == b.s.color && a.s.link == b.s.link && a.s.lang == b.s.lang
	}
	flush := func() {
		if cur == nil {
			return
		}
		if d.dry {
			x += cur.w
			cur = nil
			return
		}
		if cur.f.family == boxFace {
			d.drawBoxes(cur.f.s, x, y, lead, len([]rune(cur.text.String())))
			x += cur.w
			cur = nil
			return
		}
		d.runLang = cur.f.s.lang
		d.show(cur.f.family, cur.f.style, cur.f.s.size, cur.f.s.color, x, y, cur.w, lead, cur.text.String(), cur.f.s.link, false)
		x += cur.w
		cur = nil
	}
	for i, w := range line {
		for j, f := range w.frags {
			d.noteSize(f.s.size)
			// A word's pieces are drawn as they were measured, each shaped
			// alone: pieces of one word in the same face come from spans
			// that differ in a way the run does not show.
			if cur != nil && (j > 0 || !same(cur.f, f)) {
				flush()
			}
			if cur == nil {
				cur = &run{f: f}
			}
			cur.text.WriteString(f.text)
			cur.w += f.w
			if j == len(w.frags)-1 && i < len(line)-1 {
				next := line[i+1].frags[0]
				if same(f, next) {
					cur.text.WriteByte(' ')
					cur.w += w.space
				} else {
					flush()
					// A link's space is part of the link, so the click area is unbroken.
					if f.s.link != "" && f.s.link == next.s.link && !d.dry {
						d.addLink(x, y, w.space, lead, f.s.link)
					}
					x += w.space
				}
			}
		}
	}
	flush()
}

// noteSize records that the document's text is set at size; the page
// furniture and the charts' labels, in a fixed size, are not counted.
func (d *drawer) noteSize(size float64) {
	if !d.furniture && (d.minSize == 0 || size < d.minSize) {
		d.minSize = size
	}
}

// drawText draws text in one style inside a box of width w from x at the
// top y, wrapped, aligned "L", "C" or "R". It returns the height used.
func (d *drawer) drawText(text string, sp span, x, y, w, lead float64, align string) float64 {
	sp.text = text
	lines := d.breakLines([]span{sp}, w)
	for _, line := range lines {
		off := 0.0
		switch align {
		case "R":
			off = w - lineWidth(line)
		case "C":
			off = (w - lineWidth(line)) / 2
		}
		d.drawLine(line, x+off, y, lead)
		y += lead
	}
	return float64(len(lines)) * lead
}

// drawBoxes draws n ballot boxes in the span's size from x on a line at y.
func (d *drawer) drawBoxes(sp *span, x, y, lead float64, n int) {
	size := sp.size * 0.72
	step := sp.size * 0.85
	d.pdf.SetDrawColor(sp.color.r, sp.color.g, sp.color.b)
	d.pdf.SetLineWidth(0.7)
	for i := 0; i < n; i++ {
		bx := x + float64(i)*step + (step-size)/2
		by := y + (lead-size)/2
		d.decoration(func() { d.pdf.Rect(bx, by, size, size, "D") })
	}
}
