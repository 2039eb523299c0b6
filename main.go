// Command linuxdj is a DJ and studio monitor mixer for Linux: see README.md.
package main

import (
	"os"

	"github.com/linuxdj/linuxdj/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr))
}
