// Package check reads a proposal the way a sceptical manager will, before
// the manager does: each rule finds a gap a manager would raise (a reply
// time with no number in it, a benefit that is only personal, a study cited
// beyond what it measured) and says what the manager will think and how to
// fix it, at the field to change. The rules' words live in rules.md; this
// file holds only what each rule looks for.
package check

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/fastre"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/proposal"
)

// Severity is how much a finding can cost the request.
type Severity string

// The severities, from the one that can lose the yes.
const (
	Risk    Severity = "risk"    // this can lose the yes
	Missing Severity = "missing" // a question the proposal leaves unanswered
	Weak    Severity = "weak"    // an answer that will not convince
)

// points is what a rule costs the score, once however often it fires.
var points = map[Severity]int{Risk: 25, Missing: 10, Weak: 5}

// Finding is one thing a manager would raise, at the field to change.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Field    string   `json:"field"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Manager  string   `json:"manager"` // what the manager will think or ask
	Fix      string   `json:"fix"`
	Points   int      `json:"points"` // what fixing its rule adds to the score
	// Patch is the line the fix adds, in YAML, and Under the section it
	// goes in ("" for the top level of the file): a fix that pastes.
	Patch string `json:"patch,omitempty"`
	Under string `json:"under,omitempty"`
	// Value is the text the rule found (a measure's name, a quoted line),
	// so that a question can say what it is about.
	Value string `json:"value,omitempty"`
}

// Report is the check of one proposal.
type Report struct {
	File     string    `json:"file"`
	Score    int       `json:"score"` // out of 100
	Findings []Finding `json:"findings"`
	Top      []Finding `json:"top"` // the fixes that would raise the score most, at most three
}

// Run checks a validated proposal. today dates a stale file; extra are
// findings made elsewhere (how the documents fit their pages).
func Run(p *proposal.Proposal, today proposal.Date, extra ...Finding) *Report {
	c := &checker{p: p, src: p.Source(), today: today, lang: locale.MustOf(p.DocumentLanguage()).Folder}
	c.found = append(c.found, undated(p)...)
	c.stale()
	c.found = append(c.found, extra...)
	r := &Report{Findings: c.found}
	if c.src != nil {
		r.File = c.src.File
	}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Rule, b.Rule))
	})
	r.Score, r.Top = score(r.Findings)
	return r
}

// undated returns the findings of every rule but the one that reads
// today's date. A render asks twice of the same file (the prep sheet's
// questions, the summary render prints), so the last file's findings are
// kept, keyed by its whole content: a file changed in place (the wizard's)
// is read anew.
func undated(p *proposal.Proposal) []Finding {
	sum := sha256.Sum256(proposal.Marshal(p))
	key := string(sum[:]) + p.Date.String() + p.DocumentLanguage()
	lastRun.Lock()
	defer lastRun.Unlock()
	if lastRun.p == p && lastRun.key == key {
		return slices.Clone(lastRun.found)
	}
	c := &checker{p: p, src: p.Source(), lang: locale.MustOf(p.DocumentLanguage()).Folder}
	c.rules()
	lastRun.p, lastRun.key, lastRun.found = p, key, c.found
	return slices.Clone(c.found)
}

var lastRun struct {
	sync.Mutex
	p     *proposal.Proposal
	key   string
	found []Finding
}

// rules runs every rule that does not read today's date.
func (c *checker) rules() {
	c.framing()
	c.data()
	c.trial()
	c.coverage()
	c.scope()
	c.fairness()
	c.timing()
	c.leverage()
	c.evidence()
	c.daysInText()
	c.inPersonOnRemoteDay()
	c.offlineInCoreHours()
	c.targetBelowBaseline()
	c.rareStatus()
	c.unsourcedFigure()
	c.vagueEquipment()
	c.reaskAnswers()
	c.inText()
	c.vagueTracking()
	c.draftedCase()
	c.personalDevice()
	c.reaskSoon()
	c.law()
}

// score takes each finding's points from 100, with diminishing returns
// within a rule (the second finding of a rule costs half the first, the
// third a quarter), so that a request with many gaps scores low and one
// slip does not sink a strong one. It picks the three rules whose fixes
// would raise the score most, worst first, each at its first finding.
func score(fs []Finding) (int, []Finding) {
	total := 0.0
	count := map[string]int{}
	gain := map[string]float64{}
	var firsts []Finding
	for _, f := range fs {
		n := count[f.Rule]
		count[f.Rule] = n + 1
		cost := float64(points[f.Severity]) / float64(int(1)<<min(n, 10))
		total += cost
		gain[f.Rule] += cost
		if n == 0 {
			firsts = append(firsts, f)
		}
	}
	slices.SortStableFunc(firsts, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(gain[b.Rule], gain[a.Rule]), cmp.Compare(order(a.Rule), order(b.Rule)))
	})
	top := append([]Finding{}, firsts[:min(3, len(firsts))]...)
	for i := range top {
		top[i].Points = int(gain[top[i].Rule] + 0.5)
	}
	return max(100-int(total+0.5), 0), top
}

