package pdf

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// drawer is the goldmark NodeRenderer that draws each node on the page.
// Goldmark's writer is ignored: everything goes to pdf.
type drawer struct {
	pdf  *fpdf.Fpdf
	st   *style
	meta Meta

	// Inline state.
	bold, italic int
	link         string
	heading      int  // level of the heading being drawn; 0 outside headings
	lineOpen     bool // text has been drawn on the current line
	pending      float64

	lists []listState
	quote []quoteState
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

func newDrawer(meta Meta) *drawer {
	st := newStyle(meta.Scale)
	d := &drawer{st: st, meta: meta}
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

// ---- Page furniture ----

func (d *drawer) header() {
	p, st := d.pdf, d.st
	w, _ := p.GetPageSize()
	if d.meta.Banner != "" {
		p.SetFont(sans, "B", 8)
		p.SetTextColor(150, 40, 40)
		p.SetXY(st.margin, st.headerY-10)
		p.CellFormat(w-2*st.margin, 10, d.meta.Banner, "", 0, "C", false, 0, "")
	}
	if p.PageNo() > 1 {
		p.SetFont(sans, "", 8)
		p.SetTextColor(st.muted.r, st.muted.g, st.muted.b)
		y := st.headerY
		if d.meta.Banner != "" {
			y += 4
		}
		p.SetXY(st.margin, y)
		p.CellFormat(w-2*st.margin, 10, d.meta.Title, "", 0, "L", false, 0, "")
		p.SetXY(st.margin, y)
		p.CellFormat(w-2*st.margin, 10, d.meta.Author, "", 0, "R", false, 0, "")
		p.SetDrawColor(st.rule.r, st.rule.g, st.rule.b)
		p.SetLineWidth(0.5)
		p.Line(st.margin, y+13, w-st.margin, y+13)
	}
	p.SetTextColor(st.ink.r, st.ink.g, st.ink.b)
	d.lineOpen = false
	d.pending = 0
	d.setFont()
}

func (d *drawer) footer() {
	p, st := d.pdf, d.st
	w, h := p.GetPageSize()
	p.SetFont(sans, "", 8)
	p.SetTextColor(st.muted.r, st.muted.g, st.muted.b)
	p.SetXY(st.margin, h-st.footerY-8)
	p.CellFormat(w-2*st.margin, 10, fmt.Sprintf("Page %d of {nb}", p.PageNo()), "", 0, "C", false, 0, "")
	p.SetTextColor(st.ink.r, st.ink.g, st.ink.b)
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

func (d *drawer) atPageTop() bool {
	_, top, _, _ := d.pdf.GetMargins()
	return d.pdf.GetY() <= top+0.5
}

// startBlock ends any open line and leaves the larger of the space the
// previous block asked for after it and gap, except at the top of a page.
func (d *drawer) startBlock(gap float64) {
	d.endLine()
	space := max(d.pending, gap)
	d.pending = 0
	if !d.atPageTop() {
		d.pdf.SetY(d.pdf.GetY() + space)
	}
	d.pdf.SetX(d.leftMargin())
}

// endLine moves below the line being written, if any.
func (d *drawer) endLine() {
	if d.lineOpen {
		d.pdf.Ln(d.lineHeight())
		d.lineOpen = false
	}
}

// ensure starts a new page unless h points fit above the bottom margin.
func (d *drawer) ensure(h float64) {
	if d.pdf.GetY()+h > d.pageBottom() {
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

// setFont selects the face and size for the current inline state.
func (d *drawer) setFont() {
	family, style, size := serif, "", d.st.bodySize
	switch d.heading {
	case 0:
	case 1:
		family, style, size = sans, "B", d.st.h1Size
	case 2:
		family, style, size = sans, "B", d.st.h2Size
	default:
		family, style, size = sans, "B", d.st.h3Size
	}
	if d.bold > 0 {
		style = "B"
	}
	if d.italic > 0 && family == serif {
		style += "I"
	}
	d.pdf.SetFont(family, style, size)
	switch {
	case d.link != "":
		d.pdf.SetTextColor(d.st.link.r, d.st.link.g, d.st.link.b)
	case d.heading > 0:
		d.pdf.SetTextColor(d.st.accent.r, d.st.accent.g, d.st.accent.b)
	default:
		d.pdf.SetTextColor(d.st.ink.r, d.st.ink.g, d.st.ink.b)
	}
}

// write draws inline text that wraps at the right margin and continues at
// the left margin.
func (d *drawer) write(s string) {
	if s == "" {
		return
	}
	d.setFont()
	if !d.lineOpen {
		d.pdf.SetX(d.leftMargin())
	}
	if d.link != "" {
		d.pdf.WriteLinkString(d.lineHeight(), s, d.link)
	} else {
		d.pdf.Write(d.lineHeight(), s)
	}
	d.lineOpen = true
}

// ---- Blocks ----

func (d *drawer) renderDocument(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.pdf.AddPage()
	} else {
		d.endLine()
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
		// own lines and at least three lines of what follows.
		lines := len(d.pdf.SplitText(plainText(n, source), d.contentWidth()))
		d.ensure(float64(lines)*d.lineHeight() + d.st.headGapAfter + 3*d.st.bodyLead)
		d.setFont()
		return ast.WalkContinue, nil
	}
	d.endLine()
	d.heading = 0
	d.pending = d.st.headGapAfter
	if n.Level == 1 {
		d.pending = d.st.headGapAfter * 1.6
	}
	d.setFont()
	return ast.WalkContinue, nil
}

func (d *drawer) contentWidth() float64 {
	w, _ := d.pdf.GetPageSize()
	_, _, r, _ := d.pdf.GetMargins()
	return w - r - d.leftMargin()
}

func (d *drawer) renderParagraph(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		gap := d.st.paraGap
		if _, inItem := node.Parent().(*ast.ListItem); inItem && node.PreviousSibling() == nil {
			return ast.WalkContinue, nil // the item has placed the line already
		}
		d.startBlock(gap)
		// Keep at least two lines of a paragraph together at a page foot.
		d.ensure(2 * d.st.bodyLead)
		return ast.WalkContinue, nil
	}
	d.endLine()
	d.pending = d.st.paraGap
	return ast.WalkContinue, nil
}

func (d *drawer) renderTextBlock(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.PreviousSibling() != nil {
		d.startBlock(d.st.itemGap)
	}
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
	d.pdf.Line(d.leftMargin(), y, d.leftMargin()+d.contentWidth(), y)
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
		d.pdf.SetX(q.margin + d.st.indent)
		d.italic++
		return ast.WalkContinue, nil
	}
	d.endLine()
	d.italic--
	q := d.quote[len(d.quote)-1]
	d.quote = d.quote[:len(d.quote)-1]
	startY := q.startY
	if d.pdf.PageNo() != q.page {
		_, startY, _, _ = d.pdf.GetMargins()
	}
	d.pdf.SetDrawColor(d.st.accent.r, d.st.accent.g, d.st.accent.b)
	d.pdf.SetLineWidth(2)
	d.pdf.Line(q.margin+4, startY+2, q.margin+4, d.pdf.GetY()-2)
	d.pdf.SetLeftMargin(q.margin)
	d.pending = d.st.paraGap
	return ast.WalkContinue, nil
}

func (d *drawer) renderList(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.List)
	if entering {
		nested := len(d.lists) > 0
		if nested {
			d.endLine()
		} else {
			d.startBlock(d.st.paraGap)
		}
		start := n.Start
		if start == 0 {
			start = 1
		}
		d.lists = append(d.lists, listState{
			ordered: n.IsOrdered(),
			next:    start,
			margin:  d.leftMargin() + d.st.indent,
			tight:   n.IsTight,
		})
		return ast.WalkContinue, nil
	}
	d.endLine()
	top := d.lists[len(d.lists)-1]
	d.lists = d.lists[:len(d.lists)-1]
	d.pdf.SetLeftMargin(top.margin - d.st.indent)
	d.pending = d.st.paraGap
	return ast.WalkContinue, nil
}

func (d *drawer) renderListItem(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	l := &d.lists[len(d.lists)-1]
	if !entering {
		d.endLine()
		d.pending = d.st.itemGap
		if !l.tight {
			d.pending = d.st.paraGap
		}
		return ast.WalkContinue, nil
	}
	if node.PreviousSibling() == nil && len(d.lists) > 1 {
		d.endLine()
		d.pdf.SetY(d.pdf.GetY() + d.st.itemGap)
		d.pending = 0
	} else {
		d.startBlock(d.st.itemGap)
	}
	d.ensure(d.st.bodyLead)
	d.pdf.SetLeftMargin(l.margin)
	y := d.pdf.GetY()
	d.setFont()
	switch {
	case hasTaskBox(node):
		// The check box is drawn by renderTaskCheckBox.
	case l.ordered:
		mark := fmt.Sprintf("%d.", l.next)
		d.pdf.SetXY(l.margin-d.st.indent, y)
		d.pdf.CellFormat(d.st.indent-5, d.st.bodyLead, mark, "", 0, "R", false, 0, "")
	default:
		mark := "•"
		if len(d.lists) > 1 {
			mark = "–"
		}
		d.pdf.SetTextColor(d.st.accent.r, d.st.accent.g, d.st.accent.b)
		d.pdf.SetXY(l.margin-d.st.indent+3, y)
		d.pdf.CellFormat(d.st.indent-3, d.st.bodyLead, mark, "", 0, "L", false, 0, "")
		d.setFont()
	}
	l.next++
	d.pdf.SetXY(l.margin, y)
	d.lineOpen = true // the item's first line is placed
	return ast.WalkContinue, nil
}

func hasTaskBox(item ast.Node) bool {
	first := item.FirstChild()
	if first == nil {
		return false
	}
	_, ok := first.FirstChild().(*east.TaskCheckBox)
	return ok
}

func (d *drawer) renderTaskCheckBox(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*east.TaskCheckBox)
	l := d.lists[len(d.lists)-1]
	size := d.st.bodySize * 0.85
	x := l.margin - d.st.indent + 1
	y := d.pdf.GetY() + (d.st.bodyLead-size)/2
	d.pdf.SetDrawColor(d.st.ink.r, d.st.ink.g, d.st.ink.b)
	d.pdf.SetLineWidth(0.75)
	d.pdf.Rect(x, y, size, size, "D")
	if n.IsChecked {
		d.pdf.Line(x+2, y+size/2, x+size/2.5, y+size-2)
		d.pdf.Line(x+size/2.5, y+size-2, x+size-1.5, y+1.5)
	}
	return ast.WalkSkipChildren, nil
}

