package meter

import (
	"fmt"
	"math"
)

// EBU R128 / ITU-R BS.1770-4 / EBU Tech 3341 and 3342 constants.
const (
	// DefaultTargetLUFS is the EBU R128 programme target; streaming
	// services commonly ask for -14 or -16 instead.
	DefaultTargetLUFS = -23.0

	absoluteGateLUFS         = -70.0
	integratedRelativeGateLU = -10.0
	rangeRelativeGateLU      = -20.0
	rangeLowPercentile       = 0.10
	rangeHighPercentile      = 0.95

	// loudnessOffsetDB is the BS.1770 constant that makes a 1 kHz sine at
	// x dBFS on both channels of a stereo pair read x LUFS.
	loudnessOffsetDB = -0.691

	// The signal's K-weighted energy is summed over 10 ms sub-blocks, so
	// momentary and short-term loudness update 100 times a second and a
	// maximum is never off by more than 10 ms of window position.
	subBlocksPerSecond  = 100
	momentarySubBlocks  = 40  // 400 ms
	shortTermSubBlocks  = 300 // 3 s
	gatingStepSubBlocks = 10  // 100 ms: 75 % overlap of 400 ms gating blocks
	// rangeStepSubBlocks is the step of the short-term values that build
	// the loudness range: 10 Hz, as Tech 3342 asks.
	rangeStepSubBlocks = 10
)

// surroundWeight is the BS.1770 channel weight of the surround channels.
const surroundWeight = 1.41

// biquad holds the coefficients of one second-order section, normalised so
// that a0 = 1.
type biquad struct{ b0, b1, b2, a1, a2 float64 }

// kWeighting returns the two stages of the BS.1770-4 K-weighting filter
// designed for sampleRateHz by the bilinear transform of the analogue
// prototypes (a high-shelf of about +4 dB above 1.5 kHz and a second-order
// high-pass at about 38 Hz); at 48 kHz they give the standard's table.
func kWeighting(sampleRateHz int) (shelf, highPass biquad) {
	rate := float64(sampleRateHz)
	const (
		shelfHz    = 1681.974450955533
		shelfGain  = 3.999843853973347 // dB
		shelfQ     = 0.7071752369554196
		highPassHz = 38.13547087602444
		highPassQ  = 0.5003270373238773
	)
	k := math.Tan(math.Pi * shelfHz / rate)
	vh := math.Pow(10, shelfGain/20)
	vb := math.Pow(vh, 0.4996667741545416)
	a0 := 1 + k/shelfQ + k*k
	shelf = biquad{
		b0: (vh + vb*k/shelfQ + k*k) / a0,
		b1: 2 * (k*k - vh) / a0,
		b2: (vh - vb*k/shelfQ + k*k) / a0,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/shelfQ + k*k) / a0,
	}
	k = math.Tan(math.Pi * highPassHz / rate)
	a0 = 1 + k/highPassQ + k*k
	highPass = biquad{
		b0: 1, b1: -2, b2: 1,
		a1: 2 * (k*k - 1) / a0,
		a2: (1 - k/highPassQ + k*k) / a0,
	}
	return shelf, highPass
}

// kFilter is the K-weighting state of one channel (transposed direct form
// II, two sections).
type kFilter struct{ s1, s2, h1, h2 float64 }

// energy filters samples and returns the sum of their squares after
// K-weighting. It is real-time safe.
func (f *kFilter) energy(samples []float32, shelf, hp *biquad) float64 {
	s1, s2, h1, h2 := f.s1, f.s2, f.h1, f.h2
	var sum float64
	for _, x := range samples {
		in := float64(finite(x))
		y := shelf.b0*in + s1
		s1 = shelf.b1*in - shelf.a1*y + s2
		s2 = shelf.b2*in - shelf.a2*y
		z := y + h1 // high-pass b0 = 1
		h1 = -2*y - hp.a1*z + h2
		h2 = y - hp.a2*z
		sum += z * z
	}
	f.s1, f.s2, f.h1, f.h2 = s1, s2, h1, h2
	return sum
}

