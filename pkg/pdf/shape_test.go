package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// nominalWidth is the width of s with each character's own glyph, in
// thousandths of an em: text as it was set before shaping.
func nominalWidth(t *testing.T, id faceID, s string) int {
	t.Helper()
	total := 0
	for _, r := range s {
		w := metrics[id].width(id, r)
		if w < 0 {
			t.Fatalf("%v lacks %q", id, r)
		}
		total += int(w)
	}
	return total
}

func TestKerningNarrowsPairs(t *testing.T) {
	for _, id := range []faceID{{serif, ""}, {sans, ""}, {sans, "B"}} {
		for _, pair := range []string{"AV", "To", "Wa"} {
			got, nominal := textWidth(id, "en-US", pair), nominalWidth(t, id, pair)
			if got >= nominal {
				t.Errorf("%v: %q is %d thousandths of an em wide, not kerned (its letters' own widths make %d)", id, pair, got, nominal)
			}
		}
		// Spaces are not shaped: a phrase is its words and spaces.
		words := textWidth(id, "en-US", "AVATAR") + textWidth(id, "en-US", "To") + 2*int(metrics[id].width(id, ' '))
		if got := textWidth(id, "en-US", "AVATAR To "); got != words {
			t.Errorf("%v: a phrase measures %d, its words and spaces %d", id, got, words)
		}
	}
}

// pageContents returns the decoded content stream of each page.
func pageContents(t *testing.T, pdf []byte) []string {
	t.Helper()
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(pdf), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for p := 1; p <= ctx.PageCount; p++ {
		r, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(r); err != nil {
			t.Fatal(err)
		}
		out = append(out, b.String())
	}
	return out
}

// kernedArray finds a TJ array that moves a glyph: a number between two
// hex strings.
var kernedArray = regexp.MustCompile(`\[[^\]]*<[0-9A-F]+> -?[0-9]+ <[0-9A-F]+>[^\]]*\] TJ`)

func TestKernedTextIsDrawnWithTJ(t *testing.T) {
	res := render(t, "AVATAR To Wa\n", testMeta())
	validate(t, res.PDF)
	content := strings.Join(pageContents(t, res.PDF), "\n")
	if !kernedArray.MatchString(content) {
		t.Errorf("no TJ array with a kerning adjustment in:\n%s", content)
	}
	if got := extract(t, res.PDF); !strings.Contains(got, "AVATAR To Wa") {
		t.Errorf("the kerned text extracts as %q", got)
	}
	if out, ok := pdftotext(t, res.PDF); !ok {
		t.Log("pdftotext not installed: only the in-repository extraction was checked")
	} else if !strings.Contains(out, "AVATAR To Wa") {
		t.Errorf("pdftotext reads the kerned text as %q", out)
	}
}

func TestLigaturesCopyAsTheirLetters(t *testing.T) {
	body := faceID{serif, ""}
	for _, word := range []string{"office", "flow"} {
		w := metrics[body].shaped(body, "en-US", word)
		if !w.ok || len(w.glyphs) >= len([]rune(word)) {
			t.Errorf("%q is set in %d glyphs, no ligature", word, len(w.glyphs))
		}
	}
	res := render(t, "office flow\n", testMeta())
	validate(t, res.PDF)
	if got := extract(t, res.PDF); !strings.Contains(got, "office flow") {
		t.Errorf("the text extracts as %q, want office flow", got)
	}
	if out, ok := pdftotext(t, res.PDF); !ok {
		t.Log("pdftotext not installed: only the in-repository extraction was checked")
	} else if !strings.Contains(out, "office flow") {
		t.Errorf("pdftotext reads %q, want office flow", out)
	}
}

