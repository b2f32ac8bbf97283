// Package eml writes an email as an RFC 5322 message file (.eml) that mail
// clients open as a draft: the cover note as plain text and HTML, and the
// documents attached. It uses the standard library's MIME support
// (mime, mime/multipart, mime/quotedprintable, net/mail), which covers the
// encodings a draft needs: RFC 2047 words in headers, RFC 2231 file names,
// quoted-printable text and base64 attachments.
package eml

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
	"unicode/utf8"
)

// Message is one email.
type Message struct {
	From, To    mail.Address
	Subject     string
	Date        time.Time
	Text        string // the plain-text body
	HTML        string // the HTML body; "" for plain text only
	Attachments []Attachment
}

// Attachment is a file sent with the message.
type Attachment struct {
	Name        string // the file name the recipient sees
	ContentType string
	Data        []byte
}

// Write returns the message as an .eml file. The same message always gives
// the same bytes: boundaries and the message id derive from its content.
func Write(m Message) []byte {
	sum := sha256.New()
	fmt.Fprintf(sum, "%s\x00%s\x00%s\x00%s\x00%s", m.From.String(), m.To.String(), m.Subject, m.Text, m.HTML)
	for _, a := range m.Attachments {
		sum.Write(a.Data)
	}
	id := hex.EncodeToString(sum.Sum(nil))

	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	folded := func(k, v string) { b.WriteString(fold(k+": "+v) + "\r\n") }
	folded("From", Address(m.From))
	folded("To", Address(m.To))
	folded("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", m.Date.Format(time.RFC1123Z))
	domain := "propose.invalid"
	if _, d, ok := strings.Cut(m.From.Address, "@"); ok && d != "" {
		domain = d
	}
	header("Message-ID", "<"+id[:32]+"@"+domain+">")
	header("MIME-Version", "1.0")
	// Outlook opens a message with this header as an unsent draft.
	header("X-Unsent", "1")

	mixed := multipart.NewWriter(&b)
	_ = mixed.SetBoundary("mixed-" + id[:24])
	header("Content-Type", "multipart/mixed; boundary="+mixed.Boundary())
	b.WriteString("\r\n")

	altBoundary := "alt-" + id[24:48]
	altHeader := textproto.MIMEHeader{}
	altHeader.Set("Content-Type", "multipart/alternative; boundary="+altBoundary)
	part, _ := mixed.CreatePart(altHeader)
	var altBody bytes.Buffer
	altW := multipart.NewWriter(&altBody)
	_ = altW.SetBoundary(altBoundary)
	writeText(altW, "text/plain; charset=utf-8", m.Text)
	if m.HTML != "" {
		writeText(altW, "text/html; charset=utf-8", m.HTML)
	}
	_ = altW.Close()
	part.Write(altBody.Bytes())

	for _, a := range m.Attachments {
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", fmt.Sprintf("%s; name=%s", a.ContentType, quoteParam(a.Name)))
		h.Set("Content-Disposition", "attachment; "+fileNameParams(a.Name))
		h.Set("Content-Transfer-Encoding", "base64")
		part, _ := mixed.CreatePart(h)
		writeBase64(part, a.Data)
	}
	_ = mixed.Close()
	return b.Bytes()
}

func writeText(w *multipart.Writer, contentType, text string) {
	h := textproto.MIMEHeader{}
	h.Set("Content-Type", contentType)
	h.Set("Content-Transfer-Encoding", "quoted-printable")
	part, _ := w.CreatePart(h)
	qp := quotedprintable.NewWriter(part)
	qp.Write([]byte(strings.ReplaceAll(text, "\n", "\r\n")))
	qp.Close()
}

func writeBase64(w interface{ Write([]byte) (int, error) }, data []byte) {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		w.Write([]byte(enc[:76] + "\r\n"))
		enc = enc[76:]
	}
	w.Write([]byte(enc + "\r\n"))
}

// fileNameParams writes a file name as clients read it: RFC 2231 for
// non-ASCII names (filename*=UTF-8”...), with an RFC 2047 fallback that
// older clients (Outlook) understand.
func fileNameParams(name string) string {
	if isASCII(name) {
		return "filename=" + quoteParam(name)
	}
	return "filename=" + quoteParam(mime.QEncoding.Encode("utf-8", name)) +
		"; filename*=UTF-8''" + percentEncode(name)
}

func quoteParam(s string) string {
	if isASCII(s) {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return `"` + mime.QEncoding.Encode("utf-8", s) + `"`
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] < 0x20 {
			return false
		}
	}
	return true
}

// percentEncode encodes a value for an RFC 2231 extended parameter.
func percentEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
