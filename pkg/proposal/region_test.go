package proposal

import (
	"strconv"
	"strings"
	"testing"
)

// TestWorkRegion checks the region as written, and as inferred from the
// core hours' time zone when it is not.
func TestWorkRegion(t *testing.T) {
	for _, tc := range []struct{ region, zone, want string }{
		{"", "America/Chicago", "US"},
		{"", "America/New_York", "US"},
		{"", "America/Phoenix", "US"},
		{"", "Pacific/Honolulu", "US"},
		{"", "America/Indiana/Knox", "US"},
		{"", "America/North_Dakota/Beulah", "US"},
		{"", "US/Eastern", "US"},
		{"", "US/Samoa", "none"},
		{"", "America/Puerto_Rico", "none"},
		{"", "America/Toronto", "none"},
		{"", "Europe/London", "GB-EAW"},
		{"", "Europe/Belfast", "GB-NIR"},
		{"", "Europe/Dublin", "none"},
		{"", "Europe/Isle_of_Man", "none"},
		{"", "", "none"},
		{"GB-SCT", "Europe/London", "GB-SCT"},
		{"none", "America/Chicago", "none"},
		{"US", "Europe/Berlin", "US"},
	} {
		p := &Proposal{Region: tc.region, Arrangement: Arrangement{CoreHours: CoreHours{Timezone: tc.zone}}}
		if got := p.WorkRegion(); got != tc.want {
			t.Errorf("region %q, zone %q: got %s, want %s", tc.region, tc.zone, got, tc.want)
		}
	}
}

// holidayTrial is a fully remote trial in region from start, with the
// check-in on day checkIn.
func holidayTrial(t *testing.T, region, start string, length, checkIn int) *Proposal {
	t.Helper()
	src := strings.Replace(minimal(), "type: hybrid\n  remote_days: [wed]", "type: remote", 1)
	src = strings.Replace(src, "start: 2027-03-01", "start: "+start, 1)
	src = strings.Replace(src, "length_days: 30", "length_days: "+strconv.Itoa(length)+"\n  check_in_day: "+strconv.Itoa(checkIn), 1)
	if region != "" {
		src += "region: " + region + "\n"
	}
	return parseOK(t, src)
}

// TestMeetingsAvoidHolidays checks that the check-in and the review move
// off a public holiday of the region as they move off a weekend, and only
// off that region's.
func TestMeetingsAvoidHolidays(t *testing.T) {
	for _, tc := range []struct {
		name, region, start string
		length, checkIn     int
		checkInOn, reviewOn Date
	}{
		// Day 29 from Monday 3 May 2027 is Memorial Day, Monday 31 May.
		{"memorial day", "US", "2027-05-03", 60, 29, NewDate(2027, 6, 1), NewDate(2027, 7, 1)},
		{"no region", "none", "2027-05-03", 60, 29, NewDate(2027, 5, 31), NewDate(2027, 7, 1)},
		// The trial ends on Friday 24 December 2027, Christmas observed:
		// the review is on the Thursday before.
		{"christmas observed", "US", "2027-11-01", 54, 27, NewDate(2027, 11, 29), NewDate(2027, 12, 23)},
		// Day 30 from Monday 5 July 2027 is Monday 2 August: Scotland's
		// summer bank holiday, a working day in England.
		{"scotland", "GB-SCT", "2027-07-05", 60, 29, NewDate(2027, 8, 3), NewDate(2027, 9, 2)},
		{"england", "GB-EAW", "2027-07-05", 60, 29, NewDate(2027, 8, 2), NewDate(2027, 9, 2)},
		// Day 30 is Saturday 25 December 2027; Monday 27 and Tuesday 28
		// are the substitute days: the check-in is on Wednesday 29.
		{"christmas substitutes", "GB-EAW", "2027-11-26", 60, 30, NewDate(2027, 12, 29), NewDate(2028, 1, 24)},
	} {
		p := holidayTrial(t, tc.region, tc.start, tc.length, tc.checkIn)
		if d := p.Derived; d.CheckIn != tc.checkInOn || d.Review != tc.reviewOn {
			t.Errorf("%s: check-in %s %s, review %s %s; want %s and %s", tc.name, d.CheckIn.Weekday(), d.CheckIn,
				d.Review.Weekday(), d.Review, tc.checkInOn, tc.reviewOn)
		}
	}
}

