package pdfua

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// rulesOf returns the distinct rule ids of failures, sorted.
func rulesOf(fs []Failure) []string {
	var out []string
	for _, f := range fs {
		if !slices.Contains(out, f.Rule) {
			out = append(out, f.Rule)
		}
	}
	slices.SortFunc(out, compareRules)
	return out
}

func failuresText(fs []Failure) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  " + f.String())
	}
	return b.String()
}

func TestFixturePasses(t *testing.T) {
	if fs := Check(newFixture().bytes()); len(fs) > 0 {
		t.Fatalf("the passing fixture fails:%s", failuresText(fs))
	}
}

// langOnTopLevel removes the catalog's /Lang and sets one on each of the
// Document's kids but the figure, so that only what the figure carries
// lacks a language.
func langOnTopLevel(t *testing.T, f *fixture) {
	f.edit(t, oCatalog, "/Lang (en-US) ", "")
	f.editStream(t, oContent, "/Type /Pagination", "/Type /Pagination /Lang (en-US)")
	for _, n := range []int{oH1, oP, oH2, oL, oTable} {
		f.edit(t, n, "/Type /StructElem", "/Type /StructElem /Lang (en-US)")
	}
}

// Each case breaks one rule of the passing fixture; the checker must
// report that rule and no other. A few rules cannot break alone (want
// lists every rule then, and the comment says why).
var ruleCases = []struct {
	name   string
	mutate func(t *testing.T, f *fixture)
	want   []string
}{
	{"header version 2.0", func(t *testing.T, f *fixture) { f.header = strings.Replace(f.header, "%PDF-1.7", "%PDF-2.0", 1) }, []string{"6.1-1"}},
	{"header with a space before the end of line", func(t *testing.T, f *fixture) { f.header = strings.Replace(f.header, "%PDF-1.7\n", "%PDF-1.7 \n", 1) }, []string{"6.1-1"}},
	{"MarkInfo Marked false", func(t *testing.T, f *fixture) { f.edit(t, oCatalog, "/Marked true", "/Marked false") }, []string{"6.2-1"}},
	{"MarkInfo absent", func(t *testing.T, f *fixture) { f.edit(t, oCatalog, "/MarkInfo << /Marked true >>", "") }, []string{"6.2-1"}},
	{"Suspects true", func(t *testing.T, f *fixture) { f.edit(t, oCatalog, "/Marked true", "/Marked true /Suspects true") }, []string{"7.1-4"}},
	{"no PDF/UA identification", func(t *testing.T, f *fixture) { f.editStream(t, oMeta, xmpPart, "") }, []string{"5-1"}},
	{"pdfuaid part 2", func(t *testing.T, f *fixture) {
		f.editStream(t, oMeta, xmpPart, "<pdfuaid:part>2</pdfuaid:part>")
	}, []string{"5-2"}},
	{"pdfuaid part as an attribute with another prefix", func(t *testing.T, f *fixture) {
		f.editStream(t, oMeta, xmpPart, "")
		f.editStream(t, oMeta, `rdf:about=""`, `rdf:about="" xmlns:ua="http://www.aiim.org/pdfua/ns/id/" ua:part="1"`)
	}, []string{"5-3"}},
	{"pdfuaid amd with another prefix", func(t *testing.T, f *fixture) {
		f.editStream(t, oMeta, xmpPart, xmpPart+`<ua:amd xmlns:ua="http://www.aiim.org/pdfua/ns/id/">2005</ua:amd>`)
	}, []string{"5-4"}},
	{"pdfuaid corr with another prefix", func(t *testing.T, f *fixture) {
		f.editStream(t, oMeta, xmpPart, xmpPart+`<ua:corr xmlns:ua="http://www.aiim.org/pdfua/ns/id/">1</ua:corr>`)
	}, []string{"5-5"}},
	// The identification and the title live in the metadata, so without
	// it 7.1-8 says so and neither 5-1 nor 7.1-9 applies (as in veraPDF).
	{"no metadata", func(t *testing.T, f *fixture) { f.edit(t, oCatalog, "/Metadata 4 0 R ", "") }, []string{"7.1-8"}},
	{"metadata without Subtype XML", func(t *testing.T, f *fixture) { f.edit(t, oMeta, " /Subtype /XML", "") }, []string{"7.1-8"}},
	{"no dc:title", func(t *testing.T, f *fixture) { f.editStream(t, oMeta, xmpTitle, "") }, []string{"7.1-9"}},
	{"DisplayDocTitle false", func(t *testing.T, f *fixture) {
		f.edit(t, oCatalog, "/DisplayDocTitle true", "/DisplayDocTitle false")
	}, []string{"7.1-10"}},
	// Without a StructTreeRoot there is no parent tree, so no content is
	// tagged and no link belongs to a Link element either.
	{"no StructTreeRoot", func(t *testing.T, f *fixture) { f.edit(t, oCatalog, "/StructTreeRoot 5 0 R ", "") }, []string{"7.1-3", "7.1-11", "7.18.5-1"}},
	// Content is tagged when its element's /P chain reaches the root (as
	// veraPDF decides it), so the heading's text is untagged too.
	{"element without /P", func(t *testing.T, f *fixture) { f.edit(t, oH2, " /P 30 0 R", "") }, []string{"7.1-12", "7.1-3"}},
	{"element whose /P is its grandparent", func(t *testing.T, f *fixture) { f.edit(t, oLinkElem, "/P 32 0 R", "/P 30 0 R") }, []string{"7.1-12"}},
	{"non-standard type not role-mapped", func(t *testing.T, f *fixture) { f.edit(t, oH2, "/S /H2", "/S /Subhead") }, []string{"7.1-5"}},
	{"non-standard type role-mapped", func(t *testing.T, f *fixture) {
		f.edit(t, oH2, "/S /H2", "/S /Subhead")
		f.edit(t, oRoot, "/ParentTree", "/RoleMap << /Subhead /H2 >> /ParentTree")
	}, nil},
	{"circular role map", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "Aside", oDocument, "")
		f.edit(t, oRoot, "/ParentTree", "/RoleMap << /Aside /Note /Note /Aside >> /ParentTree")
	}, []string{"7.1-6"}},
	{"standard type remapped", func(t *testing.T, f *fixture) {
		f.edit(t, oP, "/S /P", "/S /Quote")
		f.edit(t, oRoot, "/ParentTree", "/RoleMap << /Quote /P >> /ParentTree")
	}, []string{"7.1-7"}},
	{"untagged text", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/Figure", "BT /F1 12 Tf 72 200 Td <"+gidHex('T')+"> Tj ET\n/Figure")
	}, []string{"7.1-3"}},
	{"untagged path", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/Figure", "72 100 m 200 100 l S\n/Figure")
	}, []string{"7.1-3"}},
	{"untagged image", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/Figure", "q 10 0 0 10 72 100 cm /Im1 Do Q\n/Figure")
	}, []string{"7.1-3"}},
	{"clipping path without painting is no content", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/Figure", "72 100 m 200 100 l 200 200 l h W n\n/Figure")
	}, nil},
	{"MCID the parent tree does not know", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/Figure <</MCID 10>>", "/Figure <</MCID 11>>")
	}, []string{"7.1-3", "parent-tree-1", "parent-tree-2"}},
	{"artifact inside tagged content", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/P <</MCID 1>> BDC", "/P <</MCID 1>> BDC /Artifact BMC 72 650 m 90 650 l S EMC")
	}, []string{"7.1-1"}},
	{"catalog Lang not a language tag", func(t *testing.T, f *fixture) { f.edit(t, oCatalog, "/Lang (en-US)", "/Lang (en_US)") }, []string{"7.2-29"}},
	{"element Lang not a language tag", func(t *testing.T, f *fixture) {
		f.edit(t, oP, "/Type /StructElem", "/Type /StructElem /Lang (english please)")
	}, []string{"7.2-29"}},
	{"marked-content Lang not a language tag", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/H2 <</MCID 3>>", "/H2 <</MCID 3 /Lang (de DE)>>")
	}, []string{"7.2-29"}},
	{"no language anywhere for text", func(t *testing.T, f *fixture) {
		f.edit(t, oCatalog, "/Lang (en-US) ", "")
		f.edit(t, oFigure, "/Type /StructElem", "/Type /StructElem /Lang (en-US)")
		f.edit(t, oLinkElem, "/Type /StructElem", "/Type /StructElem /Lang (en-US)")
	}, []string{"7.2-34"}},
	// Artifacts belong to no element: with the language on the Document
	// element alone, the page number has none.
	{"language on the Document element instead of the catalog", func(t *testing.T, f *fixture) {
		f.edit(t, oCatalog, "/Lang (en-US) ", "")
		f.edit(t, oDocument, "/Type /StructElem", "/Type /StructElem /Lang (en-US)")
	}, []string{"7.2-34"}},
	{"language on the Document element and the artifact", func(t *testing.T, f *fixture) {
		f.edit(t, oCatalog, "/Lang (en-US) ", "")
		f.edit(t, oDocument, "/Type /StructElem", "/Type /StructElem /Lang (en-US)")
		f.editStream(t, oContent, "/Type /Pagination", "/Type /Pagination /Lang (en-US)")
	}, nil},
	{"no language for Alt", func(t *testing.T, f *fixture) { langOnTopLevel(t, f) }, []string{"7.2-22"}},
	{"no language for ActualText", func(t *testing.T, f *fixture) {
		langOnTopLevel(t, f)
		f.edit(t, oFigure, "/Alt (A grey square)", "/ActualText (square)")
	}, []string{"7.2-21"}},
	{"figure without Alt", func(t *testing.T, f *fixture) { f.edit(t, oFigure, " /Alt (A grey square)", "") }, []string{"7.3-1"}},
	{"figure with empty Alt", func(t *testing.T, f *fixture) { f.edit(t, oFigure, "/Alt (A grey square)", "/Alt ()") }, []string{"7.3-1"}},
	{"figure with ActualText instead of Alt", func(t *testing.T, f *fixture) {
		f.edit(t, oFigure, "/Alt (A grey square)", "/ActualText (square)")
	}, nil},
	{"formula without Alt", func(t *testing.T, f *fixture) { f.elem(t, 50, "Formula", oDocument, "") }, []string{"7.7-1"}},
	{"first heading H2", func(t *testing.T, f *fixture) { f.edit(t, oH1, "/S /H1", "/S /H2") }, []string{"7.4.2-1"}},
	{"heading level skipped", func(t *testing.T, f *fixture) { f.edit(t, oH2, "/S /H2", "/S /H3") }, []string{"7.4.2-1"}},
	{"heading level going back up", func(t *testing.T, f *fixture) { f.elem(t, 50, "H1", oDocument, "") }, nil},
	// The H element breaks 7.4.4-2, the Hn elements 7.4.4-3: one mix.
	{"H and Hn mixed", func(t *testing.T, f *fixture) { f.elem(t, 50, "H", oDocument, "") }, []string{"7.4.4-2", "7.4.4-3"}},
	{"two H kids", func(t *testing.T, f *fixture) {
		f.edit(t, oH1, "/S /H1", "/S /Sect")
		f.edit(t, oH2, "/S /H2", "/S /Sect")
		f.elem(t, 50, "H", oDocument, "")
		f.elem(t, 51, "H", oDocument, "")
	}, []string{"7.4.4-1"}},
	{"note without ID", func(t *testing.T, f *fixture) { f.elem(t, 50, "Note", oDocument, "") }, []string{"7.9-1"}},
	{"notes with one ID", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "Note", oDocument, " /ID (n1)")
		f.elem(t, 51, "Note", oDocument, " /ID (n1)")
	}, []string{"7.9-2"}},
	{"table holding a paragraph", func(t *testing.T, f *fixture) { f.elem(t, 50, "P", oTable, "") }, []string{"7.2-3"}},
	{"TR outside a table", func(t *testing.T, f *fixture) { f.elem(t, 50, "TR", oDocument, "") }, []string{"7.2-4"}},
	{"THead outside a table", func(t *testing.T, f *fixture) { f.elem(t, 50, "THead", oDocument, "") }, []string{"7.2-5"}},
	{"TBody outside a table", func(t *testing.T, f *fixture) { f.elem(t, 50, "TBody", oDocument, "") }, []string{"7.2-6"}},
	{"TFoot outside a table", func(t *testing.T, f *fixture) { f.elem(t, 50, "TFoot", oDocument, "") }, []string{"7.2-7"}},
	{"TH outside a row", func(t *testing.T, f *fixture) { f.elem(t, 50, "TH", oDocument, "") }, []string{"7.2-8"}},
	{"TD outside a row", func(t *testing.T, f *fixture) { f.elem(t, 50, "TD", oDocument, "") }, []string{"7.2-9"}},
	{"row holding a paragraph", func(t *testing.T, f *fixture) { f.elem(t, 50, "P", oTR2, "") }, []string{"7.2-10"}},
	{"two THead", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "THead", oTable, "")
		f.elem(t, 51, "THead", oTable, "")
		f.elem(t, 52, "TBody", oTable, "")
	}, []string{"7.2-11"}},
	{"two TFoot", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "TBody", oTable, "")
		f.elem(t, 51, "TFoot", oTable, "")
		f.elem(t, 52, "TFoot", oTable, "")
	}, []string{"7.2-12"}},
	{"TFoot without TBody", func(t *testing.T, f *fixture) { f.elem(t, 50, "TFoot", oTable, "") }, []string{"7.2-13"}},
	{"THead without TBody", func(t *testing.T, f *fixture) { f.elem(t, 50, "THead", oTable, "") }, []string{"7.2-14"}},
	{"caption between rows", func(t *testing.T, f *fixture) {
		f.edit(t, oTable, "[40 0 R 43 0 R]", "[40 0 R 50 0 R 43 0 R]")
		f.add(50, "<< /Type /StructElem /S /Caption /P 39 0 R /K [] >>")
	}, []string{"7.2-16"}},
	{"two captions", func(t *testing.T, f *fixture) {
		f.edit(t, oTable, "[40 0 R 43 0 R]", "[50 0 R 40 0 R 43 0 R 51 0 R]")
		f.add(50, "<< /Type /StructElem /S /Caption /P 39 0 R /K [] >>")
		f.add(51, "<< /Type /StructElem /S /Caption /P 39 0 R /K [] >>")
	}, []string{"7.2-39"}},
	{"THead holding a paragraph", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "THead", oTable, "")
		f.elem(t, 51, "TBody", oTable, "")
		f.elem(t, 52, "P", 50, "")
	}, []string{"7.2-36"}},
	{"TBody holding a paragraph", func(t *testing.T, f *fixture) {
		f.elem(t, 51, "TBody", oTable, "")
		f.elem(t, 52, "P", 51, "")
	}, []string{"7.2-37"}},
	{"TFoot holding a paragraph", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "TBody", oTable, "")
		f.elem(t, 51, "TFoot", oTable, "")
		f.elem(t, 52, "P", 51, "")
	}, []string{"7.2-38"}},
	{"LI outside a list", func(t *testing.T, f *fixture) { f.elem(t, 50, "LI", oDocument, "") }, []string{"7.2-17"}},
	{"LBody outside a list item", func(t *testing.T, f *fixture) { f.elem(t, 50, "LBody", oDocument, "") }, []string{"7.2-18"}},
	{"list holding a paragraph", func(t *testing.T, f *fixture) { f.elem(t, 50, "P", oL, "") }, []string{"7.2-19"}},
	{"list item holding a paragraph", func(t *testing.T, f *fixture) { f.elem(t, 50, "P", oLI, "") }, []string{"7.2-20"}},
	{"list caption after an item", func(t *testing.T, f *fixture) { f.elem(t, 50, "Caption", oL, "") }, []string{"7.2-40"}},
	{"list caption first", func(t *testing.T, f *fixture) {
		f.edit(t, oL, "[36 0 R]", "[50 0 R 36 0 R]")
		f.add(50, "<< /Type /StructElem /S /Caption /P 35 0 R /K [] >>")
	}, nil},
	{"TOCI outside a TOC", func(t *testing.T, f *fixture) { f.elem(t, 50, "TOCI", oDocument, "") }, []string{"7.2-26"}},
	{"TOC holding a paragraph", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "TOC", oDocument, "")
		f.elem(t, 51, "P", 50, "")
	}, []string{"7.2-27"}},
	{"row spanning more columns", func(t *testing.T, f *fixture) {
		f.edit(t, oTD2, "/K 9", "/K 9 /A << /O /Table /ColSpan 2 >>")
	}, []string{"7.2-42"}},
	{"column spanning more rows", func(t *testing.T, f *fixture) {
		f.edit(t, oTD2, "/K 9", "/K 9 /A << /O /Table /RowSpan 2 >>")
	}, []string{"7.2-41"}},
	{"row with fewer columns", func(t *testing.T, f *fixture) { f.elem(t, 50, "TD", oTR1, "") }, []string{"7.2-43"}},
	{"overlapping cells", func(t *testing.T, f *fixture) {
		f.elem(t, 50, "TH", oTR1, " /A << /O /Table /Scope /Column >>")
		f.edit(t, oTH2, "/Scope /Column", "/Scope /Column /RowSpan 2")
		f.edit(t, oTD1, "/K 8", "/K 8 /A << /O /Table /ColSpan 2 >>")
	}, []string{"7.2-15"}},
	{"header without Scope", func(t *testing.T, f *fixture) { f.edit(t, oTH1, " /A << /O /Table /Scope /Column >>", "") }, []string{"7.5-1"}},
	{"header without Scope, cell with unknown Headers", func(t *testing.T, f *fixture) {
		f.edit(t, oTH1, " /A << /O /Table /Scope /Column >>", "")
		f.edit(t, oTD1, "/K 8", "/K 8 /A << /O /Table /Headers [(nowhere)] >>")
	}, []string{"7.5-2"}},
	{"header without Scope, cell with Headers", func(t *testing.T, f *fixture) {
		f.edit(t, oTH1, " /A << /O /Table /Scope /Column >>", " /ID (week)")
		f.edit(t, oTD1, "/K 8", "/K 8 /A << /O /Table /Headers [(week)] >>")
	}, nil},
	{"Scope from a class", func(t *testing.T, f *fixture) {
		f.edit(t, oTH1, " /A << /O /Table /Scope /Column >>", " /C /colhead")
		f.edit(t, oRoot, "/ParentTree", "/ClassMap << /colhead << /O /Table /Scope /Column >> >> /ParentTree")
	}, nil},
	{"annotations without Tabs", func(t *testing.T, f *fixture) { f.edit(t, oPage, " /Tabs /S", "") }, []string{"7.18.3-1"}},
	{"Tabs in row order", func(t *testing.T, f *fixture) { f.edit(t, oPage, "/Tabs /S", "/Tabs /R") }, []string{"7.18.3-1"}},
	{"link held by a Span", func(t *testing.T, f *fixture) { f.edit(t, oLinkElem, "/S /Link", "/S /Span") }, []string{"7.18.5-1"}},
	// Without /StructParent the Link element's OBJR points at an
	// annotation that does not point back.
	{"link without StructParent", func(t *testing.T, f *fixture) { f.edit(t, oLink, " /StructParent 1", "") }, []string{"7.18.5-1", "parent-tree-4"}},
	{"hidden link is exempt", func(t *testing.T, f *fixture) {
		f.edit(t, oLink, " /StructParent 1", " /F 2")
		f.edit(t, oLinkElem, "[2 << /Type /OBJR /Obj 21 0 R >>]", "[2]")
	}, nil},
	{"link without Contents", func(t *testing.T, f *fixture) { f.edit(t, oLink, " /Contents (Example site)", "") }, []string{"7.18.5-2"}},
	{"link with no OBJR in its element", func(t *testing.T, f *fixture) {
		f.edit(t, oLinkElem, "[2 << /Type /OBJR /Obj 21 0 R >>]", "[2]")
	}, []string{"parent-tree-4"}},
	{"note annotation outside the structure", func(t *testing.T, f *fixture) {
		f.edit(t, oPage, "/Annots [21 0 R]", "/Annots [21 0 R 22 0 R]")
		f.add(22, "<< /Type /Annot /Subtype /Text /Rect [300 300 320 320] >>")
	}, []string{"7.18.1-1", "7.18.1-2"}},
	{"font not embedded", func(t *testing.T, f *fixture) { f.edit(t, oFont+2, " /FontFile2 13 0 R", "") }, []string{"7.21.4.1-1"}},
	{"invisible text in a font not embedded", func(t *testing.T, f *fixture) {
		f.edit(t, oFont+2, " /FontFile2 13 0 R", "")
		f.editStream(t, oContent, "/Artifact <</Type /Pagination>> BDC", "3 Tr /Artifact <</Type /Pagination>> BDC")
	}, nil},
	{"CIDFontType2 without CIDToGIDMap", func(t *testing.T, f *fixture) { f.edit(t, oFont+1, " /CIDToGIDMap /Identity", "") }, []string{"7.21.3.2-1"}},
	{"glyph missing from ToUnicode", func(t *testing.T, f *fixture) {
		f.editStream(t, oFont+4, "<"+gidHex('T')+"> <0054>\n", "")
		f.editStream(t, oFont+4, "beginbfchar", "beginbfchar\n<0001> <0020>") // keep the count right
	}, []string{"7.21.7-1"}},
	{"no ToUnicode", func(t *testing.T, f *fixture) { f.edit(t, oFont, " /ToUnicode 14 0 R", "") }, []string{"7.21.7-1"}},
	{"ToUnicode to U+FEFF", func(t *testing.T, f *fixture) {
		f.editStream(t, oFont+4, "<"+gidHex('T')+"> <0054>", "<"+gidHex('T')+"> <FEFF>")
	}, []string{"7.21.7-2"}},
	{"ToUnicode range to U+0000", func(t *testing.T, f *fixture) {
		f.editStream(t, oFont+4, "<"+gidHex('T')+"> <0054>\n", "")
		f.editStream(t, oFont+4, "endbfchar", "endbfchar\n1 beginbfrange\n<"+gidHex('T')+"> <"+gidHex('T')+"> <0000>\nendbfrange")
	}, []string{"7.21.7-2"}},
	{"ToUnicode range", func(t *testing.T, f *fixture) {
		f.editStream(t, oFont+4, "<"+gidHex('T')+"> <0054>\n", "")
		f.editStream(t, oFont+4, "endbfchar", fmt.Sprintf("endbfchar\n1 beginbfrange\n<%04X> <%s> <0053>\nendbfrange", glyphOf('T')-1, gidHex('T')))
	}, nil},
	{"width differs from the font program", func(t *testing.T, f *fixture) {
		f.edit(t, oFont+1, fmt.Sprintf("%d [%d]", glyphOf('T'), advance(glyphOf('T'))), fmt.Sprintf("%d [900]", glyphOf('T')))
	}, []string{"7.21.5-1"}},
	{"glyph beyond the font program", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/H2 <</MCID 3>> BDC BT /F1 16 Tf 72 600 Td <", "/H2 <</MCID 3>> BDC BT /F1 16 Tf 72 600 Td <FFF0")
		f.editStream(t, oFont+4, "beginbfchar", "beginbfchar\n<FFF0> <0041>")
	}, []string{"7.21.4.1-2"}},
	{".notdef shown", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/H2 <</MCID 3>> BDC BT /F1 16 Tf 72 600 Td <", "/H2 <</MCID 3>> BDC BT /F1 16 Tf 72 600 Td <0000")
		f.editStream(t, oFont+4, "beginbfchar", "beginbfchar\n<0000> <0041>")
	}, []string{"7.21.8-1"}},
	{"standard font not embedded", func(t *testing.T, f *fixture) {
		f.edit(t, oPage, "/F1 10 0 R", "/F1 10 0 R /F2 15 0 R")
		f.add(15, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
		f.editStream(t, oContent, "/H2 <</MCID 3>> BDC", "/H2 <</MCID 3>> BDC BT /F2 12 Tf 300 600 Td (S\\351ction) Tj ET")
	}, []string{"7.21.4.1-1"}},
	// The parent tree gives the paragraph's MCID to the heading: the
	// heading does not list it, and the paragraph's claim is denied.
	{"parent tree pointing at the wrong element", func(t *testing.T, f *fixture) {
		f.edit(t, oParentTree, "[31 0 R 32 0 R", "[31 0 R 31 0 R")
	}, []string{"parent-tree-1", "parent-tree-2"}},
	{"element listing an MCID the page lacks", func(t *testing.T, f *fixture) { f.edit(t, oH2, "/K 3", "/K [3 99]") }, []string{"parent-tree-2"}},
	{"MCID used twice", func(t *testing.T, f *fixture) {
		f.editStream(t, oContent, "/Figure", "/P <</MCID 1>> BDC 72 100 m 200 100 l S EMC\n/Figure")
	}, []string{"parent-tree-3"}},
	{"MCIDs through a named property list and a form XObject", func(t *testing.T, f *fixture) {
		f.edit(t, oPage, "/XObject << /Im1 20 0 R >>", "/XObject << /Im1 20 0 R /Fm1 16 0 R >> /Properties << /fig << /MCID 10 >> >>")
		f.objs[16] = &object{body: "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 20 0 R >> >> >>", stream: []byte("/Im1 Do")}
		f.editStream(t, oContent, "/Figure <</MCID 10>> BDC q 50 0 0 50 72 300 cm /Im1 Do Q", "/Figure /fig BDC q 50 0 0 50 72 300 cm /Fm1 Do Q")
	}, nil},
	{"untagged image in a form XObject", func(t *testing.T, f *fixture) {
		f.edit(t, oPage, "/XObject << /Im1 20 0 R >>", "/XObject << /Im1 20 0 R /Fm1 16 0 R >>")
		f.objs[16] = &object{body: "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Im1 20 0 R >> >> >>", stream: []byte("/Im1 Do")}
		f.editStream(t, oContent, "/Figure", "/Fm1 Do\n/Figure")
	}, []string{"7.1-3"}},
}

