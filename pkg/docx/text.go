package docx

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/propose-cli/propose/pkg/mdtext"
)

// linesText is a block's lines, joined by line feeds.
func linesText(lines *text.Segments, source []byte) string {
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimRight(string(seg.Value(source)), "\n"))
	}
	return b.String()
}

// plainText returns the text of a node and its descendants, unstyled and
// trimmed.
func plainText(n ast.Node, source []byte) string {
	return strings.TrimSpace(mdtext.Plain(n, source))
}
