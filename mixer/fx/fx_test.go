package fx_test

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/linuxdj/linuxdj/mixer/fx"
)

const (
	rateHz     = 48000
	maxFrames  = 8192
	rampFrames = 480
)

// beatRig drives a Beat in blocks.
type beatRig struct {
	u    *fx.Beat
	l, r []float32
}

func newBeatRig(s fx.BeatSettings, periodFrames float64) *beatRig {
	b := &beatRig{u: fx.NewBeat(rateHz, maxFrames, rampFrames), l: make([]float32, maxFrames), r: make([]float32, maxFrames)}
	b.u.Set(s)
	b.u.SetPeriod(periodFrames)
	return b
}

// block runs n frames of in (silence where in is short) and returns the
// left and right outputs, which stay valid until the next block.
func (b *beatRig) block(n int, in func(i int) float32) ([]float32, []float32) {
	l, r := b.l[:n], b.r[:n]
	for i := range l {
		l[i], r[i] = 0, 0
		if in != nil {
			l[i] = in(i)
			r[i] = l[i]
		}
	}
	b.u.Begin()
	if b.u.Active() {
		b.u.Process(l, r)
	}
	return l, r
}

// peaksOver lists the frames where |x| passes thr and is a local maximum.
func peaksOver(x []float32, thr float32) []int {
	var at []int
	for i := 1; i+1 < len(x); i++ {
		a := abs(x[i])
		if a > thr && a >= abs(x[i-1]) && a > abs(x[i+1]) {
			at = append(at, i)
		}
	}
	return at
}

func abs(x float32) float32 { return max(x, -x) }

// TestEchoRepeatsAtTheBeat: an impulse into the echo at 120 BPM, 1/2 beat
// (250 ms), comes back every 250 ms (within 1 ms), each repeat the
// feedback times the last.
func TestEchoRepeatsAtTheBeat(t *testing.T) {
	for _, bpm := range []float64{120, 128, 93.5} {
		for _, beats := range []float64{1.0 / 16, 0.5, 0.75, 1} {
			const feedback = 0.6
			period := 60 / bpm * beats * rateHz
			b := newBeatRig(fx.BeatSettings{Kind: fx.Echo, On: true, Depth: 0.5, Feedback: feedback}, period)
			b.block(1024, nil) // the ramps settle
			total := int(5*period) + 1024
			out := make([]float32, 0, total)
			for len(out) < total {
				n := min(256, total-len(out))
				first := len(out) == 0
				l, _ := b.block(n, func(i int) float32 {
					if first && i == 10 {
						return 1
					}
					return 0
				})
				out = append(out, l...)
			}
			at := peaksOver(out, 0.01)
			if len(at) < 5 {
				t.Fatalf("%v BPM %v beats: peaks at %v", bpm, beats, at)
			}
			want := float32(1)
			for k, i := range at[:5] {
				if errMs := math.Abs(float64(i-10)-float64(k)*period) / rateHz * 1000; errMs > 1 {
					t.Errorf("%v BPM %v beats: repeat %d at %.2f ms, want %.2f ms", bpm, beats, k, float64(i-10)/rateHz*1000, float64(k)*period/rateHz*1000)
				}
				if k >= 2 {
					want *= feedback
				}
				if got := abs(out[i]); math.Abs(float64(got-want)) > 0.01*float64(want) {
					t.Errorf("%v BPM %v beats: repeat %d at %v, want %v", bpm, beats, k, got, want)
				}
			}
		}
	}
}

// TestEchoTailRingsAfterOff: switching the echo off closes its input,
// not its output: the repeats already in it keep coming.
func TestEchoTailRingsAfterOff(t *testing.T) {
	const period = 4800 // 100 ms
	b := newBeatRig(fx.BeatSettings{Kind: fx.Echo, On: true, Depth: 0.5, Feedback: 0.5}, period)
	b.block(1024, nil)
	b.block(64, func(i int) float32 { return float32(min(i, 1) ^ 1) })
	b.u.Set(fx.BeatSettings{Kind: fx.Echo, On: false, Depth: 0.5, Feedback: 0.5})
	var out []float32
	for range 40 {
		l, _ := b.block(480, func(int) float32 { return 0.5 }) // new input after off is not echoed
		out = append(out, l...)
	}
	at := peaksOver(out, 0.6)
	if len(at) < 3 {
		t.Fatalf("after off, repeats above the dry level at %v, want at least 3", at)
	}
	for b.u.Active() {
		b.block(4800, nil)
	}
}

