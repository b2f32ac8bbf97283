package view

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/propose-cli/propose/pkg/proposal"
)

// Review is the review report: each measure over the trial against its
// target, with a chart; what was delivered, learned and adjusted; the
// recommendation; and a sign-off for the decision. It is built from the
// public view and the log's public parts: a reading's reason and what the
// manager said are for the private review prep sheet only.
type Review struct {
	*Public
	AsOf           string // the date of the latest entry, formatted
	Final          bool   // the trial has ended: the final review, not the check-in
	WeekN          int
	WeeksTotal     int
	Measures       []ReviewMeasure
	Met            int // measures whose latest reading meets the target
	Missed         int
	Unjudged       []string // measures the report cannot judge: to be marked in the log
	Delivered      []string // what shipped, most recent first, at most maxDelivered
	MoreDelivered  int
	Learned        []string
	Adjusted       []string
	OfficeWeeks    int // weeks with an entry whose office days include every agreed one
	LoggedWeeks    int
	Recommendation string // permanent, extend or adjust
	NextReview     string // the next review the report proposes, formatted
	PlainAsOf      string
}

// ReviewMeasure is one measure over the trial.
type ReviewMeasure struct {
	Name     string
	Baseline string
	Target   string
	Latest   string
	Verdict  Verdict
	Status   string // the state in words, in the document's language
	State    string // met, missed, unmeasured or open: for templates to test
	Readings []ReadingRow
	MissedOn []string // the dates of readings below the target, short
	Chart    string   // the chart fence's body; "" when the readings are not numbers
}

// ReadingRow is one reading of a measure.
type ReadingRow struct {
	Date  string // short, such as "Jan 15"
	Value string
}

// maxDelivered is how many deliveries the report lists.
const maxDelivered = 8

// NewReview builds the review report from the log as it stands.
func NewReview(p *proposal.Proposal, l *proposal.Log) (*Review, bool) {
	return newReview(p, l, p.DocumentLanguage())
}

// newReview builds the review in the language tag: the documents', or the
// prep sheet's for the review prep sheet.
func newReview(p *proposal.Proposal, l *proposal.Log, tag string) (*Review, bool) {
	entries := byDate(l)
	if len(entries) == 0 {
		return nil, false
	}
	last := entries[len(entries)-1]
	st := LangOf(tag)
	d := p.Derived
	v := &Review{
		Public:     newPublic(p, tag),
		AsOf:       st.date(last.Date),
		PlainAsOf:  strings.ReplaceAll(st.date(last.Date), nbsp, " "),
		Final:      !last.Date.Before(d.Review.AddDays(-7)), // the last week: the report is for the review
		WeekN:      max(1, d.TrialStart.DaysUntil(last.Date)/7+1),
		WeeksTotal: (d.TrialStart.DaysUntil(d.TrialEnd) + 7) / 7,
		Learned:    lines(l.Learned),
		Adjusted:   lines(l.Adjusted),
	}
	for _, m := range p.Trial.Metrics {
		rm := ReviewMeasure{Name: Escape(capitalize(m.Name)), Baseline: Escape(m.Baseline), Target: Escape(m.Target)}
		var points []string
		numeric := true
		ref := chartReference(m, p, entries)
		for _, e := range entries {
			for _, r := range e.Readings {
				if name, ok := proposal.MetricNamed(p, r.Metric); !ok || name != m.Name {
					continue
				}
				rm.Readings = append(rm.Readings, ReadingRow{Date: st.ShortDate(e.Date.Time()), Value: Escape(r.Value)})
				rm.Latest = Escape(r.Value)
				rm.Verdict = verdictOf(m.Target, r)
				if rm.Verdict == Missed {
					rm.MissedOn = append(rm.MissedOn, st.ShortDate(e.Date.Time()))
				}
				if n, ok := proposal.Compared(ref, r.Value); ok {
					points = append(points, e.Date.String()+" "+formatNumber(n))
				} else {
					numeric = false
				}
			}
		}
		state := "open"
		switch {
		case rm.Latest == "":
			state = "unmeasured"
			v.Unjudged = append(v.Unjudged, rm.Name)
		case rm.Verdict == Met:
			state = "met"
			v.Met++
		case rm.Verdict == Missed:
			state = "missed"
			v.Missed++
		default:
			v.Unjudged = append(v.Unjudged, rm.Name)
		}
		rm.Status, rm.State = st.say("reviewStatus", state), state
		if numeric && len(points) > 0 {
			rm.Chart = chartSpec(p, m, ref, points)
		}
		v.Measures = append(v.Measures, rm)
	}
	for i := len(entries) - 1; i >= 0; i-- {
		for _, s := range lines(entries[i].Shipped) {
			if len(v.Delivered) < maxDelivered {
				v.Delivered = append(v.Delivered, s)
			} else {
				v.MoreDelivered++
			}
		}
	}
	for _, e := range entries {
		v.LoggedWeeks++
		if len(p.Arrangement.OfficeDays) > 0 && containsAll(e.OfficeDays, p.Arrangement.OfficeDays) {
			v.OfficeWeeks++
		}
	}
	v.Recommendation = l.Recommendation
	if v.Recommendation == "" {
		switch {
		case v.Missed > 0:
			v.Recommendation = "adjust"
		case len(v.Unjudged) > 0 || !v.Final:
			v.Recommendation = "extend"
		default:
			v.Recommendation = "permanent"
		}
	}
	next := l.Outcome.NextReview
	if next.IsZero() {
		next = p.NextWorkday(d.Review.AddDays(182)) // about six months on
	}
	v.NextReview = st.date(next)
	return v, true
}

