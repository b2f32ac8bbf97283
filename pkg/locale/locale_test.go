package locale

import (
	"testing"
	"time"
)

// TestEachLanguageWritesAsItsReadersDo checks the forms a reader of each
// language expects: the date with and without its weekday (the French
// first of the month, the no-break spaces that hold a date together),
// the time of day, numbers with their decimal mark and grouping, the
// percentage, a list and a quotation.
func TestEachLanguageWritesAsItsReadersDo(t *testing.T) {
	first := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tag                                                string
		date, long, clock, number, small, pct, list, quote string
	}{
		{"en-US", "January\u00a01,\u00a02027", "Friday, January\u00a01,\u00a02027", "9:05 a.m.", "12,345.5", "1,234.5", "13%", "A, B and C", "“x”"},
		{"en-GB", "1\u00a0January\u00a02027", "Friday 1\u00a0January\u00a02027", "09:05", "12,345.5", "1,234.5", "13%", "A, B and C", "“x”"},
		{"de", "1.\u00a0Januar\u00a02027", "Freitag, 1.\u00a0Januar\u00a02027", "09:05", "12.345,5", "1.234,5", "13\u00a0%", "A, B und C", "„x“"},
		{"fr", "1er\u00a0janvier\u00a02027", "vendredi 1er\u00a0janvier\u00a02027", "9\u00a0h\u00a005", "12\u202f345,5", "1\u202f234,5", "13\u202f%", "A, B et C", "«\u202fx\u202f»"},
		{"es", "1\u00a0de\u00a0enero\u00a0de\u00a02027", "viernes, 1\u00a0de\u00a0enero\u00a0de\u00a02027", "9:05", "12.345,5", "1234,5", "13\u00a0%", "A, B y C", "«x»"},
		{"nl", "1\u00a0januari\u00a02027", "vrijdag 1\u00a0januari\u00a02027", "09:05", "12.345,5", "1.234,5", "13%", "A, B en C", "‘x’"},
	} {
		l, ok := Of(c.tag)
		if !ok {
			t.Fatalf("%s is not supported", c.tag)
		}
		for _, got := range []struct{ what, got, want string }{
			{"date", l.Date(first), c.date},
			{"long date", l.LongDate(first), c.long},
			{"clock", l.Clock(9, 5), c.clock},
			{"number", l.Number(12345.5, 1), c.number},
			{"four-digit number", l.Number(1234.5, 1), c.small},
			{"percent", l.Percent(13, 0), c.pct},
			{"list", l.List([]string{"A", "B", "C"}), c.list},
			{"quote", l.Quote("x"), c.quote},
		} {
			if got.got != got.want {
				t.Errorf("%s %s: %q, want %q", c.tag, got.what, got.got, got.want)
			}
		}
	}
	es, _ := Of("es")
	if got := es.List([]string{"padres", "hijos"}); got != "padres e hijos" {
		t.Errorf("es: %q, want \"padres e hijos\" (y becomes e before an i sound)", got)
	}
}
