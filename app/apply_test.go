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
			before := f.ui.model.Clone()
			f.ui.Apply(mixer.Command{Param: p, Channel: 1, Value: v})
			if !before.Equal(f.ui.model) {
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
	if u := f.ui; u.get(mixer.ParamFader, 1) != 0 || u.get(mixer.ParamTrimDB, 1) != -20 || u.get(mixer.ParamCrossfader, 0) != -1 || u.get(mixer.ParamMasterLevel, 0) != 0 {
		t.Fatalf("model after the minimums: %+v", *u.model)
	}
	if f.ui.strips[1].fader.Pos != 0 || f.ui.xfader.Pos != 0 || f.ui.strips[0].fader.Pos == 0 {
		t.Fatal("widgets do not show the model")
	}
}
