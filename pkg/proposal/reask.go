package proposal

import (
	"fmt"
	"slices"
	"strings"
)

// ReaskAfterDays is when to ask again after a "no", unless the log says:
// about three months on.
const ReaskAfterDays = 91

// Reasked returns the proposal to make after a declined review: the
// reask scenario, dated on the day to ask again, answering each reason the
// log records, for a narrower arrangement (one remote day fewer, and never
// a day a reason was given against) in a 30-day trial that starts two
// weeks after the new date, led by the trial's own results. The private
// answers are kept. Each response is GeneratedReaskResponse, for the user
// to replace with their own answer before sending it.
func Reasked(p *Proposal, l *Log) (*Proposal, error) {
	o := l.Outcome
	if o.Decision != "declined" {
		return nil, fmt.Errorf("the log records no decline (outcome.decision is %q)", o.Decision)
	}
	q := p.Clone()
	q.Scenario = ScenarioReask
	deniedOn := o.Date
	if deniedOn.IsZero() {
		deniedOn = p.Derived.Review
	}
	askOn := o.NextReview
	if askOn.IsZero() {
		askOn = p.NextWorkday(deniedOn.AddDays(ReaskAfterDays))
	}
	q.Date = askOn
	q.Reask = Reask{DeniedOn: deniedOn}
	a := &q.Arrangement
	// One remote day fewer, never a day a reason was given against: the
	// day a reason names goes first; after a fully remote trial, that day
	// (or Wednesday, midweek) becomes the office day.
	refused := refusedDays(o.Reasons)
	days := slices.Clone(a.RemoteDays)
	if a.Type == "remote" && len(days) == 0 {
		days = slices.Clone(Workweek)
	}
	slices.Sort(days)
	drop := -1
	for i, d := range days {
		if slices.Contains(refused, d) {
			drop = i
			break
		}
	}
	switch {
	case a.Type == "remote":
		if drop < 0 {
			drop = slices.Index(days, Weekday(3))
		}
		a.Type = "hybrid"
		a.RemoteDays, a.OfficeDays = slices.Delete(days, drop, drop+1), nil
	case len(days) > 1:
		if drop < 0 {
			drop = len(days) - 1
		}
		a.RemoteDays, a.OfficeDays = slices.Delete(days, drop, drop+1), nil
	case drop >= 0:
		// The one remote day was the refused one: another weekday instead.
		for _, d := range []Weekday{3, 2, 4, 1, 5} {
			if !slices.Contains(refused, d) {
				a.RemoteDays = []Weekday{d}
				break
			}
		}
		a.OfficeDays = nil
	default:
		a.OfficeDays = nil
	}
	a.Start = p.NextWorkday(askOn.AddDays(14))
	q.Trial.LengthDays, q.Trial.CheckInDay = 30, 0
	q.Derived = Derived{}
	// The trial's own results lead the record: each measure met, with its
	// last reading.
	var results []string
	for _, m := range p.Trial.Metrics {
		if r, ok := lastReading(l, m.Name); ok && (r.Met == "yes" || r.Met == "" && Judge(m.Target, r.Value) == Met) {
			results = append(results, fmt.Sprintf("%s during the trial: %s (target %s)", m.Name, r.Value, m.Target))
		}
	}
	q.Performance.Highlights = append(results, q.Performance.Highlights...)
	for _, reason := range o.Reasons {
		q.Reask.Reasons = append(q.Reask.Reasons, ReaskReason{Reason: reason, Response: GeneratedReaskResponse})
	}
	if len(q.Reask.Reasons) == 0 {
		q.Reask.Reasons = []ReaskReason{{Reason: "The trial was not continued", Response: GeneratedReaskResponse}}
	}
	q.ApplyDefaults(askOn)
	return q, nil
}

// GeneratedReaskResponse is the answer `propose reask` writes to each
// reason: true of any narrower re-ask, and no answer to the reason itself.
// The user replaces it with their own; `propose check` flags it until then.
const GeneratedReaskResponse = "This revised proposal asks for less than the trial did, for 30 days, with a check-in halfway"

// refusedDays are the weekdays the reasons for a no name: "Fridays are
// the account review" refuses Friday.
func refusedDays(reasons []string) []Weekday {
	var out []Weekday
	for _, r := range reasons {
		for _, d := range Workweek {
			name := strings.ToLower(d.String())
			lr := strings.ToLower(r)
			if strings.Contains(lr, name) || strings.Contains(lr, name[:3]+" ") {
				out = append(out, d)
			}
		}
	}
	return out
}

// lastReading is the latest reading of a measure in the log.
func lastReading(l *Log, metric string) (Reading, bool) {
	for i := len(l.Entries) - 1; i >= 0; i-- {
		for _, r := range l.Entries[i].Readings {
			if strings.EqualFold(strings.TrimSpace(r.Metric), strings.TrimSpace(metric)) {
				return r, true
			}
		}
	}
	return Reading{}, false
}
