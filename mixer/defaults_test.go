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
