package clock_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/clock"
)

// run plays the generator for total frames in periods of period frames
// and returns every tick's absolute frame, and the other events.
func run(g *clock.Generator, rateHz, period, total int, bpm float64) (ticks []float64, other []clock.Event) {
	for pos := 0; pos < total; pos += period {
		for _, ev := range g.Process(min(period, total-pos), rateHz, bpm, true) {
			if ev.Status == clock.TimingClock {
				ticks = append(ticks, float64(pos)+float64(ev.Frame))
			} else {
				other = append(other, clock.Event{Frame: uint32(pos) + ev.Frame, Status: ev.Status})
			}
		}
	}
	return ticks, other
}

// TestTicksOnTheFrame runs the clock for ten minutes at several tempi,
// rates and periods: tick k lands within one frame of k·interval, so the
// clock neither drifts nor jitters by more than the rounding to a frame.
func TestTicksOnTheFrame(t *testing.T) {
	for _, rate := range []int{44100, 48000, 96000} {
		for _, bpm := range []float64{120, 128.5, 174.3, 60} {
			for _, period := range []int{16, 64, 256, 1000, 8192} {
				var g clock.Generator
				total := 600 * rate
				ticks, other := run(&g, rate, period, total, bpm)
				if len(other) != 1 || other[0] != (clock.Event{Frame: 0, Status: clock.Start}) {
					t.Fatalf("%d Hz, %v BPM, %d frames: other events %v; want Start at frame 0", rate, bpm, period, other)
				}
				interval := clock.Interval(rate, bpm)
				// Where the last tick falls on the end itself (128.5 BPM:
				// 30840 ticks in 10 min) rounding may count it or not.
				x := float64(total) / interval
				if lo, hi := int(math.Ceil(x-1e-6)), int(math.Ceil(x+1e-6)); len(ticks) < lo || len(ticks) > hi {
					t.Errorf("%d Hz, %v BPM, %d frames: %d ticks in 10 min; want %d", rate, bpm, period, len(ticks), lo)
				}
				worst := 0.0
				for k, f := range ticks {
					worst = math.Max(worst, math.Abs(f-float64(k)*interval))
				}
				if worst > 1 {
					t.Errorf("%d Hz, %v BPM, %d frames: a tick %.2f frames from its time; want ≤ 1", rate, bpm, period, worst)
				}
			}
		}
	}
}

// TestStartStop: Start with the first tick when switched on, Stop and
// silence when off, Start again from a fresh beat when on again.
func TestStartStop(t *testing.T) {
	var g clock.Generator
	evs := g.Process(256, 48000, 120, true)
	if len(evs) != 2 || evs[0] != (clock.Event{0, clock.Start}) || evs[1] != (clock.Event{0, clock.TimingClock}) {
		t.Fatalf("first period on: %v; want Start and a tick at frame 0", evs)
	}
	// 120 BPM at 48 kHz: a tick every 1000 frames.
	evs = g.Process(1000, 48000, 120, true)
	if len(evs) != 1 || evs[0] != (clock.Event{744, clock.TimingClock}) {
		t.Fatalf("second period: %v; want one tick at frame 744", evs)
	}
	evs = g.Process(256, 48000, 120, false)
	if len(evs) != 1 || evs[0] != (clock.Event{0, clock.Stop}) {
		t.Fatalf("switched off: %v; want Stop at frame 0", evs)
	}
	if evs = g.Process(8192, 48000, 120, false); len(evs) != 0 {
		t.Fatalf("off: %v; want nothing", evs)
	}
	evs = g.Process(256, 48000, 120, true)
	if len(evs) != 2 || evs[0].Status != clock.Start || evs[1] != (clock.Event{0, clock.TimingClock}) {
		t.Fatalf("on again: %v; want Start and a tick at frame 0", evs)
	}
}

// TestTempoChangeHasNoJump changes the tempo in the middle of a tick: the
// tick that spans the change is as long as the part run at each tempo
// makes it, and the ticks after it follow the new tempo at once.
func TestTempoChangeHasNoJump(t *testing.T) {
	const rate = 48000
	var g clock.Generator
	var ticks []float64
	pos := 0
	step := func(bpm float64) {
		for _, ev := range g.Process(100, rate, bpm, true) {
			if ev.Status == clock.TimingClock {
				ticks = append(ticks, float64(pos)+float64(ev.Frame))
			}
		}
		pos += 100
	}
	for pos < 10000 { // ticks at 0, 1000, … 9000; the next is 400 frames into the change
		step(120)
	}
	for range 200 {
		step(150)
	}
	// 150 BPM: 800 frames a tick. At frame 10000 the tick from 9000 had
	// run 1000 of its 1000 frames: the next one is at 10000 exactly.
	if ticks[10] != 10000 {
		t.Fatalf("tick 10 at %v; want 10000", ticks[10])
	}
	for k := 11; k < len(ticks); k++ {
		if d := ticks[k] - ticks[k-1]; math.Abs(d-800) > 1 {
			t.Fatalf("tick %d %v frames after the one before; want 800 (150 BPM)", k, d)
		}
	}

	// A change half-way through a tick: 500 of 1000 frames at 120 BPM
	// run, the other half at 240 BPM (500-frame ticks) takes 250.
	g, ticks, pos = clock.Generator{}, nil, 0
	for pos < 500 {
		step(120)
	}
	for range 20 {
		step(240)
	}
	if ticks[1] != 750 || ticks[2] != 1250 {
		t.Fatalf("ticks %v; want 0, 750, 1250, …", ticks[:3])
	}
}

// TestTempoClamped: nonsense tempi run at the nearest one the clock keeps.
func TestTempoClamped(t *testing.T) {
	for _, c := range []struct{ bpm, want float64 }{{math.NaN(), clock.MinBPM}, {0, clock.MinBPM}, {-5, clock.MinBPM}, {1e9, clock.MaxBPM}, {math.Inf(1), clock.MaxBPM}} {
		if got, want := clock.Interval(48000, c.bpm), clock.Interval(48000, c.want); got != want {
			t.Errorf("Interval(48000, %v) = %v; want %v", c.bpm, got, want)
		}
	}
}

// TestMaxEventsSuffice: the busiest period the engine can ask for fits.
func TestMaxEventsSuffice(t *testing.T) {
	var g clock.Generator
	for range 10 {
		g.Process(8192, 8000, clock.MaxBPM, true)
	}
	if g.Dropped() != 0 {
		t.Fatalf("%d events dropped at 8 kHz, 8192 frames, %d BPM", g.Dropped(), clock.MaxBPM)
	}
}

func TestProcessDoesNotAllocate(t *testing.T) {
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		var g clock.Generator
		bpm := 120.0
		allocs := testing.AllocsPerRun(100, func() {
			bpm += 0.01
			g.Process(frames, 48000, bpm, true)
		})
		if allocs != 0 {
			t.Errorf("%d frames: %v allocations per Process; want 0", frames, allocs)
		}
	}
}

func BenchmarkProcess(b *testing.B) {
	var g clock.Generator
	b.ReportAllocs()
	for b.Loop() {
		g.Process(256, 48000, 128.5, true)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/256, "ns/frame")
}
