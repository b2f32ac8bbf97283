package proposal

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/propose-cli/propose/pkg/evidence"
)

// Schema returns the JSON Schema (draft 2020-12) of the file format, made
// from the field declarations: every key with its documentation, the
// values it allows, what it requires, and the shape of dates and times.
// Editors use it to complete and document keys; `propose schema` prints it.
func Schema() []byte {
	s := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", SchemaURL},
		{"description", fmt.Sprintf("A propose proposal file, version %d: a request for remote or hybrid work, "+
			"read by `propose render`. Keys are snake_case; a section you leave out is left out of the documents.", Version)},
	}
	s = append(s, sectionSchema(root())...)
	return encodeSchema(s)
}

// LogSchemaURL is where editors find the JSON Schema of the trial log.
const LogSchemaURL = "https://raw.githubusercontent.com/propose-cli/propose/main/schema/log.schema.json"

// LogSchema returns the JSON Schema of the trial log, as Schema does for
// the proposal.
func LogSchema() []byte {
	s := obj{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", LogSchemaURL},
		{"description", fmt.Sprintf("A propose trial log, version %d: one entry a week of a trial, read by `propose status` and `propose review`.", Version)},
	}
	s = append(s, sectionSchema(logModel().root)...)
	return encodeSchema(s)
}

// The patterns the schema shares with the loader and the rules, so an
// editor refuses what `propose validate` refuses. Each is written in the
// syntax both RE2 and ECMAScript read.
const (
	// datePattern is a date from MinYear to MaxYear.
	datePattern = `^(19[7-9]\d|20\d\d|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`
	// webAddressPattern is an http or https address with nothing that could
	// end a link early.
	webAddressPattern = `^[hH][tT][tT][pP][sS]?://[^\s<>"` + "`" + `]+$`
	// colourPattern is an accent colour.
	colourPattern = `^#[0-9A-Fa-f]{6}$`
)

// textPattern is the schema of a text's characters: none of refusedRunes,
// and when the text is required, not blank either.
func textPattern(required bool) obj {
	var class strings.Builder
	for _, r := range refusedRunes {
		class.WriteRune(r.lo)
		if r.hi != r.lo {
			class.WriteByte('-')
			class.WriteRune(r.hi)
		}
	}
	c := class.String()
	if required {
		return obj{{"pattern", "^[^" + c + "]*[^" + c + `\s][^` + c + "]*$"},
			{"patternErrorMessage", "write the text, without control or invisible characters"}}
	}
	return obj{{"pattern", "^[^" + c + "]*$"},
		{"patternErrorMessage", "delete the control or invisible character; if it came from a copy and paste, type that part again"}}
}

func encodeSchema(s obj) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(fmt.Sprintf("proposal: schema: %v", err))
	}
	// Characters that print as nothing are written as \u escapes, so the
	// schema file itself holds none.
	var out bytes.Buffer
	for _, r := range b.String() {
		if r >= 0x7f && refusedRune(r) != nil {
			fmt.Fprintf(&out, `\u%04x`, r)
			continue
		}
		out.WriteRune(r)
	}
	return out.Bytes()
}

// obj is a JSON object that keeps its keys in the order given.
type obj []kv

type kv struct {
	k string
	v any
}

