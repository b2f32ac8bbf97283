package golden

import (
	"fmt"
	"strings"
)

// diff returns a unified diff of want (the golden file) against got, with
// three lines of context: what a reader needs to judge a change, rather
// than both files whole.
func diff(path string, want, got string) string {
	a, b := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	if len(a)*len(b) > 25_000_000 {
		// Too large to compare line by line here: the first difference.
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				return fmt.Sprintf("--- %s\n+++ got\nfirst difference at line %d:\n-%s+%s", path, i+1, a[i], b[i])
			}
		}
		return fmt.Sprintf("--- %s\n+++ got\nthe files differ in length: %d and %d lines", path, len(a), len(b))
	}
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte // ' ', '-' or '+'
		text string
		ai   int // the line's number in a (for ' ' and '-') or where it would go
		bi   int
	}
	var lines []line
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			lines = append(lines, line{' ', a[i], i, j})
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			lines = append(lines, line{'-', a[i], i, j})
			i++
		default:
			lines = append(lines, line{'+', b[j], i, j})
			j++
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ got\n", path)
	const context = 3
	for k := 0; k < len(lines); {
		if lines[k].op == ' ' {
			k++
			continue
		}
		start := max(0, k-context)
		end := k
		// Extend the hunk while changes come within twice the context.
		for end < len(lines) {
			if lines[end].op != ' ' {
				end++
				continue
			}
			next := end
			for next < len(lines) && lines[next].op == ' ' && next-end < 2*context {
				next++
			}
			if next < len(lines) && lines[next].op != ' ' {
				end = next
				continue
			}
			end = min(len(lines), end+context)
			break
		}
		var na, nb int
		for _, l := range lines[start:end] {
			if l.op != '+' {
				na++
			}
			if l.op != '-' {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", lines[start].ai+1, na, lines[start].bi+1, nb)
		for _, l := range lines[start:end] {
			out.WriteByte(l.op)
			out.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				out.WriteString("\n\\ no newline at end\n")
			}
		}
		k = end
	}
	return out.String()
}
