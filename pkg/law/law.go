// Package law is the library of what the law says about a request to work
// remotely or flexibly where the user works: one embedded file a
// jurisdiction (rules/CODE.yaml), each rule with its source, the date it
// was checked against it and, where one is known, the date it is next
// expected to change. It is information with its sources, not legal
// advice; the documents and `propose rules` say so.
//
// The package computes what a rule decides from dates (when a request must
// be sent, when the employer's decision is due) and reports what a request
// lacks. It knows nothing of the proposal file: callers pass plain dates.
package law

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/propose-cli/propose/pkg/fastre"
)

//go:embed rules/*.yaml
var files embed.FS

// Jurisdiction is one place's rules.
type Jurisdiction struct {
	Code      string `yaml:"code"`
	Name      string `yaml:"name"`
	Law       string `yaml:"law"`       // the statute, or "none for …"
	Statutory bool   `yaml:"statutory"` // a statutory request exists that the user may choose

	// The numbers the rules set; zero where the law sets none.
	LeadDays          int  `yaml:"lead_days"`                   // a request is sent at least this many days before the start
	LeadMonths        int  `yaml:"lead_months"`                 // or this many months
	MinServiceDays    int  `yaml:"min_service_days"`            // service needed, in days
	MinServiceMonths  int  `yaml:"min_service_months"`          // or in months
	ServiceAtRequest  bool `yaml:"service_at_request"`          // the service is needed when the request is made, not by the start
	MaxRequests       int  `yaml:"max_requests_12_months"`      // statutory requests allowed in any 12 months
	DecideMonths      int  `yaml:"decide_months_after_request"` // the decision is due this many months after the request
	DecideDays        int  `yaml:"decide_days_after_request"`   // or this many days after it
	DecideMonthsAhead int  `yaml:"decide_months_before_start"`  // or this many months before the start
	MinStaff          int  `yaml:"min_staff"`                   // the law applies to employers with at least this many staff

	// MustSay are the statements a statutory request carries: statutory,
	// date, change, start, end, previous, effect, signed, reasons,
	// location, suitability.
	MustSay []string `yaml:"must_say"`
	// Grounds are the only grounds a refusal may rest on, where the law
	// lists them: costs, customers, reorganise, recruit, quality,
	// performance, work, structural.
	Grounds []string `yaml:"grounds"`
	// Accommodation marks a jurisdiction where a request for medical
	// reasons takes the accommodation route, not a business case.
	Accommodation bool `yaml:"accommodation"`

	Rules []Rule `yaml:"rules"`
}

// Rule is one thing the law says, with where it says it.
type Rule struct {
	ID      string `yaml:"id"`
	Says    string `yaml:"says"`
	Source  string `yaml:"source"`
	URL     string `yaml:"url"`
	Checked Day    `yaml:"checked"` // when it was last checked against its source
	Changes Day    `yaml:"changes"` // from when it may have changed; zero when no change is known
	// Expected says when the change is expected, in words, where no day
	// is known ("in 2027, on a date not yet set"); "" to give Changes.
	Expected string `yaml:"expected"`
}

// Day is a calendar day, written YYYY-MM-DD.
type Day struct{ time.Time }

// UnmarshalText reads a day written YYYY-MM-DD.
func (d *Day) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return fmt.Errorf("%q is not a date written YYYY-MM-DD", b)
	}
	d.Time = t
	return nil
}

// Codes are the jurisdictions with rules, in the order the file format
// lists them; "other" is any place with none.
var Codes = []string{"GB", "NI", "IE", "NL", "ES", "DE", "US"}

// parsed holds each jurisdiction's rules, parsed the first time they are
// asked for: a render reads one file of the seven.
var parsed = func() map[string]func() (*Jurisdiction, error) {
	m := map[string]func() (*Jurisdiction, error){}
	for _, code := range Codes {
		m[code] = sync.OnceValues(func() (*Jurisdiction, error) { return parse(files, code) })
	}
	return m
}()

