// Package render produces the files of a proposal: the Markdown of each
// document from its template and, when asked, its PDF, HTML page and Word
// file. It fits the
// one-pager on one page, condensing it step by step.
package render

import (
	"fmt"
	"github.com/propose-cli/propose/pkg/docmeta"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/docx"
	"github.com/propose-cli/propose/pkg/htmlpage"
	"github.com/propose-cli/propose/pkg/hyphen"
	"github.com/propose-cli/propose/pkg/mdtext"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/pdf"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// Format is an output format.
type Format string

// The formats render writes.
const (
	Markdown Format = "md"
	PDF      Format = "pdf"
	HTML     Format = "html"
	DOCX     Format = "docx"
)

// DefaultFormats are written when Options.Formats is empty.
var DefaultFormats = []Format{Markdown, PDF}

// Options choose what to produce.
type Options struct {
	Formats     []Format // default: DefaultFormats
	Creator     string   // the program and version, for PDF metadata
	ManagerOnly bool     // leave out the prep sheet: Files then renders from the public view alone
	NoPDFTags   bool     // write plain PDFs, without the structure tree screen readers use (pdf.Meta.NoTags)
	// LayoutOnly lays the PDFs out, with every check and warning that
	// brings, and draws none: for validate and check, which throw the
	// PDFs away. Files then holds no PDF. The prep sheet, which has no
	// page limit and nothing to warn of, is not laid out.
	LayoutOnly bool

	// Templates are the templates the documents are made from; nil means
	// the built-in ones.
	Templates *document.Set

	// Warn, when set, is told what the render did to fit a document (a list
	// shortened to keep the proposal to four pages) or could not do (a
	// proposal that is longer still), at the field to change. It may be
	// called from several goroutines at once.
	Warn func(proposal.Problem)
}

func (o Options) warn(src *proposal.Source, path, msg, fix string) {
	if o.Warn == nil {
		return
	}
	q := src.ValueProblemAt(path, msg, fix)
	q.Warning = true
	o.Warn(q)
}

// docs returns the templates to render with.
func (o Options) docs() (*document.Set, error) {
	if o.Templates != nil {
		return o.Templates, nil
	}
	return document.Default()
}

// wordHeadroom is how full the PDF's page may be for the Word one-pager
// to be written from the same step: LibreOffice sets a full page onto two.
const wordHeadroom = 0.9

// formats are the formats asked for, or the default ones.
func (o Options) formats() []Format {
	if len(o.Formats) == 0 {
		return DefaultFormats
	}
	return o.Formats
}

func (o Options) has(f Format) bool {
	for _, x := range o.formats() {
		if x == f {
			return true
		}
	}
	return false
}

// TooLongError reports a one-pager that does not fit on one page even at
// the smallest type, with the fields to shorten.
type TooLongError struct {
	Fields []proposal.Text // the longest texts on the one-pager, longest first
}

// Problems places the fields to shorten in the file, each a problem at
// its value.
func (e *TooLongError) Problems(src *proposal.Source) proposal.Problems {
	var ps proposal.Problems
	for _, t := range e.Fields {
		ps = append(ps, src.ValueProblemAt(t.Field,
			fmt.Sprintf("the one-page summary does not fit on one page even in the smallest type, and this is one of the longest items on it (%d characters)", utf8.RuneCountInString(t.Value)),
			"shorten it; the proposal keeps the detail"))
	}
	return ps.Unique()
}

func (e *TooLongError) Error() string {
	var names []string
	for _, t := range e.Fields {
		names = append(names, fmt.Sprintf("%s (%d characters)", t.Field, utf8.RuneCountInString(t.Value)))
	}
	return "the one-page summary does not fit on one page even in the smallest type; shorten the longest items it shows: " +
		strings.Join(names, ", ")
}

// Files renders every document of a validated proposal: the manager-facing
// ones from the public view, the prep sheet (unless opts.ManagerOnly) from
// the private one. PDFs need every character they print to be drawable;
// when one is not, the error is proposal.Problems naming the field and the
// character. Independent documents are rendered concurrently.
func Files(p *proposal.Proposal, opts Options) ([]output.File, error) {
	if opts.has(PDF) {
		pdf.Prepare() // the fonts are read while the documents' text is built
	}
	var priv *view.Private
	if !opts.ManagerOnly {
		priv = view.NewPrivate(p)
	}
	return files(view.NewPublic(p), priv, opts)
}

// ManagerFiles renders the manager-facing documents from the public view
// alone: it cannot see a private answer, and a character only a private
// answer holds cannot stop it.
func ManagerFiles(v *view.Public, opts Options) ([]output.File, error) {
	return files(v, nil, opts)
}

// files renders the manager-facing documents from pub and, when priv is
// not nil, the prep sheet from it.
func files(pub *view.Public, priv *view.Private, opts Options) ([]output.File, error) {
	docs, err := opts.docs()
	if err != nil {
		return nil, err
	}
	// Each document's Markdown is made once: checked here, then written.
	mds := make(map[document.Kind][]byte, len(document.Kinds))
	for _, kind := range document.Kinds {
		md, err := docs.Render(kind, pub)
		if err != nil {
			return nil, err
		}
		mds[kind] = md
	}
	var prepMD []byte
	if priv != nil {
		if prepMD, err = docs.RenderPrep(priv); err != nil {
			return nil, err
		}
	}
	if opts.has(PDF) {
		if ps := undrawable(pub, priv, mds, prepMD); len(ps) > 0 {
			return nil, ps
		}
	}
	n := len(document.Kinds)
	results := make([][]output.File, n+1)
	errs := make([]error, n+1)
	var wg sync.WaitGroup
	for i, kind := range document.Kinds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch kind {
			case document.OnePager:
				results[i], errs[i] = onePager(pub, mds[kind], opts)
			case document.Proposal:
				results[i], errs[i] = proposalFiles(pub, mds[kind], opts)
			default:
				results[i], errs[i] = outputs(string(kind), mds[kind], meta(kind, pub, opts, 1), opts, nil)
			}
		}()
	}
	if priv != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[n], errs[n] = prep(priv, prepMD, opts)
		}()
	}
	wg.Wait()
	var out []output.File
	for i := range results {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, results[i]...)
	}
	return out, nil
}

