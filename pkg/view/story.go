package view

import (
	"strings"

	"github.com/propose-cli/propose/pkg/proposal"
)

// Move is a move of the employee's home base: the documents speak of a
// transition and a review of how the work goes, never of a trial that
// ends with a return to the office.
type Move struct {
	Date         string // when, formatted
	Month        string // the month and year, such as "June 2027", for running text
	To           string
	Reason       string // why, as the user is happy for the manager to read; "" to keep it
	IfNotWorking string // what the user proposes if it is not working; "" for the template's default
	Trips        []Trip
	TripsPhrase  string // how often the employee travels in, for running text: "once a quarter and …"
}

// Trip is one recurring trip to the office after a move.
type Trip struct {
	HowOften string
	Purpose  string
	PaidBy   string // company, me or shared; "" when not said
}

// Demand is the change the employee is asked to make (keep-remote), with
// who asks for it. It holds no words of the person who asked: the
// documents are addressed to the manager, who is never quoted back to
// themselves in the third person.
type Demand struct {
	Any         bool
	FromManager bool   // the manager's own wish or demand, not a company rule
	FromCompany bool   // a company policy or order
	Relocate    bool   // a move near an office, rather than more office days
	Where       string // where to relocate to
	Date        string // when it would take effect, formatted
}

// The strengths of what is in writing, strongest first: terms both sides
// signed, an email from HR or the manager that confirms them, a
// recruiter's email or a posting that describes the role, and what was
// only said.
const (
	StrengthSigned     = "signed"
	StrengthConfirmed  = "confirmed"
	StrengthDescribed  = "described"
	StrengthAdvertised = "advertised"
	StrengthSpoken     = "spoken"
)

func strength(kind string) string {
	switch kind {
	case "hr-email", "manager-email":
		return StrengthConfirmed
	case "recruiter-email":
		return StrengthDescribed
	case "job-posting":
		return StrengthAdvertised
	case "spoken":
		return StrengthSpoken
	}
	return StrengthSigned
}

func agreement(p *proposal.Proposal, st *Lang) Agreement {
	a := p.Agreement
	v := Agreement{
		Kind:       a.Kind,
		Strength:   strength(a.Kind),
		Document:   Escape(a.Document),
		Date:       st.date(a.Date),
		Terms:      Escape(unquote(a.Terms)),
		Advertised: Escape(unquote(a.Advertised)),
	}
	if v.Terms == "" && v.Advertised != "" {
		// The posting's words alone: the role as advertised.
		v.Strength = StrengthAdvertised
	}
	v.Any = v.Document != "" || v.Terms != "" || v.Advertised != ""
	v.Written = v.Any && v.Strength != StrengthSpoken
	return v
}

func move(p *proposal.Proposal, st *Lang) *Move {
	m := p.Move
	if m.To == "" && m.Date.IsZero() {
		return nil
	}
	v := &Move{
		Date:         st.date(m.Date),
		To:           Escape(m.To),
		Reason:       Escape(m.Reason),
		IfNotWorking: Escape(m.IfNotWorking),
	}
	if !m.Date.IsZero() {
		v.Month = strings.ReplaceAll(st.MonthYear(m.Date.Time()), " ", nbsp)
	}
	for _, t := range m.Trips {
		v.Trips = append(v.Trips, Trip{HowOften: Escape(capitalize(t.HowOften)), Purpose: Escape(lowerFirst(t.Purpose)), PaidBy: t.PaidBy})
	}
	v.TripsPhrase = tripsPhrase(v, st)
	return v
}

func demand(p *proposal.Proposal, st *Lang) Demand {
	d := p.Demand
	if p.Scenario != proposal.ScenarioKeepRemote || d.From == "" {
		return Demand{}
	}
	return Demand{
		Any:         true,
		FromManager: d.From == "manager",
		FromCompany: d.From == "company",
		Relocate:    d.Change == "relocate",
		Where:       Escape(d.Where),
		Date:        st.date(d.Date),
	}
}

// splitBenefits parts the benefits the user wrote into the team's gains,
// for the manager, and the user's own, for the prep sheet.
func splitBenefits(bs []string) (team, own []string) {
	for _, b := range bs {
		if proposal.PersonalBenefit(b) {
			own = append(own, b)
		} else {
			team = append(team, b)
		}
	}
	return team, own
}

// asksException reports whether the request asks for an exception that a
// rule provides for: the policy has an exception clause, and the request
// is above its limit (or, in keep-remote, against the policy at all). It
// is never an exception to answer a manager's own wish, or where the
// policy names no way to make one.
func asksException(p *proposal.Proposal, v *Public) bool {
	pol := v.Policy
	if pol.Exceptions == "" {
		return false
	}
	if p.Scenario != proposal.ScenarioKeepRemote {
		return pol.Exceeds
	}
	return pol.Any && !(pol.Known && !pol.Exceeds) && !(v.Demand.Any && !v.Demand.FromCompany)
}

// tripsPhrase is how often the employee travels to the office after a
// move, for running text: "once a quarter and when a new class starts".
func tripsPhrase(m *Move, st *Lang) string {
	var parts []string
	for _, t := range m.Trips {
		parts = append(parts, lowerFirst(t.HowOften))
	}
	return st.list(parts)
}
