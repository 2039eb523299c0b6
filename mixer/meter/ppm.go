package meter

import (
	"fmt"
	"math"
)

// PPMType selects the IEC 60268-10 quasi-peak programme meter.
type PPMType int

const (
	// PPMTypeI is the DIN 45406 meter: a 10 ms tone burst reads 1 dB below
	// the steady tone, and the reading falls 20 dB in 1.5 s. Its 0 dB is
	// the permitted maximum level, -9 dBFS by EBU R68.
	PPMTypeI PPMType = iota + 1
	// PPMTypeII is the BBC/EBU meter: a 10 ms tone burst reads 2.5 dB
	// below the steady tone, and the reading falls 24 dB in 2.8 s. Its 0 dB
	// ("TEST") is the alignment level, -18 dBFS by EBU R68.
	PPMTypeII
)

// ppmBallistics are the numbers of IEC 60268-10 for one meter type.
type ppmBallistics struct {
	burstSeconds   float64 // tone burst length of the integration-time test
	burstReadingDB float64 // its reading relative to the steady tone
	fallDB         float64
	fallSeconds    float64
	zeroDBFS       float64 // level that reads 0 on the scale
}

func (t PPMType) ballistics() (ppmBallistics, error) {
	switch t {
	case PPMTypeI:
		return ppmBallistics{0.010, -1, 20, 1.5, -9}, nil
	case PPMTypeII:
		return ppmBallistics{0.010, -2.5, 24, 2.8, -18}, nil
	}
	return ppmBallistics{}, fmt.Errorf("meter: PPM: unknown type %d", int(t))
}

// PPMBurstToneHz is the tone frequency of the IEC 60268-10 burst tests.
const PPMBurstToneHz = 5000.0

// PPMReading is one read of a PPM, in dB relative to the scale's 0.
type PPMReading struct {
	LevelDB float64 // reading now
	MaxDB   float64 // highest reading since the previous Read
}

// PPM is a quasi-peak programme meter per IEC 60268-10 (Type I or II) for
// one channel: a full-wave rectifier charging a detector with a short attack
// time constant, which falls at a constant rate in dB. The attack time
// constant is calibrated at Prepare so that the standard's tone burst reads
// the standard's value at the running sample rate.
type PPM struct {
	attack       float64 // per-sample charge coefficient
	fallPerFrame float64 // linear factor per sample
	zeroDBFS     float64
	level        float64 // linear, sine-peak calibrated
	maxSinceRead float64
}

// Prepare sets the meter up as meterType for sampleRateHz and resets it.
func (p *PPM) Prepare(sampleRateHz int, meterType PPMType) error {
	if sampleRateHz <= 0 {
		return fmt.Errorf("meter: PPM: bad sample rate %d Hz", sampleRateHz)
	}
	b, err := meterType.ballistics()
	if err != nil {
		return err
	}
	p.fallPerFrame = dbAmplitude(-b.fallDB / b.fallSeconds / float64(sampleRateHz))
	p.zeroDBFS = b.zeroDBFS
	p.attack = calibratePPMAttack(sampleRateHz, p.fallPerFrame, b)
	p.Reset()
	return nil
}

// calibratePPMAttack finds, by bisection on the time constant, the attack
// coefficient for which a burst of the test tone reads the standard's value
// relative to the steady tone.
func calibratePPMAttack(sampleRateHz int, fallPerFrame float64, b ppmBallistics) float64 {
	steadyFrames := sampleRateHz // one second reaches steady state
	burstFrames := int(math.Round(b.burstSeconds * float64(sampleRateHz)))
	target := dbAmplitude(b.burstReadingDB)
	lo, hi := math.Log(1e-5), math.Log(1.0) // log of the time constant in seconds
	for range 60 {
		mid := (lo + hi) / 2
		c := timeConstantCoefficient(math.Exp(mid), sampleRateHz)
		burst := ppmToneResponse(c, fallPerFrame, sampleRateHz, burstFrames)
		steady := ppmToneResponse(c, fallPerFrame, sampleRateHz, steadyFrames)
		if burst/steady > target {
			lo = mid // too fast: lengthen the time constant
		} else {
			hi = mid
		}
	}
	return timeConstantCoefficient(math.Exp((lo+hi)/2), sampleRateHz)
}

// ppmToneResponse returns the highest reading of a detector from rest fed
// frames samples of the full-scale test tone.
func ppmToneResponse(attack, fallPerFrame float64, sampleRateHz, frames int) float64 {
	var level, highest float64
	for i := range frames {
		x := math.Abs(math.Sin(2 * math.Pi * PPMBurstToneHz * float64(i) / float64(sampleRateHz)))
		level = ppmStep(level, x, attack, fallPerFrame)
		highest = max(highest, level)
	}
	return highest
}

// ppmStep advances the detector by one rectified sample. It is real-time safe.
func ppmStep(level, rectified, attack, fallPerFrame float64) float64 {
	if rectified > level {
		return level + attack*(rectified-level)
	}
	return level * fallPerFrame
}

// SetZeroDBFS moves the level that reads 0 on the scale (the alignment
// level). It is real-time safe.
func (p *PPM) SetZeroDBFS(zeroDBFS float64) { p.zeroDBFS = zeroDBFS }

// Process meters one block of one channel. It is real-time safe.
func (p *PPM) Process(samples []float32) {
	level, peak := p.level, p.maxSinceRead
	for _, x := range samples {
		level = ppmStep(level, float64(abs32(finite(x))), p.attack, p.fallPerFrame)
		if level > peak {
			peak = level
		}
	}
	p.level, p.maxSinceRead = flushDenormal(level), peak
}

// Read returns the reading and starts a new max-since-read period. It is
// real-time safe.
func (p *PPM) Read() PPMReading {
	r := PPMReading{
		LevelDB: amplitudeDB(p.level) - p.zeroDBFS,
		MaxDB:   amplitudeDB(p.maxSinceRead) - p.zeroDBFS,
	}
	p.maxSinceRead = p.level
	return r
}

// Reset brings the meter to rest. It is real-time safe.
func (p *PPM) Reset() { p.level, p.maxSinceRead = 0, 0 }
