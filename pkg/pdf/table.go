package pdf

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/propose-cli/propose/pkg/mdtext"
)

// cell is one table cell's text, as drawn.
type cell struct {
	text string
	bold bool
	// head is how the structure tree tags the cell (mdtext.CellRole, as
	// the HTML does): a column's heading, a row's, or data.
	head string // "Column", "Row" or "" for data
}

// renderTable lays out a whole table at once: column widths from the
// content, wrapped cells, rows that never split across pages, and the
// header row repeated at the top of each page the table continues on.
func (d *drawer) renderTable(_ util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	t := node.(*east.Table)
	header, rows := tableCells(t, source)
	d.startBlock(d.st.paraGap)
	d.drawTable(header, rows, t.Alignments)
	d.pending = d.st.paraGap
	return ast.WalkSkipChildren, nil
}

// tableCells reads a table's header and body rows as plain text.
func tableCells(t *east.Table, source []byte) (header []cell, rows [][]cell) {
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []cell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			var head string
			if tc, ok := c.(*east.TableCell); ok {
				switch tag, scope := mdtext.CellRole(tc); {
				case tag == "th" && scope == "row":
					head = "Row"
				case tag == "th":
					head = "Column"
				}
			}
			cells = append(cells, cell{text: strings.TrimSpace(mdtext.Plain(c, source)), bold: allStrong(c), head: head})
		}
		if _, ok := r.(*east.TableHeader); ok {
			header = cells
		} else {
			rows = append(rows, cells)
		}
	}
	return header, rows
}

// tableWidths gives the columns' widths; nil for a table without cells.
func (d *drawer) tableWidths(header []cell, rows [][]cell) []float64 {
	ncol := len(header)
	for _, r := range rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return nil
	}
	return d.columnWidths(header, rows, ncol)
}

// tableRowHeight is a row's height as drawn: a form row (a label and blank
// cells) has room to write in.
func (d *drawer) tableRowHeight(cells []cell, widths []float64, isHeader bool) float64 {
	h := d.rowHeight(cells, widths, isHeader)
	if !isHeader && isFormRow(cells) {
		h = max(h, 2.6*d.st.smallLead)
	}
	return h
}

// tableKeep is what of a table must fit where it starts: all of a short one
// (see keepHeight), else the header with the first row.
func (d *drawer) tableKeep(header []cell, rows [][]cell, widths []float64) float64 {
	head := d.tableRowHeight(header, widths, true)
	total := head
	for _, r := range rows {
		total += d.tableRowHeight(r, widths, false)
	}
	if total <= shortBlock*d.textArea() || len(rows) == 0 {
		return total
	}
	return head + d.tableRowHeight(rows[0], widths, false)
}