// TestPingPongAlternates: the repeats of an impulse alternate sides.
func TestPingPongAlternates(t *testing.T) {
	const period = 2400
	b := newBeatRig(fx.BeatSettings{Kind: fx.PingPong, On: true, Depth: 1, Feedback: 0.5}, period)
	b.block(1024, nil) // the old kind fades out
	b.block(1024, nil) // ping-pong fades in
	var outL, outR []float32
	for k := range 30 {
		l, r := b.block(480, func(i int) float32 {
			if k == 0 && i == 0 {
				return 1
			}
			return 0
		})
		outL, outR = append(outL, l...), append(outR, r...)
	}
	pl, pr := peaksOver(outL, 0.01), peaksOver(outR, 0.01)
	if len(pl) < 2 || len(pr) < 2 || pl[0] != period || pr[0] != 2*period || pl[1] != 3*period {
		t.Errorf("left repeats at %v, right at %v; want left at %d, %d, right at %d", pl, pr, period, 3*period, 2*period)
	}
}

// TestReverbTailIsFiniteAndFlat: after a burst of noise, the reverb (on,
// fed silence) decays below −300 dBFS, and the time per period stays flat
// for 60 s: no denormal slow-down as the tail fades. The colour FX space
// is held to the same.
func TestReverbTailIsFiniteAndFlat(t *testing.T) {
	const frames = 256
	periods := 60 * rateHz / frames
	w := rateHz / frames // one second of periods
	// run feeds process the burst and then 60 s of silence, and returns
	// the thread's CPU time for each second of it: the CPU time, not the
	// wall clock, so the time the host gave another program does not count.
	run := func(t *testing.T, process func(l, r []float32)) []time.Duration {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		l, r := make([]float32, frames), make([]float32, frames)
		seed := uint32(1)
		for range 200 {
			for i := range l {
				seed = seed*1664525 + 1013904223
				l[i] = float32(int32(seed)) / (1 << 31)
				r[i] = -l[i]
			}
			process(l, r)
		}
		seconds := make([]time.Duration, 0, periods/w)
		var last float32
		for range periods / w {
			start := threadCPU(t)
			for range w {
				clear(l)
				clear(r)
				process(l, r)
				last = max(peakOf(l), peakOf(r))
			}
			seconds = append(seconds, threadCPU(t)-start)
		}
		if last > 1e-15 {
			t.Errorf("after 60 s the tail is still at %v, want under −300 dBFS", last)
		}
		return seconds
	}
	// A short decay crosses the subnormal range (below 1e-38, −760 dB)
	// within the first 10 s; a slow-down there is there in every run, while
	// a host that slowed one second (a neighbour on the core's other
	// hyperthread, a cache flushed by another program) is measured again.
	flat := func(t *testing.T, process func(l, r []float32)) {
		for try := 1; ; try++ {
			seconds := run(t, process)
			first, worst := seconds[0], slices.Max(seconds[1:])
			t.Logf("CPU time per second of audio: %v in the first, %v in the slowest after it", first, worst)
			if worst <= 2*first+time.Duration(2*w)*time.Microsecond {
				return
			}
			if try == 3 {
				t.Errorf("the period slows from %v to %v a second as the tail fades, in %d runs", first, worst, try)
				return
			}
		}
	}
	t.Run("beat reverb", func(t *testing.T) {
		u := fx.NewBeat(rateHz, maxFrames, rampFrames)
		u.Set(fx.BeatSettings{Kind: fx.Reverb, On: true, Depth: 0.5, Feedback: 0})
		flat(t, func(l, r []float32) { u.Begin(); u.Process(l, r) })
	})
	t.Run("colour space", func(t *testing.T) {
		c := fx.NewColour(rateHz, maxFrames, rampFrames)
		c.Set(fx.Space, 0.8, 0)
		flat(t, func(l, r []float32) { c.Begin(); c.Process(l, r) })
	})
}

