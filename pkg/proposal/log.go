package proposal

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// Log is the trial log: what happened each week of the trial (or on any
// date), the readings of the proposal's measures, and the decision at the
// end. It is its own file beside the proposal, NAME.log.yaml, written by
// `propose log` or by hand; `propose status` and `propose review` read it.
type Log struct {
	Version        int        `yaml:"version" validate:"required"`
	Entries        []LogEntry `yaml:"entries" validate:"dive"`
	Learned        []string   `yaml:"learned" validate:"dive,required"`
	Adjusted       []string   `yaml:"adjusted" validate:"dive,required"`
	Recommendation string     `yaml:"recommendation" validate:"omitempty,oneof=permanent extend adjust"`
	Outcome        Outcome    `yaml:"outcome"`
	Charts         []Chart    `yaml:"charts" validate:"dive"`

	source *Source
}

func (l *Log) declare() []Field {
	return []Field{
		{at: &l.Version, Doc: "The version of the log format; always 1.", Example: "1", Fix: "add `version: 1` as the first line"},
		{at: &l.Entries, Doc: "One entry a week (or any date): how the measures read, what shipped, what is next, what is blocked.",
			Item: "entry", MaxItems: 200},
		{at: &l.Learned, Doc: "What the trial taught you both, one a line, for the review report.", Ask: "What you learned",
			Help:    "One a line: what worked, what did not. Your review reports it.",
			Example: "Written updates by 10:00 answered most questions before they were asked"},
		{at: &l.Adjusted, Doc: "What was changed along the way, one a line, for the review report.", Ask: "What you adjusted",
			Help:    "One a line: what you changed along the way.",
			Example: "Slack stays open during core hours on remote days, agreed at the check-in"},
		{at: &l.Recommendation, Doc: "What you recommend at the review; by default propose recommends from the measures: permanent when every target is met, adjust when one is missed, extend when one cannot be judged yet.",
			Choices: []Choice{{"permanent", "Make the arrangement permanent"}, {"extend", "Extend the trial"}, {"adjust", "Adjust the arrangement"}}},
		{at: &l.Outcome, Doc: "The decision at the review, once it is made."},
		{at: &l.Charts, Doc: "What a measure's chart in the review report says to readers who cannot see it, in your words; by default propose describes the readings.",
			Item: "chart"},
	}
}

// Chart is the user's description of a measure's chart, read aloud by
// screen readers in place of the one propose writes.
type Chart struct {
	Metric string `yaml:"metric" validate:"required"`
	Alt    string `yaml:"alt" validate:"required"`
}

func (c *Chart) declare() []Field {
	return []Field{
		{at: &c.Metric, Doc: "The measure, by its name in the proposal's `trial.metrics`.",
			Fix: "name the measure as the proposal does, under `trial.metrics`"},
		{at: &c.Alt, Doc: "What its chart shows, in a sentence or two.",
			Example: "Reply time, 8 weeks: 52 minutes at the start, under the 60-minute target from week 3",
			Fix:     "say what the chart shows, for example `alt: Reply time fell below the 60-minute target from week 3`"},
	}
}

// ChartAlt returns the user's description of the named measure's chart,
// or "".
func (l *Log) ChartAlt(p *Proposal, metric string) string {
	for _, c := range l.Charts {
		if name, ok := MetricNamed(p, c.Metric); ok && name == metric {
			return c.Alt
		}
	}
	return ""
}

// Source returns where each field of the log was written, or nil.
func (l *Log) Source() *Source { return l.source }

// LogEntry is one week of the trial.
type LogEntry struct {
	Date        Date      `yaml:"date"`
	Readings    []Reading `yaml:"readings" validate:"dive"`
	Shipped     []string  `yaml:"shipped" validate:"dive,required"`
	Next        []string  `yaml:"next" validate:"dive,required"`
	Blocked     []string  `yaml:"blocked" validate:"dive,required"`
	OfficeDays  []Weekday `yaml:"office_days"`
	ManagerSaid string    `yaml:"manager_said"`
}

