package mixer_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// FuzzEngine throws random commands (valid, out of range, NaN, unknown),
// random period sizes and inputs salted with NaN, Inf and absurd values at
// the engine. Whatever happens, every output stays finite and the master
// never passes the limiter's ceiling.
func FuzzEngine(f *testing.F) {
	f.Add(uint64(1), uint64(2))
	f.Add(uint64(3), uint64(99))
	f.Add(uint64(2024), uint64(7))
	f.Fuzz(func(t *testing.T, seed1, seed2 uint64) {
		rng := rand.New(rand.NewPCG(seed1, seed2))
		cfg := mixer.DefaultConfig()
		e, err := mixer.New(cfg, testRateHz)
		if err != nil {
			t.Fatal(err)
		}
		ring := e.NewCommandRing(256)
		in := make([][]float32, len(e.Inputs()))
		out := make([][]float32, len(e.Outputs()))
		for i := range in {
			in[i] = make([]float32, 8192)
		}
		for i := range out {
			out[i] = make([]float32, 8192)
		}
		ceilingDB := -1.0
		values := []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 1e30, -1e30, 0, 1, -1, 0.5}
		for period := range 60 {
			for range rng.IntN(20) {
				c := mixer.Command{Param: mixer.Param(rng.IntN(40)), Channel: int16(rng.IntN(8) - 1)}
				if rng.IntN(3) == 0 {
					c.Value = values[rng.IntN(len(values))]
				} else {
					c.Value = float32(rng.Float64()*44 - 22)
				}
				switch c.Param {
				case mixer.ParamLimiter:
					continue // the ceiling check below wants it on
				case mixer.ParamLimiterCeilingDB:
					if v := float64(c.Value); !math.IsNaN(v) && !math.IsInf(v, 0) {
						ceilingDB = math.Max(-20, math.Min(0, v))
					}
				}
				ring.TryPush(c)
			}
			n := 1 + rng.IntN(8192)
			if rng.IntN(2) == 0 {
				n = 1 + rng.IntN(300)
			}
			for i := range in {
				in[i] = in[i][:n]
				for j := range in[i] {
					in[i][j] = float32(rng.NormFloat64() * 2)
				}
				if rng.IntN(8) == 0 {
					in[i][rng.IntN(n)] = values[rng.IntN(5)]
				}
			}
			for i := range out {
				out[i] = out[i][:n]
			}
			e.Process(in, out)
			ceiling := float32(math.Pow(10, ceilingDB/20))
			for port, o := range out {
				for j, x := range o {
					if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
						t.Fatalf("period %d: output %d frame %d is %v", period, port, j, x)
					}
					if port < 2 && (x > ceiling || x < -ceiling) {
						t.Fatalf("period %d: master %v past the ceiling %v", period, x, ceiling)
					}
				}
			}
			for i := range in {
				in[i] = in[i][:cap(in[i])]
			}
			for i := range out {
				out[i] = out[i][:cap(out[i])]
			}
		}
	})
}