// threadCPU is the CPU time the calling OS thread has used.
func threadCPU(t *testing.T) time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ts.Nano())
}

func peakOf(x []float32) float32 {
	p := float32(0)
	for _, v := range x {
		p = max(p, abs(v))
	}
	return p
}

func finite(x []float32) bool {
	for _, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) || abs(v) > 1e6 {
			return false
		}
	}
	return true
}

// TestBadInputNeverPoisons feeds NaN, ±Inf and huge samples into every
// effect: no output is ever non-finite, and clean input afterwards comes
// out clean.
func TestBadInputNeverPoisons(t *testing.T) {
	bad := []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 1e30, -3e38, 1e5}
	input := func(i int) float32 {
		if i%7 == 3 {
			return bad[i%len(bad)]
		}
		return float32(math.Sin(float64(i) * 0.05))
	}
	clean := func(i int) float32 { return float32(0.5 * math.Sin(float64(i)*0.05)) }
	for k := range fx.BeatKinds {
		b := newBeatRig(fx.BeatSettings{Kind: k, On: true, Depth: 0.7, Feedback: 0.95}, 1000)
		for range 20 {
			if l, r := b.block(512, input); !finite(l) || !finite(r) {
				t.Fatalf("beat kind %d: non-finite output from bad input", k)
			}
		}
		for range 20 {
			if l, r := b.block(512, clean); !finite(l) || !finite(r) || peakOf(l) > 20 {
				t.Fatalf("beat kind %d: clean input after bad gives %v", k, peakOf(l))
			}
		}
	}
	for k := fx.Space; k <= fx.Crush; k++ {
		c, mono := fx.NewColour(rateHz, maxFrames, rampFrames), fx.NewColour(rateHz, maxFrames, rampFrames)
		c.Set(k, -0.9, 1)
		mono.Set(k, 0.9, 1)
		l, r, m := make([]float32, 512), make([]float32, 512), make([]float32, 512)
		for p := range 40 {
			f := input
			if p >= 20 {
				f = clean
			}
			for i := range l {
				l[i], r[i], m[i] = f(i), f(i+1), f(i+2)
			}
			c.Begin()
			c.Process(l, r)
			mono.Begin()
			mono.Process(m, nil)
			if !finite(l) || !finite(r) || !finite(m) || peakOf(l) > 20 || peakOf(m) > 20 {
				t.Fatalf("colour kind %d, block %d: output %v", k, p, peakOf(l))
			}
		}
	}
}

// TestNoAllocation: every effect, and every switch between them, runs
// without allocating at every block size.
func TestNoAllocation(t *testing.T) {
	for _, frames := range []int{16, 256, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			b := newBeatRig(fx.BeatSettings{On: true, Depth: 0.5, Feedback: 0.5}, 5000)
			c := fx.NewColour(rateHz, maxFrames, rampFrames)
			l, r := make([]float32, frames), make([]float32, frames)
			step := 0
			allocs := testing.AllocsPerRun(200, func() {
				step++
				b.u.Set(fx.BeatSettings{Kind: fx.BeatKind(step / 8 % int(fx.BeatKinds)), Source: step / 50 % 3, On: step%40 < 30, Depth: 0.6, Feedback: 0.7})
				b.u.SetPeriod(float64(3000 + step))
				b.block(frames, func(i int) float32 { return float32(math.Sin(float64(i))) })
				c.Set(fx.ColourKind(step/8%int(fx.ColourKinds)), float32(step%20)/10-1, float32(step%10)/10)
				c.SetBeat(float64(2000 + step))
				c.Begin()
				if c.Active() {
					c.Process(l, r)
					c.Process(l, nil)
				}
			})
			if allocs != 0 {
				t.Errorf("%v allocations per block", allocs)
			}
		})
	}
}

