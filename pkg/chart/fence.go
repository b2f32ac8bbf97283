package chart

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// ParseFence reads the chart in a fenced code block of the Markdown
// source. What is wrong is placed at its line in the Markdown, so both
// renderers report it the same way.
func ParseFence(n *ast.FencedCodeBlock, source []byte) (Spec, error) {
	var body strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		body.Write(seg.Value(source))
	}
	spec, err := Parse(body.String())
	if err == nil {
		return spec, nil
	}
	open := 1
	if n.Info != nil {
		open += bytes.Count(source[:n.Info.Segment.Start], []byte("\n"))
	}
	var pe *ParseError
	if errors.As(err, &pe) && pe.Line > 0 {
		return Spec{}, fmt.Errorf("chart at line %d: %s", open+pe.Line, pe.Msg)
	}
	return Spec{}, fmt.Errorf("chart at line %d: %w", open, err)
}
