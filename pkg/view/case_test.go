package view

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/proposal"
)

// TestShortenKeepsWholeThoughts shortens lines a one-pager prints to a
// whole sentence or clause, and cuts at a word, with an ellipsis, only
// when none fits.
func TestShortenKeepsWholeThoughts(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		max      int
		want     string
		clipped  bool
	}{
		{"fits", "Within one hour during core hours", 60,
			"Within one hour during core hours", false},
		{"clause before , and", "Within one hour during core hours, and within five minutes for anything urgent that affects a customer", 60,
			"Within one hour during core hours", false},
		{"clause before a semicolon", "A check-in on day 30 and a review on March 11, 2027; it continues only with your agreement", 70,
			"A check-in on day 30 and a review on March 11, 2027", false},
		{"first sentence", "I answer within an hour during core hours. Outside them, urgent matters reach me by phone, and I check messages at 8:00 a.m. every day.", 60,
			"I answer within an hour during core hours.", false},
		{"a.m. and p.m. end no sentence", "Reachable from 9:00 a.m. to 5:00 p.m. Central Time — by phone for anything urgent that cannot wait", 60,
			"Reachable from 9:00 a.m. to 5:00 p.m. Central Time", false},
		{"Dr. ends no sentence", "Reviewed with Dr. Patel in the quarterly review, and she signed off the arrangement for the year", 50,
			"Reviewed with Dr. Patel in the quarterly review", false},
		{"before a parenthesis", "VPN with multi-factor sign-in (the company laptop never leaves the house without its encrypted drive)", 40,
			"VPN with multi-factor sign-in", false},
		{"a full stop when the whole had one", "Two analysts on the Pricing team work remotely on Fridays; the team’s output has not changed.", 70,
			"Two analysts on the Pricing team work remotely on Fridays.", false},
		{"the end of a list is no clause", "Reachable on Slack, email, and Zoom within the hour during core hours every working day", 40,
			"Reachable on Slack, email, and Zoom…", true},
		{"a label before a colon is no clause", "Daily: written update in #revenue-analytics by 10:00 with blockers flagged", 30,
			"Daily: written update in…", true},
		{"a parenthesis is closed", "Update (what shipped, what is next, what is blocked and who can unblock it)", 40,
			"Update (what shipped, what is next…)", true},
		{"a quotation to its first sentence", "Offer letter (12 May 2026): “The role is fully remote. Travel to the London office is expected once a quarter, at the company’s expense.”", 60,
			"Offer letter (12 May 2026): “The role is fully remote.”", false},
		{"a quotation never cut inside", "Offer letter (12 May 2026): “The role is fully remote. Travel to the London office is expected once a quarter, at the company’s expense.”", 40,
			"Offer letter (12 May 2026): “The role is fully remote.”", false},
		{"a quotation of one sentence kept whole", "Offer letter: “The role is remote, with travel to the London office once a quarter at the company’s expense.”", 50,
			"Offer letter: “The role is remote, with travel to the London office once a quarter at the company’s expense.”", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, clipped := shorten(tc.in, tc.max)
			if got != tc.want || clipped != tc.clipped {
				t.Errorf("shorten(%q, %d)\n got %q (clipped %v)\nwant %q (clipped %v)", tc.in, tc.max, got, clipped, tc.want, tc.clipped)
			}
			if !strings.Contains(tc.in, "“") && utf8.RuneCountInString(got) > tc.max+2 {
				t.Errorf("%q is longer than %d", got, tc.max)
			}
			if !clipped && strings.HasSuffix(got, "…") {
				t.Errorf("%q ends in an ellipsis without being reported", got)
			}
		})
	}
}

// TestCondensedReportsWordCuts: a line cut at a word is returned with the
// field it was written from; one shortened to a clause is not.
func TestCondensedReportsWordCuts(t *testing.T) {
	response := "within one hour by Slack, email and Zoom during core hours every working day without exception"
	v := &Public{
		Texts:        []proposal.Text{{Field: "communication.response_time", Value: response}},
		ManagerKeeps: []string{"A check-in on day 30 and a review on March 11, 2027; it continues only with your agreement"},
		Why:          []WhyItem{{"written", "In writing", "Offer letter: “The role is fully remote. Travel to the London office is expected once a quarter, at the company’s expense.”"}},
	}
	v.ResponseTime = Escape(response)
	c, clips := v.Condensed(5, 60)
	if len(clips) != 1 || clips[0].Field != "communication.response_time" || clips[0].Text != c.ResponseTime {
		t.Fatalf("clips %+v, want the response time", clips)
	}
	if !strings.HasSuffix(c.ResponseTime, "…") {
		t.Errorf("response time %q", c.ResponseTime)
	}
	if c.ManagerKeeps[0] != "A check-in on day 30 and a review on March 11, 2027" {
		t.Errorf("manager keeps %q", c.ManagerKeeps[0])
	}
	if got := c.Why[0].Text; got != "Offer letter: “The role is fully remote.”" {
		t.Errorf("in writing %q", got)
	}
}

// TestShortenKeepsQuotationsInEveryLanguage checks that shortening a line
// never cuts inside a quotation written with the language's own marks.
func TestShortenKeepsQuotationsInEveryLanguage(t *testing.T) {
	for tag, line := range map[string]string{
		"de": "Über dem Limit der Betriebsvereinbarung; ihre Ausnahmeregel lautet: „Ausnahmen sind in begründeten Fällen möglich, etwa bei langen Wegen.“",
		"fr": "Au-delà de la limite de la charte ; sa clause d’exception prévoit : « Des dérogations sont possibles sur demande motivée du salarié. »",
		"nl": "Boven de limiet van het beleid; de uitzonderingsbepaling luidt: ‘Uitzonderingen zijn mogelijk op grond van zwaarwegende persoonlijke omstandigheden.’",
	} {
		q := LangOf(tag).marks()
		got, clipped := shortenIn(line, 90, q)
		if strings.Count(got, string(q.open)) != strings.Count(got, string(q.close)) {
			t.Errorf("%s: shortened to %q (clipped %v): a quotation is cut", tag, got, clipped)
		}
	}
}
