package law

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestEveryRuleHasItsSource checks the library's promise: no rule without
// a source, an address and the date it was checked, and every
// jurisdiction the file format names has rules.
func TestEveryRuleHasItsSource(t *testing.T) {
	for _, j := range All() {
		if len(j.Rules) == 0 || j.Name == "" || j.Law == "" {
			t.Errorf("%s: no rules, name or law", j.Code)
		}
		for _, r := range j.Rules {
			if !strings.HasPrefix(r.ID, strings.ToLower(j.Code)+".") {
				t.Errorf("%s: rule %q is not named for its jurisdiction", j.Code, r.ID)
			}
			if r.Says == "" || r.Source == "" || !strings.HasPrefix(r.URL, "http") || r.Checked.IsZero() {
				t.Errorf("%s: rule %s lacks what it says, its source, its address or its date", j.Code, r.ID)
			}
			if r.Checked.After(day("2026-12-31")) {
				t.Errorf("%s: rule %s was checked in the future (%s)", j.Code, r.ID, r.Checked.Format(time.DateOnly))
			}
		}
	}
}

// TestTheClockOfEachLaw checks the dates each law sets, for a request sent
// on a fixed day: Ireland's eight weeks, the Dutch two months and one
// month, Great Britain's two months, Northern Ireland's 28 and 14 days.
func TestTheClockOfEachLaw(t *testing.T) {
	sent, start := day("2027-01-11"), day("2027-04-05")
	for _, c := range []struct {
		code             string
		sendBy, decideBy string
	}{
		{"GB", "", "2027-03-10"},
		{"NI", "", "2027-02-22"},
		{"IE", "2027-02-08", "2027-02-08"},
		{"NL", "2027-02-05", "2027-03-05"},
		{"ES", "", ""},
		{"DE", "", ""},
		{"US", "", ""},
	} {
		j, ok := Of(c.code)
		if !ok {
			t.Fatalf("no rules for %s", c.code)
		}
		if got := format(j.SendBy(start)); got != c.sendBy {
			t.Errorf("%s: send by %q, want %q", c.code, got, c.sendBy)
		}
		if got := format(j.DecisionDue(sent, start)); got != c.decideBy {
			t.Errorf("%s: decision due %q, want %q", c.code, got, c.decideBy)
		}
	}
	ie, _ := Of("IE")
	if got := format(ie.ServiceBy(day("2026-10-01"))); got != "2027-04-01" {
		t.Errorf("IE: six months' service from 2026-10-01 complete on %s", got)
	}
	ni, _ := Of("NI")
	if got := format(ni.ServiceBy(day("2026-10-01"))); got != "2027-04-01" {
		t.Errorf("NI: 26 weeks' service from 2026-10-01 complete on %s", got)
	}
}

// TestAChangedRuleWarns checks that a rule past the date it is expected to
// change is reported, and not before.
func TestAChangedRuleWarns(t *testing.T) {
	gb, _ := Of("GB")
	if got := gb.Changed(day("2026-12-07")); len(got) != 0 {
		t.Errorf("before 2027: %d rules reported changed", len(got))
	}
	got := gb.Changed(day("2027-03-01"))
	if len(got) != 1 || got[0].ID != "gb.reasonable-2027" {
		t.Errorf("in 2027: changed %v, want gb.reasonable-2027", got)
	}
}

func format(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// TestReasonsMapToTheGrounds checks that the reasons managers give, as
// people write them, are put to the statutory grounds they rest on, and
// that a reason resting on none is left without one.
func TestReasonsMapToTheGrounds(t *testing.T) {
	for reason, want := range map[string]string{
		"We can't afford the extra equipment costs":             "costs",
		"Clients expect someone in the office every day":        "customers",
		"Urgent requests from the CFO need someone to cover":    "reorganise",
		"We are restructuring the department in spring":         "structural",
		"I worry your output will drop":                         "performance",
		"Die Kunden erwarten uns vor Ort":                       "customers",
		"Wir haben kein Budget für die Ausstattung":             "costs",
		"On ne peut pas recruter quelqu'un pour vous remplacer": "recruit",
		"La calidad del trabajo puede bajar":                    "quality",
		"De bezetting op kantoor wordt te laag":                 "reorganise",
		"Les dépenses de matériel sont trop élevées":            "costs",
		"Les depenses de materiel sont trop elevees":            "costs",
		"La qualité du travail risque de baisser":               "quality",
		"Die Qualität leidet":                                   "quality",
		"Mis compañeros tendrían que cubrirte":                  "reorganise",
		"I just prefer everyone in the office":                  "",
		"Company culture matters to me":                         "",
	} {
		if got := GroundOf(reason); got != want {
			t.Errorf("GroundOf(%q) = %q, want %q", reason, got, want)
		}
	}
}

// TestMedicalInEveryLanguage reads a health matter written with its
// accents and without them.
func TestMedicalInEveryLanguage(t *testing.T) {
	for text, want := range map[string]bool{
		"My chronic migraines make the commute hard": true,
		"Ma santé est fragile depuis l'an dernier":   true,
		"Ma sante est fragile":                       true,
		"Tengo una enfermedad crónica":               true,
		"Wegen meiner Gesundheit":                    true,
		"I want more time for my garden":             false,
		"Santé publique est notre client":            true,
	} {
		if got := Medical(text); got != want {
			t.Errorf("Medical(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestAssessGivesOneEarliestStart checks the one reading of a request the
// documents and the coach share: Ireland's lead time and service push the
// start to the later of the two; Northern Ireland counts the service on
// the day of the request, which no later start mends.
func TestAssessGivesOneEarliestStart(t *testing.T) {
	ie, _ := Of("IE")
	a := ie.Assess(day("2027-01-11"), day("2027-03-01"), day("2026-09-14"))
	if !a.Late || !a.ShortService || format(a.Earliest) != "2027-03-14" {
		t.Errorf("IE: %+v, want late, short and earliest 2027-03-14", a)
	}
	ni, _ := Of("NI")
	a = ni.Assess(day("2027-01-11"), day("2027-02-15"), day("2026-09-07"))
	if a.Late || !a.ShortService || !a.Earliest.IsZero() || format(a.ServiceBy) != "2027-03-08" {
		t.Errorf("NI: %+v, want short at the request, complete on 2027-03-08", a)
	}
}
