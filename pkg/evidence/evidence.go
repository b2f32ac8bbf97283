// Package evidence is the built-in library of verified citations. A document
// a manager reads may cite only what is listed here (see shared/evidence.md
// for the verification); each entry says whom its finding holds for, so the
// text around it never stretches it further.
package evidence

import (
	"sort"
	"strings"
)

// Kind is a citation's audience and use: only Supporting evidence may
// reach a document the manager reads; the other kinds are for the private
// prep sheet.
type Kind int

const (
	// Supporting evidence may be cited in the proposal's business case and
	// anywhere else the manager reads.
	Supporting Kind = iota
	// Counter evidence is what a manager may raise; it appears only on the
	// private prep sheet, with an honest answer.
	Counter
	// Leverage is a finding that helps the employee understand their
	// position (how many people leave when flexibility is withdrawn). It is
	// true, and it reads as a threat: it appears only on the prep sheet.
	Leverage
)

// ForManager reports whether citations of the kind may appear in a
// document the manager reads.
func (k Kind) ForManager() bool { return k == Supporting }

// Citation is one verified finding.
type Citation struct {
	ID        string
	Kind      Kind
	Short     string // a menu line: who, what, where published
	Claim     string // one sentence for a manager-facing document, within the finding's population; Supporting only
	Speak     string // the finding as you would say it aloud, for the prep sheet
	Finding   string // the finding in full, as verified
	HoldsFor  string // the population the finding holds for
	Reference string // the full reference, without the link
	URL       string // DOI or web address
	Answer    string // for Counter evidence, the honest answer; for Leverage, how to hold it

	// RemoteDays is how many days a week the arrangement studied was
	// remote, for a study of a part-week arrangement; 0 when the finding
	// is not about a number of days. A request for more days than a study
	// measured is beyond what it found.
	RemoteDays int

	// Balance marks a finding that does not point towards remote work,
	// though a manager may read it: where firms see a difference, it
	// favours the office. A document cites it for balance, never as
	// support for the request.
	Balance bool

	// SelfReport marks a company's report of its own results: cited as
	// what that employer reports, never as research.
	SelfReport bool

	// Raised is, for Counter evidence, the words of the work where a
	// manager is likely to raise the finding (a regular expression, in any
	// case); empty where it may be raised against any request.
	Raised string
}

