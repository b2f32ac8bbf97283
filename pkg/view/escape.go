package view

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// entityRE is an & that starts a character reference, or would start
	// one if the text ended here and a template went on with a ";".
	entityRE      = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})(;|$)`)
	orderedMarkRE = regexp.MustCompile(`^([0-9]{1,9})([.)])(?:\s|$)`)
)

// Escape makes user text safe to place inline in Markdown — in a paragraph,
// a list item, a heading or a table cell — so that it reads as the same text
// and can never change the document's structure. Line breaks become spaces.
func Escape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	// Markers that only mean something at the start of a line: a heading,
	// a list item, a block quote, a setext underline or a fence.
	switch {
	case strings.HasPrefix(s, "#"), strings.HasPrefix(s, "-"), strings.HasPrefix(s, "+"),
		strings.HasPrefix(s, "="), strings.HasPrefix(s, ">"), strings.HasPrefix(s, "~"):
		b.WriteByte('\\')
		b.WriteByte(s[0])
		s = s[1:]
	default:
		if m := orderedMarkRE.FindStringSubmatch(s); m != nil {
			b.WriteString(m[1])
			b.WriteByte('\\')
			b.WriteString(m[2])
			s = s[len(m[1])+len(m[2]):]
		}
	}
	runes := []rune(s)
	// A run of # at the end, after a space, would close a heading and
	// vanish from it.
	closing := len(runes)
	for closing > 0 && runes[closing-1] == '#' {
		closing--
	}
	if closing == len(runes) || closing > 0 && runes[closing-1] != ' ' {
		closing = -1
	}
	for i, r := range runes {
		if i == closing {
			b.WriteByte('\\')
		}
		switch r {
		case '\\', '`', '*', '[', ']', '<', '>', '|', '~':
			b.WriteByte('\\')
		case '_':
			// An underscore between two letters or digits cannot start or
			// end emphasis, so snake_case and e-mail addresses stay as typed.
			if !(i > 0 && i+1 < len(runes) && isWordRune(runes[i-1]) && isWordRune(runes[i+1])) {
				b.WriteByte('\\')
			}
		case '&':
			if entityRE.MatchString(string(runes[i:])) {
				// Written as an entity itself, so every reader decodes it
				// once, back to the & the user typed.
				b.WriteString("&amp;")
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
