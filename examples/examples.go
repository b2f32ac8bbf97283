// Package examples embeds one complete, valid proposal file per scenario,
// and the trial log of the trial example.
// `propose example` prints them and the tests render every one.
package examples

import (
	"embed"
	"slices"
	"sort"
	"strings"
)

//go:embed *.yaml */*.yaml
var files embed.FS

// Get returns the example file for a scenario, such as "trial".
func Get(scenario string) ([]byte, bool) {
	b, err := files.ReadFile(scenario + ".yaml")
	return b, err == nil
}

// GetIn returns the example file for a scenario written in the language
// folder lang ("de"), such as a German request under a works agreement.
// English examples are the ones Get returns.
func GetIn(lang, scenario string) ([]byte, bool) {
	if lang == "" || lang == "en" {
		return Get(scenario)
	}
	b, err := files.ReadFile(lang + "/" + scenario + ".yaml")
	return b, err == nil
}

// LogIn returns the trial log that goes with a scenario's example in the
// language folder lang.
func LogIn(lang, scenario string) ([]byte, bool) {
	if lang == "" || lang == "en" {
		return Log(scenario)
	}
	b, err := files.ReadFile(lang + "/" + scenario + ".log.yaml")
	return b, err == nil
}

// NamesIn returns the scenarios that have an example in the language
// folder lang.
func NamesIn(lang string) []string {
	if lang == "" || lang == "en" {
		return Names()
	}
	entries, _ := files.ReadDir(lang)
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !strings.HasSuffix(n, ".log") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// order is the order the scenarios are documented in.
var order = []string{"trial", "offer", "keep-remote", "reask"}

// Log returns the trial log that goes with a scenario's example, such as
// the trial example's eight weeks.
func Log(scenario string) ([]byte, bool) {
	b, err := files.ReadFile(scenario + ".log.yaml")
	return b, err == nil
}

// Names returns the scenarios that have an example, trial first.
func Names() []string {
	var names []string
	for _, n := range order {
		if _, ok := Get(n); ok {
			names = append(names, n)
		}
	}
	entries, _ := files.ReadDir(".")
	var extra []string
	for _, e := range entries {
		n := strings.TrimSuffix(e.Name(), ".yaml")
		if !e.IsDir() && !slices.Contains(order, n) && !strings.HasSuffix(n, ".log") {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	return append(names, extra...)
}
