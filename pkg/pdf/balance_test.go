package pdf

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// uneven is a paragraph of the trial example that greedy breaking sets
// badly in a letter page's text width: a full line, a line that leaves 5
// ems empty before the date (joined by no-break spaces), and the date.
const uneven = "That is two remote days and three office days a week, with the same core hours on every one of them: " +
	"9:00\u00a0a.m.–4:00\u00a0p.m. US Central. The arrangement would begin on Tuesday, January\u00a012,\u00a02027."

// gaps returns how far each line but the last falls short of width, in
// ems of size.
func gaps(lines [][]word, width, size float64) []float64 {
	var out []float64
	for _, l := range lines[:len(lines)-1] {
		out = append(out, (width-lineWidth(l))/size)
	}
	return out
}

func TestBalancedLinesAreEven(t *testing.T) {
	d := newDrawer(testMeta())
	d.dry = true
	d.broken = lineCache{}
	d.pdf.AddPage()
	width := d.contentWidth()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink, text: uneven}
	filled := d.breakLinesBy([]span{sp}, width, fill)
	balanced := d.breakLinesBy([]span{sp}, width, balance)
	fg, bg := gaps(filled, width, sp.size), gaps(balanced, width, sp.size)
	if len(filled) != 3 || fg[1] < 4 {
		t.Fatalf("test setup: greedy lines %q leave %.1f ems", lineTexts(filled), fg)
	}
	if len(balanced) != len(filled) {
		t.Errorf("balanced in %d lines, greedy in %d", len(balanced), len(filled))
	}
	if slices.Max(bg) > 3.5 {
		t.Errorf("balanced lines %q leave %.1f ems", lineTexts(balanced), bg)
	}
	for i, l := range balanced {
		if w := lineWidth(l); w > width {
			t.Errorf("line %d is %.2f pt wide in %.2f", i+1, w, width)
		}
	}
	if got := strings.Join(lineTexts(balanced), " "); got != uneven {
		t.Errorf("the lines hold %q", got)
	}
	// What the page shows: the body paragraph's lines are the balanced
	// ones (pdftotext keeps the lines).
	shown, ok := pdftotext(t, render(t, uneven+"\n", testMeta()).PDF)
	if !ok {
		return
	}
	shown = strings.ReplaceAll(shown, "\u00a0", " ")
	for _, l := range lineTexts(balanced) {
		if l = strings.ReplaceAll(l, "\u00a0", " "); !strings.Contains(shown, l+"\n") {
			t.Errorf("the page does not show the line %q:\n%s", l, shown)
		}
	}
}

func TestLastWordIsNotLeftAlone(t *testing.T) {
	d := dryDrawer()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink,
		text: "Ask: “What would have to change for this to be a yes?” Write the answer down, word for word."}
	// At this width greedy leaves "word." alone, and moving "for" down
	// leaves the first line about 2 ems short.
	const width = 444
	filled := lineTexts(d.breakLinesBy([]span{sp}, width, fill))
	if len(filled) != 2 || filled[1] != "word." {
		t.Fatalf("test setup: greedy lines %q", filled)
	}
	got := lineTexts(d.breakLinesBy([]span{sp}, width, balance))
	if len(got) != 2 || got[1] != "for word." {
		t.Errorf("balanced lines %q, want the last to be \"for word.\"", got)
	}
}

