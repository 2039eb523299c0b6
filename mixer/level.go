package mixer

import "math"

// rmsWindowSeconds is the time constant of the meters' RMS.
const rmsWindowSeconds = 0.3

// levelMeter measures peak and RMS of one stereo signal for the MeterFrame.
// The broadcast meters (VU, PPM, loudness) live in mixer/meter; this is the
// cheap per-strip reading the engine can afford for every channel.
//
// The RMS is an exponential average of the square with a time constant of
// rmsWindowSeconds, advanced once per block: the block's mean square is
// weighted in by 1 − d, d = exp(−frames/(τ·fs)), which is exact for a
// steady signal and keeps the per-sample work to a sum of squares.
type levelMeter struct {
	peakL, peakR float32 // max |x| since the last fold
	msL, msR     float64 // mean square
	rateHz       float64
}

func (m *levelMeter) init(sampleRateHz int) {
	*m = levelMeter{rateHz: float64(sampleRateHz)}
}

// process measures one block; r may alias l for a mono signal.
//
// process is real-time safe: no allocation, no lock, no system call.
func (m *levelMeter) process(l, r []float32) {
	if len(l) == 0 {
		return
	}
	r = r[:len(l)]
	// Two frames a step, each with its own sums: the additions into one
	// sum wait on one another, so two sums per side run twice as fast.
	// The peaks compare the bits of |x|, which order as the values do
	// (the input is finite, see the guard); max on integers needs no
	// branch, where the max builtin on floats pays for NaN and −0 rules.
	peakL, peakR := math.Float32bits(m.peakL), math.Float32bits(m.peakR)
	var sumL, sumR, sumL2, sumR2 float32
	i := 0
	for ; i+1 < len(l); i += 2 {
		x, y, x2, y2 := l[i], r[i], l[i+1], r[i+1]
		sumL += x * x
		sumR += y * y
		sumL2 += x2 * x2
		sumR2 += y2 * y2
		peakL = max(peakL, math.Float32bits(x)&^(1<<31), math.Float32bits(x2)&^(1<<31))
		peakR = max(peakR, math.Float32bits(y)&^(1<<31), math.Float32bits(y2)&^(1<<31))
	}
	if i < len(l) {
		x, y := l[i], r[i]
		sumL += x * x
		sumR += y * y
		peakL = max(peakL, math.Float32bits(x)&^(1<<31))
		peakR = max(peakR, math.Float32bits(y)&^(1<<31))
	}
	sumL, sumR = sumL+sumL2, sumR+sumR2
	m.peakL, m.peakR = math.Float32frombits(peakL), math.Float32frombits(peakR)
	frames := float64(len(l))
	d := math.Exp(-frames / (rmsWindowSeconds * m.rateHz))
	m.msL = m.msL*d + (1-d)*float64(sumL)/frames
	m.msR = m.msR*d + (1-d)*float64(sumR)/frames
	if m.msL < 1e-30 {
		m.msL = 0
	}
	if m.msR < 1e-30 {
		m.msR = 0
	}
}

// fold adds this meter's peaks since the last fold into dst (max), sets its
// RMS and starts a new interval.
//
// fold is real-time safe: no allocation, no lock, no system call.
func (m *levelMeter) fold(dst *LevelMeter) {
	dst.PeakL = max(dst.PeakL, m.peakL)
	dst.PeakR = max(dst.PeakR, m.peakR)
	dst.ClipL = dst.ClipL || m.peakL >= 1
	dst.ClipR = dst.ClipR || m.peakR >= 1
	dst.RMSL = float32(math.Sqrt(m.msL))
	dst.RMSR = float32(math.Sqrt(m.msR))
	m.peakL, m.peakR = 0, 0
}
