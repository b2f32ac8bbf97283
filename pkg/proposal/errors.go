package proposal

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong with a proposal file, at a position in it.
type Problem struct {
	File  string // the file name as the user gave it
	Line  int    // 1-based; 0 when the problem has no place in the file
	Col   int    // 1-based
	Field string // the field path, such as "trial.metrics[0].target"; "" for the file as a whole
	Msg   string // what is wrong
	Fix   string // how to fix it; may be empty

	// Warning marks something the documents handle but the user should
	// know about (a request above the policy's limit): it stops nothing.
	Warning bool
}

// String formats the problem as FILE:LINE:COL: field: what is wrong (how to fix it).
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString(shorten(p.Field, 80))
		b.WriteString(": ")
	}
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message())
	return b.String()
}

// Message is what is wrong and how to fix it, without the place: "is
// missing (add your job title under `employee:`)".
func (p Problem) Message() string {
	if p.Fix == "" {
		return p.Msg
	}
	return p.Msg + " (" + p.Fix + ")"
}

// Problems is every problem found in one file, in file order. It is the
// error Load and Validate return for input the user must correct.
type Problems []Problem

// Error lists the problems, one a line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unique returns the problems in file order, each once.
func (ps Problems) Unique() Problems { return ps.sorted() }

// sorted returns the problems ordered by position, then field, without
// exact duplicates.
func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Field < b.Field
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// shorten cuts s to at most max characters for a message, whole
// characters only, marking the cut with an ellipsis.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
