package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/propose-cli/propose/pkg/imagetype"
	"github.com/propose-cli/propose/pkg/palette"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/propose-cli/propose/pkg/mdtext"
)

// drawer is the goldmark NodeRenderer that draws each node on the page.
// Goldmark's writer is ignored: everything goes to pdf.
type drawer struct {
	pdf  *fpdf.Fpdf
	st   *style
	meta Meta

	// Inline state: the style of the text being collected, and the spans
	// collected for the block being drawn.
	bold, italic int
	link         string
	heading      int // level of the heading being drawn; 0 outside headings
	spans        []span
	marker       func(y float64) // draws the list marker beside the block's first line
	balanced     bool            // the block being drawn is running text, whose lines are balanced (balanceWords)
	pending      float64         // space the previous block asked for below it
	keepNext     float64         // height of what the block being drawn introduces, kept with it
	firstStart   float64         // on a scratch page, the start (startLines) of the first block drawn; -1 before it

	source  []byte                 // the Markdown, for measuring nodes ahead (keep.go)
	heights map[heightKey]measured // nodes measured so far
	broken  lineCache              // paragraphs broken into lines so far, shared with the scratch drawer and the drawing pass

	lists []listState
	quote []quoteState

	fonts      docFonts                // faces this document draws with
	err        error                   // the first error drawing text
	totalPages int                     // for the footer; from a dry run before drawing
	dry        bool                    // lay out only: no text is drawn, no face added
	measuring  bool                    // a scratch page for keep.go: lay out without keep rules
	furniture  bool                    // drawing text in a fixed size: the running header, footer or banner, or a chart's labels
	hyphenate  func(word string) []int // Meta.Hyphenate
	measured   int                     // bytes of text measured so far: the work of laying text out
	minSize    float64                 // the smallest size the document's text is set in; 0 before any
	fill       float64                 // the share of the last page's text area used, once laid out
	scratch    *drawer                 // where keep.go measures nodes, made on first use
	render     renderer.Renderer       // the scratch drawer's own renderer

	langs   mdtext.Langs // the languages of the passages being collected
	runLang string       // the language of the run show draws next, when not the document's
	tags    *tagger      // the structure tree being built; nil when the drawer does not tag (see tags.go)
	marking int          // how what is drawn now is marked: markTagged, markArtifact…
}

type listState struct {
	ordered bool
	next    int
	margin  float64 // the left margin of the items' text
	tight   bool
}

type quoteState struct {
	margin float64
	startY float64
	page   int
}

// newDrawer makes a drawer for a document; a zero Scale is the normal 1.
func newDrawer(meta Meta) *drawer {
	if meta.Scale == 0 {
		meta.Scale = 1
	}
	st := newStyle(meta.Scale)
	d := &drawer{st: st, meta: meta, hyphenate: meta.Hyphenate}
	d.err = st.themed(meta)
	d.pdf = newPDF(meta, st)
	d.pdf.SetHeaderFuncMode(d.header, true)
	d.pdf.SetFooterFunc(d.footer)
	return d
}

// RegisterFuncs registers a drawing function for every node kind the
// documents can contain.
func (d *drawer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	// Blocks.
	reg.Register(ast.KindDocument, d.renderDocument)
	reg.Register(ast.KindHeading, d.renderHeading)
	reg.Register(ast.KindParagraph, d.renderParagraph)
	reg.Register(ast.KindTextBlock, d.renderTextBlock)
	reg.Register(ast.KindThematicBreak, d.renderThematicBreak)
	reg.Register(ast.KindBlockquote, d.renderBlockquote)
	reg.Register(ast.KindList, d.renderList)
	reg.Register(ast.KindListItem, d.renderListItem)
	reg.Register(ast.KindCodeBlock, d.renderCodeBlock)
	reg.Register(ast.KindFencedCodeBlock, d.renderCodeBlock)
	reg.Register(ast.KindHTMLBlock, d.renderHTMLBlock)
	reg.Register(east.KindTable, d.renderTable)
	reg.Register(east.KindTableHeader, d.renderTablePart)
	reg.Register(east.KindTableRow, d.renderTablePart)
	reg.Register(east.KindTableCell, d.renderTablePart)
	// Inlines.
	reg.Register(ast.KindText, d.renderText)
	reg.Register(ast.KindString, d.renderString)
	reg.Register(ast.KindEmphasis, d.renderEmphasis)
	reg.Register(ast.KindCodeSpan, d.renderCodeSpan)
	reg.Register(ast.KindLink, d.renderLink)
	reg.Register(ast.KindAutoLink, d.renderAutoLink)
	reg.Register(ast.KindImage, d.renderImage)
	reg.Register(ast.KindRawHTML, d.renderRawHTML)
	reg.Register(east.KindTaskCheckBox, d.renderTaskCheckBox)
}

