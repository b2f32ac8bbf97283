// Package holiday knows the public holidays of the regions whose dates the
// documents write today: the United States (federal holidays) and the
// United Kingdom's three jurisdictions (bank holidays in England and Wales,
// in Scotland and in Northern Ireland), so that no derived date — a
// check-in, a review — lands on a day off.
//
// The holidays are computed by their rules for the years FirstYear to
// LastYear. The rules and their sources, checked on 2026-12-07:
//
//   - United States: 5 U.S.C. 6103 as the Office of Personnel Management
//     publishes it (opm.gov, "Federal Holidays"): New Year's Day, the
//     Birthday of Martin Luther King, Jr. (third Monday in January),
//     Washington's Birthday (third Monday in February), Memorial Day (last
//     Monday in May), Juneteenth (19 June), Independence Day (4 July), Labor
//     Day (first Monday in September), Columbus Day (second Monday in
//     October), Veterans Day (11 November), Thanksgiving Day (fourth
//     Thursday in November) and Christmas Day. A holiday on a Saturday is
//     observed on the Friday before (New Year's Day then falls on 31
//     December of the year before); one on a Sunday, on the Monday after.
//   - England and Wales (gov.uk/bank-holidays): New Year's Day, Good Friday,
//     Easter Monday, the early May bank holiday (first Monday in May), the
//     spring bank holiday (last Monday in May), the summer bank holiday
//     (last Monday in August), Christmas Day and Boxing Day. A holiday on a
//     weekend gives a substitute day: the next weekday that is not already
//     a holiday.
//   - Scotland: as England and Wales, but 2 January instead of Easter
//     Monday, the summer bank holiday on the first Monday in August, and St
//     Andrew's Day (30 November).
//   - Northern Ireland: as England and Wales, with St Patrick's Day (17
//     March) and the Battle of the Boyne (12 July).
//
// Outside FirstYear to LastYear no holiday is known: a one-off bank holiday
// (a coronation, a jubilee) or a new federal holiday is announced a year or
// two ahead, and a rule extrapolated further would claim more than was
// checked. Move LastYear on only after checking the new years against the
// published lists, as the tests do for the years they pin.
package holiday

import (
	"sort"
	"time"
)

// The regions, as ISO 3166-1 and 3166-2 codes (GB-EAW is the code the
// standard reserves for England and Wales together).
const (
	US              = "US"
	EnglandWales    = "GB-EAW"
	Scotland        = "GB-SCT"
	NorthernIreland = "GB-NIR"
	// None is where no holidays are known: every weekday is a working day.
	None = "none"
)

// Regions lists the regions whose holidays are known, in the order they
// are documented.
var Regions = []string{US, EnglandWales, Scotland, NorthernIreland}

// The years whose holidays are known.
const (
	FirstYear = 2026
	LastYear  = 2030
)

// Holiday is one public holiday: the day off and its name as the official
// list writes it, with "(substitute day)" or "(observed)" when the day off
// is not the holiday's own date.
type Holiday struct {
	Date time.Time // midnight UTC
	Name string
}

// On returns the public holiday in region on the date of t (its year,
// month and day, whatever its location), if there is one.
func On(region string, t time.Time) (Holiday, bool) {
	y, m, d := t.Date()
	for _, h := range In(region, y) {
		if h.Date.Month() == m && h.Date.Day() == d {
			return h, true
		}
	}
	return Holiday{}, false
}

// In returns the days off of region in year, in date order: none for an
// unknown region or a year outside FirstYear to LastYear.
func In(region string, year int) []Holiday {
	if year < FirstYear || year > LastYear {
		return nil
	}
	var hs []Holiday
	switch region {
	case US:
		// New Year's Day of the next year is observed on 31 December when
		// it falls on a Saturday.
		for _, h := range federal(year + 1) {
			if h.Date.Year() == year {
				hs = append(hs, h)
			}
		}
		for _, h := range federal(year) {
			if h.Date.Year() == year {
				hs = append(hs, h)
			}
		}
	case EnglandWales, Scotland, NorthernIreland:
		hs = bank(region, year)
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Date.Before(hs[j].Date) })
	return hs
}

