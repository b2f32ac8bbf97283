package proposal_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/internal/schemacheck"
	"github.com/propose-cli/propose/pkg/proposal"
)

// TestSchemaIsCommitted keeps schema/proposal.schema.json, the copy editors
// fetch, in step with the declarations. Run with -update after changing a
// field, then read the diff.
func TestSchemaIsCommitted(t *testing.T) {
	golden.Check(t, "../../schema/proposal.schema.json", proposal.Schema())
	golden.Check(t, "../../schema/log.schema.json", proposal.LogSchema())
}

// TestLogSchemaAcceptsTheExampleLog checks the trial example's log, and
// what the log writer makes of it, against the log's schema.
func TestLogSchemaAcceptsTheExampleLog(t *testing.T) {
	data, err := os.ReadFile("../../examples/trial.log.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := schemacheck.ValidateLog(data); err != nil {
		t.Errorf("the example log does not match the schema:\n%v", err)
	}
	l, err := proposal.LoadLog("trial.log.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if err := schemacheck.ValidateLog(proposal.MarshalLog(l)); err != nil {
		t.Errorf("the written log does not match the schema:\n%v", err)
	}
	if schemacheck.ValidateLog([]byte("version: 1\nentries:\n  - date: 2027-01-15\n    shiped: [x]\n")) == nil {
		t.Error("the schema accepts a misspelt key")
	}
}

