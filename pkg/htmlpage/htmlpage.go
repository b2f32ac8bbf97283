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

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

// Page describes the page around the document.
type Page struct {
	Title    string
	Language string // such as "en-US"
	Banner   string // shown above the document (the prep sheet's privacy mark); "" for none

	// The theme: how the page looks, whatever it says.
	Accent string // the colour of headings, rules and table headers, as #RRGGBB; "" for the default navy
	Sans   bool   // body text in a sans-serif face
	Logo   []byte // a PNG or JPEG image shown at the top of the page, as a data: URI; nil for none
}

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Typographer, charts{}),
	// Raw HTML is never passed through: the documents' user text is
	// escaped, and anything else is left out rather than interpreted.
	goldmark.WithRendererOptions(gmhtml.WithXHTML()),
)

// Render returns the page.
func Render(markdown []byte, p Page) ([]byte, error) {
	var body bytes.Buffer
	if err := md.Convert(markdown, &body); err != nil {
		return nil, fmt.Errorf("render html: %w", err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(p.Language))
	fmt.Fprintf(&b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n", html.EscapeString(p.Title))
	b.WriteString("<style>\n" + themed(p) + "</style>\n</head>\n<body>\n")
	if p.Banner != "" {
		fmt.Fprintf(&b, "<p class=\"banner\">%s</p>\n", html.EscapeString(p.Banner))
	}
	b.WriteString("<main>\n")
	if typ := imageType(p.Logo); typ != "" {
		fmt.Fprintf(&b, "<img class=\"logo\" alt=\"\" src=\"data:%s;base64,%s\">\n", typ, base64.StdEncoding.EncodeToString(p.Logo))
	}
	b.Write(body.Bytes())
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes(), nil
}

// accentRE is a colour the page may set.
var accentRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// themed is the stylesheet with the page's theme applied: the accent in
// place of the default navy, and the body face.
func themed(p Page) string {
	css := style
	if accentRE.MatchString(p.Accent) {
		css = strings.ReplaceAll(css, defaultAccent, strings.ToLower(p.Accent))
		css = strings.ReplaceAll(css, defaultHeaderFill, tint(p.Accent, 0.09))
	}
	if p.Sans {
		css = strings.Replace(css, `"Noto Serif", Georgia, "Times New Roman", serif`, `"Noto Sans", "Helvetica Neue", Arial, sans-serif`, 1)
	}
	return css
}

// imageType returns the media type of a PNG or JPEG image, by its first
// bytes, or "" for anything else.
func imageType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg"
	}
	return ""
}

// defaultAccent is the accent colour of the stylesheet as written, and
// defaultHeaderFill the tint of it behind table headers.
const (
	defaultAccent     = "#1b365d"
	defaultHeaderFill = "#eef2f7"
)

// tint mixes the colour #RRGGBB with white, keeping the share k of it, as
// the PDF's table headers do.
func tint(hex string, k float64) string {
	n, _ := strconv.ParseUint(hex[1:], 16, 32)
	mix := func(v uint64) int { return int(float64(v)*k + 255*(1-k) + 0.5) }
	return fmt.Sprintf("#%02x%02x%02x", mix(n>>16), mix(n>>8&0xFF), mix(n&0xFF))
}

const style = `body { margin: 0; background: #f4f6f8; color: #212529; }
main { max-width: 44rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff;
  font: 16px/1.55 "Noto Serif", Georgia, "Times New Roman", serif; }
h1, h2, h3 { font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: #1b365d; line-height: 1.25; }
h1 { font-size: 1.7rem; margin: 0 0 .8rem; }
h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; break-after: avoid; }
a { color: #1b5096; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .92rem; }
th { font-family: "Noto Sans", Arial, sans-serif; text-align: left; color: #1b365d; background: #eef2f7;
  border-bottom: 1.5px solid #1b365d; padding: .35rem .5rem; }
td { border-bottom: 1px solid #ced4da; padding: .35rem .5rem; vertical-align: top; }
tr { break-inside: avoid; }
td:empty { height: 2.2em; /* a line to sign on, inset like the PDF's */
  background: linear-gradient(#212529, #212529) no-repeat left .5rem bottom .45rem / calc(100% - 1rem) 1px; }
blockquote { margin: .6rem 0; padding-left: 1rem; border-left: 3px solid #1b365d; font-style: italic; }
ul, ol { padding-left: 1.4rem; }
li { margin: .2rem 0; }
li:has(> input[type=checkbox]) { list-style: none; margin-left: -1.4rem; }
figure.chart { margin: 1rem 0; break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
img.logo { display: block; margin: 0 0 1rem auto; max-width: 10rem; max-height: 3rem; }
.banner { margin: 0; padding: .5rem; text-align: center; font: bold .85rem Arial, sans-serif; color: #fff; background: #963028; }
@media print {
  body { background: #fff; }
  main { margin: 0; padding: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  .banner { color: #963028; background: none; border-bottom: 1px solid #963028; }
}
`
