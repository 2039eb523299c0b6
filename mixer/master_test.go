package mixer_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// TestLimiterCeiling drives the master 12 dB over full scale with a burst of
// noise and sines: no master sample may pass −1 dBFS, and the limiter must
// have done the work with gain, not left it all to the clamp.
func TestLimiterCeiling(t *testing.T) {
	r := newRig(t, stereoConfig(2), 256)
	ceiling := float32(math.Pow(10, -1.0/20))
	rng := rand.New(rand.NewPCG(5, 6))
	burstGain := math.Pow(10, 12.0/20)
	var worst float32
	var minGainDB float32
	for period := range 400 {
		for i := range r.in[0] {
			n := float64(period*256 + i)
			amp := 0.5
			if period >= 100 && period < 300 {
				amp *= burstGain * 2 // +12 dB over full scale
			}
			r.in[0][i] = float32(amp * math.Sin(2*math.Pi*100*n/testRateHz))
			r.in[1][i] = float32(amp * math.Sin(2*math.Pi*3000*n/testRateHz))
			r.in[2][i] = float32(amp * 0.5 * rng.NormFloat64())
			r.in[3][i] = float32(amp * 0.5 * rng.NormFloat64())
		}
		r.run()
		for port := range 2 {
			worst = max(worst, peak(r.out[port]))
		}
		minGainDB = min(minGainDB, r.e.Status().LimiterGainDB)
	}
	t.Logf("output peak %.6f (ceiling %.6f), deepest gain reduction %.1f dB", worst, ceiling, minGainDB)
	if worst > ceiling {
		t.Errorf("a sample reached %v, past the ceiling %v", worst, ceiling)
	}
	if worst < ceiling*0.9 {
		t.Errorf("peak %v: the limiter held the level far below the ceiling %v", worst, ceiling)
	}
	if minGainDB > -12 {
		t.Errorf("deepest gain reduction %v dB, want at least 12 dB for a +12 dB burst", minGainDB)
	}
	if got := r.e.LatencyFrames(); got != 72 {
		t.Errorf("latency %d frames, want 72 (1.5 ms at 48 kHz)", got)
	}
	if got := r.e.Status().LimiterLatency; got != 72 {
		t.Errorf("status latency %d frames, want 72", got)
	}
	if err := r.e.Prepare(96000); err != nil {
		t.Fatal(err)
	}
	if got := r.e.LatencyFrames(); got != 144 {
		t.Errorf("at 96 kHz: latency %d frames, want 144", got)
	}
	r.set(mixer.ParamLimiter, 0, 0)
	r.run()
	if got := r.e.LatencyFrames(); got != 0 {
		t.Errorf("limiter off: latency %d, want 0", got)
	}
}

// TestSplitCue: with split cue the headphones carry the cue bus in mono on
// the left and the master in mono on the right.
func TestSplitCue(t *testing.T) {
	r := newRig(t, stereoConfig(2), 256)
	r.set(mixer.ParamCue, 0, 1)       // channel 1 cued …
	r.set(mixer.ParamFader, 0, 0)     // … but not on the master
	r.set(mixer.ParamSplitCue, 0, 1)  // split
	r.set(mixer.ParamLimiter, 0, 0)   // so master is exact
	r.set(mixer.ParamCueMix, 0, 0.25) // ignored by split
	for range 20 {
		for i := range r.in[0] {
			n := float64(i)
			r.in[0][i] = float32(0.4 * math.Sin(n/7))  // ch1 L
			r.in[1][i] = float32(0.2 * math.Cos(n/5))  // ch1 R
			r.in[2][i] = float32(0.3 * math.Sin(n/11)) // ch2 L
			r.in[3][i] = float32(0.1 * math.Sin(n/3))  // ch2 R
		}
		r.run()
	}
	for i := range r.in[0] {
		cueMono := (r.in[0][i] + r.in[1][i]) / 2
		masterMono := (r.in[2][i] + r.in[3][i]) / 2
		if d := math.Abs(float64(r.out[4][i] - cueMono)); d > 1e-6 {
			t.Fatalf("frame %d: phones L %v, want cue mono %v", i, r.out[4][i], cueMono)
		}
		if d := math.Abs(float64(r.out[5][i] - masterMono)); d > 1e-6 {
			t.Fatalf("frame %d: phones R %v, want master mono %v", i, r.out[5][i], masterMono)
		}
	}
	// Without split, the mix knob at 0 gives the cue in stereo.
	r.set(mixer.ParamSplitCue, 0, 0)
	r.set(mixer.ParamCueMix, 0, 0)
	for range 10 {
		r.run()
	}
	for i := range r.in[0] {
		if r.out[4][i] != r.in[0][i] || r.out[5][i] != r.in[1][i] {
			t.Fatalf("frame %d: phones %v %v, want cue %v %v", i, r.out[4][i], r.out[5][i], r.in[0][i], r.in[1][i])
		}
	}
}

