package proposal

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
	"github.com/propose-cli/propose/pkg/fastre"
)

// MaxFileSize is the largest proposal file Load accepts. A real proposal is
// a few kilobytes; anything near this size is a mistake, not a proposal.
const MaxFileSize = 256 << 10

// maxDepth bounds nesting so a hostile file cannot exhaust the stack.
const maxDepth = 16

// Load decodes a proposal file strictly: unknown keys, duplicate keys and
// values of the wrong type are problems, each reported with its line and
// column, all of them in one pass. name is the file name used in messages.
// The returned error is Problems when the file itself is at fault.
func Load(name string, data []byte) (*Proposal, *Source, error) {
	var p Proposal
	src, err := load(name, data, theModel(), reflect.ValueOf(&p).Elem(),
		"the file must be a set of `key: value` lines, starting with `version: 1`",
		"run `propose example` to see the shape of a proposal file")
	if src == nil {
		return nil, nil, err
	}
	return &p, src, err
}

// utf16WithoutMark reports text that is almost surely UTF-16 saved without
// a byte-order mark, and whether it is big-endian: in its first bytes
// every other byte is a NUL, as for ASCII letters in UTF-16, and no other
// byte is.
func utf16WithoutMark(data []byte) (ok, big bool) {
	n := min(len(data), 64) &^ 1
	if n < 8 {
		return false, false
	}
	high, low := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 && data[i+1] != 0 {
			high++
		}
		if data[i+1] == 0 && data[i] != 0 {
			low++
		}
	}
	return high == n/2 || low == n/2, high == n/2
}

