// Package view turns a validated proposal into what the document templates
// print: phrases, dates and tables, with every piece of user text already
// escaped for Markdown.
//
// There are two views. Public is all a manager-facing document can see: it
// has no field that holds a private answer, so no template executed with it
// can leak one. Private embeds Public and adds the employee's own notes, for
// the prep sheet only.
package view

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/fastre"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/proposal"
)

// Public is the manager-facing view of a proposal. It is everything a
// manager-facing renderer needs (documents, their metadata, the cover
// email), so none of them is ever given the proposal itself.
type Public struct {
	Scenario string
	Paper    string
	Date     string    // the document date, formatted for the paper's region
	Issued   time.Time // the document date, midnight UTC
	Language string    // the documents' language tag: en-US on letter, en-GB on A4

	// Texts is every piece of user text this view may print, with its
	// field: the public fields only. It places a problem with a text (a
	// character the PDF fonts lack) in the file.
	Texts []proposal.Text
	// Source places problems in the file; it holds positions, no text.
	Source *proposal.Source

	Title        string // the proposal's title, such as "Proposal for a Hybrid Work Trial"
	Subject      string
	PlainTitle   string // Title and Subject without Markdown escapes, for PDF metadata
	PlainSubject string
	Employee     Person
	Manager      Person
	Company      string
	Arrangement
	Communication
	OutputTracking []string
	Equipment
	Trial           *Trial // nil when the scenario has no trial
	Performance     Performance
	Benefits        []string
	CommuteSaving   string // such as "about five hours of commuting a week"; "" when unknown
	CommuteOneWay   string // such as "75 minutes"
	Citations       []Citation
	Research        bool // some citation from the library supports the request and covers the arrangement asked for
	Scoped          bool // some citation from the library studied a smaller arrangement than the one asked for
	Balance         bool // some citation from the library is cited for balance, not support
	Reports         bool // some citation is a company's report of its own results
	OwnData         bool // some citation is the user's own data
	Policy          Policy
	Precedents      []string
	Agreement       Agreement // what is in writing about where the employee works; Any is false when nothing is
	Demand          Demand    // keep-remote: the change asked for, and who asks
	Move            *Move     // a move of the employee's home base; nil without one
	Exception       bool      // the request asks for an exception to a rule that has a limit or an exception clause
	Promises        []string  // what the employee promises beyond the schedule
	NoticeDays      int
	NoticePhrase    string    // such as "two weeks’ notice": the file's, or the default for the review and the agreement
	NoticeWritten   bool      // the file gives the notice period: the proposal states it only then
	ReviewDate      string    // the agreed review date, formatted
	ReviewPeriod    bool      // keep-remote with a trial: section, which is a review period, not a trial
	Since           string    // keep-remote: when the arrangement began, when that is before the document date
	Clause          string    // offer: the clause for the offer letter
	Why             []WhyItem // the one-pager's reasons to say yes, strongest first
	MoreMetrics     int       // measures the one-pager leaves out for space
	SignOff         []Signatory
	Contractor      bool   // the employee is a contractor, and the manager their client
	DecisionRequest string // the one-line decision the one-pager asks for
	EmailAsk        string // the ask as the cover email puts it, in the first person
	Greeting        string // "Hi Priya"
	AttachmentLabel string // what the attachments' file names call the request: "hybrid trial"
	Pattern         string // the working pattern as a phrase: "working remotely on Mondays and Fridays and …"
	Offer           OfferTerms
	DeniedOn        string   // the date of the earlier "no", formatted; reask only
	Reasons         []Reason // the reasons given then, with their answers; reask only
	PlainRole       string   // the offered role without escapes, for PDF metadata
	Theme           Theme    // how the PDFs and HTML pages look; for the renderers, not the templates
	Law             *Law     // the law where the employee works; nil without a jurisdiction propose has rules for
	Risks           []Risk
	ManagerKeeps    []string

	lang *Lang // the language the view is written in
}

// Theme is how the PDFs and HTML pages look. The renderers take it from
// the view (pdf.Meta, htmlpage.Page); it changes no word of a document.
type Theme struct {
	Accent string // #RRGGBB; "" for the default
	Sans   bool   // body text in the sans face
	Logo   []byte // a PNG or JPEG image; nil for none
	// LogoAlt is the logo's text for readers who cannot see it: the
	// company's name as typed; "" when the file names no company.
	LogoAlt string
}

// Person is someone named in the documents.
type Person struct {
	Name      string
	Title     string
	Team      string
	Email     string // escaped address
	MailLink  string // a Markdown link to the address, or the name alone
	Line      string // name, title and team as one line
	PlainName string // the name as typed, for PDF metadata and mail headers
	Address   string // the address as typed, for mail headers
}

