package dsp

import "math"

// Limiter timing.
const (
	// LimiterLookaheadSeconds is how far ahead the limiter looks, and so its
	// latency: long enough for a smooth attack, short enough to stay in
	// time with the booth and the DJ's headphones.
	LimiterLookaheadSeconds = 0.0015
	limiterReleaseSeconds   = 0.080
)

// Limiter is a stereo-linked lookahead brickwall limiter; see the package
// documentation for how it keeps every sample at or under the ceiling.
//
// Its analysis always runs, so switching it on finds it warm; the caller
// chooses between its output and the undelayed input.
type Limiter struct {
	lookahead  int     // L: the latency in frames; windows are L+1 long
	ceiling    float32 // linear
	releaseMul float64 // per-frame recovery share of the gap to 1

	delayL, delayR []float32 // L frames, the oldest at delayPos
	delayPos       int

	// Sliding minimum of the needed gain over the last L+1 frames: a
	// monotonic queue of (gain, frame) in a ring sized to a power of two.
	minGain          []float32
	minFrame         []int64
	minMask          int64
	minHead, minTail int64 // queue holds [minHead, minTail)
	frame            int64

	released float64   // the held gain after release smoothing
	box      []float64 // the last L+1 released gains, the oldest at boxPos
	boxPos   int
	boxSum   float64

	gainNow float32 // last applied gain
	gainMin float32 // smallest applied gain since ReadGain

	// fullOnly makes every block take the full computation; tests set it
	// to check the shortcut under the ceiling against it.
	fullOnly bool
}

// NewLimiter returns a limiter for sampleRateHz with its ceiling at
// ceilingDB dBFS.
func NewLimiter(sampleRateHz float64, ceilingDB float64) *Limiter {
	l := int(math.Round(LimiterLookaheadSeconds * sampleRateHz))
	l = max(l, 1)
	n := int64(2)
	for n < int64(l+1) {
		n <<= 1
	}
	lim := &Limiter{
		lookahead:  l,
		releaseMul: 1 - math.Exp(-1/(limiterReleaseSeconds*sampleRateHz)),
		delayL:     make([]float32, l),
		delayR:     make([]float32, l),
		minGain:    make([]float32, n),
		minFrame:   make([]int64, n),
		minMask:    n - 1,
		box:        make([]float64, l+1),
	}
	lim.SetCeilingDB(ceilingDB)
	lim.Reset()
	return lim
}

// Reset forgets all history: the delay line is silent and the gain is 1.
func (m *Limiter) Reset() {
	clear(m.delayL)
	clear(m.delayR)
	for i := range m.box {
		m.box[i] = 1
	}
	m.boxSum = float64(len(m.box))
	m.released = 1
	m.minHead, m.minTail, m.frame, m.delayPos, m.boxPos = 0, 0, 0, 0, 0
	m.gainNow, m.gainMin = 1, 1
}

// LatencyFrames is the delay from input to output.
//
// LatencyFrames is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) LatencyFrames() int { return m.lookahead }

// SetCeilingDB sets the ceiling in dBFS (at most 0).
//
// SetCeilingDB is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) SetCeilingDB(db float64) {
	m.ceiling = float32(math.Pow(10, math.Min(db, 0)/20))
}

// Ceiling is the linear ceiling no output sample passes.
//
// Ceiling is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) Ceiling() float32 { return m.ceiling }

// ReadGain returns the smallest gain applied since the previous call
// (1 = no reduction) and starts a new interval.
//
// ReadGain is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) ReadGain() float32 {
	g := m.gainMin
	m.gainMin = m.gainNow
	return g
}

// Process limits the stereo block: inL/inR are read, outL/outR receive the
// input delayed by LatencyFrames and limited to the ceiling. Input and
// output may not overlap.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) Process(inL, inR, outL, outR []float32) {
	m.ProcessKeyed(inL, inR, inL, inR, outL, outR)
}

