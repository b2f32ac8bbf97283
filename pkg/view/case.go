package view

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
func policy(p *proposal.Proposal, st *Lang) Policy {
	pol := p.Company.Policy
	v := Policy{
		Name:       Escape(pol.Name),
		Reference:  Escape(pol.Reference),
		Summary:    Escape(unquote(pol.Summary)),
		Exceptions: Escape(unquote(pol.Exceptions)),
		Effective:  st.date(pol.Effective),
	}
	v.Any = v.Name != "" || v.Summary != "" || v.Reference != ""
	fit := p.PolicyFit()
	v.Known, v.Exceeds = fit.Known, fit.Exceeds
	if fit.Known {
		v.Limit = st.say("policyLimit", map[string]any{"ByPercent": fit.ByPercent, "Days": fit.LimitDays, "Percent": st.Percent(float64(fit.LimitPercent), 0)})
		v.Asked = st.say("policyAsked", map[string]any{"ByPercent": fit.ByPercent, "Days": fit.AskedDays, "Percent": st.Percent(float64(fit.AskedPercent), 0)})
	}
	v.ExceptionsQuoted = v.Exceptions != "" && strings.Contains(strings.ToLower(v.Summary), strings.ToLower(strings.TrimRight(v.Exceptions, ".")))
	return v
}

