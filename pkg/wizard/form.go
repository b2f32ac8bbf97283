package wizard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Form is the full-screen front end for terminals: each question is a huh
// field on a screen of its own, so every answer is saved as soon as it is
// given.
type Form struct {
	ctx   context.Context
	in    io.Reader
	out   io.Writer
	theme *huh.Theme
}

// NewForm asks questions on the terminal behind in and out.
func NewForm(ctx context.Context, in io.Reader, out io.Writer) *Form {
	return &Form{ctx: ctx, in: in, out: out, theme: huh.ThemeBase()}
}

var (
	sectionStyle = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("12")).MarginTop(1)
	introStyle   = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
	errorStyle   = lipgloss.NewStyle().Foreground(lipgloss.Color("9"))
	answerStyle  = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
	whereStyle   = lipgloss.NewStyle().Foreground(lipgloss.Color("12"))
	hintStyle    = lipgloss.NewStyle().Foreground(lipgloss.Color("8"))
)

// answered leaves a line of the question and its answer on screen, as the
// question's screen is cleared once it is answered: the user sees what
// they have said.
func (f *Form) answered(title, answer string) {
	if answer == "" {
		answer = "— (left out)"
	}
	fmt.Fprintln(f.out, answerStyle.Render("✓ "+title+" → ")+answer)
}

// wentBack notes in the answer log that the user went back, so an answer
// shown above is not taken for the one kept, and returns ErrBack.
func (f *Form) wentBack() error {
	fmt.Fprintln(f.out, answerStyle.Render("↩ back to the previous question"))
	return ErrBack
}

// Section prints a heading and its introduction, or a message when the
// title is empty.
func (f *Form) Section(title, intro string) error {
	if title != "" {
		fmt.Fprintln(f.out, sectionStyle.Render("━━ "+title))
	}
	if intro != "" {
		style := introStyle
		if strings.HasPrefix(intro, "✗") {
			style = errorStyle
		}
		fmt.Fprintln(f.out, style.Render(intro))
	}
	return nil
}

// describe is the text under a question: why it matters, and what an
// answer looks like.
func describe(fl Field) string {
	var lines []string
	if fl.Help != "" {
		lines = append(lines, fl.Help)
	}
	switch {
	case fl.Example != "" && fl.Optional:
		lines = append(lines, "For example: "+fl.Example+". Press Enter to leave it out.")
	case fl.Example != "":
		lines = append(lines, "For example: "+fl.Example+".")
	case fl.Optional && fl.Default == "":
		lines = append(lines, "Press Enter to leave it out.")
	}
	return strings.Join(lines, "\n")
}

// screen is one question on the terminal: the huh field, the line saying
// where the user is above it, and what the keys do below it. It stands
// between the keyboard and huh for three things huh does not do:
//   - A default answer is selected, as in a dialog box: Enter keeps it,
//     typing or pasting replaces it, an arrow key starts editing it. The
//     items of a list are kept whole: typing adds an item after them, and
//     only Backspace or Delete clears them.
//   - Text that arrives in one chunk (a paste without bracketed paste,
//     dictation, a text expander, a slow connection) is inserted as text:
//     huh would read a chunk "home" as the Home key.
//   - Shift+Tab goes back to the previous question.
type screen struct {
	form     *huh.Form
	where    string
	hint     func(selected bool) string
	text     bool   // the field takes typed text
	list     bool   // the field is a list, one item a line
	selected bool   // the default answer is shown and untouched
	clear    func() // empties the field
	back     bool
	start    []tea.KeyMsg // keys pressed for the user before they see it
}

// Init starts the form and presses the start keys: they move a choice's
// cursor down to its default, as huh would otherwise scroll the options
// above the default out of sight.
func (s *screen) Init() tea.Cmd {
	cmd := s.form.Init()
	for _, k := range s.start {
		m, _ := s.form.Update(k)
		s.form = m.(*huh.Form)
	}
	return cmd
}

func (s *screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		if k.Type == tea.KeyShiftTab {
			s.back = true
			return s, tea.Quit
		}
		if s.text {
			var swallow bool
			k, swallow = s.editKey(k)
			if swallow {
				return s, nil
			}
		} else if k.Type == tea.KeyRunes && len(k.Runes) > 1 {
			k.Paste = true // a word is not a key binding
		}
		msg = k
	}
	m, cmd := s.form.Update(msg)
	s.form = m.(*huh.Form)
	return s, cmd
}

