package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"github.com/propose-cli/propose/pkg/docmeta"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/propose-cli/propose/pkg/mdtext"
)

var testMeta = Meta{Doc: docmeta.Doc{
	Title:    "Proposal for a Hybrid Work Trial",
	Author:   "Zoë Okafor",
	Subject:  "A 60-day hybrid work trial",
	Creator:  "propose test",
	Language: "en-US",
	Date:     time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC),
	Paper:    "letter",
}}

// examples are the golden Markdown of every example's documents, and the
// review report with its charts.
func examples(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("../document/testdata/TestRenderExamples/*/*.md")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, "../document/testdata/TestTrialExampleDuringTheTrial/review.md")
	out := map[string][]byte{}
	for _, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimPrefix(filepath.ToSlash(f), "../document/testdata/")] = md
	}
	if len(out) < 13 {
		t.Fatalf("found %d example documents; want the four examples' three each and the review", len(out))
	}
	return out
}

// unpack opens a rendered package.
func unpack(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the package is not a readable zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if _, dup := parts[f.Name]; dup {
			t.Fatalf("%s is in the package twice", f.Name)
		}
		parts[f.Name] = b
	}
	return parts
}

func render(t *testing.T, md []byte, meta Meta) map[string][]byte {
	t.Helper()
	data, err := Render(md, meta)
	if err != nil {
		t.Fatal(err)
	}
	return unpack(t, data)
}

// wellFormed reads every token of an XML part.
func wellFormed(t *testing.T, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
	}
}

func TestPackageOpens(t *testing.T) {
	for name, md := range examples(t) {
		t.Run(name, func(t *testing.T) {
			meta := testMeta
			if strings.Contains(name, "prep") {
				meta.Banner = "PRIVATE — for your preparation only. Do not send."
			}
			parts := render(t, md, meta)
			for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
				"word/_rels/document.xml.rels", "word/numbering.xml", "word/settings.xml", "docProps/core.xml"} {
				if parts[want] == nil {
					t.Errorf("the package has no %s", want)
				}
			}
			for n, data := range parts {
				wellFormed(t, n, data)
			}
			checkContentTypes(t, parts)
			checkRelationships(t, parts)
			if meta.Banner != "" && parts["word/header1.xml"] == nil {
				t.Error("the banner has no header")
			}
		})
	}
}

// checkContentTypes checks that every part has a content type, by its name
// or its extension, and that every part named there exists.
func checkContentTypes(t *testing.T, parts map[string][]byte) {
	t.Helper()
	var types struct {
		Default []struct {
			Extension string `xml:",attr"`
		}
		Override []struct {
			PartName string `xml:",attr"`
		}
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatal(err)
	}
	typed := map[string]bool{}
	for _, o := range types.Override {
		name := strings.TrimPrefix(o.PartName, "/")
		if parts[name] == nil {
			t.Errorf("[Content_Types].xml names %s, which is not in the package", o.PartName)
		}
		typed[name] = true
	}
	exts := map[string]bool{}
	for _, d := range types.Default {
		exts[d.Extension] = true
	}
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		if !typed[name] && !exts[strings.TrimPrefix(path.Ext(name), ".")] {
			t.Errorf("%s has no content type", name)
		}
	}
	for _, main := range []string{"word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml"} {
		if !typed[main] {
			t.Errorf("%s has only the generic XML content type", main)
		}
	}
}

type relationships struct {
	Relationship []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:",attr"`
		Target     string `xml:",attr"`
		TargetMode string `xml:",attr"`
	}
}

// checkRelationships checks that every internal relationship's target is
// in the package, and every relationship id the document uses is defined.
func checkRelationships(t *testing.T, parts map[string][]byte) {
	t.Helper()
	for name, data := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels relationships
		if err := xml.Unmarshal(data, &rels); err != nil {
			t.Fatal(err)
		}
		// _rels/.rels is the package's; word/_rels/document.xml.rels is
		// word/document.xml's, and its targets are relative to word/.
		base := path.Dir(path.Dir(name))
		ids := map[string]bool{}
		for _, r := range rels.Relationship {
			if ids[r.ID] {
				t.Errorf("%s: id %s is used twice", name, r.ID)
			}
			ids[r.ID] = true
			if r.TargetMode == "External" {
				if !strings.Contains(r.Target, ":") {
					t.Errorf("%s: external target %q is not a URL", name, r.Target)
				}
				continue
			}
			target := path.Clean(path.Join(base, r.Target))
			if parts[target] == nil {
				t.Errorf("%s: %s points at %s, which is not in the package", name, r.ID, target)
			}
		}
		if name == "word/_rels/document.xml.rels" {
			for _, m := range regexp.MustCompile(`r:id="([^"]+)"`).FindAllStringSubmatch(string(parts["word/document.xml"]), -1) {
				if !ids[m[1]] {
					t.Errorf("word/document.xml uses relationship %s, which is not defined", m[1])
				}
			}
		}
	}
}

