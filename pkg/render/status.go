package render

import (
	"fmt"
	"github.com/propose-cli/propose/pkg/docmeta"
	"net/mail"
	"time"

	"github.com/propose-cli/propose/pkg/eml"
	"github.com/propose-cli/propose/pkg/htmlpage"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// StatusFiles renders a week's status note: status-DATE.md and .html, and
// status-DATE.eml, a draft to the manager with the note as its body. to,
// when not empty, replaces the manager's address; without any address the
// draft is left out and the note is still written. The note is written
// in opts.Formats, of which it knows md and html.
func StatusFiles(v *view.Status, date proposal.Date, to string, opts Options) ([]output.File, error) {
	docs, err := opts.docs()
	if err != nil {
		return nil, err
	}
	md, err := docs.RenderStatus(v)
	if err != nil {
		return nil, err
	}
	name := "status-" + date.String()
	var files []output.File
	for _, f := range opts.Formats {
		switch f {
		case Markdown:
			files = append(files, output.File{Name: name + ".md", Data: md})
		case HTML:
			page, err := htmlpage.Render(md, htmlpage.Page{Doc: docmeta.Doc{Title: v.Subject(), Language: v.Language,
				Accent: v.Theme.Accent, Sans: v.Theme.Sans, Logo: v.Theme.Logo, LogoAlt: v.Theme.LogoAlt}})
			if err != nil {
				return nil, err
			}
			files = append(files, output.File{Name: name + ".html", Data: page})
		}
	}
	if to == "" {
		to = v.Manager.Address
	}
	if to == "" || v.Employee.Address == "" {
		return files, nil
	}
	if _, err := mail.ParseAddress(to); err != nil {
		return nil, fmt.Errorf("recipient %q is not an email address: %w", to, err)
	}
	text, html, err := eml.Body(md, v.Language, v.Subject())
	if err != nil {
		return nil, err
	}
	msg := eml.Message{
		From:    mail.Address{Name: v.Employee.PlainName, Address: v.Employee.Address},
		To:      mail.Address{Name: v.Manager.PlainName, Address: to},
		Subject: v.Subject(),
		Date:    date.Time().Add(16 * time.Hour),
		Text:    text,
		HTML:    html,
	}
	return append(files, output.File{Name: name + ".eml", Data: eml.Write(msg)}), nil
}
