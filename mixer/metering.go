package mixer

import (
	"math"
	"sync"

	"github.com/linuxdj/linuxdj/mixer/meter"
)

// MeterMode is what a strip's meter measures, the value of ParamMeterMode.
// Every mode runs on both sides of a stereo strip (a mono strip reads the
// same on both), at the strip's meter point, next to the peak/RMS
// LevelMeter, which always runs. The reading goes to MeterFrame.StripMode
// in the mode's unit; Scale gives the marks and the deflection to draw it.
type MeterMode int8

// Meter modes. Levels of silence read −Inf; Scale().Deflection maps that to
// the bottom of the scale.
const (
	MeterPeakRMS MeterMode = iota // default: digital peak (IEC 60268-18) in dBFS; the RMS bar is MeterFrame.Strip's RMSL/RMSR
	MeterPeak                     // digital peak (IEC 60268-18), dBFS: falls 20 dB in 1.7 s, holds 1 s
	MeterVU                       // VU (IEC 60268-17), VU: 0 VU = a −18 dBFS sine
	MeterPPMI                     // PPM IEC Type I (DIN), dB: 0 = a −9 dBFS sine
	MeterPPMII                    // PPM IEC Type II (BBC/EBU), dB: 0 = a −18 dBFS sine
	MeterK20                      // K-20 (Katz), K: 0 = RMS of a −20 dBFS sine
	MeterK14                      // K-14, K: 0 = RMS of a −14 dBFS sine
	MeterK12                      // K-12, K: 0 = RMS of a −12 dBFS sine

	meterModeCount // keep last
)

// String is the mode's short name for menus and labels.
func (m MeterMode) String() string {
	switch m {
	case MeterPeakRMS:
		return "Peak+RMS"
	case MeterPeak:
		return "Peak"
	case MeterVU:
		return "VU"
	case MeterPPMI:
		return "PPM I"
	case MeterPPMII:
		return "PPM II"
	case MeterK20:
		return "K-20"
	case MeterK14:
		return "K-14"
	case MeterK12:
		return "K-12"
	}
	return "unknown"
}

// Scale is the scale a reading of mode m is drawn on. It builds a new
// value: call it when the mode changes, not per frame.
func (m MeterMode) Scale() meter.Scale {
	switch m {
	case MeterVU:
		return meter.VUScale()
	case MeterPPMI:
		return meter.PPMScale(meter.PPMTypeI)
	case MeterPPMII:
		return meter.PPMScale(meter.PPMTypeII)
	case MeterK20:
		return meter.KScale(meter.K20)
	case MeterK14:
		return meter.KScale(meter.K14)
	case MeterK12:
		return meter.KScale(meter.K12)
	}
	return meter.PeakScale()
}

// ModeMeter is one strip's meter reading in its Mode's unit (dBFS, VU, dB
// on the PPM scale, K). A mono strip reads the same on both sides.
type ModeMeter struct {
	Mode MeterMode // the mode of this reading; follows ParamMeterMode
	// LevelL and LevelR are the bar: the highest reading since the
	// previous delivered frame, so no movement between two GUI reads is
	// lost.
	LevelL, LevelR float32
	// HoldL and HoldR are the marker: in the peak modes the IEC peak hold
	// (the highest bar of the last second, dBFS); in the VU, PPM and K
	// modes the highest reading since the mode was chosen or the last
	// ParamMeterReset.
	HoldL, HoldR float32
	// Clip latches when a sample reaches 0 dBFS at the meter point; it
	// clears when the mode is chosen and on ParamMeterReset.
	Clip bool
}