// paragraph is one w:p of document.xml: its style and its text, a line
// break read as a space.
type paragraph struct {
	style, text string
	numID       string
}

// table is one w:tbl: its rows' cell texts.
type table [][]string

// readDocument reads document.xml's paragraphs, in order, and its tables.
func readDocument(t *testing.T, data []byte) ([]paragraph, []table) {
	t.Helper()
	var paras []paragraph
	var tables []table
	var cur *paragraph
	var text strings.Builder
	inT := false
	depth := 0 // tables open
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "p":
				cur = &paragraph{}
				text.Reset()
			case "pStyle":
				cur.style = attr(e, "val")
			case "numId":
				cur.numID = attr(e, "val")
			case "t":
				inT = true
			case "br":
				text.WriteByte(' ')
			case "tbl":
				depth++
				tables = append(tables, nil)
			case "tr":
				tables[len(tables)-1] = append(tables[len(tables)-1], nil)
			}
		case xml.CharData:
			if inT {
				text.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inT = false
			case "p":
				cur.text = text.String()
				paras = append(paras, *cur)
				if depth > 0 {
					tb := tables[len(tables)-1]
					row := &tb[len(tb)-1]
					*row = append(*row, cur.text)
				}
			case "tbl":
				depth--
			}
		}
	}
	return paras, tables
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

var spaces = regexp.MustCompile(`\s+`)

