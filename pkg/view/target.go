package view

import "github.com/propose-cli/propose/pkg/proposal"

// Verdict is whether a reading meets its target; proposal.Judge reads
// targets and readings as people write them.
type Verdict = proposal.Verdict

// The verdicts, as proposal declares them.
const (
	Unknown = proposal.Unknown
	Met     = proposal.Met
	Missed  = proposal.Missed
)

// Judge compares a reading with its target; see proposal.Judge.
func Judge(target, reading string) Verdict { return proposal.Judge(target, reading) }

// amount is the amount a target or a reading holds, to draw it.
func amount(s string) (float64, bool) { return proposal.Amount(s) }
