package tempo_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/tempo"
	"github.com/linuxdj/linuxdj/mixer/tempo/tempotest"
)

// run feeds seconds of the case (from sample from) to c in 256-frame
// blocks and returns where it stopped.
func run(c *tempo.Counter, l, r []float32, from int, seconds float64) int {
	end := min(len(l), from+int(seconds*testRateHz))
	for i := from; i+blockLen <= end; i += blockLen {
		c.Process(l[i:i+blockLen], r[i:i+blockLen])
	}
	return end
}

func caseNamed(t *testing.T, name string) tempotest.Case {
	for _, c := range tempotest.Cases() {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no case %s", name)
	return tempotest.Case{}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestTapInSilence(t *testing.T) {
	var c tempo.Counter
	c.Prepare(testRateHz)
	silence := make([]float32, testRateHz/2) // 0.5 s: 120 BPM
	if got := c.Count(); got.BPM != 0 {
		t.Fatalf("silence reads %v", got)
	}
	for range 5 {
		c.Tap()
		c.Process(silence, nil)
	}
	got := c.Count()
	if !near(got.BPM, 120, 0.01) || !got.Tapped {
		t.Fatalf("four taps 0.5 s apart read %+v, want 120 tapped", got)
	}
	// A pause starts a new count: two taps 0.4 s apart are 150.
	c.Process(make([]float32, 3*testRateHz), nil)
	c.Tap()
	c.Process(silence[:testRateHz*4/10], nil)
	c.Tap()
	if got := c.Count(); !near(got.BPM, 150, 0.01) {
		t.Fatalf("after a pause, taps 0.4 s apart read %v, want 150", got.BPM)
	}
	// Taps out of range fold into it: 0.25 s apart (240) reads 120.
	c.Process(make([]float32, 3*testRateHz), nil)
	c.Tap()
	c.Process(silence[:testRateHz/4], nil)
	c.Tap()
	if got := c.Count(); !near(got.BPM, 120, 0.01) {
		t.Fatalf("taps 0.25 s apart read %v, want 120", got.BPM)
	}
}

func TestTapSeedsTheDetector(t *testing.T) {
	cs := caseNamed(t, "4otf-128")
	l, r := cs.Render(testRateHz)
	var c tempo.Counter
	c.Prepare(testRateHz)
	pos := run(&c, l, r, 0, 10)
	// A DJ taps the half tempo (64): the counter follows the detector in
	// that octave, refined from the audio.
	for range 4 {
		c.Tap()
		pos = run(&c, l, r, pos, 60.0/64)
	}
	pos = run(&c, l, r, pos, 8)
	if got := c.Count(); !near(got.BPM, 64, 0.05) || got.Tapped {
		t.Fatalf("after tapping 64 on a 128 track: %+v, want the detector at 64", got)
	}
	c.Scale(2)
	run(&c, l, r, pos, 4)
	if got := c.Count(); !near(got.BPM, 128, 0.05) {
		t.Fatalf("after double: %+v, want 128", got)
	}
}

func TestLockHoldsAndHalves(t *testing.T) {
	a, b := caseNamed(t, "4otf-128"), caseNamed(t, "4otf-140")
	la, ra := a.Render(testRateHz)
	lb, rb := b.Render(testRateHz)
	var c tempo.Counter
	c.Prepare(testRateHz)
	run(&c, la, ra, 0, 10)
	c.SetLocked(true)
	run(&c, lb, rb, 0, 15)
	if got := c.Count(); !near(got.BPM, 128, 0.1) || !got.Locked {
		t.Fatalf("locked at 128, then 140 playing: %+v", got)
	}
	c.Scale(0.5)
	if got := c.Count(); !near(got.BPM, 64, 0.05) {
		t.Fatalf("locked and halved: %v", got.BPM)
	}
	c.Scale(0.5) // 32 is out of range: no change
	if got := c.Count(); !near(got.BPM, 64, 0.05) {
		t.Fatalf("halved below the range: %v", got.BPM)
	}
	c.SetLocked(false)
	if got := c.Count(); !near(got.BPM, 140, 0.1) || got.Locked {
		t.Fatalf("unlocked: %+v, want 140", got)
	}
}

func TestLockWithNothingHoldsTheFirstReading(t *testing.T) {
	cs := caseNamed(t, "4otf-120")
	l, r := cs.Render(testRateHz)
	var c tempo.Counter
	c.Prepare(testRateHz)
	c.SetLocked(true)
	if got := c.Count(); got.BPM != 0 || !got.Locked {
		t.Fatalf("locked in silence: %+v", got)
	}
	run(&c, l, r, 0, 10)
	if got := c.Count(); !near(got.BPM, 120, 0.3) {
		t.Fatalf("locked before the music: %+v, want about 120", got)
	}
}

func TestCounterDoesNotAllocate(t *testing.T) {
	cs := caseNamed(t, "breakbeat-132")
	l, r := cs.Render(testRateHz)
	var c tempo.Counter
	c.Prepare(testRateHz)
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		pos := 0
		step := 0
		allocs := testing.AllocsPerRun(200, func() {
			if pos+frames > len(l) {
				pos = 0
			}
			c.Process(l[pos:pos+frames], r[pos:pos+frames])
			switch step++; step % 50 {
			case 10, 11:
				c.Tap()
			case 20:
				c.Scale(2)
			case 30:
				c.SetLocked(true)
			case 40:
				c.Scale(0.5)
				c.SetLocked(false)
			}
			_ = c.Count()
			pos += frames
		})
		if allocs != 0 {
			t.Errorf("%d frames: %v allocations per block", frames, allocs)
		}
	}
}

// TestBadInput: NaN, Inf and huge values do not stop the detector.
func TestBadInput(t *testing.T) {
	cs := caseNamed(t, "4otf-128")
	l, r := cs.Render(testRateHz)
	var c tempo.Counter
	c.Prepare(testRateHz)
	bad := make([]float32, 256)
	for i := range bad {
		bad[i] = float32([]float64{math.NaN(), math.Inf(1), 1e30, math.Inf(-1)}[i%4])
	}
	c.Process(bad, bad)
	run(&c, l, r, 0, 12)
	if got := c.Count(); !near(got.BPM, 128, 0.1) {
		t.Fatalf("after bad input: %+v", got)
	}
}

// TestMonoAndRates: a mono input and other sample rates read the same.
func TestMonoAndRates(t *testing.T) {
	cs := caseNamed(t, "4otf-125.5")
	for _, rate := range []int{44100, 96000} {
		l, _ := cs.Render(rate)
		var c tempo.Counter
		c.Prepare(rate)
		for i := 0; i+512 <= len(l) && i < rate*12; i += 512 {
			c.Process(l[i:i+512], nil)
		}
		if got := c.Count(); !near(got.BPM, 125.5, 0.1) {
			t.Errorf("%d Hz mono: %+v", rate, got)
		}
	}
}

// TestSilenceShortcutIsExact: silence after music reads the same whether
// the detector filters it or skips it at rest.
func TestSilenceShortcutIsExact(t *testing.T) {
	cs := caseNamed(t, "4otf-128")
	l, r := cs.Render(testRateHz)
	var a, b tempo.Counter
	a.Prepare(testRateHz)
	b.Prepare(testRateHz)
	zero := make([]float32, blockLen)
	tiny := make([]float32, blockLen)
	tiny[0] = 1e-30 // not silent: a runs the filters all the way
	run(&a, l, r, 0, 10)
	run(&b, l, r, 0, 10)
	for range 2000 {
		a.Process(zero, zero)
		b.Process(zero, zero)
	}
	for range 10 {
		a.Process(tiny, zero)
		b.Process(zero, zero)
	}
	if ga, gb := a.Count(), b.Count(); math.Abs(ga.BPM-gb.BPM) > 1e-9 || math.Abs(ga.Confidence-gb.Confidence) > 1e-6 {
		t.Fatalf("filtered %+v, skipped %+v", ga, gb)
	}
}

// TestBreakdownKeepsTheTempo: 16 beats of a pad alone after the beat keep
// the reading, with its confidence falling, and the beat's return brings
// it back.
func TestBreakdownKeepsTheTempo(t *testing.T) {
	cs := caseNamed(t, "4otf-128")
	l, r := cs.Render(testRateHz)
	var c tempo.Counter
	c.Prepare(testRateHz)
	pos := run(&c, l, r, 0, 12)
	before := c.Count()
	pad := make([]float32, blockLen)
	for i := range 16 * 60 * testRateHz / 128 / blockLen {
		for j := range pad {
			x := float64(i*blockLen+j) / testRateHz
			pad[j] = float32(0.05 * (math.Sin(2*math.Pi*220*x) + math.Sin(2*math.Pi*277.2*x)))
		}
		c.Process(pad, pad)
	}
	during := c.Count()
	if !near(during.BPM, 128, 0.1) || during.Confidence >= before.Confidence/2 {
		t.Fatalf("breakdown: %+v, before %+v; want 128 with falling confidence", during, before)
	}
	run(&c, l, r, pos, 4)
	if got := c.Count(); !near(got.BPM, 128, 0.1) || got.Confidence < 0.5 {
		t.Fatalf("after the breakdown: %+v", got)
	}
}

// TestDoubleInSilenceShows: ×2 on a counter whose music stopped shows the
// double at once.
func TestDoubleInSilenceShows(t *testing.T) {
	cs := caseNamed(t, "4otf-100")
	l, r := cs.Render(testRateHz)
	var c tempo.Counter
	c.Prepare(testRateHz)
	run(&c, l, r, 0, 10)
	c.Process(make([]float32, 10*testRateHz), nil)
	c.Scale(2)
	if got := c.Count(); !near(got.BPM, 200, 0.1) {
		t.Fatalf("doubled in silence: %+v", got)
	}
}