// load decodes a YAML file into v, a struct whose fields are m's tree,
// strictly and with positions, as Load describes. shape and shapeFix say
// what a file of the wrong shape should look like. The Source is nil when
// the file could not be read at all.
func load(name string, data []byte, m *model, v reflect.Value, shape, shapeFix string) (*Source, error) {
	src := &Source{File: name, keys: map[string]position{}, values: map[string]position{}}
	fileProblem := func(line, col int, msg, fix string) error {
		return Problems{{File: name, Line: line, Col: col, Msg: msg, Fix: fix}}
	}
	// A document saved in a word processor's own format.
	for _, kind := range []struct{ magic, what, fix string }{
		{"{\\rtf", "an RTF document, as WordPad and TextEdit save by default", "save it as plain text (in TextEdit: Format, Make Plain Text; in WordPad: Save as, Plain text document)"},
		{"PK\x03\x04", "a Word document or another zipped file", "save it as plain text (.txt, UTF-8) or start from `propose example -o FILE`"},
		{"\xd0\xcf\x11\xe0", "an old Word document (.doc)", "save it as plain text (.txt, UTF-8) or start from `propose example -o FILE`"},
		{"%PDF-", "a PDF", "give the proposal's .yaml file; the PDFs are what propose writes from it"},
	} {
		if bytes.HasPrefix(data, []byte(kind.magic)) {
			return nil, fileProblem(1, 1, "this is "+kind.what+", not a propose file", kind.fix)
		}
	}
	data, err := asUTF8(data)
	if err != nil {
		return nil, fileProblem(1, 1, "this is not a text file: "+err.Error(),
			"save it as UTF-8 (or UTF-16) text; run `propose example -o FILE` for a file to start from")
	}
	if len(data) > MaxFileSize {
		return nil, fileProblem(0, 0,
			fmt.Sprintf("the file is larger than %d KiB, the most a file for propose may be", MaxFileSize>>10),
			"check that this is the right file")
	}
	if line, col, bad := firstNonText(data); bad != "" {
		if strings.HasPrefix(bad, "a character in an older encoding") {
			return nil, fileProblem(line, col, "the file is not saved as UTF-8: it has "+bad,
				"save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8; in TextEdit: Plain Text Encoding: Unicode (UTF-8))")
		}
		return nil, fileProblem(line, col, "this is not a text file: it has "+bad,
			"a propose file is UTF-8 text; run `propose example` to see one")
	}
	if quotedReply(data) {
		return nil, fileProblem(1, 1, "every line starts with >, as text quoted in an email reply does",
			"delete the > (and the space after it) at the start of each line")
	}
	if len(bytes.TrimSpace(stripComments(data))) == 0 {
		return nil, fileProblem(1, 1, "the file is empty",
			"run `propose example -o FILE` for a complete file to edit")
	}
	if line, col, msg := tooDeep(data); msg != "" {
		return nil, fileProblem(line, col, msg, "a propose file nests a few levels; check the brackets on this line")
	}
	if line, col := pastedSpace(data); line > 0 {
		return nil, fileProblem(line, col, "this line holds a non-breaking space (from a copy and paste), which looks like a space but is not one to YAML",
			"delete the spaces on this line and type them again")
	}
	file, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return nil, syntaxProblem(name, data, err, m)
	}
	var docs []*ast.DocumentNode
	for _, d := range file.Docs {
		// A %YAML or %TAG directive stands before the document; it is not one.
		if _, directive := d.Body.(*ast.DirectiveNode); d.Body != nil && !directive {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		return nil, fileProblem(1, 1, "the file is empty",
			"run `propose example -o FILE` for a complete file to edit")
	}
	if len(docs) > 1 {
		tk := docs[1].Body.GetToken()
		if docs[0].End != nil {
			// "..." ends a YAML document; text after it is a second one.
			end := docs[0].End.Position
			return nil, fileProblem(end.Line, end.Column, "`...` on this line ends the YAML document, and the file goes on after it",
				"delete the `...` line, or what follows it")
		}
		return nil, fileProblem(tk.Position.Line, 1, "the file holds more than one YAML document",
			"keep one proposal a file; remove the second `---` and what follows it")
	}
	d := &decoder{src: src, anchors: map[string]ast.Node{}, failed: map[string]bool{}, homes: m.homes, model: m}
	src.failed = d.failed
	body := docs[0].Body
	if _, ok := unwrap(body, d.anchors).(*ast.MappingNode); !ok {
		if _, ok := unwrap(body, d.anchors).(*ast.MappingValueNode); !ok {
			tk := body.GetToken()
			return nil, fileProblem(tk.Position.Line, tk.Position.Column, shape, shapeFix)
		}
	}
	// The trial log given for the proposal, or the proposal for the log:
	// one problem, not one for every key.
	top := map[string]bool{}
	if mv, ok := unwrap(body, nil).(*ast.MappingNode); ok {
		for _, pair := range mv.Values {
			top[pair.Key.GetToken().Value] = true
		}
	} else if mv, ok := unwrap(body, nil).(*ast.MappingValueNode); ok {
		top[mv.Key.GetToken().Value] = true
	}
	if _, proposal := m.root.Child("scenario"); proposal && top["entries"] && !top["scenario"] {
		return nil, fileProblem(1, 1, "this is a trial log (it has `entries:`), not a proposal",
			"give the proposal file here; the log is read by `propose status` and `propose review`")
	}
	if _, log := m.root.Child("entries"); log && top["scenario"] && !top["entries"] {
		return nil, fileProblem(1, 1, "this is a proposal (it has `scenario:`), not a trial log",
			"give the trial log, the NAME.log.yaml file `propose log` writes beside the proposal")
	}
	// Anchors anywhere in the file, even under a key propose does not
	// know, can be aliased: register them all before decoding.
	for _, n := range ast.Filter(ast.AnchorType, body) {
		if a, ok := n.(*ast.AnchorNode); ok {
			d.anchors[a.Name.GetToken().Value] = a.Value
		}
	}
	d.decode(body, v, m.root, "", 0)
	d.unusedAnchors()
	if len(d.problems) > 0 {
		return src, d.problems.sorted()
	}
	if ps := continuedItems(data, src); len(ps) > 0 {
		return src, ps
	}
	src.notes = append(src.notes, cutByComment(data, src)...).sorted()
	return src, nil
}

// continuedItems finds a list item whose dash sits further in than the
// dash above it: YAML reads "- Writing the commentary" there as more of the
// item above ("… stretches - Writing the commentary"), never as an item,
// and the documents would print the two run together.
func continuedItems(data []byte, src *Source) Problems {
	lines := strings.Split(string(data), "\n")
	var ps Problems
	prev, prevIndent := 0, -1 // the last line that is a plain "- " item
	for i, t := range lines {
		t = strings.TrimRight(t, "\r")
		body := strings.TrimLeft(t, " ")
		indent := len(t) - len(body)
		switch {
		case body == "" || strings.HasPrefix(body, "#"):
			continue
		case strings.HasPrefix(body, "- ") && prev > 0 && indent > prevIndent:
			for path, at := range src.values {
				// A text over several lines may be placed at its last line.
				if at.line >= prev && at.line <= i+1 && strings.HasSuffix(path, "]") {
					q := src.problem(i+1, indent+1, path,
						"this line's dash is further in than the dash above it, so YAML reads it as more of the item above, not as an item",
						fmt.Sprintf("line the dash up with the one above: `%s%s`", strings.Repeat(" ", prevIndent), shorten(body, 40)))
					ps = append(ps, q)
					break
				}
			}
			prev = 0
		case len(body) > 2 && strings.HasPrefix(body, "- ") && !strings.ContainsAny(body[2:3], "\"'|>[{&*!") && !keyValue.MatchString(body[2:]):
			prev, prevIndent = i+1, indent
		default:
			prev = 0
		}
	}
	return ps.sorted()
}

