package render

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/pdftext"
	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/pdf"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

var today = proposal.NewDate(2027, 1, 4)

func load(t testing.TB, src []byte) *proposal.Proposal {
	t.Helper()
	p, err := proposal.Parse("test.yaml", src, today)
	if err != nil {
		t.Fatalf("%v", err)
	}
	return p
}

func byName(files []output.File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Name] = f.Data
	}
	return m
}

func pages(t *testing.T, b []byte) int {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		t.Fatalf("invalid PDF: %v", err)
	}
	n, err := api.PageCount(bytes.NewReader(b), conf)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestExamples(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			src, _ := examples.Get(name)
			p := load(t, src)
			files, err := Files(p, Options{Creator: "propose test"})
			if err != nil {
				t.Fatal(err)
			}
			m := byName(files)
			for _, want := range []string{"proposal.md", "proposal.pdf", "one-pager.md", "one-pager.pdf"} {
				if len(m[want]) == 0 {
					t.Fatalf("%s missing", want)
				}
			}
			if n := pages(t, m["proposal.pdf"]); n < 2 || n > 4 {
				t.Errorf("proposal has %d pages, want 2 to 4", n)
			}
			if n := pages(t, m["one-pager.pdf"]); n != 1 {
				t.Errorf("one-pager has %d pages", n)
			}
			for _, f := range []string{"proposal.pdf", "one-pager.pdf", "private/prep.pdf"} {
				if len(m[f]) > 80<<10 {
					t.Errorf("%s is %d KB; fonts are not subset?", f, len(m[f])>>10)
				}
				text, err := pdftext.Extract(m[f])
				if err != nil {
					t.Fatal(err)
				}
				// No template artifact in what a reader sees. (The raw file can
				// hold these bytes by chance inside compressed streams.)
				for _, bad := range []string{"<no value>", "%!", "<nil>", "{{"} {
					if strings.Contains(text, bad) {
						t.Errorf("%s shows %q", f, bad)
					}
				}
				got := pdftext.Squash(text)
				want := []string{p.Employee.Name, p.Manager.Name}
				if f == "proposal.pdf" {
					layout := "January 2, 2006"
					if p.Paper == "a4" {
						layout = "2 January 2006"
					}
					want = append(want, p.Arrangement.Start.Time().Format(layout))
				}
				for _, s := range want {
					if !strings.Contains(got, pdftext.Squash(s)) {
						t.Errorf("%s lacks %q", f, s)
					}
				}
			}
		})
	}
}

