package proposal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Marshal writes a proposal in the file format, with a comment above each
// section saying what it is for, so the file reads well and can be edited by
// hand. Empty fields are left out; Load reads the result back unchanged.
func Marshal(p *Proposal) []byte {
	w := &yamlWriter{}
	w.comment("A request for remote or hybrid work, read by `propose render`.")
	w.comment("Everything under private: is for you alone; it never reaches your manager.")
	w.scalar(0, "version", strconv.Itoa(max(p.Version, Version)))
	w.str(0, "scenario", string(p.Scenario))
	if !p.Date.IsZero() {
		w.scalar(0, "date", p.Date.String())
	}
	w.str(0, "paper", p.Paper)

	if w.section("\nWho is asking.", 0, "employee", p.Employee != Employee{}) {
		e := p.Employee
		w.str(1, "name", e.Name)
		w.str(1, "title", e.Title)
		w.str(1, "team", e.Team)
		w.str(1, "email", e.Email)
		if e.CommuteMinutes > 0 {
			w.scalar(1, "commute_minutes", strconv.Itoa(e.CommuteMinutes))
		}
	}
	if w.section("\nWho decides.", 0, "manager", p.Manager != Manager{}) {
		w.str(1, "name", p.Manager.Name)
		w.str(1, "title", p.Manager.Title)
		w.str(1, "email", p.Manager.Email)
	}
	c := p.Company
	if w.section("\nYour employer, its flexible-work policy and colleagues who already work this way.", 0, "company",
		c.Name != "" || c.Policy != Policy{} || len(c.Precedents) > 0) {
		w.str(1, "name", c.Name)
		if w.section("", 1, "policy", c.Policy != Policy{}) {
			w.str(2, "name", c.Policy.Name)
			w.str(2, "reference", c.Policy.Reference)
			w.str(2, "summary", c.Policy.Summary)
		}
		w.list(1, "precedents", c.Precedents)
	}
	a := p.Arrangement
	if w.section("\nThe arrangement you ask for. Days: monday to friday (or mon to fri).", 0, "arrangement",
		a.Type != "" || len(a.RemoteDays)+len(a.OfficeDays)+len(a.RemoteWork)+len(a.InPersonCommitments) > 0 ||
			a.CoreHours != (CoreHours{}) || !a.Start.IsZero() || a.RemoteLocation != "") {
		w.str(1, "type", a.Type)
		w.days(1, "remote_days", a.RemoteDays)
		w.days(1, "office_days", a.OfficeDays)
		if w.section("", 1, "core_hours", a.CoreHours.Start.Set || a.CoreHours.End.Set || a.CoreHours.Timezone != "") {
			if a.CoreHours.Start.Set {
				w.scalar(2, "start", strconv.Quote(a.CoreHours.Start.String()))
			}
			if a.CoreHours.End.Set {
				w.scalar(2, "end", strconv.Quote(a.CoreHours.End.String()))
			}
			w.str(2, "timezone", a.CoreHours.Timezone)
		}
		if !a.Start.IsZero() {
			w.scalar(1, "start", a.Start.String())
		}
		w.str(1, "remote_location", a.RemoteLocation)
		w.list(1, "remote_work", a.RemoteWork)
		w.list(1, "in_person_commitments", a.InPersonCommitments)
	}
	cm := p.Communication
	if w.section("\nHow your manager and team reach you, and hear from you.", 0, "communication",
		len(cm.Channels) > 0 || cm.ResponseTime != "" || len(cm.CheckIns) > 0 || cm.StatusReport != "") {
		w.inlineList(1, "channels", cm.Channels)
		w.str(1, "response_time", cm.ResponseTime)
		if len(cm.CheckIns) > 0 {
			w.key(1, "check_ins")
			for _, ci := range cm.CheckIns {
				w.item(2, "cadence", ci.Cadence)
				w.str(3, "format", ci.Format)
			}
		}
		w.str(1, "status_report", cm.StatusReport)
	}
	if len(p.OutputTracking) > 0 {
		w.comment("\nHow your manager can see the work without seeing you.")
		w.list(0, "output_tracking", p.OutputTracking)
	}
	eq := p.Equipment
	if w.section("\nWhat the remote workplace runs on. provided_by: company or me.", 0, "equipment",
		len(eq.Items) > 0 || eq.Connectivity != "" || eq.Workspace != "" || eq.Security != "") {
		if len(eq.Items) > 0 {
			w.key(1, "items")
			for _, it := range eq.Items {
				w.item(2, "name", it.Name)
				w.str(3, "provided_by", it.ProvidedBy)
			}
		}
		w.str(1, "connectivity", eq.Connectivity)
		w.str(1, "workspace", eq.Workspace)
		w.str(1, "security", eq.Security)
	}
	t := p.Trial
	if w.section("\nThe trial: 30 to 90 days, a check-in, notice either side can give, and how success is measured.", 0, "trial",
		t.LengthDays > 0 || len(t.Metrics) > 0) {
		w.int(1, "length_days", t.LengthDays)
		w.int(1, "check_in_day", t.CheckInDay)
		w.int(1, "notice_days", t.NoticeDays)
		if len(t.Metrics) > 0 {
			w.key(1, "metrics")
			for _, m := range t.Metrics {
				w.item(2, "name", m.Name)
				w.str(3, "baseline", m.Baseline)
				w.str(3, "target", m.Target)
				w.str(3, "measured_by", m.MeasuredBy)
			}
		}
	}
	pf := p.Performance
	if w.section("\nYour recent track record.", 0, "performance", len(pf.Highlights)+len(pf.Metrics)+len(pf.Recognition) > 0) {
		w.list(1, "highlights", pf.Highlights)
		w.list(1, "metrics", pf.Metrics)
		w.list(1, "recognition", pf.Recognition)
	}
	if len(p.Benefits) > 0 {
		w.comment("\nThe business case, in your words.")
		w.list(0, "benefits", p.Benefits)
	}
	if len(p.Evidence) > 0 {
		w.comment("\nResearch to cite: ids from `propose evidence`, or your own {finding, source, url}.")
		if ids := EvidenceIDs(p.Evidence); len(ids) == len(p.Evidence) {
			w.inlineList(0, "evidence", ids)
		} else {
			w.key(0, "evidence")
			for _, e := range p.Evidence {
				if e.ID != "" {
					w.b.WriteString("  - " + quoteYAML(e.ID) + "\n")
					continue
				}
				w.item(1, "finding", e.Finding)
				w.str(2, "source", e.Source)
				w.str(2, "url", e.URL)
			}
		}
	}
	if w.section("\nThe earlier \"no\" and how this proposal answers each reason.", 0, "reask",
		!p.Reask.DeniedOn.IsZero() || len(p.Reask.Reasons) > 0) {
		if !p.Reask.DeniedOn.IsZero() {
			w.scalar(1, "denied_on", p.Reask.DeniedOn.String())
		}
		if len(p.Reask.Reasons) > 0 {
			w.key(1, "reasons")
			for _, r := range p.Reask.Reasons {
				w.item(2, "reason", r.Reason)
				w.str(3, "response", r.Response)
			}
		}
	}
	if w.section("\nThe offer being negotiated.", 0, "offer", p.Offer != Offer{}) {
		w.str(1, "role", p.Offer.Role)
		w.str(1, "recruiter", p.Offer.Recruiter)
	}
	pr := p.Private
	if w.section("\nPRIVATE: for your prep sheet only. Never shown to your manager.", 0, "private",
		pr.Motivation != "" || pr.Alternatives != "" || pr.Fallback != "" || len(pr.Objections) > 0) {
		w.str(1, "motivation", pr.Motivation)
		w.str(1, "alternatives", pr.Alternatives)
		w.str(1, "fallback", pr.Fallback)
		if len(pr.Objections) > 0 {
			w.key(1, "objections")
			for _, o := range pr.Objections {
				w.item(2, "objection", o.Objection)
				w.str(3, "response", o.Response)
			}
		}
	}
	return w.b.Bytes()
}

