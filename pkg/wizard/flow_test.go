package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/schemacheck"
	"github.com/propose-cli/propose/pkg/proposal"
)

// script answers questions by their titles: each key is a part of a title
// and holds the answers to give, in turn. A question without a scripted
// answer gets its default, as if the user pressed Enter. The answer "<"
// goes back. Rejected answers are recorded, so tests see the messages a
// user would.
type script struct {
	answers  map[string][]string
	asked    []string
	fields   []Field // every question as asked
	said     []string
	rejected []string
	stopAt   string // interrupt at the first question whose title contains this
	stopN    int    // interrupt at question number stopN (1-based); 0 never
}

func (s *script) next(f Field) (string, bool, error) {
	s.asked = append(s.asked, f.Title)
	s.fields = append(s.fields, f)
	if s.stopN > 0 && len(s.asked) == s.stopN {
		return "", false, ErrInterrupted
	}
	if s.stopAt != "" && strings.Contains(f.Title, s.stopAt) {
		return "", false, ErrInterrupted
	}
	// The longest key that is part of the title answers: "Piece of
	// equipment 2: what is it" before "what is it".
	best := ""
	for key, queue := range s.answers {
		if strings.Contains(f.Title, key) && len(queue) > 0 && len(key) > len(best) {
			best = key
		}
	}
	if best == "" {
		return "", false, nil
	}
	queue := s.answers[best]
	s.answers[best] = queue[1:]
	if queue[0] == Back {
		return "", false, ErrBack
	}
	return queue[0], true, nil
}

func (s *script) Section(title, intro string) error {
	if title == "" {
		s.said = append(s.said, intro)
		if strings.HasPrefix(intro, "✗") {
			s.rejected = append(s.rejected, intro)
		}
	}
	return nil
}

