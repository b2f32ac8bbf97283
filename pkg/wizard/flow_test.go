package wizard

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/proposal"
)

// script answers questions by their titles: each key is a part of a title
// and holds the answers to give, in turn. A question without a scripted
// answer gets its default, as if the user pressed Enter. Rejected answers
// are recorded, so tests see the messages a user would.
type script struct {
	answers  map[string][]string
	asked    []string
	rejected []string
	stopAt   string // interrupt at the first question whose title contains this
	stopN    int    // interrupt at question number stopN (1-based); 0 never
}

func (s *script) next(title string) (string, bool, error) {
	s.asked = append(s.asked, title)
	if s.stopN > 0 && len(s.asked) == s.stopN {
		return "", false, ErrInterrupted
	}
	if s.stopAt != "" && strings.Contains(title, s.stopAt) {
		return "", false, ErrInterrupted
	}
	for key, queue := range s.answers {
		if strings.Contains(title, key) && len(queue) > 0 {
			s.answers[key] = queue[1:]
			return queue[0], true, nil
		}
	}
	return "", false, nil
}

func (s *script) Section(title, intro string) error {
	if title == "" && strings.HasPrefix(intro, "✗") {
		s.rejected = append(s.rejected, intro)
	}
	return nil
}

func (s *script) Input(f Field) (string, error) {
	for tries := 0; tries < 5; tries++ {
		a, ok, err := s.next(f.Title)
		if err != nil {
			return "", err
		}
		if !ok || a == "" {
			a = f.Default
		}
		if f.Validate != nil {
			if err := f.Validate(a); err != nil {
				s.rejected = append(s.rejected, f.Title+": "+err.Error())
				if !ok {
					return "", fmt.Errorf("no scripted answer for %q, and its default is not valid: %v", f.Title, err)
				}
				continue
			}
		}
		return a, nil
	}
	return "", fmt.Errorf("too many rejected answers for %q", f.Title)
}

func (s *script) List(f Field, defaults []string) ([]string, error) {
	a, ok, err := s.next(f.Title)
	if err != nil || !ok {
		return defaults, err
	}
	if a == "-" {
		return nil, nil
	}
	return strings.Split(a, "|"), nil
}

func (s *script) Select(f Field, opts []Option) (string, error) {
	a, ok, err := s.next(f.Title)
	if err != nil || !ok {
		return f.Default, err
	}
	for _, o := range opts {
		if o.Key == a {
			return a, nil
		}
	}
	return "", fmt.Errorf("%q is not an option of %q", a, f.Title)
}

func (s *script) MultiSelect(f Field, opts []Option, defaults []string) ([]string, error) {
	a, ok, err := s.next(f.Title)
	if err != nil || !ok {
		return defaults, err
	}
	return strings.Split(a, ","), nil
}

func (s *script) Confirm(f Field, def bool) (bool, error) {
	a, ok, err := s.next(f.Title)
	if err != nil || !ok {
		return def, err
	}
	return a == "y", nil
}

var today = proposal.NewDate(2027, 1, 4)

// basics are the answers every scenario needs.
func basics() map[string][]string {
	return map[string][]string{
		"Your full name":             {"Ana Lima"},
		"Your job title":             {"Support Engineer"},
		"manager’s full name":        {"Sam Ortiz"},
		"Success metric 1":           {"Tickets resolved a week"},
		"The target":                 {"40"},
		"Add another success metric": {"n"},
	}
}

func run(t *testing.T, s *script, p *proposal.Proposal) (*proposal.Proposal, int, error) {
	t.Helper()
	if p == nil {
		p = &proposal.Proposal{}
	}
	saves := 0
	f := &Flow{P: p, Ask: s, Today: today, Zone: "Europe/Berlin", Save: func(*proposal.Proposal) error { saves++; return nil }}
	err := f.Run()
	return p, saves, err
}

// valid checks that the wizard's proposal, written and read back, passes
// `propose validate`.
func valid(t *testing.T, p *proposal.Proposal) *proposal.Proposal {
	t.Helper()
	q, err := proposal.Parse("new.yaml", proposal.Marshal(p), today)
	if err != nil {
		t.Fatalf("the wizard's file does not validate:\n%v\n%s", err, proposal.Marshal(p))
	}
	return q
}

