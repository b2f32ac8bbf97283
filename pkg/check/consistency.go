package check

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/propose-cli/propose/pkg/fastre"
	"github.com/propose-cli/propose/pkg/proposal"
)

// The rules in this file read the request across its fields, as a careful
// manager reads it: a number of days in a sentence against the days asked,
// a meeting on a remote day, time away inside core hours, a target below
// today, a figure with no source, a reply that answers nothing.

// arguing are the fields where the request makes its case in the user's
// own sentences: where a figure, a number of days or a time is a claim.
var arguing = fastre.MustCompile(`^(benefits|output_tracking|arrangement\.(remote_work|in_person_commitments)|communication\.(promises|response_time|check_ins)|reask\.reasons\[\d+\]\.response|performance\.highlights|company\.precedents)`)

// dayCount is a number of remote days written in a sentence: "two remote
// days a week", "3 days from home", "cut the request to two days".
var dayCount = fastre.MustCompile(`(?i)\b(one|two|three|four|five|1|2|3|4|5)\s+(remote\s+|home\s+|wfh\s+)?days?\b(\s+(a|per|each)\s+week|\s+(remote|from home|at home|wfh))?`)

var numberWord = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}

// daysInText finds a sentence that speaks of remote days in a number other
// than the days asked for.
func (c *checker) daysInText() {
	asked := len(c.p.Arrangement.RemoteDays)
	if asked == 0 {
		return
	}
	for _, t := range c.p.PublicTexts() {
		// A precedent speaks of other people's days; what is in writing
		// about the role speaks of the days asked for.
		if !(arguing.MatchString(t.Field) || t.Field == "agreement.terms") || strings.HasPrefix(t.Field, "company.precedents") {
			continue
		}
		for _, m := range dayCount.FindAllStringSubmatch(t.Value, -1) {
			// Only a count said to be remote days, or days a week, is a
			// claim about the arrangement: "two days of onboarding" is not.
			if m[2] == "" && m[3] == "" {
				continue
			}
			n, ok := numberWord[strings.ToLower(m[1])]
			if !ok {
				n, _ = strconv.Atoi(m[1])
			}
			if n != asked && !strings.Contains(strings.ToLower(t.Value), "instead of") {
				// The fix is the days or the sentence; the manager's
				// question is about the days asked for.
				c.add("consistency.days-in-text", "arrangement.remote_days", short(t.Value))
				return
			}
		}
	}
}

