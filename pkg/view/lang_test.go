package view

import (
	"io/fs"
	"regexp"
	"slices"
	"testing"

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
