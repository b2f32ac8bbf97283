// Package proposal holds the version-1 proposal model: the types behind the
// YAML file format, strict loading with line and column for every field,
// defaults, derived dates and validation.
//
// Each field of the file format is declared once, here: its struct tags
// hold the YAML key (the user's interface: keep it stable and snake_case)
// and the rules go-playground/validator can express; the declare method of
// its type holds the rest (documentation, the wizard's question, an
// example, the fix for a missing value). Fields() reads both; the loader,
// validation, the file writer, the wizard, the JSON Schema and the
// documentation read Fields(). Rules tags cannot express live in
// validate.go.
package proposal

import (
	"strconv"

	"github.com/propose-cli/propose/pkg/palette"
)

// Version is the only file-format version this build reads.
const Version = 1

// Scenario names the situation a proposal is written for.
type Scenario string

// The scenarios of DESIGN §2.
const (
	ScenarioTrial      Scenario = "trial"
	ScenarioOffer      Scenario = "offer"
	ScenarioKeepRemote Scenario = "keep-remote"
	ScenarioReask      Scenario = "reask"
)

// Scenarios lists every known scenario in the order they are documented.
var Scenarios = []Scenario{ScenarioTrial, ScenarioOffer, ScenarioKeepRemote, ScenarioReask}

// Proposal is one request for remote or hybrid work, as the user wrote it,
// completed by ApplyDefaults.
type Proposal struct {
	Version         int           `yaml:"version" validate:"required"`
	Scenario        Scenario      `yaml:"scenario" validate:"required,oneof=trial offer keep-remote reask"`
	Date            Date          `yaml:"date"`
	Paper           string        `yaml:"paper" validate:"omitempty,oneof=letter a4"`
	Language        string        `yaml:"language" validate:"omitempty,language"`
	PrepLanguage    string        `yaml:"prep_language" validate:"omitempty,language"`
	Employee        Employee      `yaml:"employee"`
	Manager         Manager       `yaml:"manager"`
	Company         Company       `yaml:"company"`
	Demand          Demand        `yaml:"demand"`
	Agreement       Agreement     `yaml:"agreement"`
	Arrangement     Arrangement   `yaml:"arrangement"`
	Move            Move          `yaml:"move"`
	Region          string        `yaml:"region" validate:"omitempty,oneof=US GB-EAW GB-SCT GB-NIR none"`
	Jurisdiction    string        `yaml:"jurisdiction" validate:"omitempty,oneof=GB NI IE NL ES DE US other"`
	Statutory       YesNo         `yaml:"statutory" validate:"omitempty,oneof=yes no"`
	PreviousRequest Date          `yaml:"previous_request"`
	Communication   Communication `yaml:"communication"`
	OutputTracking  []string      `yaml:"output_tracking" validate:"dive,required"`
	Equipment       Equipment     `yaml:"equipment"`
	Trial           Trial         `yaml:"trial"`
	Performance     Performance   `yaml:"performance"`
	Benefits        []string      `yaml:"benefits" validate:"dive,required"`
	Evidence        []EvidenceRef `yaml:"evidence" validate:"dive"`
	Reask           Reask         `yaml:"reask"`
	Offer           Offer         `yaml:"offer"`
	Theme           Theme         `yaml:"theme"`
	Private         Private       `yaml:"private"`

	// Derived holds what ApplyDefaults computes; it is never read from the file.
	Derived Derived `yaml:"-"`

	source *Source // where each field was written; nil for a proposal built in code
}

