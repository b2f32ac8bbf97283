package render

import (
	"fmt"
	"github.com/propose-cli/propose/pkg/view"
	"time"

	"github.com/propose-cli/propose/pkg/ics"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
)

// CalendarName is the file the trial's calendar is written to.
const CalendarName = "trial.ics"

// CalendarOptions change what the calendar holds.
type CalendarOptions struct {
	// Invite makes the check-in and the review invitations to the
	// manager, from the employee; both need an email address.
	Invite bool
	// Previous is the trial.ics written before, when there is one: an
	// event that changed since it was written gets a higher SEQUENCE.
	Previous []byte
}

// Calendar renders the trial's checkpoints as an iCalendar file. A
// scenario without a trial is a problem naming the scenario; an invitation
// without the addresses it needs is a problem naming the field to fill.
func Calendar(p *proposal.Proposal, opts CalendarOptions) (output.File, error) {
	if opts.Invite {
		var ps proposal.Problems
		if p.Manager.Email == "" {
			ps = append(ps, p.Source().ProblemAt("manager.email", "is missing, and the invitation is sent to it",
				"add the manager's address as `email:` under `manager:`, or leave out --invite"))
		}
		if p.Employee.Email == "" {
			ps = append(ps, p.Source().ProblemAt("employee.email", "is missing, and the invitation comes from it",
				"add your work address as `email:` under `employee:`, or leave out --invite"))
		}
		if len(ps) > 0 {
			return output.File{}, ps
		}
	}
	if !p.HasTrial() {
		fix := "use a trial or reask proposal"
		if p.Scenario == proposal.ScenarioKeepRemote {
			fix = "add a review period: a `trial:` section with `length_days` and the measures to review"
		}
		return output.File{}, proposal.Problems{p.Source().ProblemAt("scenario",
			fmt.Sprintf("the %s proposal has no trial or review period, so there are no dates to put in a calendar", p.Scenario), fix)}
	}
	l := view.LangOf(p.DocumentLanguage())
	// A statutory request's decision date, where the law sets one.
	var (
		decisionDue            time.Time
		decision, decisionDesc string
	)
	if v := view.NewPublic(p); v.Law != nil && !v.Law.DecisionDay.IsZero() {
		decisionDue = v.Law.DecisionDay
		d := map[string]string{"Name": v.Law.Name, "Date": v.Date}
		decision, decisionDesc = v.Say("law.cal.decision", d), v.Say("law.cal.decisionDesc", d)
	}
	var metrics []string
	for _, m := range p.Trial.Metrics {
		metrics = append(metrics, l.Say("cal.metric", m))
	}
	d := map[string]any{"Review": p.Scenario == proposal.ScenarioKeepRemote, "Days": p.Trial.LengthDays, "Manager": p.Manager.Name}
	words := ics.Words{
		Calendar: l.Say("cal.name", d), Start: l.Say("cal.start", d), StartDesc: l.Say("cal.startDesc", d),
		CheckIn: l.Say("cal.checkIn", d), CheckInDesc: l.Say("cal.checkInDesc", d),
		Review: l.Say("cal.review", d), ReviewDesc: l.Say("cal.reviewDesc", d),
		Bring: l.Say("cal.bring", d), Status: l.Say("cal.status", d), StatusDesc: l.Say("cal.statusDesc", d),
		Reminder: func(s string) string { return l.Say("cal.reminder", map[string]string{"Summary": s}) },
	}
	ch := p.Arrangement.CoreHours
	coreStart := 9 * 60
	if ch.Start.Set {
		coreStart = ch.Start.Minutes
	}
	data, err := ics.Write(ics.Trial{
		Identity:     p.Employee.Name + "\x00" + p.Manager.Name + "\x00" + string(p.Scenario),
		Who:          p.Employee.Name,
		Manager:      p.Manager.Name,
		Zone:         ch.Timezone,
		CoreStart:    coreStart,
		Start:        p.Derived.TrialStart.Time(),
		CheckIn:      p.Derived.CheckIn.Time(),
		Review:       p.Derived.Review.Time(),
		End:          p.Derived.TrialEnd.Time(),
		Metrics:      metrics,
		StatusDay:    time.Friday,
		Closed:       closedDays(p),
		Stamp:        p.Date.Time(),
		LengthDays:   p.Trial.LengthDays,
		ReviewPeriod: p.Scenario == proposal.ScenarioKeepRemote,
		Invite:       opts.Invite,
		WhoEmail:     p.Employee.Email,
		ManagerEmail: p.Manager.Email,
		Previous:     opts.Previous,
		Words:        words,
		DecisionDue:  decisionDue,
		Decision:     decision,
		DecisionDesc: decisionDesc,
	})
	if err != nil {
		return output.File{}, err
	}
	return output.File{Name: CalendarName, Data: data}, nil
}

// closedDays are the public holidays in the trial where the employee works.
func closedDays(p *proposal.Proposal) []time.Time {
	var out []time.Time
	for d := p.Derived.TrialStart; !d.IsZero() && !p.Derived.TrialEnd.Before(d); d = d.AddDays(1) {
		if p.HolidayOn(d) != "" {
			out = append(out, d.Time())
		}
	}
	return out
}
