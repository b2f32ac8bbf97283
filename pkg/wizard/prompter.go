// Package wizard asks the questions a strong request needs and fills in a
// proposal from the answers. Plain questions are asked by field path, from
// the fields' declarations in package proposal; the flow keeps its own code
// only where the flow is its own (the scenario, the days, check-ins,
// research). The flow talks to a small Prompter interface with two front
// ends: a full-screen form for terminals and plain lines for pipes, screen
// readers, dumb terminals and CI. Tests drive the flow with scripted
// answers.
package wizard

import (
	"errors"
	"fmt"
)

// ErrInterrupted is returned when the user stops the wizard: Ctrl-C, a
// signal, a closed terminal or the end of piped input.
var ErrInterrupted = errors.New("interrupted")

// ErrBack is returned when the user asks to go back to the previous
// question.
var ErrBack = errors.New("back")

// Field is one question.
//
// One rule holds for what a question offers: a Default is a real answer,
// shown as the answer, kept on Enter and replaced by typing; an Example only
// shows what an answer looks like, and Enter leaves the answer empty.
type Field struct {
	Title    string // the question
	Help     string // one line on why it matters
	Example  string // what an answer looks like; never taken as the answer
	Default  string // the answer taken when the user just presses Enter
	Optional bool   // an empty answer is fine: the field is left out
	// Validate checks an answer (after the default is applied); its error
	// text is shown and the question asked again.
	Validate func(string) error
	Where    Where // where the question is in the whole run
}

// Where places a question in the run, for the line that tells the user
// where they are.
type Where struct {
	Section  string // the section's title
	SectionN int    // the section's number, from 1
	Sections int    // how many sections this run has
	N, Of    int    // the question's number in its section, and how many it has
}

// String is the progress line, such as "The trial · part 8 of 13 ·
// question 2 of 7".
func (w Where) String() string {
	if w.Sections == 0 {
		return ""
	}
	return fmt.Sprintf("%s · part %d of %d · question %d of %d", w.Section, w.SectionN, w.Sections, w.N, w.Of)
}

// Option is one choice of a Select or MultiSelect.
type Option struct {
	Key   string // the value stored
	Label string // what the user reads
}

// Prompter asks questions. Every asking method returns ErrInterrupted when
// the user stops, and ErrBack when they ask for the previous question.
type Prompter interface {
	// Section announces a group of questions, or, with an empty title, says
	// something between questions.
	Section(title, intro string) error
	// Input asks for one line of text.
	Input(f Field) (string, error)
	// List asks for several items, one a line; the defaults are the current
	// items, kept when the user enters none.
	List(f Field, defaults []string) ([]string, error)
	// Select asks for one of opts; f.Default holds the key chosen on Enter.
	Select(f Field, opts []Option) (string, error)
	// MultiSelect asks for any number of opts.
	MultiSelect(f Field, opts []Option, defaults []string) ([]string, error)
	// Confirm asks a yes-or-no question.
	Confirm(f Field, def bool) (bool, error)
}
