package proposal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/propose-cli/propose/pkg/fastre"
)

// SchemaURL is where editors find the JSON Schema of the file format
// (`propose schema` prints the same schema).
const SchemaURL = "https://raw.githubusercontent.com/propose-cli/propose/main/schema/proposal.schema.json"

// SchemaModeline is the first line of every file propose writes: it tells
// editors with the YAML language server where the schema is, for
// completion and documentation of every key.
const SchemaModeline = "# yaml-language-server: $schema=" + SchemaURL

// Marshal writes a proposal in the file format by walking its fields, with
// the documentation of each section as a comment above it, so the file
// reads well and can be edited by hand. Empty fields are left out; Load
// reads the result back unchanged.
func Marshal(p *Proposal) []byte {
	w := &yamlWriter{}
	w.b.WriteString(SchemaModeline + "\n")
	w.comment("A request for remote or hybrid work, read by `propose render`.")
	w.comment("Everything under private: is for you alone; it never reaches your manager.")
	v := reflect.ValueOf(p).Elem()
	for _, f := range root().Fields {
		fv := v.Field(f.index)
		if f.Key == "version" {
			w.scalar(0, f.Key, strconv.Itoa(max(p.Version, Version)))
			continue
		}
		if isEmptyValue(fv) {
			continue
		}
		if f.Kind == KindSection || f.Kind == KindItems || f.Kind == KindTexts {
			w.comment("\n" + f.Doc)
		}
		w.field(0, f, fv)
	}
	return w.b.Bytes()
}

// field writes one non-empty field at the indentation level.
func (w *yamlWriter) field(level int, f *Field, v reflect.Value) {
	switch f.Kind {
	case KindText:
		w.str(level, f.Key, v.String())
	case KindNumber:
		w.int(level, f.Key, int(v.Int()))
	case KindDate:
		w.scalar(level, f.Key, v.Interface().(Date).String())
	case KindClock:
		w.scalar(level, f.Key, strconv.Quote(v.Interface().(Clock).String()))
	case KindDays:
		w.inlineList(level, f.Key, listStrings(v))
	case KindTexts:
		if v.Len() == 0 {
			w.scalar(level, f.Key, "[]") // none, on purpose
			return
		}
		if f.Flow {
			w.inlineList(level, f.Key, listStrings(v))
		} else {
			w.list(level, f.Key, listStrings(v))
		}
	case KindSection:
		w.key(level, f.Key)
		w.fields(level+1, f.Fields, v)
	case KindItems:
		if scalars, ok := itemScalars(v); ok {
			w.inlineList(level, f.Key, scalars)
			return
		}
		w.key(level, f.Key)
		for i := 0; i < v.Len(); i++ {
			item := v.Index(i)
			if isEmptyValue(item) {
				continue
			}
			if s, ok := item.Addr().Interface().(shortForm); ok {
				if text, isScalar := s.ScalarForm(); isScalar {
					w.indent(level)
					w.b.WriteString("  - " + quoteYAML(text) + "\n")
					continue
				}
			}
			// Write the item's keys two levels in, then turn the first
			// line's indentation into the list's dash.
			sub := &yamlWriter{}
			sub.fields(level+2, f.Fields, item)
			w.indent(level)
			w.b.WriteString("  - " + strings.TrimPrefix(sub.b.String(), strings.Repeat("  ", level+2)))
		}
	}
}

// fields writes the non-empty fields of a section or list item.
func (w *yamlWriter) fields(level int, fs []*Field, v reflect.Value) {
	for _, c := range fs {
		if cv := v.Field(c.index); !isEmptyValue(cv) {
			w.field(level, c, cv)
		}
	}
}

// listStrings returns the non-empty items of a list of text or days.
func listStrings(v reflect.Value) []string {
	var out []string
	for i := 0; i < v.Len(); i++ {
		if s := scalarString(v.Index(i)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// itemScalars returns the items of a list as single values when every
// item can be written as one.
func itemScalars(v reflect.Value) ([]string, bool) {
	var out []string
	for i := 0; i < v.Len(); i++ {
		item := v.Index(i)
		if isEmptyValue(item) {
			continue
		}
		s, ok := item.Addr().Interface().(shortForm)
		if !ok {
			return nil, false
		}
		text, isScalar := s.ScalarForm()
		if !isScalar {
			return nil, false
		}
		out = append(out, text)
	}
	return out, len(out) > 0
}

type yamlWriter struct{ b bytes.Buffer }

func (w *yamlWriter) indent(level int) { w.b.WriteString(strings.Repeat("  ", level)) }

func (w *yamlWriter) comment(text string) {
	for strings.HasPrefix(text, "\n") {
		w.b.WriteByte('\n')
		text = text[1:]
	}
	w.b.WriteString("# " + text + "\n")
}

func (w *yamlWriter) key(level int, key string) {
	w.indent(level)
	w.b.WriteString(key + ":\n")
}

func (w *yamlWriter) scalar(level int, key, value string) {
	w.indent(level)
	w.b.WriteString(key + ": " + value + "\n")
}

func (w *yamlWriter) str(level int, key, value string) {
	if value != "" {
		w.scalar(level, key, quoteYAML(value))
	}
}

func (w *yamlWriter) int(level int, key string, n int) {
	if n != 0 {
		w.scalar(level, key, strconv.Itoa(n))
	}
}

func (w *yamlWriter) list(level int, key string, items []string) {
	if len(items) == 0 {
		return
	}
	w.key(level, key)
	for _, it := range items {
		w.indent(level)
		w.b.WriteString("  - " + quoteYAML(it) + "\n")
	}
}

func (w *yamlWriter) inlineList(level int, key string, items []string) {
	if len(items) == 0 {
		return
	}
	quoted := make([]string, len(items))
	for i, it := range items {
		quoted[i] = quoteYAML(it)
		if strings.ContainsAny(quoted[i], ",[]{}") && !strings.HasPrefix(quoted[i], `"`) {
			quoted[i] = jsonQuote(it)
		}
	}
	w.scalar(level, key, "["+strings.Join(quoted, ", ")+"]")
}

// plainSafe reports whether YAML reads s back as the same string without
// quotes: it starts with a letter or digit and holds no character YAML
// gives a meaning to in a plain scalar. A loop, not an expression: every
// string of a file is written through it when a file is saved or checked.
func plainSafe(s string) bool {
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			continue
		}
		if i == 0 || !strings.ContainsRune(" .,;'’“”()/&%€$+=—–@§_-", r) {
			return false
		}
	}
	return s != ""
}

// looksTyped matches plain text YAML would read as something else: a
// number, a boolean, a null, a date or a time.
var looksTyped = fastre.MustCompile(`(?i)^([-+]?[0-9][0-9_.,:eE+-]*|true|false|yes|no|on|off|y|n|null|~|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)$`)

func quoteYAML(s string) string {
	if plainSafe(s) && !looksTyped.MatchString(s) && !strings.HasSuffix(s, " ") {
		return s
	}
	return jsonQuote(s)
}

// jsonQuote writes s as a double-quoted scalar; JSON strings are valid YAML.
func jsonQuote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
