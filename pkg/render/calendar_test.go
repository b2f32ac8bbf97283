package render

import (
	"bytes"
	"errors"
	"strconv"
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
	f, err := Calendar(load(t, src), CalendarOptions{})
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
	golden.Check(t, golden.Path(t, "trial.ics"), f.Data)
}

func TestCalendarUIDsAreStable(t *testing.T) {
	src, _ := examples.Get("trial")
	a, _ := Calendar(load(t, src), CalendarOptions{})
	later := bytes.Replace(src, []byte("date: 2027-01-05"), []byte("date: 2027-01-08"), 1)
	later = bytes.Replace(later, []byte("target: 37 or more"), []byte("target: 40 or more"), 1)
	b, _ := Calendar(load(t, later), CalendarOptions{})
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
	_, err := Calendar(load(t, src), CalendarOptions{})
	var ps proposal.Problems
	line := 1 + strings.Count(string(src[:strings.Index(string(src), "\nscenario:")+1]), "\n")
	if !errors.As(err, &ps) || ps[0].Field != "scenario" || ps[0].Line != line {
		t.Fatalf("got %v", err)
	}
}

// events reads a calendar's events by the kind their UID names ("start",
// "checkin", "review", "status").
func events(t *testing.T, data []byte) (*ical.Calendar, map[string]ical.Event) {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]ical.Event{}
	for _, ev := range cal.Events() {
		uid, _ := ev.Props.Text(ical.PropUID)
		kind := strings.TrimSuffix(uid[strings.Index(uid, "-")+1:], "@propose")
		out[kind] = ev
	}
	if len(out) != 4 {
		t.Fatalf("%d kinds of event, want 4", len(out))
	}
	return cal, out
}

func sequenceOf(t *testing.T, ev ical.Event) int {
	t.Helper()
	p := ev.Props.Get(ical.PropSequence)
	if p == nil {
		t.Fatal("no SEQUENCE")
	}
	n, err := strconv.Atoi(p.Value)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCalendarUpdatesWhenTheDatesMove: moving the start date keeps every
// UID, so a calendar importing the file again updates its events, and
// gives every moved event a higher SEQUENCE (RFC 5546 §2.1.5), whether
// the trial moves later or back again, the document date unchanged;
// writing the same proposal again changes nothing. Without the previous
// file, a later document date is what raises it.
func TestCalendarUpdatesWhenTheDatesMove(t *testing.T) {
	src, _ := examples.Get("trial")
	moved := bytes.Replace(src, []byte("start: 2027-01-12"), []byte("start: 2027-01-19"), 1)
	if bytes.Equal(moved, src) {
		t.Fatal("the example's start date is not where the test expects it")
	}
	first, err := Calendar(load(t, src), CalendarOptions{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := Calendar(load(t, moved), CalendarOptions{Previous: first.Data})
	if err != nil {
		t.Fatal(err)
	}
	third, err := Calendar(load(t, src), CalendarOptions{Previous: second.Data})
	if err != nil {
		t.Fatal(err)
	}
	again, err := Calendar(load(t, src), CalendarOptions{Previous: third.Data})
	if err != nil {
		t.Fatal(err)
	}
	_, a := events(t, first.Data)
	_, b := events(t, second.Data)
	_, c := events(t, third.Data)
	for kind, ev := range a {
		start := func(ev ical.Event) string { return ev.Props.Get(ical.PropDateTimeStart).Value }
		if start(b[kind]) == start(ev) {
			t.Errorf("%s did not move", kind)
		}
		uid := func(ev ical.Event) string { v, _ := ev.Props.Text(ical.PropUID); return v }
		if uid(b[kind]) != uid(ev) || uid(c[kind]) != uid(ev) {
			t.Errorf("%s: UID %s, then %s, then %s; a calendar would add the event again", kind, uid(ev), uid(b[kind]), uid(c[kind]))
		}
		if sa, sb, sc := sequenceOf(t, ev), sequenceOf(t, b[kind]), sequenceOf(t, c[kind]); sb <= sa || sc <= sb {
			t.Errorf("%s: SEQUENCE %d, then %d moved later, then %d moved back; want each higher", kind, sa, sb, sc)
		}
	}
	if !bytes.Equal(again.Data, third.Data) {
		t.Error("writing the same proposal again changed the calendar")
	}

	reissued := bytes.Replace(moved, []byte("date: 2027-01-05"), []byte("date: 2027-01-08"), 1)
	fresh, err := Calendar(load(t, reissued), CalendarOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, f := events(t, fresh.Data)
	for kind, ev := range a {
		if sequenceOf(t, f[kind]) <= sequenceOf(t, ev) {
			t.Errorf("%s: SEQUENCE %d under a later document date, was %d", kind, sequenceOf(t, f[kind]), sequenceOf(t, ev))
		}
	}
}

// TestCalendarInvitesTheManager: --invite makes the check-in and the
// review a request (METHOD:REQUEST) from the employee to the manager, who
// is asked to reply; the employee's own reminders invite nobody. Without
// it nothing of the kind is written, and an invitation without the
// manager's address is a problem at manager.email.
func TestCalendarInvitesTheManager(t *testing.T) {
	src, _ := examples.Get("trial")
	plain, err := Calendar(load(t, src), CalendarOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"METHOD", "ORGANIZER", "ATTENDEE"} {
		if bytes.Contains(plain.Data, []byte(w)) {
			t.Errorf("without --invite the calendar holds %s", w)
		}
	}
	f, err := Calendar(load(t, src), CalendarOptions{Invite: true})
	if err != nil {
		t.Fatal(err)
	}
	cal, evs := events(t, f.Data)
	if m := cal.Props.Get(ical.PropMethod); m == nil || m.Value != "REQUEST" {
		t.Errorf("METHOD %v, want REQUEST", m)
	}
	for kind, ev := range evs {
		org, att := ev.Props.Get(ical.PropOrganizer), ev.Props.Get(ical.PropAttendee)
		if kind == "start" || kind == "status" {
			if org != nil || att != nil {
				t.Errorf("%s invites someone", kind)
			}
			continue
		}
		if org == nil || org.Value != "mailto:zoe.okafor@example.com" || org.Params.Get(ical.ParamCommonName) != "Zoë Okafor" {
			t.Errorf("%s: ORGANIZER %v", kind, org)
		}
		if att == nil || att.Value != "mailto:priya.raman@example.com" || att.Params.Get(ical.ParamCommonName) != "Priya Raman" ||
			att.Params.Get(ical.ParamRole) != "REQ-PARTICIPANT" || att.Params.Get(ical.ParamRSVP) != "TRUE" {
			t.Errorf("%s: ATTENDEE %v", kind, att)
		}
	}

	noEmail := bytes.Replace(src, []byte("  email: priya.raman@example.com\n"), nil, 1)
	if bytes.Equal(noEmail, src) {
		t.Fatal("the example's manager email is not where the test expects it")
	}
	_, err = Calendar(load(t, noEmail), CalendarOptions{Invite: true})
	var ps proposal.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Field != "manager.email" || ps[0].Line == 0 {
		t.Fatalf("got %v, want a problem at manager.email", err)
	}
	if _, err := Calendar(load(t, noEmail), CalendarOptions{}); err != nil {
		t.Errorf("without --invite the manager's address is not needed: %v", err)
	}
}
