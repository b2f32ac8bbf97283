package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// filler is n one-line paragraphs that push what follows down the page.
func filler(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Filler line %d.\n\n", i)
	}
	return b.String()
}

// squashedPages renders md and returns each page's text without spaces.
func squashedPages(t *testing.T, md string, meta Meta) []string {
	t.Helper()
	pages := extractPages(t, render(t, md, meta).PDF)
	for i := range pages {
		pages[i] = squash(pages[i])
	}
	return pages
}

func TestHeadingIntroductionAndTableStayTogether(t *testing.T) {
	const section = "## The trial\n\nThe trial runs on these dates:\n\n" +
		"| Step | Date |\n|:--|:--|\n| Begins | Tuesday, January 12, 2027 |\n| Check-in | Thursday, February 11, 2027 |\n" +
		"| Review | Friday, March 12, 2027 |\n| Ends | Friday, March 12, 2027 |\n\nAfterword.\n"
	moved := 0
	for _, scale := range []float64{1, MinScale} {
		m := testMeta()
		m.Scale = scale
		for n := 15; n <= 32; n++ {
			pages := squashedPages(t, filler(n)+section, m)
			head := pageOf(pages, "Thetrial")
			for _, marker := range []string{"Thetrialrunsonthesedates:", "Step", "Begins", "Ends"} {
				if p := pageOf(pages, marker); p != head {
					t.Errorf("scale %.2f, filler %d: the heading on page %d, %q on page %d", scale, n, head, marker, p)
				}
			}
			if head > 1 && pageOf(pages, fmt.Sprintf("Fillerline%d.", n-1)) < head {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Error("the section never started a page: the test does not reach the page foot")
	}
}

func TestHeadingsNeverEndAPage(t *testing.T) {
	// A heading followed by a paragraph, a list, a long paragraph or a
	// table, at every height near the page foot.
	long := strings.Repeat("A sentence of a long paragraph that runs on. ", 40)
	for _, heading := range []string{"Headingmark", "Headingmark of a section whose title is long enough to wrap onto a second line Tailmark"} {
		for _, next := range []string{
			"Shortpara after it.",
			"- Listitem one\n- Listitem two\n- Listitem three",
			long,
			"**“A question in bold?”**\\\n" + long,
			hardLines("Fiveline", 5),
			"| Col | Val |\n|:--|:--|\n| Row | 1 |",
		} {
			moved := 0
			for i := 0; i < 30; i++ {
				// Filler lines and a heading gap of a varying size move the
				// heading down in steps smaller than a line.
				n, gap := 20+i/3, strings.Repeat("### Gap\n\n", i%3)
				pages := extractPages(t, render(t, filler(n)+gap+"## "+heading+"\n\n"+next+"\n", testMeta()).PDF)
				p := pageOf(pages, "Headingmark")
				last := heading[strings.LastIndex(heading, " ")+1:]
				q := pageOf(pages, last)
				if q != p {
					t.Errorf("filler %d: the heading split across pages %d and %d", n, p, q)
				}
				for k, page := range pages {
					text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(page), fmt.Sprintf("Page %d of %d", k+1, len(pages))))
					for _, h := range []string{"Gap", "Headingmark", "Tailmark"} {
						if strings.HasSuffix(text, h) {
							t.Errorf("filler %d, gap %d: a heading ends page %d before %.20q", n, i%3, k+1, next)
						}
					}
				}
				if p == 2 && pageOf(pages, fmt.Sprintf("Filler line %d.", n-1)) == 1 {
					moved++
				}
			}
			if moved == 0 {
				t.Errorf("the heading %.20q before %.20q never starts a page: the test does not reach the page foot", heading, next)
			}
		}
	}
}

// hardLines is a paragraph of n lines, each ending in a hard line break,
// named prefix01, prefix02 and on.
func hardLines(prefix string, n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%s%02d", prefix, i)
		if i < n {
			b.WriteString("\\\n")
		}
	}
	return b.String() + "\n\n"
}

// perPage counts the lines named prefix on each page.
func perPage(pages []string, prefix string) []int {
	var out []int
	for _, p := range pages {
		if n := strings.Count(p, prefix); n > 0 {
			out = append(out, n)
		}
	}
	return out
}