func (p *Proposal) declare() []Field {
	return []Field{
		{at: &p.Version, Doc: "The version of the file format; always 1.", Example: "1", Fix: "add `version: 1` as the first line"},
		{at: &p.Scenario, Doc: "The situation the documents are written for; it frames every document.",
			Ask: "What are you asking for?", Suggest: string(ScenarioTrial),
			Fix: "add `scenario: trial` (or offer, keep-remote, reask)",
			Choices: []Choice{
				{"trial", "Ask my manager for a trial of remote or hybrid work"},
				{"offer", "Negotiate remote or hybrid terms in a job offer"},
				{"keep-remote", "Keep working remotely: answer a return-to-office order or a relocation demand"},
				{"reask", "Ask again after an earlier “no”"},
			}},
		{at: &p.Date, Doc: "The date the documents carry.", Example: "2027-01-05",
			Default: "the day you render, or the day of SOURCE_DATE_EPOCH when it is set"},
		{at: &p.Paper, Doc: "The paper size of the PDFs. Without `language`, it also sets the language: letter writes US English, a4 British English.",
			Ask: "Paper size for the PDFs", Help: "Letter also writes US dates and times.", Default: DefaultPaper,
			Choices: []Choice{{"letter", "US Letter, with US dates and 12-hour times"}, {"a4", "A4, with dates such as 12 January 2027 and 24-hour times"}}},
		{at: &p.Language, Doc: "The language of the documents your manager reads (proposal, one-pager, email, calendar, status notes, review, agreement), with its dates, times, numbers and quotation marks. Write your own answers in it too: they are printed as you wrote them.",
			Ask: "Language of the documents your manager reads", Help: "Write your own answers in it too: they are printed as you write them.",
			None:    "English, as the paper size says (US on letter, British on A4)",
			Default: "from `paper`: en-US on letter, en-GB on a4", Choices: languageChoices()},
		{at: &p.PrepLanguage, Doc: "The language of your private prep sheets, when it is not the documents' language: you can send German and prepare in English.",
			Default: "`language`", Choices: languageChoices()},
		{at: &p.Employee, Doc: "Who is asking."},
		{at: &p.Manager, Doc: "Who decides."},
		{at: &p.Company, Doc: "Your employer, its flexible-work policy and colleagues who already work this way."},
		{at: &p.Demand, Doc: "The change you are being asked to make, and who asks for it: a company policy or order, or your manager's own wish. Scenario keep-remote.",
			Ask:  "Has someone asked you to change how you work: more office days, or a move?",
			Help: "A company-wide order and your manager's own wish are answered differently.", Suggest: "yes"},
		{at: &p.Agreement, Doc: "What is in writing (or was said) about where you work: a contract or offer letter, an email from HR or your manager, a recruiter's email, a job posting. The strongest card in keep-remote and offer.",
			Ask:  "Is there something in writing that says you can work this way?",
			Help: "An offer letter or job advert listing the role as remote, an email from HR: it is your strongest card."},
		{at: &p.Arrangement, Doc: "The arrangement you ask for. Days are monday to friday (or mon to fri)."},
		{at: &p.Move, Doc: "A move of your home base (a partner's transfer, a family move) that makes the arrangement necessary. A move cannot be undone by a trial: the documents speak of a transition and a review of how the work goes, and in-person time becomes trips.",
			Ask:  "Are you moving away from the office?",
			Help: "A move is said plainly and early: it is the one fact your manager must hear."},
		{at: &p.Region, Doc: "Where you work, as an ISO 3166 code, for the rules of that place: today, the public holidays (2026 to 2030) on which no check-in or review is set. More codes may follow.",
			Ask: "Whose public holidays apply to you?", Help: "No check-in or review is set on one of them.", Example: "GB-SCT",
			None:    "Leave it to the time zone of the core hours",
			Default: "from `arrangement.core_hours.timezone`: US for a zone of the United States (such as America/Chicago or Pacific/Honolulu), GB-EAW for Europe/London, otherwise none",
			Choices: []Choice{
				{"US", "The United States: federal holidays"},
				{"GB-EAW", "England and Wales: bank holidays"},
				{"GB-SCT", "Scotland: bank holidays"},
				{"GB-NIR", "Northern Ireland: bank holidays"},
				{"none", "Elsewhere: no public holidays are known"},
			}},
		{at: &p.Jurisdiction, Doc: "Where you work, for the law on a request to work remotely there: the request it recognises, its deadlines and the grounds a refusal must rest on. `propose rules` shows each rule with its source. Information, not legal advice.",
			Ask: "Where do you work?", Help: "In some countries asking is a legal procedure with a clock; propose knows the rules of these.",
			None: "Leave it out: the documents follow no country's procedure",
			Choices: []Choice{
				{"GB", "England, Wales or Scotland"},
				{"NI", "Northern Ireland"},
				{"IE", "Ireland"},
				{"NL", "The Netherlands"},
				{"ES", "Spain"},
				{"DE", "Germany"},
				{"US", "The United States"},
				{"other", "Somewhere else"},
			}},
		{at: &p.Statutory, Doc: "`yes` makes this the request the law recognises where you work (GB, NI, IE or NL): the proposal then carries the statements the law requires, and the coach checks the lead time, your service and earlier requests. A statutory request starts the employer's clock; some laws allow only one or two a year.",
			Choices: []Choice{{"yes", "The request the law recognises, with its statements and its clock"}, {"no", "An informal request"}}},
		{at: &p.PreviousRequest, Doc: "The date of your last statutory request to this employer, if you have made one. Left out, a statutory request says you have made none.",
			Example: "2026-05-04"},
		{at: &p.Communication, Doc: "How your manager and team reach you, and hear from you."},
		{at: &p.OutputTracking, Doc: "How your manager can see the work without seeing you, one way a line.",
			Ask: "How your manager can track your output", Example: "The Jira board stays current every day"},
		{at: &p.Equipment, Doc: "What the remote workplace runs on."},
		{at: &p.Trial, Doc: "The trial: 30 to 90 days, a check-in, notice either side can give, and how success is measured. Scenarios trial and reask; in keep-remote, an optional review period with measures.",
			Ask:  "Offer a review on a fixed date, against measures you name?",
			Help: "Your manager keeps control without the arrangement being put on trial: any change comes with notice.", Suggest: "yes",
			Fix: "add a `trial:` section with `length_days` (30 to 90) and at least one metric under `metrics`"},
		{at: &p.Performance, Doc: "Your recent track record."},
		{at: &p.Benefits, Doc: "The business case, in your words: what the team or company gains, one point a line.",
			Ask: "What the team or company gains", Example: "Focused work moves to the days with the fewest interruptions"},
		{at: &p.Evidence, Doc: "Research to cite: ids from `propose evidence`, or your own finding with its source.",
			Ask: "Research to cite", Help: "Verified findings; pick those closest to your situation.",
			Item: "finding"},
		{at: &p.Reask, Doc: "The earlier “no” and how this proposal answers each reason. Scenario reask only."},
		{at: &p.Offer, Doc: "The offer being negotiated. Scenario offer only."},
		{at: &p.Theme, Doc: "How the PDFs and HTML pages look: an accent colour, the body typeface and a logo. It changes no word of the documents."},
		{at: &p.Private, Doc: "PRIVATE: for your prep sheet only. Never shown to your manager."},
	}
}

// Source returns where each field of the proposal was written, or nil.
func (p *Proposal) Source() *Source { return p.source }

// Employee is the person making the request.
type Employee struct {
	Name           string `yaml:"name" validate:"required"`
	Title          string `yaml:"title" validate:"required"`
	Team           string `yaml:"team"`
	Email          string `yaml:"email" validate:"omitempty,email"`
	CommuteMinutes int    `yaml:"commute_minutes" validate:"omitempty,min=0,max=600"`
	WorksAs        string `yaml:"works_as" validate:"omitempty,oneof=employee contractor"`
	Started        Date   `yaml:"started"`
}

