package proposal

import (
	"strconv"
	"strings"

	"github.com/propose-cli/propose/pkg/fastre"
)

// Verdict is whether a reading meets its target.
type Verdict int

// The verdicts. Unknown is a target propose cannot compare with the
// reading ("fine", "better", a number with no direction), or a reading it
// cannot read with certainty (a bare 2 against "under 1 hour"): the user
// marks it in the log, and propose never guesses.
const (
	Unknown Verdict = iota
	Met
	Missed
)

// A quantity is a target or a reading as people write them: "37 or more",
// "under 1 hour", "1h 30m", "96%", "4/4", "4.5 of 5 or better".
type quantity struct {
	value  float64
	kind   quantityKind
	of     float64 // the whole of "4 of 5" and "4/4"; 0 when none is given
	dir    int     // -1: at most, +1: at least, 0: no direction
	strict bool    // "under" and "more than" exclude the amount itself
}

type quantityKind int

const (
	plainNumber quantityKind = iota
	percent
	duration // in minutes
)

var (
	numberPat = `[0-9]+(?:[.,][0-9]+)?`
	numberRE  = fastre.MustCompile(`[-+]?` + numberPat)
	// timeRE is a number with a unit of time: 2h, 90 min, 1.5 hours, in
	// the languages the documents are written in (2 Stunden, 3 jours,
	// 48 horas, 2 werkdagen).
	timeRE = fastre.MustCompile(`(` + numberPat + `)\s*(weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s|` +
		`wochen|woche|arbeitstagen?|arbeitstage|tagen?|tage|stunden?|std|minuten|min|sekunden|` +
		`semaines?|jours?(?: ouvrés| ouvrables)?|heures?|secondes?|` +
		`semanas?|días?(?: hábiles| laborables)?|dias?|horas?|minutos?|segundos?|` +
		`weken|werkdag(?:en)?|dagen|dag|uur|uren|minuten|seconden)(?:$|[^\p{L}])(\s*[0-9]{1,2}\b)?`)
	// unitThenDigit is a unit run into the next number, as in 1h30.
	unitThenDigit = fastre.MustCompile(`([a-z])([0-9])`)
	clockRE       = fastre.MustCompile(`^([0-9]{1,2}):([0-5][0-9])$`)
	ratioRE       = fastre.MustCompile(`^(` + numberPat + `)\s*(?:/|of|out of|von|sur|de|van|op)\s*(` + numberPat + `)`)
	// The directions a target or reading is written with. The "no …
	// than" phrases are read first: "no fewer than 40" is at least 40.
	notAbove = fastre.MustCompile(`\bno (more|greater|higher|longer) than\b`)
	notBelow = fastre.MustCompile(`\bno (fewer|less|lower|shorter) than\b`)
	atMostRE = fastre.MustCompile(`(≤|<=|<|\bunder\b|\bbelow\b|\bless than\b|\bfewer than\b|\bshorter than\b|\bat most\b|\bor less\b|\bor fewer\b|\bor under\b|\bor shorter\b|\bor faster\b|\bmax(imum)?\b|\bwithin\b|\bup to\b` +
		// German, French, Spanish and Dutch.
		`|höchstens|maximal|\bunter\b|weniger als|bis zu|oder weniger|innerhalb|` +
		`\bau plus\b|au maximum|moins de|\bsous\b|en dessous de|\bou moins\b|jusqu.à|` +
		`como máximo|máximo|menos de|por debajo de|\bo menos\b|\bhasta\b|dentro de|` +
		`hoogstens|maximaal|ten hoogste|minder dan|\bonder\b|of minder|\bbinnen\b)`)
	atLeastRE = fastre.MustCompile(`(≥|>=|>|\bor more\b|\bat least\b|\bor better\b|\bor higher\b|\bor above\b|\band (up|above|over)\b|\bmore than\b|\bover\b|\bminimum\b|[0-9]\s*\+` +
		`|mindestens|wenigstens|oder mehr|oder besser|mehr als|(?:^|\s)über\b|` +
		`au moins|\bou plus\b|ou mieux|plus de|au-dessus de|` +
		`al menos|como mínimo|mínimo|\bo más\b|o mejor|más de|por encima de|` +
		`minstens|ten minste|minimaal|of meer|of beter|meer dan|\bboven\b)`)
	strictRE = fastre.MustCompile(`(^|[^=])(<|>)($|[^=])|\bunder\b|\bbelow\b|\bless than\b|\bfewer than\b|\bshorter than\b|\bmore than\b|\bover\b` +
		`|\bunter\b|weniger als|mehr als|(?:^|\s)über\b|moins de|plus de|\bsous\b|en dessous de|au-dessus de|` +
		`menos de|más de|por debajo de|por encima de|minder dan|meer dan|\bonder\b|\bboven\b`)
)