// show draws text with showText, keeping the first error for the end of
// the document.
func (d *drawer) show(family, style string, size float64, color rgb, x, y, w, lead float64, text, link string, alignRight bool) {
	if d.dry || d.err != nil {
		return
	}
	end := d.markedContent(link, text)
	d.err = d.showText(family, style, size, color, x, y, w, lead, text, link, alignRight)
	d.runLang = ""
	if end != "" {
		d.pdf.RawWriteStr(end)
	}
}

// ---- Page furniture ----

// clip shortens text, with an ellipsis, to fit width in the span's face.
//
// The longest prefix that fits is found by halving, so a long text costs
// a few measurements of a line's length, never one a character: widths
// grow with the prefix (kerning aside, which moves a width by far less
// than a character).
func (d *drawer) clip(text string, sp span, width float64) string {
	if d.measure(sp.family, sp.style, sp.size, text) <= width {
		return text
	}
	r := []rune(text)
	cut := func(n int) string { return strings.TrimRight(string(r[:n]), " ,;:–—-") + "…" }
	fits := func(n int) bool { return d.measure(sp.family, sp.style, sp.size, cut(n)) <= width }
	// The longest prefix n (from 0, the ellipsis alone, to all but the
	// last character) whose cut fits; a cut grows with n, since trimming
	// only takes back what the longer prefix added.
	lo := sort.Search(len(r), func(n int) bool { return !fits(n) }) - 1
	if lo < 0 {
		return ""
	}
	return cut(lo)
}

func (d *drawer) header() {
	p, st := d.pdf, d.st
	d.furniture = true
	defer func() { d.furniture = false }()
	w, _ := p.GetPageSize()
	cw := w - 2*st.margin
	y := st.headerY
	if d.meta.Banner != "" {
		if !d.dry {
			// The banner is read once, as the document's first words; on
			// later pages it repeats as page furniture.
			banner := func() {
				d.drawText(d.meta.Banner, span{family: sans, style: "B", size: 8, color: colour(palette.Banner)}, st.margin, y-10, cw, 10, "C")
			}
			if p.PageNo() == 1 {
				d.beginTag("P")
				banner()
				d.endTag()
			} else {
				d.marked(markHeader, banner)
			}
		}
		y += 4
	}
	if p.PageNo() == 1 && len(d.meta.Logo) > 0 && !d.dry {
		d.decoration(d.drawLogo)
	}
	if p.PageNo() > 1 && d.dry {
		// A dry run draws nothing: only where the text starts matters.
		p.SetTopMargin(max(st.top, y+13+headerClearance))
	} else if p.PageNo() > 1 {
		small := span{family: serif, size: 8, color: st.muted}
		// One line each, whatever their length: a second line would sit
		// on the rule.
		gap := 12.0
		d.marked(markHeader, func() {
			d.drawText(d.clip(d.meta.Title, small, cw*0.65-gap), small, st.margin, y, cw*0.65, 10, "L")
			d.drawText(d.clip(d.meta.Author, small, cw*0.35), small, st.margin+cw*0.65, y, cw*0.35, 10, "R")
		})
		p.SetDrawColor(st.rule.r, st.rule.g, st.rule.b)
		p.SetLineWidth(0.5)
		d.decoration(func() { p.Line(st.margin, y+13, w-st.margin, y+13) })
		// The text starts clear of the rule however small the scale has
		// made the top margin (the page then starts at the new margin).
		p.SetTopMargin(max(st.top, y+13+headerClearance))
	}
	d.pending = 0
}

// The box the logo is fitted into, at the top right of the first page, in
// points: above the text, which starts at the top margin, and clear of a
// banner, which is centred.
const (
	logoTop       = 20.0
	logoMaxHeight = 32.0
	logoMaxWidth  = 120.0
)

