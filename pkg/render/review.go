package render

import (
	"fmt"

	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/pdf"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// ReviewName is the file name, without extension, of the review report;
// ReviewPrepName, inside the private folder, of its prep sheet.
const (
	ReviewName     = "review"
	ReviewPrepName = "private/review-prep"
)

// ReviewFiles renders the review report for the manager from the public
// review, and its prep sheet for the employee from the private one, in the
// formats asked for.
func ReviewFiles(v *view.ReviewPrivate, opts Options) ([]output.File, error) {
	return reviewFiles(v, nil, opts)
}

// ReviewFilesOf is ReviewFiles with the log the review was made from, so
// that a character in the log the PDF fonts cannot draw is named at its
// place in the log.
func ReviewFilesOf(v *view.ReviewPrivate, l *proposal.Log, opts Options) ([]output.File, error) {
	return reviewFiles(v, l, opts)
}

func reviewFiles(pv *view.ReviewPrivate, l *proposal.Log, opts Options) ([]output.File, error) {
	docs, err := opts.docs()
	if err != nil {
		return nil, err
	}
	// The report is in the documents' language; the prep sheet may be in
	// another.
	v := pv.ForManager
	md, err := docs.RenderReview(v)
	if err != nil {
		return nil, err
	}
	prepMD, err := docs.RenderReviewPrep(pv)
	if err != nil {
		return nil, err
	}
	if opts.has(PDF) {
		if ps := undrawable(v.Public, nil, map[document.Kind][]byte{"review": md, "review-prep": prepMD}, nil); len(ps) > 0 {
			return nil, ps
		}
		if l != nil {
			if ps := proposal.CheckCharacters(l.Texts(), l.Source(), pdf.Covers); len(ps) > 0 {
				return nil, ps
			}
		}
	}
	title := v.Say("review.title", v.AttachmentLabel)
	m := describe(v.Public, opts, title, v.Say("review.subject", map[string]string{"Title": title, "AsOf": v.PlainAsOf}), 1)
	var laid *pdf.Laid
	if opts.has(PDF) {
		if laid, m, err = saveLastPage(md, m, nil); err != nil {
			return nil, fmt.Errorf("render review: %w", err)
		}
	}
	files, err := fitted(ReviewName, md, md, m, opts, laid)
	if err != nil {
		return nil, fmt.Errorf("render review: %w", err)
	}
	pm := m
	pm.Title, pm.Subject, pm.Banner = pv.Say("reviewPrep.title", nil), pv.Say("prep.subject", nil), pv.Say("prep.banner", nil)
	pm.Folio, pm.Language = pv.Folio(), pv.Language
	prep, err := outputs(ReviewPrepName, prepMD, pm, opts, nil)
	if err != nil {
		return nil, fmt.Errorf("render review prep: %w", err)
	}
	for i := range prep {
		prep[i].Private = true
	}
	return append(files, prep...), nil
}

// AgreementName is the file name, without extension, of the agreement
// written after an approval.
const AgreementName = "agreement"

// AgreementFiles renders the agreement for the permanent arrangement, for
// both to sign.
func AgreementFiles(v *view.Permanent, opts Options) ([]output.File, error) {
	docs, err := opts.docs()
	if err != nil {
		return nil, err
	}
	md, err := docs.RenderAgreement(v)
	if err != nil {
		return nil, err
	}
	title := v.Say("agreementTitle", v.AttachmentLabel)
	m := describe(v.Public, opts, title, v.Say("agreementSubject", nil), 1)
	return outputs(AgreementName, md, m, opts, nil)
}
