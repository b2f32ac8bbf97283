package wizard

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/proposal"
)

// Flow is the question flow. It fills P in place, calling Save after every
// answer so that nothing is lost when the user stops.
type Flow struct {
	P     *proposal.Proposal
	Ask   Prompter
	Today proposal.Date
	Save  func(*proposal.Proposal) error
	// Zone is the IANA name of the local time zone, offered as the default
	// for core hours; "" when unknown.
	Zone string
}

type setter func(p *proposal.Proposal, answer string) error

// Run asks every question that applies to the chosen scenario.
func (f *Flow) Run() error {
	if f.P.Version == 0 {
		f.P.Version = proposal.Version
	}
	steps := []func() error{
		f.situation, f.you, f.managerAndCompany, f.arrangement, f.communication, f.output,
		f.equipment, f.trial, f.trackRecord, f.businessCase, f.reask, f.offer, f.private,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			if errors.Is(err, ErrInterrupted) {
				// A yes-or-no answer is not saved on its own; save once
				// more so the draft's progress counts it.
				_ = f.save()
			}
			return err
		}
	}
	return nil
}

func (f *Flow) save() error {
	if f.Save == nil {
		return nil
	}
	return f.Save(f.P)
}

// validator checks an answer the way `propose validate` would: it applies
// the answer to a copy of the proposal and reports the first problem at path.
func (f *Flow) validator(path string, set setter, optional bool) func(string) error {
	return func(answer string) error {
		answer = strings.TrimSpace(answer)
		if answer == "" && optional {
			return nil
		}
		tmp := *f.P
		if err := set(&tmp, answer); err != nil {
			return err
		}
		return proposal.FieldError(&tmp, path, f.Today)
	}
}

// ask puts one text question and stores the answer.
func (f *Flow) ask(path string, fld Field, current string, set setter) error {
	if current != "" {
		fld.Default = current
	}
	fld.Validate = f.validator(path, set, fld.Optional)
	answer, err := f.Ask.Input(fld)
	if err != nil {
		return err
	}
	if err := set(f.P, strings.TrimSpace(answer)); err != nil {
		return err
	}
	return f.save()
}

func setString(dst func(p *proposal.Proposal) *string) setter {
	return func(p *proposal.Proposal, s string) error { *dst(p) = s; return nil }
}

func setInt(dst func(p *proposal.Proposal) *int) setter {
	return func(p *proposal.Proposal, s string) error {
		if s == "" {
			*dst(p) = 0
			return nil
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("%q is not a whole number (write digits only, for example 60)", s)
		}
		*dst(p) = n
		return nil
	}
}

func setDate(dst func(p *proposal.Proposal) *proposal.Date) setter {
	return func(p *proposal.Proposal, s string) error {
		var d proposal.Date
		if s != "" {
			if err := d.UnmarshalText([]byte(s)); err != nil {
				return err
			}
		}
		*dst(p) = d
		return nil
	}
}

func setClock(dst func(p *proposal.Proposal) *proposal.Clock) setter {
	return func(p *proposal.Proposal, s string) error {
		var c proposal.Clock
		if s != "" {
			if err := c.UnmarshalText([]byte(s)); err != nil {
				return err
			}
		}
		*dst(p) = c
		return nil
	}
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func (f *Flow) list(fld Field, current []string, set func(p *proposal.Proposal, items []string)) error {
	items, err := f.Ask.List(fld, current)
	if err != nil {
		return err
	}
	var clean []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			clean = append(clean, it)
		}
	}
	set(f.P, clean)
	return f.save()
}

// ---- The questions, in the order a person tells their story ----

var scenarioOptions = []Option{
	{"trial", "Ask my manager for a trial of remote or hybrid work"},
	{"offer", "Negotiate remote or hybrid terms in a job offer"},
	{"keep-remote", "Keep working remotely: answer a return-to-office order or a relocation demand"},
	{"reask", "Ask again after an earlier “no”"},
}

