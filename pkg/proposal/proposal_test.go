package proposal

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func TestWeekdayNames(t *testing.T) {
	for in, want := range map[string]time.Weekday{
		"mon": time.Monday, "Monday": time.Monday, "MONDAY": time.Monday, " tue ": time.Tuesday,
		"tues": time.Tuesday, "Wed": time.Wednesday, "thurs": time.Thursday, "thu": time.Thursday, "FRI": time.Friday,
		// The documents' other languages, as people write them there.
		"Mittwoch": time.Wednesday, "Mi.": time.Wednesday, "Do": time.Thursday, "vendredi": time.Friday,
		"Miércoles": time.Wednesday, "mie": time.Wednesday, "woensdag": time.Wednesday, "vr": time.Friday, "di": time.Tuesday,
	} {
		var w Weekday
		if err := w.UnmarshalText([]byte(in)); err != nil || time.Weekday(w) != want {
			t.Errorf("%q: got %v, %v; want %v", in, time.Weekday(w), err, want)
		}
	}
	for _, in := range []string{"", "sat", "Sunday", "tu", "monday,", "1", "Samstag", "zo", "sábado"} {
		var w Weekday
		if err := w.UnmarshalText([]byte(in)); err == nil {
			t.Errorf("%q: accepted as %v", in, w)
		}
	}
}

func TestClock(t *testing.T) {
	for in, want := range map[string]int{"09:00": 540, "00:00": 0, "23:59": 1439, "16:30": 990} {
		var c Clock
		if err := c.UnmarshalText([]byte(in)); err != nil || c.Minutes != want || c.String() != in {
			t.Errorf("%q: got %d %q, %v", in, c.Minutes, c.String(), err)
		}
	}
	for _, in := range []string{"9:00", "24:00", "12:60", "9am", "0900", "ab:cd", ""} {
		var c Clock
		if err := c.UnmarshalText([]byte(in)); err == nil {
			t.Errorf("%q: accepted as %s", in, c)
		}
	}
}

func TestDate(t *testing.T) {
	var d Date
	if err := d.UnmarshalText([]byte("2027-01-12")); err != nil || d != NewDate(2027, 1, 12) {
		t.Fatalf("got %v, %v", d, err)
	}
	for _, in := range []string{"2027-02-30", "12/01/2027", "2027-1-12", "tomorrow"} {
		if err := d.UnmarshalText([]byte(in)); err == nil {
			t.Errorf("%q: accepted", in)
		}
	}
}

// minimal returns the smallest valid trial proposal, to vary in tests.
func minimal() string {
	return `version: 1
scenario: trial
employee: {name: Ana Lima, title: Support Engineer}
manager: {name: Sam Ortiz}
arrangement:
  type: hybrid
  remote_days: [wed]
  start: 2027-03-01
trial:
  length_days: 30
  metrics: [{name: Tickets, target: "40"}]
`
}

func parseOK(t *testing.T, src string) *Proposal {
	t.Helper()
	p, err := Parse("test.yaml", []byte(src), NewDate(2027, 1, 4))
	if err != nil {
		t.Fatalf("Parse:\n%v", err)
	}
	return p
}

func TestDefaultsAndDerivedDates(t *testing.T) {
	p := parseOK(t, minimal())
	if p.Paper != "letter" || p.Trial.NoticeDays != 0 || p.NoticeWritten() || p.NoticeDays() != DefaultNoticeDays || p.Trial.CheckInDay != 15 {
		t.Errorf("defaults: paper %q notice %d (written %v) check-in day %d", p.Paper, p.Trial.NoticeDays, p.NoticeWritten(), p.Trial.CheckInDay)
	}
	if got := fmtDays(p.Arrangement.OfficeDays); got != "monday tuesday thursday friday" {
		t.Errorf("office days default to the other weekdays, got %s", got)
	}
	// Day 1 is Monday 1 March; day 15 is Monday 15 March; day 30 is Tuesday 30 March.
	if p.Derived.CheckIn != NewDate(2027, 3, 15) || p.Derived.TrialEnd != NewDate(2027, 3, 30) || p.Derived.Review != NewDate(2027, 3, 30) {
		t.Errorf("derived dates %+v", p.Derived)
	}
}

