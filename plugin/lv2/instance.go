//go:build cgo

package lv2

/*
#include <stdlib.h>
#include "host.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// Instance is one running copy of a plugin. Its audio buffers, control
// values and worker rings live in C memory allocated when it was made, so
// that Run touches nothing the Go runtime owns.
//
// Threads: Activate, Deactivate, RestoreState and Close must not run while
// Run does (the engine swaps the instance out first); SaveState may. Run,
// SetControl, Control, Latency and the buffers belong to the audio thread.
type Instance struct {
	w        *World
	c        *C.lv2h_inst
	plugin   Plugin
	ports    []Port
	rateHz   float64
	symbols  map[string]int
	controls []float32 // one per port, in C memory; only control ports' are used
	inPorts  []int
	outPorts []int
	ins      [][]float32
	outs     [][]float32
	// latencyPort is the index of the output control port that reports
	// latency, or -1.
	latencyPort int
	worker      bool
	chained     bool
}

func (in *Instance) buffer(port int) []float32 {
	return unsafe.Slice((*float32)(unsafe.Pointer(C.lv2h_buffer(in.c, C.uint32_t(port)))), MaxFrames)
}

// Plugin is what the world lists of the instance's plugin.
func (in *Instance) Plugin() Plugin { return in.plugin }

// Ports describes the instance's ports, in index order.
func (in *Instance) Ports() []Port { return in.ports }

// SampleRate is the rate the instance was made for, in Hz.
func (in *Instance) SampleRate() float64 { return in.rateHz }

// PortIndex returns the index of the port whose symbol is sym.
func (in *Instance) PortIndex(sym string) (int, bool) {
	i, ok := in.symbols[sym]
	return i, ok
}

// AudioInputs and AudioOutputs count the audio ports.
func (in *Instance) AudioInputs() int  { return len(in.ins) }
func (in *Instance) AudioOutputs() int { return len(in.outs) }

// Input is the buffer (MaxFrames long) of the ch-th audio input, which the
// caller fills before Run. Real-time safe.
func (in *Instance) Input(ch int) []float32 { return in.ins[ch] }

// Output is the buffer (MaxFrames long) of the ch-th audio output, which
// Run fills. Real-time safe.
func (in *Instance) Output(ch int) []float32 { return in.outs[ch] }

// SetControl sets the control input port to v; the plugin sees it at the
// next Run. It writes one float, unchecked. Real-time safe.
func (in *Instance) SetControl(port int, v float32) { in.controls[port] = v }

// Control is the value of a control port: what was set (an input), or
// what the plugin wrote at its last run (an output). Real-time safe.
func (in *Instance) Control(port int) float32 { return in.controls[port] }

// Set sets the control input named sym; for set-up and tests, not the
// audio thread.
func (in *Instance) Set(sym string, v float32) error {
	i, ok := in.symbols[sym]
	if !ok || in.ports[i].Kind != Control || in.ports[i].Output {
		return fmt.Errorf("lv2: %s has no control input %q", in.plugin.URI, sym)
	}
	in.controls[i] = v
	return nil
}

// Latency is what the plugin's latency port said at its last run, in
// frames; ok is false for a plugin without one. Real-time safe.
func (in *Instance) Latency() (frames float32, ok bool) {
	if in.latencyPort < 0 {
		return 0, false
	}
	return in.controls[in.latencyPort], true
}

// Faults counts the periods in which the plugin's output held a NaN or an
// infinity (and was muted). Any goroutine.
func (in *Instance) Faults() uint32 { return uint32(C.lv2h_faults(in.c)) }

// HasState reports whether the plugin keeps state of its own through the
// LV2 State extension, beyond its control ports: then SaveState is worth
// keeping. Any goroutine.
func (in *Instance) HasState() bool { return C.lv2h_has_state(in.c) != 0 }

// Activate readies the plugin to run (it resets its internal state). Not
// real-time safe.
func (in *Instance) Activate() {
	C.lv2h_activate(in.c)
}

// Deactivate stops the plugin; Activate starts it again from scratch. Not
// real-time safe.
func (in *Instance) Deactivate() {
	C.lv2h_deactivate(in.c)
}

// Run processes frames frames (at most MaxFrames; more are cut to it) from
// the input buffers into the output buffers. It is one call into C that
// hands the plugin the worker's responses, calls the plugin's run, ends the
// worker's cycle and checks the outputs; it returns false when an output
// held a NaN or an infinity, in which case every output of the plugin is
// zeroed and Faults counts it, so that the caller can flag the plugin.
// Run is real-time safe in the host's own code (no allocation, lock or
// system call); what the plugin does inside its run is the plugin's.
func (in *Instance) Run(frames int) bool {
	return C.lv2h_run(in.c, C.uint32_t(frames)) != 0
}

// SaveState returns the plugin's state, its control inputs and whatever
// the plugin saves through the LV2 State extension, as Turtle text: a
// string the app keeps in its TOML state file, under the insert slot.
// Files a plugin refers to are not copied. It may run while the instance
// does. Not real-time safe.
func (in *Instance) SaveState() (string, error) {
	var cerr *C.char
	s := C.lv2h_save_state(in.c, &cerr)
	if s == nil {
		defer C.free(unsafe.Pointer(cerr))
		return "", fmt.Errorf("lv2: %s: save state: %s", in.plugin.URI, C.GoString(cerr))
	}
	defer C.lilv_free(unsafe.Pointer(s))
	return C.GoString(s), nil
}

// RestoreState gives the instance a state SaveState made (of the same
// plugin). It must not run while Run does: restore a new instance before
// it is swapped in. Not real-time safe.
func (in *Instance) RestoreState(state string) error {
	cs := C.CString(state)
	defer C.free(unsafe.Pointer(cs))
	var cerr *C.char
	if C.lv2h_restore_state(in.c, cs, &cerr) == 0 {
		defer C.free(unsafe.Pointer(cerr))
		return fmt.Errorf("lv2: %s: restore state: %s", in.plugin.URI, C.GoString(cerr))
	}
	return nil
}

// Close deactivates and frees the instance; it must not be running, nor
// in a chain that is not closed.
func (in *Instance) Close() {
	if in.c == nil {
		return
	}
	if in.worker {
		in.w.workers.remove(in.c)
	}
	C.lv2h_inst_free(in.c)
	in.c = nil
}

// Chain is instances run one after another in one call from the audio
// thread: each plugin's audio inputs are connected straight to the
// previous plugin's outputs, so nothing is copied between them.
type Chain struct {
	insts []*Instance
	c     **C.lv2h_inst // a C array of len(insts)
}

// NewChain connects insts in order; each must have as many audio inputs as
// the one before it has outputs. An instance belongs to one chain at a
// time. Not real-time safe.
func NewChain(insts ...*Instance) (*Chain, error) {
	if len(insts) == 0 {
		return nil, errors.New("lv2: a chain needs a plugin")
	}
	for k, in := range insts {
		if in.chained {
			return nil, fmt.Errorf("lv2: %s is already in a chain", in.plugin.URI)
		}
		if k > 0 && in.AudioInputs() != insts[k-1].AudioOutputs() {
			return nil, fmt.Errorf("lv2: %s has %d audio inputs but %s before it has %d outputs",
				in.plugin.URI, in.AudioInputs(), insts[k-1].plugin.URI, insts[k-1].AudioOutputs())
		}
	}
	ch := &Chain{insts: insts}
	ch.c = (**C.lv2h_inst)(C.malloc(C.size_t(len(insts)) * C.size_t(unsafe.Sizeof((*C.lv2h_inst)(nil)))))
	arr := unsafe.Slice(ch.c, len(insts))
	for k, in := range insts {
		arr[k] = in.c
		in.chained = true
		if k > 0 {
			prev := insts[k-1]
			for j, port := range in.inPorts {
				C.lv2h_connect(in.c, C.uint32_t(port), (*C.float)(unsafe.Pointer(&prev.outs[j][0])))
			}
		}
	}
	return ch, nil
}

// Instances are the chain's plugins in order.
func (ch *Chain) Instances() []*Instance { return ch.insts }

// Input is the ch-th audio input of the first plugin. Real-time safe.
func (ch *Chain) Input(c int) []float32 { return ch.insts[0].Input(c) }

// Output is the ch-th audio output of the last plugin. Real-time safe.
func (ch *Chain) Output(c int) []float32 { return ch.insts[len(ch.insts)-1].Output(c) }

// Run runs every plugin of the chain on frames frames (at most
// MaxFrames), as Instance.Run does, in one call into C. It returns the
// position in the chain of the first plugin whose output was not finite
// (muted, and counted in its Faults), or -1. Real-time safe in the host's
// own code.
func (ch *Chain) Run(frames int) int {
	return int(C.lv2h_run_chain(ch.c, C.int(len(ch.insts)), C.uint32_t(frames)))
}

// bareNanos runs only the plugins' own run functions iters times over the
// chain and returns how long that took: what the plugins cost without
// the host, for measuring the host's overhead.
func (ch *Chain) bareNanos(frames, iters int) int64 {
	return int64(C.lv2h_run_bare(ch.c, C.int(len(ch.insts)), C.uint32_t(frames), C.int(iters)))
}

// Close disconnects the chain: each instance gets its own input buffers
// back and may join another chain. It must not be running. Not real-time
// safe.
func (ch *Chain) Close() {
	if ch.c == nil {
		return
	}
	for k, in := range ch.insts {
		if k > 0 {
			for _, port := range in.inPorts {
				C.lv2h_connect(in.c, C.uint32_t(port), nil)
			}
		}
		in.chained = false
	}
	C.free(unsafe.Pointer(ch.c))
	ch.c = nil
}
