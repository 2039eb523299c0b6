package meter

import (
	"fmt"
	"math"
)

// IEC 60268-18 digital peak meter ballistics.
const (
	// PeakFallDB over PeakFallSeconds is the return rate of the bar.
	PeakFallDB      = 20.0
	PeakFallSeconds = 1.7
	// DefaultPeakHoldSeconds is how long the hold marker stays up.
	DefaultPeakHoldSeconds = 1.0
	// DefaultClipThresholdDBFS lights the clip indicator at full scale.
	DefaultClipThresholdDBFS = 0.0
)

// PeakReading is one read of a Peak meter, in dBFS.
type PeakReading struct {
	LevelDBFS float64 // the bar: instant rise, falls 20 dB in 1.7 s
	HoldDBFS  float64 // the hold marker: the highest bar level of the last hold time
	MaxDBFS   float64 // the highest sample since the previous Read
	Clip      bool    // a sample reached the clip threshold since Prepare, Reset or ClearClip
}

// Peak is a digital peak programme meter per IEC 60268-18 for one channel:
// it rises within one sample and falls 20 dB in 1.7 s; a hold marker keeps
// the highest level for a settable time, and a clip indicator latches.
type Peak struct {
	fallPerFrame   float32                      // linear factor applied to the bar per frame
	fallPow        [peakChunkFrames + 1]float32 // fallPerFrame to the power of the index
	holdFrames     int
	clipThreshold  float32 // linear
	level          float32 // bar, linear
	hold           float32 // hold marker, linear
	holdLeftFrames int
	maxSinceRead   float32
	clip           bool
	sampleRateHz   int
}

// Prepare sets the meter up for sampleRateHz with the default hold time and
// clip threshold, and resets it.
func (p *Peak) Prepare(sampleRateHz int) error {
	if sampleRateHz <= 0 {
		return fmt.Errorf("meter: peak: bad sample rate %d Hz", sampleRateHz)
	}
	p.sampleRateHz = sampleRateHz
	fallDBPerFrame := PeakFallDB / PeakFallSeconds / float64(sampleRateHz)
	p.fallPerFrame = float32(dbAmplitude(-fallDBPerFrame))
	for k := range p.fallPow {
		p.fallPow[k] = float32(math.Pow(float64(p.fallPerFrame), float64(k)))
	}
	p.SetHoldSeconds(DefaultPeakHoldSeconds)
	p.SetClipThresholdDBFS(DefaultClipThresholdDBFS)
	p.Reset()
	return nil
}

// SetHoldSeconds sets how long the hold marker stays up; 0 turns hold off.
// It is real-time safe.
func (p *Peak) SetHoldSeconds(seconds float64) {
	p.holdFrames = int(math.Max(0, seconds) * float64(p.sampleRateHz))
}

// SetClipThresholdDBFS sets the level at which the clip indicator latches.
// It is real-time safe.
func (p *Peak) SetClipThresholdDBFS(thresholdDBFS float64) {
	p.clipThreshold = float32(dbAmplitude(thresholdDBFS))
}

// peakChunkFrames is the stretch Process tests at once for a new peak.
const peakChunkFrames = 32

// Process meters one block of one channel. It is real-time safe.
//
// Most samples of music lie under a bar that is falling from an earlier
// peak, and there the bar's fall and the hold's count need no per-sample
// work: Process finds each 32-frame chunk's largest sample first, and only
// a chunk that reaches above the bar's level at the chunk's end runs the
// per-sample ballistics (processFrames). The chunk's end is the lowest the
// bar gets in it, so a chunk under it changes nothing a sample would.
func (p *Peak) Process(samples []float32) {
	for len(samples) > 0 {
		n := min(len(samples), peakChunkFrames)
		chunk := samples[:n]
		samples = samples[n:]
		m := chunkMax(chunk)
		p.maxSinceRead = max32(p.maxSinceRead, m)
		if m >= p.clipThreshold {
			p.clip = true
		}
		switch fallen := p.level * p.fallPow[n]; {
		case p.level > 0 && m <= fallen:
			// The bar falls under every sample's reach; the hold counts
			// down and, once its time is up, follows the bar.
			p.level = fallen
			if p.holdLeftFrames >= n {
				p.holdLeftFrames -= n
			} else {
				p.holdLeftFrames, p.hold = 0, fallen
			}
		case p.level == 0 && m == 0 && p.hold == 0:
			// Silence on a meter at rest: the hold restarts every sample.
			p.holdLeftFrames = p.holdFrames
		default:
			p.processFrames(chunk)
		}
	}
	// Once per block is enough: from the flush threshold the bar takes
	// 13 s to fall into subnormal numbers.
	p.level, p.hold = float32(flushDenormal(float64(p.level))), float32(flushDenormal(float64(p.hold)))
}

// processFrames runs the ballistics sample by sample. It is real-time safe.
func (p *Peak) processFrames(samples []float32) {
	level, hold, holdLeft := p.level, p.hold, p.holdLeftFrames
	for _, x := range samples {
		a := abs32(finite(x))
		level *= p.fallPerFrame
		if a > level {
			level = a
		}
		if level >= hold {
			hold = level
			holdLeft = p.holdFrames
		} else if holdLeft > 0 {
			holdLeft--
		} else {
			hold = level
		}
	}
	p.level, p.hold, p.holdLeftFrames = level, hold, holdLeft
}

// chunkMax returns the largest |x| of samples, NaN and Inf taken as
// silence. It compares the bits of |x|, which order as the values do and
// need no floating-point branch. It is real-time safe.
func chunkMax(samples []float32) float32 {
	const inf = 0x7f800000
	var hi uint32
	for _, x := range samples {
		b := math.Float32bits(x) &^ (1 << 31)
		if b >= inf {
			b = 0
		}
		hi = max(hi, b)
	}
	return math.Float32frombits(hi)
}

// Read returns the meter's reading and starts a new max-since-read period.
// It is real-time safe.
func (p *Peak) Read() PeakReading {
	r := PeakReading{
		LevelDBFS: amplitudeDB(float64(p.level)),
		HoldDBFS:  amplitudeDB(float64(p.hold)),
		MaxDBFS:   amplitudeDB(float64(p.maxSinceRead)),
		Clip:      p.clip,
	}
	p.maxSinceRead = 0
	return r
}

// ClearClip turns the latched clip indicator off. It is real-time safe.
func (p *Peak) ClearClip() { p.clip = false }

// Reset silences the meter and clears the clip indicator. It is real-time safe.
func (p *Peak) Reset() {
	p.level, p.hold, p.holdLeftFrames, p.maxSinceRead, p.clip = 0, 0, 0, 0, false
}
