package alsa

import (
	"math/rand/v2"
	"testing"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
)

// newProcessor is the processor the round trips run through: the real
// mixer engine with one stereo deck, limiter off, everything else at its
// neutral default, which the engine keeps bit-exact. Deck 1 L/R are the
// first two inputs and master L/R the first two outputs, so capture
// channels 0–1 reach playback channels 0–1 through the whole strip.
func newProcessor(t *testing.T) backend.Processor {
	t.Helper()
	cfg := mixer.DefaultConfig()
	cfg.Channels = []mixer.ChannelConfig{{Name: "Deck 1", Stereo: true}}
	e, err := mixer.New(cfg, rateHz)
	if err != nil {
		t.Fatal(err)
	}
	if !e.NewCommandRing(4).TryPush(mixer.Command{Param: mixer.ParamLimiter, Value: 0}) {
		t.Fatal("command ring full")
	}
	return e
}

// TestEngineUnityIsBitExact checks on the host what the VM round trip
// relies on: 24-bit samples pass the engine at unity unchanged.
func TestEngineUnityIsBitExact(t *testing.T) {
	p := newProcessor(t)
	if err := p.Prepare(rateHz); err != nil {
		t.Fatal(err)
	}
	const frames = 256
	in := make([][]float32, len(p.Inputs()))
	out := make([][]float32, len(p.Outputs()))
	for i := range in {
		in[i] = make([]float32, frames)
	}
	for i := range out {
		out[i] = make([]float32, frames)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for period := range 400 {
		for ch := range in {
			for f := range in[ch] {
				in[ch][f] = float32(rng.Int32N(1<<24)-1<<23) / (1 << 23)
			}
		}
		p.Process(in, out)
		if period < 100 { // let any start-up ramp settle
			continue
		}
		for ch := range 2 {
			for f := range frames {
				if out[ch][f] != in[ch][f] {
					t.Fatalf("period %d ch %d frame %d: in %v out %v", period, ch, f, in[ch][f], out[ch][f])
				}
			}
		}
	}
}
