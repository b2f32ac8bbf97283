package document

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/view"
)

// edited returns the built-in template name with old replaced by new.
func edited(t *testing.T, name, old, new string) []byte {
	t.Helper()
	b, ok := Builtin(name)
	if !ok {
		t.Fatalf("no built-in %s", name)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

// TestOverrideReplacesFileByFile checks that a template in the override
// folder replaces its built-in one, and that the others stay built in.
func TestOverrideReplacesFileByFile(t *testing.T) {
	src, _ := examples.Get("trial")
	p := parse(t, "trial.yaml", src)
	s, err := New(WithTemplates(fstest.MapFS{
		"proposal.md.tmpl": {Data: edited(t, "proposal.md.tmpl", "## Summary", "## In short")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	pub := view.NewPublic(p)
	got, err := s.Render(Proposal, pub)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte("\n## In short\n")) || bytes.Contains(got, []byte("## Summary")) {
		t.Errorf("the edited proposal template was not used:\n%s", got)
	}
	for _, k := range []Kind{OnePager, Email} {
		want, _ := Render(k, pub)
		if got, _ := s.Render(k, pub); !bytes.Equal(got, want) {
			t.Errorf("%s: a template the folder does not hold is not the built-in one", k)
		}
	}
}

// TestOverrideCannotSeePrivate checks that a manager-facing template from
// the override folder that asks for a private answer fails, naming the
// file and line, and prints nothing of it.
func TestOverrideCannotSeePrivate(t *testing.T) {
	src, _ := examples.Get("trial")
	p := parse(t, "trial.yaml", src)
	priv := view.NewPrivate(p)
	if priv.Motivation == "" {
		t.Fatal("the example has no motivation to leak")
	}
	for _, field := range []string{"{{.Motivation}}", "{{.Private.Motivation}}", "{{.Fallback}}"} {
		t.Run(field, func(t *testing.T) {
			s, err := New(WithTemplatesDir("custom"), WithTemplates(fstest.MapFS{
				"proposal.md.tmpl": {Data: edited(t, "proposal.md.tmpl", "## Summary\n", "## Summary\n\n"+field+"\n")},
			}))
			if err != nil {
				t.Fatal(err)
			}
			md, err := s.Render(Proposal, &priv.Public)
			if err == nil {
				t.Fatalf("the template rendered:\n%s", md)
			}
			if bytes.Contains(md, []byte(priv.Motivation)) {
				t.Errorf("a private answer reached the proposal")
			}
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("error %T %v is not a TemplateError", err, err)
			}
			msg := err.Error()
			// The line of the field: the one after the summary's heading.
			src, _ := Builtin("proposal.md.tmpl")
			line := bytes.Count(src[:bytes.Index(src, []byte("## Summary\n"))], []byte("\n")) + 3
			for _, want := range []string{fmt.Sprintf("custom/proposal.md.tmpl line %d:", line), "the template cannot see private fields"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not say %q", msg, want)
				}
			}
		})
	}
}

// TestOverrideUnknownFile checks that a misspelt template name is caught.
func TestOverrideUnknownFile(t *testing.T) {
	_, err := New(WithTemplates(fstest.MapFS{"proposl.md.tmpl": {Data: []byte("x")}}))
	if err == nil || !strings.Contains(err.Error(), "proposl.md.tmpl is not a template propose knows") {
		t.Errorf("got %v", err)
	}
}

// TestOverrideParseError names the file and line of a template that does
// not parse, or is not UTF-8, as a TemplateError (the input is wrong, not
// propose).
func TestOverrideParseError(t *testing.T) {
	for src, want := range map[string]string{
		"Hi\n{{if}}":           "render templates: mine/email.md.tmpl line 2: missing value for if",
		"Hi\n\nBye \xff\xfe\n": "render templates: mine/email.md.tmpl line 3: the file is not UTF-8 text",
	} {
		_, err := New(WithTemplatesDir("mine"), WithTemplates(fstest.MapFS{"email.md.tmpl": {Data: []byte(src)}}))
		var te *TemplateError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

// TestRunawayTemplatesAreStopped: a replaced template that writes without
// end, or loops without writing, is stopped within its budget and named.
func TestRunawayTemplatesAreStopped(t *testing.T) {
	src0, err := os.ReadFile("../proposal/testdata/valid-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := parse(t, "valid-minimal.yaml", src0)
	for src, want := range map[string]string{
		"{{range 100000000}}xxxxxxxxxxxxxxxxxxxx{{end}}": "the template wrote more than 2 MB",
		"{{range 1000000000}}{{end}}":                    "the template ran for more than 500ms",
		"{{.Nope.Deeper}}":                               "mine/proposal.md.tmpl line 1",
	} {
		s, err := New(WithTemplatesDir("mine"), WithTemplates(fstest.MapFS{"proposal.md.tmpl": {Data: []byte(src)}}))
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Render(Proposal, view.NewPublic(p))
		var te *TemplateError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}