// LoudnessReading is one read of a Loudness meter. Loudness values are in
// LUFS and read -Inf until there is something to measure.
type LoudnessReading struct {
	MomentaryLUFS      float64 // last 400 ms
	ShortTermLUFS      float64 // last 3 s
	IntegratedLUFS     float64 // gated programme loudness since Start/Reset
	RangeLU            float64 // loudness range (LRA, EBU Tech 3342)
	MaxMomentaryLUFS   float64 // highest momentary value while running
	MaxShortTermLUFS   float64 // highest short-term value while running
	IntegrationSeconds float64 // time measured while running
	Running            bool
}

// RelativeLU expresses a LUFS value as LU relative to targetLUFS, as an
// R128 meter in relative mode shows it.
func RelativeLU(lufs, targetLUFS float64) float64 { return lufs - targetLUFS }

// Loudness is an EBU R128 loudness meter for a group of channels (mono,
// stereo or 5.x): K-weighting computed for the sample rate, momentary and
// short-term loudness updated every 10 ms, and while running the integrated
// loudness (gates at -70 LUFS and -10 LU), the loudness range (Tech 3342:
// 3 s values at 10 Hz, gate -20 LU, 10th to 95th percentile) and the
// maximum momentary and short-term values.
//
// Integrated loudness and LRA need every block since the start; they are
// kept in histograms of 0.01 LU bins with each bin's exact energy sum, so
// memory is fixed however long the meter runs and the results differ from
// keeping every block by less than 0.01 LU.
type Loudness struct {
	sampleRateHz     int
	subBlockFrames   int
	shelf, highPass  biquad
	filters          []kFilter
	weights          []float64
	frameInSub       int
	subEnergy        float64
	ring             [shortTermSubBlocks]float64 // weighted energy sums of the last sub-blocks
	ringPos          int
	subBlocks        int64 // since Reset
	momentaryMean    float64
	shortTermMean    float64
	running          bool
	runningSubBlocks int64
	maxMomentaryMean float64
	maxShortTermMean float64
	gating           *gateHistogram
	rangeBlocks      *gateHistogram
	rangeStep        int64
	integratedCache  float64
	rangeCache       float64
	cacheValid       bool
}

// Prepare sets the meter up for channels channels at sampleRateHz, with the
// BS.1770 channel weights of the usual layouts (L, R, C, Ls, Rs for five
// channels; L, R, C, LFE, Ls, Rs for six or more, the LFE not counted), and
// resets it, running.
func (l *Loudness) Prepare(sampleRateHz, channels int) error {
	if sampleRateHz < subBlocksPerSecond {
		return fmt.Errorf("meter: loudness: bad sample rate %d Hz", sampleRateHz)
	}
	if channels < 1 {
		return fmt.Errorf("meter: loudness: bad channel count %d", channels)
	}
	l.sampleRateHz = sampleRateHz
	l.subBlockFrames = int(math.Round(float64(sampleRateHz) / subBlocksPerSecond))
	l.shelf, l.highPass = kWeighting(sampleRateHz)
	l.filters = make([]kFilter, channels)
	l.weights = make([]float64, channels)
	for c := range l.weights {
		l.weights[c] = 1
	}
	switch {
	case channels == 5:
		l.weights[3], l.weights[4] = surroundWeight, surroundWeight
	case channels >= 6:
		l.weights[3], l.weights[4], l.weights[5] = 0, surroundWeight, surroundWeight
	}
	l.gating = new(gateHistogram)
	l.rangeBlocks = new(gateHistogram)
	l.rangeStep = rangeStepSubBlocks
	l.running = true
	l.Reset()
	return nil
}

// Start resumes the integrated measurements. It is real-time safe.
func (l *Loudness) Start() { l.running = true }

// Stop pauses the integrated measurements (integrated, LRA, maxima,
// integration time); momentary and short-term keep following the signal.
// It is real-time safe.
func (l *Loudness) Stop() { l.running = false }

// Reset clears every measurement and the filters; the running state is
// kept. It is real-time safe.
func (l *Loudness) Reset() {
	clear(l.filters)
	clear(l.ring[:])
	l.frameInSub, l.subEnergy, l.ringPos, l.subBlocks = 0, 0, 0, 0
	l.momentaryMean, l.shortTermMean = 0, 0
	l.runningSubBlocks, l.maxMomentaryMean, l.maxShortTermMean = 0, 0, 0
	l.gating.clear()
	l.rangeBlocks.clear()
	l.cacheValid = false
}

