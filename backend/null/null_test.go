package null_test

import (
	"math"
	"sync/atomic"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/backend/null"
)

// sumProcessor writes the sum of its inputs to both outputs and counts
// periods. It stands in for the engine only to observe the backend; the
// engine's own tests drive it through this backend too.
type sumProcessor struct {
	ins      []backend.Port
	periods  atomic.Int64
	frames   atomic.Int64
	prepared int
}

func newSumProcessor() *sumProcessor {
	return &sumProcessor{ins: []backend.Port{
		{Name: "ch1_in_L"}, {Name: "ch1_in_R"},
		{Name: "ch2_in_L"}, {Name: "ch2_in_R"},
		{Name: "ch3_in"},
		{Name: "ch4_in_L"}, {Name: "ch4_in_R"},
	}}
}

func (p *sumProcessor) Inputs() []backend.Port { return p.ins }
func (p *sumProcessor) Outputs() []backend.Port {
	return []backend.Port{{Name: "out_L"}, {Name: "out_R"}}
}
func (p *sumProcessor) Prepare(rateHz int) error {
	p.prepared = rateHz
	return nil
}
func (p *sumProcessor) LatencyFrames() int { return 0 }
func (p *sumProcessor) Process(in, out [][]float32) {
	for n := range out[0] {
		var s float32
		for _, b := range in {
			s += b[n]
		}
		out[0][n], out[1][n] = s, s
	}
	p.periods.Add(1)
	p.frames.Add(int64(len(out[0])))
}

func TestRenderOfflineCoversEveryFrame(t *testing.T) {
	p := newSumProcessor()
	b := null.New(null.Options{SampleRateHz: 44100, PeriodFrames: 300})
	total, calls := 0, 0
	err := b.Render(p, 1000, func(out [][]float32) {
		calls++
		total += len(out[0])
		if len(out) != 2 || len(out[0]) != len(out[1]) {
			t.Fatalf("period %d: outputs %d×%d/%d", calls, len(out), len(out[0]), len(out[1]))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1000 || calls != 4 {
		t.Fatalf("rendered %d frames in %d periods, want 1000 in 4 (300+300+300+100)", total, calls)
	}
	if p.prepared != 44100 {
		t.Fatalf("Prepare got %d Hz, want 44100", p.prepared)
	}
}

func TestDemoIsAudibleDistinctAndSafe(t *testing.T) {
	p := newSumProcessor()
	d := null.NewDemo(p.Inputs(), 48000)
	const frames = 48000 * 8 // two passes over four bars would be 15.5 s; 8 s hears every part
	bufs := make([][]float32, len(p.Inputs()))
	for i := range bufs {
		bufs[i] = make([]float32, 512)
	}
	peak := make([]float64, len(bufs))
	energy := make([]float64, len(bufs))
	for done := 0; done < frames; done += 512 {
		d.Fill(bufs)
		for i, b := range bufs {
			for _, v := range b {
				x := float64(v)
				if math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("port %d: non-finite sample", i)
				}
				peak[i] = math.Max(peak[i], math.Abs(x))
				energy[i] += x * x
			}
		}
	}
	for i, pk := range peak {
		if pk < 0.05 || pk >= 1 {
			t.Errorf("port %s: peak %.3f, want audible and below full scale", p.ins[i].Name, pk)
		}
	}
	// Ports 0 and 2 are the left sides of two different channels; 4 is the
	// mono channel: each plays its own part, so their energies differ.
	if math.Abs(energy[0]-energy[2]) < 1e-3*energy[0] || math.Abs(energy[2]-energy[4]) < 1e-3*energy[2] {
		t.Errorf("channels play the same: energies %.1f %.1f %.1f", energy[0], energy[2], energy[4])
	}
}

func TestDemoFillDoesNotAllocate(t *testing.T) {
	p := newSumProcessor()
	d := null.NewDemo(p.Inputs(), 48000)
	bufs := make([][]float32, len(p.Inputs()))
	for i := range bufs {
		bufs[i] = make([]float32, backend.MaxFrames)
	}
	if a := testing.AllocsPerRun(50, func() { d.Fill(bufs) }); a != 0 {
		t.Fatalf("Demo.Fill allocates %.1f times per period", a)
	}
}

func TestRenderLoopDoesNotAllocatePerPeriod(t *testing.T) {
	p := newSumProcessor()
	b := null.New(null.Options{PeriodFrames: 64, Demo: true})
	sink := func([][]float32) {}
	// One render of 200 periods: the set-up allocations are spread over
	// them, so a per-period allocation would show as ≥ 1.
	allocs := testing.AllocsPerRun(5, func() {
		if err := b.Render(p, 64*200, sink); err != nil {
			t.Fatal(err)
		}
	})
	if perPeriod := allocs / 200; perPeriod >= 0.5 {
		t.Fatalf("%.1f allocations per Render of 200 periods (%.2f per period)", allocs, perPeriod)
	}
}

func TestClockRunsInRealTime(t *testing.T) {
	p := newSumProcessor()
	b := null.New(null.Options{SampleRateHz: 48000, PeriodFrames: 480, Demo: true})
	if err := b.Start(p); err != nil {
		t.Fatal(err)
	}
	info := b.Info()
	if info.State != backend.Running || info.SampleRateHz != 48000 || info.PeriodFrames != 480 {
		t.Fatalf("Info after Start = %+v", info)
	}
	if info.PeriodMs() != 10 {
		t.Fatalf("PeriodMs = %v, want 10", info.PeriodMs())
	}
	begin := time.Now()
	time.Sleep(500 * time.Millisecond)
	if err := b.Stop(); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(begin)
	got := float64(p.frames.Load())
	want := elapsed.Seconds() * 48000
	if got < 0.8*want || got > 1.2*want+480 {
		t.Fatalf("clock ran %.0f frames in %v, want about %.0f", got, elapsed, want)
	}
	after := p.periods.Load()
	time.Sleep(50 * time.Millisecond)
	if p.periods.Load() != after {
		t.Fatal("Process was called after Stop returned")
	}
	if b.Info().State != backend.Stopped {
		t.Fatalf("state after Stop = %v", b.Info().State)
	}
}

func TestBadOptionsAreRefused(t *testing.T) {
	for _, o := range []null.Options{
		{SampleRateHz: 100},
		{PeriodFrames: backend.MaxFrames + 1},
		{PeriodFrames: -5},
	} {
		if err := null.New(o).Start(newSumProcessor()); err == nil {
			t.Errorf("Start with %+v succeeded", o)
		}
	}
}