// undrawable checks the Markdown each PDF will print (mds, the manager's
// documents; prepMD, the prep sheet when priv is not nil) for characters
// the fonts cannot draw, and names the fields they come from: the public
// fields for the manager's documents, every field for the prep sheet. A
// character in a field no PDF prints stops nothing.
func undrawable(pub *view.Public, priv *view.Private, mds map[document.Kind][]byte, prepMD []byte) proposal.Problems {
	var ps proposal.Problems
	check := func(md []byte, texts []proposal.Text) {
		bad := map[rune]bool{}
		for _, r := range string(md) {
			if !pdf.Covers(r) || proposal.RightToLeft(r) {
				bad[r] = true
			}
		}
		if len(bad) > 0 {
			ps = append(ps, proposal.CheckCharacters(texts, pub.Source, func(r rune) bool { return !bad[r] })...)
		}
	}
	for _, md := range mds {
		check(md, pub.Texts)
	}
	if priv != nil {
		check(prepMD, priv.AllTexts)
	}
	return ps.Unique()
}

// outputs writes one document's Markdown in each format asked for, as
// NAME.md, NAME.html, NAME.docx and NAME.pdf; m titles the page and sets
// the PDF and the Word file.
// laid, when not nil, is the PDF already laid out.
func outputs(name string, md []byte, m pdf.Meta, opts Options, laid *pdf.Laid) ([]output.File, error) {
	return fitted(name, md, md, m, opts, laid)
}