// renderCodeBlock prints code as plain lines; the documents have none, but
// user text must never vanish.
func (d *drawer) renderCodeBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	d.startBlock(d.st.paraGap)
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		d.write(strings.TrimRight(string(seg.Value(source)), "\n"))
		d.endLine()
	}
	d.pending = d.st.paraGap
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock prints raw HTML as the text it is, never interpreted.
func (d *drawer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	d.startBlock(d.st.paraGap)
	n := node.(*ast.HTMLBlock)
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		d.write(strings.TrimRight(string(seg.Value(source)), "\n"))
		d.endLine()
	}
	if n.HasClosure() {
		d.write(strings.TrimRight(string(n.ClosureLine.Value(source)), "\n"))
		d.endLine()
	}
	d.pending = d.st.paraGap
	return ast.WalkSkipChildren, nil
}

// ---- Inlines ----

func (d *drawer) renderText(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	d.write(unescape(n.Segment.Value(source)))
	switch {
	case n.HardLineBreak():
		d.pdf.Ln(d.lineHeight())
		d.pdf.SetX(d.leftMargin())
		d.lineOpen = true
	case n.SoftLineBreak():
		d.write(" ")
	}
	return ast.WalkContinue, nil
}

func (d *drawer) renderString(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.String)
		if n.IsCode() || n.IsRaw() {
			d.write(string(n.Value))
		} else {
			d.write(unescape(n.Value))
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
		d.write(plainText(node, source))
	}
	return ast.WalkSkipChildren, nil
}

