// Package locale writes dates, weekdays, times, numbers, percentages,
// lists and quotations the way a reader of each supported language
// expects, from CLDR data (github.com/go-playground/locales, which the
// build already carries through the validator).
//
// The languages are one table, Languages: a language is a line there and
// a template folder (templates/TAG). The words a document prints are not
// here; they are the templates' (see package templates).
package locale

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/locales"
	"github.com/go-playground/locales/de"
	"github.com/go-playground/locales/es"
	"github.com/go-playground/locales/fr"
	"github.com/go-playground/locales/nl"
)

const (
	nbsp   = "\u00a0" // no-break space: keeps a date or a number whole
	narrow = "\u202f" // narrow no-break space: French punctuation and quotes
)

// Locale is one supported language and the conventions of its readers.
type Locale struct {
	Tag    string // the tag the file gives, such as "en-GB" or "de"
	Folder string // the template folder: "en" for both English tags
	Name   string // the language's name in English, for menus and errors
	Native string // the language's name in itself

	cldr   locales.Translator // nil for English, whose forms are written here
	us     bool               // US English: month first, 12-hour times
	and    string             // the word that joins the last two items of a list
	open   string             // the opening quotation mark
	close  string             // the closing quotation mark
	first  string             // how the first day of a month is written, when not "1"
	group4 bool               // four-digit numbers are grouped ("1.234"); Spanish does not
}

// Languages are the supported languages, in the order menus list them.
// Adding a language is a line here and a folder of templates.
var Languages = []*Locale{
	{Tag: "en-US", Folder: "en", Name: "English (US)", Native: "English (US)", us: true, and: "and", open: "“", close: "”", group4: true},
	{Tag: "en-GB", Folder: "en", Name: "English (UK)", Native: "English (UK)", and: "and", open: "“", close: "”", group4: true},
	{Tag: "de", Folder: "de", Name: "German", Native: "Deutsch", cldr: de.New(), and: "und", open: "„", close: "“", group4: true},
	{Tag: "fr", Folder: "fr", Name: "French", Native: "Français", cldr: fr.New(), and: "et", open: "«" + narrow, close: narrow + "»",
		first: "1er", group4: true},
	{Tag: "es", Folder: "es", Name: "Spanish", Native: "Español", cldr: es.New(), and: "y", open: "«", close: "»"},
	{Tag: "nl", Folder: "nl", Name: "Dutch", Native: "Nederlands", cldr: nl.New(), and: "en", open: "‘", close: "’", group4: true},
}

// Tags lists the supported language tags, in table order.
func Tags() []string {
	out := make([]string, len(Languages))
	for i, l := range Languages {
		out[i] = l.Tag
	}
	return out
}

// Of returns the locale of tag, and whether it is supported.
func Of(tag string) (*Locale, bool) {
	for _, l := range Languages {
		if strings.EqualFold(l.Tag, tag) {
			return l, true
		}
	}
	return nil, false
}

// MustOf returns the locale of tag, or US English for a tag that is not
// supported (validation refuses one before a document is made).
func MustOf(tag string) *Locale {
	if l, ok := Of(tag); ok {
		return l
	}
	return Languages[0]
}

// English reports whether the locale is one of the English ones.
func (l *Locale) English() bool { return l.cldr == nil }

// Date writes a day as a date in running text: "January 12, 2027",
// "12 January 2027", "12. Januar 2027", "1er janvier 2027". Its parts are
// held together by no-break spaces.
func (l *Locale) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	var s string
	switch {
	case l.us:
		s = t.Format("January 2, 2006")
	case l.cldr == nil:
		s = t.Format("2 January 2006")
	default:
		s = l.cldr.FmtDateLong(t)
		if l.first != "" && t.Day() == 1 {
			s = strings.Replace(s, "1", l.first, 1)
		}
	}
	return strings.ReplaceAll(s, " ", nbsp)
}

// LongDate writes a day with its weekday: "Tuesday, January 12, 2027",
// "Tuesday 12 January 2027", "Dienstag, 12. Januar 2027".
func (l *Locale) LongDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	day := l.Weekday(t.Weekday())
	switch {
	case l.us:
		return day + ", " + l.Date(t)
	case l.cldr == nil:
		return day + " " + l.Date(t)
	}
	// CLDR's full date is the weekday, a separator and the long date.
	full := l.cldr.FmtDateFull(t)
	sep := " "
	if strings.HasPrefix(full, day+", ") {
		sep = ", "
	}
	return day + sep + l.Date(t)
}

// MonthYear writes a month and its year: "March 2027", "März 2027".
func (l *Locale) MonthYear(t time.Time) string {
	if l.cldr == nil {
		return t.Format("January 2006")
	}
	m := l.cldr.MonthWide(t.Month())
	if l.Folder == "es" {
		return m + " de " + strconv.Itoa(t.Year())
	}
	return m + " " + strconv.Itoa(t.Year())
}

// ShortDate writes a day and an abbreviated month, for tables and
// charts: "Jan 15", "15. Jan.", "15 janv.".
func (l *Locale) ShortDate(t time.Time) string {
	if l.cldr == nil {
		return t.Format("Jan 2")
	}
	day := strconv.Itoa(t.Day())
	if l.Folder == "de" {
		day += "."
	}
	return day + nbsp + l.cldr.MonthAbbreviated(t.Month())
}