// fitted is outputs for a document condensed to fit its pages: md, the
// version the PDF shows, is also the Markdown and the Word file written;
// full, the document uncut, is what the HTML page shows on screen, and md
// what it prints.
func fitted(name string, md, full []byte, m pdf.Meta, opts Options, laid *pdf.Laid) ([]output.File, error) {
	var files []output.File
	if opts.has(Markdown) {
		files = append(files, output.File{Name: name + ".md", Data: md})
	}
	if opts.has(HTML) {
		page, err := htmlpage.Render(full, htmlpage.Page{Doc: m.Doc, Print: md})
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Name: name + ".html", Data: page})
	}
	if opts.has(DOCX) {
		doc, err := docx.Render(md, docx.Meta{Doc: m.Doc})
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", name, err)
		}
		files = append(files, output.File{Name: name + ".docx", Data: doc})
	}
	if opts.has(PDF) {
		var err error
		if laid == nil {
			laid, err = layOut(md, m)
		}
		if opts.LayoutOnly {
			if err != nil {
				return nil, fmt.Errorf("render %s: %w", name, err)
			}
			return files, nil
		}
		var res *pdf.Result
		if err == nil {
			res, err = laid.Render()
		}
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", name, err)
		}
		files = append(files, output.File{Name: name + ".pdf", Data: res.PDF})
	}
	return files, nil
}

func meta(kind document.Kind, v *view.Public, opts Options, scale float64) pdf.Meta {
	title := v.PlainTitle
	if kind == document.OnePager {
		title = v.Say("onePagerTitle", title)
	}
	return describe(v, opts, title, v.PlainSubject, scale)
}

// describe is the one description of a document made from the view v
// (docmeta.Doc): the PDF writer takes it with its own settings, the Word
// and HTML writers take it as it is.
func describe(v *view.Public, opts Options, title, subject string, scale float64) pdf.Meta {
	return pdf.Meta{
		Doc: docmeta.Doc{
			Title:    title,
			Author:   v.Employee.PlainName,
			Subject:  subject,
			Creator:  opts.Creator,
			Language: v.Language,
			Date:     v.Issued,
			Paper:    v.Paper,
			Folio:    v.Folio(),
			Scale:    scale,
			Accent:   v.Theme.Accent,
			Sans:     v.Theme.Sans,
			Logo:     v.Theme.Logo,
			LogoAlt:  v.Theme.LogoAlt,
		},
		NoTags:    opts.NoPDFTags,
		Hyphenate: hyphenation(v),
	}
}

// hyphenation is where the words of the document's running text may break
// at a line's end, by its language's patterns (package hyphen); nil for a
// language without them. The people's names are never broken (nor is
// anything hyphen.Exempt names: numbers, addresses, acronyms).
func hyphenation(v *view.Public) func(word string) []int {
	h, ok := hyphen.For(v.Language)
	if !ok {
		return nil
	}
	names := map[string]bool{}
	for _, s := range []string{v.Employee.PlainName, v.Manager.PlainName, v.Company} {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) }) {
			names[w] = true
		}
	}
	// In English a capital starts a name, a month or a day: not broken.
	// (German capitalises every noun, and needs its compounds broken.)
	english := strings.HasPrefix(v.Language, "en")
	return func(word string) []int {
		if names[word] {
			return nil
		}
		if r, _ := utf8.DecodeRuneInString(word); english && unicode.IsUpper(r) {
			return nil
		}
		return h.Points(word)
	}
}

// onePagerSteps are the settings tried in turn until the summary fits on
// one page: first run-on lines shortened, then smaller type and spacing
// (the PDF never sets text below its floors), then fewer measures, each
// one left out counted on the page.
var onePagerSteps = []struct {
	metrics, runes int
	scale          float64
}{
	{5, 0, 1}, {5, 150, 1}, {5, 150, 0.95}, {5, 150, 0.9}, {5, 150, 0.85}, {5, 150, pdf.MinScale},
	{5, 120, pdf.MinScale}, {4, 120, pdf.MinScale}, {5, 100, pdf.MinScale}, {4, 100, pdf.MinScale},
	{3, 90, pdf.MinScale}, {3, 70, pdf.MinScale},
}

