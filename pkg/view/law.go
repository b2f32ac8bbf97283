package view

import (
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/law"
	"github.com/propose-cli/propose/pkg/proposal"
)

// Law is what the law where the employee works adds to the documents:
// the statements a statutory request carries, the dates the law sets, and
// for the prep sheet the grounds a refusal must rest on. Every sentence is
// a phrase of templates/LANG/law.tmpl (English where a language has none:
// the law of an English-speaking place is written in English).
type Law struct {
	Code      string // GB, NI, IE, NL, ES, DE or US
	Name      string // the jurisdiction's name, in words
	Statutory bool   // the request is the statutory one the law recognises

	Heading     string    // the proposal section's heading
	Statements  []string  // what a statutory request must say, each a paragraph
	Signature   string    // the signature line a statutory request asks for; "" when none
	DecisionDue string    // when the employer's decision is due, formatted; "" when the law sets no date
	DecisionDay time.Time // the same day, for the calendar; zero when DecisionDue is ""
	SendBy      string    // the last day to send the request, formatted; "" when the law sets no lead time
	EmailLine   string    // the cover email's sentence on the decision date; "" when none

	Prep []string // the prep sheet's lines on the law, each a paragraph
	// Grounds are the only grounds a refusal may rest on, each with how to
	// answer it, where the law lists them.
	Grounds []LawGround
	// ReasonsIntro and Reasons put the reasons given for an earlier no to
	// the grounds the law allows (a re-ask where the law lists them).
	ReasonsIntro string
	Reasons      []string
	Checked      string // when the rules were last checked, formatted
	Changed      []string
	NotAdvice    string // the line that says this is information, not legal advice
}

// LawGround is a ground a refusal may rest on, and how to answer it.
type LawGround struct {
	Ground string
	Answer string
}

// lawData is what the law's phrases are given.
type lawData struct {
	Code, Name, Act, Date, Start, Review, Pattern, Previous, Location, Workspace, Connectivity, Security string
	SendBy, DecisionDue, ServiceBy, Checked, Employee                                                    string
	Chosen, Statutory, Late, ShortService, AtRequest                                                     bool
	// Gains, Reach and Measures say which of the proposal's sections a
	// statement may point to: what the team gains, how the employee stays
	// reachable, and how the work is measured.
	Gains, Reach, Measures bool
}

// answerData is what the answer to a ground is given: the ground, and
// which sections of the proposal the answer may point to.
type answerData struct {
	Ground                                     string
	Equipment, Reach, Measures, Record, Review bool
}

// sayLaw executes a law phrase in the language, or in British English
// where the language has none.
func (l *Lang) sayLaw(name string, data any) string {
	if l.phrases.Lookup(name) == nil {
		return LangOf("en-GB").say(name, data)
	}
	return l.say(name, data)
}

