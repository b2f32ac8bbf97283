package wizard

import (
	"slices"
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/proposal"
)

// parts are the parts of the run, in the order a person tells their story.
// Each asks the fields of its sections by path; a field added to a section
// of the model is asked where its declaration puts it, with no change here.
func (f *Flow) parts() []*part {
	if f.plan == nil {
		f.plan = []*part{
			{title: "Your situation", intro: "A few questions about where you stand decide how the documents are framed.",
				build: func(b *builder) { b.field("scenario"); b.field("paper"); b.field("language") }},
			{title: "You", intro: "How the proposal is signed.",
				build: func(b *builder) { b.fields("employee") }},
			{title: "Your manager and company", intro: "Who decides, and what your company already allows.",
				build: func(b *builder) {
					b.fields("manager")
					b.fields("company")
					if b.f.P.Scenario == proposal.ScenarioKeepRemote {
						b.section("demand")
					}
					b.section("agreement")
				}},
			{title: "The arrangement", intro: "The days, hours and start date you are asking for.",
				build: func(b *builder) {
					b.fields("arrangement")
					b.field("region")
					b.field("jurisdiction")
					if b.f.P.Scenario != proposal.ScenarioOffer {
						b.section("move")
					}
				}},
			{title: "Communication", intro: "How your manager and team reach you, and hear from you. Over-communicating wins trials.",
				build: func(b *builder) { b.fields("communication") }},
			{title: "How your manager sees the work", intro: "What shows progress without seeing you at your desk.",
				build: func(b *builder) { b.field("output_tracking") }},
			{title: "Equipment and workspace", intro: "Answers the “can you actually work from there?” question.",
				build: func(b *builder) { b.fields("equipment") }},
			{title: "The trial", intro: "A trial keeps your manager in control: a check-in, a review, and notice either side can give.",
				applies: func(p *proposal.Proposal) bool { return p.Scenario.UsesTrial() },
				build:   func(b *builder) { b.fields("trial") }},
			{title: "A review period", intro: "Offer a dated review against measures: your manager keeps control, and the arrangement is not put on trial.",
				applies: func(p *proposal.Proposal) bool { return p.Scenario == proposal.ScenarioKeepRemote },
				build:   func(b *builder) { b.section("trial") }},
			{title: "Your track record", intro: "Ask from strength: recent results, in numbers where you can.",
				build: func(b *builder) { b.fields("performance") }},
			{title: "The business case", intro: "Frame it as output and retention, not a perk.",
				build: func(b *builder) { b.field("benefits"); b.f.evidence(b) }},
			{title: "The earlier “no”", intro: "Answer each reason you were given; that is what makes a second request different.",
				applies: func(p *proposal.Proposal) bool { return p.Scenario == proposal.ScenarioReask },
				build:   func(b *builder) { b.fields("reask") }},
			{title: "The offer", intro: "Flexibility belongs in the offer letter, not in a later favour.",
				applies: func(p *proposal.Proposal) bool { return p.Scenario == proposal.ScenarioOffer },
				build:   func(b *builder) { b.fields("offer") }},
			{title: "Private: for you alone",
				intro: "These answers go on your prep sheet only. They never appear in anything your manager sees.",
				build: func(b *builder) { b.fields("private") }},
		}
	}
	return f.plan
}

// custom returns how the flow asks the field at a generic path its own
// way, or nil for a field asked as declared.
func (f *Flow) custom(path string) func(b *builder, path string) {
	switch path {
	case "arrangement.type":
		return f.arrangementType
	case "arrangement.remote_days":
		return f.remoteDays
	case "communication.check_ins":
		return f.checkIns
	case "demand.where":
		// Where to is a relocation's question only.
		return func(b *builder, path string) {
			if f.P.Demand.Change == "relocate" {
				b.field(path)
			}
		}
	}
	return nil
}

// arrangementType asks hybrid or remote; a change resets the days, which
// follow from it.
func (f *Flow) arrangementType(b *builder, path string) {
	fd := proposal.MustLookup(path)
	b.add(&question{id: path, title: fd.Ask, field: path, ask: func(w Where) error {
		before := f.P.Arrangement.Type
		if err := f.askField(path, fd, fd.Ask, w); err != nil {
			return err
		}
		if a := &f.P.Arrangement; a.Type != before {
			a.OfficeDays = nil
			if a.Type == "remote" {
				a.RemoteDays = nil
			}
		}
		return nil
	}})
}

var weekdayOptions = []Option{
	{"monday", "Monday"}, {"tuesday", "Tuesday"}, {"wednesday", "Wednesday"}, {"thursday", "Thursday"}, {"friday", "Friday"},
}