// onePagerStep returns the first of onePagerSteps that fits, or -1 when
// none does. fits lays a step out and says whether it fits and how many
// pages it takes (2.3 is a second page three tenths full). It lays out as
// few steps as it can: the first, then, when that overflows, the step
// whose scale its height calls for (a text's height goes with the square
// of the scale), walking down while the step before also fits, or up until
// one does. The steps that only shrink the type fit from some scale on, so
// this finds the step that trying each in turn would.
func onePagerStep(fits func(int) (bool, float64, error)) (int, error) {
	ok, pages, err := fits(0)
	if err != nil || ok {
		return 0, err
	}
	i := len(onePagerSteps) - 1
	for j := 1; j < len(onePagerSteps); j++ {
		if sc := onePagerSteps[j].scale; pages*sc*sc <= 1 || sc == pdf.MinScale {
			i = j
			break
		}
	}
	ok, _, err = fits(i)
	if err != nil {
		return -1, err
	}
	if ok {
		for ; i > 1; i-- {
			if ok, _, err := fits(i - 1); err != nil || !ok {
				return i, err
			}
		}
		return i, nil
	}
	for i++; i < len(onePagerSteps); i++ {
		if ok, _, err := fits(i); err != nil || ok {
			return i, err
		}
	}
	return -1, nil
}

// onePager renders the summary, condensing it until it fits on one page.
// The Markdown written is the version the PDF shows; md is the summary in
// full, written as it is when only Markdown is asked for. A Word file or
// an HTML page alone is fitted as the PDF would be, without writing it:
// the page prints the fitted version.
func onePager(v *view.Public, md []byte, opts Options) ([]output.File, error) {
	if !opts.has(PDF) && !opts.has(DOCX) && !opts.has(HTML) {
		return outputs(string(document.OnePager), md, meta(document.OnePager, v, opts, 1), opts, nil)
	}
	docs, err := opts.docs()
	if err != nil {
		return nil, err
	}
	full := md
	type tried struct {
		md    []byte
		cv    *view.Public
		clips []view.Clip
		m     pdf.Meta
		laid  *pdf.Laid
	}
	results := map[int]tried{}
	laidAs := map[string]*pdf.Laid{}
	try := func(i int) (tried, error) {
		if t, ok := results[i]; ok {
			return t, nil
		}
		step := onePagerSteps[i]
		cv, clips := v.Condensed(step.metrics, step.runes)
		md, err := docs.Render(document.OnePager, cv)
		if err != nil {
			return tried{}, err
		}
		m := meta(document.OnePager, cv, opts, step.scale)
		// Two steps may make the same summary at the same scale (the
		// runes' limit cuts nothing): it is laid out once.
		key := fmt.Sprintf("%g\x00%s", step.scale, md)
		laid, ok := laidAs[key]
		if !ok {
			if laid, err = layOut(md, m); err != nil {
				return tried{}, fmt.Errorf("render %s: %w", document.OnePager, err)
			}
			laidAs[key] = laid
		}
		t := tried{md, cv, clips, m, laid}
		results[i] = t
		return t, nil
	}
	fits := func(i int) (bool, float64, error) {
		t, err := try(i)
		if err != nil {
			return false, 0, err
		}
		return t.laid.Pages() == 1, float64(t.laid.Pages()-1) + t.laid.LastPageFill(), nil
	}
	first, err := onePagerStep(fits)
	if err != nil {
		return nil, err
	}
	if first >= 0 {
		t := results[first]
		if t.cv.MoreMetrics > 0 {
			opts.warn(v.Source, "trial.metrics", fmt.Sprintf("the one-page summary shows %d of %d measures",
				len(t.cv.Trial.Metrics), len(v.Trial.Metrics)), "put the three to five that matter most first; the proposal shows them all")
		}
		for _, c := range t.clips {
			opts.warn(v.Source, c.Field, fmt.Sprintf("the one-page summary cuts this short mid-sentence, as “%s”, since no whole sentence or clause of it fits",
				mdtext.Unescape([]byte(c.Text))), "write a first sentence that stands on its own in a line or two; the proposal keeps the rest")
		}
		// A word processor sets the page looser than the PDF, and a Word
		// file cannot be measured: it takes the first step from the PDF's
		// on whose layout the page keeps a margin to spare.
		// Without a Word file, no step is laid out for it.
		word := first
		for i := first; opts.has(DOCX) && i < len(onePagerSteps); i++ {
			w, err := try(i)
			if err != nil {
				return nil, err
			}
			word = i
			if w.laid.Pages() == 1 && w.laid.LastPageFill() <= wordHeadroom {
				break
			}
		}
		if word == first {
			return fitted(string(document.OnePager), t.md, full, t.m, opts, t.laid)
		}
		rest := opts
		rest.Formats = nil
		for _, f := range opts.formats() {
			if f != DOCX {
				rest.Formats = append(rest.Formats, f)
			}
		}
		files, err := fitted(string(document.OnePager), t.md, full, t.m, rest, t.laid)
		if err != nil {
			return nil, err
		}
		w := results[word]
		only := opts
		only.Formats = []Format{DOCX}
		doc, err := fitted(string(document.OnePager), w.md, w.md, w.m, only, w.laid)
		if err != nil {
			return nil, err
		}
		return append(files, doc...), nil
	}
	return nil, &TooLongError{Fields: longestOnePagerTexts(v.Texts, 5)}
}