func (d *drawer) renderLink(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.link = string(node.(*ast.Link).Destination)
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
	url := string(n.URL(source))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	d.link = url
	d.write(string(n.Label(source)))
	d.link = ""
	return ast.WalkContinue, nil
}

// renderImage prints an image's description: the documents embed no images.
func (d *drawer) renderImage(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		d.write(plainText(node, source))
	}
	return ast.WalkSkipChildren, nil
}

// renderRawHTML prints inline HTML as text, never interpreted.
func (d *drawer) renderRawHTML(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.RawHTML)
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		d.write(string(seg.Value(source)))
	}
	return ast.WalkSkipChildren, nil
}

// unescape turns Markdown's backslash escapes and character references
// into the characters they stand for.
func unescape(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

// plainText returns the text of a node and its descendants, unstyled.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(unescape(t.Segment.Value(source)))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if t.IsCode() || t.IsRaw() {
				b.Write(t.Value)
			} else {
				b.WriteString(unescape(t.Value))
			}
		case *ast.CodeSpan:
			for g := t.FirstChild(); g != nil; g = g.NextSibling() {
				if tx, ok := g.(*ast.Text); ok {
					b.Write(tx.Segment.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(t.Label(source))
		case *ast.RawHTML:
			for i := 0; i < t.Segments.Len(); i++ {
				seg := t.Segments.At(i)
				b.Write(seg.Value(source))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
