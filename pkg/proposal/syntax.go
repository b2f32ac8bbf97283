package proposal

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/propose-cli/propose/pkg/fastre"
)

// genericSyntaxFix is the advice for a YAML error propose cannot explain
// better.
const genericSyntaxFix = "check indentation and quoting on this line and the one before; text with a colon or # needs quotes"

var (
	keyNoSpace = fastre.MustCompile(`^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*):(\S.*)$`)
	keyNoColon = fastre.MustCompile(`^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*)\s+([^:#].*)$`)
	keyValue   = fastre.MustCompile(`^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*):\s+(.*)$`)
	dashWord   = fastre.MustCompile(`^(\s*)-([^\s-].*)$`)
	// emptyFlowItem is a comma with nothing before it in [a, , b].
	emptyFlowItem = fastre.MustCompile(`[\[,]\s*,`)
)

// syntaxProblem turns the YAML library's error into a problem a person can
// act on: it says, in plain words, what on the line YAML could not read,
// and how the line should be written, and it keeps the library's own
// words only for errors it cannot explain. m is the file format, whose
// keys tell a section from a value and a key from a pasted line.
func syntaxProblem(name string, data []byte, err error, m *model) error {
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
	at := func(line, col int, msg, fix string) error {
		return Problems{{File: name, Line: line, Col: col, Msg: msg, Fix: fix}}
	}
	// A quote left open runs on over the lines below to the next quote,
	// where the library stops: point at the quote that was never closed.
	if n, c := unclosedQuote(text, line); n > 0 {
		return at(n, c, "the quote opened here is not closed on its line, so YAML reads on to the next quote, on line "+fmt.Sprint(line),
			"add the closing quote at the end of the text on this line")
	}
	p := explainSyntax(msg, text(line), func(key string) bool { return m.homes[key] != nil })
	above, here := keyValue.FindStringSubmatch(text(line)), keyValue.FindStringSubmatch(text(line+1))
	if msg == "mapping value is not allowed in this context" && above != nil && here != nil &&
		len(here[1]) > len(above[1]) && above[3] != "" &&
		!strings.HasPrefix(strings.TrimSpace(here[1]), "-") && !dashWord.MatchString(text(line)) {
		if m.isSection(above[2]) {
			// "employee: Zoë Okafor" above the section's own keys.
			return at(line, len(above[1])+len(above[2])+3, fmt.Sprintf("`%s:` starts a section, so it takes no value on its own line", above[2]),
				fmt.Sprintf("delete %q here; the section's keys below hold its answers", shorten(above[3], 40)))
		}
		// A key indented further than the key above it: YAML reads it as
		// more of that key's text and stops only at its colon, so the
		// library names the line above. Point at the key that moved.
		return at(line+1, len(here[1])+1,
			fmt.Sprintf("`%s:` is indented further than `%s:` above it, so YAML reads it as more of that text", here[2], above[2]),
			fmt.Sprintf("indent `%s:` by %d spaces, like `%s:`", here[2], len(above[1]), above[2]))
	}
	if strings.HasPrefix(msg, "value is not allowed in this context") || msg == "could not find the value" {
		// A list item without its "- ": an en dash, a bullet, or nothing.
		if n, c, msg, fix := itemWithoutDash(text, line); n > 0 {
			return at(n, c, msg, fix)
		}
		if p.msg == indentMsg {
			if msg, fix := misindented(text, line); msg != "" {
				return at(line, len(text(line))-len(strings.TrimLeft(text(line), " "))+1, msg, fix)
			}
		}
	}
	if first, _, _ := strings.Cut(strings.TrimSpace(text(line)), " "); msg == "non-map value is specified" &&
		!strings.ContainsAny(text(line), ":\uff1a\ufe55\ua789") && m.homes[strings.ToLower(first)] == nil {
		// A text broken onto a line of its own, back at the margin.
		if prev := keyValue.FindStringSubmatch(text(line - 1)); prev != nil && prev[3] != "" &&
			len(text(line))-len(strings.TrimLeft(text(line), " ")) < len(prev[1]) {
			return at(line, col, fmt.Sprintf("this line looks like the rest of the text of `%s:` on the line above, which YAML cannot read here", prev[2]),
				fmt.Sprintf("join it to the end of line %d, or indent it further than `%s:`", line-1, prev[2]))
		}
	}
	if msg == "non-map value is specified" || msg == "unexpected key name" {
		t := strings.TrimSpace(text(line))
		word, _, _ := strings.Cut(t, " ")
		switch {
		case strings.ContainsAny(t, "\uff1a\ufe55\ua789"):
			return at(line, col, "the colon on this line is a full-width or look-alike character, which YAML does not read as a colon",
				"type an ordinary colon (:) followed by a space")
		case keyName.MatchString(t) && m.homes[t] != nil:
			return at(line, col, fmt.Sprintf("`%s` needs a colon after it", t), fmt.Sprintf("write `%s:`", t))
		case keyName.MatchString(word) && m.homes[strings.ToLower(word)] == nil && !strings.Contains(t, ":"):
			// A pasted note: not a key of the format at all.
			return at(line, col, "this line is not a `key: value` line, and YAML cannot read it here",
				"delete it, or start it with # to keep it as a note that propose ignores")
		}
	}
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
	return at(line, col, p.msg, p.fix)
}