func TestLineBreaksAreKeptWhenBalancing(t *testing.T) {
	d := dryDrawer()
	bold := span{family: serif, style: "B", size: d.st.bodySize, color: d.st.ink, text: "What if the trial goes badly?"}
	plain := span{family: serif, size: d.st.bodySize, color: d.st.ink,
		text: "\nThen we end it early, as agreed.\nAnd we talk about what would have to change first."}
	got := lineTexts(d.breakLinesBy([]span{bold, plain}, d.contentWidth(), balance))
	want := []string{"What if the trial goes badly?", "Then we end it early, as agreed.", "And we talk about what would have to change first."}
	if !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

func TestOnlyRunningTextIsBalanced(t *testing.T) {
	md := "# Headingword of the document\n\nParagraphword of the body.\n\n- Itemword of a list\n\n" +
		"1. Looseitemword\n\n   Second paragraph, secondword.\n\n> Quoteword of a quotation.\n\n" +
		"| Cellword | B |\n|:--|:--|\n| Rowword | x |\n"
	l, err := Layout([]byte(md), testMeta())
	if err != nil {
		t.Fatal(err)
	}
	how := map[string][]breaking{}
	for key := range l.broken {
		for _, w := range []string{"Headingword", "Paragraphword", "Itemword", "Looseitemword", "secondword", "Quoteword", "Cellword", "Rowword"} {
			if strings.Contains(key, w) && !slices.Contains(how[w], breaking(key[0])) {
				how[w] = append(how[w], breaking(key[0]))
			}
		}
	}
	for w, want := range map[string]breaking{
		"Headingword": fill, "Paragraphword": balance, "Itemword": balance, "Looseitemword": balance,
		"secondword": balance, "Quoteword": balance, "Cellword": fill, "Rowword": fill,
	} {
		if !slices.Equal(how[w], []breaking{want}) {
			t.Errorf("%s broken as %v, want only %v", w, how[w], want)
		}
	}
}

func TestLongAddressInBalancedTextWrapsBetweenParts(t *testing.T) {
	d := dryDrawer()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink}
	link := sp
	link.text, link.link, link.color = dashboard, dashboard, d.st.link
	before, after := sp, sp
	before.text = "We set the targets together and wrote them down in the team's planning notes last spring. The dashboard is at "
	after.text = ". It shows the launches of the last thirty days, and we will both look at it before the review."
	width := d.contentWidth()
	lines := d.breakLinesBy([]span{before, link, after}, width, balance)
	got := lineTexts(lines)
	for i, l := range lines {
		if w := lineWidth(l); w > width {
			t.Errorf("line %d is %.1f pt wide in %.1f: %q", i+1, w, width, got[i])
		}
	}
	// The address fills the rest of the line it starts on, as in greedy
	// breaking, and is cut after one of its parts.
	at := slices.IndexFunc(got, func(l string) bool { return strings.Contains(l, "https://") })
	if at < 0 || !strings.HasSuffix(got[at], "/") || strings.HasSuffix(got[at], "https://") {
		t.Fatalf("the address does not start filling its line: %q", got)
	}
	if strings.HasPrefix(got[at], "https://") {
		t.Errorf("the address starts a line: %q", got)
	}
	if squash(strings.Join(got, "")) != squash(before.text+dashboard+after.text) {
		t.Errorf("the lines do not hold the text as written: %q", got)
	}
}

// everyThird is a stand-in hyphenator: a hyphen may follow every third
// character of a word of at least 7, leaving at least 3 after it. It
// records the words it is asked about.
type everyThird struct{ asked []string }

func (h *everyThird) points(word string) []int {
	h.asked = append(h.asked, word)
	var out []int
	n := utf8.RuneCountInString(word)
	if n < 7 {
		return nil
	}
	i := 0
	for at := range word {
		if i > 0 && i%3 == 0 && n-i >= 3 {
			out = append(out, at)
		}
		i++
	}
	return out
}

// longWords is a paragraph of long words, which leave wide gaps at line
// ends unless they are hyphenated.
const longWords = "Notwithstanding considerable organisational uncertainties, " +
	"interdepartmental communication remained extraordinarily straightforward, " +
	"notwithstanding occasional misunderstandings regarding responsibilities, " +
	"documentation, accountability, implementation and characteristically overcomplicated " +
	"administrative requirements (2027)."

