package wizard

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/proposal"
)

// Flow is the question flow. It fills P in place and calls Save after
// every answer, so nothing is lost when the user stops.
//
// The questions are worked out afresh from the answers so far before each
// one is asked: a yes can open a group, a new success metric adds its
// questions. So going back, changing the scenario or adding an item never
// leaves the list of questions out of step with the proposal.
type Flow struct {
	P     *proposal.Proposal
	Ask   Prompter
	Today proposal.Date
	Save  func(*proposal.Proposal, Progress) error
	// Zone is the IANA name of the local time zone, offered for core
	// hours; "" when unknown.
	Zone string
	// Resume continues a stopped run after the question it names, with its
	// yes-or-no answers. The zero Progress starts at the first question.
	Resume Progress
	// Review goes through every question from the first, Resume's answers
	// shown as the answers; the questions after Resume.At still offer
	// their suggestions.
	Review bool
	// Editing says P holds the user's own answers (propose new --from): an
	// empty field was left empty on purpose and gets no suggestion.
	Editing bool

	yesNo    map[string]bool
	answered map[string]bool
	at       string  // the id of the last question answered
	plan     []*part // the parts of the run, made once
}

// question is one question of the run.
type question struct {
	id    string
	title string
	part  *part // the part of the run it belongs to
	// field is the path of the field the question fills, "" for a question
	// that holds no data of its own; a part whose fields are all empty is
	// left out of the documents, and the user is told.
	field string
	ask   func(w Where) error
}

// part is a group of questions with a heading: "You", "The trial".
type part struct {
	title, intro string
	applies      func(p *proposal.Proposal) bool // nil: always
	build        func(b *builder)
}

// builder collects the questions of a run.
type builder struct {
	f    *Flow
	part *part
	qs   []*question
}

func (b *builder) add(q *question) {
	q.part = b.part
	b.qs = append(b.qs, q)
}

// questions works out the questions of the run from the answers so far.
func (f *Flow) questions() []*question {
	b := &builder{f: f}
	// Until the scenario is chosen, the parts are those of the suggested one.
	judge := f.P
	if judge.Scenario == "" {
		judge = &proposal.Proposal{Scenario: proposal.Scenario(proposal.MustLookup("scenario").Suggest)}
	}
	for _, pt := range f.parts() {
		if pt.applies != nil && !pt.applies(judge) {
			continue
		}
		b.part = pt
		pt.build(b)
	}
	return b.qs
}

func indexOf(qs []*question, id string) int {
	for i, q := range qs {
		if q.id == id {
			return i
		}
	}
	return -1
}

// where places question i of qs in the run.
func where(qs []*question, i int) Where {
	w := Where{Section: qs[i].part.title}
	var last *part
	for j, q := range qs {
		if q.part != last {
			w.Sections++
			last = q.part
		}
		if q.part == qs[i].part {
			w.SectionN = w.Sections
			w.Of++
			if j <= i {
				w.N++
			}
		}
	}
	return w
}

func (f *Flow) start() {
	if f.P.Version == 0 {
		f.P.Version = proposal.Version
	}
	f.yesNo = maps.Clone(f.Resume.YesNo)
	if f.yesNo == nil {
		f.yesNo = map[string]bool{}
	}
	f.answered = map[string]bool{}
}

// resumeIndex is where a resumed run starts: after the question the draft
// names, whose predecessors count as answered. A draft that names no
// question still known starts at the first.
func (f *Flow) resumeIndex(qs []*question) int {
	if f.Resume.At == "" {
		return 0
	}
	i := indexOf(qs, f.Resume.At)
	if i < 0 {
		return 0
	}
	for _, q := range qs[:i+1] {
		f.answered[q.id] = true
	}
	f.at = f.Resume.At
	if f.Review {
		return 0
	}
	return i + 1
}

// NextTitle is the question a resumed run starts with, and its part, for
// the user to recognise: "Success metric 2 (Tickets closed): where it
// stands today" in "The trial". Empty when every question was answered.
func (f *Flow) NextTitle() (title, part string) {
	f.start()
	qs := f.questions()
	if i := f.resumeIndex(qs); i < len(qs) {
		return qs[i].title, qs[i].part.title
	}
	return "", ""
}