func TestMeetingsAvoidWeekends(t *testing.T) {
	// Start Wednesday 3 March: day 18 is Saturday 20 March, moved to Monday 22;
	// day 32 (the end) is Sunday 4 April, reviewed on Friday 2 April.
	src := strings.Replace(minimal(), "start: 2027-03-01", "start: 2027-03-03", 1)
	src = strings.Replace(src, "length_days: 30", "length_days: 33\n  check_in_day: 18", 1)
	p := parseOK(t, src)
	if p.Derived.CheckIn != NewDate(2027, 3, 22) {
		t.Errorf("check-in %s, want the Monday after the weekend", p.Derived.CheckIn)
	}
	if p.Derived.TrialEnd != NewDate(2027, 4, 4) || p.Derived.Review != NewDate(2027, 4, 2) {
		t.Errorf("end %s review %s, want review on the Friday before", p.Derived.TrialEnd, p.Derived.Review)
	}
}

func TestRemoteTypeDefaultsToEveryWeekday(t *testing.T) {
	p := parseOK(t, strings.Replace(minimal(), "type: hybrid\n  remote_days: [wed]", "type: remote", 1))
	if got := fmtDays(p.Arrangement.RemoteDays); got != "monday tuesday wednesday thursday friday" {
		t.Errorf("remote days %s", got)
	}
	if len(p.Arrangement.OfficeDays) != 0 {
		t.Errorf("office days %v, want none", p.Arrangement.OfficeDays)
	}
}

func TestKeepRemoteMayStartInThePast(t *testing.T) {
	src := strings.Replace(minimal(), "scenario: trial", "scenario: keep-remote", 1)
	src = strings.Replace(src, "start: 2027-03-01", "start: 2024-06-03", 1)
	src = src[:strings.Index(src, "trial:\n")]
	p := parseOK(t, src)
	if p.Scenario != ScenarioKeepRemote {
		t.Fatal(p.Scenario)
	}
}

func TestFlowStyleAndAnchors(t *testing.T) {
	src := minimal() + "benefits: &b [Fewer interruptions]\nperformance: {highlights: *b}\n"
	p := parseOK(t, src)
	if len(p.Performance.Highlights) != 1 || p.Performance.Highlights[0] != "Fewer interruptions" {
		t.Errorf("alias not resolved: %v", p.Performance.Highlights)
	}
}

func TestEveryProblemInOnePass(t *testing.T) {
	src := strings.NewReplacer(
		"name: Ana Lima", "name: Ana Lima, nmae: x",
		"remote_days: [wed]", "remote_days: [wed, wed]",
		"length_days: 30", "length_days: 5",
		`target: "40"`, "target: ''",
	).Replace(minimal()) + "evidence: [nope]\n"
	_, err := Parse("test.yaml", []byte(src), NewDate(2027, 1, 4))
	ps, ok := err.(Problems)
	if !ok || len(ps) != 5 {
		t.Fatalf("want 5 problems at once, got:\n%v", err)
	}
}

func fmtDays(days []Weekday) string {
	var s []string
	for _, d := range days {
		s = append(s, d.Key())
	}
	return strings.Join(s, " ")
}

// TestMeetingsFallOnOfficeDays checks that the derived check-in and review
// of a hybrid trial land on office days, inside the trial, and that a
// fully remote trial keeps them on weekdays.
func TestMeetingsFallOnOfficeDays(t *testing.T) {
	for _, remote := range [][]Weekday{{1, 5}, {1, 2, 3}, {3}, {1, 2, 3, 4}, {1, 2, 3, 4, 5}} {
		for start := NewDate(2027, 1, 4); start.Before(NewDate(2027, 1, 9)); start = start.AddDays(1) {
			for _, length := range []int{30, 45, 60, 61, 90} {
				p := &Proposal{Scenario: ScenarioTrial, Date: NewDate(2027, 1, 1),
					Arrangement: Arrangement{Type: "hybrid", RemoteDays: remote, Start: start},
					Trial:       Trial{LengthDays: length}}
				if len(remote) == 5 {
					p.Arrangement.Type = "remote"
				}
				p.ApplyDefaults(p.Date)
				d := p.Derived
				for name, day := range map[string]Date{"check-in": d.CheckIn, "review": d.Review} {
					if isWeekend(day) || day.Before(start) || d.TrialEnd.Before(day) {
						t.Errorf("%v from %s, %d days: %s on %s %s, outside the trial's weekdays", remote, start, length, name, day.Weekday(), day)
					}
					if len(p.Arrangement.OfficeDays) > 0 && !slices.Contains(p.Arrangement.OfficeDays, Weekday(day.Weekday())) {
						t.Errorf("%v from %s, %d days: %s on %s, a remote day", remote, start, length, name, day.Weekday())
					}
				}
			}
		}
	}
}