func TestHyphensComeFromTheHyphenator(t *testing.T) {
	h := &everyThird{}
	meta := testMeta()
	meta.Hyphenate = h.points
	d := newDrawer(meta)
	d.dry = true
	d.pdf.AddPage()
	width := d.contentWidth()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink, text: longWords}
	lines := d.breakLinesBy([]span{sp}, width, balance)
	got := lineTexts(lines)
	hyphenated := 0
	for i, l := range got {
		if w := lineWidth(lines[i]); w > width {
			t.Errorf("line %d is %.2f pt wide in %.2f: %q", i+1, w, width, l)
		}
		if strings.HasSuffix(l, "\u00ad") {
			hyphenated++
		}
	}
	if hyphenated == 0 {
		t.Fatalf("no line ends in a hyphen: %q", got)
	}
	// Taking out the hyphens that end lines gives back the text.
	joined := strings.Join(got, "\n")
	joined = strings.ReplaceAll(joined, "\u00ad\n", "")
	if joined = strings.ReplaceAll(joined, "\n", " "); joined != longWords {
		t.Errorf("the lines without their hyphens read %q", joined)
	}
	// The hyphenator sees words without their punctuation, and never a
	// number.
	for _, w := range h.asked {
		if strings.ContainsAny(w, ",.()0123456789 ") {
			t.Errorf("the hyphenator was asked about %q", w)
		}
	}
	if !slices.Contains(h.asked, "uncertainties") || !slices.Contains(h.asked, "Notwithstanding") {
		t.Errorf("the hyphenator was asked about %q", h.asked)
	}
	// The hyphen is drawn, as the soft hyphen a typeset break is: it
	// ends the text of a line (the extractor puts a space after each),
	// and copying the text joins the word again.
	res := render(t, longWords+"\n", meta)
	validate(t, res.PDF)
	shown := strings.Join(extractPages(t, res.PDF), "\n")
	if n := strings.Count(shown, "\u00ad "); n != hyphenated {
		t.Errorf("%d lines shown end in a hyphen, want %d:\n%s", n, hyphenated, shown)
	}
	if copied := squash(extract(t, res.PDF)); !strings.Contains(copied, squash(longWords)) {
		t.Errorf("the text copies as %q", copied)
	}
	// Without a hyphenator, nothing is hyphenated, and the same words
	// take more room at the lines' ends.
	plain := newDrawer(testMeta())
	plain.dry = true
	plain.pdf.AddPage()
	for _, l := range lineTexts(plain.breakLinesBy([]span{sp}, width, balance)) {
		if strings.HasSuffix(l, "\u00ad") {
			t.Errorf("a line ends in a hyphen without a hyphenator: %q", l)
		}
	}
	// Headings and table cells are never hyphenated.
	md := "## " + longWords + "\n\n| A | B |\n|:--|:--|\n| " + longWords + " | x |\n"
	h.asked = nil
	res = render(t, md, meta)
	if len(h.asked) != 0 {
		t.Errorf("the hyphenator was asked about words of a heading or a table: %q", h.asked)
	}
	if strings.Contains(extract(t, res.PDF), "- ") {
		t.Error("a heading or table cell line ends in a hyphen")
	}
}

func TestBadHyphenPointsAreIgnored(t *testing.T) {
	meta := testMeta()
	var asked []string
	// Inside a character, out of order, at the ends, past the end.
	meta.Hyphenate = func(word string) []int {
		asked = append(asked, word)
		return []int{1, 5, 3, 0, 12, len(word), len(word) + 4, 2, 2}
	}
	d := newDrawer(meta)
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink, text: "ölçüler, «ölçüler» Zoë’s"}
	words := d.words([]span{sp})
	for i, want := range [][]int{{5}, {7}, nil} {
		if got := d.hyphenPoints(words[i], nil); !slices.Equal(got, want) {
			t.Errorf("word %d: hyphen points %v, want %v", i+1, got, want)
		}
	}
	if !slices.Equal(asked, []string{"ölçüler", "ölçüler"}) {
		t.Errorf("the hyphenator was asked about %q", asked)
	}
	// Broken at them, the lines hold the text. Without hyphens, a line
	// would hold one word and leave room for most of another.
	sp.text = strings.Repeat("ölçülerinizdeki ", 20)
	width := d.measure(serif, "", sp.size, "ölçülerinizdeki ölçülerin\u00ad") + 0.5
	lines := d.breakLinesBy([]span{sp}, width, balance)
	text := strings.Join(lineTexts(lines), "\n")
	if !strings.Contains(text, "ölçülerin\u00ad\n") || !utf8.ValidString(text) {
		t.Fatalf("the lines %q", lineTexts(lines))
	}
	if text = strings.ReplaceAll(strings.ReplaceAll(text, "\u00ad\n", ""), "\n", " "); text != strings.TrimSpace(sp.text) {
		t.Errorf("the lines read %q", text)
	}
}