// New makes the finding of a rule at the field, with value in its words.
// It panics on a rule rules.md does not define: rule ids are constants of
// this package and its callers.
func New(id, field, value string, src *proposal.Source) Finding {
	r, ok := Lookup(id)
	if !ok {
		panic("check: no rule " + id)
	}
	line, col := where(src, field)
	fill := func(s string) string { return strings.ReplaceAll(s, "{value}", value) }
	f := Finding{Rule: id, Severity: r.Severity, Field: field, Line: line, Col: col, Manager: fill(r.Manager), Fix: fill(r.Fix),
		Points: points[r.Severity], Value: value}
	switch {
	case r.Rewrite != "" && src.Has(field):
		f.Fix = fill(r.Rewrite)
	case len(r.Patches) > 0:
		patch := r.Patches[0]
		for _, p := range r.Patches {
			if k, _, _ := strings.Cut(p, ": "); k == lastKey(field) {
				patch = p
			}
		}
		f.Under, f.Patch = placement(src, field, fill(patch))
		f.Fix = strings.ReplaceAll(f.Fix, "{patch}", describe(f.Under, f.Patch))
	}
	return f
}

// where places a finding: at the field's value; for a field the file
// leaves out, at its section; for a section the file leaves out, at the
// section written before it, where the new one would go.
func where(src *proposal.Source, field string) (line, col int) {
	if src == nil {
		return 0, 0
	}
	if src.Has(field) {
		return src.At(field)
	}
	top, _, _ := strings.Cut(field, ".")
	top, _, _ = strings.Cut(top, "[")
	if src.Has(top) {
		return src.KeyAt(field)
	}
	var before string
	for _, f := range proposal.Fields() {
		if f.Parent != nil && f.Parent.Path != "" {
			continue
		}
		if f.Path == top {
			break
		}
		if src.Has(f.Path) {
			before = f.Path
		}
	}
	if before == "" {
		return 1, 1
	}
	return src.KeyAt(before)
}

type checker struct {
	p     *proposal.Proposal
	src   *proposal.Source
	today proposal.Date
	found []Finding
	lang  string // the template folder of the documents' language: "en", "de"
}

func (c *checker) add(id, field, value string) {
	c.found = append(c.found, New(id, field, value, c.src))
}

// addAs adds a finding of a rule at a lower severity than the rule's own,
// for a gap the rule finds but a manager would weigh lightly.
func (c *checker) addAs(sev Severity, id, field, value string) {
	f := New(id, field, value, c.src)
	f.Severity, f.Points = sev, points[sev]
	c.found = append(c.found, f)
}

func (c *checker) framing() {
	p := c.p
	if len(p.Benefits) == 0 && len(p.Evidence) == 0 {
		c.add("framing.no-business-case", "benefits", "")
		return
	}
	// Each benefit that is the user's own gain is named at its line: the
	// documents leave it out, and the manager would ask what the team gets.
	for i, b := range p.Benefits {
		if proposal.PersonalBenefit(b) {
			c.add("framing.personal-benefits", fmt.Sprintf("benefits[%d]", i), short(b))
		}
	}
}

var digit = fastre.MustCompile(`[0-9]`)

// numberRange is a target written as a range: "37-40", "37 to 40".
var numberRange = fastre.MustCompile(`\d\s*(-|–|to)\s*\d`)

