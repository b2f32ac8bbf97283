package proposal

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/propose-cli/propose/pkg/fastre"
)

// Kind is the shape a field's value takes in the file.
type Kind int

// The kinds of field.
const (
	KindText    Kind = iota // one line of text
	KindNumber              // a whole number
	KindDate                // a date, YYYY-MM-DD
	KindClock               // a time of day, "HH:MM"
	KindDays                // a list of weekdays
	KindTexts               // a list of lines of text
	KindSection             // a section of keys
	KindItems               // a list of sections
)

// Field is one field of the file format. The declared part sits next to
// the Go type, in its declare method; the rest is read off the struct and
// its tags. Everything that documents, asks for, checks or writes a field
// reads it from here: the loader's hints, validation messages, the file
// writer, the wizard, the JSON Schema and the documentation.
type Field struct {
	// Declared.
	Doc      string   // what the field holds, in a sentence, for the docs and the schema
	Ask      string   // the wizard's question
	Help     string   // a line under the question: why it matters
	Example  string   // a typical value: the wizard shows it as "for example", never as an answer
	Suggest  string   // the wizard's proposed answer, kept when the user presses Enter
	Default  string   // what a file that leaves the field out gets, as a value or in words
	Fix      string   // how to fill the field when it is missing
	Range    string   // for a number: the message when it is out of range; %v is the number
	RangeFix string   // and how to fix that
	Choices  []Choice // the values the field allows, each with what it means
	None     string   // for an optional choice: how the wizard offers choosing none
	Item     string   // for a list of sections: what one item is called, such as "success metric"
	Flow     bool     // a list written on one line as [a, b], and asked for separated by commas
	MaxLen   int      // for text: the most characters it (or each item of a list) may have; 0 means MaxTextLen
	MaxItems int      // for a list: the most items it may have; 0 means MaxListItems

	// Read off the type and its tags.
	Path     string   // such as "trial.metrics[].name"; a list's items are written []
	Key      string   // the YAML key
	Kind     Kind     // the shape of the value
	Required bool     // the rules require it whenever its section is there
	Private  bool     // under private:, or declared so: it reaches the prep sheet only
	Min, Max int      // for numbers, the range the rules allow; 0 when open
	Parent   *Field   // the section or list the field is in; nil at the top level
	Fields   []*Field // the fields of a section, or of each item of a list of sections

	at   any    // in a declaration: a pointer to the field it declares
	rule string // a rule on the value's form: email, url or evidence_id
	// without names the Go field whose absence makes this one required
	// (required_without), such as ID for an evidence item's finding.
	without string
	index   int          // the index of the Go struct field in its struct
	typ     reflect.Type // the Go type of the field
}

// Choice is one value a field allows.
type Choice struct {
	Value string // as written in the file
	Label string // what it means, for people choosing
}

// declarer is a model type that declares its fields.
type declarer interface{ declare() []Field }

// model is the field tree, built on first use: a command that reads no
// proposal (propose version) does not pay for it.
type model struct {
	root   *Field
	byPath map[string]*Field
	all    []*Field
	homes  map[string][]string // every key, with the sections it may appear in (list items without [])
}

// newModel builds the field tree of a file format whose whole file is t.
func newModel(t reflect.Type) *model {
	r := &Field{Kind: KindSection, typ: t}
	r.Fields = children(r, "", false)
	m := &model{root: r, byPath: map[string]*Field{}, all: flatten(r), homes: map[string][]string{}}
	for _, f := range m.all {
		m.byPath[f.Path] = f
		parent := ""
		if f.Parent != nil {
			parent = strings.ReplaceAll(f.Parent.Path, "[]", "")
		}
		m.homes[f.Key] = append(m.homes[f.Key], parent)
	}
	return m
}

var theModel = sync.OnceValue(func() *model { return newModel(reflect.TypeOf(Proposal{})) })

// root is the field of the whole file: its Fields are the top level.
func root() *Field { return theModel().root }

