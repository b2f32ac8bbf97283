// Package ics writes a trial's checkpoints as an iCalendar file (RFC 5545):
// the start, the check-in and the review, each with a reminder the day
// before and what to bring, and a weekly reminder to send the status
// summary. Each event's UID is made from what the trial is, never its
// dates, and its SEQUENCE grows when it changes, so importing the file
// again updates the events. It uses github.com/emersion/go-ical for the format (line
// folding, escaping, validation of required properties) and writes the
// VTIMEZONE from Go's own zone data, which that library does not do.
package ics

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"
)

// Trial is what the calendar needs to know.
type Trial struct {
	// Identity is what the trial is, whatever its dates: the employee,
	// the manager and the scenario. The events' UIDs are made from it and
	// the kind of each event, so that a calendar importing the file again
	// after the dates move updates the events instead of adding more.
	Identity  string
	Who       string    // the employee, for the descriptions
	Manager   string    // who the meetings are with
	Zone      string    // IANA zone of the core hours; "" for all-day events
	CoreStart int       // minutes after midnight the working day starts, when Zone is set
	Start     time.Time // first day of the trial (date)
	CheckIn   time.Time // check-in day (date)
	Review    time.Time // review day (date)
	End       time.Time // last day of the trial (date)
	Metrics   []string  // "name: target (now: baseline, measured by …)"
	StatusDay time.Weekday
	// Closed are the public holidays where the employee works: the weekly
	// reminder does not fall on one (EXDATE).
	Closed     []time.Time
	Stamp      time.Time // DTSTAMP: the document date, so output is reproducible; also gives SEQUENCE
	LengthDays int
	// ReviewPeriod marks a review period (keep-remote): the arrangement
	// already runs, and nothing is on trial.
	ReviewPeriod bool
	// Invite makes the check-in and the review invitations (METHOD:REQUEST,
	// RFC 5546): the employee as ORGANIZER, the manager as ATTENDEE asked
	// to reply. Both need an address.
	Invite                 bool
	WhoEmail, ManagerEmail string
	// Previous is the calendar written before, when there is one: an
	// event that changed since gets a higher SEQUENCE than it had there,
	// one that did not keeps it. nil when there is none.
	Previous []byte
	Words    Words

	// DecisionDue is the day the law has the employer's decision on a
	// statutory request due; zero for none. Decision and DecisionDesc
	// name and describe its event.
	DecisionDue            time.Time
	Decision, DecisionDesc string
}

// Words are the events' names and descriptions, in the language of the
// documents; the caller writes them (they live with the language's
// phrases).
type Words struct {
	Calendar             string                      // the calendar's name
	Start, StartDesc     string                      // the first day's event
	CheckIn, CheckInDesc string                      // the check-in meeting, with the manager named
	Review, ReviewDesc   string                      // the review meeting, with the manager named
	Bring                string                      // the line before the measures
	Status, StatusDesc   string                      // the weekly status reminder
	Reminder             func(summary string) string // an alarm's text the day before
}

