package mixer

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/clock"
	"github.com/linuxdj/linuxdj/mixer/tempo"
)

// Sources of the MIDI clock and the timebase, the values of
// ParamClockSource.
const (
	ClockMaster  = 0 // the master's BPM counter
	ClockChannel = 1 // ClockChannel+i: channel i's counter

	ClockSources = ClockChannel + MaxChannels // one more than the highest source
)

// DefaultClockBPM is the tempo the clock runs at until its source has
// given one it is sure of.
const DefaultClockBPM = 120

// ClockMinConfidence is the least confidence at which the clock follows a
// counter's reading (the window draws a reading under it in the warning
// colour). A held or tapped value is always followed. Under it, with no
// reading at all (silence) or none yet, the clock keeps the last tempo it
// followed: a clock that jumped with every doubtful reading, or stopped
// in a breakdown, would throw a drum machine off the beat; one that holds
// its tempo keeps the gear in time until the music comes back.
const ClockMinConfidence = 0.5

// clockParams are the MIDI clock's and the timebase's controls.
type clockParams struct {
	on, timebase bool
	source       int8
}

// isClockParam is real-time safe: no allocation, no lock, no system call.
func (p Param) isClockParam() bool { return p >= ParamClockOn && p <= ParamClockTimebase }

// apply sets the clock control cmd names (cmd.Value is finite).
//
// apply is real-time safe: no allocation, no lock, no system call.
func (p *clockParams) apply(cmd Command) bool {
	on := cmd.Value >= 0.5
	switch cmd.Param {
	case ParamClockOn:
		p.on = on
	case ParamClockSource:
		p.source = int8(clamp(float32(math.Round(float64(cmd.Value))), 0, ClockSources-1))
	case ParamClockTimebase:
		p.timebase = on
	}
	return true
}

// clockCount is the reading of the clock's source: the master's counter,
// or a channel's; a channel the mixer does not have reads as the master.
//
// clockCount is real-time safe: no allocation, no lock, no system call.
func (g *graph) clockCount() tempo.Count {
	if i := int(g.p.clock.source) - ClockChannel; i >= 0 && i < len(g.strips) {
		return g.strips[i].tempo.Count()
	}
	return g.masterTempo.Count()
}

// followed reports whether the clock takes c's tempo (see
// ClockMinConfidence).
//
// followed is real-time safe: no allocation, no lock, no system call.
func followed(c tempo.Count) bool {
	return c.BPM > 0 && (c.Locked || c.Tapped || c.Confidence >= ClockMinConfidence)
}

// runClock takes the source's tempo after a period of n frames and makes
// the period's MIDI clock.
//
// runClock is real-time safe: no allocation, no lock, no system call.
func (e *Engine) runClock(g *graph, n int) {
	if c := g.clockCount(); followed(c) {
		e.clockBPM = c.BPM
	}
	e.clockEvents = e.clock.Process(n, g.sampleRateHz, e.clockBPM, g.p.clock.on)
	e.clockTempo.Store(math.Float64bits(e.clockBPM))
	e.timebase.Store(g.p.clock.timebase)
}

// ClockEvents are the MIDI clock messages of the last Process, each at
// its frame offset in that period, in order: for the backend's MIDI
// output (see control/midi's Bridge). Call it on the audio thread only;
// the slice is valid until the next Process.
//
// ClockEvents is real-time safe: no allocation, no lock, no system call.
func (e *Engine) ClockEvents() []clock.Event { return e.clockEvents }

// ClockBPM is the tempo the MIDI clock and the timebase run at: the
// source's last reading followed, DefaultClockBPM before the first. It is
// safe from any goroutine.
//
// ClockBPM is real-time safe: no allocation, no lock, no system call.
func (e *Engine) ClockBPM() float64 { return math.Float64frombits(e.clockTempo.Load()) }

// Timebase reports whether the user asks for the mixer to be the sound
// server's timebase master (ParamClockTimebase) and the tempo to publish,
// ClockBPM: the backend.TimebaseProcessor contract. It is safe from any
// goroutine.
//
// Timebase is real-time safe: no allocation, no lock, no system call.
func (e *Engine) Timebase() (want bool, bpm float64) { return e.timebase.Load(), e.ClockBPM() }