// unusedAnchors reports an anchor on a text that no alias uses: almost
// always an & the user meant as text ("&Co Support Engineer"), which YAML
// took as the anchor's name and dropped from the value.
func (d *decoder) unusedAnchors() {
	for name, a := range d.anchored {
		if d.aliased[name] || d.failed[d.anchorAt[name]] {
			continue
		}
		if _, empty := a.Value.(*ast.NullNode); empty || a.Value == nil {
			// "title: & Support Engineer": YAML takes everything after
			// the & as the anchor's name and leaves the value empty.
			written := "&" + name
			if strings.HasPrefix(a.Name.GetToken().Origin, " ") {
				written = "& " + name
			}
			d.problem(a, d.anchorAt[name], fmt.Sprintf("YAML reads `%s` as a label for reusing this value elsewhere (an anchor), so %q is not the answer and the answer is empty", shorten(written, 32), shorten(name, 30)),
				"put the whole text in quotes to keep the &")
			continue
		}
		if _, ok := scalarText(a.Value); !ok {
			continue // an anchored section kept for later is harmless
		}
		d.problem(a, d.anchorAt[name], fmt.Sprintf("YAML reads `&%s` as a label for reusing this value elsewhere (an anchor), so %q is left out of the text", shorten(name, 30), shorten(name, 30)),
			"put the whole text in quotes to keep the &")
	}
}

// cutByComment finds text values a " #" cut short: YAML reads the rest of
// the line as a comment, so "Written update in #team-analytics" is read as
// "Written update in". A comment written as one ("# note", with a space)
// is left alone; "#word" right after text is almost always meant as text.
func cutByComment(data []byte, src *Source) Problems {
	lines := strings.Split(string(data), "\n")
	var ps Problems
	// A section's value is placed at its first key: that key's own value
	// is the one to check, once.
	keys := map[position]bool{}
	for _, at := range src.keys {
		keys[at] = true
	}
	for path, at := range src.values {
		if at.line < 1 || at.line > len(lines) || keys[at] {
			continue
		}
		line := []rune(strings.TrimRight(lines[at.line-1], "\r"))
		if at.col < 1 || at.col > len(line) {
			continue
		}
		value := string(line[at.col-1:])
		if strings.HasPrefix(value, `"`) || strings.HasPrefix(value, "'") || strings.HasPrefix(value, "[") ||
			strings.HasPrefix(value, "{") || strings.HasPrefix(value, "#") {
			continue
		}
		i := strings.Index(value, " #")
		if i < 0 || i+2 >= len(value) || value[i+2] == ' ' || value[i+2] == '#' || strings.TrimSpace(value[:i]) == "" {
			continue
		}
		cut := value[i+1:]
		if j := strings.Index(cut, " # "); j > 0 {
			cut = cut[:j] // the user's own comment after it
		}
		q := src.ValueProblemAt(path, fmt.Sprintf("%q was read as a comment and left out of the text", strings.TrimSpace(cut)),
			"if it is part of the text, put the whole value in quotes")
		q.Warning = true
		ps = append(ps, q)
	}
	return ps.sorted()
}

// asUTF8 returns a text file's bytes as UTF-8 without a byte-order mark,
// with its lines ending in LF: Windows tools write UTF-16 with a mark
// (PowerShell 5's `>`), UTF-8 with one (Notepad's "UTF-8 with BOM") and
// CRLF, old Mac editors CR alone, and all of it is text a person made. The
// lines and columns stay those the user sees.
func asUTF8(data []byte) ([]byte, error) {
	data, err := withoutMark(data)
	if err != nil {
		return nil, err
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return data, nil
}

func withoutMark(data []byte) ([]byte, error) {
	unmarked, bigUnmarked := utf16WithoutMark(data)
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}), unmarked:
		big, body := data[0] == 0xFE, data[2:]
		if unmarked {
			big, body = bigUnmarked, data
		}
		if len(body)%2 != 0 {
			return nil, errors.New("it starts as UTF-16 but has an odd number of bytes")
		}
		units := make([]uint16, len(body)/2)
		for i := range units {
			if big {
				units[i] = uint16(body[2*i])<<8 | uint16(body[2*i+1])
			} else {
				units[i] = uint16(body[2*i+1])<<8 | uint16(body[2*i])
			}
		}
		return []byte(string(utf16.Decode(units))), nil
	}
	return data, nil
}