// Process meters one block; channels[c] holds the samples of channel c.
// Channels beyond those prepared are ignored, and so are samples beyond the
// shortest channel's length. It is real-time safe.
func (l *Loudness) Process(channels [][]float32) {
	if len(channels) == 0 {
		return
	}
	channels = channels[:min(len(channels), len(l.filters))]
	frames := len(channels[0])
	for _, ch := range channels {
		frames = min(frames, len(ch))
	}
	for done := 0; done < frames; {
		n := min(frames-done, l.subBlockFrames-l.frameInSub)
		for c, samples := range channels {
			e := l.filters[c].energy(samples[done:done+n], &l.shelf, &l.highPass)
			l.subEnergy += l.weights[c] * e
		}
		done += n
		l.frameInSub += n
		if l.frameInSub == l.subBlockFrames {
			l.endSubBlock()
		}
	}
}

// endSubBlock closes a 10 ms sub-block and updates the windows, maxima
// and gating histograms. It is real-time safe.
func (l *Loudness) endSubBlock() {
	for c := range l.filters {
		f := &l.filters[c]
		f.s1, f.s2, f.h1, f.h2 = flushDenormal(f.s1), flushDenormal(f.s2), flushDenormal(f.h1), flushDenormal(f.h2)
	}
	l.ring[l.ringPos] = l.subEnergy
	l.ringPos = (l.ringPos + 1) % shortTermSubBlocks
	l.subEnergy, l.frameInSub = 0, 0
	l.subBlocks++
	if l.subBlocks >= momentarySubBlocks {
		l.momentaryMean = l.windowMean(momentarySubBlocks)
	}
	if l.subBlocks >= shortTermSubBlocks {
		l.shortTermMean = l.windowMean(shortTermSubBlocks)
	}
	if !l.running {
		return
	}
	l.runningSubBlocks++
	if l.subBlocks >= momentarySubBlocks {
		l.maxMomentaryMean = max(l.maxMomentaryMean, l.momentaryMean)
		if (l.subBlocks-momentarySubBlocks)%gatingStepSubBlocks == 0 {
			l.gating.add(l.momentaryMean)
			l.cacheValid = false
		}
	}
	if l.subBlocks >= shortTermSubBlocks {
		l.maxShortTermMean = max(l.maxShortTermMean, l.shortTermMean)
		if (l.subBlocks-shortTermSubBlocks)%l.rangeStep == 0 {
			l.rangeBlocks.add(l.shortTermMean)
			l.cacheValid = false
		}
	}
}

// windowMean returns the mean weighted square of the last subBlocks
// sub-blocks. It is real-time safe.
func (l *Loudness) windowMean(subBlocks int) float64 {
	var sum float64
	for i := 1; i <= subBlocks; i++ {
		sum += l.ring[(l.ringPos-i+shortTermSubBlocks)%shortTermSubBlocks]
	}
	return sum / float64(subBlocks*l.subBlockFrames)
}

// Read returns the meter's reading. The integrated loudness and LRA are
// recomputed only when a new gating block arrived (at most 10 times a
// second), each in one pass over a fixed-size histogram. It is real-time
// safe.
func (l *Loudness) Read() LoudnessReading {
	if !l.cacheValid {
		l.integratedCache = l.gating.integrated()
		l.rangeCache = l.rangeBlocks.loudnessRange()
		l.cacheValid = true
	}
	r := LoudnessReading{
		MomentaryLUFS:      math.Inf(-1),
		ShortTermLUFS:      math.Inf(-1),
		IntegratedLUFS:     l.integratedCache,
		RangeLU:            l.rangeCache,
		MaxMomentaryLUFS:   energyLUFS(l.maxMomentaryMean),
		MaxShortTermLUFS:   energyLUFS(l.maxShortTermMean),
		IntegrationSeconds: float64(l.runningSubBlocks*int64(l.subBlockFrames)) / float64(l.sampleRateHz),
		Running:            l.running,
	}
	if l.subBlocks >= momentarySubBlocks {
		r.MomentaryLUFS = energyLUFS(l.momentaryMean)
	}
	if l.subBlocks >= shortTermSubBlocks {
		r.ShortTermLUFS = energyLUFS(l.shortTermMean)
	}
	return r
}

