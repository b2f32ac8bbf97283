package proposal

import (
	"fmt"
	"regexp"
	"testing"
	"unicode/utf8"
)

// TestSchemaTextPatternMatchesTheRules checks, character by character,
// that the schema's text pattern refuses exactly what validation refuses.
func TestSchemaTextPatternMatchesTheRules(t *testing.T) {
	optional := regexp.MustCompile(textPattern(false)[0].v.(string))
	required := regexp.MustCompile(textPattern(true)[0].v.(string))
	for r := rune(0); r <= 0x2ffff; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		text := "a" + string(r) + "b"
		if got, want := optional.MatchString(text), refusedRune(r) == nil; got != want {
			t.Errorf("U+%04X: the schema accepts it %v, validation %v", r, got, want)
		}
		if got, want := required.MatchString(text), refusedRune(r) == nil; got != want {
			t.Errorf("U+%04X in a required text: the schema accepts it %v, validation %v", r, got, want)
		}
	}
	for _, blank := range []string{"", " ", "\t", "\n \n"} {
		if required.MatchString(blank) {
			t.Errorf("the schema accepts %q as a required text", blank)
		}
	}
}

// TestSchemaDatePatternKeepsTheYearRange checks the date pattern against
// MinYear and MaxYear.
func TestSchemaDatePatternKeepsTheYearRange(t *testing.T) {
	re := regexp.MustCompile(datePattern)
	for year, want := range map[int]bool{MinYear - 1: false, MinYear: true, 2027: true, MaxYear: true, MaxYear + 1: false, 9999: false} {
		if got := re.MatchString(fmt.Sprintf("%04d-06-15", year)); got != want {
			t.Errorf("year %d: the schema accepts it %v, want %v", year, got, want)
		}
	}
	for _, bad := range []string{"2027-13-01", "2027-00-10", "2027-01-32", "2027-1-5"} {
		if re.MatchString(bad) {
			t.Errorf("the schema accepts %s", bad)
		}
	}
}
