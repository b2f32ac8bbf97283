package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/propose-cli/propose/pkg/chart"
	"github.com/propose-cli/propose/pkg/mdtext"
)

// indentStep is a list level's indent, in twentieths of a point.
const indentStep = 360

// builder is the goldmark NodeRenderer that writes each node into the
// body of word/document.xml. Goldmark's writer is ignored.
type builder struct {
	meta Meta
	body bytes.Buffer

	// Inline state: the style of the runs being written.
	bold, italic int
	link         bool         // inside a hyperlink
	langs        mdtext.Langs // the languages of the passages being written
	linkDepth    int          // links open; a link in a link is its text only
	heading      int          // level of the heading being written; 0 outside headings

	quote int // block quotes open
	lists []listState
	cell  *cellState // the table cell being written; nil outside tables

	// keepLast, when not nil, is the last block of a form section (the
	// sign-off, see formLast): every paragraph before it is kept with the
	// next, so that Word never splits the section across pages.
	keepLast ast.Node

	links []string       // hyperlink targets, in the order of their relationships
	relOf map[string]int // index in links of each target
	nums  []numState     // numbering instances, in numId order from 2 (1 is the bullets)
}

type listState struct {
	ordered bool
	numID   int
	level   int
	item    bool // the current item's first block is written (it carries the marker)
	task    bool // the current item starts with a check box and has no marker
}

type cellState struct {
	header bool
	align  string // "left", "center", "right" or "" for the default
}

// numState is a numbered list's own numbering instance, so that each list
// counts from its own start.
type numState struct {
	level, start int
}

func newBuilder(meta Meta) *builder {
	return &builder{meta: meta, relOf: map[string]int{}}
}

// RegisterFuncs registers a writing function for every node kind the
// documents can contain.
func (b *builder) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	// Blocks.
	reg.Register(ast.KindDocument, b.renderDocument)
	reg.Register(ast.KindHeading, b.renderHeading)
	reg.Register(ast.KindParagraph, b.renderParagraph)
	reg.Register(ast.KindTextBlock, b.renderParagraph)
	reg.Register(ast.KindThematicBreak, b.renderThematicBreak)
	reg.Register(ast.KindBlockquote, b.renderBlockquote)
	reg.Register(ast.KindList, b.renderList)
	reg.Register(ast.KindListItem, b.renderListItem)
	reg.Register(ast.KindCodeBlock, b.renderCodeBlock)
	reg.Register(ast.KindFencedCodeBlock, b.renderCodeBlock)
	reg.Register(ast.KindHTMLBlock, b.renderHTMLBlock)
	reg.Register(east.KindTable, b.renderTable)
	reg.Register(east.KindTableHeader, b.renderTableRow)
	reg.Register(east.KindTableRow, b.renderTableRow)
	reg.Register(east.KindTableCell, b.renderTableCell)
	// Inlines.
	reg.Register(ast.KindText, b.renderText)
	reg.Register(ast.KindString, b.renderString)
	reg.Register(ast.KindEmphasis, b.renderEmphasis)
	reg.Register(ast.KindCodeSpan, b.renderCodeSpan)
	reg.Register(ast.KindLink, b.renderLink)
	reg.Register(ast.KindAutoLink, b.renderAutoLink)
	reg.Register(ast.KindImage, b.renderImage)
	reg.Register(ast.KindRawHTML, b.renderRawHTML)
	reg.Register(east.KindTaskCheckBox, b.renderTaskCheckBox)
}

// ---- Writing XML ----

// esc escapes text for an element's content or an attribute's value.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run writes text as one or more runs in the current inline style; a line
// feed in the text is a line break.
func (b *builder) run(s string) {
	if s == "" {
		return
	}
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.body.WriteString("<w:r><w:br/></w:r>")
		}
		if line == "" {
			continue
		}
		b.body.WriteString("<w:r>")
		b.body.WriteString(b.runProps())
		fmt.Fprintf(&b.body, `<w:t xml:space="preserve">%s</w:t></w:r>`, esc(line))
	}
}