func (e *Employee) declare() []Field {
	return []Field{
		{at: &e.Name, Doc: "Your full name, as the proposal is signed.", Ask: "Your full name", Example: "Zoë Okafor",
			Fix: "add your full name under `employee:`", MaxLen: 100},
		{at: &e.Title, Doc: "Your job title.", Ask: "Your job title", Example: "Senior Data Analyst",
			Fix: "add your job title under `employee:`", MaxLen: 150},
		{at: &e.Team, Doc: "Your team.", Ask: "Your team", Example: "Revenue Analytics", MaxLen: 150},
		{at: &e.Email, Doc: "Your work email; the email draft is sent from it.", Ask: "Your work email",
			Help: "Used for the email draft.", Example: "zoe.okafor@example.com"},
		{at: &e.CommuteMinutes, Doc: "Your commute one way, in minutes.", Ask: "Your commute, one way, in minutes",
			Help: "Your prep sheet counts the hours a week the arrangement gives back: your gain, kept out of the proposal.", Example: "45",
			Range: "%v minutes is not a one-way commute", RangeFix: "give the one-way commute in minutes, for example 45"},
		{at: &e.WorksAs, Doc: "Whether you are an employee or a contractor; a contractor's documents are signed by the client and the contractor.",
			Ask: "Are you an employee or a contractor?", Suggest: "employee",
			Choices: []Choice{{"employee", "An employee"}, {"contractor", "A contractor: the manager is my client"}}},
		{at: &e.Started, Doc: "When you started with this employer. Where the law asks for months of service before a request (`jurisdiction`), the coach counts them.",
			Example: "2024-03-01"},
	}
}

// Manager is the person who decides.
type Manager struct {
	Name  string `yaml:"name" validate:"required"`
	Title string `yaml:"title"`
	Email string `yaml:"email" validate:"omitempty,email"`
}

func (m *Manager) declare() []Field {
	return []Field{
		{at: &m.Name, Doc: "Your manager's full name.", Ask: "Your manager’s full name", Example: "Priya Raman",
			Fix: "add your manager's name under `manager:`", MaxLen: 100},
		{at: &m.Title, Doc: "Your manager's job title.", Ask: "Their job title", Example: "Director of Analytics", MaxLen: 150},
		{at: &m.Email, Doc: "Your manager's email; the email draft is addressed to it.", Ask: "Their email",
			Help: "Used for the email draft.", Example: "priya.raman@example.com"},
	}
}

// Company is the employer, its written policy and the precedents inside it.
type Company struct {
	Name        string   `yaml:"name"`
	Policy      Policy   `yaml:"policy"`
	Precedents  []string `yaml:"precedents" validate:"dive,required"`
	BusyPeriods []string `yaml:"busy_periods" validate:"dive,required"`
}

func (c *Company) declare() []Field {
	return []Field{
		{at: &c.Name, Doc: "The company's name.", Ask: "Company name", Example: "Northwind Logistics", MaxLen: 150},
		{at: &c.Policy, Doc: "The company's written flexible-work policy, if it has one.",
			Ask:  "Does your company have a written flexible-work policy?",
			Help: "A request that fits existing policy is easier to approve."},
		{at: &c.Precedents, Doc: "Colleagues who already work this way, one a line.",
			Ask: "Colleagues who already work this way", Help: "Precedent makes a yes easy.",
			Example: "The Pricing team’s analysts work remotely on Fridays"},
		{at: &c.BusyPeriods, Doc: "Your team's busiest times of the year, as quarters (Q1 to Q4) or months: `propose check` warns when the trial runs into one, and the prep sheet says not to ask then.",
			Ask: "Your team’s busiest times of the year", Help: "Quarters such as Q4, or months such as December, separated by commas.",
			Example: "Q4, June", Flow: true},
	}
}

// Policy is the company's existing flexible-work policy, if there is one.
type Policy struct {
	Name             string `yaml:"name"`
	Reference        string `yaml:"reference"`
	Summary          string `yaml:"summary"`
	MaxRemoteDays    int    `yaml:"max_remote_days" validate:"omitempty,min=1,max=5"`
	MaxRemotePercent int    `yaml:"max_remote_percent" validate:"omitempty,min=1,max=100"`
	Exceptions       string `yaml:"exceptions"`
	Effective        Date   `yaml:"effective"`
}

func (p *Policy) declare() []Field {
	return []Field{
		{at: &p.Name, Doc: "The policy's name.", Ask: "Its name", Example: "Flexible Work Guidelines"},
		{at: &p.Reference, Doc: "Where the policy is written.", Ask: "Where it is written", Example: "Employee Handbook §4.3"},
		{at: &p.Summary, Doc: "What the policy allows, in a line.", Ask: "What it allows, in a line",
			Example: "Up to two remote days a week with manager approval"},
		{at: &p.MaxRemoteDays, Doc: "The most remote days a week the policy allows, so the documents can say truthfully whether the request is within it. Leave it out when the policy allows none or gives no number.",
			Ask: "The most remote days a week it allows", Help: "A number such as 2; leave it empty if the policy gives none.",
			Range: "%v remote days a week is not a weekly limit", RangeFix: "give the policy's limit as 1 to 5 days a week, or leave it out"},
		{at: &p.MaxRemotePercent, Doc: "The most remote working time the policy allows, in percent, when it is written that way.", Example: "40",
			Range: "%v%% is not a share of working time", RangeFix: "give the policy's limit as 1 to 100 percent, or leave it out"},
		{at: &p.Exceptions, Doc: "How the policy allows exceptions, if it does.", Ask: "How it allows exceptions, if it does",
			Example: "Exceptions agreed by a VP"},
		{at: &p.Effective, Doc: "When a new policy takes effect, such as the first day of a return-to-office order; the documents ask for a decision before it.",
			Ask: "When does it take effect, if it is new? (YYYY-MM-DD)", Example: "2027-03-01"},
	}
}

// Agreement is what is in writing, or was said, about where the employee
// works, and how strong that is.
type Agreement struct {
	Document   string `yaml:"document"`
	Kind       string `yaml:"kind" validate:"omitempty,oneof=contract offer-letter hr-email manager-email recruiter-email job-posting spoken"`
	Date       Date   `yaml:"date"`
	Terms      string `yaml:"terms"`
	Advertised string `yaml:"advertised"`
}

