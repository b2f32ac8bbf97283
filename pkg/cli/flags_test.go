package cli

import (
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// parsed runs a command's flag and argument parsing with args, as a person
// types them, and returns the options its run function would be given
// (through runF, so nothing runs).
func parsed[O any](t *testing.T, newCmd func(*Env, func(*O) error) *cobra.Command, args string) *O {
	t.Helper()
	var got *O
	cmd := newCmd(&Env{IO: &IOStreams{In: strings.NewReader(""), Out: &strings.Builder{}, ErrOut: &strings.Builder{}}},
		func(o *O) error { got = o; return nil })
	cmd.SetArgs(strings.Fields(args))
	cmd.SetOut(&strings.Builder{})
	cmd.SetErr(&strings.Builder{})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%s %s: %v", cmd.Name(), args, err)
	}
	if got == nil {
		t.Fatalf("%s %s: the run function was not called", cmd.Name(), args)
	}
	return got
}

// same compares the options parsed with want, leaving out the Env.
func same[O any](t *testing.T, name string, got, want *O) {
	t.Helper()
	g, w := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := range g.NumField() {
		f := g.Type().Field(i)
		if !f.IsExported() || f.Name == "Env" {
			continue
		}
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			t.Errorf("%s: %s is %#v, want %#v", name, f.Name, g.Field(i).Interface(), w.Field(i).Interface())
		}
	}
}

// TestFlagsReachTheOptions holds what each command's flags and arguments
// set, the defaults included, without running it.
func TestFlagsReachTheOptions(t *testing.T) {
	same(t, "render", parsed(t, NewCmdRender, "mine.yaml --format md,pdf --out o -f --no-pdf-tags -q --templates tpl"),
		&RenderOptions{File: "mine.yaml", OutDir: "o", Force: true, Formats: []string{"md", "pdf"}, NoPDFTags: true, Quiet: true, Templates: "tpl"})
	same(t, "render defaults", parsed(t, NewCmdRender, ""),
		&RenderOptions{Formats: []string{"md", "pdf"}})
	same(t, "status", parsed(t, NewCmdStatus, "p.yaml --log l.yaml --date 2027-02-05 --to a@example.com --format md"),
		&StatusOptions{File: "p.yaml", Log: "l.yaml", Date: "2027-02-05", To: "a@example.com", Formats: []string{"md"}})
	same(t, "review", parsed(t, NewCmdReview, "p.yaml --no-pdf-tags --format docx"),
		&ReviewOptions{File: "p.yaml", Formats: []string{"docx"}, NoPDFTags: true})
	same(t, "email", parsed(t, NewCmdEmail, "p.yaml --to boss@example.com -o mail"),
		&EmailOptions{File: "p.yaml", To: "boss@example.com", OutDir: "mail"})
	same(t, "check", parsed(t, NewCmdCheck, "p.yaml --strict --min-score 80 --format json"),
		&CheckOptions{File: "p.yaml", Strict: true, MinScore: 80, Format: "json"})
	same(t, "check --explain", parsed(t, NewCmdCheck, "--explain law.effect"),
		&CheckOptions{Explain: "law.effect", MinScore: DefaultMinScore, Format: "text"})
	same(t, "validate", parsed(t, NewCmdValidate, "p.yaml"), &ValidateOptions{File: "p.yaml"})
	same(t, "calendar", parsed(t, NewCmdCalendar, "p.yaml --invite"), &CalendarOptions{File: "p.yaml", Invite: true})
	same(t, "log", parsed(t, NewCmdLog, "p.yaml --date 2027-01-15 --accessible"),
		&LogOptions{File: "p.yaml", Date: "2027-01-15", Accessible: true})
	same(t, "example", parsed(t, NewCmdExample, "reask --language de --log -o x.yaml --force"),
		&ExampleOptions{Scenario: "reask", Language: "de", Log: true, Out: "x.yaml", Force: true})
	same(t, "rules", parsed(t, NewCmdRules, "IE"), &RulesOptions{Jurisdiction: "IE"})
	same(t, "preview", parsed(t, NewCmdPreview, "p.yaml --port 8123 --no-open"),
		&PreviewOptions{File: "p.yaml", Port: 8123, NoOpen: true})
	same(t, "app", parsed(t, NewCmdApp, "--port 8124 --no-open --dir page"), &AppOptions{Port: 8124, NoOpen: true, Dir: "page"})
	same(t, "schema", parsed(t, NewCmdSchema, ""), &SchemaOptions{})
	same(t, "new", parsed(t, NewCmdNew, "p.yaml --from old.yaml --fresh -f --accessible"),
		&NewOptions{File: "p.yaml", From: "old.yaml", Fresh: true, Force: true, Accessible: true})
	same(t, "reask", parsed(t, NewCmdReask, "p.yaml --log l.yaml --to again.yaml --answer --accessible"),
		&ReaskOptions{File: "p.yaml", Log: "l.yaml", To: "again.yaml", Answer: true, Accessible: true})
}
