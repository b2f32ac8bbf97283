package wizard

import (
	"bufio"
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// Progress is how far a run of the questions got, saved with the draft as
// a comment: the question answered last, named by its id, and the yes-or-no
// answers that hold no data of their own (whether there is a policy, a
// third success metric). A question's id is the path of the field it fills,
// such as "trial.metrics[1].target", or of the part it opens, with "?", such
// as "company.policy?" or "trial.metrics[2]?". Ids do not move when a
// question is added, so an old draft resumes where it stopped.
type Progress struct {
	At      string          // the id of the last question answered; "" for none
	YesNo   map[string]bool // the yes-or-no answers, by id
	Editing bool            // the run edits a file of the user's (see Flow.Editing)
}

// progressPrefix starts the draft comment that holds a Progress.
const progressPrefix = "# propose new: resume after "

var progressRE = regexp.MustCompile(`^# propose new: resume after (\S+?);( editing;)? yes/no:((?: \S+=(?:yes|no))*)$`)

// Comment is the Progress as a YAML comment line, to append to a draft.
func (p Progress) Comment() string {
	if p.At == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(progressPrefix + p.At + ";")
	if p.Editing {
		b.WriteString(" editing;")
	}
	b.WriteString(" yes/no:")
	keys := make([]string, 0, len(p.YesNo))
	for k := range p.YesNo {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteString(" " + k + "=")
		if p.YesNo[k] {
			b.WriteString("yes")
		} else {
			b.WriteString("no")
		}
	}
	b.WriteString("\n")
	return b.String()
}

// ParseProgress reads the Progress comment of a draft. A draft without one,
// or with one edited out of shape or written by an older propose, gives
// the zero Progress: the questions start from the first, the draft's
// answers suggested.
func ParseProgress(draft []byte) Progress {
	var last string
	sc := bufio.NewScanner(bytes.NewReader(draft))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), progressPrefix) {
			last = sc.Text()
		}
	}
	m := progressRE.FindStringSubmatch(last)
	if m == nil {
		return Progress{}
	}
	p := Progress{At: m[1], YesNo: map[string]bool{}, Editing: m[2] != ""}
	for _, kv := range strings.Fields(m[3]) {
		k, v, _ := strings.Cut(kv, "=")
		p.YesNo[k] = v == "yes"
	}
	return p
}
