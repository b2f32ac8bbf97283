package view

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/propose-cli/propose/pkg/proposal"
)

// nbsp joins the parts of a date, so that a date never breaks across lines.
const nbsp = "\u00a0"

// lines escapes list items that each start a line of a document, with a
// capital letter, as a careful writer would set them.
func lines(items []string) []string {
	var out []string
	for _, s := range items {
		if e := Escape(capitalize(s)); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func records(rs []proposal.RemoteRecord) []Record {
	var out []Record
	for _, r := range rs {
		out = append(out, Record{
			Period:      Escape(r.Period),
			Arrangement: Escape(lowerFirst(r.Arrangement)),
			Delivered:   Escape(capitalize(r.Delivered)),
		})
	}
	return out
}

// policy quotes the company's policy and compares the request with its
// limit, when it gives one.
func policy(p *proposal.Proposal) Policy {
	pol := p.Company.Policy
	v := Policy{
		Name:       Escape(pol.Name),
		Reference:  Escape(pol.Reference),
		Summary:    Escape(unquote(pol.Summary)),
		Exceptions: Escape(unquote(pol.Exceptions)),
		Effective:  styleFor(p.Paper).date(pol.Effective),
	}
	v.Any = v.Name != "" || v.Summary != "" || v.Reference != ""
	fit := p.PolicyFit()
	v.Known, v.Exceeds, v.Limit, v.Asked = fit.Known, fit.Exceeds, fit.Limit, fit.Asked
	return v
}

// noticePhrase writes a notice period as people say it: "two weeks’
// notice" for 14 days, "10 days’ notice" otherwise.
func noticePhrase(days int) string {
	switch {
	case days <= 0:
		return ""
	case days == 7:
		return "one week’s notice"
	case days%7 == 0:
		return count(days/7) + " weeks’ notice"
	case days == 1:
		return "one day’s notice"
	}
	return count(days) + " days’ notice"
}

// milestones are the trial's dates in the order they fall: a trial that
// ends on a Saturday is reviewed on the Friday before, and the table says
// so in that order.
func milestones(p *proposal.Proposal, st dateStyle) []Milestone {
	d := p.Derived
	type dated struct {
		m    Milestone
		at   proposal.Date
		rank int
	}
	begin, end := "Trial begins", "Trial ends"
	switch {
	case p.Scenario == proposal.ScenarioKeepRemote:
		begin = "Measures start"
	case p.Move.To != "" || !p.Move.Date.IsZero():
		begin, end = "Arrangement begins", "Review period ends"
	}
	// The check-in carries its day, and the day asked for when it moved:
	// the template says why.
	checkIn := Milestone{Name: "Check-in", Day: d.TrialStart.DaysUntil(d.CheckIn) + 1}
	if m, ok := p.CheckInMoved(); ok {
		checkIn.Asked = d.TrialStart.DaysUntil(m.Asked) + 1
		checkIn.Holiday = Escape(m.Holiday)
		if m.Weekend {
			checkIn.Weekday = m.Asked.Weekday().String()
		}
	}
	ms := []dated{
		{Milestone{Name: begin}, d.TrialStart, 0},
		{checkIn, d.CheckIn, 1},
	}
	switch {
	case p.Scenario == proposal.ScenarioKeepRemote:
		ms = append(ms, dated{Milestone{Name: "Review together"}, d.Review, 2})
	case d.TrialEnd == d.Review:
		ms = append(ms, dated{Milestone{Name: end + "; review together"}, d.Review, 2})
	default:
		ms = append(ms, dated{Milestone{Name: end}, d.TrialEnd, 3}, dated{Milestone{Name: "Review together"}, d.Review, 2})
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].at != ms[j].at {
			return ms[i].at.Before(ms[j].at)
		}
		return ms[i].rank < ms[j].rank
	})
	var out []Milestone
	for _, m := range ms {
		m.m.Date = st.longDate(m.at)
		out = append(out, m.m)
	}
	return out
}

