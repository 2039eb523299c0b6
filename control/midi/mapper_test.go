package midi_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
)

func target(p mixer.Param, ch int16) midi.Target { return midi.Target{Param: p, Channel: ch} }

func newMapper(t *testing.T, ms ...midi.Mapping) *midi.Mapper {
	t.Helper()
	table, err := midi.NewTable(ms)
	if err != nil {
		t.Fatal(err)
	}
	return midi.NewMapper(table)
}

// feed sends data and returns the commands made.
func feed(m *midi.Mapper, data ...byte) []mixer.Command {
	out := make([]mixer.Command, 16)
	return out[:m.Feed(data, out)]
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 1e-4 }

func TestAbsoluteCC(t *testing.T) {
	m := newMapper(t,
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 2)},
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 8, Kind: midi.KindAbsolute, Target: target(mixer.ParamPan, 0)},
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 9, Kind: midi.KindAbsolute, Target: target(mixer.ParamTrimDB, 0)},
	)
	got := feed(m, 0xB0, 7, 127, 7, 0, 8, 64, 8, 0, 9, 127)
	want := []mixer.Command{
		{Param: mixer.ParamFader, Channel: 2, Value: 1},
		{Param: mixer.ParamFader, Channel: 2, Value: 0},
		{Param: mixer.ParamPan, Channel: 0, Value: 0}, // centre detent is exactly 0
		{Param: mixer.ParamPan, Channel: 0, Value: -1},
		{Param: mixer.ParamTrimDB, Channel: 0, Value: 20},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
	if cmds := feed(m, 0xB1, 7, 100); len(cmds) != 0 {
		t.Fatalf("wrong MIDI channel made %v", cmds)
	}
	if cmds := feed(m, 0xB0, 10, 100); len(cmds) != 0 {
		t.Fatalf("unmapped CC made %v", cmds)
	}
}

func TestCC14AndPitchBend(t *testing.T) {
	m := newMapper(t,
		midi.Mapping{Source: midi.SourceCC14, MIDIChannel: 3, Number: 1, Kind: midi.KindAbsolute, Target: target(mixer.ParamCrossfader, 0)},
		midi.Mapping{Source: midi.SourcePitchBend, MIDIChannel: 2, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 1)},
	)
	if cmds := feed(m, 0xB2, 33, 5); len(cmds) != 0 {
		t.Fatalf("an LSB before any MSB moved the control: %v", cmds)
	}
	cmds := feed(m, 0xB2, 1, 0x7F, 33, 0x7F)
	if len(cmds) != 2 || !near(cmds[0].Value, -1+2*float32(0x7F<<7)/16383) || cmds[1].Value != 1 {
		t.Fatalf("cc14 full scale: %v", cmds)
	}
	cmds = feed(m, 0xB2, 1, 0x40, 33, 0x00)
	if len(cmds) != 2 || cmds[1].Value != 0 {
		t.Fatalf("cc14 centre: %v", cmds)
	}
	cmds = feed(m, 0xE1, 0x00, 0x40, 0xE1, 0x7F, 0x7F, 0xE1, 0, 0)
	if len(cmds) != 3 || !near(cmds[0].Value, 8192.0/16383) || cmds[1].Value != 1 || cmds[2].Value != 0 {
		t.Fatalf("pitch bend: %v", cmds)
	}
}

func TestRelativeEncoders(t *testing.T) {
	for _, tc := range []struct {
		kind       midi.Kind
		up2, down1 byte
	}{
		{midi.KindRelativeTwos, 2, 127},
		{midi.KindRelativeOffset, 66, 63},
		{midi.KindRelativeSign, 2, 65},
	} {
		m := newMapper(t, midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 20, Kind: tc.kind, Target: target(mixer.ParamEQLow, 0)})
		step := float32(1) / 128
		if cmds := feed(m, 0xB0, 20, tc.up2); len(cmds) != 1 || !near(cmds[0].Value, 0.5+2*step) {
			t.Fatalf("kind %v up 2: %v", tc.kind, cmds)
		}
		if cmds := feed(m, 0xB0, 20, tc.down1); len(cmds) != 1 || !near(cmds[0].Value, 0.5+step) {
			t.Fatalf("kind %v down 1: %v", tc.kind, cmds)
		}
		for range 200 {
			feed(m, 0xB0, 20, tc.up2)
		}
		if v := m.Value(mixer.ParamEQLow, 0); v != 1 {
			t.Fatalf("kind %v: encoder went past the end: %v", tc.kind, v)
		}
	}
}

