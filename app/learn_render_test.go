//go:build cgo

package app

import (
	"image"
	"testing"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
)

// TestRenderMappedBadge renders the window with channel 2's fader mapped
// and checks the badge's pixels in the fader's top right corner, and
// that channel 1's unmapped fader has none.
func TestRenderMappedBadge(t *testing.T) {
	f := newFixture(t, 3, 1)
	table, err := midi.NewTable([]midi.Mapping{{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: midi.Target{Param: mixer.ParamFader, Channel: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	f.ui.SetMIDI(midi.NewMapper(table), nil)
	img := renderPNG(t, f, winSize)
	want := f.ui.Theme.Meter.Low.NRGBA()
	// Inside the badge: right of the fader's 24 dp scale, at the top of
	// the fader, whose track starts half a cap (13 px) below it.
	at := func(ch int) image.Point {
		x := ch*stripWDp + padDp + 24 + int(f.ui.Theme.Fader.WidthDp) - 4
		c, track := f.faderGeometry(ch)
		y := int(c.Y) - int(float64(track)*(1-f.ui.strips[ch].fader.Pos)) - 13 + 4
		return image.Pt(x, y)
	}
	if got := img.RGBAAt(at(1).X, at(1).Y); got.R != want.R || got.G != want.G || got.B != want.B {
		t.Errorf("mapped fader's corner at %v is %v, want the badge colour %v", at(1), got, want)
	}
	if got := img.RGBAAt(at(0).X, at(0).Y); got.R == want.R && got.G == want.G && got.B == want.B {
		t.Errorf("unmapped fader's corner at %v has the badge colour", at(0))
	}
}
