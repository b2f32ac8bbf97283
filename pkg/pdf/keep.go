package pdf

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Page-break rules. The drawer places blocks one after another; before a
// block that must not be split badly it measures what has to stay together
// (by laying the nodes out on a scratch page) and starts a new page when that
// does not fit:
//
//   - a short list or table (under shortBlock of the page) is never split;
//   - a longer list keeps its first two items together, and its last two;
//   - a paragraph (any block of lines) of up to keepWhole lines is never
//     split, and a longer one leaves at least minLines at a page foot and
//     carries at least minLines over; a label line that opens it (a
//     question in bold ending in a hard line break) stays with minLines
//     more (startLines, linesHere);
//   - a chart is never split (chart.go);
//   - a paragraph ending in a colon stays with what it introduces;
//   - a heading stays with what its section opens with (headingKeep);
//   - a section that is a form to fill in (one holding a task list: the
//     sign-off's check boxes, its signature table and the review date)
//     stays whole on one page, when it fits on one (formSection).

// shortBlock is the share of a page's text area under which a list or table
// is kept whole.
const shortBlock = 0.3

// keepWhole is the most lines a block may have and never be split;
// minLines is the least a split leaves at a page foot or carries over.
const (
	keepWhole = 6
	minLines  = 2
)

// startLines is how many of a block's lines must fit at a page foot for
// it to start there: all of a short block, else minLines, or a label and
// minLines more.
func (d *drawer) startLines(lines [][]word) int {
	if len(lines) <= keepWhole {
		return len(lines)
	}
	return min(max(minLines, d.labelLines(lines)+minLines), len(lines))
}

// labelLines is how many lines a label takes at the start of a block of
// text: a paragraph opening in bold (as the prep sheet sets each
// objection: the question in bold, a hard line break, the answer) whose
// first or second line ends in a hard line break. It is 0 for other
// blocks.
func (d *drawer) labelLines(lines [][]word) int {
	if d.heading != 0 || len(lines[0]) == 0 || len(lines[0][0].frags) == 0 ||
		!strings.Contains(lines[0][0].frags[0].s.style, "B") {
		return 0
	}
	for i, line := range lines[:min(2, len(lines))] {
		if line[len(line)-1].hardBreak {
			return i + 1
		}
	}
	return 0
}

// linesHere is how many of a block's last rest lines to draw from the
// current position before a new page: all that fit, but never leaving
// fewer than minLines for the next page, and at least one.
func (d *drawer) linesHere(rest int, lead float64) int {
	// Added up as the lines will be drawn, so that this agrees with ensure.
	y, bottom, room := d.pdf.GetY(), d.pageBottom(), 0
	for room < rest && y+lead <= bottom {
		y += lead
		room++
	}
	if room >= rest {
		return rest
	}
	return max(min(room, rest-minLines), 1)
}

// height lays node out alone on a scratch page, at the current text width
// and list depth, and returns the height it takes; +Inf when it does not fit
// on one page.
func (d *drawer) height(node ast.Node) float64 {
	return d.measureNode(node).height
}

// measureNode returns node's measurements, laying it out alone on a scratch
// page the first time (see height).
func (d *drawer) measureNode(node ast.Node) measured {
	key := heightKey{node, d.leftMargin(), len(d.lists), false}
	if m, ok := d.heights[key]; ok {
		return m
	}
	m := d.layOutAlone(node)
	if d.heights == nil {
		d.heights = map[heightKey]measured{}
	}
	d.heights[key] = m
	return m
}

// measured is what laying a node out alone tells: its height, and the
// height of the lines its first block of text must start with (see
// startLines).
type measured struct {
	height, start float64
}

// heightKey is what a node's height depends on besides the node: the text
// width (from the left margin) and the list depth.
type heightKey struct {
	node    ast.Node
	margin  float64
	depth   int
	section bool // the height of the heading's whole section (formSection)
}

// layOutAlone lays node out on a fresh page of the scratch drawer, which
// is made once per document and reused: a new fpdf document and renderer
// per measurement cost more than the measuring.
func (d *drawer) layOutAlone(node ast.Node) measured {
	return d.layOutRun([]ast.Node{node})
}

