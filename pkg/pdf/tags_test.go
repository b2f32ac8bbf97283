package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// taggedSample has every kind of block the documents use.
const taggedSample = "# Proposal\n\n" +
	"Ask [Priya](mailto:priya@example.com) first.\n\n" +
	"## The arrangement\n\n" +
	"- Remote on **Mondays**\n- Office on Tuesdays\n\n" +
	"1. First\n2. Second\n\n" +
	"| Day | Where |\n|:--|:--|\n| Monday | Remote |\n| Tuesday | |\n\n" +
	"> A quoted line.\n\n" +
	"---\n\n" +
	"### Measures\n\n" +
	"```chart\ntitle: Reply time\nunit: minutes\nfrom: 2027-01-12\nto: 2027-03-11\ntarget: 60\nbetter: lower\npoints: 2027-01-15 52; 2027-02-12 41\n```\n"

// outline reads a PDF's structure tree back with pdfcpu, one element a
// line, indented by depth: its type, "mcid" for each piece of marked
// content, "annot" for a link annotation, and its Alt or Scope.
func outline(t *testing.T, pdf []byte) string {
	t.Helper()
	ctx, err := api.ReadContext(bytes.NewReader(pdf), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		t.Fatal(err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	deref := func(o types.Object) types.Object {
		o, err := ctx.Dereference(o)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	mark, _ := deref(cat["MarkInfo"]).(types.Dict)
	if b := mark.BooleanEntry("Marked"); b == nil || !*b {
		t.Errorf("the catalog's /MarkInfo is %v, want Marked true", mark)
	}
	root, ok := deref(cat["StructTreeRoot"]).(types.Dict)
	if !ok {
		t.Fatal("no /StructTreeRoot")
	}
	var b strings.Builder
	var walk func(o types.Object, parent *types.IndirectRef, depth int)
	walk = func(o types.Object, parent *types.IndirectRef, depth int) {
		ref, isRef := o.(types.IndirectRef)
		switch v := deref(o).(type) {
		case types.Array:
			for _, k := range v {
				walk(k, parent, depth)
			}
		case types.Integer:
			fmt.Fprintf(&b, "%smcid\n", strings.Repeat("  ", depth))
		case types.Dict:
			switch typ := v.NameEntry("Type"); {
			case typ != nil && *typ == "MCR":
				fmt.Fprintf(&b, "%smcid\n", strings.Repeat("  ", depth))
				return
			case typ != nil && *typ == "OBJR":
				fmt.Fprintf(&b, "%sannot\n", strings.Repeat("  ", depth))
				return
			}
			s := v.NameEntry("S")
			if s == nil {
				t.Fatalf("a structure element without /S: %v", v)
			}
			if p, ok := v["P"].(types.IndirectRef); !ok || parent == nil || p.ObjectNumber != parent.ObjectNumber {
				t.Errorf("%s: /P is %v, want its parent %v", *s, v["P"], parent)
			}
			line := strings.Repeat("  ", depth) + *s
			if alt, err := types.StringOrHexLiteral(deref(v["Alt"])); err == nil && alt != nil {
				line += " alt=" + *alt
			}
			if a, ok := deref(v["A"]).(types.Dict); ok {
				line += " scope=" + *a.NameEntry("Scope")
			}
			b.WriteString(line + "\n")
			if isRef {
				walk(v["K"], &ref, depth+1)
			}
		}
	}
	rootRef := cat["StructTreeRoot"].(types.IndirectRef)
	walk(root["K"], &rootRef, 0)
	return b.String()
}

func TestTaggedPDFHasTheDocumentsStructure(t *testing.T) {
	res := render(t, taggedSample, testMeta())
	got := outline(t, res.PDF)
	want := `Document
  H1
    mcid
  P
    mcid
    Link
      mcid
      annot
    mcid
  H2
    mcid
  L
    LI
      Lbl
        mcid
      LBody
        mcid
        mcid
    LI
      Lbl
        mcid
      LBody
        mcid
  L
    LI
      Lbl
        mcid
      LBody
        mcid
    LI
      Lbl
        mcid
      LBody
        mcid
  Table
    THead
      TR
        TH scope=Column
          mcid
        TH scope=Column
          mcid
    TBody
      TR
        TD
          mcid
        TD
          mcid
      TR
        TD
          mcid
        TD
  BlockQuote
    P
      mcid
  H3
    mcid
  Figure alt=Reply time: 2 readings from Jan 15, 2027 to Feb 12, 2027; the latest 41 minutes. Target 60 minutes or less.
    mcid
`
	if got != want {
		t.Errorf("structure tree:\n%s\nwant:\n%s", got, want)
	}
}

// TestTaggedPDFMarksEveryContentItem checks that every text and path on a
// page lies in marked content: real content with an MCID, or an artifact,
// never both at once.
func TestTaggedPDFMarksEveryContentItem(t *testing.T) {
	meta := testMeta()
	meta.Banner = "PRIVATE"
	res := render(t, taggedSample+"\n"+strings.Repeat("A paragraph that goes on for a while to fill the pages. ", 200), meta)
	if res.Pages < 2 {
		t.Fatalf("want a second page for its header, got %d", res.Pages)
	}
	ops := regexp.MustCompile(`(?m)(/Artifact BMC|/Artifact <<[^>]*>> BDC|/\w+ <</MCID \d+>> BDC|EMC|\bTj|\bTJ|\bS$|\bf$|\bB$|\bDo$)`)
	for i, page := range pageContents(t, res.PDF) {
		depth, artifact, tagged := 0, false, false
		for _, op := range ops.FindAllString(page, -1) {
			switch {
			case strings.HasPrefix(op, "/Artifact"):
				if depth > 0 {
					t.Errorf("page %d: an artifact inside marked content", i+1)
				}
				depth, artifact = depth+1, true
			case strings.HasSuffix(op, "BDC"):
				if depth > 0 {
					t.Errorf("page %d: tagged content inside marked content", i+1)
				}
				depth, tagged = depth+1, true
			case op == "EMC":
				depth--
				if depth == 0 {
					artifact, tagged = false, false
				}
			default:
				if !artifact && !tagged {
					t.Errorf("page %d: %s outside marked content", i+1, op)
				}
			}
		}
		if depth != 0 {
			t.Errorf("page %d: %d marked content sequences left open", i+1, depth)
		}
	}
}

func TestUntaggedPDFHasNoStructure(t *testing.T) {
	meta := testMeta()
	meta.NoTags = true
	res := render(t, taggedSample, meta)
	for _, s := range []string{"/StructTreeRoot", "/MarkInfo", "BDC", "BMC", "pdfuaid"} {
		if bytes.Contains(res.PDF, []byte(s)) || strings.Contains(strings.Join(pageContents(t, res.PDF), ""), s) {
			t.Errorf("an untagged PDF has %s", s)
		}
	}
	tagged := render(t, taggedSample, testMeta())
	for _, s := range []string{"/StructTreeRoot", "/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>", "<pdfuaid:part>1</pdfuaid:part>", "/Tabs /S", "%PDF-1.7"} {
		if !bytes.Contains(tagged.PDF, []byte(s)) {
			t.Errorf("a tagged PDF has no %s", s)
		}
	}
}

// TestOnlyWebAndMailLinksAreLive: a link to anything but a web or email
// address (a template's javascript:, file: or data:) is its text only.
func TestOnlyWebAndMailLinksAreLive(t *testing.T) {
	res := render(t, "[Run](javascript:alert(1)) [File](file:///etc/passwd) [Web](https://example.com) [Mail](mailto:a@example.com)\n", testMeta())
	for _, bad := range []string{"javascript", "file:"} {
		if bytes.Contains(res.PDF, []byte("/URI ("+bad)) {
			t.Errorf("a %s link is live", bad)
		}
	}
	for _, good := range []string{"/URI (https://example.com)", "/URI (mailto:a@example.com)"} {
		if !bytes.Contains(res.PDF, []byte(good)) {
			t.Errorf("no %s", good)
		}
	}
	if got := squash(extract(t, res.PDF)); !strings.Contains(got, squash("Run File Web Mail")) {
		t.Errorf("the link texts are not all there: %s", got)
	}
}

// TestClipIsNotQuadratic: the running header clips a title of 100,000
// characters with a few measurements, not one a character, and clips a
// short one as before.
func TestClipIsNotQuadratic(t *testing.T) {
	d := newDrawer(testMeta())
	sp := span{family: serif, size: 8}
	if got := d.clip("A title that is far too long to fit", sp, 60); !strings.HasSuffix(got, "…") || d.measure(sp.family, sp.style, sp.size, got) > 60 {
		t.Errorf("clip gave %q", got)
	}
	if got := d.clip("Short", sp, 60); got != "Short" {
		t.Errorf("clip of a short text gave %q", got)
	}
	long := strings.Repeat("Quarterly review ", 6000)
	before := d.measured
	got := d.clip(long, sp, 300)
	if !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) || d.measure(sp.family, sp.style, sp.size, got) > 300 {
		t.Errorf("clip of a long text gave %q", got)
	}
	if work := d.measured - before; work > 40*len(long) {
		t.Errorf("clipping %d characters measured %d bytes of text", len(long), work)
	}
}

// TestPassageInAnotherLanguageIsTaggedSo: an English source in a French
// document is a Span with its own /Lang in the structure tree, the rest
// of the paragraph in the document's language.
func TestPassageInAnotherLanguageIsTaggedSo(t *testing.T) {
	meta := testMeta()
	meta.Language = "fr"
	res := render(t, "1. Bloom (2024). <span lang=\"en\">Hybrid working from home improves retention.</span> Nature.\n", meta)
	if !bytes.Contains(res.PDF, []byte("/S /Span /P")) || !bytes.Contains(res.PDF, []byte("/Lang "+textString("en"))) {
		t.Errorf("no Span with /Lang (en) in the structure tree")
	}
	got := squash(extract(t, res.PDF))
	if !strings.Contains(got, squash("Bloom (2024). Hybrid working from home improves retention. Nature.")) || strings.Contains(got, "span") {
		t.Errorf("the text reads %q", got)
	}
	if !regexp.MustCompile(`\n( +)Span\n( +)mcid\n`).MatchString(outline(t, res.PDF)) {
		t.Errorf("structure:\n%s", outline(t, res.PDF))
	}
}
