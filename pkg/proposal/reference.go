package proposal

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"text/template"
)

//go:embed reference.md.tmpl
var referenceTemplate string

var reference = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("reference").Funcs(template.FuncMap{
		"keys":  keyList,
		"kind":  kindWords,
		"depth": func(f *Field) int { return strings.Count(strings.ReplaceAll(f.Path, "[]", ""), ".") },
	}).Parse(referenceTemplate))
})

// Reference returns the documentation of the file format in Markdown, made
// from the field declarations: a table of the sections (the README's) and
// a reference entry for every field (docs/file-format.md).
func Reference(part string) []byte {
	var b bytes.Buffer
	if err := reference().ExecuteTemplate(&b, part, struct {
		Top, All, Log []*Field
		Version       int
	}{root().Fields, Fields(), LogFields(), Version}); err != nil {
		panic("proposal: reference: " + err.Error())
	}
	return b.Bytes()
}

// keyList names the keys of a section, each with the keys inside it:
// "`type`, `core_hours` (`start`, `end`)".
func keyList(f *Field) string {
	var parts []string
	for _, c := range f.Fields {
		s := "`" + c.Key + "`"
		if len(c.Fields) > 0 {
			s += " (" + keyList(c) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// kindWords says what a field's value is, for people.
func kindWords(f *Field) string {
	switch f.Kind {
	case KindNumber:
		return "a whole number"
	case KindDate:
		return "a date, YYYY-MM-DD"
	case KindClock:
		return `a time, "HH:MM" on a 24-hour clock, in quotes`
	case KindDays:
		return "a list of weekdays: monday to friday, or mon to fri, in any case; or in the language of the documents (montag, lundi, lunes, maandag)"
	case KindTexts:
		return fmt.Sprintf("a list of text, one item a line, at most %d items of at most %d characters", f.MaxCount(), f.MaxLength())
	case KindSection:
		return "a section"
	case KindItems:
		return fmt.Sprintf("a list of sections, at most %d", f.MaxCount())
	}
	if len(f.Choices) > 0 {
		return "one of the choices below"
	}
	return fmt.Sprintf("text, at most %d characters", f.MaxLength())
}