func TestNoteToggleAndMomentary(t *testing.T) {
	m := newMapper(t,
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 1, Number: 60, Kind: midi.KindToggle, Target: target(mixer.ParamCue, 1)},
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 1, Number: 61, Kind: midi.KindMomentary, Target: target(mixer.ParamKillLow, 1)},
	)
	if c := feed(m, 0x90, 60, 127, 0x80, 60, 0); len(c) != 1 || c[0].Value != 1 {
		t.Fatalf("first press: %v", c)
	}
	if c := feed(m, 0x90, 60, 100, 0x90, 60, 0); len(c) != 1 || c[0].Value != 0 {
		t.Fatalf("second press (release as note on, velocity 0): %v", c)
	}
	if c := feed(m, 0x90, 61, 1, 0x80, 61, 64); len(c) != 2 || c[0].Value != 1 || c[1].Value != 0 {
		t.Fatalf("momentary: %v", c)
	}
	m.Observe(mixer.Command{Param: mixer.ParamCue, Channel: 1, Value: 1})
	if c := feed(m, 0x90, 60, 127); len(c) != 1 || c[0].Value != 0 {
		t.Fatalf("toggle after the GUI turned cue on: %v", c)
	}
}

func TestSoftTakeover(t *testing.T) {
	m := newMapper(t, midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute,
		Target: target(mixer.ParamFader, 0), SoftTakeover: true})
	// The GUI set the fader to 0.5; the hardware fader sits at the bottom.
	m.Observe(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: 0.5})
	for _, v := range []byte{0, 10, 30, 50} {
		if c := feed(m, 0xB0, 7, v); len(c) != 0 {
			t.Fatalf("hardware at %d moved the fader before pickup: %v", v, c)
		}
	}
	if m.Value(mixer.ParamFader, 0) != 0.5 {
		t.Fatal("value changed before pickup")
	}
	// Crossing 0.5 (63.5) in one jump takes it over.
	if c := feed(m, 0xB0, 7, 70); len(c) != 1 || !near(c[0].Value, 70.0/127) {
		t.Fatalf("crossing did not pick up: %v", c)
	}
	if c := feed(m, 0xB0, 7, 20); len(c) != 1 || !near(c[0].Value, 20.0/127) {
		t.Fatalf("after pickup the fader must follow: %v", c)
	}
	// Landing right on the value also picks up, from the other side.
	m.Observe(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: 1})
	if c := feed(m, 0xB0, 7, 100); len(c) != 0 {
		t.Fatalf("moved after the GUI set 1: %v", c)
	}
	if c := feed(m, 0xB0, 7, 127); len(c) != 1 || c[0].Value != 1 {
		t.Fatalf("reaching the value did not pick up: %v", c)
	}
	// Without soft takeover the value jumps.
	j := newMapper(t, midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0)})
	if c := feed(j, 0xB0, 7, 0); len(c) != 1 || c[0].Value != 0 {
		t.Fatalf("plain absolute: %v", c)
	}
}

func TestFullOutputCountsDrops(t *testing.T) {
	m := newMapper(t, midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0)})
	out := make([]mixer.Command, 2)
	if n := m.Feed([]byte{0xB0, 7, 1, 7, 2, 7, 3}, out); n != 2 || m.Dropped() != 1 {
		t.Fatalf("n %d dropped %d", n, m.Dropped())
	}
}

func TestLearn(t *testing.T) {
	m := midi.NewMapper(nil)
	feed(m, 0xB0, 1, 1) // before arming: ignored
	l := midi.NewLearner(m)
	fader := target(mixer.ParamFader, 3)
	l.Arm(fader)
	if _, ok := l.Poll(); ok {
		t.Fatal("learned an event from before Arm")
	}
	feed(m, 0x85, 40, 0) // a note off is not learnable
	if _, ok := l.Poll(); ok {
		t.Fatal("learned a note off")
	}
	feed(m, 0xB4, 21, 90)
	mp, ok := l.Poll()
	want := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 5, Number: 21, Kind: midi.KindAbsolute, Target: fader, SoftTakeover: true}
	if !ok || mp != want {
		t.Fatalf("learned %+v, %v", mp, ok)
	}
	if _, armed := l.Armed(); armed {
		t.Fatal("still armed after learning")
	}
	// The GUI builds a new table with the mapping and swaps it in.
	table, err := midi.NewTable([]midi.Mapping{mp})
	if err != nil {
		t.Fatal(err)
	}
	m.SetTable(table)
	if c := feed(m, 0xB4, 21, 95); len(c) != 1 || c[0].Channel != 3 || !near(c[0].Value, 95.0/127) {
		t.Fatalf("learned mapping does not drive the fader: %v", c)
	}
	l.Arm(target(mixer.ParamMute, 0))
	feed(m, 0x92, 36, 127)
	if mp, ok := l.Poll(); !ok || mp.Source != midi.SourceNote || mp.Kind != midi.KindToggle || mp.MIDIChannel != 3 || mp.Number != 36 {
		t.Fatalf("learned button %+v", mp)
	}
}

