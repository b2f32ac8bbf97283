package docx

import (
	"bytes"
	"fmt"
	"github.com/propose-cli/propose/pkg/palette"
	"math"
	"strings"
)

// pageMargin is the page's margin, in twentieths of a point: an inch, as
// the PDF's.
const pageMargin = 1440

// pageSize is the size of a Letter or an A4 page, in twentieths of a
// point.
func pageSize(paper string) (w, h int) {
	if paper == "a4" {
		return 11906, 16838
	}
	return 12240, 15840
}

// The numbering: every bulleted list shares one instance; each numbered
// list has its own, after it, so that it counts from its own start.
const (
	bulletNumID     = 1
	bulletAbstract  = 0
	decimalAbstract = 1
	maxLevel        = 2 // the deepest list level styled; deeper lists are set at it
)

const (
	nsW     = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel   = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// The colours, as the PDF and the HTML page use them (package palette),
// written as Word writes them: RRGGBB.
var (
	ink           = word(palette.Ink)
	defaultAccent = word(palette.Accent) // the theme's accent when the file gives none
	muted         = word(palette.Muted)
	link          = word(palette.Link)
	bannerColor   = word(palette.Banner)
)

// accent is the theme's accent as Word writes colours (RRGGBB): the
// headings', the table headings', the list markers' and the quotes' rule,
// as in the PDF and the HTML page.
func (b *builder) accent() string {
	if a := strings.TrimPrefix(b.meta.Accent, "#"); len(a) == 6 {
		return strings.ToUpper(a)
	}
	return defaultAccent
}

// parts are the package's files, in the order they are written: the
// content types first, as readers expect.
func (b *builder) parts() []part {
	banner := b.meta.Banner != ""
	var ps []part
	add := func(name, data string) { ps = append(ps, part{name: name, data: []byte(data)}) }
	add("[Content_Types].xml", contentTypes(banner))
	add("_rels/.rels", xmlDecl+`<Relationships xmlns="`+nsRel+`">`+
		`<Relationship Id="rId1" Type="`+relBase+`officeDocument" Target="word/document.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`+
		`<Relationship Id="rId3" Type="`+relBase+`extended-properties" Target="docProps/app.xml"/>`+
		`</Relationships>`)
	add("docProps/core.xml", b.core())
	add("docProps/app.xml", xmlDecl+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`+
		`<Application>`+esc(b.meta.Creator)+`</Application></Properties>`)
	add("word/_rels/document.xml.rels", b.documentRels(banner))
	add("word/document.xml", b.document(banner))
	add("word/styles.xml", styles(b.meta.Language, newScale(b.meta.Scale), b.accent()))
	add("word/numbering.xml", b.numbering())
	add("word/settings.xml", settings)
	add("word/footer1.xml", footer(b.meta.Folio))
	if banner {
		add("word/header1.xml", xmlDecl+`<w:hdr xmlns:w="`+nsW+`"><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>`+
			`<w:r><w:rPr><w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans"/><w:b/><w:bCs/><w:color w:val="`+bannerColor+`"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>`+
			`<w:t xml:space="preserve">`+esc(b.meta.Banner)+`</w:t></w:r></w:p></w:hdr>`)
	}
	return ps
}

func contentTypes(banner bool) string {
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	var s strings.Builder
	s.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	s.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	s.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	over := func(name, typ string) {
		fmt.Fprintf(&s, `<Override PartName="%s" ContentType="%s"/>`, name, typ)
	}
	over("/word/document.xml", wml+"document.main+xml")
	over("/word/styles.xml", wml+"styles+xml")
	over("/word/numbering.xml", wml+"numbering+xml")
	over("/word/settings.xml", wml+"settings+xml")
	over("/word/footer1.xml", wml+"footer+xml")
	if banner {
		over("/word/header1.xml", wml+"header+xml")
	}
	over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	s.WriteString(`</Types>`)
	return s.String()
}