// TestPanAndFaderInEngine checks the laws arrive at the outputs: a mono
// channel panned centre is −3 dB on each side, a stereo one at balance
// −0.5 keeps its left and loses 3 dB on the right, the fader at −12 dB.
func TestPanAndFaderInEngine(t *testing.T) {
	cfg := mixer.Config{Channels: []mixer.ChannelConfig{{Name: "Mic"}, {Name: "Deck", Stereo: true}}, CrossoverLowHz: 250, CrossoverHighHz: 2500}
	r := newRig(t, cfg, 256)
	r.set(mixer.ParamLimiter, 0, 0)
	r.set(mixer.ParamFader, 1, 0) // deck off
	for i := range r.in[0] {
		r.in[0][i] = 0.5
	}
	for range 10 {
		r.run()
	}
	h := float32(math.Sqrt2 / 2 * 0.5)
	if math.Abs(float64(r.out[0][255]-h)) > 1e-6 || math.Abs(float64(r.out[1][255]-h)) > 1e-6 {
		t.Errorf("mono centre: %v, %v, want %v each", r.out[0][255], r.out[1][255], h)
	}
	r.set(mixer.ParamFader, 0, 0)
	r.set(mixer.ParamFader, 1, float32(mixer.FaderPos(-12)))
	r.set(mixer.ParamPan, 1, -0.5)
	for i := range r.in[0] {
		r.in[0][i], r.in[1][i], r.in[2][i] = 0, 0.5, 0.5
	}
	for range 10 {
		r.run()
	}
	g := 0.5 * math.Pow(10, -12.0/20)
	if l, rr := float64(r.out[0][255]), float64(r.out[1][255]); math.Abs(l-g) > 1e-6 || math.Abs(rr-g*math.Sqrt2/2) > 1e-6 {
		t.Errorf("stereo at balance −0.5, fader −12 dB: %v, %v, want %v, %v", l, rr, g, g*math.Sqrt2/2)
	}
}

// TestCeilingAndBooth: a lowered ceiling holds, and the booth carries the
// limited master at its own level.
func TestCeilingAndBooth(t *testing.T) {
	r := newRig(t, stereoConfig(1), 256)
	r.set(mixer.ParamLimiterCeilingDB, 0, -6)
	boothPos := float32(mixer.FaderPos(-10))
	r.set(mixer.ParamBoothLevel, 0, boothPos)
	fillNoise(r.in, 11)
	for _, b := range r.in {
		for i := range b {
			b[i] *= 8
		}
	}
	ceiling := float32(math.Pow(10, -6.0/20))
	boothGain := float32(mixer.FaderGain(float64(boothPos)))
	for period := range 40 {
		r.run()
		if p := max(peak(r.out[0]), peak(r.out[1])); p > ceiling {
			t.Fatalf("period %d: peak %v past the −6 dB ceiling %v", period, p, ceiling)
		}
		if period < 5 { // the booth level's ramp
			continue
		}
		for i := range r.out[0] {
			for side := range 2 {
				if d := r.out[2+side][i] - r.out[side][i]*boothGain; d > 1e-6 || d < -1e-6 {
					t.Fatalf("frame %d: booth %v, master %v × %v", i, r.out[2+side][i], r.out[side][i], boothGain)
				}
			}
		}
	}
}

// TestMonoAndCrossfaderInEngine: mono sums the master to (L+R)/2 on both
// sides; the crossfader and its reverse switch gate channels by assignment.
func TestMonoAndCrossfaderInEngine(t *testing.T) {
	r := newRig(t, stereoConfig(2), 256)
	r.set(mixer.ParamLimiter, 0, 0)
	r.set(mixer.ParamMasterMono, 0, 1)
	r.set(mixer.ParamFader, 1, 0)
	fillNoise(r.in, 12)
	settle := func() {
		for range 5 {
			r.run()
		}
	}
	settle()
	for i := range r.out[0] {
		want := (r.in[0][i] + r.in[1][i]) / 2
		if d := math.Abs(float64(r.out[0][i] - want)); d > 1e-6 || r.out[0][i] != r.out[1][i] {
			t.Fatalf("mono frame %d: %v %v, want %v", i, r.out[0][i], r.out[1][i], want)
		}
	}

	r.set(mixer.ParamMasterMono, 0, 0)
	r.set(mixer.ParamFader, 1, 0.75)
	r.set(mixer.ParamXfaderAssign, 0, mixer.XfaderA)
	r.set(mixer.ParamXfaderAssign, 1, mixer.XfaderB)
	r.set(mixer.ParamCrossfader, 0, 1) // all B: channel 2 only
	settle()
	for i := range r.out[0] {
		if r.out[0][i] != r.in[2][i] {
			t.Fatalf("crossfader at B, frame %d: %v, want channel 2's %v", i, r.out[0][i], r.in[2][i])
		}
	}
	r.set(mixer.ParamCrossfaderReverse, 0, 1) // hamster: now all A
	settle()
	for i := range r.out[0] {
		if r.out[0][i] != r.in[0][i] {
			t.Fatalf("reversed crossfader at B, frame %d: %v, want channel 1's %v", i, r.out[0][i], r.in[0][i])
		}
	}
}