func (f *Flow) situation() error {
	if err := f.Ask.Section("Your situation", "A few questions about where you stand decide how the documents are framed."); err != nil {
		return err
	}
	def := string(f.P.Scenario)
	if def == "" {
		def = "trial"
	}
	s, err := f.Ask.Select(Field{Title: "What are you asking for?", Default: def}, scenarioOptions)
	if err != nil {
		return err
	}
	f.P.Scenario = proposal.Scenario(s)
	paper := f.P.Paper
	if paper == "" {
		paper = "letter"
	}
	p, err := f.Ask.Select(Field{Title: "Paper size for the PDFs", Help: "Letter also writes US dates and times.", Default: paper},
		[]Option{{"letter", "US Letter"}, {"a4", "A4"}})
	if err != nil {
		return err
	}
	f.P.Paper = p
	return f.save()
}

func (f *Flow) you() error {
	if err := f.Ask.Section("You", "How the proposal is signed."); err != nil {
		return err
	}
	e := &f.P.Employee
	if err := f.ask("employee.name", Field{Title: "Your full name"}, e.Name,
		setString(func(p *proposal.Proposal) *string { return &p.Employee.Name })); err != nil {
		return err
	}
	if err := f.ask("employee.title", Field{Title: "Your job title", Placeholder: "Senior Data Analyst"}, e.Title,
		setString(func(p *proposal.Proposal) *string { return &p.Employee.Title })); err != nil {
		return err
	}
	if err := f.ask("employee.team", Field{Title: "Your team", Optional: true, Placeholder: "Revenue Analytics"}, e.Team,
		setString(func(p *proposal.Proposal) *string { return &p.Employee.Team })); err != nil {
		return err
	}
	if err := f.ask("employee.email", Field{Title: "Your work email", Optional: true, Help: "Used for the email draft."}, e.Email,
		setString(func(p *proposal.Proposal) *string { return &p.Employee.Email })); err != nil {
		return err
	}
	return f.ask("employee.commute_minutes", Field{Title: "Your commute, one way, in minutes", Optional: true,
		Help: "The business case counts the hours a week the arrangement gives back."}, itoa(e.CommuteMinutes),
		setInt(func(p *proposal.Proposal) *int { return &p.Employee.CommuteMinutes }))
}

func (f *Flow) managerAndCompany() error {
	if err := f.Ask.Section("Your manager and company", "Who decides, and what your company already allows."); err != nil {
		return err
	}
	m := f.P.Manager
	if err := f.ask("manager.name", Field{Title: "Your manager’s full name"}, m.Name,
		setString(func(p *proposal.Proposal) *string { return &p.Manager.Name })); err != nil {
		return err
	}
	if err := f.ask("manager.title", Field{Title: "Their job title", Optional: true}, m.Title,
		setString(func(p *proposal.Proposal) *string { return &p.Manager.Title })); err != nil {
		return err
	}
	if err := f.ask("manager.email", Field{Title: "Their email", Optional: true, Help: "Used for the email draft."}, m.Email,
		setString(func(p *proposal.Proposal) *string { return &p.Manager.Email })); err != nil {
		return err
	}
	if err := f.ask("company.name", Field{Title: "Company name", Optional: true}, f.P.Company.Name,
		setString(func(p *proposal.Proposal) *string { return &p.Company.Name })); err != nil {
		return err
	}
	pol := f.P.Company.Policy
	has, err := f.Ask.Confirm(Field{Title: "Does your company have a written flexible-work policy?",
		Help: "A request that fits existing policy is easier to approve."}, pol != proposal.Policy{})
	if err != nil {
		return err
	}
	if has {
		if err := f.ask("company.policy.name", Field{Title: "Its name", Optional: true, Placeholder: "Flexible Work Guidelines"}, pol.Name,
			setString(func(p *proposal.Proposal) *string { return &p.Company.Policy.Name })); err != nil {
			return err
		}
		if err := f.ask("company.policy.reference", Field{Title: "Where it is written", Optional: true, Placeholder: "Employee Handbook §4.3"}, pol.Reference,
			setString(func(p *proposal.Proposal) *string { return &p.Company.Policy.Reference })); err != nil {
			return err
		}
		if err := f.ask("company.policy.summary", Field{Title: "What it allows, in a line", Optional: true,
			Placeholder: "Up to two remote days a week with manager approval"}, pol.Summary,
			setString(func(p *proposal.Proposal) *string { return &p.Company.Policy.Summary })); err != nil {
			return err
		}
	} else {
		f.P.Company.Policy = proposal.Policy{}
	}
	return f.list(Field{Title: "Colleagues who already work this way", Optional: true,
		Help: "Precedent makes a yes easy. For example: The Pricing team’s analysts work remotely on Fridays."},
		f.P.Company.Precedents, func(p *proposal.Proposal, items []string) { p.Company.Precedents = items })
}