// MasterLoudness is the master loudness panel: EBU R128 loudness of the
// master output (ITU-R BS.1770-4, EBU Tech 3341/3342), its true peak
// (BS.1770-4 Annex 2) and the phase correlation of master L/R. Loudness in
// LUFS reads −Inf until there is something to measure (400 ms for
// momentary, 3 s for short-term, a gating block above −70 LUFS for
// integrated); meter.RelativeLU turns LUFS into LU against a target.
type MasterLoudness struct {
	On      bool // ParamMasterMeters; while off the readings stand still
	Running bool // ParamLoudnessRun: integrated, LRA, maxima and time advance

	MomentaryLUFS      float32 // last 400 ms
	ShortTermLUFS      float32 // last 3 s
	IntegratedLUFS     float32 // gated programme loudness since the last reset
	RangeLU            float32 // loudness range (LRA), EBU Tech 3342
	MaxMomentaryLUFS   float32 // highest momentary value while running
	MaxShortTermLUFS   float32 // highest short-term value while running
	IntegrationSeconds float32 // time integrated while running since the last reset

	TruePeakDBTPL, TruePeakDBTPR       float32 // highest true peak since the previous delivered frame
	MaxTruePeakDBTPL, MaxTruePeakDBTPR float32 // latched since start or ParamTruePeakReset

	Correlation    float32 // −1..+1, 300 ms integration; 0 in silence
	CorrelationMin float32 // lowest correlation since the previous delivered frame
}

// meterParams are the meter controls. The zero value is the default: every
// strip in MeterPeakRMS, master meters on, loudness running. The actions
// are pending flags that setMeterTargets carries out and clears.
type meterParams struct {
	mode            [MaxChannels]MeterMode
	reset           [MaxChannels]bool // ParamMeterReset pending
	masterOff       bool
	loudnessStopped bool
	loudnessReset   bool // ParamLoudnessReset pending
	truePeakReset   bool // ParamTruePeakReset pending
}

// isMeterParam is real-time safe: no allocation, no lock, no system call.
func (p Param) isMeterParam() bool { return p >= ParamMeterMode && p <= ParamTruePeakReset }

// apply sets the meter control cmd names (cmd.Value is finite) and reports
// whether anything is to be done; an action's release (value < 0.5) is not.
//
// apply is real-time safe: no allocation, no lock, no system call.
func (p *meterParams) apply(cmd Command, channels int) bool {
	on := cmd.Value >= 0.5
	if cmd.Param.IsChannelParam() {
		ch := int(cmd.Channel)
		if ch < 0 || ch >= channels {
			return false
		}
		if cmd.Param == ParamMeterMode {
			p.mode[ch] = MeterMode(clamp(float32(math.Round(float64(cmd.Value))), 0, float32(meterModeCount-1)))
			return true
		}
		p.reset[ch] = p.reset[ch] || on
		return on
	}
	switch cmd.Param {
	case ParamMasterMeters:
		p.masterOff = !on
	case ParamLoudnessRun:
		p.loudnessStopped = !on
	case ParamLoudnessReset:
		p.loudnessReset = p.loudnessReset || on
		return on
	case ParamTruePeakReset:
		p.truePeakReset = p.truePeakReset || on
		return on
	}
	return true
}

// stripMeters holds a meter of every mode for both sides of one strip, all
// prepared off the audio thread; only the current mode's run.
type stripMeters struct {
	mode MeterMode
	peak [2]meter.Peak
	vu   [2]meter.VU
	ppm  [2][2]meter.PPM    // [Type I, Type II][side]
	k    [3][2]meter.KMeter // [K-20, K-14, K-12][side]
	hold [2]float64         // VU, PPM, K: highest reading since the mode was chosen or reset
	clip bool
}

// stripMeterPrototypes memoises newStripMeters by sample rate: the PPM
// calibration takes tens of milliseconds and depends on the rate alone.
var stripMeterPrototypes sync.Map // int → stripMeters

