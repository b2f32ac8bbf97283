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

func TestDocumentPhrase(t *testing.T) {
	for in, want := range map[string]string{
		"My offer letter":          "my offer letter",
		"The job advert":           "the job advert",
		"email from the recruiter": "the email from the recruiter",
		"Offer letter":             "the offer letter",
		"Jonas’s email":            "Jonas’s email",
		"HR email of 3 May":        "HR email of 3 May",
	} {
		if got := Document(in); got != want {
			t.Errorf("Document(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"March 2020 to June 2022":  "March 2020 to June 2022",
		"Fully remote, at Halcyon": "fully remote, at Halcyon",
		"Bergen, fully remote":     "Bergen, fully remote",
		"I can be there":           "I can be there",
		"A remote day":             "a remote day",
	} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHoursTextSaysTheTimeItCounts checks the commuting time a week as the
// business case writes it: to the nearest five minutes, never rounded to a
// half hour it is not.
func TestHoursTextSaysTheTimeItCounts(t *testing.T) {
	for minutes, want := range map[int]string{
		60: "60 minutes", 90: "an hour and a half", 100: "one hour and 40 minutes", 120: "two hours",
		300: "five hours", 330: "five and a half hours", 400: "six hours and 40 minutes", 718: "12 hours",
	} {
		if got := LangOf("en-US").duration(minutes); got != want {
			t.Errorf("duration(%d) = %q, want %q", minutes, got, want)
		}
	}
}

// TestCounterResearchFitsTheWork checks that the prep sheet readies the
// user for the findings a manager of their work may raise: a study of code
// review for an engineer who mentors, not for a nurse; the pandemic and
// collaboration studies for everyone.
func TestCounterResearchFitsTheWork(t *testing.T) {
	has := func(v *Private, word string) bool {
		for _, c := range v.Counter {
			if strings.Contains(c.Finding, word) {
				return true
			}
		}
		return false
	}
	nurse := NewPrivate(&proposal.Proposal{Scenario: proposal.ScenarioTrial, Paper: "letter",
		Employee:    proposal.Employee{Name: "Rosa Delgado", Title: "RN Care Coordinator"},
		Arrangement: proposal.Arrangement{Type: "hybrid", RemoteWork: []string{"Charting for the next day's patients"}}})
	engineer := NewPrivate(&proposal.Proposal{Scenario: proposal.ScenarioTrial, Paper: "letter",
		Employee:    proposal.Employee{Name: "Ana Lima", Title: "Senior Software Engineer"},
		Arrangement: proposal.Arrangement{Type: "hybrid", InPersonCommitments: []string{"Pairing with the juniors I mentor"}}})
	if has(nurse, "code-review") || !has(engineer, "code-review") {
		t.Errorf("the code-review study: for the nurse %v, for the engineer %v", has(nurse, "code-review"), has(engineer, "code-review"))
	}
	if !has(nurse, "Pandemic") || !has(engineer, "Pandemic") {
		t.Error("the pandemic study is for everyone")
	}
}
