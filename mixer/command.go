package mixer

// Param names one control of the mixer. Each constant documents the unit and
// range of Command.Value for it; the engine clamps out-of-range values and
// ignores NaN/Inf, so a bad controller can never reach the audio.
//
// Positions (0..1) are used where a control follows a law (fader, EQ): the
// engine applies the law, and the same law functions in this package give
// the GUI its dB readouts, so screen, MIDI and engine can never disagree.
type Param uint16

// Channel parameters: Command.Channel is the 0-based channel index.
const (
	ParamTrimDB          Param = iota + 1 // dB, −20..+20
	ParamPolarity                         // 0 normal, 1 inverted
	ParamEQLow                            // knob position 0..1, 0.5 = unity; see EQGainDB
	ParamEQMid                            // knob position 0..1, 0.5 = unity
	ParamEQHigh                           // knob position 0..1, 0.5 = unity
	ParamKillLow                          // 0 off, 1 killed
	ParamKillMid                          // 0 off, 1 killed
	ParamKillHigh                         // 0 off, 1 killed
	ParamFilter                           // −1 (low-pass fully down) .. 0 (bypass) .. +1 (high-pass fully up)
	ParamFilterResonance                  // 0..1
	ParamPan                              // −1 left .. +1 right
	ParamMute                             // 0 off, 1 muted
	ParamCue                              // 0 off, 1 cue (PFL)
	ParamXfaderAssign                     // XfaderA, XfaderThru or XfaderB
	ParamFader                            // fader position 0..1; see FaderDB

	// Global parameters: Command.Channel is ignored.
	ParamCrossfader        // −1 (A) .. +1 (B)
	ParamCrossfaderCurve   // 0 smooth (constant power) .. 1 sharp scratch cut; see CrossfaderGains
	ParamCrossfaderReverse // 0 normal, 1 reversed (hamster)
	ParamMasterLevel       // fader position 0..1 (fader law)
	ParamMasterBalance     // −1..+1
	ParamMasterMono        // 0 stereo, 1 mono
	ParamLimiter           // 0 off, 1 on
	ParamLimiterCeilingDB  // dBFS, −20..0
	ParamBoothLevel        // fader position 0..1 (fader law)
	ParamPhonesLevel       // fader position 0..1 (fader law)
	ParamCueMix            // 0 cue only .. 1 master only
	ParamSplitCue          // 0 off, 1 split (cue mono left, master mono right)

	paramCount // keep last
)

// Crossfader assignments, the values of ParamXfaderAssign.
const (
	XfaderA    = 0
	XfaderThru = 1
	XfaderB    = 2
)

// Command is one parameter change, sent by value through an rt.Ring from a
// control producer (GUI, MIDI, OSC) to the audio thread. It is small and has
// no pointers, so pushing it never allocates and the GC never scans it.
type Command struct {
	Param   Param
	Channel int16
	Value   float32
}

// IsChannelParam reports whether p applies to one channel (Command.Channel)
// rather than to the whole mixer.
//
// IsChannelParam is real-time safe: no allocation, no lock, no system call.
func (p Param) IsChannelParam() bool { return p >= ParamTrimDB && p <= ParamFader }
