package proposal

import (
	"reflect"
	"strings"
	"testing"
)

// TestEveryFieldIsDeclared checks that every key of the file format has a
// declaration with a sentence of documentation, and that what the
// declarations say is consistent with the type.
func TestEveryFieldIsDeclared(t *testing.T) {
	if len(Fields()) < 60 {
		t.Fatalf("Fields() has %d fields; the walker misses some", len(Fields()))
	}
	for _, f := range Fields() {
		if f.Doc == "" {
			t.Errorf("%s: no Doc in its declaration", f.Path)
		} else if !strings.HasSuffix(f.Doc, ".") {
			t.Errorf("%s: Doc %q is not a full sentence", f.Path, f.Doc)
		}
		if f.Item != "" && f.Kind != KindItems {
			t.Errorf("%s: Item is for lists of sections", f.Path)
		}
		if f.Kind == KindItems && f.Item == "" {
			t.Errorf("%s: a list of sections needs Item, what one item is called", f.Path)
		}
		if f.Flow && f.Kind != KindTexts && f.Kind != KindDays {
			t.Errorf("%s: Flow is for lists of text or days", f.Path)
		}
		if (f.Range != "" || f.RangeFix != "") && f.Kind != KindNumber {
			t.Errorf("%s: Range is for numbers", f.Path)
		}
		if f.Range != "" && !strings.Contains(f.Range, "%v") {
			t.Errorf("%s: Range %q does not show the number", f.Path, f.Range)
		}
		if f.None != "" && len(f.Choices) == 0 {
			t.Errorf("%s: None without Choices", f.Path)
		}
		if f.Suggest != "" && len(f.Choices) > 0 && !contains(f.ChoiceValues(), f.Suggest) {
			t.Errorf("%s: suggests %q, which is not a choice", f.Path, f.Suggest)
		}
		if f.Kind == KindSection && f.Suggest != "" && f.Suggest != "yes" && f.Suggest != "no" {
			t.Errorf("%s: a section's suggestion answers the question that opens it: yes or no, not %q", f.Path, f.Suggest)
		}
		if f.Kind == KindSection && f.Suggest != "" && f.Ask == "" {
			t.Errorf("%s: a suggestion without a question", f.Path)
		}
		if f.Required && f.Fix == "" {
			t.Errorf("%s: required, but declares no Fix for when it is missing", f.Path)
		}
		if got, ok := Lookup(f.Path); !ok || got != f {
			t.Errorf("%s: Lookup does not find it", f.Path)
		}
		// Everything under private: is private; a field elsewhere is
		// private only where its declaration says so, and its doc tells
		// the user where it goes.
		if strings.HasPrefix(f.Path, "private") && !f.Private {
			t.Errorf("%s: under private:, but not Private", f.Path)
		}
		if f.Private && !strings.HasPrefix(f.Path, "private") && !strings.Contains(f.Doc, "prep sheet") {
			t.Errorf("%s: private outside private:, but its doc does not say it stays on the prep sheet", f.Path)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestDeclarationsFollowTheStructs checks the walker against the structs
// themselves: every tagged Go field of every model type is a Field, at
// the path its tags give.
func TestDeclarationsFollowTheStructs(t *testing.T) {
	var want []string
	var walk func(typ reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		for i := 0; i < typ.NumField(); i++ {
			name := yamlName(typ.Field(i))
			if name == "" {
				continue
			}
			p := joinPath(path, name)
			want = append(want, p)
			ft := typ.Field(i).Type
			switch {
			case ft.Kind() == reflect.Struct && ft != typDate && ft != typClock:
				walk(ft, p)
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				walk(ft.Elem(), p+"[]")
			}
		}
	}
	walk(reflect.TypeOf(Proposal{}), "")
	var got []string
	for _, f := range Fields() {
		got = append(got, f.Path)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Fields():\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLookupAcceptsIndexes(t *testing.T) {
	for _, path := range []string{"trial.metrics[3].name", "trial.metrics[].name", "trial.metrics[*].name"} {
		f, ok := Lookup(path)
		if !ok || f.Path != "trial.metrics[].name" || f.Parent.Path != "trial.metrics" || f.Section().Key != "trial" {
			t.Errorf("Lookup(%q) = %+v, %v", path, f, ok)
		}
	}
	for path, want := range map[string]string{"benefits[2]": "benefits", "trial.metrics[0]": "trial.metrics"} {
		if f, ok := Lookup(path); !ok || f.Path != want {
			t.Errorf("Lookup(%q) = %v, want the list %s", path, f, want)
		}
	}
	for _, path := range []string{"", "trial.metric", "trial.metrics.name", "employee.name.first", "private.motivation[0]x",
		"trial.metrics[0]x", "employee[0]", "employee.name[1]", "trial.metrics[0][1]"} {
		if _, ok := Lookup(path); ok {
			t.Errorf("Lookup(%q) found a field", path)
		}
	}
}

func TestGetAndSetByPath(t *testing.T) {
	p := &Proposal{}
	for path, text := range map[string]string{
		"employee.name":                "Ana Lima",
		"employee.commute_minutes":     "40",
		"arrangement.start":            "2027-03-01",
		"arrangement.core_hours.start": "09:30",
		"arrangement.remote_days":      "wed, Friday",
		"communication.channels":       "Slack, email",
		"trial.metrics[1].target":      "40",
		"evidence[0].id":               "bloom-2015-qje",
	} {
		if err := p.SetText(path, text); err != nil {
			t.Fatalf("SetText(%s, %q): %v", path, text, err)
		}
	}
	if p.Employee.Name != "Ana Lima" || p.Employee.CommuteMinutes != 40 || p.Arrangement.Start != NewDate(2027, 3, 1) ||
		p.Arrangement.CoreHours.Start.Minutes != 570 || len(p.Trial.Metrics) != 2 || p.Trial.Metrics[1].Target != "40" ||
		len(p.Arrangement.RemoteDays) != 2 || p.Communication.Channels[1] != "email" || p.Evidence[0].ID != "bloom-2015-qje" {
		t.Errorf("set: %+v", p)
	}
	for path, want := range map[string]string{
		"employee.commute_minutes": "40", "arrangement.core_hours.start": "09:30", "arrangement.remote_days": "wednesday, friday",
		"trial.metrics[1].target": "40", "trial.metrics[0].target": "", "trial.metrics[5].target": "", "employee.team": "",
	} {
		if got := p.Text(path); got != want {
			t.Errorf("Text(%s) = %q, want %q", path, got, want)
		}
	}
	if p.Len("trial.metrics") != 2 || p.IsEmpty("trial.metrics[1]") || !p.IsEmpty("trial.metrics[0]") || !p.IsEmpty("offer") {
		t.Errorf("Len/IsEmpty wrong")
	}
	for path, text := range map[string]string{"employee.commute_minutes": "forty", "arrangement.start": "soon",
		"arrangement.core_hours.end": "5pm", "arrangement.remote_days": "sunday"} {
		if err := p.SetText(path, text); err == nil {
			t.Errorf("SetText(%s, %q) accepted it", path, text)
		}
	}
	p.Truncate("trial.metrics", 1)
	if len(p.Trial.Metrics) != 1 {
		t.Errorf("Truncate left %d", len(p.Trial.Metrics))
	}
	if err := p.SetText("employee.commute_minutes", ""); err != nil || p.Employee.CommuteMinutes != 0 {
		t.Errorf("clearing a number: %v", err)
	}
}

func TestCloneSharesNothing(t *testing.T) {
	p := loadTrial(t)
	c := p.Clone()
	if !reflect.DeepEqual(c, p) {
		t.Fatal("the clone differs")
	}
	c.Trial.Metrics[0].Name = "changed"
	c.Company.Precedents[0] = "changed"
	c.Arrangement.RemoteDays[0] = Weekday(3)
	if p.Trial.Metrics[0].Name == "changed" || p.Company.Precedents[0] == "changed" || p.Arrangement.RemoteDays[0] == Weekday(3) {
		t.Error("changing the clone changed the original")
	}
}