// parseQuantity reads a target or a reading; ok is false when it holds no
// amount at all ("fine", "quickly").
func parseQuantity(s string) (q quantity, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case notAbove.MatchString(s):
		q.dir = -1
	case notBelow.MatchString(s):
		q.dir = 1
	default:
		most, least := atMostRE.MatchString(s), atLeastRE.MatchString(s)
		switch {
		case most && !least:
			q.dir, q.strict = -1, strictRE.MatchString(s)
		case least && !most:
			q.dir, q.strict = 1, strictRE.MatchString(s)
		}
	}
	switch strings.Trim(s, ".! ") {
	case "all", "every one", "everything", "every time", "always":
		q.value, q.kind = 100, percent
		return q, true
	case "none", "zero", "nil", "never":
		q.dir = -1
		return q, true
	}
	// A time: the sum of its parts, in minutes ("1h30" read as "1h 30").
	if m := clockRE.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[1])
		min, _ := strconv.Atoi(m[2])
		q.value, q.kind = float64(h*60+min), duration
		return q, true
	}
	if parts := timeRE.FindAllStringSubmatch(unitThenDigit.ReplaceAllString(s, "$1 $2"), -1); parts != nil {
		for _, p := range parts {
			n := parseNumber(p[1])
			switch u := p[2]; {
			case strings.HasPrefix(u, "d"), strings.HasPrefix(u, "tag"), strings.HasPrefix(u, "arbeitstag"),
				strings.HasPrefix(u, "jour"), strings.HasPrefix(u, "werkdag"):
				n *= 24 * 60 // before weeks: a "werkdag" is a day
			case strings.HasPrefix(u, "w"), strings.HasPrefix(u, "sem"):
				n *= 7 * 24 * 60
			case strings.HasPrefix(u, "h"), strings.HasPrefix(u, "st"), u == "uur", u == "uren":
				n *= 60
				if p[3] != "" { // 1h30: the minutes after the hours
					n += parseNumber(strings.TrimSpace(p[3]))
				}
			case strings.HasPrefix(u, "s"):
				n /= 60
			}
			q.value += n
		}
		q.kind = duration
		return q, true
	}
	for _, w := range []struct {
		words   string
		minutes float64
	}{{"hour and a half", 90}, {"day and a half", 2160}, {"half an hour", 30}, {"quarter of an hour", 15}, {"quarter hour", 15}, {"half a day", 720},
		{"an hour", 60}, {"one hour", 60}, {"a day", 1440}, {"one day", 1440}, {"a week", 10080}} {
		if strings.Contains(s, w.words) {
			q.value, q.kind = w.minutes, duration
			return q, true
		}
	}
	if m := ratioRE.FindStringSubmatch(strings.TrimLeft(s, "<>≤≥= ")); m != nil {
		q.value, q.of = parseNumber(m[1]), parseNumber(m[2])
		return q, q.of > 0
	}
	n := numberRE.FindString(s)
	if n == "" {
		return q, false
	}
	q.value = parseNumber(n)
	if strings.Contains(s, "%") {
		q.kind = percent
	}
	return q, true
}

func parseNumber(n string) float64 {
	f, _ := strconv.ParseFloat(strings.Replace(n, ",", ".", 1), 64)
	return f
}

// Judgeable reports whether readings can be compared with target: it has
// an amount and a direction ("37 or more", "under 1 hour"), or is 100%.
func Judgeable(target string) bool {
	t, ok := parseQuantity(target)
	return ok && (t.dir != 0 || t.kind == percent && t.value == 100)
}

