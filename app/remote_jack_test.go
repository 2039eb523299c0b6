//go:build cgo

package app

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// TestJACKMIDIControl runs the headless session, its MIDI through the app's
// midi.Bridge, on a real jackd with two saved mappings (CC 7 → deck 1 fader
// with soft takeover, note 60 → deck 1 mute) and the saved fader down. A test client plays a sine into deck 1,
// sends MIDI into linuxdj:midi_in and records linuxdj:midi_out:
//   - the saved state reached the mapper (the engine's observer): a knob
//     far from the saved fader does not jump it, the master stays silent;
//   - the knob picks the fader up near its value and then moves the gain;
//   - the mute note mutes, and its LED is lit on the feedback port; a
//     fader move from elsewhere is sent as the knob's position;
//   - the headless loop saved what MIDI did.
func TestJACKMIDIControl(t *testing.T) {
	startJackd(t)
	path := filepath.Join(t.TempDir(), "state.toml")
	saved := state.Defaults(mixer.DefaultConfig())
	saved.FirstRun = false
	saved.Controls.Set(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: 0})
	saved.MIDI = []midi.Mapping{
		{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute,
			Target: midi.Target{Param: mixer.ParamFader, Channel: 0}, SoftTakeover: true},
		{Source: midi.SourceNote, MIDIChannel: 1, Number: 60, Kind: midi.KindToggle,
			Target: midi.Target{Param: mixer.ParamMute, Channel: 0}},
	}
	if err := state.Save(path, &saved); err != nil {
		t.Fatal(err)
	}
	o := jackTestOptions(path)
	var stderr bytes.Buffer
	s, code := openSession(o, "jack", &stderr)
	if s == nil {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if err := s.startRemote(o, nil); err != nil {
		t.Fatal(err)
	}
	if b, ok := s.proc.(*midi.Bridge); !ok || b.Mapper() != s.mapper || len(s.remote) != 1 {
		t.Fatalf("JACK session without the MIDI bridge: processor %T, mapper %v, %d remote rings", s.proc, s.mapper, len(s.remote))
	}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	sigs := make(chan os.Signal, 1)
	headless := make(chan int, 1)
	go func() { headless <- runHeadless(s, false, io.Discard, io.Discard, sigs) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		sigs <- syscall.SIGTERM
		<-headless
		if err := s.stop(); err != nil {
			t.Error(err)
		}
	}
	defer stop()

	ctl, err := jacktest.OpenClient("ctl", []string{"out_L", "out_R"}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer ctl.Close()
	if err := ctl.RegisterMIDIOutput("midi_out"); err != nil {
		t.Fatal(err)
	}
	if err := ctl.RegisterMIDIInput("midi_in"); err != nil {
		t.Fatal(err)
	}
	sine := make([]float32, 4800) // 1 kHz at 48 kHz: loops exactly
	for i := range sine {
		sine[i] = float32(0.25 * math.Sin(2*math.Pi*float64(i)/48))
	}
	if err := ctl.Start([][]float32{sine, sine}, true); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{
		{"ctl:out_L", "linuxdj:ch1_in_L"}, {"ctl:out_R", "linuxdj:ch1_in_R"},
		{"ctl:midi_out", "linuxdj:midi_in"}, {"linuxdj:midi_out", "ctl:midi_in"},
	} {
		if err := ctl.Connect(c[0], c[1]); err != nil {
			t.Fatal(err)
		}
		if !jacktest.Eventually(2*time.Second, func() bool { return ctl.Connected(c[0], c[1]) }) {
			t.Fatalf("%s not connected to %s", c[0], c[1])
		}
	}
	send := func(data ...byte) {
		t.Helper()
		if err := ctl.SendMIDI(0, data, 2*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	const settle = 100 * time.Millisecond

	if peak := masterPeak(t, s.eng, settle); peak != 0 {
		t.Fatalf("master peak %v with deck 1's saved fader down; want silence", peak)
	}
	// 96/127 is next to the fader's default (0.75), far from the saved 0:
	// only a mapper that saw the saved state refuses it.
	send(0xB0, 7, 96)
	if peak := masterPeak(t, s.eng, settle); peak != 0 {
		t.Fatalf("master peak %v: a knob far from the fader jumped it (soft takeover, or the saved state did not reach the mapper)", peak)
	}
	send(0xB0, 7, 1) // next to the fader: picks it up
	send(0xB0, 7, 100)
	if peak := masterPeak(t, s.eng, settle); peak < 0.05 {
		t.Fatalf("master peak %v after the knob picked the fader up and raised it to 100/127", peak)
	}
	if !jacktest.Eventually(time.Second, func() bool {
		m := s.store.snapshot()
		return m.Controls.Get(mixer.ParamFader, 0) == float32(100)/127
	}) {
		m := s.store.snapshot()
		t.Errorf("saved fader %v; want 100/127 from MIDI", m.Controls.Get(mixer.ParamFader, 0))
	}

	send(0x90, 60, 127)
	send(0x80, 60, 0)
	if peak := masterPeak(t, s.eng, settle); peak != 0 {
		t.Errorf("master peak %v after the mute note; want silence", peak)
	}
	s.send(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: 0.5})
	for _, want := range [][]byte{{0x90, 60, 127}, {0xB0, 7, 64}} {
		if !jacktest.Eventually(2*time.Second, func() bool {
			return slices.ContainsFunc(ctl.ReceivedMIDI(), func(ev []byte) bool { return bytes.Equal(ev, want) })
		}) {
			t.Errorf("feedback port did not send % x; it sent %v", want, fmt.Sprint(ctl.ReceivedMIDI()))
		}
	}

	stop()
	m, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromFile {
		t.Fatalf("state not saved: %+v", rep)
	}
	if mute, fader := m.Controls.Get(mixer.ParamMute, 0), m.Controls.Get(mixer.ParamFader, 0); mute != 1 || fader != 0.5 {
		t.Errorf("saved deck 1: mute %v fader %v; want the MIDI mute on and the fader at 0.5", mute, fader)
	}
	if len(m.MIDI) != 2 {
		t.Errorf("saved %d MIDI mappings; want the 2 loaded", len(m.MIDI))
	}
}
