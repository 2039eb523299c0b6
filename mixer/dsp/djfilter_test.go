package dsp_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

func noise(n int, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	b := make([]float32, n)
	for i := range b {
		b[i] = float32(0.3 * rng.NormFloat64())
	}
	return b
}

func maxStep(b []float32) float64 {
	s := 0.0
	for i := 1; i < len(b); i++ {
		s = math.Max(s, math.Abs(float64(b[i]-b[i-1])))
	}
	return s
}

func maxAbs(b []float32) float64 {
	m := 0.0
	for _, x := range b {
		m = math.Max(m, math.Abs(float64(x)))
	}
	return m
}

// sweep runs noise through a filter whose knob is thrown from end to end
// every period frames (faster than its ramp can follow when period is
// short), and returns input and output.
func sweep(resonance float32, period int) (in, l, r []float32) {
	const n = 4 * rateHz
	in = noise(n, 9)
	l = append([]float32(nil), in...)
	r = noise(n, 10)
	f := dsp.NewDJFilter(rateHz, 480)
	pos := float32(-1)
	for start := 0; start < n; start += 64 {
		if start%period == 0 {
			pos = -pos
			f.Set(pos, resonance)
		}
		f.Process(l[start:start+64], r[start:start+64])
	}
	return in, l, r
}

func TestDJFilterFastSweepsStayBounded(t *testing.T) {
	for _, c := range []struct {
		resonance float32
		period    int
		bound     float64 // times the input's peak
	}{
		{0, 64, 1.5}, {0, 4800, 1.5}, {1, 64, 8}, {1, 4800, 8},
	} {
		in, l, r := sweep(c.resonance, c.period)
		for i := range l {
			if math.IsNaN(float64(l[i])) || math.IsInf(float64(l[i]), 0) || math.IsNaN(float64(r[i])) || math.IsInf(float64(r[i]), 0) {
				t.Fatalf("resonance %v, sweep every %d: non-finite output at %d", c.resonance, c.period, i)
			}
		}
		peakIn, peakOut := maxAbs(in), math.Max(maxAbs(l), maxAbs(r))
		t.Logf("resonance %v, sweep every %d frames: peak in %.2f, out %.2f", c.resonance, c.period, peakIn, peakOut)
		if peakOut > c.bound*peakIn {
			t.Errorf("resonance %v, sweep every %d: output peak %.2f, input %.2f", c.resonance, c.period, peakOut, peakIn)
		}
	}
}

// TestDJFilterSweepsDoNotClick: without resonance a sweep can only take
// away from the noise, so it may not add a step larger than the largest the
// noise itself makes.
func TestDJFilterSweepsDoNotClick(t *testing.T) {
	for _, period := range []int{64, 960, 4800} {
		in, l, _ := sweep(0, period)
		stepIn, stepOut := maxStep(in), maxStep(l)
		t.Logf("sweep every %d frames: largest step in %.3f, out %.3f", period, stepIn, stepOut)
		if stepOut > 1.1*stepIn {
			t.Errorf("sweep every %d frames: step %.3f, input's largest %.3f", period, stepOut, stepIn)
		}
	}
}

func TestDJFilterCentreIsBypass(t *testing.T) {
	in := noise(4096, 3)
	out := append([]float32(nil), in...)
	f := dsp.NewDJFilter(rateHz, 480)
	f.Set(0, 1)
	f.Process(out, nil)
	for i := range in {
		if in[i] != out[i] {
			t.Fatalf("centre changed sample %d: %v → %v", i, in[i], out[i])
		}
	}
	// Off and back: after the ramp home it is bit-exact again.
	f.Set(-0.5, 0)
	f.Process(out[:1024], nil)
	f.Set(0, 0)
	f.Process(out[1024:2048], nil)
	copy(out[2048:], in[2048:])
	f.Process(out[2048:], nil)
	for i := 2048; i < len(in); i++ {
		if in[i] != out[i] {
			t.Fatalf("back at centre, sample %d changed", i)
		}
	}
}

func TestDJFilterResponse(t *testing.T) {
	// Left: a low-pass at DJFilterCutoffHz; a sine an octave and a half
	// above is cut, one three octaves below passes.
	for _, c := range []struct {
		pos, hz float64
		wantDB  float64
		tolDB   float64
	}{
		{-0.5, dsp.DJFilterCutoffHz(-0.5) * 8, -36, 2},
		{-0.5, dsp.DJFilterCutoffHz(-0.5) / 8, 0, 0.1},
		{0.5, dsp.DJFilterCutoffHz(0.5) / 8, -36, 2},
		{0.5, dsp.DJFilterCutoffHz(0.5) * 8, 0, 0.1},
		{0.5, dsp.DJFilterCutoffHz(0.5), -3, 0.1},
	} {
		f := dsp.NewDJFilter(rateHz, 1)
		f.Set(float32(c.pos), 0)
		const n = rateHz
		b := make([]float32, n)
		for i := range b {
			b[i] = float32(math.Sin(2 * math.Pi * c.hz * float64(i) / rateHz))
		}
		f.Process(b, nil)
		var sum float64
		for _, x := range b[n/2:] {
			sum += float64(x) * float64(x)
		}
		db := 10 * math.Log10(sum/float64(n/2)/0.5)
		if math.Abs(db-c.wantDB) > c.tolDB {
			t.Errorf("knob %v, %.0f Hz: %.2f dB, want %.1f", c.pos, c.hz, db, c.wantDB)
		}
	}
}
