package pdf

import (
	"fmt"

	"github.com/propose-cli/propose/pkg/palette"
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// colour is one of the palette's colours, which are written right.
func colour(hex string) rgb { return rgbOf(palette.MustRGB(hex)) }

// rgbOf is a palette colour as the PDF writer takes it.
func rgbOf(c palette.RGB) rgb { return rgb{int(c.R), int(c.G), int(c.B)} }

// style holds the measures of the page, in points, at one type scale.
type style struct {
	margin, top, bottom float64 // page margins
	headerY, footerY    float64 // baselines of the running header and the footer, from the top and the bottom

	bodySize, bodyLead   float64 // text
	smallSize, smallLead float64 // tables
	tableHeadSize        float64 // a table's header row
	h1Size, h2Size       float64
	h3Size               float64
	paraGap              float64 // space between paragraphs
	itemGap              float64 // space between list items
	headGapBefore        float64 // space above a section heading
	headGapAfter         float64
	indent               float64 // list indent a level
	cellPadX, cellPadY   float64

	body string // the family of running text: serif, or sans in a theme that asks for it

	ink, accent, muted, rule, fill, link rgb
	target, good                         rgb // a chart's target line, and the tint on its good side
}

// newStyle returns the measures at a type scale. Type sizes follow the
// scale down to the floors MinBodySize and MinTableSize, and the leading
// stays in proportion to the size; headings are never smaller than body
// text. Space shrinks faster than type when condensing (with the square of
// the scale), so that condensed text keeps its size as long as space can be
// found elsewhere. The page margins stop shrinking at MinScale, where the
// text comes as close to the footer as it may.
func newStyle(scale float64) *style {
	s := func(v float64) float64 { return v * scale }
	g := func(v float64) float64 { return v * scale * scale }
	m := func(v float64) float64 { return v * max(scale, MinScale) * max(scale, MinScale) }
	body := max(s(10.5), MinBodySize)
	small := max(s(9.25), MinTableSize)
	return &style{
		margin:  72,
		top:     m(64),
		bottom:  m(60),
		headerY: 34,
		footerY: 34,

		bodySize:      body,
		bodyLead:      body * 15 / 10.5,
		smallSize:     small,
		smallLead:     small * 12.5 / 9.25,
		tableHeadSize: max(small*0.95, MinTableSize),
		h1Size:        max(s(19), body),
		h2Size:        max(s(12.5), body),
		h3Size:        max(s(11), body),
		paraGap:       g(7),
		itemGap:       g(2.5),
		headGapBefore: g(15),
		headGapAfter:  g(5),
		indent:        s(17),
		cellPadX:      s(5),
		cellPadY:      g(3.5),

		body: serif,

		ink:    colour(palette.Ink),
		accent: colour(palette.Accent),
		muted:  colour(palette.Muted),
		rule:   colour(palette.Rule),
		fill:   colour(palette.Fill),
		link:   colour(palette.Link),
		target: colour(palette.Target),
		good:   colour(palette.Good),
	}
}

// themed applies the theme of meta to the style: the accent colour (and
// the table headers' tint of it) and the body face.
func (st *style) themed(meta Meta) error {
	if meta.Accent != "" {
		c, ok := palette.ParseRGB(meta.Accent)
		if !ok {
			return fmt.Errorf("colour %q is not written as #RRGGBB", meta.Accent)
		}
		st.accent, st.fill = rgbOf(c), rgbOf(c.Tint(palette.HeaderTintShare))
	}
	if meta.Sans {
		st.body = sans
	}
	return nil
}
