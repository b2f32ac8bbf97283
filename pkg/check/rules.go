package check

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed rules.md
var rulesText string

// Rule is one thing a sceptical manager looks for, as rules.md writes it.
type Rule struct {
	ID       string
	Severity Severity
	Manager  string // the manager's thought or question; {value} is what the rule found
	Fix      string
	// Patches are the lines the fix adds, "key: value" in YAML, for a rule
	// whose fix is a missing answer: the one whose key is the finding's
	// field is added, and {patch} in Fix says where it goes.
	Patches []string
	// Rewrite is the fix when the file already has the field, too thin to
	// answer: a line to rewrite, not one to add.
	Rewrite string
	Explain string // why it matters, for `propose check --explain`
}

var rules = sync.OnceValue(func() []Rule {
	var out []Rule
	for _, sec := range strings.Split(rulesText, "\n## ")[1:] {
		lines := strings.Split(strings.TrimSpace(sec), "\n")
		r := Rule{ID: strings.TrimSpace(lines[0])}
		var explain []string
		for _, l := range lines[1:] {
			key, val, ok := strings.Cut(l, ": ")
			switch {
			case ok && key == "severity":
				r.Severity = Severity(val)
			case ok && key == "manager":
				r.Manager = val
			case ok && key == "fix":
				r.Fix = val
			case ok && key == "patch":
				r.Patches = append(r.Patches, val)
			case ok && key == "rewrite":
				r.Rewrite = val
			default:
				explain = append(explain, l)
			}
		}
		r.Explain = strings.TrimSpace(strings.Join(explain, "\n"))
		if r.ID == scaleID {
			continue // how the score is made, not a rule
		}
		out = append(out, r)
	}
	return out
})

// scaleID is the section of rules.md that explains the score.
const scaleID = "score"

// Scale explains how the score is made, for `propose check --explain score`.
func Scale() string {
	for _, sec := range strings.Split(rulesText, "\n## ")[1:] {
		if head, body, _ := strings.Cut(sec, "\n"); strings.TrimSpace(head) == scaleID {
			return strings.TrimSpace(body)
		}
	}
	return ""
}

// Rules returns every rule, in the order rules.md explains them.
func Rules() []Rule { return rules() }

// Lookup returns the rule with the id.
func Lookup(id string) (Rule, bool) {
	for _, r := range rules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