// Arrangement is the working pattern in words and as a week grid.
type Arrangement struct {
	Type         string // hybrid or remote
	RemotePhrase string // "Mondays and Fridays"
	OfficePhrase string // "Tuesday to Thursday"
	RemoteCount  int
	OfficeCount  int
	Week         []Day
	Hours        string // "9:00 a.m.–4:00 p.m. CST"; "" when not given
	Start        string // long form, with the weekday
	StartShort   string
	Location     string
	Workplace    string // what the user calls the place they work on the other days: "office", "clinic"
	AtWorkplace  string // "in the office", "at the clinic"
	RemoteWork   []string
	InPerson     []string
}

// Day is one row of the week grid.
type Day struct {
	Name     string
	Location string
	Hours    string
}

// Communication is how the manager reaches the employee and hears from them.
type Communication struct {
	Channels     string // "Slack, email and Zoom"
	ResponseTime string
	CheckIns     []CheckIn
	StatusReport string // "every week"; "" when not given
}

// CheckIn is one recurring touchpoint.
type CheckIn struct {
	Cadence string // "Daily"
	Format  string
}

// Equipment is the remote workplace.
type Equipment struct {
	Items        []Item
	ShowProvider bool
	Connectivity string
	Workspace    string
	Security     string
	HasEquipment bool
	// EquipmentHeading names the section after what it holds: "Equipment,
	// connectivity and security", or "Security" alone.
	EquipmentHeading string
}

// Item is one piece of equipment.
type Item struct {
	Name       string
	ProvidedBy string
}

// Trial is the trial period, its dates and its metrics.
type Trial struct {
	LengthDays   int
	CheckInDay   int
	Start        string
	CheckIn      string
	End          string
	Review       string
	Milestones   []Milestone // the dates in date order
	Metrics      []Metric
	ShowBaseline bool
	ShowMeasure  bool
}

// Milestone is one dated step of the trial.
type Milestone struct {
	Name string
	Date string
	// Day is the day of the trial the check-in falls on; 0 for the other
	// steps. When the check-in moved off the day asked for, Asked is that
	// day, and Holiday (the public holiday on it) or Weekday (the weekend
	// day it is) or DayOff (not one of the person's working days) says
	// why; with none, it moved to the first office day.
	Day     int
	Asked   int
	Holiday string
	Weekday string
	DayOff  bool
}

// Metric is one success measure.
type Metric struct {
	Name       string
	Baseline   string
	Target     string
	MeasuredBy string
}

// Performance is the track record.
type Performance struct {
	RemoteRecord []Record // periods of remote work, which lead the record
	Highlights   []string
	Metrics      []string
	Recognition  []string
	Any          bool
}

// Record is one period of remote work and what was delivered in it.
type Record struct {
	Period      string
	Arrangement string
	Delivered   string
}

// Citation is one numbered reference.
type Citation struct {
	N         int
	Claim     string
	Reference string
	URL       string
	Cite      string // a short form for running text, such as "Bloom et al., 2024"
	Short     string // the finding in a line, for the one-pager; "" for the user's own
	Own       bool   // the user's own finding, not the library's
	Fits      bool   // the study covers the arrangement asked for (not two days cited for five)
	Balance   bool   // the finding does not point towards the request: cited for balance, never as support
	Report    bool   // a company's report of its own results, not research
	Lang      string // the reference's language: "en" for the library's, whose sources are in English; "" when unknown
}

// Policy is the company's flexible-work policy, and how the request
// compares with its limit.
type Policy struct {
	Name       string
	Reference  string
	Summary    string
	Exceptions string
	// ExceptionsQuoted marks an exception clause the summary already
	// quotes, so that it is not quoted twice.
	ExceptionsQuoted bool
	Effective        string // when a new policy takes effect, formatted; "" when not given
	Any              bool
	Known            bool   // the policy gives a limit the request was compared with
	Exceeds          bool   // the request is above the limit: an exception is asked for
	Limit            string // such as "2 remote days a week"
	Asked            string // such as "3 remote days a week"
}

// Agreement is what is in writing, or was said, about where the employee
// works, and how strong it is.
type Agreement struct {
	Kind       string // as the file gives it: offer-letter, recruiter-email, …; "" when not given
	Strength   string // signed, confirmed, described, advertised or spoken (the Strength constants)
	Document   string
	Date       string
	Terms      string
	Advertised string // how the job posting described the role
	Any        bool
	Written    bool // something is in writing: Any, and not only said
}

// WhyItem is one reason to say yes on the one-pager: a label and a line.
type WhyItem struct {
	Kind  string // what it rests on: written, record, team, policy, research, …
	Label string
	Text  string
}

// Signatory is one column of the sign-off table.
type Signatory struct {
	Role string
	Name string
}

