package pdfua

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/propose-cli/propose/assets/fonts"
)

// The fixture is a one-page tagged PDF written by hand, object by object,
// that passes every check: a Type0 font (Noto Sans, embedded whole) with
// ToUnicode and /W, XMP with dc:title and pdfuaid:part, a structure tree
// with a heading, a paragraph holding a link, a list, a table and a
// figure, and a page number and a rule as artifacts. Each test edits one
// object to break one rule.

// Object numbers of the fixture.
const (
	oCatalog    = 1
	oPages      = 2
	oPage       = 3
	oMeta       = 4
	oRoot       = 5
	oContent    = 6
	oParentTree = 7
	oFont       = 10 // Type0; 11 CIDFontType2, 12 descriptor, 13 font file, 14 ToUnicode
	oImage      = 20
	oLink       = 21
	oDocument   = 30
	oH1         = 31
	oP          = 32
	oLinkElem   = 33
	oH2         = 34
	oL          = 35
	oLI         = 36
	oLbl        = 37
	oLBody      = 38
	oTable      = 39
	oTR1        = 40
	oTH1        = 41
	oTH2        = 42
	oTR2        = 43
	oTD1        = 44
	oTD2        = 45
	oFigure     = 46
)

// object is one PDF object: a dictionary (or other value) and, for a
// stream, its data (the writer adds /Length).
type object struct {
	body   string
	stream []byte
}

type fixture struct {
	objs   map[int]*object
	header string
}

// face is Noto Sans, parsed once.
var face = sync.OnceValue(func() *sfnt.Font {
	f, err := sfnt.Parse(fonts.SansRegular)
	if err != nil {
		panic(err)
	}
	return f
})

// glyphOf returns the glyph id of r in Noto Sans.
func glyphOf(r rune) uint16 {
	var buf sfnt.Buffer
	g, err := face().GlyphIndex(&buf, r)
	if err != nil || g == 0 {
		panic(fmt.Sprintf("Noto Sans has no glyph for %q", r))
	}
	return uint16(g)
}

// gidHex returns the glyph id of r in Noto Sans as four hex digits.
func gidHex(r rune) string { return fmt.Sprintf("%04X", glyphOf(r)) }

// advance returns the advance of glyph g in thousandths of an em.
func advance(g uint16) int {
	var buf sfnt.Buffer
	f := face()
	upem := int(f.UnitsPerEm())
	a, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(g), fixed.I(upem), font.HintingNone)
	if err != nil {
		panic(err)
	}
	return int(float64(a)/64*1000/float64(upem) + 0.5)
}

// encoder shows text in the fixture's font and remembers the glyphs used.
type encoder struct{ used map[uint16]rune }

// hex returns text as a hex string of glyph ids.
func (e *encoder) hex(text string) string {
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range text {
		g := glyphOf(r)
		e.used[g] = r
		fmt.Fprintf(&b, "%04X", g)
	}
	b.WriteByte('>')
	return b.String()
}

// show returns a text object that shows text at y.
func (e *encoder) show(text string, size, y int) string {
	return fmt.Sprintf("BT /F1 %d Tf 72 %d Td %s Tj ET", size, y, e.hex(text))
}

// tagged wraps content in a marked-content sequence with an MCID.
func tagged(tag string, mcid int, content string) string {
	return fmt.Sprintf("/%s <</MCID %d>> BDC %s EMC\n", tag, mcid, content)
}

