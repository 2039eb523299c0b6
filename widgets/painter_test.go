package widgets

import (
	"image"
	"image/color"
	"slices"
	"testing"

	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
)

// TestPainterLayers checks that an item goes above what it overlaps in
// another colour, and joins the lowest layer of its colour otherwise.
func TestPainterLayers(t *testing.T) {
	var p Painter
	var ops op.Ops
	gtx := p.Begin(layout.Context{Ops: &ops}, image.Pt(400, 300))
	red, blue := color.NRGBA{R: 255, A: 255}, color.NRGBA{B: 255, A: 255}
	FillRect(gtx, image.Rect(0, 0, 100, 100), red)     // layer 0
	FillRect(gtx, image.Rect(50, 50, 150, 150), blue)  // over red: 1
	FillRect(gtx, image.Rect(200, 0, 300, 100), red)   // alone: 0
	FillRect(gtx, image.Rect(140, 140, 160, 160), red) // over blue: 2
	t1 := Offset(gtx, image.Pt(300, 200))
	FillRect(gtx, image.Rect(0, 0, 10, 10), blue) // alone, moved: 0
	t1.Pop()
	want := []int32{0, 1, 0, 2, 0}
	for i, it := range p.items {
		if it.layer != want[i] {
			t.Errorf("item %d: layer %d, want %d", i, it.layer, want[i])
		}
	}
	if r := p.items[4].r; r != image.Rect(300, 200, 310, 210) {
		t.Errorf("offset rect at %v", r)
	}
}

// TestPainterKeepsPaths checks that an unchanged group of shapes drawn as
// outlines (too large for an atlas page either way) is the same path in the next frame,
// whatever the rectangles did, so Gio does not upload it again.
func TestPainterKeepsPaths(t *testing.T) {
	th := &Theme{}
	var p Painter
	var ops op.Ops
	var paths []clip.PathSpec
	for frame := range 3 {
		ops.Reset()
		gtx := p.Begin(layout.Context{Ops: &ops}, image.Pt(1400, 1400))
		FillRect(gtx, image.Rect(0, 0, 20, 20+frame*30), color.NRGBA{G: 255, A: 255})
		th.fillRRect(gtx, image.Rect(100, 10, 100+atlasPagePx, 10+atlasPagePx), 4, color.NRGBA{R: 255, A: 255})
		th.fillRRect(gtx, image.Rect(110, 600, 110+atlasPagePx, 600+atlasPagePx), 4, color.NRGBA{R: 255, A: 255})
		p.Flush(gtx, th)
		if len(p.groups) != 1 {
			t.Fatalf("frame %d: %d path groups, want 1", frame, len(p.groups))
		}
		paths = append(paths, p.groups[0].path)
	}
	if paths[1] != paths[0] || paths[2] != paths[0] {
		t.Error("an unchanged shape group was rebuilt")
	}
}

// TestPainterKeepsAtlasShapes checks that shapes the atlas takes are
// rendered once: one entry serves a shape wherever it is drawn, the next
// frames draw the same entries and paint no tile of the backdrop again,
// and shapes of different colours share one key.
func TestPainterKeepsAtlasShapes(t *testing.T) {
	th := &Theme{}
	var p Painter
	var ops op.Ops
	for frame := range 3 {
		ops.Reset()
		gtx := p.Begin(layout.Context{Ops: &ops}, image.Pt(400, 300))
		th.fillRRect(gtx, image.Rect(100, 10, 140, 30), 4, color.NRGBA{R: 255, A: 255})
		th.fillRRect(gtx, image.Rect(200, 10, 240, 30), 4, color.NRGBA{R: 255, A: 255})
		fillShape(gtx, shapeDesc{kind: shapeKnobArc, r: image.Rect(10, 100, 42, 132), pos: 0.3}, color.NRGBA{G: 255, A: 255})
		for _, it := range p.items {
			if k := p.keys[it.key]; k.kind != itemAtlasShape {
				t.Fatalf("frame %d: a shape recorded as kind %d", frame, k.kind)
			}
		}
		if len(p.keys) != 1 {
			t.Fatalf("frame %d: %d keys for shapes of two colours, want 1", frame, len(p.keys))
		}
		if len(p.atlas.entries) != 2 {
			t.Fatalf("frame %d: %d atlas entries, want 2 (one button in two places, one arc)", frame, len(p.atlas.entries))
		}
		p.Flush(gtx, th)
		if frame > 0 && slices.Contains(p.backdrop.dirty, true) {
			t.Fatalf("frame %d: the backdrop was painted again though no shape changed", frame)
		}
	}
}