func squash(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

func TestHeadingsUseHeadingStyles(t *testing.T) {
	for name, md := range examples(t) {
		paras, _ := readDocument(t, render(t, md, testMeta)["word/document.xml"])
		var got []string
		for _, p := range paras {
			if strings.HasPrefix(p.style, "Heading") {
				got = append(got, p.style[len("Heading"):]+" "+p.text)
			}
		}
		var want []string
		for _, line := range strings.Split(string(md), "\n") {
			if m := regexp.MustCompile(`^(#{1,3}) (.*)$`).FindStringSubmatch(line); m != nil {
				want = append(want, string(rune('0'+len(m[1])))+" "+m[2])
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s has no headings", name)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: headings\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	styles := string(render(t, []byte("# A\n"), testMeta)["word/styles.xml"])
	for level, lvl := range []string{"0", "1", "2"} {
		want := regexp.MustCompile(`w:styleId="Heading` + string(rune('1'+level)) + `">.*?<w:outlineLvl w:val="` + lvl + `"/>.*?</w:style>`)
		if !want.MatchString(styles) {
			t.Errorf("Heading%d has no outline level %s", level+1, lvl)
		}
	}
}

// TestAllTextAppears checks that the text of every block of every example
// is in the document, in order.
func TestAllTextAppears(t *testing.T) {
	for name, md := range examples(t) {
		paras, _ := readDocument(t, render(t, md, testMeta)["word/document.xml"])
		var all []string
		for _, p := range paras {
			all = append(all, squash(p.text))
		}
		doc := strings.Join(all, "\n")
		at := 0
		tree := mdtext.Parse(md)
		n := 0
		_ = ast.Walk(tree, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch node.(type) {
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell:
				want := squash(plainText(node, md))
				if want == "" {
					return ast.WalkSkipChildren, nil
				}
				n++
				i := strings.Index(doc[at:], want)
				if i < 0 {
					t.Errorf("%s: %q is not in the document (after byte %d)", name, want, at)
					return ast.WalkSkipChildren, nil
				}
				at += i + len(want)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
		if n < 10 {
			t.Errorf("%s: only %d blocks checked", name, n)
		}
	}
	// The words themselves, without the parser's help.
	paras, _ := readDocument(t, render(t, examples(t)["TestRenderExamples/trial/proposal.md"], testMeta)["word/document.xml"])
	var doc strings.Builder
	for _, p := range paras {
		doc.WriteString(strings.ReplaceAll(p.text, "\u00a0", " ") + "\n")
	}
	for _, want := range []string{"Proposal for a Hybrid Work Trial", "Zoë Okafor, Senior Data Analyst", "two weeks’ notice",
		"9:00 a.m.–4:00 p.m. US Central", "Approved as proposed", "Agreed review date: March 11, 2027", "Priya Raman"} {
		if !strings.Contains(doc.String(), want) {
			t.Errorf("the trial proposal has no %q", want)
		}
	}
}

// TestTables checks every Markdown table's rows and cells against the
// document's tables, counted from the Markdown's lines.
func TestTables(t *testing.T) {
	for name, md := range examples(t) {
		if strings.HasSuffix(name, "review.md") {
			continue // its charts are tables too; see TestChart
		}
		var want [][]int // each table's cells a row
		in := false
		for _, line := range strings.Split(string(md), "\n") {
			if !strings.HasPrefix(line, "|") {
				in = false
				continue
			}
			if regexp.MustCompile(`^\|(\s*:?-+:?\s*\|)+$`).MatchString(line) {
				continue // the delimiter row
			}
			if !in {
				want = append(want, nil)
				in = true
			}
			want[len(want)-1] = append(want[len(want)-1], strings.Count(line, "|")-1)
		}
		_, tables := readDocument(t, render(t, md, testMeta)["word/document.xml"])
		if len(tables) != len(want) {
			t.Errorf("%s: %d tables, want %d", name, len(tables), len(want))
			continue
		}
		for i, tb := range tables {
			var got []int
			for _, r := range tb {
				got = append(got, len(r))
			}
			if len(got) != len(want[i]) {
				t.Errorf("%s: table %d has %d rows, want %d", name, i+1, len(got), len(want[i]))
				continue
			}
			for j := range got {
				if got[j] != want[i][j] {
					t.Errorf("%s: table %d row %d has %d cells, want %d", name, i+1, j+1, got[j], want[i][j])
				}
			}
		}
	}
	doc := string(render(t, []byte("| A | B |\n|---|---|\n| Signature | |\n| x | y |\n"), testMeta)["word/document.xml"])
	if strings.Count(doc, "<w:tblHeader/>") != 1 {
		t.Error("the header row does not repeat on each page")
	}
	if strings.Count(doc, "<w:trHeight") != 1 {
		t.Error("the sign-off row has no room to sign")
	}
	if !strings.Contains(doc, `<w:insideH w:val="single"`) {
		t.Error("the table has no borders")
	}
}

func TestSameInputSameBytes(t *testing.T) {
	md := examples(t)["TestRenderExamples/trial/proposal.md"]
	a, err := Render(md, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(md, testMeta)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("the same input gave different files")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("the first entry is %s; want [Content_Types].xml", zr.File[0].Name)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(testMeta.Date) {
			t.Errorf("%s is dated %v; want %v", f.Name, f.Modified, testMeta.Date)
		}
	}
}

func TestProperties(t *testing.T) {
	meta := testMeta
	meta.Paper = "a4"
	parts := render(t, []byte("# Title\n"), meta)
	core := string(parts["docProps/core.xml"])
	for _, want := range []string{"<dc:title>Proposal for a Hybrid Work Trial</dc:title>", "<dc:creator>Zoë Okafor</dc:creator>",
		"<dc:subject>A 60-day hybrid work trial</dc:subject>", "<dc:language>en-US</dc:language>",
		`<dcterms:created xsi:type="dcterms:W3CDTF">2027-01-05T00:00:00Z</dcterms:created>`} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml has no %s:\n%s", want, core)
		}
	}
	if doc := string(parts["word/document.xml"]); !strings.Contains(doc, `<w:pgSz w:w="11906" w:h="16838"/>`) {
		t.Error("A4 is not A4")
	}
	if doc := string(render(t, []byte("# Title\n"), testMeta)["word/document.xml"]); !strings.Contains(doc, `<w:pgSz w:w="12240" w:h="15840"/>`) {
		t.Error("Letter is not Letter")
	}
	meta.Scale = 0.8
	small := render(t, []byte("# Title\n"), meta)
	if styles := string(small["word/styles.xml"]); !strings.Contains(styles, `<w:sz w:val="17"/>`) {
		t.Error("condensed body text is not at its 8.5-point floor")
	}
	if doc := string(small["word/document.xml"]); !strings.Contains(doc, `w:top="922"`) {
		t.Error("condensed top margin is not 0.64 inch")
	}
	styles := string(parts["word/styles.xml"])
	for _, want := range []string{`w:ascii="Noto Serif"`, `w:ascii="Noto Sans"`, `<w:lang w:val="en-US"/>`} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml has no %s", want)
		}
	}
}

func TestInlinesAndLists(t *testing.T) {
	md := "Some **bold**, *italic* and [a link](https://example.com/a?b=1&c=2) and <https://example.org>.\\\nNext line.\n\n" +
		"- one\n- two\n  - nested\n\n3. three\n4. four\n\nBetween.\n\n1. again\n\n- [ ] open\n- [x] done\n\n> Quoted.\n\n- \n- after empty\n"
	parts := render(t, []byte(md), testMeta)
	doc := string(parts["word/document.xml"])
	for _, want := range []string{`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">bold</w:t></w:r>`,
		`<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">italic</w:t></w:r>`,
		`<w:hyperlink r:id="rIdLink1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">a link</w:t>`,
		`</w:r><w:r><w:br/></w:r>`, "☐ ", "☒ "} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml has no %s", want)
		}
	}
	rels := string(parts["word/_rels/document.xml.rels"])
	for _, want := range []string{`Target="https://example.com/a?b=1&amp;c=2" TargetMode="External"`, `Target="https://example.org" TargetMode="External"`} {
		if !strings.Contains(rels, want) {
			t.Errorf("document.xml.rels has no %s", want)
		}
	}
	paras, _ := readDocument(t, []byte(doc))
	got := map[string]paragraph{}
	for _, p := range paras {
		got[p.text] = p
	}
	if got["one"].numID != "1" || got["nested"].numID != "1" {
		t.Error("bullets are not on the bullet numbering")
	}
	if got["three"].numID == "" || got["three"].numID == "1" || got["again"].numID == got["three"].numID {
		t.Errorf("numbered lists do not each have their own numbering: %q %q", got["three"].numID, got["again"].numID)
	}
	if !strings.Contains(string(parts["word/numbering.xml"]), `<w:startOverride w:val="3"/>`) {
		t.Error("a list starting at 3 does not start at 3")
	}
	if p := got["☐ open"]; p.numID != "" || p.style != "ListParagraph" {
		t.Errorf("a task has a bullet too: %+v", p)
	}
	empty := false
	for _, p := range paras {
		empty = empty || (p.text == "" && p.numID == "1")
	}
	if !empty {
		t.Error("an empty item lost its bullet")
	}
	if got["Quoted."].style != "Quote" {
		t.Error("a block quote is not in the Quote style")
	}
}