// numberWords make a text measurable as a digit does; sameAs is a target
// that holds to the baseline; replyWords are reply times a manager can
// hold someone to.
var (
	numberWords = fastre.MustCompile(`(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|half|an? (hour|minute|day|week)|every|all|none|zero` +
		// German, French, Spanish and Dutch.
		`|eine[nmr]? (stunde|minute|tag|woche)|alle|jede[nrs]?|keine|null|halbe[nr]?|une (heure|minute|journee|journée|semaine)|un jour|tous|toutes|aucun|aucune|` +
		`una (hora|semana)|un d[ií]a|todos|todas|ning[uú]n|ninguna|cero|media|een (uur|minuut|dag|week)|alle|elke|geen|nul|half)\b`)
	sameAs      = fastre.MustCompile(`(?i)\b(same|unchanged|no (worse|lower|fewer|less)|at least today)`)
	hedgedReply = fastre.MustCompile(`(?i)\b(when i can|if i can|if possible|where possible|usually|try to|asap|as soon as (i can|possible)|depending` +
		`|wenn m[öo]glich|nach m[öo]glichkeit|meistens|versuche|so schnell wie m[öo]glich|si possible|dans la mesure du possible|g[ée]n[ée]ralement|j.essaie|d[èe]s que possible|` +
		`si es posible|en la medida de lo posible|normalmente|intento|lo antes posible|indien mogelijk|zo snel mogelijk|meestal|ik probeer)\b`)
	replyWords = fastre.MustCompile(`(?i)([0-9]|\b(one|two|three|four|five|ten|fifteen|twenty|thirty|forty|sixty|half|an?) (hours?|minutes?|mins?|days?)\b|\b(hours?|minutes?)\b|end of (the )?(working |business )?day|same (working |business )?day|next (working |business )?day|within the hour|by (noon|lunch|close)` +
		// German, French, Spanish and Dutch: "innerhalb einer Stunde", "dans l’heure", "en menos de una hora", "binnen het uur".
		`|\b(stunden?|minuten|arbeitstag|werktag|heures?|minutes|journ[ée]e|horas?|minutos|d[ií]a laborable|uur|minuten|werkdag)\b|dans l.heure|am selben tag|le jour m[êe]me|el mismo d[ií]a|dezelfde dag|binnen het uur)`)
)

func (c *checker) data() {
	p := c.p
	perf := p.Performance
	all := append(append(append([]string(nil), perf.Highlights...), perf.Metrics...), perf.Recognition...)
	for _, r := range perf.RemoteRecord {
		all = append(all, r.Delivered)
	}
	if len(all) == 0 {
		c.add("data.no-record", "performance.highlights", "")
	} else if !slices.ContainsFunc(all, digit.MatchString) {
		c.add("data.no-numbers", "performance", "")
	}
	if p.Scenario == proposal.ScenarioKeepRemote && p.Agreement == (proposal.Agreement{}) && len(perf.RemoteRecord) == 0 {
		c.add("data.no-grounds", "agreement", "")
	}
	for i, m := range p.Trial.Metrics {
		at := fmt.Sprintf("trial.metrics[%d]", i)
		if m.Baseline == "" {
			c.add("data.metric-no-baseline", at+".baseline", short(m.Name))
		}
		// A target with no amount, or a number the review cannot compare
		// readings with ("40", "37-40"): neither settles the review.
		// "Same as now" holds only with today's figure beside it.
		same := sameAs.MatchString(m.Target) && digit.MatchString(m.Baseline)
		// A number is a target a manager can hold you to ("90%", "14 a
		// week"); words are not ("good", "keep up"), nor is a range
		// ("37-40"), which no reading can meet or miss.
		if !digit.MatchString(m.Target) && !numberWords.MatchString(m.Target) && !same ||
			numberRange.MatchString(m.Target) && !proposal.Judgeable(m.Target) {
			c.add("data.metric-vague-target", at+".target", short(m.Target))
		}
		if m.MeasuredBy == "" {
			c.add("data.metric-no-source", at+".measured_by", short(m.Name))
		}
	}
}

func (c *checker) trial() {
	p := c.p
	if p.Scenario == proposal.ScenarioKeepRemote && !p.HasTrial() {
		c.add("trial.no-review", "trial", "")
	}
	if t := p.Trial; p.HasTrial() && t.CheckInDay > 0 && 3*t.CheckInDay > 2*t.LengthDays {
		c.add("trial.late-check-in", "trial.check_in_day", fmt.Sprintf("day %d", t.LengthDays/2))
	}
}

// sensitiveWords mark work whose data needs saying how it stays safe.
var sensitiveWords = fastre.MustCompile(`(?i)\b(customer data|client data|personal data|payroll|salar(y|ies)|health (data|records|information)|patients?|medical|clinical|case notes|nhs|card ?holder|payment cards?|credit cards?|card transactions|pci|gdpr|hipaa|pii|social security|national insurance|passports?|tax returns?|bank accounts?|employee records|hr records|personnel files?|student records|confidential|claims? files?|policyholders?|ssns?|health.plan|benefits data|dependants|financial data|tax data|customer recordings|recordings of (customers|users|patients|interviews))\b`)

