package hyphen

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/hyphen/internal/packed"
)

// naiveGaps is Liang's algorithm written the plain way, straight from the
// packed table: every substring of the framed word looked up in a map.
func naiveGaps(table map[string][]uint8, word []rune) []uint8 {
	framed := append(append([]rune{'.'}, word...), '.')
	gaps := make([]uint8, len(framed)+1)
	for i := range framed {
		for j := i + 1; j <= len(framed); j++ {
			for k, v := range table[string(framed[i:j])] {
				gaps[i+k] = max(gaps[i+k], v)
			}
		}
	}
	return gaps
}

// The trie must give exactly what the plain algorithm gives over the same
// patterns, for every language, on real words and on random strings over
// the patterns' alphabet (which reach far more of the trie).
func TestTrieMatchesPlainLiang(t *testing.T) {
	words := []string{"arbeitszeitverkürzung", "hyphenation", "télétravail", "conciliación", "thuiswerkdagen", "straße", "ijsbeer"}
	for _, h := range all {
		data, err := dataFS.ReadFile("data/" + h.lang.file)
		if err != nil {
			t.Fatal(err)
		}
		hdr, tab, err := packed.ReadAll(data)
		if err != nil {
			t.Fatalf("%s: %v", h.lang.tag, err)
		}
		table := map[string][]uint8{}
		for _, p := range tab.Patterns {
			table[p.Letters] = p.Values
		}
		letters := slices.DeleteFunc(slices.Clone(hdr.Alphabet), func(r rune) bool { return r == '.' })
		rng := rand.New(rand.NewPCG(1, uint64(len(h.lang.tag))))
		probe := slices.Clone(words)
		for range 3000 {
			n := 1 + rng.IntN(14)
			var b strings.Builder
			for range n {
				b.WriteRune(letters[rng.IntN(len(letters))])
			}
			probe = append(probe, b.String())
		}
		// Also every pattern's own letters, edges stripped: each must match.
		for _, p := range tab.Patterns[:min(len(tab.Patterns), 2000)] {
			if w := strings.Trim(p.Letters, "."); w != "" {
				probe = append(probe, w)
			}
		}
		p := h.load()
		for _, w := range probe {
			runes := []rune(w)
			syms := []uint8{p.dot}
			for _, r := range runes {
				syms = append(syms, p.symbol(r))
			}
			syms = append(syms, p.dot)
			got := make([]uint8, len(syms)+1)
			p.gaps(syms, got)
			if want := naiveGaps(table, runes); !slices.Equal(got, want) {
				t.Fatalf("%s %q: trie gaps %v, plain %v", h.lang.tag, w, got, want)
			}
		}
	}
}

// Every language's embedded table loads, with the counts its header gives,
// and the trie has exactly the nodes the header counted.
func TestEmbeddedTablesLoad(t *testing.T) {
	for _, h := range all {
		data, err := dataFS.ReadFile("data/" + h.lang.file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := loadPatterns(data)
		if err != nil {
			t.Fatalf("%s: %v", h.lang.tag, err)
		}
		rd, _ := packed.NewReader(data)
		hdr := rd.Header()
		if hdr.Lang != h.lang.tag {
			t.Errorf("data/%s holds %s, want %s", h.lang.file, hdr.Lang, h.lang.tag)
		}
		if len(p.nodes) != hdr.Nodes || len(p.values) != hdr.Values {
			t.Errorf("%s: %d nodes and %d value bytes, header says %d and %d", h.lang.tag, len(p.nodes), len(p.values), hdr.Nodes, hdr.Values)
		}
		if hdr.Patterns < 1000 {
			t.Errorf("%s: only %d patterns", h.lang.tag, hdr.Patterns)
		}
	}
}

// Loading is measured, not timed: parsing one language's patterns stays
// within a budget of allocations (measured: 32 for Spanish to 73 for
// American English, whose exceptions are a map), so a change that
// allocates per pattern (35 056 of them for German) fails here; and all six
// languages together allocate under 4 MiB (measured: 3.0 MB, German 1.4).
func TestLoadAllocationBudget(t *testing.T) {
	const perLanguage = 100
	const allBytes = 4 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for _, h := range all {
		data, err := dataFS.ReadFile("data/" + h.lang.file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := loadPatterns(data); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if b := after.TotalAlloc - before.TotalAlloc; b > allBytes {
		t.Errorf("loading every language allocates %d bytes, budget %d", b, allBytes)
	}
	for _, h := range all {
		data, _ := dataFS.ReadFile("data/" + h.lang.file)
		allocs := testing.AllocsPerRun(2, func() {
			if _, err := loadPatterns(data); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > perLanguage {
			t.Errorf("%s: loading allocates %v times, budget %d", h.lang.tag, allocs, perLanguage)
		}
	}
}

func TestCorruptTablesAreRefused(t *testing.T) {
	good, err := packed.Encode(packed.Table{Lang: "xx", Source: "test", Patterns: []packed.Pattern{
		{Letters: "hy", Values: []uint8{0, 0, 3}},
		{Letters: "ab", Values: []uint8{1}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadPatterns(good); err != nil {
		t.Fatalf("a good table: %v", err)
	}
	if _, err := loadPatterns(good[:len(good)/2]); err == nil {
		t.Error("a truncated table loads")
	}
	if _, err := loadPatterns([]byte("not zlib")); err == nil {
		t.Error("garbage loads")
	}
}

func BenchmarkPoints(b *testing.B) {
	words := strings.Fields(`Die Arbeitszeitverkürzung und die Betriebsvereinbarung regeln den
		Telearbeitsplatz, die Rufbereitschaft und die Datenschutzerklärung für alle Mitarbeiterinnen
		und Mitarbeiter ab dem ersten Januar`)
	de, _ := For("de")
	de.load()
	var buf []int
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			buf = de.AppendPoints(buf[:0], w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

func BenchmarkLoadGerman(b *testing.B) {
	data, err := dataFS.ReadFile("data/de.pat")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadPatterns(data); err != nil {
			b.Fatal(err)
		}
	}
}