// MaxProposalPages is the longest a proposal should be: a manager reads
// two to four pages.
const MaxProposalPages = 4

// proposalSteps are the settings tried in turn until the proposal fits on
// MaxProposalPages: tighter type and spacing first, then long lists cut
// to their first items (each cut is reported).
var proposalSteps = []struct {
	items int
	scale float64
}{
	{0, 1}, {0, 0.95}, {0, 0.9}, {6, 0.9}, {4, 0.9},
}

// TooManyPagesError reports a proposal that runs beyond MaxProposalPages
// even at its most condensed, with the parts to shorten.
type TooManyPagesError struct {
	Pages int    // the pages it takes at its most condensed
	Parts []part // its longest parts, longest first
}

// Problems places the parts to shorten in the file, each a problem at its
// value.
func (e *TooManyPagesError) Problems(src *proposal.Source) proposal.Problems {
	var ps proposal.Problems
	for _, t := range e.Parts {
		fix := fmt.Sprintf("shorten this: it is one of the longest parts (%d characters); the one-page summary carries the essentials", t.chars)
		if t.items > 1 {
			fix = fmt.Sprintf("shorten this list: it is one of the longest parts (%d items, %d characters); the one-page summary carries the essentials", t.items, t.chars)
		}
		ps = append(ps, src.ValueProblemAt(t.field,
			fmt.Sprintf("the proposal runs to %d pages even in its tightest setting, and a manager reads at most %d", e.Pages, MaxProposalPages), fix))
	}
	return ps.Unique()
}

func (e *TooManyPagesError) Error() string {
	var names []string
	for _, t := range e.Parts {
		names = append(names, fmt.Sprintf("%s (%d characters)", t.field, t.chars))
	}
	return fmt.Sprintf("the proposal runs to %d pages even in its tightest setting, and a manager reads at most %d; shorten its longest parts: %s",
		e.Pages, MaxProposalPages, strings.Join(names, ", "))
}