// Run asks every question that applies, starting after Resume.At. When
// the last is answered and the answers together still break a rule (core
// hours with an end but no start), it asks again the first question
// whose answer the rule is about, saying what is wrong.
func (f *Flow) Run() error {
	f.start()
	qs := f.questions()
	pos := f.resumeIndex(qs)
	shown := map[*part]bool{} // parts whose heading is on screen: going back does not repeat one
	again := map[string]int{} // how often a fault sent the user back to a question
	for {
		qs = f.questions()
		if pos >= len(qs) {
			i, msg := f.firstProblem(qs)
			if i < 0 || again[msg] >= 3 {
				break // done, or a fault the answers here cannot mend: the command reports it
			}
			again[msg]++
			pos = i
			_ = f.Ask.Section("", "✗ "+msg)
		}
		q := qs[pos]
		if !shown[q.part] {
			if err := f.Ask.Section(q.part.title, q.part.intro); err != nil {
				return err
			}
			shown[q.part] = true
		}
		err := q.ask(where(qs, pos))
		switch {
		case errors.Is(err, ErrBack):
			if pos == 0 {
				_ = f.Ask.Section("", "This is the first question.")
			} else {
				pos--
			}
			continue
		case errors.Is(err, ErrInterrupted):
			if f.at != "" {
				_ = f.save() // the yes-or-no answers since the last save
			}
			return err
		case err != nil:
			return err
		}
		f.answered[q.id] = true
		f.at = q.id
		if err := f.save(); err != nil {
			return err
		}
		qs = f.questions()
		pos = indexOf(qs, q.id) + 1
		if pos >= len(qs) || qs[pos].part != q.part {
			f.leftOut(qs, q.part)
		}
	}
	tidy(f.P)
	return f.save()
}

// firstProblem finds the first question whose field a rule finds fault
// with, once every question is answered, and the fault; -1 when there is
// none the questions can mend.
func (f *Flow) firstProblem(qs []*question) (int, string) {
	c := f.P.Clone()
	tidy(c)
	ps := proposal.Check(c, f.Today)
	for i, q := range qs {
		for _, pr := range ps {
			if q.field != "" && (pr.Field == q.field || strings.HasPrefix(pr.Field, q.field+".") ||
				strings.HasPrefix(pr.Field, q.field+"[") || strings.HasPrefix(q.field, pr.Field+".")) {
				return i, q.title + ": " + pr.Message()
			}
		}
	}
	return -1, ""
}

// leftOut tells the user when a part they just finished is empty, so its
// section will be missing from the documents.
func (f *Flow) leftOut(qs []*question, pt *part) {
	any := false
	for _, q := range qs {
		if q.part == pt && q.field != "" {
			any = true
			if !f.P.IsEmpty(q.field) {
				return
			}
		}
	}
	if any {
		_ = f.Ask.Section("", "You left “"+pt.title+"” empty, so the documents leave it out.")
	}
}

func (f *Flow) save() error {
	if f.Save == nil {
		return nil
	}
	return f.Save(f.P, Progress{At: f.at, YesNo: maps.Clone(f.yesNo), Editing: f.Editing})
}

// isAnswered reports whether the user has answered the question: in this
// run, before the point a resumed run continues from, or, when editing a
// file, ever.
func (f *Flow) isAnswered(id string) bool { return f.Editing || f.answered[id] }

// tidy drops what the final answers make moot: the sections of other
// scenarios, the remote days of a fully remote arrangement.
func tidy(p *proposal.Proposal) {
	if !p.Scenario.UsesTrial() {
		p.Trial = proposal.Trial{}
	}
	if p.Scenario != proposal.ScenarioReask {
		p.Reask = proposal.Reask{}
	}
	if p.Scenario != proposal.ScenarioOffer {
		p.Offer = proposal.Offer{}
	}
	if p.Arrangement.Type == "remote" {
		p.Arrangement.RemoteDays, p.Arrangement.OfficeDays = nil, nil
	}
}

