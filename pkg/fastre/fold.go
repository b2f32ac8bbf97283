package fastre

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns s as the word lists read it: accents taken off letters (é
// to e, ñ to n, ü to u), ß, æ, œ and ĳ written out, and curly apostrophes
// made straight, so that "niños" and "ninos", "für" and "fur" read alike,
// and \b, which knows only ASCII letters, sees "mí" as a word. at[i] is
// the byte offset in s of the letter that gave byte i of the result, and
// at[len(result)] is len(s).
func fold(s string) (string, []int) {
	var b strings.Builder
	at := make([]int, 0, len(s)+1)
	put := func(from int, t string) {
		b.WriteString(t)
		for range len(t) {
			at = append(at, from)
		}
	}
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
			at = append(at, i)
		case folded[r] != "":
			put(i, folded[r])
		default:
			var t []rune
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					t = append(t, d)
				}
			}
			put(i, string(t))
		}
	}
	return b.String(), append(at, len(s))
}

// folded are the letters that lose more than an accent.
var folded = map[rune]string{'ß': "ss", 'ẞ': "SS", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE",
	'ĳ': "ij", 'Ĳ': "IJ", '’': "'", '‘': "'", 'ʼ': "'"}

// Fold returns s with its accents taken off, as the word lists read it.
func Fold(s string) string {
	f, _ := fold(s)
	return f
}

// FindFolded finds the expression in s with its accents taken off (Fold),
// and returns the text it matched as s has it, accents and all; "" when
// the expression is not there.
func (r *Regexp) FindFolded(s string) string {
	f, at := fold(s)
	m := r.FindStringIndex(f)
	if m == nil {
		return ""
	}
	start, end := at[m[0]], at[m[1]]
	if m[1] > 0 && m[1] < len(f) && at[m[1]] == at[m[1]-1] {
		// The match ends inside a letter written out ("ss" of "ß"): keep
		// the whole letter.
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return s[start:end]
}
