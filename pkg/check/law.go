package check

import (
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/law"
)

// law checks a request against the law where the employee works: the
// statutory request's lead time, the service it needs, the requests
// already made, its statements, a rule past its change date, and a medical
// reason that the law routes elsewhere.
func (c *checker) law() {
	p := c.p
	j, ok := law.Of(p.Jurisdiction)
	if p.Statutory.Yes() && (!ok || !j.Statutory) {
		where := "where you work"
		if ok {
			where = "in " + the(j.Name)
		}
		c.add("law.no-statutory", "statutory", "there is no statutory request for remote work "+where)
	}
	if !ok {
		return
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	sent, start := p.Date.Time(), p.Arrangement.Start.Time()
	if j.Statutory && p.Statutory.Yes() {
		if by := j.SendBy(start); !by.IsZero() && by.Before(sent) {
			earliest := sent.Sub(by)
			c.add("law.lead-time", "arrangement.start", day(start.Add(earliest)))
		}
		if done := j.ServiceBy(p.Employee.Started.Time()); !done.IsZero() {
			by := start
			if j.ServiceAtRequest {
				by = sent
			}
			if !by.IsZero() && by.Before(done) {
				c.add("law.service", "employee.started", day(done))
			}
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
		if j.Says("suitability") && p.Equipment.Workspace == "" && p.Equipment.Connectivity == "" && p.Equipment.Security == "" {
			c.add("law.statement-missing", "equipment.workspace", "add `workspace:`, `connectivity:` and `security:` under `equipment:`: the Act asks how suitable the location is")
		}
	}
	for _, r := range j.Changed(sent) {
		c.add("law.changed", "jurisdiction", r.ID)
	}
	if j.Accommodation && law.Medical(p.Private.Motivation) {
		c.add("law.accommodation", "private.motivation", the(j.Name))
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