// ---- Asking by field path ----

// field adds the question that fills the field at path, as its declaration
// asks it.
func (b *builder) field(path string) {
	fd := proposal.MustLookup(path)
	title := b.f.title(path, fd)
	b.add(&question{id: path, title: title, field: path, ask: func(w Where) error {
		return b.f.askField(path, fd, title, w)
	}})
}

// fields adds the questions of a section, in the order the file declares
// them: plain fields by their declarations, a sub-section behind the
// yes-or-no question that opens it, a list of sections item by item. A
// field the flow asks its own way is left to custom.
func (b *builder) fields(path string) {
	sec := proposal.MustLookup(path)
	for _, c := range sec.Fields {
		cp := path + "." + c.Key
		if custom := b.f.custom(proposal.GenericPath(cp)); custom != nil {
			custom(b, cp)
			continue
		}
		b.child(cp, c)
	}
}

// child adds the questions of one field of a section or list item.
func (b *builder) child(path string, c *proposal.Field) {
	switch {
	case c.Kind == proposal.KindSection && c.Ask != "":
		b.gate(path, c, func() { b.fields(path) })
	case c.Kind == proposal.KindSection:
		b.fields(path)
	case c.Kind == proposal.KindItems:
		b.items(path, 0)
	case c.Ask != "":
		b.field(path)
	}
}

// gate adds the yes-or-no question that opens the section at path, and,
// when the answer is yes, what open adds. No clears the section.
func (b *builder) gate(path string, fd *proposal.Field, open func()) {
	f := b.f
	id := path + "?"
	yes := f.gateState(id, path, fd.Suggest == "yes")
	b.add(&question{id: id, title: fd.Ask, ask: func(w Where) error {
		ans, err := f.Ask.Confirm(Field{Title: fd.Ask, Help: fd.Help, Where: w}, f.gateState(id, path, fd.Suggest == "yes"))
		if err != nil {
			return err
		}
		f.yesNo[id] = ans
		if !ans {
			f.P.Clear(path)
		}
		return nil
	}})
	if yes {
		open()
	}
}

// gateState is the answer to a yes-or-no question that opens a section:
// as given, else yes when the section holds something, else the
// suggestion for a question not yet answered.
func (f *Flow) gateState(id, path string, suggest bool) bool {
	if yes, ok := f.yesNo[id]; ok {
		return yes
	}
	if !f.P.IsEmpty(path) {
		return true
	}
	return suggest && !f.isAnswered(id)
}

// items adds the questions of a list of sections, from item from on: each
// item's fields, and before each item after the first required one "Add
// another …?". A list the rules require at least one item of starts with
// its first item's questions.
func (b *builder) items(path string, from int) {
	lf := proposal.MustLookup(path)
	b.itemsAdding(path, from, lf.Help, func(i int) string {
		if i == 0 && lf.Ask != "" {
			return lf.Ask // the list's own question opens it
		}
		return addTitle(i, lf.Item)
	})
}

// section adds the questions of the top-level section at path, behind its
// yes-or-no question when it declares one.
func (b *builder) section(path string) { b.child(path, proposal.MustLookup(path)) }

// itemsAdding is items with its own question before each item, adding(0)
// before the first and adding(1) before the second, with help under the
// first.
func (b *builder) itemsAdding(path string, from int, help string, adding func(i int) string) {
	f := b.f
	lf := proposal.MustLookup(path)
	required := f.needsItems(path)
	n := f.P.Len(path)
	for i := from; ; i++ {
		id := fmt.Sprintf("%s[%d]?", path, i)
		exists := i < n
		if yes, ok := f.yesNo[id]; ok {
			exists = yes
		}
		if i > from || !required {
			h := ""
			if i == from {
				h = help
			}
			b.add(&question{id: id, title: adding(i - from), ask: b.addItem(id, path, i, adding(i-from), h, exists)})
			if !exists {
				return
			}
		}
		for _, c := range lf.Fields {
			if c.Ask != "" {
				b.field(fmt.Sprintf("%s[%d].%s", path, i, c.Key))
			}
		}
	}
}