func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture()
			c.mutate(t, f)
			fs := Check(f.bytes())
			want := slices.SortedFunc(slices.Values(c.want), compareRules)
			if got := rulesOf(fs); !slices.Equal(got, want) {
				t.Errorf("rules broken: %v, want %v:%s", got, want, failuresText(fs))
			}
		})
	}
}

// TestTaggedInsideArtifact moves the heading's tagged sequence inside the
// artifact that draws the rule: 7.1-2, nothing else.
func TestTaggedInsideArtifact(t *testing.T) {
	f := newFixture()
	f.editStream(t, oContent, "540 740 l S EMC\n", "540 740 l S\n")
	f.editStream(t, oContent, "/P <</MCID 1>>", "EMC\n/P <</MCID 1>>")
	fs := Check(f.bytes())
	if got := rulesOf(fs); !slices.Equal(got, []string{"7.1-2"}) {
		t.Errorf("rules broken: %v, want [7.1-2]:%s", got, failuresText(fs))
	}
}

// TestUntaggedCounts checks that content items are counted per page, with
// the first one named.
func TestUntaggedCounts(t *testing.T) {
	f := newFixture()
	f.editStream(t, oContent, "/Figure", "72 100 m 200 100 l S 72 90 m 200 90 l S BT /F1 12 Tf 72 200 Td <"+gidHex('T')+"> Tj ET\n/Figure")
	fs := Check(f.bytes())
	if len(fs) != 1 || fs[0].Rule != "7.1-3" || fs[0].Where != "page 1" ||
		!strings.HasPrefix(fs[0].Msg, "3 content item(s)") || !strings.Contains(fs[0].Msg, "path painted by S") {
		t.Errorf("want one 7.1-3 failure on page 1 counting 3 items, the first a path:%s", failuresText(fs))
	}
}

func TestUnreadable(t *testing.T) {
	fs := Check([]byte("%PDF-1.7\nnot a pdf"))
	if len(fs) != 1 || fs[0].Rule != "read" {
		t.Errorf("want one read failure:%s", failuresText(fs))
	}
}

func TestCompareRules(t *testing.T) {
	want := []string{"5-1", "6.1-1", "7.1-3", "7.1-11", "7.2-9", "7.2-10", "7.4.2-1", "7.21.4.1-1", "7.21.8-1", "parent-tree-1", "read"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, compareRules)
	if !slices.Equal(got, want) {
		t.Errorf("sorted: %v, want %v", got, want)
	}
}