func (c *checker) coverage() {
	p := c.p
	a, com := p.Arrangement, p.Communication
	if !a.CoreHours.Start.Set || !a.CoreHours.End.Set {
		c.add("coverage.no-core-hours", "arrangement.core_hours", "")
	}
	switch {
	case com.ResponseTime == "":
		c.add("coverage.no-response-time", "communication.response_time", "")
	case !replyWords.MatchString(com.ResponseTime) || hedgedReply.MatchString(com.ResponseTime):
		c.add("coverage.vague-response", "communication.response_time", short(com.ResponseTime))
	}
	// A written summary on a cadence keeps the manager informed as a
	// check-in does, for a week mostly in the office; four days or more
	// away need a conversation too.
	away := len(a.RemoteDays) >= 4 || a.Type == "remote"
	if len(com.CheckIns) == 0 && (com.StatusReport == "" || away) {
		c.add("coverage.no-check-ins", "communication.check_ins", "")
	}
	if len(p.OutputTracking) == 0 {
		c.add("coverage.no-output-tracking", "output_tracking", "")
	}
	// With one remote day, four days in the room answer the question.
	if len(a.InPersonCommitments) == 0 && len(p.Move.Trips) == 0 && len(a.RemoteDays) > 1 {
		c.add("coverage.no-in-person", "arrangement.in_person_commitments", "")
	}
	e := p.Equipment
	switch {
	case len(e.Items) == 0 && e.Connectivity == "" && e.Workspace == "":
		c.add("coverage.no-equipment", "equipment.connectivity", "")
	case e.Workspace == "" && c.sensitive() != "":
		// Where data that must be protected is worked on is a question
		// of its own.
		c.add("coverage.no-equipment", "equipment.workspace", "")
	}
	// Security is a question a manager raises where the work handles data
	// that must be protected; elsewhere, IT's rules answer it (the labelled
	// corpus raised it nowhere else).
	// A security line of a few words ("Company VPN") does not answer for
	// data that must be protected.
	thin := len(strings.Fields(e.Security)) < 5
	switch m := c.sensitive(); {
	case m != "" && thin:
		c.add("coverage.sensitive-data", "equipment.security", m)
	case e.Security == "" && p.Arrangement.Type == "remote" && len(e.Items) == 0:
		c.add("coverage.no-security", "equipment.security", "")
	}
}

// sensitiveJobs are jobs whose work handles data that must be protected,
// read from the title and the team: a tax associate handles tax returns.
var sensitiveJobs = fastre.MustCompile(`(?i)\b(tax|claims?|payroll|benefits (analyst|specialist|administrator|coordinator)|human resources|hr|recruit(er|ing|ment)?|talent acquisition|medical|clinical|nurse|coder|coding|billing|underwrit\w*|paralegal|legal|compliance|(user|ux|design) research(er)?)\b`)

// sensitive returns the first mention of sensitive data in the request's
// public text, or "": in the job and its duties, never in a name.
func (c *checker) sensitive() string {
	e := c.p.Employee
	if m := sensitiveJobs.FindStringSubmatch(e.Title + " " + e.Team); m != nil {
		return jobData(strings.ToLower(m[1]))
	}
	for _, t := range c.p.PublicTexts() {
		if t.Field == "company.name" {
			continue // "Ridgeline Payroll Services" is the employer, not the work
		}
		for _, loc := range sensitiveWords.FindAllStringIndex(t.Value, -1) {
			if inName(t.Value, loc[0], loc[1]) {
				continue // "Riverside Medical Office" is a building, not health data
			}
			m := strings.ToLower(t.Value[loc[0]:loc[1]])
			if !strings.Contains(m, " ") && !strings.HasSuffix(m, "s") {
				m += " data" // "payroll data", "clinical data"
			}
			return m
		}
	}
	return ""
}

// inName reports whether the words at s[start:end] are inside a name: a
// run of capitalised words such as "Riverside Medical Office", with a
// capitalised word on both sides (the one before not starting a
// sentence). A job title such as "Payroll Specialist" is the work itself.
func inName(s string, start, end int) bool {
	word := s[start:end]
	if word == "" || !unicode.IsUpper([]rune(word)[0]) || strings.ToUpper(word) == word {
		return false // lower case, or an acronym such as HIPAA
	}
	before := strings.Fields(s[:start])
	after := strings.Fields(s[end:])
	capital := func(w string) bool {
		r := []rune(strings.Trim(w, "“”\"'(),"))
		return len(r) > 0 && unicode.IsUpper(r[0])
	}
	prevStartsSentence := len(before) == 1 || len(before) > 1 && strings.HasSuffix(before[len(before)-2], ".")
	return len(before) > 0 && capital(before[len(before)-1]) && !prevStartsSentence && !strings.HasSuffix(before[len(before)-1], ".") &&
		len(after) > 0 && capital(after[0])
}