// newStripMeters returns one strip's meters prepared for sampleRateHz (a
// rate checkRate accepts), at rest; strips copy the result, so the costly
// PPM calibration runs once per rate. It runs off the audio thread.
func newStripMeters(sampleRateHz int) stripMeters {
	if m, ok := stripMeterPrototypes.Load(sampleRateHz); ok {
		return m.(stripMeters)
	}
	var m stripMeters
	must := func(err error) {
		if err != nil {
			panic(err) // the rate was checked: a bug
		}
	}
	must(m.peak[0].Prepare(sampleRateHz))
	must(m.vu[0].Prepare(sampleRateHz))
	must(m.ppm[0][0].Prepare(sampleRateHz, meter.PPMTypeI))
	must(m.ppm[1][0].Prepare(sampleRateHz, meter.PPMTypeII))
	for i, t := range [...]meter.KType{meter.K20, meter.K14, meter.K12} {
		must(m.k[i][0].Prepare(sampleRateHz, t))
	}
	m.peak[1], m.vu[1] = m.peak[0], m.vu[0]
	m.ppm[0][1], m.ppm[1][1] = m.ppm[0][0], m.ppm[1][0]
	for i := range m.k {
		m.k[i][1] = m.k[i][0]
	}
	m.hold = [2]float64{math.Inf(-1), math.Inf(-1)}
	stripMeterPrototypes.Store(sampleRateHz, m)
	return m
}

// setMode switches to mode and resets its meters and the latches.
//
// setMode is real-time safe: no allocation, no lock, no system call.
func (m *stripMeters) setMode(mode MeterMode) {
	m.mode = mode
	for s := range 2 {
		switch {
		case mode == MeterPeakRMS || mode == MeterPeak:
			m.peak[s].Reset()
		case mode == MeterVU:
			m.vu[s].Reset()
		case mode == MeterPPMI || mode == MeterPPMII:
			m.ppm[mode-MeterPPMI][s].Reset()
		default:
			m.k[mode-MeterK20][s].Reset()
		}
	}
	m.clearLatches()
}

// clearLatches clears the clip latch and the max hold.
//
// clearLatches is real-time safe: no allocation, no lock, no system call.
func (m *stripMeters) clearLatches() {
	m.hold = [2]float64{math.Inf(-1), math.Inf(-1)}
	m.clip = false
}

// process meters one block; r is nil for a mono strip.
//
// process is real-time safe: no allocation, no lock, no system call.
func (m *stripMeters) process(l, r []float32) {
	sides := [2][]float32{l, r}
	for s, x := range sides {
		if x == nil {
			break
		}
		switch mode := m.mode; {
		case mode == MeterPeakRMS || mode == MeterPeak:
			m.peak[s].Process(x)
		case mode == MeterVU:
			m.vu[s].Process(x)
		case mode == MeterPPMI || mode == MeterPPMII:
			m.ppm[mode-MeterPPMI][s].Process(x)
		default:
			m.k[mode-MeterK20][s].Process(x)
		}
	}
}

// read folds the meter's reading into dst, the pending frame's entry; lm is
// the strip's pending LevelMeter, whose clips feed the clip latch.
//
// read is real-time safe: no allocation, no lock, no system call.
func (m *stripMeters) read(dst *ModeMeter, lm *LevelMeter, mono bool) {
	m.clip = m.clip || lm.ClipL || lm.ClipR
	sides := 2
	if mono {
		sides = 1
	}
	var level, hold [2]float64
	for s := range sides {
		switch mode := m.mode; {
		case mode == MeterPeakRMS || mode == MeterPeak:
			level[s], hold[s] = readPeak(&m.peak[s])
			continue
		case mode == MeterVU:
			level[s] = m.vu[s].Read().MaxVU
		case mode == MeterPPMI || mode == MeterPPMII:
			level[s] = m.ppm[mode-MeterPPMI][s].Read().MaxDB
		default:
			level[s] = m.k[mode-MeterK20][s].Read().MaxK
		}
		m.hold[s] = max(m.hold[s], level[s])
		hold[s] = m.hold[s]
	}
	if mono {
		level[1], hold[1] = level[0], hold[0]
	}
	if dst.Mode != m.mode {
		// The pending bar was in another unit.
		dst.LevelL, dst.LevelR = float32(math.Inf(-1)), float32(math.Inf(-1))
	}
	dst.Mode = m.mode
	dst.LevelL = max(dst.LevelL, float32(level[0]))
	dst.LevelR = max(dst.LevelR, float32(level[1]))
	dst.HoldL, dst.HoldR = float32(hold[0]), float32(hold[1])
	dst.Clip = m.clip
}