// listItem is a "- " item and its text.
var listItem = fastre.MustCompile(`^(\s*)-\s+(.*)$`)

// closingQuote is the index in v, which starts with a quote, of the quote
// that closes it, or -1.
func closingQuote(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}

// written is the line key: value, or the list item - value when key is "".
func written(key, value string) string {
	if key == "" {
		return "`- " + value + "`"
	}
	return "`" + key + ": " + value + "`"
}

// quoteFix says to put value in the quote q, showing the line as it should
// be written when it is short enough to copy.
func quoteFix(key, value, q string) string {
	if utf8.RuneCountInString(value) > 60 || value == "" {
		if q == "'" {
			return "put the whole text in single quotes"
		}
		return "put the whole text in quotes"
	}
	if q == `"` {
		value = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(value) + `"`
	} else {
		value = "'" + strings.ReplaceAll(value, "'", "''") + "'"
	}
	return "put the whole text in quotes: " + written(key, value)
}

// anotherAnswer is a hint for a value that holds "key: value": when the
// word before the colon is a key of the format, the user may have written
// two answers on one line.
func anotherAnswer(v string, known func(string) bool) string {
	before, _, _ := strings.Cut(v, ":")
	f := strings.Fields(before)
	if len(f) == 0 || !known(f[len(f)-1]) {
		return ""
	}
	return fmt.Sprintf("; if `%s:` is another answer, put it on its own line", f[len(f)-1])
}

// indentMsg is the message for a line YAML finds at the wrong depth.
const indentMsg = "this line is not indented like the lines of its section"

// keyOnly is a key that opens a section: "private:".
var keyOnly = fastre.MustCompile(`^(\s*)([A-Za-z_][A-Za-z0-9_]*):\s*(?:#.*)?$`)

// misindented explains a key line YAML found at the wrong depth, from the
// key lines above it: further in than a key with a value (which cannot
// hold keys), or less far in than the keys beside it.
func misindented(text func(int) string, line int) (msg, fix string) {
	key := func(t string) (indent int, name, value string, ok bool) {
		if m := keyValue.FindStringSubmatch(t); m != nil && !strings.Contains(m[1], "-") {
			return len(m[1]), m[2], m[3], true
		}
		if m := keyOnly.FindStringSubmatch(t); m != nil && !strings.Contains(m[1], "-") {
			return len(m[1]), m[2], "", true
		}
		return 0, "", "", false
	}
	indent, name, _, ok := key(text(line))
	if !ok {
		return "", ""
	}
	like := func(n int, other string) string {
		if n == 0 {
			return fmt.Sprintf("start `%s:` at the left edge, like `%s:`", name, other)
		}
		return fmt.Sprintf("indent `%s:` by %d spaces, like `%s:`", name, n, other)
	}
	for n := line - 1; n >= 1 && n > line-100; n-- {
		t := text(n)
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		ai, above, value, ok := key(t)
		if !ok {
			if ti := len(t) - len(strings.TrimLeft(t, " ")); ti > indent {
				continue // inside a list or a longer text: look further up
			}
			return "", ""
		}
		switch {
		case indent > ai && value != "":
			return fmt.Sprintf("`%s:` is indented further than `%s:` above it, which holds a value and cannot hold keys", name, above), like(ai, above)
		case indent < ai:
			// Less far in than the key above: it meant to be that key's
			// sibling if no key between lines up with it.
			for k := n - 1; k >= 1 && k > n-100; k-- {
				pi, parent, _, ok := key(text(k))
				if !ok || pi >= ai {
					continue
				}
				if indent > pi {
					return fmt.Sprintf("`%s:` is indented by %d %s, but the keys under `%s:` by %d", name, indent, plural(indent, "space", "spaces"), parent, ai), like(ai, above)
				}
				break
			}
		}
		return "", ""
	}
	return "", ""
}

