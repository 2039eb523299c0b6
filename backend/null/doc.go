// Package null is the backend with no sound system: it keeps Linux DJ
// usable on a machine with no JACK server and no sound card (first run, CI,
// a laptop on a train), and renders offline for tests.
//
// Clocked, it drives Processor.Process from a goroutine locked to its own
// OS thread (SCHED_FIFO where allowed), waking at absolute deadlines one
// period apart, so the engine sees the same rhythm it would on a sound
// card. A wake-up later than a whole period counts as an xrun and the clock
// resynchronises instead of bursting to catch up. Offline, Render runs the
// same loop as fast as the CPU allows and hands every period's outputs to
// the caller.
//
// The inputs carry silence, or with Demo the built-in demo: a 124 BPM
// four-bar loop synthesised in code, a different part per channel (kick and
// bass, hats and chords, an arpeggio, snare and sub, a voice-like mic), so
// meters, EQ, filter and crossfader have something to show on first start.
package null
