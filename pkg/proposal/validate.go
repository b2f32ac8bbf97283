package proposal

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // theme.logo
	_ "image/png"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // IANA zones on machines without /usr/share/zoneinfo
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/fastre"
	"github.com/propose-cli/propose/pkg/imagetype"

	"github.com/go-playground/validator/v10"

	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/locale"
)

var (
	validateOnce sync.Once
	validate     *validator.Validate
)

func structValidator() *validator.Validate {
	validateOnce.Do(func() {
		validate = validator.New(validator.WithRequiredStructEnabled())
		validate.RegisterTagNameFunc(func(f reflect.StructField) string {
			if n := yamlName(f); n != "" {
				return n
			}
			return "-"
		})
		_ = validate.RegisterValidation("evidence_id", func(fl validator.FieldLevel) bool {
			c, ok := evidence.Lookup(fl.Field().String())
			return ok && c.Kind == evidence.Supporting
		})
		_ = validate.RegisterValidation("language", func(fl validator.FieldLevel) bool {
			_, ok := locale.Of(fl.Field().String())
			return ok
		})
		_ = validate.RegisterValidation("colour", func(fl validator.FieldLevel) bool {
			return colourRE.MatchString(fl.Field().String())
		})
	})
	return validate
}

// Validate checks a loaded proposal, after ApplyDefaults, against every
// rule of the file format and returns all problems at once, in file order.
// src gives positions; it may be nil for a proposal built in code.
func Validate(p *Proposal, src *Source) Problems {
	v := &validation{p: p, src: src}
	v.structRules()
	v.rules()
	return v.mergeMissingSections().sorted()
}

// Parse loads, completes and validates a proposal file in one step. today is
// the document date when the file gives none. The error is Problems when the
// file is at fault.
func Parse(name string, data []byte, today Date) (*Proposal, error) {
	p, src, err := Load(name, data)
	if err != nil {
		var ps Problems
		if errors.As(err, &ps) && p != nil {
			// Report decoding and validation problems together, once per
			// field: a value that failed to decode is not also "missing".
			p.ApplyDefaults(today)
			failed := src.failed
			for _, q := range Validate(p, src) {
				if !failed[q.Field] && !failedParent(failed, q.Field) {
					ps = append(ps, q)
				}
			}
			return nil, ps.sorted()
		}
		return nil, err
	}
	p.ApplyDefaults(today)
	if ps := Validate(p, src); len(ps) > 0 {
		return nil, ps
	}
	p.source = src
	return p, nil
}

func failedParent(failed map[string]bool, path string) bool {
	for path = parentPath(path); path != ""; path = parentPath(path) {
		if failed[path] {
			return true
		}
	}
	return false
}

type validation struct {
	p        *Proposal
	src      *Source
	problems Problems
}

func (v *validation) add(path, msg, fix string) {
	// "name: Null": not missing, but read as empty.
	if v.src != nil && msg == "is missing" {
		if q, ok := v.src.nulls[path]; ok {
			v.problems = append(v.problems, q)
			return
		}
	}
	// A number written as 0 is given, not missing: say it is out of range.
	if msg == "is missing" && v.src != nil && v.given(path) {
		if f, ok := Lookup(path); ok && f.Kind == KindNumber && f.Range != "" {
			msg, fix = fmt.Sprintf(f.Range, cmp.Or(v.p.Text(path), "0")), f.RangeFix
		}
	}
	v.problems = append(v.problems, v.src.ValueProblemAt(path, msg, fix))
}

// addSection reports a problem with a whole section, at its key.
func (v *validation) addSection(path, msg, fix string) {
	v.problems = append(v.problems, v.src.ProblemAt(path, msg, fix))
}

func (v *validation) given(path string) bool { return v.src.Has(path) }

// present reports whether a section is there: written in the file, or, for
// a proposal built in code, not empty.
func (v *validation) present(path string, nonEmpty bool) bool {
	if v.src == nil {
		return nonEmpty
	}
	return v.given(path)
}

// fixFor says how to fill the field at path when it is missing, from its
// declaration.
func fixFor(path string) string {
	if f, ok := Lookup(path); ok && f.Fix != "" {
		return f.Fix
	}
	return "add it"
}

func (v *validation) structRules() {
	err := structValidator().Struct(v.p)
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return
	}
	for _, fe := range verrs {
		path := fe.Namespace()
		if _, rest, ok := strings.Cut(path, "."); ok {
			path = rest
		}
		if strings.HasPrefix(path, "evidence[") && strings.HasSuffix(path, ".id") && v.src != nil && !v.given(path) {
			path = parentPath(path) // written as a bare id: the item is the field
		}
		value := shorten(fmt.Sprint(fe.Value()), 60)
		switch fe.Tag() {
		case "required":
			if fe.Kind() == reflect.String && strings.HasSuffix(path, "]") {
				v.add(path, "this item is empty", "write the item, or delete the line")
				continue
			}
			if path == "version" && v.given("version") {
				continue // a zero version is reported by rules
			}
			v.add(path, "is missing", fixFor(path))
		case "required_without":
			v.add(path, "is missing", fixFor(path))
		case "url":
			v.add(path, fmt.Sprintf("%q is not a web address", value), "write it in full, starting with https://")
		case "email":
			v.add(path, fmt.Sprintf("%q is not an email address", value), "write it as name@example.com")
		case "oneof":
			choices := strings.Fields(fe.Param())
			fix := "use one of these, in lower case"
			if fe.Param() != strings.ToLower(fe.Param()) {
				fix = "use one of these, written as here" // region: codes in capitals
			}
			lower := strings.Fields(strings.ToLower(fe.Param()))
			if best := closest(strings.ToLower(value), lower); best != "" {
				fix = fmt.Sprintf("did you mean `%s`?", choices[slices.Index(lower, best)])
			}
			if path == "region" && ukRegion(value) && !slices.Contains(lower, strings.ToLower(value)) {
				fix = ukFix
			}
			v.add(path, fmt.Sprintf("%q is not one of: %s", value, strings.Join(choices, ", ")), fix)
		case "min", "max":
			v.add(path, rangeMessage(path, fe), rangeFix(path))
		case "evidence_id":
			v.add(path, fmt.Sprintf("%q is not a citation in the built-in library", value), evidenceFix(value))
		case "language":
			v.add(path, fmt.Sprintf("%q is not a language propose writes", value),
				"use one of "+strings.Join(locale.Tags(), ", ")+", or leave it out for the paper's language")
		case "colour":
			v.add(path, fmt.Sprintf("%q is not a colour written as #RRGGBB", value),
				"write # and six hexadecimal digits, in quotes, for example `accent: \"#0B6E4F\"`")
		default:
			v.add(path, fmt.Sprintf("fails the %q rule", fe.Tag()), "")
		}
	}
}

