//go:build cgo

package widgets

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"gioui.org/font"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/text"
	"gioui.org/unit"
)

// TestBackdropLooksLikeGPUDrawing paints one scene twice on the GPU:
// through the backdrop (composited on the CPU) and with every item live
// (drawn by Gio, the reference). The pictures must agree to the rounding
// of 8-bit sRGB, for opaque and translucent rectangles, labels and
// shapes from the atlas, and items over a live one. Then one rectangle
// moves and a label changes: the backdrop paints only the tiles they are
// in, and the picture again matches the reference of the changed scene.
func TestBackdropLooksLikeGPUDrawing(t *testing.T) {
	size := image.Pt(900, 500)
	th, w := gpuWindow(t, size)

	scene := func(gtx layout.Context, moved bool) {
		rng := rand.New(rand.NewPCG(1, 2))
		FillRect(gtx, image.Rectangle{Max: size}, th.Palette.Bg.NRGBA())
		for range 120 {
			x, y := rng.IntN(size.X-60), rng.IntN(size.Y-60)
			c := color.NRGBA{R: uint8(rng.IntN(256)), G: uint8(rng.IntN(256)), B: uint8(rng.IntN(256)), A: 255}
			if rng.IntN(2) == 0 {
				c.A = uint8(20 + rng.IntN(220))
			}
			FillRect(gtx, image.Rect(x, y, x+5+rng.IntN(55), y+5+rng.IntN(55)), c)
		}
		dx := 0
		if moved {
			dx = 37
		}
		FillRect(gtx, image.Rect(600+dx, 300, 640+dx, 340), color.NRGBA{R: 200, G: 90, A: 160})
		// A live bar, with a translucent rectangle and a label over it that
		// were recorded after it: they must stay above it.
		lv := Live(gtx)
		FillRect(gtx, image.Rect(100, 380, 300, 420), color.NRGBA{G: 220, B: 80, A: 255})
		lv.End()
		FillRect(gtx, image.Rect(150, 360, 250, 440), color.NRGBA{R: 255, G: 255, B: 255, A: 90})
		readout := "−12.5 dB"
		if moved {
			readout = "−3.0 dB"
		}
		for i, txt := range []string{"TRIM +3.5 dB", "LOW MID HIGH", readout} {
			c := gtx
			c.Constraints = layout.Exact(image.Pt(200, 30))
			st := Offset(c, image.Pt(120, 370+i*20))
			th.label(c, 13, th.Palette.Text.NRGBA(), text.Start, font.Bold, txt)
			st.Pop()
		}
		knob := image.Rect(700, 40, 748, 88)
		fillShape(gtx, shapeDesc{kind: shapeKnobTrack, r: knob}, th.Palette.TextDim.NRGBA())
		fillShape(gtx, shapeDesc{kind: shapeKnobArc, r: knob, pos: 0.7, bipolar: true}, th.Palette.Focus.NRGBA())
		th.fillRRect(gtx, image.Rect(700, 120, 800, 150), 6, color.NRGBA{R: 90, G: 90, B: 230, A: 200})
	}
	var p, ref Painter
	draw := func(p *Painter, allLive, moved bool) *image.RGBA {
		var ops op.Ops
		gtx := layout.Context{Ops: &ops, Metric: unit.Metric{PxPerDp: 1, PxPerSp: 1}, Constraints: layout.Exact(size)}
		root := gtx
		gtx = p.Begin(gtx, size)
		var lv LiveScope
		if allLive {
			lv = Live(gtx)
		}
		scene(gtx, moved)
		lv.End()
		p.Flush(root, th)
		return render(t, w, &ops, size)
	}
	compare := func(what string, got, want *image.RGBA) {
		t.Helper()
		off := 0
		worst := 0
		for i := range got.Pix {
			d := int(got.Pix[i]) - int(want.Pix[i])
			d = max(d, -d)
			worst = max(worst, d)
			if d > 2 {
				off++
			}
		}
		if off > 0 {
			t.Errorf("%s: %d channel values differ by more than 2 (worst %d)", what, off, worst)
		}
	}

	compare("first frame", draw(&p, false, false), draw(&ref, true, false))
	if p.backdrop.img == nil {
		t.Fatal("the painter drew no backdrop")
	}
	// Nothing changed: no tile is painted again.
	still := draw(&p, false, false)
	for i, d := range p.backdrop.dirty {
		if d {
			t.Fatalf("tile %d painted again though nothing changed", i)
		}
	}
	compare("unchanged frame", still, draw(&ref, true, false))

	moved := draw(&p, false, true)
	painted := 0
	for _, d := range p.backdrop.dirty {
		if d {
			painted++
		}
	}
	if painted == 0 || painted > 8 {
		t.Errorf("%d tiles painted again for a moved rectangle and a changed label, want 1 to 8", painted)
	}
	compare("after a change", moved, draw(&ref, true, true))
}
