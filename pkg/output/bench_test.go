package output

import (
	"path/filepath"
	"testing"
)

// BenchmarkWrite writes a render's set (six documents, two of them
// private) into a folder that holds the previous set, as a render does.
func BenchmarkWrite(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "out")
	set := generation(1)
	for i := range set {
		set[i].Data = append(set[i].Data, make([]byte, 30_000)...)
	}
	if _, err := Write(dir, Set{Files: set}, Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Write(dir, Set{Files: set}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
