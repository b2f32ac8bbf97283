package proposal

import (
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