var library = []Citation{
	{
		ID:    "bloom-2015-qje",
		Kind:  Supporting,
		Short: "Ctrip call centre, 9-month experiment: performance +13%, attrition halved (QJE 2015)",
		Speak: "In a nine-month experiment in a Chinese travel company’s call centre, staff who worked from home performed 13% better and quit about half as often.",
		Claim: "In a nine-month randomised experiment with call-centre staff at Ctrip, a large Chinese travel agency, " +
			"working from home raised performance by 13% and roughly halved attrition.",
		Finding: "Randomised 9-month work-from-home experiment: performance rose 13% (about 9 points from more minutes " +
			"worked per shift — fewer breaks and sick days — and 4 from more calls per minute); attrition roughly halved; " +
			"promotion rates conditional on performance fell. When workers could re-choose, the gain rose to 22%.",
		HoldsFor: "call-centre volunteers at Ctrip, a Chinese travel agency (~16,000 staff)",
		Reference: "Bloom, N., Liang, J., Roberts, J. and Ying, Z. J. (2015). “Does Working from Home Work? " +
			"Evidence from a Chinese Experiment.” Quarterly Journal of Economics 130(1): 165–218.",
		URL: "https://doi.org/10.1093/qje/qju032",
		// The home workers worked four shifts a week from home and one in
		// the office (the paper's design; checked 2026-12-07 against an
		// account of the NBER working paper, w18871): a request for five
		// days goes beyond it.
		RemoteDays: 4,
	},
	{
		ID:         "bloom-2024-nature",
		Kind:       Supporting,
		Short:      "Trip.com two-day hybrid trial: quits down a third, reviews unchanged (Nature 2024)",
		RemoteDays: 2,
		Speak:      "A randomised trial of 1,612 staff published in Nature found two home days a week cut quitting by a third, with no effect on performance reviews or promotions.",
		Claim: "A six-month randomised trial of hybrid work with 1,612 employees at Trip.com, working from home two days " +
			"a week, cut quit rates by one third with no effect on performance reviews or promotions over two years.",
		Finding: "Randomised 6-month trial of hybrid work (home on Wednesdays and Fridays): quit rates fell by one third, " +
			"job satisfaction rose; no effect on performance reviews over two years, no difference in promotions. " +
			"Managers' estimate of the productivity effect moved from −2.6% before to +1.0% after. Effects strongest " +
			"for non-managers, women, and long commutes.",
		HoldsFor: "1,612 employees at Trip.com, 2021–22",
		Reference: "Bloom, N., Han, R. and Liang, J. (2024). “Hybrid working from home improves retention without " +
			"damaging performance.” Nature 630: 920–925.",
		URL: "https://doi.org/10.1038/s41586-024-07500-2",
	},
	{
		ID:    "gallup-hybrid",
		Kind:  Supporting,
		Short: "Gallup: hybrid and fully remote staff more engaged than on-site (2022–23)",
		Speak: "Gallup finds that people in remote-capable jobs who work hybrid or fully remotely are more engaged than those on site.",
		Claim: "Gallup finds that US employees in remote-capable jobs who work hybrid or fully remotely are more engaged " +
			"than those who work on site (2022–2023).",
		Finding:   "Exclusively remote and hybrid employees show higher engagement than on-site workers with remote-capable jobs.",
		HoldsFor:  "US employees with remote-capable jobs",
		Reference: "Gallup. “Hybrid Work” indicator (2022–2023).",
		URL:       "https://www.gallup.com/401384/indicator-hybrid-work.aspx",
	},
	{
		ID:    "gallup-leave-intent",
		Kind:  Leverage,
		Short: "Gallup: six in ten fully remote staff would look elsewhere without flexibility",
		Speak: "About six in ten fully remote employees say they are extremely likely to look for another job if " +
			"remote flexibility is removed. It is a stated intention, not measured quits.",
		Finding: "About six in ten exclusively remote employees say they are extremely likely to look for another job " +
			"if remote flexibility is removed (a stated intention, not measured quits).",
		HoldsFor:  "US employees with remote-capable jobs",
		Reference: "Gallup. “Hybrid Work” indicator (2022–2023).",
		URL:       "https://www.gallup.com/401384/indicator-hybrid-work.aspx",
		Answer: "Keep it in your head, not in the document or the conversation: your manager knows the risk of losing " +
			"you, and saying it turns a proposal into a threat.",
	},
	{
		ID:         "atlassian-distributed",
		Kind:       Supporting,
		Short:      "Atlassian: offer acceptance up 20% after going distributed (self-report, 2023)",
		SelfReport: true,
		Speak:      "Atlassian says its offer-acceptance rate rose 20% after it went distributed, and most of its staff still come into an office each quarter.",
		Claim: "Atlassian reports that after it adopted distributed work its candidate offer-acceptance rate rose 20%, " +
			"while 80% of its staff still visit an office each quarter.",
		Finding: "After adopting distributed work, the company reports its candidate offer-acceptance rate rose 20%, " +
			"and 80% of staff still visit an office each quarter. Company self-report.",
		HoldsFor:  "Atlassian (company self-report)",
		Reference: "Atlassian (2023). “Lessons Learned: 1,000 Days of Distributed.”",
		URL:       "https://www.atlassian.com/solutions/distributed/lessons-learned",
	},
	{
		ID:       "wfh-research-2025",
		Kind:     Supporting,
		Short:    "WFH Research: about a quarter of US paid workdays are worked from home (2025)",
		Speak:    "About a quarter of paid workdays in the US are now worked from home.",
		Claim:    "Working from home accounts for about a quarter of paid workdays among Americans aged 20 to 64.",
		Finding:  "Working from home accounts for about a quarter of paid workdays among Americans aged 20–64.",
		HoldsFor: "US workers aged 20–64",
		Reference: "Buckman, S., Barrero, J. M., Bloom, N. and Davis, S. J. (2025). “Measuring Work from Home.” " +
			"WFH Research, Survey of Working Arrangements and Attitudes.",
		URL: "https://wfhresearch.com",
	},
	{
		ID:        "flex-index-2023",
		Kind:      Supporting,
		Short:     "Flex Index: 58% of US firms offered location flexibility (Q2 2023)",
		Speak:     "By mid-2023, 58% of US companies tracked by Flex Index offered location flexibility.",
		Claim:     "In the second quarter of 2023, 58% of the US companies tracked by Flex Index offered location flexibility.",
		Finding:   "58% of US companies offered location flexibility in Q2 2023.",
		HoldsFor:  "US firms tracked by Flex Index",
		Reference: "Flex Index (Scoop). Q2 2023 report.",
		URL:       "https://flex.scoopforwork.com",
	},
	{
		ID:         "angelici-2024",
		Kind:       Supporting,
		Short:      "Italian firm, nine-month trial of one flexible day a week: productivity up (2024)",
		RemoteDays: 1,
		Speak:      "In a randomised trial at a large Italian company, one flexible day a week for nine months raised productivity and cut leave by about a day a month.",
		Claim: "In a randomised trial at a large Italian company, one day a week of flexible place and time for nine " +
			"months raised productivity, cut leave by about one day a month and improved well-being.",
		Finding: "Randomised trial: one day a week of flexible place and time for nine months raised productivity, cut " +
			"leave by about one day a month, and improved well-being and work-life balance.",
		HoldsFor:  "employees of a large Italian company, 2016–17",
		Reference: "Angelici, M. and Profeta, P. (2024). “Smart Working: Work Flexibility Without Constraints.” Management Science.",
		URL:       "https://doi.org/10.1287/mnsc.2023.4767",
	},
	{
		ID:      "btos-2025",
		Kind:    Supporting,
		Short:   "US Census survey: most firms see equal productivity on site and at home (2025)",
		Balance: true,
		Speak:   "In a Census Bureau survey of over 150,000 US firms, most said productivity is about the same on site and at home.",
		Claim: "In a Census Bureau survey of over 150,000 US firms, most said productivity is about the same on site and " +
			"at home: 7% found on site more productive and 2% found home more productive.",
		Finding: "Most US firms say productivity is about the same on site and at home (7% say on site is more " +
			"productive, 2% say home); firms average about one work-from-home day a week.",
		HoldsFor: "over 150,000 US firms surveyed by the Census Bureau, late 2024–early 2025",
		Reference: "Barrero, J. M. et al. (2025). “Tapping Business and Household Surveys to Sharpen Our View of Work " +
			"from Home.” NBER Working Paper 33951.",
		URL: "https://www.nber.org/papers/w33951",
	},
	{
		ID:    "choudhury-2021",
		Kind:  Supporting,
		Short: "Already-remote patent examiners: home to anywhere raised output 4.4% (SMJ 2021)",
		Speak: "When already-remote US patent examiners could work from anywhere, their output rose 4.4% with no change in rework.",
		Claim: "When US Patent and Trademark Office examiners who already worked from home were allowed to work from " +
			"anywhere, their individually measured output rose by 4.4% with no change in rework.",
		Finding:  "Moving patent examiners from work-from-home to work-from-anywhere raised output by 4.4% with no change in rework.",
		HoldsFor: "US Patent and Trademark Office examiners, already remote, individually measured work",
		Reference: "Choudhury, P., Foroughi, C. and Larson, B. (2021). “Work-from-anywhere: The productivity effects of " +
			"geographic flexibility.” Strategic Management Journal 42(4): 655–683.",
		URL: "https://doi.org/10.1002/smj.3251",
	},
	{
		ID:       "gibbs-2023",
		Kind:     Counter,
		Finding:  "Pandemic-era work from home at an Indian IT firm: productivity fell 8–19%, with more coordination time.",
		HoldsFor: "IT professionals at one Indian IT services company, 2019–20",
		Answer: "That was remote work forced on a whole firm, unplanned, in the pandemic; a chosen arrangement whose " +
			"output is measured and reviewed is a different thing.",
		Reference: "Gibbs, M., Mengel, F. and Siemroth, C. (2023). “Work from Home and Productivity: Evidence from " +
			"Personnel and Analytics Data on Information Technology Professionals.” Journal of Political Economy " +
			"Microeconomics 1(1): 7–41.",
		URL: "https://doi.org/10.1086/721803",
	},
	{
		ID:       "yang-2021",
		Kind:     Counter,
		Finding:  "Firm-wide remote work at Microsoft made collaboration networks more static and siloed.",
		HoldsFor: "over 61,000 US employees of Microsoft, 2019–20",
		Answer:   "That was a whole firm sent home at once; one planned arrangement, with in-person time for the cross-team work that needs it, is a different thing.",
		Reference: "Yang, L. et al. (2021). “The effects of remote work on collaboration among information workers.” " +
			"Nature Human Behaviour 6: 43–54.",
		URL: "https://doi.org/10.1038/s41562-021-01196-4",
	},
	{
		ID:   "emanuel-2023",
		Kind: Counter,
		Finding: "Sitting near teammates increased code-review feedback, mostly to junior engineers (18.3% in the current " +
			"version of the paper; the 2023 version said 22%).",
		HoldsFor: "software engineers at a Fortune 500 firm",
		Raised:   `engineer|developer|software|code|programm|mentor|junior|pairing`,
		Answer:   "The effect was on feedback to juniors; set times for pairing and review, in person where it matters, answer it.",
		Reference: "Emanuel, N., Harrington, E. and Pallais, A. (2023). “The Power of Proximity to Coworkers: " +
			"Training for Tomorrow or Productivity Today?” NBER Working Paper 31880.",
		URL: "https://www.nber.org/papers/w31880",
	},
	{
		ID:   "emanuel-harrington-2024",
		Kind: Counter,
		Finding: "Before 2020, remote call-centre workers answered 12% fewer calls an hour: about 4 points from working " +
			"remotely, the rest from who chose remote jobs; quality and promotions fell most for inexperienced workers.",
		HoldsFor: "remote and on-site call-centre workers at one large US firm, before 2020",
		Raised:   `call|contact cent|support|service|agent|help ?desk|customer|claims|reservation`,
		Answer: "That compares people who chose remote call-centre jobs; most of the gap came from who chose them. This " +
			"is a planned arrangement for an experienced person whose output is measured and reviewed.",
		Reference: "Emanuel, N. and Harrington, E. (2024). “Working Remotely? Selection, Treatment, and the Market for " +
			"Remote Work.” American Economic Journal: Applied Economics 16(4): 528–559.",
		URL: "https://doi.org/10.1257/app.20230376",
	},
	{
		ID:       "atkin-2023",
		Kind:     Counter,
		Finding:  "New data-entry hires randomly assigned to work from home were 18% less productive, two thirds of it from day one.",
		HoldsFor: "newly hired data-entry workers, randomly assigned",
		Raised:   `data entry|data-entry|entry-level|new hire|newly hired|junior|clerk|processing|processor|coder|coding|billing|onboard`,
		Answer:   "Routine entry-level work by new hires is not the measured work of an established person.",
		Reference: "Atkin, D., Schoar, A. and Shinde, S. (2023). “Working from Home, Worker Sorting and Development.” " +
			"NBER Working Paper 31515.",
		URL: "https://www.nber.org/papers/w31515",
	},
}

