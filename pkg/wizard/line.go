package wizard

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Lines is the plain front end: one question a line, one answer a line. It
// serves pipes, screen readers (--accessible, ACCESSIBLE), dumb terminals
// and CI. All prompts share one reader, so piped answers are consumed one
// line per question; the end of input is an interruption, never an endless
// loop. A line "<" goes back to the previous question.
type Lines struct {
	out   io.Writer
	lines chan string
	errs  chan error
	ctx   context.Context
	told  bool   // the keys have been explained
	part  string // the part the last question was in
}

// Back is the answer that goes back to the previous question.
const Back = "<"

// NewLines reads answers from in and writes prompts to out. When ctx is
// cancelled (a signal), the pending question returns ErrInterrupted.
func NewLines(ctx context.Context, in io.Reader, out io.Writer) *Lines {
	l := &Lines{out: out, lines: make(chan string), errs: make(chan error, 1), ctx: ctx}
	go func() {
		r := bufio.NewReader(in)
		for {
			line, err := r.ReadString('\n')
			if line != "" || err == nil {
				select {
				case l.lines <- strings.TrimRight(line, "\r\n"):
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				l.errs <- err
				return
			}
		}
	}()
	return l
}

// lineLimit is the longest line a terminal in its plain (canonical) mode
// passes on: longer input is cut there, without a word to the user.
const lineLimit = 4095

// readLine reads one answer. A line holding control keys (an arrow key,
// which plain lines cannot edit with, arrives as ESC [ D) or as long as
// the terminal's limit is refused and read again, never stored as typed.
func (l *Lines) readLine() (string, error) {
	for {
		var s string
		select {
		case s = <-l.lines:
		case <-l.errs:
			return "", ErrInterrupted
		case <-l.ctx.Done():
			return "", ErrInterrupted
		}
		switch {
		case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }):
			l.printf("  ✗ that answer holds arrow or other control keys, which plain lines cannot edit with; type it again (Backspace works)\n> ")
		case len(s) >= lineLimit:
			l.printf("  ✗ that answer is as long as the terminal lets a line be (%d bytes) and may have been cut; give a shorter one\n> ", lineLimit)
		default:
			return s, nil
		}
	}
}

func (l *Lines) printf(format string, args ...any) { fmt.Fprintf(l.out, format, args...) }

func (l *Lines) header(f Field) {
	l.explain()
	if w := f.Where; w.Of > 0 {
		if w.Section != l.part {
			l.part = w.Section
			l.printf("(Part %d of %d.)\n", w.SectionN, w.Sections)
		}
		l.printf("\n[%d/%d] %s\n", w.N, w.Of, f.Title)
	} else {
		l.printf("\n%s\n", f.Title)
	}
	if d := describe(f); d != "" {
		l.printf("  %s\n", strings.ReplaceAll(d, "\n", "\n  "))
	}
}

// explain says once, before the first question, what the keys do.
func (l *Lines) explain() {
	if !l.told {
		l.told = true
		l.printf("Press Enter to keep the answer in [brackets]; type to replace it. Type %s to go back to the\n"+
			"previous question, - to empty an answer. Every answer is saved as you go.\n", Back)
	}
}

// Section prints a group heading, or a message when title is empty.
func (l *Lines) Section(title, intro string) error {
	if title != "" {
		l.explain()
	}
	if title != "" {
		l.printf("\n== %s ==\n", title)
	}
	if intro != "" {
		l.printf("%s\n", intro)
	}
	return nil
}

func (l *Lines) prompt(def string) {
	switch {
	case def != "":
		l.printf("[%s] > ", def)
	default:
		l.printf("> ")
	}
}

// Input asks for one line; Enter keeps the default.
func (l *Lines) Input(f Field) (string, error) {
	l.header(f)
	for {
		l.prompt(f.Default)
		s, err := l.readLine()
		if err != nil {
			return "", err
		}
		s = strings.TrimSpace(s)
		if s == Back {
			return "", ErrBack
		}
		if s == "" {
			s = f.Default
		}
		if s == "-" && f.Optional {
			s = "" // clear a default
		}
		if f.Validate != nil {
			if err := f.Validate(s); err != nil {
				l.printf("  ✗ %v\n", err)
				continue
			}
		}
		return s, nil
	}
}

