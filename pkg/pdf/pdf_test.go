package pdf

import (
	"bytes"
	"fmt"
	"github.com/propose-cli/propose/pkg/docmeta"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/propose-cli/propose/internal/pdftext"
)

var testDate = time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)

func testMeta() Meta {
	return Meta{Doc: docmeta.Doc{Title: "Proposal for a Hybrid Work Trial", Author: "Zoë Okafor", Subject: "A trial",
		Creator: "propose test", Language: "en-US", Date: testDate, Paper: "letter"}}
}

func render(t *testing.T, md string, meta Meta) *Result {
	t.Helper()
	res, err := Render([]byte(md), meta)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// validate checks the file with pdfcpu, and with qpdf when it is installed.
func validate(t *testing.T, b []byte) {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		t.Fatalf("pdfcpu: %v", err)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		f := t.TempDir() + "/doc.pdf"
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
			t.Fatalf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// extractPages returns the text of each page.
func extractPages(t *testing.T, b []byte) []string {
	t.Helper()
	pages, err := pdftext.Pages(b)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func extract(t *testing.T, b []byte) string {
	t.Helper()
	s, err := pdftext.Extract(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// squash drops white space: the pure-Go extractor breaks lines at every
// text object, so comparisons look at the characters and their order.
func squash(s string) string { return pdftext.Squash(s) }

const unicodeSample = `# Names from everywhere

Zoë Okafor, José Muñoz, Łukasz Żółć, Αλέξανδρος Παπαδόπουλος, Анна Кузнецова, François Lefèvre.

"Straight quotes" become curly -- and dashes --- too... Costs €1,200; response time ≥ 95% and ≤ 1 hour.

- [ ] Approve
- [x] Decline

| Name | Město |
|:-----|------:|
| Ærøskøbing | Øresund |
`

func TestUnicodeTextExtracts(t *testing.T) {
	res := render(t, unicodeSample, testMeta())
	validate(t, res.PDF)
	got := squash(extract(t, res.PDF))
	for _, want := range []string{
		"Zoë Okafor", "José Muñoz", "Łukasz Żółć", "Αλέξανδρος Παπαδόπουλος", "Анна Кузнецова", "François Lefèvre",
		"“Straight quotes” become curly – and dashes — too…", "€1,200", "≥ 95%", "≤ 1 hour", "Ærøskøbing", "Øresund",
	} {
		if !strings.Contains(got, squash(want)) {
			t.Errorf("extracted text lacks %q:\n%s", want, got)
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := render(t, unicodeSample, testMeta())
	b := render(t, unicodeSample, testMeta())
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Fatal("the same input rendered twice gave different bytes")
	}
	other := testMeta()
	other.Date = testDate.AddDate(0, 0, 1)
	if c := render(t, unicodeSample, other); bytes.Equal(a.PDF, c.PDF) {
		t.Fatal("a different document date gave the same bytes; the date is not recorded")
	}
}

func TestMetadata(t *testing.T) {
	res := render(t, unicodeSample, testMeta())
	info, err := api.PDFInfo(bytes.NewReader(res.PDF), "doc.pdf", nil, false, model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	if info.Title != "Proposal for a Hybrid Work Trial" || info.Author != "Zoë Okafor" || info.Subject != "A trial" || info.Creator != "propose test" {
		t.Errorf("metadata: title %q author %q subject %q creator %q", info.Title, info.Author, info.Subject, info.Creator)
	}
	if !bytes.Contains(res.PDF, []byte("/Lang (en-US)")) {
		t.Error("no document language")
	}
}

func TestPaperSizes(t *testing.T) {
	for paper, want := range map[string][2]float64{"letter": {612, 792}, "a4": {595.28, 841.89}} {
		m := testMeta()
		m.Paper = paper
		res := render(t, unicodeSample, m)
		dims, err := api.PageDims(bytes.NewReader(res.PDF), model.NewDefaultConfiguration())
		if err != nil {
			t.Fatal(err)
		}
		if d := dims[0]; int(d.Width) != int(want[0]) || int(d.Height) != int(want[1]) {
			t.Errorf("%s: page is %.2f × %.2f", paper, d.Width, d.Height)
		}
	}
}

func TestLinksAreClickable(t *testing.T) {
	// Links on two pages, one with parentheses and ">>" in its address:
	// every annotation must become its own object (strict validation),
	// keep its address, and be listed on the page it sits on.
	md := "Write to [zoe@example.com](<mailto:zoe@example.com>) or read <https://doi.org/10.1093/qje/qju032>.\n\n" +
		strings.Repeat("Filler paragraph that takes up room on the first page of the document.\n\n", 60) +
		"See [the study](https://example.com/a_(b)?q=x>>y) again.\n"
	res := render(t, md, testMeta())
	if res.Pages < 2 {
		t.Fatalf("want the last link on page 2 or later, got %d page(s)", res.Pages)
	}
	validate(t, res.PDF)
	for _, uri := range []string{"/URI (mailto:zoe@example.com)", "/URI (https://doi.org/10.1093/qje/qju032)", `/URI (https://example.com/a_\(b\)?q=x>>y)`} {
		if !bytes.Contains(res.PDF, []byte(uri)) {
			t.Errorf("no link annotation %s", uri)
		}
	}
	if bytes.Contains(res.PDF, []byte("/Annots [<<")) {
		t.Error("an /Annots array still holds a dictionary")
	}
	refs := regexp.MustCompile(`/Annots \[((?:\d+ 0 R ?)+)\]`).FindAllSubmatch(res.PDF, -1)
	if len(refs) != 2 || len(bytes.Fields(refs[0][1]))/3 != 2 || len(bytes.Fields(refs[1][1]))/3 != 1 {
		t.Errorf("want two pages listing 2 and 1 annotation references, got %q", refs)
	}
	conf := model.NewDefaultConfiguration()
	ctx, err := api.ReadContext(bytes.NewReader(res.PDF), conf)
	if err != nil {
		t.Fatal(err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		t.Fatal(err)
	}
	annots, err := api.Annotations(bytes.NewReader(res.PDF), nil, conf)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, page := range annots {
		for _, a := range page {
			n += len(a.Map)
		}
	}
	if n != 3 {
		t.Errorf("pdfcpu finds %d link annotations, want 3", n)
	}
}

func TestRawHTMLIsPrintedAsText(t *testing.T) {
	res := render(t, "<div>\n<b>not bold</b>\n</div>\n\nInline <i>tags</i> stay.\n", testMeta())
	got := squash(extract(t, res.PDF))
	for _, want := range []string{"<b>not bold</b>", "<i>tags</i>"} {
		if !strings.Contains(got, squash(want)) {
			t.Errorf("raw HTML %q was not printed as text:\n%s", want, got)
		}
	}
	// A block with a closing line (a comment) prints that line on its own.
	comment := extract(t, render(t, "<!--\nnote\n-->\n", testMeta()).PDF)
	if !strings.Contains(comment, "note") || !strings.Contains(comment, "-->") || strings.Contains(comment, "note-->") {
		t.Errorf("HTML comment block printed as %q", comment)
	}
}

func TestPageNumbersAndRunningHeader(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Long\n\n")
	for i := 0; i < 120; i++ {
		b.WriteString("A paragraph long enough to fill a line or two of the page, so the document runs to several pages.\n\n")
	}
	m := testMeta()
	m.Folio = [3]string{"Page ", " of ", ""} // the words come from the document's language
	res := render(t, b.String(), m)
	if res.Pages < 3 {
		t.Fatalf("%d pages", res.Pages)
	}
	pages := extractPages(t, res.PDF)
	if len(pages) != res.Pages {
		t.Fatalf("extracted %d pages, rendered %d", len(pages), res.Pages)
	}
	for i, page := range pages {
		footer := fmt.Sprintf("Page %d of %d", i+1, res.Pages)
		if !strings.Contains(squash(page), squash(footer)) {
			t.Errorf("page %d lacks its footer %q", i+1, footer)
		}
		// The running header (title and author) from page 2 on.
		if header := strings.Contains(page, "Proposal for a Hybrid Work Trial"); header != (i > 0) {
			t.Errorf("page %d: running header shown %v, want %v", i+1, header, i > 0)
		}
	}
}

func TestTableHeaderRepeatsAndRowsDoNotSplit(t *testing.T) {
	var b strings.Builder
	b.WriteString("| Metric | Target |\n|:--|:--|\n")
	for i := 0; i < 80; i++ {
		b.WriteString("| A metric whose name is long enough to wrap onto a second line in its narrow column, row | target |\n")
	}
	res := render(t, b.String(), testMeta())
	if res.Pages < 2 {
		t.Fatalf("%d pages", res.Pages)
	}
	if n := strings.Count(extract(t, res.PDF), "Metric"); n != res.Pages {
		t.Errorf("header row drawn %d times on %d pages", n, res.Pages)
	}
}

func TestCovers(t *testing.T) {
	for _, r := range "aZéŁżΩжЖ€“”—…≥≤☐•" {
		if !Covers(r) {
			t.Errorf("%c (U+%04X) should be drawable", r, r)
		}
	}
	for _, r := range "😀中한🚀" {
		if Covers(r) {
			t.Errorf("%c (U+%04X) has no glyph but Covers says it does", r, r)
		}
	}
}

func TestUndrawableIsAnErrorNotACrash(t *testing.T) {
	if _, err := Render([]byte("Hello 😀\n"), testMeta()); err == nil {
		t.Fatal("an emoji rendered without error")
	}
}

func TestPdftotextReadsIt(t *testing.T) {
	out, ok := pdftotext(t, render(t, unicodeSample, testMeta()).PDF)
	if !ok {
		t.Skip("pdftotext not installed")
	}
	for _, want := range []string{"Łukasz Żółć", "Анна Кузнецова", "≥ 95%"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, out)
		}
	}
}

// pdftotext returns the text poppler's pdftotext reads from the PDF, with
// its lines as drawn; false when pdftotext is not installed.
func pdftotext(t *testing.T, pdf []byte) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return "", false
	}
	f := t.TempDir() + "/doc.pdf"
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out), true
}

// pageOf returns the 1-based page whose text holds marker, or 0.
func pageOf(pages []string, marker string) int {
	for i, p := range pages {
		if strings.Contains(p, marker) {
			return i + 1
		}
	}
	return 0
}

func TestPageBreaksKeepWhatBelongsTogether(t *testing.T) {
	// The same blocks pushed down the page one line at a time, so that every
	// rule meets a page foot somewhere.
	var long strings.Builder
	for i := 1; i <= 18; i++ {
		fmt.Fprintf(&long, "- Longitem%02d of a list too long to keep whole\n", i)
	}
	body := "## Headingmark\n\nIntromark goes to these places:\n\n- Firstitem\n- Seconditem\n\n" +
		"Tableintro, the measures:\n\n| Metric | Target |\n|:--|:--|\n| Rowone | 1 |\n| Rowtwo | 2 |\n| Rowthree | 3 |\n\n" +
		"Longintro, all of these:\n\n" + long.String()
	split := 0
	for filler := 25; filler <= 45; filler++ {
		var b strings.Builder
		for i := 0; i < filler; i++ {
			fmt.Fprintf(&b, "Filler line %d.\n\n", i)
		}
		b.WriteString(body)
		res := render(t, b.String(), testMeta())
		pages := extractPages(t, res.PDF)
		for i := range pages {
			pages[i] = squash(pages[i])
		}
		together := [][]string{
			{"Headingmark", "Intromark", "Firstitem", "Seconditem"},
			{"Tableintro", "Metric", "Rowone", "Rowthree"},
			{"Longintro", "Longitem01", "Longitem02"},
			{"Longitem17", "Longitem18"},
		}
		for _, group := range together {
			first := pageOf(pages, group[0])
			for _, m := range group[1:] {
				if p := pageOf(pages, m); p != first {
					t.Errorf("filler %d: %s on page %d, %s on page %d", filler, group[0], first, m, p)
				}
			}
		}
		for i, p := range pages {
			if !strings.ContainsAny(p, "0123456789") || !regexp.MustCompile(`Filler|item|Row|mark|intro`).MatchString(p) {
				t.Errorf("filler %d: page %d holds no text of the document: %q", filler, i+1, p)
			}
		}
		if pageOf(pages, "Longitem01") != pageOf(pages, "Longitem18") {
			split++
		}
	}
	// A long list is split where it meets the page foot, not moved whole.
	if split == 0 {
		t.Error("the long list was never split: it is kept whole like a short one")
	}
}

func TestSignatureColumnsGiveWayToText(t *testing.T) {
	// The one-pager's decision row on A4: the columns left blank for a
	// signature and a date shrink (to 80 pt at least) before the choices wrap.
	const choices = "☐\u00a0Approve ☐\u00a0Approve\u00a0with\u00a0changes ☐\u00a0Decline"
	for _, paper := range []string{"a4", "letter"} {
		d := newDrawer(Meta{Doc: docmeta.Doc{Paper: paper, Scale: 1}})
		d.dry = true
		d.pdf.AddPage()
		header := []cell{{text: "Decision"}, {text: "Signature"}, {text: "Date"}}
		w := d.columnWidths(header, [][]cell{{{text: choices}, {}, {}}}, 3)
		sp := d.cellSpan(false, false)
		sp.text = choices
		if need := d.measureLine(sp) + 2*d.st.cellPadX; w[0] < need {
			t.Errorf("%s: decision column %.1f pt, its text needs %.1f", paper, w[0], need)
		}
		if w[1] < 80 || w[2] < 80 {
			t.Errorf("%s: signature and date columns %.1f and %.1f pt, want at least 80", paper, w[1], w[2])
		}
	}
}

func TestFormColumnsAreEqual(t *testing.T) {
	// The proposal's sign-off: whatever the names, the manager's and the
	// employee's columns are the same width.
	signOff := func(manager, employee string) (header []cell, rows [][]cell) {
		return []cell{{}, {text: "Manager"}, {text: "Employee"}}, [][]cell{
			{{text: "Name"}, {text: manager}, {text: employee}},
			{{text: "Signature"}, {}, {}},
			{{text: "Date"}, {}, {}},
		}
	}
	for _, paper := range []string{"letter", "a4"} {
		for _, names := range [][2]string{
			{"Priya Raman", "Zoë Okafor"},
			{"Bartholomew Christopher Montgomery-Smythe", "Jo Li"},
			{"Al Wu", "Maximilian Alexander Featherstonehaugh-Wolfeschlegel, Principal Customer Success Manager"},
		} {
			d := newDrawer(Meta{Doc: docmeta.Doc{Paper: paper, Scale: 1}})
			d.dry = true
			d.pdf.AddPage()
			header, rows := signOff(names[0], names[1])
			w := d.columnWidths(header, rows, 3)
			if math.Abs(w[1]-w[2]) > 1e-6 {
				t.Errorf("%s, %q and %q: columns %.1f and %.1f pt wide", paper, names[0], names[1], w[1], w[2])
			}
			if sum := w[0] + w[1] + w[2]; math.Abs(sum-d.contentWidth()) > 1e-6 {
				t.Errorf("%s: columns take %.1f of %.1f pt", paper, sum, d.contentWidth())
			}
			sp := d.cellSpan(false, false)
			sp.text = "Signature"
			if need := d.measureLine(sp) + 2*d.st.cellPadX; w[0] < need || w[0] > w[1] {
				t.Errorf("%s: label column %.1f pt (its text needs %.1f), the others %.1f", paper, w[0], need, w[1])
			}
			// Without the rows to fill in, widths follow the text.
			if names[0] != "Priya Raman" {
				if w := d.columnWidths(header, rows[:1], 3); math.Abs(w[1]-w[2]) < 20 {
					t.Errorf("%s: a table without form rows has columns %.1f and %.1f pt wide", paper, w[1], w[2])
				}
			}
		}
	}
}

// TestRunningHeaderStaysOnOneLine gives the header a long title and a long
// author: each is cut with an ellipsis to one line above the rule, and the
// page text extracts the ellipsis rather than a second line.
func TestRunningHeaderStaysOnOneLine(t *testing.T) {
	md := []byte("# Title\n\n" + strings.Repeat("A paragraph of body text that fills the page. ", 400))
	author := "Maximiliana Alessandra Konstantinopoulou-Vanderbilt de la Cruz y Montenegro"
	title := "Hybrid Working Terms for the Principal Staff Software Engineer, Payments Infrastructure Offer"
	res, err := Render(md, Meta{Doc: docmeta.Doc{Title: title, Author: author, Paper: "letter", Date: time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	text, err := pdftext.Extract(res.PDF)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "Montenegro") || !strings.Contains(text, "…") {
		t.Errorf("the running header was not cut to one line")
	}
}