// layOutRun lays nodes, siblings, out one after another on a fresh page
// of the scratch drawer, with the gaps between them drawn as they will
// be (see layOutAlone).
func (d *drawer) layOutRun(nodes []ast.Node) measured {
	if d.scratch == nil {
		m := newDrawer(d.meta)
		m.dry, m.measuring = true, true
		m.source = d.source
		m.broken = d.broken
		m.render = renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(m, 100)))
		d.scratch = m
	}
	m := d.scratch
	m.bold, m.italic, m.link, m.heading = d.bold, d.italic, "", 0
	m.spans, m.marker, m.balanced, m.pending, m.keepNext, m.firstStart = nil, nil, false, 0, 0, -1
	m.lists, m.quote = slices.Clone(d.lists), nil
	m.pdf.AddPage()
	page := m.pdf.PageNo()
	m.pdf.SetLeftMargin(d.leftMargin())
	m.pdf.SetX(d.leftMargin())
	top := m.pdf.GetY()
	for _, node := range nodes {
		if err := m.render.Render(nowhere, d.source, node); err != nil || m.pdf.PageNo() != page {
			return measured{height: math.Inf(1), start: math.Inf(1)}
		}
	}
	h := m.pdf.GetY() - top
	if m.firstStart < 0 {
		return measured{height: h, start: h}
	}
	return measured{height: h, start: m.firstStart}
}

// textArea is the height of a page's text area.
func (d *drawer) textArea() float64 {
	_, top, _, _ := d.pdf.GetMargins()
	return d.pageBottom() - top
}

// keepHeight is how much of node must fit below the current position for
// it to start here rather than on the next page. A scratch page measures
// content only: it keeps nothing.
func (d *drawer) keepHeight(node ast.Node) float64 {
	if d.measuring {
		return 0
	}
	switch n := node.(type) {
	case *ast.List:
		if h := d.height(n); h <= shortBlock*d.textArea() {
			return h
		}
		first := n.FirstChild()
		if first == nil {
			return 0
		}
		// The items are measured inside the list, as renderList sets it up.
		outer := d.lists
		d.lists = append(slices.Clone(outer), d.listState(n))
		defer func() { d.lists = outer }()
		h := d.height(first)
		if second := first.NextSibling(); second != nil {
			h += d.st.itemGap + d.height(second)
		}
		return h
	case *east.Table:
		header, rows := tableCells(n, d.source)
		if widths := d.tableWidths(header, rows); widths != nil {
			return d.tableKeep(header, rows, widths)
		}
		return 0
	case *ast.Heading:
		// A heading brings what it keeps (a run of headings, the block
		// after the last of them).
		return d.headingKeep(n)
	case *ast.FencedCodeBlock:
		if isChart(n, d.source) {
			return chartHeight
		}
	case *ast.Paragraph:
		if next := introduces(n, d.source); next != nil {
			return d.height(n) + d.introGap(next) + d.keepHeight(next)
		}
		return d.measureNode(n).start
	}
	return 3 * d.st.bodyLead
}

// headingKeep is what must fit below the current position for a heading
// to start here: all its lines, the space below it, and the keep of the
// block its section opens with, which brings what an introduction ending
// in a colon leads into (keepHeight). (Keeping a one-line opening
// paragraph that ends otherwise with the table after it as well was tried:
// it left a quarter page empty and pushed the trial example's references
// onto a fifth page.)
func (d *drawer) headingKeep(heading *ast.Heading) float64 {
	if d.measuring {
		return d.lineHeight()
	}
	if section := formSection(heading); section != nil {
		if h := d.sectionHeight(heading, section); h <= d.textArea() {
			return h
		}
	}
	h := d.height(heading)
	next := heading.NextSibling()
	if next == nil {
		return h
	}
	return h + d.gapAfterHeading(heading, next) + d.keepHeight(next)
}

