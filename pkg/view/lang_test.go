package view

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/templates"
)

var defineRE = regexp.MustCompile(`\{\{-? *define "([^"]+)"`)

// defines lists the phrases a language's file defines.
func defines(t *testing.T, folder string) []string {
	t.Helper()
	b, err := fs.ReadFile(templates.FS, folder+"/"+PhrasesFile)
	if err != nil {
		t.Fatalf("%s has no phrases: %v", folder, err)
	}
	var out []string
	for _, m := range defineRE.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// TestEveryLanguageSaysEveryPhrase checks that each supported language
// defines every phrase the English one does, so that no document shows
// a phrase's name where its words belong, and that its phrases parse.
func TestEveryLanguageSaysEveryPhrase(t *testing.T) {
	english := defines(t, "en")
	if len(english) < 40 {
		t.Fatalf("only %d English phrases", len(english))
	}
	for _, l := range locale.Languages {
		got := defines(t, l.Folder)
		for _, name := range english {
			if !slices.Contains(got, name) {
				t.Errorf("%s: no phrase %q (templates/%s/%s)", l.Tag, name, l.Folder, PhrasesFile)
			}
		}
		if _, err := parseLang(l, templates.FS); err != nil {
			t.Errorf("%s: %v", l.Tag, err)
		}
	}
}

// TestPhrasesFormatTheLanguage checks a few phrases whose form differs
// by language: a date with its weekday, a list, a duration and a notice
// period.
func TestPhrasesFormatTheLanguage(t *testing.T) {
	for tag, want := range map[string][2]string{
		"en-US": {"Mondays and Fridays", "two weeks’ notice"},
		"en-GB": {"Mondays and Fridays", "two weeks’ notice"},
	} {
		l := LangOf(tag)
		if got := l.dayPhrase([]proposal.Weekday{1, 5}, true); got != want[0] {
			t.Errorf("%s: days %q, want %q", tag, got, want[0])
		}
		if got := l.noticePhrase(14); got != want[1] {
			t.Errorf("%s: notice %q, want %q", tag, got, want[1])
		}
	}
}

// TestEveryLanguageAsksEveryQuestion checks that a language other than
// English words the question of every rule of the coach, which its prep
// sheet lists, and that each takes only the data the view gives it.
func TestEveryLanguageAsksEveryQuestion(t *testing.T) {
	for _, l := range locale.Languages {
		if l.English() {
			continue
		}
		got := defines(t, l.Folder)
		b, err := fs.ReadFile(templates.FS, l.Folder+"/"+QuestionsFile)
		if err != nil {
			t.Fatalf("%s: %v", l.Tag, err)
		}
		for _, m := range defineRE.FindAllStringSubmatch(string(b), -1) {
			got = append(got, m[1])
		}
		lang := LangOf(l.Tag)
		for _, r := range check.Rules() {
			if !slices.Contains(got, "q:"+r.ID) {
				t.Errorf("%s: no question for %s (templates/%s/%s)", l.Tag, r.ID, l.Folder, QuestionsFile)
				continue
			}
			q := lang.question(check.Finding{Rule: r.ID, Manager: r.Manager, Value: "VALUE"}, &Public{})
			if strings.HasPrefix(q, "[") || q == "" {
				t.Errorf("%s: the question for %s does not run: %q", l.Tag, r.ID, q)
			}
			if strings.Contains(r.Manager, "{value}") && !strings.Contains(q, "VALUE") && !strings.Contains(r.Manager, "allows") && !strings.Contains(r.Manager, "I said no on") {
				t.Errorf("%s: the question for %s leaves out what the rule found: %q", l.Tag, r.ID, q)
			}
		}
	}
}
