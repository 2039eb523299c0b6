//go:build cgo

package app

import (
	"fmt"
	"image"
	"testing"
	"time"

	"gioui.org/gpu/headless"
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
			w, err := headless.NewWindow(size.X, size.Y)
			if err != nil {
				b.Skipf("no headless GPU: %v", err)
			}
			defer w.Release()
			px := image.NewRGBA(image.Rect(0, 0, 1, 1))
			for i := range 5 {
				f.moveMeters(i)
				_ = w.Frame(f.frame(size))
			}
			b.ReportAllocs()
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				f.moveMeters(i)
				if err := w.Frame(f.frame(size)); err != nil {
					b.Fatal(err)
				}
				if err := w.Screenshot(px); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N), "ns/frame")
		})
	}
}
