// Package document executes the embedded templates into the Markdown of
// each document.
//
// Manager-facing documents are rendered by Render from a *view.Public,
// which has no field for a private answer; only RenderPrep takes the
// private view. That split is what keeps the employee's leverage and
// motivation out of anything the manager sees.
//
// The package functions use the built-in templates. A Set made by New with
// WithTemplates replaces some of them by the user's own files, file by
// file; its methods keep the same split of views, so a replaced
// manager-facing template cannot print a private answer either.
package document

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/view"
	"github.com/propose-cli/propose/templates"
)

// Kind names a manager-facing document.
type Kind string

// The manager-facing documents.
const (
	Proposal Kind = "proposal"
	OnePager Kind = "one-pager"
)

// Email is the cover email's body. It is manager-facing, so it is rendered
// from the public view like the documents, but it is not a document of its
// own: Kinds does not list it.
const Email Kind = "email"

// Kinds lists the manager-facing documents in the order they are written.
var Kinds = []Kind{Proposal, OnePager}

// prepName is the template of the prep sheet, which only RenderPrep executes.
const prepName = "prep"

// statusName is the template of the weekly status note.
const statusName = "status"

// reviewName is the template of the review report.
const reviewName = "review"

// reviewPrepName is the template of the private review prep sheet.
const reviewPrepName = "review-prep"

// agreementName is the template of the agreement after an approval.
const agreementName = "agreement"

// allKinds are every template, in the order Names lists their files.
var allKinds = append(append([]Kind(nil), Kinds...), Email, prepName, statusName, reviewName, reviewPrepName, agreementName)

// privateKinds are the templates executed with a view that holds private
// answers.
var privateKinds = map[Kind]bool{prepName: true, reviewPrepName: true}

// FileName returns the file name of a template, such as "proposal.md.tmpl".
func FileName(k Kind) string { return string(k) + ".md.tmpl" }

// Names returns the file name of every template, in a fixed order.
func Names() []string {
	var out []string
	for _, k := range allKinds {
		out = append(out, FileName(k))
	}
	return out
}

// Builtin returns the text of the built-in English template with the file
// name name, and whether there is one.
func Builtin(name string) ([]byte, bool) { return builtinIn("en", name) }

// builtinIn returns the text of the built-in template with the file name
// name in the language folder folder ("en", "de"), and whether there is
// one.
func builtinIn(folder, name string) ([]byte, bool) {
	b, err := fs.ReadFile(templates.FS, path.Join(folder, name))
	return b, err == nil
}

// Set is the templates documents are made from: the built-in ones, each
// possibly replaced by a file from an override folder. A Set is safe for
// concurrent use.
type Set struct {
	mu    sync.Mutex
	ts    map[string]*template.Template // parsed so far, by language folder and kind: "de/proposal"
	from  map[Kind]string               // where each replaced template was read, for errors
	fsys  fs.FS                         // the override folder; nil for none
	label string
}

// MaxTemplateSize is the largest template file propose reads, in bytes.
const MaxTemplateSize = 256 << 10

// Option changes the templates a Set is made of.
type Option func(*config)

type config struct {
	fsys  fs.FS
	label string // how errors name the override folder
}

// WithTemplates replaces built-in templates by the files of the same name
// in fsys, file by file; a template fsys does not hold stays the built-in
// one. A file in fsys named like a template ("*.md.tmpl") that propose
// does not know is an error, so a misspelt name does not pass unnoticed.
func WithTemplates(fsys fs.FS) Option {
	return func(c *config) { c.fsys = fsys }
}

// WithTemplatesDir is WithTemplates for the folder dir; errors name the
// files in it by their path.
func WithTemplatesDir(dir string) Option {
	return func(c *config) { c.fsys, c.label = os.DirFS(dir), dir }
}

