package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The structure tree's objects, as finish writes them: the root, the
// parent tree (from each page's marked content and each link annotation
// back to its element), the XMP metadata that declares PDF/UA-1, and one
// object an element.

// prune drops the elements that hold nothing (a list item's label when the
// item has a check box, a row of an empty header), so that no element in
// the tree is empty but a table's cell.
func (t *tagger) prune() {
	var walk func(e *elem)
	walk = func(e *elem) {
		kept := e.kids[:0]
		for _, k := range e.kids {
			if k.e != nil {
				if !k.e.keep() {
					continue
				}
				walk(k.e)
			}
			kept = append(kept, k)
		}
		e.kids = kept
	}
	walk(t.root)
}

// elems returns the tree's elements in reading order, the root first.
func (t *tagger) elems() []*elem {
	var all []*elem
	var walk func(e *elem)
	walk = func(e *elem) {
		all = append(all, e)
		for _, k := range e.kids {
			if k.e != nil {
				walk(k.e)
			}
		}
	}
	walk(t.root)
	return all
}

// treeObjects are the numbers of the structure tree's objects: the
// StructTreeRoot, the ParentTree, the metadata stream, then the elements
// in reading order.
type treeObjects struct {
	root, parents, metadata int
	elems                   []*elem
}

// number gives the tree's objects their numbers from first and returns how
// many there are.
func (t *tagger) number(first int) (treeObjects, int) {
	o := treeObjects{root: first, parents: first + 1, metadata: first + 2, elems: t.elems()}
	for i, e := range o.elems {
		e.num = first + 3 + i
	}
	return o, 3 + len(o.elems)
}

// objects writes the tree's objects, in the order number gave them.
// pages are the page objects' numbers, annots each page's link
// annotations' numbers, and annotKey the parent tree's key of the first
// annotation (the pages take the keys before it).
func (t *tagger) objects(o treeObjects, pages []int, annots [][]int, annotKey int, meta Meta) ([][]byte, error) {
	ref := func(n int) string { return strconv.Itoa(n) + " 0 R" }
	page := func(i int) (int, error) {
		if i < 0 || i >= len(pages) {
			return 0, fmt.Errorf("structure tree: page %d of %d", i+1, len(pages))
		}
		return pages[i], nil
	}
	out := [][]byte{
		fmt.Appendf(nil, "<</Type /StructTreeRoot /K %s /ParentTree %s /ParentTreeNextKey %d>>",
			ref(o.elems[0].num), ref(o.parents), annotKey+countAnnots(annots)),
	}

	// The parent tree: a number tree whose keys are the pages'
	// StructParents (an array of the element of each MCID) and the
	// annotations' StructParent (the Link element).
	var nums bytes.Buffer
	nums.WriteString("<</Nums [")
	for i := range pages {
		fmt.Fprintf(&nums, "%d [", i)
		if i < len(t.pages) {
			for j, e := range t.pages[i] {
				if j > 0 {
					nums.WriteByte(' ')
				}
				nums.WriteString(ref(e.num))
			}
		}
		nums.WriteString("] ")
	}
	for i := range max(len(annots), len(t.annots)) {
		var made, tagged int
		if i < len(annots) {
			made = len(annots[i])
		}
		if i < len(t.annots) {
			tagged = len(t.annots[i])
		}
		if made != tagged {
			return nil, fmt.Errorf("structure tree: page %d has %d link annotations, %d of them tagged", i+1, made, tagged)
		}
	}
	key := annotKey
	for _, list := range t.annots {
		for _, e := range list {
			fmt.Fprintf(&nums, "%d %s ", key, ref(e.num))
			key++
		}
	}
	nums.WriteString("]>>")
	out = append(out, nums.Bytes())
	out = append(out, xmpStream(meta))

	for _, e := range o.elems {
		parent := o.root
		if e.parent != nil {
			parent = e.parent.num
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %s", e.typ, ref(parent))
		if e.alt != "" {
			fmt.Fprintf(&b, " /Alt %s", textString(e.alt))
		}
		if e.scope != "" {
			fmt.Fprintf(&b, " /A <</O /Table /Scope /%s>>", e.scope)
		}
		switch {
		case e.lang != "":
			fmt.Fprintf(&b, " /Lang %s", textString(e.lang))
		case e == o.elems[0] && meta.Language != "":
			fmt.Fprintf(&b, " /Lang %s", textString(meta.Language))
		}
		b.WriteString(" /K [")
		for i, k := range e.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch {
			case k.e != nil:
				b.WriteString(ref(k.e.num))
			case k.annot >= 0:
				pg, err := page(k.page)
				if err != nil {
					return nil, err
				}
				if k.page >= len(annots) || k.annot >= len(annots[k.page]) {
					return nil, fmt.Errorf("structure tree: no link annotation %d on page %d", k.annot+1, k.page+1)
				}
				fmt.Fprintf(&b, "<</Type /OBJR /Pg %s /Obj %s>>", ref(pg), ref(annots[k.page][k.annot]))
			default:
				pg, err := page(k.page)
				if err != nil {
					return nil, err
				}
				fmt.Fprintf(&b, "<</Type /MCR /Pg %s /MCID %d>>", ref(pg), k.mcid)
			}
		}
		b.WriteString("]>>")
		out = append(out, b.Bytes())
	}
	return out, nil
}

func countAnnots(annots [][]int) int {
	n := 0
	for _, a := range annots {
		n += len(a)
	}
	return n
}

// textString writes s as a PDF text string: UTF-16BE with its byte order
// mark, in hex, which needs no escaping.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

// xmpStream is the document's XMP metadata: its title, author and dates,
// and the PDF/UA-1 identification (ISO 14289-1, 5). It is not compressed,
// so that tools that do not decode streams can read it.
func xmpStream(meta Meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := meta.Date.UTC().Format("2006-01-02T15:04:05Z")
	lang := meta.Language
	if lang == "" {
		lang = "x-default"
	}
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"` +
		` xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"` +
		` xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">` + "\n")
	fmt.Fprintf(&b, `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>`+"\n", esc(meta.Title))
	if meta.Author != "" {
		fmt.Fprintf(&b, `<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>`+"\n", esc(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&b, `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>`+"\n", esc(meta.Subject))
	}
	fmt.Fprintf(&b, `<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>`+"\n", esc(lang))
	if !meta.Date.IsZero() {
		fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date, date)
	}
	if meta.Creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n<pdf:Producer>%s</pdf:Producer>\n", esc(meta.Creator), esc(meta.Creator))
	}
	b.WriteString("<pdfuaid:part>1</pdfuaid:part>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(`<?xpacket end="r"?>`)
	data := b.String()
	return fmt.Appendf(nil, "<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream", len(data), data)
}
