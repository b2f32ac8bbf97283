package proposal

import (
	"slices"
	"time"

	"github.com/propose-cli/propose/pkg/locale"
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

// AllowsTrial reports whether the scenario may have a trial: section. In
// keep-remote it is optional and means a review period with measures.
func (s Scenario) AllowsTrial() bool {
	return s.UsesTrial() || s == ScenarioKeepRemote
}

// HasTrial reports whether the proposal has a trial (in keep-remote, a
// review period) to render.
func (p *Proposal) HasTrial() bool {
	return p.Scenario.AllowsTrial() && p.Trial.LengthDays > 0
}

// ReviewAfterDays is when an arrangement without a trial is reviewed: about
// three months in.
const ReviewAfterDays = 91

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
	t := &p.Trial
	if p.Scenario.UsesTrial() || (p.Scenario == ScenarioKeepRemote && t.LengthDays > 0) {
		if t.CheckInDay == 0 && t.LengthDays > 0 {
			t.CheckInDay = t.LengthDays / 2
		}
		start := a.Start
		if p.Scenario == ScenarioKeepRemote && (start.IsZero() || start.Before(p.Date)) {
			// The arrangement already runs: the review period starts now.
			start = nextWorkday(p.Date, p.WorkRegion())
		}
		if !start.IsZero() && t.LengthDays > 0 {
			p.Derived.TrialStart = start
			p.Derived.TrialEnd = start.AddDays(t.LengthDays - 1)
			// Meetings go on working days, and on office days when there
			// are any: the check-in on the first one from its day on, the
			// review on the last one before the trial ends.
			region := p.WorkRegion()
			p.Derived.CheckIn = nextMeetingDay(start.AddDays(t.CheckInDay-1), a.OfficeDays, region, 1, p.Derived.TrialEnd)
			p.Derived.Review = nextMeetingDay(p.Derived.TrialEnd, a.OfficeDays, region, -1, p.Derived.CheckIn.AddDays(1))
		}
		return
	}
	switch p.Scenario {
	case ScenarioKeepRemote:
		at := laterDate(a.Start, p.Date).AddDays(ReviewAfterDays)
		p.Derived.Review = nextMeetingDay(at, a.OfficeDays, p.WorkRegion(), 1, at.AddDays(6))
	case ScenarioOffer:
		if !a.Start.IsZero() {
			at := a.Start.AddDays(ReviewAfterDays)
			p.Derived.Review = nextMeetingDay(at, a.OfficeDays, p.WorkRegion(), 1, at.AddDays(6))
		}
	}
}

// NoticeDays is the notice either side gives to end or change the
// arrangement: the trial's, or the default. The proposal states a notice
// period only where the file gives one (NoticeWritten); the review and the
// agreement after it use this.
func (p *Proposal) NoticeDays() int {
	if p.HasTrial() && p.Trial.NoticeDays > 0 {
		return p.Trial.NoticeDays
	}
	return DefaultNoticeDays
}

func laterDate(a, b Date) Date {
	if a.Before(b) {
		return b
	}
	return a
}

func isWeekend(d Date) bool {
	return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
}

// NextWeekday returns d, or the first weekday after it when d falls on a
// weekend.
func NextWeekday(d Date) Date { return nextWeekday(d) }

func nextWeekday(d Date) Date {
	for isWeekend(d) {
		d = d.AddDays(1)
	}
	return d
}

// nextMeetingDay moves d by step (1 or -1) to a working day in region (a
// weekday that is not a public holiday there), and to an office day when
// there are office days and one comes before limit; otherwise to the
// nearest working day.
func nextMeetingDay(d Date, office []Weekday, region string, step int, limit Date) Date {
	move := func(d Date) Date {
		if step > 0 {
			return nextWorkday(d, region)
		}
		return previousWorkday(d, region)
	}
	day := move(d)
	if len(office) == 0 {
		return day
	}
	for at := day; ; at = at.AddDays(step) {
		if (step > 0 && limit.Before(at)) || (step < 0 && at.Before(limit)) {
			return day
		}
		if slices.Contains(office, Weekday(at.Weekday())) && !isDayOff(at, region) {
			return at
		}
	}
}

// NoticeWritten reports whether the file gives the notice either side
// gives: a notice period is a term the user offers, never a default.
func (p *Proposal) NoticeWritten() bool { return p.HasTrial() && p.Trial.NoticeDays > 0 }

// DocumentLanguage is the language tag of the documents the manager reads:
// the file's language, or US English on letter and British English on A4.
func (p *Proposal) DocumentLanguage() string {
	if p.Language != "" {
		return p.Language
	}
	if p.Paper == "a4" {
		return "en-GB"
	}
	return "en-US"
}

// PrepLanguageTag is the language tag of the private prep sheets: the
// file's prep_language, or the documents' language.
func (p *Proposal) PrepLanguageTag() string {
	if p.PrepLanguage != "" {
		return p.PrepLanguage
	}
	return p.DocumentLanguage()
}

// languageChoices offers every supported language, by its own name.
func languageChoices() []Choice {
	var out []Choice
	for _, l := range locale.Languages {
		label := l.Native
		if l.Native != l.Name {
			label += " (" + l.Name + ")"
		}
		out = append(out, Choice{l.Tag, label})
	}
	return out
}