// TestSwitchingNeverClicks switches the beat FX through every kind and
// between sources, and the colour FX through every type, while a 440 Hz
// sine plays. The largest sample-to-sample step stays under 0.1 (a hard
// switch would make steps of the signal's size, 0.5 and more; the sine
// alone makes 0.029).
func TestSwitchingNeverClicks(t *testing.T) {
	sine := func(frame int) func(int) float32 {
		return func(i int) float32 { return float32(0.5 * math.Sin(2*math.Pi*440*float64(frame+i)/rateHz)) }
	}
	const block = 64
	b := newBeatRig(fx.BeatSettings{On: true, Depth: 0.5, Feedback: 0.1}, 6000)
	c := fx.NewColour(rateHz, maxFrames, rampFrames)
	l, r := make([]float32, block), make([]float32, block)
	var prevB, prevC float32
	stepB, stepC := 0.0, 0.0
	frame := 0
	for k := range 4 * int(fx.BeatKinds) {
		b.u.Set(fx.BeatSettings{Kind: fx.BeatKind(k % int(fx.BeatKinds)), Source: k / int(fx.BeatKinds), On: true, Depth: 0.5, Feedback: 0.1})
		c.Set(fx.ColourKind(k%int(fx.ColourKinds)), -0.6, 0.5)
		for range 3 * rateHz / 10 / block {
			out, _ := b.block(block, sine(frame))
			for _, x := range out {
				stepB = max(stepB, math.Abs(float64(x-prevB)))
				prevB = x
			}
			f := sine(frame)
			for i := range l {
				l[i] = f(i)
				r[i] = l[i]
			}
			c.Begin()
			if c.Active() {
				c.Process(l, r)
			}
			for _, x := range l {
				stepC = max(stepC, math.Abs(float64(x-prevC)))
				prevC = x
			}
			frame += block
		}
	}
	t.Logf("largest step: beat FX %.4f, colour FX %.4f", stepB, stepC)
	if stepB > 0.1 || stepC > 0.1 {
		t.Errorf("largest step: beat FX %.4f, colour FX %.4f; want under 0.1", stepB, stepC)
	}
}

// BenchmarkColour runs each colour FX on a stereo strip in 256-frame
// blocks at 48 kHz.
func BenchmarkColour(b *testing.B) {
	for k := fx.Space; k <= fx.Crush; k++ {
		b.Run(fmt.Sprint(k), func(b *testing.B) {
			c := fx.NewColour(rateHz, maxFrames, rampFrames)
			c.Set(k, -0.4, 0.5)
			l, r := make([]float32, 256), make([]float32, 256)
			for i := range l {
				l[i] = float32(math.Sin(float64(i)))
				r[i] = l[i]
			}
			b.ReportAllocs()
			for b.Loop() {
				c.Begin()
				c.Process(l, r)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/256, "ns/frame")
		})
	}
}

