package pdf

import (
	"fmt"
	"strings"
)

// A tagged PDF (ISO 14289-1, PDF/UA-1) carries, beside what is drawn, a
// structure tree: the document's headings, paragraphs, lists, tables,
// figures and links in reading order, each pointing at the marked content
// on the pages that shows it. Screen readers read the tree, not the page.
// The drawer builds the tree as it walks the Markdown (one element a node,
// opened on entering and closed on leaving), wraps every text run it shows
// in marked content with an MCID owned by the element open at the time,
// and wraps what is only decoration (rules, fills, the running header and
// footer, the logo) as artifacts. finish writes the tree as objects.

// tagger is the structure tree of a document being drawn.
type tagger struct {
	root *elem
	open []*elem // the elements open, innermost last
	// into, when not nil, takes the marked content instead of the
	// innermost open element: a list item's label, drawn with the item's
	// first line.
	into *elem
	// pages holds, for each page, the element each MCID belongs to, the
	// MCID being the index.
	pages [][]*elem
	// annots holds, for each page, the Link element of each link
	// annotation, in the order they were made (fpdf writes them so).
	annots [][]*elem
	link   *elem // the Link element of the last text run, while it goes on
}

// elem is a structure element.
type elem struct {
	typ    string // the standard structure type: P, H1, L, LI, Table, Link…
	parent *elem
	kids   []kid
	alt    string // Figure: what the figure shows, for who cannot see it
	scope  string // TH: Column or Row
	url    string // Link: the destination
	lang   string // Span: the passage's language
	text   strings.Builder
	num    int // its object number, once finish numbers it
}

// kid is a structure element's child: another element, the marked content
// with an MCID on a page, or a link annotation on a page.
type kid struct {
	e     *elem
	page  int
	mcid  int // -1 when the kid is not marked content
	annot int // the annotation's index among its page's; -1 when none
}

func newTagger() *tagger {
	root := &elem{typ: "Document"}
	return &tagger{root: root, open: []*elem{root}}
}

// current is the element marked content goes into.
func (t *tagger) current() *elem {
	if t.into != nil {
		return t.into
	}
	return t.open[len(t.open)-1]
}

// child adds an element of the type under the current one, without
// opening it.
func (t *tagger) child(typ string) *elem {
	return adopt(t.open[len(t.open)-1], &elem{typ: typ})
}

// adopt makes e the last child of parent, and returns it.
func adopt(parent, e *elem) *elem {
	e.parent = parent
	parent.kids = append(parent.kids, kid{e: e, mcid: -1, annot: -1})
	return e
}

// push opens an element of the type under the current one.
func (t *tagger) push(typ string) *elem {
	e := t.child(typ)
	t.open = append(t.open, e)
	t.link = nil
	return e
}

// pop closes the innermost open element.
func (t *tagger) pop() {
	if len(t.open) > 1 {
		t.open = t.open[:len(t.open)-1]
	}
	t.link = nil
}

// mark gives the next MCID on page (from 0) to e.
func (t *tagger) mark(page int, e *elem) int {
	for len(t.pages) <= page {
		t.pages = append(t.pages, nil)
	}
	mcid := len(t.pages[page])
	t.pages[page] = append(t.pages[page], e)
	e.kids = append(e.kids, kid{page: page, mcid: mcid, annot: -1})
	return mcid
}

// linkTo returns the Link element for text linking to url: the one the
// previous run went into when it links to the same place, else a new one
// under the current element.
func (t *tagger) linkTo(url string) *elem {
	if t.link != nil && t.link.url == url && t.link.parent == t.current() {
		return t.link
	}
	t.link = adopt(t.current(), &elem{typ: "Link", url: url})
	return t.link
}

// spanIn returns the Span element, in the language lang, for a run: the
// one the previous run went into when it continues the passage, else a
// new one under the current element.
func (t *tagger) spanIn(lang string) *elem {
	if t.link != nil && t.link.typ == "Span" && t.link.lang == lang && t.link.parent == t.current() {
		return t.link
	}
	t.link = adopt(t.current(), &elem{typ: "Span", lang: lang}) // the last inline element, continued by the next run
	return t.link
}