func TestBalancedPDFsAreTheSameEveryTime(t *testing.T) {
	meta := testMeta()
	h := &everyThird{}
	meta.Hyphenate = h.points
	md := strings.Repeat(longWords+" "+uneven+"\n\n- "+uneven+"\n\n> "+longWords+"\n\n", 6)
	a := render(t, md, meta)
	b := render(t, md, meta)
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Error("the same input rendered twice gave different bytes")
	}
	if a.Pages < 2 {
		t.Errorf("%d page(s): the test should cross pages", a.Pages)
	}
}

func TestHyphenTakesItsRoom(t *testing.T) {
	// "aaaaaaaaaaaa Notwith-" is 0.5 pt wider than the line less the
	// hyphen: it must not be taken for a line that fits.
	meta := testMeta()
	meta.Hyphenate = func(word string) []int {
		if word == "Notwithstanding" {
			return []int{7}
		}
		return nil
	}
	d := newDrawer(meta)
	d.dry = true
	d.pdf.AddPage()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink, text: "aaaaaaaaaaaa Notwithstanding"}
	width := d.measure(serif, "", sp.size, "aaaaaaaaaaaa Notwith") + 0.5
	if d.measure(serif, "", sp.size, "Notwithstanding") > width {
		t.Fatal("test setup: the word does not fit on a line")
	}
	lines := d.breakLinesBy([]span{sp}, width, balance)
	for i, l := range lines {
		if w := lineWidth(l); w > width {
			t.Errorf("line %d is %.2f pt wide in %.2f: %q", i+1, w, width, lineTexts(lines))
		}
	}
}

func TestLinesAtTwoHyphensInAWord(t *testing.T) {
	d := newDrawer(testMeta())
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink, text: "aaa bbbbbbbbb cc dd"}
	words := d.words([]span{sp})
	// Breaks inside "bbbbbbbbb" after bytes 3 and 6, after "cc", and at
	// the end: what the items of balanceRun would say.
	places := []place{{word: 1, at: 3}, {word: 1, at: 6}, {word: 2}, {word: 3}}
	got := lineTexts(d.linesAt(words, places, []int{0, 1, 2, 3}))
	want := []string{"aaa bbb\u00ad", "bbb\u00ad", "bbb cc", "dd"}
	if !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
	// A hyphen in the first word of a line that follows a hyphen.
	places = []place{{word: 1, at: 3}, {word: 2, at: 1}, {word: 3}}
	got = lineTexts(d.linesAt(words, places, []int{0, 1, 2}))
	want = []string{"aaa bbb\u00ad", "bbbbbb c\u00ad", "c dd"}
	if !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

func TestLongParagraphBalancesInLinearWork(t *testing.T) {
	// About 100,000 characters in some 16,000 words, with an over-long
	// address every 2,000 words.
	var b strings.Builder
	for i := 0; b.Len() < 100000; i++ {
		b.WriteString(strings.Fields(uneven)[i%20])
		b.WriteByte(' ')
		if i%2000 == 1999 {
			b.WriteString(strings.Repeat("https://example.com/a-very-long/path/", 20) + " ")
		}
	}
	d := dryDrawer()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink, text: b.String()}
	width := d.contentWidth()
	var lines [][]word
	allocs := testing.AllocsPerRun(1, func() {
		d.measured = 0
		lines = d.breakLinesBy([]span{sp}, width, balance)
	})
	if len(lines) < 1000 {
		t.Fatalf("%d lines", len(lines))
	}
	for i, l := range lines {
		if w := lineWidth(l); w > width {
			t.Fatalf("line %d is %.2f pt wide in %.2f", i+1, w, width)
		}
	}
	if limit := 3 * len(sp.text); d.measured > limit {
		t.Errorf("%d bytes measured for %d, over %d", d.measured, len(sp.text), limit)
	}
	// Each over-long address costs a few allocations a line it takes;
	// the rest is a few slices for the whole paragraph.
	if allocs > 1000 {
		t.Errorf("%.0f allocations", allocs)
	}
	t.Logf("%d lines, %.0f allocations, %d bytes measured", len(lines), allocs, d.measured)
}
