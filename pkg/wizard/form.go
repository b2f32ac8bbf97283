package wizard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
)

// Form is the full-screen front end for terminals: each question is a huh
// form, run on its own so that every answer is saved as soon as it is given.
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
)

// answered leaves a line of the question and its answer on screen, as huh
// clears a form once it is done: the user sees what they have said.
func (f *Form) answered(title, answer string) {
	if answer == "" {
		answer = "—"
	}
	fmt.Fprintln(f.out, answerStyle.Render("✓ "+title+" ")+answer)
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

// run shows one field and reports an interruption for every way the user
// can leave without answering: Ctrl-C, a signal, a closed terminal.
func (f *Form) run(field huh.Field) error {
	form := huh.NewForm(huh.NewGroup(field)).
		WithTheme(f.theme).
		WithShowHelp(true).
		WithInput(f.in).
		WithOutput(f.out)
	err := form.RunWithContext(f.ctx)
	switch {
	case errors.Is(err, huh.ErrUserAborted), f.ctx.Err() != nil:
		return ErrInterrupted
	case err != nil:
		return fmt.Errorf("%w: %v", ErrInterrupted, err)
	case form.State != huh.StateCompleted:
		// huh returns nil when the program is stopped by a signal before
		// the form is completed.
		return ErrInterrupted
	}
	return nil
}

func description(fl Field) string {
	d := fl.Help
	if fl.Optional {
		if d != "" {
			d += " "
		}
		d += "(Optional.)"
	}
	return d
}

// Input asks for one line; the default is filled in, ready to edit.
func (f *Form) Input(fl Field) (string, error) {
	value := fl.Default
	in := huh.NewInput().Title(fl.Title).Description(description(fl)).Placeholder(fl.Placeholder).Value(&value)
	if fl.Validate != nil {
		in = in.Validate(func(s string) error { return fl.Validate(strings.TrimSpace(s)) })
	}
	if err := f.run(in); err != nil {
		return "", err
	}
	value = strings.TrimSpace(value)
	f.answered(fl.Title, value)
	return value, nil
}

// List asks for items in a text box, one a line.
func (f *Form) List(fl Field, defaults []string) ([]string, error) {
	value := strings.Join(defaults, "\n")
	d := description(fl)
	if d != "" {
		d += " "
	}
	d += "One a line."
	text := huh.NewText().Title(fl.Title).Description(d).Placeholder(fl.Placeholder).Value(&value).Lines(5)
	if err := f.run(text); err != nil {
		return nil, err
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

// Select asks for one option.
func (f *Form) Select(fl Field, opts []Option) (string, error) {
	value := fl.Default
	sel := huh.NewSelect[string]().Title(fl.Title).Description(description(fl)).
		Options(options(opts, map[string]bool{fl.Default: true})...).Value(&value)
	if err := f.run(sel); err != nil {
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
	ms := huh.NewMultiSelect[string]().Title(fl.Title).Description(description(fl) + " x or space chooses, Enter confirms.").
		Options(options(opts, chosen)...).Value(&value)
	if err := f.run(ms); err != nil {
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
	c := huh.NewConfirm().Title(fl.Title).Description(fl.Help).Affirmative("Yes").Negative("No").Value(&value)
	if err := f.run(c); err != nil {
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
