package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// finish completes a PDF written by fpdf: it adds the document's fonts, and
// makes every page's link annotations indirect objects.
//
// The fonts (see embed.go) become new objects, listed in the resource
// dictionary all of fpdf's pages share (object 2). fpdf writes each link as
// a dictionary inside the page's /Annots array; ISO 32000-1 (table 30)
// wants that array to hold indirect references, and strict validators
// (pdfcpu) reject the file, so each moves into an object of its own. Every
// existing object keeps its number; new ones are numbered after the last,
// and a new cross-reference table is written. The input is fpdf's classic
// layout (one xref section, a trailer with /Size); anything else is an
// error, never a damaged file.
//
// With tags (a tagged document, tags.go), finish also writes the structure
// tree and the XMP metadata, gives each page its /StructParents and tab
// order, each link annotation its /StructParent and /Contents, and marks
// the catalog: /MarkInfo, /StructTreeRoot, /ViewerPreferences and
// /Metadata. The header then says PDF 1.7, the version PDF/UA-1 builds on.
func finish(pdf []byte, fonts *docFonts, tags *tagger, meta Meta) ([]byte, error) {
	if len(fonts.order) == 0 && tags == nil && !bytes.Contains(pdf, []byte("/Annots [<<")) {
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
		return nil, errors.New("finish pdf: no trailer")
	}
	trailer = trailer[ti:si]

	// Objects in file order: fpdf writes the page tree and resources last
	// but numbers them first.
	order := make([]int, 0, len(offsets))
	for n := 1; n < len(offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) < 2 || offsets[order[0]] <= 0 || offsets[order[len(order)-1]] >= xrefAt {
		return nil, errors.New("finish pdf: object offsets out of range")
	}

	size := len(offsets)
	var extra [][]byte
	var fontRefs strings.Builder
	for _, f := range fonts.order {
		first := size + len(extra)
		fmt.Fprintf(&fontRefs, "/%s %d 0 R\n", f.res, first)
		extra = append(extra, f.objects(first)...)
	}

	// The structure tree's objects come next; they are written once every
	// page and annotation has its number.
	var tree treeObjects
	pageCount, annotKey := 0, 0
	if tags != nil {
		tags.prune()
		var n int
		tree, n = tags.number(size + len(extra))
		extra = append(extra, make([][]byte, n)...)
		for _, n := range order {
			if isPage(pdf[offsets[n]:]) {
				pageCount++
			}
		}
		annotKey = pageCount
	}
	var pageObjs []int
	var annotObjs [][]int

	var out bytes.Buffer
	out.Grow(len(pdf) + 1024)
	head := pdf[:offsets[order[0]]]
	if tags != nil && bytes.HasPrefix(head, []byte("%PDF-1.")) && len(head) > 8 {
		out.WriteString("%PDF-1.7")
		head = head[8:]
	}
	out.Write(head)
	newOffsets := make([]int, size)
	for i, n := range order {
		end := xrefAt
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		obj := pdf[offsets[n]:end]
		if tags != nil && bytes.Contains(obj, []byte("/Type /Catalog\n")) {
			obj = bytes.Replace(obj, []byte("/Type /Catalog\n"), fmt.Appendf(nil,
				"/Type /Catalog\n/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\n/Metadata %d 0 R\n",
				tree.root, tree.metadata), 1)
		}
		newOffsets[n] = out.Len()
		if n == 2 && fontRefs.Len() > 0 {
			empty := []byte("/Font <<\n>>")
			if !bytes.Contains(obj, empty) {
				return nil, errors.New("finish pdf: the resource dictionary has no empty /Font entry")
			}
			obj = bytes.Replace(obj, empty, []byte("/Font <<\n"+fontRefs.String()+">>"), 1)
		}
		if c, ok := compressStream(obj); ok {
			obj = c
		} else if !bytes.Contains(obj, []byte("stream")) {
			var moved [][]byte
			first := size + len(extra)
			obj, moved, err = moveAnnots(obj, first)
			if err != nil {
				return nil, fmt.Errorf("finish pdf: link annotations of object %d: %w", n, err)
			}
			if tags != nil && isPage(obj) {
				// Each page's marked content and annotations lead back to
				// their elements through the parent tree; the tab order
				// follows the structure.
				obj = bytes.Replace(obj, []byte("<</Type /Page\n"), fmt.Appendf(nil,
					"<</Type /Page\n/StructParents %d\n/Tabs /S\n", len(pageObjs)), 1)
				var nums []int
				for j := range moved {
					nums = append(nums, first+j)
					moved[j] = linkAnnot(moved[j], annotKey, tags.annotText(len(pageObjs), j))
					annotKey++
				}
				pageObjs = append(pageObjs, n)
				annotObjs = append(annotObjs, nums)
			}
			extra = append(extra, moved...)
		}
		out.Write(obj)
	}
	if tags != nil {
		objs, err := tags.objects(tree, pageObjs, annotObjs, pageCount, meta)
		if err != nil {
			return nil, fmt.Errorf("finish pdf: %w", err)
		}
		copy(extra[tree.root-size:], objs)
	}
	for i, a := range extra {
		newOffsets = append(newOffsets, out.Len())
		fmt.Fprintf(&out, "%d 0 obj\n", size+i)
		out.Write(a)
		out.WriteString("\nendobj\n")
	}

	newXref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(newOffsets))
	for _, off := range newOffsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	oldSize := []byte("/Size " + strconv.Itoa(size))
	if !bytes.Contains(trailer, oldSize) {
		return nil, errors.New("finish pdf: trailer has no /Size")
	}
	out.Write(bytes.Replace(trailer, oldSize, []byte("/Size "+strconv.Itoa(len(newOffsets))), 1))
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// compressStream compresses an uncompressed stream object as fpdf writes
// it ("N 0 obj\n<</Length L>>\nstream\n…\nendstream\nendobj"): the page
// contents, which fpdf is told not to compress because it would allocate a
// new compressor for each page.
func compressStream(obj []byte) ([]byte, bool) {
	head, rest, ok := bytes.Cut(obj, []byte("\n"))
	if !ok || !bytes.HasSuffix(head, []byte(" 0 obj")) || !bytes.HasPrefix(rest, []byte("<</Length ")) {
		return nil, false
	}
	num, data, ok := bytes.Cut(rest[len("<</Length "):], []byte(">>\nstream\n"))
	n, err := strconv.Atoi(string(num))
	if !ok || err != nil || n > len(data) || !bytes.HasPrefix(data[n:], []byte("\nendstream\nendobj")) {
		return nil, false
	}
	z := stream(data[:n], "")
	out := make([]byte, 0, len(head)+len(z)+9)
	out = append(append(append(out, head...), '\n'), z...)
	return append(out, "\nendobj\n"...), true
}