// proposalFiles renders the proposal, condensing it until it fits on
// MaxProposalPages. When it cannot, nothing is written: the error is a
// *TooManyPagesError naming the longest parts to shorten.
func proposalFiles(v *view.Public, md []byte, opts Options) ([]output.File, error) {
	name := string(document.Proposal)
	if !opts.has(PDF) && !opts.has(DOCX) {
		return outputs(name, md, meta(document.Proposal, v, opts, 1), opts, nil)
	}
	docs, err := opts.docs()
	if err != nil {
		return nil, err
	}
	full := md
	var laid *pdf.Laid
	var m pdf.Meta
	var cut []view.Cut
	hopeless := false // the whole text is too long for any scale to save it
	for _, step := range proposalSteps {
		if hopeless && step.items == 0 {
			continue
		}
		cv := v
		cut = nil
		if step.items > 0 {
			cv, cut = v.Capped(step.items)
			if md, err = docs.Render(document.Proposal, cv); err != nil {
				return nil, err
			}
		}
		m = meta(document.Proposal, cv, opts, step.scale)
		var err error
		if laid, err = layOut(md, m); err != nil {
			return nil, fmt.Errorf("render %s: %w", name, err)
		}
		// Setting type at 0.9 fits about a fifth more on a page: a text
		// half as long again as the pages hold is cut, not condensed.
		hopeless = step.items == 0 && float64(laid.Pages()) > 1.5*MaxProposalPages
		if laid.Pages() <= MaxProposalPages {
			if step.scale == 1 && laid.LastPageFill() < sparePage {
				if laid, m, err = saveLastPage(md, m, laid); err != nil {
					return nil, fmt.Errorf("render %s: %w", name, err)
				}
			}
			break
		}
	}
	if laid.Pages() > MaxProposalPages {
		return nil, &TooManyPagesError{Pages: laid.Pages(), Parts: longestParts(v.Texts, 3, cut)}
	}
	for _, c := range cut {
		opts.warn(v.Source, c.Field, fmt.Sprintf("the proposal shows the first %d of %d items, to keep it to %d pages", c.Shown, c.Of, MaxProposalPages),
			"put the strongest first, or shorten the list")
	}
	return fitted(name, md, full, m, opts, laid)
}

// part is a field the proposal prints, with its size: a text, or a list
// counted as a whole.
type part struct {
	field        string
	items, chars int
	top          proposal.Text // the list's longest item
}

// longestParts returns the n parts of the proposal that take the most
// room, largest first: each list (metrics, results, references) counted
// whole, since a long list takes more room than any one of its items, but
// only for the items it shows when it was cut.
func longestParts(texts []proposal.Text, n int, cut []view.Cut) []part {
	var parts []part
	at := map[string]int{}
	shown := map[string]int{}
	for _, c := range cut {
		shown[c.Field] = c.Shown
	}
	for _, t := range texts {
		field := t.Field
		if i := strings.Index(field, "["); i >= 0 {
			field = field[:i]
		}
		if k, ok := shown[field]; ok && t.Field != field && itemIndex(t.Field) >= k {
			continue
		}
		i, ok := at[field]
		if !ok {
			i = len(parts)
			at[field] = i
			parts = append(parts, part{field: field})
		}
		parts[i].chars += utf8.RuneCountInString(t.Value)
		if t.Field != field {
			parts[i].items = max(parts[i].items, itemIndex(t.Field)+1)
			if utf8.RuneCountInString(t.Value) > utf8.RuneCountInString(parts[i].top.Value) {
				parts[i].top = t
			}
		}
	}
	for i, p := range parts {
		// One item that is most of its list is what to shorten.
		if p.items == 1 || 2*utf8.RuneCountInString(p.top.Value) > p.chars {
			parts[i] = part{field: p.top.Field, items: 1, chars: utf8.RuneCountInString(p.top.Value)}
		}
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].chars > parts[j].chars })
	return parts[:min(n, len(parts))]
}

// itemIndex is the first index in a field path such as "benefits[3]" or
// "trial.metrics[2].name".
func itemIndex(field string) int {
	open := strings.Index(field, "[")
	end := strings.Index(field, "]")
	n := 0
	if open >= 0 && end > open {
		fmt.Sscan(field[open+1:end], &n)
	}
	return n
}