// editKey applies the rules for a key in a text field, returning the key
// to pass on, or swallow when it was used up here.
func (s *screen) editKey(k tea.KeyMsg) (_ tea.KeyMsg, swallow bool) {
	typing := (k.Type == tea.KeyRunes && !k.Alt) || k.Type == tea.KeySpace
	if typing {
		// Every rune, pasted or typed, is text: huh matches a key's name,
		// and a chunk "end" or "enter" is named like the End or Enter key.
		k.Paste = k.Type == tea.KeyRunes
	}
	if !s.selected {
		return k, false
	}
	switch k.Type {
	case tea.KeyRunes, tea.KeySpace:
		if k.Alt {
			return k, false
		}
		s.selected = false
		if s.list {
			s.newItem()
		} else {
			s.clear()
		}
		return k, false
	case tea.KeyCtrlJ, tea.KeyEnter:
		if s.list && (k.Type == tea.KeyCtrlJ || k.Alt) {
			// A new line on a kept list starts a new item after the others.
			s.selected = false
			s.newItem()
			return k, true
		}
	case tea.KeyBackspace, tea.KeyDelete, tea.KeyCtrlU, tea.KeyCtrlW, tea.KeyCtrlK:
		s.clear()
		s.selected = false
		return k, true
	case tea.KeyLeft, tea.KeyRight, tea.KeyHome, tea.KeyEnd, tea.KeyCtrlA, tea.KeyCtrlE,
		tea.KeyCtrlB, tea.KeyCtrlF, tea.KeyUp, tea.KeyDown:
		s.selected = false
	}
	return k, false
}

// newItem puts the cursor on a new line after a list's items.
func (s *screen) newItem() {
	for _, k := range []tea.KeyMsg{{Type: tea.KeyCtrlEnd}, {Type: tea.KeyCtrlJ}} {
		m, _ := s.form.Update(k)
		s.form = m.(*huh.Form)
	}
}

func (s *screen) View() string {
	if s.back || s.form.State != huh.StateNormal {
		return "" // the question's screen goes; its answer is echoed
	}
	var b strings.Builder
	if s.where != "" {
		b.WriteString(whereStyle.Render(s.where) + "\n")
	}
	b.WriteString(s.form.View())
	b.WriteString("\n" + hintStyle.Render(s.hint(s.selected)) + "\n")
	return b.String()
}

const keysHelp = "Shift+Tab: previous question · Ctrl+C: stop (the answers you confirmed are kept)"

// run shows one field on a screen of its own. It reports ErrBack when the
// user asks for the previous question, and ErrInterrupted for every way
// of leaving without answering: Ctrl-C, a signal, a closed terminal.
func (f *Form) run(fl Field, field huh.Field, s *screen) error {
	form := huh.NewForm(huh.NewGroup(field)).WithTheme(f.theme).WithShowHelp(false)
	form.SubmitCmd = tea.Quit
	form.CancelCmd = tea.Interrupt
	s.form, s.where = form, fl.Where.String()
	prog := tea.NewProgram(s, tea.WithInput(f.in), tea.WithOutput(f.out), tea.WithContext(f.ctx))
	_, err := prog.Run()
	switch {
	case s.back:
		return f.wentBack()
	case errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled), f.ctx.Err() != nil:
		return ErrInterrupted
	case err != nil:
		return fmt.Errorf("%w: %v", ErrInterrupted, err)
	case form.State != huh.StateCompleted:
		return ErrInterrupted
	}
	return nil
}

// textHint says what Enter and typing do in a text field.
func textHint(def string) func(bool) string {
	return func(selected bool) string {
		if selected {
			return "Enter keeps “" + def + "” · typing replaces it · ← → to edit it\n" + keysHelp
		}
		return "Enter: next question\n" + keysHelp
	}
}

// listHint says what Enter, typing and Backspace do in a list.
func listHint(selected bool) string {
	if selected {
		return "Enter keeps these · typing adds an item after them · Backspace clears them · ↑ ↓ to edit one\n" + keysHelp
	}
	return "Enter: next question\n" + keysHelp
}

