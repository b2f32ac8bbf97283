package proposal

import (
	"slices"
	"time"
)

// Defaults a file may leave out.
const (
	DefaultPaper      = "letter"
	DefaultNoticeDays = 14
)

// UsesTrial reports whether the scenario proposes a trial period.
func (s Scenario) UsesTrial() bool {
	return s == ScenarioTrial || s == ScenarioReask
}

// ApplyDefaults fills what the file left out and computes the derived dates.
// It is the one place defaults live. today is the document date when the
// file gives none. It is safe on a proposal that does not validate.
func (p *Proposal) ApplyDefaults(today Date) {
	if p.Date.IsZero() {
		p.Date = today
	}
	if p.Paper == "" {
		p.Paper = DefaultPaper
	}
	a := &p.Arrangement
	if a.Type == "remote" && len(a.RemoteDays) == 0 {
		a.RemoteDays = append([]Weekday(nil), Workweek...)
	}
	if a.Type == "hybrid" && len(a.OfficeDays) == 0 && len(a.RemoteDays) > 0 {
		for _, d := range Workweek {
			if !slices.Contains(a.RemoteDays, d) {
				a.OfficeDays = append(a.OfficeDays, d)
			}
		}
	}
	if p.Scenario.UsesTrial() {
		t := &p.Trial
		if t.CheckInDay == 0 && t.LengthDays > 0 {
			t.CheckInDay = t.LengthDays / 2
		}
		if t.NoticeDays == 0 {
			t.NoticeDays = DefaultNoticeDays
		}
		if !a.Start.IsZero() && t.LengthDays > 0 {
			p.Derived.TrialEnd = a.Start.AddDays(t.LengthDays - 1)
			p.Derived.CheckIn = nextWeekday(a.Start.AddDays(t.CheckInDay - 1))
			p.Derived.Review = previousWeekday(p.Derived.TrialEnd)
		}
	}
}

func isWeekend(d Date) bool {
	return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
}

func nextWeekday(d Date) Date {
	for isWeekend(d) {
		d = d.AddDays(1)
	}
	return d
}

func previousWeekday(d Date) Date {
	for isWeekend(d) {
		d = d.AddDays(-1)
	}
	return d
}
