//go:build cgo

package app

import (
	"image"
	"testing"

	"gioui.org/gpu/headless"
)

// TestPartialRedrawLooksLikeWholeFrames draws the same frames into a
// window that keeps its pixels, where Gio draws only what changed since
// the frame before (third_party/README.md: how an X11 window on Mesa's
// software renderer is drawn), and into one that draws every frame whole:
// the two must show the same pixels after every frame, while meters move,
// a fader is dragged and a panel opens over the strips and closes again.
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
		if d := differing(gotKept, gotWhole, gotKept.Rect); d != 0 {
			t.Errorf("%s: %d pixels differ between the partial and the whole frame", what, d)
		}
	}
	for i := range 6 {
		f.moveMeters(i)
		step("meters moving")
	}
	capAt, _ := f.faderGeometry(2)
	f.drag(capAt, 40, 0)
	step("after a fader drag")
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