// New parses the templates: the built-in ones, replaced as the options say.
func New(opts ...Option) (*Set, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.fsys != nil {
		if err := unknownFiles(c.fsys, c.label); err != nil {
			return nil, err
		}
	}
	s := &Set{ts: map[string]*template.Template{}, from: map[Kind]string{}, fsys: c.fsys, label: c.label}
	if c.fsys == nil {
		return s, nil // a built-in template is parsed when first used (template)
	}
	for _, k := range allKinds {
		name := FileName(k)
		if fi, err := fs.Lstat(c.fsys, name); err == nil {
			shown := name
			if c.label != "" {
				shown = filepath.Join(c.label, name)
			}
			// A template is a small text file: a link, a named pipe or a
			// device in its place would read another file, wait for ever
			// or never end.
			switch {
			case fi.Mode()&fs.ModeSymlink != 0:
				return nil, fmt.Errorf("template %s is a link; propose reads only regular files in a templates folder (copy the file in its place)", shown)
			case !fi.Mode().IsRegular():
				return nil, fmt.Errorf("template %s is not a regular file (replace it with the template's text, or remove it)", shown)
			case fi.Size() > MaxTemplateSize:
				return nil, fmt.Errorf("template %s is %d KB; a template may be at most %d KB (the built-in ones are under 20 KB)", shown, fi.Size()>>10, MaxTemplateSize>>10)
			}
			s.from[k] = shown
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read template %s: %w", name, err)
		}
	}
	// A replaced template is parsed now, so a mistake in it is found
	// whichever document is asked for.
	for k := range s.from {
		if _, err := s.template(k, view.LangOf("en-US")); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// parseTemplate parses the document template file from fsys into a copy
// of the language l's phrases, which it may call, with l's functions.
func parseTemplate(fsys fs.FS, file, shown string, l *view.Lang) (*template.Template, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("parse template %s: %w", shown, err)
	}
	if !utf8.Valid(src) {
		line := bytes.Count(src[:invalidAt(src)], []byte("\n")) + 1
		return nil, &TemplateError{Doc: "templates", File: shown, Line: line, Msg: "the file is not UTF-8 text (save it as UTF-8)"}
	}
	phrases, err := l.Phrases()
	if err != nil {
		return nil, fmt.Errorf("parse phrases of %s: %w", l.Folder, err)
	}
	t, err := phrases.New(path.Base(file)).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, &TemplateError{Doc: "templates", File: shown, Line: errLine(err), Msg: errText(err)}
	}
	return t, nil
}