// addItem asks whether there is an item i; no ends the list there.
func (b *builder) addItem(id, path string, i int, title, help string, exists bool) func(w Where) error {
	f := b.f
	return func(w Where) error {
		yes, err := f.Ask.Confirm(Field{Title: title, Help: help, Where: w}, exists)
		if err != nil {
			return err
		}
		f.yesNo[id] = yes
		if !yes {
			f.P.Truncate(path, i)
		}
		return nil
	}
}

// firstItem is the index of the first item the flow asks about in a list:
// past the library ids for research.
func (f *Flow) firstItem(path string) int {
	if path == "evidence" {
		return len(proposal.EvidenceIDs(f.P.Evidence))
	}
	return 0
}

// needsItems reports whether the rules require at least one item in the
// list at path, as things stand.
func (f *Flow) needsItems(path string) bool {
	c := f.P.Clone()
	c.Truncate(path, 0)
	return proposal.FieldError(c, path, f.Today) != nil
}

func addTitle(i int, what string) string {
	if i > 0 {
		return "Add another " + what + "?"
	}
	if strings.ContainsRune("aeiou", rune(what[0])) {
		return "Add an " + what + "?"
	}
	return "Add a " + what + "?"
}

// title is the question for the field at path. Inside a list item it
// names the item: "Success metric 2 (Tickets closed): where it stands
// today".
func (f *Flow) title(path string, fd *proposal.Field) string {
	list := fd.Parent
	if list == nil || list.Kind != proposal.KindItems {
		return fd.Ask
	}
	open := strings.LastIndex(path, "[")
	close := strings.LastIndex(path, "]")
	var i int
	fmt.Sscan(path[open+1:close], &i)
	itemPath := path[:close+1]
	prefix := fmt.Sprintf("%s %d", capitalize(list.Item), i+1-f.firstItem(list.Path))
	// The item is named by its first field of free text (a metric's name,
	// a finding), except in the question for that field.
	for _, c := range list.Fields {
		if c.Kind == proposal.KindText && len(c.Choices) == 0 && c.Ask != "" {
			if label := f.P.Text(itemPath + "." + c.Key); label != "" && c != fd {
				prefix += " (" + shorten(label, 40) + ")"
			}
			break
		}
	}
	return prefix + ": " + lowerFirst(fd.Ask)
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-1])) + "…"
}

// suggestion is the answer the wizard proposes for an empty field: the
// declared suggestion, a default that is a value, or one worked out from
// the answers so far.
func (f *Flow) suggestion(path string, fd *proposal.Field) string {
	switch proposal.GenericPath(path) {
	case "arrangement.start":
		return suggestedStart(f.Today).String()
	case "arrangement.core_hours.timezone":
		if strings.HasPrefix(f.Zone, "Etc/") || f.Zone == "UTC" {
			return "" // a server's zone, not a person's: show the example instead
		}
		return f.Zone
	case "trial.length_days":
		if f.P.Scenario == proposal.ScenarioReask {
			return "30" // a narrower, shorter trial after a "no"
		}
	case "trial.check_in_day":
		if n := f.P.Trial.LengthDays; n > 0 {
			return fmt.Sprint(n / 2)
		}
	}
	if fd.Suggest != "" {
		return fd.Suggest
	}
	if fd.Default != "" && f.P.Clone().SetText(path, fd.Default) == nil && !strings.Contains(fd.Default, " ") {
		return fd.Default
	}
	return ""
}

