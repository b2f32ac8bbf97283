package wizard

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func lines(input string) (*Lines, *bytes.Buffer) {
	var out bytes.Buffer
	return NewLines(context.Background(), strings.NewReader(input), &out), &out
}

// TestArrowKeysAreNotStored types an answer, moves the cursor with ←, as a
// person at a plain terminal does: the line holds escape sequences, which
// must be refused, not saved.
func TestArrowKeysAreNotStored(t *testing.T) {
	l, out := lines("Anlyst\x1b[D\x1b[D\x1b[D\x1b[Da\nAnalyst\n")
	got, err := l.Input(Field{Title: "Your job title"})
	if err != nil || got != "Analyst" {
		t.Errorf("got %q, %v", got, err)
	}
	if !strings.Contains(out.String(), "arrow or other control keys") {
		t.Errorf("the user is not told why:\n%s", out)
	}
}

func TestALineAtTheTerminalLimitIsRefused(t *testing.T) {
	l, out := lines(strings.Repeat("x", lineLimit) + "\nHome office\n")
	got, err := l.Input(Field{Title: "Where will you work remotely?", Optional: true})
	if err != nil || got != "Home office" {
		t.Errorf("got %q, %v", got[:min(len(got), 20)], err)
	}
	if !strings.Contains(out.String(), "may have been cut") {
		t.Errorf("the user is not told why:\n%s", out)
	}
}

func TestLessThanGoesBackInEveryKindOfQuestion(t *testing.T) {
	for name, ask := range map[string]func(l *Lines) error{
		"input": func(l *Lines) error { _, err := l.Input(Field{Title: "q", Default: "x"}); return err },
		"list":  func(l *Lines) error { _, err := l.List(Field{Title: "q"}, []string{"a"}); return err },
		"select": func(l *Lines) error {
			_, err := l.Select(Field{Title: "q", Default: "a"}, []Option{{"a", "A"}})
			return err
		},
		"multi": func(l *Lines) error {
			_, err := l.MultiSelect(Field{Title: "q"}, []Option{{"a", "A"}}, nil)
			return err
		},
		"yes/no": func(l *Lines) error { _, err := l.Confirm(Field{Title: "q"}, true); return err },
	} {
		l, _ := lines("<\n")
		if err := ask(l); err != ErrBack {
			t.Errorf("%s: < gave %v", name, err)
		}
	}
}

// TestAnOptionalChoiceCanBeLeftOut presses Enter at a choice that says
// "Press Enter to leave it out": it is left out, not refused; a choice
// that must be answered still is.
func TestAnOptionalChoiceCanBeLeftOut(t *testing.T) {
	l, _ := lines("\n")
	got, err := l.Select(Field{Title: "Who pays for the travel?", Optional: true}, []Option{{"company", "The company"}, {"me", "Me"}})
	if err != nil || got != "" {
		t.Errorf("Enter at an optional choice gave %q, %v", got, err)
	}
	l, out := lines("\n2\n")
	got, err = l.Select(Field{Title: "Which arrangement?"}, []Option{{"hybrid", "Hybrid"}, {"remote", "Remote"}})
	if err != nil || got != "remote" || !strings.Contains(out.String(), "answer with a number") {
		t.Errorf("a required choice left empty gave %q, %v:\n%s", got, err, out)
	}
}
