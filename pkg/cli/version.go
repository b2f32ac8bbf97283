package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// Version is the release version, set at build time with
// -ldflags "-X github.com/propose-cli/propose/pkg/cli.Version=v1.2.3".
// When unset, the version is taken from the build information.
var Version = ""

// ProgramVersion returns the version of this build: the one set at build
// time, else the module version recorded by `go install module@version`,
// else "devel" with the commit and its date when the build recorded them,
// such as "devel (abc1234, 2026-12-07)".
func ProgramVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(Version, bi)
}

// versionOf picks the version to show from the one set with -ldflags and
// the build information bi, which may be nil. It never returns "(devel)",
// the module version of a build from a work tree, which says nothing.
func versionOf(set string, bi *debug.BuildInfo) string {
	if set != "" {
		return set
	}
	if bi == nil {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, date string
	var modified bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				date = t.UTC().Format("2006-01-02")
			}
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	var parts []string
	for _, p := range []string{rev, date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return "devel"
	}
	if modified {
		parts = append(parts, "modified")
	}
	return "devel (" + strings.Join(parts, ", ") + ")"
}

// NewCmdVersion returns `propose version`.
func NewCmdVersion(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of propose",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(env.IO.Out, "propose %s (%s %s/%s)\n", ProgramVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