// invalidAt is the offset of the first byte of src that is not UTF-8.
func invalidAt(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// templateLine reads the line out of text/template's errors:
// "template: NAME:LINE:COL: …" or "template: NAME:LINE: …".
var templateLine = regexp.MustCompile(`^template: [^:]+:(\d+):(?:\d+:)? ?(.*)$`)

func errLine(err error) int {
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// errText is text/template's error without its "template: NAME:LINE:"
// prefix, which TemplateError says its own way.
func errText(err error) string {
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		return m[2]
	}
	return err.Error()
}

// template returns the template of kind in the language l's folder, parsing
// it the first time it is asked for: a command parses only what it
// renders. A template the user replaced is theirs in every language.
func (s *Set) template(kind Kind, l *view.Lang) (*template.Template, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := l.Folder + "/" + string(kind)
	if t, ok := s.ts[key]; ok {
		return t, nil
	}
	if !slices.Contains(allKinds, kind) {
		return nil, fmt.Errorf("render %s: no such document", kind)
	}
	var (
		t   *template.Template
		err error
	)
	if shown, ok := s.from[kind]; ok {
		t, err = parseTemplate(s.fsys, FileName(kind), shown, l)
	} else {
		t, err = parseTemplate(TemplatesFS, path.Join(l.Folder, FileName(kind)), FileName(kind), l)
	}
	if err != nil {
		return nil, err
	}
	s.ts[key] = t
	return t, nil
}

// TemplatesFS is where the built-in templates are read, one folder per
// language. A test may point it at a pseudo-language's.
var TemplatesFS fs.FS = templates.FS

// unknownFiles reports a template file in fsys that propose does not know.
func unknownFiles(fsys fs.FS, label string) error {
	found, err := fs.Glob(fsys, "*.md.tmpl")
	if err != nil {
		return fmt.Errorf("read templates: %w", err)
	}
	known := Names()
	for _, f := range found {
		if !slices.Contains(known, f) {
			if label != "" {
				f = filepath.Join(label, f)
			}
			return fmt.Errorf("read templates: %s is not a template propose knows (the templates are %s)", f, strings.Join(known, ", "))
		}
	}
	return nil
}

var builtin = sync.OnceValues(func() (*Set, error) { return New() })

// Default returns the built-in templates.
func Default() (*Set, error) { return builtin() }

// fieldErr matches text/template's error for a field the view lacks.
var fieldErr = regexp.MustCompile(`^template: [^:]+:(\d+):\d+: executing "[^"]*" at <([^>]*)>: can't evaluate field (\w+) in type`)

// execute runs the template of kind with the view v, and tidies the
// Markdown. A manager-facing template that asks for a field its view does
// not have (a private answer, most often, in an edited copy) fails with
// an error naming the file and line.
func (s *Set) execute(kind Kind, what string, v languaged) ([]byte, error) {
	t, err := s.template(kind, view.LangOf(v.LangTag()))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	_, replaced := s.from[kind]
	if err := executeBounded(t, &b, v, replaced); err != nil {
		file := FileName(kind)
		if f, ok := s.from[kind]; ok {
			file = f
		}
		if errors.Is(err, errTooLong) || errors.Is(err, errTooSlow) {
			return nil, &TemplateError{Doc: what, File: file, Line: errLine(err), Msg: err.Error()}
		}
		if m := fieldErr.FindStringSubmatch(err.Error()); m != nil && !privateKinds[kind] {
			line, _ := strconv.Atoi(m[1])
			msg := fmt.Sprintf("%s: the template cannot see private fields: it is for your manager, and its view has no field %s", m[2], m[3])
			if isPrivate(m[3]) {
				msg = fmt.Sprintf("%s: the template cannot see private fields: only %s and %s see your private answers",
					m[2], FileName(prepName), FileName(reviewPrepName))
			}
			return nil, &TemplateError{Doc: what, File: file, Line: line, Msg: msg}
		}
		if replaced {
			// A mistake in the user's own template is theirs to fix, at
			// its line: not an internal error.
			return nil, &TemplateError{Doc: what, File: file, Line: errLine(err), Msg: errText(err)}
		}
		return nil, fmt.Errorf("render %s: %w", what, err)
	}
	return tidy(b.Bytes()), nil
}

// The budget a document's template runs in: the built-in templates write
// tens of kilobytes in milliseconds.
const (
	MaxDocumentSize = 2 << 20
	maxTemplateTime = 500 * time.Millisecond
)

var (
	errTooLong = fmt.Errorf("the template wrote more than %d MB; a template that repeats without end (a range inside a range?) never finishes", MaxDocumentSize>>20)
	errTooSlow = fmt.Errorf("the template ran for more than %v; a template that repeats without end (a range inside a range?) never finishes", maxTemplateTime)
)

// budget is a writer that refuses to grow past MaxDocumentSize, which
// stops a template at its next write.
type budget struct {
	b       *bytes.Buffer
	stopped atomic.Bool // the template ran out of time: every write fails
}

func (w *budget) Write(p []byte) (int, error) {
	if w.stopped.Load() || w.b.Len()+len(p) > MaxDocumentSize {
		return 0, errTooLong
	}
	return w.b.Write(p)
}

// executeBounded runs t into b within the output budget, and a template
// the user replaced also within maxTemplateTime: text/template cannot be
// interrupted, so it runs aside and is abandoned (stopped at its next
// write) when its time is up.
func executeBounded(t *template.Template, b *bytes.Buffer, v any, timed bool) error {
	if !timed {
		return t.Execute(&budget{b: b}, v)
	}
	var out bytes.Buffer
	w := &budget{b: &out}
	done := make(chan error, 1)
	go func() { done <- t.Execute(w, v) }()
	timer := time.NewTimer(maxTemplateTime)
	defer timer.Stop()
	select {
	case err := <-done:
		b.Write(out.Bytes())
		return err
	case <-timer.C:
		w.stopped.Store(true)
		return errTooSlow
	}
}

// languaged is a view that knows its language.
type languaged interface{ LangTag() string }

// TemplateError is a template that asks for something its view does not
// have, such as a private answer in a manager-facing template.
type TemplateError struct {
	Doc  string // the document being rendered
	File string // the template file, with its folder when it was replaced
	Line int
	Msg  string
}

func (e *TemplateError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("render %s: %s: %s", e.Doc, e.File, e.Msg)
	}
	return fmt.Sprintf("render %s: %s line %d: %s", e.Doc, e.File, e.Line, e.Msg)
}

