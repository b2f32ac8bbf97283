package eml

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Body turns a cover note written in Markdown into its plain-text and HTML
// forms. Raw HTML in the Markdown is escaped, never passed through.
func Body(md []byte) (plain, html string, err error) {
	gm := goldmark.New()
	var h bytes.Buffer
	if err := gm.Convert(md, &h); err != nil {
		return "", "", fmt.Errorf("email body: %w", err)
	}
	html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>\n" +
		"<body style=\"font-family: Georgia, 'Times New Roman', serif; font-size: 15px; line-height: 1.5; color: #212529\">\n" +
		h.String() + "</body></html>\n"

	doc := gm.Parser().Parse(text.NewReader(md))
	var paras []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		var b strings.Builder
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if t, ok := c.(*ast.Text); ok {
				b.Write(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(t.Segment.Value(md)))))
				switch {
				case t.HardLineBreak():
					b.WriteByte('\n')
				case t.SoftLineBreak():
					b.WriteByte(' ')
				}
			}
			return ast.WalkContinue, nil
		})
		paras = append(paras, strings.TrimSpace(b.String()))
	}
	return strings.Join(paras, "\n\n") + "\n", html, nil
}
