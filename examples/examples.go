// Package examples embeds one complete, valid proposal file per scenario.
// `propose example` prints them and the tests render every one.
package examples

import (
	"embed"
	"sort"
	"strings"
)

//go:embed *.yaml
var files embed.FS

// Get returns the example file for a scenario, such as "trial".
func Get(scenario string) ([]byte, bool) {
	b, err := files.ReadFile(scenario + ".yaml")
	return b, err == nil
}

// Names returns the scenarios that have an example, sorted.
func Names() []string {
	entries, _ := files.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}
