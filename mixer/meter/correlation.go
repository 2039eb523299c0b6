package meter

import (
	"fmt"
	"math"
)

// CorrelationSeconds is the integration time constant of the phase
// correlation meter.
const CorrelationSeconds = 0.3

// correlationSilence is the mean-square product below which a stereo pair
// is treated as silent and reads 0 (about -120 dBFS on each side).
const correlationSilence = 1e-24

// CorrelationReading is one read of a Correlation meter, from -1 (out of
// phase) through 0 (unrelated) to +1 (mono).
type CorrelationReading struct {
	Correlation float64 // now
	Min         float64 // lowest since the previous Read: a phase problem is never missed
}

// Correlation measures the phase correlation of a stereo pair: the mean of
// L·R over the geometric mean of the mean squares of L and R, each smoothed
// with a 300 ms time constant.
type Correlation struct {
	coefficient       float64
	lr, ll, rr        float64
	minSinceRead      float64
	minSinceReadValid bool
}

// Prepare sets the meter up for sampleRateHz and resets it.
func (c *Correlation) Prepare(sampleRateHz int) error {
	if sampleRateHz <= 0 {
		return fmt.Errorf("meter: correlation: bad sample rate %d Hz", sampleRateHz)
	}
	c.coefficient = timeConstantCoefficient(CorrelationSeconds, sampleRateHz)
	c.Reset()
	return nil
}

// Process meters one block of a stereo pair; extra samples of the longer
// side are ignored. It is real-time safe.
func (c *Correlation) Process(left, right []float32) {
	n := min(len(left), len(right))
	left, right = left[:n], right[:n]
	k := c.coefficient
	lr, ll, rr := c.lr, c.ll, c.rr
	for i := range left {
		l, r := float64(finite(left[i])), float64(finite(right[i]))
		lr += k * (l*r - lr)
		ll += k * (l*l - ll)
		rr += k * (r*r - rr)
	}
	c.lr, c.ll, c.rr = flushDenormal(lr), flushDenormal(ll), flushDenormal(rr)
	now := c.value()
	if !c.minSinceReadValid || now < c.minSinceRead {
		c.minSinceRead, c.minSinceReadValid = now, true
	}
}

// value is real-time safe.
func (c *Correlation) value() float64 {
	p := c.ll * c.rr
	if p < correlationSilence {
		return 0
	}
	return max(-1, min(1, c.lr/math.Sqrt(p)))
}

// Read returns the reading and starts a new min-since-read period. It is
// real-time safe.
func (c *Correlation) Read() CorrelationReading {
	now := c.value()
	r := CorrelationReading{Correlation: now, Min: now}
	if c.minSinceReadValid {
		r.Min = min(now, c.minSinceRead)
	}
	c.minSinceReadValid = false
	return r
}

// Reset clears the integrators. It is real-time safe.
func (c *Correlation) Reset() {
	c.lr, c.ll, c.rr, c.minSinceRead, c.minSinceReadValid = 0, 0, 0, 0, false
}