// drawLogo draws meta.Logo at the top right of the page, fitted into its
// box with its proportions kept.
func (d *drawer) drawLogo() {
	p := d.pdf
	typ := strings.ToUpper(imagetype.Of(d.meta.Logo)) // fpdf's names: PNG, JPEG
	if typ == "" {
		d.err = errors.New("the logo is not a PNG or JPEG image")
		return
	}
	opt := fpdf.ImageOptions{ImageType: typ}
	info := p.RegisterImageOptionsReader("logo", opt, bytes.NewReader(d.meta.Logo))
	if info == nil || p.Err() {
		return // p.Error() carries the reason
	}
	w, h := info.Width(), info.Height()
	if w <= 0 || h <= 0 {
		return
	}
	k := min(logoMaxWidth/w, logoMaxHeight/h)
	w, h = w*k, h*k
	pw, _ := p.GetPageSize()
	p.ImageOptions("logo", pw-d.st.margin-w, logoTop+(logoMaxHeight-h)/2, w, h, false, opt, 0, "")
}

// headerClearance is the least space between the running header's rule
// and the text below it.
const headerClearance = 8

func (d *drawer) footer() {
	if d.dry {
		return // nothing below the text area moves it
	}
	p, st := d.pdf, d.st
	d.furniture = true
	defer func() { d.furniture = false }()
	w, h := p.GetPageSize()
	f := d.meta.Folio
	if f == [3]string{} {
		f = [3]string{"", " / ", ""} // no words given: the numbers alone
	}
	folio := fmt.Sprintf("%s%d%s%d%s", f[0], p.PageNo(), f[1], max(d.totalPages, p.PageNo()), f[2])
	d.marked(markFooter, func() {
		d.drawText(folio, span{family: serif, size: 8, color: st.muted},
			st.margin, h-st.footerY-8, w-2*st.margin, 10, "C")
	})
}

// ---- Layout helpers ----

func (d *drawer) leftMargin() float64 {
	l, _, _, _ := d.pdf.GetMargins()
	return l
}

func (d *drawer) pageBottom() float64 {
	_, h := d.pdf.GetPageSize()
	return h - d.st.bottom
}

// pageFill is the share of the current page's text area above the
// current position, from 0 to 1.
func (d *drawer) pageFill() float64 {
	_, top, _, _ := d.pdf.GetMargins()
	return min(max((d.pdf.GetY()-top)/d.textArea(), 0), 1)
}

func (d *drawer) atPageTop() bool {
	_, top, _, _ := d.pdf.GetMargins()
	return d.pdf.GetY() <= top+0.5
}

// startBlock leaves the larger of the space the previous block asked for
// below it and gap, except at the top of a page.
func (d *drawer) startBlock(gap float64) {
	space := max(d.pending, gap)
	d.pending = 0
	if !d.atPageTop() {
		d.pdf.SetY(d.pdf.GetY() + space)
	}
	d.pdf.SetX(d.leftMargin())
}

// ensure starts a new page unless h points fit above the bottom margin, or
// the page is still empty (a new page would not hold more).
func (d *drawer) ensure(h float64) {
	if d.pdf.GetY()+h > d.pageBottom() && !d.atPageTop() {
		d.pdf.AddPage()
	}
}

func (d *drawer) lineHeight() float64 {
	switch d.heading {
	case 1:
		return d.st.h1Size * 1.25
	case 2:
		return d.st.h2Size * 1.3
	case 0:
		return d.st.bodyLead
	}
	return d.st.h3Size * 1.35
}

// font returns the face, size and colour for the current inline state.
func (d *drawer) font() (family, style string, size float64, color rgb) {
	family, style, size, color = d.st.body, "", d.st.bodySize, d.st.ink
	switch d.heading {
	case 0:
	case 1:
		family, style, size, color = sans, "B", d.st.h1Size, d.st.accent
	case 2:
		family, style, size, color = sans, "B", d.st.h2Size, d.st.accent
	default:
		family, style, size, color = sans, "B", d.st.h3Size, d.st.accent
	}
	if d.bold > 0 {
		style = "B"
	}
	if d.italic > 0 && d.heading == 0 {
		// The only italic faces are the serif's, whatever the body face.
		family = serif
		style += "I"
	}
	if d.link != "" {
		color = d.st.link
	}
	return family, style, size, color
}

