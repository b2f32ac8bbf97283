// Package htmlpage renders a document's Markdown as one self-contained
// HTML page: styles inline in the page, no scripts, no external files, and
// a print stylesheet, for pasting into an email body or a wiki. A fenced
// code block whose info string is "chart" (package chart) is drawn as an
// inline SVG.
package htmlpage

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/propose-cli/propose/pkg/docmeta"
	"github.com/propose-cli/propose/pkg/imagetype"
	"github.com/propose-cli/propose/pkg/palette"

	"github.com/propose-cli/propose/pkg/mdtext"
)

// Page describes the page around the document.
type Page struct {
	docmeta.Doc // the title, language, banner, paper, scale and theme

	// Print is the document as the PDF shows it, condensed to fit its
	// page, when that differs from the Markdown the page shows on screen:
	// a browser prints it instead. nil prints what the screen shows.
	Print []byte
}

// md is the project's one Markdown configuration (mdtext.New), with the
// charts drawn as SVG.
var md = mdtext.New(charts{})

// Render returns the page.
func Render(markdown []byte, p Page) ([]byte, error) {
	var body bytes.Buffer
	if err := md.Convert(markdown, &body); err != nil {
		return nil, fmt.Errorf("render html: %w", err)
	}
	if p.Print != nil && !bytes.Equal(p.Print, markdown) {
		// The screen shows the whole text and a printer the version that
		// fits its page; display: none keeps the other out of the page
		// and out of what a screen reader reads.
		var printed bytes.Buffer
		if err := md.Convert(p.Print, &printed); err != nil {
			return nil, fmt.Errorf("render html: %w", err)
		}
		// A copy: the buffer's array is written over below.
		screen := bytes.Clone(body.Bytes())
		body.Reset()
		body.WriteString("<div class=\"on-screen\">\n")
		body.Write(screen)
		body.WriteString("</div>\n<div class=\"in-print\">\n")
		body.Write(printed.Bytes())
		body.WriteString("</div>\n")
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(p.Language))
	fmt.Fprintf(&b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n", html.EscapeString(p.Title))
	b.WriteString("<style>\n" + themed(p) + "</style>\n</head>\n<body>\n")
	if p.Banner != "" {
		// The page's header landmark, so that a screen reader, which reads
		// a page by its landmarks, reads the privacy mark too.
		fmt.Fprintf(&b, "<header class=\"banner\"><p>%s</p></header>\n", html.EscapeString(p.Banner))
	}
	b.WriteString("<main>\n")
	if typ := imagetype.Of(p.Logo); typ != "" {
		typ = "image/" + typ
		fmt.Fprintf(&b, "<img class=\"logo\" alt=\"%s\" src=\"data:%s;base64,%s\">\n", html.EscapeString(p.LogoAlt), typ, base64.StdEncoding.EncodeToString(p.Logo))
	}
	b.Write(themedCharts(keepForms(body.Bytes()), p))
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes(), nil
}

// headingRE starts a heading in the converted page.
var headingRE = regexp.MustCompile(`<h[1-6][ >]`)

// keepForms wraps each section that is a form to fill in (a heading and
// what follows it up to the next heading, when that holds a check box:
// the proposal's sign-off) in a <div class="form"> that the print
// stylesheet keeps on one page, as the PDF does.
func keepForms(body []byte) []byte {
	at := headingRE.FindAllIndex(body, -1)
	var out bytes.Buffer
	out.Grow(len(body) + 64)
	prev := 0
	for i, loc := range at {
		end := len(body)
		if i+1 < len(at) {
			end = at[i+1][0]
		}
		section := body[loc[0]:end]
		if !bytes.Contains(section, []byte(`type="checkbox"`)) {
			continue
		}
		out.Write(body[prev:loc[0]])
		out.WriteString(`<div class="form">` + "\n")
		out.Write(section)
		out.WriteString("</div>\n")
		prev = end
	}
	out.Write(body[prev:])
	return out.Bytes()
}

// accentRE is a colour the page may set.
var accentRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// themed is the stylesheet with the page's theme applied: the accent in
// place of the default navy, and the body face.
func themed(p Page) string {
	css := style
	if accentRE.MatchString(p.Accent) {
		css = strings.ReplaceAll(css, defaultAccent, strings.ToLower(p.Accent))
		css = strings.ReplaceAll(css, defaultHeaderFill, tint(p.Accent))
	}
	if p.Sans {
		css = strings.Replace(css, `"Noto Serif", Georgia, "Times New Roman", serif`, `"Noto Sans", "Helvetica Neue", Arial, sans-serif`, 1)
	}
	return css + printStyle(p)
}

// themedCharts gives the charts' readings the theme's accent, as the PDF
// draws them: the SVG writes the default accent in its attributes, which
// the stylesheet's rewriting (themed) does not reach. Only an attribute
// value is replaced: the user's text never holds a bare quotation mark in
// the page's markup.
func themedCharts(body []byte, p Page) []byte {
	if !accentRE.MatchString(p.Accent) || !bytes.Contains(body, []byte("<svg")) {
		return body
	}
	accent := []byte(`="` + strings.ToLower(p.Accent) + `"`)
	return bytes.ReplaceAll(body, []byte(`="`+defaultAccent+`"`), accent)
}

// browserSlack is how much smaller than the PDF a condensed page prints.
const browserSlack = 0.95

// printStyle sets the printed page as the PDF sets it (pkg/pdf's style):
// its paper and margins (64 pt at the top, 60 at the foot, an inch at the
// sides), body text at 10.5 pt and tables at 9.25 pt times the scale, and
// the gaps between blocks shrinking with the square of the scale.
func printStyle(p Page) string {
	scale := p.Scale
	if scale <= 0 {
		scale = 1
	}
	// A browser breaks lines its own way: greedily, without the PDF's
	// hyphenation, with its own copy of the fonts. A page condensed to
	// fit prints a little smaller than the PDF, so that it still fits.
	if scale < 1 {
		scale *= browserSlack
	}
	pt := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + "pt" }
	s := func(v float64) string { return pt(v * scale) }
	g := func(v float64) string { return pt(v * scale * scale) }
	m := func(v float64) string { return pt(v * max(scale, 0.8) * max(scale, 0.8)) }
	var b strings.Builder
	size := map[string]string{"letter": "letter", "a4": "A4"}[p.Paper]
	if size != "" {
		fmt.Fprintf(&b, "@page { size: %s; margin: %s 72pt %s; }\n", size, m(64), m(60))
	}
	fmt.Fprintf(&b, "@media print {\n  main { font-size: %s; line-height: 1.43; }\n", pt(max(10.5*scale, 8.5)))
	fmt.Fprintf(&b, "  h1 { font-size: %s; margin: 0 0 %s; }\n  h2 { font-size: %s; margin: %s 0 %s; }\n  h3 { font-size: %s; }\n",
		pt(max(19*scale, 8.5)), g(8), pt(max(12.5*scale, 8.5)), g(15), g(5), pt(max(11*scale, 8.5)))
	fmt.Fprintf(&b, "  p, ul, ol { margin: %s 0; }\n  li { margin: %s 0; }\n  table { font-size: %s; margin: %s 0; }\n  th, td { padding: %s %s; }\n",
		g(7), g(2.5), pt(max(9.25*scale, 8)), g(7), g(3.5), s(5))
	b.WriteString("  tbody td:empty { height: 2.6em; }\n")
	b.WriteString("}\n")
	return b.String()
}

