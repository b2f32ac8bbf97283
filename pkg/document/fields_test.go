package document

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// unrendered are the fields no document prints, each with the reason. A
// field missing from here and from every document fails
// TestEveryFieldReachesADocument.
var unrendered = map[string]string{
	"version":      "the version of the file format, not of the request",
	"theme.accent": "styles the PDF and HTML, not the text (render's TestThemeStylesPDFAndHTML)",
	"theme.body":   "styles the PDF and HTML, not the text (render's TestThemeStylesPDFAndHTML)",
	"theme.logo":   "styles the PDF and HTML, not the text (render's TestThemeStylesPDFAndHTML)",
	// The law's fields change a document only together: a jurisdiction
	// with a statutory request (render's TestTheLawWhereYouWork).
	"statutory":        "applies with a jurisdiction that has a statutory request (render's TestTheLawWhereYouWork)",
	"previous_request": "applies to a statutory request (render's TestTheLawWhereYouWork)",
	"employee.started": "counted where a jurisdiction asks for service (render's TestTheLawWhereYouWork)",
}

// TestEveryFieldReachesADocument changes each field of the file format, in
// turn, in an example where it applies, and checks that a document says
// something different: the proposal, the one-pager or the cover email for
// a field a manager may see, the prep sheet for a private one. A field
// added to the model but not to the view and a template fails here.
func TestEveryFieldReachesADocument(t *testing.T) {
	for _, f := range proposal.Fields() {
		if f.Kind == proposal.KindSection || f.Kind == proposal.KindItems {
			continue // their fields are checked one by one
		}
		if _, ok := unrendered[f.Path]; ok {
			continue
		}
		t.Run(f.Path, func(t *testing.T) {
			for _, src := range exampleSources(t) {
				before := renderAllFor(t, src)
				for _, path := range concrete(f, src) {
					for _, value := range changes(f, path, src) {
						after, ok := renderChanged(src, path, value)
						if !ok {
							continue // not a valid change of this example
						}
						if !bytes.Equal(before, after) {
							return
						}
					}
				}
			}
			t.Errorf("no change to %s reaches a document: is it in the view and a template? (or list it in unrendered, with the reason)", f.Path)
		})
	}
}

// exampleSources are the examples, then the stories in testdata/stories:
// a field only a story uses (a move, a manager's own demand) is changed
// there.
func exampleSources(t *testing.T) [][]byte {
	t.Helper()
	var out [][]byte
	for _, name := range examples.Names() {
		src, _ := examples.Get(name)
		out = append(out, src)
	}
	stories, err := filepath.Glob("../../testdata/stories/*.yaml")
	if err != nil || len(stories) == 0 {
		t.Fatalf("no stories in testdata/stories: %v", err)
	}
	for _, f := range stories {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, src)
	}
	return out
}

// concrete are the paths of the field in the example: in each item of the
// list it is in, or in a first item.
func concrete(f *proposal.Field, src []byte) []string {
	p, _, _ := proposal.Load("x.yaml", src)
	i := strings.Index(f.Path, "[]")
	if i < 0 {
		return []string{f.Path}
	}
	var out []string
	for n := 0; n < max(1, p.Len(f.Path[:i])); n++ {
		out = append(out, f.Path[:i]+fmt.Sprintf("[%d]", n)+f.Path[i+2:])
	}
	return out
}

// alongside changes what must change with a field for the file to stay
// valid: the days follow the arrangement's type, a trial has no re-ask.
func alongside(p *proposal.Proposal, path, value string) {
	switch path + "=" + value {
	case "arrangement.type=remote":
		p.Clear("arrangement.remote_days")
		p.Clear("arrangement.office_days")
	case "arrangement.type=hybrid":
		_ = p.SetText("arrangement.remote_days", "monday")
		p.Clear("arrangement.office_days")
	case "demand.change=office":
		p.Clear("demand.where")
	case "scenario=trial", "scenario=keep-remote":
		p.Clear("reask")
		p.Clear("offer")
	}
}

// changes are values to try for the field at path in the example src.
func changes(f *proposal.Field, path string, src []byte) []string {
	p, _, _ := proposal.Load("x.yaml", src)
	cur := p.Text(path)
	switch {
	case len(f.Choices) > 0:
		var out []string
		for _, c := range f.ChoiceValues() {
			if c != cur {
				out = append(out, c)
			}
		}
		return out
	case strings.HasSuffix(path, "email"):
		return []string{"qz.changed@example.org"}
	case strings.HasSuffix(path, "url"):
		return []string{"https://example.org/qz-changed"}
	case strings.HasSuffix(path, ".id"):
		return evidence.IDs(evidence.Supporting)
	case strings.HasPrefix(path, "company.busy_periods"):
		return []string{"Q4", "March"}
	case path == "arrangement.core_hours.timezone":
		return []string{"Asia/Kolkata", "Europe/Berlin"}
	}
	switch f.Kind {
	case proposal.KindNumber:
		return []string{"45", "31", "20", "7", "89", "2", "4"}
	case proposal.KindDate:
		out := []string{"2027-01-18", "2026-12-01"}
		var dt proposal.Date
		if dt.UnmarshalText([]byte(cur)) == nil {
			for _, d := range []int{7, -7, 14, -14, 28} {
				out = append(out, dt.AddDays(d).String())
			}
		}
		return out
	case proposal.KindClock:
		return []string{"08:30", "10:15", "16:45", "17:30"}
	case proposal.KindDays:
		return []string{"tuesday", "wednesday, thursday", "monday, tuesday, wednesday, thursday, friday"}
	}
	return []string{"Qzchanged " + strings.ReplaceAll(path, ".", " ")}
}

// renderChanged renders the example with the field at path set to value,
// when the result is valid.
func renderChanged(src []byte, path, value string) ([]byte, bool) {
	p, _, err := proposal.Load("x.yaml", src)
	if err != nil {
		return nil, false
	}
	if f, _ := proposal.Lookup(path); f.Kind == proposal.KindTexts {
		items := p.List(path)
		if len(items) == 0 {
			items = []string{value}
		} else {
			items[0] = value
		}
		err = p.SetList(path, items)
	} else {
		err = p.SetText(path, value)
	}
	if err != nil {
		return nil, false
	}
	alongside(p, path, value)
	q, err := proposal.Parse("x.yaml", proposal.Marshal(p), today)
	if err != nil {
		return nil, false
	}
	return renderText(q), true
}

func renderAllFor(t *testing.T, src []byte) []byte {
	t.Helper()
	p, err := proposal.Parse("x.yaml", src, today)
	if err != nil {
		t.Fatal(err)
	}
	return renderText(p)
}

// renderText is every document's Markdown, the cover email's included.
func renderText(p *proposal.Proposal) []byte {
	var b bytes.Buffer
	pub := view.NewPublic(p)
	for _, k := range append(append([]Kind(nil), Kinds...), Email) {
		md, err := Render(k, pub)
		if err != nil {
			panic(fmt.Sprintf("render %s: %v", k, err))
		}
		b.Write(md)
	}
	md, err := RenderPrep(view.NewPrivate(p))
	if err != nil {
		panic(err)
	}
	b.Write(md)
	return b.Bytes()
}