// runProps is the w:rPr of the current inline style, in the schema's
// order; "" for plain text.
func (b *builder) runProps() string {
	var p strings.Builder
	if b.link {
		p.WriteString(`<w:rStyle w:val="Hyperlink"/>`)
	}
	if b.bold > 0 || (b.cell != nil && b.cell.header) {
		p.WriteString("<w:b/><w:bCs/>")
	}
	if b.italic > 0 {
		p.WriteString("<w:i/><w:iCs/>")
	}
	if lang := b.langs.Current(); lang != "" {
		fmt.Fprintf(&p, `<w:lang w:val="%s"/>`, esc(lang))
	}
	if p.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + p.String() + "</w:rPr>"
}

// openParagraph starts a w:p with the properties its place calls for: a
// heading's style, a table cell's, a list item's marker or indent, a
// quote's style.
func (b *builder) openParagraph() {
	var style, numPr, ind, jc string
	switch {
	case b.heading > 0:
		style = fmt.Sprintf("Heading%d", min(b.heading, 3))
	case b.cell != nil:
		style = "TableText"
		if b.cell.header {
			style = "TableHeading"
		}
		jc = map[string]string{"left": "left", "center": "center", "right": "right"}[b.cell.align]
	case len(b.lists) > 0:
		style = "ListParagraph"
		l := &b.lists[len(b.lists)-1]
		if !l.item && !l.task {
			numPr = fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, l.level, l.numID)
		} else {
			ind = fmt.Sprintf(`<w:ind w:left="%d"/>`, indentStep*(l.level+1))
		}
		l.item = true
	case b.quote > 0:
		style = "Quote"
		if b.quote > 1 {
			ind = fmt.Sprintf(`<w:ind w:left="%d"/>`, indentStep*(b.quote+1))
		}
	}
	b.body.WriteString("<w:p>")
	keep := b.keepLast != nil
	if style == "" && numPr == "" && ind == "" && jc == "" && !keep {
		return
	}
	b.body.WriteString("<w:pPr>")
	if style != "" {
		fmt.Fprintf(&b.body, `<w:pStyle w:val="%s"/>`, style)
	}
	if keep {
		b.body.WriteString("<w:keepNext/>")
	}
	b.body.WriteString(numPr)
	b.body.WriteString(ind)
	if jc != "" {
		fmt.Fprintf(&b.body, `<w:jc w:val="%s"/>`, jc)
	}
	b.body.WriteString("</w:pPr>")
}

func (b *builder) closeParagraph() {
	b.body.WriteString("</w:p>")
}

// rel is the relationship id of a hyperlink's target, added on first use.
func (b *builder) rel(target string) string {
	i, ok := b.relOf[target]
	if !ok {
		i = len(b.links)
		b.relOf[target] = i
		b.links = append(b.links, target)
	}
	return linkRelID(i)
}

func linkRelID(i int) string { return fmt.Sprintf("rIdLink%d", i+1) }

// ---- Blocks ----

func (b *builder) renderDocument(_ util.BufWriter, _ []byte, _ ast.Node, _ bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}

func (b *builder) renderHeading(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.keepLast = formLast(node.(*ast.Heading))
		b.heading = node.(*ast.Heading).Level
		b.openParagraph()
		return ast.WalkContinue, nil
	}
	b.closeParagraph()
	b.heading = 0
	return ast.WalkContinue, nil
}

func (b *builder) renderParagraph(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.endKeep(node)
		b.openParagraph()
	} else {
		b.closeParagraph()
	}
	return ast.WalkContinue, nil
}

func (b *builder) renderThematicBreak(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.body.WriteString(`<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="CED4DA"/></w:pBdr></w:pPr></w:p>`)
	}
	return ast.WalkContinue, nil
}

func (b *builder) renderBlockquote(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.quote++
	} else {
		b.quote--
	}
	return ast.WalkContinue, nil
}

