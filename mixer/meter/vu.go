package meter

import (
	"fmt"
	"math"
)

// IEC 60268-17 VU meter dynamics.
const (
	// VURiseSeconds is the time a suddenly applied steady tone takes to
	// first reach 99 % of its final reading.
	VURiseSeconds = 0.3
	// VUOvershoot is the fraction by which the needle overshoots the final
	// reading; the standard allows 1 to 1.5 %.
	VUOvershoot = 0.0125
	// DefaultVUReferenceDBFS is the sine peak level that reads 0 VU.
	DefaultVUReferenceDBFS = -18.0
)

// VUReading is one read of a VU meter, in VU (dB relative to the reference).
type VUReading struct {
	VU    float64 // needle position now
	MaxVU float64 // highest needle position since the previous Read
}

// VU is a volume indicator per IEC 60268-17 for one channel: a full-wave
// rectifier driving a second-order, slightly underdamped needle that reaches
// 99 % of a steady tone in 300 ms and overshoots by 1.25 %. It is calibrated
// so a steady sine reads its peak level, and the reference level (default
// -18 dBFS) reads 0 VU.
type VU struct {
	dtSeconds      float64
	omegaRadPerSec float64
	damping        float64
	referenceDBFS  float64
	position       float64 // needle, linear, sine-peak calibrated
	velocity       float64
	maxSinceRead   float64
}

// Prepare sets the meter up for sampleRateHz and resets it.
func (v *VU) Prepare(sampleRateHz int) error {
	if sampleRateHz <= 0 {
		return fmt.Errorf("meter: VU: bad sample rate %d Hz", sampleRateHz)
	}
	v.dtSeconds = 1 / float64(sampleRateHz)
	v.damping = dampingForOvershoot(VUOvershoot)
	v.omegaRadPerSec = riseTimeAtUnitOmega(v.damping, 0.99) / VURiseSeconds
	v.referenceDBFS = DefaultVUReferenceDBFS
	v.Reset()
	return nil
}

// dampingForOvershoot returns the damping ratio of a second-order system
// whose step response overshoots by the given fraction.
func dampingForOvershoot(overshoot float64) float64 {
	l := math.Log(overshoot)
	return -l / math.Sqrt(math.Pi*math.Pi+l*l)
}

// riseTimeAtUnitOmega returns the time at which the step response of a
// second-order system with natural frequency 1 rad/s first reaches level;
// the rise time scales as 1/omega.
func riseTimeAtUnitOmega(damping, level float64) float64 {
	wd := math.Sqrt(1 - damping*damping)
	step := func(t float64) float64 {
		return 1 - math.Exp(-damping*t)*(math.Cos(wd*t)+damping/wd*math.Sin(wd*t))
	}
	lo, hi := 0.0, math.Pi/wd // the response peaks at pi/wd, above level
	for range 100 {
		mid := (lo + hi) / 2
		if step(mid) < level {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// SetReferenceDBFS sets the sine peak level that reads 0 VU. It is
// real-time safe.
func (v *VU) SetReferenceDBFS(referenceDBFS float64) { v.referenceDBFS = referenceDBFS }

// Process meters one block of one channel. It is real-time safe.
func (v *VU) Process(samples []float32) {
	// The rectified mean of a sine is 2/pi of its peak; scaling by pi/2
	// makes a steady sine read its peak.
	const sineCalibration = math.Pi / 2
	w2 := v.omegaRadPerSec * v.omegaRadPerSec
	d := 2 * v.damping * v.omegaRadPerSec
	dt := v.dtSeconds
	pos, vel, peak := v.position, v.velocity, v.maxSinceRead
	for _, x := range samples {
		drive := sineCalibration * float64(abs32(finite(x)))
		vel += dt * (w2*(drive-pos) - d*vel)
		pos += dt * vel
		if pos > peak {
			peak = pos
		}
	}
	v.position, v.velocity, v.maxSinceRead = flushDenormal(pos), flushDenormal(vel), peak
}

// Read returns the needle position and starts a new max-since-read period.
// It is real-time safe.
func (v *VU) Read() VUReading {
	r := VUReading{
		VU:    amplitudeDB(v.position) - v.referenceDBFS,
		MaxVU: amplitudeDB(v.maxSinceRead) - v.referenceDBFS,
	}
	v.maxSinceRead = v.position
	return r
}

// Reset brings the needle to rest. It is real-time safe.
func (v *VU) Reset() { v.position, v.velocity, v.maxSinceRead = 0, 0, 0 }
