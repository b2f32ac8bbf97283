package view

import (
	"slices"
	"strings"

	"github.com/propose-cli/propose/pkg/proposal"
)

// Status is one week's status note to the manager: the public view, the
// week's entry of the trial log, and each measure so far against its
// target. It holds nothing private: neither the proposal's private
// answers nor a reading's reason, which is for the review prep sheet.
type Status struct {
	*Public
	Week       string // the entry's date, formatted
	WeekN      int    // the week of the trial the entry falls in, from 1
	WeeksTotal int
	Final      bool // the entry is on or after the trial's last day
	Shipped    []string
	Next       []string
	Blocked    []string
	InOffice   string // the days in the office that week, such as "Tuesday to Thursday"
	Measures   []Measure
	OnTarget   int // measures whose latest reading meets the target
	Judged     int // measures whose latest reading could be judged
	PlainWeek  string
}

// Measure is one of the proposal's measures, as the log reads it so far.
type Measure struct {
	Name     string
	Baseline string
	Target   string
	Latest   string // the latest reading up to the entry; "" when none yet
	Verdict  Verdict
	Status   string // the state in words: "On target", "Below target", "Not yet measured", "To be judged"
	State    string // met, missed, unmeasured or open: for templates to test
}

// NewStatus builds the status note of the log's entry on the date (the
// latest entry when date is zero). It returns false when the log has no
// such entry.
func NewStatus(p *proposal.Proposal, l *proposal.Log, date proposal.Date) (*Status, bool) {
	entries := byDate(l)
	at := len(entries) - 1
	if !date.IsZero() {
		at = slices.IndexFunc(entries, func(e proposal.LogEntry) bool { return e.Date == date })
	}
	if at < 0 {
		return nil, false
	}
	e := entries[at]
	st := LangOf(p.DocumentLanguage())
	d := p.Derived
	v := &Status{
		Public:     NewPublic(p),
		Week:       st.date(e.Date),
		PlainWeek:  strings.ReplaceAll(st.date(e.Date), nbsp, " "),
		WeekN:      max(1, d.TrialStart.DaysUntil(e.Date)/7+1),
		WeeksTotal: (d.TrialStart.DaysUntil(d.TrialEnd) + 7) / 7,
		Final:      !e.Date.Before(d.TrialEnd),
		Shipped:    lines(e.Shipped),
		Next:       lines(e.Next),
		Blocked:    lines(e.Blocked),
		InOffice:   st.dayPhrase(e.OfficeDays, false),
	}
	for _, m := range p.Trial.Metrics {
		ms := Measure{Name: Escape(capitalize(m.Name)), Baseline: Escape(m.Baseline), Target: Escape(m.Target)}
		for _, past := range entries[:at+1] {
			for _, r := range past.Readings {
				if name, ok := proposal.MetricNamed(p, r.Metric); ok && name == m.Name {
					ms.Latest = Escape(r.Value)
					ms.Verdict = verdictOf(m.Target, r)
				}
			}
		}
		state := "open"
		switch {
		case ms.Latest == "":
			state = "unmeasured"
		case ms.Verdict == Met:
			state = "met"
			v.OnTarget++
			v.Judged++
		case ms.Verdict == Missed:
			state = "missed"
			v.Judged++
		}
		ms.Status, ms.State = st.say("measureStatus", state), state
		v.Measures = append(v.Measures, ms)
	}
	return v, true
}

// verdictOf is the reading's verdict: the user's mark in the log when
// there is one, else the target judged against the value.
func verdictOf(target string, r proposal.Reading) Verdict {
	switch r.Met {
	case "yes":
		return Met
	case "no":
		return Missed
	}
	return proposal.Judge(target, r.Value)
}

// Subject is the status email's subject line.
func (s *Status) Subject() string {
	return s.lang.say("statusSubject", map[string]any{"Week": s.WeekN, "Weeks": s.WeeksTotal, "Label": s.AttachmentLabel})
}

// byDate returns the log's entries in date order.
func byDate(l *proposal.Log) []proposal.LogEntry {
	entries := slices.Clone(l.Entries)
	slices.SortStableFunc(entries, func(a, b proposal.LogEntry) int { return a.Date.Time().Compare(b.Date.Time()) })
	return entries
}
