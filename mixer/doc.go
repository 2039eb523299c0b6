// Package mixer is the Linux DJ engine: channel strips, crossfader, master,
// booth and headphones buses, mixed on the audio thread under control of
// Commands. It is pure Go (no cgo, no GUI) and implements
// backend.Processor.
//
// # Signal flow
//
// Each channel, in order:
//
//	input → guard → trim · polarity → isolator EQ → DJ filter ─┬→ meter
//	                                                           ├→ cue (PFL) → cue bus
//	                                                           └→ pan/balance · mute · fader · crossfader → master bus
//
// Channel mute silences the channel on the master, not in the cue: a DJ
// can pre-listen to a muted deck. The strip meter reads the cue point
// (pre-fader, post-EQ and filter), where the DJ sets the trim.
//
// The master bus passes through a matrix that applies master level,
// balance and mono, then the lookahead limiter (1.5 ms, reported through
// LatencyFrames and Status.LimiterLatency while it is on), to the master
// outputs. The booth outputs are the master outputs times the booth level,
// so they follow the master and share its limiter. The phones mix the cue
// bus and the master by the cue/master knob (cue·cos(π/2·mix) +
// master·sin(π/2·mix)), or with split cue put the cue in mono on the left
// and the master in mono on the right.
//
// Defaults: every fader, master, booth and phones at 0 dB (position 0.75),
// trim 0 dB, EQ knobs at 0.5 (unity), filter centred with no resonance,
// pan centred, every channel thru, crossfader centred on the additive curve
// (DefaultCrossfaderCurve), cue/master mix in the middle, limiter on at
// −1 dBFS.
//
// # Ramps and switches
//
// Commands only move targets. Every gain in the flow above is a dsp.Ramp
// that travels linearly to its target over 10 ms, and the gains of one
// stage are folded into a single ramp where they multiply (pan, mute,
// fader and crossfader are one ramp per side), so there is one ramp, not
// four, per sample. Switches are gains too: mute, cue, kill, polarity,
// crossfader assign, mono, split cue and limiter on/off all crossfade over
// the same 10 ms; none clicks. A ramp ends at exactly its target, so a gain
// of 1 is bit-transparent and a gain of 0 skips its work.
//
// # Bypass
//
// The isolator EQ and the DJ filter cost most of a strip, and even at unity
// they are all-passes, not wires. When their controls are neutral (every
// band gain exactly 1 and no kill; filter knob at the centre) the engine
// crossfades to the dry signal over 10 ms, then stops running them and
// clears their state; leaving neutral crossfades back in from clean state.
// With trim 0 dB, EQ flat, filter centred, balance centred, fader at 0 dB,
// crossfader thru, master at 0 dB and limiter off, a channel reaches the
// master output bit for bit: a monitoring path must not colour the sound.
//
// # Safe numbers
//
// An input block with NaN, Inf or a sample beyond ±1000 (+60 dBFS) is
// replaced by silence before any filter sees it; the channel is muted and
// flagged in Status.BadInputChannels, and fades back in once its input has
// been clean for 250 ms. Filter state is flushed to zero before it can
// become subnormal. Commands with NaN or Inf values are ignored, values out
// of range clamped.
//
// # Graphs and the swap
//
// Everything the audio thread touches for one sample rate (strips, filter
// coefficients, limiter delay lines, scratch buffers for backend.MaxFrames)
// is a graph. Prepare builds a new graph off the audio thread and stores it
// in an atomic pointer. At the top of the next Process the audio thread
// takes it, copies the control targets and pending meter peaks of the old
// graph into it (plain fixed-size values, no allocation), jumps its ramps
// to those targets, and drops the old graph for the garbage collector.
// The audio thread never builds, sizes or frees anything.
//
// # Control and meters
//
// Each control producer (GUI, MIDI, OSC) owns one rt.Ring of Commands from
// NewCommandRing; the ring list is replaced copy-on-write, so a producer
// can join while audio runs. Process drains all rings first. The engine
// publishes a MeterFrame at most every 10 ms (once per period for longer
// periods); when the ring is full it keeps folding peaks and clips into the
// pending frame, so the GUI never misses one, and counts the miss.
//
// # Laws
//
// FaderDB, EQGainDB, CrossfaderGains, PanGains and BalanceGains document
// their formulas; the GUI uses the same functions for its readouts.
package mixer