// remoteDays asks which days are remote, for a hybrid arrangement; the
// office days are then the other weekdays.
func (f *Flow) remoteDays(b *builder, path string) {
	if f.P.Arrangement.Type == "remote" {
		return
	}
	fd := proposal.MustLookup(path)
	b.add(&question{id: path, title: fd.Ask, field: path, ask: func(w Where) error {
		defaults := f.P.List(path)
		if len(defaults) == 0 && !f.isAnswered(path) {
			defaults = strings.Split(strings.ReplaceAll(fd.Suggest, " ", ""), ",")
		}
		for {
			days, err := f.Ask.MultiSelect(Field{Title: fd.Ask, Help: fd.Help, Where: w}, weekdayOptions, defaults)
			if err != nil {
				return err
			}
			c := f.P.Clone()
			c.Arrangement.OfficeDays = nil
			err = c.SetList(path, days)
			if err == nil {
				err = proposal.FieldError(c, path, f.Today)
			}
			if err != nil {
				if err := f.Ask.Section("", "✗ "+err.Error()); err != nil {
					return err
				}
				defaults = days
				continue
			}
			f.P.Arrangement.RemoteDays, f.P.Arrangement.OfficeDays = c.Arrangement.RemoteDays, nil
			return nil
		}
	}})
}

// suggestedStart is the first Monday at least a week after today.
func suggestedStart(today proposal.Date) proposal.Date {
	d := today.AddDays(7)
	for d.Weekday() != time.Monday {
		d = d.AddDays(1)
	}
	return d
}

// standardCheckIns are the check-ins offered in one answer.
var standardCheckIns = []proposal.CheckIn{
	{Cadence: "daily", Format: "Written update on what I am working on"},
	{Cadence: "weekly", Format: "30-minute video 1:1"},
}

// checkIns offers the usual check-ins in one yes; no asks for the user's
// own, one at a time.
func (f *Flow) checkIns(b *builder, path string) {
	fd := proposal.MustLookup(path)
	id := path + "?"
	standard := func() bool {
		if yes, ok := f.yesNo[id]; ok {
			return yes
		}
		if cur := f.P.Communication.CheckIns; len(cur) > 0 {
			return slices.Equal(cur, standardCheckIns)
		}
		return !f.isAnswered(id)
	}
	b.add(&question{id: id, title: fd.Ask, field: path, ask: func(w Where) error {
		yes, err := f.Ask.Confirm(Field{Title: fd.Ask, Help: fd.Help, Where: w}, standard())
		if err != nil {
			return err
		}
		f.yesNo[id] = yes
		c := &f.P.Communication
		if yes {
			c.CheckIns = slices.Clone(standardCheckIns)
		} else if slices.Equal(c.CheckIns, standardCheckIns) {
			c.CheckIns = nil
		}
		return nil
	}})
	if !standard() {
		// The gate's help ("say no to set your own") is not the items'.
		b.itemsAdding(path, 0, "", func(i int) string { return addTitle(i, fd.Item) })
	}
}

// evidence asks which verified findings to cite, then for findings of the
// user's own, each with its source.
func (f *Flow) evidence(b *builder) {
	const path = "evidence"
	fd := proposal.MustLookup(path)
	b.add(&question{id: path, title: fd.Ask, field: path, ask: func(w Where) error {
		var opts []Option
		for _, c := range evidence.All(evidence.Supporting) {
			opts = append(opts, Option{Key: c.ID, Label: c.Short})
		}
		defaults := proposal.EvidenceIDs(f.P.Evidence)
		if len(defaults) == 0 && !f.isAnswered(path) && f.P.Arrangement.Type == "hybrid" {
			// The hybrid trial is the finding that fits a hybrid request;
			// nothing is suggested for full remote, which it does not cover.
			defaults = []string{"bloom-2024-nature"}
		}
		ids, err := f.Ask.MultiSelect(Field{Title: fd.Ask, Help: fd.Help, Where: w}, opts, defaults)
		if err != nil {
			return err
		}
		// The library's ids first, then the user's own findings.
		var refs []proposal.EvidenceRef
		for _, id := range ids {
			refs = append(refs, proposal.EvidenceRef{ID: id})
		}
		for _, e := range f.P.Evidence {
			if e.ID == "" {
				refs = append(refs, e)
			}
		}
		f.P.Evidence = refs
		return nil
	}})
	b.itemsAdding(path, f.firstItem(path), "A company survey or your team’s numbers, with where they come from.", func(i int) string {
		if i == 0 {
			return "Add a finding of your own?"
		}
		return "Add another finding of your own?"
	})
}
