package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// NewCmdMan returns `propose man DIR`, hidden: it writes a man page for
// every command into DIR, dated by SOURCE_DATE_EPOCH when it is set, so
// packagers get the same pages from the same source. `make man` runs it.
//
// The pages are written here rather than by cobra's doc package, whose
// Markdown converter costs every command two milliseconds at start-up.
func NewCmdMan(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write the man pages into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			today, err := env.today()
			if err != nil {
				return err
			}
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return fmt.Errorf("create %s: %w", args[0], err)
			}
			date := today.Time().Format("Jan 2006")
			var write func(c *cobra.Command) error
			write = func(c *cobra.Command) error {
				if !c.IsAvailableCommand() && c != c.Root() {
					return nil
				}
				name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
				if err := os.WriteFile(filepath.Join(args[0], name), manPage(c, date), 0o644); err != nil {
					return fmt.Errorf("write man pages: %w", err)
				}
				for _, sub := range c.Commands() {
					if err := write(sub); err != nil {
						return err
					}
				}
				return nil
			}
			if err := write(cmd.Root()); err != nil {
				return err
			}
			fmt.Fprintf(env.IO.Out, "Wrote the man pages into %s.\n", args[0])
			return nil
		},
	}
}

// manPage is c's man page in roff: name, synopsis, description, options,
// examples and the related commands.
func manPage(c *cobra.Command, date string) []byte {
	var b bytes.Buffer
	page := strings.ReplaceAll(c.CommandPath(), " ", "-")
	fmt.Fprintf(&b, ".TH \"%s\" \"1\" \"%s\" \"propose %s\" \"propose manual\"\n.nh\n.ad l\n", roffQuoted(strings.ToUpper(page)), date, roffQuoted(ProgramVersion()))
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", roff(page), roff(c.Short))
	fmt.Fprintf(&b, ".SH SYNOPSIS\n\\fB%s\\fP\n", roff(c.UseLine()))
	desc := c.Long
	if desc == "" {
		desc = c.Short
	}
	b.WriteString(".SH DESCRIPTION\n")
	for i, para := range strings.Split(strings.TrimSpace(desc), "\n\n") {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		b.WriteString(roffLines(para))
	}
	writeFlags := func(title string, fs *pflag.FlagSet) {
		var items bytes.Buffer
		fs.VisitAll(func(f *pflag.Flag) {
			if f.Hidden {
				return
			}
			items.WriteString(".TP\n")
			if f.Shorthand != "" {
				fmt.Fprintf(&items, "\\fB\\-%s\\fP, ", roff(f.Shorthand))
			}
			fmt.Fprintf(&items, "\\fB\\-\\-%s\\fP", roff(f.Name))
			name, usage := pflag.UnquoteUsage(f)
			if name != "" {
				fmt.Fprintf(&items, " \\fI%s\\fP", roff(strings.ToUpper(name)))
			}
			items.WriteString("\n")
			items.WriteString(roffLines(usage))
		})
		if items.Len() > 0 {
			fmt.Fprintf(&b, ".SH %s\n", title)
			b.Write(items.Bytes())
		}
	}
	writeFlags("OPTIONS", c.NonInheritedFlags())
	writeFlags("OPTIONS INHERITED FROM PARENT COMMANDS", c.InheritedFlags())
	if c.Example != "" {
		b.WriteString(".SH EXAMPLES\n.nf\n")
		for _, line := range strings.Split(strings.TrimRight(c.Example, "\n"), "\n") {
			b.WriteString(roffLine(strings.TrimSpace(line)) + "\n")
		}
		b.WriteString(".fi\n")
	}
	var see []string
	if c.HasParent() {
		see = append(see, manRef(c.Parent()))
	}
	for _, sub := range c.Commands() {
		if sub.IsAvailableCommand() {
			see = append(see, manRef(sub))
		}
	}
	if len(see) > 0 {
		fmt.Fprintf(&b, ".SH SEE ALSO\n%s\n", strings.Join(see, ", "))
	}
	return b.Bytes()
}

func manRef(c *cobra.Command) string {
	return `\fB` + roff(strings.ReplaceAll(c.CommandPath(), " ", "-")) + `\fP(1)`
}

// roff escapes text for a roff line: a backslash is written \e and a
// hyphen \-, so that options copy and paste as typed.
func roff(s string) string {
	return strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
}

// roffLine is roff(s) made safe to start a line: a line that starts with
// a dot or an apostrophe would be read as a request.
func roffLine(s string) string {
	s = roff(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffLines is a block of text, each line made safe.
func roffLines(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		b.WriteString(roffLine(strings.TrimSpace(line)) + "\n")
	}
	return b.String()
}

func roffQuoted(s string) string { return strings.ReplaceAll(roff(s), `"`, `\(dq`) }