func (e *LogEntry) declare() []Field {
	return []Field{
		{at: &e.Date, Doc: "The day of the entry, usually the last working day of the week.", Ask: "The date of this entry (YYYY-MM-DD)",
			Example: "2027-01-15", Fix: "add the day of the entry as `date: YYYY-MM-DD`"},
		{at: &e.Readings, Doc: "Where each of the proposal's measures stands, by its name.", Item: "reading"},
		{at: &e.Shipped, Doc: "What you delivered since the last entry, one a line.", Ask: "What shipped since the last entry",
			Help: "One a line.", Example: "The Q1 churn dashboard"},
		{at: &e.Next, Doc: "What comes next, one a line.", Ask: "What is next", Help: "One a line.", Example: "The February forecast"},
		{at: &e.Blocked, Doc: "What is blocked or at risk, and on whom, one a line.", Ask: "What is blocked, and on whom",
			Help: "One a line; leave it empty when nothing is.", Example: "Waiting for finance to confirm the Q1 targets"},
		{at: &e.OfficeDays, Doc: "The days you were in the office that week.", Ask: "Which days were you in the office?", Flow: true},
		{at: &e.ManagerSaid, Doc: "Anything your manager said about the arrangement, in a line: the review report keeps it for you.",
			Ask: "Anything your manager said about the arrangement?", Help: "Kept for your review; it is not in the status note.", Private: true},
	}
}

// Reading is one measure's value on an entry's date.
type Reading struct {
	Metric string `yaml:"metric" validate:"required"`
	Value  string `yaml:"value" validate:"required"`
	Met    string `yaml:"met" validate:"omitempty,oneof=yes no"`
	Why    string `yaml:"why"`
}

func (r *Reading) declare() []Field {
	return []Field{
		{at: &r.Metric, Doc: "The measure, by its name in the proposal's `trial.metrics`.",
			Fix: "name the measure as the proposal does, under `trial.metrics`"},
		{at: &r.Value, Doc: "Its value on the entry's date, in the words of its target: 37, 100%, 45 minutes, 4.6 of 5.",
			Fix: "write the reading, for example `value: 37`"},
		{at: &r.Met, Doc: "Whether the target is met, when the target cannot be judged from the numbers (a reading propose cannot compare).",
			Choices: []Choice{{"yes", "The target is met"}, {"no", "The target is not met"}}},
		{at: &r.Why, Doc: "Why the measure moved, for your review prep sheet: it never reaches your manager's documents.", Private: true},
	}
}

// Outcome is the decision at the review.
type Outcome struct {
	Decision   string   `yaml:"decision" validate:"omitempty,oneof=approved extended declined"`
	Date       Date     `yaml:"date"`
	Reasons    []string `yaml:"reasons" validate:"dive,required"`
	NextReview Date     `yaml:"next_review"`
}

func (o *Outcome) declare() []Field {
	return []Field{
		{at: &o.Decision, Doc: "The decision.", Ask: "What was decided?", Choices: []Choice{
			{"approved", "Approved: the arrangement continues"}, {"extended", "Extended: the trial runs longer"},
			{"declined", "Declined"}}},
		{at: &o.Date, Doc: "When it was decided.", Ask: "When was it decided? (YYYY-MM-DD)"},
		{at: &o.Reasons, Doc: "The reasons given, one a line: for a decline, what would have to change.",
			Ask: "The reasons you were given", Help: "One a line, as they were said."},
		{at: &o.NextReview, Doc: "The next review date, when one was agreed.", Ask: "When did you agree to talk again, if you did? (YYYY-MM-DD)"},
	}
}

var logModel = sync.OnceValue(func() *model { return newModel(reflect.TypeOf(Log{})) })

// LogFields returns every field of the log format, as Fields does for the
// proposal.
func LogFields() []*Field { return logModel().all }