// energyLUFS converts a weighted mean square to LUFS. It is real-time safe.
func energyLUFS(meanSquare float64) float64 {
	if meanSquare <= 0 {
		return math.Inf(-1)
	}
	return loudnessOffsetDB + 10*math.Log10(meanSquare)
}

// Histogram of gating blocks above the absolute gate.
const (
	histogramMinLUFS = absoluteGateLUFS
	histogramStepLU  = 0.01
	histogramBins    = 10000 // -70 to +30 LUFS; louder blocks share the top bin
)

// gateHistogram keeps, per 0.01 LU bin, how many blocks fell in it and the
// sum of their energies, so gated means are exact except for the one bin a
// relative gate cuts through.
type gateHistogram struct {
	count       [histogramBins]uint32
	energy      [histogramBins]float64
	blocks      int64
	totalEnergy float64
}

// clear is real-time safe.
func (h *gateHistogram) clear() { *h = gateHistogram{} }

// bin returns the bin of a block of loudness lufs (≥ the absolute gate).
// It is real-time safe.
func bin(lufs float64) int {
	return min(histogramBins-1, max(0, int((lufs-histogramMinLUFS)/histogramStepLU)))
}

// add records a block of the given mean square, if it passes the absolute
// gate. It is real-time safe.
func (h *gateHistogram) add(meanSquare float64) {
	lufs := energyLUFS(meanSquare)
	if lufs < absoluteGateLUFS {
		return
	}
	i := bin(lufs)
	h.count[i]++
	h.energy[i] += meanSquare
	h.blocks++
	h.totalEnergy += meanSquare
}

// relativeGateBin returns the first bin whose blocks pass a gate gateLU
// below the mean of all blocks, or -1 when there are no blocks. The bin the
// gate cuts through counts as passing when its own mean passes. It is
// real-time safe.
func (h *gateHistogram) relativeGateBin(gateLU float64) int {
	if h.blocks == 0 {
		return -1
	}
	gateEnergy := h.totalEnergy / float64(h.blocks) * math.Pow(10, gateLU/10)
	gateLUFS := energyLUFS(gateEnergy)
	if gateLUFS < absoluteGateLUFS {
		return 0
	}
	i := bin(gateLUFS)
	if h.count[i] > 0 && h.energy[i]/float64(h.count[i]) < gateEnergy {
		i++
	}
	return i
}

// integrated returns the gated loudness of BS.1770-4. It is real-time safe.
func (h *gateHistogram) integrated() float64 {
	first := h.relativeGateBin(integratedRelativeGateLU)
	if first < 0 {
		return math.Inf(-1)
	}
	var n uint64
	var sum float64
	for i := first; i < histogramBins; i++ {
		n += uint64(h.count[i])
		sum += h.energy[i]
	}
	if n == 0 {
		return math.Inf(-1)
	}
	return energyLUFS(sum / float64(n))
}

// loudnessRange returns the LRA of EBU Tech 3342: the difference between
// the 95th and the 10th percentiles of the gated short-term values. It is
// real-time safe.
func (h *gateHistogram) loudnessRange() float64 {
	first := h.relativeGateBin(rangeRelativeGateLU)
	if first < 0 {
		return 0
	}
	var n uint64
	for i := first; i < histogramBins; i++ {
		n += uint64(h.count[i])
	}
	if n == 0 {
		return 0
	}
	low := uint64(float64(n-1)*rangeLowPercentile + 0.5)
	high := uint64(float64(n-1)*rangeHighPercentile + 0.5)
	var seen uint64
	lowLUFS, highLUFS := math.NaN(), math.NaN()
	for i := first; i < histogramBins && math.IsNaN(highLUFS); i++ {
		c := uint64(h.count[i])
		if c == 0 {
			continue
		}
		binLUFS := energyLUFS(h.energy[i] / float64(c))
		if math.IsNaN(lowLUFS) && low < seen+c {
			lowLUFS = binLUFS
		}
		if high < seen+c {
			highLUFS = binLUFS
		}
		seen += c
	}
	return highLUFS - lowLUFS
}