// parse reads and checks the rules of the jurisdiction code in fsys.
func parse(fsys fs.FS, code string) (*Jurisdiction, error) {
	b, err := fs.ReadFile(fsys, "rules/"+code+".yaml")
	if err != nil {
		return nil, fmt.Errorf("law: %w", err)
	}
	var j Jurisdiction
	if err := yaml.UnmarshalWithOptions(b, &j, yaml.DisallowUnknownField()); err != nil {
		return nil, fmt.Errorf("law: rules/%s.yaml: %w", code, err)
	}
	if j.Code != code {
		return nil, fmt.Errorf("law: rules/%s.yaml: its code is %q", code, j.Code)
	}
	for _, r := range j.Rules {
		if r.Source == "" || r.URL == "" || r.Checked.IsZero() {
			return nil, fmt.Errorf("law: rules/%s.yaml: rule %s has no source, address or date checked", code, r.ID)
		}
	}
	return &j, nil
}

// Of returns the rules of a jurisdiction by its code, and whether there are
// any ("other" has none).
func Of(code string) (*Jurisdiction, bool) {
	get, ok := parsed[strings.ToUpper(code)]
	if !ok {
		return nil, false
	}
	j, err := get()
	if err != nil {
		panic(err) // the embedded rules are parsed by the tests: a broken file is a fault of the build
	}
	return j, true
}

// All returns every jurisdiction's rules, in Codes order.
func All() []*Jurisdiction {
	var out []*Jurisdiction
	for _, c := range Codes {
		j, _ := Of(c)
		out = append(out, j)
	}
	return out
}

// Checked is the date the jurisdiction's rules were last checked: the
// oldest of its rules'.
func (j *Jurisdiction) Checked() time.Time {
	var oldest time.Time
	for _, r := range j.Rules {
		if oldest.IsZero() || r.Checked.Before(oldest) {
			oldest = r.Checked.Time
		}
	}
	return oldest
}

// Changed returns the rules whose expected change date is on or before
// day: what the tool says of them may be out of date.
func (j *Jurisdiction) Changed(day time.Time) []Rule {
	var out []Rule
	for _, r := range j.Rules {
		if !r.Changes.IsZero() && !day.Before(r.Changes.Time) {
			out = append(out, r)
		}
	}
	return out
}

// Says reports whether a statutory request in the jurisdiction carries the
// statement.
func (j *Jurisdiction) Says(statement string) bool { return slices.Contains(j.MustSay, statement) }

// SendBy is the last day a request may be sent for a change starting on
// start, where the law sets a lead time; zero otherwise.
func (j *Jurisdiction) SendBy(start time.Time) time.Time {
	switch {
	case start.IsZero():
		return time.Time{}
	case j.LeadMonths > 0:
		return start.AddDate(0, -j.LeadMonths, 0)
	case j.LeadDays > 0:
		return start.AddDate(0, 0, -j.LeadDays)
	}
	return time.Time{}
}

// DecisionDue is the day the employer's decision is due for a request sent
// on sent for a change starting on start, where the law sets one; zero
// otherwise.
func (j *Jurisdiction) DecisionDue(sent, start time.Time) time.Time {
	switch {
	case j.DecideMonths > 0:
		// "The period of two months beginning with" the day of the
		// request counts that day: it ends the day before the same date
		// two months on.
		return sent.AddDate(0, j.DecideMonths, -1)
	case j.DecideDays > 0:
		return sent.AddDate(0, 0, j.DecideDays)
	case j.DecideMonthsAhead > 0 && !start.IsZero():
		return start.AddDate(0, -j.DecideMonthsAhead, 0)
	}
	return time.Time{}
}

// ServiceBy is the day the service the law asks for is complete, for an
// employee who started on started; zero when the law asks none.
func (j *Jurisdiction) ServiceBy(started time.Time) time.Time {
	switch {
	case started.IsZero():
		return time.Time{}
	case j.MinServiceMonths > 0:
		return started.AddDate(0, j.MinServiceMonths, 0)
	case j.MinServiceDays > 0:
		return started.AddDate(0, 0, j.MinServiceDays)
	}
	return time.Time{}
}

