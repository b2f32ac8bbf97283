package eml

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"os/exec"
	"strings"
	"testing"
	"time"
)

var names = []string{
	"Zoë Okafor",
	"Okafor, Zoë",
	"Okafor, Zoe",
	`Zoë "Z" O'Brien`,
	`Sam "the analyst" O'Neil`,
	"李小龍",
	"Ana María (Ops)",
	"Zoë <x@y>",
	"=?utf-8?q?x?=",
	"Zoë Okafor-Ñandú Alexandrina Wilhelmina von Hohenzollern-Sigmaringen 🌍 Éléonore",
	"Alexandrina Wilhelmina Éléonore Ñandú-Hohenzollern Sigmaringen Müller-Lüdenscheidt",
	"Priya Raman",
	`back\slash`,
}

var subjects = []string{
	"Proposal: a hybrid work trial",
	"Proposal: hybrid work trial for Zoë Okafor, Revenue Analytics — starting 1 February, with weekly check-ins",
}

func message(from string, subject string) []byte {
	return Write(Message{
		From:    mail.Address{Name: from, Address: "zoe@example.com"},
		To:      mail.Address{Name: "Priya Raman", Address: "priya@example.com"},
		Subject: subject,
		Date:    time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC),
		Text:    "Hello",
	})
}

// TestGoReadsNamesIntact reads every name back with net/mail.
func TestGoReadsNamesIntact(t *testing.T) {
	for _, n := range names {
		for _, s := range subjects {
			data := message(n, s)
			m, err := mail.ReadMessage(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			from, err := m.Header.AddressList("From")
			if err != nil || len(from) != 1 || from[0].Name != n || from[0].Address != "zoe@example.com" {
				t.Errorf("From %q read by Go as %v (%v)", n, from, err)
			}
			for _, line := range strings.Split(string(data[:bytes.Index(data, []byte("\r\n\r\n"))]), "\r\n") {
				if len(line) > 998 {
					t.Errorf("header line of %d characters", len(line))
				}
			}
		}
	}
}

// TestPythonReadsNamesIntact reads every name and subject back with
// Python's email package under its default policy, when Python is here.
func TestPythonReadsNamesIntact(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	const script = `
import email, email.policy, json, sys
out = []
for raw in json.load(sys.stdin):
    m = email.message_from_bytes(raw.encode("latin-1"), policy=email.policy.default)
    a = m["From"].addresses
    out.append([[x.display_name, x.addr_spec] for x in a] + [str(m["Subject"])])
json.dump(out, sys.stdout)
`
	var raws []string
	var want [][2]string
	for _, n := range names {
		for _, s := range subjects {
			raws = append(raws, string(message(n, s)))
			want = append(want, [2]string{n, s})
		}
	}
	in, _ := json.Marshal(raws)
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var got [][]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if len(g) != 2 {
			t.Errorf("From %q read by Python as %d addresses: %v", want[i][0], len(g)-1, g)
			continue
		}
		addr := g[0].([]any)
		if addr[0] != want[i][0] || addr[1] != "zoe@example.com" {
			t.Errorf("From %q read by Python as %q <%v>", want[i][0], addr[0], addr[1])
		}
		if g[1] != want[i][1] {
			t.Errorf("Subject %q read by Python as %q", want[i][1], g[1])
		}
	}
}