// keyName is a word that could be a key of the format.
var keyName = fastre.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// isSection reports whether key names a section or a list of sections
// anywhere in the format.
func (m *model) isSection(key string) bool {
	for _, f := range m.all {
		if f.Key == key && (f.Kind == KindSection || f.Kind == KindItems) {
			return true
		}
	}
	return false
}

// unclosedQuote finds, above the line where YAML stopped, a value that
// opens a quote it does not close on its own line: YAML reads a quoted
// text over several lines, to the next quote. It returns 0 when there is
// none, or when the error is on the quote's own line.
func unclosedQuote(text func(int) string, stop int) (line, col int) {
	for n := stop - 1; n >= 1 && n > stop-200; n-- {
		t := text(n)
		m := valueStart.FindStringSubmatchIndex(t)
		if m == nil {
			continue
		}
		if closingQuote(t[m[2]:]) < 0 {
			return n, utf8.RuneCountInString(t[:m[2]]) + 1
		}
		return 0, 0 // the nearest quoted value above is closed
	}
	return 0, 0
}

// valueStart finds a value that starts with a quote, after a key or a dash.
var valueStart = fastre.MustCompile(`^\s*(?:-\s+)?(?:[A-Za-z_][A-Za-z0-9_]*:\s+)?(["'])`)

// itemWithoutDash finds the line of a list where an item lacks its "- ":
// the line YAML stopped at, or the one before, sits at the indentation of
// the list's dashes but starts with something else.
func itemWithoutDash(text func(int) string, stop int) (line, col int, msg, fix string) {
	for _, n := range []int{stop, stop - 1} {
		t := text(n)
		indent := len(t) - len(strings.TrimLeft(t, " "))
		body := t[indent:]
		if body == "" || strings.HasPrefix(body, "- ") || strings.HasPrefix(body, "#") {
			continue
		}
		// The nearest line above with content is a "- " item at the same indentation.
		for k := n - 1; k >= 1 && k > n-20; k-- {
			a := text(k)
			if strings.TrimSpace(a) == "" {
				continue
			}
			ai := len(a) - len(strings.TrimLeft(a, " "))
			if ai != indent || !strings.HasPrefix(a[ai:], "- ") {
				break
			}
			if k := keyValue.FindStringSubmatch(body); k != nil && keyValue.MatchString(a[ai+2:]) {
				// "target: 40" under "- name: …": a key of that item,
				// which belongs under its first key, not under the dash.
				first := keyValue.FindStringSubmatch(a[ai+2:])
				return n, indent + 1, fmt.Sprintf("`%s:` belongs to the item above, so it lines up with `%s:`, two spaces in from the dash", k[2], first[2]),
					fmt.Sprintf("write `%s%s`", strings.Repeat(" ", indent+2), shorten(body, 40))
			}
			item := body
			for _, bullet := range []string{"-", "–", "—", "•", "·", "*", "\u00a0"} {
				if strings.HasPrefix(item, bullet) {
					item = strings.TrimLeft(strings.TrimPrefix(item, bullet), " \u00a0")
					break
				}
			}
			return n, indent + 1, "a list item starts with a hyphen and a space, like the items above it",
				fmt.Sprintf("write `%s- %s`", strings.Repeat(" ", indent), shorten(item, 40))
		}
	}
	return 0, 0, "", ""
}

type syntaxExplained struct {
	msg, fix string
	col      int
}

