package proposal_test

import (
	"os"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/pkg/proposal"
)

// TestReferenceIsCommitted keeps docs/file-format.md, the reference of
// every field, in step with the declarations.
func TestReferenceIsCommitted(t *testing.T) {
	golden.Check(t, "../../docs/file-format.md", proposal.Reference("full"))
}

const (
	sectionTableFile = "../../docs/editing-the-file.md"
	tableStart       = "<!-- The table below is made from the field declarations; `make update-golden` refreshes it. -->\n"
	tableEnd         = "<!-- End of the table made from the field declarations. -->\n"
)

// TestSectionTableFollowsTheFields checks the table of sections in
// docs/editing-the-file.md
// against the declarations: a field missing from it, or a key it names
// that the format no longer has, fails here. Run with -update to refresh
// it, then read the diff.
func TestSectionTableFollowsTheFields(t *testing.T) {
	data, err := os.ReadFile(sectionTableFile)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, tableStart), strings.Index(readme, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the markers around the file-format table:\n%s%s", sectionTableFile, tableStart, tableEnd)
	}
	got := readme[i+len(tableStart) : j]
	want := string(proposal.Reference("table"))
	if got == want {
		for _, f := range proposal.Fields() {
			if !strings.Contains(got, "`"+f.Key+"`") {
				t.Errorf("the table of sections does not name `%s`", f.Path)
			}
		}
		return
	}
	if golden.Update() {
		readme = readme[:i+len(tableStart)] + want + readme[j:]
		if err := os.WriteFile(sectionTableFile, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the table of sections differs from the fields (run with -update, then read the diff):\n--- docs\n%s\n--- fields\n%s", got, want)
}