// defaultAccent is the accent colour of the stylesheet as written, and
// defaultHeaderFill the tint of it behind table headers.
const (
	defaultAccent     = palette.Accent
	defaultHeaderFill = palette.Fill
)

// tint is the pale tint of the accent #RRGGBB behind table headings
// (palette.HeaderTintShare of it), as the PDF's, written as CSS writes it.
func tint(hex string) string {
	c, _ := palette.ParseRGB(hex)
	f := c.Tint(palette.HeaderTintShare)
	return fmt.Sprintf("#%02x%02x%02x", f.R, f.G, f.B)
}

// style is the page's stylesheet, in the palette's colours
// (styleTemplate's {names}).
var style = strings.NewReplacer("{page}", palette.Page, "{ink}", palette.Ink, "{accent}", palette.Accent, "{link}", palette.Link,
	"{fill}", palette.Fill, "{rule}", palette.Rule, "{banner}", palette.Banner).Replace(styleTemplate)

const styleTemplate = `body { margin: 0; background: {page}; color: {ink}; }
main { max-width: 44rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff;
  font: 16px/1.55 "Noto Serif", Georgia, "Times New Roman", serif; }
h1, h2, h3 { font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: {accent}; line-height: 1.25; }
h1 { font-size: 1.7rem; margin: 0 0 .8rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; break-after: avoid; }
a { color: {link}; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th, thead td { font-family: "Noto Sans", Arial, sans-serif; text-align: left; color: {accent}; background: {fill};
  border-bottom: 1.5px solid {accent}; padding: .35rem .5rem; }
td, th[scope=row] { border-bottom: 1px solid {rule}; padding: .35rem .5rem; vertical-align: top; }
th[scope=row] { font: inherit; color: inherit; background: none; }
tr { break-inside: avoid; }
tbody td:empty { height: 2.2em; /* a line to sign on, inset like the PDF's */
  background: linear-gradient({ink}, {ink}) no-repeat left .5rem bottom .45rem / calc(100% - 1rem) 1px; }
blockquote { margin: .6rem 0; padding-left: 1rem; border-left: 3px solid {accent}; font-style: italic; }
ul, ol { padding-left: 1.4rem; }
li { margin: .2rem 0; }
li:has(> label > input[type=checkbox]) { list-style: none; margin-left: -1.4rem; }
figure.chart { margin: 1rem 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
img.logo { display: block; margin: 0 0 1rem auto; max-width: 10rem; max-height: 3rem; }
.banner p { margin: 0; padding: .5rem; text-align: center; font: bold .85rem Arial, sans-serif; color: #fff; background: {banner}; }
.in-print { display: none; }
@media print {
  .on-screen { display: none; }
  .in-print { display: block; }
  body { background: #fff; }
  main { margin: 0; padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
  .banner p { color: {banner}; background: none; border-bottom: 1px solid {banner}; }
  h1, h2, h3 { break-after: avoid; }
  p, li { orphans: 2; widows: 2; }
  table, figure.chart { break-inside: avoid; }
  /* The sign-off: its check boxes, signature table and review date on one page. */
  .form { break-inside: avoid; }
}
`
