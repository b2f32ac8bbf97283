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
}

// TestSchemaAcceptsEveryExample checks every shipped example, and the file
// Marshal writes from it, against the schema with an independent validator.
func TestSchemaAcceptsEveryExample(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.yaml")
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
