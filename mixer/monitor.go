package mixer

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// Monitor sources, the values of ParamMonitorSource.
const (
	MonitorMaster   = 0 // the master outputs, after the limiter and the talkover
	MonitorCue      = 1 // the cue bus, before the phones level and mix
	MonitorExternal = 2 // the monitor_ext_in_L/R inputs, for example a DAW
)

// Monitor level, dim and calibration.
//
// The monitor level is in dB. MonitorReferenceDB is the calibrated
// reference position the GUI marks on the level control: with the level
// there, pink noise at MonitorCalibrationDBFS RMS (the 0 mark of a K-20
// meter) should give MonitorReferenceSPL at the listening position. To
// calibrate, play such noise through the master, set the level to the
// reference, and turn each speaker pair's trim (ParamMonitorTrimADB,
// ParamMonitorTrimBDB) until one speaker reads 83 dB SPL, C-weighted, slow
// (79 dB in a small room). From then on, the reference position is K-20
// reference loudness on either pair, and the level readout is dB from it.
const (
	MonitorReferenceDB     = 0.0   // the level at the reference mark, the default
	MonitorReferenceSPL    = 83.0  // dB SPL per speaker at the reference, after calibration
	MonitorCalibrationDBFS = -20.0 // RMS of the calibration pink noise
	MonitorLevelOffDB      = -80.0 // at or below this level the monitors are silent
	DefaultMonitorDimDB    = -20.0
)

// monitorParams are the control targets of the studio monitor section.
type monitorParams struct {
	source    int8
	levelDB   float32
	dimDB     float32
	trimADB   float32
	trimBDB   float32
	dim       bool
	mono      bool
	mute      bool
	polarityL bool
	speakerA  bool
	speakerB  bool
	talkback  bool
}

func defaultMonitorParams() monitorParams {
	return monitorParams{
		source:   MonitorMaster,
		levelDB:  MonitorReferenceDB,
		dimDB:    DefaultMonitorDimDB,
		speakerA: true,
	}
}

// apply sets the monitor target cmd names and reports whether cmd was a
// monitor parameter. The value is finite (params.apply checked).
//
// apply is real-time safe: no allocation, no lock, no system call.
func (m *monitorParams) apply(cmd Command) bool {
	v := cmd.Value
	on := v >= 0.5
	switch cmd.Param {
	case ParamMonitorSource:
		m.source = int8(clamp(float32(math.Round(float64(v))), MonitorMaster, MonitorExternal))
	case ParamMonitorLevelDB:
		m.levelDB = clamp(v, MonitorLevelOffDB, 12)
	case ParamMonitorDim:
		m.dim = on
	case ParamMonitorDimDB:
		m.dimDB = clamp(v, -60, 0)
	case ParamMonitorMono:
		m.mono = on
	case ParamMonitorMute:
		m.mute = on
	case ParamMonitorPolarityL:
		m.polarityL = on
	case ParamMonitorSpeakerA:
		m.speakerA = on
	case ParamMonitorSpeakerB:
		m.speakerB = on
	case ParamMonitorTrimADB:
		m.trimADB = clamp(v, -40, 10)
	case ParamMonitorTrimBDB:
		m.trimBDB = clamp(v, -40, 10)
	case ParamTalkback:
		m.talkback = on
	default:
		return false
	}
	return true
}

// speakerRamps is the 2×2 matrix from the monitor source to one speaker
// pair: level, dim, mute, mono, polarity, trim and on/off in four gains.
type speakerRamps struct {
	ll, lr, rl, rr dsp.Ramp // source L/R → speaker L, source L/R → speaker R
}

// all lists the pair's ramps.
//
// all is real-time safe: no allocation, no lock, no system call.
func (s *speakerRamps) all() [4]*dsp.Ramp { return [4]*dsp.Ramp{&s.ll, &s.lr, &s.rl, &s.rr} }

// set is real-time safe: no allocation, no lock, no system call.
func (s *speakerRamps) set(gain, polarityL, mono float64) {
	s.ll.Set(float32(gain * polarityL * (1 - mono/2)))
	s.lr.Set(float32(gain * mono / 2))
	s.rl.Set(float32(gain * polarityL * mono / 2))
	s.rr.Set(float32(gain * (1 - mono/2)))
}