// Judge compares a reading with its target, written as people write them:
// "37 or more", "≥ 14", "40+", "under 1 hour", "100%", "4.5 of 5 or
// better". Times are compared in minutes however they are written ("2h",
// "1h 30m", "1:30", "half an hour"); "4/4" against a percentage is 100%.
// A reading in another kind of unit than its target (a bare 2 against
// "under 1 hour") is Unknown, as is any target without a direction.
func Judge(target, reading string) Verdict {
	t, tok := parseQuantity(target)
	r, rok := parseQuantity(reading)
	if !tok || !rok {
		return Unknown
	}
	r, ok := inTermsOf(t, r)
	if !ok {
		return Unknown
	}
	if t.dir == 0 {
		if t.kind == percent && t.value == 100 && r.dir == 0 {
			if r.value >= 100 {
				return Met
			}
			return Missed
		}
		return Unknown
	}
	// Turn "at most" into "at least" on negated amounts.
	tv, rv := t.value, r.value
	if t.dir < 0 {
		tv, rv = -tv, -rv
	}
	switch r.dir * t.dir {
	case 0: // a reading that is an amount
		if rv > tv || (!t.strict && rv == tv) {
			return Met
		}
		return Missed
	case 1: // a reading bounded the same way: "< 1 hour" against "under 1 hour"
		if rv > tv || (rv == tv && (!t.strict || r.strict)) {
			return Met
		}
	}
	return Unknown
}

// inTermsOf is the reading r as Judge compares it with the target t: a
// share ("19/20") against a percentage as its percentage (95), a share of
// another whole ("9 of 10") against "4.5 of 5" as a share of 5 (4.5), a
// time in minutes. ok is false when the two are different kinds of
// amount (a bare 2 against "under 1 hour"), which Judge cannot compare.
func inTermsOf(t, r quantity) (quantity, bool) {
	if t.kind == percent && r.of > 0 && r.kind == plainNumber {
		r.value, r.kind, r.of = 100*r.value/r.of, percent, 0
	}
	if t.of > 0 && r.of > 0 && t.of != r.of {
		// Multiplied first, so that an equal share lands on the target's
		// own number: 9 × 5 / 10 is 4.5 exactly.
		r.value, r.of = r.value*t.of/r.of, t.of
	}
	return r, t.kind == r.kind
}

// Amount is the amount a target or a reading holds on its own: a time in
// minutes, a percentage or share as its number, or the first number. To
// draw a reading beside its target, use Compared, which puts it in the
// target's terms.
func Amount(s string) (float64, bool) {
	q, ok := parseQuantity(s)
	return q.value, ok
}

// Compared is the amount of reading that Judge compares with target, in
// the unit Unit(target) names: "19/20" against "95% or more" is 95,
// "2 of 2" against "100%" is 100, "1h30" against "under 2 hours" is 90,
// "9 of 10" against "4.5 of 5 or better" is 4.5. A chart that plots
// Compared draws what the verdict beside it was decided on. ok is false
// when target holds no amount, or reading holds none or another kind of
// amount than target (a bare 2 against "under 1 hour").
//
// The target itself, or a baseline, is passed as reading to draw it on
// the same scale: Compared(target, target) is the target's own amount.
func Compared(target, reading string) (float64, bool) {
	t, tok := parseQuantity(target)
	r, rok := parseQuantity(reading)
	if !tok || !rok {
		return 0, false
	}
	r, ok := inTermsOf(t, r)
	return r.value, ok
}

// Better says which way a target counts as better: -1 when lower is
// better ("under 1 hour"), +1 when higher is ("37 or more", a percentage
// with no direction), and 0 when the target does not say.
func Better(target string) int {
	q, ok := parseQuantity(target)
	switch {
	case !ok:
		return 0
	case q.dir != 0:
		return q.dir
	case q.kind == percent:
		return 1
	}
	return 0
}

// Unit names the unit Amount gives for s: "minutes" for any time, "%",
// "of 5" for a share of a whole, or "".
func Unit(s string) string {
	q, ok := parseQuantity(s)
	switch {
	case !ok:
		return ""
	case q.kind == duration:
		return "minutes"
	case q.kind == percent:
		return "%"
	case q.of > 0:
		return "of " + strconv.FormatFloat(q.of, 'f', -1, 64)
	}
	return ""
}

// IsDuration reports whether a target or reading is a length of time,
// which Compared gives in minutes.
func IsDuration(s string) bool {
	q, ok := parseQuantity(s)
	return ok && q.kind == duration
}
