package mixer_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

func finite(b []float32) bool {
	for _, x := range b {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return false
		}
	}
	return true
}

// TestBadInputIsMutedAndFlagged feeds NaN, Inf and absurd values into a
// channel with every filter engaged: no output may carry them, the channel
// is flagged and muted, and it comes back once its input is clean.
func TestBadInputIsMutedAndFlagged(t *testing.T) {
	for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 1e30} {
		r := newRig(t, stereoConfig(2), 128)
		everythingOn(r, 2)
		r.set(mixer.ParamCueMix, 0, 0.5)
		r.set(mixer.ParamSplitCue, 0, 0)
		sine := func() {
			for i := range r.in[0] {
				r.in[0][i] = float32(0.5 * math.Sin(float64(i)/4))
				r.in[1][i] = r.in[0][i]
			}
		}
		sine()
		for range 20 {
			r.run()
		}
		r.in[1][17] = bad
		r.run()
		if got := r.e.Status().BadInputChannels; got != 1 {
			t.Fatalf("%v on channel 1: BadInputChannels = %b, want 1", bad, got)
		}
		for port, o := range r.out {
			if !finite(o) {
				t.Fatalf("%v on the input reached output %d", bad, port)
			}
		}
		sine()
		r.run()
		for range 40 { // 100 ms: still in the hold, still flagged and silent
			r.run()
		}
		if r.e.Status().BadInputChannels != 1 {
			t.Errorf("%v: flag cleared during the hold", bad)
		}
		if p := peak(r.out[0]); p > 1e-6 {
			t.Errorf("%v: channel plays during the hold, master peak %v", bad, p)
		}
		for range 200 { // past the 250 ms hold and the fade-in
			r.run()
		}
		if got := r.e.Status().BadInputChannels; got != 0 {
			t.Errorf("%v: flag still %b after clean input", bad, got)
		}
		p := peak(r.out[0])
		if !(p > 0.05) {
			t.Errorf("%v: channel did not come back, master peak %v", bad, p)
		}
		for port, o := range r.out {
			if !finite(o) {
				t.Fatalf("%v: filter state poisoned, output %d not finite after recovery", bad, port)
			}
		}
	}
}

// TestBadCommandsAreSafe: NaN and Inf values are ignored, values out of
// range are clamped, unknown parameters and channels are ignored.
func TestBadCommandsAreSafe(t *testing.T) {
	r := newRig(t, stereoConfig(1), 256)
	r.set(mixer.ParamLimiter, 0, 0)
	for i := range r.in[0] {
		r.in[0][i], r.in[1][i] = 0.25, 0.25
	}
	r.set(mixer.ParamFader, 0, float32(math.NaN()))
	r.set(mixer.ParamFader, 0, float32(math.Inf(1)))
	r.set(mixer.ParamTrimDB, 0, float32(math.Inf(-1)))
	r.set(mixer.ParamFader, 5, 0)       // no such channel
	r.set(mixer.ParamFader, -1, 0)      // no such channel
	r.set(mixer.Param(999), 0, 1)       // no such parameter
	r.set(mixer.ParamMasterLevel, 0, 7) // clamped to the top: +6 dB
	for range 10 {
		r.run()
	}
	want := 0.25 * math.Pow(10, 6.0/20)
	if got := float64(r.out[0][255]); math.Abs(got-want) > 1e-5 {
		t.Errorf("master at +6 dB clamp: %v, want %v", got, want)
	}
	for port, o := range r.out {
		if !finite(o) {
			t.Fatalf("output %d not finite", port)
		}
	}
}

// TestDenormalsAreFlushed: after an impulse through every filter, the
// decaying tails end in exact zeros, never in subnormal numbers (which
// would make every later sample many times slower to compute).
func TestDenormalsAreFlushed(t *testing.T) {
	r := newRig(t, stereoConfig(1), 1024)
	everythingOn(r, 1)
	r.set(mixer.ParamFilterResonance, 0, 1)
	r.run()
	r.in[0][0], r.in[1][0] = 1, -1
	r.run()
	r.in[0][0], r.in[1][0] = 0, 0
	const smallestNormal = 0x1p-126
	for period := range 5 * testRateHz / 1024 {
		r.run()
		for port, o := range r.out {
			for i, x := range o {
				if x != 0 && math.Abs(float64(x)) < smallestNormal {
					t.Fatalf("period %d: output %d frame %d is subnormal: %g", period, port, i, x)
				}
			}
		}
	}
	for port, o := range r.out {
		if p := peak(o); p != 0 {
			t.Errorf("after 5 s of silence output %d still reads %g", port, p)
		}
	}
}