// core is the document's properties: title, author, subject, language and
// dates.
func (b *builder) core() string {
	var s strings.Builder
	s.WriteString(xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&s, "<%s>%s</%s>", name, esc(v), name)
		}
	}
	el("dc:title", b.meta.Title)
	el("dc:subject", b.meta.Subject)
	el("dc:creator", b.meta.Author)
	el("cp:lastModifiedBy", b.meta.Author)
	el("dc:language", b.meta.Language)
	if !b.meta.Date.IsZero() {
		d := b.meta.Date.UTC().Format("2006-01-02T15:04:05Z")
		fmt.Fprintf(&s, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, d)
		fmt.Fprintf(&s, `<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, d)
	}
	s.WriteString(`</cp:coreProperties>`)
	return s.String()
}

func (b *builder) documentRels(banner bool) string {
	var s strings.Builder
	s.WriteString(xmlDecl + `<Relationships xmlns="` + nsRel + `">`)
	rel := func(id, typ, target string) {
		fmt.Fprintf(&s, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, id, relBase, typ, target)
	}
	rel("rId1", "styles", "styles.xml")
	rel("rId2", "numbering", "numbering.xml")
	rel("rId3", "settings", "settings.xml")
	rel("rId4", "footer", "footer1.xml")
	if banner {
		rel("rId5", "header", "header1.xml")
	}
	for i, l := range b.links {
		fmt.Fprintf(&s, `<Relationship Id="%s" Type="%shyperlink" Target="%s" TargetMode="External"/>`, linkRelID(i), relBase, esc(l))
	}
	s.WriteString(`</Relationships>`)
	return s.String()
}

// document is word/document.xml: the body written, and the section's page
// with its header and footer.
func (b *builder) document(banner bool) string {
	var s bytes.Buffer
	s.WriteString(xmlDecl + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	s.Write(b.body.Bytes())
	w, h := pageSize(b.meta.Paper)
	s.WriteString(`<w:sectPr>`)
	if banner {
		s.WriteString(`<w:headerReference w:type="default" r:id="rId5"/>`)
	}
	s.WriteString(`<w:footerReference w:type="default" r:id="rId4"/>`)
	fmt.Fprintf(&s, `<w:pgSz w:w="%d" w:h="%d"/>`, w, h)
	sc := newScale(b.meta.Scale)
	fmt.Fprintf(&s, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="620" w:footer="620" w:gutter="0"/>`,
		sc.margin(pageMargin), pageMargin, sc.margin(pageMargin), pageMargin)
	s.WriteString(`</w:sectPr></w:body></w:document>`)
	return s.String()
}

