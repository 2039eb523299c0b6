package mixer_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// sineRig is a rig whose first channel plays a steady sine: freqL on the
// left, freqR on the right, amplitude 0.5.
type sineRig struct {
	*rig
	freqL, freqR float64
	frame        int
	prev         []float32 // last sample of each output, for steps across periods
}

func newSineRig(t *testing.T, freqL, freqR float64) *sineRig {
	r := &sineRig{rig: newRig(t, mixer.DefaultConfig(), 64), freqL: freqL, freqR: freqR}
	r.prev = make([]float32, len(r.out))
	return r
}

func (r *sineRig) period() {
	for i := range r.in[0] {
		t := float64(r.frame+i) / testRateHz
		r.in[0][i] = float32(0.5 * math.Sin(2*math.Pi*r.freqL*t))
		r.in[1][i] = float32(0.5 * math.Sin(2*math.Pi*r.freqR*t))
	}
	r.frame += len(r.in[0])
	r.run()
}

// maxStep runs for seconds and returns the largest sample-to-sample step
// on output port.
func (r *sineRig) maxStep(port int, seconds float64) float64 {
	step := 0.0
	for range int(seconds * testRateHz / 64) {
		r.period()
		prev := r.prev[port]
		for _, x := range r.out[port] {
			step = math.Max(step, math.Abs(float64(x-prev)))
			prev = x
		}
		r.prev[port] = prev
	}
	return step
}

// TestSwitchesDoNotClick switches each control on and off while a sine
// plays. The largest step at the output during each change must stay
// within the largest step the steady signal makes on either side of it,
// plus 10%: a click or zipper would add a step the size of the signal.
func TestSwitchesDoNotClick(t *testing.T) {
	const (
		master = 0
		phones = 4
	)
	type cmd struct {
		p  mixer.Param
		ch int
		v  float32
	}
	for _, c := range []struct {
		name    string
		setup   []cmd
		on, off cmd
		port    int
		hz      float64 // the sine on the left, when not 440 Hz
	}{
		{name: "mute", on: cmd{mixer.ParamMute, 0, 1}, off: cmd{mixer.ParamMute, 0, 0}, port: master},
		{name: "cue", setup: []cmd{{mixer.ParamCueMix, 0, 0}}, on: cmd{mixer.ParamCue, 0, 1}, off: cmd{mixer.ParamCue, 0, 0}, port: phones},
		{name: "kill low", on: cmd{mixer.ParamKillLow, 0, 1}, off: cmd{mixer.ParamKillLow, 0, 0}, port: master},
		{name: "kill mid", on: cmd{mixer.ParamKillMid, 0, 1}, off: cmd{mixer.ParamKillMid, 0, 0}, port: master},
		{name: "kill high", on: cmd{mixer.ParamKillHigh, 0, 1}, off: cmd{mixer.ParamKillHigh, 0, 0}, port: master, hz: 6000},
		{name: "assign A, fader at B", setup: []cmd{{mixer.ParamCrossfader, 0, 1}}, on: cmd{mixer.ParamXfaderAssign, 0, mixer.XfaderA}, off: cmd{mixer.ParamXfaderAssign, 0, mixer.XfaderThru}, port: master},
		{name: "polarity", on: cmd{mixer.ParamPolarity, 0, 1}, off: cmd{mixer.ParamPolarity, 0, 0}, port: master},
		{name: "EQ out of bypass", on: cmd{mixer.ParamEQLow, 0, 0.7}, off: cmd{mixer.ParamEQLow, 0, 0.5}, port: master},
		{name: "filter out of bypass", on: cmd{mixer.ParamFilter, 0, -0.5}, off: cmd{mixer.ParamFilter, 0, 0}, port: master},
		{name: "filter LP to HP", setup: []cmd{{mixer.ParamFilter, 0, -0.4}}, on: cmd{mixer.ParamFilter, 0, 0.4}, off: cmd{mixer.ParamFilter, 0, -0.4}, port: master},
		{name: "limiter", on: cmd{mixer.ParamLimiter, 0, 0}, off: cmd{mixer.ParamLimiter, 0, 1}, port: master},
		{name: "master mono", on: cmd{mixer.ParamMasterMono, 0, 1}, off: cmd{mixer.ParamMasterMono, 0, 0}, port: master},
		{name: "split cue", setup: []cmd{{mixer.ParamCue, 0, 1}}, on: cmd{mixer.ParamSplitCue, 0, 1}, off: cmd{mixer.ParamSplitCue, 0, 0}, port: phones},
		{name: "fader jump", on: cmd{mixer.ParamFader, 0, 0}, off: cmd{mixer.ParamFader, 0, 1}, port: master},
		{name: "trim jump", on: cmd{mixer.ParamTrimDB, 0, 6}, off: cmd{mixer.ParamTrimDB, 0, -20}, port: master},
		{name: "crossfader jump", setup: []cmd{{mixer.ParamXfaderAssign, 0, mixer.XfaderA}, {mixer.ParamCrossfaderCurve, 0, 0}}, on: cmd{mixer.ParamCrossfader, 0, 1}, off: cmd{mixer.ParamCrossfader, 0, -1}, port: master},
	} {
		t.Run(c.name, func(t *testing.T) {
			hz := 440.0
			if c.hz != 0 {
				hz = c.hz
			}
			r := newSineRig(t, hz, 660)
			twin := newSineRig(t, hz, 660) // the same, never switched
			for _, s := range c.setup {
				r.set(s.p, s.ch, s.v)
				twin.set(s.p, s.ch, s.v)
			}
			r.maxStep(c.port, 0.5)
			twin.maxStep(c.port, 0.5)
			before := r.maxStep(c.port, 0.1)
			twin.maxStep(c.port, 0.1)

			r.set(c.on.p, c.on.ch, c.on.v)
			switching := r.maxStep(c.port, 0.05)
			twin.maxStep(c.port, 0.05)
			on := r.maxStep(c.port, 0.1)
			twin.maxStep(c.port, 0.1)
			// The switch must change the sound, or this test proves nothing.
			diff := 0.0
			for i, x := range r.out[c.port] {
				diff = math.Max(diff, math.Abs(float64(x-twin.out[c.port][i])))
			}
			if diff < 0.01 {
				t.Fatalf("switching on changed the output by only %v", diff)
			}

			r.set(c.off.p, c.off.ch, c.off.v)
			switchingBack := r.maxStep(c.port, 0.05)
			after := r.maxStep(c.port, 0.1)

			t.Logf("steps: steady %.4f, on %.4f (%.4f), off %.4f (%.4f)", before, switching, on, switchingBack, after)
			if limit := 1.1 * math.Max(before, on); switching > limit {
				t.Errorf("switching on: step %.4f, steady signal %.4f / %.4f", switching, before, on)
			}
			if limit := 1.1 * math.Max(on, after); switchingBack > limit {
				t.Errorf("switching off: step %.4f, steady signal %.4f / %.4f", switchingBack, on, after)
			}
		})
	}
}