// TestSchemaAcceptsEveryExample checks every shipped example, and the file
// Marshal writes from it, against the schema with an independent validator.
func TestSchemaAcceptsEveryExample(t *testing.T) {
	all, _ := filepath.Glob("../../examples/*.yaml")
	inLanguages, _ := filepath.Glob("../../examples/*/*.yaml") // their days in their own language
	all = append(all, inLanguages...)
	var files []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".log.yaml") { // the trial log has its own schema
			files = append(files, f)
		}
	}
	files = append(files, "testdata/valid-minimal.yaml")
	if len(files) < 9 {
		t.Fatalf("found %d examples", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemacheck.Validate(data); err != nil {
			t.Errorf("%s does not match the schema:\n%v", f, err)
		}
		p, _, err := proposal.Load(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := schemacheck.Validate(proposal.Marshal(p)); err != nil {
			t.Errorf("Marshal of %s does not match the schema:\n%v", f, err)
		}
	}
}

// TestSchemaRejectsWhatTheLoaderRejects checks that the schema is not
// vacuous: files with mistakes an editor can see are refused by it too.
func TestSchemaRejectsWhatTheLoaderRejects(t *testing.T) {
	for _, name := range []string{
		"unknown-key.yaml", "unknown-top-level.yaml", "unknown-scenario.yaml", "unknown-weekday.yaml",
		"weekend-day.yaml", "core-hours-format.yaml", "wrong-type-list.yaml", "wrong-type-number.yaml",
		"wrong-type-section.yaml", "wrong-version.yaml", "trial-too-long.yaml", "unknown-evidence.yaml",
		"counter-evidence.yaml", "missing-section.yaml", "missing-fields.yaml", "bad-email.yaml",
		"own-evidence-without-source.yaml", "misplaced-key.yaml", "metric-without-target.yaml",
		"key-with-hyphen.yaml", "key-capitalised.yaml", "bool-key.yaml", "metric-key-typo.yaml",
		"indent-list-no-dash.yaml", "indent-section-in-section.yaml", "version-missing.yaml",
		"scenario-underscore.yaml", "length-days-float.yaml", "length-days-negative.yaml",
		"notice-too-long.yaml", "commute-too-long.yaml", "policy-days-out-of-range.yaml",
		"policy-percent-sign.yaml", "type-bool.yaml", "type-missing.yaml", "provided-by-yes.yaml",
		"cadence-on.yaml", "cadence-missing.yaml", "status-report-fortnightly.yaml", "paper-uppercase.yaml",
		"section-null.yaml", "section-as-list.yaml", "text-as-list.yaml", "list-as-section.yaml",
		"metrics-text-items.yaml", "remote-days-range.yaml", "weekday-bool.yaml", "office-days-weekend.yaml",
		"date-slashes.yaml", "date-feb-29.yaml", "date-today.yaml", "core-hours-sexagesimal.yaml",
		"core-hours-24.yaml", "core-hours-pm.yaml", "offer-as-text.yaml", "keep-remote-review-too-long.yaml",
		"reask-reason-without-response.yaml", "evidence-id-capitals.yaml", "email-display-name.yaml",
		"objection-without-response.yaml", "remote-record-without-delivered.yaml", "private-as-text.yaml",
		"tag-set.yaml",
	} {
		data, err := os.ReadFile(filepath.Join("testdata/bad", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := schemacheck.Validate(data); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// TestSchemaDocumentsEveryKey checks that every field reaches the schema
// with its documentation sentence.
func TestSchemaDocumentsEveryKey(t *testing.T) {
	s := string(proposal.Schema())
	for _, f := range proposal.Fields() {
		if !strings.Contains(s, `"`+f.Key+`": {`) || !strings.Contains(s, `"description": "`+jsonText(f.Doc)) {
			t.Errorf("%s is not in the schema with its Doc", f.Path)
		}
	}
}

func jsonText(s string) string { return strings.ReplaceAll(s, `"`, `\"`) }

// schemaCannotTell lists the corpus files a JSON Schema accepts although
// propose refuses them, because the fault lies where a schema cannot look:
// in another field or the scenario, in today's date, in the file system,
// or in the raw text before YAML reads it (anchors, tags, number forms).
var schemaCannotTell = map[string]bool{
	// The raw text: anchors, aliases, tags, merge keys, number forms, documents.
	"alias-in-list-to-private.yaml": true, "private-alias.yaml": true, "alias-section-merge.yaml": true,
	"merge-key-in-metric.yaml": true, "merge-key-inline.yaml": true, "anchor-as-text.yaml": true,
	"tag-binary-text.yaml": true, "tag-include.yaml": true, "length-hex.yaml": true,
	"length-leading-zero.yaml": true, "length-underscore.yaml": true, "version-float.yaml": true,
	"two-documents.yaml": true, "trial-null.yaml": true, "list-dash-further-in.yaml": true, "metric-name-twice.yaml": true, "manager-is-employee.yaml": true,
	// Another field, or the scenario.
	"check-in-after-end.yaml": true, "check-in-equals-length.yaml": true, "core-hours-end-before-start.yaml": true,
	"core-hours-missing-end.yaml": true, "day-remote-and-office.yaml": true, "evidence-id-and-finding.yaml": true,
	"evidence-twice.yaml": true, "hybrid-all-remote.yaml": true, "keep-remote-agreement-no-terms.yaml": true,
	"keep-remote-hybrid-no-days.yaml": true, "keep-remote-review-empty.yaml": true,
	"keep-remote-review-no-metrics.yaml": true, "keep-remote-with-offer.yaml": true,
	"keep-remote-with-reask.yaml": true, "metrics-empty-list.yaml": true, "no-metrics.yaml": true,
	"offer-with-reask.yaml": true, "offer-with-trial-no-offer.yaml": true, "offer-with-trial.yaml": true,
	"offer-without-offer.yaml": true, "offer-without-role.yaml": true, "reask-empty-reasons.yaml": true,
	"reask-reasons-only-denied.yaml": true, "reask-with-offer.yaml": true, "reask-without-reask.yaml": true,
	"reask-without-trial.yaml": true, "remote-days-empty.yaml": true, "remote-days-missing-hybrid.yaml": true,
	"remote-too-few-days.yaml": true, "remote-with-office-days.yaml": true, "repeated-day.yaml": true,
	"section-for-other-scenario.yaml": true, "start-before-date.yaml": true, "trial-with-reask.yaml": true,
	"trial-without-length.yaml": true, "trial-without-start.yaml": true, "trial-without-trial.yaml": true,
	"demand-outside-keep-remote.yaml": true, "demand-where-for-office.yaml": true, "demand-without-from.yaml": true,
	"move-without-date-or-place.yaml": true,
	// Today's date, or the calendar; one date against another.
	"keep-remote-agreement-future.yaml": true, "reask-denied-in-future.yaml": true,
	"previous-request-after.yaml": true, "started-after-request.yaml": true,
	"reask-denied-same-day.yaml": true, "start-on-weekend.yaml": true,
	// The file system, or a list too long to write into a schema.
	"logo-web-address.yaml": true, "theme-logo-folder.yaml": true, "theme-logo-kind.yaml": true,
	"bad-timezone.yaml": true, "timezone-abbreviation.yaml": true, "timezone-offset.yaml": true,
	"timezone-path.yaml": true, "busy-period.yaml": true,
	// Arithmetic: a colour's contrast is a sum of powers of its channels,
	// beyond what a pattern can reasonably say.
	"theme-light-accent.yaml": true, "theme-white-accent.yaml": true, "theme-accent-pale-on-tint.yaml": true,
}

// TestSchemaRefusesTheCorpus checks that an editor using the schema marks
// every file of the bad-input corpus that a schema can judge: a file the
// schema accepts must be one listed in schemaCannotTell, and a listed file
// the schema now refuses must leave the list.
func TestSchemaRefusesTheCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if _, err := proposal.Parse(name, data, proposal.NewDate(2026, 11, 24)); err == nil {
			t.Errorf("%s: propose accepts it", name)
			continue
		}
		accepted := schemacheck.Validate(data) == nil
		switch {
		case accepted && !schemaCannotTell[name]:
			t.Errorf("%s: the schema accepts it, though propose refuses it", name)
		case !accepted && schemaCannotTell[name]:
			t.Errorf("%s: the schema refuses it now; take it off schemaCannotTell", name)
		}
	}
}
