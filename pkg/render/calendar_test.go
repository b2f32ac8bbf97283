package render

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/pkg/proposal"
)

func TestCalendarPutsTheCheckpointsOnTheRightDates(t *testing.T) {
	src, _ := examples.Get("trial")
	f, err := Calendar(load(t, src))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(f.Data), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets; RFC 5545 folds at 75", i+1, len(line))
		}
	}
	cal, err := ical.NewDecoder(bytes.NewReader(f.Data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	chicago, _ := time.LoadLocation("America/Chicago")
	if tz := cal.Children[0]; tz.Name != ical.CompTimezone || tz.Props.Get(ical.PropTimezoneID).Value != "America/Chicago" {
		t.Fatalf("first component %s, want the VTIMEZONE of the core hours", tz.Name)
	}
	want := map[string]string{ // summary → start, in Chicago time
		"Remote work trial begins":        "2027-01-12 (all day)",
		"Trial check-in with Priya Raman": "2027-02-10 10:00 CST",
		"Trial review with Priya Raman":   "2027-03-11 10:00 CST", // Thursday, the last office day of the trial
		"Send the weekly status summary":  "2027-01-15 15:00 CST",
	}
	events := cal.Events()
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d", len(events), len(want))
	}
	for _, ev := range events {
		summary, _ := ev.Props.Text(ical.PropSummary)
		start := ev.Props.Get(ical.PropDateTimeStart)
		var got string
		if start.ValueType() == ical.ValueDate {
			d, _ := start.DateTime(time.UTC)
			got = d.Format("2006-01-02") + " (all day)"
		} else {
			if start.Params.Get(ical.PropTimezoneID) != "America/Chicago" {
				t.Errorf("%s: TZID %q", summary, start.Params.Get(ical.PropTimezoneID))
			}
			d, err := start.DateTime(chicago)
			if err != nil {
				t.Fatal(err)
			}
			got = d.In(chicago).Format("2006-01-02 15:04 MST")
		}
		if want[summary] != got {
			t.Errorf("%q starts %s, want %s", summary, got, want[summary])
		}
		if summary == "Send the weekly status summary" {
			if r := ev.Props.Get(ical.PropRecurrenceRule); r == nil || r.Value != "FREQ=WEEKLY;UNTIL=20270312T235959Z" {
				t.Errorf("status reminder recurrence %v", r)
			}
			continue
		}
		var alarms int
		for _, c := range ev.Children {
			if c.Name == ical.CompAlarm && c.Props.Get(ical.PropTrigger).Value == "-P1D" {
				alarms++
			}
		}
		if alarms != 1 {
			t.Errorf("%q has %d day-before reminders", summary, alarms)
		}
		desc, _ := ev.Props.Text(ical.PropDescription)
		if !strings.Contains(desc, "Weekly dashboards delivered on time: target 100%") {
			t.Errorf("%q does not say what to bring: %q", summary, desc)
		}
	}
	golden.Check(t, "testdata/TestCalendar/trial.ics", f.Data)
}

func TestCalendarUIDsAreStable(t *testing.T) {
	src, _ := examples.Get("trial")
	a, _ := Calendar(load(t, src))
	later := bytes.Replace(src, []byte("date: 2027-01-05"), []byte("date: 2027-01-08"), 1)
	later = bytes.Replace(later, []byte("target: 37 or more"), []byte("target: 40 or more"), 1)
	b, _ := Calendar(load(t, later))
	uids := func(data []byte) []string {
		cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, ev := range cal.Events() {
			uid, _ := ev.Props.Text(ical.PropUID)
			out = append(out, uid)
		}
		return out
	}
	if ua, ub := strings.Join(uids(a.Data), " "), strings.Join(uids(b.Data), " "); ua != ub || len(uids(a.Data)) != 4 {
		t.Errorf("UIDs changed with the proposal's details, so re-importing would duplicate:\n%s\n%s", ua, ub)
	}
}

func TestCalendarNeedsATrial(t *testing.T) {
	src, _ := examples.Get("offer")
	_, err := Calendar(load(t, src))
	var ps proposal.Problems
	line := 1 + strings.Count(string(src[:strings.Index(string(src), "\nscenario:")+1]), "\n")
	if !errors.As(err, &ps) || ps[0].Field != "scenario" || ps[0].Line != line {
		t.Fatalf("got %v", err)
	}
}
