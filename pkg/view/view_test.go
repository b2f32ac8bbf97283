package view

import (
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/proposal"
)

// TestOfferTitleIsEscapedOnlyForMarkdown: the role is user text; the
// Markdown title escapes it, the PDF metadata title shows it as typed.
func TestOfferTitleIsEscapedOnlyForMarkdown(t *testing.T) {
	p := &proposal.Proposal{Scenario: proposal.ScenarioOffer, Paper: "letter",
		Offer:       proposal.Offer{Role: "Lead *R&D* Engineer"},
		Arrangement: proposal.Arrangement{Type: "remote"}}
	v := NewPublic(p)
	if !strings.Contains(v.Title, `Lead \*R&D\* Engineer`) {
		t.Errorf("Markdown title %q does not escape the role", v.Title)
	}
	if v.PlainTitle != "Remote Working Terms for the Lead *R&D* Engineer Offer" {
		t.Errorf("plain title %q", v.PlainTitle)
	}
	if !strings.Contains(v.PlainSubject, "Lead *R&D* Engineer role") {
		t.Errorf("plain subject %q", v.PlainSubject)
	}
}