// isPrivate reports whether name is a field only the private views have.
func isPrivate(name string) bool {
	if name == "Private" {
		return true
	}
	for _, t := range []reflect.Type{reflect.TypeFor[view.Private](), reflect.TypeFor[view.ReviewPrivate]()} {
		if _, ok := t.FieldByName(name); ok {
			if _, pub := reflect.TypeFor[view.Public]().FieldByName(name); !pub {
				return true
			}
		}
	}
	return false
}

// Render returns the Markdown of a manager-facing document, from the
// built-in templates.
func Render(kind Kind, v *view.Public) ([]byte, error) {
	s, err := Default()
	if err != nil {
		return nil, err
	}
	return s.Render(kind, v)
}

// Render returns the Markdown of a manager-facing document.
func (s *Set) Render(kind Kind, v *view.Public) ([]byte, error) {
	if !slices.Contains(allKinds, kind) || kind == prepName || kind == statusName || kind == reviewName || kind == reviewPrepName || kind == agreementName {
		return nil, fmt.Errorf("render %s: no such document", kind)
	}
	return s.execute(kind, string(kind), v)
}

var blankRuns = regexp.MustCompile(`\n{3,}`)

// tidy leaves at most one blank line between blocks, no trailing spaces and
// exactly one newline at the end, whatever the template's branches left.
func tidy(md []byte) []byte {
	lines := bytes.Split(md, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " \t")
	}
	md = bytes.Join(lines, []byte("\n"))
	md = blankRuns.ReplaceAll(md, []byte("\n\n"))
	return append(bytes.TrimSpace(md), '\n')
}

// RenderPrep returns the Markdown of the prep sheet from the built-in
// templates.
func RenderPrep(v *view.Private) ([]byte, error) {
	s, err := Default()
	if err != nil {
		return nil, err
	}
	return s.RenderPrep(v)
}

// RenderPrep returns the Markdown of the prep sheet, the only document that
// sees the private view. It is for the employee alone.
func (s *Set) RenderPrep(v *view.Private) ([]byte, error) {
	return s.execute(prepName, "prep", v)
}

// RenderStatus returns the Markdown of a week's status note from the
// built-in templates.
func RenderStatus(v *view.Status) ([]byte, error) {
	s, err := Default()
	if err != nil {
		return nil, err
	}
	return s.RenderStatus(v)
}

// RenderStatus returns the Markdown of a week's status note, for the
// manager. Its view holds nothing private.
func (s *Set) RenderStatus(v *view.Status) ([]byte, error) {
	return s.execute(statusName, "status", v)
}

// RenderReview returns the Markdown of the review report from the built-in
// templates.
func RenderReview(v *view.Review) ([]byte, error) {
	s, err := Default()
	if err != nil {
		return nil, err
	}
	return s.RenderReview(v)
}

// RenderReview returns the Markdown of the review report, for the manager.
// Its view holds nothing private.
func (s *Set) RenderReview(v *view.Review) ([]byte, error) {
	return s.execute(reviewName, "review", v)
}

// RenderReviewPrep returns the Markdown of the review prep sheet from the
// built-in templates.
func RenderReviewPrep(v *view.ReviewPrivate) ([]byte, error) {
	s, err := Default()
	if err != nil {
		return nil, err
	}
	return s.RenderReviewPrep(v)
}

// RenderReviewPrep returns the Markdown of the review prep sheet, for the
// employee alone.
func (s *Set) RenderReviewPrep(v *view.ReviewPrivate) ([]byte, error) {
	return s.execute(reviewPrepName, "review prep", v)
}

// RenderAgreement returns the Markdown of the agreement from the built-in
// templates.
func RenderAgreement(v *view.Permanent) ([]byte, error) {
	s, err := Default()
	if err != nil {
		return nil, err
	}
	return s.RenderAgreement(v)
}

// RenderAgreement returns the Markdown of the agreement for both to sign.
func (s *Set) RenderAgreement(v *view.Permanent) ([]byte, error) {
	return s.execute(agreementName, "agreement", v)
}