// MonthShort is a month's abbreviated name: "Jan", "Jan.", "janv.".
func (l *Locale) MonthShort(m time.Month) string {
	if l.cldr == nil {
		return m.String()[:3]
	}
	return l.cldr.MonthAbbreviated(m)
}

// Decimal writes a number already written with a decimal point ("52.5")
// with the language's decimal mark ("52,5").
func (l *Locale) Decimal(s string) string { return strings.Replace(s, ".", l.decimal(), 1) }

// Month names a month: "March", "März", "mars".
func (l *Locale) Month(m time.Month) string {
	if l.cldr == nil {
		return m.String()
	}
	return l.cldr.MonthWide(m)
}

// Weekday names a day of the week as the language writes it inside a
// sentence: "Monday", "Montag", "lundi".
func (l *Locale) Weekday(d time.Weekday) string {
	if l.cldr == nil {
		return d.String()
	}
	return l.cldr.WeekdayWide(d)
}

// WeekdayNames are the names the language gives a day in a list or a
// table, besides Weekday's: its abbreviation ("Mi.", "mié.", "wo"); none
// for English, whose forms propose writes itself.
func (l *Locale) WeekdayNames(d time.Weekday) []string {
	if l.cldr == nil {
		return nil
	}
	return []string{l.cldr.WeekdayWide(d), l.cldr.WeekdayAbbreviated(d)}
}

// Clock writes a time of day: "9:00 a.m." in US English, "09:00" in
// British English, and CLDR's short time elsewhere ("9:00" in Spanish).
func (l *Locale) Clock(hour, minute int) string {
	if l.us {
		h, suffix := hour, "a.m."
		switch {
		case h == 0:
			h = 12
		case h == 12:
			suffix = "p.m."
		case h > 12:
			h, suffix = h-12, "p.m."
		}
		return fmt.Sprintf("%d:%02d %s", h, minute, suffix)
	}
	if l.cldr == nil {
		return fmt.Sprintf("%02d:%02d", hour, minute)
	}
	if l.Folder == "fr" {
		// French business writing: "9 h", "9 h 30" (Lexique des règles
		// typographiques de l'Imprimerie nationale).
		if minute == 0 {
			return fmt.Sprintf("%d"+nbsp+"h", hour)
		}
		return fmt.Sprintf("%d"+nbsp+"h"+nbsp+"%02d", hour, minute)
	}
	return l.cldr.FmtTimeShort(time.Date(2000, 1, 1, hour, minute, 0, 0, time.UTC))
}

// Number writes a number with the given decimals: "1,234.5", "1.234,5",
// "1 234,5" (with a narrow no-break space in French).
func (l *Locale) Number(n float64, decimals int) string {
	if l.cldr == nil {
		s := strconv.FormatFloat(math.Abs(n), 'f', decimals, 64)
		whole, frac, _ := strings.Cut(s, ".")
		var b strings.Builder
		if n < 0 {
			b.WriteString("-")
		}
		for i, r := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		if frac != "" {
			b.WriteString("." + frac)
		}
		return b.String()
	}
	if !l.group4 && math.Abs(n) < 10000 {
		s := strconv.FormatFloat(n, 'f', decimals, 64)
		return strings.Replace(s, ".", l.decimal(), 1)
	}
	return l.cldr.FmtNumber(n, uint64(decimals))
}

func (l *Locale) decimal() string {
	if l.cldr == nil {
		return "."
	}
	return string([]rune(l.cldr.FmtNumber(0.5, 1))[1])
}

// PercentSign is what follows a number to make it a percentage: "%" in
// English and Dutch, a no-break space and "%" in German and Spanish, a
// narrow one in French.
func (l *Locale) PercentSign() string {
	switch {
	case l.cldr == nil || l.Folder == "nl":
		return "%"
	case l.Folder == "fr":
		return narrow + "%" // CLDR since v34: a narrow no-break space
	}
	return nbsp + "%"
}

// Percent writes a percentage, given in percent: 13 is "13%" or "13 %".
func (l *Locale) Percent(n float64, decimals int) string {
	return l.Number(n, decimals) + l.PercentSign()
}

// List joins items as a list in a sentence: "a, b and c", "a, b und c".
// Spanish writes "e" for "y" before a word that begins with the sound i
// ("padres e hijos").
func (l *Locale) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	and := l.and
	last := items[len(items)-1]
	if and == "y" && iSound(last) {
		and = "e"
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + last
}

func iSound(s string) bool {
	w := strings.ToLower(strings.TrimLeft(s, "\\*_ "))
	if strings.HasPrefix(w, "hie") || strings.HasPrefix(w, "hia") || strings.HasPrefix(w, "hio") {
		return false // "hielo", a consonant sound
	}
	return strings.HasPrefix(w, "i") || strings.HasPrefix(w, "hi") || strings.HasPrefix(w, "í") || strings.HasPrefix(w, "hí")
}

// Quote puts text in the language's quotation marks.
func (l *Locale) Quote(s string) string { return l.open + s + l.close }

// Capitalize upper-cases the first letter of s, as a weekday or month
// name starting a sentence in French needs.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