// TestNoPromiseUnlessWritten checks that the file holds only the promises
// the user wrote: none when it says nothing, whatever the arrangement, and
// `promises: []` is written back as it was.
func TestNoPromiseUnlessWritten(t *testing.T) {
	base := "version: 1\nscenario: keep-remote\nemployee: {name: Ana Lima, title: Analyst}\nmanager: {name: Sam Ortiz}\n" +
		"arrangement: {type: hybrid, remote_days: [mon]}\n"
	for _, src := range []string{base, strings.Replace(base, "{type: hybrid, remote_days: [mon]}", "{type: remote}", 1)} {
		p, err := Parse("p.yaml", []byte(src), NewDate(2027, 1, 4))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Communication.Promises) != 0 {
			t.Errorf("a file without promises was given %q", p.Communication.Promises)
		}
	}
	written := base + "communication: {promises: [Urgent matters reach me by phone]}\n"
	p, err := Parse("p.yaml", []byte(written), NewDate(2027, 1, 4))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Communication.Promises, []string{PromiseUrgent}) {
		t.Errorf("the written promise became %q", p.Communication.Promises)
	}
	none := base + "communication: {promises: []}\n"
	q, _, err := Load("p.yaml", []byte(none))
	if err != nil {
		t.Fatal(err)
	}
	out := string(Marshal(q))
	if !strings.Contains(out, "  promises: []\n") {
		t.Errorf("the file writer dropped promises: []:\n%s", out)
	}
}

// TestAnyTextFileIsRead writes the trial example as Windows and old Mac
// tools do (UTF-16 with a byte-order mark, as PowerShell 5's `>` writes;
// UTF-8 with a mark; CRLF; CR alone) and reads each: the same proposal, and
// a mistake in it reported at the line and column the user sees.
func TestAnyTextFileIsRead(t *testing.T) {
	src, err := os.ReadFile("../../examples/trial.yaml")
	if err != nil {
		t.Fatal(err)
	}
	utf16le := func(s string) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	utf16be := func(s string) []byte {
		b := []byte{0xFE, 0xFF}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u>>8), byte(u))
		}
		return b
	}
	encodings := map[string]func(string) []byte{
		"UTF-16LE": utf16le, "UTF-16BE": utf16be,
		"UTF-8 with a mark": func(s string) []byte { return append([]byte{0xEF, 0xBB, 0xBF}, s...) },
		"CRLF":              func(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) },
		"CR":                func(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r")) },
	}
	want, err := Parse("trial.yaml", src, NewDate(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(src), "  title: Senior Data Analyst", "  titel: Senior Data Analyst", 1)
	for name, encode := range encodings {
		got, err := Parse("trial.yaml", encode(string(src)), NewDate(2027, 1, 5))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if string(Marshal(got)) != string(Marshal(want)) {
			t.Errorf("%s: read differently", name)
		}
		_, err = Parse("trial.yaml", encode(bad), NewDate(2027, 1, 5))
		if err == nil || !strings.Contains(err.Error(), "trial.yaml:12:3: employee.titel: unknown key `titel`") {
			t.Errorf("%s: a misspelt key is reported as %v", name, err)
		}
	}
}

// TestSecondPersonPutsLinesToTheirReader checks how a line that names the
// manager is put to them in documents they read, and that a mention it
// cannot rewrite is reported.
func TestSecondPersonPutsLinesToTheirReader(t *testing.T) {
	for in, want := range map[string]string{
		"1:1 with Tanya":                      "1:1 with you",
		"Launch days if Tanya wants me there": "Launch days if you want me there",
		"Tanya's team standup":                "Your team standup",
		"Tanya prefers everyone in person":    "You prefer everyone in person",
		"Reviewed by Tanya Whitfield weekly":  "Reviewed by you weekly",
		"Weekly planning with the team":       "Weekly planning with the team",
		"Tanyas notes":                        "Tanyas notes",
	} {
		if got, _ := SecondPerson(in, "Tanya Whitfield"); got != want {
			t.Errorf("SecondPerson(%q) = %q, want %q", in, got, want)
		}
	}
	if _, left := SecondPerson("Tanya decides the rota", "Tanya Whitfield"); !left {
		t.Error("a mention it cannot rewrite is not reported")
	}
	if got, named := AddressedTo("Karen prefers having everyone in person", "Karen Mulligan"); got != "You prefer having everyone in person" || !named {
		t.Errorf("AddressedTo = %q, %v", got, named)
	}
}
