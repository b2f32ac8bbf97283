package proposal

import (
	"testing"
)

func TestScratch(t *testing.T) {
	for _, src := range []string{
		"version: 1\nscenario: trail\nemployee:\n  name: X\n  titel: Y\n  name: Z\narrangement:\n  type: hybrid\n  remote_days: [mon, fri, fri, sat]\n  office_days: [monday]\n  check_ins: []\n  core_hours: {start: 9, end: \"08:00\", timezone: Mars/Base}\n  start: 2027-02-30\ntrial:\n  length_days: 120\n  metrics:\n    - name: x\nevidence: [bloom-2016-qje, gibbs-2023]\n",
		"version: 1\nscenario: trial\nemployee: [a]\n",
		"a: [b\n",
		"# only\n",
		"- a\n- b\n",
	} {
		_, err := Parse("f.yaml", []byte(src), NewDate(2027, 1, 1))
		t.Logf("\n%v", err)
	}
}
