package mixer

// MaxChannels is the most input channels an engine can have.
const MaxChannels = 32

// LevelMeter is one stereo meter reading. Levels are linear amplitudes
// (1.0 = 0 dBFS), never dB, so the GUI chooses its own scale. A mono source
// reads the same on both sides.
//
// Peak is the largest absolute sample since the previous frame that reached
// the GUI: when the frame ring is full the engine keeps folding new periods
// into the frame it could not send, so no peak between two GUI reads is lost.
type LevelMeter struct {
	PeakL, PeakR float32 // max |sample| since the last delivered frame
	RMSL, RMSR   float32 // RMS over the meter's integration window (about 300 ms)
	ClipL, ClipR bool    // a sample reached or passed 0 dBFS since the last delivered frame
}

// PeakMeter is one stereo reading of an IEC 60268-18 digital peak meter
// (meter.Peak), in dBFS: the bar rises at once and falls 20 dB in 1.7 s,
// the hold marker stays 1 s at the highest bar and then follows it down.
// Silence reads −Inf.
type PeakMeter struct {
	// LevelL and LevelR are the bar at its highest since the previous
	// delivered frame, so no peak between two GUI reads is lost.
	LevelL, LevelR float32
	HoldL, HoldR   float32 // the hold marker
}

// Status is the engine's own view of its health.
type Status struct {
	LastPeriodNs       int64   // time the last Process call took
	WorstPeriodNs      int64   // worst Process time over the last few seconds
	PeriodFrames       int     // frames in the last Process call
	SampleRateHz       int     // rate of the running graph
	CommandsDropped    uint64  // commands lost to full rings, all producers
	LimiterGainDB      float32 // current limiter gain reduction, ≤ 0
	LimiterLatency     int     // limiter lookahead in frames (0 when off)
	InsertLatency      int     // frames the insert slots add on the longest path; see Engine.InsertLatencyFrames
	BadInputChannels   uint32  // bit i set: channel i had NaN/Inf and is muted
	MeterFramesDropped uint64  // frames the GUI had not taken in time (their peaks were folded forward)
}

// MeterFrame is what the audio thread publishes to the GUI, once per period
// or decimated, through an rt.Ring. It is a fixed-size value with no
// pointers: pushing it copies, never allocates.
type MeterFrame struct {
	Seq      uint64 // increases with every frame the engine publishes
	Channels int    // number of valid entries in Strip
	Strip    [MaxChannels]LevelMeter
	Master   LevelMeter
	Booth    LevelMeter
	Phones   LevelMeter
	Cue      LevelMeter
	Status   Status

	StripMode [MaxChannels]ModeMeter // each strip's meter in its MeterMode; see metering.go
	// MasterPeak is the master output on the IEC 60268-18 peak meter, the
	// window's master meter; it runs while the loudness panel is off.
	MasterPeak PeakMeter
	Loudness   MasterLoudness // the master loudness panel

	StripTempo  [MaxChannels]Tempo // each strip's BPM counter; see bpm.go
	MasterTempo Tempo              // the master's BPM counter
}
