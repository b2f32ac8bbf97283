package render

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// section returns the Markdown from the heading that starts with head to
// the next heading of the same level; "" when there is none.
func section(md, head string) string {
	i := strings.Index(md, "\n"+head)
	if i < 0 {
		return ""
	}
	rest := md[i+1:]
	if j := regexp.MustCompile(`\n## `).FindStringIndex(rest[3:]); j != nil {
		rest = rest[:j[0]+3]
	}
	return strings.TrimSpace(rest)
}

// TestTheLawWhereYouWork renders a realistic request for each jurisdiction
// propose knows, on fixed dates, and holds to a golden what the law adds:
// the statements of a statutory request in the proposal, its signature
// line, the email's decision date, the calendar's, the prep sheet's
// account of the law and the coach's findings. The goldens are read as
// the law's rules say: Ireland's eight weeks and six months, the
// Netherlands' two months and one month, Great Britain's two requests in
// twelve months and two months to decide, Northern Ireland's 26 weeks.
func TestTheLawWhereYouWork(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/jurisdictions/*.yaml")
	if len(files) < 7 {
		t.Fatalf("%d jurisdiction files", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := load(t, src)
			out, err := Files(p, Options{Creator: "propose test", Formats: []Format{Markdown}})
			if err != nil {
				t.Fatal(err)
			}
			m := byName(out)
			v := view.NewPublic(p)
			var b strings.Builder
			fmt.Fprintf(&b, "# %s\n\n", name)
			if v.Law == nil {
				t.Fatal("no law in the view")
			}
			heading := "## " + v.Law.Heading
			if v.Law.Statutory {
				fmt.Fprintf(&b, "## The proposal's statutory section\n\n%s\n\n", section(string(m["proposal.md"]), heading))
				if v.Law.Signature != "" && !strings.Contains(string(m["proposal.md"]), v.Law.Signature) {
					t.Error("the proposal lacks its signature line")
				}
				fmt.Fprintf(&b, "Signature: %s\nSend by: %s\nDecision due: %s\nEmail: %s\n\n", v.Law.Signature, v.Law.SendBy, v.Law.DecisionDue, v.Law.EmailLine)
				if v.Law.EmailLine != "" {
					mail, err := Email(v, "manager@example.com", Options{Creator: "propose test"})
					if err != nil {
						t.Fatal(err)
					}
					if !strings.Contains(readEmail(t, mail.Data).text, v.Law.EmailLine) {
						t.Error("the email lacks the decision's date")
					}
					cal, err := Calendar(p, CalendarOptions{})
					if err != nil {
						t.Fatal(err)
					}
					var due []string
					for _, ev := range strings.Split(string(cal.Data), "BEGIN:VEVENT") {
						if strings.Contains(ev, "-decision@propose") {
							due = regexp.MustCompile(`DTSTART;VALUE=DATE:(\d+)`).FindStringSubmatch(ev)
						}
					}
					if due == nil {
						t.Error("the calendar lacks the decision's date")
					} else {
						fmt.Fprintf(&b, "Calendar: decision due %s\n\n", due[1])
					}
				}
			} else if strings.Contains(string(m["proposal.md"]), "\n## "+view.LangOf("en-GB").Say("law.heading", map[string]string{})) {
				t.Error("an informal request carries a statutory section")
			}
			prepHeads := map[string]string{"en": "## The law where you work", "de": "## Das Recht an Ihrem Arbeitsort", "fr": "## Le droit là où vous travaillez", "es": "## La ley donde trabajas", "nl": "## Het recht waar je werkt"}
			prep := string(m["private/prep.md"])
			head := prepHeads[view.LangOf(p.PrepLanguageTag()).Folder]
			if section(prep, head) == "" {
				t.Fatalf("the prep sheet has no section %q", head)
			}
			fmt.Fprintf(&b, "## The prep sheet's section\n\n%s\n\n## The coach\n\n", section(prep, head))
			for _, f := range check.Run(p, proposal.Date{}).Findings {
				if strings.HasPrefix(f.Rule, "law.") {
					fmt.Fprintf(&b, "- %s at %s: %s / %s\n", f.Rule, f.Field, f.Manager, f.Fix)
				}
			}
			golden.Check(t, filepath.Join("testdata", t.Name()+".golden"), []byte(b.String()))
		})
	}
}