func TestChart(t *testing.T) {
	md := examples(t)["TestTrialExampleDuringTheTrial/review.md"]
	charts := strings.Count(string(md), "```chart")
	if charts == 0 {
		t.Fatal("the review has no charts")
	}
	paras, tables := readDocument(t, render(t, md, testMeta)["word/document.xml"])
	var captions int
	for _, p := range paras {
		if p.style == "ChartCaption" {
			captions++
		}
	}
	if captions != charts {
		t.Errorf("%d charts written, want %d", captions, charts)
	}
	doc := string(render(t, []byte("```chart\ntitle: Tickets\nunit: minutes\ntarget: 30\nbetter: lower\npoints: 2027-01-15 40; 2027-01-22 38.5\n```\n"), testMeta)["word/document.xml"])
	paras, tables = readDocument(t, []byte(doc))
	if len(tables) != 0 || len(paras) != 2 || paras[0].text != "Tickets" ||
		paras[1].text != "2 readings from Jan 15, 2027 to Jan 22, 2027; the latest 38.5 minutes. Target 30 minutes or less. The chart is drawn in the PDF." {
		t.Errorf("the chart is written as %q", paras)
	}
	if _, err := Render([]byte("```chart\nunit: minutes\n```\n"), testMeta); err == nil || !strings.Contains(err.Error(), "chart at line") {
		t.Errorf("a broken chart gave %v", err)
	}
}

func TestColumnWidths(t *testing.T) {
	rows := [][]string{
		{"Measure", "Before", "Target", "Latest", ""},
		{"Median first response to stakeholder questions", "45 minutes", "under 1 hour", "37 minutes", "Met"},
		{"Stakeholder satisfaction", "4.6 of 5", "4.5 of 5 or better", "4.7 of 5", "Not met"},
	}
	w := columnWidths(rows, 9360)
	sum := 0
	for _, x := range w {
		sum += x
	}
	if sum != 9360 {
		t.Errorf("the columns take %d of 9360", sum)
	}
	if w[4] < 3*120+260 || w[0] <= w[1] {
		t.Errorf("widths %v: the short last column wraps its words, or the long first one is not the widest", w)
	}
}

