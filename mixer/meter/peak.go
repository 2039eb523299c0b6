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
	fallPerFrame   float32 // linear factor applied to the bar per frame
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

// Process meters one block of one channel. It is real-time safe.
func (p *Peak) Process(samples []float32) {
	level, hold, holdLeft, maxAbs := p.level, p.hold, p.holdLeftFrames, p.maxSinceRead
	for _, x := range samples {
		a := abs32(finite(x))
		if a > maxAbs {
			maxAbs = a
		}
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
	if maxAbs >= p.clipThreshold {
		p.clip = true
	}
	// Once per block is enough: from the flush threshold the bar takes
	// 13 s to fall into subnormal numbers.
	level, hold = float32(flushDenormal(float64(level))), float32(flushDenormal(float64(hold)))
	p.level, p.hold, p.holdLeftFrames, p.maxSinceRead = level, hold, holdLeft, maxAbs
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
