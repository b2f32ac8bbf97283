package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionOfPrefersTheSetVersionThenTheModuleThenTheCommit(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "-trimpath", Value: "true"},
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "abc1234def5678abc1234def5678abc1234def56"},
		{Key: "vcs.time", Value: "2026-12-07T03:56:00Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	dirty := append(append([]debug.BuildSetting{}, vcs[:4]...), debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	build := func(version string, settings []debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Path: "github.com/propose-cli/propose", Version: version}, Settings: settings}
	}
	for _, tc := range []struct {
		name string
		set  string
		bi   *debug.BuildInfo
		want string
	}{
		{"set with -ldflags", "v1.2.3", build("v1.0.0", vcs), "v1.2.3"},
		{"go install module@version", "", build("v1.2.3", nil), "v1.2.3"},
		{"go install of a commit", "", build("v0.0.0-20261207035600-abc1234def56", nil), "v0.0.0-20261207035600-abc1234def56"},
		{"go build of a tagged, modified work tree", "", build("v1.2.3+dirty", vcs), "v1.2.3+dirty"},
		{"go build with the VCS stamped", "", build("(devel)", vcs), "devel (abc1234, 2026-12-07)"},
		{"go build of a modified work tree", "", build("(devel)", dirty), "devel (abc1234, 2026-12-07, modified)"},
		{"go run, or -buildvcs=false", "", build("(devel)", nil), "devel"},
		{"an unparsable time is left out", "", build("", []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.time", Value: "yesterday"}}), "devel (abc)"},
		{"no build information", "", nil, "devel"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionOf(tc.set, tc.bi); got != tc.want {
				t.Errorf("versionOf(%q, …) = %q, want %q", tc.set, got, tc.want)
			}
		})
	}
}