// List reads items one a line until an empty line. With defaults, an empty
// first line keeps them and "-" clears them.
func (l *Lines) List(f Field, defaults []string) ([]string, error) {
	l.header(f)
	if len(defaults) > 0 {
		l.printf("  Now:\n")
		for _, d := range defaults {
			l.printf("    - %s\n", d)
		}
		l.printf("  Press Enter to keep these, type new items to replace them (one a line, an empty line ends), or - for none.\n")
	} else {
		l.printf("  One a line; an empty line ends%s.\n", map[bool]string{true: " (or leaves it out)", false: ""}[f.Optional])
	}
	var items []string
	for {
		l.prompt("")
		s, err := l.readLine()
		if err != nil {
			return nil, err
		}
		s = strings.TrimSpace(s)
		switch {
		case s == Back && len(items) == 0:
			return nil, ErrBack
		case s == "" && len(items) == 0 && len(defaults) > 0:
			return defaults, nil
		case s == "-" && len(items) == 0:
			return nil, nil
		case s == "":
			return items, nil
		}
		items = append(items, s)
	}
}

func (l *Lines) options(opts []Option, chosen func(string) bool) {
	for i, o := range opts {
		mark := " "
		if chosen(o.Key) {
			mark = "*"
		}
		l.printf("  %s %d. %s\n", mark, i+1, o.Label)
	}
}

func has(opts []Option, key string) bool {
	for _, o := range opts {
		if o.Key == key {
			return true
		}
	}
	return false
}

func pick(opts []Option, s string) (string, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(opts) {
		return opts[n-1].Key, true
	}
	for _, o := range opts {
		if strings.ToLower(o.Key) == s || strings.HasPrefix(strings.ToLower(o.Key), s) && len(s) >= 3 {
			return o.Key, true
		}
	}
	return "", false
}

// Select asks for one option by number or name.
func (l *Lines) Select(f Field, opts []Option) (string, error) {
	l.header(f)
	l.options(opts, func(k string) bool { return k == f.Default })
	for {
		def := ""
		for i, o := range opts {
			if o.Key == f.Default {
				def = strconv.Itoa(i + 1)
			}
		}
		l.prompt(def)
		s, err := l.readLine()
		if err != nil {
			return "", err
		}
		if strings.TrimSpace(s) == Back {
			return "", ErrBack
		}
		if strings.TrimSpace(s) == "" && (f.Default != "" || has(opts, "") || f.Optional) {
			return f.Default, nil
		}
		if k, ok := pick(opts, s); ok {
			return k, nil
		}
		l.printf("  ✗ answer with a number from 1 to %d\n", len(opts))
	}
}

// MultiSelect asks for options by numbers or names, separated by commas or
// spaces; Enter keeps the marked ones, "-" chooses none.
func (l *Lines) MultiSelect(f Field, opts []Option, defaults []string) ([]string, error) {
	l.header(f)
	isDefault := map[string]bool{}
	for _, d := range defaults {
		isDefault[d] = true
	}
	l.options(opts, func(k string) bool { return isDefault[k] })
	l.printf("  Numbers or names separated by commas; Enter keeps the ones marked *, - for none.\n")
	for {
		l.prompt("")
		s, err := l.readLine()
		if err != nil {
			return nil, err
		}
		s = strings.TrimSpace(s)
		switch s {
		case "":
			return defaults, nil
		case "-":
			return nil, nil
		case Back:
			return nil, ErrBack
		}
		var out []string
		bad := ""
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
			k, ok := pick(opts, part)
			if !ok {
				bad = part
				break
			}
			out = append(out, k)
		}
		if bad != "" {
			l.printf("  ✗ %q is not one of the choices\n", bad)
			continue
		}
		return out, nil
	}
}

// Confirm asks yes or no.
func (l *Lines) Confirm(f Field, def bool) (bool, error) {
	l.header(f)
	for {
		if def {
			l.printf("[Y/n] > ")
		} else {
			l.printf("[y/N] > ")
		}
		s, err := l.readLine()
		if err != nil {
			return false, err
		}
		switch strings.ToLower(strings.TrimSpace(s)) {
		case Back:
			return false, ErrBack
		case "":
			return def, nil
		case "y", "yes":
			return true, nil
		case "n", "no":
			return false, nil
		}
		l.printf("  ✗ answer y or n\n")
	}
}