// gapAfterHeading is the space between a heading and the block after it:
// the larger of what the heading asks for below it and what the block
// asks for above it (startBlock).
func (d *drawer) gapAfterHeading(heading *ast.Heading, next ast.Node) float64 {
	below := d.st.headGapAfter
	if heading.Level == 1 {
		below = d.st.headGapAfter * 1.6
	}
	above := d.st.paraGap
	if h, ok := next.(*ast.Heading); ok {
		above = d.st.headGapBefore
		if h.Level == 1 {
			above = 0
		}
	}
	if isChart(next, d.source) {
		above = chartGap
	}
	return max(below, above)
}

// introGap is the space between a paragraph and the block it introduces
// (introduces): the larger of what each asks for (startBlock).
func (d *drawer) introGap(next ast.Node) float64 {
	if isChart(next, d.source) {
		return max(d.st.paraGap, chartGap)
	}
	return d.st.paraGap
}

// introduces returns the list, table or chart a paragraph ending in a
// colon leads into, or nil.
func introduces(p *ast.Paragraph, source []byte) ast.Node {
	lines := p.Lines()
	if lines.Len() == 0 {
		return nil
	}
	last := lines.At(lines.Len() - 1)
	if !bytes.HasSuffix(bytes.TrimSpace(last.Value(source)), []byte(":")) {
		return nil
	}
	switch next := p.NextSibling(); next.(type) {
	case *ast.List, *east.Table:
		return next
	case *ast.FencedCodeBlock:
		if isChart(next, source) {
			return next
		}
	}
	return nil
}

// keepLastItems keeps a long list's last two items together: called before
// each item, it asks for room for this item and the last when this one is
// the last but one.
func (d *drawer) keepLastItems(item ast.Node) {
	next := item.NextSibling()
	if d.measuring || next == nil || next.NextSibling() != nil || item.PreviousSibling() == nil {
		return
	}
	d.ensure(d.height(item) + d.st.itemGap + d.height(next))
}

// formSection returns the heading and the blocks under it (up to the next
// heading) when the section is a form to fill
// in, one holding a task list, as the proposal's sign-off does: its check
// boxes, its signature table and the review date under them must be read
// and signed together. It returns nil for any other section.
func formSection(heading *ast.Heading) []ast.Node {
	nodes := []ast.Node{heading}
	form := false
	for n := heading.NextSibling(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*ast.Heading); ok {
			break
		}
		nodes = append(nodes, n)
		form = form || isTaskList(n)
	}
	if !form {
		return nil
	}
	return nodes
}

// isTaskList reports whether n is a list whose first item is a task, with
// a check box.
func isTaskList(n ast.Node) bool {
	l, ok := n.(*ast.List)
	if !ok || l.FirstChild() == nil || l.FirstChild().FirstChild() == nil {
		return false
	}
	_, ok = l.FirstChild().FirstChild().FirstChild().(*east.TaskCheckBox)
	return ok
}

// sectionHeight is the height of a section's nodes laid out together,
// from its heading on, measured once.
func (d *drawer) sectionHeight(heading *ast.Heading, nodes []ast.Node) float64 {
	key := heightKey{heading, d.leftMargin(), len(d.lists), true}
	if m, ok := d.heights[key]; ok {
		return m.height
	}
	m := d.layOutRun(nodes)
	if d.heights == nil {
		d.heights = map[heightKey]measured{}
	}
	d.heights[key] = m
	return m.height
}

// nowhere is where the PDF's node renderers, which draw on the page and
// write nothing, are told to write. goldmark wraps any other writer in a
// new 4 KB buffer on every call, and a document is measured node by node
// a few hundred times.
var nowhere util.BufWriter = discard{}

// discard is a util.BufWriter that keeps nothing; it holds no state, so
// documents laid out at the same time share it.
type discard struct{}

func (discard) Write(p []byte) (int, error)       { return len(p), nil }
func (discard) WriteString(s string) (int, error) { return len(s), nil }
func (discard) WriteByte(byte) error              { return nil }
func (discard) WriteRune(r rune) (int, error)     { return utf8.RuneLen(r), nil }
func (discard) Available() int                    { return 4096 }
func (discard) Buffered() int                     { return 0 }
func (discard) Flush() error                      { return nil }
