// Package docx writes the documents' Markdown as Word files
// (WordprocessingML, .docx). It is a goldmark renderer.NodeRenderer over
// the same tree the PDF renderer walks: goldmark parses the Markdown, and
// one renderX method a node kind writes its part of word/document.xml.
// The package is a zip of XML parts made with archive/zip; the same input
// gives the same bytes.
//
// The documents use Word's own styles (Heading1 to Heading3 with outline
// levels, so the navigation pane lists the sections; Normal; ListParagraph;
// Quote), set in Noto Serif and Noto Sans, which are named but not
// embedded: a reader without them sees Word's substitutes.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"github.com/propose-cli/propose/pkg/docmeta"
	"io"
	"time"

	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/propose-cli/propose/pkg/mdtext"
)

// Meta describes a document: its properties and its page.
type Meta struct {
	docmeta.Doc
}

// Render writes Markdown as a .docx file.
func Render(md []byte, meta Meta) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("write docx: internal error: %v", r)
		}
	}()
	b := newBuilder(meta)
	doc := mdtext.Parse(md)
	r := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(b, 100)))
	if err := r.Render(io.Discard, md, doc); err != nil {
		return nil, fmt.Errorf("write docx: %w", err)
	}
	return b.pack()
}

// part is one file in the package.
type part struct {
	name string
	data []byte
}

// minZipTime is the earliest time a zip entry can carry.
var minZipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// pack writes the parts as a zip, in a fixed order, every entry dated
// meta.Date.
func (b *builder) pack() ([]byte, error) {
	parts := b.parts()
	when := b.meta.Date.UTC()
	if when.Before(minZipTime) {
		when = minZipTime
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: when})
		if err != nil {
			return nil, fmt.Errorf("write docx: %w", err)
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, fmt.Errorf("write docx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("write docx: %w", err)
	}
	return out.Bytes(), nil
}