// renderTablePart is never reached: renderTable draws the whole table.
func (d *drawer) renderTablePart(_ util.BufWriter, _ []byte, _ ast.Node, _ bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

func allStrong(n ast.Node) bool {
	c := n.FirstChild()
	if c == nil || c.NextSibling() != nil {
		return false
	}
	e, ok := c.(*ast.Emphasis)
	return ok && e.Level >= 2
}

func (d *drawer) drawTable(header []cell, rows [][]cell, align []east.Alignment) {
	p := d.pdf
	widths := d.tableWidths(header, rows)
	if widths == nil {
		return
	}
	headerEmpty := true
	for _, c := range header {
		headerEmpty = headerEmpty && c.text == ""
	}

	drawRow := func(cells []cell, isHeader bool) {
		h := d.tableRowHeight(cells, widths, isHeader)
		form := !isHeader && isFormRow(cells)
		if p.GetY()+h > d.pageBottom() {
			p.AddPage()
			if !isHeader && !headerEmpty {
				// The header again, at the top of the page the table goes
				// on to: furniture, read once, where the table starts.
				d.marked(markArtifact, func() {
					d.drawRowCells(header, widths, align, d.rowHeight(header, widths, true), true, false)
				})
			}
		}
		d.beginTag("TR")
		d.drawRowCells(cells, widths, align, h, isHeader, form)
		d.endTag()
	}
	d.ensure(d.tableKeep(header, rows, widths))
	d.beginTag("Table")
	if len(header) > 0 {
		if headerEmpty {
			// A header without words is only the shape of the table.
			d.marked(markArtifact, func() { drawRow(header, true) })
		} else {
			d.beginTag("THead")
			drawRow(header, true)
			d.endTag()
		}
	}
	d.beginTag("TBody")
	for _, r := range rows {
		drawRow(r, false)
	}
	d.endTag()
	d.endTag()
	p.SetX(d.leftMargin())
}

// isFormRow reports a row to be filled in by hand: a label followed only by
// empty cells, such as "Signature".
func isFormRow(cells []cell) bool {
	if len(cells) < 2 || cells[0].text == "" {
		return false
	}
	for _, c := range cells[1:] {
		if c.text != "" {
			return false
		}
	}
	return true
}

// cellSpan is the style of a cell's text.
func (d *drawer) cellSpan(isHeader, bold bool) span {
	switch {
	case isHeader:
		return span{family: sans, style: "B", size: d.st.tableHeadSize, color: d.st.accent}
	case bold:
		return span{family: d.st.body, style: "B", size: d.st.smallSize, color: d.st.ink}
	}
	return span{family: d.st.body, size: d.st.smallSize, color: d.st.ink}
}

func (d *drawer) cellLines(c cell, w float64, isHeader bool) int {
	if c.text == "" {
		return 0
	}
	sp := d.cellSpan(isHeader, c.bold)
	sp.text = c.text
	return len(d.breakLines([]span{sp}, w-2*d.st.cellPadX))
}

func (d *drawer) rowHeight(cells []cell, widths []float64, isHeader bool) float64 {
	lines := 1
	for i, c := range cells {
		if i < len(widths) {
			lines = max(lines, d.cellLines(c, widths[i], isHeader))
		}
	}
	return float64(lines)*d.st.smallLead + 2*d.st.cellPadY
}

func (d *drawer) drawRowCells(cells []cell, widths []float64, align []east.Alignment, h float64, isHeader, form bool) {
	p, st := d.pdf, d.st
	x0, y := d.leftMargin(), p.GetY()
	total := 0.0
	for _, w := range widths {
		total += w
	}
	if isHeader {
		p.SetFillColor(st.fill.r, st.fill.g, st.fill.b)
		d.decoration(func() { p.Rect(x0, y, total, h, "F") })
	}
	x := x0
	for i, w := range widths {
		var c cell
		if i < len(cells) {
			c = cells[i]
		}
		if form && i > 0 {
			// A line to write on, near the bottom of the cell.
			p.SetDrawColor(st.ink.r, st.ink.g, st.ink.b)
			p.SetLineWidth(0.6)
			d.decoration(func() { p.Line(x+st.cellPadX, y+h-st.cellPadY-2, x+w-st.cellPadX, y+h-st.cellPadY-2) })
		}
		// Each cell is an element, an empty one too, so that every row
		// has as many as the table has columns.
		if d.marking == markTagged {
			if c.head != "" {
				if th := d.beginTag("TH"); th != nil {
					th.scope = c.head
				}
			} else {
				d.beginTag("TD")
			}
		}
		if c.text != "" {
			a := "L"
			if i < len(align) {
				switch align[i] {
				case east.AlignRight:
					a = "R"
				case east.AlignCenter:
					a = "C"
				}
			}
			ty := y + st.cellPadY
			if form {
				ty = y + h - st.cellPadY - st.smallLead - 2
			}
			d.drawText(c.text, d.cellSpan(isHeader, c.bold), x+st.cellPadX, ty, w-2*st.cellPadX, st.smallLead, a)
		}
		if d.marking == markTagged {
			d.endTag()
		}
		x += w
	}
	if !form {
		p.SetDrawColor(st.rule.r, st.rule.g, st.rule.b)
		p.SetLineWidth(0.5)
		if isHeader {
			p.SetDrawColor(st.accent.r, st.accent.g, st.accent.b)
			p.SetLineWidth(0.8)
		}
		d.decoration(func() { p.Line(x0, y+h, x0+total, y+h) })
	}
	p.SetXY(x0, y+h)
}

// isForm reports a table to be filled in by hand: one with a form row.
func isForm(rows [][]cell) bool {
	for _, r := range rows {
		if isFormRow(r) {
			return true
		}
	}
	return false
}

// columnWidths shares the text width among the columns: each gets room for
// its longest word that must not be cut (firmWidth: an address or another
// very long token may be), and the rest goes where the text is longest, so
// short columns stay narrow and long ones wrap least. In a form (isForm) the
// columns after the labels are places to write, one for each party, and
// share their room equally whatever is printed in them (the names above a
// signature, say).
func (d *drawer) columnWidths(header []cell, rows [][]cell, ncol int) []float64 {
	avail := d.contentWidth()
	natural := make([]float64, ncol)
	minimum := make([]float64, ncol)
	long := avail * longToken
	measure := func(cells []cell, isHeader bool) {
		for i, c := range cells {
			if i >= ncol {
				break
			}
			sp := d.cellSpan(isHeader, c.bold)
			sp.text = c.text
			pad := 2 * d.st.cellPadX
			for _, w := range d.words([]span{sp}) {
				minimum[i] = max(minimum[i], d.firmWidth(w, long)+pad)
			}
			natural[i] = max(natural[i], d.measureLine(sp)+pad)
		}
	}
	measure(header, true)
	for _, r := range rows {
		measure(r, false)
	}
	// A column left empty to be filled in by hand (a signature) gets room:
	// 120 pt when there is space, down to 80 pt before any text wraps.
	var empty []int
	for i := 0; i < ncol; i++ {
		blank := len(rows) > 0
		for _, r := range rows {
			if i < len(r) && r[i].text != "" {
				blank = false
			}
		}
		if blank {
			natural[i] = max(natural[i], 120)
			empty = append(empty, i)
		}
	}
	if ncol > 2 && isForm(rows) {
		most, least := slices.Max(natural[1:]), slices.Max(minimum[1:])
		for i := 1; i < ncol; i++ {
			natural[i], minimum[i] = most, least
		}
	}
	widths := make([]float64, ncol)
	sumNatural, sumMin := 0.0, 0.0
	for i := range natural {
		natural[i] = max(natural[i], minimum[i], 24)
		sumNatural += natural[i]
		sumMin += minimum[i]
	}
	// The blank columns give up room evenly, each down to 80 pt, until the
	// text fits on one line. Each round either fits the text or leaves a
	// column at its least, so there are at most as many as blank columns.
	for range empty {
		if sumNatural <= avail {
			break
		}
		var givers []int
		for _, i := range empty {
			if natural[i] > max(minimum[i], 80) {
				givers = append(givers, i)
			}
		}
		if len(givers) == 0 {
			break
		}
		share := (sumNatural - avail) / float64(len(givers))
		for _, i := range givers {
			give := min(share, natural[i]-max(minimum[i], 80))
			natural[i] -= give
			sumNatural -= give
		}
	}
	switch {
	case sumNatural <= avail:
		// Everything fits on one line: widen every column in proportion.
		for i := range widths {
			widths[i] = natural[i] * avail / sumNatural
		}
	case sumMin >= avail:
		for i := range widths {
			widths[i] = minimum[i] * avail / sumMin
		}
	default:
		// Give each column its minimum, then share the rest in proportion
		// to how much more each would like.
		extra := avail - sumMin
		want := sumNatural - sumMin
		for i := range widths {
			widths[i] = minimum[i] + (natural[i]-minimum[i])*extra/want
		}
	}
	return widths
}

// measureLine is the width of a span's text set on one line.
func (d *drawer) measureLine(sp span) float64 {
	lines := d.breakLines([]span{sp}, 1e9)
	w := 0.0
	for _, l := range lines {
		w = max(w, lineWidth(l))
	}
	return w
}

// longToken is the share of the text width from which a word counts as a
// token that may be cut (firmWidth) rather than a word of the text.
const longToken = 0.25

// firmWidth is the width of w that its column must give it for no word to
// be cut: all of an ordinary word, but only the longest piece between the
// places an address is cut (cutBetween) of an address or of another token
// at least long wide, and never more than long. Such a token is cut to fit
// its column (breakLines), so that the other columns keep their words
// whole.
func (d *drawer) firmWidth(w word, long float64) float64 {
	if w.w < long && !isAddress(w) {
		return w.w
	}
	// Each piece is measured whole, as drawn: shaped text is not as wide
	// as its characters' sum (kerning, ligatures).
	piece, longest := 0.0, 0.0 // the width of the piece's part before f, and the longest piece's
	var prev rune
	started := false
	for _, f := range w.frags {
		from := 0 // where the piece starts in f
		for i, r := range f.text {
			if started && cutBetween(prev, r) {
				longest = max(longest, piece+d.measure(f.family, f.style, f.s.size, f.text[from:i]))
				piece, from = 0, i
			}
			prev, started = r, true
		}
		piece += d.measure(f.family, f.style, f.s.size, f.text[from:])
	}
	longest = max(longest, piece)
	return min(longest, long)
}

// isAddress reports whether w is a web address, which its column may cut
// whatever its length.
func isAddress(w word) bool {
	text := w.text()
	return strings.Contains(text, "://") || len(text) > 4 && strings.EqualFold(text[:4], "www.")
}
