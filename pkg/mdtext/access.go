package mdtext

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// accessible is the goldmark extension that writes the HTML a screen
// reader needs where goldmark's own leaves it out: each table heading with
// the scope it heads (scope="col"; scope="row" for the first cell of each
// row of a table whose top-left heading is empty, such as a sign-off
// table's Name, Signature and Date), and each task list check box inside
// a <label> with the text it ticks, so that it is read as "Approved as
// proposed, check box, not checked" and not as an unnamed box.
type accessible struct{}

// Extend adds the renderer ahead of goldmark's HTML, table and task list
// renderers.
func (accessible) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newAccessRenderer(), 100)))
}

// accessRenderer renders table cells, task check boxes and the blocks
// that hold them; paragraphs and text blocks without a check box are
// rendered by goldmark's own functions.
type accessRenderer struct {
	html                  *gmhtml.Renderer
	paragraph, block, raw renderer.NodeRendererFunc
}

func newAccessRenderer() *accessRenderer {
	html, funcs := GoldmarkHTML()
	return &accessRenderer{html: html, paragraph: funcs[ast.KindParagraph], block: funcs[ast.KindTextBlock], raw: funcs[ast.KindRawHTML]}
}

// GoldmarkHTML returns a goldmark HTML renderer and the function it
// registers for each node kind: a renderer that takes over a kind hands
// what it does not write back to goldmark's own function (and passes the
// page's options on to the renderer).
func GoldmarkHTML() (*gmhtml.Renderer, map[ast.NodeKind]renderer.NodeRendererFunc) {
	html := gmhtml.NewRenderer().(*gmhtml.Renderer)
	funcs := map[ast.NodeKind]renderer.NodeRendererFunc{}
	html.RegisterFuncs(registerFunc(func(k ast.NodeKind, f renderer.NodeRendererFunc) { funcs[k] = f }))
	return html, funcs
}

// registerFunc takes the functions a NodeRenderer registers.
type registerFunc func(ast.NodeKind, renderer.NodeRendererFunc)

func (r registerFunc) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { r(k, f) }

// SetOption passes the HTML options (XHTML) on to goldmark's renderer.
func (a *accessRenderer) SetOption(name renderer.OptionName, value any) {
	a.html.SetOption(name, value)
}

// RegisterFuncs takes over the node kinds it renders.
func (a *accessRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, a.cell)
	reg.Register(east.KindTaskCheckBox, a.checkBox)
	reg.Register(ast.KindParagraph, a.labelled(a.paragraph))
	reg.Register(ast.KindTextBlock, a.labelled(a.block))
	reg.Register(ast.KindRawHTML, a.rawHTML)
}

// rawHTML writes a language span (LangSpan) as the element it is, so the
// page says which passage is in which language; any other inline HTML is
// left to goldmark, which leaves it out.
func (a *accessRenderer) rawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	lang, opens, ok := LangSpan(node.(*ast.RawHTML), source)
	switch {
	case !ok:
		return a.raw(w, source, node, entering)
	case !entering:
	case opens:
		_, _ = w.WriteString(`<span lang="` + lang + `">`)
	default:
		_, _ = w.WriteString("</span>")
	}
	return ast.WalkSkipChildren, nil
}

// cell writes a table cell as <th scope="col">, <th scope="row"> or <td>,
// by its place (CellRole).
func (a *accessRenderer) cell(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	tag, scope := CellRole(n)
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	if scope != "" {
		_, _ = w.WriteString(` scope="` + scope + `"`)
	}
	// Left is how a heading is set (the stylesheets) and a cell is read;
	// only the other alignments are written.
	if n.Alignment == east.AlignCenter || n.Alignment == east.AlignRight {
		_, _ = w.WriteString(` style="text-align: ` + n.Alignment.String() + `"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// CellRole returns the HTML element a table cell is written as and the
// scope it heads: ("th", "col") for a cell of the heading row, and ("th",
// "row") for the first cell of a body row, when the heading row's first
// cell is empty, as in a table of rows named by their first column; that
// empty corner is ("td", ""), heading nothing. Any other cell is ("td", "").
// The PDF and Word renderers may follow it to tag their tables alike.
func CellRole(n *east.TableCell) (tag, scope string) {
	row := n.Parent()
	if row == nil {
		return "td", ""
	}
	first := n.PreviousSibling() == nil
	named := rowsNamed(row.Parent())
	switch {
	case row.Kind() == east.KindTableHeader && first && named:
		return "td", ""
	case row.Kind() == east.KindTableHeader:
		return "th", "col"
	case first && named:
		return "th", "row"
	}
	return "td", ""
}

// rowsNamed reports whether a table's rows are named by their first
// cell: its heading row's first cell is empty.
func rowsNamed(table ast.Node) bool {
	if table == nil {
		return false
	}
	head := table.FirstChild()
	if head == nil || head.Kind() != east.KindTableHeader || head.FirstChild() == nil {
		return false
	}
	return !head.FirstChild().HasChildren() && head.FirstChild().NextSibling() != nil
}

// checkBox writes a task list item's box, which labelled wraps in a
// <label> with the item's text.
func (a *accessRenderer) checkBox(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox"`)
	} else {
		_, _ = w.WriteString(`<input disabled="" type="checkbox"`)
	}
	if a.html.XHTML {
		_, _ = w.WriteString(" /> ")
	} else {
		_, _ = w.WriteString("> ")
	}
	return ast.WalkContinue, nil
}

// labelled renders a paragraph or text block with goldmark's function,
// plain, and, when it starts with a task check box, its content inside a
// <label>.
func (a *accessRenderer) labelled(plain renderer.NodeRendererFunc) renderer.NodeRendererFunc {
	return func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		_, box := n.FirstChild().(*east.TaskCheckBox)
		if !box {
			return plain(w, source, n, entering)
		}
		if entering {
			s, err := plain(w, source, n, entering)
			_, _ = w.WriteString("<label>")
			return s, err
		}
		_, _ = w.WriteString("</label>")
		return plain(w, source, n, entering)
	}
}