// offerClause is the sentence a candidate asks to have written into the
// offer letter: the working pattern, the hours, the review and the notice.
func offerClause(v *Public) string {
	if v.Scenario != string(proposal.ScenarioOffer) {
		return ""
	}
	c := "The employee will work " + strings.TrimPrefix(v.Pattern, "working ")
	if v.Hours != "" {
		c += ", with core hours of " + v.Hours + " on every working day"
	}
	if v.StartShort != "" {
		c += ", from " + v.StartShort
	}
	c += "."
	// A term of the contract changes only by agreement: a clause that let
	// either side change it on notice would give the arrangement away.
	if v.ReviewDate != "" {
		c += " The arrangement will be reviewed together on " + v.ReviewDate + ";"
	} else {
		c += " The arrangement will be reviewed together after three months;"
	}
	c += " any change to it will be agreed in writing."
	return c
}

// why picks the one-pager's reasons to say yes, strongest first: what was
// agreed in writing and the remote record (in keep-remote these lead), the
// strongest result, the top benefit, and one citation.
func why(v *Public) []WhyItem {
	var out []WhyItem
	// What is in writing, worded to its strength: a posting is "as
	// advertised", never "in writing" as if agreed; what was only said is
	// left to the proposal. The quote is kept whole.
	if a := v.Agreement; a.Written {
		label, text := "In writing", ""
		if a.Strength == StrengthDescribed || a.Strength == StrengthAdvertised {
			label = "As offered"
			if a.Strength == StrengthAdvertised {
				label = "As advertised"
			}
		}
		if a.Advertised != "" && (a.Terms != "" || a.Strength != StrengthAdvertised) {
			text = "Advertised as “" + a.Advertised + "”; "
		}
		switch {
		case a.Terms == "":
			text = "“" + sentence(a.Advertised) + "”"
		case a.Document != "":
			doc := a.Document
			if text != "" {
				doc = lowerFirst(Document(doc))
			} else {
				doc = capitalize(doc)
			}
			text += doc
			if a.Date != "" {
				text += " (" + a.Date + ")"
			}
			text += ": “" + sentence(a.Terms) + "”"
		default:
			text += "“" + sentence(a.Terms) + "”"
		}
		out = append(out, WhyItem{label, text})
	}
	if rs := v.Performance.RemoteRecord; len(rs) > 0 {
		r := rs[0]
		period := r.Period
		if r.Arrangement != "" {
			period += ", " + r.Arrangement
		}
		out = append(out, WhyItem{"Record", strings.TrimRight(r.Delivered, ".") + " (" + lowerFirst(period) + ")."})
	} else if res := strongestResult(v.Performance); res != "" {
		out = append(out, WhyItem{"Record", sentence(res)})
	}
	// The commute is the employee's gain, not the team's: it is never
	// given as the reason the team should say yes.
	if len(v.Benefits) > 0 {
		out = append(out, WhyItem{"For the team", sentence(v.Benefits[0])})
	}
	if pol := v.Policy; v.Scenario == string(proposal.ScenarioKeepRemote) && v.Exception {
		name := "the new policy"
		if pol.Name != "" {
			name = "the " + pol.Name
		}
		if pol.Reference != "" {
			name += " (" + pol.Reference + ")"
		}
		text := "An exception to " + name
		if pol.Exceptions != "" {
			text += ", whose exception clause says: “" + sentence(capitalize(pol.Exceptions)) + "”"
		} else {
			text += "."
		}
		out = append(out, WhyItem{"The policy", text})
	}
	// The first finding that covers the arrangement asked for: the
	// library's one-line form, checked against the finding, or the user's
	// own data as they wrote it.
	for _, c := range v.Citations {
		if !c.Fits || c.Balance {
			continue
		}
		if c.Own {
			out = append(out, WhyItem{"Our data", c.Claim})
		} else {
			out = append(out, WhyItem{"Research", sentence(c.Short)})
		}
		break
	}
	return out
}

// strongestResult is the result most likely to persuade: one in numbers,
// else a highlight, else recognition.
func strongestResult(p Performance) string {
	for _, list := range [][]string{p.Metrics, p.Highlights, p.Recognition} {
		if len(list) > 0 {
			return list[0]
		}
	}
	return ""
}