// Risk is one concern a manager may have, with what answers it.
type Risk struct {
	Risk       string
	Mitigation string
}

// OfferTerms is the offer being negotiated.
type OfferTerms struct {
	Role      string
	Recruiter string
}

// Reason is one reason given for an earlier "no", and its answer.
type Reason struct {
	Reason   string
	Response string
}

// Private is the employee's view: everything in Public plus their own notes.
type Private struct {
	Public
	AllTexts     []proposal.Text // every piece of user text, private fields included
	Motivation   string
	Alternatives string
	Fallback     string
	Objections   []Objection // the user's own
	ReasonsGiven []Reason    // reask: the reasons as the user wrote them, not put to the manager
	Covered      Themes      // the common objections the user's own already cover
	Speak        []string    // each cited finding as one sentence to say aloud
	Counter      []Counter   // research a manager may raise, with an honest answer
	Leverage     []Counter   // findings that are leverage: for the user to know, never to say
	RevisitDate  string      // when to ask again after a no, on a weekday
	AskBy        string      // the last weekday to ask with a week left before the start; "" when that has passed
	AskNow       bool        // the start date leaves the manager less than a week from the document date
	Questions    []Question  // what a manager may ask that the proposal does not answer yet, from propose check
	Busy         string      // the team's busy times, such as "Q4 and June"; "" when not given
	Mentoring    bool        // the request touches mentoring or newer colleagues, so that objection applies
	OwnGains     []string    // benefits that are the user's own gain, kept off the manager's documents
	OwnPrivate   bool        // some of them name a private matter (family, health, care)
	Unsure       []string    // precedents the user is not sure of, kept off the manager's documents
	DemandWords  string      // what was said when the change was asked for, in the user's words
	Declined     int         // reask: how many times the request has been declined, counting the last
	SecondNo     bool        // reask: declined twice or more
	InPrinciple  bool        // reask: the no was against remote work itself
	MoveAskBy    string      // a move: the last weekday to ask with three months left before it; "" when that has passed
	Adjustments  string      // the law's route for a health reason the private answers name; "" when none
}

// Question is one a manager may ask that the proposal does not answer yet,
// and what it is about (a measure, a study, a line) when its words do not
// say.
type Question struct {
	Ask   string
	About string
}

// Themes are the objections managers raise most. The prep sheet answers
// each one the user's own objections do not already cover.
type Themes struct {
	Visibility, Collaboration, Mentoring, Fairness, Security bool
}

// Objection is an objection the user expects and their prepared answer.
type Objection struct {
	Objection string
	Response  string
}

// Counter is a finding a manager may cite against the request.
type Counter struct {
	Finding string
	Answer  string
	Source  string
}

// NewPublic builds the manager-facing view. It reads no private field.
func NewPublic(p *proposal.Proposal) *Public { return newPublic(p, p.DocumentLanguage()) }