// The kinds of agreement, strongest first: what is signed binds, an email
// from HR or the manager confirms, a recruiter's email or a posting
// describes, and what was said is remembered.
var agreementKinds = []Choice{
	{"contract", "A signed contract"},
	{"offer-letter", "An offer letter"},
	{"hr-email", "An email from HR"},
	{"manager-email", "An email from my manager"},
	{"recruiter-email", "An email from the recruiter"},
	{"job-posting", "The job posting"},
	{"spoken", "Only said, not written"},
}

// Signed reports whether the agreement is a signed contract or an offer
// letter: terms both sides agreed to, not a description of the role.
func (a Agreement) Signed() bool {
	return a.Kind == "contract" || a.Kind == "offer-letter" || (a.Kind == "" && a.Document != "")
}

func (a *Agreement) declare() []Field {
	return []Field{
		{at: &a.Document, Doc: "What the agreement is written in.", Ask: "What is it?", Example: "My offer letter",
			Fix: "say what the agreement is written in, for example `document: My offer letter`"},
		{at: &a.Kind, Doc: "What kind of writing it is, strongest first: the documents word it accordingly (a posting is “advertised”, never “agreed”).",
			Ask: "What kind of writing is it?", Suggest: "offer-letter", Choices: agreementKinds,
			Default: "treated as a signed agreement"},
		{at: &a.Date, Doc: "When it was written or signed.", Ask: "When was it written? (YYYY-MM-DD)", Example: "2023-04-12"},
		{at: &a.Terms, Doc: "What it says about where you work, in its own words where you can.", Ask: "What does it say?",
			Example: "The role is remote, with quarterly visits to the Boston office",
			Fix:     "add what it says about where you work, for example `terms: The role is remote`"},
		{at: &a.Advertised, Doc: "How the job posting described the role, if it did, in its words; printed beside a stronger piece of writing.",
			Ask: "How did the job posting describe the role, if it did?", Example: "Remote (US)"},
	}
}

// Demand is the change the employee is asked to make, and who asks.
type Demand struct {
	From   string `yaml:"from" validate:"omitempty,oneof=company manager"`
	Change string `yaml:"change" validate:"omitempty,oneof=office relocate"`
	Where  string `yaml:"where"`
	Date   Date   `yaml:"date"`
	Words  string `yaml:"words"`
}

func (d *Demand) declare() []Field {
	return []Field{
		{at: &d.From, Doc: "Who asks for the change: the company (a policy or an order for everyone) or your manager (their own wish or demand). The documents are addressed to your manager, so they never quote your manager's words back in the third person, and they ask for an exception only where a rule has one.",
			Ask: "Who asks for it?", Suggest: "company",
			Choices: []Choice{{"company", "The company: a policy or an order"}, {"manager", "My manager: their own wish or demand"}},
			Fix:     "add `from: company` (a policy or an order) or `from: manager` (your manager's own wish) under `demand:`"},
		{at: &d.Change, Doc: "What you are asked to do: come into the office more, or relocate near an office.",
			Ask: "What are you asked to do?", Suggest: "office",
			Choices: []Choice{{"office", "Come into the office more"}, {"relocate", "Relocate near an office"}}},
		{at: &d.Where, Doc: "Where you are asked to relocate to.", Ask: "Where to?", Example: "Austin, Texas"},
		{at: &d.Date, Doc: "When the change would take effect; the documents ask for a decision before it.",
			Ask: "By when? (YYYY-MM-DD)", Example: "2027-03-01"},
		{at: &d.Words, Doc: "What was said or written, in your words. It goes on your prep sheet; the documents for your manager never quote it.",
			Ask: "What was said, in your words?", Example: "Greg expects me to relocate to Austin by March", Private: true},
	}
}

// Move is a move of the employee's home base, which the arrangement makes
// workable and a trial cannot undo.
type Move struct {
	Date         Date   `yaml:"date"`
	To           string `yaml:"to"`
	Reason       string `yaml:"reason"`
	IfNotWorking string `yaml:"if_not_working"`
	Trips        []Trip `yaml:"trips" validate:"dive"`
}

func (m *Move) declare() []Field {
	return []Field{
		{at: &m.Date, Doc: "When you move.", Ask: "When do you move? (YYYY-MM-DD)", Example: "2027-06-14",
			Fix: "add the date you move under `move:`, as `date: YYYY-MM-DD`"},
		{at: &m.To, Doc: "Where you move to.", Ask: "Where to?", Example: "Denver, Colorado",
			Fix: "add where you move to under `move:`, for example `to: Denver, Colorado`"},
		{at: &m.Reason, Doc: "Why you move, in a sentence you are happy for your manager to read; leave it out to keep it to yourself.",
			Ask: "Why, in a sentence your manager may read?", Example: "My wife’s job is transferring to Denver"},
		{at: &m.IfNotWorking, Doc: "What you propose if the arrangement is not working after the move, in your words; without it, the documents offer to agree changes together.",
			Ask: "What do you propose if it is not working?", Example: "We agree on changes together, and I give as much notice as I can if we cannot find one"},
		{at: &m.Trips, Doc: "The trips to the office that replace in-person days: how often, for what, and who pays.", Item: "trip",
			Help: "Regular trips for planning and reviews keep you part of the team."},
	}
}

// Trip is one recurring trip to the office after a move.
type Trip struct {
	HowOften string `yaml:"how_often" validate:"required"`
	Purpose  string `yaml:"purpose"`
	PaidBy   string `yaml:"paid_by" validate:"omitempty,oneof=company me shared"`
}

