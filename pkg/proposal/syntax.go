package proposal

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/goccy/go-yaml"
)

// genericSyntaxFix is the advice for a YAML error propose cannot explain
// better.
const genericSyntaxFix = "check indentation and quoting on this line and the one before; text with a colon or # needs quotes"

var (
	keyNoSpace = regexp.MustCompile(`^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*):(\S.*)$`)
	keyNoColon = regexp.MustCompile(`^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*)\s+([^:#].*)$`)
	keyValue   = regexp.MustCompile(`^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*):\s+(.*)$`)
	dashWord   = regexp.MustCompile(`^(\s*)-([^\s-].*)$`)
	// emptyFlowItem is a comma with nothing before it in [a, , b].
	emptyFlowItem = regexp.MustCompile(`[\[,]\s*,`)
)

// syntaxProblem turns the YAML library's error into a problem a person can
// act on: it says, in plain words, what on the line YAML could not read,
// and how the line should be written, and it keeps the library's own
// words only for errors it cannot explain.
func syntaxProblem(name string, data []byte, err error) error {
	var ye yaml.Error
	msg := err.Error()
	line, col := 0, 0
	if errors.As(err, &ye) {
		msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil {
			line, col = tk.Position.Line, tk.Position.Column
		}
	}
	lines := strings.Split(string(data), "\n")
	text := func(n int) string {
		if n < 1 || n > len(lines) {
			return ""
		}
		return strings.TrimRight(lines[n-1], "\r")
	}
	if msg == "mapping value is not allowed in this context" {
		// A key indented further than the key above it: YAML reads it as
		// more of that key's text and stops only at its colon, so the
		// library names the line above. Point at the key that moved.
		above, here := keyValue.FindStringSubmatch(text(line)), keyValue.FindStringSubmatch(text(line+1))
		if above != nil && here != nil && len(here[1]) > len(above[1]) && above[3] != "" &&
			!strings.HasPrefix(strings.TrimSpace(here[1]), "-") && !dashWord.MatchString(text(line)) {
			return Problems{{File: name, Line: line + 1, Col: len(here[1]) + 1,
				Msg: fmt.Sprintf("`%s:` is indented further than `%s:` above it, so YAML reads it as more of that text", here[2], above[2]),
				Fix: fmt.Sprintf("indent `%s:` by %d spaces, like `%s:`", here[2], len(above[1]), above[2])}}
		}
	}
	p := explainSyntax(msg, text(line))
	if p.msg != "" && strings.Contains(msg, "',' or ']'") {
		// The library notices an unclosed [ only on a later line: point
		// at the line that opened it.
		for n := line; n >= 1 && n > line-50; n-- {
			if t := text(n); strings.Count(t, "[") > strings.Count(t, "]") {
				line, col = n, strings.LastIndex(t, "[")+1
				break
			}
		}
	}
	if p.msg == "" {
		p.msg, p.fix = "the YAML is malformed: "+msg, genericSyntaxFix
	}
	if p.col > 0 {
		col = p.col
	}
	return Problems{{File: name, Line: line, Col: col, Msg: p.msg, Fix: p.fix}}
}

type syntaxExplained struct {
	msg, fix string
	col      int
}

