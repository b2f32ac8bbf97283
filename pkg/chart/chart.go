// Package chart reads the charts the review report carries in its
// Markdown, as fenced code blocks whose info string is "chart", and lays
// each out as plain geometry and strings. The PDF and the HTML renderers
// draw the same Plot, so the two show the same picture; the Markdown keeps
// the fence as readable text.
//
// A fence's body is one "key: value" a line, in any order:
//
//	title: Median first response to stakeholder questions
//	unit: minutes
//	from: 2027-01-12
//	to: 2027-03-12
//	baseline: 45
//	target: 60
//	better: lower
//	points: 2027-01-15 40; 2027-01-22 38; 2027-01-29 44
//
// title and points are required; unknown keys are ignored.
package chart

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/propose-cli/propose/pkg/locale"
)

// Info is the info string of a fenced code block that holds a chart.
const Info = "chart"

// Spec is a chart as its fence describes it.
type Spec struct {
	Title string
	Unit  string // a label such as "minutes", "%" or "of 5"; "" for none
	// UnitLabel is the unit as the chart's caption names it, in the
	// chart's language ("Arbeitstage", "sur 5"); "" to show Unit.
	UnitLabel string

	// From and To are the x range (the trial's first and last day); zero
	// when not given, and the first and last reading are used.
	From, To time.Time

	Baseline    float64 // the value before the trial, when HasBaseline
	HasBaseline bool
	Target      float64 // when HasTarget
	HasTarget   bool
	Better      Better // which side of the target is good

	Points []Point // the readings, in date order

	// Lang is the language tag the chart's dates and numbers are written
	// in ("de"); "" for US English.
	Lang string
	// Words are the chart's labels in its language; a fence that gives
	// none is labelled in English.
	Words Words
	// Alt says what the chart shows for readers who cannot see it; ""
	// for the sentence Describe writes.
	Alt string
}

// Words are a chart's labels, which a fence may give in its language:
// `baseline_label: Ausgangswert`, `target_label: Ziel`, `or_more: oder
// mehr`, `or_less: oder weniger`, `note: Das Diagramm steht im PDF.`
type Words struct {
	Baseline, Target, OrMore, OrLess string
	// Note is said where the chart cannot be drawn (a Word file).
	Note string
}

// Point is one reading.
type Point struct {
	Date  time.Time // a day, at midnight UTC
	Value float64
}

// Better says which side of the target is good.
type Better int

// The sides of a target.
const (
	Unstated Better = iota // the fence does not say
	Higher                 // the target or more is good
	Lower                  // the target or less is good
)

// ParseError is what is wrong with a chart's fence, and where.
type ParseError struct {
	Line int // 1-based, in the fence's body; 0 for what is missing from it
	Msg  string
}

// Error gives the line, when there is one, and what is wrong.
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// dateLayout is how the fence writes a day.
const dateLayout = "2006-01-02"

// number is a plain number: an optional sign, digits, and an optional
// decimal point with more digits.
var number = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)

// maxValue bounds the values a chart takes: far beyond any measure, and
// far within what the layout computes exactly.
const maxValue = 1e12

// Parse reads a chart fence's body. An error is a *ParseError naming the
// line and what is wrong with it.
func Parse(text string) (Spec, error) {
	var s Spec
	seen := map[string]int{} // the line each known key was given on
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return Spec{}, &ParseError{n, fmt.Sprintf("%q is not a key: value line", line)}
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "title", "unit", "from", "to", "baseline", "target", "better", "points",
			"lang", "baseline_label", "target_label", "or_more", "or_less", "note", "alt", "unit_label":
		default:
			continue // unknown keys are ignored
		}
		if first, dup := seen[key]; dup {
			return Spec{}, &ParseError{n, fmt.Sprintf("%s is given twice (first on line %d)", key, first)}
		}
		seen[key] = n
		if value == "" && key != "unit" {
			if key == "title" || key == "points" {
				return Spec{}, &ParseError{n, key + " is empty"}
			}
			continue // an optional key without a value is not given
		}
		var err error
		switch key {
		case "title":
			s.Title = value
		case "unit":
			s.Unit = value
		case "from":
			s.From, err = parseDate(value)
		case "to":
			s.To, err = parseDate(value)
		case "baseline":
			s.Baseline, err = parseValue(value)
			s.HasBaseline = true
		case "target":
			s.Target, err = parseValue(value)
			s.HasTarget = true
		case "better":
			switch strings.ToLower(value) {
			case "higher":
				s.Better = Higher
			case "lower":
				s.Better = Lower
			default:
				err = fmt.Errorf("%q is neither higher nor lower", value)
			}
		case "points":
			s.Points, err = parsePoints(value)
		case "lang":
			if _, ok := locale.Of(value); !ok {
				err = fmt.Errorf("%q is not a supported language (%s)", value, strings.Join(locale.Tags(), ", "))
			}
			s.Lang = value
		case "baseline_label":
			s.Words.Baseline = value
		case "target_label":
			s.Words.Target = value
		case "or_more":
			s.Words.OrMore = value
		case "or_less":
			s.Words.OrLess = value
		case "note":
			s.Words.Note = value
		case "alt":
			s.Alt = value
		case "unit_label":
			s.UnitLabel = value
		}
		if err != nil {
			return Spec{}, &ParseError{n, key + ": " + err.Error()}
		}
	}
	switch {
	case s.Title == "":
		return Spec{}, &ParseError{0, `no "title:" line`}
	case s.Points == nil:
		return Spec{}, &ParseError{0, `no "points:" line`}
	case !s.From.IsZero() && !s.To.IsZero() && s.To.Before(s.From):
		return Spec{}, &ParseError{seen["to"], fmt.Sprintf("to: %s is before from (%s)", s.To.Format(dateLayout), s.From.Format(dateLayout))}
	}
	return s, nil
}

// parseDate reads a day written YYYY-MM-DD.
func parseDate(v string) (time.Time, error) {
	t, err := time.Parse(dateLayout, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date written YYYY-MM-DD", v)
	}
	return t, nil
}

// parseValue reads a plain number.
func parseValue(v string) (float64, error) {
	if !number.MatchString(v) {
		if strings.Contains(v, ",") {
			return 0, fmt.Errorf("%q is not a plain number (decimals take a point, and thousands no separator)", v)
		}
		return 0, fmt.Errorf("%q is not a plain number", v)
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f > maxValue || f < -maxValue {
		return 0, fmt.Errorf("%s is out of range", v)
	}
	return f, nil
}

// parsePoints reads "DATE VALUE" pairs separated by semicolons, and
// returns them in date order.
func parsePoints(v string) ([]Point, error) {
	var ps []Point
	for item := range strings.SplitSeq(v, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue // a trailing semicolon
		}
		f := strings.Fields(item)
		if len(f) != 2 {
			return nil, fmt.Errorf("%q is not a DATE VALUE pair (pairs are separated by semicolons)", item)
		}
		d, err := parseDate(f[0])
		if err != nil {
			return nil, err
		}
		val, err := parseValue(f[1])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f[0], err)
		}
		ps = append(ps, Point{Date: d, Value: val})
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("no DATE VALUE pairs")
	}
	slices.SortStableFunc(ps, func(a, b Point) int { return a.Date.Compare(b.Date) })
	for i := 1; i < len(ps); i++ {
		if ps[i].Date.Equal(ps[i-1].Date) {
			return nil, fmt.Errorf("%s has two readings", ps[i].Date.Format(dateLayout))
		}
	}
	return ps, nil
}