var weekdayOptions = []Option{
	{"monday", "Monday"}, {"tuesday", "Tuesday"}, {"wednesday", "Wednesday"}, {"thursday", "Thursday"}, {"friday", "Friday"},
}

func (f *Flow) arrangement() error {
	if err := f.Ask.Section("The arrangement", "The days, hours and start date you are asking for."); err != nil {
		return err
	}
	a := &f.P.Arrangement
	def := a.Type
	if def == "" {
		def = "hybrid"
	}
	typ, err := f.Ask.Select(Field{Title: "Which arrangement?", Default: def},
		[]Option{{"hybrid", "Hybrid: some days remote, some in the office"}, {"remote", "Fully remote"}})
	if err != nil {
		return err
	}
	if typ != a.Type {
		a.OfficeDays = nil // the default office days follow the remote days
	}
	a.Type = typ
	if typ == "remote" {
		a.RemoteDays = nil
		a.OfficeDays = nil
	} else {
		var defaults []string
		for _, d := range a.RemoteDays {
			defaults = append(defaults, d.Key())
		}
		if len(defaults) == 0 {
			defaults = []string{"monday", "friday"}
		}
		for {
			days, err := f.Ask.MultiSelect(Field{Title: "Which days would you work remotely?",
				Help: "Two days is the most common first step; the other weekdays are office days."}, weekdayOptions, defaults)
			if err != nil {
				return err
			}
			tmp := *f.P
			tmp.Arrangement.RemoteDays = parseDays(days)
			tmp.Arrangement.OfficeDays = nil
			if err := proposal.FieldError(&tmp, "arrangement.remote_days", f.Today); err != nil {
				if err := f.Ask.Section("", "✗ "+err.Error()); err != nil {
					return err
				}
				defaults = days
				continue
			}
			a.RemoteDays = tmp.Arrangement.RemoteDays
			a.OfficeDays = nil
			break
		}
	}
	if err := f.save(); err != nil {
		return err
	}
	ch := a.CoreHours
	fixed, err := f.Ask.Confirm(Field{Title: "Will you keep fixed core hours when everyone can reach you?",
		Help: "Core hours answer the “will you be available?” question before it is asked."}, ch.Start.Set || ch == proposal.CoreHours{})
	if err != nil {
		return err
	}
	if fixed {
		start, end, zone := ch.Start.String(), ch.End.String(), ch.Timezone
		if start == "" {
			start = "09:00"
		}
		if end == "" {
			end = "17:00"
		}
		if zone == "" {
			zone = f.Zone
		}
		if err := f.ask("arrangement.core_hours.start", Field{Title: "Core hours start (HH:MM, 24-hour clock)"}, start,
			setClock(func(p *proposal.Proposal) *proposal.Clock { return &p.Arrangement.CoreHours.Start })); err != nil {
			return err
		}
		if err := f.ask("arrangement.core_hours.end", Field{Title: "Core hours end (HH:MM)"}, end,
			setClock(func(p *proposal.Proposal) *proposal.Clock { return &p.Arrangement.CoreHours.End })); err != nil {
			return err
		}
		if err := f.ask("arrangement.core_hours.timezone", Field{Title: "Time zone", Optional: true,
			Help: "An IANA name such as America/Chicago or Europe/Berlin."}, zone,
			setString(func(p *proposal.Proposal) *string { return &p.Arrangement.CoreHours.Timezone })); err != nil {
			return err
		}
	} else {
		a.CoreHours = proposal.CoreHours{}
	}
	startDef := a.Start.String()
	if startDef == "" {
		startDef = suggestedStart(f.Today).String()
	}
	if err := f.ask("arrangement.start", Field{Title: "When should it start? (YYYY-MM-DD)",
		Optional: !f.P.Scenario.UsesTrial(), Help: "A weekday a week or two out gives your manager time to decide."}, startDef,
		setDate(func(p *proposal.Proposal) *proposal.Date { return &p.Arrangement.Start })); err != nil {
		return err
	}
	if err := f.ask("arrangement.remote_location", Field{Title: "Where will you work remotely?", Optional: true,
		Placeholder: "Home office in Naperville, IL"}, a.RemoteLocation,
		setString(func(p *proposal.Proposal) *string { return &p.Arrangement.RemoteLocation })); err != nil {
		return err
	}
	if err := f.list(Field{Title: "Work you will do on remote days", Optional: true,
		Help: "The focused work that gains most, for example: Writing the weekly revenue commentary."},
		a.RemoteWork, func(p *proposal.Proposal, items []string) { p.Arrangement.RemoteWork = items }); err != nil {
		return err
	}
	return f.list(Field{Title: "What you will always come in for", Optional: true,
		Help: "Planning, reviews, mentoring: for example, Weekly team planning on Tuesdays."},
		a.InPersonCommitments, func(p *proposal.Proposal, items []string) { p.Arrangement.InPersonCommitments = items })
}

