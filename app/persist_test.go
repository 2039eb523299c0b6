package app

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

func nullOptions(config string) options {
	return options{backend: "null", config: config, demo: true, rateHz: 48000, periodFrames: 256}
}

func mustOpen(t *testing.T, o options, stderr *bytes.Buffer) *session {
	t.Helper()
	s, code := openSession(o, "null", stderr)
	if s == nil {
		t.Fatalf("openSession: exit %d: %s", code, stderr.String())
	}
	return s
}

// waitForFile polls until the state file decodes and cond holds for it.
func waitForFile(t *testing.T, path string, cond func(m *state.Mixer) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil {
			if m, _, err := state.Decode(data); err == nil && cond(&m) {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	data, _ := os.ReadFile(path)
	t.Fatalf("%s never held the change:\n%s", path, data)
}

func TestControlChangeIsAutosavedAndLoadedOnRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "linuxdj", "state.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	s := mustOpen(t, nullOptions(path), &stderr)
	if !strings.Contains(stderr.String(), "started from defaults") {
		t.Errorf("first start does not say it used defaults: %q", stderr.String())
	}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	s.send(mixer.Command{Param: mixer.ParamFader, Channel: 1, Value: 0.25})
	s.send(mixer.Command{Param: mixer.ParamMeterMode, Channel: 2, Value: float32(mixer.MeterK14)})
	// The autosave, not the save at exit, must write it.
	waitForFile(t, path, func(m *state.Mixer) bool {
		return m.Controls.Channels[1].Fader == 0.25 && m.Controls.Channels[2].MeterMode == "k14"
	})
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	stderr.Reset()
	s = mustOpen(t, nullOptions(path), &stderr)
	if stderr.Len() != 0 {
		t.Errorf("a good file gave messages: %q", stderr.String())
	}
	if got := s.store.model.Controls.Channels[1].Fader; got != 0.25 {
		t.Errorf("restart loaded fader %v, want 0.25", got)
	}
	var sawFader, sawMode bool
	for {
		c, ok := s.cmds.TryPop()
		if !ok {
			break
		}
		sawFader = sawFader || c == mixer.Command{Param: mixer.ParamFader, Channel: 1, Value: 0.25}
		sawMode = sawMode || c == mixer.Command{Param: mixer.ParamMeterMode, Channel: 2, Value: float32(mixer.MeterK14)}
	}
	if !sawFader || !sawMode {
		t.Errorf("the engine's start commands lack the saved fader (%v) or meter mode (%v)", sawFader, sawMode)
	}
	if gui := toMixerState(&s.store.model); gui.Channels[2].MeterMode != mixer.MeterK14 {
		t.Errorf("GUI model meter mode %v, want K14", gui.Channels[2].MeterMode)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
}

func TestCorruptStateStartsFromDefaultsAndKeepsTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.toml")
	junk := []byte("version = 2\n[[channels]\nname = \x00\xff")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	s := mustOpen(t, nullOptions(path), &stderr)
	for _, want := range []string{"linuxdj: state: " + path + ": state: toml: line", "kept the bad file as " + path + ".broken-", "started from defaults"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	want := state.Defaults(engineConfig(&s.store.model, mixer.DefaultConfig()))
	if !reflect.DeepEqual(s.store.model.Controls, want.Controls) || len(s.store.model.Channels) != len(mixer.DefaultConfig().Channels) {
		t.Errorf("controls after a corrupt file are not the defaults")
	}
	broken, _ := filepath.Glob(path + ".broken-*")
	if len(broken) != 1 {
		t.Fatalf("broken copies: %v, want one", broken)
	}
	if kept, _ := os.ReadFile(broken[0]); !bytes.Equal(kept, junk) {
		t.Errorf("the kept copy differs from the corrupt file")
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	if _, rep := state.Load(path, mixer.DefaultConfig()); rep.Origin != state.FromFile || len(rep.Problems) != 0 {
		t.Errorf("the file saved at exit does not load cleanly: %+v", rep)
	}
}

func TestChannelsFlagResizesTheSavedState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.toml")
	var stderr bytes.Buffer
	o := nullOptions(path)
	s := mustOpen(t, o, &stderr)
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	o.channels = 7
	s = mustOpen(t, o, &stderr)
	defer s.stop()
	if len(s.cfg.Channels) != 7 || len(s.store.model.Controls.Channels) != 7 {
		t.Fatalf("--channels 7 gave %d engine channels, %d saved", len(s.cfg.Channels), len(s.store.model.Controls.Channels))
	}
	if s.cfg.Channels[4].Name != "Mic" || !s.cfg.Channels[4].Mic || s.cfg.Channels[5].Mic {
		t.Errorf("channel 5 %+v: Mic flag lost", s.cfg.Channels[4])
	}
}

// TestGUIModelRoundTrip checks the one boundary between the window's model
// and the saved one: every GUI field survives both ways, and what the
// window does not show is left alone.
func TestGUIModelRoundTrip(t *testing.T) {
	m := state.Defaults(mixer.DefaultConfig())
	m.SaveScene("warm-up")
	gui := &MixerState{
		Crossfader: -0.4, CrossfaderCurve: 0.8, CrossfaderReverse: true,
		Master: 0.6, Booth: 0.5, Phones: 0.4, CueMix: 0.3, SplitCue: true, Limiter: false, Mono: true,
		Balance: -0.3, CeilingDB: -2,
		Talkover: TalkoverState{Mode: mixer.TalkoverAuto, ThresholdDB: -40, DepthDB: -20, AttackMs: 10, ReleaseMs: 800},
		Monitor: MonitorState{
			Source: mixer.MonitorCue, LevelDB: -6, Dim: true, DimDB: -30, Mono: true, Mute: true, PolarityL: true,
			SpeakerA: false, SpeakerB: true, TrimADB: -2, TrimBDB: 1.5,
		},
	}
	modes := []mixer.MeterMode{mixer.MeterPeakRMS, mixer.MeterVU, mixer.MeterPPMII, mixer.MeterK20, mixer.MeterK12}
	for i := range m.Channels {
		gui.Channels = append(gui.Channels, ChannelState{
			Name: "Ch" + string(rune('A'+i)), TrimDB: float64(i) - 2, Polarity: i == 0, Resonance: 0.7,
			EQHigh: 0.1 * float64(i), EQMid: 0.2, EQLow: 0.9, KillHigh: i == 0, KillMid: i == 1, KillLow: i == 2,
			Filter: -0.5, Pan: 0.25, Cue: i%2 == 0, Mute: i == 3, Assign: []int{mixer.XfaderA, mixer.XfaderThru, mixer.XfaderB}[i%3],
			Fader: 0.1 * float64(i+1), MeterMode: modes[i],
		})
	}
	fromMixerState(gui, &m)
	if back := toMixerState(&m); !reflect.DeepEqual(back, gui) {
		t.Errorf("GUI → saved → GUI changed the model:\n got %+v\nwant %+v", back, gui)
	}
	if !m.Controls.Channels[0].Polarity || m.Controls.Channels[1].Polarity || m.Controls.Channels[0].FilterResonance != 0.7 ||
		m.Controls.Global.MasterBalance != -0.3 || m.Controls.Global.LimiterCeilingDB != -2 {
		t.Errorf("controls not saved: %+v", m.Controls)
	}
	if len(m.Scenes) != 1 {
		t.Errorf("the scenes were lost: %d", len(m.Scenes))
	}
	data, err := state.Encode(&m)
	if err != nil {
		t.Fatal(err)
	}
	decoded, warnings, err := state.Decode(data)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("decode: %v %v", err, warnings)
	}
	if back := toMixerState(&decoded); !reflect.DeepEqual(back, gui) {
		t.Errorf("through the file the GUI model changed:\n got %+v\nwant %+v", back, gui)
	}
}

func TestGUIChangeIsSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.toml")
	var stderr bytes.Buffer
	s := mustOpen(t, nullOptions(path), &stderr)
	gui := toMixerState(&s.store.model)
	obs := newGUIObserver(s.store, gui)
	obs.observe(gui)
	if s.store.auto.Flush() != nil {
		t.Fatal("flush failed")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("an unchanged model was saved")
	}
	gui.Channels[0].Name = "Turntable"
	gui.Crossfader = 0.5
	obs.observe(gui)
	waitForFile(t, path, func(m *state.Mixer) bool {
		return m.Channels[0].Name == "Turntable" && m.Controls.Global.Crossfader == 0.5
	})
	if allocs := testing.AllocsPerRun(100, func() { obs.observe(gui) }); allocs != 0 {
		t.Errorf("observing an unchanged model allocates %v times per frame", allocs)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
}
