//go:build js && wasm

// Command propose-wasm is the engine of propose built for WebAssembly: the
// same loader, coach and renderers as the command line, for a page that
// runs them in the browser, with nothing sent anywhere. It registers a
// global `propose` object with render, check and fields, and waits.
package main

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"syscall/js"
	_ "time/tzdata" // no zoneinfo folder in a browser: the time zones travel with the engine

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
	"github.com/propose-cli/propose/pkg/view"
)

func main() {
	js.Global().Set("propose", js.ValueOf(map[string]any{
		"render":   promised(renderFunc),
		"check":    promised(checkFunc),
		"fields":   promised(fieldsFunc),
		"answers":  promised(answersFunc),
		"yaml":     promised(yamlFunc),
		"email":    promised(emailFunc),
		"calendar": promised(calendarFunc),
	}))
	select {}
}

// promised makes f a JavaScript function that returns a Promise of its
// answer: f runs in a goroutine of its own, so that what it waits for (the
// runtime reading a time zone) never blocks the page's event loop.
func promised(f func(js.Value, []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) any {
		return js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, settle []js.Value) any {
			go func() { settle[0].Invoke(f(this, args)) }()
			return nil
		}))
	})
}

// file is one file the page can offer to download.
type file struct {
	Name    string `json:"name"`
	Private bool   `json:"private"`
	Data    string `json:"data"` // base64
}

// problem is one problem with the answers, at its place in the file.
type problem struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Field   string `json:"field"`
	Message string `json:"message"`
	Warning bool   `json:"warning"`
}

// reply is what each function returns, as JSON: its result, or the
// problems that stopped it.
type reply struct {
	Files    []file         `json:"files,omitempty"`
	Report   *check.Report  `json:"report,omitempty"`
	Fields   []fieldInfo    `json:"fields,omitempty"`
	Answers  map[string]any `json:"answers,omitempty"`
	YAML     string         `json:"yaml,omitempty"`
	Problems []problem      `json:"problems,omitempty"`
	Error    string         `json:"error,omitempty"`
}

func answer(r reply) any {
	b, err := json.Marshal(r)
	if err != nil {
		return `{"error":"` + err.Error() + `"}`
	}
	return string(b)
}

// parse reads the proposal file's text, dated today (YYYY-MM-DD) when it
// gives no date.
func parse(args []js.Value) (*proposal.Proposal, *reply) {
	if len(args) < 2 {
		return nil, &reply{Error: "give the file's text and today's date"}
	}
	var today proposal.Date
	if err := today.UnmarshalText([]byte(args[1].String())); err != nil {
		return nil, &reply{Error: "today: " + err.Error()}
	}
	p, err := proposal.Parse("proposal.yaml", []byte(args[0].String()), today)
	if err != nil {
		r := failed(err)
		return nil, &r
	}
	return p, nil
}

// renderFunc is propose.render(text, today, creator, formats): the
// documents, as the command line writes them with the same formats.
func renderFunc(_ js.Value, args []js.Value) any {
	p, bad := parse(args)
	if bad != nil {
		return answer(*bad)
	}
	opts := render.Options{Creator: creatorOf(args)}
	if len(args) > 3 {
		for i := 0; i < args[3].Length(); i++ {
			opts.Formats = append(opts.Formats, render.Format(args[3].Index(i).String()))
		}
	}
	files, err := render.Files(p, opts)
	if err != nil {
		return answer(failed(err))
	}
	var r reply
	for _, f := range files {
		r.Files = append(r.Files, file{Name: f.Name, Private: f.Private, Data: base64.StdEncoding.EncodeToString(f.Data)})
	}
	return answer(r)
}

// emailFunc is propose.email(text, today, creator): the draft email, as
// `propose email` writes it, made from the public view alone.
func emailFunc(_ js.Value, args []js.Value) any {
	p, bad := parse(args)
	if bad != nil {
		return answer(*bad)
	}
	opts := render.Options{Creator: creatorOf(args)}
	f, err := render.Email(view.NewPublic(p), "", opts)
	return oneFile(f, err)
}

// calendarFunc is propose.calendar(text, today): the trial's checkpoints,
// as `propose calendar` first writes them.
func calendarFunc(_ js.Value, args []js.Value) any {
	p, bad := parse(args)
	if bad != nil {
		return answer(*bad)
	}
	f, err := render.Calendar(p, render.CalendarOptions{})
	return oneFile(f, err)
}

// creatorOf is the program the documents name as their creator: the third
// argument, as the page read it from version.txt, or "propose".
func creatorOf(args []js.Value) string {
	if len(args) > 2 && args[2].String() != "" {
		return args[2].String()
	}
	return "propose"
}

// failed is the reply for an error: the problems it lists, each at its
// place in the file, or its message.
func failed(err error) reply {
	var ps proposal.Problems
	if !errors.As(err, &ps) {
		return reply{Error: err.Error()}
	}
	var r reply
	for _, q := range ps {
		r.Problems = append(r.Problems, problem{q.Line, q.Col, q.Field, q.Message(), q.Warning})
	}
	return r
}

