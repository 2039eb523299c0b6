package mixer_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// newMonitorRig plays a 440 Hz sine on the deck's left and 660 Hz on its
// right, and 1 kHz / 1.5 kHz on the external monitor input, with the
// limiter off, so master is the deck bit for bit.
func newMonitorRig(t testing.TB, frames int) *studioRig {
	r := newStudioRig(t, micConfig(), frames)
	r.set(mixer.ParamLimiter, 0, 0)
	r.gen = func(port, f int) float32 {
		switch port {
		case deckInL:
			return toneAt(0.5, 440, f)
		case deckInR:
			return toneAt(0.5, 660, f)
		case extInL:
			return toneAt(0.4, 1000, f)
		case extInR:
			return toneAt(0.4, 1500, f)
		}
		return 0
	}
	r.record(0.1) // past the start-up ramps
	return r
}

// settle runs long enough for every ramp to arrive and returns one period
// of every output.
func (r *studioRig) settle() [][]float32 {
	out := r.record(0.05)
	n := len(r.in[0])
	for p := range out {
		out[p] = out[p][len(out[p])-n:]
	}
	return out
}

// expectScaled checks that got is want times gain, sample for sample.
func expectScaled(t *testing.T, what string, got, want []float32, gain float64) {
	t.Helper()
	if peak(want) < 0.1 {
		t.Fatalf("%s: the reference signal is silent", what)
	}
	for i := range want {
		if d := math.Abs(float64(got[i]) - gain*float64(want[i])); d > 1e-6 {
			t.Fatalf("%s, frame %d: %v, want %v × %v", what, i, got[i], want[i], gain)
		}
	}
}

func TestMonitorDefaultsAndLevel(t *testing.T) {
	r := newMonitorRig(t, 256)
	out := r.settle()
	for side := range 2 {
		for i, x := range out[monAOutL+side] {
			if x != out[masterOutL+side][i] {
				t.Fatalf("default monitors A side %d frame %d: %v, master %v: want the master bit for bit", side, i, x, out[masterOutL+side][i])
			}
		}
		if p := peak(out[monBOutL+side]); p != 0 {
			t.Errorf("speakers B are off by default, peak %v", p)
		}
	}
	r.set(mixer.ParamMonitorLevelDB, 0, -10)
	out = r.settle()
	expectScaled(t, "level −10 dB", out[monAOutL], out[masterOutL], math.Pow(10, -10.0/20))
	r.set(mixer.ParamMonitorMute, 0, 1)
	if p := peak(r.settle()[monAOutL]); p != 0 {
		t.Errorf("muted monitors peak at %v", p)
	}
	r.set(mixer.ParamMonitorMute, 0, 0)
	r.set(mixer.ParamMonitorLevelDB, 0, mixer.MonitorLevelOffDB)
	if p := peak(r.settle()[monAOutL]); p != 0 {
		t.Errorf("monitor level at %v dB peaks at %v", mixer.MonitorLevelOffDB, p)
	}
}

func TestMonitorDim(t *testing.T) {
	r := newMonitorRig(t, 256)
	r.set(mixer.ParamMonitorDim, 0, 1)
	out := r.settle()
	expectScaled(t, "dim, default depth", out[monAOutR], out[masterOutR], math.Pow(10, mixer.DefaultMonitorDimDB/20))
	r.set(mixer.ParamMonitorDimDB, 0, -35)
	out = r.settle()
	expectScaled(t, "dim −35 dB", out[monAOutL], out[masterOutL], math.Pow(10, -35.0/20))
	r.set(mixer.ParamMonitorDim, 0, 0)
	out = r.settle()
	expectScaled(t, "dim off", out[monAOutL], out[masterOutL], 1)
}

// TestMonitorMonoAndPolarity: mono puts (L+R)/2 on both sides; polarity
// inverts the left; both together give the side signal (R−L)/2.
func TestMonitorMonoAndPolarity(t *testing.T) {
	r := newMonitorRig(t, 256)
	r.set(mixer.ParamMonitorMono, 0, 1)
	mix := func(out [][]float32, sign float32) []float32 {
		m := make([]float32, len(out[0]))
		for i := range m {
			m[i] = (sign*out[masterOutL][i] + out[masterOutR][i]) / 2
		}
		return m
	}
	out := r.settle()
	sum := mix(out, 1)
	expectScaled(t, "mono L", out[monAOutL], sum, 1)
	expectScaled(t, "mono R", out[monAOutR], sum, 1)
	r.set(mixer.ParamMonitorPolarityL, 0, 1)
	out = r.settle()
	diff := mix(out, -1)
	expectScaled(t, "mono with polarity, L", out[monAOutL], diff, 1)
	expectScaled(t, "mono with polarity, R", out[monAOutR], diff, 1)
	r.set(mixer.ParamMonitorMono, 0, 0)
	out = r.settle()
	expectScaled(t, "polarity L", out[monAOutL], out[masterOutL], -1)
	expectScaled(t, "polarity leaves R", out[monAOutR], out[masterOutR], 1)
}