// add collects inline text in the current style; flush lays it out.
func (d *drawer) add(s string) {
	if s == "" {
		return
	}
	family, style, size, color := d.font()
	sp := span{text: s, family: family, style: style, size: size, color: color, link: d.link}
	sp.lang = d.langs.Current()
	if n := len(d.spans); n > 0 {
		// Text in the same style continues the span (the Markdown parser
		// cuts "don’t" at its apostrophe), so its words are shaped whole.
		if last := &d.spans[n-1]; last.family == family && last.style == style && last.size == size && last.color == color && last.link == d.link && last.lang == sp.lang {
			last.text += s
			return
		}
	}
	d.spans = append(d.spans, sp)
}

// flush lays out the collected spans as the lines of one block, from the
// current position between the left and right margins.
func (d *drawer) flush() {
	spans := d.spans
	d.spans = nil
	marker := d.marker
	d.marker = nil
	balanced := d.balanced
	d.balanced = false
	if len(spans) == 0 {
		if marker != nil {
			d.ensure(d.st.bodyLead)
			if !d.dry {
				marker(d.pdf.GetY())
			}
			d.pdf.SetY(d.pdf.GetY() + d.st.bodyLead)
		}
		return
	}
	lead := d.lineHeight()
	how := fill
	if balanced && d.heading == 0 {
		how = balance
	}
	lines := d.breakLinesBy(spans, d.contentWidth(), how)
	// Keep the lines a block must start with together at a page foot
	// (startLines), and an introduction that ends in a colon with what it
	// introduces (keepNext, measured by the caller) or at least two lines
	// of it.
	start := d.startLines(lines)
	if d.measuring && d.firstStart < 0 {
		d.firstStart = float64(start) * lead
	}
	keep := float64(start) * lead
	switch {
	case d.keepNext > 0:
		keep = float64(len(lines))*lead + d.keepNext
	case endsWithColon(spans):
		keep = float64(len(lines)+2) * lead
	}
	d.keepNext = 0
	d.ensure(keep)
	page, next := 0, 0 // the page the lines are on, and the line that starts the next
	for i, line := range lines {
		switch {
		case i == 0:
		case i == next:
			d.pdf.AddPage()
		default:
			d.ensure(lead)
		}
		if p := d.pdf.PageNo(); p != page {
			page, next = p, i+d.linesHere(len(lines)-i, lead)
		}
		y := d.pdf.GetY()
		if i == 0 && marker != nil && !d.dry {
			marker(y)
		}
		d.drawLine(line, d.leftMargin(), y, lead)
		d.pdf.SetXY(d.leftMargin(), y+lead)
	}
}

func endsWithColon(spans []span) bool {
	last := strings.TrimSpace(spans[len(spans)-1].text)
	return strings.HasSuffix(last, ":")
}

// ---- Blocks ----

func (d *drawer) renderDocument(_ util.BufWriter, source []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.source = source
		d.pdf.AddPage()
	}
	return ast.WalkContinue, nil
}

func (d *drawer) renderHeading(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if entering {
		gap := d.st.headGapBefore
		if n.Level == 1 {
			gap = 0
		}
		d.startBlock(gap)
		d.heading = n.Level
		// Never leave a heading alone at the foot of a page: it needs its
		// own lines and what its section opens with (see keepHeight).
		d.ensure(d.headingKeep(n))
		d.beginTag(fmt.Sprintf("H%d", min(n.Level, 6)))
		return ast.WalkContinue, nil
	}
	d.flush()
	d.endTag()
	d.heading = 0
	d.pending = d.st.headGapAfter
	if n.Level == 1 {
		d.pending = d.st.headGapAfter * 1.6
	}
	return ast.WalkContinue, nil
}

func (d *drawer) contentWidth() float64 {
	w, _ := d.pdf.GetPageSize()
	_, _, r, _ := d.pdf.GetMargins()
	return w - r - d.leftMargin()
}

func (d *drawer) renderParagraph(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if _, inItem := node.Parent().(*ast.ListItem); !inItem || node.PreviousSibling() != nil {
			d.startBlock(d.st.paraGap)
		}
		d.beginTag("P")
		return ast.WalkContinue, nil
	}
	if next := introduces(node.(*ast.Paragraph), d.source); next != nil {
		d.keepNext = d.introGap(next) + d.keepHeight(next)
	}
	d.balanced = true
	d.flush()
	d.endTag()
	d.pending = d.st.paraGap
	return ast.WalkContinue, nil
}

