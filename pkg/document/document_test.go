package document

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

var today = proposal.NewDate(2027, 1, 4)

func parse(t *testing.T, name string, src []byte) *proposal.Proposal {
	t.Helper()
	p, err := proposal.Parse(name, src, today)
	if err != nil {
		t.Fatalf("%s does not validate:\n%v", name, err)
	}
	return p
}

func renderAll(t *testing.T, p *proposal.Proposal) map[Kind][]byte {
	t.Helper()
	out := map[Kind][]byte{}
	for _, k := range Kinds {
		md, err := Render(k, view.NewPublic(p))
		if err != nil {
			t.Fatal(err)
		}
		out[k] = md
	}
	return out
}

// TestRenderExamples renders every example and compares it with the
// reviewed golden Markdown in testdata/TestRenderExamples/SCENARIO/.
func TestRenderExamples(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			src, _ := examples.Get(name)
			p := parse(t, name+".yaml", src)
			for k, md := range renderAll(t, p) {
				golden.Check(t, golden.Path(t, string(k)+".md"), md)
				checkClean(t, string(k), md)
			}
			prep, err := RenderPrep(view.NewPrivate(p))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, golden.Path(t, "prep.md"), prep)
			checkClean(t, "prep", prep)
		})
	}
}

// TestMinimalHasNoEmptySections renders the least a valid file needs: every
// section without content must be left out whole.
func TestMinimalHasNoEmptySections(t *testing.T) {
	src, err := os.ReadFile("../proposal/testdata/valid-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs := renderAll(t, parse(t, "valid-minimal.yaml", src))
	for k, md := range docs {
		checkClean(t, string(k), md)
		golden.Check(t, golden.Path(t, string(k)+".md"), md)
	}
	for _, absent := range []string{"## My track record", "## How you can track my output", "## Equipment",
		"## The business case", "## Company policy", "## References", "Core hours:", "Remote location"} {
		if bytes.Contains(docs[Proposal], []byte(absent)) {
			t.Errorf("proposal has %q though the file gives nothing for it", absent)
		}
	}
}

var (
	danglingLabel = regexp.MustCompile(`\*\*[^*]+:\*\*\s*(\n|$)`)
	emptyParens   = regexp.MustCompile(`\(\s*\)`)
	badSpacing    = regexp.MustCompile(`[^\s] [,.;:](\s|$)|,,|\.\.[^.]|  +\S`)
)

// checkClean fails on the marks of a careless template: unfilled values,
// placeholders, empty headings, dangling labels and stray punctuation.
func checkClean(t *testing.T, name string, md []byte) {
	t.Helper()
	s := string(md)
	for _, bad := range []string{"<no value>", "N/A", "<nil>", "{{", "[]", "map[", "<>", "()"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s contains %q", name, bad)
		}
	}
	if m := danglingLabel.FindString(s); m != "" {
		t.Errorf("%s has a label with nothing after it: %q", name, m)
	}
	if m := emptyParens.FindString(s); m != "" {
		t.Errorf("%s has empty parentheses", name)
	}
	for i, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "|") {
			continue // table cells are padded by design
		}
		if m := badSpacing.FindString(line); m != "" {
			t.Errorf("%s line %d has stray spacing or punctuation %q: %s", name, i+1, m, line)
		}
	}
	// Every heading must have content before the next heading of the same
	// or a higher level, or the end.
	doc := goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList)).Parser().Parse(text.NewReader(md))
	var prev *ast.Heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			if prev != nil && h.Level <= prev.Level {
				t.Errorf("%s: heading %q has no content", name, prev.Lines().Value(md))
			}
			prev = h
			continue
		}
		prev = nil
	}
	if prev != nil {
		t.Errorf("%s ends with an empty heading", name)
	}
}

// TestUserTextCannotChangeStructure fills every text field with Markdown
// syntax and checks the documents keep the shape they have with plain text.
func TestUserTextCannotChangeStructure(t *testing.T) {
	src, _ := examples.Get("trial")
	plain := parse(t, "trial.yaml", src)
	setStrings(reflect.ValueOf(plain).Elem(), "Bold words, a bar, some code and a link")
	hostile := parse(t, "trial.yaml", src)
	setStrings(reflect.ValueOf(hostile).Elem(), "# *Bold* | `x` <b>y</b> [z](http://e.com) 1. - > _i_")
	for _, k := range Kinds {
		a := shape(t, mustRender(t, k, plain))
		b := shape(t, mustRender(t, k, hostile))
		if a != b {
			t.Errorf("%s: hostile text changed the structure:\nplain:   %s\nhostile: %s", k, a, b)
		}
	}
}

func mustRender(t *testing.T, k Kind, p *proposal.Proposal) []byte {
	md, err := Render(k, view.NewPublic(p))
	if err != nil {
		t.Fatal(err)
	}
	return md
}

// shape lists the kinds of the document's nodes, the text left out.
func shape(t *testing.T, md []byte) string {
	doc := goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList)).Parser().Parse(text.NewReader(md))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindText, ast.KindString:
			return ast.WalkContinue, nil
		}
		if entering {
			b.WriteString(n.Kind().String() + " ")
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// setStrings sets every user-text string field under v, leaving the
// fields whose values the format restricts (scenario, type, and the like).
func setStrings(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			switch f.Name {
			case "Scenario", "Paper", "Type", "Cadence", "StatusReport", "ProvidedBy", "Timezone", "Email", "Evidence", "Derived":
				continue
			}
			setStrings(v.Field(i), s)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String && v.Type() == reflect.TypeOf([]string{}) {
			for i := 0; i < v.Len(); i++ {
				v.Index(i).SetString(s)
			}
			return
		}
		for i := 0; i < v.Len(); i++ {
			setStrings(v.Index(i), s)
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(s)
		}
	}
}