// laidOut draws md and returns the drawer, whose fonts record what each
// glyph shows, and fpdf's output before finish (its pages uncompressed).
func laidOut(t *testing.T, md string, meta Meta) (*drawer, string) {
	t.Helper()
	doc := parse([]byte(md))
	d, err := layout(doc, []byte(md), meta, false, 1, nil, lineCache{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return d, b.String()
}

func TestEveryGlyphMapsToText(t *testing.T) {
	// PDF/UA-1 7.21.7: every glyph shown maps to Unicode text, never to
	// nothing, U+0000, U+FEFF or U+FFFE.
	d, _ := laidOut(t, unicodeSample+"\noffice flow, ﬁle and file, AVATAR To Wa, cafe\u0301.\n", testMeta())
	ligatures := 0
	for _, f := range d.fonts.order {
		for g, text := range f.used {
			if text == "" || strings.ContainsAny(text, "\u0000\ufeff\ufffe") {
				t.Errorf("%s: glyph %d maps to %q", f.prog.name, g, text)
			}
			if len([]rune(text)) > 1 {
				ligatures++
			}
		}
		cmap := string(toUnicode(sortedGlyphs(f.used), f.used))
		for g, text := range f.used {
			var dst strings.Builder
			for _, u := range utf16.Encode([]rune(text)) {
				fmt.Fprintf(&dst, "%04X", u)
			}
			if entry := fmt.Sprintf("<%04X> <%s>\n", g, dst.String()); !strings.Contains(cmap, entry) {
				t.Errorf("%s: the ToUnicode map lacks %q", f.prog.name, entry)
			}
		}
	}
	if ligatures == 0 {
		t.Error("no glyph maps to several characters: no ligature was drawn")
	}
}

func sortedGlyphs(used map[uint16]string) []uint16 {
	return slices.Sorted(maps.Keys(used))
}

func TestLigatureGlyphStandsForOneText(t *testing.T) {
	// Noto draws the character ﬁ (U+FB01) with the glyph of the "fi"
	// ligature: once the character has named the glyph, "fi" is drawn as
	// its letters, and both copy as written.
	body := faceID{serif, ""}
	w := metrics[body].shaped(body, "en-US", "file")
	if !w.ok || w.glyphs[0].text != "fi" || w.glyphs[0].id != metrics[body].glyph(body, 'ﬁ') {
		t.Fatalf("the fi ligature is not the glyph of ﬁ here (%+v): the test shows nothing", w.glyphs)
	}
	res := render(t, "A ﬁle, then a file.\n", testMeta())
	validate(t, res.PDF)
	if got := extract(t, res.PDF); !strings.Contains(got, "A ﬁle, then a file.") {
		t.Errorf("extracts as %q", got)
	}
	// The other way round the ligature names the glyph, and ﬁ copies as
	// the letters it stands for.
	res = render(t, "A file, then a ﬁle.\n", testMeta())
	if got := extract(t, res.PDF); !strings.Contains(got, "A file, then a file.") {
		t.Errorf("extracts as %q", got)
	}
	// Either way the line is as wide as measured.
	d := newDrawer(testMeta())
	f, err := d.fonts.get(serif, "")
	if err != nil {
		t.Fatal(err)
	}
	f.used[metrics[body].glyph(body, 'ﬁ')] = "ﬁ"
	ops, err := f.encode("en-US", 10, "office file")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := drawnAdvance(t, ops, f), textWidth(body, "en-US", "office file"); got != want {
		t.Errorf("the ligatures drawn as letters advance %d, measured %d (%s)", got, want, ops)
	}
}

// drawnAdvance is how far the operators move the pen, in thousandths of
// an em: each glyph's width in the font (the PDF's /W) less the TJ
// numbers.
func drawnAdvance(t *testing.T, ops string, f *docFont) int {
	t.Helper()
	total := 0
	inArray := false
	fields := strings.Fields(strings.NewReplacer("[", " [ ", "]", " ] ", "<", " <", ">", "> ").Replace(ops))
	for i, tok := range fields {
		switch {
		case tok == "[":
			inArray = true
		case tok == "]":
			inArray = false
		case strings.HasPrefix(tok, "<"):
			hex := strings.Trim(tok, "<>")
			for k := 0; k+4 <= len(hex); k += 4 {
				g, err := strconv.ParseUint(hex[k:k+4], 16, 16)
				if err != nil {
					t.Fatal(err)
				}
				total += int(f.prog.advance(uint16(g)))
			}
		case inArray:
			n, err := strconv.Atoi(tok)
			if err != nil {
				t.Fatalf("%q in a TJ array", tok)
			}
			total -= n
		case tok == "Ts" || tok == "Tj" || tok == "TJ" || i+1 < len(fields) && fields[i+1] == "Ts":
		default:
			t.Fatalf("unexpected %q in %s", tok, ops)
		}
	}
	return total
}

func TestDrawnAdvancesEqualMeasuredWidths(t *testing.T) {
	texts := strings.Fields(unicodeSample)
	texts = append(texts, "AVATAR To Wa", "office flow", "Tätigkeit", "cafe\u0301", "12\u00a0January", "“Quoted,”", "Ljubljana", "T.", "V.A.T.")
	for _, fc := range faces {
		id := faceKey(fc.family, fc.style)
		d := newDrawer(testMeta())
		f, err := d.fonts.get(fc.family, fc.style)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range texts {
			if !drawable(id, s) {
				continue
			}
			ops, err := f.encode("en-US", 10, s)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := drawnAdvance(t, ops, f), textWidth(id, "en-US", s); got != want {
				t.Errorf("%s: %q is drawn %d thousandths of an em wide, measured %d (%s)", fc.psName, s, got, want, ops)
			}
		}
	}
}

func drawable(id faceID, s string) bool {
	for _, r := range s {
		if metrics[id].glyph(id, r) == 0 {
			return false
		}
	}
	return true
}

// textRun is one BT … ET the drawer wrote: its font, size, start and what
// it shows.
var textRun = regexp.MustCompile(`BT /(\w+) ([0-9.]+) Tf ([0-9.]+) ([0-9.]+) Td (.*?) ET`)

func TestKernedLinesStayInsideTheMargins(t *testing.T) {
	// Lines full of kerned pairs, and text set flush right against the
	// margin (the running header's author, a right-aligned column): drawn
	// wider than measured, they would cross it.
	para := strings.Repeat("AVATAR To Wave, YAWN Tower office flow. ", 30)
	md := "# AVATAR To Wa\n\n" + para + "\n\n| AVATAR | Towards |\n|:--|--:|\n| " + para + " | AVATAR To Wa |\n| " + para + " | " + para + " |\n"
	for _, paper := range []string{"letter", "a4"} {
		meta := testMeta()
		meta.Paper = paper
		meta.Author = "WAVY AVATAR"
		d, raw := laidOut(t, md, meta)
		fonts := map[string]*docFont{}
		for _, f := range d.fonts.order {
			fonts[f.res] = f
		}
		pageW, _ := d.pdf.GetPageSize()
		right := pageW - d.st.margin
		runs := 0
		for _, m := range textRun.FindAllStringSubmatch(raw, -1) {
			f := fonts[m[1]]
			size, _ := strconv.ParseFloat(m[2], 64)
			x, _ := strconv.ParseFloat(m[3], 64)
			end := x + float64(drawnAdvance(t, m[5], f))*size/1000
			if end > right+0.01 {
				t.Errorf("%s: a run ends at %.2f pt, past the margin at %.2f: %s", paper, end, right, m[5])
			}
			runs++
		}
		if runs < 20 {
			t.Fatalf("%s: found %d text runs; the test reads the wrong thing", paper, runs)
		}
	}
}

func TestShapingIsTheSameWhenDocumentsRenderTogether(t *testing.T) {
	md := unicodeSample + "\noffice flow AVATAR To Wa Tätigkeit\n"
	want := render(t, md, testMeta()).PDF
	var wg sync.WaitGroup
	got := make([][]byte, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			meta := testMeta()
			meta.Language = []string{"en-US", "de-DE", "en-US", "fr-FR"}[i]
			res, err := Render([]byte(md+fmt.Sprintf("\nCopy %d.\n", i)), meta)
			if err == nil {
				got[i] = res.PDF
			}
		}()
	}
	wg.Wait()
	if !bytes.Equal(render(t, md, testMeta()).PDF, want) {
		t.Error("the document changed after others were shaped at the same time")
	}
	for i, b := range got {
		if b == nil {
			t.Errorf("copy %d failed", i)
		}
	}
}

func TestCutTokensFitAsShaped(t *testing.T) {
	// Noto Sans spaces "TT" wider than two T's (positive kerning): a
	// token cut where its characters' widths add up to the room would
	// overflow it once shaped.
	id := faceID{sans, ""}
	if textWidth(id, "en-US", "TTTT") <= nominalWidth(t, id, "TTTT") {
		t.Fatal("TT is not kerned apart in Noto Sans: the test shows nothing")
	}
	d := dryDrawer()
	for _, token := range []string{strings.Repeat("T", 90), "https://example.com/" + strings.Repeat("TTTT-", 15)} {
		sp := span{family: sans, size: 10, color: d.st.ink, text: token}
		for width := 40.0; width < 120; width += 0.25 {
			d.broken = nil
			lines := d.breakLines([]span{sp}, width)
			for _, l := range lines {
				if w := lineWidth(l); w > width {
					t.Fatalf("a line %.2f pt wide in %.2f: %q", w, width, lineTexts([][]word{l}))
				}
			}
		}
	}
}

func TestSoftHyphenIsNeitherDrawnNorCopied(t *testing.T) {
	// HarfBuzz hides a soft hyphen inside a word behind an empty space
	// glyph; mapped to U+00AD, that glyph would turn the document's spaces
	// into soft hyphens when copied (or, drawn as the font's own soft
	// hyphen, show a hyphen mid-word).
	md := "Die Tätig\u00adkeit ist gut.\n\nTätig\u00adkeit first, then spaces.\n"
	d, _ := laidOut(t, md, testMeta())
	body := faceID{serif, ""}
	for _, f := range d.fonts.order {
		if f.id != body {
			continue
		}
		if text, ok := f.used[metrics[body].glyph(body, ' ')]; !ok || text != " " {
			t.Errorf("the space glyph copies as %q", text)
		}
		if text, ok := f.used[metrics[body].glyph(body, '\u00ad')]; ok {
			t.Errorf("the font's soft hyphen is drawn (copies as %q)", text)
		}
	}
	res := render(t, md, testMeta())
	if got := extract(t, res.PDF); !strings.Contains(got, "Die Tätigkeit ist gut.") || !strings.Contains(got, "Tätigkeit first, then spaces.") {
		t.Errorf("extracts as %q", got)
	}
}