var byID = func() map[string]Citation {
	m := make(map[string]Citation, len(library))
	for _, c := range library {
		m[c.ID] = c
	}
	return m
}()

// Lookup returns the citation with the given id, of any kind. Documents a
// manager reads use ForManager instead.
func Lookup(id string) (Citation, bool) {
	c, ok := byID[id]
	return c, ok
}

// ManagerCitation is a finding a manager may read: only Supporting
// evidence can become one, so a document built from ManagerCitations
// cannot print leverage or a counter-finding.
type ManagerCitation struct {
	ID        string
	Claim     string // one sentence, within the finding's population
	Reference string
	URL       string
	Cite      string // a short form for running text, such as "Bloom et al., 2024"
	Short     string // the finding in a line, with where it was published
	// RemoteDays is the remote days a week the study measured, when it
	// measured a part-week arrangement; 0 otherwise.
	RemoteDays int
	// Balance: cited for balance, never as support (see Citation.Balance).
	Balance bool
	// SelfReport: a company's own report, never called research.
	SelfReport bool
}

// ForManager returns the citation with the given id when a manager may
// read it.
func ForManager(id string) (ManagerCitation, bool) { return ForManagerIn("en", id) }

// ForManagerIn is ForManager with the finding in the language lang (see
// In); the reference stays as published.
func ForManagerIn(lang, id string) (ManagerCitation, bool) {
	c, ok := byID[id]
	if !ok || !c.Kind.ForManager() {
		return ManagerCitation{}, false
	}
	c = In(lang, c)
	return ManagerCitation{ID: c.ID, Claim: c.Claim, Reference: c.Reference, URL: c.URL, Cite: shortCite(c.Reference), Short: c.Short, RemoteDays: c.RemoteDays, Balance: c.Balance, SelfReport: c.SelfReport}, true
}

// shortCite makes "Bloom et al., 2024" of a reference that starts with its
// authors and has its year in brackets, such as "Bloom, N., Han, R. and
// Liang, J. (2024). …", and "Gallup, 2022–2023" of "Gallup. … (2022–2023).".
func shortCite(ref string) string {
	open := strings.Index(ref, "(")
	end := strings.Index(ref, ")")
	if open < 0 || end < open {
		return ""
	}
	year := ref[open+1 : end]
	authors := ref[:open]
	first, _, _ := strings.Cut(authors, ",")
	first, _, _ = strings.Cut(first, ".")
	first = strings.TrimSpace(first)
	if strings.Count(authors, ",") > 1 || strings.Contains(authors, " and ") || strings.Contains(authors, "et al") {
		first += " et al."
	}
	return first + ", " + year
}

// All returns every citation of the given kind, in the library's order.
func All(kind Kind) []Citation {
	var out []Citation
	for _, c := range library {
		if c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// IDs returns the ids of the citations of the given kind, sorted.
func IDs(kind Kind) []string {
	var ids []string
	for _, c := range All(kind) {
		ids = append(ids, c.ID)
	}
	sort.Strings(ids)
	return ids
}