// explainSyntax is the plain explanation of the YAML library's message msg
// about the line text, or an empty one.
func explainSyntax(msg, text string, known func(key string) bool) syntaxExplained {
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
				fix: fmt.Sprintf("write `%s- %s`", m[1], shorten(m[2], 40)), col: len(m[1]) + 1}
		}
		if m := keyValue.FindStringSubmatch(text); m != nil && (strings.Contains(m[3], ": ") || strings.HasSuffix(m[3], ":")) {
			return syntaxExplained{msg: fmt.Sprintf("the text after `%s:` holds a colon that YAML reads as the start of another key", m[2]),
				fix: quoteFix(m[2], m[3], `"`) + anotherAnswer(m[3], known), col: strings.LastIndex(text, m[3]) + 1}
		}
		return syntaxExplained{msg: "a colon and a space here make YAML read a key where it does not belong",
			fix: "if the colon is part of a text, put the whole text in quotes; otherwise check the indentation"}

	case strings.HasPrefix(msg, "value is not allowed in this context"):
		key, v, at := "", "", 0
		if m := keyValue.FindStringSubmatch(text); m != nil {
			key, v = m[2], m[3]
		} else if m := listItem.FindStringSubmatch(text); m != nil {
			v = m[2]
		}
		if v != "" {
			at = strings.LastIndex(text, v) + 1
		}
		if v != "" && (v[0] == '\'' || v[0] == '"') {
			q := v[0]
			end := closingQuote(v)
			switch rest := strings.TrimSpace(v[end+1:]); {
			case end < 0 || rest == "" || strings.HasPrefix(rest, "#"):
			case strings.IndexByte(rest, q) >= 0 && q == '\'':
				return syntaxExplained{msg: "the ' inside this text ends the quoted text early",
					fix: fmt.Sprintf("write each ' inside it twice (%s), or put the text in double quotes",
						written(key, "'"+strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "'"), "'"), "'", "''")+"'")), col: at}
			case strings.IndexByte(rest, q) >= 0:
				return syntaxExplained{msg: "the \" inside this text ends the quoted text early",
					fix: "write each \" inside it as \\\", or put the text in single quotes", col: at}
			default:
				other := `"`
				if q == '"' {
					other = "'"
				}
				return syntaxExplained{msg: "text goes on after the closing quote",
					fix: quoteFix(key, strings.TrimSpace(v), other), col: at}
			}
		}
		switch {
		case strings.HasPrefix(v, "*"):
			return syntaxExplained{msg: "YAML reads a text that starts with * as a reference to another part of the file, and then finds more text after it",
				fix: quoteFix(key, v, `"`), col: at}
		case strings.Count(v, "]") > strings.Count(v, "["):
			return syntaxExplained{msg: "this line has a ] too many",
				fix: "delete the extra ]", col: strings.LastIndex(text, "]") + 1}
		case strings.HasPrefix(v, "[") || strings.HasPrefix(v, "{"):
			return syntaxExplained{msg: "text follows the closing bracket",
				fix: "put every item inside the brackets, for example [wed, fri]"}
		}
		return syntaxExplained{msg: indentMsg,
			fix: "indent it by as many spaces as the key above it that it belongs with"}

	case strings.HasPrefix(msg, "invalid header option"):
		key, v := "", ""
		if m := keyValue.FindStringSubmatch(text); m != nil {
			key, v = m[2], m[3]
		} else if m := listItem.FindStringSubmatch(text); m != nil {
			v = m[2]
		}
		return syntaxExplained{msg: "YAML reads a text that starts with | or > as the start of a block of lines",
			fix: quoteFix(key, strings.TrimSpace(v), `"`)}

	case msg == "block sequence entries are not allowed in this context":
		if m := keyValue.FindStringSubmatch(text); m != nil && strings.TrimSpace(m[3]) == "-" {
			return syntaxExplained{msg: "a - on its own starts a list item, so YAML cannot read it as an answer",
				fix: fmt.Sprintf("write the answer in words, or delete the `%s:` line to leave it out", m[2])}
		}
		if m := keyValue.FindStringSubmatch(text); m != nil && strings.HasPrefix(m[3], "- ") {
			return syntaxExplained{msg: "a list cannot start on the same line as its key",
				fix: fmt.Sprintf("write `%s: [%s]`, or put each item on its own line below, starting with `- `", m[2], shorten(strings.TrimSpace(strings.TrimPrefix(m[3], "- ")), 30))}
		}

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
