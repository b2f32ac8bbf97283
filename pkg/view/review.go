package view

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/propose-cli/propose/pkg/chart"
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
		var points []chartPoint
		numeric := true
		ref := chartReference(m, p, entries)
		per, unit := st.chartUnit(ref)
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
					points = append(points, chartPoint{e.Date, n / per})
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
			rm.Chart = chartSpec(p, st, m, ref, points, per, unit, l.ChartAlt(p, m.Name))
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
// chartPoint is one reading as a chart draws it.
type chartPoint struct {
	on proposal.Date
	v  float64
}

// chartSpec writes a measure's chart fence. alt is the user's own
// description of it, from the log; "" lets propose describe the readings.
func chartSpec(p *proposal.Proposal, st *Lang, m proposal.Metric, ref string, points []chartPoint, per float64, unit string, alt string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\n", oneLine(m.Name))
	// The chart's words and its dates and numbers are the document's; a
	// fence says only where they differ from its English defaults.
	if !st.English() {
		fmt.Fprintf(&b, "lang: %s\n", st.Tag)
	}
	en := chart.EnglishWords
	for _, w := range []struct{ key, phrase, def string }{{"baseline_label", "baseline", en.Baseline}, {"target_label", "target", en.Target},
		{"or_more", "or-more", en.OrMore}, {"or_less", "or-less", en.OrLess}, {"note", "note", en.Note}} {
		if s := oneLine(st.say("chart", w.phrase)); s != w.def {
			fmt.Fprintf(&b, "%s: %s\n", w.key, s)
		}
	}
	// unit: "%" and "of 5" set the scale's top, which the chart reads; a
	// length of time is named in the unit it is drawn in. unit_label names
	// the unit in the document's language where that differs.
	u := proposal.Unit(ref)
	if proposal.IsDuration(ref) {
		u = unit
	}
	if u != "" {
		fmt.Fprintf(&b, "unit: %s\n", u)
	}
	if unit != "" && unit != u {
		fmt.Fprintf(&b, "unit_label: %s\n", unit)
	}
	fmt.Fprintf(&b, "from: %s\nto: %s\n", p.Derived.TrialStart, p.Derived.TrialEnd)
	if n, ok := proposal.Compared(ref, m.Baseline); ok {
		fmt.Fprintf(&b, "baseline: %s\n", formatNumber(n/per))
	}
	if n, ok := proposal.Compared(ref, m.Target); ok {
		fmt.Fprintf(&b, "target: %s\n", formatNumber(n/per))
		switch proposal.Better(m.Target) {
		case -1:
			b.WriteString("better: lower\n")
		case 1:
			b.WriteString("better: higher\n")
		}
	}
	var ps []string
	for _, pt := range points {
		ps = append(ps, pt.on.String()+" "+formatNumber(pt.v))
	}
	switch {
	case alt != "":
		fmt.Fprintf(&b, "alt: %s\n", oneLine(alt))
	case !st.English():
		fmt.Fprintf(&b, "alt: %s\n", oneLine(st.chartAlt(m, ref, points, per, unit)))
	}
	fmt.Fprintf(&b, "points: %s\n", strings.Join(ps, "; "))
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

// chartUnit is how a measure's chart counts: lengths of time in the
// unit that suits the target (minutes, hours or days: a target of "6.5
// working days" is drawn in days, not in 9,360 minutes), with the unit
// named in the document's language. per divides the minutes Compared
// gives; unit is "" where the chart needs no caption.
func (l *Lang) chartUnit(ref string) (per float64, unit string) {
	if !proposal.IsDuration(ref) {
		if u := proposal.Unit(ref); strings.HasPrefix(u, "of ") {
			return 1, l.say("chartUnit", map[string]string{"Kind": "of", "N": strings.TrimPrefix(u, "of ")})
		}
		return 1, ""
	}
	minutes, _ := proposal.Compared(ref, ref)
	switch {
	case minutes >= 1440:
		return 1440, l.say("chartUnit", map[string]string{"Kind": "days"})
	case minutes >= 120:
		return 60, l.say("chartUnit", map[string]string{"Kind": "hours"})
	}
	return 1, l.say("chartUnit", map[string]string{"Kind": "minutes"})
}

// chartAlt says what a measure's chart shows, for readers who cannot see
// it, in the document's language: the readings, the latest, the baseline
// and the target. (An English chart says it in the chart's own words.)
func (l *Lang) chartAlt(m proposal.Metric, ref string, points []chartPoint, per float64, unit string) string {
	value := func(v float64) string {
		t := l.Decimal(formatNumber(v))
		switch {
		case proposal.Unit(ref) == "%":
			return t + l.PercentSign()
		case unit != "":
			return t + " " + unit
		}
		return t
	}
	d := map[string]any{"Title": oneLine(m.Name), "N": len(points)}
	if len(points) > 0 {
		d["First"] = l.date(points[0].on)
		d["Last"] = l.date(points[len(points)-1].on)
		d["Latest"] = value(points[len(points)-1].v)
	}
	if n, ok := proposal.Compared(ref, m.Baseline); ok {
		d["Baseline"] = value(n / per)
	}
	if n, ok := proposal.Compared(ref, m.Target); ok {
		d["Target"] = value(n / per)
		switch proposal.Better(m.Target) {
		case -1:
			d["Better"] = "lower"
		case 1:
			d["Better"] = "higher"
		}
	}
	return l.say("chartAlt", d)
}
