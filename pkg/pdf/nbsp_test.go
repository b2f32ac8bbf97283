package pdf

import (
	"strings"
	"testing"
)

func TestNoBreakSpaceIsASpaceThatDoesNotBreak(t *testing.T) {
	if !Covers(noBreakSpace) {
		t.Error("Covers refuses the no-break space")
	}
	for _, fc := range faces {
		if glyphID(fc.family, fc.style, noBreakSpace) == 0 {
			t.Errorf("%s %s has no glyph for the no-break space", fc.family, fc.style)
		}
		if nb, sp := runeWidth(fc.family, fc.style, noBreakSpace), runeWidth(fc.family, fc.style, ' '); nb != sp {
			t.Errorf("%s %s: no-break space %d wide, space %d", fc.family, fc.style, nb, sp)
		}
	}
}

// lineTexts is the text of each line, words joined by spaces.
func lineTexts(lines [][]word) []string {
	var out []string
	for _, l := range lines {
		var words []string
		for _, w := range l {
			var b strings.Builder
			for _, f := range w.frags {
				b.WriteString(f.text)
			}
			words = append(words, b.String())
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

func TestDatesJoinedByNoBreakSpacesWrapWhole(t *testing.T) {
	d := dryDrawer()
	const before = "The trial starts on"
	for _, date := range []string{"12\u00a0January\u00a02027", "January\u00a012,\u00a02027"} {
		plain := strings.ReplaceAll(date, "\u00a0", " ")
		first, _, _ := strings.Cut(plain, " ")
		sp := span{family: serif, size: d.st.bodySize, color: d.st.ink}
		// Room for the first part of the date, not all of it: ordinary
		// spaces break inside the date, no-break spaces before it.
		width := stringWidth(serif, "", "", sp.size, before+" "+first) + 1
		sp.text = before + " " + plain + ", as agreed."
		if got := lineTexts(d.breakLines([]span{sp}, width)); got[0] != before+" "+first {
			t.Fatalf("test setup: with ordinary spaces the first line is %q", got[0])
		}
		sp.text = before + " " + date + ", as agreed."
		got := lineTexts(d.breakLines([]span{sp}, width))
		if got[0] != before || !strings.HasPrefix(got[1], date) {
			t.Errorf("%q broke as %q", date, got)
		}
	}
}

// wholeDates counts the dates in the lines that lie on one line.
func wholeDates(lines []string) int {
	n := 0
	for _, l := range lines {
		l = strings.ReplaceAll(l, "\u00a0", " ")
		n += strings.Count(l, "12 January 2027") + strings.Count(l, "January 12, 2027")
	}
	return n
}

func TestNoBreakSpaceRendersAndExtracts(t *testing.T) {
	// A paragraph long enough to wrap, with dates wherever they fall.
	para := strings.Repeat("The review is on 12\u00a0January\u00a02027 and the check-in on January\u00a012,\u00a02027. ", 12)
	d := dryDrawer()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink}
	sp.text = strings.ReplaceAll(para, "\u00a0", " ")
	if n := wholeDates(lineTexts(d.breakLines([]span{sp}, d.contentWidth()))); n == 24 {
		t.Fatal("test setup: no date falls at a line end")
	}
	sp.text = para
	if n := wholeDates(lineTexts(d.breakLines([]span{sp}, d.contentWidth()))); n != 24 {
		t.Errorf("%d of 24 dates lie on one line", n)
	}

	res := render(t, para+"\n", testMeta())
	validate(t, res.PDF)
	// Copied text gives each date back with spaces or no-break spaces.
	if n := wholeDates([]string{extract(t, res.PDF)}); n != 24 {
		t.Errorf("extracted text holds %d of 24 dates", n)
	}
	out, ok := pdftotext(t, res.PDF)
	if !ok {
		return
	}
	// pdftotext keeps the lines as drawn: no date is cut by a line end.
	if n := wholeDates(strings.Split(string(out), "\n")); n != 24 {
		t.Errorf("pdftotext reads %d of 24 dates whole:\n%s", n, out)
	}
}