// Fields returns every field of the file format, sections before the
// fields inside them, in the order the file writes them.
func Fields() []*Field { return theModel().all }

// Lookup returns the field at path. path may name list items by index
// ("trial.metrics[1].name") or generically ("trial.metrics[].name" or
// "trial.metrics[*].name"); an item of a list ("benefits[2]",
// "trial.metrics[0]") is found as its list.
func Lookup(path string) (*Field, bool) { return theModel().lookup(path) }

// LookupLog is Lookup for the trial log's fields.
func LookupLog(path string) (*Field, bool) { return logModel().lookup(path) }

func (m *model) lookup(path string) (*Field, bool) {
	g := GenericPath(path)
	byPath := m.byPath
	f, ok := byPath[g]
	if !ok && strings.HasSuffix(g, "[]") {
		if f, ok = byPath[strings.TrimSuffix(g, "[]")]; ok && !f.IsList() {
			return nil, false
		}
	}
	return f, ok
}

// MustLookupLog is LookupLog for paths written in code, which must exist.
func MustLookupLog(path string) *Field {
	f, ok := LookupLog(path)
	if !ok {
		panic("no log field " + path)
	}
	return f
}

// MustLookup is Lookup for paths written in code, which must exist.
func MustLookup(path string) *Field {
	f, ok := Lookup(path)
	if !ok {
		panic("proposal: no field " + path)
	}
	return f
}

var indexRE = fastre.MustCompile(`\[(\d+|\*)?\]`)

// GenericPath writes every list index of path as [].
func GenericPath(path string) string { return indexRE.ReplaceAllString(path, "[]") }

// Child returns the field of a section or list item with the given key.
func (f *Field) Child(key string) (*Field, bool) {
	for _, c := range f.Fields {
		if c.Key == key {
			return c, true
		}
	}
	return nil, false
}

// IsList reports whether the field holds a list: of text, of days or of
// sections.
func (f *Field) IsList() bool {
	return f.Kind == KindTexts || f.Kind == KindDays || f.Kind == KindItems
}

// ChoiceValues returns the values of f.Choices.
func (f *Field) ChoiceValues() []string {
	var out []string
	for _, c := range f.Choices {
		out = append(out, c.Value)
	}
	return out
}

// itemType is the struct type of a section, or of a list's items.
func (f *Field) itemType() reflect.Type {
	t := f.typ
	if t == nil {
		return nil
	}
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	return t
}

// Section returns the top-level section the field is in (itself at the
// top level).
func (f *Field) Section() *Field {
	for f.Parent != nil {
		f = f.Parent
	}
	return f
}

var (
	typDate    = reflect.TypeOf(Date{})
	typClock   = reflect.TypeOf(Clock{})
	typWeekday = reflect.TypeOf(Weekday(0))
)

func kindOf(t reflect.Type) Kind {
	switch {
	case t == typDate:
		return KindDate
	case t == typClock:
		return KindClock
	case t.Kind() == reflect.String:
		return KindText
	case t.Kind() == reflect.Int:
		return KindNumber
	case t.Kind() == reflect.Slice && t.Elem() == typWeekday:
		return KindDays
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return KindTexts
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		return KindItems
	case t.Kind() == reflect.Struct:
		return KindSection
	}
	panic(fmt.Sprintf("proposal: no kind for %s", t))
}

// children builds the fields of the struct behind parent (a section, or
// the items of a list).
func children(parent *Field, path string, private bool) []*Field {
	t := parent.typ
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	decls := declarations(t)
	var out []*Field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name := yamlName(sf)
		if name == "" {
			continue
		}
		f := new(Field)
		*f = decls[i] // the declaration, or the zero Field
		f.at = nil
		f.Key, f.index, f.typ = name, i, sf.Type
		f.Path = joinPath(path, name)
		f.Kind = kindOf(sf.Type)
		if parent.Path != "" || parent.Key != "" {
			f.Parent = parent
		}
		// A field is private under private:, or where its declaration
		// says so (what was said, kept for the prep sheet).
		f.Private = f.Private || private || (path == "" && name == "private")
		applyRules(f, sf.Tag.Get("validate"))
		switch f.Kind {
		case KindSection:
			f.Fields = children(f, f.Path, f.Private)
		case KindItems:
			f.Fields = children(f, f.Path+"[]", f.Private)
		}
		out = append(out, f)
	}
	return out
}