// newLaw builds the law's part of the view; nil without a jurisdiction
// propose has rules for.
func newLaw(p *proposal.Proposal, v *Public, st *Lang) *Law {
	j, ok := law.Of(p.Jurisdiction)
	if !ok {
		return nil
	}
	start := p.Arrangement.Start.Time()
	sent := p.Date.Time()
	d := lawData{Code: j.Code, Name: j.Name, Act: j.Law, Date: v.Date, Start: v.StartShort, Pattern: v.Pattern,
		Location: v.Location, Workspace: v.Workspace, Connectivity: v.Connectivity, Security: v.Security,
		Employee: v.Employee.Name, Chosen: j.Statutory && p.Statutory.Yes(), Review: v.ReviewDate,
		AtRequest: j.ServiceAtRequest, Gains: len(v.Benefits) > 0,
		Reach:    v.Channels != "" || v.ResponseTime != "" || len(v.CheckIns) > 0 || v.StatusReport != "" || v.Hours != "" || len(v.Promises) > 0,
		Measures: (v.Trial != nil && len(v.Trial.Metrics) > 0) || len(v.OutputTracking) > 0}
	if !p.PreviousRequest.IsZero() {
		d.Previous = st.date(p.PreviousRequest)
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return st.Date(t)
	}
	a := j.Assess(sent, start, p.Employee.Started.Time())
	d.SendBy, d.DecisionDue, d.ServiceBy = day(a.SendBy), day(a.DecisionDue), day(a.ServiceBy)
	d.Late, d.ShortService = a.Late, a.ShortService
	d.Checked = day(j.Checked())
	// A request sent too late, or before the service the law asks for,
	// is not the statutory one: the documents claim no statute for it,
	// and the prep sheet says why.
	d.Statutory = d.Chosen && !d.Late && !d.ShortService
	w := &Law{Code: j.Code, Name: st.sayLaw("law.name", d.Code), Statutory: d.Statutory, Checked: d.Checked,
		NotAdvice: st.sayLaw("law.notAdvice", d)}
	d.Name = w.Name
	if d.Statutory {
		w.Heading = st.sayLaw("law.heading", d)
		for _, s := range j.MustSay {
			if line := st.sayLaw("law.say."+s, d); line != "" {
				w.Statements = append(w.Statements, line)
			}
		}
		if j.Says("signed") {
			w.Signature = st.sayLaw("law.signature", d)
		}
		w.DecisionDue, w.SendBy = d.DecisionDue, d.SendBy
		if w.DecisionDue != "" {
			w.DecisionDay = a.DecisionDue
		}
		if w.DecisionDue != "" {
			w.EmailLine = st.sayLaw("law.email", d)
		}
	}
	if d.Chosen && !d.Statutory {
		w.Prep = append(w.Prep, st.sayLaw("law.prep.blocked", d))
	} else {
		w.Prep = append(w.Prep, st.sayLaw("law.prep."+j.Code, d))
	}
	if d.Statutory {
		w.Prep = append(w.Prep, st.sayLaw("law.prep.clock", d))
	}

	// The grounds bind a statutory request only.
	for _, g := range j.Grounds {
		if !d.Statutory {
			break
		}
		w.Grounds = append(w.Grounds, LawGround{Ground: st.sayLaw("law.ground", g), Answer: st.sayLaw("law.answer", answerData{Ground: g,
			Equipment: v.HasEquipment, Reach: d.Reach, Measures: d.Measures, Record: v.Performance.Any, Review: v.ReviewDate != ""})})
	}
	if p.Scenario == proposal.ScenarioReask && len(j.Grounds) > 0 {
		for _, r := range p.Reask.Reasons {
			g := law.GroundOf(r.Reason)
			ground := ""
			if g != "" {
				ground = st.sayLaw("law.ground", g)
			}
			w.Reasons = append(w.Reasons, st.sayLaw("law.reason", map[string]string{"Reason": Escape(r.Reason), "Ground": ground}))
		}
		if len(w.Reasons) > 0 {
			w.ReasonsIntro = st.sayLaw("law.reasonsIntro", d)
		}
	}
	// Past the date a rule is expected to change, counted from the
	// document's date, so that the same file gives the same documents.
	for _, r := range j.Changed(sent) {
		w.Changed = append(w.Changed, st.sayLaw("law.changed", map[string]string{"Says": r.Says, "On": st.Date(r.Changes.Time), "Expected": r.Expected, "Checked": st.Date(r.Checked.Time)}))
	}
	return w
}

// lawAdjustments is the prep sheet's line on a reasonable adjustment,
// where the law gives a health reason its own route and the employee's
// private reasons name one; "" otherwise. It reads a private answer, so
// only the private view holds it.
func lawAdjustments(p *proposal.Proposal, st *Lang) string {
	j, ok := law.Of(p.Jurisdiction)
	if !ok || !j.Accommodation || j.Code == "US" || !law.Medical(p.Private.Motivation) {
		return ""
	}
	return st.sayLaw("law.prep.adjustments", lawData{Code: j.Code, Name: st.sayLaw("law.name", j.Code)})
}

// LawClock is the line `propose status` prints for the employee on the
// day of a week's entry: when the employer's decision on a statutory
// request is or was due. It is "" when the request is not statutory or
// the law sets no date. It is written in the prep sheets' language and
// never goes into the note.
func LawClock(p *proposal.Proposal, on proposal.Date) string {
	if v := prepLaw(p); v != nil {
		return lawClock(v, on)
	}
	return ""
}

// LawNote is the line `propose render` prints for the employee where the
// file names a jurisdiction: when a statutory request's decision is due,
// or else that the law in the prep sheet is information, not advice.
func LawNote(p *proposal.Proposal) string {
	v := prepLaw(p)
	if v == nil {
		return ""
	}
	if line := lawClock(v, p.Date); line != "" {
		return line
	}
	return strings.ReplaceAll(v.Law.NotAdvice, nbsp, " ")
}

// prepLaw is the view in the prep sheets' language, for its law; nil for
// a file that names no jurisdiction propose has rules for (and then no
// view is built).
func prepLaw(p *proposal.Proposal) *Public {
	if _, ok := law.Of(p.Jurisdiction); !ok {
		return nil
	}
	return newPublic(p, p.PrepLanguageTag())
}

// lawClock is LawClock's line from the view of the prep language.
func lawClock(v *Public, on proposal.Date) string {
	w := v.Law
	if w == nil || w.DecisionDue == "" {
		return ""
	}
	line := v.lang.sayLaw("law.status", map[string]any{"Code": w.Code, "Date": v.Date, "DecisionDue": w.DecisionDue,
		"Past": w.DecisionDay.Before(on.Time())})
	return strings.ReplaceAll(line, nbsp, " ")
}