// maxFlowDepth and maxFlowOpen bound the brackets of a file, checked in one
// pass before the YAML library reads it: thousands of nested [ or { make
// the library spend minutes and gigabytes before any other check could
// refuse them. A proposal nests a few levels and opens a few hundred.
const (
	maxFlowDepth = 32
	maxFlowOpen  = 20000
)

// tooDeep finds brackets nested deeper, or opened more often, than any
// proposal needs, outside quotes and comments, and says where.
func tooDeep(data []byte) (line, col int, msg string) {
	line, col = 1, 0
	depth, opened := 0, 0
	var quote byte
	prev := byte('\n')
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		switch {
		case c == '\n':
			line, col, quote = line+1, 0, 0 // flow scalars in a proposal stay on one line
		case quote == '"' && c == '\\':
			i++
			col++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (prev == ' ' || prev == '\t' || prev == '\n'):
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case c == '[' || c == '{':
			depth++
			opened++
			if depth > maxFlowDepth {
				return line, col, fmt.Sprintf("brackets are nested more than %d deep here", maxFlowDepth)
			}
			if opened > maxFlowOpen {
				return line, col, fmt.Sprintf("the file opens more than %d lists and sections in brackets", maxFlowOpen)
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
		prev = c
	}
	return 0, 0, ""
}

// quotedReply reports a file copied out of an email reply: nearly every
// line starts with ">".
func quotedReply(data []byte) bool {
	quoted, lines := 0, 0
	for _, line := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			continue
		}
		lines++
		if t[0] == '>' {
			quoted++
		}
	}
	return quoted >= 3 && quoted*10 >= lines*8
}

// pastedSpace finds a non-breaking space where YAML needs a real one: in
// a line's indentation, or right after a key's colon. Inside a text it is
// the user's typography and stays.
func pastedSpace(data []byte) (line, col int) {
	if !bytes.Contains(data, []byte("\u00a0")) {
		return 0, 0
	}
	for n, t := range strings.Split(string(data), "\n") {
		lead := len(t) - len(strings.TrimLeft(t, " \t\u00a0"))
		i := strings.Index(t, "\u00a0")
		if i >= 0 && i < lead {
			return n + 1, utf8.RuneCountInString(t[:i]) + 1
		}
		if m := keyValue.FindStringSubmatchIndex(t); m == nil {
			if k := strings.Index(t, ":\u00a0"); k > 0 && keyName.MatchString(strings.TrimLeft(t[:k], " -")) {
				return n + 1, utf8.RuneCountInString(t[:k]) + 2
			}
		}
	}
	return 0, 0
}

// firstNonText reports the position of the first byte that cannot be in a
// text file: a NUL or other control character, or invalid UTF-8.
func firstNonText(data []byte) (line, col int, what string) {
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1 && data[i] >= 0xc0:
			// Latin-1 and Windows-1252 write é, ë and ñ as one byte.
			return line, col, fmt.Sprintf("a character in an older encoding here (probably %q)", string(rune(data[i])))
		case r == utf8.RuneError && size <= 1:
			return line, col, fmt.Sprintf("a byte (0x%02x) that is not UTF-8", data[i])
		case r == '\n':
			line, col = line+1, 0
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f:
			return line, col, fmt.Sprintf("a control character (U+%04X)", r)
		case r == '\uFEFF' && i == 0:
			// A byte-order mark at the start is harmless.
			col--
		}
		i += size
		col++
	}
	return 0, 0, ""
}

// stripComments drops YAML comment lines, so a file of comments only counts
// as empty.
func stripComments(data []byte) []byte {
	var out []byte
	for _, line := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' || bytes.Equal(t, []byte("---")) {
			continue
		}
		out = append(out, t...)
	}
	return out
}

