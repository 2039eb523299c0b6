package app

import (
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/fx"
)

// fxPanelAt is the middle of the FX panel's beat FX type segment i (row
// 0) or beat fraction segment i (row 1), by the arithmetic of layoutFX at
// scale 1; the ON button is row 2.
func fxPanelAt(row, i int) (x, y int) {
	x0, y0, w := panelContent()
	const labelW, segGap, cellW = 90, 2, 70
	n := []int{len(beatFXTypeLabels), len(beatFXBeatLabels)}
	if row == 2 {
		return x0 + 4*(cellW+gapDp) + cellW/2, y0 + 2*(sceneBtnH+gapDp) + sceneBtnH + gapDp + sceneBtnH/2
	}
	segW := (w - labelW - segGap*(n[row]-1)) / n[row]
	return x0 + labelW + i*(segW+segGap) + segW/2, y0 + row*(sceneBtnH+gapDp) + sceneBtnH/2
}

// TestFXPanelSendsCommands opens the FX panel, picks the reverb, the
// 3/4-beat fraction and switches the unit on: each click moves the
// model and sends its command.
func TestFXPanelSendsCommands(t *testing.T) {
	f := newFixture(t, 3, 1)
	f.frame(winSize)
	f.tap(f.panelButtonAt(t, f.ui.fx.side))
	if f.ui.openPanel() != f.ui.fx.side {
		t.Fatal("the FX panel did not open")
	}
	for _, c := range []struct {
		row, i int
		p      mixer.Param
		want   float32
	}{
		{0, int(fx.Reverb), mixer.ParamBeatFXType, float32(fx.Reverb)},
		{1, 4, mixer.ParamBeatFXBeats, 4},
		{2, 0, mixer.ParamBeatFXOn, 1},
	} {
		x, y := fxPanelAt(c.row, c.i)
		f.tap(f32pt(x, y))
		sent := false
		for {
			cmd, ok := f.cmds.TryPop()
			if !ok {
				break
			}
			sent = sent || cmd.Param == c.p && cmd.Value == c.want
		}
		if !sent || f.ui.get(c.p, 0) != c.want {
			t.Errorf("click at (%d, %d): %v is %v (sent: %v), want %v", x, y, c.p, f.ui.get(c.p, 0), sent, c.want)
		}
	}
	if got := f.ui.fxStatus(); got != "REVERB 3/4 beat at 128.0 BPM on master, ON" {
		t.Errorf("status line %q", got)
	}
	if n := f.warmLayoutAllocs(winSize, 40, f.moveMeters); n != 0 {
		t.Errorf("FX panel open: %d allocations in 30 warmed-up Layouts, want 0", n)
	}
}
