package app

import (
	"io"
)

// subcommand is a verb of the linuxdj command line other than running the
// mixer itself; it returns the process exit code.
type subcommand func(args []string, stdout, stderr io.Writer) int

// subcommands lists the verbs; each lives in its own file.
var subcommands = map[string]subcommand{
	"loudness": runLoudness,
	"bench-rt": runBenchRT,
	"plugins":  runPlugins,
}

// Main runs the linuxdj command line and returns the exit code: 0 for
// success, 1 for a failure while running, 2 for bad usage.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if cmd, ok := subcommands[args[0]]; ok {
			return cmd(args[1:], stdout, stderr)
		}
	}
	return runMixer(args, stdout, stderr)
}
