package hyphen

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// marked returns word with a "-" at each point, so that a table can say
// what it expects the way a dictionary prints it.
func marked(word string, points []int) string {
	var b strings.Builder
	last := 0
	for _, p := range points {
		b.WriteString(word[last:p])
		b.WriteByte('-')
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

// want turns "Ar-beits-zeit" into the word and its points; "·" stands for
// an explicit hyphen of the word, which Points does not report.
func want(t *testing.T, hyphenated string) (word string, points []int) {
	t.Helper()
	var b strings.Builder
	for _, r := range hyphenated {
		switch r {
		case '-':
			points = append(points, b.Len())
		case '·':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), points
}

type wordCase struct {
	hyphenated string // the expected breaks, as a dictionary prints them
	note       string
}

// The expected breaks were checked by hand, break by break, against the
// rules each language's dictionaries follow: for German the official
// rules of 2006 (§§ 107-112: compounds and prefixes at their seams, else
// by spoken syllables, one consonant to the next line, ch/ck/sch whole,
// st divided); for French the syllable rules of the Imprimerie nationale's
// Lexique (no break between vowels or before a final mute syllable);
// for Spanish the RAE's Ortografía (2010) § 4.1 (one consonant goes with
// the next vowel, ch/ll/rr and bl/br/pl/pr/tr stay whole, no diphthong is
// split); for Dutch the Woordenlijst's rules (compound seams, after a
// prefix, one consonant to the next line, no one-letter syllable at a
// line end); for American English Merriam-Webster's end-of-line divisions;
// for British English the Oxford convention of dividing at morpheme
// seams, which the en-gb patterns were generated from. Where a dictionary
// allows a break the patterns do not find, the note says so: patterns may
// miss breaks but every break they give must be right.
var languageCases = map[string][]wordCase{
	"de": {
		{hyphenated: "Ar-beits-zeit-ver-kür-zung"},
		{hyphenated: "Be-triebs-ver-ein-ba-rung"},
		{hyphenated: "Te-le-ar-beits-platz"},
		{hyphenated: "Ruf-be-reit-schaft"},
		{hyphenated: "Da-ten-schutz-er-klä-rung"},
		{hyphenated: "Kün-di-gungs-frist"},
		{hyphenated: "Leis-tungs-be-ur-tei-lung", note: "s-t divided since 1996"},
		{hyphenated: "Mit-ar-bei-te-rin-nen"},
		{hyphenated: "Zu-sam-men-ar-beit"},
		{hyphenated: "Er-reich-bar-keit"},
		{hyphenated: "Be-spre-chung", note: "ch stays whole"},
		{hyphenated: "Vor-ge-setz-te"},
		{hyphenated: "Stra-ße", note: "ß is one consonant, it goes to the next line"},
		{hyphenated: "Wirt-schaft-lich-keit"},
	},
	"fr": {
		{hyphenated: "té-lé-tra-vail"},
		{hyphenated: "or-ga-ni-sa-tion"},
		{hyphenated: "heb-do-ma-daire"},
		{hyphenated: "col-la-bo-ra-teur"},
		{hyphenated: "ex-pé-ri-men-ta-tion"},
		{hyphenated: "dis-po-ni-bi-lité", note: "li-té would leave two letters, fewer than the minimum of three"},
		{hyphenated: "pro-duc-ti-vité", note: "vi-té: as above"},
		{hyphenated: "res-pon-sable", note: "no break before the final mute syllable -ble"},
		{hyphenated: "se-maine"},
		{hyphenated: "em-ployeur"},
		{hyphenated: "l'or-ga-ni-sa-tion", note: "the elided article stays whole"},
		{hyphenated: "l’en-tre-prise", note: "typographic apostrophe"},
		{hyphenated: "au-jourd'hui", note: "no break at the apostrophe"},
	},
	"es": {
		{hyphenated: "te-le-tra-ba-jo"},
		{hyphenated: "con-ci-lia-ción", note: "the diphthong ia stays whole"},
		{hyphenated: "em-pre-sa"},
		{hyphenated: "pro-duc-ti-vi-dad"},
		{hyphenated: "tra-ba-ja-dor"},
		{hyphenated: "dis-po-ni-bi-li-dad"},
		{hyphenated: "se-ma-na"},
		{hyphenated: "res-pon-sa-ble", note: "bl stays whole"},
		{hyphenated: "ex-pe-rien-cia"},
		{hyphenated: "co-mu-ni-ca-ción"},
		{hyphenated: "de-sa-rro-llo", note: "rr and ll stay whole"},
		{hyphenated: "acuer-do", note: "a-cuer-do would leave one vowel at the line end"},
	},
	"nl": {
		{hyphenated: "thuis-werk-da-gen"},
		{hyphenated: "werk-ge-ver"},
		{hyphenated: "ar-beids-voor-waar-den"},
		{hyphenated: "werk-ne-mer"},
		{hyphenated: "ver-ga-de-ring"},
		{hyphenated: "be-reik-baar-heid"},
		{hyphenated: "sa-men-wer-king"},
		{hyphenated: "ver-ant-woor-de-lijk"},
		{hyphenated: "over-een-komst", note: "o-ver would leave one letter"},
		{hyphenated: "kan-toor"},
		{hyphenated: "ĳs-beer", note: "the ĳ ligature is matched as i+j"},
		{hyphenated: "IJs-sel-meer"},
	},
	"en-US": {
		{hyphenated: "pre-sen-ta-tion"},
		{hyphenated: "hy-phen-ation", note: "the TeXbook's own example"},
		{hyphenated: "com-mu-ni-ca-tion"},
		{hyphenated: "col-lab-o-ra-tion"},
		{hyphenated: "or-ga-ni-za-tion"},
		{hyphenated: "per-for-mance"},
		{hyphenated: "de-part-ment"},
		{hyphenated: "sched-ule"},
		{hyphenated: "re-mote"},
		{hyphenated: "some-thing"},
		{hyphenated: "flex-i-bil-ity", note: "i-ty is below the right minimum of three"},
		{hyphenated: "man-ager", note: "the dictionary has man-ag-er; ag-er would leave two letters, below the right minimum"},
		{hyphenated: "ta-ble", note: "from the exception list"},
		{hyphenated: "present", note: "exception list: noun pres-ent and verb pre-sent differ, so never"},
	},
	"en-GB": {
		{hyphenated: "present-a-tion", note: "Oxford divides at present|ation; US gives pre-sen-ta-tion"},
		{hyphenated: "per-form-ance", note: "US gives per-for-mance"},
		{hyphenated: "or-gan-isa-tion"},
		{hyphenated: "com-mu-nic-a-tion"},
		{hyphenated: "de-part-ment"},
		{hyphenated: "re-mote"},
		{hyphenated: "some-thing"},
		{hyphenated: "how-ever", note: "from the exception list"},
		{hyphenated: "ma-nu-script", note: "exception list; US gives man-u-script"},
		{hyphenated: "uni-ver-sity"},
	},
}

func TestPointsByLanguage(t *testing.T) {
	for tag, cases := range languageCases {
		h, ok := For(tag)
		if !ok {
			t.Fatalf("For(%q): no hyphenator", tag)
		}
		for _, c := range cases {
			word, pts := want(t, c.hyphenated)
			got := h.Points(word)
			if marked(word, got) != marked(word, pts) {
				t.Errorf("%s: %s gets %s, want %s %s", tag, word, marked(word, got), c.hyphenated, c.note)
			}
		}
	}
}

// The two English pattern sets really differ, and For picks the right one.
func TestEnglishVariantsDiffer(t *testing.T) {
	us, _ := For("en-US")
	gb, _ := For("en-GB")
	for _, w := range []string{"presentation", "performance", "manuscript"} {
		if u, g := marked(w, us.Points(w)), marked(w, gb.Points(w)); u == g {
			t.Errorf("%s: US and GB patterns both give %s", w, u)
		}
	}
}

func TestFor(t *testing.T) {
	for _, c := range []struct {
		tag  string
		lang string // "" when none
	}{
		{"de", "de-1996"}, {"de-DE", "de-1996"}, {"DE_at", "de-1996"}, {"de-CH", "de-1996"},
		{"de-Latn-DE", "de-1996"}, {"de-1901", ""}, {"de-DE-1901", ""},
		{"en", "en-us"}, {"en-US", "en-us"}, {"en-CA", "en-us"},
		{"en-GB", "en-gb"}, {"en-gb", "en-gb"}, {"en_AU", "en-gb"}, {"en-IE", "en-gb"}, {"en-Latn-GB", "en-gb"},
		{"fr", "fr"}, {"fr-CA", "fr"}, {"fr-BE", "fr"},
		{"es", "es"}, {"es-419", "es"}, {"es-MX", "es"},
		{"nl", "nl"}, {"nl-BE", "nl"},
		{"pt-BR", ""}, {"", ""}, {"english", ""}, {"it", ""},
	} {
		h, ok := For(c.tag)
		switch {
		case c.lang == "" && ok:
			t.Errorf("For(%q) = %s, want none", c.tag, h.Lang())
		case c.lang != "" && !ok:
			t.Errorf("For(%q): none, want %s", c.tag, c.lang)
		case ok && h.Lang() != c.lang:
			t.Errorf("For(%q) = %s, want %s", c.tag, h.Lang(), c.lang)
		}
	}
	a, _ := For("de-DE")
	b, _ := For("de-AT")
	if a != b {
		t.Error("two German tags give two hyphenators, so the patterns would load twice")
	}
}

func TestMins(t *testing.T) {
	for tag, w := range map[string][2]int{"en-US": {2, 3}, "en-GB": {2, 3}, "de": {2, 2}, "fr": {2, 3}, "es": {2, 2}, "nl": {2, 3}} {
		h, _ := For(tag)
		if l, r := h.Mins(); l != w[0] || r != w[1] {
			t.Errorf("%s: mins %d/%d, want %d/%d", tag, l, r, w[0], w[1])
		}
	}
}

// Words that must get no points at all, with the rule that keeps them.
func TestNoPoints(t *testing.T) {
	for _, c := range []struct{ tag, word, why string }{
		{"de", "https://example.com/telearbeitsplatz", "URL"},
		{"de", "www.arbeitszeitverkuerzung.de", "domain"},
		{"de", "personalabteilung@example.com", "e-mail address"},
		{"en-US", "mailto:presentation", "colon"},
		{"en-US", "presentation/organization", "slash"},
		{"de", "10:30", "time"},
		{"de", "2026", "number"},
		{"de", "1.250,00", "number"},
		{"de", "31.12.2026", "date"},
		{"de", "COVID-19", "digits"},
		{"de", "3D-Druck", "digits"},
		{"en-US", "NASA", "acronym"},
		{"de", "ARBEITSZEITVERKÜRZUNG", "all capitals"},
		{"de", "GmbH", "capital after a small letter"},
		{"en-US", "PowerPoint", "capital after a small letter"},
		{"en-US", "iPhone", "capital after a small letter"},
		{"en-US", "able", "4 letters < 2+3"},
		{"de", "Tag", "3 letters < 2+2"},
		{"fr", "l'eau", "both parts too short"},
		{"de", "", "empty"},
		{"de", "—", "punctuation only"},
		{"nl", "NASA-IBM", "two acronyms"},
	} {
		h, _ := For(c.tag)
		if got := h.Points(c.word); len(got) != 0 {
			t.Errorf("%s %q (%s): points %v (%s), want none", c.tag, c.word, c.why, got, marked(c.word, got))
		}
		if !h.Exempt(c.word) {
			t.Errorf("%s %q (%s): not exempt", c.tag, c.word, c.why)
		}
	}
}

func TestExemptKeepsOrdinaryWords(t *testing.T) {
	de, _ := For("de")
	for _, w := range []string{"Telearbeit", "telearbeit", "NASA-Studie", "„Rufbereitschaft“,", "Home-Office", "Arbeits\u00ADzeit"} {
		if de.Exempt(w) {
			t.Errorf("%q is exempt, want hyphenatable", w)
		}
	}
}

// Explicit hyphens, soft hyphens, apostrophes, punctuation, case and
// Unicode forms, each with offsets into the word as given.
func TestWordForms(t *testing.T) {
	for _, c := range []struct{ tag, hyphenated string }{
		// Parts around an explicit hyphen (·) break on their own.
		{"de", "Ar-beits-zeit·Re-ge-lung"},
		{"de", "NASA·Stu-die"},
		{"de", "Ar-beits·"},
		// U+2011 keeps its parts together but they still break inside.
		{"de", "Ar-beits-zeit\u2011Re-ge-lung"},
		// Punctuation around the word is skipped, offsets stay the word's.
		{"de", "„Ruf-be-reit-schaft“,"},
		{"es", "¿Te-le-tra-ba-jo?"},
		{"fr", "«heb-do-ma-daire»"},
		{"en-US", "(pre-sen-ta-tion),"},
		// Case does not matter.
		{"de", "TE-LE-AR-BEITS-platz"},
		{"de", "STRA-ẞe"},
		// Accents written as combining marks join their letters.
		{"fr", "te\u0301-le\u0301-tra-vail"},
		{"es", "con-ci-lia-cio\u0301n"},
		// "quelqu" could break only before "qu", below the minimum of three.
		{"fr", "quelqu’un"},
	} {
		h, _ := For(c.tag)
		word, pts := want(t, c.hyphenated)
		if got := h.Points(word); marked(word, got) != marked(word, pts) {
			t.Errorf("%s %q: %s, want %s", c.tag, word, marked(word, got), marked(word, pts))
		}
	}
}

func TestSoftHyphensDecide(t *testing.T) {
	de, _ := For("de")
	word := "Arbeits\u00ADzeit\u00ADverkürzung"
	got := de.Points(word)
	want := []int{strings.Index(word, "\u00AD"), strings.LastIndex(word, "\u00AD")}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("%q: %v, want only the soft hyphens at %v", word, got, want)
	}
	for _, p := range got {
		if r, _ := utf8.DecodeRuneInString(word[p:]); r != '\u00AD' {
			t.Errorf("point %d is not at a soft hyphen", p)
		}
	}
	if got := de.Points("\u00ADArbeit\u00AD"); len(got) != 0 {
		t.Errorf("soft hyphens at the edges give points %v", got)
	}
}

// Exceptions replace the patterns: without the en-us list, the patterns
// would break "project" and "present".
func TestExceptionsTakePrecedence(t *testing.T) {
	us, _ := For("en-US")
	p := us.load()
	saved := p.exceptions
	defer func() { p.exceptions = saved }()
	for _, w := range []string{"project", "present"} {
		if len(us.Points(w)) != 0 {
			t.Fatalf("%s: points with the exceptions, want none", w)
		}
	}
	p.exceptions = nil
	broke := 0
	for _, w := range []string{"project", "present"} {
		broke += len(us.Points(w))
	}
	if broke == 0 {
		t.Error("the patterns alone do not break project or present either, so the test shows nothing")
	}
}

// The left and right minimums are counted in letters, within each part.
func TestMinimums(t *testing.T) {
	us, _ := For("en-US")
	de, _ := For("de")
	for _, h := range []*Hyphenator{us, de} {
		left, right := h.Mins()
		for _, w := range []string{"Arbeitszeitverkürzung", "communication", "organization", "Telearbeitsplatz"} {
			n := utf8.RuneCountInString(w)
			for _, p := range h.Points(w) {
				if k := utf8.RuneCountInString(w[:p]); k < left || n-k < right {
					t.Errorf("%s %s: point after %d of %d letters breaks the minimums %d/%d", h.Lang(), w, k, n, left, right)
				}
			}
		}
	}
}

func TestAppendPointsReusesBuffer(t *testing.T) {
	de, _ := For("de")
	buf := make([]int, 0, 16)
	de.AppendPoints(buf, "Arbeitszeitverkürzung") // load the patterns
	allocs := testing.AllocsPerRun(100, func() {
		buf = de.AppendPoints(buf[:0], "Arbeitszeitverkürzung")
	})
	if allocs != 0 {
		t.Errorf("AppendPoints allocates %v times per word, want 0", allocs)
	}
	if len(buf) != 5 {
		t.Errorf("AppendPoints gave %v", buf)
	}
}

// A part longer than the stack buffers still hyphenates.
func TestLongWord(t *testing.T) {
	de, _ := For("de")
	one := "arbeitszeitverkürzung"
	word := strings.Repeat(one, 5)
	got := de.Points(word)
	if len(got) < 5*5 || marked(one, got[:5]) != "ar-beits-zeit-ver-kür-zung" {
		t.Errorf("%s: %d points, want the 5 of each copy and maybe more at the seams", marked(word, got), len(got))
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	// A fresh hyphenator, as if no other test had loaded Spanish yet.
	h := &Hyphenator{lang: es.lang}
	done := make(chan string, 8)
	for range 8 {
		go func() { done <- marked("teletrabajo", h.Points("teletrabajo")) }()
	}
	for range 8 {
		if got := <-done; got != "te-le-tra-ba-jo" {
			t.Errorf("concurrent first use gives %s", got)
		}
	}
}