// onePagerFields are the fields the one-pager prints.
var onePagerFields = []string{
	"employee.name", "employee.title", "employee.team", "manager.name", "manager.title",
	"arrangement.remote_location", "arrangement.in_person_commitments[0]",
	"communication.response_time", "communication.channels", "communication.check_ins",
	"communication.promises", "output_tracking[0]", "equipment.security", "trial.metrics",
	"agreement", "performance.remote_record[0]", "performance.metrics[0]", "performance.highlights[0]",
	"benefits[0]", "company.policy.name", "company.policy.reference", "company.policy.exceptions", "reask.reasons", "offer.role",
}

func longestOnePagerTexts(texts []proposal.Text, n int) []proposal.Text {
	var shown []proposal.Text
	for _, t := range texts {
		for _, f := range onePagerFields {
			if t.Field == f || strings.HasPrefix(t.Field, f+"[") || strings.HasPrefix(t.Field, f+".") {
				shown = append(shown, t)
				break
			}
		}
	}
	sort.SliceStable(shown, func(i, j int) bool {
		return utf8.RuneCountInString(shown[i].Value) > utf8.RuneCountInString(shown[j].Value)
	})
	if len(shown) > n {
		shown = shown[:n]
	}
	return shown
}

// prep renders the employee's prep sheet, md, made from the private view.
func prep(v *view.Private, md []byte, opts Options) ([]output.File, error) {
	m := meta(document.Proposal, &v.Public, opts, 1)
	m.Title = v.Say("prep.title", nil)
	m.Subject = v.Say("prep.subject", nil)
	m.Banner = v.Say("prep.banner", nil)
	if opts.LayoutOnly {
		// The prep sheet has no page limit and its layout nothing to
		// warn of: validate has nothing to learn from laying it out.
		return nil, nil
	}
	var laid *pdf.Laid
	if opts.has(PDF) {
		var err error
		if laid, m, err = saveLastPage(md, m, nil); err != nil {
			return nil, fmt.Errorf("render %s: %w", PrepName, err)
		}
	}
	files, err := outputs(PrepName, md, m, opts, laid)
	for i := range files {
		files[i].Private = true
	}
	return files, err
}

// sparePage is how little of its last page a document may use before
// saveLastPage tries to do without that page: a third, the room the
// proposal's sign-off takes when it is kept whole on a page of its own.
const sparePage = 0.35

// saveLastPage lays the document out and, when its last page is mostly
// empty, tries slightly tighter settings that save that page; it returns
// the layout to draw and its settings.
//
// laid is md already laid out at m, or nil: nothing is laid out twice at
// the same settings.
func saveLastPage(md []byte, m pdf.Meta, laid *pdf.Laid) (*pdf.Laid, pdf.Meta, error) {
	var err error
	if laid == nil {
		laid, err = layOut(md, m)
	}
	if err != nil || laid.Pages() == 1 || laid.LastPageFill() >= sparePage {
		return laid, m, err
	}
	for _, scale := range []float64{0.95, 0.9} {
		tm := m
		tm.Scale = scale
		tight, err := layOut(md, tm)
		if err != nil {
			return nil, m, err
		}
		if tight.Pages() < laid.Pages() {
			return tight, tm, nil
		}
	}
	return laid, m, nil
}

// PrepName is the file name, without extension, of the prep sheet, inside
// the output folder: its own folder, apart from what goes to the manager.
const PrepName = "private/prep"

// OldPrepNames are where earlier versions wrote the prep sheet, beside the
// manager's documents; a render removes them when they are unchanged.
var OldPrepNames = []string{"prep.md", "prep.pdf", "prep.html"}

// layOut lays a document out without drawing it; a variable so that a
// test can count the layouts a render makes.
var layOut = pdf.Layout