func (t *Trip) declare() []Field {
	return []Field{
		{at: &t.HowOften, Doc: "How often you travel to the office.", Ask: "How often?", Example: "Once a quarter",
			Fix: "say how often, for example `how_often: Once a quarter`"},
		{at: &t.Purpose, Doc: "What the trip is for.", Ask: "For what?", Example: "Planning week with the team"},
		{at: &t.PaidBy, Doc: "Who pays for the travel.", Ask: "Who pays for the travel?", None: "Not settled yet",
			Choices: []Choice{{"company", "The company"}, {"me", "Me"}, {"shared", "Shared"}}},
	}
}

// Arrangement is the working pattern being asked for.
type Arrangement struct {
	Type                string    `yaml:"type" validate:"required,oneof=hybrid remote"`
	RemoteDays          []Weekday `yaml:"remote_days"`
	OfficeDays          []Weekday `yaml:"office_days"`
	CoreHours           CoreHours `yaml:"core_hours"`
	Start               Date      `yaml:"start"`
	RemoteLocation      string    `yaml:"remote_location"`
	Workplace           string    `yaml:"workplace"`
	RemoteWork          []string  `yaml:"remote_work" validate:"dive,required"`
	InPersonCommitments []string  `yaml:"in_person_commitments" validate:"dive,required"`
}

func (a *Arrangement) declare() []Field {
	return []Field{
		{at: &a.Type, Doc: "Hybrid (some days remote) or remote (every weekday).", Ask: "Which arrangement?",
			Suggest: "hybrid", Fix: "add `type: hybrid` or `type: remote` under `arrangement:`",
			Choices: []Choice{{"hybrid", "Hybrid: some days remote, some in the office"}, {"remote", "Fully remote"}}},
		{at: &a.RemoteDays, Doc: "The weekdays you would work remotely.", Ask: "Which days would you work remotely?",
			Help: "Two days is the most common first step; the other weekdays are office days.", Suggest: "monday, friday",
			Default: "every weekday, for type remote", Flow: true,
			Fix: "list the days you would work remotely, for example `remote_days: [monday, friday]`"},
		{at: &a.OfficeDays, Doc: "The weekdays in the office.", Default: "the weekdays that are not remote, for type hybrid", Flow: true},
		{at: &a.CoreHours, Doc: "The hours you can be reached on every working day, wherever you work.",
			Ask: "Will you keep fixed core hours when everyone can reach you?", Suggest: "yes",
			Help: "Core hours answer the “will you be available?” question before it is asked."},
		{at: &a.Start, Doc: "The first day of the arrangement (of the trial, where there is one).",
			Ask: "When should it start? (YYYY-MM-DD)", Help: "A weekday a week or two out gives your manager time to decide.",
			Example: "2027-01-12", Fix: "add the first day of the arrangement under `arrangement:`, as `start: YYYY-MM-DD`"},
		{at: &a.RemoteLocation, Doc: "Where you would work remotely.", Ask: "Where will you work remotely?",
			Example: "Home office in Naperville, IL"},
		{at: &a.Workplace, Doc: "What you call the place you work when you are not remote, as you would say it after “the”: clinic, site, studio, lab. The documents say it wherever they would say the office.",
			Ask: "What do you call the place you work on the other days?", Help: "The documents say “the office” unless you name it.",
			Example: "clinic", Default: "office"},
		{at: &a.RemoteWork, Doc: "The work you would do on remote days, one kind a line.", Ask: "Work you will do on remote days",
			Help: "The focused work that gains most.", Example: "Writing the weekly revenue commentary"},
		{at: &a.InPersonCommitments, Doc: "What you would always come in for, one a line.", Ask: "What you will always come in for",
			Help: "Planning, reviews, mentoring.", Example: "Weekly team planning on Tuesdays"},
	}
}

// CoreHours are the hours the employee is reachable on every working day.
type CoreHours struct {
	Start    Clock  `yaml:"start"`
	End      Clock  `yaml:"end"`
	Timezone string `yaml:"timezone"`
}

func (c *CoreHours) declare() []Field {
	return []Field{
		{at: &c.Start, Doc: "When core hours start, on a 24-hour clock.", Ask: "Core hours start (HH:MM, 24-hour clock)",
			Suggest: "09:00", Example: "09:00", Fix: "add the start of your core hours, for example `start: \"09:00\"`"},
		{at: &c.End, Doc: "When core hours end, on a 24-hour clock.", Ask: "Core hours end (HH:MM)",
			Suggest: "17:00", Example: "17:00", Fix: "add the end of your core hours, for example `end: \"17:00\"`"},
		{at: &c.Timezone, Doc: "The time zone of the core hours, as an IANA name.", Ask: "Time zone",
			Help: "An IANA name such as America/Chicago or Europe/Berlin.", Example: "America/Chicago"},
	}
}

// Communication is how the manager and team reach the employee and hear
// from them.
type Communication struct {
	Channels     []string  `yaml:"channels" validate:"dive,required"`
	ResponseTime string    `yaml:"response_time"`
	CheckIns     []CheckIn `yaml:"check_ins" validate:"dive"`
	StatusReport string    `yaml:"status_report" validate:"omitempty,oneof=daily weekly biweekly monthly"`
	Promises     []string  `yaml:"promises" validate:"dive,required"`
}

func (c *Communication) declare() []Field {
	return []Field{
		{at: &c.Channels, Doc: "The channels you can be reached on.", Ask: "Channels you will use, separated by commas",
			Suggest: "email, chat, video calls", Example: "Slack, email, Zoom", Flow: true},
		{at: &c.ResponseTime, Doc: "How fast you reply.", Ask: "How fast you will reply",
			Suggest: "within one hour during core hours", Example: "within one hour during core hours"},
		{at: &c.CheckIns, Doc: "Regular check-ins with your manager.", Item: "check-in",
			Ask:  "Check in with a daily written update and a weekly 30-minute video 1:1?",
			Help: "Say no to set your own check-ins."},
		{at: &c.StatusReport, Doc: "How often you send a written status summary.",
			Ask:  "How often will you send a written status summary?",
			Help: "A regular summary of what shipped, what is next and what is blocked.", Suggest: "weekly",
			None: "No written summary", Choices: cadences},
		{at: &c.Promises, Doc: "What you promise beyond the schedule, one a line: the answers to “what if I need you here?” and “what if it is urgent?”.",
			Ask: "What you promise beyond the schedule", Help: "Managers ask for these two; change or remove them. The documents promise only what you keep here.",
			Suggest: PromiseSwap + "\n" + PromiseUrgent,
			Default: "none: the documents promise nothing you did not write"},
	}
}

