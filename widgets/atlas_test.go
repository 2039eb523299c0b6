//go:build cgo

package widgets

import (
	"image"
	"image/color"
	"strconv"
	"strings"
	"testing"

	"gioui.org/font"
	"gioui.org/gpu/headless"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
	"gioui.org/op/paint"
	"gioui.org/text"
	"gioui.org/unit"

	"github.com/linuxdj/linuxdj/assets"
	"github.com/linuxdj/linuxdj/internal/testenv"
)

// TestAtlasFillsAndStartsAgain: labels go in until every page is full;
// then lookups fail (the painter draws outlines instead) and, after the
// frame, the atlas starts again empty and takes labels again.
func TestAtlasFillsAndStartsAgain(t *testing.T) {
	a := newAtlas()
	face := atlasFace{ppem: 40}
	col := color.NRGBA{R: 255, A: 255}
	var first atlasEntry
	n := 0
	for ; ; n++ {
		e, ok := a.lookup(atlasKey{txt: "label " + strconv.Itoa(n), face: face, col: col})
		if !ok {
			break
		}
		if n == 0 {
			first = e
		}
		if n > 100000 {
			t.Fatal("the atlas never fills")
		}
	}
	if !a.full || len(a.pages) != atlasPages || n < 100 {
		t.Fatalf("after %d labels: full %v, %d pages", n, a.full, len(a.pages))
	}
	// A label already in stays where it is until the frame ends.
	if e, ok := a.lookup(atlasKey{txt: "label 0", face: face, col: col}); !ok || e != first {
		t.Fatalf("label 0 moved within the frame: %+v, %v", e, ok)
	}
	a.endFrame()
	if a.full || len(a.pages) != 0 || len(a.entries) != 0 {
		t.Fatalf("after the frame: full %v, %d pages, %d entries", a.full, len(a.pages), len(a.entries))
	}
	if _, ok := a.lookup(atlasKey{txt: "label 0", face: face, col: col}); !ok {
		t.Fatal("the emptied atlas takes no label")
	}
	if _, ok := a.lookup(atlasKey{txt: strings.Repeat("W", 20), face: atlasFace{ppem: 300}, col: col}); ok {
		t.Fatal("a label wider than a page was taken")
	}
}

// TestAtlasLooksLikeOutlines renders labels and shapes through a Painter
// (the atlas) and directly (Gio's outlines) on the GPU: the two pictures
// must agree, in place, weight and colour.
func TestAtlasLooksLikeOutlines(t *testing.T) {
	size := image.Pt(700, 700)
	th, w := gpuWindow(t, size)
	var p Painter
	draw := func(painted bool) *image.RGBA {
		var ops op.Ops
		gtx := layout.Context{Ops: &ops, Metric: unit.Metric{PxPerDp: 1.5, PxPerSp: 1.5}, Constraints: layout.Exact(size)}
		paint.FillShape(gtx.Ops, th.Palette.Bg.NRGBA(), clip.Rect{Max: size}.Op())
		root := gtx
		if painted {
			gtx = p.Begin(gtx, size)
		}
		rows := []struct {
			weight font.Weight
			col    color.NRGBA
			align  text.Alignment
			txt    string
		}{
			{font.Normal, th.Palette.Text.NRGBA(), text.Start, "TRIM −3.5 dB"},
			{font.Bold, th.Palette.TextDim.NRGBA(), text.Middle, "−∞ · LUFS"},
			{font.Normal, color.NRGBA{R: 240, G: 80, B: 60, A: 255}, text.End, "+6 −60 PK+RMS"},
		}
		for i, r := range rows {
			c := gtx
			c.Constraints = layout.Exact(image.Pt(320, 40))
			st := Offset(c, image.Pt(0, i*40))
			th.label(c, 14, r.col, r.align, r.weight, r.txt)
			st.Pop()
		}
		knob := image.Rect(250, 4, 290, 44)
		fillShape(gtx, shapeDesc{kind: shapeKnobTrack, r: knob}, th.Palette.TextDim.NRGBA())
		fillShape(gtx, shapeDesc{kind: shapeKnobArc, r: knob, pos: 0.8, bipolar: true}, th.Palette.Focus.NRGBA())
		fillShape(gtx, shapeDesc{kind: shapeKnobPointer, r: knob, pos: 0.8}, th.Palette.Text.NRGBA())
		th.fillRRect(gtx, image.Rect(240, 60, 310, 84), 4, th.Palette.TextDim.NRGBA())
		// Too long for a page: drawn as two ends and a rectangle.
		th.fillRRect(gtx, image.Rect(660, 20, 668, 680), 4, th.Palette.Focus.NRGBA())
		th.fillRRect(gtx, image.Rect(20, 660, 640, 666), 3, th.Palette.Text.NRGBA())
		if painted {
			p.Flush(root, th)
		}
		return render(t, w, &ops, size)
	}
	outline, atlas := draw(false), draw(true)
	if p.atlas == nil || len(p.atlas.entries) != 9 {
		t.Fatal("the painter did not draw the labels and shapes from the atlas")
	}
	var sumOutline, sumAtlas, diff int
	for i := 0; i < len(outline.Pix); i += 4 {
		for c := 0; c < 3; c++ {
			o, a := int(outline.Pix[i+c]), int(atlas.Pix[i+c])
			sumOutline += o
			sumAtlas += a
			diff += max(o-a, a-o)
		}
	}
	// The ink (brightness above the background) must match within 5%, and
	// the pictures differ only in the anti-aliasing at the edges: 0.8% of
	// the ink when measured; a label or shape one pixel off differs by
	// about its whole ink, and the smallest (a label row) is 5% of it.
	bg := th.Palette.Bg.NRGBA()
	base := (int(bg.R) + int(bg.G) + int(bg.B)) * size.X * size.Y
	inkO, inkA := sumOutline-base, sumAtlas-base
	if inkO <= 0 || abs(inkO-inkA) > inkO/20 {
		t.Errorf("ink: outlines %d, atlas %d", inkO, inkA)
	}
	t.Logf("ink: outlines %d, atlas %d; difference %d", inkO, inkA, diff)
	if diff > inkO/40 {
		t.Errorf("pictures differ by %d, over 2.5%% of the ink (%d)", diff, inkO)
	}
}

func abs(x int) int { return max(x, -x) }

// gpuWindow is the project theme and a headless GPU window of size,
// released when the test ends.
func gpuWindow(t *testing.T, size image.Point) (*Theme, *headless.Window) {
	t.Helper()
	th, err := ParseTheme(assets.ThemeJSON)
	if err != nil {
		t.Fatal(err)
	}
	testenv.Need(t, testenv.GPU)
	w, err := headless.NewWindow(size.X, size.Y)
	if err != nil {
		testenv.NoGPU(t, err)
	}
	t.Cleanup(w.Release)
	return th, w
}

// render draws ops in w and reads the picture back.
func render(t *testing.T, w *headless.Window, ops *op.Ops, size image.Point) *image.RGBA {
	t.Helper()
	if err := w.Frame(ops); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rectangle{Max: size})
	if err := w.Screenshot(img); err != nil {
		t.Fatal(err)
	}
	return img
}