// declarations maps the index of each declared struct field of t to its
// declaration. A declaration that points at no field of t is a mistake in
// the model, caught the first time the package is used.
func declarations(t reflect.Type) map[int]Field {
	v := reflect.New(t)
	d, ok := v.Interface().(declarer)
	if !ok {
		return nil
	}
	out := map[int]Field{}
	for _, decl := range d.declare() {
		ptr := reflect.ValueOf(decl.at)
		found := false
		for i := 0; i < t.NumField(); i++ {
			fv := v.Elem().Field(i).Addr()
			if fv.Pointer() == ptr.Pointer() && fv.Type() == ptr.Type() {
				if _, dup := out[i]; dup {
					panic(fmt.Sprintf("proposal: %s.%s is declared twice", t.Name(), t.Field(i).Name))
				}
				out[i] = decl
				found = true
				break
			}
		}
		if !found {
			panic(fmt.Sprintf("proposal: a declaration of %s points at no field of it", t.Name()))
		}
	}
	return out
}

// applyRules reads what the validate tag says about the field, and checks
// that the rule's choices are the declared ones.
func applyRules(f *Field, tag string) {
	for _, rule := range strings.Split(tag, ",") {
		name, param, _ := strings.Cut(rule, "=")
		switch name {
		case "dive":
			return // the rules after dive are the items' rules
		case "required":
			f.Required = true
		case "min":
			f.Min, _ = strconv.Atoi(param)
		case "max":
			f.Max, _ = strconv.Atoi(param)
		case "required_without":
			f.without = param
		case "email", "url", "evidence_id", "colour":
			f.rule = name
		case "oneof":
			if !slices.Equal(strings.Fields(param), f.ChoiceValues()) {
				panic(fmt.Sprintf("proposal: %s allows %s but declares the choices %v", f.Path, param, f.ChoiceValues()))
			}
		}
	}
}

func flatten(r *Field) []*Field {
	var out []*Field
	var walk func(fs []*Field)
	walk = func(fs []*Field) {
		for _, f := range fs {
			out = append(out, f)
			walk(f.Fields)
		}
	}
	walk(r.Fields)
	return out
}

// ---- Values by path ----

// segment is one step of a path: a key, or a list index.
type segment struct {
	key   string
	index int // -1 for a key
}

func parsePath(path string) ([]segment, error) {
	var out []segment
	for path != "" {
		switch {
		case path[0] == '.':
			path = path[1:]
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return nil, fmt.Errorf("path %q: unclosed [", path)
			}
			n, err := strconv.Atoi(path[1:end])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("path %q: %q is not a list index", path, path[1:end])
			}
			out = append(out, segment{index: n})
			path = path[end+1:]
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			out = append(out, segment{key: path[:end], index: -1})
			path = path[end:]
		}
	}
	return out, nil
}

// value returns the value at a path such as "trial.metrics[1].name" and
// its field. With grow, list items up to the index are made; without, a
// missing item gives ok false.
func (p *Proposal) value(path string, grow bool) (v reflect.Value, f *Field, ok bool) {
	segs, err := parsePath(path)
	if err != nil || len(segs) == 0 {
		return reflect.Value{}, nil, false
	}
	v, f = reflect.ValueOf(p).Elem(), root()
	for _, s := range segs {
		if s.index < 0 {
			c, found := f.Child(s.key)
			if !found || (f.Kind != KindSection && f.Kind != KindItems) {
				return reflect.Value{}, nil, false
			}
			if v.Kind() == reflect.Slice {
				return reflect.Value{}, nil, false // a key needs an index first
			}
			v, f = v.Field(c.index), c
			continue
		}
		if v.Kind() != reflect.Slice {
			return reflect.Value{}, nil, false
		}
		if s.index >= v.Len() {
			if !grow {
				return reflect.Value{}, nil, false
			}
			n := reflect.MakeSlice(v.Type(), s.index+1, s.index+1)
			reflect.Copy(n, v)
			v.Set(n)
		}
		v = v.Index(s.index)
	}
	return v, f, true
}

