//go:build !cgo

package app

import (
	"errors"
	"io"
)

// writeJACKPorts fails: the JACK backend needs cgo.
func writeJACKPorts(io.Writer) error {
	return errors.New("this linuxdj was built without cgo and cannot reach JACK")
}