// oneFile answers with f, or with the problems that stopped it.
func oneFile(f output.File, err error) any {
	if err != nil {
		return answer(failed(err))
	}
	return answer(reply{Files: []file{{Name: f.Name, Private: f.Private, Data: base64.StdEncoding.EncodeToString(f.Data)}}})
}

// checkFunc is propose.check(text, today): the coach's report.
func checkFunc(_ js.Value, args []js.Value) any {
	p, bad := parse(args)
	if bad != nil {
		return answer(*bad)
	}
	return answer(reply{Report: check.Run(p, proposal.Date{})})
}

// fieldInfo is one field of the file format, for a form made from the
// same declarations as the wizard.
type fieldInfo struct {
	Path    string   `json:"path"`
	Kind    string   `json:"kind"` // text, number, date, clock, days, texts, section, items
	Item    string   `json:"item,omitempty"`
	Doc     string   `json:"doc"`
	Ask     string   `json:"ask,omitempty"`
	Help    string   `json:"help,omitempty"`
	Example string   `json:"example,omitempty"`
	Suggest string   `json:"suggest,omitempty"`
	Choices []string `json:"choices,omitempty"`
	Labels  []string `json:"labels,omitempty"` // what each choice means, for people choosing
	Private bool     `json:"private,omitempty"`
	Needed  bool     `json:"needed,omitempty"` // required whenever its section is there
}

// fieldsFunc is propose.fields(): every field of the file format.
func fieldsFunc(js.Value, []js.Value) any {
	var r reply
	for _, f := range proposal.Fields() {
		info := fieldInfo{Path: f.Path, Kind: kinds[f.Kind], Item: f.Item, Doc: f.Doc, Ask: f.Ask, Help: f.Help, Example: f.Example,
			Suggest: f.Suggest, Choices: f.ChoiceValues(), Private: f.Private, Needed: f.Required}
		for _, c := range f.Choices {
			info.Labels = append(info.Labels, c.Label)
		}
		r.Fields = append(r.Fields, info)
	}
	return answer(r)
}

// answersFunc is propose.answers(text): the file's answers, by field path
// ("employee.name", "trial.metrics[0].target"), for a form to show; a list
// of text or days is an array. Private answers are among them, marked by
// fields().
func answersFunc(_ js.Value, args []js.Value) any {
	if len(args) < 1 {
		return answer(reply{Error: "give the file's text"})
	}
	p, _, err := proposal.Load("proposal.yaml", []byte(args[0].String()))
	if err != nil {
		return answer(reply{Error: err.Error()})
	}
	out := map[string]any{}
	for _, f := range proposal.Fields() {
		if f.Kind == proposal.KindSection || f.Kind == proposal.KindItems {
			continue
		}
		for _, path := range concrete(p, f.Path) {
			switch f.Kind {
			case proposal.KindTexts, proposal.KindDays:
				if l := p.List(path); len(l) > 0 {
					out[path] = l
				}
			default:
				if t := p.Text(path); t != "" {
					out[path] = t
				}
			}
		}
	}
	return answer(reply{Answers: out})
}

// concrete are the paths of a field in p: each item of the lists it is in.
func concrete(p *proposal.Proposal, path string) []string {
	i := strings.Index(path, "[]")
	if i < 0 {
		return []string{path}
	}
	var out []string
	for n := 0; n < p.Len(path[:i]); n++ {
		out = append(out, concrete(p, path[:i]+"["+strconv.Itoa(n)+"]"+path[i+2:])...)
	}
	return out
}

// yamlFunc is propose.yaml(answers): the proposal file written from a
// form's answers, as JSON by field path, in the same form the wizard and
// the command line write it.
func yamlFunc(_ js.Value, args []js.Value) any {
	if len(args) < 1 {
		return answer(reply{Error: "give the answers"})
	}
	var answers map[string]any
	if err := json.Unmarshal([]byte(args[0].String()), &answers); err != nil {
		return answer(reply{Error: "answers: " + err.Error()})
	}
	paths := make([]string, 0, len(answers))
	for path := range answers {
		paths = append(paths, path)
	}
	sort.Strings(paths) // list items in order, so that each index is made once
	p := &proposal.Proposal{}
	var r reply
	for _, path := range paths {
		var err error
		switch v := answers[path].(type) {
		case string:
			err = p.SetText(path, v)
		case []any:
			items := make([]string, 0, len(v))
			for _, it := range v {
				items = append(items, fmt.Sprint(it))
			}
			err = p.SetList(path, items)
		default:
			err = p.SetText(path, fmt.Sprint(v))
		}
		if err != nil {
			r.Problems = append(r.Problems, problem{Field: path, Message: err.Error()})
		}
	}
	if len(r.Problems) > 0 {
		return answer(r)
	}
	return answer(reply{YAML: string(proposal.Marshal(p))})
}

// kinds name the shape of each field's value for the page.
var kinds = map[proposal.Kind]string{
	proposal.KindText: "text", proposal.KindNumber: "number", proposal.KindDate: "date", proposal.KindClock: "clock",
	proposal.KindDays: "days", proposal.KindTexts: "texts", proposal.KindSection: "section", proposal.KindItems: "items",
}
