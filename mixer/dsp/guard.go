package dsp

// denormalFloor is the magnitude under which filter state is set to zero.
// It is far below anything audible (−400 dB) and far above the subnormal
// range (about 1e-38 for float32), so decaying state never gets there.
const denormalFloor = 1e-20

// Flush returns x, or 0 when |x| is below the denormal floor.
//
// Flush is real-time safe: no allocation, no lock, no system call.
func Flush(x float32) float32 {
	if x < denormalFloor && x > -denormalFloor {
		return 0
	}
	return x
}

// MaxSaneAmplitude is the largest input sample the mixer accepts: +60 dBFS.
// Anything beyond it is not audio but a broken source, and could overflow
// filter state into Inf after gain and resonance.
const MaxSaneAmplitude = 1000

// CopySane copies src into dst and reports whether every sample was finite
// and within ±MaxSaneAmplitude. dst must be at least as long as src.
//
// CopySane is real-time safe: no allocation, no lock, no system call.
func CopySane(dst, src []float32) bool {
	dst = dst[:len(src)]
	sane := true
	for i, x := range src {
		dst[i] = x
		// The negated comparison is also true for NaN.
		if !(x <= MaxSaneAmplitude && x >= -MaxSaneAmplitude) {
			sane = false
		}
	}
	return sane
}
