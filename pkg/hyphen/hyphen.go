// Package hyphen finds where words may be hyphenated, by Frank Liang's
// algorithm as TeX uses it, over TeX's hyphenation patterns for American and
// British English, German (1996 spelling), French and Spanish, and
// OpenTaal's patterns for Dutch. The patterns are embedded in a compact form
// (see README.md) and parsed the first time a language is used, once per
// process.
//
// The package knows words, not text: the caller splits text into words and
// leaves out the words that must not break although nothing in the word
// says so, such as personal names and postal addresses. Exempt covers the
// rest: numbers, times, URLs, e-mail addresses, acronyms and short words.
//
// How a word is read:
//   - Letters are lower-cased with Unicode's rules before matching, so
//     "Arbeitszeit" and "ARBEITSZEIT" match the same patterns; ẞ becomes ß,
//     the Dutch ĳ is matched as "ij" (no break falls inside it), and a
//     combining accent joins the letter before it.
//   - Opening brackets and quotation marks before the word, and closing
//     ones and sentence punctuation (. , ; : ! ? …) after it, are skipped;
//     offsets still count from the start of the word as given.
//   - An apostrophe (' ’ ʼ) or a hyphen (- ‐ ‑) divides a word into parts,
//     and each part is hyphenated as a word of its own, with the language's
//     minimums counted within the part. "l'organisation" thus breaks only in
//     "organisation", and "Home-Office-Regelung" within each of its three
//     parts. Points never reports the explicit hyphens themselves: the line
//     breaker may break after "-" (not after the non-breaking U+2011)
//     without adding a character.
//   - A word with a soft hyphen (U+00AD) is hyphenated only where the soft
//     hyphens are: the writer has chosen. The caller draws a hyphen at the
//     chosen one and leaves the soft hyphens out of the drawn text.
//   - A part in capitals ("NASA") or with a capital after a small letter
//     ("PowerPoint", "iPhone") is a name or an acronym and gets no points.
package hyphen

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

//go:generate go run ./internal/gen -tex /usr/share/texlive/texmf-dist/tex/generic/hyph-utf8 -opentaal /usr/share/hyphen/hyph_nl_NL.dic -opentaal-copyright /usr/share/doc/hyphen-nl/copyright -out data

//go:embed data/*.pat
var dataFS embed.FS

// language is one set of patterns and the minimums it is used with.
type language struct {
	tag  string // the patterns' tag: "de-1996"
	file string // under data/
	// left and right are TeX's \lefthyphenmin and \righthyphenmin: the
	// fewest letters before the first and after the last hyphen. They are
	// the values babel sets for the language (english.ldf, ngermanb.ldf,
	// french.ldf, spanish.ldf, dutch.ldf), which is what a LaTeX document
	// gets; README.md lists where they differ from the patterns' headers.
	left, right int
}

var (
	enUS = &Hyphenator{lang: language{tag: "en-us", file: "en-us.pat", left: 2, right: 3}}
	enGB = &Hyphenator{lang: language{tag: "en-gb", file: "en-gb.pat", left: 2, right: 3}}
	de   = &Hyphenator{lang: language{tag: "de-1996", file: "de.pat", left: 2, right: 2}}
	fr   = &Hyphenator{lang: language{tag: "fr", file: "fr.pat", left: 2, right: 3}}
	es   = &Hyphenator{lang: language{tag: "es", file: "es.pat", left: 2, right: 2}}
	nl   = &Hyphenator{lang: language{tag: "nl", file: "nl.pat", left: 2, right: 3}}

	all = []*Hyphenator{enUS, enGB, de, fr, es, nl}
)

// britishRegions are the English regions whose spelling, and so whose
// hyphenation, follows British usage.
var britishRegions = map[string]bool{
	"gb": true, "uk": true, "ie": true, "au": true, "nz": true, "za": true, "in": true,
}

// Hyphenator finds the hyphenation points of one language's words. It is
// safe for concurrent use; its patterns are loaded on first use.
type Hyphenator struct {
	lang language
	once sync.Once
	pats *patterns
	err  error
}