func TestFeedback(t *testing.T) {
	m := newMapper(t,
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0)},
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 2, Number: 60, Kind: midi.KindToggle, Target: target(mixer.ParamCue, 0)},
		midi.Mapping{Source: midi.SourceCC14, MIDIChannel: 1, Number: 2, Kind: midi.KindAbsolute, Target: target(mixer.ParamCrossfader, 0)},
		midi.Mapping{Source: midi.SourcePitchBend, MIDIChannel: 16, Kind: midi.KindAbsolute, Target: target(mixer.ParamMasterLevel, 0)},
	)
	out := make([]byte, 64)
	n := m.Feedback(out)
	want := []byte{
		0xB0, 7, 95, // default fader 0.75 → 95.25
		0x91, 60, 0, // cue off
		0xB0, 2, 0x40, 0xB0, 34, 0, // crossfader centre = 8192
		0xEF, 12287 & 0x7F, 12287 >> 7, // master 0.75 of 16383, LSB first
	}
	if !bytes.Equal(out[:n], want) {
		t.Fatalf("initial feedback % x\nwant % x", out[:n], want)
	}
	if n := m.Feedback(out); n != 0 {
		t.Fatalf("unchanged values sent again: % x", out[:n])
	}
	// The GUI turns cue on: the LED follows.
	m.Observe(mixer.Command{Param: mixer.ParamCue, Channel: 0, Value: 1})
	if n := m.Feedback(out); !bytes.Equal(out[:n], []byte{0x91, 60, 127}) {
		t.Fatalf("cue LED: % x", out[:n])
	}
	// A move from the controller itself is not echoed back.
	feed(m, 0xB0, 7, 10)
	if n := m.Feedback(out); n != 0 {
		t.Fatalf("echoed the controller's own move: % x", out[:n])
	}
	// A toggle press needs its LED set: most controllers do not light it.
	feed(m, 0x91, 60, 127)
	if n := m.Feedback(out); !bytes.Equal(out[:n], []byte{0x91, 60, 0}) {
		t.Fatalf("toggle LED after a press: % x", out[:n])
	}
	// A small buffer sends what fits and the rest next time.
	m.Observe(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: 0})
	m.Observe(mixer.Command{Param: mixer.ParamCue, Channel: 0, Value: 1})
	small := make([]byte, 4)
	if n := m.Feedback(small); !bytes.Equal(small[:n], []byte{0xB0, 7, 0}) {
		t.Fatalf("first part % x", small[:n])
	}
	if n := m.Feedback(small); !bytes.Equal(small[:n], []byte{0x91, 60, 127}) {
		t.Fatalf("second part % x", small[:n])
	}
}

func TestRealTimePathDoesNotAllocate(t *testing.T) {
	m := newMapper(t,
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0), SoftTakeover: true},
		midi.Mapping{Source: midi.SourceCC14, MIDIChannel: 1, Number: 1, Kind: midi.KindAbsolute, Target: target(mixer.ParamCrossfader, 0)},
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 1, Number: 60, Kind: midi.KindToggle, Target: target(mixer.ParamCue, 0)},
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 20, Kind: midi.KindRelativeTwos, Target: target(mixer.ParamEQLow, 0)},
	)
	in := []byte{0xB0, 7, 90, 1, 64, 33, 3, 20, 1, 0xF8, 0x90, 60, 127, 0xF0, 1, 0xF7, 0xE0, 1, 2}
	cmds := make([]mixer.Command, 32)
	fb := make([]byte, 64)
	v := float32(0)
	allocs := testing.AllocsPerRun(200, func() {
		v = 1 - v
		m.Observe(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: v})
		m.Feed(in, cmds)
		m.Feedback(fb)
	})
	if allocs != 0 {
		t.Fatalf("%v allocations per run", allocs)
	}
}

