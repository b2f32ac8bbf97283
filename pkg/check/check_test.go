package check

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/proposal"
)

var today = proposal.NewDate(2027, 1, 4)

func parse(t *testing.T, src string) *proposal.Proposal {
	t.Helper()
	p, err := proposal.Parse("p.yaml", []byte(src), today)
	if err != nil {
		t.Fatalf("the test's input does not validate:\n%v", err)
	}
	return p
}

func example(t *testing.T, name string) string {
	t.Helper()
	src, ok := examples.Get(name)
	if !ok {
		t.Fatalf("no example %s", name)
	}
	return string(src)
}

// edit replaces each old text of src with its new one, failing the test
// when one is not there: a case that changes nothing proves nothing.
func edit(t *testing.T, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("the example has no %q to change", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

func rulesOf(r *Report) map[string]Finding {
	m := map[string]Finding{}
	for _, f := range r.Findings {
		if _, ok := m[f.Rule]; !ok {
			m[f.Rule] = f
		}
	}
	return m
}

// TestExamplesAreStrong checks that the four examples, written as a
// careful person would, give a manager nothing to raise.
func TestExamplesAreStrong(t *testing.T) {
	for _, name := range examples.Names() {
		r := Run(parse(t, example(t, name)), today)
		if r.Score < 90 || len(r.Findings) > 0 {
			t.Errorf("%s scores %d: %v", name, r.Score, r.Findings)
		}
	}
}

// TestEachRuleFindsItsGap weakens a strong example in one way for each
// rule and checks that the rule finds it, at the field to change, while
// the strong example (TestExamplesAreStrong) does not.
func TestEachRuleFindsItsGap(t *testing.T) {
	cases := []struct {
		rule, example string
		pairs         []string // old and new text, in turn
		field         string
		cut           []string // sections to remove, by their first line
	}{
		{"framing.no-business-case", "trial", []string{"evidence: [bloom-2024-nature, gallup-hybrid]\n", ""}, "benefits", []string{"benefits:"}},
		{"framing.personal-benefits", "trial", []string{
			"  - The dashboard and forecast work that needs long uninterrupted blocks moves to the days with the fewest interruptions\n  - Office days are kept for the work that needs the room — planning, reviews and mentoring\n",
			"  - No commute means I see my kids in the evening\n"}, "benefits[0]", nil},
		{"data.no-record", "reask", []string{"performance:\n  highlights:\n    - Built the new weekly cash forecast, now used by the CFO\n  metrics:\n    - Closed my month-end tasks on schedule in all 12 months of 2026\n", ""}, "performance.highlights", nil},
		{"data.no-numbers", "reask", []string{"  metrics:\n    - Closed my month-end tasks on schedule in all 12 months of 2026\n", ""}, "performance", nil},
		{"data.metric-no-baseline", "trial", []string{"      baseline: 100%\n", ""}, "trial.metrics[0].baseline", nil},
		{"data.metric-vague-target", "trial", []string{"      target: 100%", "      target: better"}, "trial.metrics[0].target", nil},
		{"data.metric-vague-target", "trial", []string{"      target: 37 or more", "      target: 37-40"}, "trial.metrics[1].target", nil},
		{"data.metric-no-source", "trial", []string{"      measured_by: Jira due dates\n", ""}, "trial.metrics[0].measured_by", nil},
		{"data.no-grounds", "keep-remote", []string{"  remote_record:\n    - period: since May 2023\n      arrangement: fully remote, at Halcyon\n      delivered: Grew my book from 22 to 31 enterprise accounts and kept every one of them\n    - period: 2020–2023\n      arrangement: fully remote, at Brightline Analytics\n      delivered: Managed 30 enterprise accounts; met my renewal target in every year\n", ""}, "agreement", []string{"agreement:"}},
		{"trial.no-review", "keep-remote", nil, "trial", []string{"trial:"}},
		{"trial.late-check-in", "trial", []string{"  check_in_day: 30", "  check_in_day: 55"}, "trial.check_in_day", nil},
		{"coverage.no-core-hours", "trial", []string{"  core_hours:\n    start: \"09:00\"\n    end: \"16:00\"\n    timezone: America/Chicago\n", ""}, "arrangement.core_hours", nil},
		{"coverage.no-response-time", "trial", []string{"  response_time: within one hour during core hours\n", ""}, "communication.response_time", nil},
		{"coverage.vague-response", "trial", []string{"response_time: within one hour during core hours", "response_time: quickly"}, "communication.response_time", nil},
		{"coverage.no-check-ins", "offer", []string{"  check_ins:\n    - cadence: daily\n      format: Stand-up on video\n    - cadence: weekly\n      format: 30-minute 1:1\n", "", "  status_report: weekly\n", ""}, "communication.check_ins", nil},
		{"coverage.no-output-tracking", "offer", []string{"output_tracking:\n  - Pull requests, reviews and tickets are visible in GitHub and Linear every day\n  - Sprint commitments are tracked in the sprint review\n", ""}, "output_tracking", nil},
		{"coverage.no-in-person", "offer", []string{"  in_person_commitments:\n    - Sprint planning and retrospectives\n    - Architecture reviews and pairing with newer engineers\n", ""}, "arrangement.in_person_commitments", nil},
		{"coverage.no-equipment", "reask", []string{"  connectivity: Home fibre, with my phone's hotspot as a backup\n  workspace: A desk in a quiet spare room\n", ""}, "equipment.connectivity", nil},
		{"coverage.no-security", "keep-remote", []string{"  security: Company laptop with VPN and hardware-key sign-in\n", ""}, "equipment.security", nil},
		{"coverage.vague-equipment", "reask", []string{"  connectivity: Home fibre, with my phone's hotspot as a backup", "  connectivity: Wifi"}, "equipment.connectivity", nil},
		{"consistency.days-in-text", "trial", []string{"  - Office days are kept", "  - Three remote days a week give the models the long stretches they need\n  - Office days are kept"}, "arrangement.remote_days", nil},
		{"consistency.in-person-on-remote-day", "trial", []string{"Weekly team planning on Tuesdays", "Weekly team planning on Mondays"}, "arrangement.remote_days", nil},
		{"consistency.offline-in-core-hours", "trial", []string{"    - Urgent matters reach me by phone\n", "    - Urgent matters reach me by phone\n    - I am offline for the school pickup from 2:30 to 3:00\n"}, "communication.promises[2]", nil},
		{"consistency.target-below-baseline", "trial", []string{"      target: 100%", "      target: 85%"}, "trial.metrics[0].target", nil},
		{"consistency.rare-status", "reask", []string{"  status_report: weekly", "  status_report: monthly"}, "communication.status_report", nil},
		{"evidence.unsourced-figure", "trial", []string{"  - Office days are kept", "  - Studies show remote workers are 13% more productive\n  - Office days are kept"}, "benefits[1]", nil},
		{"reask.generic-answer", "reask", []string{"      response: Every day of close week is an office day; the trial starts after January close", "      response: We will make it work"}, "reask.reasons[1].response", nil},
		{"reask.refused-day", "reask", []string{"reason: Urgent requests from the CFO need someone in the office", "reason: Urgent requests from the CFO on Wednesdays need someone in the office"}, "arrangement.remote_days", nil},
		{"coverage.vague-tracking", "offer", []string{"  - Pull requests, reviews and tickets are visible in GitHub and Linear every day", "  - GitHub and Linear"}, "output_tracking[0]", nil},
		{"coverage.personal-device", "reask", []string{"  title: Financial Analyst", "  title: Payroll Specialist", "equipment:\n", "equipment:\n  items:\n    - name: My own laptop\n      provided_by: me\n"}, "equipment.items[0]", nil},
		{"framing.boilerplate", "trial", []string{"  - Office days are kept", "  - Remote work is a strategic necessity in today's landscape\n  - Office days are kept"}, "benefits[1]", nil},
		{"timing.reask-too-soon", "reask", []string{"  denied_on: 2026-09-15", "  denied_on: 2026-12-14"}, "reask.denied_on", nil},
		{"fairness.in-text", "keep-remote", []string{"  precedents:\n    - Three account managers on the West Coast team work remotely under VP-agreed exceptions\n", "", "benefits:\n", "benefits:\n  - Colleagues on the West Coast team already work this way\n"}, "benefits[0]", nil},
		{"coverage.sensitive-data", "reask", []string{"  security: Company laptop with the VPN and multi-factor sign-in; forecasts stay on the company SharePoint\n", "",
			"Built the new weekly cash forecast", "Ran payroll and built the new weekly cash forecast"}, "equipment.security", nil},
		{"scope.full-remote-first", "trial", []string{"  type: hybrid\n  remote_days: [monday, friday]\n", "  type: remote\n"}, "arrangement.type", nil},
		{"scope.above-policy", "trial", []string{"remote_days: [monday, friday]", "remote_days: [monday, wednesday, friday]"}, "arrangement.remote_days", nil},
		{"fairness.no-precedent", "trial", []string{"  policy:\n    name: Flexible Work Guidelines\n    reference: Employee Handbook §4.3\n    summary: Up to two remote days a week with manager approval\n    max_remote_days: 2\n  precedents:\n    - The Pricing team’s two analysts have worked remotely on Mondays and Fridays since March 2026\n    - José Muñoz in Finance Systems moved to a hybrid schedule after a 60-day trial last year\n", "", "remote_days: [monday, friday]", "remote_days: [monday, wednesday, friday]"}, "company.precedents", nil},
		{"timing.short-notice", "trial", []string{"  start: 2027-01-12", "  start: 2027-01-07"}, "arrangement.start", nil},
		{"timing.busy-period", "trial", []string{"  precedents:\n", "  busy_periods: [February]\n  precedents:\n"}, "arrangement.start", nil},
		{"timing.stale", "trial", []string{"date: 2027-01-05", "date: 2026-10-05", "  start: 2027-01-12", "  start: 2026-10-12"}, "date", nil},
		{"leverage.private-echo", "trial", []string{"  - Office days are kept", "  - Two recruiters have offered fully remote roles this quarter\n  - Office days are kept"}, "benefits[1]", nil},
		{"leverage.threat", "trial", []string{"  - Office days are kept", "  - Keeping me is cheaper than hiring, or I will leave\n  - Office days are kept"}, "benefits[1]", nil},
		{"evidence.beyond-study", "keep-remote", []string{"  - choudhury-2021\n", "  - bloom-2024-nature\n"}, "evidence[0]", nil},
		{"evidence.other-work", "trial", []string{"evidence: [bloom-2024-nature, gallup-hybrid]", "evidence: [bloom-2015-qje, gallup-hybrid]"}, "evidence[0]", nil},
		// The law where the employee works (the trial example is dated 2027-01-05 and starts on 2027-01-12).
		{"law.no-statutory", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: DE\nstatutory: yes\n"}, "statutory", nil},
		{"law.lead-time", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: IE\nstatutory: yes\n"}, "arrangement.start", nil},
		{"law.service", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: IE\nstatutory: yes\n",
			"  title: Senior Data Analyst\n", "  title: Senior Data Analyst\n  started: 2026-11-02\n"}, "employee.started", nil},
		{"law.one-a-year", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: NL\nstatutory: yes\nprevious_request: 2026-06-01\n"}, "previous_request", nil},
		{"law.second-request", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: GB\nstatutory: yes\nprevious_request: 2026-06-01\n"}, "previous_request", nil},
		{"law.statement-missing", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: IE\nstatutory: yes\n",
			"  remote_location: Home office in Naperville, IL\n", ""}, "arrangement.remote_location", nil},
		{"law.effect", "offer", []string{"scenario: offer\n", "scenario: offer\njurisdiction: NI\nstatutory: yes\n"}, "benefits",
			[]string{"benefits:", "communication:", "output_tracking:", "  core_hours:"}},
		{"law.reasons", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: IE\nstatutory: yes\n"}, "benefits", []string{"benefits:"}},
		// Benefits that are all the user's own give the statement nothing
		// to point to either: the manager's documents do not list them.
		{"law.reasons", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: IE\nstatutory: yes\n",
			"  - The dashboard and forecast work that needs long uninterrupted blocks moves to the days with the fewest interruptions\n  - Office days are kept for the work that needs the room — planning, reviews and mentoring\n",
			"  - More time with my kids after school\n"}, "benefits", nil},
		{"law.changed", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: GB\n"}, "jurisdiction", nil},
		{"law.accommodation", "trial", []string{"scenario: trial\n", "scenario: trial\njurisdiction: US\n",
			"  motivation: The 75-minute commute each way costs me the evenings with my kids", "  motivation: My chronic migraines are worse after the commute"}, "private.motivation", nil},
	}
	covered := map[string]bool{"length.proposal": true, "length.one-pager": true, "length.one-pager-overflow": true, "length.proposal-overflow": true} // found by laying out the PDFs: the CLI's tests
	for _, c := range cases {
		covered[c.rule] = true
		t.Run(c.rule, func(t *testing.T) {
			src := edit(t, example(t, c.example), c.pairs...)
			for _, head := range c.cut {
				if !strings.Contains(src, "\n"+head) {
					t.Fatalf("the example has no section %q to cut", head)
				}
				src = cutSection(src, head)
			}
			p := parse(t, src)
			f, ok := rulesOf(Run(p, today))[c.rule]
			if !ok {
				t.Fatalf("%s not found; found %v", c.rule, Run(p, today).Findings)
			}
			if f.Field != c.field || f.Line == 0 {
				t.Errorf("%s at %s %d:%d, want at %s", c.rule, f.Field, f.Line, f.Col, c.field)
			}
			if f.Manager == "" || f.Fix == "" || strings.Contains(f.Manager+f.Fix, "{value}") {
				t.Errorf("%s says %q / %q", c.rule, f.Manager, f.Fix)
			}
		})
	}
	for _, r := range Rules() {
		if !covered[r.ID] {
			t.Errorf("rule %s has no case here", r.ID)
		}
		if r.Severity != Risk && r.Severity != Missing && r.Severity != Weak || r.Manager == "" || r.Fix == "" || r.Explain == "" {
			t.Errorf("rule %s is incomplete in rules.md: %+v", r.ID, r)
		}
	}
}

// cutSection removes a block of the YAML from the line that starts with
// head to the next line that is indented no deeper.
func cutSection(src, head string) string {
	lines := strings.Split(src, "\n")
	var out []string
	depth := -1
	for _, l := range lines {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case depth < 0 && strings.HasPrefix(l, head):
			depth = indent
			continue
		case depth >= 0 && (strings.TrimSpace(l) == "" || indent > depth || strings.HasPrefix(strings.TrimSpace(l), "- ") && indent == depth && depth > 0):
			continue
		case depth >= 0:
			depth = -2 // done
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestScoreDiminishesWithinARule checks that each finding costs its
// severity's points, the second of a rule half and the third a quarter,
// and that the top fixes are the ones worth most.
func TestScoreDiminishesWithinARule(t *testing.T) {
	fs := []Finding{
		{Rule: "a", Severity: Weak}, {Rule: "a", Severity: Weak}, {Rule: "a", Severity: Weak},
		{Rule: "b", Severity: Missing}, {Rule: "c", Severity: Risk}, {Rule: "d", Severity: Weak},
	}
	s, top := score(fs)
	want := 100 - 49 // 5 + 2.5 + 1.25 + 10 + 25 + 5, rounded
	if s != want {
		t.Errorf("score %d, want %d", s, want)
	}
	if len(top) != 3 || top[0].Rule != "c" || top[1].Rule != "b" || top[2].Rule != "a" || top[2].Points != 9 {
		t.Errorf("top %v", top)
	}
}

// TestWordsAreReadInContext covers what a first reader of the rules found:
// a recruiter's job title is not a threat, a curly apostrophe does not hide
// one, the company's own policy is not the employee's private fallback, a
// benefit that mentions the commute can still be the team's, and a reply
// time in working days can be kept.
func TestWordsAreReadInContext(t *testing.T) {
	trial := example(t, "trial")
	benefit := "  - The dashboard and forecast work that needs long uninterrupted blocks moves to the days with the fewest interruptions\n"
	cases := []struct {
		name  string
		src   string
		rule  string
		found bool
	}{
		{"a recruiter's title", edit(t, trial, "title: Senior Data Analyst", "title: Recruiter"), "leverage.threat", false},
		{"recruiters as a business point", edit(t, trial, benefit, "  - Our recruiters can advertise roles as hybrid, which widens the pool\n"), "leverage.threat", false},
		{"a curly apostrophe", edit(t, trial, benefit, "  - Keeping me costs less than hiring, or I’ll have to look elsewhere\n"), "leverage.threat", true},
		{"an offer on the table", edit(t, trial, benefit, "  - I have another offer on the table\n"), "leverage.threat", true},
		{"considering options", edit(t, trial, benefit, "  - I'm considering my options if this is not approved\n"), "leverage.threat", true},
		{"the policy shares the fallback's words", edit(t, trial,
			"  fallback: I would accept one remote day a week for the first 30 days",
			"  fallback: Up to two remote days a week with manager approval would do"), "leverage.private-echo", false},
		{"a benefit echoes the alternatives", edit(t, trial, benefit,
			"  - Two recruiters have offered fully remote roles this quarter\n"), "leverage.private-echo", true},
		{"the commute and train fares", edit(t, trial, benefit+"  - Office days are kept for the work that needs the room — planning, reviews and mentoring\n",
			"  - No commute means I can take my son to nursery\n  - I save £200 a month on train fares\n"), "framing.personal-benefits", true},
		{"a business point that mentions the commute", edit(t, trial, benefit+"  - Office days are kept for the work that needs the room — planning, reviews and mentoring\n",
			"  - I fill roles faster when I'm not commuting\n"), "framing.personal-benefits", false},
		{"a reply the same working day", edit(t, trial, "response_time: within one hour during core hours", "response_time: the same working day"), "coverage.vague-response", false},
		{"a reply all the time", edit(t, trial, "response_time: within one hour during core hours", "response_time: all the time"), "coverage.vague-response", true},
		{"team health is not health data", edit(t, trial, "  security: VPN with multi-factor sign-in; work files stay on the company laptop\n", "",
			benefit, "  - Better team health and morale\n"), "coverage.sensitive-data", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, found := rulesOf(Run(parse(t, c.src), today))[c.rule]
			if found != c.found {
				t.Errorf("%s found: %v, want %v (%v)", c.rule, found, c.found, Run(parse(t, c.src), today).Findings)
			}
		})
	}
}

// TestANameIsNotSensitiveData checks that a project, a building or a
// client named with a sensitive word ("Riverside Medical Office") is not
// read as that kind of data, while the data itself still is.
func TestANameIsNotSensitiveData(t *testing.T) {
	for text, want := range map[string]string{
		"Site supervision for the Riverside Medical Office build": "",
		"Payroll Specialist":                          "payroll data",
		"I process patient records on remote days":    "patient data",
		"Medical records stay on the hospital laptop": "medical data",
		"HIPAA training is done every year":           "hipaa data",
	} {
		p := &proposal.Proposal{Arrangement: proposal.Arrangement{RemoteWork: []string{text}}}
		c := &checker{p: p}
		if got := c.sensitive(); got != want {
			t.Errorf("sensitive(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestScaleSaysThePoints checks that the explanation of the score states
// the points each severity costs, as score takes them.
func TestScaleSaysThePoints(t *testing.T) {
	s := Scale()
	for sev, n := range points {
		if !strings.Contains(s, fmt.Sprintf("%s %d", map[Severity]string{Risk: "a risk", Missing: "a missing answer", Weak: "a weak one"}[sev], n)) {
			t.Errorf("the scale does not say that %s costs %d:\n%s", sev, n, s)
		}
	}
	for _, r := range Rules() {
		if strings.Contains(r.Explain, "{value}") {
			t.Errorf("%s explains with {value}, which --explain has nothing to fill with", r.ID)
		}
	}
}

// TestThinSecurityIsRewrittenNotAdded checks that a security line too thin
// for the data the job handles gets a fix that rewrites it, with no line
// to add: a second `security:` would break the file.
func TestThinSecurityIsRewrittenNotAdded(t *testing.T) {
	src := edit(t, example(t, "reask"),
		"  security: Company laptop with the VPN and multi-factor sign-in; forecasts stay on the company SharePoint", "  security: Company VPN",
		"  title: Financial Analyst", "  title: Payroll Specialist")
	f, ok := rulesOf(Run(parse(t, src), today))["coverage.sensitive-data"]
	if !ok {
		t.Fatal("thin security for payroll data is not found")
	}
	if f.Patch != "" || !strings.Contains(f.Fix, "make `security:` say how payroll data stays protected") {
		t.Errorf("patch %q, fix %q", f.Patch, f.Fix)
	}
}

// TestRunSeesAFileChangedInPlace: the findings kept for the last file are
// not given for the same proposal once it has changed (the wizard changes
// its proposal answer by answer).
func TestRunSeesAFileChangedInPlace(t *testing.T) {
	src, _ := examples.Get("trial")
	p, err := proposal.Parse("trial.yaml", src, proposal.NewDate(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	before := Run(p, proposal.Date{})
	p.OutputTracking = nil
	after := Run(p, proposal.Date{})
	if after.Score >= before.Score || !slices.ContainsFunc(after.Findings, func(f Finding) bool { return f.Rule == "coverage.no-output-tracking" }) {
		t.Errorf("the changed file scored %d (before %d): %v", after.Score, before.Score, after.Findings)
	}
	// And the same file asked again, with today's date, adds the dated rule.
	stale := Run(p, proposal.NewDate(2027, 6, 1))
	if !slices.ContainsFunc(stale.Findings, func(f Finding) bool { return f.Rule == "timing.stale" }) {
		t.Error("a request dated months ago is not found stale")
	}
}
