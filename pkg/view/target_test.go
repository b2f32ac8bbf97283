package view

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
		{"all", "all", Unknown}, {"under 1 hour", "quickly", Unknown},
	} {
		if got := Judge(c.target, c.reading); got != c.want {
			t.Errorf("Judge(%q, %q) = %v, want %v", c.target, c.reading, got, c.want)
		}
	}
}
