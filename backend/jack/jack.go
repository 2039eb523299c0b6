package jack

import (
	"errors"
	"time"
)

// ErrUnavailable is returned when this build or this machine has no JACK.
var ErrUnavailable = errors.New("jack: not available (built without cgo, or no libjack)")

// DefaultClientName is the JACK client name unless Options say otherwise.
const DefaultClientName = "linuxdj"

// MIDIInPort and MIDIOutPort are the short names of the MIDI ports: the
// controller's input, and the feedback (LEDs, motor faders) sent back.
const (
	MIDIInPort  = "midi_in"
	MIDIOutPort = "midi_out"
)

// Options configure a Backend. The JACK server is the one every JACK
// program picks: JACK_DEFAULT_SERVER, or the default server.
type Options struct {
	// ClientName is the exact JACK client name; DefaultClientName if empty.
	ClientName string
	// Connections are the remembered connections, keyed by the full name
	// of one of our ports ("linuxdj:master_out_L"), each listing the full
	// names of the other side ("system:playback_1").
	Connections map[string][]string
	// FirstRun connects master_out_L/R to the first physical playback pair
	// when no connection is remembered for them; the app sets it only on
	// the very first run.
	FirstRun bool
	// ReconnectMin and ReconnectMax bound the backoff between attempts to
	// reach a server that went away; defaults 250 ms and 2 s.
	ReconnectMin, ReconnectMax time.Duration
}

func (o Options) withDefaults() Options {
	if o.ClientName == "" {
		o.ClientName = DefaultClientName
	}
	if o.ReconnectMin <= 0 {
		o.ReconnectMin = 250 * time.Millisecond
	}
	if o.ReconnectMax < o.ReconnectMin {
		o.ReconnectMax = max(2*time.Second, o.ReconnectMin)
	}
	return o
}

// CallbackStats describe the time the process callback took, measured in C
// around the whole entry into Go (the cgo transition included), since the
// current connection started.
type CallbackStats struct {
	Cycles   uint64
	P50, P99 time.Duration // 1 µs resolution
	Max      time.Duration
	Period   time.Duration // the current period, for "share of period"
	// Late counts callbacks that took longer than their period, timed from
	// JACK's call into C (the cgo entry into Go included): the xruns the
	// mixer itself caused, where others are the machine's or the server's.
	Late uint64
	// YieldMax is the longest pass through Go's scheduler after a period
	// (ldj_yield in native.c), and YieldLate counts those longer than the
	// period: a yield runs after the output is with JACK, so only one that
	// outlasts a period can delay the next.
	YieldMax  time.Duration
	YieldLate uint64
}

// Stats are the backend's own measurements beyond backend.StreamInfo.
type Stats struct {
	// OwnLoad is our process callback's time as a share of the period,
	// smoothed over about 20 periods.
	OwnLoad float64
	// JackLoad is JACK's DSP load estimate, 0..1 (also in StreamInfo).
	JackLoad float64
	// OversizePeriods counts periods longer than backend.MaxFrames, which
	// were answered with silence rather than processed.
	OversizePeriods uint64
	// MIDIDropped counts MIDI events lost: input too long (sysex) or more
	// than 256 in one period, or feedback JACK's MIDI buffer refused.
	MIDIDropped uint64
	// Reconnects counts successful reconnections after the server left.
	Reconnects uint64
	// SkippedPeriods counts process callbacks whose first frame was not
	// where the last one ended (jack_last_frame_time): periods the server
	// ran without us, whether or not it reported an xrun. Anything timed
	// by counting frames (the MIDI clock) is late by their length.
	SkippedPeriods uint64
}

// cloneConnections deep-copies a connection map.
func cloneConnections(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		if len(v) > 0 {
			out[k] = append([]string(nil), v...)
		}
	}
	return out
}
