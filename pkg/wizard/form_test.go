package wizard

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
)

// inputScreen is a text question's screen with its default, ready for keys.
func inputScreen(t *testing.T, def string) (*screen, *string) {
	t.Helper()
	value := def
	in := huh.NewInput().Title("Where will you work remotely?").Value(&value)
	s := &screen{text: true, selected: def != "", hint: textHint(def), clear: func() { value = ""; in.Value(&value) }}
	return ready(s, in), &value
}

// ready puts field on the screen, as run does, and starts it.
func ready(s *screen, field huh.Field) *screen {
	s.form = huh.NewForm(huh.NewGroup(field))
	s.form.SubmitCmd = tea.Quit
	s.Init()
	return s
}

func keys(s *screen, msgs ...tea.KeyMsg) {
	for _, m := range msgs {
		s.Update(m)
	}
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

var space = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}

// TestChunksAreText feeds text as a terminal delivers it without bracketed
// paste: words as chunks, spaces between. Words that are key names (home,
// end, up, enter) are inserted as text, not obeyed.
func TestChunksAreText(t *testing.T) {
	s, value := inputScreen(t, "")
	keys(s, runes("Work"), space, runes("from"), space, runes("home"), space, runes("Fridays"), space,
		runes("end"), space, runes("up"), space, runes("enter"))
	if *value != "Work from home Fridays end up enter" {
		t.Errorf("got %q", *value)
	}
	if s.form.State != huh.StateNormal {
		t.Error("the word enter submitted the answer")
	}
}

// TestBracketedPasteIsText feeds a paste as bracketed-paste terminals send
// it: one message holding the whole text.
func TestBracketedPasteIsText(t *testing.T) {
	s, value := inputScreen(t, "Home office")
	keys(s, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Flat in Leeds, home office"), Paste: true})
	if *value != "Flat in Leeds, home office" {
		t.Errorf("a paste over the default gave %q", *value)
	}
}

func TestDefaultIsSelected(t *testing.T) {
	// Enter keeps it: the screen passes Enter on untouched, and huh
	// submits the value.
	s, value := inputScreen(t, "Home office")
	keys(s, tea.KeyMsg{Type: tea.KeyEnter})
	if *value != "Home office" || !s.selected {
		t.Errorf("Enter: %q", *value)
	}
	// Typing replaces it.
	s, value = inputScreen(t, "email, chat, video calls")
	keys(s, runes("S"), runes("lack"), runes(","), space, runes("Zoom"))
	if *value != "Slack, Zoom" {
		t.Errorf("typing over the default gave %q", *value)
	}
	// Backspace empties it.
	s, value = inputScreen(t, "Home office")
	keys(s, tea.KeyMsg{Type: tea.KeyBackspace})
	if *value != "" {
		t.Errorf("backspace left %q", *value)
	}
	// An arrow key starts editing it in place.
	s, value = inputScreen(t, "Home office")
	keys(s, tea.KeyMsg{Type: tea.KeyLeft}, tea.KeyMsg{Type: tea.KeyRight}, runes("s"))
	if *value != "Home offices" {
		t.Errorf("editing the default gave %q", *value)
	}
	if s.hint(s.selected) == s.hint(true) {
		t.Error("the hint still says typing replaces the answer")
	}
}

func TestShiftTabGoesBack(t *testing.T) {
	s, value := inputScreen(t, "Home office")
	_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyShiftTab})
	if !s.back || cmd == nil || *value != "Home office" {
		t.Errorf("back %v, value %q", s.back, *value)
	}
	if s.View() != "" {
		t.Error("the screen stays after going back")
	}
}

func TestScreenSaysWhereAndWhatKeysDo(t *testing.T) {
	s, _ := inputScreen(t, "Home office")
	s.where = Where{Section: "The arrangement", SectionN: 4, Sections: 11, N: 5, Of: 7}.String()
	v := s.View()
	for _, want := range []string{"The arrangement · part 4 of 11 · question 5 of 7", "Enter keeps “Home office”",
		"typing replaces it", "Shift+Tab: previous question"} {
		if !strings.Contains(v, want) {
			t.Errorf("the screen does not say %q:\n%s", want, v)
		}
	}
}

// TestExamplesAreNotAnswers checks the text under a question: an example is
// labelled as one, and an optional field says Enter leaves it out.
func TestExamplesAreNotAnswers(t *testing.T) {
	for _, c := range []struct {
		f    Field
		want string
	}{
		{Field{Example: "Revenue Analytics", Optional: true}, "For example: Revenue Analytics. Press Enter to leave it out."},
		{Field{Example: "Senior Data Analyst"}, "For example: Senior Data Analyst."},
		{Field{Optional: true}, "Press Enter to leave it out."},
		{Field{Optional: true, Default: "weekly"}, ""},
		{Field{Help: "Why.", Example: "x", Optional: true}, "Why.\nFor example: x. Press Enter to leave it out."},
	} {
		if got := describe(c.f); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
	}
}

// listScreen is a list question's screen with its current items.
func listScreen(t *testing.T, items ...string) (*screen, *string) {
	t.Helper()
	value := strings.Join(items, "\n")
	text := huh.NewText().Title("Colleagues who already work this way").Value(&value)
	s := &screen{text: true, list: true, selected: len(items) > 0, hint: listHint,
		clear: func() { value = ""; text.Value(&value) }}
	return ready(s, text), &value
}

// TestTypingOnAKeptListAddsAnItem checks that the items of a list are
// never lost to a keystroke: typing adds an item after them, a new-line
// key too, and only Backspace clears them.
func TestTypingOnAKeptListAddsAnItem(t *testing.T) {
	s, value := listScreen(t, "Two analysts work remotely", "Payroll works from home on Fridays")
	keys(s, runes("Kasia"), space, runes("in"), space, runes("AR"))
	if *value != "Two analysts work remotely\nPayroll works from home on Fridays\nKasia in AR" {
		t.Errorf("typing on a kept list gave %q", *value)
	}
	s, value = listScreen(t, "Two analysts work remotely")
	keys(s, tea.KeyMsg{Type: tea.KeyEnter, Alt: true}, runes("Kasia"))
	if *value != "Two analysts work remotely\nKasia" {
		t.Errorf("Alt+Enter, then typing, gave %q", *value)
	}
	s, value = listScreen(t, "Two analysts work remotely")
	keys(s, tea.KeyMsg{Type: tea.KeyCtrlJ}, runes("Kasia"))
	if *value != "Two analysts work remotely\nKasia" {
		t.Errorf("Ctrl+J, then typing, gave %q", *value)
	}
	s, value = listScreen(t, "Two analysts work remotely")
	keys(s, tea.KeyMsg{Type: tea.KeyBackspace})
	if *value != "" {
		t.Errorf("Backspace left %q", *value)
	}
}

// TestAChoiceShowsEveryOption checks a choice whose default is not the
// first option: the cursor is on the default, and the options above it
// are still on screen.
func TestAChoiceShowsEveryOption(t *testing.T) {
	value := "hybrid"
	sel := huh.NewSelect[string]().Title("Which arrangement?").
		Options(huh.NewOption("Hybrid", "hybrid"), huh.NewOption("Fully remote", "remote")).Value(&value)
	s := ready(&screen{hint: fixedHint(""), start: []tea.KeyMsg{{Type: tea.KeyDown}}}, sel)
	v := s.View()
	if value != "remote" || !strings.Contains(v, "Hybrid") || !strings.Contains(v, "> Fully remote") {
		t.Errorf("value %q, screen:\n%s", value, v)
	}
}
