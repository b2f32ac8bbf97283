// Package mdtext holds the one Markdown configuration the project reads
// its documents with, for the PDF and Word renderers, the HTML page and the
// email's HTML and plain-text parts, and reads the text of the tree as a
// reader of the Markdown sees it: escapes and character references decoded
// once. Every renderer goes through it, so a document reads the same in
// each: a table is a table everywhere, a curly quote the same character.
package mdtext

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Unescape turns Markdown's backslash escapes and character references
// into the characters they stand for, in one pass, as Markdown reads
// them: a backslash-escaped character is that character, and an entity is
// decoded where it stands. Decoding the escapes first and the entities
// after would read the user's "AT\&amp;T" (the text AT&amp;T) as AT&T.
func Unescape(b []byte) string {
	var out []byte
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out = append(out, b[i+1])
			i++
		case c == '&':
			end := bytes.IndexByte(b[i:min(len(b), i+34)], ';')
			if end < 0 {
				out = append(out, c)
				continue
			}
			ref := b[i : i+end+1]
			dec := util.ResolveEntityNames(util.ResolveNumericReferences(append([]byte(nil), ref...)))
			out = append(out, dec...)
			i += end
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// Plain returns the text of a node and its descendants, unstyled: line
// breaks become spaces, code and raw HTML stay as written.
func Plain(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(Unescape(t.Segment.Value(source)))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if t.IsCode() || t.IsRaw() {
				b.Write(t.Value)
			} else {
				b.WriteString(Unescape(t.Value))
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
			if _, _, ok := LangSpan(t, source); ok {
				break
			}
			for i := 0; i < t.Segments.Len(); i++ {
				seg := t.Segments.At(i)
				b.Write(seg.Value(source))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// New returns the project's Markdown configuration, with extra
// extensions (such as the HTML page's charts) added to it: GitHub tables
// and task lists, typographic punctuation as Unicode characters rather
// than HTML entities, and HTML written as XHTML, with table headings that
// say what they head and check boxes labelled by their text (accessible).
// Raw HTML in the Markdown is never passed through to HTML: the documents'
// user text is escaped, and anything else is left out rather than
// interpreted.
func New(extra ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(append([]goldmark.Extender{extension.Table, extension.TaskList, typographer, accessible{}}, extra...)...),
		goldmark.WithRendererOptions(gmhtml.WithXHTML()),
	)
}

// markdown is the parser the renderers that walk the tree share. It holds
// no state between documents.
var markdown = New()

var typographer = extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
	extension.LeftSingleQuote:  []byte("‘"),
	extension.RightSingleQuote: []byte("’"),
	extension.LeftDoubleQuote:  []byte("“"),
	extension.RightDoubleQuote: []byte("”"),
	extension.EnDash:           []byte("–"),
	extension.EmDash:           []byte("—"),
	extension.Ellipsis:         []byte("…"),
	extension.LeftAngleQuote:   []byte("«"),
	extension.RightAngleQuote:  []byte("»"),
	extension.Apostrophe:       []byte("’"),
}))

// Parse reads a document's Markdown into the tree a renderer walks.
func Parse(md []byte) ast.Node {
	return markdown.Parser().Parse(text.NewReader(md))
}

// AutoLinkURL is where an autolink goes: its address, with mailto: before
// an email address written bare.
func AutoLinkURL(n *ast.AutoLink, source []byte) string {
	url := string(n.URL(source))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	return url
}

// Openable reports whether a link may be live in a document: a web address
// (http, https) or an email address (mailto). Any other scheme (a
// template's javascript:, file: or data:) is printed as its text only, in
// every format, whoever wrote it.
func Openable(url string) bool {
	scheme, _, ok := strings.Cut(url, ":")
	if !ok {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(scheme)) {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// A passage in another language than the document's (an English paper's
// title in a French proposal) is marked in the Markdown as inline HTML,
// <span lang="en">…</span>, which the templates write (never user text,
// which is escaped): the PDF tags it with its /Lang, the HTML keeps the
// element, Word marks its runs, and the plain texts leave the tags out.
var langSpan = regexp.MustCompile(`^<span lang="([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)">$`)

// LangSpan reports whether n is the opening of a language span (with its
// language) or its closing.
func LangSpan(n *ast.RawHTML, source []byte) (lang string, opens, ok bool) {
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(source)...)
	}
	if string(raw) == "</span>" {
		return "", false, true
	}
	if m := langSpan.FindSubmatch(raw); m != nil {
		return string(m[1]), true, true
	}
	return "", false, false
}

// Langs are the languages of the passages a renderer is inside,
// innermost last.
type Langs []string

// Follow takes n into account: a language span's opening enters its
// passage, its closing leaves it. It reports whether n was one, which a
// renderer then shows as nothing.
func (ls *Langs) Follow(n *ast.RawHTML, source []byte) bool {
	lang, opens, ok := LangSpan(n, source)
	switch {
	case !ok:
	case opens:
		*ls = append(*ls, lang)
	case len(*ls) > 0:
		*ls = (*ls)[:len(*ls)-1]
	}
	return ok
}

// Current is the language of the innermost passage; "" outside any.
func (ls Langs) Current() string {
	if len(ls) == 0 {
		return ""
	}
	return ls[len(ls)-1]
}

// InLang writes text as a passage in the language lang, for a document in
// docLang: marked when the two differ in their language (en-US and en-GB
// do not), as it is when they are the same.
func InLang(lang, docLang, text string) string {
	base := func(t string) string { b, _, _ := strings.Cut(strings.ToLower(t), "-"); return b }
	if lang == "" || text == "" || base(lang) == base(docLang) {
		return text
	}
	return `<span lang="` + lang + `">` + text + `</span>`
}
