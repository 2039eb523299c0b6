package mixer_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// TestEngineDefaultsAreTheDescriptions: the engine's own starting values
// are the defaults its controls' descriptions (param.Info) give the window,
// the state file, scenes and MIDI. Setting a control to its described
// default must change nothing in a new engine, on every channel; a control
// whose default is described as zero while the engine starts elsewhere
// fails too, since zero then moves it.
func TestEngineDefaultsAreTheDescriptions(t *testing.T) {
	for _, p := range param.All() {
		info, _ := param.Lookup(p)
		for _, ch := range []int16{0, mixer.MaxChannels - 1} {
			if !mixer.KeepsDefaults(mixer.Command{Param: p, Channel: ch, Value: info.Default}) {
				t.Errorf("%s: the engine does not start at the described default %v (channel %d)", param.Format(p, ch), info.Default, ch)
			}
		}
	}
	// The check can fail: a value other than the default moves the engine.
	if mixer.KeepsDefaults(mixer.Command{Param: mixer.ParamCrossfaderCurve, Value: 0}) {
		t.Fatal("setting the curve to 0 left a new engine unchanged")
	}
}

// TestEngineRangesAreTheDescriptions: the engine clamps each continuous
// control to the range its description gives (what the window's knobs, the
// state file's checks, OSC and MIDI use): beyond an end is the end, and
// just inside either end is not the end.
func TestEngineRangesAreTheDescriptions(t *testing.T) {
	for _, p := range param.All() {
		info, _ := param.Lookup(p)
		if info.Switch {
			continue
		}
		at := func(v float32) mixer.Command { return mixer.Command{Param: p, Value: v} }
		span := info.Max - info.Min
		name := param.Format(p, 0)
		if !mixer.SameTarget(at(info.Max+span), at(info.Max)) || !mixer.SameTarget(at(info.Min-span), at(info.Min)) {
			t.Errorf("%s: the engine does not clamp to %v..%v", name, info.Min, info.Max)
		}
		if mixer.SameTarget(at(info.Max), at(info.Max-span/100)) || mixer.SameTarget(at(info.Min), at(info.Min+span/100)) {
			t.Errorf("%s: the engine's range is narrower than %v..%v", name, info.Min, info.Max)
		}
	}
}
