package wizard

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// Progress is how far a run of the questions got: how many were answered,
// and the yes-or-no answers in order. The other answers are in the draft
// itself; the yes-or-no ones that only open a group of questions are not,
// so they are kept here. Saved with the draft (Comment), it lets a resumed
// run continue at the question where the user stopped.
type Progress struct {
	Answered int
	YesNo    []bool
}

// progressPrefix starts the draft comment that holds a Progress.
const progressPrefix = "# propose new: resume after question "

// Comment is the Progress as a YAML comment line, to append to a draft.
func (p Progress) Comment() string {
	if p.Answered == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(progressPrefix)
	b.WriteString(strconv.Itoa(p.Answered))
	b.WriteString("; yes/no answers:")
	for _, yes := range p.YesNo {
		if yes {
			b.WriteString(" yes")
		} else {
			b.WriteString(" no")
		}
	}
	b.WriteString("\n")
	return b.String()
}

// ParseProgress reads the Progress comment of a draft; a draft without one
// (or with one edited out of shape) gives the zero Progress, which resumes
// at the first question.
func ParseProgress(draft []byte) Progress {
	var last string
	sc := bufio.NewScanner(bytes.NewReader(draft))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), progressPrefix) {
			last = strings.TrimPrefix(sc.Text(), progressPrefix)
		}
	}
	count, answers, ok := strings.Cut(last, "; yes/no answers:")
	n, err := strconv.Atoi(count)
	if !ok || err != nil || n < 0 {
		return Progress{}
	}
	p := Progress{Answered: n}
	for _, w := range strings.Fields(answers) {
		switch w {
		case "yes":
			p.YesNo = append(p.YesNo, true)
		case "no":
			p.YesNo = append(p.YesNo, false)
		default:
			return Progress{}
		}
	}
	return p
}

// Replay is the Prompter of a resumed run. For the first Resume.Answered
// questions it gives the answer the user gave before, without asking: the
// draft's value (the question's default) or the recorded yes or no. From
// there on, or as soon as a replayed answer no longer passes its check (the
// draft was edited), it asks Front. Done records the progress of this run.
type Replay struct {
	Front  Prompter
	Resume Progress
	Done   Progress

	replaying bool
	section   *[2]string // the last section announced while replaying
}

// NewReplay returns a Replay that skips what resume says was answered.
func NewReplay(front Prompter, resume Progress) *Replay {
	return &Replay{Front: front, Resume: resume, replaying: resume.Answered > 0}
}

// replay reports whether the next question is answered from the record,
// ending the replay when the recorded answers run out.
func (r *Replay) replay() bool {
	if r.replaying && r.Done.Answered >= r.Resume.Answered {
		r.stop()
	}
	return r.replaying
}

// stop ends the replay and announces the section the user is in.
func (r *Replay) stop() {
	r.replaying = false
	if s := r.section; s != nil {
		r.section = nil
		_ = r.Front.Section(s[0], s[1])
	}
}

// Section implements Prompter.
func (r *Replay) Section(title, intro string) error {
	if !r.replay() {
		return r.Front.Section(title, intro)
	}
	r.section = &[2]string{title, intro}
	return nil
}

// Input implements Prompter.
func (r *Replay) Input(f Field) (string, error) {
	if r.replay() {
		if f.Validate == nil || f.Validate(f.Default) == nil {
			r.Done.Answered++
			return f.Default, nil
		}
		r.stop()
	}
	a, err := r.Front.Input(f)
	if err == nil {
		r.Done.Answered++
	}
	return a, err
}

// List implements Prompter.
func (r *Replay) List(f Field, defaults []string) ([]string, error) {
	if r.replay() {
		r.Done.Answered++
		return defaults, nil
	}
	a, err := r.Front.List(f, defaults)
	if err == nil {
		r.Done.Answered++
	}
	return a, err
}

// Select implements Prompter.
func (r *Replay) Select(f Field, opts []Option) (string, error) {
	if r.replay() {
		for _, o := range opts {
			if o.Key == f.Default {
				r.Done.Answered++
				return f.Default, nil
			}
		}
		r.stop()
	}
	a, err := r.Front.Select(f, opts)
	if err == nil {
		r.Done.Answered++
	}
	return a, err
}

// MultiSelect implements Prompter.
func (r *Replay) MultiSelect(f Field, opts []Option, defaults []string) ([]string, error) {
	if r.replay() {
		r.Done.Answered++
		return defaults, nil
	}
	a, err := r.Front.MultiSelect(f, opts, defaults)
	if err == nil {
		r.Done.Answered++
	}
	return a, err
}

// Confirm implements Prompter.
func (r *Replay) Confirm(f Field, def bool) (bool, error) {
	if r.replay() {
		if i := len(r.Done.YesNo); i < len(r.Resume.YesNo) {
			yes := r.Resume.YesNo[i]
			r.Done.Answered++
			r.Done.YesNo = append(r.Done.YesNo, yes)
			return yes, nil
		}
		r.stop()
	}
	yes, err := r.Front.Confirm(f, def)
	if err == nil {
		r.Done.Answered++
		r.Done.YesNo = append(r.Done.YesNo, yes)
	}
	return yes, err
}

// Summary says, for the user, where a resumed run picks up.
func (p Progress) Summary() string {
	if p.Answered == 1 {
		return "Picking up after your first answer."
	}
	return fmt.Sprintf("Picking up after your %d answers; they are kept as you gave them.", p.Answered)
}
