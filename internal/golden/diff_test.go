package golden

import (
	"strings"
	"testing"
)

func TestDiffShowsOnlyWhatChanged(t *testing.T) {
	var want, got []string
	for i := range 40 {
		want = append(want, "line "+string(rune('a'+i%26)))
	}
	got = append(got, want...)
	got[10] = "changed"
	got = append(got[:30], append([]string{"added"}, got[30:]...)...)
	d := diff("x.golden", strings.Join(want, "\n")+"\n", strings.Join(got, "\n")+"\n")
	wantDiff := `--- x.golden
+++ got
@@ -8,7 +8,7 @@
 line h
 line i
 line j
-line k
+changed
 line l
 line m
 line n
@@ -28,6 +28,7 @@
 line b
 line c
 line d
+added
 line e
 line f
 line g
`
	if d != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", d, wantDiff)
	}
	if same := diff("x", "a\nb\n", "a\nb\n"); same != "--- x\n+++ got\n" {
		t.Errorf("no change gives %q", same)
	}
}
