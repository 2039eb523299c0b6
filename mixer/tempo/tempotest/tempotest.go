// Package tempotest writes drum tracks of known tempo for testing the BPM
// counter: four-on-the-floor at several tempos, broken beats, swing, a
// tempo change and a sparse intro, synthesised (kick, snare, clap, hats,
// a bass and a pad) so that the true tempo of every beat is exact.
package tempotest

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"os"
)

// Case is one test track.
type Case struct {
	Name string
	// Steady marks the steady four-on-the-floor set, where the counter
	// must read within ±0.1 BPM after 8 beats with no octave error.
	Steady bool
	BPM    float64 // the tempo (before the change, if any)
	// ChangeBPM is the tempo after ChangeBeat beats; 0 for none.
	ChangeBPM  float64
	ChangeBeat int
	Beats      int // length in beats
	// Swing delays every off-beat step (the second of each pair of the
	// Swing grid: 8ths or 16ths) to this share of the pair; 0.5 is
	// straight.
	Swing     float64
	SwingGrid int // steps per beat the swing applies to: 2 (8ths) or 4 (16ths)
	// Intro is the sparse intro's length in beats: only off-beat hats and
	// a kick on the first beat of each bar.
	Intro int
	// Pattern: 16 steps per bar per instrument, 'x' loud, 'o' soft.
	Kick, Snare, Clap, ClosedHat, OpenHat, Bass string
	Pad                                         bool // a sustained chord under it all
}

// Cases are the standard set, in the order PERFORMANCE.md lists them.
func Cases() []Case {
	fotf := func(name string, bpm float64) Case {
		return Case{Name: name, Steady: true, BPM: bpm, Beats: 80,
			Kick: "x...x...x...x...", Clap: "....x.......x...", OpenHat: "..x...x...x...x.",
			ClosedHat: "oooooooooooooooo", Bass: "..x...x...x...xo", Pad: true}
	}
	cs := []Case{
		fotf("4otf-100", 100), fotf("4otf-120", 120), fotf("4otf-125.5", 125.5),
		fotf("4otf-128", 128), fotf("4otf-140", 140), fotf("4otf-174", 174),
		{Name: "kick-only-128", Steady: true, BPM: 128, Beats: 80, Kick: "x...x...x...x..."},
		{Name: "breakbeat-132", BPM: 132, Beats: 80,
			Kick: "x.........x..o..", Snare: "....x..o....x...", ClosedHat: "x.x.x.x.x.x.x.x.", Bass: "x.........x.....", Pad: true},
		{Name: "dnb-174", BPM: 174, Beats: 128,
			Kick: "x.........x.....", Snare: "....x.......x..o", ClosedHat: "x.x.x.x.x.x.x.x.", Pad: true},
		{Name: "swing-hiphop-92", BPM: 92, Beats: 64, Swing: 0.62, SwingGrid: 2,
			Kick: "x......x..x.....", Snare: "....x.......x...", ClosedHat: "x.x.x.x.x.x.x.x.", Bass: "x......x..x.....", Pad: true},
		{Name: "swing-house-122", BPM: 122, Beats: 80, Swing: 0.58, SwingGrid: 4,
			Kick: "x...x...x...x...", Clap: "....x.......x...", ClosedHat: "oxoxoxoxoxoxoxox", Bass: ".x.x.x.x.x.x.x.x", Pad: true},
	}
	up := fotf("change-122-128", 122)
	up.Steady, up.ChangeBPM, up.ChangeBeat, up.Beats = false, 128, 48, 96
	down := fotf("change-128-125", 128)
	down.Steady, down.ChangeBPM, down.ChangeBeat, down.Beats = false, 125, 48, 96
	intro := fotf("sparse-intro-126", 126)
	intro.Steady, intro.Intro, intro.Beats = false, 16, 80
	return append(cs, up, down, intro)
}

// BPMAt is the true tempo at time t seconds.
func (c *Case) BPMAt(t float64) float64 {
	if c.ChangeBPM != 0 && t >= c.ChangeSeconds() {
		return c.ChangeBPM
	}
	return c.BPM
}

// ChangeSeconds is when the tempo changes; +Inf for none.
func (c *Case) ChangeSeconds() float64 {
	if c.ChangeBPM == 0 {
		return math.Inf(1)
	}
	return float64(c.ChangeBeat) * 60 / c.BPM
}

// beatTime is the time in seconds of beat position b (fractional beats).
func (c *Case) beatTime(b float64) float64 {
	if c.ChangeBPM == 0 || b <= float64(c.ChangeBeat) {
		return b * 60 / c.BPM
	}
	return c.ChangeSeconds() + (b-float64(c.ChangeBeat))*60/c.ChangeBPM
}

// EndSeconds is when the last beat ends; a second of decay follows.
func (c *Case) EndSeconds() float64 { return c.beatTime(float64(c.Beats)) }

// Seconds is the track's length.
func (c *Case) Seconds() float64 { return c.beatTime(float64(c.Beats)) + 1 }