func (b *builder) renderList(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		b.lists = b.lists[:len(b.lists)-1]
		return ast.WalkContinue, nil
	}
	b.endKeep(node)
	n := node.(*ast.List)
	l := listState{ordered: n.IsOrdered(), numID: bulletNumID, level: min(len(b.lists), maxLevel)}
	if l.ordered {
		start := n.Start
		if start == 0 {
			start = 1
		}
		b.nums = append(b.nums, numState{level: l.level, start: start})
		l.numID = bulletNumID + len(b.nums)
	}
	b.lists = append(b.lists, l)
	return ast.WalkContinue, nil
}

func (b *builder) renderListItem(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if !b.lists[len(b.lists)-1].item {
			// An empty item still shows its marker.
			b.openParagraph()
			b.closeParagraph()
		}
		return ast.WalkContinue, nil
	}
	l := &b.lists[len(b.lists)-1]
	l.item = false
	l.task = false
	if first := node.FirstChild(); first != nil {
		if _, ok := first.FirstChild().(*east.TaskCheckBox); ok {
			l.task = true
		}
	}
	return ast.WalkContinue, nil
}

// renderTaskCheckBox writes a task's check box as a character: ☐, or ☒
// when it is ticked.
func (b *builder) renderTaskCheckBox(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	box := "☐"
	if node.(*east.TaskCheckBox).IsChecked {
		box = "☒"
	}
	fmt.Fprintf(&b.body, `<w:r><w:rPr><w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" w:cs="Segoe UI Symbol"/></w:rPr><w:t xml:space="preserve">%s </w:t></w:r>`, box)
	return ast.WalkSkipChildren, nil
}

// renderCodeBlock writes code as plain lines; the documents have none, but
// user text must never vanish. A chart's fence is written as its readings.
func (b *builder) renderCodeBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if f, ok := node.(*ast.FencedCodeBlock); ok && string(f.Language(source)) == chart.Info {
		spec, err := chart.ParseFence(f, source)
		if err != nil {
			return ast.WalkStop, err
		}
		b.writeChart(spec)
		return ast.WalkSkipChildren, nil
	}
	b.openParagraph()
	b.run(linesText(node.Lines(), source))
	b.closeParagraph()
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock writes raw HTML as the text it is, never interpreted.
func (b *builder) renderHTMLBlock(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	s := linesText(n.Lines(), source)
	if n.HasClosure() {
		s += "\n" + strings.TrimRight(string(n.ClosureLine.Value(source)), "\n")
	}
	b.openParagraph()
	b.run(s)
	b.closeParagraph()
	return ast.WalkSkipChildren, nil
}

// ---- Tables ----

// renderTable starts a table: full width, bordered, its columns as wide as
// their content asks for, its header row repeated on every page.
func (b *builder) renderTable(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		b.body.WriteString("</w:tbl>")
		b.tableGap(node.NextSibling() == nil && node.Parent().Kind() == ast.KindDocument)
		return ast.WalkContinue, nil
	}
	b.endKeep(node)
	var rows [][]string
	for r := node.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, plainText(c, source))
		}
		rows = append(rows, cells)
	}
	b.openTable(columnWidths(rows, b.textWidth()))
	return ast.WalkContinue, nil
}

// tableGap writes the paragraph after a table: two tables in a row would
// merge into one without it, and it gives the space below the table. After
// the document's last table, where Word needs a paragraph before the end
// of the body, it takes almost no room, so that it never makes a page of
// its own.
func (b *builder) tableGap(last bool) {
	if b.keepLast != nil {
		b.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableGap"/><w:keepNext/></w:pPr></w:p>`)
		return
	}
	if last {
		b.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableGap"/><w:spacing w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`)
		return
	}
	b.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableGap"/></w:pPr></w:p>`)
}

// openTable writes a table's properties and grid.
func (b *builder) openTable(widths []int) {
	b.body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>`)
	b.body.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&b.body, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="ADB5BD"/>`, side)
	}
	b.body.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/>`)
	pad := newScale(b.meta.Scale).space(60)
	fmt.Fprintf(&b.body, `<w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar>`, pad, pad)
	b.body.WriteString(`<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&b.body, `<w:gridCol w:w="%d"/>`, w)
	}
	b.body.WriteString("</w:tblGrid>")
}

