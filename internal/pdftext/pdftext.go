// Package pdftext extracts the text of the PDFs propose writes, for tests
// that must run with nothing but Go installed.
package pdftext

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Extract returns the text of every page of a PDF that propose wrote, one
// line a page (see Pages).
func Extract(b []byte) (string, error) {
	pages, err := Pages(b)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for _, p := range pages {
		out.WriteString(p)
		out.WriteByte('\n')
	}
	return Joined(out.String()), nil
}

// softBreak is a soft hyphen where the typesetting broke a word, with the
// space or line end after it (and the space this package puts between
// two shown strings, when the hyphen is shown on its own).
var softBreak = regexp.MustCompile("\\s*\u00ad\\s+")

// Joined is text as a careful viewer copies it: a word the typesetting
// broke at a line's end with a soft hyphen (U+00AD) is whole again.
func Joined(text string) string { return softBreak.ReplaceAllString(text, "") }

// Pages returns the text of each page of a PDF that propose wrote, in pure
// Go: it reads each page's content stream with pdfcpu and decodes the
// strings shown through their font's ToUnicode map, as a viewer does for
// copy and paste (so a wrong map fails the tests); pdftotext, when present,
// checks the same path independently. Shown strings are separated by a
// space.
func Pages(b []byte) ([]string, error) {
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(b), model.NewDefaultConfiguration())
	if err != nil {
		return nil, err
	}
	var pages []string
	for page := 1; page <= ctx.PageCount; page++ {
		maps, err := toUnicodeMaps(ctx, page)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		r, err := pdfcpu.ExtractPageContent(ctx, page)
		if err != nil {
			return nil, err
		}
		content, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		shown, err := shownStrings(content, maps)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", page, err)
		}
		var text strings.Builder
		for _, s := range shown {
			text.WriteString(s)
			text.WriteByte(' ')
		}
		pages = append(pages, text.String())
	}
	return pages, nil
}

// toUnicodeMaps reads the ToUnicode map of every font a page uses, by the
// font's resource name.
func toUnicodeMaps(ctx *model.Context, page int) (map[string]map[string]string, error) {
	_, _, inh, err := ctx.PageDict(page, false)
	if err != nil {
		return nil, err
	}
	maps := map[string]map[string]string{}
	if inh == nil || inh.Resources == nil {
		return maps, nil
	}
	fonts, err := ctx.DereferenceDict(inh.Resources["Font"])
	if err != nil || fonts == nil {
		return maps, err
	}
	for name, ref := range fonts {
		fd, err := ctx.DereferenceDict(ref)
		if err != nil {
			return nil, err
		}
		sd, _, err := ctx.DereferenceStreamDict(fd["ToUnicode"])
		if err != nil || sd == nil {
			return nil, fmt.Errorf("font %s has no ToUnicode map: %v", name, err)
		}
		if err := sd.Decode(); err != nil {
			return nil, err
		}
		m, err := parseCMap(sd.Content)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", name, err)
		}
		maps[name] = m
	}
	return maps, nil
}

// parseCMap reads the bfchar entries of a ToUnicode CMap: glyph code (hex)
// to text.
func parseCMap(cmap []byte) (map[string]string, error) {
	m := map[string]string{}
	in := false
	for _, line := range strings.Split(string(cmap), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[1] == "beginbfchar":
			in = true
		case len(f) == 1 && f[0] == "endbfchar":
			in = false
		case in && len(f) == 2:
			text, err := decodeUTF16Hex(strings.Trim(f[1], "<>"))
			if err != nil {
				return nil, err
			}
			m[strings.ToUpper(strings.Trim(f[0], "<>"))] = text
		}
	}
	return m, nil
}

func decodeUTF16Hex(h string) (string, error) {
	raw, err := hex.DecodeString(h)
	if err != nil {
		return "", err
	}
	return UTF16BE(raw), nil
}

// UTF16BE decodes big-endian UTF-16, as PDF text strings and ToUnicode
// maps write it; an odd last byte is dropped.
func UTF16BE(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// shownStrings returns the text of the hex strings a content stream shows,
// each glyph code read through the ToUnicode map of the font selected by
// the last Tf; the strings of one TJ array (kerned text) are one. A code
// the map lacks is an error: it would paste as nothing.
func shownStrings(content []byte, maps map[string]map[string]string) ([]string, error) {
	var out []string
	var name, font string
	var array *strings.Builder // the text of the array being read, once it has a string
	inArray := false
	for i := 0; i < len(content); i++ {
		switch c := content[i]; {
		case c == '[':
			inArray, array = true, nil
		case c == ']':
			if array != nil {
				out = append(out, array.String())
			}
			inArray, array = false, nil
		case c == '/':
			j := i + 1
			for j < len(content) && !bytes.ContainsRune([]byte(" \n\r\t/<>[]()"), rune(content[j])) {
				j++
			}
			name = string(content[i+1 : j])
			i = j - 1
		case c == 'T' && i+1 < len(content) && content[i+1] == 'f':
			font = name
		case c == '<' && i+1 < len(content) && content[i+1] == '<':
			i++
		case c == '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("unterminated hex string")
			}
			codes := strings.ToUpper(string(content[i+1 : i+j]))
			i += j
			m := maps[font]
			if m == nil {
				return nil, fmt.Errorf("text shown in font %q, which has no ToUnicode map", font)
			}
			var s strings.Builder
			for k := 0; k+4 <= len(codes); k += 4 {
				t, ok := m[codes[k:k+4]]
				if !ok {
					return nil, fmt.Errorf("glyph %s of font %s is not in its ToUnicode map", codes[k:k+4], font)
				}
				s.WriteString(t)
			}
			if inArray {
				if array == nil {
					array = new(strings.Builder)
				}
				array.WriteString(s.String())
			} else {
				out = append(out, s.String())
			}
		}
	}
	return out, nil
}

// Squash drops white space: the extraction puts a space between every
// text object, so comparisons look at the characters and their order.
func Squash(s string) string { return strings.Join(strings.Fields(s), "") }
