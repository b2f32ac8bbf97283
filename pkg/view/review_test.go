package view

import (
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/chart"
	"github.com/propose-cli/propose/pkg/proposal"
)

// TestReviewChartPlotsWhatTheJudgeCompares: for every form of reading the
// judge reads (the cases of proposal's TestJudgeReadsTargetsAsPeopleWriteThem),
// the review chart draws the reading at the value the verdict was decided
// on, in the target's terms, and the table's status agrees with the side
// of the target line the point falls on. A reading the judge cannot put in
// the target's terms is not drawn at all: no chart, never a point on the
// wrong scale.
func TestReviewChartPlotsWhatTheJudgeCompares(t *testing.T) {
	src, _ := examples.Get("trial")
	base, err := proposal.Parse("trial.yaml", src, proposal.NewDate(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	const none = "none drawn"
	for _, c := range []struct {
		target, reading string
		unit            string  // the chart's unit
		point           float64 // the point drawn
		drawn           bool    // a chart is drawn
		targetAt        float64 // the target line, when the target holds an amount
	}{
		// Plain numbers, with every direction people write.
		{"37 or more", "39", "", 39, true, 37}, {"37 or more", "36", "", 36, true, 37}, {"37 or more", "37", "", 37, true, 37},
		{"≥ 14", "14", "", 14, true, 14}, {"≥ 14", "13.5", "", 13.5, true, 14}, {">= 14", "15", "", 15, true, 14},
		{"6 or fewer", "7", "", 7, true, 6}, {"-2 or more", "-1", "", -1, true, -2}, {"0 or fewer", "0", "", 0, true, 0},
		{"40+", "41", "", 41, true, 40}, {"40+", "39", "", 39, true, 40}, {"40 and up", "40", "", 40, true, 40},
		{"no fewer than 40", "40", "", 40, true, 40}, {"no fewer than 40", "39", "", 39, true, 40},
		{"no more than 3", "4", "", 4, true, 3}, {"37", "40", "", 40, true, 37}, {"37-40", "38", "", 38, true, 37},
		{"none", "0", "", 0, true, 0}, {"none", "2", "", 2, true, 0},
		// Times however they are written, in the unit that suits the
		// target: minutes, hours from two hours, days from one day.
		{"under 1 hour", "45 minutes", "minutes", 45, true, 60}, {"under 1 hour", "75 minutes", "minutes", 75, true, 60},
		{"under 1 hour", "60 minutes", "minutes", 60, true, 60}, {"within 2 hours", "2 hours", "hours", 2, true, 2},
		{"at most 2 days", "3 days", "days", 3, true, 2}, {"within 2 days", "36 hours", "days", 1.5, true, 2},
		{"under 1 hour", "2h", "minutes", 120, true, 60}, {"under 1 hour", "1h 30m", "minutes", 90, true, 60},
		{"under 1 hour", "1:30", "minutes", 90, true, 60}, {"under 1 hour", "1h30", "minutes", 90, true, 60},
		{"under 1 hour", "1 h 5 min", "minutes", 65, true, 60}, {"under 1 hour", "half an hour", "minutes", 30, true, 60},
		{"under 80 minutes", "an hour and a half", "minutes", 90, true, 80}, {"under 1 hour", "0:45", "minutes", 45, true, 60},
		{"under 1 hour", "45m", "minutes", 45, true, 60}, {"under 1 hour", "< 1 hour", "minutes", 60, true, 60},
		{"under 1 hour", "< 2 hours", "minutes", 120, true, 60},
		// Percentages, and shares against them as their percentage.
		{"100%", "100%", "%", 100, true, 100}, {"100%", "96%", "%", 96, true, 100}, {"5% or less", "3%", "%", 3, true, 5},
		{"95%", "96%", "%", 96, true, 95}, {"100%", "4/4", "%", 100, true, 100}, {"100%", "3 of 4", "%", 75, true, 100},
		{"100%", "2 of 2", "%", 100, true, 100}, {"95% or more", "19/20", "%", 95, true, 95},
		{"All", "all", "%", 100, true, 100}, {"All", "4/4", "%", 100, true, 100}, {"All", "3 of 4", "%", 75, true, 100},
		// Shares of a whole, as a share of the target's whole.
		{"4.5 of 5 or better", "4.7 of 5", "of 5", 4.7, true, 4.5}, {"4.5 of 5 or better", "4.4 of 5", "of 5", 4.4, true, 4.5},
		{"4.5 of 5 or better", "9 of 10", "of 5", 4.5, true, 4.5}, {"4.5 of 5 or better", "4.6", "of 5", 4.6, true, 4.5},
		// A target without an amount: the readings on their own scale.
		{"better", "4.7", "", 4.7, true, 0},
		// What the judge cannot put in the target's terms is not drawn.
		{"fine", "ok", none, 0, false, 0}, {"under 1 hour", "quickly", none, 0, false, 0},
		{"under 1 hour", "2", none, 0, false, 0}, {"95% or more", "96", none, 0, false, 0},
	} {
		p := *base
		p.Trial.Metrics = []proposal.Metric{{Name: "Measure", Target: c.target}}
		date := p.Derived.TrialStart.AddDays(3)
		l := &proposal.Log{Version: 1, Entries: []proposal.LogEntry{{Date: date,
			Readings: []proposal.Reading{{Metric: "Measure", Value: c.reading}}}}}
		v, ok := NewReview(&p, l)
		if !ok {
			t.Fatalf("%q against %q: no review", c.reading, c.target)
		}
		m := v.Measures[0]
		verdict := proposal.Judge(c.target, c.reading)
		if want := map[Verdict]string{Met: "Met", Missed: "Not met", Unknown: "To be judged"}[verdict]; m.Status != want {
			t.Errorf("%q against %q: the table says %q, the judge %v", c.reading, c.target, m.Status, verdict)
		}
		if !c.drawn {
			if m.Chart != "" {
				t.Errorf("%q against %q: drawn though the judge cannot compare it:\n%s", c.reading, c.target, m.Chart)
			}
			continue
		}
		spec, err := chart.Parse(m.Chart)
		if err != nil {
			t.Fatalf("%q against %q: %v\n%s", c.reading, c.target, err, m.Chart)
		}
		if len(spec.Points) != 1 || spec.Points[0].Value != c.point {
			t.Errorf("%q against %q: drawn at %v, want %v", c.reading, c.target, spec.Points, c.point)
			continue
		}
		if spec.Unit != c.unit {
			t.Errorf("%q against %q: unit %q, want %q", c.reading, c.target, spec.Unit, c.unit)
		}
		if _, holds := proposal.Amount(c.target); holds != spec.HasTarget || holds && spec.Target != c.targetAt {
			t.Errorf("%q against %q: target line %v at %v, want %v at %v", c.reading, c.target, spec.HasTarget, spec.Target, holds, c.targetAt)
			continue
		}
		// The verdict and the side of the target line the point is on.
		at, goal := spec.Points[0].Value, spec.Target
		if spec.Better == chart.Lower {
			at, goal = -at, -goal
		}
		switch {
		case verdict == Met && (spec.Better == chart.Unstated || at < goal):
			t.Errorf("%q against %q: met, drawn on the wrong side of the target (%v, better %v)", c.reading, c.target, spec.Points[0].Value, spec.Better)
		case verdict == Missed && (spec.Better == chart.Unstated || at > goal):
			t.Errorf("%q against %q: not met, drawn on the good side of the target (%v, better %v)", c.reading, c.target, spec.Points[0].Value, spec.Better)
		}
	}
}

// TestReviewChartSaysWhatTheLogSays: a description the user gives for a
// measure's chart in the log is what the chart says to a screen reader, in
// place of the one propose writes; other charts keep propose's.
func TestReviewChartSaysWhatTheLogSays(t *testing.T) {
	src, _ := examples.Get("trial")
	p, err := proposal.Parse("trial.yaml", src, proposal.NewDate(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	logSrc, _ := examples.Get("trial.log")
	const mine = "Replies came faster every week and stayed under the hour from week 3"
	logSrc = append(logSrc, []byte("charts:\n  - metric: median first response to stakeholder questions\n    alt: "+mine+"\n")...)
	l, err := proposal.ParseLog("trial.log.yaml", logSrc, p)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := NewReview(p, l)
	if !ok {
		t.Fatal("no review")
	}
	found := 0
	for _, m := range v.Measures {
		if m.Chart == "" {
			continue
		}
		spec, err := chart.Parse(m.Chart)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case m.Name == "Median first response to stakeholder questions":
			found++
			if got := chart.Describe(spec); got != mine {
				t.Errorf("the chart says %q, want the log's %q", got, mine)
			}
		case chart.Describe(spec) == mine:
			t.Errorf("%s took another measure's description", m.Name)
		}
	}
	if found != 1 {
		t.Errorf("found %d charts of the measure, want 1", found)
	}

	bad := append(logSrc, []byte("  - metric: Dashbords\n    alt: x\n")...)
	if _, err := proposal.ParseLog("trial.log.yaml", bad, p); err == nil || !strings.Contains(err.Error(), `charts[1].metric: "Dashbords" is not a measure in the proposal`) {
		t.Errorf("an unknown measure in charts: %v", err)
	}
}