// xmp returns an XMP packet with the given properties inside its
// rdf:Description.
func xmp(props string) string {
	return `<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
` + props + `
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

const (
	xmpTitle = `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Trial proposal</rdf:li></rdf:Alt></dc:title>`
	xmpPart  = `   <pdfuaid:part>1</pdfuaid:part>`
)

// newFixture builds the passing document.
func newFixture() *fixture {
	e := &encoder{used: map[uint16]rune{}}
	var c strings.Builder
	c.WriteString("/Artifact <</Type /Pagination>> BDC " + e.show("1", 9, 30) + " EMC\n")
	c.WriteString("/Artifact BMC 0 0 0 RG 72 740 m 540 740 l S EMC\n")
	c.WriteString(tagged("H1", 0, e.show("Title", 24, 700)))
	c.WriteString(tagged("P", 1, e.show("Hello", 12, 660)))
	c.WriteString(tagged("Link", 2, e.show("example", 12, 640)))
	c.WriteString(tagged("H2", 3, e.show("Section", 16, 600)))
	c.WriteString(tagged("Lbl", 4, e.show("1.", 12, 570)))
	c.WriteString(tagged("LBody", 5, e.show("First", 12, 550)))
	c.WriteString(tagged("TH", 6, e.show("Week", 12, 500)))
	c.WriteString(tagged("TH", 7, e.show("Hours", 12, 480)))
	c.WriteString(tagged("TD", 8, "0.9 g 70 455 100 20 re f 0 g "+e.show("1", 12, 460)))
	c.WriteString(tagged("TD", 9, e.show("12", 12, 440)))
	c.WriteString(tagged("Figure", 10, "q 50 0 0 50 72 300 cm /Im1 Do Q"))

	f := &fixture{objs: map[int]*object{}, header: "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"}
	set := func(n int, body string) { f.objs[n] = &object{body: body} }
	setStream := func(n int, body string, data []byte) { f.objs[n] = &object{body: body, stream: data} }

	set(oCatalog, "<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R /Lang (en-US) /ViewerPreferences << /DisplayDocTitle true >> /Metadata 4 0 R >>")
	set(oPages, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>")
	set(oPage, "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 10 0 R >> /XObject << /Im1 20 0 R >> >> /Contents 6 0 R /StructParents 0 /Tabs /S /Annots [21 0 R] >>")
	setStream(oMeta, "<< /Type /Metadata /Subtype /XML >>", []byte(xmp(xmpTitle+"\n"+xmpPart)))
	set(oRoot, "<< /Type /StructTreeRoot /K [30 0 R] /ParentTree 7 0 R /ParentTreeNextKey 2 >>")
	setStream(oContent, "<< >>", []byte(c.String()))
	set(oParentTree, "<< /Nums [0 [31 0 R 32 0 R 33 0 R 34 0 R 37 0 R 38 0 R 41 0 R 42 0 R 44 0 R 45 0 R 46 0 R] 1 33 0 R] >>")

	gids := make([]uint16, 0, len(e.used))
	for g := range e.used {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	var w, bf strings.Builder
	for _, g := range gids {
		fmt.Fprintf(&w, "%d [%d] ", g, advance(g))
		fmt.Fprintf(&bf, "<%04X> <%04X>\n", g, e.used[g])
	}
	set(oFont, "<< /Type /Font /Subtype /Type0 /BaseFont /NotoSans-Regular /Encoding /Identity-H /DescendantFonts [11 0 R] /ToUnicode 14 0 R >>")
	set(oFont+1, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSans-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 12 0 R /DW 1000 /W ["+w.String()+"] /CIDToGIDMap /Identity >>")
	set(oFont+2, "<< /Type /FontDescriptor /FontName /NotoSans-Regular /Flags 4 /FontBBox [-621 -389 2800 1067] /ItalicAngle 0 /Ascent 1069 /Descent -293 /CapHeight 714 /StemV 80 /FontFile2 13 0 R >>")
	setStream(oFont+3, fmt.Sprintf("<< /Length1 %d >>", len(fonts.SansRegular)), fonts.SansRegular)
	setStream(oFont+4, "<< >>", []byte(toUnicodeCMap(fmt.Sprintf("%d beginbfchar\n%sendbfchar", len(gids), bf.String()))))

	setStream(oImage, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 >>", []byte{0x80})
	set(oLink, "<< /Type /Annot /Subtype /Link /Rect [72 636 130 652] /Border [0 0 0] /A << /S /URI /URI (https://example.com/) >> /StructParent 1 /Contents (Example site) >>")

	el := func(n int, typ string, parent int, k string, extra string) {
		set(n, fmt.Sprintf("<< /Type /StructElem /S /%s /P %d 0 R /Pg 3 0 R /K %s%s >>", typ, parent, k, extra))
	}
	el(oDocument, "Document", oRoot, "[31 0 R 32 0 R 34 0 R 35 0 R 39 0 R 46 0 R]", "")
	el(oH1, "H1", oDocument, "0", "")
	el(oP, "P", oDocument, "[1 33 0 R]", "")
	el(oLinkElem, "Link", oP, "[2 << /Type /OBJR /Obj 21 0 R >>]", "")
	el(oH2, "H2", oDocument, "3", "")
	el(oL, "L", oDocument, "[36 0 R]", "")
	el(oLI, "LI", oL, "[37 0 R 38 0 R]", "")
	el(oLbl, "Lbl", oLI, "4", "")
	el(oLBody, "LBody", oLI, "5", "")
	el(oTable, "Table", oDocument, "[40 0 R 43 0 R]", "")
	el(oTR1, "TR", oTable, "[41 0 R 42 0 R]", "")
	el(oTH1, "TH", oTR1, "6", " /A << /O /Table /Scope /Column >>")
	el(oTH2, "TH", oTR1, "7", " /A << /O /Table /Scope /Column >>")
	el(oTR2, "TR", oTable, "[44 0 R 45 0 R]", "")
	el(oTD1, "TD", oTR2, "8", "")
	el(oTD2, "TD", oTR2, "9", "")
	el(oFigure, "Figure", oDocument, "10", " /Alt (A grey square)")
	return f
}

func toUnicodeCMap(entries string) string {
	return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + entries +
		"\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
}

// bytes writes the fixture as a PDF file with a classic xref table.
func (f *fixture) bytes() []byte {
	nums := make([]int, 0, len(f.objs))
	for n := range f.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	size := nums[len(nums)-1] + 1
	out := []byte(f.header)
	offsets := make([]int, size)
	for _, n := range nums {
		o := f.objs[n]
		offsets[n] = len(out)
		out = fmt.Appendf(out, "%d 0 obj\n", n)
		if o.stream == nil {
			out = fmt.Appendf(out, "%s\nendobj\n", o.body)
			continue
		}
		body := strings.TrimSuffix(strings.TrimSpace(o.body), ">>")
		out = fmt.Appendf(out, "%s /Length %d >>\nstream\n", body, len(o.stream))
		out = append(out, o.stream...)
		out = append(out, "\nendstream\nendobj\n"...)
	}
	xref := len(out)
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if f.objs[n] == nil {
			out = append(out, "0000000000 65535 f \n"...)
		} else {
			out = fmt.Appendf(out, "%010d 00000 n \n", offsets[n])
		}
	}
	out = fmt.Appendf(out, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", size, xref)
	return out
}

// edit replaces old with new in object n (its dictionary, or its stream
// data when inStream), failing the test when old is not there: an edit
// that silently does nothing would make a test pass for the wrong reason.
func (f *fixture) edit(t *testing.T, n int, old, new string) {
	t.Helper()
	o := f.objs[n]
	if o == nil {
		t.Fatalf("fixture has no object %d", n)
	}
	if !strings.Contains(o.body, old) {
		t.Fatalf("object %d has no %q: %s", n, old, o.body)
	}
	o.body = strings.Replace(o.body, old, new, 1)
}

func (f *fixture) editStream(t *testing.T, n int, old, new string) {
	t.Helper()
	o := f.objs[n]
	if o == nil || !strings.Contains(string(o.stream), old) {
		t.Fatalf("stream %d has no %q", n, old)
	}
	o.stream = []byte(strings.Replace(string(o.stream), old, new, 1))
}

// add puts a new object into the fixture.
func (f *fixture) add(n int, body string) { f.objs[n] = &object{body: body} }

// elem adds an empty structure element of type typ under parent, at the
// end of the parent's /K array.
func (f *fixture) elem(t *testing.T, n int, typ string, parent int, extra string) {
	t.Helper()
	f.add(n, fmt.Sprintf("<< /Type /StructElem /S /%s /P %d 0 R /Pg 3 0 R /K []%s >>", typ, parent, extra))
	p := f.objs[parent].body
	i := strings.Index(p, "/K [")
	if i < 0 {
		t.Fatalf("object %d has no /K array", parent)
	}
	j := i + strings.Index(p[i:], "]")
	f.objs[parent].body = p[:j] + fmt.Sprintf(" %d 0 R", n) + p[j:]
}
