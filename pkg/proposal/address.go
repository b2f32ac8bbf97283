package proposal

import (
	"regexp"
	"strings"
	"unicode"
)

// thirdToSecond turns a verb after a person's name into the form it takes
// after "you": "Karen prefers" is "You prefer".
var thirdToSecond = map[string]string{
	"prefers": "prefer", "wants": "want", "thinks": "think", "feels": "feel", "believes": "believe",
	"expects": "expect", "likes": "like", "needs": "need", "worries": "worry", "says": "say", "asks": "ask",
	"is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't", "doesn’t": "don’t",
	"isn't": "aren't", "isn’t": "aren’t", "wasn't": "weren't", "wasn’t": "weren’t", "hasn't": "haven't", "hasn’t": "haven’t",
	"said": "said", "felt": "felt", "thought": "thought", "wanted": "wanted", "preferred": "preferred",
	"asked": "asked", "worried": "worried", "didn't": "didn't", "didn’t": "didn’t", "would": "would",
	"will": "will", "can't": "can't", "can’t": "can’t", "won't": "won't", "won’t": "won’t", "sees": "see",
	"finds": "find", "insists": "insist", "mentioned": "mentioned", "raised": "raised", "values": "value",
}

// AddressedTo rewrites text that opens by naming the person a document is
// addressed to in the third person ("Karen prefers having everyone in
// person", "My manager's concern is…") as it is said to them ("You prefer
// having everyone in person", "Your concern is…"). It reports whether the
// text names them where it cannot be rewritten, so the user can be told;
// text that does not name them is returned as it is.
func AddressedTo(text, name string) (out string, names bool) {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	if first == "" {
		return text, false
	}
	for _, who := range []string{strings.TrimSpace(name), first, "my manager", "my boss", "the manager"} {
		rest, ok := cutPrefixFold(strings.TrimSpace(text), who)
		if !ok {
			continue
		}
		for _, s := range []string{"'s ", "’s "} {
			if r, ok := strings.CutPrefix(rest, s); ok {
				return "Your " + r, true
			}
		}
		r, ok := strings.CutPrefix(rest, " ")
		if !ok {
			continue
		}
		verb, tail, _ := strings.Cut(r, " ")
		if v, ok := thirdToSecond[strings.ToLower(verb)]; ok {
			out := "You " + v
			if tail != "" {
				out += " " + tail
			}
			return out, true
		}
		return text, true
	}
	return text, containsWord(text, first)
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// containsWord reports whether word stands in text as a word of its own.
func containsWord(text, word string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(word)
		before := at == 0 || !isLetter(text[:at], true)
		after := end == len(text) || !isLetter(text[end:], false)
		if before && after {
			return true
		}
		i = end
	}
}

func isLetter(s string, last bool) bool {
	var r rune
	if last {
		for _, c := range s {
			r = c
		}
	} else {
		for _, c := range s {
			r = c
			break
		}
	}
	return unicode.IsLetter(r)
}

// SecondPerson rewrites the places text names the person a document is
// addressed to where they can be said to them instead: "1:1 with Tanya" is
// "1:1 with you", "if Owen wants me there" is "if you want me there",
// "Tanya's team" is "your team". It reports whether a mention is left that
// it could not rewrite.
func SecondPerson(text, name string) (string, bool) {
	name = strings.TrimSpace(name)
	first, _, _ := strings.Cut(name, " ")
	if first == "" {
		return text, false
	}
	for _, who := range []string{name, first} {
		if !strings.Contains(text, who) {
			continue
		}
		n := regexp.QuoteMeta(who)
		text = replaceAt(text, regexp.MustCompile(`\b(with|to|for|by|from|and|than|ask|tell|show|send|update|copy|cc|on|at)\s+`+n+`\b`),
			func(m []string, start bool) string { return m[1] + " you" })
		text = replaceAt(text, regexp.MustCompile(`\b`+n+`['’]s\b`),
			func(m []string, start bool) string { return cased("your", start) })
		text = replaceAt(text, regexp.MustCompile(`\b`+n+`\s+([A-Za-z]+(?:['’][a-z]+)?)\b`),
			func(m []string, start bool) string {
				if v, ok := thirdToSecond[strings.ToLower(m[1])]; ok {
					return cased("you", start) + " " + v
				}
				return m[0]
			})
	}
	return text, containsWord(text, first)
}

// replaceAt replaces each match of re in s with what f makes of its
// groups; start tells f whether the match begins a sentence.
func replaceAt(s string, re *regexp.Regexp, f func(groups []string, start bool) string) string {
	var out strings.Builder
	last := 0
	for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
		groups := make([]string, len(loc)/2)
		for i := range groups {
			if loc[2*i] >= 0 {
				groups[i] = s[loc[2*i]:loc[2*i+1]]
			}
		}
		before := strings.TrimRight(s[:loc[0]], " ")
		start := before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?")
		out.WriteString(s[last:loc[0]])
		out.WriteString(f(groups, start))
		last = loc[1]
	}
	out.WriteString(s[last:])
	return out.String()
}

func cased(s string, capital bool) string {
	if capital {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}