// MarshalJSON writes the keys in order.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(e.k)
		if err != nil {
			return nil, err
		}
		v, err := marshalNoEscape(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// sectionSchema is the schema of a section's keys, or of a list item's.
func sectionSchema(f *Field) obj {
	var props obj
	var required []string
	for _, c := range f.Fields {
		props = append(props, kv{c.Key, fieldSchema(c)})
		if needed(c) {
			required = append(required, c.Key)
		}
	}
	s := obj{{"type", "object"}, {"additionalProperties", false}, {"properties", props}}
	if len(required) > 0 {
		s = append(s, kv{"required", required})
	}
	// Keys required only without another (an evidence item's finding and
	// source, without an id): one or the other.
	alt, with := "", []string(nil)
	for _, c := range f.Fields {
		if sf, ok := f.itemType().FieldByName(c.without); c.without != "" && ok {
			alt, with = yamlName(sf), append(with, c.Key)
		}
	}
	if alt != "" {
		s = append(s, kv{"anyOf", []any{obj{{"required", []string{alt}}}, obj{{"required", with}}}})
	}
	return s
}

// needed reports whether a file must give the field: it is required, or a
// section with a required key.
func needed(f *Field) bool {
	if f.Required {
		return true
	}
	if f.Kind == KindSection {
		for _, c := range f.Fields {
			if c.Required {
				return true
			}
		}
	}
	return false
}

// weekdayPattern matches a weekday written any way the loader reads it.
var weekdayPattern = sync.OnceValue(func() string {
	var names []string
	for n, d := range weekdayNames() {
		if d >= 1 && d <= 5 {
			names = append(names, n)
		}
	}
	// Longest first, so "thursday" is not read as "thu" and a rest.
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	var alts []string
	for _, n := range names {
		var b strings.Builder
		for _, r := range n {
			fmt.Fprintf(&b, "[%c%c]", r, unicode.ToUpper(r))
		}
		alts = append(alts, b.String())
	}
	return `^\s*(` + strings.Join(alts, "|") + `)\.?\s*$`
})

// fieldSchema is the schema of one field.
func fieldSchema(f *Field) obj {
	// The title heads the editor's hover; the path says where the key is.
	s := obj{{"title", f.Path}, {"description", describe(f)}}
	optional := !needed(f)
	withNull := func(types ...string) any {
		if optional {
			types = append(types, "null")
		}
		if len(types) == 1 {
			return types[0]
		}
		return types
	}
	switch f.Kind {
	case KindText:
		switch {
		case len(f.Choices) > 0:
			// No null among the values: editors would offer it as a choice.
			var values, docs []string
			for _, c := range f.Choices {
				values = append(values, c.Value)
				docs = append(docs, c.Label)
			}
			s = append(s, kv{"enum", values}, kv{"markdownEnumDescriptions", docs})
		case f.rule == "evidence_id":
			s = append(s, kv{"type", withNull("string")}, kv{"enum", evidenceIDs()})
		case f.rule == "email":
			s = append(s, kv{"type", withNull("string")}, kv{"format", "email"})
		case f.rule == "url":
			s = append(s, kv{"type", withNull("string")}, kv{"format", "uri"}, kv{"pattern", webAddressPattern},
				kv{"patternErrorMessage", "write the web address in full, starting with https://, with no spaces or angle brackets"})
		case f.rule == "colour":
			s = append(s, kv{"type", withNull("string")}, kv{"pattern", colourPattern},
				kv{"patternErrorMessage", "write # and six hexadecimal digits, in quotes"})
		default:
			// A number is read as text: `baseline: 37` is the text "37".
			s = append(s, kv{"type", withNull("string", "number")})
			s = append(s, textPattern(f.Required)...)
			s = append(s, kv{"maxLength", f.MaxLength()})
		}
	case KindNumber:
		if f.Path == "version" {
			s = append(s, kv{"type", "integer"}, kv{"enum", []int{Version}})
			break
		}
		s = append(s, kv{"type", withNull("integer")})
		if f.Min > 0 {
			s = append(s, kv{"minimum", f.Min})
		}
		if f.Max > 0 {
			s = append(s, kv{"maximum", f.Max})
		}
	case KindDate:
		s = append(s, kv{"type", withNull("string")}, kv{"format", "date"}, kv{"pattern", datePattern},
			kv{"patternErrorMessage", fmt.Sprintf("write the date as YYYY-MM-DD, from %d to %d", MinYear, MaxYear)})
	case KindClock:
		s = append(s, kv{"type", withNull("string")}, kv{"pattern", `^\s*([01]\d|2[0-3]):[0-5]\d\s*$`})
	case KindDays:
		s = append(s, kv{"type", withNull("array")}, kv{"uniqueItems", true}, kv{"items", obj{{"anyOf", []any{
			obj{{"enum", []string{"monday", "tuesday", "wednesday", "thursday", "friday"}}},
			obj{{"type", "string"}, {"pattern", weekdayPattern()}},
		}}}})
	case KindTexts:
		// Every list of texts refuses an empty item (dive,required).
		s = append(s, kv{"type", withNull("array")}, kv{"maxItems", f.MaxCount()}, kv{"items", append(append(obj{{"type", []string{"string", "number"}}}, textPattern(true)...), kv{"maxLength", f.MaxLength()})})
	case KindSection:
		sec := sectionSchema(f)
		if optional {
			sec[0] = kv{"type", []string{"object", "null"}}
		}
		s = append(s, sec...)
	case KindItems:
		item := sectionSchema(f)
		var items any = item
		if reflect.PointerTo(f.typ.Elem()).Implements(reflect.TypeOf((*shortForm)(nil)).Elem()) {
			// An item may be written as its short form: a library id.
			items = obj{{"anyOf", []any{obj{{"type", "string"}, {"enum", evidenceIDs()}}, item}}}
		}
		s = append(s, kv{"type", withNull("array")}, kv{"maxItems", f.MaxCount()}, kv{"items", items})
	}
	if f.Example != "" {
		s = append(s, kv{"examples", []any{exampleValue(f)}})
	}
	if f.Kind == KindNumber && f.Default != "" {
		var n int
		if _, err := fmt.Sscan(f.Default, &n); err == nil {
			s = append(s, kv{"default", n})
		}
	} else if f.Kind == KindText && len(f.Choices) > 0 && f.Default != "" {
		s = append(s, kv{"default", f.Default})
	}
	return s
}

// describe is the field's documentation as editors show it: its sentence
// and what leaving it out gives. Choices are explained beside the values.
func describe(f *Field) string {
	d := f.Doc
	if f.Default != "" {
		d += " Default: " + f.Default + "."
	}
	return d
}

func exampleValue(f *Field) any {
	switch f.Kind {
	case KindNumber:
		var n int
		if _, err := fmt.Sscan(f.Example, &n); err == nil {
			return n
		}
	case KindTexts, KindDays:
		return []string{f.Example}
	}
	return f.Example
}

func evidenceIDs() []string { return evidence.IDs(evidence.Supporting) }