func TestSameInputSameBytes(t *testing.T) {
	src, _ := examples.Get("trial")
	a, err := Files(load(t, src), Options{Creator: "propose test"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Files(load(t, src), Options{Creator: "propose test"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two renders of the same input", a[i].Name)
		}
	}
}

// long is a valid file whose one-pager only fits once condensed.
const long = `version: 1
scenario: trial
employee: {name: Maximilian Alexander Featherstonehaugh-Wolfeschlegel, title: Principal Customer Success and Renewals Strategy Manager, team: Enterprise Accounts (North America and Latin America)}
manager: {name: Bartholomew Christopher Montgomery-Smythe, title: Senior Vice President of Global Customer Experience and Operations}
arrangement:
  type: hybrid
  remote_days: [mon, wed, fri]
  core_hours: {start: "08:30", end: "17:30", timezone: America/New_York}
  start: 2027-02-01
  remote_location: A dedicated home office in the converted attic of my house in Montclair, New Jersey
  in_person_commitments: [Quarterly business reviews with the ten largest enterprise accounts, held on site with the account teams and the executive sponsors]
communication:
  channels: [Slack, Microsoft Teams, email, Zoom, the shared account-planning workspace in Confluence]
  response_time: within forty-five minutes during core hours, and within two hours outside them for escalations from the top ten accounts
  check_ins:
    - {cadence: daily, format: "A written summary of renewals, escalations and risks in #enterprise-renewals before 09:30 every working day"}
    - {cadence: weekly, format: "A forty-five minute video one-to-one with a shared agenda and the renewal forecast reviewed line by line"}
    - {cadence: monthly, format: "A written review of the quarter-to-date renewal forecast against plan, with the accounts at risk"}
  status_report: weekly
output_tracking: [The renewal forecast in Salesforce is updated every day, with the next step and its date on every open opportunity]
equipment:
  security: Company laptop with full-disk encryption, the corporate VPN with hardware-key multi-factor sign-in, and no customer data on personal devices
trial:
  length_days: 90
  notice_days: 14
  metrics:
    - {name: Gross revenue retention across the enterprise book of business, baseline: 94 percent, target: 94 percent or better, measured_by: The finance team's quarterly retention report}
    - {name: Net revenue retention across the enterprise book of business, baseline: 108 percent, target: 108 percent or better, measured_by: The finance team's quarterly retention report}
    - {name: Median time to first response on escalations from the top ten accounts, baseline: 38 minutes, target: under 45 minutes, measured_by: Zendesk escalation timestamps}
    - {name: Customer satisfaction score from quarterly business review surveys, baseline: 4.7 of 5, target: 4.6 of 5 or better, measured_by: The post-review survey}
    - {name: Renewals closed on or before their contract end date, baseline: 97 percent, target: 97 percent or better, measured_by: Salesforce close dates against contract end dates}
    - {name: Forecast accuracy at the start of each month against the month's actual renewals, baseline: within 3 percent, target: within 3 percent, measured_by: Salesforce snapshots}
`

func TestLongOnePagerStillFits(t *testing.T) {
	files, err := Files(load(t, []byte(long)), Options{Creator: "propose test", Formats: []Format{Markdown, PDF, HTML}})
	if err != nil {
		t.Fatal(err)
	}
	m := byName(files)
	if n := pages(t, m["one-pager.pdf"]); n != 1 {
		t.Fatalf("one-pager has %d pages", n)
	}
	// The Markdown written is what the PDF shows: at most five metrics.
	if rows := strings.Count(string(m["one-pager.md"]), "percent or better |"); rows > 5 {
		t.Errorf("one-pager.md shows %d metric rows", rows)
	}
	if !strings.Contains(string(m["one-pager.md"]), "more measures are in the proposal") &&
		!strings.Contains(string(m["one-pager.md"]), "One more measure is in the proposal") {
		t.Errorf("one-pager.md leaves measures out without saying so")
	}
	// The HTML page has no page to fit: it shows every measure.
	const last = "Forecast accuracy at the start of each month"
	if strings.Contains(string(m["one-pager.md"]), last) || !strings.Contains(string(m["one-pager.html"]), last) {
		t.Errorf("the sixth measure should be left out of the PDF's one-pager and shown in its HTML page")
	}
}

// TestOnePagerShortensAtWholeThoughts: the condensed one-pager shortens a
// line to its first clause ("within forty-five minutes during core hours",
// not "… outside them for…"), and each line it had to cut at a word is
// reported at its field.
func TestOnePagerShortensAtWholeThoughts(t *testing.T) {
	var warnings []proposal.Problem
	var mu sync.Mutex
	files, err := Files(load(t, []byte(long)), Options{Creator: "propose test", Formats: []Format{Markdown, PDF},
		Warn: func(q proposal.Problem) { mu.Lock(); warnings = append(warnings, q); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	md := string(byName(files)["one-pager.md"])
	if !strings.Contains(md, "**Reachable:** within forty-five minutes during core hours, by Slack") {
		t.Errorf("the response time is not shortened to its first clause:\n%s", md)
	}
	clipped := map[string]bool{}
	for _, w := range warnings {
		if strings.Contains(w.Msg, "mid-sentence") {
			if w.Line == 0 || !w.Warning {
				t.Errorf("warning without its place: %v", w)
			}
			clipped[w.Field] = true
		}
	}
	if n := strings.Count(md, "…"); n != len(clipped) || !clipped["equipment.security"] {
		t.Errorf("the one-pager cuts %d lines at a word and reports %v", n, clipped)
	}
}

func TestTooLongOnePagerNamesWhatToShorten(t *testing.T) {
	huge := strings.Repeat("a very long clause that keeps going ", 40)
	// Run-on lines the one-pager writes itself are shortened; the place
	// and the measures, the user's own words, never are.
	src := strings.Replace(long, "  remote_location: ", "  remote_location: "+huge, 1)
	_, err := Files(load(t, []byte(src)), Options{Creator: "propose test"})
	var tl *TooLongError
	if !errors.As(err, &tl) {
		t.Fatalf("got %v, want TooLongError", err)
	}
	msg := tl.Error()
	for _, want := range []string{"arrangement.remote_location"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message does not name %s: %s", want, msg)
		}
	}
}

func TestUndrawableCharacterIsNamed(t *testing.T) {
	src, _ := examples.Get("trial")
	src = bytes.Replace(src, []byte("name: Priya Raman"), []byte("name: Priya Raman 🙂"), 1)
	_, err := Files(load(t, src), Options{})
	var ps proposal.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Field != "manager.name" || !strings.Contains(ps[0].Msg, "U+1F642") || ps[0].Line == 0 {
		t.Fatalf("got %v", err)
	}
	if _, err := Files(load(t, src), Options{Formats: []Format{Markdown}}); err != nil {
		t.Fatalf("Markdown alone should accept it: %v", err)
	}
}

// BenchmarkFiles renders the example's proposal, one-pager and prep sheet,
// Markdown and PDF, from a loaded proposal.
//
// Target (issue 3): the whole `propose render examples/trial.yaml` process
// in under 20 ms wall and 40 MiB peak memory on a 2-core machine, each PDF
// under 80 KB; `make bench` times the process. Measured on the 2-core
// development machine (November 2026): this benchmark 16 ms/op, 8.2 MB/op;
// the process 74 ms wall (130 ms with fpdf's own font handling, in the same
// run), 21 MB peak; PDFs 24-38 KB. Met: memory and size. Not met: the wall
// time, whose floor here is starting the binary: a program that only links
// the render packages and exits takes 24 ms (hello world 8 ms).
func BenchmarkFiles(b *testing.B) {
	src, _ := examples.Get("trial")
	p := load(b, src)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Files(p, Options{Creator: "propose bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// fillPrivate writes a distinct sentinel into every text field under
// private, found by walking the declared fields (the first item of each
// list), and returns the sentinels.
func fillPrivate(t *testing.T, p *proposal.Proposal) []string {
	t.Helper()
	var sentinels []string
	for _, f := range proposal.Fields() {
		if !f.Private || (f.Kind != proposal.KindText && f.Kind != proposal.KindTexts) || len(f.Choices) > 0 {
			continue // a choice holds no words of the user's
		}
		path := strings.ReplaceAll(f.Path, "[]", "[0]")
		s := "SENTINEL" + strings.NewReplacer(".", "-", "[0]", "", "_", "-").Replace(strings.ToUpper(path))
		if err := p.SetText(path, s); err != nil {
			t.Fatalf("fill %s: %v", path, err)
		}
		sentinels = append(sentinels, s)
	}
	if len(sentinels) < 5 {
		t.Fatalf("only %d private fields found", len(sentinels))
	}
	return sentinels
}

// TestPrivateAnswersNeverReachTheManager fills every private field of
// every example with a sentinel and checks that no manager-facing output
// holds any of it: the proposal and the one-pager in Markdown, HTML, Word
// and PDF text, and the email with its attachments. The prep sheet, the control,
// holds every one.
func TestPrivateAnswersNeverReachTheManager(t *testing.T) {
	for _, lang := range locale.Tags() {
		for _, name := range examples.Names() {
			t.Run(lang+"/"+name, func(t *testing.T) {
				src, _ := examples.Get(name)
				p := load(t, src)
				p.Language = lang
				privateAnswersStayPrivate(t, name, p)
			})
		}
	}
}

// privateAnswersStayPrivate renders p with a sentinel in every private
// field and checks that no manager-facing output holds one.
func privateAnswersStayPrivate(t *testing.T, name string, p *proposal.Proposal) {
	t.Helper()
	{
		{
			sentinels := fillPrivate(t, p)
			files, err := Files(p, Options{Creator: "propose test", Formats: []Format{Markdown, HTML, PDF, DOCX}})
			if err != nil {
				t.Fatal(err)
			}
			m := byName(files)
			manager := map[string]string{}
			for _, kind := range []string{"proposal", "one-pager"} {
				manager[kind+".md"] = string(m[kind+".md"])
				manager[kind+".html"] = string(m[kind+".html"])
				manager[kind+".docx"] = docxText(t, m[kind+".docx"])
				manager[kind+".pdf"] = pdfText(t, m[kind+".pdf"])
			}
			mail, err := Email(view.NewPublic(p), "", Options{Creator: "propose test"})
			if err != nil {
				t.Fatal(err)
			}
			e := readEmail(t, mail.Data)
			manager["email.eml"] = string(mail.Data)
			manager["email text"], manager["email html"] = e.text, e.html
			for file, data := range e.attachments {
				manager["attachment "+file] = pdfText(t, data)
			}
			if len(e.attachments) != 2 {
				t.Errorf("the email has %d attachments", len(e.attachments))
			}
			prepOnly := prepOnlyPhrases(p.DocumentLanguage())
			var allPrepOnly []string // in any language: English must not leak into a German document either
			for _, l := range locale.Tags() {
				allPrepOnly = append(allPrepOnly, prepOnlyPhrases(l)...)
			}
			for where, text := range manager {
				if text == "" {
					t.Errorf("%s is empty", where)
				}
				if i := strings.Index(text, "SENTINEL"); i >= 0 {
					t.Errorf("%s contains a private answer: %s", where, text[i:min(len(text), i+40)])
				}
				flat := pdftext.Squash(text)
				for _, phrase := range allPrepOnly {
					if strings.Contains(flat, phrase) {
						t.Errorf("%s contains prep-only evidence: %q", where, phrase)
					}
				}
			}
			if name == "keep-remote" && !strings.Contains(pdftext.Squash(string(m["private/prep.md"])), prepOnly[0]) {
				t.Errorf("the keep-remote prep sheet lacks the leverage it should hold privately: %q", prepOnly[0])
			}
			prep := pdfText(t, m["private/prep.pdf"])
			prepDocx := docxText(t, m["private/prep.docx"])
			for _, s := range sentinels {
				if strings.HasPrefix(s, "SENTINELDEMAND-") && name != "keep-remote" {
					continue // only keep-remote answers a demand; elsewhere the section is refused
				}
				if !strings.Contains(string(m["private/prep.md"]), s) || !strings.Contains(string(m["private/prep.html"]), s) ||
					!strings.Contains(prep, s) || !strings.Contains(prepDocx, s) {
					t.Errorf("the prep sheet lacks %s", s)
				}
			}
			if !strings.Contains(prep, pdftext.Squash(view.NewPublic(p).Say("prep.banner", nil))) {
				t.Error("the prep sheet PDF is not marked private")
			}
		}
	}
}

// prepOnlyPhrases are the opening words of every finding the library
// keeps off manager documents (leverage first, then what a manager may
// raise), squashed as pdftext squashes extracted text.
func prepOnlyPhrases(lang string) []string {
	var out []string
	for _, kind := range []evidence.Kind{evidence.Leverage, evidence.Counter} {
		for _, c := range evidence.All(kind) {
			words := strings.Fields(evidence.In(lang, c).Finding)
			out = append(out, pdftext.Squash(strings.Join(words[:min(6, len(words))], " ")))
		}
	}
	return out
}

// docxText is the text of a Word file's body, a paragraph a line, and of
// its properties and page header.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the Word file is not a zip: %v", err)
	}
	var text strings.Builder
	for _, f := range zr.File {
		if f.Name != "word/document.xml" && f.Name != "docProps/core.xml" && !strings.HasPrefix(f.Name, "word/header") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll(string(data), "</w:p>", "\n")
		s = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, "")
		text.WriteString(html.UnescapeString(s) + "\n")
	}
	return text.String()
}

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	text, err := pdftext.Extract(b)
	if err != nil {
		t.Fatal(err)
	}
	return pdftext.Squash(text)
}

// TestPrivateCharactersStopOnlyThePrepSheet checks the character check runs
// on what each PDF prints: an emoji in a private answer stops the prep
// sheet, naming the field, but not the manager's documents or the email.
func TestPrivateCharactersStopOnlyThePrepSheet(t *testing.T) {
	src, _ := examples.Get("trial")
	src = bytes.Replace(src, []byte("motivation: The 75-minute"), []byte("motivation: 🙂 The 75-minute"), 1)
	p := load(t, src)
	_, err := Files(p, Options{})
	var ps proposal.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Field != "private.motivation" || ps[0].Line == 0 {
		t.Fatalf("render with the prep sheet: got %v, want the emoji in private.motivation", err)
	}
	if _, err := Files(p, Options{ManagerOnly: true}); err != nil {
		t.Errorf("the manager's documents alone: %v", err)
	}
	if _, err := Email(view.NewPublic(p), "", Options{}); err != nil {
		t.Errorf("the email: %v", err)
	}
}

var percent = regexp.MustCompile(`[0-9][0-9.,]*\s?%`)

// TestNoInventedStatistics checks that every percentage in a manager-facing
// document comes from the verified evidence library or from the user's own
// file: generated text never makes one up.
func TestNoInventedStatistics(t *testing.T) {
	var allowed strings.Builder
	for _, c := range evidence.All(evidence.Supporting) {
		allowed.WriteString(c.Claim + " " + c.Reference + "\n")
	}
	for _, name := range examples.Names() {
		src, _ := examples.Get(name)
		p := load(t, src)
		var user strings.Builder
		for _, tx := range p.Texts() {
			user.WriteString(tx.Value + "\n")
		}
		files, err := Files(p, Options{Formats: []Format{Markdown}})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.Name == PrepName+".md" {
				continue
			}
			for _, pc := range percent.FindAllString(string(f.Data), -1) {
				if !strings.Contains(allowed.String(), pc) && !strings.Contains(user.String(), pc) {
					t.Errorf("%s/%s states %q, which is neither verified evidence nor the user's own", name, f.Name, pc)
				}
			}
		}
	}
}

// TestLongProposalKeepsToFourPages gives the proposal the lists a
// thorough person writes: it keeps to four pages, and every list it cut
// is reported at its field. A proposal that cannot fit even so is refused,
// naming its longest fields.
func TestLongProposalKeepsToFourPages(t *testing.T) {
	var items []string
	for i := 1; i <= 9; i++ {
		items = append(items, fmt.Sprintf("%q", fmt.Sprintf("Result number %d, with enough words to wrap onto a second line of the proposal when it is set in its normal type", i)))
	}
	list := "[" + strings.Join(items, ", ") + "]"
	src := long + "performance: {highlights: " + list + ", metrics: " + list + ", recognition: " + list + "}\n" +
		"benefits: " + list + "\ncompany: {name: Acme, precedents: " + list + "}\noutput_tracking: " + list + "\n"
	src = strings.Replace(src, "output_tracking: [The renewal forecast in Salesforce is updated every day, with the next step and its date on every open opportunity]\n", "", 1)
	var warnings []proposal.Problem
	var mu sync.Mutex
	files, err := Files(load(t, []byte(src)), Options{Creator: "propose test",
		Warn: func(q proposal.Problem) { mu.Lock(); warnings = append(warnings, q); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	m := byName(files)
	if n := pages(t, m["proposal.pdf"]); n > MaxProposalPages {
		t.Errorf("the proposal has %d pages", n)
	}
	cut := map[string]bool{}
	for _, w := range warnings {
		if !w.Warning || w.Line == 0 {
			t.Errorf("warning without its place: %v", w)
		}
		cut[w.Field] = true
	}
	for _, f := range []string{"performance.highlights", "benefits", "company.precedents"} {
		if !cut[f] {
			t.Errorf("%s was not reported as shortened (warnings: %v)", f, warnings)
		}
	}

	// A benefit as long as a page: the proposal ran to five pages and was
	// written all the same. It is refused, nothing is written, and the
	// problem is placed at the field to shorten.
	huge := strings.Repeat("a benefit described at very great length, clause after clause, ", 30)
	src = strings.Replace(src, "benefits: [", "benefits: [\""+huge+"\", ", 1)
	p := load(t, []byte(src))
	files, err = Files(p, Options{Creator: "propose test"})
	var tm *TooManyPagesError
	if !errors.As(err, &tm) || files != nil {
		t.Fatalf("got %d files and %v, want a TooManyPagesError", len(files), err)
	}
	if tm.Pages != MaxProposalPages+1 {
		t.Errorf("the proposal takes %d pages, want the %d the test is made for", tm.Pages, MaxProposalPages+1)
	}
	named := false
	for _, q := range tm.Problems(p.Source()) {
		if q.Line == 0 || q.Warning {
			t.Errorf("problem without its place, or only a warning: %v", q)
		}
		named = named || q.Field == "benefits[0]"
	}
	if !named {
		t.Errorf("a proposal too long to fit does not name its longest field: %v", tm.Problems(p.Source()))
	}
	// The Markdown alone has no pages to fit.
	if _, err := Files(p, Options{Formats: []Format{Markdown}}); err != nil {
		t.Errorf("Markdown alone: %v", err)
	}
}

// TestStatusNoteHoldsNothingPrivate fills every private field of the trial
// example and the reason of every reading in its log, and checks that the
// week's status note (Markdown, HTML and the .eml) holds none of it.
func TestStatusNoteHoldsNothingPrivate(t *testing.T) {
	for _, lang := range locale.Tags() {
		t.Run(lang, func(t *testing.T) { testStatusNoteHoldsNothingPrivate(t, lang) })
	}
}

func testStatusNoteHoldsNothingPrivate(t *testing.T, lang string) {
	src, _ := examples.Get("trial")
	p := load(t, src)
	p.Language = lang
	fillPrivate(t, p)
	l := sentinelLog(t, p)
	for _, e := range l.Entries {
		v, ok := view.NewStatus(p, l, e.Date)
		if !ok {
			t.Fatalf("no status for %s", e.Date)
		}
		files, err := StatusFiles(v, e.Date, "", Options{Formats: []Format{Markdown, HTML}})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 3 {
			t.Fatalf("%d files for %s", len(files), e.Date)
		}
		for _, f := range files {
			if i := strings.Index(string(f.Data), "SENTINEL"); i >= 0 {
				t.Errorf("%s holds a private answer: %s", f.Name, string(f.Data)[i:min(len(f.Data), i+40)])
			}
		}
	}
}

// TestReviewReportHoldsNothingPrivate fills every private field of the
// trial example, the reason of every reading and what the manager said,
// and checks the review report (Markdown, HTML, Word and PDF text) holds none of
// it, while the review prep sheet holds the reasons.
func TestReviewReportHoldsNothingPrivate(t *testing.T) {
	for _, lang := range locale.Tags() {
		t.Run(lang, func(t *testing.T) { testReviewReportHoldsNothingPrivate(t, lang) })
	}
}

func testReviewReportHoldsNothingPrivate(t *testing.T, lang string) {
	src, _ := examples.Get("trial")
	p := load(t, src)
	p.Language = lang
	fillPrivate(t, p)
	l := sentinelLog(t, p)
	v, ok := view.NewReviewPrivate(p, l)
	if !ok {
		t.Fatal("no review")
	}
	files, err := ReviewFiles(v, Options{Creator: "propose test", Formats: []Format{Markdown, HTML, PDF, DOCX}})
	if err != nil {
		t.Fatal(err)
	}
	m := byName(files)
	for _, name := range []string{"review.md", "review.html"} {
		if strings.Contains(string(m[name]), "SENTINEL") {
			t.Errorf("%s holds a private answer", name)
		}
	}
	if strings.Contains(docxText(t, m["review.docx"]), "SENTINEL") {
		t.Error("review.docx holds a private answer")
	}
	text := pdfText(t, m["review.pdf"])
	if strings.Contains(text, "SENTINEL") {
		t.Error("review.pdf holds a private answer")
	}
	if n := pages(t, m["review.pdf"]); n < 1 || n > 3 {
		t.Errorf("the review report has %d pages", n)
	}
	if !strings.Contains(string(m["private/review-prep.md"]), "SENTINEL reason") {
		t.Error("the review prep sheet lacks the reason a measure slipped")
	}
}

// BenchmarkReview renders the review report of a 13-week log, as propose
// review does: the report and its prep sheet, in Markdown and PDF.
func BenchmarkReview(b *testing.B) {
	src, _ := examples.Get("trial")
	p, err := proposal.Parse("trial.yaml", bytes.Replace(src, []byte("length_days: 60"), []byte("length_days: 90"), 1), proposal.NewDate(2027, 1, 5))
	if err != nil {
		b.Fatal(err)
	}
	l := &proposal.Log{Version: 1}
	for w := 0; w < 13; w++ {
		e := proposal.LogEntry{Date: p.Derived.TrialStart.AddDays(3 + 7*w), Shipped: []string{fmt.Sprintf("Delivery %d", w)}}
		for _, m := range p.Trial.Metrics {
			e.Readings = append(e.Readings, proposal.Reading{Metric: m.Name, Value: fmt.Sprintf("%d", 30+w%5)})
		}
		l.Entries = append(l.Entries, e)
	}
	v, ok := view.NewReviewPrivate(p, l)
	if !ok {
		b.Fatal("no review")
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReviewFiles(v, Options{Creator: "propose bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

// sentinelLog is the trial example's log with the reason of every reading
// and what the manager said replaced by sentinels, which no document for
// the manager may hold.
func sentinelLog(t *testing.T, p *proposal.Proposal) *proposal.Log {
	t.Helper()
	logSrc, _ := examples.Log("trial")
	l, err := proposal.ParseLog("trial.log.yaml", logSrc, p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range l.Entries {
		for k := range l.Entries[i].Readings {
			l.Entries[i].Readings[k].Why = "SENTINEL reason"
		}
		l.Entries[i].ManagerSaid = "SENTINEL said"
	}
	return l
}

// TestTextStaysAsTyped puts character references and Markdown's escapes
// into a field, as someone might type them, and checks each format shows
// exactly what was typed: decoded once, never twice, and never a control
// character made of "&#1;".
func TestTextStaysAsTyped(t *testing.T) {
	src, _ := examples.Get("trial")
	typed := `AT&amp;T, R&D, &#1; and \*not bold\*`
	src = bytes.Replace(src, []byte("team: Revenue Analytics"), []byte("team: '"+typed+"'"), 1)
	files, err := Files(load(t, src), Options{Creator: "propose test", Formats: []Format{Markdown, HTML, PDF}})
	if err != nil {
		t.Fatal(err)
	}
	m := byName(files)
	if text := pdfText(t, m["proposal.pdf"]); !strings.Contains(pdftext.Squash(text), pdftext.Squash(typed)) {
		t.Errorf("the PDF does not show %q as typed", typed)
	}
	page := html.UnescapeString(string(m["proposal.html"]))
	if !strings.Contains(page, typed) {
		t.Errorf("the HTML does not show %q as typed", typed)
	}
}

// TestWordFilesAreFittedWithoutThePDF checks that a Word file asked for
// alone is condensed as it is beside the PDF: the one-pager keeps to one
// page and the proposal to four, whether or not a PDF is written.
func TestWordFilesAreFittedWithoutThePDF(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			src, _ := examples.Get(name)
			alone, err := Files(load(t, src), Options{Creator: "propose test", Formats: []Format{DOCX}})
			if err != nil {
				t.Fatal(err)
			}
			beside, err := Files(load(t, src), Options{Creator: "propose test", Formats: []Format{PDF, DOCX}})
			if err != nil {
				t.Fatal(err)
			}
			a, b := byName(alone), byName(beside)
			for _, doc := range []string{"one-pager.docx", "proposal.docx"} {
				if a[doc] == nil || !bytes.Equal(a[doc], b[doc]) {
					t.Errorf("%s written alone differs from the one written beside the PDF", doc)
				}
			}
		})
	}
}

// TestLayoutsARenderMakes counts the layouts a render makes: none twice
// at the same settings, none for a Word file when no Word file is asked
// for (the one-pager's Word step is taken from PDF layouts with a margin
// to spare, which only a Word file needs), and none of the prep sheet for
// validate, which lays out only what can warn.
func TestLayoutsARenderMakes(t *testing.T) {
	var mu sync.Mutex
	var laid []string
	defer func(f func([]byte, pdf.Meta) (*pdf.Laid, error)) { layOut = f }(layOut)
	layOut = func(md []byte, m pdf.Meta) (*pdf.Laid, error) {
		mu.Lock()
		laid = append(laid, fmt.Sprintf("%s\x00%+v", md, m.Doc))
		mu.Unlock()
		return pdf.Layout(md, m)
	}
	banner := regexp.MustCompile(`Banner:\S`) // the prep sheet's privacy mark
	count := func(name string, opts Options) (all []string, prep int) {
		laid = nil
		src, _ := examples.Get(name)
		if _, err := Files(load(t, src), opts); err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, k := range laid {
			if seen[k] {
				t.Errorf("%s (%+v): a document was laid out twice at the same settings", name, opts)
			}
			seen[k] = true
			if banner.MatchString(k) {
				prep++
			}
		}
		return slices.Clone(laid), prep
	}
	for _, name := range examples.Names() {
		pdfOnly, prep := count(name, Options{Formats: []Format{Markdown, PDF}})
		withWord, _ := count(name, Options{Formats: []Format{Markdown, PDF, DOCX}})
		for _, k := range pdfOnly {
			if !slices.Contains(withWord, k) {
				t.Errorf("%s: a layout made for the PDF alone is not made with Word too", name)
			}
		}
		if name == "trial" && len(pdfOnly) >= len(withWord) {
			t.Errorf("trial: %d layouts for the PDF alone, %d with Word: the Word step should cost layouts only when asked for", len(pdfOnly), len(withWord))
		}
		if prep == 0 {
			t.Errorf("%s: the render laid out no prep sheet (the test cannot tell it apart)", name)
		}
		if _, prep := count(name, Options{Formats: []Format{PDF}, LayoutOnly: true}); prep > 0 {
			t.Errorf("%s: validate laid out the prep sheet, which has nothing to warn of", name)
		}
	}
}
