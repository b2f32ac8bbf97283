package render

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"regexp"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/internal/pdftext"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// parsed is an .eml read back with the standard library, as a mail client
// would read it.
type parsed struct {
	from, to    *mail.Address
	subject     string
	text, html  string
	attachments map[string][]byte
}

func readEmail(t *testing.T, data []byte) parsed {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var p parsed
	if p.from, err = mail.ParseAddress(msg.Header.Get("From")); err != nil {
		t.Fatalf("From: %v", err)
	}
	if p.to, err = mail.ParseAddress(msg.Header.Get("To")); err != nil {
		t.Fatalf("To: %v", err)
	}
	if p.subject, err = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); err != nil {
		t.Fatal(err)
	}
	if msg.Header.Get("X-Unsent") != "1" || msg.Header.Get("MIME-Version") != "1.0" {
		t.Error("not marked as an unsent MIME draft")
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", mt, err)
	}
	p.attachments = map[string][]byte{}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		ct, cp, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		switch {
		case ct == "multipart/alternative":
			ar := multipart.NewReader(part, cp["boundary"])
			for {
				ap, err := ar.NextPart()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(ap) // multipart decodes quoted-printable itself
				switch act, _, _ := mime.ParseMediaType(ap.Header.Get("Content-Type")); act {
				case "text/plain":
					p.text = string(body)
				case "text/html":
					p.html = string(body)
				}
			}
		default:
			_, dp, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(part)
			data, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(raw), "\r\n", ""))
			if err != nil {
				t.Fatalf("attachment %s: %v", dp["filename"], err)
			}
			p.attachments[dp["filename"]] = data
		}
	}
	return p
}

func TestEmailOpensAsADraftWithBothPDFs(t *testing.T) {
	src, _ := examples.Get("trial")
	f, err := Email(view.NewPublic(load(t, src)), "", Options{Creator: "propose test"})
	if err != nil {
		t.Fatal(err)
	}
	m := readEmail(t, f.Data)
	if m.from.Name != "Zoë Okafor" || m.from.Address != "zoe.okafor@example.com" ||
		m.to.Name != "Priya Raman" || m.to.Address != "priya.raman@example.com" {
		t.Errorf("from %v to %v", m.from, m.to)
	}
	if m.subject != "Proposal: a 60-day hybrid work trial starting January 12, 2027" {
		t.Errorf("subject %q", m.subject)
	}
	for _, want := range []string{"Hi Priya,", "I’d like to propose a 60-day trial", "20 minutes", "Zoë Okafor"} {
		if !strings.Contains(m.text, want) || !strings.Contains(m.html, want) {
			t.Errorf("body lacks %q in text or HTML", want)
		}
	}
	want := []string{"Proposal - Zoë Okafor - hybrid trial.pdf", "Summary - Zoë Okafor - hybrid trial.pdf"}
	if len(m.attachments) != 2 {
		t.Fatalf("%d attachments: %v", len(m.attachments), keys(m.attachments))
	}
	for _, name := range want {
		data := m.attachments[name]
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("attachment %q is not a PDF (have %v)", name, keys(m.attachments))
		}
		pages(t, data) // validates
		text, err := pdftext.Extract(data)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, "PRIVATE") || strings.Contains(pdftext.Squash(text), "recruiters") {
			t.Errorf("%s holds private text", name)
		}
	}
	// The reviewed golden, with the PDFs' bytes left out.
	golden.Check(t, golden.Path(t, "trial.eml"), elideBase64(f.Data))
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

var base64Block = regexp.MustCompile(`(Content-Type: application/pdf[^\r\n]*\r\n\r\n)([A-Za-z0-9+/=\r\n]+?)(\r\n--)`)

func elideBase64(b []byte) []byte {
	return base64Block.ReplaceAllFunc(b, func(m []byte) []byte {
		parts := base64Block.FindSubmatch(m)
		return []byte(fmt.Sprintf("%s[%d lines of base64]%s", parts[1], bytes.Count(parts[2], []byte("\r\n"))+1, parts[3]))
	})
}

func TestEmailNeedsAddresses(t *testing.T) {
	src, _ := examples.Get("trial")
	p := load(t, bytes.Replace(src, []byte("  email: priya.raman@example.com\n"), nil, 1))
	_, err := Email(view.NewPublic(p), "", Options{})
	var ps proposal.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Field != "manager.email" || !strings.Contains(ps[0].Fix, "--to") || ps[0].Line == 0 {
		t.Fatalf("got %v", err)
	}
	f, err := Email(view.NewPublic(p), "priya@example.org", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := readEmail(t, f.Data); m.to.Address != "priya@example.org" {
		t.Errorf("--to ignored: %v", m.to)
	}
}

func TestEmailBodyEscapesAndDecodes(t *testing.T) {
	// Quoted-printable must round-trip the curly apostrophes and accents.
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte("I’d — Zoë"))
	w.Close()
	got, _ := io.ReadAll(quotedprintable.NewReader(&b))
	if string(got) != "I’d — Zoë" {
		t.Fatal(string(got))
	}
}

// TestStatusEmailShowsTheTableAndTheLists: the weekly status draft's HTML
// part shows the measures as a real table and the weeks' items as a list;
// its plain part keeps the bullets and reads the table without pipes.
func TestStatusEmailShowsTheTableAndTheLists(t *testing.T) {
	src, _ := examples.Get("trial")
	p := load(t, src)
	logSrc, _ := examples.Log("trial")
	l, err := proposal.ParseLog("trial.log.yaml", logSrc, p)
	if err != nil {
		t.Fatal(err)
	}
	date := proposal.NewDate(2027, 2, 5)
	v, ok := view.NewStatus(p, l, date)
	if !ok {
		t.Fatal("no status")
	}
	files, err := StatusFiles(v, date, "", Options{Formats: []Format{Markdown}})
	if err != nil {
		t.Fatal(err)
	}
	var m parsed
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".eml") {
			m = readEmail(t, f.Data)
		}
	}
	for _, want := range []string{"<table>", `<th scope="col">Measure</th>`, "<td>75 minutes</td>",
		"<td>Below target</td>", `<th scope="col">So far</th>`, `<html lang="en-US">`, "<li>Month-end close reports for finance</li>"} {
		if !strings.Contains(m.html, want) {
			t.Errorf("the HTML part lacks %q", want)
		}
	}
	for _, want := range []string{"- Month-end close reports for finance\n",
		"- Median first response to stakeholder questions\n  Target: under 1 hour\n  Latest: 75 minutes\n  So far: Below target\n"} {
		if text := strings.ReplaceAll(m.text, "\r\n", "\n"); !strings.Contains(text, want) {
			t.Errorf("the plain part lacks %q:\n%s", want, text)
		}
	}
	for name, part := range map[string]string{"plain": m.text, "HTML": m.html} {
		if strings.Contains(part, "| ") || strings.Contains(part, ":--") {
			t.Errorf("the %s part shows the table's Markdown", name)
		}
	}
}
