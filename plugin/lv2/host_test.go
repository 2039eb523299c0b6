//go:build cgo

package lv2_test

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

func TestListsInstalledPlugins(t *testing.T) {
	w := theWorld(t)
	for uri := range packages {
		need(t, uri)
	}
	amp, _ := w.Plugin(swhAmp)
	want := lv2.Plugin{URI: swhAmp, Name: "Simple amplifier", Class: "Amplifier Plugin", Author: "Steve Harris", AudioInputs: 1, AudioOutputs: 1}
	if amp != want {
		t.Errorf("swh amp listed as %+v; want %+v", amp, want)
	}
	if n := len(w.Plugins()); n < 100 {
		t.Errorf("%d plugins listed; the three test packages alone have hundreds", n)
	}
	if !slices.IsSortedFunc(w.Plugins(), func(a, b lv2.Plugin) int {
		return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	}) {
		t.Error("plugins are not sorted by name")
	}
	found := w.Search("simple AMPLIFIER")
	if len(found) != 1 || found[0].URI != swhAmp {
		t.Errorf("search for simple amplifier found %v", found)
	}
	for query, uris := range map[string][]string{
		"equaliser plugin":     {swhDJEQ},      // swh's class
		"parametric eq plugin": {x42EQ, lspEQ}, // x42's and LSP's
		"gareus":               {x42EQ, x42NoDelay, x42Convo},
	} {
		found := w.Search(query)
		for _, uri := range uris {
			if !slices.ContainsFunc(found, func(p lv2.Plugin) bool { return p.URI == uri }) {
				t.Errorf("search for %q misses %s", query, uri)
			}
		}
	}
}

func TestInstantiatesRealPlugins(t *testing.T) {
	signal := noise(4096)
	for _, uri := range []string{swhAmp, swhDJEQ, swhLatency, x42EQ, x42NoDelay, x42Convo, lspEQ, lspDelay} {
		t.Run(uri, func(t *testing.T) {
			in := instance(t, uri)
			if in.AudioInputs() < 1 || in.AudioOutputs() < 1 {
				t.Fatalf("%d audio inputs, %d outputs", in.AudioInputs(), in.AudioOutputs())
			}
			periods := []int{1, 64, 256, 1000, lv2.MaxFrames}
			if uri == lspDelay {
				// LSP 1.2.5's delay compensator corrupts its own heap when
				// run on more than about 5000 frames at once, whatever
				// maxBlockLength says (its buffers are not the host's: they
				// were made four times as large and it still did).
				periods = periods[:4]
			}
			for _, period := range periods {
				out := process(in, signal, period)
				for i, x := range out {
					if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
						t.Fatalf("period %d: output %d is %v", period, i, x)
					}
				}
			}
			if in.Faults() != 0 {
				t.Errorf("%d faults", in.Faults())
			}
		})
	}
}

func TestUnknownPluginIsAnError(t *testing.T) {
	if _, err := theWorld(t).Instantiate("urn:linuxdj:no-such-plugin", rateHz, 256); err == nil ||
		!strings.Contains(err.Error(), "no plugin urn:linuxdj:no-such-plugin") {
		t.Fatalf("err %v", err)
	}
	need(t, swhAmp)
	if _, err := theWorld(t).Instantiate(swhAmp, rateHz, lv2.MaxFrames+1); err == nil {
		t.Fatal("a period over MaxFrames was accepted")
	}
}

func TestAmpGainWithinHundredthOfADecibel(t *testing.T) {
	in := instance(t, swhAmp)
	signal := sine(997, 0.25, rateHz/2)
	for _, db := range []float32{-40, -12, -6, -0.5, 0, 3, 12} {
		set(t, in, "gain", db)
		got := gainDB(signal, process(in, signal, 256))
		if math.Abs(got-float64(db)) > 0.01 {
			t.Errorf("gain %v dB measured %.4f dB", db, got)
		}
	}
}

func TestDJEQResponse(t *testing.T) {
	in := instance(t, swhDJEQ)
	set(t, in, "lo", -12)
	set(t, in, "mid", 0)
	set(t, in, "hi", 6)
	// The low and mid bands are peaks (at 100 Hz and 1 kHz), the high band
	// a shelf whose corner, 10 kHz, is at half its gain.
	for _, c := range []struct{ hz, wantDB, tolDB float64 }{
		{100, -12, 0.05},
		{1000, 0, 0.05},
		{10000, 3, 0.05},
		{20000, 6, 0.1},
	} {
		signal := sine(c.hz, 0.25, rateHz)
		got := gainDB(signal, process(in, signal, 256))
		t.Logf("%5.0f Hz: %+.2f dB", c.hz, got)
		if math.Abs(got-c.wantDB) > c.tolDB {
			t.Errorf("%v Hz: %.2f dB; want %v ± %v", c.hz, got, c.wantDB, c.tolDB)
		}
	}
}

