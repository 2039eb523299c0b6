package meter

import "fmt"

// phaseTaps is the length of each polyphase branch of the BS.1770-4 Annex 2
// interpolator (48 taps, 4 phases).
const phaseTaps = 12

// interpolate returns the four phases of the ITU-R BS.1770-4 Annex 2
// interpolating filter for the window w of the last 12 samples, oldest
// first: the values a quarter of a sample apart that lie between the
// samples near the window's middle. The coefficients are the Annex's table,
// each phase reversed because w runs oldest first; they are exact binary
// fractions, so exact in float32. The sums are written as trees so the
// additions do not wait on one another. It is real-time safe.
func interpolate(w *[phaseTaps]float32) (y0, y1, y2, y3 float32) {
	x0, x1, x2, x3, x4, x5 := w[0], w[1], w[2], w[3], w[4], w[5]
	x6, x7, x8, x9, x10, x11 := w[6], w[7], w[8], w[9], w[10], w[11]
	y0 = ((-0.0083007812500*x0 + 0.0148925781250*x1) + (-0.0266113281250*x2 + 0.0476074218750*x3)) +
		((-0.1022949218750*x4 + 0.9721679687500*x5) + (0.1373291015625*x6 - 0.0594482421875*x7)) +
		((0.0332031250000*x8 - 0.0196533203125*x9) + (0.0109863281250*x10 + 0.0017089843750*x11))
	y1 = ((-0.0189208984375*x0 + 0.0330810546875*x1) + (-0.0582275390625*x2 + 0.1015625000000*x3)) +
		((-0.2003173828125*x4 + 0.7797851562500*x5) + (0.4650878906250*x6 - 0.1665039062500*x7)) +
		((0.0891113281250*x8 - 0.0517578125000*x9) + (0.0292968750000*x10 - 0.0291748046875*x11))
	y2 = ((-0.0291748046875*x0 + 0.0292968750000*x1) + (-0.0517578125000*x2 + 0.0891113281250*x3)) +
		((-0.1665039062500*x4 + 0.4650878906250*x5) + (0.7797851562500*x6 - 0.2003173828125*x7)) +
		((0.1015625000000*x8 - 0.0582275390625*x9) + (0.0330810546875*x10 - 0.0189208984375*x11))
	y3 = ((0.0017089843750*x0 + 0.0109863281250*x1) + (-0.0196533203125*x2 + 0.0332031250000*x3)) +
		((-0.0594482421875*x4 + 0.1373291015625*x5) + (0.9721679687500*x6 - 0.1022949218750*x7)) +
		((0.0476074218750*x8 - 0.0266113281250*x9) + (0.0148925781250*x10 - 0.0083007812500*x11))
	return y0, y1, y2, y3
}

// TruePeakReading is one read of a TruePeak meter.
type TruePeakReading struct {
	PeakDBTP        float64 // highest true peak since the previous Read
	MaxDBTP         float64 // highest true peak since Prepare or Reset (latched)
	SamplePeakDBFS  float64 // highest sample since Prepare or Reset (latched)
	OversampleRatio int     // 4, 2 or 1 (the samples are already dense enough)
}

// TruePeak measures the true (inter-sample) peak of one channel per ITU-R
// BS.1770-4 Annex 2: the signal is oversampled 4× at rates below 88.2 kHz
// and 2× below 176.4 kHz with the Annex's 48-tap polyphase filter, and the
// reading is the larger of the filter output and the sample peak, so that
// peaks on a sample never under-read.
type TruePeak struct {
	ratio        int
	buf          []float32 // phaseTaps-1 samples of history, then the block
	maxSinceRead float32
	maxLatched   float32
	sampleMax    float32
}

// Prepare sets the meter up for sampleRateHz and resets it.
func (t *TruePeak) Prepare(sampleRateHz int) error {
	switch {
	case sampleRateHz <= 0:
		return fmt.Errorf("meter: true peak: bad sample rate %d Hz", sampleRateHz)
	case sampleRateHz < 88200:
		t.ratio = 4
	case sampleRateHz < 176400:
		t.ratio = 2
	default:
		t.ratio = 1
	}
	t.buf = make([]float32, phaseTaps-1+MaxBlockFrames)
	t.Reset()
	return nil
}

// Process meters one block of one channel. It is real-time safe.
func (t *TruePeak) Process(samples []float32) {
	for len(samples) > 0 {
		n := min(len(samples), MaxBlockFrames)
		t.processBlock(samples[:n])
		samples = samples[n:]
	}
}

// processBlock handles at most MaxBlockFrames samples. It is real-time safe.
func (t *TruePeak) processBlock(samples []float32) {
	const history = phaseTaps - 1
	var peak float32
	block := t.buf[history : history+len(samples)]
	for i, x := range samples {
		x = finite(x)
		block[i] = x
		peak = max32(peak, abs32(x))
	}
	t.sampleMax = max32(t.sampleMax, peak)
	// Silence after silent history interpolates to exactly zero: an idle
	// mixer skips the oversampling, most of the meter's cost.
	if t.ratio > 1 && (peak != 0 || !allZero(t.buf[:history])) {
		peak = max32(peak, interpolatedPeak(t.buf[:history+len(samples)], t.ratio))
	}
	copy(t.buf[:history], t.buf[len(samples):len(samples)+history])
	t.maxSinceRead = max32(t.maxSinceRead, peak)
	t.maxLatched = max32(t.maxLatched, peak)
}

// allZero reports whether every sample of b is zero. It is real-time safe.
func allZero(b []float32) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

// interpolatedPeak returns the largest |value| the interpolator produces
// over buf, whose first phaseTaps-1 samples are history: all four phases
// for 4× oversampling, phases 0 and 2 (the same filter as a 2×
// interpolator) for 2×. It is real-time safe.
func interpolatedPeak(buf []float32, ratio int) float32 {
	var hi, lo float32
	for n := 0; n+phaseTaps <= len(buf); n++ {
		y0, y1, y2, y3 := interpolate((*[phaseTaps]float32)(buf[n : n+phaseTaps]))
		if ratio == 2 {
			y1, y3 = y0, y2
		}
		// Comparing each value with the running extreme, rarely true,
		// keeps the branches predictable.
		hi = max32(max32(max32(max32(hi, y0), y1), y2), y3)
		lo = min32(min32(min32(min32(lo, y0), y1), y2), y3)
	}
	return max32(hi, -lo)
}

// max32 and min32 are plain comparisons; the builtins' NaN handling is not
// needed (inputs are finite) and costs time in this loop. They are
// real-time safe.
func max32(a, b float32) float32 {
	if a > b {
		return a
	}
	return b
}

func min32(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

// Read returns the meter's reading and starts a new max-since-read period.
// It is real-time safe.
func (t *TruePeak) Read() TruePeakReading {
	r := TruePeakReading{
		PeakDBTP:        amplitudeDB(float64(t.maxSinceRead)),
		MaxDBTP:         amplitudeDB(float64(t.maxLatched)),
		SamplePeakDBFS:  amplitudeDB(float64(t.sampleMax)),
		OversampleRatio: t.ratio,
	}
	t.maxSinceRead = 0
	return r
}

// Reset clears the history and the latched maxima. It is real-time safe.
func (t *TruePeak) Reset() {
	clear(t.buf)
	t.maxSinceRead, t.maxLatched, t.sampleMax = 0, 0, 0
}
