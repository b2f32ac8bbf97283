package htmlpage

import (
	"bytes"
	"fmt"
	"github.com/propose-cli/propose/pkg/mdtext"
	"github.com/propose-cli/propose/pkg/palette"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/propose-cli/propose/pkg/chart"
)

// The box a chart is laid out in: the PDF's on letter paper, so both show
// the same picture. The SVG scales to the page's width.
const (
	chartWidth  = 468.0
	chartHeight = 130.0
)

// charts is the goldmark extension that draws a fenced code block whose
// info string is "chart" as an inline SVG; other code blocks are left to
// goldmark's HTML renderer.
type charts struct{}

// Extend adds the chart renderer to m, ahead of goldmark's HTML renderer.
func (charts) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(newChartRenderer(), 100)))
}

// chartRenderer renders fenced code blocks: charts as SVG, the rest with
// goldmark's own function.
type chartRenderer struct {
	code  *gmhtml.Renderer
	plain renderer.NodeRendererFunc
}

func newChartRenderer() *chartRenderer {
	code, funcs := mdtext.GoldmarkHTML()
	return &chartRenderer{code: code, plain: funcs[ast.KindFencedCodeBlock]}
}

// SetOption passes the page's HTML options to the renderer of other code
// blocks.
func (c *chartRenderer) SetOption(name renderer.OptionName, value any) {
	c.code.SetOption(name, value)
}

// RegisterFuncs takes over fenced code blocks.
func (c *chartRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
}

// render writes a chart's fence as an SVG, and any other fenced code
// block as goldmark does.
func (c *chartRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.FencedCodeBlock)
	if string(n.Language(source)) != chart.Info {
		return c.plain(w, source, node, entering)
	}
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	spec, err := chart.ParseFence(n, source)
	if err != nil {
		return ast.WalkStop, err
	}
	_, _ = w.Write(svg(chart.Layout(spec, chartWidth, chartHeight)))
	return ast.WalkSkipChildren, nil
}

// chartColors are the PDF's colours for each role (package pdf's style).
var chartColors = map[chart.Role]string{
	chart.Grid:     palette.Rule,
	chart.Axis:     palette.Muted,
	chart.Baseline: palette.Muted,
	chart.Target:   palette.Target,
	chart.Good:     palette.Good,
	chart.Reading:  palette.Accent,
	chart.Title:    palette.Ink,
}

// num writes a coordinate with at most two decimals.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// svg draws a laid-out chart as an inline SVG in a figure: a title and a
// description for readers who cannot see it, a viewBox so that it scales,
// and the fonts by name.
func svg(pl chart.Plot) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" role=\"img\" font-family=\"'Noto Sans', 'Helvetica Neue', Arial, sans-serif\">\n",
		num(pl.Width), num(pl.Height), num(pl.Width), num(pl.Height))
	fmt.Fprintf(&b, "<title>%s</title>\n<desc>%s</desc>\n", html.EscapeString(pl.Title), html.EscapeString(pl.Desc))
	for _, r := range pl.Fills {
		fmt.Fprintf(&b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>\n", num(r.X), num(r.Y), num(r.W), num(r.H), chartColors[r.Role])
	}
	for _, ln := range pl.Lines {
		fmt.Fprintf(&b, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"", num(ln.X1), num(ln.Y1), num(ln.X2), num(ln.Y2), chartColors[ln.Role], num(ln.Width))
		if ln.Dash != [2]float64{} {
			fmt.Fprintf(&b, " stroke-dasharray=\"%s %s\"", num(ln.Dash[0]), num(ln.Dash[1]))
		}
		b.WriteString("/>\n")
	}
	if pts := pl.Path.Points; len(pts) > 1 {
		b.WriteString("<polyline points=\"")
		for i, pt := range pts {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(num(pt.X) + "," + num(pt.Y))
		}
		fmt.Fprintf(&b, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n", chartColors[pl.Path.Role], num(pl.Path.Width))
	}
	for _, d := range pl.Dots {
		fmt.Fprintf(&b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"%s\"/>\n", num(d.X), num(d.Y), num(d.R), chartColors[d.Role], num(d.Ring))
	}
	for _, t := range pl.Texts {
		fmt.Fprintf(&b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"%s\"", num(t.X), num(t.Y), num(t.Size), chartColors[t.Role])
		if t.Bold {
			b.WriteString(" font-weight=\"bold\"")
		}
		switch t.Anchor {
		case chart.Middle:
			b.WriteString(" text-anchor=\"middle\"")
		case chart.End:
			b.WriteString(" text-anchor=\"end\"")
		}
		fmt.Fprintf(&b, ">%s</text>\n", html.EscapeString(t.S))
	}
	b.WriteString("</svg>\n</figure>\n")
	return b.Bytes()
}
