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
	tableStart = "<!-- The table below is made from the field declarations; `make update-golden` refreshes it. -->\n"
	tableEnd   = "<!-- End of the table made from the field declarations. -->\n"
)

// TestREADMETableFollowsTheFields checks the README's file-format table
// against the declarations: a field missing from it, or a key it names
// that the format no longer has, fails here. Run with -update to refresh
// it, then read the diff.
func TestREADMETableFollowsTheFields(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, tableStart), strings.Index(readme, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers around the file-format table:\n%s%s", tableStart, tableEnd)
	}
	got := readme[i+len(tableStart) : j]
	want := string(proposal.Reference("table"))
	if got == want {
		for _, f := range proposal.Fields() {
			if !strings.Contains(got, "`"+f.Key+"`") {
				t.Errorf("the README table does not name `%s`", f.Path)
			}
		}
		return
	}
	if golden.Update() {
		readme = readme[:i+len(tableStart)] + want + readme[j:]
		if err := os.WriteFile("../../README.md", []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the README's file-format table differs from the fields (run with -update, then read the diff):\n--- README\n%s\n--- fields\n%s", got, want)
}
