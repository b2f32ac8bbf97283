package proposal

import (
	"fmt"
	"slices"
)

// ReaskAfterDays is when to ask again after a "no", unless the log says:
// about three months on.
const ReaskAfterDays = 91

// Reasked returns the proposal to make after a declined review: the
// reask scenario, dated on the day to ask again, answering each reason the
// log records, for a narrower arrangement (one remote day fewer, or two
// remote days after a fully remote trial) in a 30-day trial that starts
// two weeks after the new date. The private answers are kept. Each
// response says what is true of the trial and of the narrower ask; the
// user is to write their own before sending it.
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
	switch {
	case a.Type == "remote":
		a.Type, a.RemoteDays, a.OfficeDays = "hybrid", []Weekday{Weekday(1), Weekday(5)}, nil
	case len(a.RemoteDays) > 1:
		days := slices.Clone(a.RemoteDays)
		slices.Sort(days)
		a.RemoteDays, a.OfficeDays = days[:len(days)-1], nil
	default:
		a.OfficeDays = nil
	}
	a.Start = p.NextWorkday(askOn.AddDays(14))
	q.Trial.LengthDays, q.Trial.CheckInDay = 30, 0
	q.Derived = Derived{}
	narrower := "This revised proposal asks for less than the trial did, for 30 days, with a check-in halfway"
	for _, reason := range o.Reasons {
		q.Reask.Reasons = append(q.Reask.Reasons, ReaskReason{Reason: reason, Response: narrower})
	}
	if len(q.Reask.Reasons) == 0 {
		q.Reask.Reasons = []ReaskReason{{Reason: "The trial was not continued", Response: narrower}}
	}
	q.ApplyDefaults(askOn)
	return q, nil
}
