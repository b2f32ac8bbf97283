package ics

import (
	"testing"
	"time"
)

// TestZonesOfAnyYearEnd writes the time zone of trials in every year up to
// 2200, in zones with and without daylight saving, around the end of leap
// years (where Go's zone data once returned the same boundary again and
// the walk never ended): each returns, with a few changes of offset.
func TestZonesOfAnyYearEnd(t *testing.T) {
	for _, name := range []string{"America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "UTC"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		for year := 2026; year <= 2200; year++ {
			for _, start := range []time.Time{time.Date(year, 6, 4, 0, 0, 0, 0, time.UTC), time.Date(year, 11, 7, 0, 0, 0, 0, time.UTC)} {
				tz := timezone(loc, start.AddDate(-1, 0, 0), start.AddDate(1, 3, 0))
				if n := len(tz.Children); n == 0 || n > maxZoneChanges {
					t.Fatalf("%s from %s: %d observances", name, start.Format("2006-01-02"), n)
				}
			}
		}
	}
}