// numbering is word/numbering.xml: the bullets, and the decimal numbers
// each numbered list restarts.
func (b *builder) numbering() string {
	var s strings.Builder
	s.WriteString(xmlDecl + `<w:numbering xmlns:w="` + nsW + `">`)
	bullets := []string{"•", "–", "◦"}
	abstract := func(id int, numFmt string, text func(level int) string) {
		fmt.Fprintf(&s, `<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="hybridMultilevel"/>`, id)
		for lvl := 0; lvl <= maxLevel; lvl++ {
			fmt.Fprintf(&s, `<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`,
				lvl, numFmt, esc(text(lvl)))
			fmt.Fprintf(&s, `<w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr>`, indentStep*(lvl+1), indentStep)
			if numFmt == "bullet" {
				fmt.Fprintf(&s, `<w:rPr><w:rFonts w:ascii="Noto Serif" w:hAnsi="Noto Serif" w:cs="Noto Serif"/><w:color w:val="%s"/></w:rPr>`, b.accent())
			}
			s.WriteString(`</w:lvl>`)
		}
		s.WriteString(`</w:abstractNum>`)
	}
	abstract(bulletAbstract, "bullet", func(l int) string { return bullets[l] })
	abstract(decimalAbstract, "decimal", func(l int) string { return fmt.Sprintf("%%%d.", l+1) })
	fmt.Fprintf(&s, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, bulletNumID, bulletAbstract)
	for i, n := range b.nums {
		fmt.Fprintf(&s, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`,
			bulletNumID+1+i, decimalAbstract, n.level, n.start)
	}
	s.WriteString(`</w:numbering>`)
	return s.String()
}

const settings = xmlDecl + `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// footer numbers the pages with the words of the document's language
// around the numbers: "Page 2 of 3".
func footer(f [3]string) string {
	if f == [3]string{} {
		f = [3]string{"", " / ", ""} // no words given: the numbers alone
	}
	run := func(s string) string {
		if s == "" {
			return ""
		}
		return `<w:r><w:t xml:space="preserve">` + esc(s) + `</w:t></w:r>`
	}
	return xmlDecl + `<w:ftr xmlns:w="` + nsW + `"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>` +
		run(f[0]) +
		`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>` +
		run(f[1]) +
		`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>` +
		run(f[2]) +
		`</w:p></w:ftr>`
}

// scale is Meta.Scale applied as the PDF applies it: type follows it down
// to the floors of 8.5 points for text and 8 for tables, and the top and
// bottom margins stop shrinking at 0.8. Space shrinks with its cube, one
// step faster than in the PDF: a Word file cannot be measured, and word
// processors set it looser than the PDF, so a one-pager the PDF just fits
// keeps to one page in LibreOffice too (scripts/docx-libreoffice.sh).
type scale float64

func newScale(s float64) scale {
	if s <= 0 {
		return 1
	}
	return scale(s)
}

// size is a type size in half-points, at least floor points.
func (s scale) size(points, floor float64) int {
	return int(math.Round(2 * max(points*float64(s), floor)))
}

// space is a space in twentieths of a point, shrunk with the cube of s.
func (s scale) space(twips int) int {
	return int(math.Round(float64(twips) * float64(s) * float64(s) * float64(s)))
}

func (s scale) margin(twips int) int {
	m := max(float64(s), 0.8)
	return int(math.Round(float64(twips) * m * m))
}

// styles is word/styles.xml. Built-in styles keep Word's names ("heading
// 1"), so that Word treats them as its own.
func styles(lang string, sc scale, accent string) string {
	sans := `<w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans"/>`
	var s strings.Builder
	s.WriteString(xmlDecl + `<w:styles xmlns:w="` + nsW + `">`)
	s.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>`)
	s.WriteString(`<w:rFonts w:ascii="Noto Serif" w:eastAsia="Noto Serif" w:hAnsi="Noto Serif" w:cs="Noto Serif"/>`)
	body := sc.size(10.5, 8.5)
	fmt.Fprintf(&s, `<w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, ink, body, body)
	if lang != "" {
		fmt.Fprintf(&s, `<w:lang w:val="%s"/>`, esc(lang))
	}
	fmt.Fprintf(&s, `</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="%d" w:line="250" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`, sc.space(140))

	para := func(id, name, basedOn, pPr, rPr string) {
		fmt.Fprintf(&s, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/>`, id, name)
		if basedOn != "" {
			fmt.Fprintf(&s, `<w:basedOn w:val="%s"/><w:next w:val="Normal"/>`, basedOn)
		}
		s.WriteString(`<w:qFormat/>`)
		if pPr != "" {
			s.WriteString("<w:pPr>" + pPr + "</w:pPr>")
		}
		if rPr != "" {
			s.WriteString("<w:rPr>" + rPr + "</w:rPr>")
		}
		s.WriteString(`</w:style>`)
	}
	s.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	heading := func(level int, before, after int, points float64) {
		before, after = sc.space(before), sc.space(after)
		size := max(sc.size(points, 0), body)
		para(fmt.Sprintf("Heading%d", level), fmt.Sprintf("heading %d", level), "Normal",
			fmt.Sprintf(`<w:keepNext/><w:keepLines/><w:spacing w:before="%d" w:after="%d"/><w:outlineLvl w:val="%d"/>`, before, after, level-1),
			fmt.Sprintf(`%s<w:b/><w:bCs/><w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, sans, accent, size, size))
	}
	heading(1, 0, 200, 19)
	heading(2, 300, 100, 12.5)
	heading(3, 240, 80, 11)
	para("ListParagraph", "List Paragraph", "Normal", fmt.Sprintf(`<w:spacing w:after="%d"/><w:ind w:left="720"/>`, sc.space(50)), "")
	para("Quote", "Quote", "Normal",
		fmt.Sprintf(`<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="%s"/></w:pBdr><w:ind w:left="360" w:right="360"/>`, accent),
		`<w:i/><w:iCs/>`)
	table := sc.size(9.25, 8)
	para("TableText", "Table Text", "Normal", `<w:spacing w:after="0" w:line="228" w:lineRule="auto"/>`, fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, table, table))
	para("TableHeading", "Table Heading", "TableText", `<w:keepNext/>`,
		fmt.Sprintf(`%s<w:b/><w:bCs/><w:color w:val="%s"/>`, sans, accent))
	para("TableGap", "Table Gap", "Normal", fmt.Sprintf(`<w:spacing w:after="0" w:line="%d" w:lineRule="exact"/>`, sc.space(160)), `<w:sz w:val="8"/><w:szCs w:val="8"/>`)
	para("ChartCaption", "Chart Caption", "Normal", fmt.Sprintf(`<w:keepNext/><w:spacing w:before="%d" w:after="%d"/>`, sc.space(120), sc.space(60)),
		fmt.Sprintf(`%s<w:b/><w:bCs/><w:color w:val="%s"/>`, sans, accent))
	note := sc.size(9.5, 8.5)
	para("ChartNote", "Chart Note", "Normal", fmt.Sprintf(`<w:keepNext/><w:spacing w:after="%d"/>`, sc.space(60)),
		fmt.Sprintf(`<w:i/><w:iCs/><w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, muted, note, note))
	para("Header", "header", "Normal", `<w:spacing w:after="0"/>`, "")
	para("Footer", "footer", "Normal", `<w:spacing w:after="0"/>`, fmt.Sprintf(`<w:color w:val="%s"/><w:sz w:val="16"/><w:szCs w:val="16"/>`, muted))
	s.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	fmt.Fprintf(&s, `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:unhideWhenUsed/><w:rPr><w:color w:val="%s"/><w:u w:val="single"/></w:rPr></w:style>`, link)
	s.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	s.WriteString(`</w:styles>`)
	return s.String()
}

// word writes a #rrggbb colour as Word does: RRGGBB.
func word(hex string) string { return strings.ToUpper(strings.TrimPrefix(hex, "#")) }
