//go:build cgo

package app

import (
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/fx"
)

// TestRenderFXPanel renders the window with the FX panel open: the beat
// FX set to a 3/4-beat ping-pong on channel 2, on, and the colour FX
// space, against testdata/fx-panel.png.
func TestRenderFXPanel(t *testing.T) {
	f := newFixture(t, 3, 1)
	for _, c := range []mixer.Command{
		{Param: mixer.ParamBeatFXType, Value: float32(fx.PingPong)},
		{Param: mixer.ParamBeatFXAssign, Value: mixer.FXChannel + 1},
		{Param: mixer.ParamBeatFXBeats, Value: 4},
		{Param: mixer.ParamBeatFXOn, Value: 1},
		{Param: mixer.ParamColourFXType, Value: float32(fx.Space)},
	} {
		f.ui.Apply(c)
	}
	f.ui.setOpen(f.ui.fx.side)
	compareGolden(t, "fx-panel.png", renderPNG(t, f, winSize))
}