type decoder struct {
	src      *Source
	anchors  map[string]ast.Node
	problems Problems
	failed   map[string]bool     // field paths whose value could not be decoded
	homes    map[string][]string // where each key of the format belongs, for pointing a misplaced key home
	anchorAt map[string]string   // the field path each anchor was defined at
	anchored map[string]*ast.AnchorNode
	aliased  map[string]bool // anchors some alias uses
	via      ast.Node        // the alias being decoded, where its value's problems are reported
	model    *model          // the format being read: which fields are private
}

// private reports whether the field at path is private (under private:
// in a proposal, a reading's why in a log) or lies inside one.
func (d *decoder) private(path string) bool {
	if path == "private" || strings.HasPrefix(path, "private.") {
		return true
	}
	for p := GenericPath(path); p != ""; {
		if f := d.model.byPath[p]; f != nil && f.Private {
			return true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return false
}

// privateAlias notes where the anchors on node are defined and reports an
// alias at path that repeats text anchored under private: outside it:
// what is private must never reach a manager's document, however it is
// written.
func (d *decoder) privateAlias(node ast.Node, path string) bool {
	if d.anchorAt == nil {
		d.anchorAt = map[string]string{}
	}
	private := d.private
	for i := 0; i < maxDepth && node != nil; i++ {
		switch t := node.(type) {
		case *ast.TagNode:
			// !!binary, !!python/object, !include: each asks YAML to read
			// the value as something other than the text it shows.
			tag := t.Start.Value
			d.problem(t, path, fmt.Sprintf("YAML reads `%s` at the start of a value as an instruction about its type (a tag), not as text", shorten(tag, 30)),
				"if the ! is part of the text, put the whole text in quotes; otherwise delete it")
			return true
		case *ast.AnchorNode:
			name := t.Name.GetToken().Value
			d.anchorAt[name] = path
			if d.anchored == nil {
				d.anchored = map[string]*ast.AnchorNode{}
			}
			d.anchored[name] = t
			node = t.Value
		case *ast.AliasNode:
			name := t.Value.GetToken().Value
			if d.aliased == nil {
				d.aliased = map[string]bool{}
			}
			d.aliased[name] = true
			if at, ok := d.anchorAt[name]; ok && private(at) && !private(path) {
				d.problem(t, path, fmt.Sprintf("the alias *%s repeats your private answer at %s where your manager would read it", name, at),
					"write what the manager may read here in its own words; a private answer never reaches your manager")
				return true
			}
			return false
		default:
			return false
		}
	}
	return false
}

func (d *decoder) problem(node ast.Node, path, msg, fix string) {
	line, col := 0, 0
	if d.via != nil {
		node = d.via // the value is elsewhere; the mistake is the alias here
	}
	if node != nil {
		if tk := node.GetToken(); tk != nil {
			line, col = tk.Position.Line, tk.Position.Column
		}
	}
	d.failed[path] = true
	d.problems = append(d.problems, Problem{File: d.src.File, Line: line, Col: col, Field: path, Msg: msg, Fix: fix})
}

// unwrap returns the node that carries the value, resolving tags, anchors
// and aliases.
func unwrap(n ast.Node, anchors map[string]ast.Node) ast.Node {
	for i := 0; i < maxDepth; i++ {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			if anchors != nil {
				anchors[t.Name.GetToken().Value] = t.Value
			}
			n = t.Value
		case *ast.AliasNode:
			target, ok := anchors[t.Value.GetToken().Value]
			if !ok {
				return n
			}
			n = target
		default:
			return n
		}
	}
	return n
}

// shortForm is a section that may also be written as a single value, such
// as an evidence item that is only a library id: the loader reads it, the
// writer writes it and the schema allows it.
type shortForm interface {
	SetScalar(string)
	ScalarForm() (string, bool)
}

var textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()

// decode reads node into v, the value of field f at path.
func (d *decoder) decode(node ast.Node, v reflect.Value, f *Field, path string, depth int) {
	if depth > maxDepth {
		d.problem(node, path, "the file nests deeper than a proposal can", "check the indentation")
		return
	}
	raw := node
	if d.privateAlias(node, path) {
		return
	}
	if _, ok := raw.(*ast.AliasNode); ok && d.via == nil {
		d.via = raw
		defer func() { d.via = nil }()
	}
	node = unwrap(node, d.anchors)
	if a, ok := node.(*ast.AliasNode); ok {
		d.problem(a, path, fmt.Sprintf("YAML reads `*%s` as a reference to a value labelled &%s elsewhere in the file (an alias), and there is none", shorten(a.Value.GetToken().Value, 30), shorten(a.Value.GetToken().Value, 30)),
			"if the * is part of the text, put the whole text in quotes")
		return
	}
	if n, ok := node.(*ast.NullNode); ok {
		// "name: Null" or "~": YAML reads the word as no value at all.
		if tk := n.GetToken(); tk != nil && tk.Value != "" && v.Kind() == reflect.String && path != "" {
			q := d.src.ValueProblemAt(path, fmt.Sprintf("YAML reads `%s` as no answer at all", tk.Value),
				fmt.Sprintf("if %s is the answer, put it in quotes: `%s: \"%s\"`", tk.Value, path[strings.LastIndex(path, ".")+1:], tk.Value))
			q.Line, q.Col = tk.Position.Line, tk.Position.Column
			if d.src.nulls == nil {
				d.src.nulls = map[string]Problem{}
			}
			d.src.nulls[path] = q
			q.Warning = true
			d.src.notes = append(d.src.notes, q)
		}
		return // an empty value leaves the zero value; validation decides if it is needed
	}
	if path != "" {
		if pos, ok := nodePosition(raw, node); ok {
			d.src.values[path] = pos
		}
	}
	if v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
		text, ok := scalarText(node)
		if !ok {
			d.problem(node, path, "expected "+describeType(v.Type())+", found "+describeNode(node),
				"write a single value on the same line after the colon")
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
			var ve *valueError
			if errors.As(err, &ve) {
				d.problem(node, path, ve.msg, ve.fix)
			} else {
				d.problem(node, path, err.Error(), "")
			}
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if s, ok := v.Addr().Interface().(shortForm); ok {
			if text, isScalar := scalarText(node); isScalar {
				s.SetScalar(text)
				return
			}
		}
		d.decodeStruct(node, v, f, path, depth)
	case reflect.Slice:
		seq, ok := node.(*ast.SequenceNode)
		if !ok {
			fix := "write one item a line, each starting with `- `, or [a, b] on one line"
			d.problem(node, path, "expected a list, found "+describeNode(node), fix)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(seq.Values), len(seq.Values))
		for i, item := range seq.Values {
			itemPath := fmt.Sprintf("%s[%d]", path, i)
			if _, empty := item.(*ast.NullNode); empty && i < len(seq.Entries) && seq.Entries[i].Start != nil {
				// An empty item has no value to point at: point at its dash.
				at := seq.Entries[i].Start.Position
				d.src.values[itemPath] = position{at.Line, at.Column}
				if s.Type().Elem().Kind() == reflect.Struct {
					// Not one problem for each key the item lacks: the
					// item as a whole is missing.
					d.failed[itemPath] = true
					d.problems = append(d.problems, Problem{File: d.src.File, Line: at.Line, Col: at.Column, Field: itemPath,
						Msg: "this item is empty", Fix: "write the item under its dash, or delete the line"})
					continue
				}
			}
			d.decode(item, s.Index(i), f, itemPath, depth+1)
		}
		v.Set(s)
	case reflect.String:
		text, ok := scalarText(node)
		if !ok {
			switch n := node.(type) {
			case *ast.MappingNode:
				if n.IsFlowStyle {
					d.problem(node, path, "the { } around this text make YAML read it as a section, not as text",
						"delete the braces, or put the whole text in quotes")
					return
				}
			case *ast.SequenceNode:
				if n.IsFlowStyle {
					d.problem(node, path, "the [ ] around this text make YAML read it as a list, not as text",
						"delete the brackets, or put the whole text in quotes")
					return
				}
			}
			d.problem(node, path, "expected text, found "+describeNode(node),
				"write the text on the same line after the colon; quote it if it contains `: ` or ` #`")
			return
		}
		v.SetString(text)
	case reflect.Int:
		// Digits only: YAML would also read 060 as octal (48), 0x3C as
		// hexadecimal and 1_000 with a separator, none of which a person
		// means in a proposal.
		raw := ""
		switch node.(type) {
		case *ast.IntegerNode, *ast.FloatNode, *ast.StringNode: // a number too long for YAML is a string
			if tk := node.GetToken(); tk != nil && tk.Type != token.DoubleQuoteType && tk.Type != token.SingleQuoteType {
				raw = tk.Value
			}
		}
		if !wholeNumberRE.MatchString(raw) {
			if tk := node.GetToken(); tk != nil && (tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType) && wholeNumberRE.MatchString(tk.Value) {
				// length_days: "60" — a number in quotes is text to YAML.
				d.problem(node, path, fmt.Sprintf("%s is in quotes, which makes it text rather than a number", tk.Value),
					fmt.Sprintf("delete the quotes: `%s: %s`", path[strings.LastIndex(path, ".")+1:], tk.Value))
				return
			}
			d.problem(node, path, "expected a whole number, found "+describeNode(node), numberFix(f))
			return
		}
		if len(strings.TrimLeft(raw, "+-")) > 1 && strings.TrimLeft(raw, "+-")[0] == '0' {
			d.problem(node, path, fmt.Sprintf("%s starts with a zero, which YAML reads as a different number", raw),
				"write the number without the leading zero")
			return
		}
		n, err := strconv.ParseInt(raw, 10, 32)
		if err != nil {
			msg, fix := fmt.Sprintf("%s is too large", raw), "write a smaller number"
			if f != nil && f.Range != "" {
				msg, fix = fmt.Sprintf(f.Range, raw), f.RangeFix
			}
			d.problem(node, path, msg, fix)
			return
		}
		v.SetInt(n)
	default:
		panic(fmt.Sprintf("proposal: no decoder for %s at %s", v.Type(), path))
	}
}

// wholeNumberRE is a whole number as a person writes it.
var wholeNumberRE = fastre.MustCompile(`^[+-]?[0-9]+$`)

func (d *decoder) decodeStruct(node ast.Node, v reflect.Value, f *Field, path string, depth int) {
	var pairs []*ast.MappingValueNode
	switch m := node.(type) {
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	default:
		d.problem(node, path, "expected a section of `key: value` lines, found "+describeNode(node),
			"indent the keys of this section under it; run `propose example` to see its shape")
		return
	}
	seen := map[string]position{}
	newItem := false
	for _, pair := range pairs {
		if _, ok := pair.Key.(*ast.MergeKeyNode); ok {
			d.problem(pair.Key, path, "merge keys (<<) are not supported", "write the keys out")
			continue
		}
		keyTok := pair.Key.GetToken()
		key := keyTok.Value
		kp := position{keyTok.Position.Line, keyTok.Position.Column}
		child := joinPath(path, key)
		if first, dup := seen[key]; dup {
			if strings.HasSuffix(path, "]") {
				// In a list item, a key written again most often starts the
				// next item without its "- ": one problem, at that key.
				if !newItem {
					d.problem(pair.Key, child, fmt.Sprintf("`%s` appears twice in this item (first on line %d)", shorten(key, 40), first.line),
						fmt.Sprintf("if line %d starts another item, begin it with `- ` (`- %s: …`), lined up with the dash above; otherwise delete one of the two", kp.line, shorten(key, 40)))
				}
				newItem = true
				continue
			}
			d.problem(pair.Key, child, fmt.Sprintf("`%s` appears twice in this section (first on line %d)", shorten(key, 40), first.line),
				"keep one and delete the other")
			continue
		}
		if newItem {
			continue // the keys of an item that lost its dash
		}
		seen[key] = kp
		field, ok := f.Child(key)
		if clean := strings.Map(func(r rune) rune {
			if refusedRune(r) != nil || r == '\u00a0' {
				return -1
			}
			return r
		}, key); !ok && clean != key {
			// A key with an invisible character pasted into it reads as
			// the key in the editor, so "did you mean" would puzzle.
			if _, known := f.Child(clean); known {
				d.problem(pair.Key, joinPath(path, clean), fmt.Sprintf("`%s` has an invisible character in it, from a copy and paste", clean),
					"delete the key and type it again")
				continue
			}
		}
		if !ok {
			fix, meant := unknownKeyFix(key, path, f, d.homes)
			if at := keyLine(pairs, meant); meant != "" && at > 0 && strings.EqualFold(meant, key) {
				// "Title:" beside "title:": the same key twice, one
				// capitalised; suggesting the key that is there would
				// only puzzle.
				d.problem(pair.Key, child, fmt.Sprintf("`%s` is `%s` written with capitals, and this section already has `%s` on line %d", shorten(key, 40), meant, meant, at),
					"keep one, in lower case, and delete the other")
				continue
			}
			d.problem(pair.Key, child, fmt.Sprintf("unknown key `%s`", shorten(key, 40)), fix)
			if meant != "" {
				// The misspelt key is the problem; the key it was meant to be
				// is not also "missing".
				d.failed[joinPath(path, meant)] = true
			}
			continue
		}
		d.src.keys[child] = kp
		d.src.values[child] = kp
		value := pair.Value
		d.decode(value, v.Field(field.index), field, child, depth+1)
	}
}

// keyLine is the line of key among a section's pairs, or 0.
func keyLine(pairs []*ast.MappingValueNode, key string) int {
	for _, pair := range pairs {
		if tk := pair.Key.GetToken(); tk != nil && tk.Value == key {
			return tk.Position.Line
		}
	}
	return 0
}

func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	return name
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// unknownKeyFix suggests the key the user probably meant: a close spelling
// in this section (returned as meant), or the section where the key belongs.
func unknownKeyFix(key, path string, section *Field, homes map[string][]string) (fix, meant string) {
	var names []string
	for _, c := range section.Fields {
		names = append(names, c.Key)
	}
	sort.Strings(names)
	norm := strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(key))
	// A key of the format written in the wrong place (often a line that
	// lost its indentation) is pointed home before any spelling is guessed.
	var elsewhere []string
	for _, h := range homes[norm] {
		if h != path && len(elsewhere) < 3 {
			elsewhere = append(elsewhere, h)
		}
	}
	if len(elsewhere) > 0 && norm == key {
		if elsewhere[0] == "" {
			return fmt.Sprintf("`%s` belongs at the top level, not under `%s`", norm, path), ""
		}
		for i, h := range elsewhere {
			elsewhere[i] = "`" + h + ":`"
		}
		return fmt.Sprintf("`%s` belongs under %s; indent it under its section", norm, strings.Join(elsewhere, " or ")), ""
	}
	best, bestDist := "", 1<<30
	for _, n := range names {
		dist := levenshtein(norm, n)
		if dist < bestDist {
			best, bestDist = n, dist
		}
	}
	if best != "" && (bestDist <= 2 || bestDist*3 <= len(best)) && bestDist < len(best) {
		return fmt.Sprintf("did you mean `%s`?", best), best
	}
	if homes := homes[norm]; len(homes) > 0 {
		for _, h := range homes {
			if h == path {
				continue
			}
			if h == "" {
				return fmt.Sprintf("`%s` belongs at the top level, not under `%s`", norm, path), ""
			}
			return fmt.Sprintf("`%s` belongs under `%s`", norm, h), ""
		}
	}
	where := "this section"
	if path == "" {
		where = "the top level"
	}
	return fmt.Sprintf("%s takes: %s", where, strings.Join(names, ", ")), ""
}