// explainSyntax is the plain explanation of the YAML library's message msg
// about the line text, or an empty one.
func explainSyntax(msg, text string) syntaxExplained {
	quoted := func(key, value string) string {
		return fmt.Sprintf("`%s: %q`", key, value)
	}
	switch {
	case strings.Contains(msg, "'\t'") || strings.Contains(msg, "tab is used"):
		return syntaxExplained{msg: "this line is indented with a tab",
			fix: "indent with spaces only, two for each level"}

	case msg == "non-map value is specified":
		if m := keyNoSpace.FindStringSubmatch(text); m != nil {
			return syntaxExplained{msg: fmt.Sprintf("`%s:` needs a space after its colon", m[2]),
				fix: fmt.Sprintf("write `%s: %s`", m[2], shorten(m[3], 40)), col: len(m[1]) + 1}
		}
		if m := keyNoColon.FindStringSubmatch(text); m != nil {
			return syntaxExplained{msg: fmt.Sprintf("`%s` has no colon after it, so YAML cannot tell the key from its value", m[2]),
				fix: fmt.Sprintf("write `%s: %s`", m[2], shorten(m[3], 40)), col: len(m[1]) + 1}
		}
		return syntaxExplained{msg: "this line is not a `key: value` line, which is what belongs here",
			fix: "write the key, a colon and a space, then the value; check the line before too"}

	case msg == "mapping value is not allowed in this context":
		if m := dashWord.FindStringSubmatch(text); m != nil {
			return syntaxExplained{msg: "a list item needs a space after its dash",
				fix: fmt.Sprintf("write `- %s`", shorten(m[2], 40)), col: len(m[1]) + 1}
		}
		if m := keyValue.FindStringSubmatch(text); m != nil && (strings.Contains(m[3], ": ") || strings.HasSuffix(m[3], ":")) {
			return syntaxExplained{msg: fmt.Sprintf("the text after `%s:` holds a colon that YAML reads as the start of another key", m[2]),
				fix: "put the whole text in quotes: " + quoted(m[2], shorten(m[3], 40)), col: strings.LastIndex(text, m[3]) + 1}
		}
		return syntaxExplained{msg: "a colon and a space here make YAML read a key where it does not belong",
			fix: "if the colon is part of a text, put the whole text in quotes; otherwise check the indentation"}

	case strings.HasPrefix(msg, "value is not allowed in this context"):
		m := keyValue.FindStringSubmatch(text)
		at := 0
		if m != nil {
			at = strings.LastIndex(text, m[3]) + 1
		}
		switch {
		case m != nil && strings.HasPrefix(m[3], "'") && strings.Count(strings.TrimSpace(m[3]), "'") > 2:
			return syntaxExplained{msg: "the ' inside this text ends the quoted text early",
				fix: fmt.Sprintf("write each ' inside it twice (`%s: '%s'`), or put the text in double quotes", m[2], shorten(strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(m[3]), "'"), "'"), "'", "''"), 40)), col: at}
		case m != nil && strings.HasPrefix(m[3], `"`):
			return syntaxExplained{msg: "the \" inside this text ends the quoted text early",
				fix: "write the inner \" as \\\", or put the text in single quotes", col: at}
		case m != nil && strings.HasPrefix(m[3], "*"):
			return syntaxExplained{msg: "YAML reads a text that starts with * as an alias, and then finds more text after it",
				fix: "put the whole text in quotes: " + quoted(m[2], shorten(m[3], 40)), col: at}
		case m != nil && (strings.HasPrefix(m[3], "[") || strings.HasPrefix(m[3], "{")) && !strings.HasSuffix(strings.TrimSpace(m[3]), "]") && !strings.HasSuffix(strings.TrimSpace(m[3]), "}"):
			return syntaxExplained{msg: "text follows the closing bracket",
				fix: "put every item inside the brackets, for example [wed, fri]"}
		}
		return syntaxExplained{msg: "this line is not indented like the lines of its section",
			fix: "indent it by as many spaces as the key above it that it belongs with"}

	case strings.HasPrefix(msg, "found unknown escape character"):
		esc := strings.Trim(strings.TrimPrefix(msg, "found unknown escape character"), ` "'`)
		return syntaxExplained{msg: fmt.Sprintf("`\\%s` is not an escape YAML knows inside double quotes", shorten(esc, 5)),
			fix: "write \\\\ for a backslash, or put the text in single quotes, where \\ is an ordinary character"}

	case strings.Contains(msg, "surrogate"):
		return syntaxExplained{msg: "an escape here (\\uD800 to \\uDFFF) is half of a character",
			fix: "type the character itself, or write its \\U escape with eight digits"}

	case strings.HasSuffix(msg, "is a reserved character"):
		c := strings.TrimSuffix(msg, " is a reserved character")
		return syntaxExplained{msg: fmt.Sprintf("YAML does not let a text start with %s", c),
			fix: "put the whole text in quotes"}

	case msg == "',' or ']' must be specified" || msg == "sequence end token ']' not found":
		return syntaxExplained{msg: "the list opened with [ is not closed",
			fix: "end it with ] on the same line, or write one item a line, each starting with `- `"}

	case msg == "',' or '}' must be specified" || strings.Contains(msg, "flow mapping end token '}'") || msg == "could not find flow map content":
		return syntaxExplained{msg: "the section opened with { is not closed",
			fix: "end it with } on the same line, or write one `key: value` a line"}

	case strings.HasPrefix(msg, "could not find end character of double-quoted"):
		return syntaxExplained{msg: "the double quote opened here is never closed",
			fix: "add the closing \" at the end of the text"}

	case strings.HasPrefix(msg, "could not find end character of single-quoted"):
		return syntaxExplained{msg: "the single quote opened here is never closed",
			fix: "add the closing ' at the end of the text; an ' inside it is written twice ('')"}

	case (msg == "unexpected scalar value type" || strings.HasPrefix(msg, "expected sequence element, but found ','")) &&
		emptyFlowItem.MatchString(text):
		return syntaxExplained{msg: "this list has a comma with no item before it",
			fix: "delete the extra comma"}

	case msg == "found an invalid key for this map":
		return syntaxExplained{msg: "this key is not a plain name",
			fix: "write keys as plain words followed by a colon and a space, such as `title: Analyst`"}
	}
	return syntaxExplained{}
}