func (d *drawer) renderTextBlock(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if node.PreviousSibling() != nil {
			d.startBlock(d.st.itemGap)
		}
		return ast.WalkContinue, nil
	}
	d.balanced = true
	d.flush()
	return ast.WalkContinue, nil
}

func (d *drawer) renderThematicBreak(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	d.startBlock(d.st.paraGap)
	y := d.pdf.GetY() + 2
	d.pdf.SetDrawColor(d.st.rule.r, d.st.rule.g, d.st.rule.b)
	d.pdf.SetLineWidth(0.75)
	d.decoration(func() { d.pdf.Line(d.leftMargin(), y, d.leftMargin()+d.contentWidth(), y) })
	d.pdf.SetY(y + 2)
	d.pending = d.st.paraGap + 2
	return ast.WalkContinue, nil
}

func (d *drawer) renderBlockquote(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.startBlock(d.st.paraGap)
		q := quoteState{margin: d.leftMargin(), startY: d.pdf.GetY(), page: d.pdf.PageNo()}
		d.quote = append(d.quote, q)
		d.pdf.SetLeftMargin(q.margin + d.st.indent)
		d.italic++
		d.beginTag("BlockQuote")
		return ast.WalkContinue, nil
	}
	d.italic--
	q := d.quote[len(d.quote)-1]
	d.quote = d.quote[:len(d.quote)-1]
	startY := q.startY
	if d.pdf.PageNo() != q.page {
		_, startY, _, _ = d.pdf.GetMargins()
	}
	d.pdf.SetDrawColor(d.st.accent.r, d.st.accent.g, d.st.accent.b)
	d.pdf.SetLineWidth(2)
	d.decoration(func() { d.pdf.Line(q.margin+4, startY+1, q.margin+4, d.pdf.GetY()-1) })
	d.endTag()
	d.pdf.SetLeftMargin(q.margin)
	d.pending = d.st.paraGap
	return ast.WalkContinue, nil
}

func (d *drawer) renderList(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.List)
	if entering {
		if len(d.lists) == 0 {
			d.startBlock(d.st.paraGap)
		}
		d.ensure(d.keepHeight(n))
		d.lists = append(d.lists, d.listState(n))
		d.beginTag("L")
		return ast.WalkContinue, nil
	}
	d.endTag()
	top := d.lists[len(d.lists)-1]
	d.lists = d.lists[:len(d.lists)-1]
	d.pdf.SetLeftMargin(top.margin - d.st.indent)
	d.pending = d.st.paraGap
	if len(d.lists) > 0 {
		d.pending = d.st.itemGap
	}
	return ast.WalkContinue, nil
}

// listState is the state renderList keeps for a list starting here.
func (d *drawer) listState(n *ast.List) listState {
	start := n.Start
	if start == 0 {
		start = 1
	}
	return listState{
		ordered: n.IsOrdered(),
		next:    start,
		margin:  d.leftMargin() + d.st.indent,
		tight:   n.IsTight,
	}
}

func (d *drawer) renderListItem(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	l := &d.lists[len(d.lists)-1]
	if !entering {
		d.endTag() // LBody
		d.endTag() // LI
		d.pdf.SetLeftMargin(l.margin - d.st.indent)
		d.pending = d.st.itemGap
		if !l.tight {
			d.pending = d.st.paraGap
		}
		return ast.WalkContinue, nil
	}
	d.startBlock(d.st.itemGap)
	d.keepLastItems(node)
	d.pdf.SetLeftMargin(l.margin)
	x := l.margin - d.st.indent
	// The item's label (its number or bullet) and body, in that order.
	d.beginTag("LI")
	var lbl *elem
	if d.tags != nil {
		lbl = d.tags.child("Lbl")
	}
	d.beginTag("LBody")
	label := func(f func()) {
		if d.tags != nil {
			d.tags.into = lbl
			defer func() { d.tags.into = nil }()
		}
		f()
	}
	switch {
	case l.ordered:
		mark := fmt.Sprintf("%d.", l.next)
		d.marker = func(y float64) {
			label(func() {
				d.show(d.st.body, "", d.st.bodySize, d.st.ink, x, y, d.st.indent-5, d.st.bodyLead, mark, "", true)
			})
		}
	default:
		mark := "•"
		if len(d.lists) > 1 {
			mark = "–"
		}
		d.marker = func(y float64) {
			label(func() {
				d.show(d.st.body, "", d.st.bodySize, d.st.accent, x+3, y, d.st.indent-3, d.st.bodyLead, mark, "", false)
			})
		}
	}
	l.next++
	return ast.WalkContinue, nil
}

