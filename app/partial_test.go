//go:build cgo

package app

import (
	"image"
	"testing"

	"gioui.org/gpu/headless"
	"gioui.org/io/key"
)

// TestPartialRedrawLooksLikeWholeFrames draws the same frames into a
// window that keeps its pixels, where Gio draws only what changed since
// the frame before (third_party/README.md: how an X11 window on Mesa's
// software renderer is drawn), and into one that draws every frame whole:
// the two must show the same pixels after every frame (to one level of a
// channel: a partial frame stencils only the paths it draws, so a path's
// place in the stencil atlas, and with it the last bit of its edge's
// antialiasing, can differ), while meters move,
// a fader is dragged, a knob turns and a panel opens over the strips and closes again.
func TestPartialRedrawLooksLikeWholeFrames(t *testing.T) {
	f := newFixture(t, 8, 1)
	kept := headlessWindow(t, winSize)
	kept.KeepPixels()
	whole := headlessWindow(t, winSize)
	gotKept := image.NewRGBA(image.Rectangle{Max: winSize})
	gotWhole := image.NewRGBA(image.Rectangle{Max: winSize})
	step := func(what string) {
		t.Helper()
		ops := f.frame(winSize)
		for _, w := range []struct {
			win *headless.Window
			img *image.RGBA
		}{{kept, gotKept}, {whole, gotWhole}} {
			if err := w.win.Frame(ops); err != nil {
				t.Fatal(err)
			}
			if err := w.win.Screenshot(w.img); err != nil {
				t.Fatal(err)
			}
		}
		if d := differing(gotKept, gotWhole, gotKept.Rect, 1); d != 0 {
			t.Errorf("%s: %d pixels differ by more than one level between the partial and the whole frame", what, d)
		}
	}
	for i := range 6 {
		f.moveMeters(i)
		step("meters moving")
	}
	capAt, _ := f.faderGeometry(2)
	f.drag(capAt, 40, 0)
	step("after a fader drag")
	// A knob's arc is a path: the frame stencils only the paths it draws.
	for range 3 {
		f.stepFocused(1, key.NameUpArrow)
		step("a knob turned")
	}
	f.click(f.portsPanelButton())
	step("PORTS panel opened")
	f.moveMeters(3)
	step("meters under the panel")
	f.click(f.portsPanelButton())
	step("PORTS panel closed")
	for i := range 4 {
		f.moveMeters(i + 2)
		step("meters moving again")
	}
}
