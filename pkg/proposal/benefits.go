package proposal

import "strings"

// personalWords mark a text as the employee's own gain; teamWords as
// something the team or the company gets.
var (
	personalWords = lazyRegexp(`(?i)(commut|\bdriv(e|ing)\b|\bgas\b|mileage|tolls?\b|\btrain\b|\bfares?\b|travel|family|\bkids?\b|children|\bchild\b|\bsons?\b|daughter|nursery|school|pick[- ]?up|my health|wellbeing|well-being|\bsleep|\bpets?\b|\bdogs?\b|happier|i prefer|i like|i enjoy|my preference|work-life|balance|personal|me time|parking|fuel|petrol|\bcarer\b|\bcaring\b|\bsav(e|ing) (money|£|\$|€)|[£$€][0-9])`)
	teamWords     = lazyRegexp(`(?i)(\bteam|output|coverage|\bcover(s|ed|ing)?\b|\bcalls?\b|escalat|client|customer|account|retention|retain|deliver|focus|productiv|quality|deadline|\bcosts?\b|revenue|service|\bhir(e|ing)\b|fill roles|faster|business|project|stakeholder|meeting|budget|time zones?|review|design|mentor|support|sales|pipeline|ticket|report|forecast|analys|planning|office days|company|employer|organi[sz]ation|interruption|uninterrupted|deep work|throughput|response|sick days?|absence|patients?|charting|backlog)`)
	// privateWords name a private matter (children, family, health, care):
	// a benefit that names one is personal, whatever gain it also names,
	// and it is not the manager's to read as the team's case.
	privateWords = lazyRegexp(`(?i)(\bkids?\b|\bfamily\b|children|\bchild\b|\bchildcare|daycare|day care|nursery|little one|\bbaby\b|toddler|\bsons?\b|daughter|school run|my (wife|husband|partner|mum|mom|dad|father|mother|parents?)\b|\bcarer\b|\bcaring for\b|my health|pregnan|\bdisab|chronic|therapy|home sick)`)
	// firstPerson is a text about the employee's own state: "I'm fresh at
	// 7am", "I would get more done without the noise".
	firstPerson = lazyRegexp(`(?i)^\s*(i|i'm|i’m|i'd|i’d|i'll|i’ll|i've|i’ve|me|my|myself)\b`)
)

// PersonalBenefit reports whether a benefit names the employee's own gain
// rather than the team's: a private matter (children, family, health),
// whatever else it says; or a personal one (the commute, sleep) or the
// employee's own state, with nothing the team or the company gets.
// Such a reason is the user's, for the prep sheet; it is never listed as
// what the team gains.
func PersonalBenefit(text string) bool {
	if privateWords().MatchString(text) {
		return true
	}
	if teamWords().MatchString(text) {
		return false
	}
	t := strings.TrimSpace(text)
	if firstPerson().MatchString(t) || mentionsMe().MatchString(t) {
		return true // "Fridays are quieter for me"
	}
	if !personalWords().MatchString(t) {
		return false
	}
	// "No commute", "Saves me two hours a day driving": the gain is the
	// person's. "Cash gets applied first thing instead of after the
	// commute": the work is the subject, and the commute only a time.
	first, _, _ := strings.Cut(strings.ToLower(t), " ")
	return gainWords[strings.Trim(first, ",.;:")] || mentionsMe().MatchString(t)
}

// gainWords open a line that names a gain: "No commute", "Less driving".
var gainWords = map[string]bool{"no": true, "less": true, "fewer": true, "more": true, "save": true, "saves": true,
	"saving": true, "savings": true, "better": true, "lower": true, "cheaper": true, "shorter": true, "zero": true}

// mentionsMe finds the writer as the one who gains: "for me", "my drive".
var mentionsMe = lazyRegexp(`(?i)\b(me|my|mine|myself)\b`)

// TeamBenefit reports whether a text names a gain for the team or the
// company.
func TeamBenefit(text string) bool { return teamWords().MatchString(text) }

// PersonalWords reports whether a text names a personal matter: the
// commute, family, health, preference.
func PersonalWords(text string) bool { return personalWords().MatchString(text) }

// PrivateMatter reports whether a text names a private matter: children,
// family, health or care.
func PrivateMatter(text string) bool { return privateWords().MatchString(text) }

// hedgeWords mark a text its writer is not sure of: hearsay or a guess.
var hedgeWords = lazyRegexp(`(?i)\b(not sure|i think|i believe|i['’]ve heard|i have heard|i heard|apparently|supposedly|rumou?rs?|i guess|probably|maybe|might be)\b`)

// Hedged reports whether a text says its writer is not sure of it ("Not
// sure yet, I've heard the sales team…"): the documents would state it as
// fact to the manager.
func Hedged(text string) bool { return hedgeWords().MatchString(text) }
