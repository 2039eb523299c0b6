package meter

import (
	"fmt"
	"math"
)

// KType is one of Bob Katz's K-system meters, named by the headroom above
// its 0 mark.
type KType int

// The K-system meters; the value is the dBFS level of the 0 mark, negated.
const (
	K20 KType = 20
	K14 KType = 14
	K12 KType = 12
)

// KRiseSeconds is the time the RMS reading of a suddenly applied steady
// tone takes to reach 99 % of its final value.
const KRiseSeconds = 0.6

// KReading is one read of a K-system meter, in dB relative to its 0 mark.
type KReading struct {
	LevelK float64 // RMS reading now, sine calibrated
	MaxK   float64 // highest RMS reading since the previous Read
}

// KMeter is a K-system RMS meter for one channel: the mean square smoothed
// with a time constant so that a steady tone reaches 99 % of its RMS in
// 600 ms, then sine calibrated (+3.01 dB) so a sine reads its peak level.
// 0 on the K-20 scale is -20 dBFS, and likewise for K-14 and K-12.
type KMeter struct {
	coefficient  float64
	zeroDBFS     float64
	meanSquare   float64
	maxSinceRead float64
}

// Prepare sets the meter up as kType for sampleRateHz and resets it.
func (k *KMeter) Prepare(sampleRateHz int, kType KType) error {
	if sampleRateHz <= 0 {
		return fmt.Errorf("meter: K-meter: bad sample rate %d Hz", sampleRateHz)
	}
	if kType != K20 && kType != K14 && kType != K12 {
		return fmt.Errorf("meter: K-meter: unknown type K-%d", int(kType))
	}
	// sqrt(1-exp(-t/tau)) = 0.99 at t = KRiseSeconds.
	tau := KRiseSeconds / -math.Log(1-0.99*0.99)
	k.coefficient = timeConstantCoefficient(tau, sampleRateHz)
	k.zeroDBFS = -float64(kType)
	k.Reset()
	return nil
}

// Process meters one block of one channel. It is real-time safe.
func (k *KMeter) Process(samples []float32) {
	ms, peak, c := k.meanSquare, k.maxSinceRead, k.coefficient
	for _, x := range samples {
		v := float64(finite(x))
		ms += c * (v*v - ms)
		if ms > peak {
			peak = ms
		}
	}
	k.meanSquare, k.maxSinceRead = flushDenormal(ms), peak
}

// kLevel converts a mean square to the sine-calibrated K reading. It is
// real-time safe.
func (k *KMeter) kLevel(meanSquare float64) float64 {
	if meanSquare <= 0 {
		return math.Inf(-1)
	}
	return 10*math.Log10(2*meanSquare) - k.zeroDBFS
}

// Read returns the reading and starts a new max-since-read period. It is
// real-time safe.
func (k *KMeter) Read() KReading {
	r := KReading{LevelK: k.kLevel(k.meanSquare), MaxK: k.kLevel(k.maxSinceRead)}
	k.maxSinceRead = k.meanSquare
	return r
}

// Reset brings the meter to rest. It is real-time safe.
func (k *KMeter) Reset() { k.meanSquare, k.maxSinceRead = 0, 0 }