// readPeak reads p as a frame shows it: the bar at its highest since the
// previous read (its level now, or a sample since that it fell from) and
// the hold marker, in dBFS.
//
// readPeak is real-time safe: no allocation, no lock, no system call.
func readPeak(p *meter.Peak) (barDBFS, holdDBFS float64) {
	r := p.Read()
	return max(r.LevelDBFS, r.MaxDBFS), r.HoldDBFS
}

// masterPanel meters the master output for the loudness panel.
type masterPanel struct {
	loudness meter.Loudness
	truePeak [2]meter.TruePeak
	corr     meter.Correlation
	maxTP    [2]float64  // dBTP latched since start or ParamTruePeakReset
	sides    [][]float32 // two entries, reused to pass master L/R to loudness
}

// newMasterPanel prepares the master meters for sampleRateHz (a rate
// checkRate accepts). It runs off the audio thread.
func newMasterPanel(sampleRateHz int) *masterPanel {
	p := &masterPanel{sides: make([][]float32, 2)}
	for _, err := range []error{
		p.loudness.Prepare(sampleRateHz, 2),
		p.truePeak[0].Prepare(sampleRateHz),
		p.truePeak[1].Prepare(sampleRateHz),
		p.corr.Prepare(sampleRateHz),
	} {
		if err != nil {
			panic(err) // the rate was checked: a bug
		}
	}
	p.maxTP = [2]float64{math.Inf(-1), math.Inf(-1)}
	return p
}

// process meters one block of the master output.
//
// process is real-time safe: no allocation, no lock, no system call.
func (p *masterPanel) process(l, r []float32) {
	p.sides[0], p.sides[1] = l, r
	p.loudness.Process(p.sides)
	p.sides[0], p.sides[1] = nil, nil // hold no reference to the backend's buffers
	p.truePeak[0].Process(l)
	p.truePeak[1].Process(r)
	p.corr.Process(l, r)
}

// read folds the panel's reading into dst, the pending frame's entry.
//
// read is real-time safe: no allocation, no lock, no system call.
func (p *masterPanel) read(dst *MasterLoudness, on bool) {
	l := p.loudness.Read()
	dst.On, dst.Running = on, l.Running
	dst.MomentaryLUFS = float32(l.MomentaryLUFS)
	dst.ShortTermLUFS = float32(l.ShortTermLUFS)
	dst.IntegratedLUFS = float32(l.IntegratedLUFS)
	dst.RangeLU = float32(l.RangeLU)
	dst.MaxMomentaryLUFS = float32(l.MaxMomentaryLUFS)
	dst.MaxShortTermLUFS = float32(l.MaxShortTermLUFS)
	dst.IntegrationSeconds = float32(l.IntegrationSeconds)
	var tp [2]float64
	for s := range tp {
		tp[s] = p.truePeak[s].Read().PeakDBTP
		p.maxTP[s] = max(p.maxTP[s], tp[s])
	}
	dst.TruePeakDBTPL = max(dst.TruePeakDBTPL, float32(tp[0]))
	dst.TruePeakDBTPR = max(dst.TruePeakDBTPR, float32(tp[1]))
	dst.MaxTruePeakDBTPL, dst.MaxTruePeakDBTPR = float32(p.maxTP[0]), float32(p.maxTP[1])
	c := p.corr.Read()
	dst.Correlation = float32(c.Correlation)
	dst.CorrelationMin = min(dst.CorrelationMin, float32(c.Min))
}

// startMeterFrame readies the pending frame's meter entries to fold the
// next readings: bars at −Inf, the correlation minimum above its range.
//
// startMeterFrame is real-time safe: no allocation, no lock, no system call.
func (g *graph) startMeterFrame() {
	inf := float32(math.Inf(1))
	for i := range g.frame.StripMode[:len(g.strips)] {
		m := &g.frame.StripMode[i]
		m.LevelL, m.LevelR = -inf, -inf
	}
	g.frame.MasterPeak.LevelL, g.frame.MasterPeak.LevelR = -inf, -inf
	g.frame.Loudness.TruePeakDBTPL, g.frame.Loudness.TruePeakDBTPR = -inf, -inf
	g.frame.Loudness.CorrelationMin = inf
}