func (d *drawer) renderTaskCheckBox(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || len(d.lists) == 0 {
		return ast.WalkContinue, nil
	}
	checked := node.(*east.TaskCheckBox).IsChecked
	x := d.lists[len(d.lists)-1].margin - d.st.indent + 1
	d.marker = func(y float64) {
		size := d.st.bodySize * 0.85
		y += (d.st.bodyLead - size) / 2
		d.pdf.SetDrawColor(d.st.ink.r, d.st.ink.g, d.st.ink.b)
		d.pdf.SetLineWidth(0.75)
		d.decoration(func() {
			d.pdf.Rect(x, y, size, size, "D")
			if checked {
				d.pdf.Line(x+2, y+size/2, x+size/2.5, y+size-2)
				d.pdf.Line(x+size/2.5, y+size-2, x+size-1.5, y+1.5)
			}
		})
	}
	return ast.WalkSkipChildren, nil
}

// renderCodeBlock prints code as plain lines; the documents have none, but
// user text must never vanish. A chart's fence is drawn as the chart.
func (d *drawer) renderCodeBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if isChart(node, source) {
		if err := d.renderChart(node.(*ast.FencedCodeBlock)); err != nil {
			return ast.WalkStop, err
		}
		return ast.WalkSkipChildren, nil
	}
	d.startBlock(d.st.paraGap)
	d.beginTag("P")
	d.addLines(node.Lines(), source)
	d.flush()
	d.endTag()
	d.pending = d.st.paraGap
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock prints raw HTML as the text it is, never interpreted.
func (d *drawer) renderHTMLBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	d.startBlock(d.st.paraGap)
	d.beginTag("P")
	d.addLines(n.Lines(), source)
	if n.HasClosure() {
		d.add("\n")
		d.add(strings.TrimRight(string(n.ClosureLine.Value(source)), "\n"))
	}
	d.flush()
	d.endTag()
	d.pending = d.st.paraGap
	return ast.WalkSkipChildren, nil
}

func (d *drawer) addLines(lines *text.Segments, source []byte) {
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			d.add("\n")
		}
		d.add(strings.TrimRight(string(seg.Value(source)), "\n"))
	}
}

// ---- Inlines ----

func (d *drawer) renderText(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	d.add(mdtext.Unescape(n.Segment.Value(source)))
	switch {
	case n.HardLineBreak():
		d.add("\n")
	case n.SoftLineBreak():
		d.add(" ")
	}
	return ast.WalkContinue, nil
}

func (d *drawer) renderString(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.String)
		if n.IsCode() || n.IsRaw() {
			d.add(string(n.Value))
		} else {
			d.add(mdtext.Unescape(n.Value))
		}
	}
	return ast.WalkContinue, nil
}

func (d *drawer) renderEmphasis(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Emphasis)
	step := 1
	if !entering {
		step = -1
	}
	if n.Level >= 2 {
		d.bold += step
	} else {
		d.italic += step
	}
	return ast.WalkContinue, nil
}

func (d *drawer) renderCodeSpan(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.add(mdtext.Plain(node, source))
	}
	return ast.WalkSkipChildren, nil
}

func (d *drawer) renderLink(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.link = ""
		if dest := string(node.(*ast.Link).Destination); mdtext.Openable(dest) {
			d.link = dest
		}
	} else {
		d.link = ""
	}
	return ast.WalkContinue, nil
}

func (d *drawer) renderAutoLink(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	if url := mdtext.AutoLinkURL(n, source); mdtext.Openable(url) {
		d.link = url
	}
	d.add(string(n.Label(source)))
	d.link = ""
	return ast.WalkContinue, nil
}

// renderImage prints an image's description: the documents embed no images.
func (d *drawer) renderImage(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.add(mdtext.Plain(node, source))
	}
	return ast.WalkSkipChildren, nil
}

// renderRawHTML prints inline HTML as text, never interpreted.
func (d *drawer) renderRawHTML(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.RawHTML)
	if d.langs.Follow(n, source) {
		// A passage's language: its runs carry it, which the structure
		// tree gives them (tags.go).
		return ast.WalkSkipChildren, nil
	}
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		d.add(string(seg.Value(source)))
	}
	return ast.WalkSkipChildren, nil
}