// The promises the wizard suggests: what managers ask for first, written as
// the employee would say it. A file holds them only when the user keeps them.
const (
	PromiseSwap   = "A remote day can be swapped for an office day at a day’s notice"
	PromiseUrgent = "Urgent matters reach me by phone"
)

// cadences are how often something recurs.
var cadences = []Choice{{"daily", "Daily"}, {"weekly", "Weekly"}, {"biweekly", "Every two weeks"}, {"monthly", "Monthly"}}

// CheckIn is one recurring touchpoint with the manager.
type CheckIn struct {
	Cadence string `yaml:"cadence" validate:"required,oneof=daily weekly biweekly monthly"`
	Format  string `yaml:"format" validate:"required"`
}

func (c *CheckIn) declare() []Field {
	return []Field{
		{at: &c.Cadence, Doc: "How often the check-in happens.", Ask: "How often?", Suggest: "weekly",
			Fix: "add `cadence:` daily, weekly, biweekly or monthly", Choices: cadences},
		{at: &c.Format, Doc: "What the check-in is.", Ask: "What is it?", Example: "Written update in the team channel by 10:00",
			Fix: "say what the check-in is, for example `format: 30-minute video 1:1`"},
	}
}

// Equipment is what the remote workplace runs on.
type Equipment struct {
	Items        []EquipmentItem `yaml:"items" validate:"dive"`
	Connectivity string          `yaml:"connectivity"`
	Workspace    string          `yaml:"workspace"`
	Security     string          `yaml:"security"`
}

func (e *Equipment) declare() []Field {
	return []Field{
		{at: &e.Items, Doc: "The equipment you would use, and who provides each piece.", Item: "piece of equipment"},
		{at: &e.Connectivity, Doc: "Your internet connection, and its backup.", Ask: "Your internet connection, and a backup",
			Example: "500 Mbps fibre, LTE hotspot as backup"},
		{at: &e.Workspace, Doc: "Where you work and what it is like.", Ask: "Your workspace", Example: "A dedicated room with a door"},
		{at: &e.Security, Doc: "How company data stays secure.", Ask: "How company data stays secure",
			Example: "VPN with multi-factor sign-in; files stay on the company laptop"},
	}
}

// EquipmentItem is one piece of equipment and who provides it.
type EquipmentItem struct {
	Name       string `yaml:"name" validate:"required"`
	ProvidedBy string `yaml:"provided_by" validate:"omitempty,oneof=company me"`
}

func (e *EquipmentItem) declare() []Field {
	return []Field{
		{at: &e.Name, Doc: "What the item is.", Ask: "What is it?", Example: "Laptop with VPN",
			Fix: "name the item, for example `name: Laptop with VPN`"},
		{at: &e.ProvidedBy, Doc: "Who provides it.", Ask: "Who provides it?", Suggest: "company",
			Choices: []Choice{{"company", "The company"}, {"me", "Me"}}},
	}
}

// Trial is the reversible trial period with its success metrics.
type Trial struct {
	LengthDays int      `yaml:"length_days" validate:"omitempty,min=30,max=90"`
	CheckInDay int      `yaml:"check_in_day" validate:"omitempty,min=1"`
	NoticeDays int      `yaml:"notice_days" validate:"omitempty,min=1,max=90"`
	Metrics    []Metric `yaml:"metrics" validate:"dive"`
}

func (t *Trial) declare() []Field {
	return []Field{
		{at: &t.LengthDays, Doc: "How long the trial runs, in days.", Ask: "Trial length in days (30 to 90)", Suggest: "60",
			Fix:   "add `length_days: 60` under `trial:`; a trial runs 30 to 90 days",
			Range: "%v days is outside 30 to 90 days", RangeFix: "choose 30 to 90 days; 60 is typical and long enough to show results"},
		{at: &t.CheckInDay, Doc: "The day of the trial for the check-in.", Ask: "Check-in on which day of the trial?",
			Default: "halfway through the trial", Range: "day %v is not a day of the trial",
			RangeFix: "give the day of the trial for the check-in, counting from 1; halfway is typical"},
		{at: &t.NoticeDays, Doc: "The days of notice either side gives to end the arrangement.",
			Ask: "Days of notice either side gives to end it", Suggest: strconv.Itoa(DefaultNoticeDays),
			Default: "none is stated: the documents offer the check-in and the review as the points to end or change it",
			Range:   "%v days of notice is outside 1 to 90 days", RangeFix: "14 is typical"},
		{at: &t.Metrics, Doc: "How success is measured: three to five measures make a clear case.", Item: "success metric",
			Help: "Three to five measures make a clear case.",
			Fix:  "add at least one metric under `trial:`, with name, baseline, target and measured_by"},
	}
}

// Metric is one measure of success for the trial.
type Metric struct {
	Name       string `yaml:"name" validate:"required"`
	Baseline   string `yaml:"baseline"`
	Target     string `yaml:"target" validate:"required"`
	MeasuredBy string `yaml:"measured_by"`
}

