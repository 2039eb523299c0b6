package null

import (
	"math"
	"strings"

	"github.com/linuxdj/linuxdj/backend"
)

// demoBPM is the demo loop's tempo; a bar is 16 sixteenth-note steps and
// the loop is four bars long, one chord per bar.
const demoBPM = 124

// chordRootsHz are the roots of the loop's progression, Am–F–C–G, in the
// octave the bass plays them.
var chordRootsHz = [4]float64{55.00, 43.65, 65.41, 49.00}

// chordIntervals are the semitone offsets of each bar's triad above its root.
var chordIntervals = [4][3]float64{{0, 3, 7}, {0, 4, 7}, {0, 4, 7}, {0, 4, 7}}

// part is what one channel of the demo plays.
type part int

const (
	partKickBass part = iota
	partHatsChords
	partArpeggio
	partSnareSub
	partVoice
	partCount
)

// Demo synthesises the demo loop into input ports. It is made once, off
// the audio thread; Fill is the only call on it from the audio thread.
type Demo struct {
	rateHz     float64
	frame      int64 // frames rendered so far: the loop's clock
	stepFrames float64
	// voice[i] is the part input port i plays and side[i] its stereo side
	// (0 left or mono, 1 right); ports of one channel share a voice.
	voice []part
	side  []int
	noise [2]uint32  // per-side white-noise generators (xorshift32)
	last  [2]float32 // previous white sample, for the first-difference high-pass
	// transpose[i] shifts channels past the fifth up a fifth per round, so
	// a 32-channel mixer still hears different parts.
	transpose []float64
}

// NewDemo assigns a part to each channel found among ports. Ports named
// "<channel>_L" and "<channel>_R" are one stereo channel; any other port is
// a mono channel of its own.
func NewDemo(ports []backend.Port, sampleRateHz int) *Demo {
	d := &Demo{
		rateHz:     float64(sampleRateHz),
		stepFrames: float64(sampleRateHz) * 60 / demoBPM / 4,
		voice:      make([]part, len(ports)),
		side:       make([]int, len(ports)),
		transpose:  make([]float64, len(ports)),
		noise:      [2]uint32{0x9e3779b9, 0x7f4a7c15},
	}
	channel := -1
	prevStem := ""
	for i, p := range ports {
		stem, side := splitStereo(p.Name)
		if stem != prevStem || side == 0 || stem == "" {
			channel++
		}
		prevStem = stem
		d.voice[i] = part(channel % int(partCount))
		d.side[i] = side
		d.transpose[i] = math.Pow(2, float64(channel/int(partCount))*7/12)
	}
	return d
}

func splitStereo(name string) (stem string, side int) {
	switch {
	case strings.HasSuffix(name, "_L"):
		return strings.TrimSuffix(name, "_L"), 0
	case strings.HasSuffix(name, "_R"):
		return strings.TrimSuffix(name, "_R"), 1
	}
	return "", 0
}

// Fill writes the next len(in[0]) frames of the loop into every port.
//
// Fill is real-time safe: no allocation, no lock, no system call.
func (d *Demo) Fill(in [][]float32) {
	if len(in) == 0 {
		return
	}
	frames := len(in[0])
	for i, buf := range in {
		if i >= len(d.voice) {
			break
		}
		for n := range buf {
			buf[n] = d.sample(d.voice[i], d.side[i], d.transpose[i], d.frame+int64(n))
		}
	}
	d.frame += int64(frames)
}

