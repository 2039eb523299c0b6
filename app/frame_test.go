//go:build cgo

package app

import (
	"fmt"
	"image"
	"image/color"
	"testing"
	"time"

	"gioui.org/gpu/headless"
	"gioui.org/io/input"
	"gioui.org/io/key"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/paint"
)

// BenchmarkFrame measures one full window frame at 1920×1080 with moving
// meters: layout, input routing and GPU rendering (Mesa's software
// rasteriser under EGL_PLATFORM=surfaceless). The GPU work is finished
// by reading back a pixel each frame, so ns/frame is the whole cost.
func BenchmarkFrame(b *testing.B) {
	for _, strips := range []int{8, 16, 32} {
		b.Run(fmt.Sprintf("%dstrips", strips), func(b *testing.B) {
			f := newFixture(b, strips, 1)
			size := image.Pt(1920, 1080)
			w := headlessWindow(b, size)
			benchFrames(b, w, func(i int) *op.Ops {
				f.moveMeters(i)
				return f.frame(size)
			})
		})
	}
}

// benchFrames renders the ops frame(i) returns into w, five frames to warm
// up and then b.N measured, each finished by reading back a pixel, and
// reports ns/frame beside the allocations.
func benchFrames(b *testing.B, w *headless.Window, frame func(i int) *op.Ops) {
	px := image.NewRGBA(image.Rect(0, 0, 1, 1))
	draw := func(i int) {
		if err := w.Frame(frame(i)); err != nil {
			b.Fatal(err)
		}
		if err := w.Screenshot(px); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 5 {
		draw(i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		draw(i)
	}
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N), "ns/frame")
}

// BenchmarkFrameFloor measures, through the same harness as BenchmarkFrame,
// what any Gio window costs on this renderer before it draws anything of
// its own: "empty" is a frame with one focusable key handler and nothing
// drawn (Gio's router and GPU layer, the headless window, the read-back);
// "image" adds one opaque image the size of the window, drawn with
// nearest sampling as the window's backdrop is. Their ns/frame and
// allocs/op are the floor under BenchmarkFrame's.
func BenchmarkFrameFloor(b *testing.B) {
	size := image.Pt(1920, 1080)
	full := image.NewRGBA(image.Rectangle{Max: size})
	for i := range full.Pix {
		full.Pix[i] = uint8(i * 7)
		if i%4 == 3 {
			full.Pix[i] = 255
		}
	}
	for _, c := range []struct {
		name  string
		image bool
	}{{"empty", false}, {"image", true}} {
		b.Run(c.name, func(b *testing.B) {
			w := headlessWindow(b, size)
			var (
				ops    op.Ops
				router input.Router
				tag    int
			)
			img := paint.NewImageOp(full)
			img.Filter = paint.FilterNearest
			benchFrames(b, w, func(int) *op.Ops {
				ops.Reset()
				gtx := layout.Context{Ops: &ops, Constraints: layout.Exact(size), Source: router.Source()}
				for {
					if _, ok := gtx.Event(key.FocusFilter{Target: &tag}); !ok {
						break
					}
				}
				paint.ColorOp{Color: color.NRGBA{A: 255}}.Add(&ops)
				paint.PaintOp{}.Add(&ops)
				if c.image {
					img.Add(&ops)
					paint.PaintOp{}.Add(&ops)
				}
				router.Frame(&ops)
				return &ops
			})
		})
	}
}