func (m *Metric) declare() []Field {
	return []Field{
		{at: &m.Name, Doc: "What is measured.", Ask: "What is measured?", Example: "Weekly dashboards delivered on time",
			Fix: "name what is measured, for example `name: Weekly dashboards on time`"},
		{at: &m.Baseline, Doc: "Where the measure stands today.", Ask: "Where it stands today", Example: "100%"},
		{at: &m.Target, Doc: "What counts as success during the trial.", Ask: "The target during the trial", Example: "100%",
			Fix: "say what counts as success, for example `target: 100%`"},
		{at: &m.MeasuredBy, Doc: "How it is measured, so your manager can check it.", Ask: "How it is measured",
			Example: "Jira due dates"},
	}
}

// Performance is the employee's recent track record.
type Performance struct {
	RemoteRecord []RemoteRecord `yaml:"remote_record" validate:"dive"`
	Highlights   []string       `yaml:"highlights" validate:"dive,required"`
	Metrics      []string       `yaml:"metrics" validate:"dive,required"`
	Recognition  []string       `yaml:"recognition" validate:"dive,required"`
}

func (p *Performance) declare() []Field {
	return []Field{
		{at: &p.RemoteRecord, Doc: "Your record of working remotely: each period, the arrangement and what you delivered. It is the strongest argument you have.",
			Item: "period of remote work", Ask: "Have you worked remotely before, in this job or another?",
			Help: "A record such as “fully remote 2020–2022, every target met” leads your track record."},
		{at: &p.Highlights, Doc: "Recent results you are proud of, one a line.", Ask: "Recent highlights",
			Example: "Delivered the Q3 churn model two weeks early"},
		{at: &p.Metrics, Doc: "Results in numbers, one a line.", Ask: "Results in numbers",
			Example: "Closed 112 requests in Q3 (team average 80)"},
		{at: &p.Recognition, Doc: "Reviews, awards and praise in writing, one a line.", Ask: "Recognition",
			Help: "Reviews, awards, praise in writing.", Example: "Rated “consistently excellent” in the 2026 review"},
	}
}

// RemoteRecord is one period the employee worked remotely, and what they
// delivered then.
type RemoteRecord struct {
	Period      string `yaml:"period" validate:"required"`
	Arrangement string `yaml:"arrangement"`
	Delivered   string `yaml:"delivered" validate:"required"`
}

func (r *RemoteRecord) declare() []Field {
	return []Field{
		{at: &r.Period, Doc: "When, such as `2020–2022` or `since May 2023`.", Ask: "When?", Example: "2020–2022",
			Fix: "say when, for example `period: 2020–2022` or `period: since May 2023`"},
		{at: &r.Arrangement, Doc: "How you worked then.", Ask: "How did you work then?", Example: "Fully remote, at Nordbank"},
		{at: &r.Delivered, Doc: "What you delivered, in numbers where you can.", Ask: "What did you deliver?",
			Example: "Met every quarterly target; rated “exceeds expectations” each year",
			Fix:     "say what you delivered while remote, for example `delivered: Met every quarterly target`"},
	}
}

// EvidenceRef is one item under evidence: the id of a verified citation
// from the built-in library (written as a bare id), or the user's own
// finding, which needs a source the manager can check.
type EvidenceRef struct {
	ID      string `yaml:"id" validate:"omitempty,evidence_id"`
	Finding string `yaml:"finding" validate:"required_without=ID"`
	Source  string `yaml:"source" validate:"required_without=ID"`
	URL     string `yaml:"url" validate:"omitempty,url"`
}

func (e *EvidenceRef) declare() []Field {
	return []Field{
		{at: &e.ID, Doc: "The id of a verified finding in the built-in library; `propose evidence` lists them. An item may be the id alone."},
		{at: &e.Finding, Doc: "Your own finding, in a sentence.", Ask: "What it found, in a sentence",
			Example: "My accounts rated their satisfaction 4.8 of 5 over three years",
			Fix:     "say what the study found, in one sentence, or cite a library id instead (`propose evidence`)"},
		{at: &e.Source, Doc: "Where your finding comes from, so your manager can check it.", Ask: "Where it comes from",
			Example: "Halcyon Software customer survey, 2024–2026",
			Fix:     "add `source:` with where it was published — authors, title and year — so your manager can check it"},
		{at: &e.URL, Doc: "A link to the source.", Ask: "A link to it", Example: "https://example.com/survey"},
	}
}

// SetScalar reads the short form of an item: a bare library id.
func (e *EvidenceRef) SetScalar(s string) { *e = EvidenceRef{ID: s} }

// ScalarForm returns the short form of an item, a bare library id, when
// the item is only that.
func (e *EvidenceRef) ScalarForm() (string, bool) {
	return e.ID, e.ID != "" && e.Finding == "" && e.Source == "" && e.URL == ""
}

