//go:build ebur128

package ebur128ref

/*
#cgo pkg-config: libebur128
#include <ebur128.h>
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"unsafe"
)

// Mode selects what libebur128 measures.
type Mode int

// The libebur128 modes.
const (
	Momentary  Mode = C.EBUR128_MODE_M
	ShortTerm  Mode = C.EBUR128_MODE_S
	Integrated Mode = C.EBUR128_MODE_I
	Range      Mode = C.EBUR128_MODE_LRA
	TruePeak   Mode = C.EBUR128_MODE_TRUE_PEAK
)

// Meter is one libebur128 state.
type Meter struct {
	st       *C.ebur128_state
	channels int
}

// New creates a libebur128 state.
func New(sampleRateHz, channels int, mode Mode) (*Meter, error) {
	st := C.ebur128_init(C.uint(channels), C.ulong(sampleRateHz), C.int(mode))
	if st == nil {
		return nil, errors.New("ebur128ref: ebur128_init failed")
	}
	return &Meter{st: st, channels: channels}, nil
}

// Close frees the state.
func (m *Meter) Close() {
	C.ebur128_destroy(&m.st)
}

func check(what string, rc C.int) error {
	if rc != C.EBUR128_SUCCESS {
		return fmt.Errorf("ebur128ref: %s: libebur128 error %d", what, int(rc))
	}
	return nil
}

// AddFrames feeds interleaved frames.
func (m *Meter) AddFrames(interleaved []float32) error {
	if len(interleaved) == 0 {
		return nil
	}
	frames := len(interleaved) / m.channels
	rc := C.ebur128_add_frames_float(m.st, (*C.float)(unsafe.Pointer(&interleaved[0])), C.size_t(frames))
	runtime.KeepAlive(interleaved)
	return check("ebur128_add_frames_float", rc)
}

// Momentary returns the momentary loudness in LUFS.
func (m *Meter) Momentary() (float64, error) {
	var v C.double
	err := check("ebur128_loudness_momentary", C.ebur128_loudness_momentary(m.st, &v))
	return float64(v), err
}

// ShortTerm returns the short-term loudness in LUFS.
func (m *Meter) ShortTerm() (float64, error) {
	var v C.double
	err := check("ebur128_loudness_shortterm", C.ebur128_loudness_shortterm(m.st, &v))
	return float64(v), err
}

// Integrated returns the integrated loudness in LUFS.
func (m *Meter) Integrated() (float64, error) {
	var v C.double
	err := check("ebur128_loudness_global", C.ebur128_loudness_global(m.st, &v))
	return float64(v), err
}

// Range returns the loudness range in LU.
func (m *Meter) Range() (float64, error) {
	var v C.double
	err := check("ebur128_loudness_range", C.ebur128_loudness_range(m.st, &v))
	return float64(v), err
}

// TruePeak returns the true peak of channel as a linear amplitude.
func (m *Meter) TruePeak(channel int) (float64, error) {
	var v C.double
	err := check("ebur128_true_peak", C.ebur128_true_peak(m.st, C.uint(channel), &v))
	return float64(v), err
}

// RangeOf returns the loudness range in LU of the short-term values of all
// the meters together, as if one meter had taken them all.
func RangeOf(meters ...*Meter) (float64, error) {
	if len(meters) == 0 {
		return 0, errors.New("ebur128ref: RangeOf needs a meter")
	}
	// C pointers in Go memory: cgo allows passing this array.
	sts := make([]*C.ebur128_state, len(meters))
	for i, m := range meters {
		sts[i] = m.st
	}
	var v C.double
	err := check("ebur128_loudness_range_multiple", C.ebur128_loudness_range_multiple(&sts[0], C.size_t(len(sts)), &v))
	return float64(v), err
}
