package evidence

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/pdf"
)

// field is one prose field of a citation: its key in the translation
// files, the English text and its translation.
type field struct{ name, en, tr string }

func fieldsOf(c Citation, t prose) []field {
	return []field{
		{"short", c.Short, t.Short}, {"claim", c.Claim, t.Claim}, {"speak", c.Speak, t.Speak},
		{"finding", c.Finding, t.Finding}, {"holds_for", c.HoldsFor, t.HoldsFor}, {"answer", c.Answer, t.Answer},
	}
}

// eachTranslated calls f for every field that has both its English text
// and a translation, in every language.
func eachTranslated(t *testing.T, f func(lang, id string, fl field)) {
	t.Helper()
	all, err := translations()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages() {
		for _, c := range library {
			tr, ok := all[lang][c.ID]
			if !ok {
				continue // TestTranslationsComplete reports it
			}
			for _, fl := range fieldsOf(c, tr) {
				if fl.en != "" && fl.tr != "" {
					f(lang, c.ID, fl)
				}
			}
		}
	}
}

func TestLanguages(t *testing.T) {
	if got, want := Languages(), []string{"de", "es", "fr", "nl"}; !slices.Equal(got, want) {
		t.Errorf("Languages() = %q, want %q", got, want)
	}
}

// TestTranslationsComplete checks that every citation has every prose
// field that is not empty in English translated in every language, none
// that is empty in English, and no id the library does not have: a field
// without a translation would print English in a German document.
func TestTranslationsComplete(t *testing.T) {
	all, err := translations()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages() {
		for _, c := range library {
			tr, ok := all[lang][c.ID]
			if !ok {
				t.Errorf("%s: %s has no translation", lang, c.ID)
				continue
			}
			for _, fl := range fieldsOf(c, tr) {
				switch {
				case fl.en != "" && fl.tr == "":
					t.Errorf("%s: %s.%s is not translated", lang, c.ID, fl.name)
				case fl.en == "" && fl.tr != "":
					t.Errorf("%s: %s.%s is translated, but the English has none", lang, c.ID, fl.name)
				}
			}
		}
		for id := range all[lang] {
			if _, ok := byID[id]; !ok {
				t.Errorf("%s: %s is not a citation in the library", lang, id)
			}
		}
	}
}

func TestTranslationFilesAreStrict(t *testing.T) {
	for name, data := range map[string]string{
		"unknown key":  "bloom-2015-qje:\n  clam: Eine Behauptung.\n",
		"duplicate id": "bloom-2015-qje:\n  claim: Eins.\nbloom-2015-qje:\n  claim: Zwei.\n",
		"not a map":    "- bloom-2015-qje\n",
	} {
		fsys := fstest.MapFS{"translations/de.yaml": {Data: []byte(data)}}
		if _, err := parseTranslations(fsys); err == nil {
			t.Errorf("%s: parsed without an error", name)
		}
	}
}

// The numbers of a text, by language: an optional sign, then a number
// grouped in thousands, a decimal or a whole number, each written the
// language's way (CLDR): en 1,612 and 2.6; de, es, nl 1.612 and 2,6; fr
// 1 612 (U+202F) and 2,6. A number written another language's way
// (2.6 in German) falls apart into other numbers and fails the comparison.
var numberIn = map[string]*regexp.Regexp{
	"en": regexp.MustCompile(`[−+]?(?:\d{1,3}(?:,\d{3})+|\d+\.\d+|\d+)`),
	"de": regexp.MustCompile(`[−+]?(?:\d{1,3}(?:\.\d{3})+|\d+,\d+|\d+)`),
	"es": regexp.MustCompile(`[−+]?(?:\d{1,3}(?:\.\d{3})+|\d+,\d+|\d+)`),
	"nl": regexp.MustCompile(`[−+]?(?:\d{1,3}(?:\.\d{3})+|\d+,\d+|\d+)`),
	"fr": regexp.MustCompile(`[−+]?(?:\d{1,3}(?:\x{202F}\d{3})+|\d+,\d+|\d+)`),
}

// shortYears is a range of years with the second shortened, "2021–22":
// written in full in the other languages, "2021–2022".
var shortYears = regexp.MustCompile(`\b(\d\d)(\d\d)([–/-])(\d\d)\b`)

