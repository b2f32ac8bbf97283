package proposal

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/golden"
)

// badInputs lists every file of the bad-input corpus with the problems it
// must produce: exactly these, each as "LINE:COL field.path" ("" for the
// file as a whole), and no others.
var badInputs = map[string][]string{
	"bad-date.yaml":                    {"11:10 arrangement.start"},
	"bad-email.yaml":                   {"8:10 manager.email"},
	"bad-timezone.yaml":                {"15:15 arrangement.core_hours.timezone"},
	"binary-junk.yaml":                 {"1:1 "},
	"busy-period.yaml":                 {"9:22 company.busy_periods[1]"},
	"deep-brackets.yaml":               {"3:43 "},
	"private-alias.yaml":               {"6:50 employee.team"},
	"control-escapes.yaml":             {"4:18 employee.name", "4:43 employee.title"},
	"unsafe-url.yaml":                  {"9:58 evidence[0].url", "10:51 evidence[1].url", "11:47 evidence[2].url"},
	"check-in-after-end.yaml":          {"14:17 trial.check_in_day"},
	"comments-only.yaml":               {"1:1 "},
	"core-hours-end-before-start.yaml": {"14:10 arrangement.core_hours.end"},
	"core-hours-format.yaml":           {"13:12 arrangement.core_hours.start"},
	"counter-evidence.yaml":            {"17:12 evidence[0]"},
	"own-evidence-without-source.yaml": {"19:5 evidence[1].source"},
	"own-evidence-bad-url.yaml":        {"20:10 evidence[0].url"},
	"day-remote-and-office.yaml":       {"11:27 arrangement.office_days[2]"},
	"duplicate-key.yaml":               {"5:3 employee.name"},
	"duplicate-section.yaml":           {"17:1 manager"},
	"empty.yaml":                       {"1:1 "},
	"hybrid-all-remote.yaml":           {"10:16 arrangement.remote_days"},
	"invalid-utf8.yaml":                {"4:11 "},
	"many-problems.yaml":               {"5:3 employee.titel", "10:22 arrangement.remote_days[1]", "13:16 trial.length_days"},
	"metric-without-name.yaml":         {"15:7 trial.metrics[0].name"},
	"metric-without-target.yaml":       {"17:7 trial.metrics[1].target"},
	"misplaced-key.yaml":               {"12:3 arrangement.check_ins"},
	"missing-fields.yaml":              {"3:1 employee.name", "3:1 employee.title"},
	"missing-section.yaml":             {"1:1 manager"},
	"no-metrics.yaml":                  {"12:1 trial.metrics"},
	"not-a-mapping.yaml":               {"1:1 "},
	"remote-too-few-days.yaml":         {"10:16 arrangement.remote_days"},
	"repeated-day.yaml":                {"10:22 arrangement.remote_days[1]"},
	"section-for-other-scenario.yaml":  {"17:1 offer"},
	"start-before-date.yaml":           {"12:10 arrangement.start"},
	"start-on-weekend.yaml":            {"11:10 arrangement.start"},
	"syntax-bad-indent.yaml":           {"5:2 "},
	"syntax-tab-indent.yaml":           {"5:1 "},
	"syntax-unclosed-list.yaml":        {"11:3 "},
	"trial-too-long.yaml":              {"13:16 trial.length_days"},
	"trial-too-short.yaml":             {"13:16 trial.length_days"},
	"two-documents.yaml":               {"18:1 "},
	"unknown-evidence.yaml":            {"17:28 evidence[1]"},
	"unknown-key.yaml":                 {"5:3 employee.titel"},
	"unknown-scenario.yaml":            {"2:11 scenario"},
	"theme.yaml":                       {"18:11 theme.accent", "19:9 theme.body", "20:9 theme.logo"},
	"theme-logo-kind.yaml":             {"18:3 theme.accent", "19:9 theme.logo"},
	"unknown-top-level.yaml":           {"17:1 budget"},
	"unknown-weekday.yaml":             {"10:22 arrangement.remote_days[1]"},
	"weekend-day.yaml":                 {"10:22 arrangement.remote_days[1]"},
	"wrong-type-list.yaml":             {"10:16 arrangement.remote_days"},
	"wrong-type-number.yaml":           {"13:16 trial.length_days"},
	"wrong-type-section.yaml":          {"3:11 employee"},
	"wrong-version.yaml":               {"1:10 version"},
}

var corpusToday = NewDate(2027, 1, 4)

func TestBadInputs(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) != len(badInputs) {
		t.Errorf("the corpus has %d files and the table %d; every file needs its expected problems", len(files), len(badInputs))
	}
	var all bytes.Buffer
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			ps := mustFail(t, name, data)
			var got []string
			for _, p := range ps {
				got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Field))
				if p.File != name {
					t.Errorf("problem names file %q, want %q", p.File, name)
				}
				if p.Msg == "" || p.Fix == "" {
					t.Errorf("problem %q lacks a message or a fix", p)
				}
			}
			if want := badInputs[name]; strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s\nmessages:\n%v", strings.Join(got, "\n"), strings.Join(want, "\n"), ps)
			}
			fmt.Fprintf(&all, "%s\n", ps)
		})
	}
	// The wording users see, reviewed as a whole.
	golden.Check(t, "testdata/bad.golden", all.Bytes())
}

func mustFail(t *testing.T, name string, data []byte) Problems {
	t.Helper()
	_, err := Parse(name, data, corpusToday)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Parse returned %v, want Problems", err)
	}
	return ps
}

func TestOversizeFile(t *testing.T) {
	data := bytes.Repeat([]byte("# padding to make a file too large to be a proposal\n"), MaxFileSize/40)
	ps := mustFail(t, "huge.yaml", data)
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "larger than 256 KiB") {
		t.Fatalf("got %v, want one problem about the size", ps)
	}
}

func TestValidMinimal(t *testing.T) {
	data, err := os.ReadFile("testdata/valid-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("valid-minimal.yaml", data, corpusToday)
	if err != nil {
		t.Fatalf("valid file rejected:\n%v", err)
	}
	if p.Date != corpusToday {
		t.Errorf("document date %s, want today %s", p.Date, corpusToday)
	}
}
