package view

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/propose-cli/propose/pkg/proposal"
)

// hours writes core hours as a range with the zone named so that it stays
// true all year, such as "9:00 a.m.–4:00 p.m. US Central" or
// "09:30–16:00 Oslo time": an abbreviation such as CET is wrong for half
// of a trial that runs into summer.
func (s *Lang) hours(ch proposal.CoreHours, on proposal.Date) string {
	if !ch.Start.Set || !ch.End.Set {
		return ""
	}
	r := s.clock(ch.Start) + "–" + s.clock(ch.End)
	if z := s.zoneName(ch.Timezone, on); z != "" {
		r += " " + z
	}
	return r
}

// zoneRegions are the zones people name by their region, not their city.
var zoneRegions = map[string]string{
	"America/New_York": "us-eastern", "America/Detroit": "us-eastern", "US/Eastern": "us-eastern",
	"America/Chicago": "us-central", "US/Central": "us-central",
	"America/Denver": "us-mountain", "US/Mountain": "us-mountain", "America/Boise": "us-mountain",
	"America/Phoenix": "arizona", "US/Arizona": "arizona",
	"America/Los_Angeles": "us-pacific", "US/Pacific": "us-pacific",
	"America/Anchorage": "alaska", "Pacific/Honolulu": "hawaii",
	"Europe/London": "uk", "Asia/Kolkata": "india", "Asia/Calcutta": "india",
	"UTC": "utc", "Etc/UTC": "utc", "Etc/GMT": "gmt", "GMT": "gmt",
}

// zoneName names a time zone so that it is true all year: a region's or a
// city's time, such as "US Eastern" or "Berlin time". A zone with no place
// in its name is given as its offset on the day.
func (l *Lang) zoneName(name string, on proposal.Date) string {
	if name == "" {
		return ""
	}
	d := map[string]string{"Region": zoneRegions[name]}
	switch {
	case d["Region"] != "":
	case strings.HasPrefix(name, "America/Indiana/") || strings.HasPrefix(name, "America/Kentucky/"):
		d["Region"] = "us-eastern"
	default:
		area, city, ok := strings.Cut(name, "/")
		if ok && area != "Etc" {
			if i := strings.LastIndex(city, "/"); i >= 0 {
				city = city[i+1:]
			}
			d["City"] = strings.ReplaceAll(city, "_", " ")
		} else {
			d["Offset"] = zoneAbbrev(name, on)
		}
	}
	return l.say("zone", d)
}

// zoneAbbrev returns the zone's abbreviation in force on the day, such as
// "CST", or "UTC+5:30" for zones without a lettered one.
func zoneAbbrev(name string, on proposal.Date) string {
	if name == "" {
		return ""
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return ""
	}
	day := on.Time()
	if on.IsZero() {
		day = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, loc)
	abbr, offset := t.Zone()
	if abbr != "" && abbr[0] != '+' && abbr[0] != '-' {
		return abbr
	}
	sign := "+"
	if offset < 0 {
		sign, offset = "-", -offset
	}
	h, m := offset/3600, offset%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

// joinAnd joins items as a list in an English sentence: "a, b and c".
// The documents' lists go through their language (Lang.list); this one
// is for words that stay English, such as the coach's.
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// dayPhrase names weekdays as a recurring set: "Mondays and Fridays", or a
// run such as "Tuesday to Thursday" when the days are consecutive.
func (l *Lang) dayPhrase(days []proposal.Weekday, plural bool) string {
	sorted := sortedDays(days)
	if len(sorted) == 0 {
		return ""
	}
	names := make([]string, len(sorted))
	for i, d := range sorted {
		names[i] = l.weekday(d)
	}
	return l.say("days", map[string]any{"Days": names, "Run": len(sorted) >= 3 && consecutive(sorted), "Plural": plural})
}

func sortedDays(days []proposal.Weekday) []proposal.Weekday {
	var out []proposal.Weekday
	for _, d := range proposal.Workweek {
		for _, x := range days {
			if x == d {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

func consecutive(days []proposal.Weekday) bool {
	for i := 1; i < len(days); i++ {
		if days[i] != days[i-1]+1 {
			return false
		}
	}
	return true
}

// noticePhrase writes a notice period as people say it: "two weeks’
// notice"; "" for none.
func (l *Lang) noticePhrase(days int) string {
	if days <= 0 {
		return ""
	}
	return l.say("notice", days)
}

// duration writes a duration in minutes as words a reader takes in at
// once: minutes under an hour and a half, else hours and minutes to the
// nearest five (100 minutes is an hour and 40, not an hour and a half).
func (l *Lang) duration(minutes int) string {
	if minutes < 90 {
		return l.say("duration", map[string]int{"Hours": 0, "Minutes": minutes})
	}
	minutes = (minutes + 2) / 5 * 5
	return l.say("duration", map[string]int{"Hours": minutes / 60, "Minutes": minutes % 60})
}

// capitalize upper-cases the first letter of text (escaped or not), unless
// the first word carries a capital after its first letter, as a name such
// as "iPhone" or "eBay" does.
func capitalize(s string) string {
	for i, r := range s {
		if r == '\\' {
			continue
		}
		word, _, _ := strings.Cut(s[i:], " ")
		if strings.ToLower(word) != word && !unicode.IsUpper(r) {
			return s
		}
		return s[:i] + strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// sentence makes user text end like a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	switch s[len(s)-1] {
	case '.', '!', '?':
		return s
	}
	return s + "."
}

// Sentence ends text with a full stop unless it already ends a sentence.
func Sentence(s string) string { return sentence(s) }

// Capitalize upper-cases the first letter of text that starts a sentence.
func Capitalize(s string) string { return capitalize(s) }

// Yours turns the employee's "my offer letter" into "your offer letter",
// for the prep sheet, which speaks to them.
func Yours(s string) string {
	s = Document(s)
	if rest, ok := strings.CutPrefix(s, "my "); ok {
		return "your " + rest
	}
	return s
}

// Document names a written document inside a sentence: "my offer letter"
// for "My offer letter", "the email from the recruiter" for "email from
// the recruiter"; a name such as "Jonas’s email" stays as it is.
func Document(s string) string {
	word, _, _ := strings.Cut(s, " ")
	switch w := strings.ToLower(word); {
	case determiners[w]:
		return lowerFirst(s)
	case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || w != word && !commonWords[w]:
		return s // a name, or a name's
	}
	return "the " + lowerFirst(s)
}

var determiners = map[string]bool{"a": true, "an": true, "the": true, "my": true, "our": true, "your": true,
	"his": true, "her": true, "their": true, "this": true, "that": true}
