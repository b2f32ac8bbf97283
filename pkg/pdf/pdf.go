// Package pdf draws the documents' Markdown as typeset PDF pages. It is a
// goldmark renderer.NodeRenderer: goldmark parses the Markdown, and one
// renderX method a node kind draws it with fpdf. The text's fonts are this
// package's own (embed.go): parsed once per process, subset per document,
// and added to fpdf's output by finish.
package pdf

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/propose-cli/propose/pkg/docmeta"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/propose-cli/propose/pkg/mdtext"
)

// Meta describes a document: what its metadata, running header and footer
// say, and how it is set.
type Meta struct {
	docmeta.Doc

	// NoTags leaves the structure tree out: a plain PDF, as before PDF/UA
	// (tags.go). Tagged is the default.
	NoTags bool

	// Hyphenate returns the byte offsets in word (letters only) after
	// which a hyphen may break it, in order; nil hyphenates nothing. Only
	// running text (paragraphs, list items, quotations) is hyphenated,
	// and only where that sets its lines better. It must give the same
	// answer every time it is asked.
	Hyphenate func(word string) []int
}

// MinScale is the smallest type size factor a caller should try when it
// condenses a document (the one-page summary) to fit. Type follows the
// scale down to the floors MinBodySize and MinTableSize, which it reaches
// at about 0.81 and 0.86: at MinScale body text is 8.5 pt rather than
// 8.4, and table text 8 pt rather than 7.4. The page margins, which shrink
// with the square of the scale, stop at MinScale, where the text comes as
// close to the footer as it may. A smaller Scale is accepted but only
// narrows the gaps between blocks.
const MinScale = 0.8

// MinBodySize is the smallest size, in points, that running text
// (paragraphs, lists and headings) is set in, whatever Meta.Scale is.
const MinBodySize = 8.5

// MinTableSize is the smallest size, in points, that table text is set in,
// whatever Meta.Scale is.
const MinTableSize = 8.0

// Result is a rendered document.
type Result struct {
	PDF   []byte
	Pages int
}

// Render typesets Markdown as a PDF. Callers check the text with Covers
// first; a failure inside the PDF library is returned as an error, never a
// crash.
func Render(md []byte, meta Meta) (*Result, error) {
	l, err := Layout(md, meta)
	if err != nil {
		return nil, err
	}
	return l.Render()
}

// Laid is a document laid out but not drawn: its page count is known, and
// Render draws it without measuring it again. Trying settings (fitting the
// one-pager) is a Layout each, and only the one kept is drawn.
type Laid struct {
	md      []byte
	meta    Meta
	doc     ast.Node
	pages   int
	heights map[heightKey]measured
	broken  lineCache
	minSize float64
	fill    float64
}

// Layout lays the Markdown out without drawing text or writing a file.
func Layout(md []byte, meta Meta) (l *Laid, err error) {
	defer func() {
		if r := recover(); r != nil {
			l, err = nil, fmt.Errorf("lay out pdf: internal error: %v", r)
		}
	}()
	doc := parse(md)
	d, err := layout(doc, md, meta, true, 0, nil, lineCache{})
	if err != nil {
		return nil, err
	}
	return &Laid{md: md, meta: meta, doc: doc, pages: d.pdf.PageCount(), heights: d.heights, broken: d.broken, minSize: d.minSize, fill: d.fill}, nil
}

// Pages is how many pages the document takes.
func (l *Laid) Pages() int { return l.pages }

// LastPageFill is the share of the last page's text area that the text
// takes, from 0 (empty) to 1 (full). A caller can try a slightly smaller
// Scale when the last page holds only a few lines, to save the page.
func (l *Laid) LastPageFill() float64 { return l.fill }

// MinTextSize is the smallest type size, in points, that the document's
// text is set in: at least MinTableSize when it has a table, MinBodySize
// when it has none. The running header, the footer and the banner, set in
// a fixed 8 pt, and the charts' labels, in a fixed 8 and 9 pt, are not
// counted. It is 0 for a document without text.
func (l *Laid) MinTextSize() float64 { return l.minSize }

// Render draws the document: the same layout again, now drawing, with the
// page count known for the footers' "Page N of M" and the measurements of
// the dry run reused.
func (l *Laid) Render() (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("draw pdf: internal error: %v", r)
		}
	}()
	d, err := layout(l.doc, l.md, l.meta, false, l.pages, l.heights, l.broken)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	pages := d.pdf.PageCount()
	if err := d.pdf.Output(&b); err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	if b.Len() == 0 {
		return nil, errors.New("write pdf: empty output")
	}
	out, err := finish(b.Bytes(), &d.fonts, d.tags, l.meta)
	if err != nil {
		return nil, fmt.Errorf("write pdf: %w", err)
	}
	return &Result{PDF: out, Pages: pages}, nil
}

// parse reads the Markdown into the tree the drawer walks.
func parse(md []byte) ast.Node { return mdtext.Parse(md) }

// layout runs a drawer over the parsed document; dry skips drawing the
// text. totalPages is what the footers give as the page count; heights and
// broken are
// measurements of the same document at the same settings to start from.
func layout(doc ast.Node, md []byte, meta Meta, dry bool, totalPages int, heights map[heightKey]measured, broken lineCache) (*drawer, error) {
	d := newDrawer(meta)
	d.broken = broken
	d.dry = dry
	d.totalPages = totalPages
	d.heights = heights
	if !dry && !meta.NoTags {
		d.tags = newTagger()
	}
	// A renderer of the drawer alone: goldmark's HTML renderers, the table
	// extension's among them, never see the nodes.
	r := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(d, 100)))
	if err := r.Render(nowhere, md, doc); err != nil {
		return nil, fmt.Errorf("draw pdf: %w", err)
	}
	d.fill = d.pageFill()
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("draw pdf: %w", err)
	}
	if d.err != nil {
		return nil, fmt.Errorf("draw pdf: %w", d.err)
	}
	return d, nil
}

// newPDF sets up a document with the fonts, metadata, header and footer.
func newPDF(meta Meta, st *style) *fpdf.Fpdf {
	size := "Letter"
	if meta.Paper == "a4" {
		size = "A4"
	}
	p := fpdf.New("P", "pt", size, "")
	p.SetMargins(st.margin, st.top, st.margin)
	p.SetAutoPageBreak(true, st.bottom)
	p.SetCellMargin(0)
	p.SetTitle(meta.Title, true)
	p.SetAuthor(meta.Author, true)
	p.SetSubject(meta.Subject, true)
	p.SetCreator(meta.Creator, true)
	p.SetProducer(meta.Creator, true)
	if meta.Language != "" {
		p.SetLang(meta.Language)
	}
	p.SetCatalogSort(true)
	p.SetCompression(false) // finish compresses the pages, reusing its compressors
	p.SetCreationDate(meta.Date)
	p.SetModificationDate(meta.Date)
	p.SetTextColor(st.ink.r, st.ink.g, st.ink.b)
	return p
}
