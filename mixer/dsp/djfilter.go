package dsp

import "math"

// DJ filter geometry. The knob position p runs −1..+1; its magnitude maps
// exponentially onto a cutoff: the low-pass falls from djLPTopHz at the
// centre to djLPBottomHz fully left, the high-pass rises from djHPBottomHz
// at the centre to djHPTopHz fully right. Both ends at the centre are
// outside the audible band, so the filter fades in without a jump.
const (
	djLPTopHz    = 20000.0
	djLPBottomHz = 40.0
	djHPBottomHz = 20.0
	djHPTopHz    = 12000.0
	// DJFilterFadeWidth is the knob travel on either side of the centre over
	// which the filtered signal crossfades in from the dry one.
	DJFilterFadeWidth = 0.05
	djMinQ            = math.Sqrt2 / 2 // Butterworth: no peak
	djMaxQ            = 6.0
)

// DJFilterCutoffHz is the cutoff at knob position pos (−1..+1): a low-pass
// below the centre, fc = 20 kHz·(40 Hz / 20 kHz)^|pos|, a high-pass above
// it, fc = 20 Hz·(12 kHz / 20 Hz)^pos.
//
// DJFilterCutoffHz is real-time safe: no allocation, no lock, no system call.
func DJFilterCutoffHz(pos float64) float64 {
	if pos < 0 {
		return djLPTopHz * math.Pow(djLPBottomHz/djLPTopHz, -pos)
	}
	return djHPBottomHz * math.Pow(djHPTopHz/djHPBottomHz, pos)
}

// DJFilterQ is the filter's Q at resonance 0..1: from 0.707 (Butterworth,
// no peak) up to 6 (a 15.6 dB peak), exponentially.
//
// DJFilterQ is real-time safe: no allocation, no lock, no system call.
func DJFilterQ(resonance float64) float64 {
	return djMinQ * math.Pow(djMaxQ/djMinQ, resonance)
}

// DJFilter is the one-knob stereo filter: a resonant 2-pole low-pass
// stage and a resonant 2-pole high-pass stage in series, each a TPT SVF
// crossfaded with its own input by the (ramped) knob position. Left of the
// centre only the low-pass is in, right of it only the high-pass. Each
// stage keeps its own state and a cutoff that is continuous in the knob
// position, so sweeping through the centre from one side to the other
// never makes a filter jump from 20 kHz to 20 Hz. Centre is bypass.
type DJFilter struct {
	sampleRateHz float64
	pos          Ramp    // knob position, ramped
	k            float64 // damping 1/Q
	lp, hp       djStage
}

// djStage is one side of the DJ filter.
type djStage struct {
	l, r    SVF
	coef    SVFCoef
	coefPos float32 // knob position coef was computed for
	coefK   float64 // damping coef was computed for
}

// NewDJFilter returns a filter at the centre for sampleRateHz, with its
// knob ramping over rampFrames.
func NewDJFilter(sampleRateHz float64, rampFrames int) *DJFilter {
	f := &DJFilter{sampleRateHz: sampleRateHz, k: 1 / djMinQ}
	f.pos.Init(0, rampFrames)
	f.lp.coefPos, f.hp.coefPos = float32(math.NaN()), float32(math.NaN())
	return f
}

// Set moves the knob target to pos (−1..+1) and resonance (0..1).
//
// Set is real-time safe: no allocation, no lock, no system call.
func (f *DJFilter) Set(pos, resonance float32) {
	f.pos.Set(pos)
	f.k = 1 / DJFilterQ(float64(resonance))
}

// Jump puts the knob at its target with no ramp (after a graph swap).
//
// Jump is real-time safe: no allocation, no lock, no system call.
func (f *DJFilter) Jump() { f.pos.Jump(f.pos.Target()) }

// update recomputes the stage's coefficients for knob position pos (the
// side's own half of the travel) when pos or the damping changed.
//
// update is real-time safe: no allocation, no lock, no system call.
func (s *djStage) update(pos float32, k, sampleRateHz float64) {
	if pos == s.coefPos && k == s.coefK {
		return
	}
	s.coefPos, s.coefK = pos, k
	hz := clampCutoff(DJFilterCutoffHz(float64(pos)), sampleRateHz)
	s.coef = svfCoefFromG(math.Tan(math.Pi*hz/sampleRateHz), k)
}

// djMix is the share of the low-pass and high-pass outputs at knob pos.
//
// djMix is real-time safe: no allocation, no lock, no system call.
func djMix(pos float32) (lp, hp float32) {
	if pos < 0 {
		return min(1, -pos/DJFilterFadeWidth), 0
	}
	return 0, min(1, pos/DJFilterFadeWidth)
}

