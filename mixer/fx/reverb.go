package fx

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// fixed is a delay line of a fixed length: the sample read is the one
// written len(buf) frames ago.
type fixed struct {
	buf []float32
	i   int
}

// newFixed allocates a line of frames (at least 1).
func newFixed(frames int) fixed { return fixed{buf: make([]float32, max(1, frames))} }

// out is the sample that leaves the line at this frame.
//
// out is real-time safe: no allocation, no lock, no system call.
func (d *fixed) out() float32 { return d.buf[d.i] }

// in writes this frame's sample and moves the line on.
//
// in is real-time safe: no allocation, no lock, no system call.
func (d *fixed) in(x float32) {
	d.buf[d.i] = x
	if d.i++; d.i == len(d.buf) {
		d.i = 0
	}
}

// allpassGain is the diffusers' coefficient.
const allpassGain = 0.6

// diffuse runs x through a Schroeder all-pass on d.
//
// diffuse is real-time safe: no allocation, no lock, no system call.
func diffuse(d *fixed, x float32) float32 {
	b := d.out()
	w := x + allpassGain*b
	d.in(w)
	return b - allpassGain*w
}

// reverb is a stereo reverb: two all-pass diffusers per side into a
// feedback delay network of four damped lines mixed by a Hadamard matrix.
// The matrix is orthogonal and every line's gain is below 1, so the tail
// always decays, at the rate setDecay asks. A constant of antiDenormal
// added to the input keeps every state far above the subnormal range as a
// tail dies away (flushing each write costs more than the network).
type reverb struct {
	rateHz float64
	diff   [4]fixed // left, left, right, right
	lines  [4]fixed
	gains  [4]float32 // per line: −60 dB over the decay time
	damp   [4]float32 // one-pole low-pass states in the loop
	dampK  float32
	decayS float64
}

// antiDenormal is a constant (−360 dBFS) added to the reverb's input.
const antiDenormal = 1e-18

// Line and diffuser lengths in ms: mutually prime at common rates, so the
// echoes never pile up on one period.
var (
	reverbLineMs = [4]float64{29.7, 37.1, 41.1, 43.7}
	diffuseMs    = [4]float64{4.77, 3.59, 5.11, 3.93}
)

// newReverb allocates a reverb for sampleRateHz.
func newReverb(sampleRateHz float64) reverb {
	v := reverb{rateHz: sampleRateHz, dampK: onePoleCoef(7000, sampleRateHz)}
	frames := func(ms float64) int { return int(math.Round(ms * sampleRateHz / 1000)) }
	for i := range v.lines {
		v.lines[i] = newFixed(frames(reverbLineMs[i]))
		v.diff[i] = newFixed(frames(diffuseMs[i]))
	}
	v.setDecay(2)
	return v
}

// setDecay sets the time the tail takes to fall by 60 dB.
//
// setDecay is real-time safe: no allocation, no lock, no system call.
func (v *reverb) setDecay(seconds float64) {
	if seconds == v.decayS {
		return
	}
	v.decayS = seconds
	for i := range v.lines {
		v.gains[i] = float32(math.Pow(10, -3*float64(len(v.lines[i].buf))/(seconds*v.rateHz)))
	}
}

// reset silences the reverb. It clears a few thousand samples per line.
//
// reset is real-time safe: no allocation, no lock, no system call.
func (v *reverb) reset() {
	for i := range v.lines {
		clear(v.lines[i].buf)
		clear(v.diff[i].buf)
		v.damp[i] = 0
	}
}

// process runs a block: inL and inR in, the wet signal out into outL and
// outR, which may be inL and inR.
//
// process is real-time safe: no allocation, no lock, no system call.
func (v *reverb) process(inL, inR, outL, outR []float32) {
	inR, outL, outR = inR[:len(inL)], outL[:len(inL)], outR[:len(inL)]
	k := v.dampK
	g0, g1, g2, g3 := v.gains[0], v.gains[1], v.gains[2], v.gains[3]
	d0, d1, d2, d3 := v.damp[0], v.damp[1], v.damp[2], v.damp[3]
	for j, xl := range inL {
		sl := diffuse(&v.diff[1], diffuse(&v.diff[0], xl+antiDenormal))
		sr := diffuse(&v.diff[3], diffuse(&v.diff[2], inR[j]+antiDenormal))
		d0 += k * (v.lines[0].out() - d0)
		d1 += k * (v.lines[1].out() - d1)
		d2 += k * (v.lines[2].out() - d2)
		d3 += k * (v.lines[3].out() - d3)
		y0, y1, y2, y3 := d0*g0, d1*g1, d2*g2, d3*g3
		v.lines[0].in(0.5*(y0+y1+y2+y3) + sl)
		v.lines[1].in(0.5*(y0-y1+y2-y3) + sr)
		v.lines[2].in(0.5*(y0+y1-y2-y3) + sl)
		v.lines[3].in(0.5*(y0-y1-y2+y3) - sr)
		outL[j], outR[j] = y0+y2, y1+y3
	}
	v.damp = [4]float32{dsp.Flush(d0), dsp.Flush(d1), dsp.Flush(d2), dsp.Flush(d3)}
}