// TestSignOffKeptTogether: in Word, every paragraph of the proposal's
// sign-off (its heading, check boxes, signature table) is kept with the
// next, down to the review date, so that Word never splits it across
// pages; the sections before it flow as usual.
func TestSignOffKeptTogether(t *testing.T) {
	md := examples(t)["TestRenderExamples/trial/proposal.md"]
	if md == nil {
		t.Fatal("no trial proposal among the examples")
	}
	doc := string(render(t, md, testMeta)["word/document.xml"])
	start := strings.Index(doc, ">Decision<")
	end := strings.Index(doc, "</w:body>")
	if start < 0 || end < start {
		t.Fatal("no Decision heading")
	}
	start = strings.LastIndex(doc[:start], "<w:p>")
	paras := strings.Split(doc[start:end], "<w:p>")[1:]
	if len(paras) < 10 {
		t.Fatalf("the sign-off has %d paragraphs", len(paras))
	}
	last := -1
	for i, p := range paras {
		if strings.Contains(p, "Agreed review date") {
			last = i
		}
	}
	if last < 0 {
		t.Fatal("no review date after the sign-off")
	}
	for i, p := range paras[:last] {
		if !strings.Contains(p, "<w:keepNext/>") && !strings.Contains(p, `w:val="Heading2"`) {
			t.Errorf("paragraph %d of the sign-off is not kept with the next: %.120s", i+1, p)
		}
	}
	if strings.Contains(paras[last], "<w:keepNext/>") {
		t.Error("the review date, the sign-off's last line, is kept with what follows it")
	}
	before := doc[:start]
	if n := strings.Count(before, "<w:keepNext/>"); n > 0 {
		t.Errorf("%d paragraphs before the sign-off are kept with the next", n)
	}
}

// TestOnlyWebAndMailLinksAreLive: a link to anything but a web or email
// address (a template's javascript:, file: or data:) is its text only.
func TestOnlyWebAndMailLinksAreLive(t *testing.T) {
	parts := render(t, []byte("[Run](javascript:alert(1)) [File](file:///etc/passwd) [Web](https://example.com) [Mail](mailto:a@example.com)\n"), Meta{Doc: docmeta.Doc{Title: "T"}})
	rels := string(parts["word/_rels/document.xml.rels"])
	doc := string(parts["word/document.xml"])
	for _, bad := range []string{"javascript", "file:"} {
		if strings.Contains(rels, bad) {
			t.Errorf("a %s link is live: %s", bad, rels)
		}
	}
	for _, good := range []string{"https://example.com", "mailto:a@example.com"} {
		if !strings.Contains(rels, good) {
			t.Errorf("the %s link is not live", good)
		}
	}
	for _, text := range []string{"Run", "File", "Web", "Mail"} {
		if !strings.Contains(doc, ">"+text+"<") {
			t.Errorf("the link text %q is missing", text)
		}
	}
}

// TestPassageInAnotherLanguage: the runs of a language span carry the
// passage's language, and the tags are not text.
func TestPassageInAnotherLanguage(t *testing.T) {
	doc := string(render(t, []byte("Voir <span lang=\"en\">Hybrid working</span> ici.\n"), Meta{Doc: docmeta.Doc{Title: "T", Language: "fr"}})["word/document.xml"])
	if !strings.Contains(doc, `<w:rPr><w:lang w:val="en"/></w:rPr><w:t xml:space="preserve">Hybrid working</w:t>`) {
		t.Errorf("the passage's run does not say its language:\n%s", doc)
	}
	if strings.Contains(doc, "span") || strings.Contains(doc, `w:val="en"/></w:rPr><w:t xml:space="preserve"> ici`) {
		t.Errorf("the tags or the language leaked:\n%s", doc)
	}
}

// TestThemeAccent: the headings, table headings and quotes take the
// theme's accent, as the PDF's and the page's do; the default is navy.
func TestThemeAccent(t *testing.T) {
	styles := string(render(t, []byte("# T\n"), Meta{Doc: docmeta.Doc{Title: "T", Accent: "#0b6e4f"}})["word/styles.xml"])
	if !strings.Contains(styles, `<w:color w:val="0B6E4F"/>`) || strings.Contains(styles, `w:val="1B365D"`) {
		t.Errorf("the theme's accent is not the styles': %s", styles)
	}
	plain := string(render(t, []byte("# T\n"), Meta{Doc: docmeta.Doc{Title: "T"}})["word/styles.xml"])
	if !strings.Contains(plain, `<w:color w:val="1B365D"/>`) {
		t.Error("no default accent")
	}
}
