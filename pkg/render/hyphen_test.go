package render

import (
	"github.com/propose-cli/propose/pkg/docmeta"
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/pdftext"
	"github.com/propose-cli/propose/pkg/hyphen"
	"github.com/propose-cli/propose/pkg/pdf"
)

// TestGermanCompoundsBreakAtTheirSyllables sets running German text full
// of long compounds and checks that the lines break inside words only
// where German hyphenates them (checked by hand against the 1996 rules),
// with the soft hyphen a typeset break is, and that the text reads back
// whole.
func TestGermanCompoundsBreakAtTheirSyllables(t *testing.T) {
	h, ok := hyphen.For("de")
	if !ok {
		t.Fatal("no German patterns")
	}
	// Each word with the breaks the 1996 rules allow in it.
	words := map[string][]string{
		"Betriebsvereinbarung":  {"Be", "Betriebs", "Betriebsver", "Betriebsverein", "Betriebsvereinba"},
		"Arbeitszeitverkürzung": {"Ar", "Arbeits", "Arbeitszeit", "Arbeitszeitver", "Arbeitszeitverkür"},
		"Datenschutzerklärung":  {"Da", "Daten", "Datenschutz", "Datenschutzer", "Datenschutzerklä"},
		"Telearbeitsplatz":      {"Te", "Tele", "Telear", "Telearbeits"},
		"Rufbereitschaft":       {"Ruf", "Rufbe", "Rufbereit"},
	}
	var text []string
	for range 6 {
		for _, w := range []string{"Die", "Betriebsvereinbarung", "regelt", "die", "Arbeitszeitverkürzung", "am",
			"Telearbeitsplatz", "mit", "Datenschutzerklärung", "und", "Rufbereitschaft."} {
			text = append(text, w)
		}
	}
	md := strings.Join(text, " ") + "\n"
	res, err := pdf.Render([]byte(md), pdf.Meta{Doc: docmeta.Doc{Title: "T", Language: "de", Paper: "a4"}, Hyphenate: h.Points})
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pdftext.Pages(res.PDF)
	if err != nil {
		t.Fatal(err)
	}
	// The extractor puts a space between shown strings: the hyphen may be
	// shown on its own.
	raw := strings.ReplaceAll(strings.Join(pages, " "), " \u00ad", "\u00ad")
	if breaks := strings.Count(raw, "\u00ad"); breaks < 3 {
		t.Fatalf("no word was broken:\n%s", raw)
	}
	fields := strings.Fields(raw)
	for i, f := range fields {
		head, ok := strings.CutSuffix(f, "\u00ad")
		if !ok || i+1 == len(fields) {
			continue
		}
		whole := strings.TrimRight(head+fields[i+1], ".")
		allowed, known := words[whole]
		if !known || !slices.Contains(allowed, head) {
			t.Errorf("%q broken after %q, not at a German syllable", whole, head)
		}
	}
	// The text, then the page number.
	if got := strings.Join(strings.Fields(pdftext.Joined(raw)), " "); got != strings.TrimSpace(md)+" 1 / 1" {
		t.Errorf("the text reads back as %q", got)
	}
}
