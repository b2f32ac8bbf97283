// Package pdftext extracts the text of the PDFs propose writes, for tests
// that must run with nothing but Go installed.
package pdftext

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Extract returns the text of every page of a PDF that propose wrote, in
// pure Go: it reads each page's
// content stream with pdfcpu and decodes the strings shown. fpdf writes
// text in Unicode fonts as UTF-16BE, the same code points its ToUnicode
// map gives to copy and paste; pdftotext, when present, checks that path.
func Extract(b []byte) (string, error) {
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(b), model.NewDefaultConfiguration())
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for page := 1; page <= ctx.PageCount; page++ {
		r, err := pdfcpu.ExtractPageContent(ctx, page)
		if err != nil {
			return "", err
		}
		content, err := io.ReadAll(r)
		if err != nil {
			return "", err
		}
		for _, s := range shownStrings(content) {
			out.WriteString(s)
			out.WriteByte(' ')
		}
		out.WriteByte('\n')
	}
	return out.String(), nil
}

// shownStrings returns the literal strings of a content stream, decoded
// from UTF-16BE.
func shownStrings(content []byte) []string {
	var out []string
	for i := 0; i < len(content); i++ {
		if content[i] != '(' {
			continue
		}
		var raw []byte
		depth := 1
		for i++; i < len(content) && depth > 0; i++ {
			c := content[i]
			switch {
			case c == '\\' && i+1 < len(content):
				i++
				switch e := content[i]; e {
				case 'n':
					raw = append(raw, '\n')
				case 'r':
					raw = append(raw, '\r')
				case 't':
					raw = append(raw, '\t')
				case 'b':
					raw = append(raw, '\b')
				case 'f':
					raw = append(raw, '\f')
				default:
					if e >= '0' && e <= '7' {
						v, n := 0, 0
						for ; n < 3 && i < len(content) && content[i] >= '0' && content[i] <= '7'; n++ {
							v = v*8 + int(content[i]-'0')
							i++
						}
						i--
						raw = append(raw, byte(v))
					} else {
						raw = append(raw, e)
					}
				}
			case c == '(':
				depth++
				raw = append(raw, c)
			case c == ')':
				depth--
				if depth > 0 {
					raw = append(raw, c)
				}
			default:
				raw = append(raw, c)
			}
		}
		i--
		u := make([]uint16, 0, len(raw)/2)
		for j := 0; j+1 < len(raw); j += 2 {
			u = append(u, uint16(raw[j])<<8|uint16(raw[j+1]))
		}
		out = append(out, string(utf16.Decode(u)))
	}
	return out
}

// Squash drops white space: the extraction puts a space between every
// text object, so comparisons look at the characters and their order.
func Squash(s string) string { return strings.Join(strings.Fields(s), "") }
