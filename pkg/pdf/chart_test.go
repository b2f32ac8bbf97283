package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

const responseChart = "```chart\ntitle: Median first response to stakeholder questions\nunit: minutes\nfrom: 2027-01-12\nto: 2027-03-12\n" +
	"baseline: 45\ntarget: 60\nbetter: lower\npoints: 2027-01-15 40; 2027-01-22 38; 2027-01-29 44; 2027-02-05 75; 2027-02-12 42\n```\n"

const releaseChart = "```chart\ntitle: Releases shipped on the planned day\nunit: %\nfrom: 2027-01-12\nto: 2027-03-12\n" +
	"baseline: 80\ntarget: 90\nbetter: higher\npoints: 2027-01-19 85; 2027-01-26 100; 2027-02-09 92; 2027-03-09 96\n```\n"

const chartDoc = "# Review\n\nThe trial's measures.\n\n" + responseChart + "\nBetween the charts.\n\n" + releaseChart +
	"\nA code block stays text:\n\n```go\nfmt.Println(\"kept\")\n```\n"

func TestChartsDrawAndExtract(t *testing.T) {
	a := render(t, chartDoc, testMeta())
	validate(t, a.PDF)
	if b := render(t, chartDoc, testMeta()); !bytes.Equal(a.PDF, b.PDF) {
		t.Fatal("a document with charts rendered twice gave different bytes")
	}
	got := squash(extract(t, a.PDF))
	for _, want := range []string{
		"Median first response to stakeholder questions", "minutes", "Target: 60 or less", "Baseline: 45", "Jan 26", "42",
		"Releases shipped on the planned day", "Target: 90% or more", "100%", "96%",
		"Between the charts.", `fmt.Println("kept")`,
	} {
		if !strings.Contains(got, squash(want)) {
			t.Errorf("extracted text lacks %q:\n%s", want, got)
		}
	}
	// The fence's own lines are not printed.
	for _, fence := range []string{"title:", "points:", "better:"} {
		if strings.Contains(got, fence) {
			t.Errorf("the chart's fence was printed: %q", fence)
		}
	}
	if out, ok := pdftotext(t, a.PDF); ok && !strings.Contains(out, "Target: 60 or less") {
		t.Errorf("pdftotext lacks the target's label:\n%s", out)
	}
}

func TestChartLabelsAreNotCountedInTheTextSize(t *testing.T) {
	// The labels are set in a fixed 8 pt, like the page furniture; the
	// text's smallest size is still the body's.
	if got := layOut(t, chartDoc, testMeta()).MinTextSize(); got != newStyle(1).bodySize {
		t.Errorf("smallest text %.2f pt", got)
	}
}

// chartNode parses md and returns its first chart's fence.
func chartNode(t *testing.T, md string) ast.Node {
	t.Helper()
	doc := parse([]byte(md))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if isChart(n, []byte(md)) {
			return n
		}
	}
	t.Fatal("no chart")
	return nil
}

func TestChartStartsANewPageRatherThanSplit(t *testing.T) {
	md := responseChart
	node := chartNode(t, md)
	for _, room := range []float64{chartHeight - 1, chartHeight + chartGap - 1, chartHeight + chartGap + 1} {
		d := newDrawer(testMeta())
		d.dry = true
		d.source = []byte(md)
		d.pdf.AddPage()
		d.pdf.SetY(d.pageBottom() - room)
		d.pending = d.st.paraGap
		if err := d.renderChart(node.(*ast.FencedCodeBlock)); err != nil {
			t.Fatal(err)
		}
		_, top, _, _ := d.pdf.GetMargins()
		fits := room >= chartHeight+chartGap
		switch {
		case fits && d.pdf.PageNo() != 1:
			t.Errorf("%.0f pt of room: the chart moved to page %d", room, d.pdf.PageNo())
		case !fits && (d.pdf.PageNo() != 2 || d.pdf.GetY() != top+chartHeight):
			t.Errorf("%.0f pt of room: the chart ends at %.1f on page %d, want %.1f on page 2", room, d.pdf.GetY(), d.pdf.PageNo(), top+chartHeight)
		}
		if d.pdf.GetY() > d.pageBottom() {
			t.Errorf("%.0f pt of room: the chart ends at %.1f, below the text area (%.1f)", room, d.pdf.GetY(), d.pageBottom())
		}
	}
}

func TestChartStaysWithItsHeadingAndIntroduction(t *testing.T) {
	section := "## Headingmark\n\nIntromark, the readings:\n\n" + responseChart + "\nAftermark.\n"
	moved := 0
	for n := 20; n <= 40; n++ {
		pages := squashedPages(t, filler(n)+section, testMeta())
		head := pageOf(pages, "Headingmark")
		for _, marker := range []string{"Intromark", "Medianfirstresponse", "Target:60orless", "Mar9"} {
			if p := pageOf(pages, marker); p != head {
				t.Errorf("filler %d: the heading on page %d, %q on page %d", n, head, marker, p)
			}
		}
		if head > 1 && pageOf(pages, fmt.Sprintf("Fillerline%d.", n-1)) < head {
			moved++
		}
	}
	if moved == 0 {
		t.Error("the section never started a page: the test does not reach the page foot")
	}
}

func TestBadChartIsAnErrorAtItsLine(t *testing.T) {
	md := "# Review\n\nText.\n\n```chart\ntitle: T\npoints: 2027-01-15 40; 2027-13-01 3\n```\n"
	_, err := Render([]byte(md), testMeta())
	if err == nil || !strings.Contains(err.Error(), `chart at line 7: points: "2027-13-01" is not a date`) {
		t.Errorf("error %v", err)
	}
	md = "Text.\n\n```chart\nunit: %\npoints: 2027-01-15 40\n```\n"
	if _, err := Render([]byte(md), testMeta()); err == nil || !strings.Contains(err.Error(), `chart at line 3: no "title:" line`) {
		t.Errorf("error %v", err)
	}
}
