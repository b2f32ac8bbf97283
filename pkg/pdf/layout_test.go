package pdf

import (
	"strings"
	"testing"
)

// dryDrawer is a drawer that lays out without drawing, on its first page,
// at the test settings.
func dryDrawer() *drawer {
	d := newDrawer(testMeta())
	d.dry = true
	d.pdf.AddPage()
	return d
}

// dashboard is a long web address with every kind of separator.
const dashboard = "https://grafana.internal.firma.example.com/d/abc123/campaign-launches?orgId=1&from=now-30d"

func TestLongAddressInTextWrapsBetweenParts(t *testing.T) {
	d := dryDrawer()
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink}
	// A link followed by a full stop outside it: one word of two styles.
	link := sp
	link.text, link.link, link.color = dashboard, dashboard, d.st.link
	before, after := sp, sp
	before.text, after.text = "The dashboard is at ", ". It shows the launches of the last thirty days."
	width := d.contentWidth()
	lines := d.breakLines([]span{before, link, after}, width)
	for _, l := range lines {
		if w := lineWidth(l); w > width {
			t.Errorf("a line %.1f pt wide in %.1f: %q", w, width, lineTexts([][]word{l}))
		}
	}
	got := lineTexts(lines)
	if !strings.HasPrefix(got[0], "The dashboard is at https://") {
		t.Errorf("the address does not start on the line that introduces it: %q", got)
	}
	if !strings.HasSuffix(got[0], "/") {
		t.Errorf("the address is not cut after a '/': %q", got)
	}
	if strings.Join(got, "") != before.text+dashboard+after.text {
		t.Errorf("the lines do not hold the text as written: %q", got)
	}
}

func TestCutAddressCopiesWhole(t *testing.T) {
	// Narrow columns cut the addresses in several places, near hyphens.
	slug := "https://wiki.example.com/team-handbook/remote-work/campaign-launch-review-checklist-and-sign-off"
	md := "The dashboard is at <" + dashboard + ">. It shows the launches of the last thirty days.\n\n" +
		"| Check | Where |\n|:--|:--|\n| Review | " + slug + " |\n\n" +
		"| A | B | C | D | E |\n|:--|:--|:--|:--|:--|\n| one | two | three | four | " + slug + " |\n"
	res := render(t, md, testMeta())
	validate(t, res.PDF)
	if n := strings.Count(string(res.PDF), "/URI ("+dashboard+")"); n != 2 {
		t.Errorf("the address's two lines carry %d links to it, want 2", n)
	}
	if got := squash(extract(t, res.PDF)); !strings.Contains(got, dashboard) || strings.Count(got, slug) != 2 {
		t.Errorf("the addresses do not extract whole:\n%s", got)
	}
	out, ok := pdftotext(t, res.PDF)
	if !ok {
		return
	}
	// pdftotext keeps the lines as drawn, and drops a hyphen that ends a
	// line as one the typesetter added: the addresses come back whole
	// once the line ends are taken out, with no hyphen dropped or added.
	joined := strings.ReplaceAll(out, "\n", "")
	if !strings.Contains(joined, dashboard) || strings.Count(joined, slug) != 2 {
		t.Errorf("pdftotext does not read the addresses whole:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, "-") {
			t.Errorf("a line ends in a hyphen: %q", l)
		}
	}
}

func TestLongTokenWithoutSeparatorsIsCutAnywhere(t *testing.T) {
	d := dryDrawer()
	token := strings.Repeat("0123456789abcdef", 8)
	sp := span{family: serif, size: d.st.smallSize, color: d.st.ink, text: token}
	lines := d.breakLines([]span{sp}, 100)
	if len(lines) < 2 {
		t.Fatalf("a %d-character token set on %d line(s)", len(token), len(lines))
	}
	for _, l := range lines {
		if w := lineWidth(l); w > 100 {
			t.Errorf("a line %.1f pt wide in 100: %q", w, lineTexts([][]word{l}))
		}
	}
	if got := strings.Join(lineTexts(lines), ""); got != token {
		t.Errorf("the token's lines join as %q", got)
	}
}

func TestVeryLongWordIsMeasuredOnce(t *testing.T) {
	// A 100,000-character word without separators is cut anywhere into
	// more than a thousand lines. Each line's cut reads that line's text
	// a few times over, never the rest of the word: reading it to its end
	// for every line measured about 10⁸ bytes.
	d := dryDrawer()
	token := strings.Repeat("0123456789abcdef", 100000/16)
	sp := span{family: serif, size: d.st.bodySize, color: d.st.ink, text: token}
	d.measured = 0
	lines := d.breakLines([]span{sp}, d.contentWidth())
	if len(lines) < 1000 {
		t.Fatalf("a %d-character word set on %d lines", len(token), len(lines))
	}
	if limit := 10 * len(token); d.measured > limit {
		t.Errorf("%d bytes measured to break a %d-character word, over %d", d.measured, len(token), limit)
	}
	if got := strings.Join(lineTexts(lines), ""); got != token {
		t.Error("the word's lines do not join as the word")
	}
	width := d.contentWidth()
	for i, l := range lines {
		if w := lineWidth(l); w > width {
			t.Fatalf("line %d is %.1f pt wide in %.1f", i+1, w, width)
		}
		// The width kept for a cut piece is the width it measures.
		for _, f := range l[0].frags {
			if m := d.measure(f.family, f.style, f.s.size, f.text); m != f.w {
				t.Fatalf("line %d: a piece kept as %v pt wide measures %v", i+1, f.w, m)
			}
		}
	}
}
