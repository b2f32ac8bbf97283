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
	"logo-web-address.yaml":             {"4:9 theme.logo"},
	"remote-with-office-days.yaml":      {"11:16 arrangement.office_days"},
	"lost-indent.yaml":                  {"4:1 employee.name", "4:1 employee.title", "5:1 name", "6:1 title"},
	"alias-wrong-type.yaml":             {"11:16 arrangement.remote_days"},
	"tag-binary-text.yaml":              {"6:10 employee.title"},
	"anchor-as-text.yaml":               {"6:10 employee.title"},
	"anchor-empty-value.yaml":           {"6:10 employee.title"},
	"double-quote-inside.yaml":          {"6:10 "},
	"unclosed-single-quote.yaml":        {"6:10 "},
	"unclosed-brace.yaml":               {"6:11 "},
	"colon-at-end.yaml":                 {"6:10 "},
	"key-twice-capitalised.yaml":        {"7:3 employee.Title"},
	"over-indented-key.yaml":            {"9:5 "},
	"text-broken-onto-next-line.yaml":   {"7:1 "},
	"section-indented-after-value.yaml": {"19:3 "},
	"number-in-quotes.yaml":             {"14:16 trial.length_days"},
	"core-hours-range.yaml":             {"14:12 arrangement.core_hours.start"},
	"metric-name-twice.yaml":            {"18:13 trial.metrics[1].name"},
	"name-null-word.yaml":               {"5:9 employee.name"},
	"answer-lone-dash.yaml":             {"6:10 "},
	"log-given-as-proposal.yaml":        {"1:1 "},
	"rtf-document.yaml":                 {"1:1 "},
	"word-document.yaml":                {"1:1 "},
	"email-quoted.yaml":                 {"1:1 "},
	"key-with-zero-width-space.yaml":    {"6:3 employee.title"},
	"manager-is-employee.yaml":          {"9:9 manager.name", "10:10 manager.email"},
	"list-dash-further-in.yaml":         {"20:4 benefits[0]"},
	"metric-without-dash.yaml":          {"20:7 trial.metrics[1].name"},
	"list-trailing-dash-space.yaml":     {"20:3 benefits[1]"},
	"extra-bracket.yaml":                {"11:21 "},
	"fullwidth-colon.yaml":              {"6:3 "},
	"list-item-bullet.yaml":             {"21:3 "},
	"list-item-no-dash.yaml":            {"21:3 "},
	"list-on-key-line.yaml":             {"11:16 "},
	"nbsp-after-colon.yaml":             {"6:9 "},
	"nbsp-indent.yaml":                  {"6:1 "},
	"pasted-note.yaml":                  {"7:3 "},
	"section-without-colon.yaml":        {"7:1 "},
	"text-after-quote.yaml":             {"6:10 "},
	"text-starting-with-pipe.yaml":      {"6:10 "},
	"unclosed-quote-mid-file.yaml":      {"5:9 "},
	"value-on-section-line.yaml":        {"4:11 "},
	"over-indented-item-key.yaml":       {"17:9 "},
	"list-empty-between-commas.yaml":    {"11:22 "},
	"tag-include.yaml":                  {"6:10 employee.title"},
	"invisible-characters.yaml":         {"4:9 employee.name", "5:10 employee.title", "7:9 manager.name", "15:13 trial.metrics[0].name"},
	"start-year-one.yaml":               {"12:10 arrangement.start"},
	"start-year-9999.yaml":              {"12:10 arrangement.start"},
	"length-zero.yaml":                  {"14:16 trial.length_days"},
	"length-leading-zero.yaml":          {"14:16 trial.length_days"},
	"length-hex.yaml":                   {"14:16 trial.length_days"},
	"length-huge.yaml":                  {"14:16 trial.length_days"},
	"length-underscore.yaml":            {"14:16 trial.length_days"},
	"text-after-document-end.yaml":      {"9:1 "},
	"long-value-accents.yaml":           {"4:11 employee"},
	"bad-date.yaml":                     {"11:10 arrangement.start"},
	"bad-email.yaml":                    {"8:10 manager.email"},
	"bad-timezone.yaml":                 {"15:15 arrangement.core_hours.timezone"},
	"binary-junk.yaml":                  {"1:1 "},
	"busy-period.yaml":                  {"9:22 company.busy_periods[1]"},
	"deep-brackets.yaml":                {"3:43 "},
	"private-alias.yaml":                {"6:50 employee.team"},
	"control-escapes.yaml":              {"4:18 employee.name", "4:43 employee.title"},
	"unsafe-url.yaml":                   {"9:58 evidence[0].url", "10:51 evidence[1].url", "11:47 evidence[2].url"},
	"check-in-after-end.yaml":           {"14:17 trial.check_in_day"},
	"comments-only.yaml":                {"1:1 "},
	"core-hours-end-before-start.yaml":  {"14:10 arrangement.core_hours.end"},
	"core-hours-format.yaml":            {"13:12 arrangement.core_hours.start"},
	"counter-evidence.yaml":             {"17:12 evidence[0]"},
	"own-evidence-without-source.yaml":  {"19:5 evidence[1].source"},
	"own-evidence-bad-url.yaml":         {"20:10 evidence[0].url"},
	"day-remote-and-office.yaml":        {"11:27 arrangement.office_days[2]"},
	"duplicate-key.yaml":                {"5:3 employee.name"},
	"duplicate-section.yaml":            {"17:1 manager"},
	"empty.yaml":                        {"1:1 "},
	"hybrid-all-remote.yaml":            {"10:16 arrangement.remote_days"},
	"invalid-utf8.yaml":                 {"4:11 "},
	"many-problems.yaml":                {"5:3 employee.titel", "10:22 arrangement.remote_days[1]", "13:16 trial.length_days"},
	"metric-without-name.yaml":          {"15:7 trial.metrics[0].name"},
	"metric-without-target.yaml":        {"17:7 trial.metrics[1].target"},
	"misplaced-key.yaml":                {"12:3 arrangement.check_ins"},
	"missing-fields.yaml":               {"3:1 employee.name", "3:1 employee.title"},
	"missing-section.yaml":              {"1:1 manager"},
	"no-metrics.yaml":                   {"12:1 trial.metrics"},
	"not-a-mapping.yaml":                {"1:1 "},
	"remote-too-few-days.yaml":          {"10:16 arrangement.remote_days"},
	"repeated-day.yaml":                 {"10:22 arrangement.remote_days[1]"},
	"section-for-other-scenario.yaml":   {"17:1 offer"},
	"start-before-date.yaml":            {"12:10 arrangement.start"},
	"start-on-weekend.yaml":             {"11:10 arrangement.start"},
	"syntax-bad-indent.yaml":            {"5:2 "},
	"syntax-tab-indent.yaml":            {"5:1 "},
	"syntax-unclosed-list.yaml":         {"10:16 "},
	"trial-too-long.yaml":               {"13:16 trial.length_days"},
	"trial-too-short.yaml":              {"13:16 trial.length_days"},
	"two-documents.yaml":                {"18:1 "},
	"unknown-evidence.yaml":             {"17:28 evidence[1]"},
	"unknown-key.yaml":                  {"5:3 employee.titel"},
	"unknown-scenario.yaml":             {"2:11 scenario"},
	"agreement-unknown-kind.yaml":       {"18:9 agreement.kind"},
	"demand-outside-keep-remote.yaml":   {"17:1 demand"},
	"demand-where-for-office.yaml":      {"15:10 demand.where"},
	"demand-without-from.yaml":          {"12:1 demand.from"},
	"move-without-date-or-place.yaml":   {"17:1 move.date", "17:1 move.to"},
	"theme.yaml":                        {"18:11 theme.accent", "19:9 theme.body", "20:9 theme.logo"},
	"theme-logo-kind.yaml":              {"18:3 theme.accent", "19:9 theme.logo"},
	"unknown-top-level.yaml":            {"17:1 budget"},
	"unknown-weekday.yaml":              {"10:22 arrangement.remote_days[1]"},
	"weekend-day.yaml":                  {"10:22 arrangement.remote_days[1]"},
	"wrong-type-list.yaml":              {"10:16 arrangement.remote_days"},
	"wrong-type-number.yaml":            {"13:16 trial.length_days"},
	"wrong-type-section.yaml":           {"3:11 employee"},
	"wrong-version.yaml":                {"1:10 version"},

	// Mistakes people make, one a file unless the name says several: misspelt
	// and misplaced keys, YAML syntax and indentation, values of the wrong type
	// or out of range, dates and times, each scenario's sections missing or
	// misplaced, and hostile input (control and bidi characters, other
	// encodings, anchors, merge keys and tags).
	"alias-in-list-to-private.yaml":        {"20:5 benefits[0]"},
	"alias-section-merge.yaml":             {"7:3 manager"},
	"alias-to-itself.yaml":                 {"10:25 arrangement.remote_days[1]"},
	"alias-undefined.yaml":                 {"5:10 employee.title"},
	"apostrophe-in-single-quotes.yaml":     {"7:9 "},
	"bool-key.yaml":                        {"6:3 employee.yes"},
	"cadence-missing.yaml":                 {"19:7 communication.check_ins[0].cadence"},
	"cadence-on.yaml":                      {"19:16 communication.check_ins[0].cadence"},
	"check-in-equals-length.yaml":          {"14:17 trial.check_in_day"},
	"check-ins-text.yaml":                  {"18:15 communication.check_ins[0]", "18:31 communication.check_ins[1]"},
	"commute-too-long.yaml":                {"6:20 employee.commute_minutes"},
	"complex-key.yaml":                     {"6:3 "},
	"core-hours-24.yaml":                   {"14:10 arrangement.core_hours.end"},
	"core-hours-missing-end.yaml":          {"12:3 arrangement.core_hours.end"},
	"core-hours-number.yaml":               {"13:12 arrangement.core_hours.start", "14:10 arrangement.core_hours.end"},
	"core-hours-pm.yaml":                   {"14:10 arrangement.core_hours.end"},
	"core-hours-sexagesimal.yaml":          {"13:12 arrangement.core_hours.start"},
	"core-hours-text.yaml":                 {"12:15 arrangement.core_hours"},
	"cr-only-bad.yaml":                     {"5:3 employee.titel"},
	"crlf-bad.yaml":                        {"5:3 employee.titel"},
	"dash-without-space.yaml":              {"15:5 "},
	"date-feb-29.yaml":                     {"11:10 arrangement.start"},
	"date-month-13.yaml":                   {"11:10 arrangement.start"},
	"date-negative-year.yaml":              {"11:10 arrangement.start"},
	"date-slashes.yaml":                    {"11:10 arrangement.start"},
	"date-today.yaml":                      {"3:7 date"},
	"date-with-time.yaml":                  {"11:10 arrangement.start"},
	"date-words.yaml":                      {"11:10 arrangement.start"},
	"date-year-10000.yaml":                 {"11:10 arrangement.start"},
	"deep-block.yaml":                      {"1:1 arrangement", "1:1 manager", "1:1 trial", "3:1 employee.name", "3:1 employee.title", "4:3 employee.a"},
	"document-date-far-future.yaml":        {"3:7 date"},
	"email-display-name.yaml":              {"8:10 manager.email"},
	"email-header-injection.yaml":          {"8:10 manager.email"},
	"email-two-addresses.yaml":             {"8:10 manager.email"},
	"employee-name-null.yaml":              {"4:9 employee.name"},
	"escape-bell-hex.yaml":                 {"5:10 employee.title"},
	"escape-bidi-isolate.yaml":             {"7:9 manager.name"},
	"escape-bidi-override.yaml":            {"4:9 employee.name"},
	"escape-c1-in-evidence.yaml":           {"18:14 evidence[0].finding"},
	"escape-del.yaml":                      {"4:9 employee.name"},
	"escape-in-enum.yaml":                  {"9:9 arrangement.type", "9:9 arrangement.type"},
	"escape-in-list-item.yaml":             {"8:7 company.precedents[0]"},
	"escape-in-metric.yaml":                {"16:15 trial.metrics[0].target"},
	"escape-in-private.yaml":               {"18:15 private.motivation"},
	"escape-invalid.yaml":                  {"4:14 "},
	"escape-nel.yaml":                      {"5:10 employee.title"},
	"escape-nul.yaml":                      {"4:9 employee.name"},
	"escape-surrogate.yaml":                {"4:13 "},
	"evidence-as-text.yaml":                {"17:11 evidence"},
	"evidence-data-url.yaml":               {"20:10 evidence[0].url"},
	"evidence-id-and-finding.yaml":         {"18:5 evidence[0]"},
	"evidence-id-capitals.yaml":            {"17:12 evidence[0]"},
	"evidence-twice.yaml":                  {"17:28 evidence[1]"},
	"flow-dup-key.yaml":                    {"6:28 manager.name"},
	"indent-list-no-dash.yaml":             {"15:11 trial.metrics"},
	"indent-metric-target.yaml":            {"16:5 "},
	"indent-section-in-section.yaml":       {"1:1 trial", "12:3 arrangement.trial"},
	"json-with-trailing-comma.yaml":        {"1:1 arrangement", "1:1 employee", "1:1 manager", "1:1 trial"},
	"keep-remote-agreement-future.yaml":    {"10:9 agreement.date"},
	"keep-remote-agreement-no-terms.yaml":  {"8:1 agreement.terms"},
	"keep-remote-agreement-text.yaml":      {"8:12 agreement"},
	"keep-remote-hybrid-no-days.yaml":      {"12:1 arrangement.remote_days"},
	"keep-remote-review-empty.yaml":        {"15:1 trial.length_days", "15:1 trial.metrics"},
	"keep-remote-review-no-metrics.yaml":   {"15:1 trial.metrics"},
	"keep-remote-review-too-long.yaml":     {"16:16 trial.length_days"},
	"keep-remote-with-offer.yaml":          {"15:1 offer"},
	"keep-remote-with-reask.yaml":          {"15:1 reask"},
	"key-capitalised.yaml":                 {"5:3 employee.Title"},
	"key-no-space-after-colon.yaml":        {"5:3 "},
	"key-twice-different-case.yaml":        {"6:3 employee.Title"},
	"key-with-hyphen.yaml":                 {"13:3 trial.length-days"},
	"key-with-space.yaml":                  {"10:3 arrangement.remote days"},
	"key-without-colon.yaml":               {"5:3 "},
	"length-days-float.yaml":               {"13:16 trial.length_days"},
	"length-days-negative.yaml":            {"13:16 trial.length_days"},
	"length-days-units.yaml":               {"13:16 trial.length_days"},
	"list-as-section.yaml":                 {"11:14 arrangement.remote_days"},
	"list-item-empty-string.yaml":          {"7:22 company.busy_periods[1]"},
	"list-item-empty.yaml":                 {"9:5 company.precedents[1]"},
	"merge-key-in-metric.yaml":             {"18:7 trial.metrics[1]"},
	"merge-key-inline.yaml":                {"7:3 manager"},
	"metric-goal-not-target.yaml":          {"15:7 trial.metrics[0].target", "16:7 trial.metrics[0].goal"},
	"metric-key-typo.yaml":                 {"15:7 trial.metrics[0].nmae"},
	"metrics-empty-list.yaml":              {"14:12 trial.metrics"},
	"metrics-null-item.yaml":               {"15:5 trial.metrics[0]"},
	"metrics-text-items.yaml":              {"15:7 trial.metrics[0]", "16:7 trial.metrics[1]"},
	"multi-fault-hostile.yaml":             {"4:9 employee.name", "6:9 employee.team", "14:16 trial.length_days"},
	"multi-fault-offer.yaml":               {"1:1 offer", "10:9 arrangement.type", "12:10 arrangement.start", "13:1 trail"},
	"multi-fault-types.yaml":               {"10:16 arrangement.remote_days", "11:10 arrangement.start", "13:16 trial.length_days"},
	"name-blank.yaml":                      {"4:9 employee.name"},
	"language-unknown.yaml":                {"3:11 language"},
	"prep-language-unknown.yaml":           {"3:16 prep_language"},
	"jurisdiction-unknown.yaml":            {"3:15 jurisdiction"},
	"statutory-maybe.yaml":                 {"4:12 statutory"},
	"previous-request-slashes.yaml":        {"4:19 previous_request"},
	"previous-request-after.yaml":          {"5:19 previous_request"},
	"started-after-request.yaml":           {"6:12 employee.started"},
	"name-too-long.yaml":                   {"4:9 employee.name"},
	"list-too-long.yaml":                   {"17:1 benefits"},
	"notice-too-long.yaml":                 {"14:16 trial.notice_days"},
	"notice-zero.yaml":                     {"14:16 trial.notice_days"},
	"objection-without-response.yaml":      {"19:7 private.objections[0].response"},
	"offer-as-text.yaml":                   {"12:8 offer"},
	"offer-with-reask.yaml":                {"14:1 reask"},
	"offer-with-trial-no-offer.yaml":       {"1:1 offer", "12:1 trial"},
	"offer-with-trial.yaml":                {"14:1 trial"},
	"offer-without-offer.yaml":             {"1:1 offer"},
	"offer-without-role.yaml":              {"12:1 offer.role"},
	"office-days-weekend.yaml":             {"11:22 arrangement.office_days[1]"},
	"only-separator.yaml":                  {"1:1 "},
	"paper-uppercase.yaml":                 {"3:8 paper"},
	"policy-days-out-of-range.yaml":        {"10:22 company.policy.max_remote_days", "11:25 company.policy.max_remote_percent"},
	"policy-percent-sign.yaml":             {"9:25 company.policy.max_remote_percent"},
	"policy-yes.yaml":                      {"8:11 company.policy"},
	"private-as-text.yaml":                 {"17:10 private"},
	"provided-by-yes.yaml":                 {"20:20 equipment.items[0].provided_by"},
	"raw-bidi.yaml":                        {"4:9 employee.name"},
	"raw-c1-csi.yaml":                      {"5:10 employee.title"},
	"raw-escape.yaml":                      {"5:17 "},
	"raw-nul.yaml":                         {"4:12 "},
	"reask-denied-in-future.yaml":          {"18:14 reask.denied_on"},
	"reask-denied-same-day.yaml":           {"18:14 reask.denied_on"},
	"reask-denied-words.yaml":              {"18:14 reask.denied_on"},
	"reask-empty-reasons.yaml":             {"19:12 reask.reasons"},
	"reask-reason-without-response.yaml":   {"20:7 reask.reasons[0].response"},
	"reask-reasons-only-denied.yaml":       {"17:1 reask.reasons"},
	"reask-reasons-text.yaml":              {"20:7 reask.reasons[0]"},
	"reask-with-offer.yaml":                {"22:1 offer"},
	"reask-without-reask.yaml":             {"1:1 reask"},
	"reask-without-trial.yaml":             {"1:1 trial"},
	"remote-days-comma-text.yaml":          {"10:16 arrangement.remote_days"},
	"remote-days-empty.yaml":               {"10:16 arrangement.remote_days"},
	"remote-days-missing-hybrid.yaml":      {"8:1 arrangement.remote_days"},
	"remote-days-number.yaml":              {"10:17 arrangement.remote_days[0]"},
	"remote-days-range.yaml":               {"10:17 arrangement.remote_days[0]"},
	"remote-days-trailing.yaml":            {"10:22 "},
	"remote-record-without-delivered.yaml": {"19:7 performance.remote_record[0].delivered"},
	"scenario-list.yaml":                   {"2:11 scenario"},
	"scenario-missing.yaml":                {"1:1 scenario"},
	"scenario-underscore.yaml":             {"2:11 scenario"},
	"section-as-list.yaml":                 {"4:3 employee"},
	"section-null.yaml":                    {"6:1 manager.name"},
	"section-tilde.yaml":                   {"3:1 employee.name", "3:1 employee.title"},
	"section-twice-different-case.yaml":    {"17:1 Manager"},
	"status-report-fortnightly.yaml":       {"18:18 communication.status_report"},
	"tag-binary-on-number.yaml":            {"13:16 trial.length_days"},
	"tag-int-text.yaml":                    {"13:16 trial.length_days"},
	"tag-python.yaml":                      {"6:10 manager"},
	"tag-set.yaml":                         {"10:16 arrangement.remote_days"},
	"text-as-list.yaml":                    {"5:10 employee.title"},
	"text-as-section.yaml":                 {"5:10 employee.name"},
	"text-starting-with-at.yaml":           {"5:10 "},
	"text-starting-with-star.yaml":         {"5:10 "},
	"text-with-colon.yaml":                 {"5:10 "},
	"theme-logo-folder.yaml":               {"18:9 theme.logo"},
	"theme-short-colour.yaml":              {"18:11 theme.accent"},
	"theme-light-accent.yaml":              {"18:11 theme.accent"},
	"theme-white-accent.yaml":              {"18:11 theme.accent"},
	"theme-accent-pale-on-tint.yaml":       {"18:11 theme.accent"},
	"timezone-abbreviation.yaml":           {"15:15 arrangement.core_hours.timezone"},
	"timezone-offset.yaml":                 {"15:15 arrangement.core_hours.timezone"},
	"timezone-path.yaml":                   {"15:15 arrangement.core_hours.timezone"},
	"trial-as-list.yaml":                   {"13:3 trial"},
	"trial-null.yaml":                      {"12:1 trial.length_days", "12:1 trial.metrics"},
	"trial-with-reask.yaml":                {"17:1 reask"},
	"trial-without-length.yaml":            {"12:1 trial.length_days"},
	"trial-without-start.yaml":             {"8:1 arrangement.start"},
	"trial-without-trial.yaml":             {"1:1 trial"},
	"type-bool.yaml":                       {"9:9 arrangement.type"},
	"type-missing.yaml":                    {"8:1 arrangement.type"},
	"unclosed-quote.yaml":                  {"5:10 "},
	"utf16-be-bom.yaml":                    {"4:9 employee.name"},
	"utf16-odd.yaml":                       {"1:1 "},
	"version-capitalised.yaml":             {"1:1 Version"},
	"version-float.yaml":                   {"1:10 version"},
	"version-missing.yaml":                 {"1:1 version"},
	"version-zero.yaml":                    {"1:10 version"},
	"weekday-bool.yaml":                    {"10:17 arrangement.remote_days[0]", "10:21 arrangement.remote_days[1]"},
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
