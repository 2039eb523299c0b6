//go:build cgo

package app

import (
	"image/color"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// TestVUBarTopSitsOnTheZeroMark renders strip 0 in VU mode reading 0 VU
// and checks that its bar ends exactly on the 0 VU mark: the fourth tick
// from the top of the VU scale (+3, +2, +1, 0).
func TestVUBarTopSitsOnTheZeroMark(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.ui.strips[0].mode.set(mixer.MeterVU)
	fr := knownFrame(5)
	inf := float32(math.Inf(-1))
	fr.StripMode[0] = mixer.ModeMeter{Mode: mixer.MeterVU, LevelL: 0, LevelR: 0, HoldL: inf, HoldR: inf}
	f.ui.SetMeters(fr)
	img := renderPNG(t, f, winSize)

	th := f.ui.Theme
	low, tick := th.Meter.Low.NRGBA(), th.Fader.Tick.NRGBA()
	is := func(x, y int, c color.NRGBA) bool {
		r, g, b, _ := img.At(x, y).RGBA()
		return r>>8 == uint32(c.R) && g>>8 == uint32(c.G) && b>>8 == uint32(c.B)
	}
	// The bar: the rightmost column of the meter colour in strip 0 and
	// the top of that column.
	barTop, barRight := -1, -1
	for x := stripWDp - padDp; x > 0 && barRight < 0; x-- {
		for y := 0; y < winSize.Y; y++ {
			if is(x, y, low) {
				barRight, barTop = x, y
				break
			}
		}
	}
	if barRight < 0 {
		t.Fatal("no VU bar drawn")
	}
	var ticks []int
	for y := 0; y < winSize.Y; y++ {
		if is(barRight+2, y, tick) {
			ticks = append(ticks, y)
		}
	}
	if len(ticks) != len(mixer.MeterVU.Scale().Marks) {
		t.Fatalf("%d ticks beside the VU bar at y %v, want %d", len(ticks), ticks, len(mixer.MeterVU.Scale().Marks))
	}
	if zero := ticks[3]; barTop != zero {
		t.Fatalf("0 VU bar ends at y %d, the 0 VU mark is at y %d (ticks %v)", barTop, zero, ticks)
	}
}
