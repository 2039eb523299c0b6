package meter_test

import (
	"math"
	"math/rand/v2"
)

// rates are the sample rates every case runs at where the signal allows.
var rates = []int{44100, 48000, 96000}

// tone returns seconds of a sine of hz whose peak is at levelDBFS, starting
// at phaseRad.
func tone(sampleRateHz int, hz, levelDBFS, seconds, phaseRad float64) []float32 {
	n := int(math.Round(seconds * float64(sampleRateHz)))
	a := math.Pow(10, levelDBFS/20)
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(a * math.Sin(2*math.Pi*hz*float64(i)/float64(sampleRateHz)+phaseRad))
	}
	return out
}

// silence returns seconds of zeros.
func silence(sampleRateHz int, seconds float64) []float32 {
	return make([]float32, int(math.Round(seconds*float64(sampleRateHz))))
}

// concat joins pieces of one channel.
func concat(pieces ...[]float32) []float32 {
	var out []float32
	for _, p := range pieces {
		out = append(out, p...)
	}
	return out
}

// segment is one stretch of a 1 kHz test tone (or silence) of the EBU test
// signals.
type segment struct {
	levelDBFS float64 // math.Inf(-1) for silence
	seconds   float64
}

// tones builds one channel of 1 kHz segments.
func tones(sampleRateHz int, segs ...segment) []float32 {
	var out []float32
	for _, s := range segs {
		if math.IsInf(s.levelDBFS, -1) {
			out = append(out, silence(sampleRateHz, s.seconds)...)
			continue
		}
		out = append(out, tone(sampleRateHz, 1000, s.levelDBFS, s.seconds, 0)...)
	}
	return out
}

// stereo returns the same channel twice (the EBU signals are dual mono).
func stereo(ch []float32) [][]float32 { return [][]float32{ch, ch} }

// noise returns seconds of white noise of the given RMS level.
func noise(sampleRateHz int, seconds, rmsDBFS float64, seed uint64) []float32 {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	a := math.Pow(10, rmsDBFS/20)
	out := make([]float32, int(seconds*float64(sampleRateHz)))
	for i := range out {
		out[i] = float32(a * r.NormFloat64())
	}
	return out
}

// music returns a "musical" stereo signal: a kick-like decaying low tone
// every beat at 128 BPM, a chord of three partials with slow level changes
// in a breakdown, and noise hats, with different panning left and right.
func music(sampleRateHz int, seconds float64, seed uint64) [][]float32 {
	r := rand.New(rand.NewPCG(seed, 7))
	n := int(seconds * float64(sampleRateHz))
	l, rt := make([]float32, n), make([]float32, n)
	beat := 60.0 / 128
	rate := float64(sampleRateHz)
	for i := range n {
		t := float64(i) / rate
		tb := math.Mod(t, beat)
		kick := 0.5 * math.Exp(-tb*12) * math.Sin(2*math.Pi*(50+80*math.Exp(-tb*30))*tb)
		section := 1.0
		if math.Mod(t, 40) > 30 { // a 10 s breakdown every 40 s
			section, kick = 0.25, 0
		}
		chord := section * 0.08 * (math.Sin(2*math.Pi*220*t) + math.Sin(2*math.Pi*277.18*t) + math.Sin(2*math.Pi*329.63*t))
		chord *= 0.6 + 0.4*math.Sin(2*math.Pi*0.05*t)
		hat := 0.0
		if math.Mod(t+beat/2, beat) < 0.03 {
			hat = 0.05 * r.NormFloat64()
		}
		l[i] = float32(kick + 0.8*chord + hat)
		rt[i] = float32(kick + chord*1.1 - 0.5*hat)
	}
	return [][]float32{l, rt}
}
