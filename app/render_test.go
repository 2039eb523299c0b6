//go:build cgo

package app

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"gioui.org/gpu/headless"

	"github.com/linuxdj/linuxdj/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden PNGs under testdata/")

// headlessWindow is a headless GPU window of size, released when the test
// ends.
func headlessWindow(t testing.TB, size image.Point) *headless.Window {
	t.Helper()
	testenv.Need(t, testenv.GPU)
	w, err := headless.NewWindow(size.X, size.Y)
	if err != nil {
		testenv.NoGPU(t, err)
	}
	t.Cleanup(w.Release)
	return w
}

func renderPNG(t *testing.T, f *fixture, size image.Point) *image.RGBA {
	w := headlessWindow(t, size)
	// Two frames: the first shapes text and settles lists, the second is
	// what a user sees after the window opens.
	f.frame(size)
	if err := w.Frame(f.frame(size)); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rectangle{Max: size})
	if err := w.Screenshot(img); err != nil {
		t.Fatal(err)
	}
	return img
}

// compareGolden fails when more than 0.5% of pixels differ by more than
// 24 levels in any channel: enough slack for a Mesa update's anti-aliasing,
// not for a moved control or a changed colour.
func compareGolden(t *testing.T, name string, img *image.RGBA) {
	path := filepath.Join("testdata", name)
	if *update {
		writePNG(t, path, img)
		return
	}
	fh, err := os.Open(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	defer fh.Close()
	want, err := png.Decode(fh)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, img.Bounds(), want.Bounds())
	}
	bad := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := img.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if absDiff(r1, r2) > 24<<8 || absDiff(g1, g2) > 24<<8 || absDiff(b1, b2) > 24<<8 {
				bad++
			}
		}
	}
	if limit := b.Dx() * b.Dy() / 200; bad > limit {
		out := filepath.Join(t.TempDir(), name)
		writePNG(t, out, img)
		t.Errorf("%s: %d pixels differ (limit %d); got %s", name, bad, limit, out)
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func writePNG(t testing.TB, path string, img image.Image) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(fh, img); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRenderWindowGolden(t *testing.T) {
	for _, c := range []struct {
		w, h  int
		scale float32
	}{{1280, 720, 1}, {1280, 720, 2}, {1920, 1080, 1}, {1920, 1080, 2}} {
		name := fmt.Sprintf("window-%dx%d@%gx.png", c.w, c.h, c.scale)
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, 5, c.scale)
			img := renderPNG(t, f, image.Pt(c.w, c.h))
			compareGolden(t, name, img)
		})
	}
}