func TestParagraphsSplitWithoutWidowsOrOrphans(t *testing.T) {
	// A filler paragraph of k lines moves the paragraph down the page one
	// line at a time.
	for _, n := range []int{3, keepWhole, keepWhole + 1, 12} {
		split := 0
		for k := 28; k <= 44; k++ {
			pages := extractPages(t, render(t, hardLines("Fillrow", k)+hardLines("Pline", n), testMeta()).PDF)
			counts := perPage(pages, "Pline")
			if n <= keepWhole && len(counts) != 1 {
				t.Errorf("%d lines after %d: a paragraph of %d lines split as %v", n, k, n, counts)
			}
			for _, c := range counts {
				if c < minLines {
					t.Errorf("%d lines after %d: split as %v, leaving a line alone", n, k, counts)
				}
			}
			if len(counts) > 1 {
				split++
			}
		}
		if n > keepWhole && split == 0 {
			t.Errorf("a paragraph of %d lines never split: moved whole like a short one", n)
		}
	}
}

func TestQuestionStaysWithItsAnswer(t *testing.T) {
	// The prep sheet's objections: a question in bold, a hard line break,
	// the answer; here answers long enough to be split, one of hard lines
	// and one of numbered words wrapped as they fall.
	var words []string
	for i := 1; i <= 150; i++ {
		words = append(words, fmt.Sprintf("Wd%03d", i))
	}
	wrapped := strings.Join(words, " ")
	d := dryDrawer()
	lines := d.breakLines([]span{{text: wrapped, family: serif, size: d.st.bodySize}}, d.contentWidth())
	twoLines := len(lines[0]) + len(lines[1]) // words in the answer's first two lines

	for _, q := range []string{
		"**“How will I know what you are working on? Qmark”**",
		"**“We prefer everyone in the office. Qmark”** (you expect this)",
		"**“If I say yes to you, everyone in the department, and then everyone in the company, will want to work like this as well. Qmark”**",
	} {
		for _, answer := range []string{hardLines("Aline", 9), wrapped + "\n"} {
			moved, split := 0, 0
			for k := 28; k <= 44; k++ {
				md := hardLines("Fillrow", k) + q + "\\\n" + answer
				pages := extractPages(t, render(t, md, testMeta()).PDF)
				qp := pageOf(pages, "Qmark")
				here := pages[qp-1][strings.Index(pages[qp-1], "Qmark"):]
				if n := strings.Count(here, "Aline"); strings.HasPrefix(answer, "Aline") && n < 2 {
					t.Errorf("%.30q after %d lines: the question's page holds %d line(s) of its answer", q, k, n)
				}
				if strings.HasPrefix(answer, "Wd") && !strings.Contains(here, words[twoLines-1]) {
					t.Errorf("%.30q after %d lines: the question's page lacks the answer's second line", q, k)
				}
				if qp > 1 && pageOf(pages, fmt.Sprintf("Fillrow%02d", k)) < qp {
					moved++
				}
				if qp != len(pages) {
					split++
				}
			}
			if moved == 0 || split == 0 {
				t.Errorf("%.30q: moved %d and split %d times: the test does not reach the page foot", q, moved, split)
			}
		}
	}
}

// TestSignOffStaysTogether pushes the proposal's sign-off (its heading,
// check boxes, signature table and review date) across every height near
// a page foot: it is never split, so the manager signs on the page that
// says what is being signed.
func TestSignOffStaysTogether(t *testing.T) {
	const signOff = "## Decision\n\n" +
		"- [ ] Approved as proposed\n- [ ] Approved with changes: ______________________________\n" +
		"- [ ] Declined. Reason: ______________________________\n\n" +
		"|           | Manager | Employee |\n|:----------|:----------|:----------|\n" +
		"| Name      | Priya Raman | Zoë Okafor |\n| Signature |           |           |\n| Date      |           |           |\n\n" +
		"Agreed review date: March 11, 2027\n"
	moved := 0
	for _, paper := range []string{"letter", "a4"} {
		m := testMeta()
		m.Paper = paper
		for n := 22; n <= 40; n++ {
			pages := squashedPages(t, filler(n)+signOff, m)
			head := pageOf(pages, "Decision")
			for _, marker := range []string{"Approvedasproposed", "Declined.Reason", "Manager", "Signature", "Date", "Agreedreviewdate"} {
				if p := pageOf(pages, marker); p != head {
					t.Errorf("%s, filler %d: the heading on page %d, %q on page %d", paper, n, head, marker, p)
				}
			}
			if head > 1 && pageOf(pages, fmt.Sprintf("Fillerline%d.", n-1)) < head {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Error("the sign-off never started a page: the test does not reach the page foot")
	}
}