func (s *script) Input(f Field) (string, error) {
	for tries := 0; tries < 5; tries++ {
		a, ok, err := s.next(f)
		if err != nil {
			return "", err
		}
		if !ok {
			a = f.Default
		}
		if a == "-" {
			a = ""
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
	a, ok, err := s.next(f)
	if err != nil || !ok {
		return defaults, err
	}
	if a == "-" {
		return nil, nil
	}
	return strings.Split(a, "|"), nil
}

func (s *script) Select(f Field, opts []Option) (string, error) {
	a, ok, err := s.next(f)
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
	a, ok, err := s.next(f)
	if err != nil || !ok {
		return defaults, err
	}
	if a == "-" {
		return nil, nil
	}
	return strings.Split(a, ","), nil
}

func (s *script) Confirm(f Field, def bool) (bool, error) {
	a, ok, err := s.next(f)
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
		"what is measured":           {"Tickets resolved a week"},
		"the target":                 {"40"},
		"Add another success metric": {"n"},
	}
}

func run(t *testing.T, s *script, p *proposal.Proposal) (*proposal.Proposal, int, error) {
	t.Helper()
	if p == nil {
		p = &proposal.Proposal{}
	}
	saves := 0
	f := &Flow{P: p, Ask: s, Today: today, Zone: "Europe/Berlin", Save: func(*proposal.Proposal, Progress) error { saves++; return nil }}
	err := f.Run()
	return p, saves, err
}

// runValid runs the wizard with the scripted answers a and checks the file
// it writes, as valid does.
func runValid(t *testing.T, a map[string][]string) (*script, *proposal.Proposal) {
	t.Helper()
	s := &script{answers: a}
	p, _, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, valid(t, p)
}

// valid checks that the wizard's proposal, written and read back, passes
// `propose validate` and matches the JSON Schema.
func valid(t *testing.T, p *proposal.Proposal) *proposal.Proposal {
	t.Helper()
	data := proposal.Marshal(p)
	q, err := proposal.Parse("new.yaml", data, today)
	if err != nil {
		t.Fatalf("the wizard's file does not validate:\n%v\n%s", err, data)
	}
	if err := schemacheck.Validate(data); err != nil {
		t.Fatalf("the wizard's file does not match the schema:\n%v\n%s", err, data)
	}
	return q
}

// TestEnterEverywhereKeepsDefaultsAndLeavesOutExamples presses Enter on
// every question that has a default or may be left empty: every real
// default is kept, and no example becomes an answer.
func TestEnterEverywhereKeepsDefaultsAndLeavesOutExamples(t *testing.T) {
	s := &script{answers: basics()}
	p, saves, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := valid(t, p)
	if q.Scenario != proposal.ScenarioTrial || q.Paper != "letter" || q.Arrangement.Type != "hybrid" {
		t.Errorf("scenario %q, paper %q, type %q", q.Scenario, q.Paper, q.Arrangement.Type)
	}
	if q.Trial.LengthDays != 60 || q.Trial.CheckInDay != 30 || q.Trial.NoticeDays != 14 {
		t.Errorf("trial defaults: %+v", q.Trial)
	}
	if got := fmt.Sprint(q.Arrangement.RemoteDays); got != "[Monday Friday]" {
		t.Errorf("remote days %s", got)
	}
	if q.Arrangement.Start != proposal.NewDate(2027, 1, 11) {
		t.Errorf("start %s, want the first Monday a week out", q.Arrangement.Start)
	}
	ch := q.Arrangement.CoreHours
	if ch.Start.String() != "09:00" || ch.End.String() != "17:00" || ch.Timezone != "Europe/Berlin" {
		t.Errorf("core hours %+v", ch)
	}
	c := q.Communication
	if len(c.CheckIns) != 2 || c.StatusReport != "weekly" || strings.Join(c.Channels, ", ") != "email, chat, video calls" ||
		c.ResponseTime != "within one hour during core hours" {
		t.Errorf("communication defaults: %+v", c)
	}
	if fmt.Sprint(proposal.EvidenceIDs(q.Evidence)) != "[bloom-2024-nature]" {
		t.Errorf("evidence %v", q.Evidence)
	}
	// No example reached the file.
	file := string(proposal.Marshal(p))
	for _, f := range proposal.Fields() {
		// A field the wizard does not ask about never shows its example.
		if f.Ask != "" && f.Example != "" && f.Example != f.Suggest && strings.Contains(file, f.Example) {
			t.Errorf("the example of %s (%q) became an answer", f.Path, f.Example)
		}
	}
	for _, empty := range []string{"employee.team", "employee.email", "equipment", "company", "performance", "private",
		"arrangement.remote_location", "output_tracking"} {
		if !q.IsEmpty(empty) {
			t.Errorf("%s holds %q, though only examples were shown", empty, q.Text(empty))
		}
	}
	if !slices.Contains(s.said, "You left “Equipment and workspace” empty, so the documents leave it out.") {
		t.Errorf("the user is not told an empty part is left out: %q", s.said)
	}
	if saves < 30 {
		t.Errorf("saved %d times; the draft must be saved after every answer", saves)
	}
}

func TestEveryQuestionSaysWhereItIs(t *testing.T) {
	s := &script{answers: basics()}
	if _, _, err := run(t, s, nil); err != nil {
		t.Fatal(err)
	}
	sections := 0
	for i, f := range s.fields {
		w := f.Where
		if w.Sections < 10 || w.SectionN < 1 || w.SectionN > w.Sections || w.N < 1 || w.N > w.Of || w.Section == "" {
			t.Errorf("question %d (%q) is placed at %+v", i, f.Title, w)
		}
		sections = max(sections, w.SectionN)
	}
	if last := s.fields[len(s.fields)-1].Where; last.SectionN != last.Sections || last.N != last.Of || sections != last.Sections {
		t.Errorf("the last question is at %+v, of %d parts seen", last, sections)
	}
	if got := s.fields[0].Where.String(); got != "Your situation · part 1 of 11 · question 1 of 3" { // trial: no offer, no re-ask
		t.Errorf("first question placed %q", got)
	}
}

func TestAnswersAreValidatedAsTyped(t *testing.T) {
	a := basics()
	a["Your work email"] = []string{"ana(at)example.com", "ana@example.com"}
	a["Trial length"] = []string{"120", "45"}
	a["When should it start"] = []string{"2027-01-09", "next week", "2027-01-18"}
	a["Core hours end"] = []string{"08:00", "17:30"}
	a["Which days would you work remotely"] = []string{"monday,tuesday,wednesday,thursday,friday", "wednesday"}
	s, q := runValid(t, a)
	if q.Employee.Email != "ana@example.com" || q.Trial.LengthDays != 45 || q.Arrangement.Start != proposal.NewDate(2027, 1, 18) {
		t.Errorf("got %q %d %s", q.Employee.Email, q.Trial.LengthDays, q.Arrangement.Start)
	}
	want := []string{
		`Your work email: "ana(at)example.com" is not an email address (write it as name@example.com)`,
		"✗ every weekday is remote, which is not hybrid (set `type: remote`, or keep at least one office day)",
		"Core hours end (HH:MM): core hours end at 08:00, not after they start at 09:00 (write the end time on a 24-hour clock, for example \"17:00\")",
		"When should it start? (YYYY-MM-DD): 2027-01-09 is a Saturday (start on a weekday)",
		`When should it start? (YYYY-MM-DD): "next week" is not a date (write it as YYYY-MM-DD, for example 2027-01-12)`,
		"Trial length in days (30 to 90): 120 days is outside 30 to 90 days (choose 30 to 90 days; 60 is typical and long enough to show results)",
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
		{"keep-remote", map[string][]string{"Offer a review on a fixed date": {"n"}},
			[]string{"Offer a review on a fixed date"}, []string{"Trial length", "role you were offered", "earlier request declined"}},
		{"reask", map[string][]string{"the reason you were given": {"Availability for urgent requests"},
			"how this proposal answers it": {"Core hours and a one-hour reply commitment"}, "Add another reason": {"n"}},
			[]string{"Trial length", "earlier request declined", "Reason 1: the reason you were given"}, []string{"role you were offered"}},
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

// TestEveryDeclaredQuestionIsAsked checks that a field declared with a
// question is asked in some scenario: adding a field to the model with its
// question is all the wizard needs.
func TestEveryDeclaredQuestionIsAsked(t *testing.T) {
	var asked []string
	for _, sc := range proposal.Scenarios {
		a := richAnswers()
		a["What are you asking for"] = []string{string(sc)}
		a["role you were offered"] = []string{"Staff Analyst"}
		a["the reason you were given"] = []string{"Availability"}
		a["how this proposal answers it"] = []string{"Core hours"}
		a["Check in with a daily"] = []string{"n"}
		a["Add a check-in"] = []string{"y", "n"}
		a["Check-in 1: what is it"] = []string{"Weekly 1:1"}
		a["Has someone asked you"] = []string{"y"}
		a["Who asks for it"] = []string{"manager"}
		a["What are you asked to do"] = []string{"relocate"}
		a["Where to?"] = []string{"Austin, Texas", "Denver, Colorado"}
		a["By when?"] = []string{"2027-03-01"}
		a["What was said, in your words"] = []string{"Greg expects me in Austin"}
		a["Are you moving away"] = []string{"y"}
		a["When do you move"] = []string{"2027-06-14"}
		a["Why, in a sentence"] = []string{"My wife’s job is moving"}
		a["What do you propose if it is not working"] = []string{"We agree on changes together"}
		a["Add a trip"] = []string{"y"}
		a["Add another trip"] = []string{"n"}
		a["Trip 1: how often"] = []string{"Once a quarter"}
		a["for what"] = []string{"Planning week"}
		a["who pays for the travel"] = []string{"company"}
		s := &script{answers: a}
		if _, _, err := run(t, s, nil); err != nil {
			t.Fatal(err)
		}
		for _, f := range s.fields {
			asked = append(asked, f.Title)
		}
	}
	all := strings.ToLower(strings.Join(asked, "\n"))
	for _, f := range proposal.Fields() {
		if f.Ask != "" && !strings.Contains(all, strings.ToLower(f.Ask)) {
			t.Errorf("%s declares the question %q, which no run asks", f.Path, f.Ask)
		}
	}
}

func TestGoingBackChangesTheEarlierAnswer(t *testing.T) {
	a := basics()
	a["Your job title"] = []string{"Support Engineer", "Senior Support Engineer"}
	a["Your team"] = []string{Back, "Support"}
	// Back across parts: from the first question of "Your manager and
	// company" to the last one of "You".
	a["manager’s full name"] = []string{Back, "Sam Ortiz"}
	s, q := runValid(t, a)
	if q.Employee.Title != "Senior Support Engineer" || q.Employee.Team != "Support" {
		t.Errorf("title %q team %q", q.Employee.Title, q.Employee.Team)
	}
	at := func(title string, n int) int {
		for i, asked := range s.asked {
			if strings.Contains(asked, title) {
				if n--; n == 0 {
					return i
				}
			}
		}
		t.Fatalf("%q was not asked %d times: %q", title, n, s.asked)
		return -1
	}
	// Back from the team to the title, which shows the answer given.
	if i := at("Your team", 1); s.asked[i+1] != "Your job title" || s.fields[i+1].Default != "Support Engineer" {
		t.Errorf("after going back from the team: %q with %q", s.asked[i+1], s.fields[i+1].Default)
	}
	// Back from the manager's name to the question before it, then on.
	i := at("manager’s full name", 1)
	if s.asked[i+1] != s.asked[i-1] || s.asked[i+2] != s.asked[i] {
		t.Errorf("going back across parts asked %q, then %q", s.asked[i+1], s.asked[i+2])
	}
}

func TestBackAtTheFirstQuestionStaysThere(t *testing.T) {
	a := basics()
	a["What are you asking for"] = []string{Back, "trial"}
	s := &script{answers: a}
	if _, _, err := run(t, s, nil); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(s.said, "This is the first question.") || s.asked[1] != s.asked[0] {
		t.Errorf("said %q, asked %q", s.said, s.asked[:2])
	}
}

func TestItemQuestionsNameTheItem(t *testing.T) {
	a := basics()
	a["what is measured"] = []string{"Tickets resolved a week", "Median first reply"}
	a["the target"] = []string{"40", "under 1 hour"}
	a["Add another success metric"] = []string{"y", "n"}
	s := &script{answers: a}
	p, _, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, p)
	asked := strings.Join(s.asked, "\n")
	for _, want := range []string{
		"Success metric 1: what is measured?", "Success metric 1 (Tickets resolved a week): where it stands today",
		"Success metric 2: what is measured?", "Success metric 2 (Median first reply): how it is measured",
	} {
		if !strings.Contains(asked, want) {
			t.Errorf("no question %q in:\n%s", want, asked)
		}
	}
	if len(p.Trial.Metrics) != 2 {
		t.Errorf("%d metrics", len(p.Trial.Metrics))
	}
	// Going through the answers again, an item's own name does not label
	// the question for it, and no other field does either.
	again := &script{answers: map[string][]string{}}
	f := &Flow{P: p.Clone(), Ask: again, Today: today, Zone: "Europe/Berlin", Editing: true}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	asked = strings.Join(again.asked, "\n")
	if !strings.Contains(asked, "\nSuccess metric 2: what is measured?\n") || strings.Contains(asked, "(under 1 hour)") {
		t.Errorf("item questions are labelled wrongly:\n%s", asked)
	}
}

// TestAMissingAnswerIsAskedForInPlainWords checks the message for an empty
// answer to a required question: the wizard's words and the field's
// example, not the file's syntax.
func TestAMissingAnswerIsAskedForInPlainWords(t *testing.T) {
	a := basics()
	a["what is measured"] = []string{"", "Tickets resolved a week"}
	s := &script{answers: a}
	if _, _, err := run(t, s, nil); err != nil {
		t.Fatal(err)
	}
	want := "Success metric 1: what is measured?: this one needs an answer, for example: Weekly dashboards delivered on time"
	if len(s.rejected) != 1 || s.rejected[0] != want {
		t.Errorf("rejected %q, want %q", s.rejected, want)
	}
}

func TestPrivateAnswersStayPrivate(t *testing.T) {
	a := basics()
	a["Why this matters"] = []string{"SENTINEL-MOTIVATION"}
	a["Add an objection"] = []string{"y"}
	a["Add another objection"] = []string{"n"}
	a["the objection"] = []string{"We need you here"}
	a["your answer"] = []string{"Three office days keep the team time"}
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
		"Add a piece of equipment": {"y"}, "Piece of equipment 1: what is it": {"Laptop"},
		"Add another piece of equipment": {"y", "n"}, "Piece of equipment 2: what is it": {"Headset"},
		"Piece of equipment 2 (Headset): who provides it": {"me"},
		"where it stands today":                           {"35"}, "how it is measured": {"Zendesk"},
		"Recent highlights": {"Cut the backlog by half"}, "What the team or company gains": {"Faster replies"},
		"Why this matters": {"Commute"}, "least you would accept": {"One day a week"},
		"Add an objection": {"y"}, "Add another objection": {"n"}, "the objection": {"Visibility"}, "your answer": {"Daily updates"},
		"Add a finding of your own": {"y"}, "Add another finding": {"n"},
		"something in writing": {"y"}, "What is it?": {"My offer letter"}, "When was it written": {"2024-03-01"},
		"What does it say?":      {"The role is remote"},
		"worked remotely before": {"y"}, "remote work 1: when?": {"2020–2022"}, "how did you work then": {"Fully remote"},
		"what did you deliver": {"Every target met"}, "Add another period of remote work": {"n"},
		"what it found, in a sentence": {"Customers rate our support 4.8 of 5"},
		"where it comes from":          {"Northwind customer survey, 2026"}, "a link to it": {"https://example.com/survey"},
	} {
		a[k] = v
	}
	return a
}

// TestResumeContinuesWhereItStopped stops the wizard at every question in
// turn, saving the draft as the command does, then resumes from the draft:
// the user is asked only what they had not answered, starting with the
// question they stopped at, and the result is what an uninterrupted run
// gives.
func TestResumeContinuesWhereItStopped(t *testing.T) {
	s := &script{answers: richAnswers()}
	whole, _, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, whole)
	want := string(proposal.Marshal(whole))
	total := len(s.asked)
	for n := 1; n <= total; n++ {
		var draft []byte
		first := &script{answers: richAnswers(), stopN: n}
		f := &Flow{P: &proposal.Proposal{}, Ask: first, Today: today, Zone: "Europe/Berlin",
			Save: func(p *proposal.Proposal, at Progress) error {
				draft = append(proposal.Marshal(p), at.Comment()...)
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
		if (n > 1) != (progress.At != "") {
			t.Errorf("stop at %d: the draft says it stopped after %q", n, progress.At)
		}
		// Second run: the user is asked only what they had not answered,
		// starting with the question they stopped at.
		rest := &script{answers: richAnswers()}
		for _, f := range first.fields[:n-1] {
			rest.next(f)
		}
		rest.asked, rest.fields = nil, nil
		f2 := &Flow{P: resumed, Ask: rest, Today: today, Zone: "Europe/Berlin", Resume: progress}
		if title, _ := (&Flow{P: resumed.Clone(), Today: today, Zone: "Europe/Berlin", Resume: progress}).NextTitle(); title != first.asked[n-1] {
			t.Errorf("stop at %d: NextTitle says %q, want %q", n, title, first.asked[n-1])
		}
		if err := f2.Run(); err != nil {
			t.Fatalf("stop at %d (%q): resume: %v", n, first.asked[n-1], err)
		}
		if len(rest.asked) == 0 || rest.asked[0] != first.asked[n-1] {
			t.Errorf("stop at %d: resume asked %v first, want %q", n, rest.asked[:min(1, len(rest.asked))], first.asked[n-1])
		}
		if len(rest.asked) != total-(n-1) {
			t.Errorf("stop at %d: resume asked %d questions, want the %d not yet answered", n, len(rest.asked), total-(n-1))
		}
		if got := string(proposal.Marshal(resumed)); got != want {
			t.Errorf("stop at question %d (%q): resumed result differs:\n%s\nwant:\n%s", n, first.asked[n-1], got, want)
		}
	}
}

// TestResumeSurvivesANewQuestion resumes a draft with a run that asks one
// more question earlier on: the draft names the question it stopped after
// by its field, so the run continues at the same question, not at the same
// count.
func TestResumeSurvivesANewQuestion(t *testing.T) {
	var draft []byte
	first := &script{answers: richAnswers(), stopAt: "where it stands today"}
	f := &Flow{P: &proposal.Proposal{}, Ask: first, Today: today, Zone: "Europe/Berlin",
		Save: func(p *proposal.Proposal, at Progress) error {
			draft = append(proposal.Marshal(p), at.Comment()...)
			return nil
		}}
	if err := f.Run(); !errors.Is(err, ErrInterrupted) {
		t.Fatal(err)
	}
	p, _, err := proposal.Load("draft.yaml", draft)
	if err != nil {
		t.Fatal(err)
	}
	rest := &script{answers: richAnswers()}
	g := &Flow{P: p, Ask: rest, Today: today, Zone: "Europe/Berlin", Resume: ParseProgress(draft)}
	g.parts() // then add a part with a question before the rest
	g.plan = append([]*part{{title: "New", build: func(b *builder) { b.field("date") }}}, g.plan...)
	if err := g.Run(); err != nil {
		t.Fatal(err)
	}
	if len(rest.asked) == 0 || rest.asked[0] != "Success metric 1 (Tickets resolved a week): where it stands today" {
		t.Errorf("resumed at %q", rest.asked[:min(1, len(rest.asked))])
	}
}

func TestProgressComment(t *testing.T) {
	p := Progress{At: "trial.metrics[1].target", YesNo: map[string]bool{"company.policy?": true, "trial.metrics[2]?": false}}
	c := p.Comment()
	if c != "# propose new: resume after trial.metrics[1].target; yes/no: company.policy?=yes trial.metrics[2]?=no\n" {
		t.Errorf("comment %q", c)
	}
	got := ParseProgress([]byte("version: 1\n" + c))
	if got.At != p.At || fmt.Sprint(got.YesNo) != fmt.Sprint(p.YesNo) || got.Editing {
		t.Errorf("parsed %+v", got)
	}
	p.Editing = true
	if got := ParseProgress([]byte(p.Comment())); !got.Editing || got.At != p.At {
		t.Errorf("an edit's progress parsed as %+v from %q", got, p.Comment())
	}
	for _, bad := range []string{"", "# propose new: resume after question 46; yes/no answers: yes no\n",
		"# propose new: resume after x; yes/no: a=maybe\n"} {
		if got := ParseProgress([]byte(bad)); got.At != "" || got.YesNo != nil {
			t.Errorf("%q parsed as %+v, want nothing", bad, got)
		}
	}
}

func TestOwnFindingsAreAskedAndChecked(t *testing.T) {
	a := basics()
	a["finding of your own"] = []string{"y"}
	a["Add another finding"] = []string{"y", "n"}
	a["what it found, in a sentence"] = []string{"", "Customers rate our support 4.8 of 5", "Ticket backlog halved in 2026"}
	a["where it comes from"] = []string{"Northwind customer survey, 2026", "Zendesk reports"}
	a["a link to it"] = []string{"not a link", "https://example.com/survey", ""}
	s, q := runValid(t, a)
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
	if len(s.rejected) != 2 || !strings.Contains(s.rejected[0], "Finding 1: what it found") || !strings.Contains(s.rejected[1], "a link to it") {
		t.Errorf("rejected: %q", s.rejected)
	}
}

// TestEditingKeepsWhatTheFileLeftOut edits a complete file pressing Enter
// everywhere: it comes back unchanged, and a field the file leaves empty
// is not filled with a suggestion.
func TestEditingKeepsWhatTheFileLeftOut(t *testing.T) {
	s := &script{answers: richAnswers()}
	whole, _, err := run(t, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	whole.Communication.ResponseTime = ""
	whole.Communication.Channels = nil
	want := string(proposal.Marshal(whole))
	p := whole.Clone()
	f := &Flow{P: p, Ask: &script{answers: map[string][]string{}}, Today: today, Zone: "Europe/Berlin", Editing: true}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	if got := string(proposal.Marshal(p)); got != want {
		t.Errorf("editing with Enter everywhere changed the file:\n%s\nwant:\n%s", got, want)
	}
}

// TestAFaultFoundAtTheEndIsAskedAgain empties the start of the core hours
// while keeping their end: no single answer breaks a rule, the pair does,
// and the wizard asks for the start again before it finishes.
func TestAFaultFoundAtTheEndIsAskedAgain(t *testing.T) {
	a := basics()
	a["Core hours start"] = []string{"-", "08:30"}
	s, q := runValid(t, a)
	if q.Arrangement.CoreHours.Start.String() != "08:30" {
		t.Errorf("core hours start %s", q.Arrangement.CoreHours.Start)
	}
	if !slices.ContainsFunc(s.rejected, func(r string) bool {
		return strings.Contains(r, "Core hours start") && strings.Contains(r, "is missing")
	}) {
		t.Errorf("not told why: %q", s.rejected)
	}
}

// TestRevisitAsksOnlyTheWeakAnswers runs the wizard through, then
// revisits the reply time and the core hours: only their questions are
// asked (a yes opening the core hours asks the hours too), and the new
// answers replace the old.
func TestRevisitAsksOnlyTheWeakAnswers(t *testing.T) {
	a := basics()
	a["How fast you will reply"] = []string{"quickly", "within 30 minutes during core hours"}
	a["fixed core hours"] = []string{"n", "y"}
	s := &script{answers: a}
	p := &proposal.Proposal{}
	f := &Flow{P: p, Ask: s, Today: today, Zone: "Europe/Berlin"}
	if err := f.Run(); err != nil {
		t.Fatal(err)
	}
	if p.Communication.ResponseTime != "quickly" || p.Arrangement.CoreHours.Start.Set {
		t.Fatalf("the first run gave %q and core hours %v", p.Communication.ResponseTime, p.Arrangement.CoreHours)
	}
	before := len(s.asked)
	if err := f.Revisit([]string{"communication.response_time", "arrangement.core_hours"}); err != nil {
		t.Fatal(err)
	}
	asked := s.asked[before:]
	for _, q := range asked {
		if !strings.Contains(q, "core hours") && !strings.Contains(q, "Core hours") && !strings.Contains(q, "reply") && !strings.Contains(q, "Time zone") {
			t.Errorf("revisit asked %q, which it was not asked to", q)
		}
	}
	if p.Communication.ResponseTime != "within 30 minutes during core hours" {
		t.Errorf("reply time is %q", p.Communication.ResponseTime)
	}
	if !p.Arrangement.CoreHours.Start.Set || !p.Arrangement.CoreHours.End.Set {
		t.Errorf("core hours were not asked after the yes: %v (asked %q)", p.Arrangement.CoreHours, asked)
	}
	valid(t, p)
}