// rangeMessage says a number is out of range, as its field declares.
func rangeMessage(path string, fe validator.FieldError) string {
	if f, ok := Lookup(path); ok && f.Range != "" {
		return fmt.Sprintf(f.Range, fe.Value())
	}
	return fmt.Sprintf("%v is out of range (%s %s)", fe.Value(), fe.Tag(), fe.Param())
}

func rangeFix(path string) string {
	if f, ok := Lookup(path); ok {
		return f.RangeFix
	}
	return ""
}

// closest returns the choice nearest to s in spelling, or "" when none is
// close enough to be a likely typo.
func closest(s string, choices []string) string {
	best, bestDist := "", 1<<30
	for _, c := range choices {
		if d := levenshtein(s, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist <= 3 && bestDist < len(best) {
		return best
	}
	return ""
}

func evidenceFix(id string) string {
	ids := evidence.IDs(evidence.Supporting)
	if c, ok := evidence.Lookup(id); ok {
		switch c.Kind {
		case evidence.Counter:
			return "that study is one a manager may raise; it belongs on the prep sheet, not in the proposal"
		case evidence.Leverage:
			return "that finding is leverage: it is on your private prep sheet already, and never goes in the proposal"
		}
	}
	if best := closest(strings.ToLower(id), ids); best != "" {
		return fmt.Sprintf("did you mean `%s`? `propose evidence` lists them", best)
	}
	return "`propose evidence` lists the ids: " + strings.Join(ids, ", ")
}

// mergeMissingSections reports a top-level section the file leaves out as
// one problem, naming the keys it needs, instead of one problem a key.
func (v *validation) mergeMissingSections() Problems {
	if v.src == nil {
		return v.problems // a proposal built in code has no "file" to leave a section out of
	}
	var out Problems
	merged := map[string]int{} // section -> index in out
	for _, q := range v.problems {
		section, rest, nested := strings.Cut(q.Field, ".")
		if !nested || q.Msg != "is missing" || v.given(section) || strings.Contains(section, "[") {
			out = append(out, q)
			continue
		}
		key, _, _ := strings.Cut(rest, ".")
		if i, ok := merged[section]; ok {
			out[i].Fix += fmt.Sprintf(", `%s`", key)
			continue
		}
		merged[section] = len(out)
		out = append(out, Problem{File: q.File, Line: q.Line, Col: q.Col, Field: section, Msg: "is missing",
			Fix: fmt.Sprintf("add %s `%s:` section with `%s`", article(section), section, key)})
	}
	return out
}

// rules checks what struct tags cannot express.
func (v *validation) rules() {
	p := v.p
	if p.Version != 0 && p.Version != Version {
		v.add("version", fmt.Sprintf("this file is version %d; this propose reads version %d", p.Version, Version),
			"write `version: 1`")
	} else if p.Version == 0 && v.given("version") {
		v.add("version", "is 0", "write `version: 1`")
	}
	v.controlCharacters()
	v.zeroNumbers()
	v.pastDates()
	v.problems = append(v.problems, textLengths(v.p.Texts(), v.src, Lookup)...)
	v.problems = append(v.problems, listLengths(root().Fields, reflect.ValueOf(v.p).Elem(), v.src)...)
	v.peopleRules()
	v.arrangementRules()
	if validScenario(v.p.Scenario) {
		v.trialRules()
		v.scenarioRules()
	}
	v.evidenceRules()
	v.themeRules()
	for i, b := range v.p.Company.BusyPeriods {
		if _, ok := ParsePeriod(b); !ok && strings.TrimSpace(b) != "" {
			v.add(fmt.Sprintf("company.busy_periods[%d]", i), fmt.Sprintf("%q is not a quarter or a month", b),
				"write Q1 to Q4, or a month such as December")
		}
	}
}

var (
	colourRE     = fastre.MustCompile(colourPattern)
	webAddressRE = fastre.MustCompile(webAddressPattern)
)

// themeRules checks the accent colour and the logo, and reads the logo.
func (v *validation) themeRules() {
	t := v.p.Theme
	if t.Accent == "" && v.given("theme.accent") {
		v.add("theme.accent", "is empty", "quote the colour, for example `accent: \"#0B6E4F\"`: YAML reads a # after a space as the start of a comment")
	}
	v.accentContrastRule()
	v.p.Derived.Logo = nil
	if t.Logo == "" {
		return
	}
	path := t.Logo
	if strings.Contains(path, "://") {
		v.add("theme.logo", fmt.Sprintf("%s is a web address; propose works offline and reads the logo from this computer", shorten(path, 60)),
			"download the image and give the path of the file, relative to the proposal file")
		return
	}
	if !filepath.IsAbs(path) && v.src != nil && v.src.File != "" && !strings.HasPrefix(v.src.File, "<") {
		path = filepath.Join(filepath.Dir(v.src.File), path)
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		v.add("theme.logo", fmt.Sprintf("there is no file %s", path), "give the path of a PNG or JPEG image, relative to the proposal file")
		return
	case fi.IsDir():
		v.add("theme.logo", fmt.Sprintf("%s is a folder, not an image", path), "give the path of a PNG or JPEG image, relative to the proposal file")
		return
	case !fi.Mode().IsRegular():
		// A device or a pipe could be read for ever, or never answer.
		v.add("theme.logo", fmt.Sprintf("%s is not a file but a device or a pipe", path), "give the path of a PNG or JPEG image file, relative to the proposal file")
		return
	case fi.Size() > MaxLogoBytes:
		v.add("theme.logo", fmt.Sprintf("%s is %d KB; a logo may be at most 1 MB (1024 KB)", path, (fi.Size()+1023)/1024),
			"save a smaller image: a few hundred pixels wide is enough")
		return
	}
	data, err := readAtMost(path, MaxLogoBytes)
	if err != nil {
		v.add("theme.logo", fmt.Sprintf("cannot read %s: %v", path, err), "give the path of a PNG or JPEG image you can read")
		return
	}
	if len(data) > MaxLogoBytes {
		v.add("theme.logo", fmt.Sprintf("%s is larger than 1 MB, the most a logo may be", path), "save a smaller image: a few hundred pixels wide is enough")
		return
	}
	if LogoType(data) == "" {
		v.add("theme.logo", fmt.Sprintf("%s is not a PNG or JPEG image", path), "save the logo as PNG or JPEG")
		return
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		v.add("theme.logo", fmt.Sprintf("%s is not a readable image: %v", path, err), "save the logo again as PNG or JPEG")
		return
	}
	// A small file can claim, or hold, an image of billions of pixels:
	// decoding it would take minutes and gigabytes. The size is checked
	// before the image is decoded, and the whole image is decoded once,
	// here, so that a damaged or cut-off file is found at its field and
	// never reaches the PDF.
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxLogoPixels {
		v.add("theme.logo", fmt.Sprintf("%s is %d × %d pixels; a logo may have at most %d million pixels", path, cfg.Width, cfg.Height, MaxLogoPixels/1_000_000),
			"save a smaller image: a few hundred pixels wide is enough")
		return
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		v.add("theme.logo", fmt.Sprintf("%s is damaged or cut off: %v", path, err), "save the logo again as PNG or JPEG")
		return
	}
	// The PDF embeds a PNG's data as it is, which it can for 8 bits a
	// channel, not interlaced (PNG IHDR: bit depth at byte 24, interlace
	// method at byte 28).
	if LogoType(data) == "png" && len(data) > 28 && (data[24] > 8 || data[28] != 0) {
		v.add("theme.logo", fmt.Sprintf("%s is a 16-bit or interlaced PNG, which the PDF cannot embed", path),
			"save it as an 8-bit PNG without interlacing, or as JPEG")
		return
	}
	v.p.Derived.Logo = data
}

// LogoType returns "png" or "jpeg" for the image data, by its first bytes,
// or "" for anything else.
func LogoType(data []byte) string { return imagetype.Of(data) }

// Period is a busy time of the year: a quarter or a month, every year.
type Period struct {
	FirstMonth, LastMonth time.Month
	Quarter               bool
}

// ParsePeriod reads a busy period written as Q1 to Q4 or as a month name
// (or its first three letters), in any case, in any language the
// documents are written in: "December", "Dezember", "décembre",
// "diciembre", "december".
func ParsePeriod(s string) (Period, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) == 2 && s[0] == 'q' && s[1] >= '1' && s[1] <= '4' {
		first := time.Month(3*int(s[1]-'1') + 1)
		return Period{FirstMonth: first, LastMonth: first + 2, Quarter: true}, true
	}
	for _, l := range locale.Languages {
		for m := time.January; m <= time.December; m++ {
			name := strings.ToLower(l.Month(m))
			if s == name || len([]rune(s)) >= 3 && strings.HasPrefix(name, s) {
				return Period{FirstMonth: m, LastMonth: m}, true
			}
		}
	}
	return Period{}, false
}

// Meets returns the first day from..to (inclusive) that falls in the
// period: for a quarter, its last day (the quarter's end), for a month, any
// day; and whether there is one.
func (b Period) Meets(from, to Date) (Date, bool) {
	for d := from; !to.Before(d); d = d.AddDays(1) {
		m := d.Time().Month()
		if m < b.FirstMonth || m > b.LastMonth {
			continue
		}
		if !b.Quarter {
			return d, true
		}
		if m == b.LastMonth && d.AddDays(1).Time().Month() != m {
			return d, true
		}
	}
	return Date{}, false
}

// textLengths refuses a text longer than its field allows: names and
// titles are printed on one line, in the running header, and nothing a
// document prints runs to pages.
func textLengths(texts []Text, src *Source, lookup func(string) (*Field, bool)) Problems {
	var ps Problems
	for _, t := range texts {
		f, ok := lookup(t.Field)
		if !ok {
			continue
		}
		if max, n := f.MaxLength(), utf8.RuneCountInString(t.Value); max > 0 && n > max {
			ps = append(ps, src.ValueProblemAt(t.Field, fmt.Sprintf("is %d characters long; it may be at most %d", n, max),
				"shorten it: the documents print it where a long text would not fit"))
		}
	}
	return ps
}

// pastDates refuses a start with the employer, or an earlier request, dated
// after this request: the law counts service and requests back from it.
// (An offer's future colleague has no start with the employer yet.)
func (v *validation) pastDates() {
	p := v.p
	if p.Date.IsZero() {
		return
	}
	if s := p.Employee.Started; !s.IsZero() && p.Date.Before(s) && p.Scenario != ScenarioOffer {
		v.add("employee.started", fmt.Sprintf("%s is after the date of this request (%s)", s, p.Date),
			"write the day you started with this employer, or leave it out")
	}
	if r := p.PreviousRequest; !r.IsZero() && !r.Before(p.Date) {
		v.add("previous_request", fmt.Sprintf("%s is not before the date of this request (%s)", r, p.Date),
			"write the date of your earlier request, or leave it out if there was none")
	}
}

// listLengths refuses a list with more items than its field allows.
func listLengths(fields []*Field, root reflect.Value, src *Source) Problems {
	var ps Problems
	walkTree(fields, root, func(path string, f *Field, fv reflect.Value) {
		if max := f.MaxCount(); max > 0 && fv.Kind() == reflect.Slice && fv.Len() > max {
			ps = append(ps, src.ProblemAt(path, fmt.Sprintf("has %d items; it may have at most %d", fv.Len(), max),
				"keep the strongest: the documents show a few, and a manager reads a few"))
		}
	})
	return ps
}

// zeroNumbers refuses a number written as 0 where the least allowed is
// more: omitempty reads 0 as absent, and notice_days: 0 became the
// default two weeks without a word.
func (v *validation) zeroNumbers() {
	if v.src == nil {
		return
	}
	walkTree(root().Fields, reflect.ValueOf(v.p).Elem(), func(path string, f *Field, fv reflect.Value) {
		if f.Kind != KindNumber || f.Min < 1 || fv.Int() != 0 || !v.given(path) || v.src.failed[path] {
			return
		}
		msg, fix := fmt.Sprintf("0 is below the least allowed, %d", f.Min), "leave the line out for the default"
		if f.Range != "" {
			msg, fix = fmt.Sprintf(f.Range, 0), f.RangeFix
		}
		v.add(path, msg, fix)
	})
}

// controlCharacters refuses a text holding a control character, however
// it was written (typed, or as a YAML escape such as "\a"): it cannot be
// printed, it can rewrite a terminal, and in a PDF or an email it is
// noise. Tabs and line breaks are text.
func (v *validation) controlCharacters() {
	for _, t := range v.p.Texts() {
		if msg, fix, bad := refusedText(t.Value); bad {
			v.add(t.Field, msg, fix)
		}
	}
}

// refusedText says what is wrong with a text that holds a refused
// character (the first), and how to fix it; bad is false when none.
func refusedText(s string) (msg, fix string, bad bool) {
	for _, r := range s {
		if refused := refusedRune(r); refused != nil {
			fix = "delete it; if it came from a copy and paste, type that part again"
			if refused.what == "" {
				return fmt.Sprintf("has a control character (U+%04X), which cannot be printed", r), fix, true
			}
			return fmt.Sprintf("has an invisible character (U+%04X, %s), which would print as nothing or reorder the text", r, refused.what), fix, true
		}
	}
	return "", "", false
}

// runeRange is a range of characters a text may not hold.
type runeRange struct {
	lo, hi rune
	what   string // for an invisible character, what it is; "" for a control character
}

// refusedRunes are the characters no text may hold: control characters
// other than tab and line feed, and the characters that print as nothing
// but change how text reads or breaks. Joiners, which some scripts need
// between letters, are not among them. The schema refuses the same.
var refusedRunes = []runeRange{
	{0x00, 0x08, ""}, {0x0b, 0x1f, ""}, {0x7f, 0x9f, ""},
	{0x061c, 0x061c, "a direction mark"},
	{0x200b, 0x200b, "a zero-width space"},
	{0x200e, 0x200f, "a direction mark"},
	{0x2028, 0x2029, "a line or paragraph separator"},
	{0x202a, 0x202e, "a direction control"},
	{0x2060, 0x2060, "a zero-width space"},
	{0x2066, 0x2069, "a direction control"},
	{0xfeff, 0xfeff, "a byte-order mark"},
}

// refusedRune is the range r falls in among refusedRunes, or nil.
func refusedRune(r rune) *runeRange {
	if r >= 0x20 && r < 0x7f {
		return nil
	}
	for i := range refusedRunes {
		if r >= refusedRunes[i].lo && r <= refusedRunes[i].hi {
			return &refusedRunes[i]
		}
	}
	return nil
}

// peopleRules refuses a manager who is the employee: a section copied
// from employee: and not changed sends the documents and the email to
// the employee's own address.
func (v *validation) peopleRules() {
	e, m := v.p.Employee, v.p.Manager
	if m.Email != "" && strings.EqualFold(strings.TrimSpace(m.Email), strings.TrimSpace(e.Email)) {
		v.add("manager.email", fmt.Sprintf("%s is your own address (employee.email)", shorten(m.Email, 60)),
			"write your manager's address: the email draft is addressed to it")
	}
	if m.Name != "" && strings.EqualFold(strings.Join(strings.Fields(m.Name), " "), strings.Join(strings.Fields(e.Name), " ")) {
		v.add("manager.name", fmt.Sprintf("%q is your own name (employee.name)", shorten(m.Name, 60)),
			"write your manager's name: the documents are addressed to them")
	}
}

func (v *validation) arrangementRules() {
	a := &v.p.Arrangement
	v.noRepeatedDays("arrangement.remote_days", a.RemoteDays)
	v.noRepeatedDays("arrangement.office_days", a.OfficeDays)
	for i, d := range a.OfficeDays {
		if slices.Contains(a.RemoteDays, d) && v.given("arrangement.office_days") && v.given("arrangement.remote_days") {
			v.add(fmt.Sprintf("arrangement.office_days[%d]", i),
				fmt.Sprintf("%s is both a remote day and an office day", d),
				"remove it from one of the two lists")
		}
	}
	switch a.Type {
	case "hybrid":
		if len(a.RemoteDays) == 0 {
			v.add("arrangement.remote_days", "a hybrid arrangement needs at least one remote day",
				fixFor("arrangement.remote_days"))
		} else if distinctDays(a.RemoteDays) == len(Workweek) {
			v.add("arrangement.remote_days", "every weekday is remote, which is not hybrid",
				"set `type: remote`, or keep at least one office day")
		}
	case "remote":
		if v.given("arrangement.remote_days") && distinctDays(a.RemoteDays) < len(Workweek) {
			v.add("arrangement.remote_days",
				fmt.Sprintf("`type: remote` means every weekday is remote, but only %d are listed", distinctDays(a.RemoteDays)),
				"set `type: hybrid` for some days at home, or remove `remote_days`")
		}
		if len(a.OfficeDays) > 0 {
			v.add("arrangement.office_days", "`type: remote` has no office days",
				"set `type: hybrid`, or list regular visits under `in_person_commitments`")
		}
	}
	if a.Start.IsZero() && v.p.Scenario.UsesTrial() {
		v.add("arrangement.start", "is missing", fixFor("arrangement.start"))
	}
	if !a.Start.IsZero() {
		if isWeekend(a.Start) {
			v.add("arrangement.start", fmt.Sprintf("%s is a %s", a.Start, a.Start.Weekday()),
				"start on a weekday")
		} else if a.Start.Before(v.p.Date) && v.p.Scenario != ScenarioKeepRemote {
			v.add("arrangement.start", fmt.Sprintf("%s is before the document date %s", a.Start, v.p.Date),
				"choose a start date after the date of the proposal, or set `date:`")
		}
	}
	ch := a.CoreHours
	if v.present("arrangement.core_hours", ch.Start.Set || ch.End.Set || ch.Timezone != "") {
		if !ch.Start.Set {
			v.add("arrangement.core_hours.start", "is missing", fixFor("arrangement.core_hours.start"))
		}
		if !ch.End.Set {
			v.add("arrangement.core_hours.end", "is missing", fixFor("arrangement.core_hours.end"))
		}
		if ch.Start.Set && ch.End.Set && ch.End.Minutes <= ch.Start.Minutes {
			v.add("arrangement.core_hours.end", fmt.Sprintf("core hours end at %s, not after they start at %s", ch.End, ch.Start),
				"write the end time on a 24-hour clock, for example \"17:00\"")
		}
		if ch.Timezone != "" {
			if _, err := loadZone(ch.Timezone); err != nil {
				v.add("arrangement.core_hours.timezone", fmt.Sprintf("%q is not an IANA time zone", ch.Timezone),
					"use a name such as America/Chicago, Europe/Berlin or Asia/Kolkata")
			}
		}
	}
}

func loadZone(name string) (*time.Location, error) {
	if name == "Local" || strings.TrimSpace(name) != name {
		return nil, fmt.Errorf("not a zone name")
	}
	return time.LoadLocation(name)
}

func (v *validation) noRepeatedDays(path string, days []Weekday) {
	for i, d := range days {
		for j := 0; j < i; j++ {
			if days[j] == d {
				v.add(fmt.Sprintf("%s[%d]", path, i), fmt.Sprintf("%s is listed twice", d), "list each day once")
				break
			}
		}
	}
}

func distinctDays(days []Weekday) int {
	seen := map[Weekday]bool{}
	for _, d := range days {
		seen[d] = true
	}
	return len(seen)
}

func (v *validation) trialRules() {
	p := v.p
	t := p.Trial
	given := v.present("trial", t.LengthDays != 0 || len(t.Metrics) > 0 || t.CheckInDay != 0)
	switch {
	case p.Scenario == ScenarioKeepRemote && !given:
		return // a review period is optional
	case !p.Scenario.AllowsTrial():
		return
	case !given:
		v.add("trial", "is missing", fixFor("trial"))
		return
	}
	// In keep-remote, trial: is a review of an arrangement that already
	// runs, never a trial of it: the messages say so.
	period, metric, lengthFix, metricsFix := "trial", "success metric", fixFor("trial.length_days"), fixFor("trial.metrics")
	if p.Scenario == ScenarioKeepRemote {
		period, metric = "review period", "measure"
		lengthFix = "add `length_days: 60` under `trial:`, since a review period runs 30 to 90 days; or delete `trial:` to ask for none"
		metricsFix = "add at least one measure under `trial:`, with name, baseline, target and measured_by; or delete `trial:` to ask for no review period"
	}
	if t.LengthDays == 0 {
		v.add("trial.length_days", "is missing", lengthFix)
	}
	if len(t.Metrics) == 0 {
		v.add("trial.metrics", fmt.Sprintf("a %s needs at least one %s", period, metric), metricsFix)
	}
	// The log names a measure by its name: two of one name would share
	// every reading.
	for i, m := range t.Metrics {
		for j := range i {
			if m.Name != "" && strings.EqualFold(strings.TrimSpace(m.Name), strings.TrimSpace(t.Metrics[j].Name)) {
				line, _ := v.src.At(fmt.Sprintf("trial.metrics[%d].name", j))
				v.add(fmt.Sprintf("trial.metrics[%d].name", i), fmt.Sprintf("%q is also the name of another measure (line %d)", shorten(m.Name, 60), line),
					"give each measure its own name: the trial log and the review tell them apart by it")
				break
			}
		}
	}
	if t.LengthDays >= 30 && t.LengthDays <= 90 && t.CheckInDay >= t.LengthDays {
		v.add("trial.check_in_day", fmt.Sprintf("day %d is not inside a %d-day %s", t.CheckInDay, t.LengthDays, period),
			fmt.Sprintf("choose a day before %d; halfway (%d) is typical", t.LengthDays, t.LengthDays/2))
	}
}

// scenarioRules checks the parts only some scenarios use.
func (v *validation) scenarioRules() {
	p := v.p
	if !p.Scenario.AllowsTrial() && v.present("trial", p.Trial.LengthDays != 0 || len(p.Trial.Metrics) > 0) {
		v.addSection("trial", fmt.Sprintf("the %s scenario has no trial", p.Scenario),
			"remove the `trial:` section; the proposal offers a dated review of the arrangement instead")
	}
	a := p.Agreement
	// A posting's words alone are an agreement of their own kind: what the
	// role was advertised as.
	postingOnly := a.Advertised != "" && a.Document == "" && a.Terms == ""
	if v.present("agreement", a != Agreement{}) && !postingOnly {
		if a.Document == "" {
			v.add("agreement.document", "is missing", fixFor("agreement.document"))
		}
		if a.Terms == "" {
			v.add("agreement.terms", "is missing", fixFor("agreement.terms"))
		}
		if !a.Date.IsZero() && p.Date.Before(a.Date) {
			v.add("agreement.date", fmt.Sprintf("%s is after the document date %s", a.Date, p.Date),
				"give the date the agreement was written")
		}
	}
	if p.Scenario == ScenarioReask {
		if len(p.Reask.Reasons) == 0 {
			v.add("reask.reasons", "is missing", fixFor("reask.reasons"))
		}
		if !p.Reask.DeniedOn.IsZero() && !p.Reask.DeniedOn.Before(p.Date) {
			v.add("reask.denied_on", fmt.Sprintf("%s is not before the document date %s", p.Reask.DeniedOn, p.Date),
				"give the date of the earlier “no”")
		}
	} else if v.present("reask", !p.Reask.DeniedOn.IsZero() || len(p.Reask.Reasons) > 0 || p.Reask.TimesDeclined != 0 || p.Reask.Against != "") {
		v.addSection("reask", "only the reask scenario uses this section", "remove it, or set `scenario: reask`")
	}
	v.demandRules()
	v.moveRules()
	if p.Scenario == ScenarioOffer {
		if p.Offer.Role == "" {
			v.add("offer.role", "is missing", fixFor("offer.role"))
		}
	} else if v.present("offer", p.Offer != Offer{}) {
		v.addSection("offer", "only the offer scenario uses this section", "remove it, or set `scenario: offer`")
	}
}

// demandRules checks the change a keep-remote request answers.
func (v *validation) demandRules() {
	p, d := v.p, v.p.Demand
	if !v.present("demand", d != Demand{}) {
		return
	}
	if p.Scenario != ScenarioKeepRemote {
		v.addSection("demand", "only the keep-remote scenario answers a demand to change how you work",
			"remove it, or set `scenario: keep-remote`")
		return
	}
	if d.From == "" {
		v.add("demand.from", "is missing", fixFor("demand.from"))
	}
	if d.Where != "" && d.Change == "office" {
		v.add("demand.where", "names a place, but `change: office` asks for more office days, not a move",
			"write `change: relocate` if you are asked to move, or delete `where:`")
	}
}

// moveRules checks a move: when and where are what the documents lead with.
func (v *validation) moveRules() {
	p, m := v.p, v.p.Move
	if !v.present("move", m.To != "" || !m.Date.IsZero() || m.Reason != "" || m.IfNotWorking != "" || len(m.Trips) > 0) {
		return
	}
	if m.Date.IsZero() {
		v.add("move.date", "is missing", fixFor("move.date"))
	}
	if m.To == "" {
		v.add("move.to", "is missing", fixFor("move.to"))
	}
	if p.Scenario == ScenarioOffer {
		v.addSection("move", "a move is part of a request to your current manager; in an offer, say where you will work under `arrangement.remote_location`",
			"remove `move:`, or choose the scenario for your current job")
	}
}

func (v *validation) evidenceRules() {
	seen := map[string]bool{}
	for i, e := range v.p.Evidence {
		key := e.ID
		if key == "" {
			key = e.Source + "\x00" + e.Finding
		}
		if seen[key] {
			v.add(fmt.Sprintf("evidence[%d]", i), "this source is listed twice", "cite each source once")
		}
		seen[key] = true
		// An address with no scheme at all is the url rule's to report.
		if u := e.URL; strings.Contains(u, ":") && !webAddressRE.MatchString(u) {
			// A link in every format: only a web address, and nothing that
			// could end it early and start another.
			v.add(fmt.Sprintf("evidence[%d].url", i), fmt.Sprintf("%q is not a web address a manager can open", u),
				"write it in full, starting with https://, with no spaces or angle brackets")
		}
		if e.ID != "" && (e.Finding != "" || e.Source != "" || e.URL != "") {
			v.add(fmt.Sprintf("evidence[%d]", i), "an item is either a library id or your own finding with its source, not both",
				"keep `id:` alone, or remove it and keep finding and source")
		}
	}
}

// Warnings returns what the documents handle but the user should know
// before a manager reads them: today, a request above the policy's limit,
// which the documents present as a request for an exception. They stop
// nothing; each is at the field to change.
func Warnings(p *Proposal) Problems {
	var ps Problems
	if p.source != nil {
		ps = append(ps, p.source.notes...)
	}
	// N/A, TBD, "-": a placeholder the documents would print as an answer
	// ("Senior Data Analyst, N/A").
	for _, t := range p.Texts() {
		switch strings.ToLower(strings.Trim(t.Value, " .")) {
		case "n/a", "na", "tbd", "tbc", "todo", "to do", "-", "—", "–", "?", "??", "…", "xxx", "x", "placeholder", "fill in", "fill me in":
			q := p.source.ValueProblemAt(t.Field, fmt.Sprintf("%q looks like a placeholder, and the documents would print it as your answer", t.Value),
				"write the answer, or delete the line to leave it out")
			q.Warning = true
			ps = append(ps, q)
		}
	}
	// “Zoë Okafor”: typographic quotes around a whole answer, as a word
	// processor makes them, are not YAML's quotes and would be printed.
	for _, t := range p.Texts() {
		v := []rune(t.Value)
		if len(v) > 2 && strings.ContainsRune("“”„‘’‚«»", v[0]) && strings.ContainsRune("“”‘’«»", v[len(v)-1]) &&
			!strings.ContainsAny(string(v[1:len(v)-1]), "“”„‘’‚«»") {
			q := p.source.ValueProblemAt(t.Field, "the whole answer is in typographic quotes, which the documents will print as they are",
				"delete them if they are not part of the text; the answer needs no quotes")
			q.Warning = true
			ps = append(ps, q)
		}
	}
	// A personal reason is the user's: the documents for the manager
	// leave it out of what the team gains, and the prep sheet keeps it.
	for i, b := range p.Benefits {
		if !PersonalBenefit(b) {
			continue
		}
		msg, fix := fmt.Sprintf("%q is your own gain, not the team's: the documents for your manager leave it out, and your prep sheet keeps it", shorten(b, 60)),
			"to keep it in, say what the team or the work gains, such as earlier cover or fewer interruptions; or move it under `private.motivation`"
		if PrivateMatter(b) {
			msg = fmt.Sprintf("%q names a private matter (family, health, care), which is yours to share or not: the documents for your manager leave it out, and your prep sheet keeps it", shorten(b, 60))
			fix = "keep it for the conversation, or move it under `private.motivation`; write what the team gains on its own line"
		}
		q := p.source.ValueProblemAt(fmt.Sprintf("benefits[%d]", i), msg, fix)
		q.Warning = true
		ps = append(ps, q)
	}
	// A reason given by the manager is answered in documents addressed to
	// them: never quoted back to them in the third person.
	if p.Scenario == ScenarioReask {
		for i, r := range p.Reask.Reasons {
			out, names := AddressedTo(r.Reason, p.Manager.Name)
			if !names {
				continue
			}
			path := fmt.Sprintf("reask.reasons[%d].reason", i)
			msg := fmt.Sprintf("names %s, to whom the documents are addressed", p.Manager.Name)
			fix := "write the concern as you would say it to them, such as `reason: Having everyone in person`"
			if out != r.Reason {
				msg += fmt.Sprintf(": they write it as %q", shorten(out, 60))
				fix = "check that it reads right, or write the concern without the name"
			}
			q := p.source.ValueProblemAt(path, msg, fix)
			q.Warning = true
			ps = append(ps, q)
		}
	}
	// Hearsay or a guess reads as fact in a document: the manager will ask.
	for _, t := range p.PublicTexts() {
		if Hedged(t.Value) {
			q := p.source.ValueProblemAt(t.Field, fmt.Sprintf("%q says you are not sure of it, and the documents would state it to your manager as fact", shorten(t.Value, 60)),
				"check it and write what you know, or delete the line")
			q.Warning = true
			ps = append(ps, q)
		}
	}
	// Elsewhere, a mention of the manager that cannot be put to them in the
	// second person ("Tanya decides") reads oddly in a letter to Tanya.
	for _, t := range p.PublicTexts() {
		if strings.HasPrefix(t.Field, "manager.") || strings.HasPrefix(t.Field, "reask.reasons") ||
			strings.HasPrefix(t.Field, "agreement.") || strings.HasPrefix(t.Field, "company.policy") {
			continue
		}
		if _, left := SecondPerson(t.Value, p.Manager.Name); left {
			first, _, _ := strings.Cut(strings.TrimSpace(p.Manager.Name), " ")
			q := p.source.ValueProblemAt(t.Field, fmt.Sprintf("names %s, to whom the documents are addressed", first),
				"write it as you would say it to them, with “you”")
			q.Warning = true
			ps = append(ps, q)
		}
	}
	remote := distinctDays(p.Arrangement.RemoteDays)
	for i, e := range p.Evidence {
		c, ok := evidence.ForManager(e.ID)
		path := fmt.Sprintf("evidence[%d]", i)
		switch {
		case !ok:
		case c.Balance:
			q := p.source.ValueProblemAt(path,
				fmt.Sprintf("%s does not point towards remote work (where firms see a difference, it favours the office): the documents cite it for balance, not as support", e.ID),
				"keep it if you want to show both sides; or cite a finding that supports your arrangement (`propose evidence`)")
			q.Warning = true
			ps = append(ps, q)
		case c.RemoteDays > 0 && remote > c.RemoteDays:
			q := p.source.ValueProblemAt(path,
				fmt.Sprintf("%s studied %d remote %s a week; this request is for %d, so the documents cite it as research on a smaller arrangement, not as support for this one", e.ID, c.RemoteDays, plural(c.RemoteDays, "day", "days"), remote),
				"keep it only for what it found, or cite a finding about your arrangement; `propose evidence` lists them")
			q.Warning = true
			ps = append(ps, q)
		}
	}
	pol := p.Company.Policy
	if working := remote + distinctDays(p.Arrangement.OfficeDays); pol.MaxRemoteDays > 0 && pol.MaxRemotePercent > 0 && working > 0 {
		if (pol.MaxRemoteDays*100+working/2)/working != pol.MaxRemotePercent {
			q := p.source.ValueProblemAt("company.policy.max_remote_percent",
				fmt.Sprintf("%d%% of working time is not %d days of a %d-day week; the documents use the limit the request breaks", pol.MaxRemotePercent, pol.MaxRemoteDays, working),
				"give the limit the policy writes, and leave the other out")
			q.Warning = true
			ps = append(ps, q)
		}
	}
	if a := p.Arrangement; p.Scenario == ScenarioKeepRemote && !a.Start.IsZero() && p.Date.Before(a.Start) {
		q := p.source.ValueProblemAt("arrangement.start",
			fmt.Sprintf("%s is after the document date; in keep-remote, `start` is when you began working this way", a.Start),
			"give the date the arrangement began, or leave it out")
		q.Warning = true
		ps = append(ps, q)
	}
	if q, ok := startOnHoliday(p); ok {
		ps = append(ps, q)
	}
	fit := p.PolicyFit()
	if fit.Exceeds {
		path := "company.policy.max_remote_days"
		if fit.ByPercent {
			path = "company.policy.max_remote_percent"
		}
		q := p.source.ValueProblemAt(path,
			fmt.Sprintf("the request (%s) is above the policy's limit of %s", fit.Asked, fit.Limit),
			"the documents say so, ask for the exception the policy provides (or, where it names none, ask your manager to agree to it) and say why it is worth it; make sure `benefits` and your track record carry that case")
		q.Warning = true
		ps = append(ps, q)
	}
	return ps.sorted()
}

// PolicyFit is how the request compares with the policy's written limit.
type PolicyFit struct {
	Known     bool   // the policy gives a limit the request can be compared with
	Exceeds   bool   // the request is above it
	ByPercent bool   // the limit is a share of working time
	Limit     string // the limit, such as "2 remote days a week" or "40% of working time", for messages
	Asked     string // the request in the same terms, such as "3 remote days a week", for messages

	// The same as numbers, for documents that word them in their language.
	LimitDays, AskedDays       int // remote days a week
	LimitPercent, AskedPercent int // shares of working time, when ByPercent
}

// PolicyFit compares the remote days asked for with the policy's limit,
// in the terms the policy uses.
func (p *Proposal) PolicyFit() PolicyFit {
	pol := p.Company.Policy
	remote := distinctDays(p.Arrangement.RemoteDays)
	working := remote + distinctDays(p.Arrangement.OfficeDays)
	if working == 0 {
		working = len(Workweek)
	}
	days := func(n int) string {
		if n == 1 {
			return "1 remote day a week"
		}
		return fmt.Sprintf("%d remote days a week", n)
	}
	if remote == 0 {
		return PolicyFit{}
	}
	byDays := PolicyFit{Known: pol.MaxRemoteDays > 0, Exceeds: pol.MaxRemoteDays > 0 && remote > pol.MaxRemoteDays,
		Limit: days(pol.MaxRemoteDays), Asked: days(remote), LimitDays: pol.MaxRemoteDays, AskedDays: remote}
	pct := (remote*100 + working/2) / working
	byPercent := PolicyFit{Known: pol.MaxRemotePercent > 0, Exceeds: pol.MaxRemotePercent > 0 && remote*100 > pol.MaxRemotePercent*working,
		ByPercent: true, Limit: fmt.Sprintf("%d%% of working time", pol.MaxRemotePercent),
		Asked: fmt.Sprintf("%s, %d%% of working time", days(remote), pct), AskedDays: remote,
		LimitPercent: pol.MaxRemotePercent, AskedPercent: pct}
	// With both limits written, the one the request breaks speaks; if it
	// keeps to both, the days.
	switch {
	case byDays.Exceeds || (byDays.Known && !byPercent.Exceeds):
		return byDays
	case byPercent.Known:
		return byPercent
	}
	return PolicyFit{}
}

func validScenario(s Scenario) bool {
	for _, known := range Scenarios {
		if s == known {
			return true
		}
	}
	return false
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// FieldError checks one field the way Validate does, on a proposal still
// being filled in (the wizard's answers so far): it completes a copy with
// defaults, validates it, and returns the first problem at path or inside
// it as "what is wrong (how to fix it)", or nil. An empty field whose
// section is reported missing is itself missing: the rules want the
// section, and this field is how it starts.
func FieldError(p *Proposal, path string, today Date) error {
	for _, q := range Check(p, today) {
		if q.Field == path || strings.HasPrefix(q.Field, path+".") || strings.HasPrefix(q.Field, path+"[") {
			return errors.New(q.Message())
		}
		if q.Msg == "is missing" && q.Field != "" && strings.HasPrefix(path, q.Field+".") && p.IsEmpty(path) {
			return errors.New("is missing (" + fixFor(path) + ")")
		}
	}
	return nil
}

// Check validates a proposal still being filled in, completed with
// defaults, and returns its problems (without positions: it has no file).
func Check(p *Proposal, today Date) Problems {
	c := p.Clone()
	c.Derived = Derived{}
	c.ApplyDefaults(today)
	return Validate(c, nil)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// readAtMost reads path, but never more than limit+1 bytes, so a file that
// grows while it is read cannot make the read go on.
func readAtMost(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}
