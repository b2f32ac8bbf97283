package proposal

import "testing"

func TestJudgeReadsTargetsAsPeopleWriteThem(t *testing.T) {
	for _, c := range []struct {
		target, reading string
		want            Verdict
	}{
		{"37 or more", "39", Met}, {"37 or more", "36", Missed}, {"37 or more", "37", Met},
		{"≥ 14", "14", Met}, {"≥ 14", "13.5", Missed}, {">= 14", "15", Met},
		{"under 1 hour", "45 minutes", Met}, {"under 1 hour", "75 minutes", Missed}, {"under 1 hour", "60 minutes", Missed},
		{"within 2 hours", "2 hours", Met}, {"at most 2 days", "3 days", Missed},
		{"100%", "100%", Met}, {"100%", "96%", Missed},
		{"4.5 of 5 or better", "4.7 of 5", Met}, {"4.5 of 5 or better", "4.4 of 5", Missed},
		{"6 or fewer", "7", Missed}, {"5% or less", "3%", Met},
		{"-2 or more", "-1", Met}, {"0 or fewer", "0", Met},
		{"better", "4.7", Unknown}, {"fine", "ok", Unknown}, {"37", "40", Unknown}, {"95%", "96%", Unknown},
		{"under 1 hour", "quickly", Unknown},
		// Times however they are written, and never a guess at a unit.
		{"under 1 hour", "2h", Missed}, {"under 1 hour", "1h 30m", Missed}, {"under 1 hour", "1:30", Missed},
		{"under 1 hour", "1h30", Missed}, {"under 1 hour", "1 h 5 min", Missed}, {"under 1 hour", "half an hour", Met}, {"under 80 minutes", "an hour and a half", Missed},
		{"under 1 hour", "0:45", Met}, {"under 1 hour", "45m", Met}, {"under 1 hour", "2", Unknown},
		{"under 1 hour", "< 1 hour", Met}, {"under 1 hour", "< 2 hours", Unknown}, {"within 2 days", "36 hours", Met},
		// Shares: 4/4 against 100%, and "of" with another whole.
		{"100%", "4/4", Met}, {"100%", "3 of 4", Missed}, {"95% or more", "19/20", Met}, {"95% or more", "96", Unknown},
		{"4.5 of 5 or better", "9 of 10", Met}, {"4.5 of 5 or better", "4.6", Met},
		// Directions people write.
		{"40+", "41", Met}, {"40+", "39", Missed}, {"40 and up", "40", Met}, {"no fewer than 40", "40", Met},
		{"no fewer than 40", "39", Missed}, {"no more than 3", "4", Missed}, {"37-40", "38", Unknown},
		// Words for all and none.
		{"All", "all", Met}, {"All", "4/4", Met}, {"All", "3 of 4", Missed}, {"none", "0", Met}, {"none", "2", Missed},
	} {
		if got := Judge(c.target, c.reading); got != c.want {
			t.Errorf("Judge(%q, %q) = %v, want %v", c.target, c.reading, got, c.want)
		}
	}
}

// TestJudgeReadsTargetsInEveryLanguage checks targets and readings as
// people write them in the languages the documents are written in: a
// German, French, Spanish or Dutch measure is judged like an English one.
func TestJudgeReadsTargetsInEveryLanguage(t *testing.T) {
	for _, c := range []struct {
		target, reading string
		want            Verdict
	}{
		{"85 oder mehr", "88", Met},
		{"mindestens 90 %", "87 %", Missed},
		{"höchstens 6,5 Arbeitstage", "6 Arbeitstage", Met},
		{"unter 2 Stunden", "2 Stunden", Missed},
		{"innerhalb einer Stunde", "45 Minuten", Unknown}, // "einer Stunde" holds no number
		{"über 40", "41", Met},
		{"92 % ou plus", "93 %", Met},
		{"moins de 48 heures", "50 heures", Missed},
		{"au moins 4 sur 5", "4,5 sur 5", Met},
		{"3 jours ou moins", "2 jours", Met},
		{"al menos 95 %", "96 %", Met},
		{"menos de 2 días", "3 días", Missed},
		{"24 horas o menos", "20 horas", Met},
		{"minstens 80%", "78%", Missed},
		{"binnen 2 werkdagen", "1 werkdag", Met},
		{"maximaal 4 uur", "5 uur", Missed},
	} {
		if got := Judge(c.target, c.reading); got != c.want {
			t.Errorf("Judge(%q, %q) = %v, want %v", c.target, c.reading, got, c.want)
		}
	}
}
