package widgets

import (
	"image"
	"image/color"
	"testing"

	"gioui.org/layout"
	"gioui.org/op"
)

// TestBackdropDrawsOnlyWhereItemsAre checks that an overlay's backdrop (a
// small panel over the window) is drawn over the tiles its items are in,
// not over the whole window: a software renderer pays for every pixel.
func TestBackdropDrawsOnlyWhereItemsAre(t *testing.T) {
	var p Painter
	var ops op.Ops
	size := image.Pt(1920, 1080)
	gtx := p.Begin(layout.Context{Ops: &ops}, size)
	FillRect(gtx, image.Rect(300, 200, 700, 400), color.NRGBA{R: 40, G: 40, B: 40, A: 255})
	p.Flush(gtx, &Theme{})
	// The panel touches two bands (256–511, 512–767) and four rows of
	// tiles (192–447).
	if want := 2 * backdropBandPx * 4 * backdropTilePx; p.backdrop.drawnPx != want {
		t.Errorf("drew %d px for a 400×200 panel, want %d", p.backdrop.drawnPx, want)
	}
	ops.Reset()
	gtx = p.Begin(layout.Context{Ops: &ops}, size)
	FillRect(gtx, image.Rectangle{Max: size}, color.NRGBA{A: 255})
	p.Flush(gtx, &Theme{})
	if want := size.X * size.Y; p.backdrop.drawnPx != want {
		t.Errorf("drew %d px for a full window, want %d", p.backdrop.drawnPx, want)
	}
}
