package mixer_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// TestPeriodLengthDoesNotChangeTheSignal feeds one signal to two engines,
// one in periods of 256 frames, the other in periods whose length changes
// every time (so its buffers are laid out anew every period), and
// requires the same outputs once the controls have settled: a buffer cut
// too short or overlapping another would change or lose samples.
func TestPeriodLengthDoesNotChangeTheSignal(t *testing.T) {
	cfg := stereoConfig(4)
	cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Mic"})
	const total = testRateHz / 2
	steady := newRig(t, cfg, total)
	changing := newRig(t, cfg, total)
	fillNoise(steady.in, 5)
	for i, b := range steady.in {
		copy(changing.in[i], b)
	}
	for _, r := range []*rig{steady, changing} {
		everythingOn(r, len(cfg.Channels))
	}

	run := func(r *rig, lengths []int) {
		for start, k := 0, 0; start < total; k++ {
			n := min(lengths[k%len(lengths)], total-start)
			in := make([][]float32, len(r.in))
			for i, b := range r.in {
				in[i] = b[start : start+n]
			}
			out := make([][]float32, len(r.out))
			for i, b := range r.out {
				out[i] = b[start : start+n]
			}
			r.e.Process(in, out)
			start += n
		}
	}
	run(steady, []int{256})
	run(changing, []int{64, 1024, 7, 256, 8192, 33, 512, 16})

	settled := testRateHz / 10
	for o := range steady.out {
		for i := settled; i < total; i++ {
			a, b := steady.out[o][i], changing.out[o][i]
			if math.Abs(float64(a-b)) > 1e-6 {
				t.Fatalf("output %d, frame %d: %g in periods of 256, %g in periods of changing length", o, i, a, b)
			}
		}
	}
}

// TestNewPeriodLengthDoesNotAllocate: laying the buffers out for a new
// period length happens on the audio thread, so it must not allocate.
func TestNewPeriodLengthDoesNotAllocate(t *testing.T) {
	r := newRig(t, stereoConfig(4), 8192)
	everythingOn(r, 4)
	fillNoise(r.in, 6)
	shortIn, shortOut := make([][]float32, len(r.in)), make([][]float32, len(r.out))
	for i, b := range r.in {
		shortIn[i] = b[:64]
	}
	for i, b := range r.out {
		shortOut[i] = b[:64]
	}
	r.run()
	allocs := testing.AllocsPerRun(50, func() {
		r.e.Process(shortIn, shortOut)
		r.run()
	})
	if allocs != 0 {
		t.Errorf("a period of a new length allocates %v times", allocs)
	}
}
