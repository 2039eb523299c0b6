package dsp_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// TestLimiterKeyed: the gain comes from the key, not the input. An input a
// quarter of its key comes out a quarter of what Process makes of the key,
// although the input alone is far under the ceiling; and an input louder
// than its key is held at the ceiling by the final clamp.
func TestLimiterKeyed(t *testing.T) {
	const n = rateHz / 2
	keyed, plain := dsp.NewLimiter(rateHz, -1), dsp.NewLimiter(rateHz, -1)
	c := keyed.Ceiling()
	amp := float64(c) * math.Pow(10, 12.0/20)
	key, in := make([]float32, n), make([]float32, n)
	for i := range key {
		key[i] = float32(amp * math.Sin(2*math.Pi*220*float64(i)/rateHz))
		in[i] = key[i] / 4
	}
	out, ref := make([]float32, n), make([]float32, n)
	scratchL, scratchR := make([]float32, n), make([]float32, n)
	for start := 0; start < n; start += 256 {
		end := min(start+256, n)
		keyed.ProcessKeyed(key[start:end], key[start:end], in[start:end], in[start:end], out[start:end], scratchL[start:end])
		plain.Process(key[start:end], key[start:end], ref[start:end], scratchR[start:end])
	}
	worst := 0.0
	for i := range out {
		worst = math.Max(worst, math.Abs(float64(out[i]-ref[i]/4)))
	}
	if worst > 1e-6 || peak32(ref) < 0.9*c {
		t.Errorf("keyed output differs from a quarter of the key's limiting by %v (key output peak %v)", worst, peak32(ref))
	}

	loud := dsp.NewLimiter(rateHz, -1)
	quiet := make([]float32, n)
	for i := range quiet {
		quiet[i] = key[i] / 8
	}
	loud.ProcessKeyed(quiet, quiet, key, key, out, scratchL)
	if p := peak32(out); p > c {
		t.Errorf("an input louder than its key reached %v, past the ceiling %v", p, c)
	}
}

func peak32(b []float32) float32 {
	p := float32(0)
	for _, x := range b {
		p = max(p, x, -x)
	}
	return p
}