// Levenshtein counts the letters to add, drop or change to turn a into b:
// how far a typed name is from the one meant.
func Levenshtein(a, b string) int { return levenshtein(a, b) }

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// nodePosition is where a value starts as the user sees it: the first key
// of a section, or the value's first character.
func nodePosition(raw, node ast.Node) (position, bool) {
	switch m := node.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 && raw == node {
			raw = m.Values[0].Key
		}
	case *ast.MappingValueNode:
		if raw == node {
			raw = m.Key
		}
	}
	tk := raw.GetToken()
	if tk == nil {
		return position{}, false
	}
	return position{tk.Position.Line, tk.Position.Column}, true
}

// scalarText returns the text of a scalar node as the user wrote it.
// lineEnds makes every line end in a text a newline: a carriage return
// written as a YAML escape ("\r") ends a line as it does in the file.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

func scalarText(n ast.Node) (string, bool) {
	switch t := n.(type) {
	case *ast.StringNode:
		return lineEnds.Replace(strings.TrimSpace(t.Value)), true
	case *ast.LiteralNode:
		return lineEnds.Replace(strings.TrimSpace(t.Value.Value)), true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return t.GetToken().Value, true
	}
	return "", false
}

func describeNode(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a section of `key: value` lines"
	case *ast.SequenceNode:
		return "a list"
	}
	if s, ok := scalarText(n); ok {
		return fmt.Sprintf("%q", shorten(s, 40))
	}
	return "a " + strings.ToLower(n.Type().String())
}

func describeType(t reflect.Type) string {
	switch t {
	case reflect.TypeOf(Date{}):
		return "a date (YYYY-MM-DD)"
	case reflect.TypeOf(Weekday(0)):
		return "a weekday"
	case reflect.TypeOf(Clock{}):
		return "a time (HH:MM)"
	}
	return "a single value"
}

// numberFix is how to write f's value as a number, with the example its
// declaration gives.
func numberFix(f *Field) string {
	if f != nil {
		for _, eg := range []string{f.Example, f.Suggest, f.Default} {
			if eg != "" && wholeNumberRE.MatchString(eg) {
				return "write digits only, for example " + eg
			}
		}
	}
	return "write digits only"
}