// milestones are the trial's dates in the order they fall: a trial that
// ends on a Saturday is reviewed on the Friday before, and the table says
// so in that order.
func milestones(p *proposal.Proposal, st *Lang) []Milestone {
	d := p.Derived
	type dated struct {
		m    Milestone
		at   proposal.Date
		rank int
	}
	begin := "begins"
	moving := p.Move.To != "" || !p.Move.Date.IsZero()
	switch {
	case p.Scenario == proposal.ScenarioKeepRemote:
		begin = "measures"
	case moving:
		begin = "arrangement"
	}
	name := func(kind string) string { return st.say("milestone", kind) }
	// The check-in carries its day, and the day asked for when it moved:
	// the template says why.
	checkIn := Milestone{Name: name("check-in"), Day: d.TrialStart.DaysUntil(d.CheckIn) + 1}
	if m, ok := p.CheckInMoved(); ok {
		checkIn.Asked = d.TrialStart.DaysUntil(m.Asked) + 1
		checkIn.Holiday = Escape(m.Holiday)
		if m.Weekend {
			checkIn.Weekday = st.Weekday(m.Asked.Weekday())
		}
		days := append(slices.Clone(p.Arrangement.RemoteDays), p.Arrangement.OfficeDays...)
		if !m.Weekend && m.Holiday == "" && !slices.Contains(days, proposal.Weekday(m.Asked.Weekday())) {
			checkIn.DayOff = true // a part-time week's day off
		}
	}
	ms := []dated{
		{Milestone{Name: name(begin)}, d.TrialStart, 0},
		{checkIn, d.CheckIn, 1},
	}
	// The trial ends on its last working day: a Saturday, a holiday or a
	// day off after the review is no day anyone works.
	last := p.PreviousWorkday(d.TrialEnd)
	if days := append(slices.Clone(p.Arrangement.RemoteDays), p.Arrangement.OfficeDays...); len(days) > 0 {
		// A part-time week ends on the person's own last working day.
		for i := 0; i < 7 && !slices.Contains(days, proposal.Weekday(last.Weekday())); i++ {
			last = p.PreviousWorkday(last.AddDays(-1))
		}
	}
	switch {
	case p.Scenario == proposal.ScenarioKeepRemote || moving:
		// A review period, or a move: a lasting arrangement with a review,
		// and no end to put in a table.
		ms = append(ms, dated{Milestone{Name: name("review")}, d.Review, 2})
	case last == d.Review:
		ms = append(ms, dated{Milestone{Name: name("ends-review")}, d.Review, 2})
	default:
		ms = append(ms, dated{Milestone{Name: name("ends")}, last, 3}, dated{Milestone{Name: name("review")}, d.Review, 2})
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
	// A term of the contract changes only by agreement: a clause that let
	// either side change it on notice would give the arrangement away.
	return v.lang.say("offerClause", map[string]string{"Pattern": v.Pattern, "Hours": v.Hours, "Start": v.StartShort, "Review": v.ReviewDate})
}

// maxWhy is how many reasons to say yes the one-pager gives: the strongest
// four; more would crowd the page and dilute them.
const maxWhy = 4

// why picks the one-pager's reasons to say yes, strongest first: what was
// agreed in writing and the remote record (in keep-remote these lead), the
// strongest result, the top benefit, and one citation.
func why(v *Public) []WhyItem {
	l := v.lang
	var out []WhyItem
	add := func(kind, text string) { out = append(out, WhyItem{Kind: kind, Label: l.say("why", kind), Text: text}) }
	// What is in writing, worded to its strength: a posting is "as
	// advertised", never "in writing" as if agreed; what was only said is
	// left to the proposal. The quote is kept whole.
	if a := v.Agreement; a.Written {
		kind := "written"
		if a.Strength == StrengthDescribed || a.Strength == StrengthAdvertised {
			kind = "offered"
			if a.Strength == StrengthAdvertised {
				kind = "advertised"
			}
		}
		both := a.Advertised != "" && a.Terms != ""
		add(kind, l.say("why.written", map[string]any{"Advertised": a.Advertised, "Terms": a.Terms, "Document": a.Document, "Date": a.Date, "Both": both}))
	}
	if rs := v.Performance.RemoteRecord; len(rs) > 0 {
		r := rs[0]
		add("record", l.say("why.record", map[string]string{"Delivered": strings.TrimRight(r.Delivered, "."), "Period": r.Period, "Arrangement": r.Arrangement}))
	} else if res := strongestResult(v.Performance); res != "" {
		add("record", sentence(res))
	}
	// The commute is the employee's gain, not the team's: it is never
	// given as the reason the team should say yes.
	if len(v.Benefits) > 0 {
		add("team", sentence(v.Benefits[0]))
	}
	pol := v.Policy
	policy := map[string]string{"Name": pol.Name, "Reference": pol.Reference, "Limit": pol.Limit, "Exceptions": pol.Exceptions}
	if v.Scenario == string(proposal.ScenarioKeepRemote) && v.Exception {
		policy["Kind"] = "exception"
		add("policy", l.say("why.policy", policy))
	} else if v.Scenario != string(proposal.ScenarioKeepRemote) && pol.Known {
		// Where the request stands against the written limit is what a
		// manager checks first: within it, or the exception it asks for.
		switch {
		case !pol.Exceeds:
			policy["Kind"] = "within"
		case v.Exception:
			policy["Kind"] = "above-exception"
		default:
			policy["Kind"] = "above"
		}
		add("policy", l.say("why.policy", policy))
	}
	for _, pr := range v.Precedents {
		if !proposal.Hedged(pr) {
			add("precedent", sentence(pr))
			break
		}
	}
	// The first finding that covers the arrangement asked for: the
	// library's one-line form, checked against the finding, or the user's
	// own data as they wrote it.
	for _, c := range v.Citations {
		if !c.Fits || c.Balance {
			continue
		}
		switch {
		case c.Own:
			add("own-data", c.Claim)
		case c.Report:
			add("elsewhere", c.Claim)
		default:
			add("research", sentence(c.Short))
		}
		break
	}
	return out[:min(len(out), maxWhy)]
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
		letter job advert advertisement contract message note posting listing agreement signed once twice when we us if more fewer less better phone call video meeting conversation interview chat`) {
		commonWords[w] = true
	}
}

// Clip is a text Condensed had to cut at a word, with an ellipsis, because
// not even its first sentence or clause fit: the field it comes from, for
// a warning placed at it, and the text as the one-pager prints it.
type Clip struct {
	Field string
	Text  string
}

// Condensed returns a copy of the view for a one-pager that needs more
// room: at most maxMetrics measures, the rest counted in MoreMetrics, and
// each run-on line of its own making shortened to about maxRunes (the
// reasons to say yes to no fewer than 140, and 90 at the tightest): to its
// first whole sentences or clauses when they fit, else cut at a word with
// an ellipsis, each such cut returned as a Clip. A quotation is never cut
// inside: it is kept whole or to its first whole sentence.
// Research is never cut (a shortened finding can say more than the study
// found); below 150 it is left out instead. Zero leaves that limit off.
func (v *Public) Condensed(maxMetrics, maxRunes int) (*Public, []Clip) {
	c := *v
	if c.Trial != nil && maxMetrics > 0 && len(c.Trial.Metrics) > maxMetrics {
		t := *c.Trial
		c.MoreMetrics = len(t.Metrics) - maxMetrics
		t.Metrics = t.Metrics[:maxMetrics]
		c.Trial = &t
	}
	if maxRunes <= 0 {
		return &c, nil
	}
	var clips []Clip
	short := func(s string, max int, field string) string {
		out, clipped := shortenIn(s, max, v.lang.marks())
		if clipped {
			clips = append(clips, Clip{Field: v.fieldOf(s, field), Text: out})
		}
		return out
	}
	c.Why = nil
	for _, w := range v.Why {
		if (w.Kind == "research" || w.Kind == "own-data" || w.Kind == "elsewhere") && maxRunes < 150 {
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
		c.Why = append(c.Why, WhyItem{w.Kind, w.Label, short(w.Text, max(maxRunes, floor), whyFields[w.Kind])})
	}
	c.ResponseTime = short(v.ResponseTime, maxRunes, "communication.response_time")
	c.CheckIns = nil
	for i, ci := range v.CheckIns {
		c.CheckIns = append(c.CheckIns, CheckIn{ci.Cadence, short(ci.Format, maxRunes*2/3, fmt.Sprintf("communication.check_ins[%d].format", i))})
	}
	c.Risks = nil
	for _, r := range v.Risks {
		c.Risks = append(c.Risks, Risk{r.Risk, short(r.Mitigation, maxRunes, "")})
	}
	c.ManagerKeeps = nil
	for _, k := range v.ManagerKeeps {
		if maxRunes < 100 && slices.Contains(v.Promises, k) {
			continue // at the tightest, the promises are left to the proposal
		}
		c.ManagerKeeps = append(c.ManagerKeeps, short(k, maxRunes, "communication.promises"))
	}
	return &c, clips
}

// whyFields are the fields each reason to say yes is written from, for a
// reason that matches no single answer (fieldOf).
var whyFields = map[string]string{
	"written": "agreement.terms",
	"record":  "performance",
	"team":    "benefits[0]",
	"policy":  "company.policy.exceptions",
}

// fieldOf names the answer an escaped line of the one-pager was written
// from: the longest of the user's texts that the line holds, else
// fallback.
func (v *Public) fieldOf(line, fallback string) string {
	line = strings.ToLower(line)
	field, longest := fallback, 0
	for _, t := range v.Texts {
		e := strings.ToLower(strings.TrimRight(Escape(strings.TrimSpace(t.Value)), "."))
		if len(e) > longest && len(e) >= 8 && strings.Contains(line, e) {
			field, longest = t.Field, len(e)
		}
	}
	return field
}

// shorten shortens escaped text to about max runes, and reports whether
// it had to cut at a word. Text that fits is returned as it is. Otherwise
// it keeps the longest run of whole sentences that fits, or of whole
// clauses (ending before "; ", a dash, ", and ", " (" and the like; see
// boundaries) when that is much longer; only when none fits is the text
// cut at a word, with an ellipsis. A quotation is never cut inside except
// after a sentence of it: when no boundary fits and the cut would fall
// inside a quotation, the text is kept to its first boundary, longer
// than max, rather than misquote.
func shorten(s string, max int) (string, bool) { return shortenIn(s, max, englishMarks) }

// marks are a language's quotation marks, which shortening never cuts
// between.
type marks struct{ open, close rune }

var englishMarks = marks{'“', '”'}

// marks returns the language's quotation marks.
func (l *Lang) marks() marks {
	if l == nil {
		return englishMarks // a view built by hand, in a test
	}
	q := []rune(strings.Trim(l.Quote("\x00"), "\u202f\u00a0 "))
	open, close := q[0], q[len(q)-1]
	return marks{open, close}
}

// shortenIn is shorten for text in a language whose quotation marks are q.
func shortenIn(s string, max int, q marks) (string, bool) {
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	var sentence, clause, first string
	for _, b := range boundaries(s, q) {
		kept := b.text
		if first == "" {
			first = kept
		}
		if utf8.RuneCountInString(kept) > max {
			continue
		}
		if b.sentence && len(kept) > len(sentence) {
			sentence = kept
		}
		if len(kept) > len(clause) {
			clause = kept
		}
	}
	switch {
	case sentence != "" && 2*len(sentence) >= len(clause):
		return sentence, false
	case clause != "":
		return clause, false
	}
	rs := []rune(s)
	head := string(rs[:max])
	if open := quoteOpenAt(s, len(head), q); open >= 0 {
		if first != "" {
			return first, false
		}
		return s, false
	}
	i := strings.LastIndex(head, " ")
	if i <= 0 {
		return head + "…", true
	}
	cut := strings.TrimRight(head[:i], " ,;:(—–\\") + "…"
	if strings.Count(cut, "(") > strings.Count(cut, ")") {
		cut += ")"
	}
	return cut, true
}

// boundary is a place text can be shortened to and still read as a
// complete thought: text is what is kept, closed as the whole was (a full
// stop when the text ended in one, a closing quotation mark when the end
// falls inside a quotation).
type boundary struct {
	text     string
	sentence bool // ends a sentence, rather than a clause
}

// clauseEnds end a clause: what comes before them can stand on its own.
// A colon ends one only when it does not open a quotation.
var clauseEnds = []string{"; ", " — ", " – ", ": ", " (", ", and ", ", but ", ", so ", ", or ", ", which ", ", while ", ", where "}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"vs": true, "etc": true, "approx": true, "no": true, "inc": true, "ltd": true, "co": true, "jr": true,
	"sr": true, "fig": true, "p": true, "pp": true, "vol": true, "dept": true, "corp": true}

// boundaries returns the places s can be shortened to, first to last: the
// ends of its sentences, and the ends of its clauses outside parentheses
// and quotations. Each keeps at least three words (a sentence two), so
// that "Daily: written update" is never shortened to "Daily".
func boundaries(s string, q marks) []boundary {
	full := strings.TrimRight(s, "”’\"\\)* "+string(q.close)+"\u202f")
	stop := strings.HasSuffix(full, ".") || strings.HasSuffix(full, "!") || strings.HasSuffix(full, "?")
	var out []boundary
	depth, quoted := 0, false
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		case q.open:
			quoted = true
		case q.close:
			quoted = false
		}
		rest := s[i:]
		if r == '.' || r == '!' || r == '?' {
			if end, ok := sentenceEnd(s, i, q); ok && depth == 0 {
				kept := s[:end]
				if quoteOpenAt(s, end, q) >= 0 {
					kept += string(q.close)
				}
				if words(kept) >= 2 {
					out = append(out, boundary{kept, true})
				}
			}
			continue
		}
		// A clause before a quotation is no place to stop: the quotation
		// is what the line is for.
		if depth > 0 || quoted || strings.ContainsRune(rest, q.open) {
			continue
		}
		for _, sep := range clauseEnds {
			if !strings.HasPrefix(rest, sep) {
				continue
			}
			if sep == ": " && strings.HasPrefix(strings.TrimLeft(rest[2:], "*_\u202f\u00a0"), string(q.open)) {
				break // a colon that opens a quotation leads into it
			}
			if (sep == ", and " || sep == ", or ") && listBefore(s[:i]) {
				break // the last item of a list, not a clause
			}
			kept := strings.TrimRight(s[:i], " ,;:")
			if stop {
				kept += "."
			}
			if words(kept) >= 3 {
				out = append(out, boundary{kept, false})
			}
			break
		}
	}
	return out
}

// sentenceEnd reports whether the full stop, exclamation or question mark
// at s[i] ends a sentence (it is followed by a space and a capital, a
// digit or an opening mark, and it ends no abbreviation such as "a.m." or
// "Dr."), and returns where the sentence ends, after any closing marks.
func sentenceEnd(s string, i int, qm marks) (int, bool) {
	end := i + 1
	for closed := true; closed; {
		closed = false
		for _, q := range []string{"”", "’", `"`, ")", "*", "_", "\u202f" + string(qm.close), string(qm.close)} {
			if strings.HasPrefix(s[end:], q) {
				end += len(q)
				closed = true
			}
		}
	}
	if !strings.HasPrefix(s[end:], " ") {
		return 0, false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[end+1:], "*_\\"))
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("“‘(\"", next) && next != qm.open {
		return 0, false
	}
	if s[i] == '.' {
		word := s[:i]
		if j := strings.LastIndexAny(word, " (“"); j >= 0 {
			word = word[j+1:]
		}
		word = strings.TrimLeft(word, "(“‘\"")
		if strings.Contains(word, ".") || abbreviations[strings.ToLower(word)] || len([]rune(word)) == 1 && unicode.IsUpper([]rune(word)[0]) {
			return 0, false
		}
	}
	return end, true
}

// listBefore reports whether the text before ", and" or ", or" ends a
// list ("Slack, email, and Zoom"): its last clause holds another comma.
func listBefore(s string) bool {
	last := s
	for _, sep := range []string{"; ", ". ", " — ", " – ", ": "} {
		if j := strings.LastIndex(last, sep); j >= 0 {
			last = last[j+len(sep):]
		}
	}
	return strings.Contains(last, ", ")
}

// quoteOpenAt returns where the quotation that is open at byte n of s
// starts, or -1 when none is.
func quoteOpenAt(s string, n int, q marks) int {
	open := -1
	for i, r := range s[:n] {
		switch r {
		case q.open:
			open = i
		case q.close:
			open = -1
		}
	}
	return open
}

// words counts the words of s.
func words(s string) int { return len(strings.Fields(s)) }

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