// For returns the hyphenator of a BCP 47 language tag ("de", "de-DE",
// "en-GB", "fr-CA", "es-419", "nl-BE"; case and "_" for "-" do not
// matter), and false when the package has no patterns for it. English is
// British for the regions GB, UK, IE, AU, NZ, ZA and IN and American
// otherwise; German is the 1996 spelling everywhere, and "de-1901" (the
// traditional spelling) has no patterns here.
func For(tag string) (*Hyphenator, bool) {
	sub := strings.Split(strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-")), "-")
	switch sub[0] {
	case "en":
		for _, s := range sub[1:] {
			if britishRegions[s] {
				return enGB, true
			}
		}
		return enUS, true
	case "de":
		for _, s := range sub[1:] {
			if s == "1901" {
				return nil, false
			}
		}
		return de, true
	case "fr":
		return fr, true
	case "es":
		return es, true
	case "nl":
		return nl, true
	}
	return nil, false
}

// Lang returns the tag of the patterns the hyphenator uses, such as
// "en-gb" or "de-1996".
func (h *Hyphenator) Lang() string { return h.lang.tag }

// Mins returns the fewest letters a part of a word keeps before its first
// and after its last hyphen.
func (h *Hyphenator) Mins() (left, right int) { return h.lang.left, h.lang.right }

// load parses the embedded patterns once; they are embedded and tested, so
// an error here is a broken build.
func (h *Hyphenator) load() *patterns {
	h.once.Do(func() {
		data, err := dataFS.ReadFile("data/" + h.lang.file)
		if err == nil {
			h.pats, err = loadPatterns(data)
		}
		h.err = err
	})
	if h.err != nil {
		panic(fmt.Sprintf("hyphen: embedded %s patterns: %v", h.lang.tag, h.err))
	}
	return h.pats
}

// Points returns the byte offsets in word before which a hyphen may go,
// ascending: word[:p] + "-" ends a line and word[p:] starts the next. It
// returns nil for a word Exempt reports. Exceptions from the patterns'
// source take precedence over the patterns.
func (h *Hyphenator) Points(word string) []int {
	return h.AppendPoints(nil, word)
}

// AppendPoints appends the points of word to dst and returns the result; a
// line breaker that reuses dst hyphenates without allocating.
func (h *Hyphenator) AppendPoints(dst []int, word string) []int {
	start, end, ok := h.scan(word)
	if !ok {
		return dst
	}
	core := word[start:end]
	if strings.ContainsRune(core, softHyphen) {
		for i, r := range core {
			if r == softHyphen && i > 0 && i+utf8.RuneLen(r) < len(core) {
				dst = append(dst, start+i)
			}
		}
		return dst
	}
	p := h.load()
	for part := range parts(core) {
		if exemptPart(part.text) {
			continue
		}
		dst = h.appendPartPoints(dst, p, part.text, start+part.offset)
	}
	return dst
}

// Exempt reports whether word must never be hyphenated whatever the
// language's patterns say: it contains a digit or any character other than
// letters, accents, apostrophes, hyphens and soft hyphens (numbers, times,
// dates, URLs, e-mail addresses, paths: '@', '/', ':', '.' inside the
// word), or none of its parts can break (each is in capitals like "NASA",
// has a capital after a small letter like "iPhone", or has fewer letters
// than the two minimums together). Leading and trailing punctuation is
// skipped first, as in Points. Names and addresses cannot be told from the
// word alone: the caller leaves them out.
func (h *Hyphenator) Exempt(word string) bool {
	_, _, ok := h.scan(word)
	return !ok
}

const softHyphen = '\u00AD'

// scan trims the punctuation around word and reports whether what is left
// can be hyphenated at all.
func (h *Hyphenator) scan(word string) (start, end int, ok bool) {
	start, end = trimPunct(word)
	core := word[start:end]
	if core == "" {
		return start, end, false
	}
	for _, r := range core {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !isApostrophe(r) && !isHyphen(r) && r != softHyphen {
			return start, end, false
		}
	}
	for part := range parts(strings.ReplaceAll(core, string(softHyphen), "")) {
		if !exemptPart(part.text) && letterCount(part.text) >= h.lang.left+h.lang.right {
			return start, end, true
		}
	}
	return start, end, false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isHyphen reports the hyphens that divide a word into parts: the
// hyphen-minus, U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN.
func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// trimPunct returns the bounds of word without the opening punctuation
// before it and the closing punctuation after it.
func trimPunct(word string) (start, end int) {
	end = len(word)
	for start < end {
		r, size := utf8.DecodeRuneInString(word[start:])
		if !(unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pf) || strings.ContainsRune("\"'¿¡«»", r)) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(word[start:end])
		if !(unicode.In(r, unicode.Pe, unicode.Pi, unicode.Pf) || strings.ContainsRune("\"'.,;:!?…«»", r)) {
			break
		}
		end -= size
	}
	return start, end
}

type part struct {
	text   string
	offset int
}

// parts yields the pieces of word between apostrophes and hyphens.
func parts(word string) func(yield func(part) bool) {
	return func(yield func(part) bool) {
		from := 0
		for i, r := range word {
			if isApostrophe(r) || isHyphen(r) {
				if !yield(part{word[from:i], from}) {
					return
				}
				from = i + utf8.RuneLen(r)
			}
		}
		yield(part{word[from:], from})
	}
}

// exemptPart reports a part in capitals ("NASA") or with a capital after a
// small letter ("PowerPoint", "iPhone"): an acronym or a name.
func exemptPart(s string) bool {
	letters, upper := 0, 0
	prevLower := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		isUpper := unicode.IsUpper(r) || unicode.IsTitle(r)
		if isUpper {
			upper++
			if prevLower {
				return true
			}
		}
		prevLower = unicode.IsLower(r)
	}
	return letters >= 2 && upper == letters
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if r == 'ĳ' || r == 'Ĳ' {
				n++
			}
		}
	}
	return n
}

