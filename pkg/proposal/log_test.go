package proposal

import (
	"os"
	"strings"
	"testing"
)

func trialExample(t *testing.T) *Proposal {
	t.Helper()
	src, err := os.ReadFile("../../examples/trial.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("trial.yaml", src, NewDate(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExampleLogIsValidAndRoundTrips reads the trial example's log,
// checks it against its proposal, and writes it back: the writer's output
// reads back to the same log.
func TestExampleLogIsValidAndRoundTrips(t *testing.T) {
	p := trialExample(t)
	src, err := os.ReadFile("../../examples/trial.log.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := ParseLog("trial.log.yaml", src, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries) != 8 {
		t.Errorf("%d entries", len(l.Entries))
	}
	again, err := ParseLog("again.yaml", MarshalLog(l), p)
	if err != nil {
		t.Fatalf("the written log does not read back:\n%v\n%s", err, MarshalLog(l))
	}
	if string(MarshalLog(again)) != string(MarshalLog(l)) {
		t.Errorf("the log changed on a round trip")
	}
}

// TestLogProblemsArePlaced checks the log's problems, each at its line and
// column: a measure the proposal does not have (with the name meant), a
// date outside the trial, two entries for a day, a decision not on the
// list, an unknown key.
func TestLogProblemsArePlaced(t *testing.T) {
	p := trialExample(t)
	src := `version: 1
entries:
  - date: 2027-01-15
    readings:
      - {metric: Weekly dashboards delivered on tme, value: 100%}
      - {metric: Stakeholder satisfaction, value: 4.6 of 5}
      - {metric: stakeholder satisfaction, value: 4.7 of 5}
  - date: 2027-01-15
    shiped: [The dashboard]
  - date: 2025-01-22
outcome:
  decision: maybe
`
	_, err := ParseLog("bad.log.yaml", []byte(src), p)
	if err == nil {
		t.Fatal("no problems")
	}
	got := err.Error()
	for _, want := range []string{
		"bad.log.yaml:9:5: entries[1].shiped: unknown key `shiped` (did you mean `shipped`?)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	// A log that decodes is checked against the proposal.
	src = strings.Replace(src, "    shiped: [The dashboard]\n", "", 1)
	_, err = ParseLog("bad.log.yaml", []byte(src), p)
	got = err.Error()
	for _, want := range []string{
		"bad.log.yaml:5:18: entries[0].readings[0].metric: \"Weekly dashboards delivered on tme\" is not a measure in the proposal (did you mean `Weekly dashboards delivered on time`?)",
		"bad.log.yaml:7:18: entries[0].readings[2].metric: \"stakeholder satisfaction\" has two readings in this entry (keep one)",
		"bad.log.yaml:8:11: entries[1].date: 2027-01-15 already has an entry (entries[0])",
		"bad.log.yaml:9:11: entries[2].date: 2025-01-22 is outside the trial (2027-01-12 to 2027-03-12) (check the year and the month)",
		"bad.log.yaml:11:13: outcome.decision: \"maybe\" is not one of: approved, extended, declined (use one of these, in lower case)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// TestLogKeepsPrivateTextPrivate: a reading's why and what the manager
// said are for the review prep sheet alone, so a YAML alias cannot repeat
// them where the status note or the review report would print them; and a
// log refuses the invisible and control characters a proposal refuses.
func TestLogKeepsPrivateTextPrivate(t *testing.T) {
	p := trialExample(t)
	for _, c := range []struct{ name, src, want string }{
		{"alias of a why", `version: 1
entries:
  - date: 2027-01-15
    readings:
      - {metric: Stakeholder satisfaction, value: 4.6 of 5, why: &w The VPN outage of the 12th}
    shipped: [*w]
`, "alias.log.yaml:6:15: entries[0].shipped[0]: the alias *w repeats your private answer at entries[0].readings[0].why where your manager would read it"},
		{"alias of what the manager said", `version: 1
entries:
  - date: 2027-01-15
    manager_said: &m Greg is not sure yet
  - date: 2027-01-22
    blocked: [*m]
`, "alias.log.yaml:6:15: entries[1].blocked[0]: the alias *m repeats your private answer at entries[0].manager_said where your manager would read it"},
		{"direction control", "version: 1\nentries:\n  - date: 2027-01-15\n    shipped: [\"The \\u202Edashboard\"]\n",
			"entries[0].shipped[0]: has an invisible character (U+202E, a direction control)"},
		{"escape", "version: 1\nentries:\n  - date: 2027-01-15\n    next: [\"The \\e[2Jplan\"]\n",
			"entries[0].next[0]: has a control character (U+001B)"},
	} {
		_, err := ParseLog("alias.log.yaml", []byte(c.src), p)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
	// An alias inside the private fields, or of public text, is fine.
	ok := "version: 1\nentries:\n  - date: 2027-01-15\n    shipped: [&s The dashboard]\n    next: [*s]\n"
	if _, err := ParseLog("ok.log.yaml", []byte(ok), p); err != nil {
		t.Errorf("an alias of public text: %v", err)
	}
}
