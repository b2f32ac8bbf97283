package render

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"

	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/eml"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// EmailName is the file the email draft is written to.
const EmailName = "email.eml"

// Email renders the cover email to the manager with the proposal and the
// one-page summary attached as PDFs. It sees the public view only, so the
// prep sheet and every private answer are out of its reach. to, when not
// empty, replaces the manager's address. Missing addresses are
// proposal.Problems naming the field to fill.
func Email(v *view.Public, to string, opts Options) (output.File, error) {
	var ps proposal.Problems
	missing := func(path, fix string) {
		ps = append(ps, v.Source.ProblemAt(path, "is missing, and the email needs it", fix))
	}
	recipient := mail.Address{Name: v.Manager.PlainName, Address: v.Manager.Address}
	if to != "" {
		// --to takes an address or "Name <address>". A bare address gets the
		// manager's name unless the file gives the manager another address.
		a, err := mail.ParseAddress(to)
		if err != nil {
			return output.File{}, fmt.Errorf("recipient %q is not an email address: %w", to, err)
		}
		if a.Name == "" && (v.Manager.Address == "" || strings.EqualFold(a.Address, v.Manager.Address)) {
			a.Name = v.Manager.PlainName
		}
		recipient = *a
	}
	if recipient.Address == "" {
		missing("manager.email", "add `email:` under `manager:`, or pass --to ADDRESS")
	}
	if v.Employee.Address == "" {
		missing("employee.email", "add your work address as `email:` under `employee:`")
	}
	if len(ps) > 0 {
		return output.File{}, ps
	}
	opts.Formats = []Format{PDF}
	files, err := ManagerFiles(v, opts)
	if err != nil {
		return output.File{}, err
	}
	docs, err := opts.docs()
	if err != nil {
		return output.File{}, err
	}
	md, err := docs.Render(document.Email, v)
	if err != nil {
		return output.File{}, err
	}
	subject := v.Say("emailSubject", v.PlainSubject)
	text, html, err := eml.Body(md, v.Language, subject)
	if err != nil {
		return output.File{}, err
	}
	names := map[string]string{
		string(document.Proposal) + ".pdf": v.Say("attachment", string(document.Proposal)),
		string(document.OnePager) + ".pdf": v.Say("attachment", string(document.OnePager)),
	}
	var attachments []eml.Attachment
	for _, f := range files {
		if label, ok := names[f.Name]; ok {
			attachments = append(attachments, eml.Attachment{
				Name:        fileSafe(fmt.Sprintf("%s - %s - %s", label, v.Employee.PlainName, v.AttachmentLabel)) + ".pdf",
				ContentType: "application/pdf",
				Data:        f.Data,
			})
		}
	}
	msg := eml.Message{
		From:        mail.Address{Name: v.Employee.PlainName, Address: v.Employee.Address},
		To:          recipient,
		Subject:     subject,
		Date:        v.Issued.Add(9 * time.Hour),
		Text:        text,
		HTML:        html,
		Attachments: attachments,
	}
	return output.File{Name: EmailName, Data: eml.Write(msg)}, nil
}

// fileSafe makes s fit to be a file name on every system the recipient
// may save it on: it drops the characters file systems or mail clients
// refuse, controls, and the invisible format characters (bidi overrides
// among them, which can make "report‮fdp.exe" look like a PDF), and trims
// what Windows strips from the end of a name.
func fileSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case strings.ContainsRune(`/\:*?"<>|`, r), unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ". ")
}
