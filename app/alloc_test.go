package app

import (
	"image"
	"math"
	"runtime"
	"testing"

	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
	"gioui.org/unit"
)

// moveMeters gives every meter a new level, as a frame of music would, and
// advances the clock by one display frame.
func (f *fixture) moveMeters(i int) {
	if f.known == nil {
		f.known = knownFrame(len(f.ui.strips))
	}
	fr := &f.meterFrame
	*fr = *f.known
	k := float32(1+i%7) / 8
	kDB := float32(20 * math.Log10(float64(k)))
	for c := 0; c < fr.Channels; c++ {
		fr.Strip[c].PeakL *= k
		fr.Strip[c].RMSL *= k
		fr.StripMode[c].LevelL += kDB
	}
	f.ui.SetMeters(fr)
	f.now = f.now.Add(frameInterval)
}

// warmLayoutAllocs lays out frames frames of size, calling each(i) before
// frame i, and returns the heap allocations of Layout itself in all but
// the first ten (the warm-up). The input router's work between frames is
// Gio's and is left out.
//
// The count is the process's, so a goroutine an earlier test left behind
// (a server's client, an autosave timer) can add to it while Layout runs.
// When the count is not zero the measured frames are laid out again, up to
// twice, and the least count is returned: an allocation of Layout's own
// recurs in every repetition, another goroutine's does not.
func (f *fixture) warmLayoutAllocs(size image.Point, frames int, each func(i int)) uint64 {
	var ms runtime.MemStats
	measure := func(from int) uint64 {
		allocs := uint64(0)
		for i := from; i < frames; i++ {
			each(i)
			f.ops.Reset()
			gtx := layout.Context{Ops: &f.ops, Metric: unit.Metric{PxPerDp: 1, PxPerSp: 1}, Constraints: layout.Exact(size), Now: f.now, Source: f.router.Source()}
			runtime.ReadMemStats(&ms)
			before := ms.Mallocs
			f.ui.Layout(gtx)
			runtime.ReadMemStats(&ms)
			if i >= 10 {
				allocs += ms.Mallocs - before
			}
			f.router.Frame(&f.ops)
		}
		return allocs
	}
	least := measure(0)
	for range 2 {
		if least == 0 {
			break
		}
		least = min(least, measure(10))
	}
	return least
}

// TestLayoutDoesNotAllocate counts the heap allocations of the window's
// Layout over frames with moving meters, a hovered knob with its readout
// and a focused control, once warmed up: there must be none. The input
// router's own work between frames (Gio's, not ours) is left out of the
// count; BenchmarkFrame reports the whole frame, router and GPU included.
func TestLayoutDoesNotAllocate(t *testing.T) {
	for _, strips := range []int{5, 16} {
		f := newFixture(t, strips, 1)
		size := image.Pt(1920, 1080)
		f.frame(size)
		// Hover strip 1's trim knob so its readout shows, and focus a
		// control with Tab, so those paths are counted too.
		f.router.Queue(pointer.Event{Kind: pointer.Move, Source: pointer.Mouse, Position: f32pt(stripWDp+stripWDp/2, padDp+nameHDp+gapDp+17)})
		f.router.MoveFocus(key.FocusForward)
		f.router.MoveFocus(key.FocusForward)
		layoutAllocs := f.warmLayoutAllocs(size, 60, f.moveMeters)
		if layoutAllocs != 0 {
			t.Errorf("%d strips: %d allocations in 50 warmed-up Layouts, want 0", strips, layoutAllocs)
		}
		if !f.ui.strips[1].trim.Touched() {
			t.Errorf("%d strips: the hovered knob is not touched; the readout path was not measured", strips)
		}
	}
}