// startXref reads the offset after the last startxref keyword.
func startXref(pdf []byte) (int, error) {
	i := bytes.LastIndex(pdf, []byte("startxref"))
	if i < 0 {
		return 0, errors.New("finish pdf: no startxref")
	}
	f := bytes.Fields(pdf[i+len("startxref"):])
	if len(f) == 0 {
		return 0, errors.New("finish pdf: empty startxref")
	}
	n, err := strconv.Atoi(string(f[0]))
	if err != nil || n <= 0 || n >= i {
		return 0, fmt.Errorf("finish pdf: bad startxref %q", f[0])
	}
	return n, nil
}

// xrefOffsets reads a single classic cross-reference section starting at 0;
// offsets[n] is where object n starts (offsets[0] is unused).
func xrefOffsets(pdf []byte, at int) ([]int, error) {
	lines := bytes.Split(pdf[at:], []byte("\n"))
	if len(lines) < 2 || string(bytes.TrimSpace(lines[0])) != "xref" {
		return nil, errors.New("finish pdf: no xref table")
	}
	head := bytes.Fields(lines[1])
	if len(head) != 2 || string(head[0]) != "0" {
		return nil, errors.New("finish pdf: xref is not one section from object 0")
	}
	count, err := strconv.Atoi(string(head[1]))
	if err != nil || count < 1 || len(lines) < 2+count {
		return nil, errors.New("finish pdf: bad xref size")
	}
	offsets := make([]int, count)
	for n := 1; n < count; n++ {
		f := bytes.Fields(lines[2+n])
		if len(f) != 3 || string(f[2]) != "n" {
			return nil, fmt.Errorf("finish pdf: xref entry %d is not in use", n)
		}
		if offsets[n], err = strconv.Atoi(string(f[0])); err != nil {
			return nil, fmt.Errorf("finish pdf: xref entry %d: %w", n, err)
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

// isPage reports whether an object, from its "N 0 obj" line on, is a page.
func isPage(obj []byte) bool {
	_, body, ok := bytes.Cut(obj, []byte("\n"))
	return ok && bytes.HasPrefix(body, []byte("<</Type /Page\n"))
}

// linkAnnot adds to a link annotation's dictionary its key in the parent
// tree and its text, which says where the link goes (PDF/UA-1, 7.18.5).
func linkAnnot(dict []byte, key int, contents string) []byte {
	out := make([]byte, 0, len(dict)+len(contents)*4+40)
	out = append(out, "<<"...)
	out = fmt.Appendf(out, "/StructParent %d /Contents %s ", key, textString(contents))
	return append(out, dict[2:]...)
}
