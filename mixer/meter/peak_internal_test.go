package meter

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPeakChunksMatchSamples: Process, which skips the per-sample
// ballistics where a chunk stays under the falling bar, reads as the
// per-sample ballistics alone do, for music-like noise with swells, clicks,
// silence and bad samples, in blocks of every size the engine uses.
func TestPeakChunksMatchSamples(t *testing.T) {
	const rate = 48000
	rng := rand.New(rand.NewPCG(3, 5))
	sig := make([]float32, 4*rate)
	for i := range sig {
		swell := 0.5 + 0.5*math.Sin(2*math.Pi*2*float64(i)/rate)
		switch {
		case i%rate > rate*3/4: // a quarter second of silence each second
		case i%9973 == 0:
			sig[i] = float32(rng.Float64()*2 - 1) // a click
		default:
			sig[i] = float32(rng.NormFloat64() * 0.1 * swell)
		}
	}
	sig[1000], sig[2000], sig[3000] = float32(math.NaN()), float32(math.Inf(1)), 1.2
	for _, block := range []int{1, 16, 31, 64, 256, 1024, 8192} {
		var fast, ref Peak
		if err := fast.Prepare(rate); err != nil {
			t.Fatal(err)
		}
		if err := ref.Prepare(rate); err != nil {
			t.Fatal(err)
		}
		for start := 0; start < len(sig); start += block {
			b := sig[start:min(start+block, len(sig))]
			fast.Process(b)
			ref.processFrames(b)
			ref.maxSinceRead = max32(ref.maxSinceRead, chunkMax(b))
			ref.clip = ref.clip || chunkMax(b) >= ref.clipThreshold
			ref.level, ref.hold = float32(flushDenormal(float64(ref.level))), float32(flushDenormal(float64(ref.hold)))
			if !closeTo(fast.level, ref.level) || !closeTo(fast.hold, ref.hold) || fast.holdLeftFrames != ref.holdLeftFrames {
				t.Fatalf("block %d at frame %d: level %g hold %g left %d, per sample %g %g %d",
					block, start, fast.level, fast.hold, fast.holdLeftFrames, ref.level, ref.hold, ref.holdLeftFrames)
			}
			if fast.maxSinceRead != ref.maxSinceRead || fast.clip != ref.clip {
				t.Fatalf("block %d at frame %d: max %g clip %v, per sample %g %v",
					block, start, fast.maxSinceRead, fast.clip, ref.maxSinceRead, ref.clip)
			}
			fast.Read()
			ref.Read()
		}
	}
}

// closeTo allows for the bar's fall computed as one power rather than as
// a product of one factor per sample, rounded each time: 0.01 dB.
func closeTo(a, b float32) bool {
	return math.Abs(float64(a)-float64(b)) <= 1.2e-3*math.Abs(float64(b))
}