// process writes the speaker pair's outputs from the source.
//
// process is real-time safe: no allocation, no lock, no system call.
func (s *speakerRamps) process(outL, outR, srcL, srcR []float32) {
	clear(outL)
	clear(outR)
	s.ll.MixInto(outL, srcL)
	s.lr.MixInto(outL, srcR)
	s.rl.MixInto(outR, srcL)
	s.rr.MixInto(outR, srcR)
}

// setMonitorTargets turns the monitor and talkback targets into ramp
// targets.
//
// setMonitorTargets is real-time safe: no allocation, no lock, no system call.
func (g *graph) setMonitorTargets() {
	st, m := &g.studio, &g.p.mon
	var sel [3]float32
	sel[m.source] = 1
	st.srcMaster.Set(sel[MonitorMaster])
	st.srcCue.Set(sel[MonitorCue])
	st.srcExt.Set(sel[MonitorExternal])

	gain := 0.0
	if !m.mute && m.levelDB > MonitorLevelOffDB {
		gain = dbGain(m.levelDB)
	}
	if m.dim || m.talkback {
		gain *= dbGain(m.dimDB)
	}
	polarity, mono := 1.0, 0.0
	if m.polarityL {
		polarity = -1
	}
	if m.mono {
		mono = 1
	}
	a, b := 0.0, 0.0
	if m.speakerA {
		a = gain * dbGain(m.trimADB)
	}
	if m.speakerB {
		b = gain * dbGain(m.trimBDB)
	}
	st.speakerA.set(a, polarity, mono)
	st.speakerB.set(b, polarity, mono)

	talkback := 0.0
	if m.talkback {
		talkback = FaderGain(float64(g.p.phonesPos))
	}
	st.talkback.Set(float32(talkback))
}

// dbGain is 10^(db/20).
//
// dbGain is real-time safe: no allocation, no lock, no system call.
func dbGain(db float32) float64 { return math.Pow(10, float64(db)/20) }

// processMonitor selects the monitor source (crossfading while it
// switches) and writes both speaker pairs. The external input passes the
// same guard as a channel: a block with NaN, Inf or absurd values becomes
// silence.
//
// processMonitor is real-time safe: no allocation, no lock, no system call.
func (g *graph) processMonitor(in, out [][]float32, n int) {
	st := &g.studio
	masterL, masterR := out[0][:n], out[1][:n]
	cueL, cueR := g.cueBusL[:n], g.cueBusR[:n]
	var srcL, srcR []float32
	switch {
	case st.srcMaster.Idle(1):
		srcL, srcR = masterL, masterR
	case st.srcCue.Idle(1):
		srcL, srcR = cueL, cueR
	default:
		srcL, srcR = st.monL[:n], st.monR[:n]
		clear(srcL)
		clear(srcR)
		m, c := st.srcMaster, st.srcCue // the right side runs copies
		m.MixInto(srcR, masterR)
		c.MixInto(srcR, cueR)
		st.srcMaster.MixInto(srcL, masterL)
		st.srcCue.MixInto(srcL, cueL)
		if st.srcExt.Idle(0) {
			break
		}
		extL, extR := st.extL[:n], st.extR[:n]
		if !dsp.CopySane(extL, in[st.extInL][:n]) || !dsp.CopySane(extR, in[st.extInR][:n]) {
			clear(extL)
			clear(extR)
		}
		x := st.srcExt
		x.MixInto(srcR, extR)
		st.srcExt.MixInto(srcL, extL)
	}
	st.speakerA.process(out[monAOut][:n], out[monAOut+1][:n], srcL, srcR)
	st.speakerB.process(out[monBOut][:n], out[monBOut+1][:n], srcL, srcR)
}

// addTalkback adds the talkback bus (the mic channels at their cue point)
// to the phones at the phones level while talkback is held.
//
// addTalkback is real-time safe: no allocation, no lock, no system call.
func (g *graph) addTalkback(phonesL, phonesR []float32) {
	st := &g.studio
	if st.talkback.Idle(0) {
		return
	}
	n := len(phonesL)
	tb := st.talkback // the right side runs a copy
	tb.MixInto(phonesR, st.tbR[:n])
	st.talkback.MixInto(phonesL, st.tbL[:n])
}
