package view

import (
	"regexp"
	"strconv"
	"strings"
)

// Verdict is whether a reading meets its target.
type Verdict int

// The verdicts. Unknown is a target propose cannot compare with the
// reading ("fine", "better", a number with no direction): the user marks
// it in the log, and propose never guesses.
const (
	Unknown Verdict = iota
	Met
	Missed
)

var (
	numberRE = regexp.MustCompile(`[-+]?[0-9]+(?:[.,][0-9]+)?`)
	unitRE   = regexp.MustCompile(`(?i)\b(minutes?|mins?|hours?|hrs?|days?|weeks?)\b`)
	atMost   = regexp.MustCompile(`(?i)(≤|<=|<|\bunder\b|\bbelow\b|\bless than\b|\bfewer than\b|\bat most\b|\bor less\b|\bor fewer\b|\bor under\b|\bmax(imum)?\b|\bwithin\b|\bno more than\b)`)
	atLeast  = regexp.MustCompile(`(?i)(≥|>=|>|\bor more\b|\bat least\b|\bor better\b|\bor higher\b|\bor above\b|\bmore than\b|\bover\b|\bmin(imum)?\b|\bno fewer than\b|\bno less than\b)`)
	ofRE     = regexp.MustCompile(`of [0-9]+`)
	strictly = regexp.MustCompile(`(?i)(<|>|\bunder\b|\bbelow\b|\bless than\b|\bfewer than\b|\bmore than\b|\bover\b)`)
)

// Judge compares a reading with its target, written as people write them:
// "37 or more", "≥ 14", "under 1 hour", "100%", "4.5 of 5 or better". A
// target with a direction is compared in its units (minutes and hours
// alike); 100% means all of it. Anything else is Unknown.
func Judge(target, reading string) Verdict {
	t, tok := amount(target)
	r, rok := amount(reading)
	if !tok || !rok {
		return Unknown
	}
	strict := strictly.MatchString(target) && !strings.Contains(target, "=") && !strings.Contains(target, "≤") && !strings.Contains(target, "≥")
	switch {
	case atMost.MatchString(target) && !atLeast.MatchString(target):
		if r < t || (!strict && r == t) {
			return Met
		}
		return Missed
	case atLeast.MatchString(target) && !atMost.MatchString(target):
		if r > t || (!strict && r == t) {
			return Met
		}
		return Missed
	case strings.Contains(target, "%") && t == 100:
		if r >= 100 {
			return Met
		}
		return Missed
	}
	return Unknown
}

// amount reads the first number of a text, in minutes when it has a unit
// of time.
func amount(s string) (float64, bool) {
	n := numberRE.FindString(s)
	if n == "" {
		if strings.Contains(strings.ToLower(s), "an hour") {
			return 60, true
		}
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.Replace(n, ",", ".", 1), 64)
	if err != nil {
		return 0, false
	}
	switch u := strings.ToLower(unitRE.FindString(s)); {
	case strings.HasPrefix(u, "h"):
		f *= 60
	case strings.HasPrefix(u, "d"):
		f *= 60 * 24
	case strings.HasPrefix(u, "w"):
		f *= 60 * 24 * 7
	}
	return f, true
}
