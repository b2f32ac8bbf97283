package fastre

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
	"unicode"
)

// exprs are shaped like the coach's word lists: alternations under (?i),
// words with optional endings, classes, a case-sensitive part, and some
// with no literal every match must hold.
var exprs = []string{
	`(?i)\b(customer data|payroll|salar(y|ies)|patients?|card ?holder|health.plan|recordings of (customers|users))\b`,
	`(?i)\b(not sure|i['’]ve heard|rumou?rs?|peut-etre|on m.a dit|no estoy segur[oa]|zou(den)? )\b`,
	`((?i:\d+(?:[.,]\d+)?\s?%|\$\s?\d[\d,]*|\b(studies|research)\s+(show|found)\b)|\bMIT\b)`,
	`(?i)(busy|peak|volume (almost )?(doubles|triples))\W+(?:\w+\W+){0,6}?(january|march)`,
	`(?i)\b(one|two|1|2)\s+(remote\s+)?days?\b`,
	`[0-9]`,
	`[£$€][0-9]|[0-9] ?(€|euros?\b)`,
	`(?i)[oa]x|[a-z]{3}q`,
	`(?i)^\s*(yes|fine|kitchen( table)?)\s*\.?\s*$`,
	`(?i)kelvin|strasse`,
	`(ab)+c|x{2,3}yz`,
	`(?i)(a|)bc`,
	`\b(a|ab|abc)\b|b`,
	`x(a|ab)(c|bc)`,
	`(ab|a)(bc|c)?|c`,
	`^\s*(i|i'm|me)\b|(?i:me)`,
	`(?i)(ab|a)(?-i:B|b)`,
}

var texts = []string{
	"", "payroll", "PAYROLL files", "Payrolls", "the card holder", "cardholder", "CardHolder",
	"health plan", "health-plan", "Health_Plan", "recordings of users", "I've heard", "I’ve heard",
	"rumours", "rumors", "Peut-etre", "on m'a dit", "no estoy segura", "zouden ", "zou ",
	"40%", "40 %", "$ 12,000", "research shows", "Research found", "MIT", "mit", "Mit", "admit",
	"busy until the end of January", "peak, then march", "volume almost doubles in March",
	"two days", "2 remote days", "Two  Days a week", "one day", "none", "7", "x", "Yes.", " kitchen table ",
	"\u212aelvin", "KELVIN", "ſtraſſe", "STRASSE", "ababc", "xxyz", "xyz", "bc", "abc",
	"£5", "5 €", "5euros", "€", "OX", "aX", "abcq", "ab q",
	"xabc", "xac", "abc b", "ab", "a", " ab c", "i'm me", "  me", "aB", "abB", "Abb",
	"Customer data and salaries", "SALARIES", "the patient", "I think not",
}

// TestAgreesWithRegexp holds every method to regexp's answer over texts
// that match, that nearly match and that do not.
func TestAgreesWithRegexp(t *testing.T) {
	for _, expr := range exprs {
		r, want := MustCompile(expr), regexp.MustCompile(expr)
		for _, s := range texts {
			if got, w := r.MatchString(s), want.MatchString(s); got != w {
				t.Errorf("%q MatchString(%q) = %v, regexp says %v", expr, s, got, w)
			}
			if got, w := r.FindStringIndex(s), want.FindStringIndex(s); !reflect.DeepEqual(got, w) {
				t.Errorf("%q FindStringIndex(%q) = %v, regexp says %v", expr, s, got, w)
			}
			if got, w := r.FindString(s), want.FindString(s); got != w {
				t.Errorf("%q FindString(%q) = %q, regexp says %q", expr, s, got, w)
			}
			if got, w := r.FindAllStringIndex(s, -1), want.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, w) {
				t.Errorf("%q FindAllStringIndex(%q) = %v, regexp says %v", expr, s, got, w)
			}
			if got, w := r.FindStringSubmatch(s), want.FindStringSubmatch(s); !reflect.DeepEqual(got, w) {
				t.Errorf("%q FindStringSubmatch(%q) = %q, regexp says %q", expr, s, got, w)
			}
			if got, w := r.ReplaceAllString(s, "<$0>"), want.ReplaceAllString(s, "<$0>"); got != w {
				t.Errorf("%q ReplaceAllString(%q) = %q, regexp says %q", expr, s, got, w)
			}
		}
	}
}

