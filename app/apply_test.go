package app

import (
	"image"
	"testing"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// TestApplyShowsRemoteCommands: every control the window shows follows a
// command made elsewhere, and the window sends none of them back.
func TestApplyShowsRemoteCommands(t *testing.T) {
	f := newFixture(t, 2, 1)
	size := image.Pt(1280, 720)
	f.frame(size)
	f.drain()
	shown := 0
	for _, p := range param.All() {
		info, _ := param.Lookup(p)
		for _, v := range []float32{info.Max, info.Min} {
			before := *f.ui.State
			before.Channels = append([]ChannelState(nil), f.ui.State.Channels...)
			f.ui.Apply(mixer.Command{Param: p, Channel: 1, Value: v})
			if !sameMixerState(&before, f.ui.State) {
				shown++
			}
			f.frame(size)
			if cs := f.drain(); len(cs) != 0 {
				t.Fatalf("%v = %v: the window sent %v back", p, v, cs)
			}
		}
	}
	// 13 strip controls and 10 master-section controls the window shows,
	// each changed by its max or its min (or both).
	if shown < 23 {
		t.Fatalf("only %d commands changed the window's model", shown)
	}
	if s := f.ui.State; s.Channels[1].Fader != 0 || s.Channels[1].TrimDB != -20 || s.Crossfader != -1 || s.Master != 0 {
		t.Fatalf("model after the minimums: %+v", s)
	}
	if f.ui.strips[1].fader.Pos != 0 || f.ui.xfader.Pos != 0 || f.ui.strips[0].fader.Pos == 0 {
		t.Fatal("widgets do not show the model")
	}
}