func TestMappingFileRoundTrip(t *testing.T) {
	f := midi.File{Controller: "Test", Mappings: []midi.Mapping{
		{Source: midi.SourceCC14, MIDIChannel: 16, Number: 31, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 31), SoftTakeover: true},
		{Source: midi.SourceNote, MIDIChannel: 1, Number: 0, Kind: midi.KindMomentary, Target: target(mixer.ParamSplitCue, 0)},
		{Source: midi.SourceCC, MIDIChannel: 2, Number: 127, Kind: midi.KindRelativeSign, Target: target(mixer.ParamPan, 4)},
	}}
	path := filepath.Join(t.TempDir(), "c.toml")
	if err := midi.WriteFile(path, f); err != nil {
		t.Fatal(err)
	}
	got, err := midi.ReadFile(path)
	if err != nil || !reflect.DeepEqual(got, f) {
		t.Fatalf("round trip: %v\n%+v", err, got)
	}
}

func TestMappingFileErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"syntax", "controller = \"x\"\nkind = = 1\n", "line 2"},
		{"unknown key", "[[midi]]\ncolour = 1\n", "unknown keys: midi.colour"},
		{"bad target", "[[midi]]\nsource=\"cc\"\nmidi_channel=1\nkind=\"absolute\"\ntarget=\"ch/99/fader\"\n", "channel must be 1 to 32"},
		{"bad channel", "[[midi]]\nsource=\"cc\"\nmidi_channel=17\nkind=\"absolute\"\ntarget=\"master\"\n", "mapping 1: midi: midi_channel 17"},
		{"encoder on a note", "[[midi]]\nsource=\"note\"\nmidi_channel=1\nkind=\"relative_twos\"\ntarget=\"master\"\n", "relative kinds need"},
		{"number overflow", "[[midi]]\nnumber=300\n", "number"},
	} {
		_, err := midi.Decode([]byte(tc.text))
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

// TestExampleMapping checks the shipped example loads, drives both decks'
// faders and the crossfader, and that the docs copy is the same file.
func TestExampleMapping(t *testing.T) {
	f, err := midi.ReadFile("testdata/generic-2deck.toml")
	if err != nil {
		t.Fatal(err)
	}
	docs, err := os.ReadFile("../../docs/midi-mappings/generic-2deck.toml")
	if err != nil {
		t.Fatal(err)
	}
	test, _ := os.ReadFile("testdata/generic-2deck.toml")
	if !bytes.Equal(docs, test) {
		t.Fatal("docs/midi-mappings/generic-2deck.toml and testdata differ")
	}
	table, err := midi.NewTable(f.Mappings)
	if err != nil {
		t.Fatal(err)
	}
	m := midi.NewMapper(table)
	// The faders have soft takeover and start at 0.75 (95.25 of 127); the
	// crossfader has none.
	got := feed(m, 0xB0, 19, 0, 19, 95, 0xB1, 19, 96, 0xB6, 8, 127)
	want := []mixer.Command{
		{Param: mixer.ParamFader, Channel: 0, Value: 95.0 / 127},
		{Param: mixer.ParamFader, Channel: 1, Value: 96.0 / 127},
		{Param: mixer.ParamCrossfader, Channel: 0, Value: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v want %v", got, want)
	}
}

// FuzzMapper feeds arbitrary bytes through a table using every kind and
// checks that every command is in range and the output never overflows.
func FuzzMapper(f *testing.F) {
	f.Add([]byte{0xB0, 7, 90, 1, 64, 33, 3, 20, 1, 0x90, 60, 127, 0xE0, 1, 2})
	f.Add([]byte{0xF0, 0xB0, 0xF7, 7, 7, 0xB0, 20, 65})
	table, err := midi.NewTable([]midi.Mapping{
		{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0), SoftTakeover: true},
		{Source: midi.SourceCC14, MIDIChannel: 1, Number: 1, Kind: midi.KindAbsolute, Target: target(mixer.ParamCrossfader, 0)},
		{Source: midi.SourceNote, MIDIChannel: 1, Number: 60, Kind: midi.KindToggle, Target: target(mixer.ParamXfaderAssign, 0)},
		{Source: midi.SourceNote, MIDIChannel: 1, Number: 61, Kind: midi.KindMomentary, Target: target(mixer.ParamCue, 0)},
		{Source: midi.SourceCC, MIDIChannel: 1, Number: 20, Kind: midi.KindRelativeTwos, Target: target(mixer.ParamTrimDB, 0)},
		{Source: midi.SourceCC, MIDIChannel: 1, Number: 21, Kind: midi.KindRelativeSign, Target: target(mixer.ParamXfaderAssign, 1)},
		{Source: midi.SourcePitchBend, MIDIChannel: 1, Kind: midi.KindAbsolute, Target: target(mixer.ParamPan, 0)},
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := midi.NewMapper(table)
		out := make([]mixer.Command, 8)
		n := m.Feed(data, out)
		for _, c := range out[:n] {
			if c.Value != c.Value || c.Value < -20 || c.Value > 20 {
				t.Fatalf("command out of range: %+v", c)
			}
		}
		fb := make([]byte, 16)
		k := m.Feedback(fb)
		if k%midi.FeedbackMessageBytes != 0 {
			t.Fatalf("feedback of %d bytes", k)
		}
		for i := 0; i < k; i += 3 {
			if fb[i] < 0x80 || fb[i+1] > 0x7F || fb[i+2] > 0x7F {
				t.Fatalf("bad feedback message % x", fb[i:i+3])
			}
		}
	})
}

func TestWithWithoutFor(t *testing.T) {
	fader := target(mixer.ParamFader, 0)
	pan := target(mixer.ParamPan, 0)
	a := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: fader}
	b := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 8, Kind: midi.KindAbsolute, Target: fader}
	relearned := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: pan}
	ms := midi.With(midi.With(nil, a), b)
	ms2 := midi.With(ms, relearned)
	if len(ms) != 2 || !reflect.DeepEqual(ms2, []midi.Mapping{b, relearned}) {
		t.Fatalf("With: %v then %v", ms, ms2)
	}
	table, err := midi.NewTable(ms2)
	if err != nil {
		t.Fatal(err)
	}
	if got := table.For(fader); !reflect.DeepEqual(got, []midi.Mapping{b}) {
		t.Fatalf("For: %v", got)
	}
	if got := midi.Without(ms2, fader); !reflect.DeepEqual(got, []midi.Mapping{relearned}) {
		t.Fatalf("Without: %v", got)
	}
}

