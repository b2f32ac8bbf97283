// Package document executes the embedded templates into the Markdown of
// each document.
//
// Manager-facing documents are rendered by Render from a *view.Public,
// which has no field for a private answer; only RenderPrep takes the
// private view. That split is what keeps the employee's leverage and
// motivation out of anything the manager sees.
package document

import (
	"bytes"
	"fmt"
	"regexp"
	"sync"
	"text/template"

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

var (
	parseOnce sync.Once
	parsed    map[Kind]*template.Template
	parseErr  error
)

var funcs = template.FuncMap{
	"count":    view.Count,
	"lower":    view.LowerFirst,
	"capital":  view.Capitalize,
	"yours":    view.Yours,
	"document": view.Document,
	"onDays":   view.OnDays,
	"sentence": view.Sentence,
}

func load() (map[Kind]*template.Template, error) {
	parseOnce.Do(func() {
		parsed = map[Kind]*template.Template{}
		for _, k := range append(append([]Kind(nil), Kinds...), Email, prepName, statusName, reviewName, reviewPrepName, agreementName) {
			name := string(k) + ".md.tmpl"
			t, err := template.New(name).Funcs(funcs).Option("missingkey=error").ParseFS(templates.FS, name)
			if err != nil {
				parseErr = fmt.Errorf("parse template %s: %w", name, err)
				return
			}
			parsed[k] = t
		}
	})
	return parsed, parseErr
}

// Render returns the Markdown of a manager-facing document.
func Render(kind Kind, v *view.Public) ([]byte, error) {
	ts, err := load()
	if err != nil {
		return nil, err
	}
	t, ok := ts[kind]
	if !ok || kind == prepName || kind == statusName || kind == reviewName || kind == reviewPrepName || kind == agreementName {
		return nil, fmt.Errorf("render %s: no such document", kind)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, v); err != nil {
		return nil, fmt.Errorf("render %s: %w", kind, err)
	}
	return tidy(b.Bytes()), nil
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

// RenderPrep returns the Markdown of the prep sheet, the only document that
// sees the private view. It is for the employee alone.
func RenderPrep(v *view.Private) ([]byte, error) {
	ts, err := load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := ts[prepName].Execute(&b, v); err != nil {
		return nil, fmt.Errorf("render prep: %w", err)
	}
	return tidy(b.Bytes()), nil
}

// RenderStatus returns the Markdown of a week's status note, for the
// manager. Its view holds nothing private.
func RenderStatus(v *view.Status) ([]byte, error) {
	ts, err := load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := ts[statusName].Execute(&b, v); err != nil {
		return nil, fmt.Errorf("render status: %w", err)
	}
	return tidy(b.Bytes()), nil
}

// RenderReview returns the Markdown of the review report, for the manager.
// Its view holds nothing private.
func RenderReview(v *view.Review) ([]byte, error) {
	ts, err := load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := ts[reviewName].Execute(&b, v); err != nil {
		return nil, fmt.Errorf("render review: %w", err)
	}
	return tidy(b.Bytes()), nil
}

// RenderReviewPrep returns the Markdown of the review prep sheet, for the
// employee alone.
func RenderReviewPrep(v *view.ReviewPrivate) ([]byte, error) {
	ts, err := load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := ts[reviewPrepName].Execute(&b, v); err != nil {
		return nil, fmt.Errorf("render review prep: %w", err)
	}
	return tidy(b.Bytes()), nil
}

// RenderAgreement returns the Markdown of the agreement for both to sign.
func RenderAgreement(v *view.Permanent) ([]byte, error) {
	ts, err := load()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := ts[agreementName].Execute(&b, v); err != nil {
		return nil, fmt.Errorf("render agreement: %w", err)
	}
	return tidy(b.Bytes()), nil
}