// chartReference is what a measure's chart puts its numbers in the terms
// of: the target, as the judge reads the readings against it; the
// baseline when the target holds no amount ("better"); else the first
// reading that holds one, so that the readings share one scale.
func chartReference(m proposal.Metric, p *proposal.Proposal, entries []proposal.LogEntry) string {
	if _, ok := proposal.Amount(m.Target); ok {
		return m.Target
	}
	if _, ok := proposal.Amount(m.Baseline); ok {
		return m.Baseline
	}
	for _, e := range entries {
		for _, r := range e.Readings {
			if name, ok := proposal.MetricNamed(p, r.Metric); ok && name == m.Name {
				if _, ok := proposal.Amount(r.Value); ok {
					return r.Value
				}
			}
		}
	}
	return ""
}

// chartSpec writes the chart fence of a measure: its readings over the
// trial, with the baseline and the target when they are numbers. Every
// number is in the terms of ref (see chartReference), the values the
// judge compares: a reading of 19/20 against "95% or more" is drawn at
// 95 on a scale of percentages, as the table beside it says "Met".
func chartSpec(p *proposal.Proposal, m proposal.Metric, ref string, points []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", oneLine(m.Name))
	if u := proposal.Unit(ref); u != "" {
		fmt.Fprintf(&b, "unit: %s\n", u)
	}
	fmt.Fprintf(&b, "from: %s\nto: %s\n", p.Derived.TrialStart, p.Derived.TrialEnd)
	if n, ok := proposal.Compared(ref, m.Baseline); ok {
		fmt.Fprintf(&b, "baseline: %s\n", formatNumber(n))
	}
	if n, ok := proposal.Compared(ref, m.Target); ok {
		fmt.Fprintf(&b, "target: %s\n", formatNumber(n))
		switch proposal.Better(m.Target) {
		case -1:
			b.WriteString("better: lower\n")
		case 1:
			b.WriteString("better: higher\n")
		}
	}
	fmt.Fprintf(&b, "points: %s\n", strings.Join(points, "; "))
	return b.String()
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func containsAll(have, want []proposal.Weekday) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// ReviewPrivate is the review prep sheet's view: the report, and what the
// employee keeps to themselves: why a measure slipped, what the manager
// said, the proposal's private answers. It is for the prep sheet only.
type ReviewPrivate struct {
	*Review
	// ForManager is the report as the manager reads it: the same review,
	// in the documents' language when the prep sheet has its own.
	ForManager  *Review
	Slips       []Slip
	ManagerSaid []Said
}

// Slip is a measure below its target, with the user's own reason.
type Slip struct {
	Name   string
	When   string // the dates, short
	Values string
	Why    string // from the log; "" when the user gave none
}

// Said is something the manager said, with its week.
type Said struct {
	When string
	What string
}

// NewReviewPrivate builds the review prep sheet's view.
func NewReviewPrivate(p *proposal.Proposal, l *proposal.Log) (*ReviewPrivate, bool) {
	st := LangOf(p.PrepLanguageTag())
	r, ok := newReview(p, l, st.Tag)
	if !ok {
		return nil, false
	}
	v := &ReviewPrivate{Review: r, ForManager: r}
	if st.Tag != p.DocumentLanguage() {
		v.ForManager, _ = newReview(p, l, p.DocumentLanguage())
	}
	entries := byDate(l)
	for _, m := range p.Trial.Metrics {
		var when, values, why []string
		for _, e := range entries {
			for _, rd := range e.Readings {
				if name, ok := proposal.MetricNamed(p, rd.Metric); ok && name == m.Name && verdictOf(m.Target, rd) == Missed {
					when = append(when, st.ShortDate(e.Date.Time()))
					values = append(values, rd.Value)
					if rd.Why != "" {
						why = append(why, sentence(rd.Why))
					}
				}
			}
		}
		if len(when) > 0 {
			v.Slips = append(v.Slips, Slip{Name: Escape(capitalize(m.Name)), When: Escape(joinAnd(when)),
				Values: Escape(joinAnd(values)), Why: Escape(strings.Join(why, " "))})
		}
	}
	for _, e := range entries {
		if e.ManagerSaid != "" {
			v.ManagerSaid = append(v.ManagerSaid, Said{When: st.ShortDate(e.Date.Time()), What: Escape(sentence(capitalize(e.ManagerSaid)))})
		}
	}
	return v, true
}

// Permanent is the agreement for the permanent arrangement, after an
// approved review: the arrangement as it ran, what was adjusted on the way,
// the review cadence and a sign-off.
type Permanent struct {
	*Review
	Decided    string // the decision's date, formatted
	TrialDates string // such as "January 12 to March 12, 2027"
	Total      int
}

// NewPermanent builds the agreement from an approved review's log.
func NewPermanent(p *proposal.Proposal, l *proposal.Log) (*Permanent, bool) {
	r, ok := NewReview(p, l)
	if !ok || l.Outcome.Decision != "approved" {
		return nil, false
	}
	st := LangOf(p.DocumentLanguage())
	decided := l.Outcome.Date
	if decided.IsZero() {
		decided = p.Derived.Review
	}
	return &Permanent{
		Review:     r,
		Decided:    st.date(decided),
		TrialDates: st.say("dateRange", map[string]string{"From": st.date(p.Derived.TrialStart), "To": st.date(p.Derived.TrialEnd)}),
		Total:      len(r.Measures),
	}, true
}