// TestMonitorSpeakersAndTrims switches between the A and B pairs, each
// with its calibration trim.
func TestMonitorSpeakersAndTrims(t *testing.T) {
	r := newMonitorRig(t, 256)
	r.set(mixer.ParamMonitorTrimADB, 0, -6)
	r.set(mixer.ParamMonitorTrimBDB, 0, 3)
	r.set(mixer.ParamMonitorSpeakerB, 0, 1)
	out := r.settle()
	for side := range 2 {
		expectScaled(t, fmt.Sprintf("A, side %d", side), out[monAOutL+side], out[masterOutL+side], math.Pow(10, -6.0/20))
		expectScaled(t, fmt.Sprintf("B, side %d", side), out[monBOutL+side], out[masterOutL+side], math.Pow(10, 3.0/20))
	}
	r.set(mixer.ParamMonitorSpeakerA, 0, 0)
	out = r.settle()
	if p := peak(out[monAOutL]); p != 0 {
		t.Errorf("A switched off peaks at %v", p)
	}
	expectScaled(t, "B alone", out[monBOutR], out[masterOutR], math.Pow(10, 3.0/20))
}

func TestMonitorSources(t *testing.T) {
	r := newMonitorRig(t, 256)
	r.set(mixer.ParamFader, 0, float32(mixer.FaderPos(-12))) // master ≠ cue
	r.set(mixer.ParamCue, 0, 1)
	r.set(mixer.ParamMonitorSource, 0, mixer.MonitorCue)
	out := r.settle()
	cue := make([]float32, len(out[0]))
	for i := range cue {
		cue[i] = r.in[deckInL][i] // cue is pre-fader: the deck as it comes in
	}
	expectScaled(t, "cue", out[monAOutL], cue, 1)
	r.set(mixer.ParamMonitorSource, 0, mixer.MonitorExternal)
	out = r.settle()
	expectScaled(t, "external L", out[monAOutL], r.in[extInL], 1)
	expectScaled(t, "external R", out[monAOutR], r.in[extInR], 1)
	r.set(mixer.ParamMonitorSource, 0, mixer.MonitorMaster)
	out = r.settle()
	expectScaled(t, "master", out[monAOutL], out[masterOutL], 1)
}

// TestMonitorSwitchesDoNotClick switches the source and every monitor
// switch while sines play, in the style of TestSwitchesDoNotClick: the
// largest step on monitors A during the switch stays within the larger
// steady step before and after it, plus 10%.
func TestMonitorSwitchesDoNotClick(t *testing.T) {
	type cmd struct {
		p mixer.Param
		v float32
	}
	for _, c := range []struct {
		name     string
		from, to cmd
	}{
		{"source master to external", cmd{mixer.ParamMonitorSource, mixer.MonitorMaster}, cmd{mixer.ParamMonitorSource, mixer.MonitorExternal}},
		{"source external to cue", cmd{mixer.ParamMonitorSource, mixer.MonitorExternal}, cmd{mixer.ParamMonitorSource, mixer.MonitorCue}},
		{"source cue to master", cmd{mixer.ParamMonitorSource, mixer.MonitorCue}, cmd{mixer.ParamMonitorSource, mixer.MonitorMaster}},
		{"dim", cmd{mixer.ParamMonitorDim, 0}, cmd{mixer.ParamMonitorDim, 1}},
		{"mono", cmd{mixer.ParamMonitorMono, 0}, cmd{mixer.ParamMonitorMono, 1}},
		{"polarity", cmd{mixer.ParamMonitorPolarityL, 0}, cmd{mixer.ParamMonitorPolarityL, 1}},
		{"mute", cmd{mixer.ParamMonitorMute, 0}, cmd{mixer.ParamMonitorMute, 1}},
		{"speakers A off", cmd{mixer.ParamMonitorSpeakerA, 1}, cmd{mixer.ParamMonitorSpeakerA, 0}},
		{"talkback dims", cmd{mixer.ParamTalkback, 0}, cmd{mixer.ParamTalkback, 1}},
		{"level jump", cmd{mixer.ParamMonitorLevelDB, 0}, cmd{mixer.ParamMonitorLevelDB, -30}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := newMonitorRig(t, 64)
			r.set(mixer.ParamCue, 0, 1)
			r.set(mixer.ParamFader, 0, float32(mixer.FaderPos(-6)))
			r.set(c.from.p, 0, c.from.v)
			r.record(0.1)
			var prev float32
			var changed float64 // how far monitors A stand from the master
			maxStep := func(seconds float64) float64 {
				out := r.record(seconds)
				step := 0.0
				for i, x := range out[monAOutL] {
					step = math.Max(step, math.Abs(float64(x-prev)))
					changed = math.Max(changed, math.Abs(float64(x-out[masterOutL][i])))
					prev = x
				}
				return step
			}
			maxStep(0.01)
			before := maxStep(0.1)
			r.set(c.to.p, 0, c.to.v)
			switching := maxStep(0.05)
			after := maxStep(0.1)
			t.Logf("steps: before %.4f, switching %.4f, after %.4f", before, switching, after)
			if changed < 0.05 {
				t.Fatalf("monitors A never left the master (by %v): this test proves nothing", changed)
			}
			if limit := 1.1 * math.Max(before, after); switching > limit {
				t.Errorf("switching: step %.4f, steady %.4f / %.4f", switching, before, after)
			}
		})
	}
}