func TestTrialWithDefaults(t *testing.T) {
	s := &script{answers: basics()}
	p, saves, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := valid(t, p)
	if q.Scenario != proposal.ScenarioTrial || q.Trial.LengthDays != 60 || q.Trial.CheckInDay != 30 || q.Trial.NoticeDays != 14 {
		t.Errorf("defaults: %+v", q.Trial)
	}
	if got := fmt.Sprint(q.Arrangement.RemoteDays); got != "[Monday Friday]" {
		t.Errorf("remote days %s", got)
	}
	if q.Arrangement.Start != proposal.NewDate(2027, 1, 11) {
		t.Errorf("start %s, want the first Monday a week out", q.Arrangement.Start)
	}
	if len(q.Communication.CheckIns) != 2 || q.Communication.StatusReport != "weekly" || q.Arrangement.CoreHours.Timezone != "Europe/Berlin" {
		t.Errorf("communication defaults: %+v, %+v", q.Communication, q.Arrangement.CoreHours)
	}
	if saves < 30 {
		t.Errorf("saved %d times; the draft must be saved after every answer", saves)
	}
}

func TestAnswersAreValidatedAsTyped(t *testing.T) {
	a := basics()
	a["Your work email"] = []string{"ana(at)example.com", "ana@example.com"}
	a["Trial length"] = []string{"120", "45"}
	a["When should it start"] = []string{"2027-01-09", "next week", "2027-01-18"}
	a["Core hours end"] = []string{"08:00", "17:30"}
	a["Which days would you work remotely"] = []string{"monday,tuesday,wednesday,thursday,friday", "wednesday"}
	s := &script{answers: a}
	p, _, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := valid(t, p)
	if q.Employee.Email != "ana@example.com" || q.Trial.LengthDays != 45 || q.Arrangement.Start != proposal.NewDate(2027, 1, 18) {
		t.Errorf("got %q %d %s", q.Employee.Email, q.Trial.LengthDays, q.Arrangement.Start)
	}
	want := []string{
		`Your work email: "ana(at)example.com" is not an email address (write it as name@example.com)`,
		"✗ every weekday is remote, which is not hybrid (set `type: remote`, or keep at least one office day)",
		"Core hours end (HH:MM): core hours end at 08:00, not after they start at 09:00 (write the end time on a 24-hour clock, for example \"17:00\")",
		"When should it start? (YYYY-MM-DD): 2027-01-09 is a Saturday (start on a weekday)",
		`When should it start? (YYYY-MM-DD): "next week" is not a date (write it as YYYY-MM-DD, for example 2027-01-12)`,
		"Trial length in days (30 to 90): a trial of 120 days is outside 30 to 90 days (choose 30 to 90 days; 60 is typical and long enough to show results)",
	}
	if got := strings.Join(s.rejected, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("rejections:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestScenariosSkipWhatDoesNotApply(t *testing.T) {
	cases := []struct {
		scenario    string
		extra       map[string][]string
		asks, skips []string
	}{
		{"offer", map[string][]string{"role you were offered": {"Staff Analyst"}},
			[]string{"role you were offered"}, []string{"Trial length", "Success metric", "earlier request declined"}},
		{"keep-remote", nil, nil, []string{"Trial length", "role you were offered", "earlier request declined"}},
		{"reask", map[string][]string{"reason you were given": {"Availability for urgent requests"},
			"How this proposal answers it": {"Core hours and a one-hour reply commitment"}, "another reason": {"n"}},
			[]string{"Trial length", "earlier request declined"}, []string{"role you were offered"}},
	}
	for _, c := range cases {
		t.Run(c.scenario, func(t *testing.T) {
			a := basics()
			a["What are you asking for"] = []string{c.scenario}
			for k, v := range c.extra {
				a[k] = v
			}
			s := &script{answers: a}
			p, _, err := run(t, s, nil)
			if err != nil {
				t.Fatal(err)
			}
			q := valid(t, p)
			asked := strings.Join(s.asked, "\n")
			for _, want := range c.asks {
				if !strings.Contains(asked, want) {
					t.Errorf("did not ask %q", want)
				}
			}
			for _, skip := range c.skips {
				if strings.Contains(asked, skip) {
					t.Errorf("asked %q, which does not apply", skip)
				}
			}
			if c.scenario == "reask" && q.Trial.LengthDays != 30 {
				t.Errorf("a re-ask proposes a shorter trial by default, got %d days", q.Trial.LengthDays)
			}
		})
	}
}

func TestInterruptThenResumeLosesNothing(t *testing.T) {
	a := basics()
	a["Your team"] = []string{"Support"}
	a["Recent highlights"] = []string{"Cut the backlog by half"}
	var draft []byte
	s := &script{answers: a, stopAt: "Research to cite"}
	p := &proposal.Proposal{}
	f := &Flow{P: p, Ask: s, Today: today, Save: func(p *proposal.Proposal) error { draft = proposal.Marshal(p); return nil }}
	if err := f.Run(); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("got %v, want ErrInterrupted", err)
	}
	// Resume from the saved draft, pressing Enter at every question.
	resumed, _, err := proposal.Load("draft.yaml", draft)
	if err != nil {
		t.Fatalf("draft does not load: %v\n%s", err, draft)
	}
	s2 := &script{answers: map[string][]string{}}
	f2 := &Flow{P: resumed, Ask: s2, Today: today}
	if err := f2.Run(); err != nil {
		t.Fatal(err)
	}
	q := valid(t, resumed)
	if q.Employee.Name != "Ana Lima" || q.Employee.Team != "Support" || len(q.Performance.Highlights) != 1 ||
		len(q.Trial.Metrics) != 1 || q.Trial.Metrics[0].Target != "40" {
		t.Errorf("answers lost on resume: %+v", q)
	}
}

func TestPrivateAnswersStayPrivate(t *testing.T) {
	a := basics()
	a["Why this matters"] = []string{"SENTINEL-MOTIVATION"}
	a["objection you expect"] = []string{"y", "n"}
	a["The objection"] = []string{"We need you here"}
	a["Your answer"] = []string{"Three office days keep the team time"}
	p, _, err := run(t, &script{answers: a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := valid(t, p)
	if q.Private.Motivation != "SENTINEL-MOTIVATION" || len(q.Private.Objections) != 1 {
		t.Errorf("private answers not stored: %+v", q.Private)
	}
}

// richAnswers fill most of the file, so an interruption anywhere has
// answers to lose.
func richAnswers() map[string][]string {
	a := basics()
	for k, v := range map[string][]string{
		"Your team": {"Support"}, "Your work email": {"ana@example.com"}, "Your commute": {"40"},
		"Their job title": {"Head of Support"}, "Company name": {"Northwind"}, "written flexible-work policy": {"y"},
		"Its name": {"Flexible Work Guidelines"}, "What it allows": {"Two remote days a week"},
		"Colleagues who already work": {"Kim works remotely on Fridays"}, "Which days": {"wednesday,friday"},
		"Time zone": {"America/Chicago"}, "Where will you work remotely": {"Home office"},
		"Equipment you will use": {"Laptop|Headset"}, "Who provides “Headset”": {"me"},
		"Where it stands today": {"35"}, "How it is measured": {"Zendesk"},
		"Recent highlights": {"Cut the backlog by half"}, "What the team or company gains": {"Faster replies"},
		"Why this matters": {"Commute"}, "least you would accept": {"One day a week"},
		"objection you expect": {"y", "n"}, "The objection": {"Visibility"}, "Your answer": {"Daily updates"},
		"finding of your own": {"y", "n"}, "The finding, in a sentence": {"Customers rate our support 4.8 of 5"},
		"Where it comes from": {"Northwind customer survey, 2026"}, "A link to it": {"https://example.com/survey"},
	} {
		a[k] = v
	}
	return a
}

// TestInterruptAnywhereLosesNothing stops the wizard at every question in
// turn, resumes from the draft by pressing Enter throughout, and checks the
// result is what an uninterrupted run gives.
func TestInterruptAnywhereLosesNothing(t *testing.T) {
	whole, _, err := run(t, &script{answers: richAnswers()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := string(proposal.Marshal(whole))
	total := len((&script{answers: richAnswers()}).asked)
	s := &script{answers: richAnswers()}
	if _, _, err := run(t, s, nil); err != nil {
		t.Fatal(err)
	}
	total = len(s.asked)
	for n := 1; n <= total; n++ {
		var draft []byte
		first := &script{answers: richAnswers(), stopN: n}
		f := &Flow{P: &proposal.Proposal{}, Ask: first, Today: today, Zone: "Europe/Berlin",
			Save: func(p *proposal.Proposal) error { draft = proposal.Marshal(p); return nil }}
		if err := f.Run(); !errors.Is(err, ErrInterrupted) {
			t.Fatalf("stop at %d: got %v", n, err)
		}
		resumed := &proposal.Proposal{}
		if draft != nil {
			var err error
			if resumed, _, err = proposal.Load("draft.yaml", draft); err != nil {
				t.Fatalf("stop at %d: draft does not load: %v", n, err)
			}
		}
		// The answers not yet given are given now; the others must come
		// back from the draft. Yes-or-no questions that only open a group
		// hold no data of their own, so they are answered again.
		rest := richAnswers()
		for _, title := range first.asked[:n-1] {
			for k := range rest {
				if strings.Contains(title, k) && !strings.HasSuffix(title, "?") {
					delete(rest, k)
				}
			}
		}
		f2 := &Flow{P: resumed, Ask: &script{answers: rest}, Today: today, Zone: "Europe/Berlin"}
		if err := f2.Run(); err != nil {
			t.Fatalf("stop at %d (%q): resume: %v", n, first.asked[n-1], err)
		}
		if got := string(proposal.Marshal(resumed)); got != want {
			t.Errorf("stop at question %d (%q): resumed result differs:\n%s\nwant:\n%s", n, first.asked[n-1], got, want)
		}
	}
}

func TestResumeContinuesWhereItStopped(t *testing.T) {
	s := &script{answers: richAnswers()}
	whole, _, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := string(proposal.Marshal(whole))
	total := len(s.asked)
	for n := 1; n <= total; n++ {
		// First run: stopped at question n, yes-or-no answers included.
		var draft []byte
		first := &script{answers: richAnswers(), stopN: n}
		rec := NewReplay(first, Progress{})
		f := &Flow{P: &proposal.Proposal{}, Ask: rec, Today: today, Zone: "Europe/Berlin",
			Save: func(p *proposal.Proposal) error {
				draft = append(proposal.Marshal(p), rec.Done.Comment()...)
				return nil
			}}
		if err := f.Run(); !errors.Is(err, ErrInterrupted) {
			t.Fatalf("stop at %d: got %v", n, err)
		}
		resumed := &proposal.Proposal{}
		if draft != nil {
			if resumed, _, err = proposal.Load("draft.yaml", draft); err != nil {
				t.Fatalf("stop at %d: draft does not load: %v\n%s", n, err, draft)
			}
		}
		progress := ParseProgress(draft)
		if progress.Answered != n-1 {
			t.Errorf("stop at %d: the draft records %d answers, want %d", n, progress.Answered, n-1)
		}
		// Second run: the user is asked only what they had not answered,
		// starting with the question they stopped at.
		rest := &script{answers: richAnswers()}
		for _, title := range first.asked[:n-1] {
			rest.next(title)
		}
		rest.asked = nil
		f2 := &Flow{P: resumed, Ask: NewReplay(rest, progress), Today: today, Zone: "Europe/Berlin"}
		if err := f2.Run(); err != nil {
			t.Fatalf("stop at %d (%q): resume: %v", n, first.asked[n-1], err)
		}
		if len(rest.asked) == 0 || rest.asked[0] != first.asked[n-1] {
			first := ""
			if len(rest.asked) > 0 {
				first = rest.asked[0]
			}
			t.Errorf("stop at %d: resume asked %q first, want %q", n, first, s.asked[n-1])
		}
		if len(rest.asked) != total-(n-1) {
			t.Errorf("stop at %d: resume asked %d questions, want the %d not yet answered", n, len(rest.asked), total-(n-1))
		}
		if got := string(proposal.Marshal(resumed)); got != want {
			t.Errorf("stop at question %d (%q): resumed result differs:\n%s\nwant:\n%s", n, first.asked[n-1], got, want)
		}
	}
}

func TestProgressComment(t *testing.T) {
	p := Progress{Answered: 12, YesNo: []bool{true, false, true}}
	c := p.Comment()
	if c != "# propose new: resume after question 12; yes/no answers: yes no yes\n" {
		t.Errorf("comment %q", c)
	}
	got := ParseProgress([]byte("version: 1\n" + c))
	if got.Answered != 12 || fmt.Sprint(got.YesNo) != "[true false true]" {
		t.Errorf("parsed %+v", got)
	}
	for _, bad := range []string{"", "# propose new: resume after question x; yes/no answers:\n",
		"# propose new: resume after question 3; yes/no answers: maybe\n", "# propose new: resume after question 3\n"} {
		if got := ParseProgress([]byte(bad)); got.Answered != 0 || got.YesNo != nil {
			t.Errorf("%q parsed as %+v, want nothing", bad, got)
		}
	}
}

func TestOwnFindingsAreAskedAndChecked(t *testing.T) {
	a := basics()
	a["finding of your own"] = []string{"y", "y", "n"}
	a["The finding, in a sentence"] = []string{"", "Customers rate our support 4.8 of 5", "Ticket backlog halved in 2026"}
	a["Where it comes from"] = []string{"Northwind customer survey, 2026", "Zendesk reports"}
	a["A link to it"] = []string{"not a link", "https://example.com/survey", ""}
	s := &script{answers: a}
	p, _, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := valid(t, p)
	want := []proposal.EvidenceRef{
		{ID: "bloom-2024-nature"},
		{Finding: "Customers rate our support 4.8 of 5", Source: "Northwind customer survey, 2026", URL: "https://example.com/survey"},
		{Finding: "Ticket backlog halved in 2026", Source: "Zendesk reports"},
	}
	if fmt.Sprint(q.Evidence) != fmt.Sprint(want) {
		t.Errorf("evidence %+v\nwant %+v", q.Evidence, want)
	}
	// An empty finding and a link that is not one are refused as typed,
	// with the messages propose validate gives.
	if len(s.rejected) != 2 || !strings.Contains(s.rejected[0], "The finding") || !strings.Contains(s.rejected[1], "A link to it") {
		t.Errorf("rejected: %q", s.rejected)
	}
	for _, r := range s.rejected {
		t.Log(r)
	}
}