// sample is one sample of part p on side at frame t. It is a pure function
// of time except for the noise generators, so channels stay in sync.
func (d *Demo) sample(p part, side int, transpose float64, t int64) float32 {
	tSec := float64(t) / d.rateHz
	stepPos := float64(t) / d.stepFrames
	step := int64(stepPos)
	inStep := (stepPos - float64(step)) * d.stepFrames / d.rateHz // seconds since the step began
	bar := int(step/16) % 4
	beatStep := step % 4
	var v float64
	switch p {
	case partKickBass:
		if beatStep == 0 {
			v += kick(inStep)
		}
		if beatStep == 2 {
			f := chordRootsHz[bar] * transpose
			env := math.Exp(-inStep * 6)
			v += 0.35 * env * (math.Sin(2*math.Pi*f*tSec) + 0.3*math.Sin(4*math.Pi*f*tSec))
		}
	case partHatsChords:
		if beatStep == 2 {
			v += 0.25 * float64(d.hiss(side)) * math.Exp(-inStep*40)
		}
		root := chordRootsHz[bar] * 4 * transpose
		for k, iv := range chordIntervals[bar] {
			f := root * math.Pow(2, iv/12) * (1 + 0.002*float64(side*2-1)*float64(k+1))
			v += 0.08 * triangle(f*tSec)
		}
	case partArpeggio:
		root := chordRootsHz[bar] * 8 * transpose
		iv := chordIntervals[bar][step%3] + 12*float64(step%4/3)
		f := root * math.Pow(2, iv/12)
		env := math.Exp(-inStep * 12)
		v += 0.22 * env * softSquare(f*tSec)
		if side == 1 { // sit the lead a little left of centre
			v *= 0.8
		}
	case partSnareSub:
		if step%8 == 4 {
			v += 0.3*float64(d.hiss(side))*math.Exp(-inStep*18) + 0.3*math.Sin(2*math.Pi*185*tSec)*math.Exp(-inStep*25)
		}
		v += 0.18 * math.Sin(2*math.Pi*chordRootsHz[bar]/2*transpose*tSec)
	case partVoice:
		v += voice(tSec, transpose)
	}
	return float32(v)
}

// kick is a sine whose pitch falls from 150 Hz to 45 Hz, with a fast decay.
func kick(sinceHitSec float64) float64 {
	const f0, f1, sweep = 150.0, 45.0, 0.04
	phase := 2 * math.Pi * (f1*sinceHitSec + (f0-f1)*sweep*(1-math.Exp(-sinceHitSec/sweep)))
	return 0.8 * math.Exp(-sinceHitSec*9) * math.Sin(phase)
}

// voice is a vowel-like sound: harmonics of a gliding 130 Hz fundamental
// weighted by two formants, spoken in phrases of syllables.
func voice(tSec, transpose float64) float64 {
	phrase := math.Mod(tSec, 3.2)
	if phrase > 2.0 {
		return 0
	}
	syllable := 0.5 - 0.5*math.Cos(2*math.Pi*4*phrase)
	f0 := 130 * transpose * (1 + 0.05*math.Sin(2*math.Pi*0.7*tSec))
	formant1 := 650 + 150*math.Sin(2*math.Pi*1.3*tSec)
	formant2 := 1200 + 300*math.Sin(2*math.Pi*0.9*tSec)
	var v float64
	for h := 1.0; h <= 16; h++ {
		f := h * f0
		w := math.Exp(-sq((f-formant1)/200)) + 0.6*math.Exp(-sq((f-formant2)/300))
		v += w * math.Sin(2*math.Pi*f*tSec)
	}
	return 0.12 * syllable * v
}

func sq(x float64) float64 { return x * x }

func triangle(cycles float64) float64 {
	_, frac := math.Modf(cycles)
	return 4*math.Abs(frac-0.5) - 1
}

// softSquare is a square wave with its corners rounded (tanh) so it does
// not alias harshly.
func softSquare(cycles float64) float64 {
	return math.Tanh(3 * math.Sin(2*math.Pi*cycles))
}

// hiss returns high-passed white noise for side.
func (d *Demo) hiss(side int) float32 {
	x := d.noise[side]
	x ^= x << 13
	x ^= x >> 17
	x ^= x << 5
	d.noise[side] = x
	white := float32(int32(x)) / (1 << 31)
	out := 0.5 * (white - d.last[side]) // first difference, halved to stay within ±1
	d.last[side] = white
	return out
}
