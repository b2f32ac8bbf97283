package proposal

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// FuzzParse feeds any bytes to the loader and validation, starting from
// the examples and the bad-input corpus: nothing may panic, hang or loop,
// every problem has a message, and a file that parses writes back to one
// that parses. `go test` runs the seeds; `make fuzz` runs it for longer.
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"../../examples/*.yaml", "testdata/bad/*.yaml", "testdata/*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	today := NewDate(2027, 1, 5)
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		p, err := Parse("fuzz.yaml", data, today)
		if time.Since(start) > 5*time.Second {
			t.Fatalf("parsing took %s", time.Since(start))
		}
		if err != nil {
			everyProblemSays(t, err)
			return
		}
		Warnings(p)
		if _, err := Parse("again.yaml", Marshal(p), today); err != nil {
			t.Fatalf("a valid file written back does not parse:\n%v\n%s", err, Marshal(p))
		}
	})
}

// everyProblemSays fails the test on a problem without a message.
func everyProblemSays(t *testing.T, err error) {
	t.Helper()
	if ps, ok := err.(Problems); ok {
		for _, q := range ps {
			if q.Msg == "" {
				t.Fatalf("a problem without a message: %+v", q)
			}
		}
	}
}

// FuzzParseLog feeds any bytes to the trial log's loader and its checks
// against the trial example, starting from the example logs: nothing may
// panic or hang, every problem has a message, and a log that parses
// writes back to one that parses.
func FuzzParseLog(f *testing.F) {
	for _, glob := range []string{"../../examples/*.log.yaml", "../../examples/*/*.log.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("version: 1\nentries:\n  - date: 2027-01-15\n    readings:\n      - {metric: Stakeholder satisfaction, value: 4.6 of 5, why: &w private}\n    shipped: [*w]\n"))
	src, err := os.ReadFile("../../examples/trial.yaml")
	if err != nil {
		f.Fatal(err)
	}
	p, err := Parse("trial.yaml", src, NewDate(2027, 1, 5))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		l, err := ParseLog("fuzz.log.yaml", data, p)
		if time.Since(start) > 5*time.Second {
			t.Fatalf("parsing took %s", time.Since(start))
		}
		if err != nil {
			everyProblemSays(t, err)
			return
		}
		if _, err := ParseLog("again.log.yaml", MarshalLog(l), p); err != nil {
			t.Fatalf("a valid log written back does not parse:\n%v\n%s", err, MarshalLog(l))
		}
	})
}

// TestCarriageReturnEndsALine: a "\r" written as a YAML escape ends a line
// as it would in the file, so no document is asked to draw it.
func TestCarriageReturnEndsALine(t *testing.T) {
	src, err := os.ReadFile("testdata/valid-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = []byte(strings.Replace(string(src), "name: Ana Lima", `name: "Ana\rLima\r\nda Silva"`, 1))
	p, err := Parse("cr.yaml", src, NewDate(2027, 1, 4))
	if err != nil {
		t.Fatal(err)
	}
	if p.Employee.Name != "Ana\nLima\nda Silva" {
		t.Errorf("name = %q, want the carriage returns as line ends", p.Employee.Name)
	}
}

// TestUTF16WithoutAMarkIsRead: a file saved as UTF-16 without a byte-order
// mark is read as the text it is, in either byte order.
func TestUTF16WithoutAMarkIsRead(t *testing.T) {
	src, err := os.ReadFile("testdata/valid-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	units := utf16.Encode([]rune(string(src)))
	le, be := make([]byte, 2*len(units)), make([]byte, 2*len(units))
	for i, u := range units {
		binary.LittleEndian.PutUint16(le[2*i:], u)
		binary.BigEndian.PutUint16(be[2*i:], u)
	}
	for name, data := range map[string][]byte{"le": le, "be": be} {
		p, err := Parse(name+".yaml", data, NewDate(2027, 1, 4))
		if err != nil || p.Employee.Name != "Ana Lima" {
			t.Errorf("UTF-16 %s without a mark: %v", name, err)
		}
	}
}