// annot records that a link annotation was made on page for e.
func (t *tagger) annot(page int, e *elem) {
	for len(t.annots) <= page {
		t.annots = append(t.annots, nil)
	}
	e.kids = append(e.kids, kid{page: page, mcid: -1, annot: len(t.annots[page])})
	t.annots[page] = append(t.annots[page], e)
}

// keep reports whether an element stays in the tree: one with content, or
// a table's cell, which keeps the table's rows regular even when empty.
func (e *elem) keep() bool {
	if e.typ == "TD" || e.typ == "TH" || e.typ == "Figure" {
		return true
	}
	for _, k := range e.kids {
		if k.e == nil || k.e.keep() {
			return true
		}
	}
	return false
}

// ---- The drawer's side ----

// The ways text and graphics are marked on the page.
const (
	markTagged   = iota // real content, in the structure tree
	markArtifact        // decoration
	markHeader          // the running header: a pagination artifact
	markFooter          // the page number: a pagination artifact
	markInside          // already inside marked content (a figure): not marked again
)

// beginTag opens a structure element while the document is drawn; it does
// nothing when the drawer is not tagging (a dry run, a measurement, or
// tags turned off).
func (d *drawer) beginTag(typ string) *elem {
	if d.tags == nil {
		return nil
	}
	return d.tags.push(typ)
}

// endTag closes the element beginTag opened.
func (d *drawer) endTag() {
	if d.tags != nil {
		d.tags.pop()
	}
}

// markedContent writes what opens the marked content of a text run drawn
// now, in the mode the drawer is in, and returns what closes it ("" for
// nothing). link is the run's destination, which puts it in a Link element.
func (d *drawer) markedContent(link, text string) string {
	if d.tags == nil {
		return ""
	}
	switch d.marking {
	case markInside:
		return ""
	case markArtifact:
		d.pdf.RawWriteStr("/Artifact BMC")
		return "EMC"
	case markHeader:
		d.pdf.RawWriteStr("/Artifact <</Type /Pagination /Subtype /Header>> BDC")
		return "EMC"
	case markFooter:
		d.pdf.RawWriteStr("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
		return "EMC"
	}
	e := d.tags.current()
	switch {
	case link != "":
		e = d.tags.linkTo(link)
		e.text.WriteString(text)
		if d.runLang != "" {
			e.lang = d.runLang
		}
	case d.runLang != "":
		e = d.tags.spanIn(d.runLang)
	default:
		d.tags.link = nil
	}
	d.beginMarked(e)
	return "EMC"
}

// beginMarked opens marked content for e on the current page, with the
// next MCID; the caller writes its EMC.
func (d *drawer) beginMarked(e *elem) {
	mcid := d.tags.mark(d.pdf.PageNo()-1, e)
	d.pdf.RawWriteStr(fmt.Sprintf("/%s <</MCID %d>> BDC", e.typ, mcid))
}

// addLink makes the rectangle a link to url, in the structure tree as part
// of the Link element the text before it went into.
func (d *drawer) addLink(x, y, w, h float64, url string) {
	d.pdf.LinkString(x, y, w, h, url)
	if d.tags == nil {
		return
	}
	e := d.tags.link
	if e == nil || e.url != url {
		e = d.tags.linkTo(url)
	}
	d.tags.annot(d.pdf.PageNo()-1, e)
}

// decoration draws with f what is only decoration: a rule, a fill, a
// box; it is an artifact in a tagged document.
func (d *drawer) decoration(f func()) {
	if d.tags == nil || d.marking == markInside {
		f()
		return
	}
	d.pdf.RawWriteStr("/Artifact BMC")
	f()
	d.pdf.RawWriteStr("EMC")
}

// marked draws with f in the marking mode m.
func (d *drawer) marked(m int, f func()) {
	saved := d.marking
	d.marking = m
	defer func() { d.marking = saved }()
	f()
}

// annotText is what the j-th link annotation on page (from 0) says for a
// screen reader: its link's text and where it goes.
func (t *tagger) annotText(page, j int) string {
	if page >= len(t.annots) || j >= len(t.annots[page]) {
		return ""
	}
	e := t.annots[page][j]
	text := strings.TrimSpace(e.text.String())
	if text == "" || text == e.url || strings.TrimPrefix(e.url, "mailto:") == text {
		return e.url
	}
	return text + " (" + e.url + ")"
}