type yamlWriter struct{ b bytes.Buffer }

func (w *yamlWriter) indent(level int) { w.b.WriteString(strings.Repeat("  ", level)) }

func (w *yamlWriter) comment(text string) {
	for strings.HasPrefix(text, "\n") {
		w.b.WriteByte('\n')
		text = text[1:]
	}
	w.b.WriteString("# " + text + "\n")
}

// section writes a comment and the section's key when it has content.
func (w *yamlWriter) section(comment string, level int, key string, has bool) bool {
	if !has {
		return false
	}
	if comment != "" {
		w.comment(comment)
	}
	w.key(level, key)
	return true
}

func (w *yamlWriter) key(level int, key string) {
	w.indent(level)
	w.b.WriteString(key + ":\n")
}

func (w *yamlWriter) scalar(level int, key, value string) {
	w.indent(level)
	w.b.WriteString(key + ": " + value + "\n")
}

func (w *yamlWriter) str(level int, key, value string) {
	if value != "" {
		w.scalar(level, key, quoteYAML(value))
	}
}

func (w *yamlWriter) int(level int, key string, n int) {
	if n != 0 {
		w.scalar(level, key, strconv.Itoa(n))
	}
}

// item starts a list item whose first key is key.
func (w *yamlWriter) item(level int, key, value string) {
	w.indent(level - 1)
	w.b.WriteString("  - " + key + ": " + quoteYAML(value) + "\n")
}

func (w *yamlWriter) list(level int, key string, items []string) {
	if len(items) == 0 {
		return
	}
	w.key(level, key)
	for _, it := range items {
		w.indent(level)
		w.b.WriteString("  - " + quoteYAML(it) + "\n")
	}
}

func (w *yamlWriter) inlineList(level int, key string, items []string) {
	if len(items) == 0 {
		return
	}
	quoted := make([]string, len(items))
	for i, it := range items {
		quoted[i] = quoteYAML(it)
		if strings.ContainsAny(quoted[i], ",[]{}") && !strings.HasPrefix(quoted[i], `"`) {
			quoted[i] = jsonQuote(it)
		}
	}
	w.scalar(level, key, "["+strings.Join(quoted, ", ")+"]")
}

func (w *yamlWriter) days(level int, key string, days []Weekday) {
	if len(days) == 0 {
		return
	}
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = d.Key()
	}
	w.scalar(level, key, "["+strings.Join(names, ", ")+"]")
}

// plainSafe matches text YAML reads back as the same string without quotes:
// it starts with a letter or digit and holds no character YAML gives a
// meaning to in a plain scalar.
var plainSafe = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N} .,;'’“”()/&%€$+=—–@§-]*$`)

// looksTyped matches plain text YAML would read as something else: a
// number, a boolean, a null, a date or a time.
var looksTyped = regexp.MustCompile(`(?i)^([-+]?[0-9][0-9_.,:eE+-]*|true|false|yes|no|on|off|y|n|null|~|[0-9]{4}-[0-9]{2}-[0-9]{2}.*)$`)

func quoteYAML(s string) string {
	if plainSafe.MatchString(s) && !looksTyped.MatchString(s) && !strings.HasSuffix(s, " ") {
		return s
	}
	return jsonQuote(s)
}

// jsonQuote writes s as a double-quoted scalar; JSON strings are valid YAML.
func jsonQuote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