func (c *checker) scope() {
	p := c.p
	fit := p.PolicyFit()
	// Fully remote from the first day, with no record of it, is a leap a
	// manager weighs: above the policy's limit, or with no time in person.
	if p.Arrangement.Type == "remote" && p.Scenario != proposal.ScenarioKeepRemote &&
		len(p.Performance.RemoteRecord) == 0 && (fit.Known && fit.Exceeds || len(p.Arrangement.InPersonCommitments) == 0 && len(p.Move.Trips) == 0) {
		c.add("scope.full-remote-first", "arrangement.type", "")
		return
	}
	// In keep-remote, what was agreed in writing may stand above a new
	// policy; without it, the request is above the limit like any other.
	signed := p.Agreement.Terms != "" && (p.Agreement.Kind == "" || p.Agreement.Kind == "contract" || p.Agreement.Kind == "offer-letter")
	if fit.Exceeds && (p.Scenario != proposal.ScenarioKeepRemote || !signed) {
		field := "arrangement.remote_days"
		if !c.src.Has(field) {
			field = "arrangement.type"
		}
		c.add("scope.above-policy", field, fit.Limit)
	}
}

func (c *checker) fairness() {
	p := c.p
	pol := p.Company.Policy
	// "Everyone will want it" is asked of a big step: three days or more,
	// or full remote. A re-ask answers its reasons instead, and an offer
	// with the role's terms in writing has its yardstick.
	big := len(p.Arrangement.RemoteDays) >= 3 || p.Arrangement.Type == "remote"
	settled := p.Scenario == proposal.ScenarioReask || p.Scenario == proposal.ScenarioOffer && p.Agreement.Terms != ""
	if big && !settled && pol.Name == "" && pol.Summary == "" && pol.Reference == "" && len(p.Company.Precedents) == 0 {
		c.add("fairness.no-precedent", "company.precedents", "")
	}
}

func (c *checker) timing() {
	p := c.p
	if s := p.Arrangement.Start; !s.IsZero() && p.Scenario != proposal.ScenarioKeepRemote && s.Before(p.Date.AddDays(7)) {
		c.add("timing.short-notice", "arrangement.start", p.Date.AddDays(7).String()+" or later")
	}
	if d := p.Derived; p.HasTrial() {
		periods := c.busyPeriods()
		for _, b := range periods {
			if _, meets := b.period.Meets(d.TrialStart, d.TrialEnd); meets {
				c.add("timing.busy-period", "arrangement.start", b.name)
				break
			}
		}
		// A check-in or a review in the crunch is decided on crunch numbers.
		for _, m := range []struct {
			at    proposal.Date
			field string
		}{{d.CheckIn, "trial.check_in_day"}, {d.Review, "trial.length_days"}} {
			for _, b := range periods {
				if _, in := b.period.Meets(m.at, m.at); in && !m.at.IsZero() && !b.period.Quarter {
					c.add("timing.busy-period", m.field, b.name)
					break
				}
			}
		}
	}
}

// stale finds a request dated more than a month before today: the one
// rule that reads today's date.
func (c *checker) stale() {
	if p := c.p; !c.today.IsZero() && p.Date.AddDays(31).Before(c.today) {
		c.add("timing.stale", "date", p.Date.String())
	}
}

