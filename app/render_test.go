//go:build cgo

package app

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"gioui.org/gpu/headless"
	"gioui.org/io/key"

	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/mixer"
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

// The golden-image tolerance. Mesa's llvmpipe may round a shader's
// coverage a little differently from one build to the next: the goldens
// in testdata/ and a render on today's test machine differ by at most 2
// levels, on about 18 000 pixels of a 1280×720 window (the edges of text
// and curves). A pixel counts as changed only when a channel differs by
// more than goldenLevels, and a picture fails with more than goldenPixels
// changed pixels, an absolute count so that one control is never lost in
// the size of the window: at scale 1, one arrow-key step of the HI knob
// (2% of its travel) changes 32 pixels, of the trim knob (1 dB) 36, and
// switching CUE on 1214 (TestGoldenCatchesOneControl).
const (
	goldenLevels = 16
	goldenPixels = 8
)

// pixelDiff is how two pictures of the same size differ.
type pixelDiff struct {
	changed   int             // pixels with a channel beyond goldenLevels
	maxLevels uint32          // the largest difference in any channel, 0..255
	box       image.Rectangle // around the changed pixels
}

func (d pixelDiff) accepted() bool { return d.changed <= goldenPixels }

func (d pixelDiff) String() string {
	return fmt.Sprintf("%d pixels differ by more than %d levels (limit %d), at most by %d, within %v",
		d.changed, goldenLevels, goldenPixels, d.maxLevels, d.box)
}

func diffImages(got, want image.Image) pixelDiff {
	var d pixelDiff
	b := got.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r1, g1, b1, _ := got.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			levels := max(absDiff(r1, r2), absDiff(g1, g2), absDiff(b1, b2)) >> 8
			d.maxLevels = max(d.maxLevels, levels)
			if levels > goldenLevels {
				d.changed++
				d.box = d.box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return d
}

func readGolden(t *testing.T, name string) image.Image {
	t.Helper()
	fh, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	defer fh.Close()
	want, err := png.Decode(fh)
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// compareGolden fails when img differs from testdata/name by more than the
// golden-image tolerance, or rewrites the golden with -update.
func compareGolden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	if *update {
		writePNG(t, filepath.Join("testdata", name), img)
		return
	}
	want := readGolden(t, name)
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, img.Bounds(), want.Bounds())
	}
	if d := diffImages(img, want); !d.accepted() {
		// Not t.TempDir, which is gone by the time anyone reads the message.
		dir, err := os.MkdirTemp("", "linuxdj-golden-")
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, name)
		writePNG(t, out, img)
		t.Errorf("%s: %v; got %s", name, d, out)
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

// TestGoldenCatchesOneControl proves the golden-image tolerance against the
// smallest changes a user can make: the window with one knob moved by one
// arrow-key step, or one toggle switched, must fail the comparison with
// the golden that the unchanged window passes.
func TestGoldenCatchesOneControl(t *testing.T) {
	const name = "window-1280x720@1x.png"
	want := readGolden(t, name)
	d := diffImages(renderPNG(t, newFixture(t, 5, 1), winSize), want)
	if !d.accepted() {
		t.Fatalf("the unchanged window is rejected: %v", d)
	}
	t.Logf("unchanged: %v", d)
	for _, c := range []struct {
		name  string
		param mixer.Param
		value float32
		move  func(f *fixture)
	}{
		{"trim knob +1 dB", mixer.ParamTrimDB, 1, func(f *fixture) { f.stepFocused(2, key.NameUpArrow) }},
		{"HI knob one step", mixer.ParamEQHigh, 0.52, func(f *fixture) { f.stepFocused(4, key.NameUpArrow) }},
		{"CUE on", mixer.ParamCue, 1, func(f *fixture) {
			f.router.Queue(key.Event{Name: "1", State: key.Press})
			f.frame(winSize)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, 5, 1)
			f.frame(winSize)
			f.drain()
			c.move(f)
			// The control must really be the one named, moved as far as
			// named, or the rejection below proves nothing.
			if got := only(t, f.drain(), c.param, 0); math.Abs(float64(got.Value-c.value)) > 1e-6 {
				t.Fatalf("%v = %v, want %v", c.param, got.Value, c.value)
			}
			d := diffImages(renderPNG(t, f, winSize), want)
			if d.accepted() {
				t.Fatalf("accepted: %v", d)
			}
			t.Logf("rejected: %v", d)
		})
	}
}

// stepFocused moves the keyboard focus forward tabs times from none, as
// Tab does, presses k there and then takes the focus away again, so that
// the picture differs from the window's first only by what k moved, not
// by a focus ring or a value readout.
func (f *fixture) stepFocused(tabs int, k key.Name) {
	for range tabs {
		f.router.MoveFocus(key.FocusForward)
		f.frame(winSize)
	}
	f.router.Queue(key.Event{Name: k, State: key.Press})
	f.frame(winSize)
	f.router.Source().Execute(key.FocusCmd{})
	f.frame(winSize)
}
