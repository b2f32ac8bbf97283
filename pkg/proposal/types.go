package proposal

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/propose-cli/propose/pkg/fastre"
	"github.com/propose-cli/propose/pkg/locale"
)

// valueError is a value that cannot be read, with how to write it instead.
type valueError struct{ msg, fix string }

func (e *valueError) Error() string { return e.msg + " (" + e.fix + ")" }

// Date is a calendar day with no time of day and no time zone.
type Date struct {
	t time.Time // midnight UTC; zero when unset
}

// NewDate returns the date for year, month and day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	return NewDate(t.Year(), t.Month(), t.Day())
}

// UnmarshalText reads a date written as YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(string(b)))
	if err != nil {
		return &valueError{fmt.Sprintf("%q is not a date", string(b)), "write it as YYYY-MM-DD, for example 2027-01-12"}
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return &valueError{fmt.Sprintf("%s is not a date propose can plan with", strings.TrimSpace(string(b))),
			fmt.Sprintf("check the year: propose takes dates from %d to %d", MinYear, MaxYear)}
	}
	d.t = t
	return nil
}

// MinYear and MaxYear bound the dates a file may hold: every date a
// request needs lies well inside them, and the calendars and timelines
// computed from them stay small.
const (
	MinYear = 1970
	MaxYear = 2100
)

// MarshalText writes the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns the date as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// DaysUntil returns the number of days from d to e.
func (d Date) DaysUntil(e Date) int { return int(e.t.Sub(d.t).Hours() / 24) }

// String returns the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Weekday is a working day of the week, Monday to Friday.
type Weekday time.Weekday

// Workweek lists the weekdays in order.
var Workweek = []Weekday{
	Weekday(time.Monday), Weekday(time.Tuesday), Weekday(time.Wednesday),
	Weekday(time.Thursday), Weekday(time.Friday),
}

// weekdayNames are the names a file may give a day, lower-cased and
// without a final full stop: English, as the wizard writes them, and in
// each language the documents are written in CLDR's names and
// abbreviations (locale.WeekdayNames), with and without their accents,
// so that a Dutch or German file can say "woensdag" or "Mi.". No name
// means two days.
var weekdayNames = sync.OnceValue(func() map[string]time.Weekday {
	names := map[string]time.Weekday{
		"mon": time.Monday, "monday": time.Monday,
		"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
		"wed": time.Wednesday, "weds": time.Wednesday, "wednesday": time.Wednesday,
		"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
		"fri": time.Friday, "friday": time.Friday,
		"sat": time.Saturday, "saturday": time.Saturday,
		"sun": time.Sunday, "sunday": time.Sunday,
		"sonnabend": time.Saturday, // German, in the north and east; CLDR has Samstag
	}
	for _, l := range locale.Languages {
		loc := locale.MustOf(l.Tag)
		for d := time.Sunday; d <= time.Saturday; d++ {
			for _, n := range loc.WeekdayNames(d) {
				n = strings.TrimSuffix(strings.ToLower(n), ".")
				names[n], names[fastre.Fold(n)] = d, d
			}
		}
	}
	return names
})

// UnmarshalText reads a weekday name such as "mon", "Monday" or "Montag",
// in any case, with or without a final full stop ("Mi.").
func (w *Weekday) UnmarshalText(b []byte) error {
	s := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(string(b))), ".")
	d, ok := weekdayNames()[s]
	if !ok {
		return &valueError{fmt.Sprintf("%q is not a weekday", string(b)), "use monday to friday or mon to fri, or the day's name in German, French, Spanish or Dutch"}
	}
	if d == time.Saturday || d == time.Sunday {
		return &valueError{fmt.Sprintf("%q is a weekend day", string(b)), "remote and office days are monday to friday"}
	}
	*w = Weekday(d)
	return nil
}

// MarshalText writes the weekday in lower case, as the file format does.
func (w Weekday) MarshalText() ([]byte, error) { return []byte(w.Key()), nil }

// Key returns the lower-case full name used in files, such as "monday".
func (w Weekday) Key() string { return strings.ToLower(time.Weekday(w).String()) }

// String returns the capitalised full name, such as "Monday".
func (w Weekday) String() string { return time.Weekday(w).String() }

// Clock is a time of day written as HH:MM on a 24-hour clock.
type Clock struct {
	Minutes int  // minutes after midnight
	Set     bool // whether the file gave a value
}

// UnmarshalText reads a time written as HH:MM.
// clockRange is two times in one value: "9-4", "09:00–17:00", "9am to 5pm".
var clockRange = fastre.MustCompile(`^[0-9]{1,2}(?:[:.h][0-5][0-9])?\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to|until)\s*[0-9]{1,2}(?:[:.h][0-5][0-9])?\s*(?:[ap]\.?m\.?)?$`)

// looseClock is a time written in a way people do but propose does not
// read: one digit for the hour, a dot, or am and pm.
var looseClock = fastre.MustCompile(`^([0-9]{1,2})(?:[:.h]([0-5][0-9]))?\s*(?:([ap])\.?\s*m\.?)?$`)

func (c *Clock) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	bad := &valueError{fmt.Sprintf("%q is not a time", s), "write it as HH:MM on a 24-hour clock, in quotes, for example \"09:00\""}
	if clockRange.MatchString(strings.ToLower(s)) {
		// core hours "9-4" or "9am to 5pm": both ends in one value.
		return &valueError{fmt.Sprintf("%q holds two times; this field takes one", s),
			"write the hours as `start: \"09:00\"` and `end: \"17:00\"`, each in quotes"}
	}
	if m := looseClock.FindStringSubmatch(strings.ToLower(s)); m != nil {
		// 9:00, 9am, 5.30 pm: a time, written another way.
		h, _ := strconv.Atoi(m[1])
		min, _ := strconv.Atoi(m[2])
		switch {
		case m[3] == "p" && h < 12:
			h += 12
		case m[3] == "a" && h == 12:
			h = 0
		}
		if h <= 23 && min <= 59 && !(len(s) == 5 && s[2] == ':') {
			bad = &valueError{fmt.Sprintf("%q is not written as HH:MM on a 24-hour clock", s), fmt.Sprintf("write \"%02d:%02d\", in quotes", h, min)}
		}
	}
	var h, m int
	if len(s) != 5 || s[2] != ':' {
		return bad
	}
	if _, err := fmt.Sscanf(s, "%02d:%02d", &h, &m); err != nil || h > 23 || m > 59 {
		return bad
	}
	c.Minutes, c.Set = h*60+m, true
	return nil
}

// MarshalText writes the time as HH:MM.
func (c Clock) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Hour returns the hour, 0 to 23.
func (c Clock) Hour() int { return c.Minutes / 60 }

// Minute returns the minute, 0 to 59.
func (c Clock) Minute() int { return c.Minutes % 60 }

// String returns the time as HH:MM, or "" when unset.
func (c Clock) String() string {
	if !c.Set {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", c.Hour(), c.Minute())
}

// YesNo is a choice written yes or no; true and false are read as yes and
// no, as a YAML reader would expect.
type YesNo string

// UnmarshalText reads yes, no, true or false, in any case.
func (y *YesNo) UnmarshalText(b []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(b))) {
	case "yes", "true", "y":
		*y = "yes"
	case "no", "false", "n":
		*y = "no"
	default:
		*y = YesNo(b) // validation names it at its field
	}
	return nil
}

// Yes reports whether the choice is yes.
func (y YesNo) Yes() bool { return y == "yes" }