// Write returns the calendar as an .ics file.
func Write(t Trial) ([]byte, error) {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//propose//trial calendar//EN")
	words := t.Words
	cal.Props.Set(rawProp("X-WR-CALNAME", words.Calendar))
	if t.Invite {
		cal.Props.SetText(ical.PropMethod, "REQUEST")
	}

	var loc *time.Location
	if t.Zone != "" {
		l, err := time.LoadLocation(t.Zone)
		if err != nil {
			return nil, fmt.Errorf("calendar time zone %q: %w", t.Zone, err)
		}
		loc = l
		cal.Children = append(cal.Children, timezone(l, t.Start.AddDate(-1, 0, 0), t.End.AddDate(1, 0, 0)))
	}
	bring := words.Bring + "\n"
	for _, m := range t.Metrics {
		bring += "- " + m + "\n"
	}
	key := uidKey(t)
	at := func(day time.Time, minutes int) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), minutes/60, minutes%60, 0, 0, loc)
	}
	meeting := func(uid, summary, desc string, day time.Time) *ical.Component {
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, key+"-"+uid+"@propose")
		ev.Props.SetDateTime(ical.PropDateTimeStamp, t.Stamp.UTC())
		ev.Props.SetText(ical.PropSummary, summary)
		ev.Props.SetText(ical.PropDescription, desc)
		if loc != nil {
			ev.Props.SetDateTime(ical.PropDateTimeStart, at(day, t.CoreStart+60))
			ev.Props.SetDateTime(ical.PropDateTimeEnd, at(day, t.CoreStart+90))
		} else {
			ev.Props.SetDate(ical.PropDateTimeStart, day)
			ev.Props.SetDate(ical.PropDateTimeEnd, day.AddDate(0, 0, 1))
		}
		if t.Invite {
			org := ical.NewProp(ical.PropOrganizer)
			org.Value = "mailto:" + t.WhoEmail
			org.Params.Set(ical.ParamCommonName, t.Who)
			ev.Props.Set(org)
			att := ical.NewProp(ical.PropAttendee)
			att.Value = "mailto:" + t.ManagerEmail
			att.Params.Set(ical.ParamCommonName, t.Manager)
			att.Params.Set(ical.ParamRole, "REQ-PARTICIPANT")
			att.Params.Set(ical.ParamRSVP, "TRUE")
			ev.Props.Set(att)
		}
		ev.Children = append(ev.Children, reminder(words.Reminder(summary)))
		return ev.Component
	}
	startDesc := words.StartDesc + "\n\n" + bring
	start := ical.NewEvent()
	start.Props.SetText(ical.PropUID, key+"-start@propose")
	start.Props.SetDateTime(ical.PropDateTimeStamp, t.Stamp.UTC())
	start.Props.SetText(ical.PropSummary, words.Start)
	start.Props.SetText(ical.PropDescription, startDesc)
	start.Props.SetDate(ical.PropDateTimeStart, t.Start)
	start.Props.SetDate(ical.PropDateTimeEnd, t.Start.AddDate(0, 0, 1))
	start.Children = append(start.Children, reminder(words.Reminder(words.Start)))
	cal.Children = append(cal.Children, start.Component,
		meeting("checkin", words.CheckIn, words.CheckInDesc+"\n\n"+bring, t.CheckIn),
		meeting("review", words.Review, words.ReviewDesc+"\n\n"+bring, t.Review),
	)

	if !t.DecisionDue.IsZero() {
		due := ical.NewEvent()
		due.Props.SetText(ical.PropUID, key+"-decision@propose")
		due.Props.SetDateTime(ical.PropDateTimeStamp, t.Stamp.UTC())
		due.Props.SetText(ical.PropSummary, t.Decision)
		due.Props.SetText(ical.PropDescription, t.DecisionDesc)
		due.Props.SetDate(ical.PropDateTimeStart, t.DecisionDue)
		due.Props.SetDate(ical.PropDateTimeEnd, t.DecisionDue.AddDate(0, 0, 1))
		cal.Children = append(cal.Children, due.Component)
	}

	status := ical.NewEvent()
	status.Props.SetText(ical.PropUID, key+"-status@propose")
	status.Props.SetDateTime(ical.PropDateTimeStamp, t.Stamp.UTC())
	status.Props.SetText(ical.PropSummary, words.Status)
	status.Props.SetText(ical.PropDescription, words.StatusDesc)
	first := t.Start
	for first.Weekday() != t.StatusDay {
		first = first.AddDate(0, 0, 1)
	}
	until := time.Date(t.End.Year(), t.End.Month(), t.End.Day(), 23, 59, 59, 0, time.UTC)
	if loc != nil {
		status.Props.SetDateTime(ical.PropDateTimeStart, at(first, t.CoreStart+6*60))
		status.Props.SetDateTime(ical.PropDateTimeEnd, at(first, t.CoreStart+6*60+15))
	} else {
		status.Props.SetDate(ical.PropDateTimeStart, first)
		status.Props.SetDate(ical.PropDateTimeEnd, first.AddDate(0, 0, 1))
	}
	status.Props.SetRecurrenceRule(&rrule.ROption{Freq: rrule.WEEKLY, Until: until})
	// No reminder on a public holiday: each week's date that is one is
	// left out of the rule, as the first one is written.
	for d := first; !d.After(until); d = d.AddDate(0, 0, 7) {
		for _, c := range t.Closed {
			if c.Year() != d.Year() || c.YearDay() != d.YearDay() {
				continue
			}
			ex := ical.NewProp(ical.PropExceptionDates)
			if loc != nil {
				ex.SetDateTime(at(d, t.CoreStart+6*60))
			} else {
				ex.SetDate(d)
			}
			status.Props.Add(ex)
		}
	}
	cal.Children = append(cal.Children, status.Component)
	setSequences(cal.Events(), t.Stamp, t.Previous)

	var b bytes.Buffer
	if err := ical.NewEncoder(&b).Encode(cal); err != nil {
		return nil, fmt.Errorf("write calendar: %w", err)
	}
	return fold(b.Bytes()), nil
}

