package app

import (
	"io"
	"math"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

func rackEngine(t *testing.T) (*mixer.Engine, mixer.Config) {
	t.Helper()
	cfg := mixer.DefaultConfig()
	e, err := mixer.New(cfg, 48000)
	if err != nil {
		t.Fatal(err)
	}
	return e, cfg
}

// runEngine runs n periods of 256 frames of a 1 kHz sine at 0.25 on
// channel 1 (L and R) and returns master L's RMS over the last.
func runEngine(e *mixer.Engine, n int) float64 {
	in := make([][]float32, len(e.Inputs()))
	out := make([][]float32, len(e.Outputs()))
	for i := range in {
		in[i] = make([]float32, 256)
	}
	for i := range out {
		out[i] = make([]float32, 256)
	}
	for i := range in[0] {
		x := float32(0.25 * math.Sin(2*math.Pi*1000*float64(i)/48000))
		in[0][i], in[1][i] = x, x
	}
	var sum float64
	for range n {
		e.Process(in, out)
	}
	for _, x := range out[0] {
		sum += float64(x) * float64(x)
	}
	return math.Sqrt(sum / 256)
}

// TestRackKeepsMissingPlugin: a plugin that is not installed leaves a
// placeholder whose entry is written back exactly as it was loaded.
func TestRackKeepsMissingPlugin(t *testing.T) {
	e, cfg := rackEngine(t)
	r := newRack(e, cfg, nil, nil, nil, 48000, 256, io.Discard)
	defer r.close()
	gone := state.Insert{Channel: 2, Slot: 3, URI: "urn:linuxdj:test:not-installed", Bypass: true,
		Controls: map[string]float32{"gain": -4.5, "mode": 2}, State: "QHByZWZpeCBsdjI6IDw+IC4K"}
	r.apply([]state.Insert{gone})
	runEngine(e, 4)
	if uri, why, ok := r.placeholder(2, 3); !ok || uri != gone.URI || why == "" {
		t.Errorf("placeholder %q %q %v", uri, why, ok)
	}
	m := state.Defaults(cfg)
	r.capture(&m)
	if !reflect.DeepEqual(m.Inserts, []state.Insert{gone}) {
		t.Errorf("written back %+v, want %+v", m.Inserts, gone)
	}
}

// pluginEngine is rackEngine with the limiter off, for a test that plays
// real plugins (and so needs them, and cgo).
func pluginEngine(t *testing.T) (*mixer.Engine, mixer.Config) {
	t.Helper()
	testenv.Need(t, testenv.LV2)
	if !cgoEnabled {
		t.Skip("plugins need cgo")
	}
	e, cfg := rackEngine(t)
	e.NewCommandRing(4).TryPush(mixer.Command{Param: mixer.ParamLimiter, Value: 0})
	return e, cfg
}

// TestRackLoadsAndRecalls: swh's amp from an entry acts in the engine;
// its controls are captured as set; recalling no inserts empties the slot
// and the rack frees the plugin the engine hands back.
func TestRackLoadsAndRecalls(t *testing.T) {
	e, cfg := pluginEngine(t)
	r := newRack(e, cfg, nil, nil, nil, 48000, 256, io.Discard)
	defer r.close()
	dry := runEngine(e, 40)
	r.apply([]state.Insert{{Channel: 1, Slot: 1, URI: ampURI, Controls: map[string]float32{"gain": -6}}})
	if _, _, ok := r.placeholder(1, 1); ok {
		t.Fatal("the amp is a placeholder: not installed? (apt-get install swh-lv2)")
	}
	got := 20 * math.Log10(runEngine(e, 40)/dry)
	if math.Abs(got+6) > 0.01 {
		t.Errorf("amp at −6 dB: master moved %.3f dB", got)
	}
	m := state.Defaults(cfg)
	r.capture(&m)
	if len(m.Inserts) != 1 || m.Inserts[0].Controls["gain"] != -6 || m.Inserts[0].URI != ampURI {
		t.Errorf("captured %+v", m.Inserts)
	}
	r.apply(nil)
	runEngine(e, 40)
	if got := runEngine(e, 1); math.Abs(got-dry) > 1e-4 {
		t.Errorf("slot emptied: rms %v, dry %v", got, dry)
	}
	r.freeRetired()
	if _, ok := e.Retired(); ok {
		t.Error("a retired plugin was left")
	}
}

// TestRackFollowsTheStreamRate: when the stream's rate changes (a JACK
// server restarted at another rate), every plugin is made again for it,
// with the controls it had; the engine plays the new one.
func TestRackFollowsTheStreamRate(t *testing.T) {
	e, cfg := pluginEngine(t)
	var rate atomic.Int64
	rate.Store(48000)
	r := newRack(e, cfg, nil, nil, func() int { return int(rate.Load()) }, 48000, 256, io.Discard)
	defer r.close()
	dry := runEngine(e, 40)
	r.apply([]state.Insert{{Channel: 1, Slot: 1, URI: ampURI, Controls: map[string]float32{"gain": -6}}})
	before := r.view(1, 1).plugin
	if before == nil {
		t.Fatal("the amp is a placeholder: not installed? (apt-get install swh-lv2)")
	}
	if err := e.Prepare(96000); err != nil {
		t.Fatal(err)
	}
	rate.Store(96000)
	remade := func() bool { p := r.view(1, 1).plugin; return p != nil && p != before }
	for deadline := time.Now().Add(2 * time.Second); !remade() && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if !remade() {
		t.Fatal("the stream runs at 96 kHz; the slot still holds the 48 kHz instance")
	}
	if g, _ := r.view(1, 1).plugin.ins.Control("gain"); g != -6 {
		t.Errorf("made again at 96 kHz with gain %v, want −6", g)
	}
	runEngine(e, 40)
	if got := 20 * math.Log10(runEngine(e, 40)/dry); math.Abs(got+6) > 0.01 {
		t.Errorf("at 96 kHz the amp moves the master %.3f dB, want −6", got)
	}
}
