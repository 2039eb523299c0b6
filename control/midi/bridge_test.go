package midi_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/clock"
)

// bridgeRig is a real engine with one stereo deck behind a Bridge, and
// buffers for one 64-frame period with a steady signal on the deck.
type bridgeRig struct {
	b       *midi.Bridge
	gui     interface{ TryPush(mixer.Command) bool }
	in, out [][]float32
}

func newBridgeRig(t *testing.T, ms ...midi.Mapping) *bridgeRig {
	t.Helper()
	cfg := mixer.DefaultConfig()
	cfg.Channels = []mixer.ChannelConfig{{Name: "Deck 1", Stereo: true}}
	eng, err := mixer.New(cfg, 48000)
	if err != nil {
		t.Fatal(err)
	}
	r := &bridgeRig{gui: eng.NewCommandRing(64)}
	r.b = midi.NewBridge(eng, newMapper(t, ms...), 64)
	for i := range eng.Inputs() {
		r.in = append(r.in, make([]float32, 64))
		if i < 2 {
			for j := range r.in[i] {
				r.in[i][j] = 0.25
			}
		}
	}
	for range eng.Outputs() {
		r.out = append(r.out, make([]float32, 64))
	}
	return r
}

// periods runs n periods and returns the master's last left sample.
func (r *bridgeRig) periods(n int) float32 {
	for range n {
		r.b.Process(r.in, r.out)
	}
	return r.out[0][len(r.out[0])-1]
}

func TestBridgeMovesTheEngineAndEchoes(t *testing.T) {
	fader := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute,
		Target: target(mixer.ParamFader, 0), SoftTakeover: true}
	mute := midi.Mapping{Source: midi.SourceNote, MIDIChannel: 1, Number: 60, Kind: midi.KindToggle,
		Target: target(mixer.ParamMute, 0)}
	r := newBridgeRig(t, fader, mute)
	if level := r.periods(20); level < 0.1 {
		t.Fatalf("master %v with the deck at 0.25 and the fader up; want a signal", level)
	}
	// The GUI pulls the fader down: the mapper hears it through the
	// engine's observer, so a knob at the top does not take over.
	r.gui.TryPush(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: 0})
	r.periods(1)
	if v := r.b.Mapper().Value(mixer.ParamFader, 0); v != 0 {
		t.Fatalf("mapper's fader = %v after the GUI set 0; the observer did not see it", v)
	}
	r.b.MIDIIn([]byte{0xB0, 7, 127})
	if level := r.periods(20); level != 0 {
		t.Errorf("master %v: a knob far from the fader jumped it (soft takeover)", level)
	}
	// The knob comes down through the value and takes over, then goes up.
	for _, v := range []byte{64, 1, 0, 40, 100} {
		r.b.MIDIIn([]byte{0xB0, 7, v})
	}
	if level := r.periods(20); level < 0.1 {
		t.Errorf("master %v after the knob picked the fader up and raised it", level)
	}
	var echoed []mixer.Command
	var c mixer.Command
	for r.b.Echo().TryPopInto(&c) {
		echoed = append(echoed, c)
	}
	want := []float32{1, 0, 40, 100} // 127 and 64 were refused: not picked up yet
	if len(echoed) != len(want) {
		t.Fatalf("echo ring got %+v; want the fader at %v/127", echoed, want)
	}
	for i, v := range want {
		if c := echoed[i]; c.Param != mixer.ParamFader || c.Channel != 0 || !near(c.Value, v/127) {
			t.Errorf("echo %d = %+v; want the fader at %v/127", i, c, v)
		}
	}

	// A note toggles mute; the feedback lights its LED.
	r.b.MIDIIn([]byte{0x90, 60, 127})
	if level := r.periods(20); level != 0 {
		t.Errorf("master %v after the mute note", level)
	}
	buf := make([]backend.MIDIEvent, 64)
	fb := buf[:r.b.MIDIOut(buf)]
	if len(fb) != 1 || fb[0].Frame != 0 || string(fb[0].Data[:fb[0].Size]) != string([]byte{0x90, 60, 127}) {
		t.Errorf("feedback %v; want the mute LED on (90 3c 7f) at frame 0", fb)
	}
}

// TestBridgeSendsClockAfterFeedback: with the clock on, a period's events
// are the feedback at frame 0, then Start and the clock at their frames;
// a full buffer drops feedback (it waits), never the clock.
func TestBridgeSendsClockAfterFeedback(t *testing.T) {
	var m []midi.Mapping
	for i := range 8 {
		m = append(m, midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: byte(20 + i), Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0)})
	}
	r := newBridgeRig(t, m...)
	r.gui.TryPush(mixer.Command{Param: mixer.ParamClockOn, Value: 1})
	r.periods(1)
	buf := make([]backend.MIDIEvent, 4)
	evs := buf[:r.b.MIDIOut(buf)]
	if len(evs) != 4 {
		t.Fatalf("%d events in a buffer of 4; want it full", len(evs))
	}
	if evs[0].Data[0] != 0xB0 || evs[1].Data[0] != 0xB0 {
		t.Errorf("first events %v; want two feedback CCs", evs[:2])
	}
	if e := evs[2]; e.Frame != 0 || e.Size != 1 || e.Data[0] != clock.Start {
		t.Errorf("third event %+v; want Start at frame 0", e)
	}
	if e := evs[3]; e.Frame != 0 || e.Size != 1 || e.Data[0] != clock.TimingClock {
		t.Errorf("fourth event %+v; want a clock at frame 0", e)
	}
	// The rest of the feedback comes in the next periods; the clock
	// (every 1000 frames at 120 BPM and 48 kHz, periods of 64) goes on.
	feedback, ticks := 2, 1
	for p := 1; p < 100; p++ {
		r.periods(1)
		for _, e := range buf[:r.b.MIDIOut(buf)] {
			switch e.Data[0] {
			case 0xB0:
				feedback++
			case clock.TimingClock:
				ticks++
				if want := uint32((ticks-1)*1000 - p*64); e.Frame != want {
					t.Errorf("clock %d at frame %d of period %d; want %d", ticks, e.Frame, p, want)
				}
			}
		}
	}
	if feedback != 8 || ticks != 7 {
		t.Errorf("%d feedback messages, %d clocks over 6400 frames; want 8 and 7", feedback, ticks)
	}
}

func TestBridgeDoesNotAllocate(t *testing.T) {
	r := newBridgeRig(t,
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0)},
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 1, Number: 60, Kind: midi.KindToggle, Target: target(mixer.ParamMute, 0)})
	cc := []byte{0xB0, 7, 0}
	note := []byte{0x90, 60, 127}
	buf := make([]backend.MIDIEvent, 256)
	r.gui.TryPush(mixer.Command{Param: mixer.ParamClockOn, Value: 1})
	var c mixer.Command
	allocs := testing.AllocsPerRun(100, func() {
		cc[2] = (cc[2] + 1) & 0x7F
		r.b.MIDIIn(cc)
		r.b.MIDIIn(note)
		r.gui.TryPush(mixer.Command{Param: mixer.ParamCrossfader, Value: 0.1})
		r.b.Process(r.in, r.out)
		r.b.MIDIOut(buf)
		for r.b.Echo().TryPopInto(&c) {
		}
	})
	if allocs != 0 {
		t.Errorf("MIDIIn, Process and MIDIOut allocate %v times per period", allocs)
	}
}