// Render synthesises the case at sampleRateHz as a stereo pair.
func (c *Case) Render(sampleRateHz int) (l, r []float32) {
	rate := float64(sampleRateHz)
	n := int(c.Seconds() * rate)
	l, r = make([]float32, n), make([]float32, n)
	rng := rand.New(rand.NewPCG(uint64(len(c.Name)), 11))
	kick, snare, clap := kickShot(rate), snareShot(rate, rng), clapShot(rate, rng)
	ch, oh, bass := hatShot(rate, rng, 0.035), hatShot(rate, rng, 0.16), bassShot(rate)
	steps := c.Beats * 4
	for s := range steps {
		inIntro := s < c.Intro*4
		pos := float64(s) / 4
		if c.SwingGrid > 0 {
			per := 4 / c.SwingGrid // 16ths per swing step
			if (s/per)%2 == 1 && s%per == 0 {
				pair := 2 / float64(c.SwingGrid)
				pos = float64(s/per-1)/float64(c.SwingGrid) + c.Swing*pair
			}
		}
		at := int(c.beatTime(pos) * rate)
		step := s % 16
		hit := func(pattern string, shot []float32, gain, pan float32) {
			if pattern == "" {
				return
			}
			g := gain
			switch pattern[step] {
			case 'x':
			case 'o':
				g *= 0.4
			default:
				return
			}
			mix(l, r, at, shot, g, pan)
		}
		if inIntro {
			if step == 0 {
				hit("x", kick, 0.8, 0)
			}
			if step%4 == 2 {
				mix(l, r, at, ch, 0.35, 0.2)
			}
			continue
		}
		hit(c.Kick, kick, 0.8, 0)
		hit(c.Snare, snare, 0.5, -0.05)
		hit(c.Clap, clap, 0.45, 0.05)
		hit(c.ClosedHat, ch, 0.3, 0.25)
		hit(c.OpenHat, oh, 0.3, -0.25)
		hit(c.Bass, bass, 0.45, 0)
	}
	if c.Pad {
		for i := range l {
			t := float64(i) / rate
			v := 0.0
			for _, f := range [...]float64{220, 277.2, 329.6, 440} {
				v += math.Sin(2 * math.Pi * f * t)
			}
			a := float32(0.02 * v * (0.7 + 0.3*math.Sin(2*math.Pi*0.13*t)))
			l[i] += a
			r[i] += a
		}
	}
	return l, r
}

// mix adds shot at sample at with gain and pan (−1..1).
func mix(l, r []float32, at int, shot []float32, gain, pan float32) {
	gl, gr := gain*(1-pan)/2*2, gain*(1+pan)/2*2
	for i, x := range shot {
		j := at + i
		if j >= len(l) {
			return
		}
		l[j] += gl * x
		r[j] += gr * x
	}
}

// kickShot is a sine falling from 150 to 50 Hz with a click.
func kickShot(rate float64) []float32 {
	n := int(0.35 * rate)
	out := make([]float32, n)
	phase := 0.0
	for i := range out {
		t := float64(i) / rate
		f := 50 + 100*math.Exp(-t/0.03)
		phase += 2 * math.Pi * f / rate
		out[i] = float32(math.Sin(phase) * math.Exp(-t/0.12) * min(1, t*2000))
	}
	return out
}

func snareShot(rate float64, rng *rand.Rand) []float32 {
	n := int(0.2 * rate)
	out := make([]float32, n)
	lp := 0.0
	for i := range out {
		t := float64(i) / rate
		noise := rng.Float64()*2 - 1
		lp += 0.3 * (noise - lp)
		tone := math.Sin(2 * math.Pi * 190 * t)
		out[i] = float32((0.7*(noise-lp) + 0.5*tone*math.Exp(-t/0.03)) * math.Exp(-t/0.05))
	}
	return out
}

func clapShot(rate float64, rng *rand.Rand) []float32 {
	n := int(0.15 * rate)
	out := make([]float32, n)
	lp := 0.0
	for i := range out {
		t := float64(i) / rate
		noise := rng.Float64()*2 - 1
		lp += 0.2 * (noise - lp)
		env := math.Exp(-t / 0.04)
		for _, d := range [...]float64{0.01, 0.02} {
			if t > d {
				env += 0.6 * math.Exp(-(t-d)/0.006)
			}
		}
		out[i] = float32((noise - lp) * env * 0.6)
	}
	return out
}

// hatShot is high-passed noise decaying with time constant decay.
func hatShot(rate float64, rng *rand.Rand, decay float64) []float32 {
	n := int(min(0.4, 6*decay) * rate)
	out := make([]float32, n)
	lp := 0.0
	for i := range out {
		t := float64(i) / rate
		noise := rng.Float64()*2 - 1
		lp += 0.5 * (noise - lp)
		out[i] = float32((noise - lp) * math.Exp(-t/decay))
	}
	return out
}

func bassShot(rate float64) []float32 {
	n := int(0.18 * rate)
	out := make([]float32, n)
	for i := range out {
		t := float64(i) / rate
		env := min(1, t*200) * math.Exp(-t/0.08)
		out[i] = float32(env * (math.Sin(2*math.Pi*55*t) + 0.3*math.Sin(2*math.Pi*110*t)))
	}
	return out
}

// WriteWAV writes the pair as a 16-bit stereo WAV file at sampleRateHz.
func WriteWAV(path string, sampleRateHz int, l, r []float32) error {
	n := len(l)
	buf := make([]byte, 44+4*n)
	copy(buf, "RIFF")
	binary.LittleEndian.PutUint32(buf[4:], uint32(36+4*n))
	copy(buf[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(buf[16:], 16)
	binary.LittleEndian.PutUint16(buf[20:], 1)
	binary.LittleEndian.PutUint16(buf[22:], 2)
	binary.LittleEndian.PutUint32(buf[24:], uint32(sampleRateHz))
	binary.LittleEndian.PutUint32(buf[28:], uint32(sampleRateHz*4))
	binary.LittleEndian.PutUint16(buf[32:], 4)
	binary.LittleEndian.PutUint16(buf[34:], 16)
	copy(buf[36:], "data")
	binary.LittleEndian.PutUint32(buf[40:], uint32(4*n))
	for i := range n {
		for c, x := range [2]float32{l[i], r[i]} {
			v := int16(math.Round(float64(max(-1, min(1, x))) * 32767))
			binary.LittleEndian.PutUint16(buf[44+4*i+2*c:], uint16(v))
		}
	}
	return os.WriteFile(path, buf, 0o644)
}
