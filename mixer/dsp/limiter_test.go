package dsp_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// TestLimiterIsGainNotClipping: a steady sine 12 dB over the ceiling comes
// out as the same sine, delayed by the latency and scaled down to the
// ceiling; the clamp only trims rounding, it does not square the wave.
func TestLimiterIsGainNotClipping(t *testing.T) {
	const n = rateHz
	m := dsp.NewLimiter(rateHz, -1)
	c := m.Ceiling()
	amp := float64(c) * math.Pow(10, 12.0/20)
	inL, inR := make([]float32, n), make([]float32, n)
	for i := range inL {
		inL[i] = float32(amp * math.Sin(2*math.Pi*220*float64(i)/rateHz))
		inR[i] = -inL[i] / 2
	}
	outL, outR := make([]float32, n), make([]float32, n)
	for start := 0; start < n; start += 100 { // odd block size on purpose
		m.Process(inL[start:start+100], inR[start:start+100], outL[start:start+100], outR[start:start+100])
	}
	lat := m.LatencyFrames()
	if lat != 72 {
		t.Errorf("latency %d, want 72 frames (1.5 ms)", lat)
	}
	scale := float64(c) / amp
	run := 0 // samples in a row exactly on the ceiling
	for i := n / 2; i < n; i++ {
		if abs := math.Abs(float64(outL[i])); abs > float64(c) {
			t.Fatalf("frame %d: %v past the ceiling %v", i, outL[i], c)
		} else if abs == float64(c) {
			run++
			if run > 1 {
				t.Fatalf("frame %d: a run of samples on the ceiling, the wave is clipped", i)
			}
		} else {
			run = 0
		}
		// Between two peaks the release lets the gain recover a little:
		// allow that ripple, 1% of full scale.
		want := float64(inL[i-lat]) * scale
		if math.Abs(float64(outL[i])-want) > 0.01 {
			t.Fatalf("frame %d: %v, want the scaled sine %v", i, outL[i], want)
		}
		if math.Abs(float64(outR[i])+float64(outL[i])/2) > 1e-6 {
			t.Fatalf("frame %d: right %v is not linked to left %v", i, outR[i], outL[i])
		}
	}
	if g := 20 * math.Log10(float64(m.ReadGain())); math.Abs(g+12) > 0.1 {
		t.Errorf("gain %.2f dB, want −12", g)
	}
}

// TestLimiterCeilingOnBursts throws single-sample spikes and bursts far
// over the ceiling at every block alignment: nothing may pass it.
func TestLimiterCeilingOnBursts(t *testing.T) {
	m := dsp.NewLimiter(rateHz, -1)
	c := m.Ceiling()
	in := noise(rateHz, 4)
	for i := 500; i < len(in); i += 997 {
		in[i] = 16 * float32(i%3-1)
		for j := i + 200; j < i+300 && j < len(in); j++ {
			in[j] *= 8
		}
	}
	out := make([]float32, len(in))
	out2 := make([]float32, len(in))
	for start := 0; start < len(in); {
		end := min(len(in), start+1+start%257)
		m.Process(in[start:end], in[start:end], out[start:end], out2[start:end])
		start = end
	}
	if p := maxAbs(out); p > float64(c) {
		t.Errorf("peak %v past the ceiling %v", p, c)
	}
}
