package pdfua

import "strings"

// PageText is the text of one page read two ways: Tagged in the order of
// the structure tree (depth first, each marked-content reference's text in
// the order the elements' /K arrays list them), Content in the order the
// page's content stream shows it, artifacts left out. Strings shown by
// separate operators are separated by a space; compare the two with
// pdftext.Squash when the question is whether the tagged text reads in the
// content's order.
type PageText struct {
	Page    int
	Tagged  string
	Content string
}

// StructText returns the text of each page as the structure tree reads it
// and as the content shows it. Text is decoded through each font's
// ToUnicode map (or its standard encoding); a code with no character reads
// as U+FFFD. Alternate text (/Alt, /ActualText) is not substituted: both
// readings are of the shown text.
func StructText(pdf []byte) ([]PageText, error) {
	d, err := read(pdf)
	if err != nil {
		return nil, err
	}
	d.loadStruct()
	d.content()
	tagged := map[*page][]string{}
	var visit func(e *elem, depth int)
	visit = func(e *elem, depth int) {
		if depth > 256 {
			return
		}
		for _, k := range e.kids {
			if k.e != nil {
				visit(k.e, depth+1)
				continue
			}
			if k.mcid < 0 {
				continue
			}
			p := d.pageByObj[k.pg]
			if p == nil {
				continue
			}
			if seq := p.seq(k); seq != nil {
				tagged[p] = append(tagged[p], seq.text...)
			}
		}
	}
	for _, e := range d.elems {
		if e.parent == nil {
			visit(e, 0)
		}
	}
	out := make([]PageText, 0, len(d.pages))
	for _, p := range d.pages {
		out = append(out, PageText{Page: p.n, Tagged: strings.Join(tagged[p], " "), Content: strings.Join(p.text, " ")})
	}
	return out, nil
}