// TestRequired checks the literals found for expressions whose answer is
// known, and that none are found where a match may hold no literal.
func TestRequired(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // nil: every text must be tried
	}{
		{`payroll|salar(y|ies)`, []string{"payroll", "salar"}},
		{`(?i)card ?holder`, []string{"HOLDER"}},
		{`(?i)i['’]ve heard`, []string{"VE HEARD"}},
		{`\d+ days?`, []string{" day"}},
		{`(ab)+c`, []string{"ab"}},
		{`[0-9]`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{`[£$€][0-9]|[0-9] ?(€|euros?)`, []string{"$", "£", "€", "euro"}},
		{`(?i)[oa]x`, []string{"X"}},
		{`(?i)segur[oa]`, []string{"SEGUR"}},
		{`[a-z]`, nil},
		{`a|\w`, nil},
		{`(a|)bc`, []string{"bc"}},
		{`x*`, nil},
		{`^\s*$`, nil},
	} {
		r := MustCompile(tc.expr)
		r.prepare()
		got := slices.Clone(r.need)
		slices.Sort(got)
		slices.Sort(tc.want)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("required(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// TestCompilesOnlyWhenNeeded shows the saving: a text without the
// literals leaves the expression uncompiled.
func TestCompilesOnlyWhenNeeded(t *testing.T) {
	r := MustCompile(`(?i)payroll|salary`)
	if r.MatchString("I will answer within the hour") || r.re != nil {
		t.Fatal("a text without the words compiled the expression")
	}
	if !r.MatchString("the Payroll run") || r.re == nil {
		t.Fatal("a text with a word did not match")
	}
}

// TestBadExpressionPanicsWhenUsed keeps the program's own expressions
// honest: a typo is found by the first test that uses it.
func TestBadExpressionPanicsWhenUsed(t *testing.T) {
	r := MustCompile(`(unclosed`)
	defer func() {
		if recover() == nil {
			t.Fatal("a bad expression did not panic")
		}
	}()
	r.MatchString("x")
}

// FuzzAgree holds MatchString and FindAllStringIndex to regexp's answers
// for any text under each expression.
func FuzzAgree(f *testing.F) {
	for _, s := range texts {
		f.Add(s)
	}
	compiled := make([]*Regexp, len(exprs))
	plain := make([]*regexp.Regexp, len(exprs))
	for i, e := range exprs {
		compiled[i], plain[i] = MustCompile(e), regexp.MustCompile(e)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range exprs {
			if got, w := compiled[i].FindAllStringIndex(s, -1), plain[i].FindAllStringIndex(s, -1); !reflect.DeepEqual(got, w) {
				t.Fatalf("%q FindAllStringIndex(%q) = %v, regexp says %v", exprs[i], s, got, w)
			}
			if got, w := compiled[i].FindStringIndex(s), plain[i].FindStringIndex(s); !reflect.DeepEqual(got, w) {
				t.Fatalf("%q FindStringIndex(%q) = %v, regexp says %v", exprs[i], s, got, w)
			}
		}
	})
}

// TestFoldIsCaseFolding checks fold against the case folding regexp's
// (?i) uses, for every character of the Basic Multilingual Plane: each
// character folds as every member of its orbit does.
func TestFoldIsCaseFolding(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue // surrogates are not characters
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if foldCase(string(f)) != foldCase(string(r)) {
				t.Fatalf("foldCase(%U) = %q, foldCase(%U) = %q: they match regardless of case", r, foldCase(string(r)), f, foldCase(string(f)))
			}
		}
	}
}

func TestFindFoldedKeepsTheText(t *testing.T) {
	for _, c := range []struct{ re, text, want string }{
		{`ninos`, "Más tiempo con los niños.", "niños"},
		{`gross`, "Das Büro ist groß genug", "groß"},
		{`gros`, "Das Büro ist groß genug", "groß"}, // ends inside "ß": the whole letter
		{`soeur`, "ma sœur", "sœur"},
		{`j'ai`, "J’ai une offre", "J’ai"},
		{`zz`, "rien", ""},
	} {
		if got := MustCompile(`(?i)` + c.re).FindFolded(c.text); got != c.want {
			t.Errorf("FindFolded(%s, %q) = %q, want %q", c.re, c.text, got, c.want)
		}
	}
}