// Assessment is what the law makes of a statutory request sent on one day
// for a change starting on another, by an employee who started on a third:
// the dates it sets and whether the request meets them. Zero dates where
// the law sets none.
type Assessment struct {
	SendBy      time.Time // the last day to send the request for that start
	DecisionDue time.Time // the day the employer's decision is due
	ServiceBy   time.Time // the day the service the law asks for is complete
	Late        bool      // sent after SendBy
	// ShortService: the service is not complete when the law counts it,
	// on the day of the request (Northern Ireland) or by the start.
	ShortService bool
	// Earliest is the earliest start the law allows, when the lead time or
	// the service pushes it past the start asked for; zero otherwise.
	Earliest time.Time
}

// Assess measures a request against the jurisdiction's clock.
func (j *Jurisdiction) Assess(sent, start, started time.Time) Assessment {
	a := Assessment{SendBy: j.SendBy(start), DecisionDue: j.DecisionDue(sent, start), ServiceBy: j.ServiceBy(started)}
	a.Late = !a.SendBy.IsZero() && a.SendBy.Before(sent)
	if a.Late {
		a.Earliest = start.Add(sent.Sub(a.SendBy))
	}
	if !a.ServiceBy.IsZero() {
		if j.ServiceAtRequest {
			a.ShortService = sent.Before(a.ServiceBy)
		} else if !start.IsZero() && start.Before(a.ServiceBy) {
			a.ShortService = true
			if a.ServiceBy.After(a.Earliest) {
				a.Earliest = a.ServiceBy
			}
		}
	}
	return a
}

// groundWords find which of the statutory grounds a reason given for a
// refusal points to, in the words people use in the languages propose
// writes, without accents: the text is lower-cased and its accents taken
// off (fastre.Fold), so "dépenses" and "depenses" read alike.
var groundWords = []struct {
	ground string
	re     *fastre.Regexp
}{
	{"structural", fastre.MustCompile(`restructur|reorgani[sz]ation|merger|umstrukturierung|neuorganisation|restructuration|reestructuraci|reorganizaci|reorganisatie|herstructurering`)},
	{"recruit", fastre.MustCompile(`recruit|hire|hiring|headcount|einstell|recrut|contratar|contrataci|werven|aannemen`)},
	{"costs", fastre.MustCompile(`cost|expens|budget|money|kosten|cout|depense|coste|gasto|presupuesto`)},
	{"customers", fastre.MustCompile(`customer|client|kunde|cliente|klant`)},
	{"quality", fastre.MustCompile(`quality|qualitat|qualitaet|qualite|calidad|kwaliteit`)},
	{"performance", fastre.MustCompile(`performance|productiv|output|leistung|produktiv|rendement|rendimiento|productividad|prestaties|productiviteit`)},
	{"work", fastre.MustCompile(`not enough work|nothing to do|workload|arbeitsmenge|zu wenig arbeit|pas assez de travail|charge de travail|no hay suficiente trabajo|carga de trabajo|te weinig werk|werkaanbod`)},
	{"reorganise", fastre.MustCompile(`cover|coverage|colleague|team|rota|vertretung|kolleg|equipe|collegue|companer|equipo|collega|bezetting`)},
}

// GroundOf returns the statutory ground a reason given for a refusal
// points to (costs, customers, reorganise, recruit, quality, performance,
// work or structural), or "" when it points to none of them.
func GroundOf(reason string) string {
	r := fastre.Fold(strings.ToLower(reason))
	for _, g := range groundWords {
		if g.re.MatchString(r) {
			return g.ground
		}
	}
	return ""
}

// medicalWords name a health matter in the employee's own words, written
// without accents: Medical reads the text folded, since \b knows only
// ASCII letters and would never end a word after "santé".
var medicalWords = fastre.MustCompile(`(?i)\b(medical|health|illness|chronic|disabilit\w*|condition|diagnos\w*|therapy|treatment|migraines?|fatigue|anxiety|depression|surgery|long covid|pain` +
	`|gesundheit\w*|krankheit|chronisch\w*|behinderung|sante|maladie|chronique|handicap|salud|enfermedad|cronic\w*|discapacidad|gezondheid|ziekte|chronisch|beperking)\b`)

// Medical reports whether a text names a health matter.
func Medical(text string) bool { return medicalWords.MatchString(fastre.Fold(text)) }
