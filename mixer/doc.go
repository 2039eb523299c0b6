// Package mixer is the Linux DJ engine: channel strips, crossfader, master,
// booth and headphones buses, mixed on the audio thread under control of
// Commands. It is pure Go (no cgo, no GUI) and implements
// backend.Processor.
//
// # Signal flow
//
// Each channel, in order:
//
//	input → guard → trim · polarity → isolator EQ → DJ filter → inserts 1–4 ─┬→ meter
//	                                                                         ├→ cue (PFL) → cue bus
//	                                                                         └→ pan/balance · mute · fader · crossfader → master bus (mics: mic bus)
//
// Channel mute silences the channel on the master, not in the cue: a DJ
// can pre-listen to a muted deck. The strip meter reads the cue point
// (pre-fader, post-EQ and filter), where the DJ sets the trim.
//
// The insert slots (Insert, InsertSlots; see insert.go) run plugins the
// app hands over with SetInsert; each crossfades in and out over the
// ramp's 10 ms, a bypassed one does not run, and one whose output is not
// finite is bypassed and flagged (InsertStatus). Their latency adds to
// LatencyFrames: the slowest strip's plus master's.
//
// The master bus passes through a matrix that applies master level,
// balance and mono, then master's insert slots, then the lookahead limiter (1.5 ms, reported through
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
// # Talkover, talkback and the monitor section
//
// Channels marked ChannelConfig.Mic (the default config's "Mic") mix into
// a mic bus of their own after their faders; the other channels are the
// music. The talkover (off, auto, manual) ducks the music by the depth,
// moving linearly in dB over the attack and release times; auto mode ducks
// while the mic bus is over the threshold, plus a 200 ms hold. Where the
// duck sits decides whether it works. With M and C the music and mic buses
// after the master matrix, d the duck gain and g(x) the limiter's gain
// computed from x:
//
//	master = g(M + C) · delayed(d·M + C)
//
// A duck before the limiter would be undone by it: with the music driving
// the limiter, a quieter music bus lets the limiter's gain rise again. So
// the limiter's gain is computed from a key, the master without the duck,
// and applied to the ducked master (dsp.Limiter.ProcessKeyed). The gain
// is then what it would be without talkover: the mic passes exactly as it
// would, and the music falls by the full depth on top of the limiting, as
// if the duck came after the limiter, with the ceiling still held (where
// the ducked master is louder than its key, music and mic in opposite
// phase, the limiter's final clamp holds it). While the talkover rests at
// unity the key is the master itself, at no cost; with the limiter off the
// duck simply scales the music.
// The duck reaches the master, booth, the phones' master share and the
// record tap, never the cue.
//
// Talkback, while held, adds the mics at their cue point (pre-fader) to
// the phones outputs at the phones level, and dims the monitors.
//
// The monitor section picks its source (the master outputs, the cue bus,
// or the monitor_ext_in_L/R inputs, guarded like a channel), crossfading
// over 10 ms, and feeds two speaker pairs, monA_out and monB_out, through
// one 2×2 matrix each: polarity of the left input, mono ((L+R)/2 to both;
// with the polarity on, the side signal), level, dim (or talkback), mute,
// the pair's calibration trim and its on/off, all ramped. The level's
// reference mark is MonitorReferenceDB; see there for the calibration.
//
// The record tap (SetRecordTap) receives the master outputs at the end of
// every Process.
//
// Defaults: talkover off, threshold −30 dBFS, depth −12 dB, attack 50 ms,
// release 500 ms; monitors on the master at the reference level, speakers
// A on and B off, trims 0 dB, dim −20 dB, and no dim, mono, mute or
// polarity.
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
// The audio thread never builds, sizes or frees anything. It only lays out
// anew, when the period's length changes, the one slab the graph's signal
// buffers are cut from, so that a short period's signals lie together
// (buffers.go).
//
// # Control and meters
//
// Each control producer (GUI, MIDI, OSC) owns one rt.Ring of Commands from
// NewCommandRing; the ring list is replaced copy-on-write, so a producer
// can join while audio runs. Process drains all rings first.
//
// A period is two halves (backend.Finisher): ProcessOutputs computes every
// output, FinishPeriod then runs what no output waits for (the BPM
// counters and every meter: strips, buses, the master's peak meter and
// loudness panel, on copies of their signals) and publishes meters and
// status; Process is both. The
// JACK backend passes the outputs on to the graph between the two, so the
// clients after the mixer do not wait for its meters. The engine
// publishes a MeterFrame at most every 10 ms (once per period for longer
// periods); when the ring is full it keeps folding peaks and clips into the
// pending frame, so the GUI never misses one, and counts the miss.
//
// Besides its peak/RMS LevelMeter, each strip meters in its MeterMode
// (ParamMeterMode: peak+RMS by default, peak, VU, PPM I/II, K-20/14/12, the
// mixer/meter types) into MeterFrame.StripMode, in the mode's unit with a
// hold marker and a latching clip (ParamMeterReset clears them); in the
// default mode that is the IEC 60268-18 peak meter the window draws. The
// master output runs one too, MeterFrame.MasterPeak, and feeds the loudness
// panel, MeterFrame.Loudness: EBU R128 M, S, I, LRA and maxima, true peak
// with a latching max and L/R correlation (ParamMasterMeters,
// ParamLoudnessRun, ParamLoudnessReset, ParamTruePeakReset). The meters of every mode are prepared with the
// graph; switching mode resets the new meter and allocates nothing. The
// meters are read only when a frame is about to be published, and their
// "max since last read" readings fold into the pending frame. A graph swap
// at the same rate hands the meters over whole; at a new rate the loudness
// integration carries on (meter.Loudness.Continue) and the latches are
// kept, while the strip and master peak meters, true-peak filters and
// correlation restart.
//
// # BPM counters
//
// Each strip counts its tempo (package mixer/tempo) from its input after
// the guard and trim, before EQ and filter, so a killed low band or a
// closed filter does not lose it the beat; the master counts its output.
// The readings go into MeterFrame.StripTempo and MasterTempo.
// ParamBPMLock (saved) holds a reading; ParamBPMTap, ParamBPMHalf and
// ParamBPMDouble are actions, and the master has its own four. A graph
// swap keeps what is held and tapped; the detectors start listening
// afresh at the new rate.
//
// # Effects
//
// One beat FX unit (package mixer/fx; effects.go) runs on the source
// ParamBeatFXAssign names: a channel after its filter and colour FX, before
// its fader (a mono channel becomes stereo there); the channels assigned to
// crossfader side A or B, summed after their faders into a side bus; the
// mic bus; or the master (the music bus before the master level, the mics
// left out as the talkover does). Its time is ParamBeatFXBeats of the
// source's BPM counter (the master's for everything but a channel;
// DefaultFXBPM while there is none) or ParamBeatFXTimeMs. Each strip has a
// colour FX unit that its filter knob plays, the type (ParamColourFXType)
// one for all strips; while a type other than off or filter is chosen, the
// DJ filter rests in bypass. A change of type or source fades the effect
// out, switches at a period boundary and fades it in; an effect at rest is
// skipped. The units are allocated with the graph for its sample rate, so
// a graph swap starts them afresh (tails are cut).
//
// # MIDI clock and timebase
//
// After each period the engine takes the tempo of the clock's source
// (ParamClockSource: the master's counter or a channel's) when the counter
// is sure of it (held, tapped, or confidence ≥ ClockMinConfidence), and
// otherwise keeps the last one it took (DefaultClockBPM, 120, before the
// first): silence, a breakdown or a doubtful reading never moves or stops
// the clock. While ParamClockOn is set, a clock.Generator makes 24 clocks
// a beat at that tempo, each at its frame inside the period, with Start
// and Stop on the switch (ClockEvents, sent by control/midi's Bridge on
// midi_out). ClockBPM and Timebase publish the tempo and
// ParamClockTimebase for the backend, which becomes the sound server's
// timebase master with them (backend.TimebaseProcessor).
//
// # Laws
//
// FaderDB, EQGainDB, CrossfaderGains, PanGains and BalanceGains document
// their formulas; the GUI uses the same functions for its readouts.
package mixer