func date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// nth returns the n-th wd of the month (n counted from 1), or with n < 0
// the last one.
func nth(year int, month time.Month, wd time.Weekday, n int) time.Time {
	if n < 0 {
		last := date(year, month+1, 0)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := date(year, month, 1)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

// Easter returns Easter Sunday of year in the Gregorian calendar, by the
// anonymous Gregorian computus (Meeus, Astronomical Algorithms, ch. 8).
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(year, time.Month(month), day)
}

// federal returns the federal holidays of year on the days they are
// observed, which for New Year's Day may be in the year before.
func federal(year int) []Holiday {
	observed := func(t time.Time, name string) Holiday {
		switch t.Weekday() {
		case time.Saturday:
			return Holiday{t.AddDate(0, 0, -1), name + " (observed)"}
		case time.Sunday:
			return Holiday{t.AddDate(0, 0, 1), name + " (observed)"}
		}
		return Holiday{t, name}
	}
	return []Holiday{
		observed(date(year, time.January, 1), "New Year’s Day"),
		{nth(year, time.January, time.Monday, 3), "Birthday of Martin Luther King, Jr."},
		{nth(year, time.February, time.Monday, 3), "Washington’s Birthday"},
		{nth(year, time.May, time.Monday, -1), "Memorial Day"},
		observed(date(year, time.June, 19), "Juneteenth National Independence Day"),
		observed(date(year, time.July, 4), "Independence Day"),
		{nth(year, time.September, time.Monday, 1), "Labor Day"},
		{nth(year, time.October, time.Monday, 2), "Columbus Day"},
		observed(date(year, time.November, 11), "Veterans Day"),
		{nth(year, time.November, time.Thursday, 4), "Thanksgiving Day"},
		observed(date(year, time.December, 25), "Christmas Day"),
	}
}

// bank returns the bank holidays of a UK jurisdiction in year, with the
// substitute day of each that falls on a weekend.
func bank(region string, year int) []Holiday {
	easter := Easter(year)
	// Fixed dates, in date order: each that falls on a weekend is
	// substituted by the next weekday no holiday before it has taken.
	fixed := []Holiday{{date(year, time.January, 1), "New Year’s Day"}}
	if region == Scotland {
		fixed = append(fixed, Holiday{date(year, time.January, 2), "2nd January"})
	}
	if region == NorthernIreland {
		fixed = append(fixed, Holiday{date(year, time.March, 17), "St Patrick’s Day"},
			Holiday{date(year, time.July, 12), "Battle of the Boyne (Orangemen’s Day)"})
	}
	if region == Scotland {
		fixed = append(fixed, Holiday{date(year, time.November, 30), "St Andrew’s Day"})
	}
	fixed = append(fixed, Holiday{date(year, time.December, 25), "Christmas Day"},
		Holiday{date(year, time.December, 26), "Boxing Day"})

	hs := []Holiday{
		{easter.AddDate(0, 0, -2), "Good Friday"},
		{nth(year, time.May, time.Monday, 1), "Early May bank holiday"},
		{nth(year, time.May, time.Monday, -1), "Spring bank holiday"},
	}
	if region == Scotland {
		hs = append(hs, Holiday{nth(year, time.August, time.Monday, 1), "Summer bank holiday"})
	} else {
		hs = append(hs, Holiday{easter.AddDate(0, 0, 1), "Easter Monday"},
			Holiday{nth(year, time.August, time.Monday, -1), "Summer bank holiday"})
	}
	taken := map[time.Time]bool{}
	for _, h := range fixed {
		taken[h.Date] = true
	}
	for _, h := range fixed {
		wd := h.Date.Weekday()
		if wd != time.Saturday && wd != time.Sunday {
			hs = append(hs, h)
			continue
		}
		sub := h.Date
		for wd := sub.Weekday(); wd == time.Saturday || wd == time.Sunday || taken[sub]; wd = sub.Weekday() {
			sub = sub.AddDate(0, 0, 1)
		}
		taken[sub] = true
		hs = append(hs, Holiday{sub, h.Name + " (substitute day)"})
	}
	return hs
}