// LoadLog reads a trial log strictly, with positions, as Load reads a
// proposal.
func LoadLog(name string, data []byte) (*Log, error) {
	var l Log
	src, err := load(name, data, logModel(), reflect.ValueOf(&l).Elem(),
		"the log must be a set of `key: value` lines, starting with `version: 1`",
		"run `propose log` to start one")
	if src == nil {
		return nil, err
	}
	l.source = src
	return &l, err
}

// ParseLog reads and checks a trial log against its proposal: the version,
// each entry's date, and each reading's measure, which must be one the
// proposal names.
func ParseLog(name string, data []byte, p *Proposal) (*Log, error) {
	l, err := LoadLog(name, data)
	if err != nil {
		return nil, err
	}
	if ps := ValidateLog(l, p); len(ps) > 0 {
		return nil, ps
	}
	return l, nil
}

// ValidateLog checks a loaded log against its proposal and returns every
// problem, in file order.
func ValidateLog(l *Log, p *Proposal) Problems {
	src := l.source
	var ps Problems
	add := func(path, msg, fix string) { ps = append(ps, src.ValueProblemAt(path, msg, fix)) }
	if l.Version != Version {
		add("version", fmt.Sprintf("this log is version %d; this propose reads version %d", l.Version, Version), "write `version: 1`")
	}
	ps = append(ps, logStructProblems(l)...)
	for _, t := range l.Texts() {
		if msg, fix, bad := refusedText(t.Value); bad {
			add(t.Field, msg, fix)
		}
	}
	ps = append(ps, textLengths(l.Texts(), src, LookupLog)...)
	ps = append(ps, listLengths(logModel().root.Fields, reflect.ValueOf(l).Elem(), src)...)
	if !p.HasTrial() {
		add("entries", fmt.Sprintf("the %s proposal has no trial or review period to log", p.Scenario),
			"add a `trial:` section with its measures to the proposal")
		return ps.sorted()
	}
	names := make([]string, len(p.Trial.Metrics))
	for i, m := range p.Trial.Metrics {
		names[i] = m.Name
	}
	seenDates := map[Date]int{}
	for i, e := range l.Entries {
		at := fmt.Sprintf("entries[%d]", i)
		switch {
		case e.Date.IsZero():
			add(at+".date", "is missing", "add the day of the entry as `date: YYYY-MM-DD`")
		case !InLogWindow(p, e.Date):
			add(at+".date", fmt.Sprintf("%s is outside the trial (%s to %s)", e.Date, p.Derived.TrialStart, p.Derived.TrialEnd),
				"check the year and the month")
		default:
			if j, ok := seenDates[e.Date]; ok {
				add(at+".date", fmt.Sprintf("%s already has an entry (entries[%d])", e.Date, j), "keep one entry a date, or correct the date")
			}
			seenDates[e.Date] = i
		}
		seen := map[string]bool{}
		for k, r := range e.Readings {
			rat := fmt.Sprintf("%s.readings[%d]", at, k)
			name, ok := MetricNamed(p, r.Metric)
			switch {
			case r.Metric == "":
				// validate's required rule reports it
			case !ok:
				add(rat+".metric", fmt.Sprintf("%q is not a measure in the proposal", r.Metric), unknownMetricFix(r.Metric, names))
			case seen[name]:
				add(rat+".metric", fmt.Sprintf("%q has two readings in this entry", r.Metric), "keep one")
			}
			seen[name] = true
		}
	}
	charted := map[string]bool{}
	for i, c := range l.Charts {
		at := fmt.Sprintf("charts[%d].metric", i)
		name, ok := MetricNamed(p, c.Metric)
		switch {
		case c.Metric == "":
			// validate's required rule reports it
		case !ok:
			add(at, fmt.Sprintf("%q is not a measure in the proposal", c.Metric), unknownMetricFix(c.Metric, names))
		case charted[name]:
			add(at, fmt.Sprintf("%q has two descriptions", c.Metric), "keep one")
		}
		charted[name] = true
	}
	o := l.Outcome
	if o.Decision != "" && o.Decision != "approved" && o.Decision != "extended" && o.Decision != "declined" {
		add("outcome.decision", fmt.Sprintf("%q is not one of: approved, extended, declined", o.Decision), "use one of these, in lower case")
	}
	if o.Decision == "" && (len(o.Reasons) > 0 || !o.Date.IsZero() || !o.NextReview.IsZero()) {
		add("outcome.decision", "is missing", "add `decision:` approved, extended or declined")
	}
	return ps.sorted()
}

