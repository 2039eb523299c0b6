//go:build cgo

package app

import (
	"errors"
	"fmt"
	"io"

	gojack "github.com/xthexder/go-jack"

	"github.com/linuxdj/linuxdj/backend/jack"
)

// writeJACKPorts lists every port of the JACK server that answers, one a
// line with its direction. backend/jack has no port listing, so this opens
// a short-lived client of its own; --list-devices runs before any backend
// opens one, so it races no other client.
func writeJACKPorts(w io.Writer) error {
	if !jack.Available() {
		return errors.New("no JACK server answers")
	}
	c, status := gojack.ClientOpen("linuxdj-list", gojack.NoStartServer)
	if c == nil {
		return fmt.Errorf("jack_client_open: status %#x", status)
	}
	defer c.Close()
	for _, dir := range []struct {
		name  string
		flags uint64
	}{{"output", gojack.PortIsOutput}, {"input", gojack.PortIsInput}} {
		for _, p := range c.GetPorts("", "", dir.flags) {
			fmt.Fprintf(w, "  %s  (%s)\n", p, dir.name)
		}
	}
	return nil
}
