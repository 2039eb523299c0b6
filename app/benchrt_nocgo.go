//go:build !cgo

package app

import (
	"errors"
	"time"
)

// baselineXRuns needs JACK's C library, as bench-rt's mixer does.
func baselineXRuns(time.Duration) (int, error) {
	return 0, errors.New("bench-rt needs a build with cgo (JACK)")
}
