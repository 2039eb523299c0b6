// Package fx holds the mixer's effects: the beat FX unit (Beat: echo,
// delay, ping-pong, reverb, flanger, phaser, roll, trans, filter LFO), which
// the engine runs on one source at a time, and the colour FX of a channel
// strip (Colour: space, dub echo, noise, crush), which follow the strip's
// filter knob as on a club mixer.
//
// Everything here runs on the audio thread. New* allocate every delay line
// for the sample rate they are given (the engine builds a new graph, and so
// new units, for each rate, off the audio thread); Set*, Begin, Active and
// Process then never allocate, lock or call the system. Every control moves
// through a linear ramp of about 10 ms; a change of effect type (or, for
// the beat FX, of source) fades the effect out, switches and fades it back
// in, while the dry signal runs on untouched, so nothing clicks. An echo's
// or a reverb's tail rings on after the effect is switched off: off closes
// the send into the effect, not its return.
//
// Delay lines are written through dsp.Flush and filter states are flushed
// once per block, so a decaying tail reaches exact zero instead of the
// subnormal range, where arithmetic is slow; every unit replaces NaN, Inf
// and absurd input samples by silence before they reach any state.
package fx