// newPublic builds the manager-facing view in the language tag: the
// documents' language, or the prep sheet's for the view it embeds.
func newPublic(p *proposal.Proposal, tag string) *Public {
	st := LangOf(tag)
	v := &Public{
		Scenario: string(p.Scenario),
		Paper:    p.Paper,
		Date:     st.date(p.Date),
		Issued:   p.Date.Time(),
		Language: st.Tag,
		lang:     st,
		Texts:    p.PublicTexts(),
		Source:   p.Source(),
		Company:  Escape(p.Company.Name),
	}
	v.Theme = Theme{Accent: p.Theme.Accent, Sans: p.Theme.Body == "sans", Logo: p.Derived.Logo, LogoAlt: p.Company.Name}
	v.Employee = person(p.Employee.Name, p.Employee.Title, p.Employee.Team, p.Employee.Email)
	v.Manager = person(p.Manager.Name, p.Manager.Title, "", p.Manager.Email)
	v.Arrangement = arrangement(p, st)
	v.Communication = communication(p.Communication, st)
	v.OutputTracking = lines(p.OutputTracking)
	v.Equipment = equipment(p.Equipment, st)
	v.Performance = Performance{
		RemoteRecord: records(p.Performance.RemoteRecord),
		Highlights:   lines(p.Performance.Highlights),
		Metrics:      lines(p.Performance.Metrics),
		Recognition:  lines(p.Performance.Recognition),
	}
	v.Performance.Any = len(v.Performance.RemoteRecord)+len(v.Performance.Highlights)+
		len(v.Performance.Metrics)+len(v.Performance.Recognition) > 0
	team, _ := splitBenefits(p.Benefits)
	v.Benefits = lines(team)
	// After a move the old commute is gone whatever the answer: it is no
	// gain of the arrangement's.
	moving := p.Move.To != "" || !p.Move.Date.IsZero()
	if m, days := p.Employee.CommuteMinutes, commuteDays(p, v.RemoteCount); m > 0 && days > 0 && !moving {
		v.CommuteOneWay = st.say("commuteOneWay", m)
		v.CommuteSaving = st.say("commuteSaving", st.duration(2*m*days))
	}
	// The library's findings first, then the user's own data, numbered in
	// the order the proposal prints them.
	evs := slices.Clone(p.Evidence)
	slices.SortStableFunc(evs, func(a, b proposal.EvidenceRef) int {
		return cmp.Compare(boolInt(a.ID == ""), boolInt(b.ID == ""))
	})
	for _, e := range evs {
		n := len(v.Citations) + 1
		if e.ID == "" {
			v.Citations = append(v.Citations, Citation{N: n, Claim: Escape(sentence(capitalize(e.Finding))),
				Reference: Escape(sentence(e.Source)), URL: e.URL, Cite: Escape(strings.TrimSuffix(e.Source, ".")), Own: true, Fits: true})
		} else if c, ok := evidence.ForManagerIn(st.Tag, e.ID); ok {
			v.Citations = append(v.Citations, Citation{N: n, Claim: Escape(c.Claim), Reference: Escape(c.Reference), URL: c.URL,
				Cite: Escape(c.Cite), Short: Escape(c.Short), Fits: c.RemoteDays == 0 || v.RemoteCount <= c.RemoteDays, Balance: c.Balance, Report: c.SelfReport,
				Lang: "en"})
		}
	}
	for _, c := range v.Citations {
		switch {
		case c.Own:
			v.OwnData = true
		case c.Balance:
			v.Balance = true
		case c.Report && c.Fits:
			v.Reports = true
		case c.Fits:
			v.Research = true
		default:
			v.Scoped = true
		}
	}
	v.Policy = policy(p, st)
	// Hearsay is no precedent to state to a manager: it is warned at its
	// field and kept for the prep sheet, to check.
	for _, pr := range p.Company.Precedents {
		if !proposal.Hedged(pr) {
			v.Precedents = append(v.Precedents, pr)
		}
	}
	v.Precedents = lines(v.Precedents)
	v.Agreement = agreement(p, st)
	v.Demand = demand(p, st)
	v.Move = move(p, st)
	v.Exception = asksException(p, v)
	v.Promises = lines(p.Communication.Promises)

	if p.HasTrial() {
		v.Trial = trial(p, st)
		v.ReviewPeriod = p.Scenario == proposal.ScenarioKeepRemote
	}
	v.NoticeDays = p.NoticeDays()
	v.NoticePhrase = st.noticePhrase(v.NoticeDays)
	v.NoticeWritten = p.NoticeWritten()
	// A review is a term the user offers: a trial's, or a review period's
	// in keep-remote. Without one, the documents propose none.
	if p.HasTrial() {
		v.ReviewDate = st.date(p.Derived.Review)
	}
	if p.Scenario == proposal.ScenarioKeepRemote && !p.Arrangement.Start.IsZero() && p.Arrangement.Start.Before(p.Date) {
		v.Since = v.StartShort
	}
	v.Contractor = p.Employee.WorksAs == "contractor"
	roles := [2]string{"manager", "employee"}
	switch {
	case v.Contractor:
		roles = [2]string{"client", "contractor"}
	case p.Scenario == proposal.ScenarioOffer:
		roles = [2]string{"hiring-manager", "candidate"}
	}
	v.SignOff = []Signatory{{Role: st.say("role", roles[0]), Name: v.Manager.Name}, {Role: st.say("role", roles[1]), Name: v.Employee.Name}}
	v.Offer = OfferTerms{Role: Escape(p.Offer.Role), Recruiter: Escape(p.Offer.Recruiter)}
	v.DeniedOn = st.date(p.Reask.DeniedOn)
	for _, r := range p.Reask.Reasons {
		// The reasons are answered to the manager who gave them: "Karen
		// prefers …" is put to Karen as "You prefer …".
		reason := r.Reason
		if st.English() {
			reason, _ = proposal.AddressedTo(r.Reason, p.Manager.Name)
		}
		v.Reasons = append(v.Reasons, Reason{Reason: Escape(capitalize(reason)), Response: Escape(capitalize(r.Response))})
	}
	v.Title, v.Subject, v.DecisionRequest = framing(p, v, v.Offer.Role)
	v.EmailAsk, v.AttachmentLabel = emailFraming(p, v)
	v.Greeting = st.say("greeting", map[string]string{"First": firstName(v.Manager.Name), "Full": v.Manager.Name})
	// Only the offer's role is user text in the framing; metadata gets it raw.
	v.PlainTitle, v.PlainSubject, _ = framing(p, v, p.Offer.Role)
	v.PlainTitle = strings.ReplaceAll(v.PlainTitle, nbsp, " ")
	v.PlainSubject = strings.ReplaceAll(v.PlainSubject, nbsp, " ")
	if st.English() {
		// The rewrite knows English grammar only; in another language the
		// user writes to the manager as they mean to be read.
		v.addressTo(p.Manager.Name)
	}
	if p.Scenario != proposal.ScenarioReask || len(v.Reasons) == 0 {
		// In a re-ask, the concerns answered are the risks, in the
		// manager's own words.
		v.Risks = risks(v)
	}
	v.ManagerKeeps = managerKeeps(v)
	v.Clause = offerClause(v)
	v.Why = why(v)
	v.Law = newLaw(p, v, st)
	return v
}