// TestTalkback: while held, the mic reaches the phones at the phones level
// (with its fader down and the phones on master only) and the monitors
// dim; the master never hears it.
func TestTalkback(t *testing.T) {
	r := newMonitorRig(t, 256)
	deck := r.gen
	r.gen = func(port, f int) float32 {
		if port == micIn {
			return toneAt(0.3, 900, f)
		}
		return deck(port, f)
	}
	r.set(mixer.ParamFader, 1, 0) // mic off the master
	r.set(mixer.ParamPhonesLevel, 0, float32(mixer.FaderPos(-6)))
	r.set(mixer.ParamCueMix, 0, 1) // phones: master only
	r.settle()
	r.set(mixer.ParamTalkback, 0, 1)
	out := r.settle()
	phones := math.Pow(10, -6.0/20)
	for side := range 2 {
		// The phones are the master (mix at 1) plus the mic, both at the
		// phones level.
		withoutMic := make([]float32, len(r.in[micIn]))
		for i := range withoutMic {
			withoutMic[i] = out[phonesOutL+side][i] - float32(phones)*r.in[micIn][i]
		}
		expectScaled(t, fmt.Sprintf("phones side %d minus the mic", side), withoutMic, out[masterOutL+side], phones)
		expectScaled(t, fmt.Sprintf("monitors side %d dimmed", side), out[monAOutL+side], out[masterOutL+side], math.Pow(10, mixer.DefaultMonitorDimDB/20))
	}
	// The master is the deck alone.
	expectScaled(t, "master L during talkback", out[masterOutL], r.in[deckInL], 1)
	expectScaled(t, "master R during talkback", out[masterOutR], r.in[deckInR], 1)
	r.set(mixer.ParamTalkback, 0, 0)
	out = r.settle()
	expectScaled(t, "phones after talkback", out[phonesOutL], out[masterOutL], phones)
	expectScaled(t, "monitors after talkback", out[monAOutL], out[masterOutL], 1)
}

// TestExternalMonitorInputGuard: NaN on the external input becomes silence
// on the monitors, and nothing else is touched.
func TestExternalMonitorInputGuard(t *testing.T) {
	r := newMonitorRig(t, 256)
	r.set(mixer.ParamMonitorSource, 0, mixer.MonitorExternal)
	r.settle()
	r.gen = func(port, f int) float32 {
		if port == extInL {
			return float32(math.NaN())
		}
		return toneAt(0.5, 440, f)
	}
	out := r.settle()
	for _, p := range []int{monAOutL, monAOutR} {
		for i, x := range out[p] {
			if x != 0 {
				t.Fatalf("port %d frame %d: %v from a NaN input, want silence", p, i, x)
			}
		}
	}
	if peak(out[masterOutL]) < 0.4 {
		t.Errorf("the master stopped: peak %v", peak(out[masterOutL]))
	}
}

// TestStudioDoesNotAllocate runs Process with the talkover ducking, talkback
// held, every monitor switch on, the monitor source crossfading every period
// and a record tap, at every period size a backend may use.
func TestStudioDoesNotAllocate(t *testing.T) {
	cfg := stereoConfig(4)
	cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Mic", Mic: true})
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newRig(t, cfg, frames)
			everythingOn(r, len(cfg.Channels))
			for _, c := range []struct {
				p mixer.Param
				v float32
			}{
				{mixer.ParamTalkoverMode, mixer.TalkoverAuto}, {mixer.ParamTalkback, 1},
				{mixer.ParamMonitorDim, 1}, {mixer.ParamMonitorMono, 1}, {mixer.ParamMonitorPolarityL, 1},
				{mixer.ParamMonitorSpeakerB, 1}, {mixer.ParamMonitorTrimADB, -3}, {mixer.ParamMonitorTrimBDB, 2},
				{mixer.ParamMonitorLevelDB, -6},
			} {
				r.set(c.p, 0, c.v)
			}
			fillNoise(r.in, 5) // the mic too: the talkover ducks
			tap := newCopyTap()
			r.e.SetRecordTap(tap)
			r.run()
			source := 0
			allocs := testing.AllocsPerRun(50, func() {
				source = (source + 1) % 3
				r.ctl.TryPush(mixer.Command{Param: mixer.ParamMonitorSource, Value: float32(source)})
				r.ctl.TryPush(mixer.Command{Param: mixer.ParamTalkoverDepthDB, Value: float32(-10 - source)})
				r.run()
			})
			if allocs != 0 {
				t.Errorf("Process allocates %v times per period", allocs)
			}
			if peak(r.out[monAOutL]) == 0 || peak(r.out[monBOutL]) == 0 || tap.calls < 51 {
				t.Errorf("monitors silent (%v, %v) or tap not called (%d)", peak(r.out[monAOutL]), peak(r.out[monBOutL]), tap.calls)
			}
		})
	}
}
