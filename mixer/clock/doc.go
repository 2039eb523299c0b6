// Package clock makes MIDI beat clock on the audio thread: 24 timing
// clocks (0xF8) per quarter note at a tempo the engine gives each period,
// with Start (0xFA) and Stop (0xFC) when the clock is switched on and off.
//
// The clock is timed to the frame inside each period, not to the period:
// a Generator keeps the time to its next tick as a phase accumulator in
// frames (float64), so a tick lands on the frame nearest its ideal time
// (within one frame, about 21 µs at 48 kHz) and the error never adds up
// from tick to tick, however long the clock runs. A tempo change scales
// the part of the current tick still to run, so the next tick follows the
// new tempo from where the old one stood: the clock neither jumps nor
// restarts. The backend sends each Event at its frame offset
// (jack_midi_event_write's time), so a receiver sees the same spacing.
//
// Everything is a fixed-size value: Process is real-time safe and never
// allocates, at any period of 1 to backend.MaxFrames frames.
package clock