func parseDays(keys []string) []proposal.Weekday {
	var days []proposal.Weekday
	for _, k := range keys {
		var d proposal.Weekday
		if d.UnmarshalText([]byte(k)) == nil {
			days = append(days, d)
		}
	}
	return days
}

// suggestedStart is the first Monday at least a week after today.
func suggestedStart(today proposal.Date) proposal.Date {
	d := today.AddDays(7)
	for d.Weekday() != time.Monday {
		d = d.AddDays(1)
	}
	return d
}

func (f *Flow) communication() error {
	if err := f.Ask.Section("Communication", "How your manager and team reach you, and hear from you. Over-communicating wins trials."); err != nil {
		return err
	}
	c := &f.P.Communication
	channels := strings.Join(c.Channels, ", ")
	if channels == "" {
		channels = "email, chat, video calls"
	}
	if err := f.ask("communication.channels", Field{Title: "Channels you will use, separated by commas", Optional: true}, channels,
		func(p *proposal.Proposal, s string) error {
			var items []string
			for _, it := range strings.Split(s, ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
			p.Communication.Channels = items
			return nil
		}); err != nil {
		return err
	}
	rt := c.ResponseTime
	if rt == "" {
		rt = "within one hour during core hours"
	}
	if err := f.ask("communication.response_time", Field{Title: "How fast you will reply", Optional: true}, rt,
		setString(func(p *proposal.Proposal) *string { return &p.Communication.ResponseTime })); err != nil {
		return err
	}
	standard := []proposal.CheckIn{
		{Cadence: "daily", Format: "Written update on what I am working on"},
		{Cadence: "weekly", Format: "30-minute video 1:1"},
	}
	useStandard, err := f.Ask.Confirm(Field{Title: "Check in with a daily written update and a weekly 30-minute video 1:1?",
		Help: "Say no to set your own check-ins."}, len(c.CheckIns) == 0 || equalCheckIns(c.CheckIns, standard))
	if err != nil {
		return err
	}
	if useStandard {
		c.CheckIns = standard
	} else {
		existing := c.CheckIns
		c.CheckIns = nil
		more := func(i int) (bool, error) {
			return f.Ask.Confirm(Field{Title: addTitle(i, "check-in")}, i < len(existing) || i == 0)
		}
		if err := eachItem(existing, more, func(_ int, ci proposal.CheckIn) error {
			cad := ci.Cadence
			if cad == "" {
				cad = "weekly"
			}
			var err error
			if ci.Cadence, err = f.Ask.Select(Field{Title: "How often?", Default: cad}, cadenceOptions); err != nil {
				return err
			}
			fld := Field{Title: "What is it?", Placeholder: "30-minute video 1:1", Default: ci.Format}
			fld.Validate = func(s string) error {
				if strings.TrimSpace(s) == "" {
					return fmt.Errorf("say what the check-in is, for example “30-minute video 1:1”")
				}
				return nil
			}
			if ci.Format, err = f.Ask.Input(fld); err != nil {
				return err
			}
			ci.Format = strings.TrimSpace(ci.Format)
			c.CheckIns = append(c.CheckIns, ci)
			return f.save()
		}); err != nil {
			return err
		}
	}
	if err := f.save(); err != nil {
		return err
	}
	sr := c.StatusReport
	if sr == "" {
		sr = "weekly"
	}
	status, err := f.Ask.Select(Field{Title: "How often will you send a written status summary?",
		Help: "A regular summary of what shipped, what is next and what is blocked.", Default: sr},
		append(append([]Option{}, cadenceOptions...), Option{"none", "No written summary"}))
	if err != nil {
		return err
	}
	if status == "none" {
		status = ""
	}
	c.StatusReport = status
	return f.save()
}

var cadenceOptions = []Option{{"daily", "Daily"}, {"weekly", "Weekly"}, {"biweekly", "Every two weeks"}, {"monthly", "Monthly"}}

func equalCheckIns(a, b []proposal.CheckIn) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// eachItem asks for a list one item at a time. Before item i, more(i) says
// whether there is one (a question, or yes for an item that is not
// optional); item(i, v) asks about it, starting from v: the item the draft
// or --from file had at i, or the zero value.
func eachItem[T any](existing []T, more func(i int) (bool, error), item func(i int, v T) error) error {
	for i := 0; ; i++ {
		yes, err := more(i)
		if err != nil || !yes {
			return err
		}
		var v T
		if i < len(existing) {
			v = existing[i]
		}
		if err := item(i, v); err != nil {
			return err
		}
	}
}

// another asks whether there is one more item, yes by default while the
// draft has items left; the first is not asked about when required.
func (f *Flow) another(title func(i int) string, help string, existing int, required bool) func(i int) (bool, error) {
	return func(i int) (bool, error) {
		if i == 0 && required {
			return true, nil
		}
		return f.Ask.Confirm(Field{Title: title(i), Help: help}, i < existing)
	}
}

// adding titles the question before each item: "Add a what?", then "Add
// another what?".
func adding(what string) func(i int) string {
	return func(i int) string { return addTitle(i, what) }
}

func addTitle(i int, what string) string {
	if i == 0 {
		if strings.ContainsRune("aeiou", rune(what[0])) {
			return "Add an " + what + "?"
		}
		return "Add a " + what + "?"
	}
	return "Add another " + what + "?"
}

func (f *Flow) output() error {
	if err := f.Ask.Section("How your manager sees the work", "What shows progress without seeing you at your desk."); err != nil {
		return err
	}
	return f.list(Field{Title: "How your manager can track your output", Optional: true,
		Help: "For example: The Jira board stays current every day."},
		f.P.OutputTracking, func(p *proposal.Proposal, items []string) { p.OutputTracking = items })
}

func (f *Flow) equipment() error {
	if err := f.Ask.Section("Equipment and workspace", "Answers the “can you actually work from there?” question."); err != nil {
		return err
	}
	eq := &f.P.Equipment
	var names []string
	for _, it := range eq.Items {
		names = append(names, it.Name)
	}
	items, err := f.Ask.List(Field{Title: "Equipment you will use", Optional: true,
		Help: "One item a line, for example: Laptop with VPN."}, names)
	if err != nil {
		return err
	}
	// Keep the items at once, then ask who provides each, saving as we go.
	old := eq.Items
	eq.Items = nil
	for _, name := range items {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		by := ""
		for _, o := range old {
			if o.Name == name {
				by = o.ProvidedBy
			}
		}
		eq.Items = append(eq.Items, proposal.EquipmentItem{Name: name, ProvidedBy: by})
	}
	if err := f.save(); err != nil {
		return err
	}
	for i := range eq.Items {
		it := &eq.Items[i]
		def := it.ProvidedBy
		if def == "" {
			def = "company"
		}
		by, err := f.Ask.Select(Field{Title: "Who provides “" + it.Name + "”?", Default: def},
			[]Option{{"company", "The company"}, {"me", "Me"}})
		if err != nil {
			return err
		}
		it.ProvidedBy = by
		if err := f.save(); err != nil {
			return err
		}
	}
	for _, q := range []struct {
		path, title, placeholder string
		dst                      func(p *proposal.Proposal) *string
	}{
		{"equipment.connectivity", "Your internet connection, and a backup", "500 Mbps fibre, LTE hotspot as backup",
			func(p *proposal.Proposal) *string { return &p.Equipment.Connectivity }},
		{"equipment.workspace", "Your workspace", "A dedicated room with a door",
			func(p *proposal.Proposal) *string { return &p.Equipment.Workspace }},
		{"equipment.security", "How company data stays secure", "VPN with multi-factor sign-in; files stay on the company laptop",
			func(p *proposal.Proposal) *string { return &p.Equipment.Security }},
	} {
		if err := f.ask(q.path, Field{Title: q.title, Optional: true, Placeholder: q.placeholder}, *q.dst(f.P), setString(q.dst)); err != nil {
			return err
		}
	}
	return nil
}

func (f *Flow) trial() error {
	if !f.P.Scenario.UsesTrial() {
		f.P.Trial = proposal.Trial{}
		return f.save()
	}
	if err := f.Ask.Section("The trial", "A trial keeps your manager in control: a check-in, a review, and notice either side can give."); err != nil {
		return err
	}
	t := &f.P.Trial
	length := itoa(t.LengthDays)
	if length == "" {
		length = "60"
		if f.P.Scenario == proposal.ScenarioReask {
			length = "30" // a narrower, shorter trial after a "no"
		}
	}
	if err := f.ask("trial.length_days", Field{Title: "Trial length in days (30 to 90)"}, length,
		setInt(func(p *proposal.Proposal) *int { return &p.Trial.LengthDays })); err != nil {
		return err
	}
	checkIn := itoa(t.CheckInDay)
	if checkIn == "" || t.CheckInDay >= t.LengthDays {
		checkIn = strconv.Itoa(t.LengthDays / 2)
	}
	if err := f.ask("trial.check_in_day", Field{Title: "Check-in on which day of the trial?"}, checkIn,
		setInt(func(p *proposal.Proposal) *int { return &p.Trial.CheckInDay })); err != nil {
		return err
	}
	notice := itoa(t.NoticeDays)
	if notice == "" {
		notice = strconv.Itoa(proposal.DefaultNoticeDays)
	}
	if err := f.ask("trial.notice_days", Field{Title: "Days of notice either side gives to end it"}, notice,
		setInt(func(p *proposal.Proposal) *int { return &p.Trial.NoticeDays })); err != nil {
		return err
	}
	existing := t.Metrics
	t.Metrics = nil
	more := f.another(adding("success metric"), "Three to five measures make a clear case.", len(existing), true)
	if err := eachItem(existing, more, f.metric); err != nil {
		return err
	}
	return f.save()
}

// metric asks for one success metric and appends it to the trial.
func (f *Flow) metric(i int, m proposal.Metric) error {
	path := fmt.Sprintf("trial.metrics[%d]", i)
	with := func(p *proposal.Proposal, m proposal.Metric) {
		ms := append([]proposal.Metric(nil), f.P.Trial.Metrics[:i]...)
		p.Trial.Metrics = append(ms, m)
	}
	f.P.Trial.Metrics = append(f.P.Trial.Metrics, m)
	return f.askParts(path, []part{
		{"name", fmt.Sprintf("Success metric %d: what is measured?", i+1), "Weekly dashboards delivered on time", false, &m.Name},
		{"baseline", "Where it stands today", "100%", true, &m.Baseline},
		{"target", "The target during the trial", "100%", false, &m.Target},
		{"measured_by", "How it is measured", "Jira due dates", true, &m.MeasuredBy},
	}, func(p *proposal.Proposal) { with(p, m) })
}

// part is one question about a field of a list item.
type part struct {
	key, title, placeholder string
	optional                bool
	dst                     *string // the field, in the item being answered
}

// askParts asks about the fields of the list item at path; put stores the
// item, as answered so far, in a proposal (the draft, or a copy to check).
func (f *Flow) askParts(path string, parts []part, put func(p *proposal.Proposal)) error {
	for _, q := range parts {
		dst := q.dst
		set := func(p *proposal.Proposal, s string) error {
			*dst = s
			put(p)
			return nil
		}
		if err := f.ask(path+"."+q.key, Field{Title: q.title, Placeholder: q.placeholder, Optional: q.optional}, *dst, set); err != nil {
			return err
		}
	}
	return nil
}

func (f *Flow) trackRecord() error {
	if err := f.Ask.Section("Your track record", "Ask from strength: recent results, in numbers where you can."); err != nil {
		return err
	}
	pf := &f.P.Performance
	if err := f.list(Field{Title: "Recent highlights", Optional: true,
		Help: "For example: Delivered the Q3 churn model two weeks early."},
		pf.Highlights, func(p *proposal.Proposal, items []string) { p.Performance.Highlights = items }); err != nil {
		return err
	}
	if err := f.list(Field{Title: "Results in numbers", Optional: true,
		Help: "For example: Closed 112 requests in Q3 (team average 80)."},
		pf.Metrics, func(p *proposal.Proposal, items []string) { p.Performance.Metrics = items }); err != nil {
		return err
	}
	return f.list(Field{Title: "Recognition", Optional: true, Help: "Reviews, awards, praise in writing."},
		pf.Recognition, func(p *proposal.Proposal, items []string) { p.Performance.Recognition = items })
}

func (f *Flow) businessCase() error {
	if err := f.Ask.Section("The business case", "Frame it as output and retention, not a perk."); err != nil {
		return err
	}
	if err := f.list(Field{Title: "What the team or company gains", Optional: true,
		Help: "For example: Focused work moves to the days with the fewest interruptions."},
		f.P.Benefits, func(p *proposal.Proposal, items []string) { p.Benefits = items }); err != nil {
		return err
	}
	var opts []Option
	for _, c := range evidence.All(evidence.Supporting) {
		opts = append(opts, Option{Key: c.ID, Label: c.Short})
	}
	defaults := proposal.EvidenceIDs(f.P.Evidence)
	if f.P.Evidence == nil {
		defaults = []string{"bloom-2024-nature"}
	}
	ids, err := f.Ask.MultiSelect(Field{Title: "Research to cite",
		Help: "Verified findings; pick those closest to your situation."}, opts, defaults)
	if err != nil {
		return err
	}
	var own []proposal.EvidenceRef
	for _, e := range f.P.Evidence {
		if e.ID == "" {
			own = append(own, e)
		}
	}
	f.P.Evidence = nil
	for _, id := range ids {
		f.P.Evidence = append(f.P.Evidence, proposal.EvidenceRef{ID: id})
	}
	if err := f.save(); err != nil {
		return err
	}
	// Findings of the user's own, with their source: a company survey, the
	// team's numbers.
	more := f.another(adding("finding of your own"),
		"A company survey or your team’s numbers, with where they come from. Cited like the research.", len(own), false)
	if err := eachItem(own, more, func(_ int, e proposal.EvidenceRef) error {
		return f.finding(len(f.P.Evidence), e)
	}); err != nil {
		return err
	}
	return f.save()
}

// finding asks for one finding of the user's own and appends it to the
// evidence at index n.
func (f *Flow) finding(n int, e proposal.EvidenceRef) error {
	path := fmt.Sprintf("evidence[%d]", n)
	with := func(p *proposal.Proposal, e proposal.EvidenceRef) {
		refs := append([]proposal.EvidenceRef(nil), f.P.Evidence[:n]...)
		p.Evidence = append(refs, e)
	}
	f.P.Evidence = append(f.P.Evidence, e)
	return f.askParts(path, []part{
		{"finding", "The finding, in a sentence", "My accounts rated their satisfaction 4.8 of 5 over three years", false, &e.Finding},
		{"source", "Where it comes from", "Halcyon Software customer survey, 2024–2026", false, &e.Source},
		{"url", "A link to it", "https://…", true, &e.URL},
	}, func(p *proposal.Proposal) { with(p, e) })
}

func (f *Flow) reask() error {
	if f.P.Scenario != proposal.ScenarioReask {
		f.P.Reask = proposal.Reask{}
		return f.save()
	}
	if err := f.Ask.Section("The earlier “no”", "Answer each reason you were given; that is what makes a second request different."); err != nil {
		return err
	}
	if err := f.ask("reask.denied_on", Field{Title: "When was the earlier request declined? (YYYY-MM-DD)", Optional: true},
		f.P.Reask.DeniedOn.String(), setDate(func(p *proposal.Proposal) *proposal.Date { return &p.Reask.DeniedOn })); err != nil {
		return err
	}
	existing := f.P.Reask.Reasons
	f.P.Reask.Reasons = nil
	more := f.another(func(int) string { return "Were you given another reason?" }, "", len(existing), true)
	if err := eachItem(existing, more, func(i int, r proposal.ReaskReason) error {
		prev := append([]proposal.ReaskReason(nil), f.P.Reask.Reasons...)
		f.P.Reask.Reasons = append(f.P.Reask.Reasons, r)
		return f.askParts(fmt.Sprintf("reask.reasons[%d]", i), []part{
			{"reason", "The reason you were given", "", false, &r.Reason},
			{"response", "How this proposal answers it", "", false, &r.Response},
		}, func(p *proposal.Proposal) { p.Reask.Reasons = append(append([]proposal.ReaskReason(nil), prev...), r) })
	}); err != nil {
		return err
	}
	return f.save()
}

func (f *Flow) offer() error {
	if f.P.Scenario != proposal.ScenarioOffer {
		f.P.Offer = proposal.Offer{}
		return f.save()
	}
	if err := f.Ask.Section("The offer", "Flexibility belongs in the offer letter, not in a later favour."); err != nil {
		return err
	}
	if err := f.ask("offer.role", Field{Title: "The role you were offered"}, f.P.Offer.Role,
		setString(func(p *proposal.Proposal) *string { return &p.Offer.Role })); err != nil {
		return err
	}
	return f.ask("offer.recruiter", Field{Title: "The recruiter or hiring manager", Optional: true}, f.P.Offer.Recruiter,
		setString(func(p *proposal.Proposal) *string { return &p.Offer.Recruiter }))
}

func (f *Flow) private() error {
	if err := f.Ask.Section("Private: for you alone",
		"These answers go on your prep sheet only. They never appear in anything your manager sees."); err != nil {
		return err
	}
	pr := f.P.Private
	for _, q := range []struct {
		path, title, help string
		cur               string
		dst               func(p *proposal.Proposal) *string
	}{
		{"private.motivation", "Why this matters to you", "Shapes how you speak about it; it stays out of the proposal.", pr.Motivation,
			func(p *proposal.Proposal) *string { return &p.Private.Motivation }},
		{"private.alternatives", "Your alternatives if the answer is no", "Other offers, or staying as you are. Leverage is private.", pr.Alternatives,
			func(p *proposal.Proposal) *string { return &p.Private.Alternatives }},
		{"private.fallback", "The least you would accept", "For example: one remote day a week for the first month.", pr.Fallback,
			func(p *proposal.Proposal) *string { return &p.Private.Fallback }},
	} {
		if err := f.ask(q.path, Field{Title: q.title, Help: q.help, Optional: true}, q.cur, setString(q.dst)); err != nil {
			return err
		}
	}
	existing := f.P.Private.Objections
	f.P.Private.Objections = nil
	more := f.another(adding("objection you expect"),
		"Common ones (visibility, collaboration, fairness) are answered on the prep sheet anyway.", len(existing), false)
	if err := eachItem(existing, more, func(i int, o proposal.Objection) error {
		prev := append([]proposal.Objection(nil), f.P.Private.Objections...)
		f.P.Private.Objections = append(f.P.Private.Objections, o)
		return f.askParts(fmt.Sprintf("private.objections[%d]", i), []part{
			{"objection", "The objection", "", false, &o.Objection},
			{"response", "Your answer", "", false, &o.Response},
		}, func(p *proposal.Proposal) {
			p.Private.Objections = append(append([]proposal.Objection(nil), prev...), o)
		})
	}); err != nil {
		return err
	}
	return f.save()
}