// EvidenceIDs returns the library ids of refs, for refs that are ids.
func EvidenceIDs(refs []EvidenceRef) []string {
	var ids []string
	for _, r := range refs {
		if r.ID != "" {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// Reask records an earlier denial and the answer to each stated reason.
type Reask struct {
	DeniedOn      Date          `yaml:"denied_on"`
	TimesDeclined int           `yaml:"times_declined" validate:"omitempty,min=1,max=20"`
	Against       string        `yaml:"against" validate:"omitempty,oneof=details remote-work"`
	Reasons       []ReaskReason `yaml:"reasons" validate:"dive"`
}

func (r *Reask) declare() []Field {
	return []Field{
		{at: &r.DeniedOn, Doc: "When the earlier request was declined.", Ask: "When was the earlier request declined? (YYYY-MM-DD)",
			Example: "2026-06-01"},
		{at: &r.TimesDeclined, Doc: "How many times this request has been declined, counting the last. After a second no, the prep sheet helps you decide what it means for you.",
			Ask: "How many times has it been declined, counting the last?", Default: "1",
			Range: "%v is not a number of times", RangeFix: "count the times it was declined, 1 or more"},
		{at: &r.Against, Doc: "What the no was against: the details of the request (the days, the timing, the measures) or remote work itself. Your prep sheet only.",
			Ask: "Was the no about the details, or about remote work itself?", Private: true, None: "I am not sure",
			Choices: []Choice{{"details", "The details: the days, the timing, how it would work"}, {"remote-work", "Remote work itself: my manager is against it in principle"}}},
		{at: &r.Reasons, Doc: "Each reason given for the earlier “no”, with how this proposal answers it.", Item: "reason",
			Fix: "list each reason given for the earlier “no” with your response, under `reask:`"},
	}
}

// ReaskReason is one reason given for the earlier "no", and its answer.
type ReaskReason struct {
	Reason   string `yaml:"reason" validate:"required"`
	Response string `yaml:"response" validate:"required"`
}

func (r *ReaskReason) declare() []Field {
	return []Field{
		{at: &r.Reason, Doc: "The reason you were given.", Ask: "The reason you were given", Example: "Availability for urgent requests",
			Fix: "write the reason you were given, for example `reason: Availability for urgent requests`"},
		{at: &r.Response, Doc: "How this proposal answers it.", Ask: "How this proposal answers it",
			Example: "Core hours and a one-hour reply commitment", Fix: "write how the new proposal answers this reason"},
	}
}

// Offer holds the terms of a job offer being negotiated.
type Offer struct {
	Role      string `yaml:"role"`
	Recruiter string `yaml:"recruiter"`
}

func (o *Offer) declare() []Field {
	return []Field{
		{at: &o.Role, Doc: "The role you were offered.", Ask: "The role you were offered", Example: "Staff Analyst",
			Fix: "add the role you were offered under `offer:`, for example `role: Staff Analyst`"},
		{at: &o.Recruiter, Doc: "The recruiter or hiring manager.", Ask: "The recruiter or hiring manager", Example: "Sam Lee"},
	}
}

// Theme is how the PDF and HTML documents look. It styles them and
// changes none of their text.
type Theme struct {
	Accent string `yaml:"accent" validate:"omitempty,colour"`
	Body   string `yaml:"body" validate:"omitempty,oneof=serif sans"`
	Logo   string `yaml:"logo"`
}

func (t *Theme) declare() []Field {
	return []Field{
		{at: &t.Accent, Doc: "The colour of the headings, rules and table headers, as #RRGGBB in quotes, such as `accent: \"#0B6E4F\"`: YAML reads an unquoted # as the start of a comment. Text is written in it, so it must be dark enough to read on white and on the pale tint of it behind table headings (a contrast of at least 4.5:1); a lighter colour is refused with a darker one of its hue to use instead.", Example: "#0B6E4F",
			Default: DefaultAccent + ", a dark navy"},
		{at: &t.Body, Doc: "The typeface of the body text; headings are always set in Noto Sans Bold.", Default: "serif",
			Choices: []Choice{{"serif", "Noto Serif, as in print"}, {"sans", "Noto Sans, as on screen"}}},
		{at: &t.Logo, Doc: "A PNG or JPEG image of at most 1 MB, drawn at the top right of the first page of each PDF and at the top of each HTML page. The path is relative to the proposal file.",
			Example: "logo.png"},
	}
}

// DefaultAccent is the accent colour of a file without theme.accent.
const DefaultAccent = palette.Accent

// MaxLogoBytes is the largest logo file theme.logo may name.
const MaxLogoBytes = 1 << 20

// MaxLogoPixels is the most pixels a logo may have: enough for a logo
// 2,000 pixels square, printed at most 120 points wide.
const MaxLogoPixels = 4_000_000

// Private holds what the employee keeps to themselves. It feeds the prep
// sheet only; manager-facing documents are built from a view that has no
// field for any of it.
type Private struct {
	Motivation   string      `yaml:"motivation"`
	Alternatives string      `yaml:"alternatives"`
	Fallback     string      `yaml:"fallback"`
	Objections   []Objection `yaml:"objections" validate:"dive"`
}

func (p *Private) declare() []Field {
	return []Field{
		{at: &p.Motivation, Doc: "Why this matters to you.", Ask: "Why this matters to you",
			Help: "Shapes how you speak about it; it stays out of the proposal."},
		{at: &p.Alternatives, Doc: "Your alternatives if the answer is no.", Ask: "Your alternatives if the answer is no",
			Help: "Other offers, or staying as you are. Leverage is private."},
		{at: &p.Fallback, Doc: "The least you would accept.", Ask: "The least you would accept",
			Example: "One remote day a week for the first month"},
		{at: &p.Objections, Doc: "Objections you expect, each with your answer.", Item: "objection",
			Help: "Common ones (visibility, collaboration, fairness) are answered on the prep sheet anyway."},
	}
}

// Objection is a concern the employee expects, with their answer.
type Objection struct {
	Objection string `yaml:"objection" validate:"required"`
	Response  string `yaml:"response" validate:"required"`
}

func (o *Objection) declare() []Field {
	return []Field{
		{at: &o.Objection, Doc: "The objection.", Ask: "The objection", Example: "We prefer everyone in the office",
			Fix: "write the objection you expect"},
		{at: &o.Response, Doc: "Your answer to it.", Ask: "Your answer", Fix: "write how you would answer it"},
	}
}

// Derived holds the values computed from the file, never typed twice.
type Derived struct {
	// TrialStart is the first day of the trial: the start of the
	// arrangement, or in keep-remote the first weekday of the review period
	// from the document date on.
	TrialStart Date
	// TrialEnd is the last day of the trial.
	TrialEnd Date
	// CheckIn is the mid-trial check-in, moved to the next working day if
	// it falls on a weekend or a public holiday (CheckInMoved says why).
	CheckIn Date
	// Review is the final review, on the last working day of the trial; without
	// a trial, in keep-remote and offer, a review about three months in.
	Review Date
	// Logo is the content of the image theme.logo names, read when the
	// proposal is validated; nil without a logo.
	Logo []byte
}
