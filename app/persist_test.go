package app

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
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
		return m.Controls.Get(mixer.ParamFader, 1) == 0.25 && m.Controls.Get(mixer.ParamMeterMode, 2) == float32(mixer.MeterK14)
	})
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	stderr.Reset()
	s = mustOpen(t, nullOptions(path), &stderr)
	if stderr.Len() != 0 {
		t.Errorf("a good file gave messages: %q", stderr.String())
	}
	if got := s.store.model.Controls.Get(mixer.ParamFader, 1); got != 0.25 {
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
	want := state.Defaults(mixer.DefaultConfig())
	if !s.store.model.Controls.Equal(&want.Controls) || len(s.store.model.Channels) != len(mixer.DefaultConfig().Channels) {
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
	if len(s.cfg.Channels) != 7 || s.store.model.Controls.Channels() != 7 {
		t.Fatalf("--channels 7 gave %d engine channels, %d saved", len(s.cfg.Channels), s.store.model.Controls.Channels())
	}
	if s.cfg.Channels[4].Name != "Mic" || !s.cfg.Channels[4].Mic || s.cfg.Channels[5].Mic {
		t.Errorf("channel 5 %+v: Mic flag lost", s.cfg.Channels[4])
	}
}

func TestGUIChangeIsSaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.toml")
	var stderr bytes.Buffer
	s := mustOpen(t, nullOptions(path), &stderr)
	gui := s.store.model.Controls.Clone()
	names := []string{"Deck 1", "Deck 2", "Deck 3", "Deck 4", "Mic"}
	obs := newGUIObserver(s.store, &gui, names)
	obs.observe(&gui, names)
	if s.store.auto.Flush() != nil {
		t.Fatal("flush failed")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("an unchanged model was saved")
	}
	names[0] = "Turntable"
	gui.Set(mixer.Command{Param: mixer.ParamCrossfader, Value: 0.5})
	obs.observe(&gui, names)
	waitForFile(t, path, func(m *state.Mixer) bool {
		return m.Channels[0].Name == "Turntable" && m.Controls.Get(mixer.ParamCrossfader, 0) == 0.5
	})
	if allocs := testing.AllocsPerRun(100, func() { obs.observe(&gui, names) }); allocs != 0 {
		t.Errorf("observing an unchanged model allocates %v times per frame", allocs)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
}

// TestRenamedMicStillTalks renames the microphone channel and restarts:
// the channel stays the mic, so AUTO talkover ducks the decks under it
// and talkback sends it to the phones. (The file used to say nothing of
// which channel is the mic, and the app went by the name "Mic".)
func TestRenamedMicStillTalks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.toml")
	m := state.Defaults(mixer.DefaultConfig())
	m.FirstRun = false
	m.Channels[4].Name = "Host"
	m.Controls.Set(mixer.Command{Param: mixer.ParamTalkoverMode, Value: mixer.TalkoverAuto})
	m.Controls.Set(mixer.Command{Param: mixer.ParamCueMix, Value: 0}) // the phones hear the cue only
	if err := state.Save(path, &m); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	s := mustOpen(t, nullOptions(path), &stderr)
	defer s.stop()
	if c := s.cfg.Channels[4]; c.Name != "Host" || !c.Mic {
		t.Fatalf("restarted channel 5: %+v; want the mic called Host", c)
	}

	// Drive the engine as the backend would: the start-up commands, then
	// a loud voice on the mic and a deck playing.
	const frames = 256
	if err := s.eng.Prepare(48000); err != nil {
		t.Fatal(err)
	}
	in := make([][]float32, len(s.eng.Inputs()))
	out := make([][]float32, len(s.eng.Outputs()))
	for i := range in {
		in[i] = make([]float32, frames)
	}
	for i := range out {
		out[i] = make([]float32, frames)
	}
	mic, phonesL := -1, -1
	for i, p := range s.eng.Inputs() {
		if p.PrettyName == "Host" {
			mic = i
		}
	}
	for i, p := range s.eng.Outputs() {
		if p.Name == "phones_out_L" {
			phonesL = i
		}
	}
	if mic < 0 || phonesL < 0 {
		t.Fatalf("no mic input (%d) or phones output (%d)", mic, phonesL)
	}
	n := 0
	run := func(periods int) (phonesPeak float32) {
		for range periods {
			for i := range frames {
				v := float32(0.5 * math.Sin(2*math.Pi*440*float64(n+i)/48000))
				for p := range in {
					in[p][i] = 0
				}
				in[0][i], in[1][i], in[mic][i] = v, v, v
			}
			n += frames
			s.eng.Process(in, out)
			for _, x := range out[phonesL] {
				phonesPeak = max(phonesPeak, float32(math.Abs(float64(x))))
			}
		}
		return phonesPeak
	}
	run(200) // about a second: the talkover's attack is 50 ms
	if db := s.eng.TalkoverGainDB(); db > -6 {
		t.Errorf("AUTO talkover under the renamed mic ducks the music by %.1f dB; want the −12 dB depth", db)
	}
	// The phones hear only what is cued, and nothing is: talkback puts the
	// mic there.
	if quiet := run(20); quiet > 1e-3 {
		t.Fatalf("phones peak %v with nothing cued", quiet)
	}
	s.cmds.TryPush(mixer.Command{Param: mixer.ParamTalkback, Value: 1})
	if peak := run(20); peak < 0.05 {
		t.Errorf("talkback: phones peak %v; want the renamed mic in the phones", peak)
	}
}