// threats are words that make a proposal an ultimatum, in the first
// person: "or I'll have to look elsewhere", "another offer on the table";
// "sonst muss ich mich umsehen", "j'ai d'autres propositions", "tengo otra
// oferta", "ik heb een ander aanbod". One pattern a language; the text is
// folded first (fastre.Fold), so all but English are written without
// accents. An offer from a supplier or to a client, a job posting and a
// competitor's prices share words with these, and are not threats: each
// pattern names the writer's own move or another employer's offer to them.
// threatPatterns are the threats' patterns, English first, then German,
// French, Spanish and Dutch.
var threatPatterns = []string{
	`(or|otherwise|else|if not),? i('ll| will| would| may| might| could)? (need to |have to |be forced to )?(leave|quit|resign|go|move on|look elsewhere|look for (a new|another) (job|role)|start looking)|i('ll| will| would)? (have to |be forced to )(leave|quit|resign|look)|look(ing)? elsewhere|(another|other|competing|a better) (job )?offers?|counter-?offer|offers? on the table|considering my options|recruiters? (have|has|keep) (contacted|approached|called|been in touch with) me|headhunt\w*|i will resign|i would leave|i will leave|i'll leave|i'd leave|rather than (go |going |look |looking )?(elsewhere|somewhere else|at a competitor|for a competitor|with a competitor)|(have|keep|weigh\w*|consider\w*) (my |other |some )*options|look(ing)? around|hate to (have to )?(leave|go|look)|(people|many|some|they|others|colleagues|staff|\d+%)( \w+){0,5} (would|will|might|could) (leave|quit|walk)|(at|to|for) a competitor|than go(ing)? elsewhere|offers? from (another|other|a different) (company|companies|employer|firm)`,
	// de: sich nach etwas anderem umsehen, ein anderes Angebot, zur
	// Konkurrenz wechseln, dass sie kündigen, keine Zukunft hier
	`nach (etwas |einer |einem )?(anderem|anderen|anderes|neuem|neuen|neuer) ?(job|stelle|arbeitgeber)? ?(umsehen|umschauen|umgucken|suchen)|\b(mich|sich|uns) (woanders |anderweitig |auf dem markt )?(umsehen|umschauen|umgucken)|\banderweitig (orientieren|umsehen)|\b(ich|mir)\b[^.]{0,40}\b(ander|weiter)es angebot|\b(ich|mir)\b[^.]{0,40}\bandere (job|stellen)?angebote|angebot (von|bei) (einer|einem) ander\w* (firma|unternehmen|arbeitgeber)|jobangebot|abwerbe|gegenangebot|\bmir\b[^.]{0,40}\b(stelle|job|position|posten|vertrag)\b[^.]{0,40}\bangeboten|kue?ndige ich\b|\bich kue?ndige\b|\b(ich|sie|wir|kollegen|leute)\b[^.]{0,40}\bkue?ndig(en|e)\b|(zur konkurrenz|zum wettbewerb|zu (einem|einer) (konkurrenten|konkurrenz|wettbewerber)) (zu )?(wechseln|gehen|abwandern)|(wechseln|gehen|abwandern) (\w+ ){0,3}(zur konkurrenz|zum wettbewerb|zu einem (konkurrenten|wettbewerber))|(alten|ehemaligen|frue?heren|vorherigen|letzten) arbeitgeber[^.]{0,40}(wieder anfangen|zurue?ck)|zukunft hier\b[^.]{0,30}\bnicht\b|keine zukunft (mehr )?(hier|bei euch|im team|in der firma)|wie es (fue?r|mit) mi(ch|r) weiter ?geht|recruiter\w* (rufen|schreiben|kontaktieren|kontaktierten|melden sich bei|sprechen) (\w+ )?(mich|mir)\b`,
	// fr: regarder ailleurs, d'autres propositions, chez un concurrent,
	// ils partiraient, je sais pas si je reste, on m'a fait une offre
	`\b(regarder|chercher|voir|aller|partir|postuler|travailler) ailleurs|(j'ai|j'en ai|je dispose|on m'a|m'a|m'ont)\b[^.]{0,30}(d'autres|une autre) (propositions?|offres?|opportunites|pistes)|(offre|proposition) d'une autre (entreprise|societe|boite)|chercher (un autre|un nouvel?|une autre) (emploi|poste|travail|job|entreprise)|contre-proposition|recrute(u|r|s)\w* (\w+ )?(me|m')|chasseurs? de tetes?|\bpartir(ais|ait|aient)\b|\b(je|ils|elles|collegues)\b[^.]{0,30}\b(quitter(ai|ais|ait|aient) |demissionner)|\bje demissionne|chez (un|le|la|une) (concurrent|concurrente|concurrence)|(a|pour) la concurrence|sais pas si je (reste|resterai|vais rester)|si je (reste|resterai) (ici|dans)|\bm'(a|ont) (fait|propose|offert) (une|des|un) (offre|proposition|poste)`,
	// es: buscar otras opciones, otra oferta, se irían, irme a la
	// competencia, me ofrecen, me ha ofrecido
	`buscar (otras?|nuevas?) (opciones|alternativas|oportunidades)|buscar (otro )?(trabajo|empleo)|\b(tengo|he recibido|me han hecho|me hicieron)\b[^.]{0,20}\botras? ofertas?\b|ofertas? de otra empresa|oferta (encima|sobre) de la mesa|oferta sobre la mesa|contraoferta|cazatalentos|\b(se|me|nos) (irian|iria|ire|iremos)\b|\b(irme|irse|irnos|marcharme|pasarme|cambiarme|me voy|se van) (a|con) (la competencia|otra empresa|otro sitio)|\bme (ofrecen|ofrecieron|(ha|han) ofrecido)|plantearme (un cambio|otras)|\b(dejar|dejaria|dejare) la empresa|\b(renunciar|renunciaria|dimitir|dimitiria)\b`,
	// nl: verder kijken, een ander aanbod, recruiters bellen me, dat ze
	// weggaan, naar een concurrent, vacatures bekijken
	`\b(verder|ergens anders|elders|om me heen|rond) (gaan |te )?kijken|rondkijken|\bik\b[^.]{0,30}\bander(e)? (aanbod|aanbiedingen)|(aanbod|baan) (van|bij) een andere (werkgever|bedrijf|organisatie)|andere (baan|werkgever)|ontslag (nemen|neem)|neem ik ontslag|tegenbod|\b(me|mij)\b[^.]{0,40}\b(baan|functie|job|positie|contract)\b[^.]{0,30}\baangeboden|recruiters? (bellen|benaderen|mailen|appen|contacteren|zoeken) (\w+ )?(me|mij)\b|\b(ze|zij|ik|collega's|mensen)\b[^.,]{0,25}\b(weggaan|vertrekken|opstappen|ontslag nemen|opzeggen)\b|naar (een|de) concurrent|(vorige|oude|vroegere) werkgever[^.]{0,40}\bterug|\bniet of ik (hier )?(nog )?(blijf|op (mijn|m'n) plek)|(naar|op) vacatures|vacatures (kijk|bekijk|bekijken|kijken)|\bik\b[^.]{0,30}\b(solliciteer|solliciteren|gesolliciteerd)|aan het solliciteren`,
}

