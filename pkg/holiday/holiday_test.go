package holiday

import (
	"strings"
	"testing"
	"time"
)

// TestPublished pins the computed days off against the lists the
// governments publish (gov.uk/bank-holidays and OPM's federal holidays,
// checked on 2026-12-07), whole years at a time, so that a rule that goes
// wrong shows as a date added or missing.
func TestPublished(t *testing.T) {
	for _, tc := range []struct {
		region string
		year   int
		want   string
	}{
		{EnglandWales, 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28"},
		{EnglandWales, 2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28"},
		{Scotland, 2026, "01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28"},
		{Scotland, 2027, "01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28"},
		{NorthernIreland, 2026, "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28"},
		{NorthernIreland, 2027, "01-01 03-17 03-26 03-29 05-03 05-31 07-12 08-30 12-27 12-28"},
		{US, 2026, "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-11 11-26 12-25"},
		// 2027 ends with New Year's Day 2028, a Saturday, observed on the
		// Friday before.
		{US, 2027, "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31"},
		{US, 2028, "01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25"},
	} {
		var got []string
		for _, h := range In(tc.region, tc.year) {
			if h.Date.Year() != tc.year {
				t.Errorf("%s %d: %s is in another year", tc.region, tc.year, h.Date.Format(time.DateOnly))
			}
			got = append(got, h.Date.Format("01-02"))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s %d:\n got %s\nwant %s", tc.region, tc.year, g, tc.want)
		}
	}
}

// TestNames checks the names the documents print, substitute and observed
// days included.
func TestNames(t *testing.T) {
	for _, tc := range []struct {
		region string
		day    time.Time
		want   string
	}{
		{EnglandWales, date(2026, 12, 28), "Boxing Day (substitute day)"},
		{EnglandWales, date(2027, 12, 27), "Christmas Day (substitute day)"},
		{EnglandWales, date(2026, 5, 25), "Spring bank holiday"},
		{Scotland, date(2027, 1, 4), "2nd January (substitute day)"},
		{Scotland, date(2028, 1, 3), "New Year’s Day (substitute day)"},
		{Scotland, date(2028, 1, 4), "2nd January (substitute day)"},
		{Scotland, date(2030, 12, 2), "St Andrew’s Day (substitute day)"},
		{NorthernIreland, date(2026, 7, 13), "Battle of the Boyne (Orangemen’s Day) (substitute day)"},
		{US, date(2026, 5, 25), "Memorial Day"},
		{US, date(2026, 7, 3), "Independence Day (observed)"},
		{US, date(2027, 12, 31), "New Year’s Day (observed)"},
		{US, date(2029, 11, 22), "Thanksgiving Day"},
	} {
		h, ok := On(tc.region, tc.day)
		if !ok || h.Name != tc.want {
			t.Errorf("%s %s: got %q, %v; want %q", tc.region, tc.day.Format(time.DateOnly), h.Name, ok, tc.want)
		}
	}
}

// TestNotHolidays checks days that are not days off: a holiday's own date
// when it falls on a weekend, ordinary days, unknown regions and years.
func TestNotHolidays(t *testing.T) {
	for _, tc := range []struct {
		region string
		day    time.Time
	}{
		{US, date(2026, 7, 4)},             // a Saturday, observed on the 3rd
		{US, date(2026, 4, 3)},             // Good Friday is no federal holiday
		{EnglandWales, date(2026, 12, 26)}, // a Saturday
		{EnglandWales, date(2026, 8, 3)},   // Scotland's summer bank holiday
		{Scotland, date(2026, 4, 6)},       // Easter Monday is not one in Scotland
		{EnglandWales, date(2026, 3, 17)},  // Northern Ireland's only
		{None, date(2026, 12, 25)},
		{"", date(2026, 12, 25)},
		{"DE", date(2026, 12, 25)},
		{US, date(2025, 12, 25)}, // before FirstYear
		{US, date(2031, 12, 25)}, // after LastYear
	} {
		if h, ok := On(tc.region, tc.day); ok {
			t.Errorf("%s %s: got %q, want no holiday", tc.region, tc.day.Format(time.DateOnly), h.Name)
		}
	}
}

// TestRulesEveryYear checks what must hold in every known year: each day
// off is a weekday, no two share a date, and each region has its number of
// days off.
func TestRulesEveryYear(t *testing.T) {
	counts := map[string]int{US: 11, EnglandWales: 8, Scotland: 9, NorthernIreland: 10}
	for _, region := range Regions {
		total := 0
		for year := FirstYear; year <= LastYear; year++ {
			seen := map[time.Time]bool{}
			hs := In(region, year)
			total += len(hs)
			for _, h := range hs {
				if wd := h.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("%s: %s (%s) is on a %s", region, h.Name, h.Date.Format(time.DateOnly), wd)
				}
				if seen[h.Date] {
					t.Errorf("%s: two holidays on %s", region, h.Date.Format(time.DateOnly))
				}
				seen[h.Date] = true
			}
			if region != US && len(hs) != counts[region] {
				t.Errorf("%s %d: %d days off, want %d", region, year, len(hs), counts[region])
			}
		}
		// A US year may lend New Year's Day to the year before, so count
		// over the whole span: every year but 2028 has its own.
		if region == US && total != counts[US]*(LastYear-FirstYear+1) {
			t.Errorf("US %d–%d: %d days off, want %d", FirstYear, LastYear, total, counts[US]*(LastYear-FirstYear+1))
		}
	}
}

// TestEaster checks the computus against published dates of Easter
// Sunday, the earliest and latest possible among them.
func TestEaster(t *testing.T) {
	for _, want := range []string{"2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05",
		"2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2038-04-25", "2285-03-22"} {
		y, _ := time.Parse(time.DateOnly, want)
		if got := Easter(y.Year()).Format(time.DateOnly); got != want {
			t.Errorf("Easter %d: got %s, want %s", y.Year(), got, want)
		}
	}
}

// TestOnIgnoresLocation checks that a date in another location is read by
// its calendar day.
func TestOnIgnoresLocation(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := On(US, time.Date(2026, 11, 26, 23, 30, 0, 0, ny)); !ok {
		t.Error("Thanksgiving evening in New York is not Thanksgiving")
	}
}
