package eml

import (
	"bytes"
	"fmt"
	"github.com/propose-cli/propose/pkg/palette"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/propose-cli/propose/pkg/mdtext"
)

// markdown is the project's one Markdown configuration, so that the email
// shows a table as a table, as the HTML page and the PDF do.
var markdown = mdtext.New()

// htmlStyle styles the HTML part. Mail clients keep a <style> in the head
// or drop it; either way the table stays a table.
const htmlStyle = "<style>table { border-collapse: collapse; margin: 0.5em 0 1em } " +
	"th, td { border: 1px solid #dee2e6; padding: 4px 10px; text-align: left; vertical-align: top } " +
	"th { background: #f1f3f5 }</style></head>\n"

// htmlHead opens the HTML part: its language, so that a screen reader
// reads it in the right voice, and the subject as its title.
func htmlHead(lang, title string) string {
	return "<!DOCTYPE html>\n<html lang=\"" + html.EscapeString(lang) + "\"><head><meta charset=\"utf-8\">\n<title>" +
		html.EscapeString(title) + "</title>\n" + htmlStyle
}

// Body turns a note written in Markdown into its plain-text and HTML
// forms, the HTML in the language lang (a BCP 47 tag such as "en-GB") and
// titled with the message's subject. Raw HTML in the Markdown is left out, never passed through. The
// plain text reads as the HTML does: a list item keeps its bullet ("- ")
// or number, a table becomes aligned columns when it fits in maxPlainWidth
// characters and a list of "Header: value" lines when it does not.
func Body(md []byte, lang, title string) (plain, page string, err error) {
	var h bytes.Buffer
	if err := markdown.Convert(md, &h); err != nil {
		return "", "", fmt.Errorf("email body: %w", err)
	}
	page = htmlHead(lang, title) +
		"<body style=\"font-family: Georgia, 'Times New Roman', serif; font-size: 15px; line-height: 1.5; color: " + palette.Ink + "\">\n" +
		h.String() + "</body></html>\n"
	doc := markdown.Parser().Parse(text.NewReader(md))
	return strings.Join(blocks(doc, md), "\n\n") + "\n", page, nil
}

// maxPlainWidth is the widest a table's columns may be in the plain text:
// the width mail clients wrap plain text at.
const maxPlainWidth = 72

// blocks is the plain text of each block child of n.
func blocks(n ast.Node, src []byte) []string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := block(c, src); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// block is the plain text of one block: its lines, without a final
// newline; "" for a block that shows nothing (raw HTML).
func block(n ast.Node, src []byte) string {
	switch n := n.(type) {
	case *ast.Heading:
		t := inline(n, src)
		switch n.Level {
		case 1:
			return t + "\n" + strings.Repeat("=", utf8.RuneCountInString(t))
		case 2:
			return t + "\n" + strings.Repeat("-", utf8.RuneCountInString(t))
		}
		return t
	case *ast.Paragraph, *ast.TextBlock:
		return inline(n, src)
	case *ast.List:
		return list(n, src)
	case *ast.Blockquote:
		return prefix(strings.Join(blocks(n, src), "\n\n"), "> ", "> ")
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		return prefix(strings.TrimRight(b.String(), "\n"), "    ", "    ")
	case *ast.ThematicBreak:
		return "----"
	case *east.Table:
		return table(n, src)
	case *ast.HTMLBlock:
		return ""
	}
	return strings.Join(blocks(n, src), "\n\n")
}

// list writes each item after its bullet or number, its other lines
// indented under its first; a loose list keeps a blank line between items.
func list(l *ast.List, src []byte) string {
	var items []string
	num := l.Start
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		marker := "- "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		var parts []string
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			if s := block(c, src); s != "" {
				parts = append(parts, s)
			}
		}
		sep := "\n"
		if !l.IsTight {
			sep = "\n\n"
		}
		items = append(items, prefix(strings.Join(parts, sep), marker, strings.Repeat(" ", len(marker))))
	}
	if l.IsTight {
		return strings.Join(items, "\n")
	}
	return strings.Join(items, "\n\n")
}

// table writes a table as aligned columns, a header line and a rule under
// it, when they fit in maxPlainWidth; else each row as a list item: the
// first cell, then "Header: value" for each other cell that has a value.
func table(t *east.Table, src []byte) string {
	var rows [][]string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var row []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			row = append(row, strings.ReplaceAll(inline(c, src), "\n", " "))
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return ""
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	total := 2 * (cols - 1)
	for _, w := range widths {
		total += w
	}
	var b strings.Builder
	if total <= maxPlainWidth {
		line := func(cells []string) {
			var l strings.Builder
			for i := range cols {
				c := ""
				if i < len(cells) {
					c = cells[i]
				}
				if i > 0 {
					l.WriteString("  ")
				}
				pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
				if i < len(t.Alignments) && t.Alignments[i] == east.AlignRight {
					l.WriteString(pad + c)
				} else {
					l.WriteString(c + pad)
				}
			}
			b.WriteString(strings.TrimRight(l.String(), " ") + "\n")
		}
		line(rows[0])
		rule := make([]string, cols)
		for i, w := range widths {
			rule[i] = strings.Repeat("-", w)
		}
		line(rule)
		for _, r := range rows[1:] {
			line(r)
		}
		return strings.TrimRight(b.String(), "\n")
	}
	head := rows[0]
	var items []string
	for _, r := range rows[1:] {
		if len(r) == 0 {
			continue
		}
		lines := []string{r[0]}
		for i, c := range r[1:] {
			switch {
			case c == "":
			case i+1 < len(head) && head[i+1] != "":
				lines = append(lines, head[i+1]+": "+c)
			default:
				lines = append(lines, c)
			}
		}
		items = append(items, prefix(strings.Join(lines, "\n"), "- ", "  "))
	}
	return strings.Join(items, "\n")
}

// prefix puts first before the first line of s and rest before each other
// line that is not empty.
func prefix(s, first, rest string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		switch {
		case i == 0:
			lines[i] = first + l
		case l != "":
			lines[i] = rest + l
		}
	}
	return strings.Join(lines, "\n")
}

// inline is the text of an inline run as a reader of the Markdown sees
// it: escapes and entities decoded, a hard line break a new line, a link
// its text with its address after it when the two differ, raw HTML left
// out as the HTML part leaves it out.
func inline(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if c == n {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Link:
			if !entering {
				if label, url := mdtext.Plain(t, src), string(t.Destination); url != label && "mailto:"+label != url {
					b.WriteString(" <" + url + ">")
				}
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(mdtext.Unescape(t.Segment.Value(src)))
			switch {
			case t.HardLineBreak():
				b.WriteByte('\n')
			case t.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			if t.IsCode() || t.IsRaw() {
				b.Write(t.Value)
			} else {
				b.WriteString(mdtext.Unescape(t.Value))
			}
		case *ast.CodeSpan:
			b.WriteString(mdtext.Plain(t, src))
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *east.TaskCheckBox:
			if t.IsChecked {
				b.WriteString("[x] ")
			} else {
				b.WriteString("[ ] ")
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