// InLogWindow reports whether a log entry may carry the date: from a week
// before the trial starts to two months after it ends (the review, and the
// weeks after a decision).
func InLogWindow(p *Proposal, d Date) bool {
	return !d.Before(p.Derived.TrialStart.AddDays(-7)) && !p.Derived.TrialEnd.AddDays(60).Before(d)
}

// MetricNamed returns the proposal's name for the measure a log calls
// name, matched without regard to case or surrounding space.
func MetricNamed(p *Proposal, name string) (string, bool) {
	for _, m := range p.Trial.Metrics {
		if strings.EqualFold(strings.TrimSpace(m.Name), strings.TrimSpace(name)) {
			return m.Name, true
		}
	}
	return "", false
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// LogName is the trial log's file beside a proposal file: proposal.yaml's
// log is proposal.log.yaml.
func LogName(proposalFile string) string {
	if proposalFile == "" || proposalFile == "-" {
		return "proposal.log.yaml"
	}
	ext := ""
	for _, e := range []string{".yaml", ".yml"} {
		if strings.HasSuffix(proposalFile, e) {
			ext = e
		}
	}
	return strings.TrimSuffix(proposalFile, ext) + ".log.yaml"
}

// logStructProblems reports what the log's struct tags require: a reading
// with its measure and value, a decision from the list, no empty item.
func logStructProblems(l *Log) Problems {
	var verrs validator.ValidationErrors
	if !errors.As(structValidator().Struct(l), &verrs) {
		return nil
	}
	var ps Problems
	for _, fe := range verrs {
		path := fe.Namespace()
		if _, rest, ok := strings.Cut(path, "."); ok {
			path = rest
		}
		msg, fix := "is missing", "add it"
		if f, ok := logModel().byPath[GenericPath(path)]; ok && f.Fix != "" {
			fix = f.Fix
		}
		switch fe.Tag() {
		case "required":
			if strings.HasSuffix(path, "]") {
				msg, fix = "this item is empty", "write the item, or delete the line"
			}
		case "oneof":
			msg = fmt.Sprintf("%q is not one of: %s", fmt.Sprint(fe.Value()), strings.ReplaceAll(fe.Param(), " ", ", "))
			fix = "use one of these, in lower case"
		default:
			msg, fix = fmt.Sprintf("fails the %q rule", fe.Tag()), ""
		}
		ps = append(ps, l.source.ValueProblemAt(path, msg, fix))
	}
	return ps
}

// MarshalLog writes a trial log in its file format, as Marshal writes a
// proposal: empty fields left out, LoadLog reads it back unchanged.
func MarshalLog(l *Log) []byte {
	w := &yamlWriter{}
	w.comment("The trial log: one entry a week, read by `propose status` and `propose review`.")
	w.comment("`propose log` adds an entry; editing it by hand is just as good.")
	v := reflect.ValueOf(l).Elem()
	for _, f := range logModel().root.Fields {
		fv := v.Field(f.index)
		if f.Key == "version" {
			w.scalar(0, f.Key, strconv.Itoa(Version))
			continue
		}
		if isEmptyValue(fv) {
			continue
		}
		w.field(0, f, fv)
	}
	return w.b.Bytes()
}

// unknownMetricFix says what to write for a measure the proposal does not
// have: the nearest of the proposal's measures' names, or all of them.
func unknownMetricFix(metric string, names []string) string {
	low := lower(names)
	if best := closest(strings.ToLower(metric), low); best != "" {
		return fmt.Sprintf("did you mean `%s`?", names[slices.Index(low, best)])
	}
	return "use a measure's name from the proposal: " + strings.Join(names, "; ")
}
