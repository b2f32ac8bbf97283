package evidence

import (
	"regexp"
	"strings"
	"testing"
)

var number = regexp.MustCompile(`[0-9][0-9,.]*%?`)

// TestClaimsStayWithinFindings checks every sentence a manager may read
// against the verified finding: each number it states is in the finding
// (or the population it holds for), so a claim cannot grow in the retelling.
func TestClaimsStayWithinFindings(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range library {
		if seen[c.ID] {
			t.Errorf("%s: duplicate id", c.ID)
		}
		seen[c.ID] = true
		if c.Reference == "" || !strings.HasPrefix(c.URL, "https://") || c.HoldsFor == "" || c.Finding == "" {
			t.Errorf("%s: incomplete citation", c.ID)
		}
		switch c.Kind {
		case Counter:
			if c.Answer == "" || c.Claim != "" {
				t.Errorf("%s: counter evidence needs an answer and no manager-facing claim", c.ID)
			}
			continue
		case Leverage:
			if c.Answer == "" || c.Claim != "" || c.Speak == "" {
				t.Errorf("%s: leverage needs a sentence for the prep sheet, how to hold it, and no manager-facing claim", c.ID)
			}
			if _, ok := ForManager(c.ID); ok {
				t.Errorf("%s: leverage is offered to manager documents", c.ID)
			}
			continue
		}
		if c.Claim == "" || c.Speak == "" || c.Short == "" || len(c.Short) > 90 {
			t.Errorf("%s: needs a claim and a short menu line of at most 90 characters", c.ID)
		}
		source := c.Finding + " " + c.HoldsFor + " " + c.Reference
		for _, n := range number.FindAllString(c.Claim+" "+c.Short+" "+c.Speak, -1) {
			n = strings.TrimRight(n, ".,")
			if !strings.Contains(source, n) {
				t.Errorf("%s: %q is not in the verified finding", c.ID, n)
			}
		}
	}
}

func TestShortCite(t *testing.T) {
	for _, c := range library {
		if !c.Kind.ForManager() {
			continue
		}
		m, ok := ForManager(c.ID)
		if !ok || m.Cite == "" || strings.Contains(m.Cite, "(") {
			t.Errorf("%s: short citation %q", c.ID, m.Cite)
		}
	}
	for ref, want := range map[string]string{
		"Bloom, N., Han, R. and Liang, J. (2024). “Hybrid.” Nature.": "Bloom et al., 2024",
		"Gallup. “Hybrid Work” indicator (2022–2023).":               "Gallup, 2022–2023",
		"Atlassian (2023). “Lessons Learned.”":                       "Atlassian, 2023",
	} {
		if got := shortCite(ref); got != want {
			t.Errorf("shortCite(%q) = %q, want %q", ref, got, want)
		}
	}
}