// threatLanguages name threatPatterns' languages, by template folder.
var threatLanguages = []string{"en", "de", "fr", "es", "nl"}

// threats are, for each template folder, the English pattern and the
// language's own: people write in the documents' language, or in English.
// One pattern of all five is several times slower to run on every line.
// Each is compiled when a text first may match it (fastre).
var threats = func() map[string]*fastre.Regexp {
	m := map[string]*fastre.Regexp{}
	for i, folder := range threatLanguages {
		parts := []string{threatPatterns[0]}
		if i > 0 {
			parts = append(parts, threatPatterns[i])
		}
		m[folder] = fastre.MustCompile(`(?i)(` + strings.Join(parts, "|") + `)`)
	}
	return m
}()

// threatsIn returns the threats of the template folder, English's for a
// folder without its own.
func threatsIn(folder string) *fastre.Regexp {
	if re, ok := threats[folder]; ok {
		return re
	}
	return threats["en"]
}

// threatInLanguage returns the words of text that threaten, as written,
// for a request written in the language of the template folder lang or in
// English; "" when there are none.
func threatInLanguage(text, lang string) string { return threatsIn(lang).FindFolded(text) }

// leverageFields are where a request's own argument is written: a threat
// or a private fact there is the employee speaking. Names, titles, the
// policy, the agreement and findings are someone else's words.
var leverageFields = fastre.MustCompile(`^(benefits|output_tracking|arrangement\.(remote_work|in_person_commitments)|communication|performance|reask|equipment|trial)`)

func (c *checker) leverage() {
	p := c.p
	grams := map[string]bool{}
	for _, s := range []string{p.Private.Alternatives, p.Private.Motivation, p.Private.Fallback} {
		for _, g := range wordGrams(s, 6) {
			grams[g] = true
		}
	}
	for _, t := range p.PublicTexts() {
		if !leverageFields.MatchString(t.Field) {
			continue
		}
		text := strings.NewReplacer("’", "'", "‘", "'").Replace(t.Value)
		if m := threatInLanguage(text, c.lang); m != "" {
			c.add("leverage.threat", t.Field, m)
			continue
		}
		for _, g := range wordGrams(text, 6) {
			if grams[g] {
				c.add("leverage.private-echo", t.Field, g)
				break
			}
		}
	}
}

// wordGrams returns the runs of n words of s, lower-cased, for finding
// one text inside another whatever its punctuation.
func wordGrams(s string, n int) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
	var out []string
	for i := 0; i+n <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+n], " "))
	}
	return out
}

// supportWork marks a job the call-centre studies speak to.
var supportWork = fastre.MustCompile(`(?i)(call|contact|customer|support|service|agent|help ?desk|travel|reservation|booking)`)

func (c *checker) evidence() {
	p := c.p
	remote := len(p.Arrangement.RemoteDays)
	for i, e := range p.Evidence {
		cit, ok := evidence.Lookup(e.ID)
		if !ok || !cit.Kind.ForManager() {
			continue
		}
		at := fmt.Sprintf("evidence[%d]", i)
		if strings.Contains(cit.HoldsFor, "call-centre") && !supportWork.MatchString(p.Employee.Title+" "+p.Employee.Team) {
			c.add("evidence.other-work", at, e.ID)
		}
		switch {
		case cit.RemoteDays > 0 && remote > cit.RemoteDays:
			// One day beyond the study is a nuance a manager may raise; two
			// or more is a study of another arrangement.
			sev := Risk
			if remote-cit.RemoteDays == 1 {
				sev = Weak
			}
			c.addAs(sev, "evidence.beyond-study", at, fmt.Sprintf(
				"%s measured %d remote %s a week and this asks for %d: cite it only for what it found (“in a %d-day hybrid trial…”), or choose a finding about your arrangement",
				e.ID, cit.RemoteDays, plural(cit.RemoteDays, "day", "days"), remote, cit.RemoteDays))
		}
	}
}

// short quotes at most a few words of a text.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return strings.TrimRight(string(r[:57]), " ,;:") + "…"
	}
	return s
}

