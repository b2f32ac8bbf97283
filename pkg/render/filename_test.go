package render

import "testing"

func TestFileSafeNamesCannotDisguiseThemselves(t *testing.T) {
	for in, want := range map[string]string{
		"Proposal - Zoë Okafor - hybrid trial":    "Proposal - Zoë Okafor - hybrid trial",
		"Proposal - Mallory\u202efdp.exe - trial": "Proposal - Malloryfdp.exe - trial",
		"Proposal - A\u2066B\u2069\u200e - trial": "Proposal - AB - trial",
		"Proposal - a/b\\c:d*e?f\"g<h>i|j":        "Proposal - abcdefghij",
		"Proposal - tab\tand\u00a0nbsp  twice":    "Proposal - tab and nbsp twice",
		"Proposal - ends in dots...":              "Proposal - ends in dots",
		"Proposal - zero\u200bwidth":              "Proposal - zerowidth",
	} {
		if got := fileSafe(in); got != want {
			t.Errorf("fileSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