// TestCheckInMoved checks the reason the documents give for a check-in
// that is not on the day asked for.
func TestCheckInMoved(t *testing.T) {
	p := holidayTrial(t, "US", "2027-05-03", 60, 29)
	if m, ok := p.CheckInMoved(); !ok || m.Asked != NewDate(2027, 5, 31) || m.Holiday != "Memorial Day" || m.Weekend {
		t.Errorf("holiday: got %+v, %v", m, ok)
	}
	p = holidayTrial(t, "US", "2027-05-03", 60, 27) // Saturday 29 May
	if m, ok := p.CheckInMoved(); !ok || m.Holiday != "" || !m.Weekend || p.Derived.CheckIn != NewDate(2027, 6, 1) {
		t.Errorf("weekend: got %+v, %v, on %s", m, ok, p.Derived.CheckIn)
	}
	p = holidayTrial(t, "US", "2027-05-03", 60, 30) // Tuesday 1 June
	if m, ok := p.CheckInMoved(); ok {
		t.Errorf("on its day: got %+v", m)
	}
	// Hybrid with Wednesday remote: day 15 from Monday 1 March is Monday
	// 15 March, an office day; day 17 is Wednesday 17 March, moved to the
	// Thursday.
	src := strings.Replace(minimal(), "length_days: 30", "length_days: 30\n  check_in_day: 17", 1)
	p = parseOK(t, src)
	if m, ok := p.CheckInMoved(); !ok || m.Holiday != "" || m.Weekend || m.Asked != NewDate(2027, 3, 17) || p.Derived.CheckIn != NewDate(2027, 3, 18) {
		t.Errorf("office day: got %+v, %v, on %s", m, ok, p.Derived.CheckIn)
	}
}

// TestStartOnHolidayWarns checks that a start on a public holiday is a
// warning at the field, naming the holiday and the next working day, and
// that it stops nothing.
func TestStartOnHolidayWarns(t *testing.T) {
	p := holidayTrial(t, "US", "2027-07-05", 60, 30)
	var found []Problem
	for _, q := range Warnings(p) {
		if q.Field == "arrangement.start" {
			found = append(found, q)
		}
	}
	if len(found) != 1 || !found[0].Warning || found[0].Line == 0 {
		t.Fatalf("got %+v, want one positioned warning", found)
	}
	want := "test.yaml:7:10: arrangement.start: warning: 2027-07-05 is Independence Day (observed), a public holiday in the United States " +
		"(start on the next working day, Tuesday 2027-07-06, or set `region:` if you work elsewhere)"
	if got := found[0].String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, region := range []string{"none", "GB-EAW"} {
		for _, q := range Warnings(holidayTrial(t, region, "2027-07-05", 60, 30)) {
			if q.Field == "arrangement.start" {
				t.Errorf("%s: %s", region, q)
			}
		}
	}
}

// TestReviewPeriodStartsOnAWorkingDay checks that a keep-remote review
// period written on a public holiday starts the next working day.
func TestReviewPeriodStartsOnAWorkingDay(t *testing.T) {
	src := strings.Replace(minimal(), "scenario: trial", "scenario: keep-remote\ndate: 2027-01-18\nregion: US", 1)
	src = strings.Replace(src, "start: 2027-03-01", "start: 2024-06-03", 1)
	p := parseOK(t, src)
	if p.Derived.TrialStart != NewDate(2027, 1, 19) {
		t.Errorf("review period starts %s, want the day after the Birthday of Martin Luther King, Jr.", p.Derived.TrialStart)
	}
}

// TestRegionCodes checks the fix a region that is not a code gets: the
// code in its capitals, or the three codes of the United Kingdom rather
// than the nearest spelling.
func TestRegionCodes(t *testing.T) {
	for value, want := range map[string]string{
		"gb-sct": "did you mean `GB-SCT`?",
		"us":     "did you mean `US`?",
		"UK":     "the United Kingdom has three sets of bank holidays: write GB-EAW (England and Wales), GB-SCT (Scotland) or GB-NIR (Northern Ireland)",
		"GB-ENG": "the United Kingdom has three sets of bank holidays",
		"Texas":  "use one of these, written as here",
	} {
		_, err := Parse("test.yaml", []byte(minimal()+"region: "+value+"\n"), NewDate(2027, 1, 4))
		if err == nil || !strings.Contains(err.Error(), "region: \""+value+"\" is not one of: US, GB-EAW, GB-SCT, GB-NIR, none ("+want) {
			t.Errorf("%s: got %v", value, err)
		}
	}
}
