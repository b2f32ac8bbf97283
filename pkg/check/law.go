package check

import (
	"slices"
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/law"
	"github.com/propose-cli/propose/pkg/proposal"
)

// law checks a request against the law where the employee works: the
// statutory request's lead time, the service it needs, the requests
// already made, its statements, a rule past its change date, and a medical
// reason that the law routes elsewhere.
func (c *checker) law() {
	p := c.p
	j, ok := law.Of(p.Jurisdiction)
	if p.Statutory.Yes() && (!ok || !j.Statutory) {
		msg := "there is no statutory request for remote work where you work"
		switch {
		case ok && j.Code == "ES":
			msg = "in Spain the only statutory route is an adaptation for care reasons (article 34.8 of the Estatuto de los Trabajadores), which propose does not write"
		case ok:
			msg = "there is no statutory request for remote work in " + the(j.Name)
		}
		c.add("law.no-statutory", "statutory", msg)
	}
	if !ok {
		return
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	sent, start := p.Date.Time(), p.Arrangement.Start.Time()
	if j.Statutory && p.Statutory.Yes() {
		a := j.Assess(sent, start, p.Employee.Started.Time())
		if a.Late {
			c.add("law.lead-time", "arrangement.start", day(a.Earliest))
		}
		switch {
		case !a.ShortService:
		case j.ServiceAtRequest:
			c.add("law.service", "employee.started", "your 26 weeks' service is complete on "+day(a.ServiceBy)+": send and date the request then")
		default:
			c.add("law.service", "employee.started", "your service the law asks for is complete on "+day(a.ServiceBy)+": move `start` to "+day(a.Earliest)+" or later")
		}
		if prev := p.PreviousRequest.Time(); !prev.IsZero() && sent.Before(prev.AddDate(1, 0, 0)) {
			switch {
			case j.MaxRequests == 1:
				c.add("law.one-a-year", "previous_request", day(prev.AddDate(1, 0, 0)))
			case j.MaxRequests == 2:
				c.add("law.second-request", "previous_request", day(prev.AddDate(1, 0, 0)))
			}
		}
		if j.Says("location") && strings.TrimSpace(p.Arrangement.RemoteLocation) == "" {
			c.add("law.statement-missing", "arrangement.remote_location", "add `remote_location:` under `arrangement:`: the Act asks where you would work")
		}
		// The statements point to what the team gains: the benefits the
		// manager's documents list, not the user's own (view's Gains).
		gains := slices.ContainsFunc(p.Benefits, func(b string) bool { return !proposal.PersonalBenefit(b) })
		if j.Says("effect") && !gains && !reachable(p) && len(p.Trial.Metrics) == 0 && len(p.OutputTracking) == 0 {
			c.add("law.effect", "benefits", "")
		}
		if j.Says("reasons") && !gains {
			c.add("law.reasons", "benefits", "")
		}
		// The Code asks for the workstation's suitability and a commitment
		// to keep data secure, among others the prep sheet lists.
		if j.Says("suitability") && strings.TrimSpace(p.Equipment.Workspace) == "" {
			c.add("law.statement-missing", "equipment.workspace", "add `workspace:` under `equipment:`: the Act asks how suitable the workstation is")
		}
		if j.Says("suitability") && strings.TrimSpace(p.Equipment.Security) == "" {
			c.add("law.statement-missing", "equipment.security", "add `security:` under `equipment:`: the Code asks for a commitment to keep company data secure")
		}
	}
	for _, r := range j.Changed(sent) {
		c.add("law.changed", "jurisdiction", r.ID)
	}
	if j.Accommodation && law.Medical(p.Private.Motivation) {
		route := "in " + the(j.Name) + ", a reasonable adjustment"
		if j.Code == "US" {
			route = "in the United States, a reasonable accommodation under the Americans with Disabilities Act"
		}
		c.add("law.accommodation", "private.motivation", route)
	}
}

// the writes a country's name inside a sentence: "the United States".
func the(name string) string {
	name, _, _ = strings.Cut(name, " (") // "Great Britain (England, Wales and Scotland)"
	if rest, ok := strings.CutPrefix(name, "The "); ok {
		return "the " + rest
	}
	return name
}

// reachable is whether the proposal says how the employee stays reachable:
// the proposal's communication section has something to show.
func reachable(p *proposal.Proposal) bool {
	c := p.Communication
	return len(c.Channels) > 0 || c.ResponseTime != "" || len(c.CheckIns) > 0 || c.StatusReport != "" ||
		len(c.Promises) > 0 || p.Arrangement.CoreHours.Start.Set
}
