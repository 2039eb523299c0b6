package mixer_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// TestProcessDoesNotAllocate runs Process with every feature on and fresh
// commands arriving every period, at every period size a backend may use.
func TestProcessDoesNotAllocate(t *testing.T) {
	cfg := stereoConfig(6)
	cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Mic"})
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newRig(t, cfg, frames)
			everythingOn(r, len(cfg.Channels))
			fillNoise(r.in, 3)
			r.in[0][0] = 4 // drive the limiter
			r.run()
			step := float32(0)
			allocs := testing.AllocsPerRun(50, func() {
				step += 0.01
				// A knob turning on every channel, the crossfader and a switch.
				for ch := range cfg.Channels {
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamFilter, Channel: int16(ch), Value: -0.5 + step})
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamEQHigh, Channel: int16(ch), Value: step})
				}
				r.ctl.TryPush(mixer.Command{Param: mixer.ParamCrossfader, Value: step - 0.2})
				r.ctl.TryPush(mixer.Command{Param: mixer.ParamKillMid, Channel: 1, Value: float32(int(step*100) % 2)})
				r.run()
			})
			if allocs != 0 {
				t.Errorf("Process allocates %v times per period", allocs)
			}
		})
	}
}

// TestGraphSwap changes the sample rate while running: the new graph keeps
// every control setting, and adopting it does not allocate.
func TestGraphSwap(t *testing.T) {
	r := newSineRig(t, 1000, 1000)
	r.set(mixer.ParamFader, 0, float32(mixer.FaderPos(-12)))
	r.set(mixer.ParamKillLow, 0, 1)
	r.set(mixer.ParamLimiter, 0, 0)
	r.maxStep(0, 0.2)
	peakBefore := peak(r.out[0])

	// Like testing.AllocsPerRun, average over many swaps, so one stray
	// allocation elsewhere in the runtime does not count; an allocating
	// adoption would cost at least one per swap.
	const swaps = 60
	var mallocs uint64
	for i := range swaps {
		rate := []int{44100, 96000, 48000}[i%3]
		if err := r.e.Prepare(rate); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r.period()
		runtime.ReadMemStats(&after)
		mallocs += after.Mallocs - before.Mallocs
		// The new graph starts where the old one stood: no fade in from
		// silence (that would peak at 64/480 of the level here). Filters
		// restart from rest at the new rate, which moves the peak a little.
		if p := peak(r.out[0]); p < 0.8*peakBefore || p > 1.2*peakBefore {
			t.Errorf("swap to %d Hz: the period peaks at %v, before at %v", rate, p, peakBefore)
		}
		if got := r.e.Status().SampleRateHz; got != rate {
			t.Errorf("status rate %d, want %d", got, rate)
		}
		if r.e.LatencyFrames() != 0 {
			t.Errorf("limiter off, latency %d", r.e.LatencyFrames())
		}
	}
	if mallocs >= swaps {
		t.Errorf("adopting a graph allocates: %d allocations in %d swaps", mallocs, swaps)
	}
	r.maxStep(0, 0.2) // back at 48 kHz, as the sine is
	if got := peak(r.out[0]); got < peakBefore*0.98 || got > peakBefore*1.02 {
		t.Errorf("after the swaps the master peaks at %v, before at %v: settings lost", got, peakBefore)
	}
	if err := r.e.Prepare(100); err == nil {
		t.Error("Prepare(100 Hz) succeeded")
	}
}

func peak(b []float32) float32 {
	p := float32(0)
	for _, x := range b {
		p = max(p, x, -x)
	}
	return p
}
