package view

import "github.com/propose-cli/propose/pkg/proposal"

// Verdict is whether a reading meets its target, as proposal.Judge reads
// targets and readings; the status and review views carry one per measure.
type Verdict = proposal.Verdict

// The verdicts, as proposal declares them.
const (
	Unknown = proposal.Unknown
	Met     = proposal.Met
	Missed  = proposal.Missed
)
