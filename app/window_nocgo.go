//go:build !cgo

package app

import "errors"

// runWindow fails: Gio's window drivers need cgo on Linux.
func runWindow(windowConfig) error {
	return errors.New("this linuxdj was built without cgo and cannot open a window")
}