// TestConcurrentSwapAndLearn runs the audio thread's calls against table
// swaps and learning from another goroutine; run it with -race.
func TestConcurrentSwapAndLearn(t *testing.T) {
	tables := make([]*midi.Table, 2)
	for i := range tables {
		var err error
		tables[i], err = midi.NewTable([]midi.Mapping{{Source: midi.SourceCC, MIDIChannel: 1, Number: uint8(7 + i),
			Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, 0)}})
		if err != nil {
			t.Fatal(err)
		}
	}
	m := midi.NewMapper(tables[0])
	l := midi.NewLearner(m)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		out := make([]mixer.Command, 8)
		fb := make([]byte, 64)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			m.Feed([]byte{0xB0, byte(7 + i%2), byte(i % 128)}, out)
			m.Feedback(fb)
		}
	}()
	learned := 0
	deadline := time.Now().Add(10 * time.Second)
	for i := 0; learned < 100 && time.Now().Before(deadline); i++ {
		m.SetTable(tables[i%2])
		if _, armed := l.Armed(); !armed {
			l.Arm(target(mixer.ParamPan, 1))
		}
		if mp, ok := l.Poll(); ok && mp.Source == midi.SourceCC && mp.Target == target(mixer.ParamPan, 1) {
			learned++
		}
	}
	close(stop)
	<-done
	if learned < 100 {
		t.Fatalf("learned %d times while events flowed", learned)
	}
}

// BenchmarkFeed measures the audio thread's cost per incoming CC with a
// full table, where the match is the last mapping.
func BenchmarkFeed(b *testing.B) {
	ms := make([]midi.Mapping, midi.MaxMappings)
	for i := range ms {
		ms[i] = midi.Mapping{Source: midi.SourceCC, MIDIChannel: uint8(1 + i/128), Number: uint8(i % 128),
			Kind: midi.KindAbsolute, Target: target(mixer.ParamFader, int16(i%mixer.MaxChannels))}
	}
	table, err := midi.NewTable(ms)
	if err != nil {
		b.Fatal(err)
	}
	m := midi.NewMapper(table)
	in := []byte{0xB3, 127, 0}
	out := make([]mixer.Command, 4)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		in[2] = byte(i & 0x7F)
		m.Feed(in, out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/event")
}

func TestOneControlManyTargetsInTableOrder(t *testing.T) {
	m := newMapper(t,
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 4, Number: 1, Kind: midi.KindToggle, Target: target(mixer.ParamCue, 0)},
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 4, Number: 1, Kind: midi.KindAbsolute, Target: target(mixer.ParamPan, 0)},
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 4, Number: 1, Kind: midi.KindToggle, Target: target(mixer.ParamMute, 1)},
	)
	got := feed(m, 0x93, 1, 127)
	want := []mixer.Command{{Param: mixer.ParamCue, Channel: 0, Value: 1}, {Param: mixer.ParamMute, Channel: 1, Value: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v want %v", got, want)
	}
}
