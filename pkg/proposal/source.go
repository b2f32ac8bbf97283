package proposal

import "strings"

// Source records where each field of a loaded file was written.
type Source struct {
	File   string
	failed map[string]bool     // paths with a problem found while decoding
	keys   map[string]position // where the key of a field path is written
	values map[string]position // where its value starts
	notes  Problems            // warnings found while reading, such as text cut by a comment
	// nulls are the fields YAML read as empty from a word such as Null
	// or ~: a required one is reported with why it is empty.
	nulls map[string]Problem
}

type position struct{ line, col int }

// Has reports whether the file gave a value (even an empty one) at path.
func (s *Source) Has(path string) bool {
	if s == nil {
		return false
	}
	_, ok := s.keys[path]
	return ok
}

// ProblemAt is a problem with path, placed where the file writes its key
// (or the nearest enclosing one). s may be nil, for a proposal built in code.
func (s *Source) ProblemAt(path, msg, fix string) Problem {
	line, col := s.KeyAt(path)
	return s.problem(line, col, path, msg, fix)
}

// ValueProblemAt is a problem with path, placed where its value starts
// (or where the nearest enclosing field is written). s may be nil.
func (s *Source) ValueProblemAt(path, msg, fix string) Problem {
	line, col := s.At(path)
	return s.problem(line, col, path, msg, fix)
}

func (s *Source) problem(line, col int, path, msg, fix string) Problem {
	p := Problem{Line: line, Col: col, Field: path, Msg: msg, Fix: fix}
	if s != nil {
		p.File = s.File
	}
	return p
}

// KeyAt returns where the key of path is written, or, like At, the nearest
// position the file has for it.
func (s *Source) KeyAt(path string) (line, col int) {
	if s != nil {
		if p, ok := s.keys[path]; ok {
			return p.line, p.col
		}
	}
	return s.At(path)
}

// At returns the position of path's value, or, when the file does not
// write path, of the nearest enclosing field it does write. It falls back
// to the start of the file.
func (s *Source) At(path string) (line, col int) {
	if s == nil {
		return 0, 0
	}
	if p, ok := s.values[path]; ok {
		return p.line, p.col
	}
	// A field the file does not write is reported where its section is.
	for path = parentPath(path); path != ""; path = parentPath(path) {
		if p, ok := s.keys[path]; ok {
			return p.line, p.col
		}
		if p, ok := s.values[path]; ok {
			return p.line, p.col
		}
	}
	return 1, 1
}

func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}