// maxLetters bounds the part length hyphenated without allocating; longer
// parts are hyphenated too, with buffers on the heap.
const maxLetters = 64

// appendPartPoints hyphenates one part, a run of letters and accents that
// starts at byte offset base of the word.
func (h *Hyphenator) appendPartPoints(dst []int, p *patterns, s string, base int) []int {
	var symBuf [maxLetters + 2]uint8
	var offBuf [maxLetters + 1]int
	var lowBuf [4 * maxLetters]byte
	syms := append(symBuf[:0], p.dot)
	offs := offBuf[:0] // offs[k] is where the k-th letter starts in s
	lower := lowBuf[:0]
	var lastLower rune = -1
	for i, r := range s {
		if unicode.IsMark(r) {
			// Join the accent to the letter before it: "e" + U+0301 is "é".
			if lastLower < 0 {
				continue
			}
			composed := []rune(norm.NFC.String(string(lastLower) + string(r)))
			if len(composed) != 1 {
				continue
			}
			lower = lower[:len(lower)-utf8.RuneLen(lastLower)]
			lastLower = composed[0]
			lower = utf8.AppendRune(lower, lastLower)
			syms[len(syms)-1] = p.symbol(lastLower)
			continue
		}
		l := unicode.ToLower(r)
		if l == 'ĳ' {
			syms = append(syms, p.symbol('i'), p.symbol('j'))
			offs = append(offs, i, i)
			lower = append(lower, "ij"...)
			lastLower = -1
			continue
		}
		syms = append(syms, p.symbol(l))
		offs = append(offs, i)
		lower = utf8.AppendRune(lower, l)
		lastLower = l
	}
	syms = append(syms, p.dot)
	letters := len(offs)
	if letters < h.lang.left+h.lang.right {
		return dst
	}
	ok := func(k int) bool {
		// A break before the k-th letter, counted from 0.
		return k >= h.lang.left && letters-k >= h.lang.right && offs[k] != offs[k-1]
	}
	if breaks, found := p.exceptions[string(lower)]; found {
		for _, k := range breaks {
			if int(k) < letters && ok(int(k)) {
				dst = append(dst, base+offs[k])
			}
		}
		return dst
	}
	var gapBuf [maxLetters + 3]uint8
	var gaps []uint8
	if n := len(syms) + 1; n <= len(gapBuf) {
		gaps = gapBuf[:n]
	} else {
		gaps = make([]uint8, n)
	}
	p.gaps(syms, gaps)
	for k := 1; k < letters; k++ {
		// The k-th letter is syms[k+1]; its gap is gaps[k+1].
		if gaps[k+1]%2 == 1 && ok(k) {
			dst = append(dst, base+offs[k])
		}
	}
	return dst
}
