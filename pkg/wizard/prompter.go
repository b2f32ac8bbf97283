// Package wizard asks the questions a strong request needs and fills in a
// proposal from the answers. The question flow talks to a small Prompter
// interface with two front ends: a full-screen form (huh) for terminals and
// a line-by-line mode for pipes, screen readers and CI. Tests drive the
// flow with scripted answers.
package wizard

import "errors"

// ErrInterrupted is returned when the user stops the wizard: Ctrl-C, a
// signal, a closed terminal or the end of piped input.
var ErrInterrupted = errors.New("interrupted")

// Field is one question.
type Field struct {
	Title       string // the question
	Help        string // one line on why it matters, or an example
	Placeholder string
	Default     string // the answer taken when the user just presses Enter
	Optional    bool   // an empty answer is fine
	// Validate checks an answer (after the default is applied); its error
	// text is shown and the question asked again.
	Validate func(string) error
}

// Option is one choice of a Select or MultiSelect.
type Option struct {
	Key   string // the value stored
	Label string // what the user reads
}

// Prompter asks questions. Every method returns ErrInterrupted when the
// user stops.
type Prompter interface {
	// Section announces a group of questions.
	Section(title, intro string) error
	// Input asks for one line of text.
	Input(f Field) (string, error)
	// List asks for several items, one a line; defaults are kept when the
	// user enters none.
	List(f Field, defaults []string) ([]string, error)
	// Select asks for one of opts; f.Default holds the key chosen on Enter.
	Select(f Field, opts []Option) (string, error)
	// MultiSelect asks for any number of opts.
	MultiSelect(f Field, opts []Option, defaults []string) ([]string, error)
	// Confirm asks a yes-or-no question.
	Confirm(f Field, def bool) (bool, error)
}
