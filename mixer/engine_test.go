package mixer_test

import (
	"math/rand/v2"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

const testRateHz = 48000

// rig is an engine with its buffers, fed and run in periods.
type rig struct {
	t       testing.TB
	e       *mixer.Engine
	ctl     ringPusher
	in, out [][]float32
}

type ringPusher interface {
	TryPush(mixer.Command) bool
}

func newRig(t testing.TB, cfg mixer.Config, frames int) *rig {
	t.Helper()
	e, err := mixer.New(cfg, testRateHz)
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, e: e, ctl: e.NewCommandRing(1024)}
	for range e.Inputs() {
		r.in = append(r.in, make([]float32, frames))
	}
	for range e.Outputs() {
		r.out = append(r.out, make([]float32, frames))
	}
	return r
}

func (r *rig) set(p mixer.Param, ch int, v float32) {
	r.t.Helper()
	if !r.ctl.TryPush(mixer.Command{Param: p, Channel: int16(ch), Value: v}) {
		r.t.Fatal("command ring full")
	}
}

func (r *rig) run() { r.e.Process(r.in, r.out) }

// stereoConfig is n stereo channels with the default crossovers.
func stereoConfig(n int) mixer.Config {
	cfg := mixer.DefaultConfig()
	cfg.Channels = nil
	for range n {
		cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Deck", Stereo: true})
	}
	return cfg
}

func TestNeutralPathIsBitExact(t *testing.T) {
	r := newRig(t, mixer.DefaultConfig(), 256)
	r.set(mixer.ParamLimiter, 0, 0)
	rng := rand.New(rand.NewPCG(1, 2))
	play := func() {
		for i := range r.in[0] {
			r.in[0][i] = float32(rng.NormFloat64() * 0.5)
			r.in[1][i] = float32(rng.NormFloat64() * 0.5)
		}
		r.run()
	}
	check := func(when string) {
		t.Helper()
		for i := range r.in[0] {
			for side := range 2 {
				in := r.in[side][i]
				if r.out[side][i] != in || r.out[2+side][i] != in {
					t.Fatalf("%s, frame %d side %d: master %v booth %v, in %v", when, i, side, r.out[side][i], r.out[2+side][i], in)
				}
			}
		}
	}
	for range 5 { // the limiter's switch-off crossfade
		play()
	}
	for range 50 {
		play()
		check("from the start")
	}

	// Engage every filter, then return to neutral: once the bypass
	// crossfade is over, the path is bit-exact again.
	r.set(mixer.ParamEQLow, 0, 0.3)
	r.set(mixer.ParamKillHigh, 0, 1)
	r.set(mixer.ParamFilter, 0, -0.6)
	r.set(mixer.ParamTrimDB, 0, 4)
	r.set(mixer.ParamPan, 0, 0.5)
	for range 20 {
		play()
	}
	changed := false
	for i := range r.in[0] {
		changed = changed || r.out[0][i] != r.in[0][i]
	}
	if !changed {
		t.Fatal("engaged filters did not change the output")
	}
	r.set(mixer.ParamEQLow, 0, 0.5)
	r.set(mixer.ParamKillHigh, 0, 0)
	r.set(mixer.ParamFilter, 0, 0)
	r.set(mixer.ParamTrimDB, 0, 0)
	r.set(mixer.ParamPan, 0, 0)
	for range 5 { // 27 ms: past every 10 ms ramp
		play()
	}
	for range 20 {
		play()
		check("back at neutral")
	}
}