// fold breaks content lines longer than 75 octets, as RFC 5545 §3.1 asks,
// never inside a UTF-8 character; the library writes them whole.
func fold(data []byte) []byte {
	var out bytes.Buffer
	for _, line := range strings.SplitAfter(string(data), "\r\n") {
		body := strings.TrimSuffix(line, "\r\n")
		limit := 75
		for len(body) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(body[cut]) {
				cut--
			}
			out.WriteString(body[:cut] + "\r\n ")
			body = body[cut:]
			limit = 74 // the leading space counts
		}
		out.WriteString(body)
		if strings.HasSuffix(line, "\r\n") {
			out.WriteString("\r\n")
		}
	}
	return out.Bytes()
}

// uidKey is stable for a trial: it is made from the trial's identity
// alone, never from its dates, so the same employee, manager and scenario
// give the same UIDs however the dates move, and importing the file again
// updates the events instead of adding more.
func uidKey(t Trial) string {
	s := sha256.Sum256([]byte(strings.Join(strings.Fields(strings.ToLower(t.Identity)), " ")))
	return hex.EncodeToString(s[:8])
}

// sequenceEpoch is the day SEQUENCE counts from.
var sequenceEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// setSequences gives each event its SEQUENCE (RFC 5545 §3.8.7.4). A
// calendar takes an event whose UID it holds as an update when its
// SEQUENCE is higher (RFC 5546 §2.1.5), so the number must grow whenever
// an event's dates or words change. It is derived, so that writing the
// same proposal again gives the same file:
//
//   - at least the days from sequenceEpoch to the document date (stamp),
//     so that a proposal re-issued under a later date updates every event,
//     even in a new output folder;
//   - and, when the previous calendar is at hand, one more than the event
//     had there if the event changed (a date moved, earlier or later), the
//     same if it did not.
func setSequences(events []ical.Event, stamp time.Time, previous []byte) {
	day := time.Date(stamp.Year(), stamp.Month(), stamp.Day(), 0, 0, 0, 0, time.UTC)
	floor := max(0, int(day.Sub(sequenceEpoch).Hours()/24))
	type was struct {
		seq    int
		digest string
	}
	before := map[string]was{}
	if previous != nil {
		// A previous file that cannot be read is as good as none: the
		// document date still gives each event its floor.
		if cal, err := ical.NewDecoder(bytes.NewReader(previous)).Decode(); err == nil {
			for _, ev := range cal.Events() {
				uid, _ := ev.Props.Text(ical.PropUID)
				seq := 0
				if p := ev.Props.Get(ical.PropSequence); p != nil {
					seq, _ = strconv.Atoi(strings.TrimSpace(p.Value))
				}
				before[uid] = was{seq, digest(ev.Component)}
			}
		}
	}
	for _, ev := range events {
		uid, _ := ev.Props.Text(ical.PropUID)
		seq := floor
		if w, ok := before[uid]; ok {
			if w.digest == digest(ev.Component) {
				seq = max(seq, w.seq)
			} else {
				seq = max(seq, w.seq+1)
			}
		}
		ev.Props.Set(rawProp(ical.PropSequence, strconv.Itoa(seq)))
	}
}

