package fx

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// line is a mono delay line whose length is a power of two.
type line struct {
	buf   []float32
	mask  int
	pos   int // where the next write goes
	valid int // samples written since the last reset, at most len(buf)
}

// newLine allocates a line that can delay by at least frames.
func newLine(frames int) line {
	n := 1
	for n < frames+1 {
		n <<= 1
	}
	return line{buf: make([]float32, n), mask: n - 1}
}

// maxDelay is the longest delay the line holds, in frames.
//
// maxDelay is real-time safe: no allocation, no lock, no system call.
func (l *line) maxDelay() int { return len(l.buf) - 1 }

// write appends x, flushed of subnormal values.
//
// write is real-time safe: no allocation, no lock, no system call.
func (l *line) write(x float32) {
	l.buf[l.pos] = dsp.Flush(x)
	l.pos = (l.pos + 1) & l.mask
	if l.valid < len(l.buf) {
		l.valid++
	}
}

// at is the sample written d writes ago (1 ≤ d ≤ maxDelay), or 0 where
// nothing was written since the last reset.
//
// at is real-time safe: no allocation, no lock, no system call.
func (l *line) at(d int) float32 {
	if d > l.valid {
		return 0
	}
	return l.buf[(l.pos-d)&l.mask]
}

// frac reads between samples, d ≥ 1 frames back, by linear interpolation.
//
// frac is real-time safe: no allocation, no lock, no system call.
func (l *line) frac(d float32) float32 {
	i := int(d)
	f := d - float32(i)
	return l.at(i)*(1-f) + l.at(i+1)*f
}

// reset empties the line without touching its memory: reads reach only
// what is written after it.
//
// reset is real-time safe: no allocation, no lock, no system call.
func (l *line) reset() { l.valid = 0 }

// taps reads a delay line pair at a delay that can change: a new delay
// crossfades from the old tap to the new one over the ramp, so a change of
// tempo or beat fraction never jumps.
type taps struct {
	a, b int      // the delay read now, the one faded to
	xf   dsp.Ramp // 0 reads a, 1 reads b
}

// init is real-time safe: no allocation, no lock, no system call.
func (t *taps) init(delay, rampFrames int) {
	t.a, t.b = delay, delay
	t.xf.Init(0, rampFrames)
}

// target starts a crossfade to delay unless one is running.
//
// target is real-time safe: no allocation, no lock, no system call.
func (t *taps) target(delay int) {
	if delay == t.a || t.xf.Moving() {
		return
	}
	t.b = delay
	t.xf.Jump(0)
	t.xf.Set(1)
}

// longest is the longer of the two delays.
//
// longest is real-time safe: no allocation, no lock, no system call.
func (t *taps) longest() int { return max(t.a, t.b) }

// read returns the taps of l and r for the next frame.
//
// read is real-time safe: no allocation, no lock, no system call.
func (t *taps) read(l, r *line) (float32, float32) {
	if !t.xf.Moving() {
		return l.at(t.a), r.at(t.a)
	}
	x := t.xf.Next()
	vl := l.at(t.a)*(1-x) + l.at(t.b)*x
	vr := r.at(t.a)*(1-x) + r.at(t.b)*x
	if !t.xf.Moving() {
		t.a = t.b
		t.xf.Jump(0)
	}
	return vl, vr
}

// sanitize replaces NaN, Inf and samples beyond ±maxInput by silence.
//
// sanitize is real-time safe: no allocation, no lock, no system call.
func sanitize(buf []float32) {
	for i, x := range buf {
		if !(x <= maxInput && x >= -maxInput) {
			buf[i] = 0
		}
	}
}

// sanitize2 is sanitize on two buffers of the same length at once.
//
// sanitize2 is real-time safe: no allocation, no lock, no system call.
func sanitize2(l, r []float32) {
	r = r[:len(l)]
	for i, x := range l {
		y := r[i]
		if !(x <= maxInput && x >= -maxInput && y <= maxInput && y >= -maxInput) {
			if !(x <= maxInput && x >= -maxInput) {
				l[i] = 0
			}
			if !(y <= maxInput && y >= -maxInput) {
				r[i] = 0
			}
		}
	}
}

// maxInput is the largest sample a unit takes in: +80 dBFS, far beyond
// audio, small enough that no feedback path can overflow.
const maxInput = 1e4

// silenceFloor is the level (−100 dBFS) under which a tail counts as gone.
const silenceFloor = 1e-5

// quietBlock reports whether both buffers stay below silenceFloor in RMS.
//
// quietBlock is real-time safe: no allocation, no lock, no system call.
func quietBlock(l, r []float32) bool {
	var e float32
	r = r[:len(l)]
	for i, x := range l {
		e += x*x + r[i]*r[i]
	}
	return e < silenceFloor*silenceFloor*float32(len(l))
}

// onePoleCoef is the coefficient of a one-pole low-pass at hz.
//
// onePoleCoef is real-time safe: no allocation, no lock, no system call.
func onePoleCoef(hz, sampleRateHz float64) float32 {
	return float32(1 - math.Exp(-2*math.Pi*min(hz, 0.45*sampleRateHz)/sampleRateHz))
}
