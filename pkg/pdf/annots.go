package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// indirectAnnots rewrites a PDF written by fpdf so that every page's link
// annotations are indirect objects.
//
// fpdf writes each link as a dictionary inside the page's /Annots array.
// ISO 32000-1 (table 30) wants that array to hold indirect references, and
// strict validators (pdfcpu) reject the file. The rewrite keeps every object
// and its number, moves each inline annotation into a new object numbered
// after the last one, points the page at it, and writes a new
// cross-reference table. A file without inline annotations is returned as
// is. The input is fpdf's classic layout (one xref section, a trailer with
// /Size); anything else is an error, never a damaged file.
func indirectAnnots(pdf []byte) ([]byte, error) {
	if !bytes.Contains(pdf, []byte("/Annots [<<")) {
		return pdf, nil
	}
	xrefAt, err := startXref(pdf)
	if err != nil {
		return nil, err
	}
	offsets, err := xrefOffsets(pdf, xrefAt)
	if err != nil {
		return nil, err
	}
	trailer := pdf[xrefAt:]
	ti := bytes.Index(trailer, []byte("trailer"))
	si := bytes.LastIndex(trailer, []byte("startxref"))
	if ti < 0 || si < ti {
		return nil, errors.New("move link annotations: no trailer")
	}
	trailer = trailer[ti:si]

	// Objects in file order: fpdf writes the page tree and resources last
	// but numbers them first.
	order := make([]int, 0, len(offsets))
	for n := 1; n < len(offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 || offsets[order[0]] <= 0 || offsets[order[len(order)-1]] >= xrefAt {
		return nil, errors.New("move link annotations: object offsets out of range")
	}

	size := len(offsets)
	var out bytes.Buffer
	out.Grow(len(pdf) + 1024)
	out.Write(pdf[:offsets[order[0]]])
	newOffsets := make([]int, size)
	var annots [][]byte
	for i, n := range order {
		end := xrefAt
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		obj := pdf[offsets[n]:end]
		newOffsets[n] = out.Len()
		if !bytes.Contains(obj, []byte("stream")) {
			var moved [][]byte
			obj, moved, err = moveAnnots(obj, size+len(annots))
			if err != nil {
				return nil, fmt.Errorf("move link annotations of object %d: %w", n, err)
			}
			annots = append(annots, moved...)
		}
		out.Write(obj)
	}
	for i, a := range annots {
		newOffsets = append(newOffsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", size+i, a)
	}

	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(newOffsets))
	for _, off := range newOffsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	oldSize := []byte("/Size " + strconv.Itoa(size))
	if !bytes.Contains(trailer, oldSize) {
		return nil, errors.New("move link annotations: trailer has no /Size")
	}
	out.Write(bytes.Replace(trailer, oldSize, []byte("/Size "+strconv.Itoa(len(newOffsets))), 1))
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// startXref reads the offset after the last startxref keyword.
func startXref(pdf []byte) (int, error) {
	i := bytes.LastIndex(pdf, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("move link annotations: no startxref")
	}
	f := bytes.Fields(pdf[i+len("startxref"):])
	if len(f) == 0 {
		return 0, errors.New("move link annotations: empty startxref")
	}
	n, err := strconv.Atoi(string(f[0]))
	if err != nil || n <= 0 || n >= i {
		return 0, fmt.Errorf("move link annotations: bad startxref %q", f[0])
	}
	return n, nil
}

// xrefOffsets reads a single classic cross-reference section starting at 0;
// offsets[n] is where object n starts (offsets[0] is unused).
func xrefOffsets(pdf []byte, at int) ([]int, error) {
	lines := bytes.Split(pdf[at:], []byte("\n"))
	if len(lines) < 2 || string(bytes.TrimSpace(lines[0])) != "xref" {
		return nil, errors.New("move link annotations: no xref table")
	}
	head := bytes.Fields(lines[1])
	if len(head) != 2 || string(head[0]) != "0" {
		return nil, errors.New("move link annotations: xref is not one section from object 0")
	}
	count, err := strconv.Atoi(string(head[1]))
	if err != nil || count < 1 || len(lines) < 2+count {
		return nil, errors.New("move link annotations: bad xref size")
	}
	offsets := make([]int, count)
	for n := 1; n < count; n++ {
		f := bytes.Fields(lines[2+n])
		if len(f) != 3 || string(f[2]) != "n" {
			return nil, fmt.Errorf("move link annotations: xref entry %d is not in use", n)
		}
		if offsets[n], err = strconv.Atoi(string(f[0])); err != nil {
			return nil, fmt.Errorf("move link annotations: xref entry %d: %w", n, err)
		}
	}
	return offsets, nil
}

// moveAnnots replaces the inline dictionaries of an object's /Annots array
// with references to objects first, first+1, …, returned in order.
func moveAnnots(obj []byte, first int) ([]byte, [][]byte, error) {
	key := []byte("/Annots [")
	i := bytes.Index(obj, key)
	if i < 0 {
		return obj, nil, nil
	}
	p := i + len(key)
	var dicts [][]byte
	var refs bytes.Buffer
	for {
		for p < len(obj) && isSpace(obj[p]) {
			p++
		}
		if p >= len(obj) {
			return nil, nil, errors.New("unterminated /Annots array")
		}
		if obj[p] == ']' {
			break
		}
		if !bytes.HasPrefix(obj[p:], []byte("<<")) {
			// Already a reference (or something fpdf does not write):
			// keep the array as it is only if nothing was moved.
			if len(dicts) == 0 {
				return obj, nil, nil
			}
			return nil, nil, errors.New("/Annots mixes dictionaries and other values")
		}
		end, err := dictEnd(obj, p)
		if err != nil {
			return nil, nil, err
		}
		if refs.Len() > 0 {
			refs.WriteByte(' ')
		}
		fmt.Fprintf(&refs, "%d 0 R", first+len(dicts))
		dicts = append(dicts, obj[p:end])
		p = end
	}
	var b bytes.Buffer
	b.Write(obj[:i+len(key)])
	b.Write(refs.Bytes())
	b.Write(obj[p:])
	return b.Bytes(), dicts, nil
}

// dictEnd returns the index just after the dictionary that opens at p,
// skipping literal strings (with escapes and nested parentheses) and hex
// strings, so a ">>" inside a URI does not end it.
func dictEnd(b []byte, p int) (int, error) {
	depth := 0
	for p < len(b) {
		switch {
		case bytes.HasPrefix(b[p:], []byte("<<")):
			depth++
			p += 2
		case bytes.HasPrefix(b[p:], []byte(">>")):
			depth--
			p += 2
			if depth == 0 {
				return p, nil
			}
		case b[p] == '(':
			nest := 0
		str:
			for p < len(b) {
				c := b[p]
				p++
				switch c {
				case '\\':
					p++
				case '(':
					nest++
				case ')':
					nest--
					if nest == 0 {
						break str
					}
				}
			}
			if nest != 0 {
				return 0, errors.New("unterminated string in an annotation")
			}
		case b[p] == '<':
			q := bytes.IndexByte(b[p:], '>')
			if q < 0 {
				return 0, errors.New("unterminated hex string in an annotation")
			}
			p += q + 1
		default:
			p++
		}
	}
	return 0, errors.New("unterminated annotation dictionary")
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}