// renderTableRow writes a row; the header row repeats at the top of each
// page, and a form row (a label and empty cells, such as the sign-off's
// signature line) has room to write in.
func (b *builder) renderTableRow(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		b.body.WriteString("</w:tr>")
		return ast.WalkContinue, nil
	}
	_, header := node.(*east.TableHeader)
	b.body.WriteString("<w:tr><w:trPr><w:cantSplit/>")
	switch {
	case header:
		b.body.WriteString("<w:tblHeader/>")
	case isFormRow(node, source):
		fmt.Fprintf(&b.body, `<w:trHeight w:val="%d" w:hRule="atLeast"/>`, int(math.Round(620*float64(newScale(b.meta.Scale)))))
	}
	b.body.WriteString("</w:trPr>")
	return ast.WalkContinue, nil
}

// isFormRow reports whether a row is a label followed by empty cells.
func isFormRow(row ast.Node, source []byte) bool {
	first := row.FirstChild()
	if first == nil || first.NextSibling() == nil || strings.TrimSpace(plainText(first, source)) == "" {
		return false
	}
	for c := first.NextSibling(); c != nil; c = c.NextSibling() {
		if strings.TrimSpace(plainText(c, source)) != "" {
			return false
		}
	}
	return true
}

func (b *builder) renderTableCell(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		b.closeParagraph()
		b.body.WriteString("</w:tc>")
		b.cell = nil
		return ast.WalkContinue, nil
	}
	n := node.(*east.TableCell)
	_, header := n.Parent().(*east.TableHeader)
	c := &cellState{header: header}
	switch n.Alignment {
	case east.AlignLeft:
		c.align = "left"
	case east.AlignCenter:
		c.align = "center"
	case east.AlignRight:
		c.align = "right"
	}
	b.body.WriteString("<w:tc><w:tcPr>")
	if header {
		b.body.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="EEF2F7"/>`)
	}
	b.body.WriteString("</w:tcPr>")
	b.cell = c
	b.openParagraph()
	return ast.WalkContinue, nil
}

// textWidth is the width between the page margins, in twentieths of a
// point.
func (b *builder) textWidth() int {
	w, _ := pageSize(b.meta.Paper)
	return w - 2*pageMargin
}

// columnWidths shares width among a table's columns: each gets at least
// room for its longest word where the table allows, and the rest goes by
// the length of the column's longest cell.
func columnWidths(rows [][]string, width int) []int {
	ncol := 0
	for _, r := range rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return nil
	}
	// About 120 twips (6 points) a character of 9-point table text, wide
	// enough for the fonts a reader substitutes, and the cell's margins.
	const perChar, pad = 120, 260
	least := make([]int, ncol)
	natural := make([]int, ncol)
	sumLeast, sumNatural := 0, 0
	for i := range ncol {
		word, cell := 3, 3
		for _, r := range rows {
			if i >= len(r) {
				continue
			}
			cell = max(cell, min(utf8.RuneCountInString(r[i]), 40))
			for _, w := range strings.Fields(r[i]) {
				word = max(word, min(utf8.RuneCountInString(w), 20))
			}
		}
		least[i], natural[i] = word*perChar+pad, cell*perChar+pad
		sumLeast += least[i]
		sumNatural += natural[i]
	}
	out := make([]int, ncol)
	used := 0
	for i := range ncol {
		switch {
		case sumNatural <= width:
			out[i] = natural[i] * width / sumNatural
		case sumLeast >= width:
			out[i] = least[i] * width / sumLeast
		default:
			out[i] = least[i] + (natural[i]-least[i])*(width-sumLeast)/(sumNatural-sumLeast)
		}
		used += out[i]
	}
	out[ncol-1] += width - used
	return out
}

// writeChart writes a chart's fence as its title and a sentence on what
// it shows, its baseline and its target; the picture is the PDF's and the
// HTML page's. The documents list the readings below each chart.
func (b *builder) writeChart(s chart.Spec) {
	b.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="ChartCaption"/></w:pPr>`)
	b.run(s.Title)
	b.closeParagraph()
	b.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="ChartNote"/></w:pPr>`)
	b.run(strings.TrimPrefix(chart.Describe(s), s.Title+": ") + " " + s.Note())
	b.closeParagraph()
}

// ---- Inlines ----

func (b *builder) renderText(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	b.run(mdtext.Unescape(n.Segment.Value(source)))
	switch {
	case n.HardLineBreak():
		b.body.WriteString("<w:r><w:br/></w:r>")
	case n.SoftLineBreak():
		b.run(" ")
	}
	return ast.WalkContinue, nil
}

func (b *builder) renderString(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*ast.String)
		if n.IsCode() || n.IsRaw() {
			b.run(string(n.Value))
		} else {
			b.run(mdtext.Unescape(n.Value))
		}
	}
	return ast.WalkContinue, nil
}

func (b *builder) renderEmphasis(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	step := 1
	if !entering {
		step = -1
	}
	if node.(*ast.Emphasis).Level >= 2 {
		b.bold += step
	} else {
		b.italic += step
	}
	return ast.WalkContinue, nil
}

func (b *builder) renderCodeSpan(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.run(plainText(node, source))
	}
	return ast.WalkSkipChildren, nil
}

func (b *builder) renderLink(_ util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		b.linkDepth--
		if b.linkDepth == 0 && b.link {
			b.body.WriteString("</w:hyperlink>")
			b.link = false
		}
		return ast.WalkContinue, nil
	}
	b.linkDepth++
	if dest := string(node.(*ast.Link).Destination); b.linkDepth == 1 && mdtext.Openable(dest) {
		fmt.Fprintf(&b.body, `<w:hyperlink r:id="%s">`, b.rel(dest))
		b.link = true
	}
	return ast.WalkContinue, nil
}

func (b *builder) renderAutoLink(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	url := mdtext.AutoLinkURL(n, source)
	label := string(n.Label(source))
	if b.link || !mdtext.Openable(url) {
		b.run(label)
		return ast.WalkSkipChildren, nil
	}
	fmt.Fprintf(&b.body, `<w:hyperlink r:id="%s">`, b.rel(url))
	b.link = true
	b.run(label)
	b.body.WriteString("</w:hyperlink>")
	b.link = false
	return ast.WalkSkipChildren, nil
}

// renderImage writes an image's description: the documents embed no
// images.
func (b *builder) renderImage(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.run(plainText(node, source))
	}
	return ast.WalkSkipChildren, nil
}

// renderRawHTML writes inline HTML as text, never interpreted.
func (b *builder) renderRawHTML(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.RawHTML)
	if b.langs.Follow(n, source) {
		return ast.WalkSkipChildren, nil // a passage's language: its runs say so (w:lang)
	}
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.run(string(seg.Value(source)))
	}
	return ast.WalkSkipChildren, nil
}

// formLast returns the last block under a heading (before the next
// heading) when those blocks are a form to fill in, one holding a task
// list (the proposal's sign-off: check boxes, a signature table, the
// review date), and nil otherwise.
// The PDF keeps such a section on one page; the Word file keeps each of
// its paragraphs with the next.
func formLast(heading *ast.Heading) ast.Node {
	var last ast.Node
	form := false
	for n := heading.NextSibling(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.Heading); ok {
			break
		}
		last = n
		if l, ok := n.(*ast.List); ok && l.FirstChild() != nil && l.FirstChild().FirstChild() != nil {
			_, task := l.FirstChild().FirstChild().FirstChild().(*east.TaskCheckBox)
			form = form || task
		}
	}
	if !form {
		return nil
	}
	return last
}

// endKeep stops keeping paragraphs with the next at the last block of a
// form section: that block ends the run kept together.
func (b *builder) endKeep(block ast.Node) {
	if block == b.keepLast {
		b.keepLast = nil
	}
}
