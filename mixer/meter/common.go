package meter

import "math"

// MaxBlockFrames is the longest block a meter processes in one pass; longer
// blocks are split, so Process accepts any length without allocating. It
// matches the largest period any backend hands to the engine.
const MaxBlockFrames = 8192

// finite returns x, or 0 when x is NaN or ±Inf (x-x is NaN only for those).
// It is real-time safe.
func finite(x float32) float32 {
	if x-x != 0 {
		return 0
	}
	return x
}

// abs32 is real-time safe.
func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// amplitudeDB converts a linear amplitude to dB; silence is -Inf.
// It is real-time safe.
func amplitudeDB(linear float64) float64 {
	if linear <= 0 {
		return math.Inf(-1)
	}
	return 20 * math.Log10(linear)
}

// dbAmplitude converts dB to a linear amplitude. It is real-time safe.
func dbAmplitude(levelDB float64) float64 {
	return math.Pow(10, levelDB/20)
}

// flushDenormal returns 0 for values so small that, left in a recursive
// filter fed with silence, they would decay into slow subnormal arithmetic.
// It is real-time safe.
func flushDenormal(x float64) float64 {
	if x > -1e-30 && x < 1e-30 {
		return 0
	}
	return x
}

// timeConstantCoefficient is the per-sample weight of a one-pole smoother
// with time constant tauSeconds: y += c*(x-y).
func timeConstantCoefficient(tauSeconds float64, sampleRateHz int) float64 {
	return 1 - math.Exp(-1/(tauSeconds*float64(sampleRateHz)))
}