// impulseAt returns where the first sample above half of full scale is.
func impulseAt(out []float32) int {
	return slices.IndexFunc(out, func(x float32) bool { return x > 0.5 })
}

func TestLatencyIsReported(t *testing.T) {
	t.Run("x42 nodelay", func(t *testing.T) {
		in := instance(t, x42NoDelay)
		set(t, in, "delay", 100)
		set(t, in, "report_latency", 1)
		process(in, make([]float32, 4096), 256) // the delay glides to its new length
		impulse := make([]float32, 2048)
		impulse[0] = 1
		out := process(in, impulse, 256)
		lat, ok := in.Latency()
		if !ok || lat != 100 {
			t.Fatalf("latency %v, %v; want 100 frames", lat, ok)
		}
		if at := impulseAt(out); at != 100 {
			t.Errorf("the impulse came out at %d; want 100", at)
		}
	})
	t.Run("swh artificial latency", func(t *testing.T) {
		in := instance(t, swhLatency)
		set(t, in, "delay", 10) // ms
		process(in, make([]float32, 256), 256)
		if lat, ok := in.Latency(); !ok || lat != 480 {
			t.Fatalf("latency %v, %v; want 480 frames (10 ms at 48 kHz)", lat, ok)
		}
	})
	t.Run("none", func(t *testing.T) {
		if _, ok := instance(t, swhAmp).Latency(); ok {
			t.Fatal("swh amp reported a latency port")
		}
	})
}

// slot is how the app would keep an insert slot in its TOML state file.
type slot struct {
	URI   string `toml:"uri"`
	State string `toml:"state"`
}

func TestStateRoundTrip(t *testing.T) {
	for _, c := range []struct {
		uri string
		set map[string]float32
	}{
		{x42EQ, map[string]float32{"HighPass": 1, "HPfreq": 400, "gain": -4.5, "sec1": 1, "freq1": 2500, "gain1": 9}},
		{lspEQ, map[string]float32{"ft_0": 1, "f_0": 800, "g_0": 3.98, "g_in": 0.5}},
	} {
		t.Run(c.uri, func(t *testing.T) {
			a := instance(t, c.uri)
			for sym, v := range c.set {
				set(t, a, sym, v)
			}
			state, err := a.SaveState()
			if err != nil {
				t.Fatal(err)
			}
			var file strings.Builder
			if err := toml.NewEncoder(&file).Encode(slot{URI: c.uri, State: state}); err != nil {
				t.Fatal(err)
			}
			var back slot
			if _, err := toml.Decode(file.String(), &back); err != nil {
				t.Fatal(err)
			}
			b := instance(t, back.URI)
			if err := b.RestoreState(back.State); err != nil {
				t.Fatal(err)
			}
			for sym, v := range c.set {
				i, _ := b.PortIndex(sym)
				if got := b.Control(i); got != v {
					t.Errorf("%s restored as %v; want %v", sym, got, v)
				}
			}
			// Both start afresh, so the same input gives the same output.
			a.Deactivate()
			a.Activate()
			b.Deactivate()
			b.Activate()
			signal := noise(rateHz / 4)
			outA, outB := process(a, signal, 256), process(b, signal, 256)
			if !slices.Equal(outA, outB) {
				t.Error("the restored instance sounds different")
			}
			if gainDB(signal, outA) > -0.1 && gainDB(signal, outA) < 0.1 {
				t.Error("the settings made no difference: the test proves nothing")
			}
		})
	}
	t.Run("another plugin's state", func(t *testing.T) {
		state, err := instance(t, swhAmp).SaveState()
		if err != nil {
			t.Fatal(err)
		}
		if err := instance(t, x42EQ).RestoreState(state); err == nil {
			t.Fatal("the amp's state was restored into an EQ")
		}
	})
}

func TestWorkerAnswersInALaterCycle(t *testing.T) {
	in := instance(t, testWorker)
	responses, _ := in.PortIndex("responses")
	for _, trigger := range []float32{1, 2, 3} {
		set(t, in, "trigger", trigger)
		in.Run(64) // schedules the work
		if in.Run(64); in.Control(responses) == trigger {
			// Possible only if the worker was quicker than one Run; the
			// response must never come in the Run that asked for it.
			t.Logf("trigger %v answered by the next cycle already", trigger)
		}
		deadline := time.Now().Add(2 * time.Second)
		for in.Control(responses) != trigger && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
			in.Run(64)
		}
		if got := in.Control(responses); got != trigger {
			t.Fatalf("after trigger %v, %v responses", trigger, got)
		}
	}
}

func TestWorkerResponseNeverInTheSameCycle(t *testing.T) {
	in := instance(t, testWorker)
	responses, _ := in.PortIndex("responses")
	set(t, in, "trigger", 1)
	in.Run(64)
	if got := in.Control(responses); got != 0 {
		t.Fatalf("%v responses in the cycle that scheduled the work", got)
	}
}

