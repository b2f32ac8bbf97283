package mdtext

import "testing"

func TestUnescapeDecodesOnce(t *testing.T) {
	for in, want := range map[string]string{
		`AT&amp;T`:         "AT&T",
		`AT\&amp;T`:        "AT&amp;T",
		`&amp;#1;`:         "&#1;",
		`&#38;amp;`:        "&amp;",
		`100\% \*sure\*`:   "100% *sure*",
		`Q&A and a & b`:    "Q&A and a & b",
		`&notanentity; ok`: "&notanentity; ok",
	} {
		if got := Unescape([]byte(in)); got != want {
			t.Errorf("Unescape(%q) = %q, want %q", in, got, want)
		}
	}
}
