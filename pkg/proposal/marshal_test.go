package proposal

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// loadTrial loads the trial example, without defaults.
func loadTrial(t *testing.T) *Proposal {
	t.Helper()
	data, err := os.ReadFile("../../examples/trial.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := Load("trial.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMarshalRoundTrip(t *testing.T) {
	p := loadTrial(t)
	out := Marshal(p)
	q, _, err := Load("marshalled.yaml", out)
	if err != nil {
		t.Fatalf("Marshal wrote a file Load rejects:\n%v\n%s", err, out)
	}
	p.source, q.source = nil, nil
	if !reflect.DeepEqual(p, q) {
		t.Errorf("round trip changed the proposal:\n%s", out)
	}
	if _, err := Parse("marshalled.yaml", out, NewDate(2027, 1, 4)); err != nil {
		t.Errorf("marshalled example does not validate: %v", err)
	}
}

func TestMarshalQuotesWhatYAMLWouldMisread(t *testing.T) {
	tricky := []string{
		"yes", "No", "null", "~", "123", "4.5", "1e3", "2027-01-12", "09:00", "#hash", "a # comment", "key: value",
		"- dash", "[list]", "{map}", "*alias", "&anchor", "!tag", "%percent", "@at", "`tick", "'single'", `"double"`,
		"trailing space ", " leading", "multi\nline", "tab\there", "back\\slash", "Zoë “quoted” — dash", "a, b", "|", ">",
		"100%", "€1,200", "O’Brien", "It's fine", "?", ": colon", "America/New_York", "_leading", "snake_case",
	}
	for _, s := range tricky {
		p := &Proposal{Version: 1, Scenario: ScenarioTrial, Employee: Employee{Name: s}, Benefits: []string{s},
			Evidence: []EvidenceRef{{ID: s}, {Finding: s, Source: s}}, Communication: Communication{Channels: []string{s, "email"}}}
		out := Marshal(p)
		q, _, err := Load("t.yaml", out)
		if err != nil {
			t.Errorf("%q: Marshal wrote a file Load rejects: %v\n%s", s, err, out)
			continue
		}
		want := strings.TrimSpace(s) // Load trims surrounding space, as it does for any file
		if q.Employee.Name != want || q.Benefits[0] != want || q.Evidence[0].ID != want || q.Evidence[1].Source != want ||
			q.Communication.Channels[0] != want {
			t.Errorf("%q came back as %q %q %+v %q\n%s", s, q.Employee.Name, q.Benefits[0], q.Evidence, q.Communication.Channels[0], out)
		}
	}
}

// TestPlainSafe holds the loop to the rule it replaced, written as an
// expression, over strings at its edges.
func TestPlainSafe(t *testing.T) {
	rule := regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N} .,;'’“”()/&%€$+=—–@§_-]*$`)
	for _, s := range []string{"", "a", "1", "Ana", "Ana: yes", "- item", "ok -", "Zürich", "٣ days", "x\xffy",
		"€5", "5€", "a#b", "a\tb", "José's team (sales)", "“quoted”", "100%", "a\nb", "§ 8", "_x", "x_"} {
		if got, want := plainSafe(s), rule.MatchString(s); got != want {
			t.Errorf("plainSafe(%q) = %v, the rule says %v", s, got, want)
		}
	}
}