// ProcessKeyed is Process with a side chain: the gain is computed from
// keyL/keyR and applied to inL/inR, delayed by LatencyFrames. With the key
// equal to the input it is Process. The final clamp still holds every
// output sample at the ceiling, so where the input is louder than its key
// the excess is clipped, not limited. Key, input and output may not
// overlap, except that the key may be the input.
//
// ProcessKeyed is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) ProcessKeyed(keyL, keyR, inL, inR, outL, outR []float32) {
	n := len(inL)
	keyL, keyR, inR, outL, outR = keyL[:n], keyR[:n], inR[:n], outL[:n], outR[:n]
	if !m.fullOnly && m.settledUnder(keyL, keyR) {
		m.passUnder(inL, inR, outL, outR)
		return
	}
	c := m.ceiling
	window := int64(m.lookahead + 1)
	boxLen := float64(len(m.box))
	gainMin := m.gainMin
	for i := 0; i < n; i++ {
		xl, xr := inL[i], inR[i]
		peak := abs32(keyL[i])
		if ar := abs32(keyR[i]); ar > peak {
			peak = ar
		}
		need := float32(1)
		if peak > c {
			need = c / peak
		}

		// Sliding minimum over the window ending at this frame.
		for m.minTail > m.minHead && m.minGain[(m.minTail-1)&m.minMask] >= need {
			m.minTail--
		}
		m.minGain[m.minTail&m.minMask] = need
		m.minFrame[m.minTail&m.minMask] = m.frame
		m.minTail++
		if m.minFrame[m.minHead&m.minMask] <= m.frame-window {
			m.minHead++
		}
		held := float64(m.minGain[m.minHead&m.minMask])

		// Release: recover exponentially, never above what is held.
		m.released = math.Min(held, m.released+(1-m.released)*m.releaseMul)

		// Moving average over the window, exact sum refreshed each lap.
		m.boxSum += m.released - m.box[m.boxPos]
		m.box[m.boxPos] = m.released
		gain := float32(m.boxSum / boxLen)
		m.boxPos++
		if m.boxPos == len(m.box) {
			m.boxPos = 0
			m.boxSum = 0
			for _, g := range m.box {
				m.boxSum += g
			}
		}

		// The delay line's oldest frame leaves as the newest one enters:
		// it is the frame that entered the window L frames ago, the
		// oldest one every gain in the average has seen.
		yl, yr := m.delayL[m.delayPos], m.delayR[m.delayPos]
		m.delayL[m.delayPos], m.delayR[m.delayPos] = xl, xr
		m.delayPos++
		if m.delayPos == len(m.delayL) {
			m.delayPos = 0
		}
		m.frame++

		if gain > 1 {
			gain = 1
		}
		if gain < gainMin {
			gainMin = gain
		}
		outL[i] = clamp32(yl*gain, c)
		outR[i] = clamp32(yr*gain, c)
		m.gainNow = gain
	}
	m.gainMin = gainMin
	if m.released > 1-1e-9 {
		m.released = 1
	}
}

// settledUnder reports whether the block's key stays at or under the
// ceiling and reaches a limiter at rest: every gain in the window 1. The
// full computation would then delay the input at a gain of 1 and leave the
// limiter at rest, which passUnder does at a fraction of the cost; music
// under the ceiling and an idle mixer spend most of their time here.
//
// settledUnder is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) settledUnder(keyL, keyR []float32) bool {
	if m.released != 1 || m.boxSum != float64(len(m.box)) {
		return false
	}
	for j := m.minHead; j < m.minTail; j++ {
		if m.minGain[j&m.minMask] != 1 {
			return false
		}
	}
	for _, g := range m.box {
		if g != 1 {
			return false
		}
	}
	c := m.ceiling
	for i := range keyL {
		if abs32(keyL[i]) > c || abs32(keyR[i]) > c {
			return false
		}
	}
	return true
}

// passUnder moves a limiter at rest through a block whose key stays under
// the ceiling, leaving output and state exactly as the full computation
// would: the input delayed at a gain of 1 (clamped, for an input louder
// than its key), the window's queue holding the last frame's gain of 1,
// the ring positions moved on.
//
// passUnder is real-time safe: no allocation, no lock, no system call.
func (m *Limiter) passUnder(inL, inR, outL, outR []float32) {
	n := len(inL)
	if n == 0 {
		return
	}
	c := m.ceiling
	delayL, delayR := m.delayL, m.delayR[:len(m.delayL)]
	pos := m.delayPos
	for i := range n {
		yl, yr := delayL[pos], delayR[pos]
		delayL[pos], delayR[pos] = inL[i], inR[i]
		if pos++; pos == len(delayL) {
			pos = 0
		}
		outL[i] = clamp32(yl, c)
		outR[i] = clamp32(yr, c)
	}
	m.delayPos = pos
	m.frame += int64(n)
	m.minTail = m.minHead + 1
	m.minGain[m.minHead&m.minMask] = 1
	m.minFrame[m.minHead&m.minMask] = m.frame - 1
	m.boxPos = (m.boxPos + n) % len(m.box)
	m.gainNow = 1
	m.gainMin = min(m.gainMin, 1)
}

// abs32 is real-time safe: no allocation, no lock, no system call.
func abs32(x float32) float32 {
	return math.Float32frombits(math.Float32bits(x) &^ (1 << 31))
}

// clamp32 limits x to ±c. It only ever trims rounding error: the gain has
// already brought the sample to the ceiling. Plain comparisons, because
// the min and max builtins pay for NaN rules the guarded signal never needs.
//
// clamp32 is real-time safe: no allocation, no lock, no system call.
func clamp32(x, c float32) float32 {
	if x > c {
		return c
	}
	if x < -c {
		return -c
	}
	return x
}
