// Package fastre gives the coach's and the loader's word lists, which are
// long regular expressions of alternatives ("payroll|salary|patients|…"),
// a cheap test before the expression runs: the literals one of which any
// match must contain. Most texts hold none of them, and Go's regexp, which
// cannot skip ahead to a literal inside an alternation, spends tens of
// microseconds on each text it rejects; strings.Contains spends well under
// one. The expression is compiled the first time a text passes the test,
// so a command whose texts never pass does not compile it at all.
//
// The test is conservative: when a match may hold no literal (`[0-9]+`,
// `\w+ days?`) every text passes, and the regexp decides as before.
//
// The word lists other than English's are written without accents, and
// read a text with its accents taken off (Fold, FindFolded).
package fastre

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Regexp is a regular expression compiled when first needed, behind a
// test for the literals its matches contain. Its methods are those of
// regexp.Regexp that propose uses, with the same results.
type Regexp struct {
	expr  string
	ready sync.Once
	// need are the literals, case-folded (foldCase) when folds, one of which
	// every match contains; nil when a match may contain none.
	need  []string
	folds bool
	once  sync.Once
	re    *regexp.Regexp
}

// MustCompile returns expr as a Regexp. Nothing is parsed or compiled
// until the first call; an expression that does not compile panics then,
// as regexp.MustCompile would (the expressions are the program's own).
func MustCompile(expr string) *Regexp { return &Regexp{expr: expr} }

// prepare parses the expression and finds the literals it requires.
func (r *Regexp) prepare() {
	r.ready.Do(func() {
		tree, err := syntax.Parse(r.expr, syntax.Perl)
		if err != nil {
			panic("fastre: " + err.Error() + " in " + r.expr)
		}
		need, ok := required(tree)
		if !ok {
			return
		}
		for _, lit := range need {
			r.folds = r.folds || lit.fold
		}
		for _, lit := range need {
			s := lit.s
			if r.folds {
				s = foldCase(s)
			}
			if !slices.Contains(r.need, s) {
				r.need = append(r.need, s)
			}
		}
	})
}

// compiled returns the regexp, compiling it on the first call.
func (r *Regexp) compiled() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}

// may reports whether s can hold a match: false only when s (case-folded
// when the literals are) contains none of the literals.
func (r *Regexp) may(s string) bool {
	r.prepare()
	if r.need == nil {
		return true
	}
	if r.folds {
		s = foldCase(s)
	}
	for _, lit := range r.need {
		if strings.Contains(s, lit) {
			return true
		}
	}
	return false
}

// MatchString reports whether s contains a match.
func (r *Regexp) MatchString(s string) bool { return r.may(s) && r.compiled().MatchString(s) }

// FindString returns the leftmost match in s, "" when there is none.
func (r *Regexp) FindString(s string) string {
	if !r.may(s) {
		return ""
	}
	return r.compiled().FindString(s)
}

// FindStringIndex returns the bounds of the leftmost match in s.
func (r *Regexp) FindStringIndex(s string) []int {
	if !r.may(s) {
		return nil
	}
	return r.compiled().FindStringIndex(s)
}

// FindStringSubmatch returns the leftmost match in s and its groups.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.may(s) {
		return nil
	}
	return r.compiled().FindStringSubmatch(s)
}

// FindStringSubmatchIndex returns the bounds of the leftmost match in s
// and of its groups.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if !r.may(s) {
		return nil
	}
	return r.compiled().FindStringSubmatchIndex(s)
}

// FindAllStringIndex returns the bounds of up to n matches in s.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.compiled().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch returns up to n matches in s with their groups.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.may(s) {
		return nil
	}
	return r.compiled().FindAllStringSubmatch(s, n)
}

// ReplaceAllString returns s with every match replaced by repl, expanded
// as regexp.Regexp.ReplaceAllString expands it.
func (r *Regexp) ReplaceAllString(s, repl string) string {
	if !r.may(s) {
		return s
	}
	return r.compiled().ReplaceAllString(s, repl)
}

// maxClass is the most characters a class may hold and still be read as
// literals: more would make the test slower than the expression.
const maxClass = 12

// literal is a run of characters a match contains, and whether it
// matches regardless of case.
type literal struct {
	s    string
	fold bool
}

// required returns literals one of which every match of re contains; ok
// is false when a match may contain none of any literal this finds.
func required(re *syntax.Regexp) (need []literal, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return nil, false
		}
		return []literal{{string(re.Rune), re.Flags&syntax.FoldCase != 0}}, true
	case syntax.OpCharClass:
		// A short class is as many one-letter literals: "[£$€]".
		// Under (?i) the class holds both cases already.
		n := 0
		for i := 0; i < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n == 0 || n > maxClass {
			return nil, false
		}
		for i := 0; i < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				need = append(need, literal{s: string(c)})
			}
		}
		return need, true
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return required(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			n, ok := required(sub)
			if !ok {
				return nil, false
			}
			need = append(need, n...)
		}
		return need, true
	case syntax.OpConcat:
		// Every part is in every match: take the part whose literals
		// are the most telling, the shortest of them longest.
		best := -1
		for _, sub := range re.Sub {
			n, ok := required(sub)
			if !ok {
				continue
			}
			if s := shortest(n); s > best || s == best && len(n) < len(need) {
				best, need = s, n
			}
		}
		return need, best > 0
	}
	return nil, false
}

// shortest returns the length in bytes of the shortest literal of need.
func shortest(need []literal) int {
	m := -1
	for _, lit := range need {
		if m < 0 || len(lit.s) < m {
			m = len(lit.s)
		}
	}
	return m
}

// foldCase returns s with each character replaced by the least character
// that matches it regardless of case (by Unicode simple case folding, as
// regexp's (?i) matches): "Kelvin", "kelvin" and "\u212aelvin" alike.
func foldCase(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(least(r))
	}
	return b.String()
}

// least returns the least character of r's case-folding orbit.
func least(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}
