package fx

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// allpass is a Schroeder all-pass diffuser.
type allpass struct {
	l line
	d int
}

// allpassGain is the diffusers' coefficient.
const allpassGain = 0.6

// tick is real-time safe: no allocation, no lock, no system call.
func (a *allpass) tick(x float32) float32 {
	b := a.l.at(a.d)
	w := x + allpassGain*b
	a.l.write(w)
	return b - allpassGain*w
}

// reverb is a stereo reverb: two all-pass diffusers per side into a
// feedback delay network of four damped lines mixed by a Hadamard matrix.
// The matrix is orthogonal and every line's gain is below 1, so the tail
// always decays, at the rate SetDecay asks.
type reverb struct {
	rateHz float64
	diffL  [2]allpass
	diffR  [2]allpass
	lines  [4]line
	lens   [4]int
	gains  [4]float32 // per line: −60 dB over the decay time
	damp   [4]float32 // one-pole low-pass states in the loop
	dampK  float32
}

// Line and diffuser lengths in ms: mutually prime at common rates, so the
// echoes never pile up on one period.
var (
	reverbLineMs = [4]float64{29.7, 37.1, 41.1, 43.7}
	diffuseLMs   = [2]float64{4.77, 3.59}
	diffuseRMs   = [2]float64{5.11, 3.93}
)

// newReverb allocates a reverb for sampleRateHz.
func newReverb(sampleRateHz float64) reverb {
	v := reverb{rateHz: sampleRateHz, dampK: onePoleCoef(7000, sampleRateHz)}
	frames := func(ms float64) int { return max(1, int(math.Round(ms*sampleRateHz/1000))) }
	for i, ms := range reverbLineMs {
		v.lens[i] = frames(ms)
		v.lines[i] = newLine(v.lens[i])
	}
	for i := range 2 {
		v.diffL[i] = allpass{l: newLine(frames(diffuseLMs[i])), d: frames(diffuseLMs[i])}
		v.diffR[i] = allpass{l: newLine(frames(diffuseRMs[i])), d: frames(diffuseRMs[i])}
	}
	v.setDecay(2)
	return v
}

// setDecay sets the time the tail takes to fall by 60 dB.
//
// setDecay is real-time safe: no allocation, no lock, no system call.
func (v *reverb) setDecay(seconds float64) {
	for i, n := range v.lens {
		v.gains[i] = float32(math.Pow(10, -3*float64(n)/(seconds*v.rateHz)))
	}
}

// reset is real-time safe: no allocation, no lock, no system call.
func (v *reverb) reset() {
	for i := range v.lines {
		v.lines[i].reset()
		v.damp[i] = 0
	}
	for i := range v.diffL {
		v.diffL[i].l.reset()
		v.diffR[i].l.reset()
	}
}

// flush is real-time safe: no allocation, no lock, no system call.
func (v *reverb) flush() {
	for i := range v.damp {
		v.damp[i] = dsp.Flush(v.damp[i])
	}
}

// tick runs one frame and returns the wet output.
//
// tick is real-time safe: no allocation, no lock, no system call.
func (v *reverb) tick(xl, xr float32) (float32, float32) {
	sl := v.diffL[1].tick(v.diffL[0].tick(xl))
	sr := v.diffR[1].tick(v.diffR[0].tick(xr))
	var y [4]float32
	for i := range y {
		a := v.lines[i].at(v.lens[i])
		v.damp[i] += v.dampK * (a - v.damp[i])
		y[i] = v.damp[i] * v.gains[i]
	}
	h0 := 0.5 * (y[0] + y[1] + y[2] + y[3])
	h1 := 0.5 * (y[0] - y[1] + y[2] - y[3])
	h2 := 0.5 * (y[0] + y[1] - y[2] - y[3])
	h3 := 0.5 * (y[0] - y[1] - y[2] + y[3])
	v.lines[0].write(h0 + sl)
	v.lines[1].write(h1 + sr)
	v.lines[2].write(h2 + sl)
	v.lines[3].write(h3 - sr)
	return y[0] + y[2], y[1] + y[3]
}
