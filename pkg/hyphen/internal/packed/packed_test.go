package packed

import (
	"bytes"
	"compress/zlib"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestParseTeX(t *testing.T) {
	for _, c := range []struct {
		in      string
		letters string
		values  []uint8
	}{
		{"hen5at", "henat", []uint8{0, 0, 0, 5}},
		{".ab3r", ".abr", []uint8{0, 0, 0, 3}},
		{"1na", "na", []uint8{1}},
		{"2ß1", "ß", []uint8{2, 1}},
		{"a4a4", "aa", []uint8{0, 4, 4}},
	} {
		p, err := ParseTeX(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if p.Letters != c.letters || !reflect.DeepEqual(p.Values, c.values) {
			t.Errorf("%s: %q %v, want %q %v", c.in, p.Letters, p.Values, c.letters, c.values)
		}
	}
	for _, bad := range []string{"12a", "5", ""} {
		if _, err := ParseTeX(bad); err == nil {
			t.Errorf("%q parses", bad)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	var pats []Pattern
	for _, s := range []string{"hy3ph", "he2n", "hena4", "hen5at", "1na", "n2at", "1tio", "2io", "o2n", ".ab3r", "ä1b", "äb2c", "ö1b", "2ß1", "œ1u"} {
		p, err := ParseTeX(s)
		if err != nil {
			t.Fatal(err)
		}
		pats = append(pats, p)
	}
	in := Table{Lang: "xx", Source: "a test", Patterns: pats, Exceptions: []string{"ta-ble", "present", "ta-ble"}}
	data, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	h, out, err := ReadAll(data)
	if err != nil {
		t.Fatal(err)
	}
	if h.Lang != "xx" || h.Source != "a test" || h.Patterns != len(pats) {
		t.Errorf("header %+v", h)
	}
	if string(h.Alphabet) != alphabetOf(pats) {
		t.Errorf("alphabet %q", string(h.Alphabet))
	}
	got := map[string][]uint8{}
	for _, p := range out.Patterns {
		got[p.Letters] = p.Values
	}
	for _, p := range pats {
		if !reflect.DeepEqual(got[p.Letters], p.Values) {
			t.Errorf("%s: read back %v, want %v", p.Letters, got[p.Letters], p.Values)
		}
	}
	if !reflect.DeepEqual(out.Exceptions, []string{"present", "ta-ble"}) {
		t.Errorf("exceptions %v", out.Exceptions)
	}
	// Same input, same bytes.
	again, _ := Encode(in)
	if !bytes.Equal(data, again) {
		t.Error("two encodings of one table differ")
	}
	// The text is sorted, front-coded and valid UTF-8 line by line.
	text := inflate(t, data)
	if !strings.Contains(text, "\n0hen 002\n3a 00004\n4t 0005\n") {
		t.Errorf("front coding not as documented:\n%s", text)
	}
	// "äbc" shares the 3 bytes of "äb"; "öb" shares nothing with "äbc",
	// although ä and ö begin with the same byte.
	if !strings.Contains(text, "\n0äb 01\n3c 002\n0öb 01\n") {
		t.Errorf("ä and ö patterns not front-coded on rune boundaries:\n%s", text)
	}
}

func alphabetOf(pats []Pattern) string {
	seen := map[rune]bool{}
	for _, p := range pats {
		for _, r := range p.Letters {
			seen[r] = true
		}
	}
	var b strings.Builder
	for r := rune(0); r < 0x10000; r++ {
		if seen[r] {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func inflate(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Patterns with the same letters merge by the larger value per gap, as
// Liang's algorithm would apply them; all-zero patterns are dropped.
func TestMerge(t *testing.T) {
	data, err := Encode(Table{Lang: "xx", Patterns: []Pattern{
		{Letters: "abc", Values: []uint8{0, 1, 0, 0}},
		{Letters: "abc", Values: []uint8{0, 0, 3}},
		{Letters: "zz", Values: []uint8{0, 0, 0}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	h, out, err := ReadAll(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Patterns) != 1 || !reflect.DeepEqual(out.Patterns[0].Values, []uint8{0, 1, 3}) {
		t.Errorf("merged to %+v", out.Patterns)
	}
	if h.Nodes != 4 {
		t.Errorf("%d nodes, want root + a + b + c", h.Nodes)
	}
}

func TestEncodeRefuses(t *testing.T) {
	for name, tab := range map[string]Table{
		"digit in letters": {Patterns: []Pattern{{Letters: "a1", Values: []uint8{1}}}},
		"too many values":  {Patterns: []Pattern{{Letters: "a", Values: []uint8{1, 1, 1}}}},
		"value above 9":    {Patterns: []Pattern{{Letters: "ab", Values: []uint8{0, 12}}}},
		"spaced exception": {Patterns: []Pattern{{Letters: "ab", Values: []uint8{1}}}, Exceptions: []string{"ta ble"}},
	} {
		if _, err := Encode(tab); err == nil {
			t.Errorf("%s: encoded", name)
		}
	}
}

func TestReaderRefusesDamage(t *testing.T) {
	data, err := Encode(Table{Lang: "xx", Patterns: []Pattern{{Letters: "ab", Values: []uint8{1}}, {Letters: "ac", Values: []uint8{0, 1}}}})
	if err != nil {
		t.Fatal(err)
	}
	text := inflate(t, data)
	for name, damaged := range map[string]string{
		"magic":        strings.Replace(text, Magic, "hyphen-patterns 9", 1),
		"count":        strings.Replace(text, "patterns 2", "patterns 3", 1),
		"shared":       strings.Replace(text, "\n1c ", "\n9c ", 1),
		"value":        strings.Replace(text, " 01\n", " 0x\n", 1),
		"trailing":     text + "extra\n",
		"no exception": strings.Replace(text, "exceptions 0\n", "", 1),
	} {
		if damaged == text {
			t.Fatalf("%s: the damage did not apply to\n%s", name, text)
		}
		var b bytes.Buffer
		zw := zlib.NewWriter(&b)
		zw.Write([]byte(damaged))
		zw.Close()
		if _, _, err := ReadAll(b.Bytes()); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
}