// weekdayWords find a weekday in a sentence, as people write it.
var weekdayWords = fastre.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|mon|tues?|wed|thu(?:rs?)?|fri)s?\b`)

// inPersonOnRemoteDay finds an in-person commitment, or a check-in held in
// the room, on a day asked for as remote.
func (c *checker) inPersonOnRemoteDay() {
	p := c.p
	remote := map[string]bool{}
	for _, d := range p.Arrangement.RemoteDays {
		remote[strings.ToLower(d.String())[:3]] = true
	}
	check := func(field, text string) bool {
		for _, m := range weekdayWords.FindAllStringSubmatch(text, -1) {
			if remote[strings.ToLower(m[1])[:3]] {
				c.add("consistency.in-person-on-remote-day", "arrangement.remote_days", short(text))
				return true
			}
		}
		return false
	}
	for i, s := range p.Arrangement.InPersonCommitments {
		if check(fmt.Sprintf("arrangement.in_person_commitments[%d]", i), s) {
			return
		}
	}
	for i, ci := range p.Communication.CheckIns {
		if inRoom.MatchString(ci.Format) && check(fmt.Sprintf("communication.check_ins[%d].format", i), ci.Format) {
			return
		}
	}
}

// inRoom marks a meeting held in person.
var inRoom = fastre.MustCompile(`(?i)(in person|in the room|in the office|on site|onsite|face to face|face-to-face)`)

// away marks time away from work in a sentence: a school run, an
// appointment, time offline.
var away = fastre.MustCompile(`(?i)(offline|unavailable|not available|away from|pick ?up|pick the|school|bus|daycare|nursery|appointment|gym|walk the dog|errand)`)

// clockRange finds a time or a range of times: "2:45–3:30", "3pm",
// "15:00-15:30", "between 3 and 4".
var clockRange = fastre.MustCompile(`(?i)\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*(?:-|–|—|to|until)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?`)

// offlineInCoreHours finds time away, written with a time of day, inside
// the core hours promised.
func (c *checker) offlineInCoreHours() {
	ch := c.p.Arrangement.CoreHours
	if !ch.Start.Set || !ch.End.Set {
		return
	}
	start, end := ch.Start.Hour()*60+ch.Start.Minute(), ch.End.Hour()*60+ch.End.Minute()
	for _, t := range c.p.PublicTexts() {
		if !arguing.MatchString(t.Field) || !away.MatchString(t.Value) {
			continue
		}
		for _, m := range clockRange.FindAllStringSubmatch(t.Value, -1) {
			if m[2] == "" && m[3] == "" && m[4] == "" {
				continue // a bare number is no time of day
			}
			at := minutesOf(m[1], m[2], m[3]+m[6], start)
			if at > start && at < end {
				c.add("consistency.offline-in-core-hours", t.Field, short(t.Value))
				return
			}
		}
	}
}

// minutesOf reads a time of day; without am or pm, an hour that would
// fall before the working day starts is read as the afternoon ("3" is
// 15:00 for someone who starts at 8).
func minutesOf(h, m, ampm string, dayStart int) int {
	hour, _ := strconv.Atoi(h)
	min, _ := strconv.Atoi(m)
	ampm = strings.ToLower(strings.ReplaceAll(ampm, ".", ""))
	switch {
	case strings.HasPrefix(ampm, "pm") && hour < 12:
		hour += 12
	case strings.HasPrefix(ampm, "am") && hour == 12:
		hour = 0
	case ampm == "" && hour < 12 && hour*60 < dayStart:
		hour += 12
	}
	return hour*60 + min
}

// targetBelowBaseline finds a target worse than the measure's baseline.
func (c *checker) targetBelowBaseline() {
	for i, m := range c.p.Trial.Metrics {
		if m.Baseline == "" || m.Target == "" {
			continue
		}
		base, ok1 := proposal.Compared(m.Target, m.Baseline)
		target, ok2 := proposal.Compared(m.Target, m.Target)
		if !ok1 || !ok2 {
			continue
		}
		better := proposal.Better(m.Target)
		if better == 0 {
			better = 1
			if proposal.Unit(m.Target) == "minutes" {
				better = -1
			}
		}
		// A little slack on a good figure is no plan to do less: worse by a
		// tenth or more of the figure (of the scale, for "4.5 of 5"; of 100,
		// for a percentage) is.
		scale := math.Abs(base)
		switch u := proposal.Unit(m.Target); {
		case u == "%":
			scale = 100
		case strings.HasPrefix(u, "of "):
			if whole, err := strconv.ParseFloat(strings.TrimPrefix(u, "of "), 64); err == nil {
				scale = whole
			}
		}
		// A reply time is often set with room to spare: under an hour
		// against 45 minutes today is no plan to be slower; two hours
		// against twelve minutes is.
		share := 0.1
		if proposal.Unit(m.Target) == "minutes" {
			share = 0.5
		}
		if (base-target)*float64(better) > 0 && math.Abs(base-target) >= share*scale {
			c.add("consistency.target-below-baseline", fmt.Sprintf("trial.metrics[%d].target", i), short(m.Name))
		}
	}
}

// rareStatus finds a monthly summary in a trial of six weeks or less.
func (c *checker) rareStatus() {
	p := c.p
	if p.HasTrial() && p.Trial.LengthDays <= 45 && p.Communication.StatusReport == "monthly" {
		c.add("consistency.rare-status", "communication.status_report", "")
	}
}

// figure is a statistic in a sentence: a percentage, "13% more", "50%
// less likely", a sum of money a year, or a study named as proof.
var figure = fastre.MustCompile(`((?i:\d+(?:[.,]\d+)?\s?%|\$\s?\d[\d,]*|€\s?\d[\d,]*|£\s?\d[\d,]*|\b(studies|research|surveys?|data|experts?)\s+(show|shows|prove|proves|found|finds|suggest|suggests)\b|\b(stanford|harvard|gallup|forbes|mckinsey|gartner|owl labs)\b|\b(landmark|famous) study\b|everyone knows)|\bMIT\b)`)

// unsourcedFigure finds a statistic in the request's own sentences that
// neither the user's record nor a cited finding carries.
func (c *checker) unsourcedFigure() {
	for _, t := range c.p.PublicTexts() {
		if !arguing.MatchString(t.Field) || strings.HasPrefix(t.Field, "performance") {
			continue // the user's own record is theirs to state
		}
		if m := figure.FindString(t.Value); m != "" {
			c.add("evidence.unsourced-figure", t.Field, short(m))
		}
	}
	// A finding of the user's own whose source no one can look up.
	for i, e := range c.p.Evidence {
		if e.ID == "" && vagueSource.MatchString(e.Source) && !regexp.MustCompile(`\d{4}`).MatchString(e.Source) {
			c.add("evidence.unsourced-figure", fmt.Sprintf("evidence[%d].source", i), short(e.Source))
		}
	}
}

// vagueSource is a source named by its outlet alone: "Forbes", "an article
// I read on LinkedIn".
var vagueSource = fastre.MustCompile(`(?i)^\s*(forbes|linkedin|an? (article|post|blog)|a study|studies|the internet|online|google|chatgpt|someone|i read)`)

// sayNothing are answers that name a thing and say nothing about it.
var sayNothing = fastre.MustCompile(`(?i)^\s*(yes|yep|fine|good|ok|okay|internet|wi-?fi|wifi|broadband|i have (internet|wi-?fi|wifi|broadband|a laptop)|laptop|computer|pc|home|at home|my home|house|kitchen( table)?|living room|bedroom|sofa|couch|dining (room|table)|kitchen table for now)\s*\.?\s*$`)

// sharedRoom is a workspace in a room others live in.
var sharedRoom = fastre.MustCompile(`(?i)\b(living room|kitchen|sofa|couch|dining (room|table)|lounge)\b`)

// vagueEquipment finds a connection or a workspace answered in a word, or
// a workspace in a room the household shares.
func (c *checker) vagueEquipment() {
	e := c.p.Equipment
	for _, f := range []struct{ field, value string }{
		{"equipment.connectivity", e.Connectivity},
		{"equipment.workspace", e.Workspace},
	} {
		if f.value != "" && (sayNothing.MatchString(f.value) || f.field == "equipment.workspace" && sharedRoom.MatchString(f.value)) {
			c.add("coverage.vague-equipment", f.field, short(f.value))
		}
	}
}

// generic are answers to a reason that promise without saying anything.
var generic = fastre.MustCompile(`(?i)^\s*(we('ll| will)|i('ll| will)|it will|trust me|will discuss|to be discussed|tbd|i promise|no problem|don'?t worry|that won'?t|it won'?t)\b`)

// reaskAnswers finds a reason answered with a promise and no substance,
// and a re-ask for the very day a reason was given against.
func (c *checker) reaskAnswers() {
	p := c.p
	if p.Scenario != proposal.ScenarioReask {
		return
	}
	remote := map[string]bool{}
	for _, d := range p.Arrangement.RemoteDays {
		remote[strings.ToLower(d.String())[:3]] = true
	}
	for i, r := range p.Reask.Reasons {
		resp := strings.TrimSpace(r.Response)
		words := len(strings.Fields(resp))
		if resp == proposal.GeneratedReaskResponse || (generic.MatchString(resp) && !digit.MatchString(resp) && words < 12) || words < 4 {
			c.add("reask.generic-answer", fmt.Sprintf("reask.reasons[%d].response", i), short(resp))
		}
		for _, m := range weekdayWords.FindAllStringSubmatch(r.Reason, -1) {
			if remote[strings.ToLower(m[1])[:3]] {
				c.add("reask.refused-day", "arrangement.remote_days", short(r.Reason))
				break
			}
		}
	}
}

// policyWords and precedentWords find a policy or a precedent mentioned in
// passing in a benefit.
var (
	policyWords    = fastre.MustCompile(`(?i)\b(policy|handbook|guidelines|hr rules?)\b`)
	precedentWords = fastre.MustCompile(`(?i)\b(already (work|works|do|does|have|has)|other (teams?|people|colleagues)|colleagues|same setup|(the|our) \w+ team (works|has|already))\b`)
)

// inText finds a policy or a precedent named only in a benefit, where the
// documents cannot quote it as one.
func (c *checker) inText() {
	p := c.p
	pol := p.Company.Policy
	noPolicy := pol.Name == "" && pol.Summary == "" && pol.Reference == ""
	for i, b := range p.Benefits {
		if (noPolicy && policyWords.MatchString(b)) || (len(p.Company.Precedents) == 0 && precedentWords.MatchString(b)) {
			c.add("fairness.in-text", fmt.Sprintf("benefits[%d]", i), short(b))
		}
	}
}

// toolsOnly is a line of output tracking that names tools and nothing they
// show: "Jira and GitHub".
var toolsOnly = fastre.MustCompile(`(?i)^\s*(the\s+)?[\w.-]+(\s*(,|and|&|/|\+)\s*[\w.-]+)*\s*\.?\s*$`)

// vagueTracking finds output tracking that names tools and says nothing of
// what the manager will see in them, or when.
func (c *checker) vagueTracking() {
	for i, s := range c.p.OutputTracking {
		if len(strings.Fields(s)) <= 4 && toolsOnly.MatchString(s) && !digit.MatchString(s) {
			c.add("coverage.vague-tracking", fmt.Sprintf("output_tracking[%d]", i), short(s))
		}
	}
}

// boilerplate is the language of a drafted case that says nothing about
// this job: "a strategic necessity", "employer of choice".
var boilerplate = fastre.MustCompile(`(?i)(strategic (necessity|imperative)|employer of choice|competitive (talent|hiring) (landscape|market)|in today'?s (world|landscape|environment|economy|workplace)|future of work|paradigm|synerg|win-win|new normal|thrive|best version of)`)

// draftedCase finds benefits in a drafted language that says nothing about
// the job.
func (c *checker) draftedCase() {
	for i, b := range c.p.Benefits {
		if m := boilerplate.FindString(b); m != "" {
			c.add("framing.boilerplate", fmt.Sprintf("benefits[%d]", i), short(m))
		}
	}
}

// personalDevice finds work on sensitive data planned on a device of the
// user's own.
func (c *checker) personalDevice() {
	m := c.sensitive()
	if m == "" {
		return
	}
	for i, it := range c.p.Equipment.Items {
		if it.ProvidedBy == "me" && deviceWords.MatchString(it.Name) {
			c.add("coverage.personal-device", fmt.Sprintf("equipment.items[%d]", i), m)
			return
		}
	}
}

var deviceWords = fastre.MustCompile(`(?i)\b(laptop|computer|pc|desktop|macbook|tablet|phone)\b`)

// reaskSoon finds a second request made within two months of the first
// no, with too little time to have changed anything.
func (c *checker) reaskSoon() {
	p := c.p
	if p.Scenario == proposal.ScenarioReask && !p.Reask.DeniedOn.IsZero() && p.Date.Before(p.Reask.DeniedOn.AddDays(60)) {
		c.add("timing.reask-too-soon", "reask.denied_on", p.Reask.DeniedOn.String())
	}
}
