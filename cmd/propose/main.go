// Command propose writes remote and hybrid work proposals. See README.md.
package main

import (
	"os"

	"github.com/propose-cli/propose/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