// Process filters l and r in place (r may be nil for mono). When the knob
// rests at the centre it clears the state and returns, leaving the samples
// untouched, so the bypass is bit-exact. A stage whose side of the travel
// the knob neither is on nor heads for is skipped and cleared.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (f *DJFilter) Process(l, r []float32) {
	useLP := f.pos.Value() < 0 || f.pos.Target() < 0
	useHP := f.pos.Value() > 0 || f.pos.Target() > 0
	if !useLP {
		f.lp.l, f.lp.r = SVF{}, SVF{}
	}
	if !useHP {
		f.hp.l, f.hp.r = SVF{}, SVF{}
	}
	if !useLP && !useHP {
		f.pos.Advance(len(l))
		return
	}
	if r != nil {
		r = r[:len(l)]
	}
	i := 0
	for ; i < len(l) && f.pos.Moving(); i++ {
		pos := f.pos.Next()
		// While the knob moves the cutoff follows it every frame: coarser
		// steps, even every 16 frames, add a measurable roughness to a
		// fast sweep through the centre.
		f.lp.update(min(pos, 0), f.k, f.sampleRateHz)
		f.hp.update(max(pos, 0), f.k, f.sampleRateHz)
		lpMix, hpMix := djMix(pos)
		l[i] = f.tick(&f.lp.l, &f.hp.l, l[i], lpMix, hpMix, useLP, useHP)
		if r != nil {
			r[i] = f.tick(&f.lp.r, &f.hp.r, r[i], lpMix, hpMix, useLP, useHP)
		}
	}
	if i < len(l) {
		// The knob rests off centre: one stage, fixed coefficients.
		pos := f.pos.Value()
		lpMix, hpMix := djMix(pos)
		if r == nil {
			r = l[:0] // mono: the stereo loops below run zero frames on the right
		} else {
			r = r[i:]
		}
		if pos < 0 {
			f.lp.update(pos, f.k, f.sampleRateHz)
			f.lp.runLowPass(l[i:], r, lpMix)
		} else {
			f.hp.update(pos, f.k, f.sampleRateHz)
			f.hp.runHighPass(l[i:], r, hpMix)
		}
	}
	f.lp.l.Flush()
	f.lp.r.Flush()
	f.hp.l.Flush()
	f.hp.r.Flush()
}

// runLowPass filters l and r in place through the stage as a low-pass,
// mixed with the dry signal by mix. r is empty for mono, else as long as
// l; the two sides share one loop so that their independent filter chains
// overlap in the CPU.
//
// runLowPass is real-time safe: no allocation, no lock, no system call.
func (s *djStage) runLowPass(l, r []float32, mix float32) {
	c := s.coef
	if len(r) == 0 {
		for i, x := range l {
			lp, _ := s.l.Tick(&c, x)
			l[i] = x + mix*(lp-x)
		}
		return
	}
	r = r[:len(l)]
	for i, x := range l {
		lp, _ := s.l.Tick(&c, x)
		l[i] = x + mix*(lp-x)
		y := r[i]
		lp, _ = s.r.Tick(&c, y)
		r[i] = y + mix*(lp-y)
	}
}

// runHighPass is runLowPass for the high-pass output, x − k·bp − lp.
//
// runHighPass is real-time safe: no allocation, no lock, no system call.
func (s *djStage) runHighPass(l, r []float32, mix float32) {
	c := s.coef
	if len(r) == 0 {
		for i, x := range l {
			lp, bp := s.l.Tick(&c, x)
			l[i] = x - mix*(c.k*bp+lp)
		}
		return
	}
	r = r[:len(l)]
	for i, x := range l {
		lp, bp := s.l.Tick(&c, x)
		l[i] = x - mix*(c.k*bp+lp)
		y := r[i]
		lp, bp = s.r.Tick(&c, y)
		r[i] = y - mix*(c.k*bp+lp)
	}
}

// tick is real-time safe: no allocation, no lock, no system call.
func (f *DJFilter) tick(lpState, hpState *SVF, x, lpMix, hpMix float32, useLP, useHP bool) float32 {
	if useLP {
		lp, _ := lpState.Tick(&f.lp.coef, x)
		x += lpMix * (lp - x)
	}
	if useHP {
		lp, bp := hpState.Tick(&f.hp.coef, x)
		hp := x - f.hp.coef.k*bp - lp
		x += hpMix * (hp - x)
	}
	return x
}