// digest is what an event says, its properties and its reminders, without
// DTSTAMP and SEQUENCE, which change with the writing and not the event.
func digest(c *ical.Component) string {
	h := sha256.New()
	var walk func(c *ical.Component)
	walk = func(c *ical.Component) {
		fmt.Fprintf(h, "BEGIN:%s\n", c.Name)
		names := make([]string, 0, len(c.Props))
		for name := range c.Props {
			if name != ical.PropDateTimeStamp && name != ical.PropSequence {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		for _, name := range names {
			for _, p := range c.Props[name] {
				keys := make([]string, 0, len(p.Params))
				for k := range p.Params {
					keys = append(keys, k)
				}
				slices.Sort(keys)
				fmt.Fprintf(h, "%s", name)
				for _, k := range keys {
					fmt.Fprintf(h, ";%s=%q", k, p.Params[k])
				}
				fmt.Fprintf(h, ":%q\n", p.Value)
			}
		}
		for _, child := range c.Children {
			walk(child)
		}
		fmt.Fprintf(h, "END:%s\n", c.Name)
	}
	walk(c)
	return hex.EncodeToString(h.Sum(nil))
}

func reminder(text string) *ical.Component {
	a := ical.NewComponent(ical.CompAlarm)
	a.Props.SetText(ical.PropAction, "DISPLAY")
	a.Props.SetText(ical.PropDescription, text)
	a.Props.Set(rawProp(ical.PropTrigger, "-P1D"))
	return a
}

// timezone describes loc between from and to as a VTIMEZONE, one
// observance for each change of offset Go's zone data knows.
// maxZoneChanges caps the changes of offset a calendar describes: a trial
// of at most 90 days, padded by a year either side, has a handful.
const maxZoneChanges = 64

func timezone(loc *time.Location, from, to time.Time) *ical.Component {
	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, loc.String())
	t := time.Date(from.Year(), 1, 1, 0, 0, 0, 0, loc)
	name, offset := t.Zone()
	var changes int
	// Each step moves to the next change of offset. Go's zone data can
	// return the same boundary again (past the end of its rules, around a
	// leap year from 2040 on): a boundary that does not move forward ends
	// the walk, and so does the cap, so no date can make this loop forever.
	for step := 0; t.Before(to) && step < maxZoneChanges; step++ {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.After(to) || !end.After(t) {
			break
		}
		newName, newOffset := end.Zone()
		if newOffset != offset || newName != name {
			tz.Children = append(tz.Children, observance(end, offset, newOffset, newName))
			changes++
		}
		name, offset, t = newName, newOffset, end
	}
	if changes == 0 {
		tz.Children = append(tz.Children, observance(time.Date(1970, 1, 1, 0, 0, 0, 0, loc), offset, offset, name))
	}
	return tz
}

func observance(at time.Time, fromOffset, toOffset int, name string) *ical.Component {
	kind := ical.CompTimezoneStandard
	if at.IsDST() {
		kind = ical.CompTimezoneDaylight
	}
	o := ical.NewComponent(kind)
	// DTSTART of an observance is the local time, before the change.
	local := at.In(time.FixedZone("", fromOffset))
	dt := ical.NewProp(ical.PropDateTimeStart)
	dt.SetValueType(ical.ValueDateTime)
	dt.Value = local.Format("20060102T150405")
	o.Props.Set(dt)
	o.Props.Set(rawProp(ical.PropTimezoneOffsetFrom, utcOffset(fromOffset)))
	o.Props.Set(rawProp(ical.PropTimezoneOffsetTo, utcOffset(toOffset)))
	o.Props.SetText(ical.PropTimezoneName, name)
	return o
}

func utcOffset(seconds int) string {
	sign := "+"
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	return fmt.Sprintf("%s%02d%02d", sign, seconds/3600, seconds%3600/60)
}

// rawProp is a property whose value is written as given, in its default
// type (UTC offsets, which go-ical has no setter for).
func rawProp(name, value string) *ical.Prop {
	p := ical.NewProp(name)
	p.Value = value
	return p
}

// Reminder is a single all-day event with a reminder the day before: the
// day to ask again after a "no".
type Reminder struct {
	Who     string    // the employee, for the UID
	Summary string    // what the day is for
	Detail  string    // the description
	Day     time.Time // the day (date)
	Stamp   time.Time // DTSTAMP, for reproducible output
}

// WriteReminder returns the reminder as an .ics file.
func WriteReminder(r Reminder) ([]byte, error) {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//propose//reminder//EN")
	s := sha256.Sum256([]byte(strings.ToLower(r.Who) + "\x00" + r.Day.Format("2006-01-02") + "\x00" + r.Summary))
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, hex.EncodeToString(s[:8])+"-reminder@propose")
	ev.Props.SetDateTime(ical.PropDateTimeStamp, r.Stamp.UTC())
	ev.Props.SetText(ical.PropSummary, r.Summary)
	ev.Props.SetText(ical.PropDescription, r.Detail)
	ev.Props.SetDate(ical.PropDateTimeStart, r.Day)
	ev.Props.SetDate(ical.PropDateTimeEnd, r.Day.AddDate(0, 0, 1))
	ev.Children = append(ev.Children, reminder(r.Summary))
	cal.Children = append(cal.Children, ev.Component)
	var b bytes.Buffer
	if err := ical.NewEncoder(&b).Encode(cal); err != nil {
		return nil, fmt.Errorf("write calendar: %w", err)
	}
	return fold(b.Bytes()), nil
}
