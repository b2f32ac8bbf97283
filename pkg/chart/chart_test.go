package chart

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const sample = `title: Median first response to stakeholder questions
unit: minutes
from: 2027-01-12
to: 2027-03-12
baseline: 45
target: 60
better: lower
points: 2027-01-15 40; 2027-01-22 38; 2027-01-29 44; 2027-02-05 75; 2027-02-12 42
`

func day(s string) time.Time {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParse(t *testing.T) {
	s, err := Parse(sample)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Median first response to stakeholder questions" || s.Unit != "minutes" ||
		!s.From.Equal(day("2027-01-12")) || !s.To.Equal(day("2027-03-12")) ||
		!s.HasBaseline || s.Baseline != 45 || !s.HasTarget || s.Target != 60 || s.Better != Lower {
		t.Errorf("parsed %+v", s)
	}
	if len(s.Points) != 5 || !s.Points[3].Date.Equal(day("2027-02-05")) || s.Points[3].Value != 75 {
		t.Errorf("points %+v", s.Points)
	}
}

func TestParseTakesKeysInAnyOrderAndIgnoresUnknownOnes(t *testing.T) {
	text := "Points: 2027-02-01 -2.5;2027-01-01 .5 ;\r\n\r\ncolour: red\r\nTITLE:  Escalations: open  \r\nnote: no colon needed after the first\r\nbetter: Higher\r\nunit:\r\n"
	s, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Escalations: open" || s.Unit != "" || s.Better != Higher || s.HasBaseline || s.HasTarget || !s.From.IsZero() {
		t.Errorf("parsed %+v", s)
	}
	// Readings come back in date order.
	if len(s.Points) != 2 || s.Points[0].Value != 0.5 || s.Points[1].Value != -2.5 {
		t.Errorf("points %+v", s.Points)
	}
}

func TestParseErrors(t *testing.T) {
	const ok = "title: T\npoints: 2027-01-15 40\n"
	for _, c := range []struct {
		text string
		line int
		want string
	}{
		{"points: 2027-01-15 40\n", 0, `no "title:" line`},
		{"title: T\n", 0, `no "points:" line`},
		{"title:\npoints: 2027-01-15 40", 1, "title is empty"},
		{"title: T\npoints:  ", 2, "points is empty"},
		{ok + "just words", 3, `"just words" is not a key: value line`},
		{ok + "title: Again", 3, "title is given twice (first on line 1)"},
		{ok + "from: 2027-13-01", 3, `from: "2027-13-01" is not a date written YYYY-MM-DD`},
		{ok + "to: 12/03/2027", 3, `to: "12/03/2027" is not a date written YYYY-MM-DD`},
		{ok + "from: 2027-03-12\nto: 2027-01-12", 4, "to: 2027-01-12 is before from (2027-03-12)"},
		{ok + "baseline: 4,5", 3, `baseline: "4,5" is not a plain number (decimals take a point`},
		{ok + "target: sixty", 3, `target: "sixty" is not a plain number`},
		{ok + "target: 1e5", 3, `target: "1e5" is not a plain number`},
		{ok + "target: NaN", 3, `target: "NaN" is not a plain number`},
		{ok + "target: 10000000000000", 3, "target: 10000000000000 is out of range"},
		{ok + "better: more", 3, `better: "more" is neither higher nor lower`},
		{"title: T\npoints: 2027-01-15 40; 2027-01-22", 2, `points: "2027-01-22" is not a DATE VALUE pair`},
		{"title: T\npoints: 2027-01-15 40 2027-01-22 38", 2, `points: "2027-01-15 40 2027-01-22 38" is not a DATE VALUE pair (pairs are separated by semicolons)`},
		{"title: T\npoints: 2027-01-15 4O", 2, `points: 2027-01-15: "4O" is not a plain number`},
		{"title: T\npoints: 2027-02-30 4", 2, `points: "2027-02-30" is not a date`},
		{"title: T\npoints: 2027-01-15 4; 2027-01-15 5", 2, "points: 2027-01-15 has two readings"},
		{"title: T\npoints: ;;", 2, "points: no DATE VALUE pairs"},
	} {
		_, err := Parse(c.text)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%q: error %v, want a *ParseError", c.text, err)
			continue
		}
		if pe.Line != c.line || !strings.Contains(pe.Msg, c.want) {
			t.Errorf("%q: line %d %q, want line %d %q", c.text, pe.Line, pe.Msg, c.line, c.want)
		}
		if c.line > 0 && !strings.HasPrefix(err.Error(), "line ") {
			t.Errorf("%q: error %q does not start with its line", c.text, err)
		}
	}
}
