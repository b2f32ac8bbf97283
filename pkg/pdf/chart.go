package pdf

import (
	"github.com/yuin/goldmark/ast"

	"github.com/propose-cli/propose/pkg/chart"
)

// A fenced code block whose info string is "chart" (package chart) is
// drawn as a chart the text's width and chartHeight high, with chartGap
// above and below it. It is one block to the keep rules: never split, and
// moved whole to the next page when it does not fit.
const (
	chartHeight = 130.0
	chartGap    = 10.0
)

// isChart reports whether node is a chart's fence.
func isChart(node ast.Node, source []byte) bool {
	n, ok := node.(*ast.FencedCodeBlock)
	return ok && string(n.Language(source)) == chart.Info
}

// renderChart draws a chart's fence as the chart.
func (d *drawer) renderChart(n *ast.FencedCodeBlock) error {
	spec, err := chart.ParseFence(n, d.source)
	if err != nil {
		return err
	}
	d.startBlock(chartGap)
	d.ensure(chartHeight)
	x, y := d.leftMargin(), d.pdf.GetY()
	if !d.dry {
		pl := chart.Layout(spec, d.contentWidth(), chartHeight)
		if fig := d.beginTag("Figure"); fig != nil {
			// The chart is one figure: its marks and labels one marked
			// content, read as the sentence that says what it shows
			// (chart.Describe, which names it).
			fig.alt = pl.Desc
			d.beginMarked(fig)
			d.marked(markInside, func() { d.drawChart(pl, x, y) })
			d.pdf.RawWriteStr("EMC")
			d.endTag()
		} else {
			d.drawChart(pl, x, y)
		}
	}
	d.pdf.SetXY(x, y+chartHeight)
	d.pending = chartGap
	return nil
}

// chartColor is the colour of a chart's marks of a role.
func (d *drawer) chartColor(role chart.Role) rgb {
	st := d.st
	switch role {
	case chart.Grid:
		return st.rule
	case chart.Axis:
		return st.muted
	case chart.Baseline:
		return st.muted
	case chart.Target:
		return st.target
	case chart.Good:
		return st.good
	case chart.Reading:
		return st.accent
	}
	return st.ink
}

// drawChart draws a laid-out chart with its box's top left corner at
// (x0, y0): lines, circles and rectangles, and the labels in the text's
// sans face, embedded and subset like the rest of the text.
func (d *drawer) drawChart(pl chart.Plot, x0, y0 float64) {
	p := d.pdf
	for _, r := range pl.Fills {
		c := d.chartColor(r.Role)
		p.SetFillColor(c.r, c.g, c.b)
		p.Rect(x0+r.X, y0+r.Y, r.W, r.H, "F")
	}
	for _, ln := range pl.Lines {
		c := d.chartColor(ln.Role)
		p.SetDrawColor(c.r, c.g, c.b)
		p.SetLineWidth(ln.Width)
		if ln.Dash != [2]float64{} {
			p.SetDashPattern(ln.Dash[:], 0)
		}
		p.Line(x0+ln.X1, y0+ln.Y1, x0+ln.X2, y0+ln.Y2)
		if ln.Dash != [2]float64{} {
			p.SetDashPattern(nil, 0)
		}
	}
	if pts := pl.Path.Points; len(pts) > 1 {
		c := d.chartColor(pl.Path.Role)
		p.SetDrawColor(c.r, c.g, c.b)
		p.SetLineWidth(pl.Path.Width)
		p.SetLineJoinStyle("round")
		p.SetLineCapStyle("round")
		p.MoveTo(x0+pts[0].X, y0+pts[0].Y)
		for _, pt := range pts[1:] {
			p.LineTo(x0+pt.X, y0+pt.Y)
		}
		p.DrawPath("D")
		p.SetLineJoinStyle("miter")
		p.SetLineCapStyle("butt")
	}
	for _, dot := range pl.Dots {
		c := d.chartColor(dot.Role)
		p.SetFillColor(c.r, c.g, c.b)
		p.SetDrawColor(255, 255, 255)
		p.SetLineWidth(dot.Ring)
		p.Circle(x0+dot.X, y0+dot.Y, dot.R, "FD")
	}
	// The labels keep their size whatever the document's scale, like the
	// page furniture, and are not counted in MinTextSize.
	d.furniture = true
	defer func() { d.furniture = false }()
	for _, t := range pl.Texts {
		sp := span{family: sans, size: t.Size, color: d.chartColor(t.Role)}
		if t.Bold {
			sp.style = "B"
		}
		// drawText sets a line in a box: one as wide as the chart, placed
		// so that the text's anchor falls on t.X, holds any label whole.
		w, x, align := pl.Width, x0+t.X, "L"
		switch t.Anchor {
		case chart.Middle:
			x, align = x-w/2, "C"
		case chart.End:
			x, align = x-w, "R"
		}
		// drawText's line of height lead puts the baseline lead/2 + 0.3
		// size below its top.
		lead := t.Size
		d.drawText(t.S, sp, x, y0+t.Y-lead/2-0.3*t.Size, w, lead, align)
	}
}
