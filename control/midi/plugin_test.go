package midi_test

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
)

// fakePlugins is one plugin with a frequency knob (20..20000 Hz, log)
// and a toggle, in channel 2's slot 3.
type fakePlugins struct {
	freq, on float32
}

var (
	freqCtl = param.PluginControl{Channel: 2, Slot: 3, Symbol: "freq"}
	onCtl   = param.PluginControl{Channel: 2, Slot: 3, Symbol: "on"}
)

func (f *fakePlugins) PluginControl(c param.PluginControl) (param.Info, float32, bool) {
	switch c {
	case freqCtl:
		return param.Info{Name: "freq", Min: 20, Max: 20000, Default: 1000, Law: param.Log, Unit: "Hz"}, f.freq, true
	case onCtl:
		return param.Info{Name: "on", Max: 1, Switch: true}, f.on, true
	}
	return param.Info{}, 0, false
}

func (f *fakePlugins) SetPluginControl(c param.PluginControl, v float32) {
	switch c {
	case freqCtl:
		f.freq = v
	case onCtl:
		f.on = v
	}
}

// TestPluginTargets: a CC moves a plugin's log-law knob along its law
// with soft takeover, a note toggles its switch, feedback shows both, no
// engine command is made, and a target in an empty slot does nothing.
func TestPluginTargets(t *testing.T) {
	fp := &fakePlugins{freq: 1000}
	m := newMapper(t,
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 20, Kind: midi.KindAbsolute, Target: midi.Target{Plugin: freqCtl}, SoftTakeover: true},
		midi.Mapping{Source: midi.SourceNote, MIDIChannel: 1, Number: 36, Kind: midi.KindToggle, Target: midi.Target{Plugin: onCtl}},
		midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 21, Kind: midi.KindAbsolute, Target: midi.Target{Plugin: param.PluginControl{Channel: 1, Slot: 1, Symbol: "gain"}}},
	)
	m.SetPlugins(fp)
	if cmds := feed(m, 0xB0, 20, 127); len(cmds) != 0 || fp.freq != 1000 {
		t.Fatalf("far from the value, soft takeover must hold: %v, freq %v", cmds, fp.freq)
	}
	// 1000 Hz sits at log(50)/log(1000) = 0.566 of the travel: CC 72.
	if cmds := feed(m, 0xB0, 20, 72); len(cmds) != 0 || math.Abs(float64(fp.freq)-1000) > 60 {
		t.Fatalf("picked up at CC 72: %v, freq %v", cmds, fp.freq)
	}
	feed(m, 0xB0, 20, 127)
	if fp.freq != 20000 {
		t.Errorf("CC 127: freq %v, want 20000", fp.freq)
	}
	feed(m, 0x90, 36, 100)
	if fp.on != 1 {
		t.Errorf("note: on %v, want 1", fp.on)
	}
	if cmds := feed(m, 0xB0, 21, 100); len(cmds) != 0 {
		t.Errorf("empty slot made %v", cmds)
	}
	fp.freq = 20
	out := make([]byte, 64)
	n := m.Feedback(out)
	// The knob at its bottom and the note's LED, in table order; the empty
	// slot sends nothing.
	if want := []byte{0xB0, 20, 0, 0x90, 36, 127}; !reflect.DeepEqual(out[:n], want) {
		t.Errorf("feedback % x, want % x", out[:n], want)
	}
}

// TestPluginTargetInFile: a plugin target is saved by channel, slot and
// symbol and read back.
func TestPluginTargetInFile(t *testing.T) {
	f := midi.File{Mappings: []midi.Mapping{
		{Source: midi.SourceCC, MIDIChannel: 3, Number: 1, Kind: midi.KindAbsolute, Target: midi.Target{Plugin: freqCtl}, SoftTakeover: true},
		{Source: midi.SourceCC, MIDIChannel: 3, Number: 2, Kind: midi.KindAbsolute, Target: midi.Target{Plugin: param.PluginControl{Slot: 4, Symbol: "gain"}}},
	}}
	path := filepath.Join(t.TempDir(), "c.toml")
	if err := midi.WriteFile(path, f); err != nil {
		t.Fatal(err)
	}
	got, err := midi.ReadFile(path)
	if err != nil || !reflect.DeepEqual(got, f) {
		t.Fatalf("round trip: %v\n%+v", err, got)
	}
	bad := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Kind: midi.KindAbsolute, Target: midi.Target{Plugin: param.PluginControl{Channel: 1, Slot: 9, Symbol: "gain"}}}
	if bad.Validate() == nil {
		t.Error("slot 9 validated")
	}
}
