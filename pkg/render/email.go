package render

import (
	"fmt"
	"net/mail"
	"strings"
	"time"

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
	if to == "" {
		to = v.Manager.Address
	}
	if to == "" {
		missing("manager.email", "add `email:` under `manager:`, or pass --to ADDRESS")
	} else if _, err := mail.ParseAddress(to); err != nil {
		return output.File{}, fmt.Errorf("recipient %q is not an email address: %w", to, err)
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
	text, html, err := eml.Body(md)
	if err != nil {
		return output.File{}, err
	}
	names := map[string]string{
		string(document.Proposal) + ".pdf": "Proposal",
		string(document.OnePager) + ".pdf": "Summary",
	}
	var attachments []eml.Attachment
	for _, f := range files {
		if label, ok := names[f.Name]; ok {
			attachments = append(attachments, eml.Attachment{
				Name:        fmt.Sprintf("%s - %s - %s.pdf", label, fileSafe(v.Employee.PlainName), v.AttachmentLabel),
				ContentType: "application/pdf",
				Data:        f.Data,
			})
		}
	}
	subject := v.PlainSubject
	if subject != "" {
		subject = strings.ToLower(subject[:1]) + subject[1:]
	}
	msg := eml.Message{
		From:        mail.Address{Name: v.Employee.PlainName, Address: v.Employee.Address},
		To:          mail.Address{Name: v.Manager.PlainName, Address: to},
		Subject:     "Proposal: " + subject,
		Date:        v.Issued.Add(9 * time.Hour),
		Text:        text,
		HTML:        html,
		Attachments: attachments,
	}
	return output.File{Name: EmailName, Data: eml.Write(msg)}, nil
}

// fileSafe drops the characters file systems or mail clients refuse in a
// file name.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return -1
		}
		return r
	}, s)
}
