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

	// Talkover (mic ducking) and the studio monitor section; see
	// talkover.go and monitor.go.
	ParamTalkoverMode        // TalkoverOff, TalkoverAuto or TalkoverManual; default off
	ParamTalkoverButton      // 0 released, 1 held: ducks in manual mode
	ParamTalkoverThresholdDB // dBFS at the mic fader, −60..0, default −30; auto mode
	ParamTalkoverDepthDB     // dB, −40..0, default −12
	ParamTalkoverAttackMs    // ms, 1..1000, default 50: time to travel the whole depth
	ParamTalkoverReleaseMs   // ms, 10..5000, default 500: time to travel back
	ParamMonitorSource       // MonitorMaster, MonitorCue or MonitorExternal; default master
	ParamMonitorLevelDB      // dB, −80 (silent) .. +12, default 0 = MonitorReferenceDB
	ParamMonitorDim          // 0 off, 1 dimmed
	ParamMonitorDimDB        // dB, −60..0, default −20
	ParamMonitorMono         // 0 stereo, 1 mono check
	ParamMonitorMute         // 0 off, 1 muted
	ParamMonitorPolarityL    // 0 normal, 1 left channel inverted
	ParamMonitorSpeakerA     // 0 off, 1 on; default on
	ParamMonitorSpeakerB     // 0 off, 1 on; default off
	ParamMonitorTrimADB      // dB, −40..+10, default 0: calibration of speakers A
	ParamMonitorTrimBDB      // dB, −40..+10, default 0: calibration of speakers B
	ParamTalkback            // 0 released, 1 held: mic to the phones, monitors dimmed

	// Meters; see metering.go. ParamMeterMode and ParamMeterReset are
	// channel parameters (see IsChannelParam); the others are global.
	// Actions act once per command whose value is ≥ 0.5 (a button press;
	// the release, 0, does nothing).
	ParamMeterMode     // the strip meter's MeterMode, 0..7; default MeterPeakRMS
	ParamMeterReset    // action: clear the strip's clip latch and max hold
	ParamMasterMeters  // 0 off, 1 on (default): master loudness, true peak, correlation
	ParamLoudnessRun   // 0 stopped, 1 running (default): integrate I, LRA, max M/S
	ParamLoudnessReset // action: restart the loudness integration (running state kept)
	ParamTruePeakReset // action: clear the latched master max true peak

	// BPM counters; see bpm.go and package mixer/tempo. The first four
	// are channel parameters, the master's are global. Tap, half and
	// double are actions (a press, value ≥ 0.5).
	ParamBPMLock         // 0 follows the audio, 1 holds the value; default 0
	ParamBPMTap          // action: one tap; two or more set the tempo
	ParamBPMHalf         // action: halve the tempo (where the result is ≥ 60)
	ParamBPMDouble       // action: double the tempo (where the result is ≤ 200)
	ParamMasterBPMLock   // the master's counter, as ParamBPMLock
	ParamMasterBPMTap    // as ParamBPMTap
	ParamMasterBPMHalf   // as ParamBPMHalf
	ParamMasterBPMDouble // as ParamBPMDouble

	// Effects; see effects.go and package mixer/fx. All are global: the
	// colour FX follow each strip's ParamFilter knob.
	ParamBeatFXType        // fx.BeatKind: echo (default), delay, ping-pong, reverb, flanger, phaser, roll, trans, filter LFO
	ParamBeatFXAssign      // FXMaster (default), FXSideA, FXSideB, FXMic, or FXChannel+i for channel i
	ParamBeatFXBeats       // index into fx.Beats, 1/16 to 16 beats; default DefaultBeatFXBeats (1/2 beat)
	ParamBeatFXSync        // 1 (default): the time is beats of the source's BPM; 0: it is ParamBeatFXTimeMs
	ParamBeatFXTimeMs      // ms, 1..4000, default 500
	ParamBeatFXDepth       // 0 dry .. 0.5 dry and wet at full level .. 1 wet only; default 0.5
	ParamBeatFXFeedback    // 0..0.95, default 0.5: repeats, reverb decay, resonance
	ParamBeatFXOn          // 0 off (default), 1 on; an echo's or reverb's tail rings on after off
	ParamColourFXType      // fx.ColourKind: off (default: the knob is the DJ filter), space, dub echo, noise, crush, filter
	ParamColourFXParameter // 0..1, default 0.5: decay, feedback, noise level, crush depth, filter resonance

	// MIDI clock and the sound server's timebase; see clock.go. Global.
	ParamClockOn       // 0 off (default), 1 MIDI clock on midi_out: Start, then 24 clocks a beat
	ParamClockSource   // the tempo the clock follows: ClockMaster (default), or ClockChannel+i for channel i
	ParamClockTimebase // 0 off (default), 1 the backend becomes the transport's timebase master (JACK BBT)

	ParamCount // one more than the highest Param: the size of tables indexed by Param; keep last
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
func (p Param) IsChannelParam() bool {
	return p >= ParamTrimDB && p <= ParamFader || p == ParamMeterMode || p == ParamMeterReset ||
		p >= ParamBPMLock && p <= ParamBPMDouble
}