// askField asks the question for the field at path and stores the answer.
func (f *Flow) askField(path string, fd *proposal.Field, title string, w Where) error {
	def := f.P.Text(path)
	if def == "" && !f.isAnswered(path) {
		def = f.suggestion(path, fd)
	}
	if path == "trial.check_in_day" && f.P.Trial.CheckInDay >= f.P.Trial.LengthDays && f.P.Trial.LengthDays > 0 {
		def = fmt.Sprint(f.P.Trial.LengthDays / 2) // the trial got shorter than the check-in
	}
	fl := Field{Title: title, Help: fd.Help, Default: def, Where: w, Optional: f.optional(path), Validate: f.check(path)}
	if def == "" {
		fl.Example = fd.Example
	}
	switch {
	case len(fd.Choices) > 0:
		opts := make([]Option, 0, len(fd.Choices)+1)
		for _, c := range fd.Choices {
			opts = append(opts, Option{Key: c.Value, Label: c.Label})
		}
		if fd.None != "" {
			opts = append(opts, Option{Key: "", Label: fd.None})
		}
		ans, err := f.Ask.Select(fl, opts)
		if err != nil {
			return err
		}
		return f.P.SetText(path, ans)
	case fd.Kind == proposal.KindTexts && !fd.Flow:
		items := f.P.List(path)
		if len(items) == 0 && !f.isAnswered(path) && fd.Suggest != "" {
			items = strings.Split(fd.Suggest, "\n") // suggested items, to keep, change or clear
		}
		items, err := f.Ask.List(fl, items)
		if err != nil {
			return err
		}
		if len(items) == 0 && fd.Suggest != "" {
			return f.P.SetNone(path) // the suggestion cleared: none, not the default
		}
		return f.P.SetList(path, items)
	}
	ans, err := f.Ask.Input(fl)
	if err != nil {
		return err
	}
	return f.P.SetText(path, ans)
}

// check returns the check of an answer for the field at path: the answer
// is put into a copy of the proposal and judged as `propose validate`
// would, with its messages; a missing answer is asked for in the wizard's
// words, with the field's example, not the file's syntax.
func (f *Flow) check(path string) func(string) error {
	fd := proposal.MustLookup(path)
	return func(answer string) error {
		c := f.P.Clone()
		if err := c.SetText(path, answer); err != nil {
			return err
		}
		err := proposal.FieldError(c, path, f.Today)
		if err != nil && answer == "" && strings.HasPrefix(err.Error(), "is missing") {
			if ex := cmp.Or(fd.Example, fd.Suggest); ex != "" {
				return fmt.Errorf("this one needs an answer, for example: %s", ex)
			}
			return errors.New("this one needs an answer")
		}
		return err
	}
}

// optional reports whether the field at path may be left empty, as the
// rules stand with the answers so far.
func (f *Flow) optional(path string) bool {
	c := f.P.Clone()
	if c.SetText(path, "") != nil {
		return false
	}
	return proposal.FieldError(c, path, f.Today) == nil
}

// Revisit asks again the questions that fill the fields at paths (and the
// questions a yes among them opens), in the order of the run, with the
// answers given as the answers: the weakest answers, as propose check
// finds them, before the file is written. Going back skips a question.
func (f *Flow) Revisit(paths []string) error {
	f.start()
	done := map[string]bool{}
	shown := map[*part]bool{}
	for {
		qs := f.questions()
		next := slices.IndexFunc(qs, func(q *question) bool { return !done[q.id] && concerns(q, paths) })
		if next < 0 {
			break
		}
		q := qs[next]
		done[q.id] = true
		if !shown[q.part] {
			if err := f.Ask.Section(q.part.title, ""); err != nil {
				return err
			}
			shown[q.part] = true
		}
		err := q.ask(where(qs, next))
		switch {
		case errors.Is(err, ErrBack):
			continue
		case errors.Is(err, ErrInterrupted):
			_ = f.save()
			return err
		case err != nil:
			return err
		}
		f.answered[q.id] = true
		if err := f.save(); err != nil {
			return err
		}
	}
	tidy(f.P)
	return f.save()
}

// concerns reports whether the question fills (or opens) one of the
// fields at paths: "benefits[0]" is asked by the benefits question,
// "arrangement.core_hours" by its yes-or-no question and the questions it
// opens.
func concerns(q *question, paths []string) bool {
	for _, p := range paths {
		for _, own := range []string{q.field, strings.TrimSuffix(q.id, "?")} {
			if own == "" {
				continue
			}
			if own == p || strings.HasPrefix(own, p+".") || strings.HasPrefix(own, p+"[") ||
				strings.HasPrefix(p, own+".") || strings.HasPrefix(p, own+"[") {
				return true
			}
		}
	}
	return false
}