// NewPrivate builds the employee's view for the prep sheet.
func NewPrivate(p *proposal.Proposal) *Private {
	st := LangOf(p.PrepLanguageTag())
	v := &Private{
		Public:       *newPublic(p, st.Tag),
		AllTexts:     p.Texts(),
		Motivation:   Escape(p.Private.Motivation),
		Alternatives: Escape(p.Private.Alternatives),
		Fallback:     Escape(p.Private.Fallback),
	}
	for _, o := range p.Private.Objections {
		v.Objections = append(v.Objections, Objection{Objection: Escape(capitalize(o.Objection)), Response: Escape(capitalize(o.Response))})
		v.Covered = v.Covered.add(o.Objection)
	}
	for _, r := range p.Reask.Reasons {
		v.ReasonsGiven = append(v.ReasonsGiven, Reason{Reason: Escape(capitalize(r.Reason)), Response: Escape(capitalize(r.Response))})
	}
	for _, pr := range p.Company.Precedents {
		if proposal.Hedged(pr) {
			v.Unsure = append(v.Unsure, pr)
		}
	}
	v.Unsure = lines(v.Unsure)
	_, own := splitBenefits(p.Benefits)
	v.OwnGains = lines(own)
	for _, g := range own {
		v.OwnPrivate = v.OwnPrivate || proposal.PrivateMatter(g)
	}
	if p.Scenario == proposal.ScenarioKeepRemote {
		v.DemandWords = Escape(unquote(p.Demand.Words))
	}
	if p.Scenario == proposal.ScenarioReask {
		v.Declined = max(1, p.Reask.TimesDeclined)
		v.SecondNo = v.Declined >= 2
		v.InPrinciple = p.Reask.Against == "remote-work"
	}
	if d := p.Move.Date; !d.IsZero() {
		// A move needs months, not a week: the manager may need to plan
		// for an answer either way.
		if by := p.PreviousWorkday(d.AddDays(-91)); !by.Before(p.Date) {
			v.MoveAskBy = st.date(by)
		}
	}
	if start := p.Arrangement.Start; !start.IsZero() && p.Scenario != proposal.ScenarioKeepRemote {
		if by := p.PreviousWorkday(start.AddDays(-7)); !by.Before(p.Date) {
			v.AskBy = st.date(by)
		} else {
			v.AskNow = true
		}
	}
	// The objections below answer these two already, with what to do.
	seen := map[string]bool{"fairness.no-precedent": true, "coverage.no-security": true}
	found := check.Run(p, proposal.Date{}).Findings
	slices.SortStableFunc(found, func(a, b check.Finding) int { return cmp.Compare(b.Points, a.Points) })
	for _, f := range found {
		// A leverage finding is text to take out, and a personal benefit is
		// already kept off the documents: neither is a question to prepare.
		if !seen[f.Rule] && !seen[f.Manager] && !strings.HasPrefix(f.Rule, "leverage.") && f.Rule != "framing.personal-benefits" {
			seen[f.Rule], seen[f.Manager] = true, true
			// The question names what it is about (the measure, the study,
			// the line) when its words do not already.
			q := Question{Ask: Escape(st.question(f, &v.Public))}
			if f.Value != "" && f.Value != f.Fix && !strings.Contains(f.Manager, f.Value) {
				q.About = Escape(f.Value)
			}
			v.Questions = append(v.Questions, q)
		}
	}
	v.Busy = st.list(escapeAll(p.Company.BusyPeriods))
	v.Mentoring = mentions(p.PublicTexts(), "mentor", "junior", "pairing", "pair with", "onboard", "newer", "new starter", "apprentice", "intern")
	for _, e := range p.Evidence {
		if e.ID == "" {
			v.Speak = append(v.Speak, Escape(sentence(e.Finding)))
		} else if c, ok := evidence.Lookup(e.ID); ok && c.Speak != "" {
			v.Speak = append(v.Speak, Escape(evidence.In(st.Tag, c).Speak))
		}
	}
	// Only the findings a manager of this work is likely to raise: a code
	// review study is not raised against a nurse.
	work := p.Employee.Title + " " + p.Employee.Team + " " + strings.Join(p.Arrangement.RemoteWork, " ") + " " +
		strings.Join(p.Arrangement.InPersonCommitments, " ")
	for _, c := range evidence.All(evidence.Counter) {
		if c.Raised != "" && !fastre.MustCompile(`(?i)(`+c.Raised+`)`).MatchString(work) {
			continue
		}
		c = evidence.In(st.Tag, c)
		v.Counter = append(v.Counter, Counter{Finding: Escape(c.Finding), Answer: Escape(c.Answer), Source: Escape(c.Reference)})
	}
	if p.Scenario == proposal.ScenarioKeepRemote {
		for _, c := range evidence.All(evidence.Leverage) {
			c = evidence.In(st.Tag, c)
			v.Leverage = append(v.Leverage, Counter{Finding: Escape(c.Finding), Answer: Escape(c.Answer), Source: Escape(c.Reference)})
		}
	}
	v.RevisitDate = st.date(p.NextWorkday(p.Date.AddDays(90)))
	v.Adjustments = lawAdjustments(p, st)
	return v
}

