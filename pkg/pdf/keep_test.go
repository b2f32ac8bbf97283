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