// Input asks for one line. A default is shown as the answer, selected.
func (f *Form) Input(fl Field) (string, error) {
	value := fl.Default
	in := huh.NewInput().Title(fl.Title).Description(describe(fl)).Value(&value)
	if fl.Validate != nil {
		in = in.Validate(func(s string) error { return fl.Validate(strings.TrimSpace(s)) })
	}
	s := &screen{text: true, selected: fl.Default != "", hint: textHint(fl.Default),
		clear: func() { value = ""; in.Value(&value) }}
	if err := f.run(fl, in, s); err != nil {
		return "", err
	}
	value = strings.TrimSpace(value)
	if value == Back {
		return "", f.wentBack()
	}
	f.answered(fl.Title, value)
	return value, nil
}

// List asks for items in a text box, one a line. The current items are
// shown as the answer, selected.
func (f *Form) List(fl Field, defaults []string) ([]string, error) {
	value := strings.Join(defaults, "\n")
	d := describe(fl)
	if d != "" {
		d += "\n"
	}
	d += "One a line: Alt+Enter or Ctrl+J starts a new line."
	text := huh.NewText().Title(fl.Title).Description(d).Value(&value).Lines(5)
	s := &screen{text: true, list: true, selected: len(defaults) > 0, hint: listHint,
		clear: func() { value = ""; text.Value(&value) }}
	if err := f.run(fl, text, s); err != nil {
		return nil, err
	}
	if strings.TrimSpace(value) == Back {
		return nil, f.wentBack()
	}
	var items []string
	for _, line := range strings.Split(value, "\n") {
		if line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- ")); line != "" {
			items = append(items, line)
		}
	}
	f.answered(fl.Title, strings.Join(items, "; "))
	return items, nil
}

func options(opts []Option, selected map[string]bool) []huh.Option[string] {
	out := make([]huh.Option[string], len(opts))
	for i, o := range opts {
		out[i] = huh.NewOption(o.Label, o.Key).Selected(selected[o.Key])
	}
	return out
}

func fixedHint(h string) func(bool) string {
	return func(bool) string { return h + "\n" + keysHelp }
}

// Select asks for one option. The cursor starts on the default.
func (f *Form) Select(fl Field, opts []Option) (string, error) {
	value := opts[0].Key
	sel := huh.NewSelect[string]().Title(fl.Title).Description(describe(fl)).
		Options(options(opts, nil)...).Value(&value)
	s := &screen{hint: fixedHint("↑ ↓ to choose · Enter confirms")}
	for _, o := range opts {
		if o.Key == fl.Default {
			break
		}
		s.start = append(s.start, tea.KeyMsg{Type: tea.KeyDown})
	}
	if len(s.start) == len(opts) {
		s.start = nil // no default: the first option
	}
	if err := f.run(fl, sel, s); err != nil {
		return "", err
	}
	f.answered(fl.Title, label(opts, value))
	return value, nil
}

// MultiSelect asks for any number of options.
func (f *Form) MultiSelect(fl Field, opts []Option, defaults []string) ([]string, error) {
	chosen := map[string]bool{}
	for _, d := range defaults {
		chosen[d] = true
	}
	value := append([]string(nil), defaults...)
	ms := huh.NewMultiSelect[string]().Title(fl.Title).Description(describe(fl)).
		Options(options(opts, chosen)...).Value(&value)
	if err := f.run(fl, ms, &screen{hint: fixedHint("↑ ↓ to move · Space or x chooses · Enter confirms")}); err != nil {
		return nil, err
	}
	var labels []string
	for _, v := range value {
		labels = append(labels, label(opts, v))
	}
	f.answered(fl.Title, strings.Join(labels, ", "))
	return value, nil
}

// Confirm asks yes or no.
func (f *Form) Confirm(fl Field, def bool) (bool, error) {
	value := def
	c := huh.NewConfirm().Title(fl.Title).Description(describe(fl)).Affirmative("Yes").Negative("No").Value(&value)
	// The chosen button is shown in words too: without colour the two
	// buttons look alike.
	hint := func(bool) string {
		return "Chosen: " + map[bool]string{true: "Yes", false: "No"}[value] +
			" · ← → to change, then Enter · y or n answers at once\n" + keysHelp
	}
	if err := f.run(fl, c, &screen{hint: hint}); err != nil {
		return false, err
	}
	f.answered(fl.Title, map[bool]string{true: "Yes", false: "No"}[value])
	return value, nil
}

func label(opts []Option, key string) string {
	for _, o := range opts {
		if o.Key == key {
			return o.Label
		}
	}
	return key
}
