package proposal

import (
	"fmt"
	"strings"

	"github.com/propose-cli/propose/pkg/holiday"
)

// WorkRegion returns the region the user works in, as `region:` names it:
// as written, or else inferred from the core hours' time zone (US for a
// zone of the United States, GB-EAW for Europe/London, none otherwise).
// The derived dates keep off its public holidays.
func (p *Proposal) WorkRegion() string {
	if p.Region != "" {
		return p.Region
	}
	return regionOfZone(p.Arrangement.CoreHours.Timezone)
}

// regionOfZone infers the region from an IANA time zone: the zones of the
// fifty states and DC (zone.tab's US entries and their old names), and
// London. Zones shared by several jurisdictions infer the one most people
// in them work in; the territories, which have ISO codes of their own, and
// the Crown Dependencies infer none.
func regionOfZone(zone string) string {
	switch {
	case usZones[zone], strings.HasPrefix(zone, "America/Indiana/"), strings.HasPrefix(zone, "America/Kentucky/"),
		strings.HasPrefix(zone, "America/North_Dakota/"), strings.HasPrefix(zone, "US/") && zone != "US/Samoa":
		return holiday.US
	case zone == "Europe/London" || zone == "GB" || zone == "GB-Eire":
		return holiday.EnglandWales
	case zone == "Europe/Belfast":
		return holiday.NorthernIreland
	}
	return holiday.None
}

var usZones = map[string]bool{}

func init() {
	for _, z := range strings.Fields(`America/New_York America/Detroit America/Chicago America/Menominee America/Denver
		America/Boise America/Phoenix America/Los_Angeles America/Anchorage America/Juneau America/Sitka
		America/Metlakatla America/Yakutat America/Nome America/Adak Pacific/Honolulu
		America/Indianapolis America/Fort_Wayne America/Knox_IN America/Louisville America/Shiprock America/Atka
		Navajo EST5EDT CST6CDT MST7MDT PST8PDT`) {
		usZones[z] = true
	}
}

// regionNames name the regions in a sentence: "a public holiday in …".
var regionNames = map[string]string{
	holiday.US:              "the United States",
	holiday.EnglandWales:    "England and Wales",
	holiday.Scotland:        "Scotland",
	holiday.NorthernIreland: "Northern Ireland",
}

// HolidayOn returns the name of the public holiday on d where the user
// works, or "" for a working day there.
func (p *Proposal) HolidayOn(d Date) string {
	h, _ := holiday.On(p.WorkRegion(), d.Time())
	return h.Name
}

// isDayOff reports whether d is a weekend day or a public holiday in
// region.
func isDayOff(d Date, region string) bool {
	if isWeekend(d) {
		return true
	}
	_, ok := holiday.On(region, d.Time())
	return ok
}

// nextWorkday returns d, or the first day after it that is neither a
// weekend day nor a public holiday in region.
func nextWorkday(d Date, region string) Date {
	for isDayOff(d, region) {
		d = d.AddDays(1)
	}
	return d
}

// previousWorkday returns d, or the last day before it that is neither a
// weekend day nor a public holiday in region.
func previousWorkday(d Date, region string) Date {
	for isDayOff(d, region) {
		d = d.AddDays(-1)
	}
	return d
}

// Moved says why a derived date is not on the day asked for.
type Moved struct {
	Asked   Date   // the day asked for
	Holiday string // the public holiday on it, where the user works; "" for none
	// Weekend marks an asked day on a Saturday or Sunday. With neither a
	// holiday nor a weekend, the date moved to the first office day.
	Weekend bool
}

// CheckInMoved returns why the check-in is not on the day of the trial
// trial.check_in_day names (or its default); ok is false when it is on
// that day, or there is no check-in.
func (p *Proposal) CheckInMoved() (m Moved, ok bool) {
	d := p.Derived
	if d.CheckIn.IsZero() || p.Trial.CheckInDay <= 0 {
		return Moved{}, false
	}
	asked := d.TrialStart.AddDays(p.Trial.CheckInDay - 1)
	if asked == d.CheckIn {
		return Moved{}, false
	}
	return Moved{Asked: asked, Holiday: p.HolidayOn(asked), Weekend: isWeekend(asked)}, true
}

// startOnHoliday warns of an arrangement that would start on a public
// holiday where the user works: the documents keep the date, but a manager
// would notice it at once. In keep-remote, start is in the past and is
// left alone.
func startOnHoliday(p *Proposal) (Problem, bool) {
	start := p.Arrangement.Start
	if start.IsZero() || p.Scenario == ScenarioKeepRemote {
		return Problem{}, false
	}
	name := p.HolidayOn(start)
	if name == "" {
		return Problem{}, false
	}
	region := p.WorkRegion()
	next := nextWorkday(start, region)
	q := p.source.ValueProblemAt("arrangement.start",
		fmt.Sprintf("%s is %s, a public holiday in %s", start, name, regionNames[region]),
		fmt.Sprintf("start on the next working day, %s %s, or set `region:` if you work elsewhere", next.Weekday(), next))
	q.Warning = true
	return q, true
}

// NextWorkday returns d, or the first day after it that is a working day
// where the user works: neither a weekend day nor a public holiday.
func (p *Proposal) NextWorkday(d Date) Date { return nextWorkday(d, p.WorkRegion()) }

// PreviousWorkday returns d, or the last day before it that is a working
// day where the user works.
func (p *Proposal) PreviousWorkday(d Date) Date { return previousWorkday(d, p.WorkRegion()) }

// ukRegion reports whether a region: value that is not a code names the
// United Kingdom as a whole, which has three sets of bank holidays.
func ukRegion(value string) bool {
	v := strings.ToUpper(strings.TrimSpace(value))
	return v == "UK" || v == "GB" || strings.HasPrefix(v, "GB-") || v == "GBR" || v == "UNITED KINGDOM"
}

const ukFix = "the United Kingdom has three sets of bank holidays: write GB-EAW (England and Wales), GB-SCT (Scotland) or GB-NIR (Northern Ireland)"