// lowerFirst lower-cases the first letter of text that continues a
// sentence, when its first word is a common word (an article, a
// possessive, a number, an adverb such as "fully") that only started with
// a capital because it started a line. A name keeps its capital, since a
// name is never on the list.
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if !commonWords[strings.ToLower(strings.Trim(word, ",.;:"))] || word == strings.ToUpper(word) && len(word) > 1 {
		return s
	}
	r := []rune(s)
	return string(unicode.ToLower(r[0])) + string(r[1:])
}

// commonWords start a phrase without being names.
var commonWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the my our your his her their this that these those one two three four
		five six seven eight nine ten every each all some most no any fully mostly partly part full hybrid remote
		remotely working work in on at with from since for by to of weekly daily monthly quarterly written home
		office exceptions exception up only first last next new company dedicated shared quiet offer email e-mail
		letter job advert advertisement contract message note posting listing agreement signed once twice when we us if`) {
		commonWords[w] = true
	}
}

// Condensed returns a copy of the view for a one-pager that needs more
// room: at most maxMetrics measures, the rest counted in MoreMetrics, and
// each run-on line of its own making cut to about maxRunes, at a clause or
// a word, with an ellipsis (the reasons to say yes to no fewer than 140,
// and 90 at the tightest).
// Research is never cut (a shortened finding can say more than the study
// found); below 150 it is left out instead. Zero leaves that limit off.
func (v *Public) Condensed(maxMetrics, maxRunes int) *Public {
	c := *v
	if c.Trial != nil && maxMetrics > 0 && len(c.Trial.Metrics) > maxMetrics {
		t := *c.Trial
		c.MoreMetrics = len(t.Metrics) - maxMetrics
		t.Metrics = t.Metrics[:maxMetrics]
		c.Trial = &t
	}
	if maxRunes <= 0 {
		return &c
	}
	c.Why = nil
	for _, w := range v.Why {
		if (w.Label == "Research" || w.Label == "Our data") && maxRunes < 150 {
			continue
		}
		if maxRunes < 100 && len(c.Why) == 2 {
			break // at the tightest, the two strongest reasons
		}
		// The reasons to say yes are cut last, and least.
		floor := 140
		if maxRunes < 90 {
			floor = 90
		}
		c.Why = append(c.Why, WhyItem{w.Label, shorten(w.Text, max(maxRunes, floor))})
	}
	c.ResponseTime = shorten(v.ResponseTime, maxRunes)
	c.CheckIns = nil
	for _, ci := range v.CheckIns {
		c.CheckIns = append(c.CheckIns, CheckIn{ci.Cadence, shorten(ci.Format, maxRunes*2/3)})
	}
	c.Risks = nil
	for _, r := range v.Risks {
		c.Risks = append(c.Risks, Risk{r.Risk, shorten(r.Mitigation, maxRunes)})
	}
	c.ManagerKeeps = nil
	for _, k := range v.ManagerKeeps {
		if maxRunes < 100 && slices.Contains(v.Promises, k) {
			continue // at the tightest, the promises are left to the proposal
		}
		c.ManagerKeeps = append(c.ManagerKeeps, shorten(k, maxRunes))
	}
	return &c
}

// shorten cuts escaped text to about max runes: at the end of a clause
// (a semicolon or a dash) when one ends past half of it, else at a word,
// with an ellipsis. Text that fits is returned as it is.
func shorten(s string, max int) string {
	rs := []rune(s)
	if len(rs) <= max {
		return s
	}
	head := string(rs[:max])
	for _, sep := range []string{"; ", " — ", " – "} {
		if i := strings.LastIndex(head, sep); i > len(head)/2 {
			return strings.TrimRight(head[:i], " ,") + "."
		}
	}
	i := strings.LastIndex(head, " ")
	if i <= 0 {
		return head + "…"
	}
	cut := strings.TrimRight(head[:i], " ,;:(—–\\") + "…"
	if strings.Count(cut, "(") > strings.Count(cut, ")") {
		cut += ")"
	}
	if strings.Count(cut, "“") > strings.Count(cut, "”") {
		cut += "”"
	}
	return cut
}

// Cut is a list Capped shortened: the field and how many of its items
// are shown.
type Cut struct {
	Field     string
	Shown, Of int
}

// Capped returns a copy of the view with each long list of the user's
// (results, benefits, precedents and the like) cut to its first n items,
// for a proposal that must keep to its length, and the lists it cut.
// The measures of the trial and the citations are never cut.
func (v *Public) Capped(n int) (*Public, []Cut) {
	c := *v
	var cuts []Cut
	capList := func(field string, list *[]string) {
		if len(*list) > n {
			cuts = append(cuts, Cut{field, n, len(*list)})
			*list = (*list)[:n:n]
		}
	}
	capList("performance.highlights", &c.Performance.Highlights)
	capList("performance.metrics", &c.Performance.Metrics)
	capList("performance.recognition", &c.Performance.Recognition)
	capList("benefits", &c.Benefits)
	capList("arrangement.remote_work", &c.RemoteWork)
	capList("arrangement.in_person_commitments", &c.InPerson)
	capList("output_tracking", &c.OutputTracking)
	capList("company.precedents", &c.Precedents)
	capList("communication.promises", &c.Promises)
	if len(c.Performance.RemoteRecord) > n {
		cuts = append(cuts, Cut{"performance.remote_record", n, len(c.Performance.RemoteRecord)})
		c.Performance.RemoteRecord = c.Performance.RemoteRecord[:n:n]
	}
	if len(c.Items) > n {
		cuts = append(cuts, Cut{"equipment.items", n, len(c.Items)})
		c.Items = c.Items[:n:n]
	}
	return &c, cuts
}

// themeWords are words that place an objection the user expects under a
// common theme, so that the prep sheet does not answer it twice.
var themeWords = map[string][]string{
	"visibility":    {"see", "visib", "know what", "working on", "track", "slack off", "productiv", "reach", "availab", "respon"},
	"collaboration": {"collaborat", "team", "together", "in the office", "in person", "culture", "meeting"},
	"mentoring":     {"junior", "learn", "mentor", "new starter", "newer", "onboard", "train"},
	"fairness":      {"everyone will", "everyone else", "fair", "precedent", "applies to all", "applies to everyone", "exception", "policy"},
	"security":      {"secur", "data", "confidential", "privacy", "gdpr", "hipaa"},
}

// add marks the themes an objection the user wrote covers.
func (t Themes) add(objection string) Themes {
	o := strings.ToLower(objection)
	has := func(theme string) bool {
		for _, w := range themeWords[theme] {
			if strings.Contains(o, w) {
				return true
			}
		}
		return false
	}
	t.Visibility = t.Visibility || has("visibility")
	t.Collaboration = t.Collaboration || has("collaboration")
	t.Mentoring = t.Mentoring || has("mentoring")
	t.Fairness = t.Fairness || has("fairness")
	t.Security = t.Security || has("security")
	return t
}

// commuteDays is how many journeys a week the arrangement saves: each
// remote day, or in keep-remote the remote days beyond what the order
// allows, which are the days it would otherwise add.
func commuteDays(p *proposal.Proposal, remote int) int {
	if p.Scenario != proposal.ScenarioKeepRemote {
		return remote
	}
	pol := p.Company.Policy
	working := remote + len(p.Arrangement.OfficeDays)
	switch {
	case pol.MaxRemoteDays > 0:
		return max(0, remote-pol.MaxRemoteDays)
	case pol.MaxRemotePercent > 0:
		return max(0, remote-pol.MaxRemotePercent*working/100)
	}
	return remote
}

// mentions reports whether any of the texts holds any of the words, in
// any case.
func mentions(texts []proposal.Text, words ...string) bool {
	for _, t := range texts {
		v := strings.ToLower(t.Value)
		for _, w := range words {
			if strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

// unquote takes the quotation marks off text the user quoted, since the
// documents quote it themselves.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{"“", "”"}, {`"`, `"`}, {"‘", "’"}, {"'", "'"}, {"„", "“"}, {"«", "»"}} {
		if inner, ok := strings.CutPrefix(s, q[0]); ok {
			if inner, ok := strings.CutSuffix(inner, q[1]); ok && !strings.Contains(inner, q[1]) {
				return strings.TrimSpace(inner)
			}
		}
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
