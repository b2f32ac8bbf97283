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
	var files []string
	for _, f := range all {
		if !strings.HasSuffix(f, ".log.yaml") { // the trial log has its own schema
			files = append(files, f)
		}
	}
	files = append(files, "testdata/valid-minimal.yaml")
	if len(files) < 5 {
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