// readMeters folds every strip's mode meter, the master peak meter and the
// master panel into the pending frame, just before the engine tries to
// publish it.
//
// readMeters is real-time safe: no allocation, no lock, no system call.
func (g *graph) readMeters() {
	for i := range g.strips {
		s := &g.strips[i]
		s.meters.read(&g.frame.StripMode[i], &g.frame.Strip[i], !s.stereo)
	}
	mp := &g.frame.MasterPeak
	barL, holdL := readPeak(&g.masterPeak[0])
	barR, holdR := readPeak(&g.masterPeak[1])
	mp.LevelL, mp.LevelR = max(mp.LevelL, float32(barL)), max(mp.LevelR, float32(barR))
	mp.HoldL, mp.HoldR = float32(holdL), float32(holdR)
	g.panel.read(&g.frame.Loudness, !g.p.meters.masterOff)
}

// processMasterMeters meters the master output: on the peak meter always,
// for the loudness panel while it is on.
//
// processMasterMeters is real-time safe: no allocation, no lock, no system call.
func (g *graph) processMasterMeters(l, r []float32) {
	g.masterPeak[0].Process(l)
	g.masterPeak[1].Process(r)
	if !g.p.meters.masterOff {
		g.panel.process(l, r)
	}
}

// setMeterTargets applies the meter controls: a new strip mode resets that
// mode's meters; pending actions are carried out and cleared.
//
// setMeterTargets is real-time safe: no allocation, no lock, no system call.
func (g *graph) setMeterTargets() {
	mp := &g.p.meters
	for i := range g.strips {
		m := &g.strips[i].meters
		if m.mode != mp.mode[i] {
			m.setMode(mp.mode[i])
		}
		if mp.reset[i] {
			m.clearLatches()
			mp.reset[i] = false
		}
	}
	if mp.loudnessStopped {
		g.panel.loudness.Stop()
	} else {
		g.panel.loudness.Start()
	}
	if mp.loudnessReset {
		g.panel.loudness.Reset()
		mp.loudnessReset = false
	}
	if mp.truePeakReset {
		for s := range g.panel.truePeak {
			g.panel.truePeak[s].Reset()
		}
		g.panel.maxTP = [2]float64{math.Inf(-1), math.Inf(-1)}
		mp.truePeakReset = false
	}
}

// adoptMeters takes over the meters of the graph g replaces (called before
// setTargets). At the same rate the meters move over whole, so nothing
// restarts. At a new rate the strip meters restart from rest in the same
// mode, keeping their clip latch and max hold, and the master peak meter
// restarts from rest; the loudness integration carries on
// (meter.Loudness.Continue: I, LRA, maxima, integration time and the M/S
// windows survive, the K-weighting filters restart); the latched max true
// peak is kept, the true-peak interpolators and the correlation restart
// (300 ms to settle).
//
// adoptMeters is real-time safe: no allocation, no lock, no system call.
func (g *graph) adoptMeters(old *graph) {
	n := min(len(g.strips), len(old.strips))
	if old.sampleRateHz == g.sampleRateHz {
		for i := range n {
			g.strips[i].meters = old.strips[i].meters
		}
		g.masterPeak, g.panel = old.masterPeak, old.panel
		return
	}
	for i := range n {
		m, o := &g.strips[i].meters, &old.strips[i].meters
		m.mode, m.hold, m.clip = o.mode, o.hold, o.clip
	}
	g.panel.loudness.Continue(&old.panel.loudness)
	g.panel.maxTP = old.panel.maxTP
}

// initMeters prepares the meters of every mode for each strip, the master
// peak meter and the master panel. It runs off the audio thread, in
// newGraph.
func (g *graph) initMeters(sampleRateHz int) {
	proto := newStripMeters(sampleRateHz)
	for i := range g.strips {
		g.strips[i].meters = proto
	}
	g.masterPeak = [2]meter.Peak{proto.peak[0], proto.peak[0]}
	g.panel = newMasterPanel(sampleRateHz)
	g.startMeterFrame()
}