func person(name, title, team, email string) Person {
	p := Person{Name: Escape(name), Title: Escape(title), Team: Escape(team), Email: Escape(email), PlainName: name, Address: email}
	p.MailLink = p.Name
	if email != "" {
		p.MailLink = fmt.Sprintf("[%s](<mailto:%s>)", p.Email, email)
	}
	parts := []string{p.Name}
	for _, s := range []string{p.Title, p.Team} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	p.Line = strings.Join(parts, ", ")
	return p
}

func escapeAll(items []string) []string {
	var out []string
	for _, s := range items {
		if e := Escape(s); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func arrangement(p *proposal.Proposal, st *Lang) Arrangement {
	a := p.Arrangement
	v := Arrangement{
		Type:         a.Type,
		RemotePhrase: st.dayPhrase(a.RemoteDays, true),
		OfficePhrase: st.dayPhrase(a.OfficeDays, true),
		RemoteCount:  len(sortedDays(a.RemoteDays)),
		OfficeCount:  len(sortedDays(a.OfficeDays)),
		Hours:        st.hours(a.CoreHours, laterOf(a.Start, p.Date)),
		Start:        st.longDate(a.Start),
		StartShort:   st.date(a.Start),
		Location:     Escape(a.RemoteLocation),
		Workplace:    st.say("workplace", nil),
		RemoteWork:   lines(a.RemoteWork),
		InPerson:     lines(a.InPersonCommitments),
	}
	// The place of the other days, as the user names it: "at the clinic".
	if w := strings.TrimSpace(a.Workplace); w != "" {
		if rest, ok := cutPrefixFold(w, "the "); ok {
			w = rest
		}
		v.Workplace = Escape(lowerFirst(w))
	}
	v.AtWorkplace = st.say("atWorkplace", v.Workplace)
	for _, d := range proposal.Workweek {
		row := Day{Name: locale.Capitalize(st.weekday(d)), Hours: v.Hours}
		switch {
		case slices.Contains(a.RemoteDays, d):
			row.Location = st.say("grid.remote", nil)
		case slices.Contains(a.OfficeDays, d):
			row.Location = capitalize(v.Workplace)
		default:
			continue
		}
		v.Week = append(v.Week, row)
	}
	return v
}

func communication(c proposal.Communication, st *Lang) Communication {
	v := Communication{
		Channels:     st.list(escapeAll(c.Channels)),
		ResponseTime: Escape(c.ResponseTime),
		StatusReport: st.say("cadence", c.StatusReport),
	}
	for _, ci := range c.CheckIns {
		// "Daily: Daily standup" says the cadence twice.
		format := ci.Format
		if rest, ok := cutPrefixFold(strings.TrimSpace(format), ci.Cadence+" "); ok && strings.TrimSpace(rest) != "" {
			format = rest
		}
		v.CheckIns = append(v.CheckIns, CheckIn{Cadence: st.say("checkInCadence", ci.Cadence), Format: Escape(capitalize(format))})
	}
	return v
}

func equipment(e proposal.Equipment, st *Lang) Equipment {
	v := Equipment{
		Connectivity: Escape(capitalize(e.Connectivity)),
		Workspace:    Escape(capitalize(e.Workspace)),
		Security:     Escape(capitalize(e.Security)),
	}
	for _, it := range e.Items {
		by := st.say("providedBy", it.ProvidedBy)
		if by != "" {
			v.ShowProvider = true
		}
		v.Items = append(v.Items, Item{Name: Escape(capitalize(it.Name)), ProvidedBy: by})
	}
	v.HasEquipment = len(v.Items) > 0 || v.Connectivity != "" || v.Workspace != "" || v.Security != ""
	var parts []string
	if len(v.Items) > 0 {
		parts = append(parts, st.say("equipmentPart", "equipment"))
	}
	if v.Workspace != "" {
		parts = append(parts, st.say("equipmentPart", "workspace"))
	}
	if v.Connectivity != "" {
		parts = append(parts, st.say("equipmentPart", "connectivity"))
	}
	if v.Security != "" {
		parts = append(parts, st.say("equipmentPart", "security"))
	}
	if len(parts) > 0 {
		v.EquipmentHeading = st.say("equipmentHeading", parts)
	}
	return v
}

func trial(p *proposal.Proposal, st *Lang) *Trial {
	d := p.Derived
	t := &Trial{
		LengthDays: p.Trial.LengthDays,
		// The day of the trial the check-in falls on, once moved to a
		// weekday (or an office day): the documents name that day.
		CheckInDay: d.TrialStart.DaysUntil(d.CheckIn) + 1,
		Start:      st.longDate(d.TrialStart),
		CheckIn:    st.longDate(d.CheckIn),
		End:        st.longDate(d.TrialEnd),
		Review:     st.longDate(d.Review),
	}
	t.Milestones = milestones(p, st)
	for _, m := range p.Trial.Metrics {
		vm := Metric{Name: Escape(capitalize(m.Name)), Baseline: Escape(m.Baseline), Target: Escape(m.Target), MeasuredBy: Escape(capitalize(m.MeasuredBy))}
		t.ShowBaseline = t.ShowBaseline || vm.Baseline != ""
		t.ShowMeasure = t.ShowMeasure || vm.MeasuredBy != ""
		t.Metrics = append(t.Metrics, vm)
	}
	return t
}

// framingData is what the title, subject, decision and email phrases are
// made of.
type framingData struct {
	Scenario, Type, Pattern, Role, Start string
	Days                                 int // the trial's length; 0 without one
	Moving                               bool
	MoveTo, MoveDate, MoveMonth, Review  string
}

func (v *Public) framingData(p *proposal.Proposal, role string) framingData {
	d := framingData{Scenario: string(p.Scenario), Type: v.Type, Pattern: v.Pattern, Role: role, Start: v.StartShort, Review: v.ReviewDate}
	if v.Trial != nil {
		d.Days = v.Trial.LengthDays
	}
	if v.Move != nil && p.Scenario != proposal.ScenarioKeepRemote && p.Scenario != proposal.ScenarioOffer {
		// A move is a lasting change: never a trial with a way back.
		d.Moving, d.MoveTo, d.MoveDate, d.MoveMonth = true, v.Move.To, v.Move.Date, v.Move.Month
	}
	return d
}

// framing returns the title, subject line and one-line decision request for
// the scenario. role is the offered role as it is to appear: escaped for
// Markdown, or as typed for PDF metadata; it is the only user text here.
func framing(p *proposal.Proposal, v *Public, role string) (title, subject, decision string) {
	l := v.lang
	officeRun := len(sortedDays(p.Arrangement.OfficeDays)) >= 3 && consecutive(sortedDays(p.Arrangement.OfficeDays))
	v.Pattern = l.say("pattern", map[string]any{"Type": v.Type, "Remote": v.RemotePhrase, "Office": v.OfficePhrase, "At": v.AtWorkplace,
		"OthersAll": v.OfficeCount >= 3 && !officeRun && v.OfficeCount+v.RemoteCount == len(proposal.Workweek)})
	d := v.framingData(p, role)
	return l.say("title", d), l.say("subject", d), l.say("decision", d)
}

// onDays introduces a day phrase in a sentence: "on Mondays and
// Fridays", but "Tuesday to Thursday" as it stands.
func (l *Lang) onDays(phrase string) string { return l.say("onDays", phrase) }

// withTeam marks an in-person commitment spent with the team.
// It is compiled on first use: a command that renders nothing does not pay
// for it.
var withTeam = fastre.MustCompile(`(?i)\b(team|office|planning|retro|stand-?up|offsite|onsite|on site|all-hands|every (week|month|quarter)|a week)\b`)

// risks pairs the concerns a manager most often has with what in this
// proposal answers each. A concern with no answer in the file is left out
// rather than answered with nothing.
func risks(v *Public) []Risk {
	l := v.lang
	var out []Risk
	// Slower responses are answered by "Reachable", beside the table.
	switch {
	case v.StatusReport != "":
		out = append(out, Risk{l.say("risk", "visibility"), l.say("risk.status", v.StatusReport)})
	case len(v.OutputTracking) > 0:
		out = append(out, Risk{l.say("risk", "visibility"), v.OutputTracking[0]})
	}
	switch {
	case v.OfficeCount > 0:
		out = append(out, Risk{l.say("risk", "team"), l.say("risk.office", map[string]any{"At": v.AtWorkplace, "Days": v.OfficePhrase})})
	case v.Move != nil && len(v.Move.Trips) > 0:
		out = append(out, Risk{l.say("risk", "team"), l.say("risk.trips", map[string]any{"Workplace": v.Workplace, "Trips": v.Move.TripsPhrase})})
	case len(v.InPerson) > 0:
		// The commitment that brings the person to the team answers
		// this concern; a customer visit does not.
		line := v.InPerson[0]
		for _, s := range v.InPerson {
			if withTeam.MatchString(s) {
				line = s
				break
			}
		}
		out = append(out, Risk{l.say("risk", "team"), line})
	}
	if v.Security != "" {
		out = append(out, Risk{l.say("risk", "security"), v.Security})
	}
	return out
}

// keepsData is one line of what the manager keeps.
type keepsData struct {
	Kind, Review, Notice, Workplace, Trips string
	Day, Count                             int
}

func managerKeeps(v *Public) []string {
	l := v.lang
	var out []string
	add := func(kind string) {
		d := keepsData{Kind: kind, Review: v.ReviewDate, Workplace: v.Workplace, Count: v.OfficeCount}
		if v.Trial != nil {
			d.Day = v.Trial.CheckInDay
		}
		if v.NoticeWritten {
			d.Notice = v.NoticePhrase
		}
		if v.Move != nil {
			d.Trips = v.Move.TripsPhrase
		}
		out = append(out, l.say("keeps", d))
	}
	switch {
	case v.Move != nil:
		// A move cannot be undone: no right to end it on notice, which
		// would end the job; a review, and changes agreed together.
		if v.Trial != nil {
			add("review-measures")
		}
		add("change-arrangement")
		if v.Move.TripsPhrase != "" {
			add("trips")
		}
	case v.ReviewPeriod:
		add("review-measures")
		add("change")
	case v.Trial != nil:
		add("review-agreement")
		if v.NoticeWritten {
			add("end")
		}
	case v.ReviewDate != "" && v.Scenario == string(proposal.ScenarioOffer):
		add("offer-review")
	case v.ReviewDate != "":
		add("review")
		add("change")
	default:
		add("change-arrangement")
	}
	if v.OfficeCount > 0 {
		add("office")
	}
	out = append(out, v.Promises...)
	if v.Scenario != string(proposal.ScenarioOffer) {
		add("same")
	}
	return out
}

// laterOf returns the later of two dates: the zone abbreviation (EST or EDT)
// is the one in force when the arrangement applies, not when it began.
func laterOf(a, b proposal.Date) proposal.Date {
	if a.Before(b) {
		return b
	}
	return a
}

// emailFraming returns the cover email's one-sentence ask and the label the
// attachments' file names use.
func emailFraming(p *proposal.Proposal, v *Public) (ask, label string) {
	d := v.framingData(p, v.Offer.Role)
	return v.lang.say("emailAsk", d), v.lang.say("attachmentLabel", d)
}

// firstName is the name to greet someone by: the first word of their name,
// unless that is a title such as "Dr.", when the whole name is used.
func firstName(name string) string {
	fields := strings.Fields(name)
	if len(fields) == 0 {
		return ""
	}
	if strings.HasSuffix(fields[0], ".") || len(fields) == 1 {
		return name
	}
	return fields[0]
}

// cutPrefixFold cuts prefix from s in any case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// addressTo puts the user's lines to the manager they are addressed to:
// "1:1 with Tanya" reads "1:1 with you" in a document Tanya reads. Quotes
// (what was agreed, a policy) are left as written.
func (v *Public) addressTo(name string) {
	say := func(s *string) { *s, _ = proposal.SecondPerson(*s, name) }
	all := func(list []string) {
		for i := range list {
			say(&list[i])
		}
	}
	for i := range v.CheckIns {
		say(&v.CheckIns[i].Format)
	}
	say(&v.ResponseTime)
	all(v.InPerson)
	all(v.RemoteWork)
	all(v.OutputTracking)
	all(v.Promises)
	all(v.Benefits)
	all(v.Performance.Highlights)
	all(v.Performance.Metrics)
	all(v.Performance.Recognition)
	for i := range v.Performance.RemoteRecord {
		say(&v.Performance.RemoteRecord[i].Delivered)
	}
	if v.Trial != nil {
		for i := range v.Trial.Metrics {
			say(&v.Trial.Metrics[i].Name)
			say(&v.Trial.Metrics[i].MeasuredBy)
		}
	}
	if v.Move != nil {
		say(&v.Move.IfNotWorking)
		for i := range v.Move.Trips {
			say(&v.Move.Trips[i].Purpose)
		}
	}
}