// BenchmarkBeat runs each beat FX on a stereo block of 256 frames.
func BenchmarkBeat(b *testing.B) {
	for k := range fx.BeatKinds {
		b.Run(fmt.Sprint(k), func(b *testing.B) {
			br := newBeatRig(fx.BeatSettings{Kind: k, On: true, Depth: 0.5, Feedback: 0.5}, 6000)
			b.ReportAllocs()
			for b.Loop() {
				br.block(256, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/256, "ns/frame")
		})
	}
}

// TestLongestBeatAt192kHz: 16 beats at 60 BPM (16 s) fit the delay lines
// at 192 kHz: the repeat comes back to the frame.
func TestLongestBeatAt192kHz(t *testing.T) {
	const rate, period = 192000, 16 * 192000
	u := fx.NewBeat(rate, maxFrames, rampFrames)
	u.Set(fx.BeatSettings{Kind: fx.Delay, On: true, Depth: 1})
	u.SetPeriod(period)
	l, r := make([]float32, maxFrames), make([]float32, maxFrames)
	for range 2 { // the initial switch to Delay, then its fade in
		clear(l)
		clear(r)
		u.Begin()
		u.Process(l, r)
	}
	found := -1
	for frame := 0; frame < period+maxFrames; frame += maxFrames {
		clear(l)
		clear(r)
		if frame == 0 {
			l[0] = 1
		}
		u.Begin()
		u.Process(l, r)
		for i, x := range l {
			if x > 0.5 {
				found = frame + i
			}
		}
	}
	if found != period {
		t.Errorf("the 16 s repeat came back at frame %d, want %d", found, period)
	}
}

// TestReverbDecaysAsSet: the reverb's tail falls at about the rate its
// decay time (0.4 + 8 × feedback seconds for −60 dB) sets.
func TestReverbDecaysAsSet(t *testing.T) {
	for _, feedback := range []float32{0.1, 0.5} {
		decayS := 0.4 + 8*float64(feedback)
		b := newBeatRig(fx.BeatSettings{Kind: fx.Reverb, On: true, Depth: 1, Feedback: feedback}, 1000)
		seed := uint32(7)
		noise := func(int) float32 {
			seed = seed*1664525 + 1013904223
			return float32(int32(seed)) / (1 << 31)
		}
		for range 100 { // 0.5 s of noise
			b.block(240, noise)
		}
		b.u.Set(fx.BeatSettings{Kind: fx.Reverb, On: false, Depth: 1, Feedback: feedback})
		levelDB := func() float64 { // RMS of the next 50 ms
			e := 0.0
			for range 10 {
				l, _ := b.block(240, nil)
				for _, x := range l {
					e += float64(x) * float64(x)
				}
			}
			return 10 * math.Log10(e/2400)
		}
		b.block(4800, nil) // 0.1 s: the send has closed
		from := levelDB()
		span := decayS / 3 // about 20 dB
		for range int(span*rateHz/2400) - 1 {
			b.block(2400, nil)
		}
		to := levelDB()
		rate := (from - to) / (span + 0.05)
		t.Logf("feedback %v: %.1f dB/s, set %.1f", feedback, rate, 60/decayS)
		if want := 60 / decayS; rate < 0.75*want || rate > 1.35*want {
			t.Errorf("feedback %v: the tail falls %.1f dB/s, want about %.1f (−60 dB in %.1f s)", feedback, rate, want, decayS)
		}
	}
}

// TestRollRepeatsTheFraction: switched on, the roll plays the first beat
// fraction it hears over and over (away from its 1 ms edges).
func TestRollRepeatsTheFraction(t *testing.T) {
	const period = 1200
	b := newBeatRig(fx.BeatSettings{Kind: fx.Roll, Depth: 1}, period)
	b.block(1024, nil)
	b.u.Set(fx.BeatSettings{Kind: fx.Roll, On: true, Depth: 1})
	frame := 0
	ramp := func(i int) float32 { return float32((frame+i)%977) / 977 }
	var out []float32
	for range 4 * period / 240 {
		l, _ := b.block(240, ramp)
		out = append(out, l...)
		frame += 240
	}
	edge := rateHz / 1000
	for i := rampFrames + edge; i < period-edge; i++ {
		for k := 1; k < 4; k++ {
			if d := math.Abs(float64(out[k*period+i] - out[i])); d > 1e-6 {
				t.Fatalf("pass %d, frame %d: %v, the first pass had %v", k, i, out[k*period+i], out[i])
			}
		}
	}
}

// TestTransGatesTheSecondHalf: the trans lets the first half of each
// beat fraction through and cuts the second.
func TestTransGatesTheSecondHalf(t *testing.T) {
	const period = 4800
	b := newBeatRig(fx.BeatSettings{Kind: fx.Trans, On: true, Depth: 1}, period)
	b.block(1024, nil) // the switch to trans
	var out []float32
	for range 3 * period / 240 {
		l, _ := b.block(240, func(int) float32 { return 0.5 })
		out = append(out, l...)
	}
	// The unit's LFO started with the fade in; find a cycle start.
	start := 0
	for i := 1; i < len(out); i++ {
		if out[i-1] == 0 && out[i] > 0 {
			start = i
			break
		}
	}
	if start == 0 {
		t.Fatal("the gate never opened")
	}
	edge := rateHz / 1000
	for i := start + edge + 1; i < start+period; i++ {
		open := i-start < period/2-edge
		closed := i-start >= period/2 && i-start < period-1
		if open && math.Abs(float64(out[i])-0.5) > 1e-6 || closed && out[i] != 0 {
			t.Fatalf("frame %d of the cycle: %v", i-start, out[i])
		}
	}
}