// Text returns the value at path as the file writes it, or "" when it is
// unset or not there. A list of text or days is joined with ", ".
func (p *Proposal) Text(path string) string {
	v, f, ok := p.value(path, false)
	if !ok {
		return ""
	}
	if v.Kind() == reflect.Slice && (f.Kind == KindTexts || f.Kind == KindDays) {
		return strings.Join(p.List(path), ", ")
	}
	return scalarString(v)
}

func scalarString(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case Date:
		return x.String()
	case Clock:
		return x.String()
	case Weekday:
		return x.Key()
	}
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	}
	return ""
}

// List returns the items of a list of text or days at path (days by their
// keys, such as "monday").
func (p *Proposal) List(path string) []string {
	v, _, ok := p.value(path, false)
	if !ok || v.Kind() != reflect.Slice {
		return nil
	}
	return listStrings(v)
}

// Len returns the number of items of the list at path.
func (p *Proposal) Len(path string) int {
	v, _, ok := p.value(path, false)
	if !ok || v.Kind() != reflect.Slice {
		return 0
	}
	return v.Len()
}

// Truncate keeps the first n items of the list at path.
func (p *Proposal) Truncate(path string, n int) {
	v, _, ok := p.value(path, false)
	if ok && v.Kind() == reflect.Slice && n < v.Len() {
		if n == 0 {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		v.Set(v.Slice(0, n))
	}
}

// Clear empties the field at path: a section or list item loses every
// value, a list its items.
func (p *Proposal) Clear(path string) {
	if v, _, ok := p.value(path, false); ok {
		v.Set(reflect.Zero(v.Type()))
	}
}

// IsEmpty reports whether the field at path holds nothing.
func (p *Proposal) IsEmpty(path string) bool {
	v, _, ok := p.value(path, false)
	return !ok || isEmptyValue(v)
}

func isEmptyValue(v reflect.Value) bool {
	switch x := v.Interface().(type) {
	case Date:
		return x.IsZero()
	case Clock:
		return !x.Set
	}
	switch v.Kind() {
	case reflect.Slice:
		if !v.IsNil() && v.Len() == 0 && v.Type().Elem().Kind() == reflect.String {
			return false // written as [] on purpose: none, rather than the default
		}
		for i := 0; i < v.Len(); i++ {
			if !isEmptyValue(v.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if yamlName(v.Type().Field(i)) != "" && !isEmptyValue(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

// SetText sets the value at path from text, read as the file would read
// it: a number, a date, a time, or, for a list, items separated by commas.
// Empty text clears the field. List items up to the index are made. An
// error says what is wrong with the text and how to write it.
func (p *Proposal) SetText(path, text string) error {
	v, f, ok := p.value(path, true)
	if !ok {
		return fmt.Errorf("set %s: no such field", path)
	}
	text = strings.TrimSpace(text)
	if v.Kind() == reflect.Slice && (f.Kind == KindTexts || f.Kind == KindDays) {
		return p.SetList(path, strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' }))
	}
	return setScalar(v, text)
}

func setScalar(v reflect.Value, text string) error {
	if text == "" {
		v.Set(reflect.Zero(v.Type()))
		return nil
	}
	if u, ok := v.Addr().Interface().(encoding.TextUnmarshaler); ok {
		return u.UnmarshalText([]byte(text))
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(text)
		return nil
	case reflect.Int:
		n, err := strconv.Atoi(text)
		if err != nil {
			return &valueError{fmt.Sprintf("%q is not a whole number", text), "write digits only, for example 60"}
		}
		v.SetInt(int64(n))
		return nil
	}
	return fmt.Errorf("cannot set a %s from text", v.Type())
}

// SetList sets the list of text or days at path; empty items are dropped.
func (p *Proposal) SetList(path string, items []string) error {
	v, _, ok := p.value(path, true)
	if !ok || v.Kind() != reflect.Slice {
		return fmt.Errorf("set %s: not a list", path)
	}
	var clean []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			clean = append(clean, it)
		}
	}
	if len(clean) == 0 {
		v.Set(reflect.Zero(v.Type()))
		return nil
	}
	s := reflect.MakeSlice(v.Type(), len(clean), len(clean))
	for i, it := range clean {
		if err := setScalar(s.Index(i), it); err != nil {
			return err
		}
	}
	v.Set(s)
	return nil
}

// SetNone empties the list at path on purpose: the file then says
// `key: []`, and a list with a default keeps none rather than taking it.
func (p *Proposal) SetNone(path string) error {
	v, _, ok := p.value(path, true)
	if !ok || v.Kind() != reflect.Slice {
		return fmt.Errorf("set %s: not a list", path)
	}
	v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	return nil
}

// Clone returns a deep copy of the proposal: changing the copy's lists
// leaves the original's alone.
func (p *Proposal) Clone() *Proposal {
	c := reflect.New(reflect.TypeOf(*p))
	deepCopy(c.Elem(), reflect.ValueOf(p).Elem())
	return c.Interface().(*Proposal)
}

func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			deepCopy(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Struct:
		if src.Type() == typDate || src.Type() == typClock {
			dst.Set(src) // values: Date's field is unexported, and shares nothing
			return
		}
		for i := 0; i < src.NumField(); i++ {
			if dst.Field(i).CanSet() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}

// walkValues calls fn for each field of the file format that holds a
// value in p, with its concrete path, in file order.
func (p *Proposal) walkValues(fn func(path string, f *Field, v reflect.Value)) {
	walkTree(root().Fields, reflect.ValueOf(p).Elem(), fn)
}

// walkTree calls fn for every field of the tree fs over the value v, items
// of lists included, with each one's path.
func walkTree(fs []*Field, v reflect.Value, fn func(path string, f *Field, v reflect.Value)) {
	var walk func(fs []*Field, v reflect.Value, path string)
	walk = func(fs []*Field, v reflect.Value, path string) {
		for _, f := range fs {
			fv := v.Field(f.index)
			fp := joinPath(path, f.Key)
			fn(fp, f, fv)
			switch f.Kind {
			case KindSection:
				walk(f.Fields, fv, fp)
			case KindItems:
				for i := 0; i < fv.Len(); i++ {
					walk(f.Fields, fv.Index(i), fmt.Sprintf("%s[%d]", fp, i))
				}
			}
		}
	}
	walk(fs, v, "")
}

// MaxTextLen is the most characters a text, or an item of a list of texts,
// may have where its field declares no MaxLen: a few paragraphs, more
// than any document prints in one place.
const MaxTextLen = 2000

// MaxLength is the most characters the field's text, or each item of its
// list, may have; 0 for a field that is not text.
func (f *Field) MaxLength() int {
	switch {
	case f.Kind != KindText && f.Kind != KindTexts:
		return 0
	case f.MaxLen > 0:
		return f.MaxLen
	}
	return MaxTextLen
}

// MaxListItems is the most items a list may have where its field declares
// no MaxItems: far more than a proposal shows (it keeps to four pages).
const MaxListItems = 50

// MaxCount is the most items the field's list may have; 0 for a field
// that is not a list.
func (f *Field) MaxCount() int {
	switch {
	case f.Kind != KindTexts && f.Kind != KindItems && f.Kind != KindDays:
		return 0
	case f.MaxItems > 0:
		return f.MaxItems
	}
	return MaxListItems
}
