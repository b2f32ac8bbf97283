package proposal

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/runenames"
)

// Text is one piece of user text and the field path it came from.
type Text struct {
	Field string
	Value string
}

// Texts returns every piece of text in the proposal with its field path,
// in the order of the file format.
func (p *Proposal) Texts() []Text { return p.texts(true) }

// PublicTexts returns the texts of every field a manager may see: all but
// those under private.
func (p *Proposal) PublicTexts() []Text { return p.texts(false) }

func (p *Proposal) texts(private bool) []Text {
	return treeTexts(root().Fields, reflect.ValueOf(p).Elem(), private)
}

// Texts returns every piece of text in the log, with its field, for
// checking that the review's PDF can draw it.
func (l *Log) Texts() []Text {
	return treeTexts(logModel().root.Fields, reflect.ValueOf(l).Elem(), true)
}

func treeTexts(fs []*Field, root reflect.Value, private bool) []Text {
	var out []Text
	walkTree(fs, root, func(path string, f *Field, v reflect.Value) {
		if f.Private && !private {
			return
		}
		switch f.Kind {
		case KindText:
			if v.String() != "" {
				out = append(out, Text{Field: path, Value: v.String()})
			}
		case KindTexts:
			for i := 0; i < v.Len(); i++ {
				if s := v.Index(i).String(); s != "" {
					out = append(out, Text{Field: fmt.Sprintf("%s[%d]", path, i), Value: s})
				}
			}
		}
	})
	return out
}

// CheckCharacters reports every text holding a character that drawable
// says cannot be drawn, naming the field and the character, so a PDF never
// shows an empty box where a name should be. src places the problems; it
// may be nil. It returns nil when all can be drawn.
func CheckCharacters(texts []Text, src *Source, drawable func(rune) bool) Problems {
	var ps Problems
	for _, t := range texts {
		var bad []string
		seen := map[rune]bool{}
		rtl := ""
		for _, r := range t.Value {
			if rtl == "" && RightToLeft(r) {
				rtl = scriptOf(r)
			}
			if seen[r] || drawable(r) {
				continue
			}
			seen[r] = true
			bad = append(bad, describeRune(r))
		}
		if rtl != "" {
			// The fonts have the letters, but the PDF sets text left to
			// right without joining: such a name would print reversed and
			// broken apart.
			ps = append(ps, src.ValueProblemAt(t.Field, fmt.Sprintf("is written right to left (%s), which propose cannot yet set in a PDF: it would print reversed", rtl),
				"write it in Latin letters for the PDF, or write the other formats only: --format md,html,docx"))
			continue
		}
		if len(bad) == 0 {
			continue
		}
		ps = append(ps, src.ValueProblemAt(t.Field, "has a character the PDF fonts cannot draw: "+strings.Join(bad, ", "),
			"remove or replace it, or render Markdown only with --format md"))
	}
	return ps.sorted()
}

// RightToLeft reports a letter of a script written right to left, which
// the PDFs cannot set yet (CheckCharacters refuses it).
func RightToLeft(r rune) bool {
	if r < 0x0590 {
		return false
	}
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.R || p.Class() == bidi.AL
}

// scriptOf names the right-to-left script of r, for the message.
func scriptOf(r rune) string {
	for _, s := range []struct {
		name  string
		table *unicode.RangeTable
	}{{"Hebrew", unicode.Hebrew}, {"Arabic", unicode.Arabic}, {"Syriac", unicode.Syriac}, {"Thaana", unicode.Thaana}, {"N'Ko", unicode.Nko}} {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "a right-to-left script"
}

func describeRune(r rune) string {
	shown := string(r)
	if !unicode.IsPrint(r) {
		shown = ""
	}
	name := runenames.Name(r)
	if name == "" {
		return fmt.Sprintf("%s (U+%04X)", shown, r)
	}
	return strings.TrimSpace(fmt.Sprintf("%s (U+%04X %s)", shown, r, name))
}