func TestNonFiniteOutputIsMutedAndCounted(t *testing.T) {
	t.Run("test plugin", func(t *testing.T) {
		in := instance(t, testWorker)
		copy(in.Input(0), noise(256))
		set(t, in, "poison", 1)
		if in.Run(256) {
			t.Fatal("a NaN output passed")
		}
		if slices.ContainsFunc(in.Output(0)[:256], func(x float32) bool { return x != 0 }) {
			t.Error("the faulty output was not muted")
		}
		set(t, in, "poison", 0)
		if !in.Run(256) || in.Faults() != 1 {
			t.Errorf("after recovery: faults %d", in.Faults())
		}
	})
	t.Run("swh amp fed infinity", func(t *testing.T) {
		in := instance(t, swhAmp)
		copy(in.Input(0), noise(256))
		in.Input(0)[17] = float32(math.Inf(1))
		if in.Run(256) || in.Faults() != 1 {
			t.Fatalf("infinity passed: faults %d", in.Faults())
		}
	})
	t.Run("in a chain", func(t *testing.T) {
		a, b, c := instance(t, swhAmp), instance(t, testWorker), instance(t, swhAmp)
		ch, err := lv2.NewChain(a, b, c)
		if err != nil {
			t.Fatal(err)
		}
		defer ch.Close()
		copy(ch.Input(0), noise(256))
		set(t, b, "poison", 1)
		if got := ch.Run(256); got != 1 {
			t.Fatalf("chain reported plugin %d; want 1", got)
		}
		if slices.ContainsFunc(ch.Output(0)[:256], func(x float32) bool { return x != 0 }) {
			t.Error("the chain's output was not silent after the faulty plugin")
		}
	})
}

func TestChainConnectsPluginsInOrder(t *testing.T) {
	a, b := instance(t, swhAmp), instance(t, x42NoDelay)
	set(t, a, "gain", -6)
	set(t, b, "delay", 10)
	ch, err := lv2.NewChain(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for range 16 { // the delay glides to its new length
		ch.Run(256)
	}
	in := ch.Input(0)
	clear(in[:256])
	in[0] = 1
	ch.Run(256)
	out := ch.Output(0)
	if want := float32(math.Pow(10, -6.0/20)); math.Abs(float64(out[10]-want)) > 1e-6 || out[0] != 0 {
		t.Fatalf("out[0] %v out[10] %v; want the impulse at 10 and -6 dB (%v)", out[0], out[10], want)
	}
	if _, err := lv2.NewChain(a); err == nil {
		t.Error("an instance joined two chains")
	}
	ch.Close()
	// Closed, b reads its own input again.
	clear(b.Input(0)[:256])
	b.Run(256)
	if slices.ContainsFunc(b.Output(0)[:256], func(x float32) bool { return x != 0 }) {
		t.Error("after Close, b still reads a's output")
	}
	stereo := instance(t, "http://plugin.org.uk/swh-plugins/dj_eq")
	if _, err := lv2.NewChain(a, stereo); err == nil {
		t.Error("a mono plugin was chained into a stereo one")
	}
}

func TestRealPortsAsParameters(t *testing.T) {
	w := theWorld(t)
	need(t, x42NoDelay)
	need(t, x42EQ)
	need(t, swhAmp)
	find := func(uri, sym string) lv2.Port {
		t.Helper()
		ports, err := w.Ports(uri)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(ports, func(p lv2.Port) bool { return p.Symbol == sym })
		if i < 0 {
			t.Fatalf("%s has no port %s", uri, sym)
		}
		return ports[i]
	}
	for _, c := range []struct {
		uri, sym string
		want     param.Info
	}{
		{swhAmp, "gain", param.Info{Name: "gain", Key: "gain", Min: -70, Max: 70}},
		{x42NoDelay, "report_latency", param.Info{Name: "report_latency", Key: "report_latency", Max: 3, Default: 1, Switch: true,
			Choices: []string{"Delay, do not report latency", "Delay and report latency", "No delay, only report latency", "No delay, do not report latency"}}},
		{x42EQ, "enable", param.Info{Name: "enable", Key: "enable", Max: 1, Default: 1, Switch: true}},
		{x42EQ, "HPfreq", param.Info{Name: "HPfreq", Key: "HPfreq", Min: 5, Max: 1250, Default: 20, Law: param.Log, Unit: "Hz"}},
	} {
		got := find(c.uri, c.sym).Param(rateHz)
		if got.Name != c.want.Name || got.Key != c.want.Key || got.Min != c.want.Min || got.Max != c.want.Max ||
			got.Default != c.want.Default || got.Switch != c.want.Switch || got.Law != c.want.Law ||
			got.Unit != c.want.Unit || !slices.Equal(got.Choices, c.want.Choices) {
			t.Errorf("%s %s: %+v; want %+v", c.uri, c.sym, got, c.want)
		}
	}
	if p := find(x42NoDelay, "latency"); !p.ReportsLatency || !p.Output {
		t.Errorf("nodelay's latency port: %+v", p)
	}
}