// order is a rule's place in rules.md: on a tie of points, the fix
// rules.md explains first (the framing, the record) comes first.
func order(id string) int {
	for i, r := range Rules() {
		if r.ID == id {
			return i
		}
	}
	return len(Rules())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// busy is a busy time of the year, with the name the user gave it.
type busy struct {
	name   string
	period proposal.Period
}

// seasonWords name busy seasons people write in passing, with their
// months: "the holiday peak", "tax season".
var seasonWords = []struct {
	re          *fastre.Regexp
	first, last time.Month
}{
	{fastre.MustCompile(`(?i)black friday|cyber monday|holiday (peak|season|rush)|christmas (peak|rush)`), time.November, time.December},
	{fastre.MustCompile(`(?i)tax season|filing season`), time.February, time.April},
}

// busyNear finds a month named beside a word for a busy time: "volume
// almost triples in November", "our peak is December".
var busyNear = fastre.MustCompile(`(?i)(busy|busiest|peak|crunch|rush|slammed|volume (almost )?(doubles|triples)|all hands)\W+(?:\w+\W+){0,6}?(january|february|march|april|may|june|july|august|september|october|november|december)`)

// busyPeriods are the team's busy times: those under company.busy_periods,
// and those the request names in passing.
func (c *checker) busyPeriods() []busy {
	var out []busy
	for _, b := range c.p.Company.BusyPeriods {
		if period, ok := proposal.ParsePeriod(b); ok {
			out = append(out, busy{strings.TrimSpace(b), period})
		}
	}
	for _, t := range c.p.PublicTexts() {
		for _, s := range seasonWords {
			if m := s.re.FindString(t.Value); m != "" {
				out = append(out, busy{m, proposal.Period{FirstMonth: s.first, LastMonth: s.last}})
			}
		}
		if m := busyNear.FindStringSubmatch(t.Value); m != nil {
			if period, ok := proposal.ParsePeriod(m[len(m)-1]); ok {
				out = append(out, busy{m[len(m)-1], period})
			}
		}
	}
	return out
}

// placement says where the line patch ("key: value", the answer for
// field) goes in the file: under field's section where the file has it;
// where it does not, the missing sections are written around the line in
// YAML's one-line form, under the nearest section the file has, or at its
// top level.
func placement(src *proposal.Source, field, patch string) (under, line string) {
	line = patch
	parent := parentOf(field)
	for parent != "" && !src.Has(parent) && !isItem(parent) {
		key := lastKey(parent)
		k, v, _ := strings.Cut(line, ": ")
		line = key + ": {" + k + ": " + flowValue(v) + "}"
		parent = parentOf(parent)
	}
	return parent, line
}

// describe says where a line goes, for the fix a person reads.
func describe(under, line string) string {
	switch {
	case under == "":
		return "`" + line + "`"
	case isItem(under):
		return "`" + line + "`, in that item"
	}
	return "under `" + lastKey(under) + ":`, `" + line + "`"
}

// flowValue writes a value inside YAML's one-line form: a text holding a
// comma, a colon or a bracket is put in quotes there.
func flowValue(v string) string {
	if strings.HasPrefix(v, "[") || strings.HasPrefix(v, "{") || strings.HasPrefix(v, `"`) || !strings.ContainsAny(v, ",:[]{}#") {
		return v
	}
	return strconv.Quote(v)
}

// parentOf is the section or list item a field is in: "equipment" for
// "equipment.security", "trial.metrics[0]" for "trial.metrics[0].target".
func parentOf(field string) string {
	if i := strings.LastIndex(field, "."); i >= 0 {
		return field[:i]
	}
	return ""
}

func lastKey(path string) string {
	if i := strings.LastIndex(path, "."); i >= 0 {
		path = path[i+1:]
	}
	return path
}

func isItem(path string) bool { return strings.HasSuffix(path, "]") }

// jobData names the data a job handles, for the words of the finding.
func jobData(job string) string {
	switch {
	case strings.HasPrefix(job, "claim"):
		return "claims data"
	case strings.Contains(job, "research"):
		return "research participants' data"
	case strings.HasPrefix(job, "recruit") || job == "talent acquisition":
		return "candidate data"
	case job == "hr" || job == "human resources":
		return "employee data"
	case strings.HasPrefix(job, "benefits"):
		return "benefits data"
	case strings.HasPrefix(job, "underwrit"):
		return "applicant data"
	case job == "medical" || job == "clinical" || job == "nurse" || job == "coder" || job == "coding" || job == "billing":
		return "patient data"
	case job == "legal" || job == "paralegal" || job == "compliance":
		return "client data"
	}
	return job + " data" // tax data, payroll data
}