// numbers returns the numbers of s, written in language lang, in a form
// that does not depend on the language: a minus sign (U+2212; a plus sign
// says no more than "up"), the digits, a full stop before the decimals,
// and # after a number written with a thousands separator. Years are
// written in full. They are sorted: a sentence in another language may
// give them in another order.
func numbers(lang, s string) []string {
	s = shortYears.ReplaceAllString(s, "$1$2$3$1$4")
	group, decimal := ".", ","
	switch lang {
	case "en":
		group, decimal = ",", "."
	case "fr":
		group = "\u202F"
	}
	var out []string
	for _, n := range numberIn[lang].FindAllString(s, -1) {
		grouped := strings.Contains(n, group)
		n = strings.ReplaceAll(n, group, "")
		n = strings.Replace(n, decimal, ".", 1)
		n = strings.TrimPrefix(n, "+")
		if grouped {
			n += "#"
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// expected returns the English numbers as lang writes them: Spanish groups
// thousands only from five digits (1612, 16.000).
func expected(lang string, en []string) []string {
	out := slices.Clone(en)
	for i, n := range out {
		digits := strings.TrimPrefix(strings.TrimSuffix(n, "#"), "−")
		if lang == "es" && strings.HasSuffix(n, "#") && len(digits) == 4 {
			out[i] = strings.TrimSuffix(n, "#")
		}
	}
	slices.Sort(out)
	return out
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct{ lang, s, want string }{
		{"en", "1,612 staff, −2.6% to +1.0%, 2021–22, Q2 2023, 8–19%", "1.0 1612# 19 2 2021 2022 2023 8 −2.6"},
		{"de", "1.612 Beschäftigte, −2,6 % auf +1,0 %, 2021–2022, 2. Quartal 2023", "1.0 1612# 2 2021 2022 2023 −2.6"},
		{"de", "−2.6 %", "6 −2"},
		{"de", "-2,6 %", "2.6"},
		{"fr", "1\u202F612 salariés, 150\u202F000, −2,6\u202F%", "150000# 1612# −2.6"},
		{"fr", "1 612", "1 612"},
		{"es", "1612 empleados, 16.000, 2.º trimestre", "1612 16000# 2"},
		{"nl", "1.612 medewerkers, −2,6%", "1612# −2.6"},
	} {
		want := strings.Fields(c.want)
		slices.Sort(want)
		if got := numbers(c.lang, c.s); !slices.Equal(got, want) {
			t.Errorf("numbers(%s, %q) = %q, want %q", c.lang, c.s, got, c.want)
		}
	}
	if got := expected("es", []string{"1612#", "16000#"}); !slices.Equal(got, []string{"16000#", "1612"}) {
		t.Errorf("expected(es) = %q", got)
	}
}

// TestTranslationsKeepTheNumbers checks that each translated field states
// exactly the numbers of its English field, signs included, each written
// the language's way, and as many percentages: a translation can neither
// change a finding's size nor add one.
func TestTranslationsKeepTheNumbers(t *testing.T) {
	eachTranslated(t, func(lang, id string, fl field) {
		want, got := expected(lang, numbers("en", fl.en)), numbers(lang, fl.tr)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %s.%s has the numbers %q, the English %q:\n%s", lang, id, fl.name, got, want, fl.tr)
		}
		if e, n := strings.Count(fl.en, "%"), strings.Count(fl.tr, "%"); e != n {
			t.Errorf("%s: %s.%s has %d percentages, the English %d", lang, id, fl.name, n, e)
		}
	})
}

// TestTranslationsAreTranslated checks that no translation still holds
// its English text, whole or as a run of four English words (numbers
// left out: "4.4% (SMJ 2021)" is the same in every language).
func TestTranslationsAreTranslated(t *testing.T) {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
	}
	runs := func(s string) map[string]bool {
		w, m := words(s), map[string]bool{}
		for i := 0; i+4 <= len(w); i++ {
			m[strings.Join(w[i:i+4], " ")] = true
		}
		return m
	}
	eachTranslated(t, func(lang, id string, fl field) {
		if strings.Contains(fl.tr, fl.en) {
			t.Errorf("%s: %s.%s is the English text: %s", lang, id, fl.name, fl.tr)
			return
		}
		english := runs(fl.en)
		for run := range runs(fl.tr) {
			if english[run] {
				t.Errorf("%s: %s.%s still has the English %q", lang, id, fl.name, run)
			}
		}
	})
}

// drawable is the brief's set of characters a document may hold: Latin-1
// (no control characters), General Punctuation, and the quotation marks,
// dashes and minus sign the languages use; and the PDF fonts must have
// each (pdf.Covers, the check the renderer itself makes).
func drawable(r rune) bool {
	inSet := (r >= 0x20 && r < 0x7F) || (r >= 0xA0 && r <= 0xFF) || (r >= 0x2000 && r <= 0x206F) ||
		strings.ContainsRune("„“‚‘’«»–—−…", r)
	return inSet && pdf.Covers(r)
}

func TestTranslationsCanBeDrawn(t *testing.T) {
	eachTranslated(t, func(lang, id string, fl field) {
		for _, r := range fl.tr {
			if !drawable(r) {
				t.Errorf("%s: %s.%s has %q (U+%04X), which the documents cannot draw", lang, id, fl.name, r, r)
			}
		}
	})
}

// foreignQuotes are the quotation marks that are another language's.
var foreignQuotes = map[string]string{
	"de": "«»”",
	"fr": "„“”‚‘",
	"es": "„‚",
	"nl": "„«»‚",
}

// informal are the words of the informal second person, which the prep
// sheet does not use (Dutch: the formal one, for it says "je").
var informal = map[string][]string{
	"de": {"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines"},
	"fr": {"tu", "toi", "ta", "tes", "te"},
	"es": {"tú", "tu", "tus", "ti", "te", "contigo"},
	"nl": {"u", "uw"},
}

// TestTranslationTypography checks each language's conventions: the space
// before %, French spaces before high punctuation and inside « », curly
// quotation marks and apostrophes, and the register.
func TestTranslationTypography(t *testing.T) {
	percent := map[string]*regexp.Regexp{
		"de": regexp.MustCompile(`\d\x{00A0}%`),
		"es": regexp.MustCompile(`\d\x{00A0}%`),
		"fr": regexp.MustCompile(`\d\x{202F}%`),
		"nl": regexp.MustCompile(`\d%`),
	}
	eachTranslated(t, func(lang, id string, fl field) {
		where := lang + ": " + id + "." + fl.name
		if strings.TrimSpace(fl.tr) != fl.tr || strings.Contains(fl.tr, "  ") || strings.ContainsAny(fl.tr, "\n\t") {
			t.Errorf("%s: stray white space: %q", where, fl.tr)
		}
		if strings.ContainsAny(fl.tr, `"'`) || strings.Contains(fl.tr, "...") {
			t.Errorf("%s: straight quotation mark, apostrophe or three full stops: %s", where, fl.tr)
		}
		if strings.ContainsAny(fl.tr, foreignQuotes[lang]) {
			t.Errorf("%s: another language's quotation marks: %s", where, fl.tr)
		}
		if n := strings.Count(fl.tr, "%"); len(percent[lang].FindAllString(fl.tr, -1)) != n {
			t.Errorf("%s: %% not written the language's way (%q): %q", where, percent[lang], fl.tr)
		}
		if lang != "fr" && strings.ContainsRune(fl.tr, '\u202F') {
			t.Errorf("%s: narrow no-break space outside French: %q", where, fl.tr)
		}
		if lang == "nl" && strings.ContainsRune(fl.tr, '\u00A0') {
			t.Errorf("%s: no-break space in Dutch: %q", where, fl.tr)
		}
		if lang == "fr" {
			prev := ' '
			for i, r := range fl.tr {
				before := prev == '\u202F' || prev == '\u00A0'
				switch {
				case strings.ContainsRune(":;!?»", r) && !before:
					t.Errorf("%s: no no-break space before %q at byte %d: %q", where, r, i, fl.tr)
				case prev == '«' && r != '\u202F':
					t.Errorf("%s: no narrow no-break space after « at byte %d: %q", where, i, fl.tr)
				}
				prev = r
			}
		}
		for _, w := range strings.FieldsFunc(fl.tr, func(r rune) bool { return !unicode.IsLetter(r) }) {
			// In any case but capitals: Spanish TI is information technology.
			if w != strings.ToUpper(w) && slices.Contains(informal[lang], strings.ToLower(w)) {
				t.Errorf("%s: %q is not the register of the prep sheet: %s", where, w, fl.tr)
			}
		}
	})
}

// TestShortLinesFit checks that each menu line fits where the English one
// does (see TestClaimsStayWithinFindings).
func TestShortLinesFit(t *testing.T) {
	eachTranslated(t, func(lang, id string, fl field) {
		if fl.name == "short" && utf8.RuneCountInString(fl.tr) > 90 {
			t.Errorf("%s: %s.short has %d characters, more than 90: %s", lang, id, utf8.RuneCountInString(fl.tr), fl.tr)
		}
	})
}

func TestIn(t *testing.T) {
	all, err := translations()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages() {
		for _, c := range library {
			got := In(lang, c)
			tr := all[lang][c.ID]
			want := c
			want.Short, want.Claim, want.Speak, want.Finding, want.HoldsFor, want.Answer =
				tr.Short, tr.Claim, tr.Speak, tr.Finding, tr.HoldsFor, tr.Answer
			if got != want {
				t.Errorf("In(%q, %s) = %+v, want %+v", lang, c.ID, got, want)
			}
			for _, tag := range []string{strings.ToUpper(lang), lang + "-BE", lang + "_CH"} {
				if In(tag, c) != got {
					t.Errorf("In(%q, %s) differs from In(%q)", tag, c.ID, lang)
				}
			}
		}
	}
	for _, c := range library {
		for _, tag := range []string{"en", "en-US", "en-GB", "", "pt", "x-unknown"} {
			if got := In(tag, c); got != c {
				t.Errorf("In(%q, %s) changed the citation: %+v", tag, c.ID, got)
			}
		}
	}
	own := Citation{ID: "own-study", Claim: "Our team's own figures.", Finding: "Our figures."}
	if got := In("de", own); got != own {
		t.Errorf("In(de) changed a citation that is not in the library: %+v", got)
	}
	c, _ := Lookup("bloom-2024-nature")
	if got := In("de", c); got.Reference != c.Reference || got.URL != c.URL || got.Claim == c.Claim {
		t.Errorf("In(de, %s): reference and link must stay as published, the claim must be German: %+v", c.ID, got)
	}
}
