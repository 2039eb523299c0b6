package mixer_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
)

// everythingOn turns every feature of every channel on: EQ off unity, the
// filter engaged with resonance, cue, crossfader assigned, balance off
// centre, mono master, split cue and the limiter.
func everythingOn(r *rig, channels int) {
	for ch := range channels {
		r.set(mixer.ParamTrimDB, ch, 3)
		r.set(mixer.ParamEQLow, ch, 0.6)
		r.set(mixer.ParamEQMid, ch, 0.4)
		r.set(mixer.ParamEQHigh, ch, 0.55)
		r.set(mixer.ParamFilter, ch, -0.3)
		r.set(mixer.ParamFilterResonance, ch, 0.5)
		r.set(mixer.ParamPan, ch, 0.2)
		r.set(mixer.ParamCue, ch, 1)
		r.set(mixer.ParamXfaderAssign, ch, float32(ch%3))
		r.set(mixer.ParamFader, ch, 0.7)
	}
	r.set(mixer.ParamCrossfader, 0, 0.3)
	r.set(mixer.ParamMasterBalance, 0, 0.1)
	r.set(mixer.ParamLimiter, 0, 1)
	r.set(mixer.ParamSplitCue, 0, 1)
	r.set(mixer.ParamClockOn, 0, 1)
}

func fillNoise(bufs [][]float32, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	for _, b := range bufs {
		for i := range b {
			b[i] = float32(rng.NormFloat64() * 0.3)
		}
	}
}

func BenchmarkEngine(b *testing.B) { benchmarkEngine(b, everythingOn) }

// BenchmarkEngineMetered is BenchmarkEngine with every strip metering in a
// non-default mode (peak, VU, PPM I and II, K-20, K-14 and K-12 in turn)
// and the master loudness panel (R128, true peak, correlation) on.
func BenchmarkEngineMetered(b *testing.B) {
	benchmarkEngine(b, func(r *rig, channels int) {
		everythingOn(r, channels)
		for ch := range channels {
			r.set(mixer.ParamMeterMode, ch, float32(mixer.MeterPeak+mixer.MeterMode(ch%7)))
		}
		r.set(mixer.ParamMasterMeters, 0, 1)
		r.set(mixer.ParamLoudnessRun, 0, 1)
	})
}

// benchmarkEngine runs 256-frame periods at 48 kHz with 4 to 32 stereo
// channels set up by setup.
func benchmarkEngine(b *testing.B, setup func(r *rig, channels int)) {
	const frames = 256
	periodNs := 1e9 * frames / float64(testRateHz)
	for _, channels := range []int{4, 8, 16, 32} {
		b.Run(fmt.Sprintf("%dch", channels), func(b *testing.B) {
			r := newRig(b, stereoConfig(channels), frames)
			setup(r, channels)
			fillNoise(r.in, 1)
			for range 100 { // let every ramp settle
				r.run()
			}
			// The thread's own CPU time, next to the wall clock: on a machine
			// shared with other work the wall clock also counts the time
			// this thread waited for a core.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ReportAllocs()
			cpuStart := threadCPU(b)
			b.ResetTimer()
			for b.Loop() {
				r.e.Process(r.in, r.out)
			}
			cpu := threadCPU(b) - cpuStart // the timer stopped with the loop
			nsPerPeriod := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(nsPerPeriod/frames, "ns/frame")
			b.ReportMetric(100*nsPerPeriod/periodNs, "%period")
			b.ReportMetric(100*float64(cpu.Nanoseconds())/float64(b.N)/periodNs, "%period-cpu")
		})
	}
}

// BenchmarkEngineHalves times the two halves of a period (backend.Finisher)
// with every control at its default, as the app starts: the outputs half
// is what the graph's later clients and JACK's DSP load wait for. The
// "slept" runs wait a period's length before each one, as the audio
// thread does between JACK's cycles: on a virtual machine the period then
// finds little of its memory in the caches, and costs about three times
// as much.
func BenchmarkEngineHalves(b *testing.B) {
	for _, frames := range []int{64, 256} {
		for _, channels := range []int{8, 16} {
			for _, slept := range []bool{false, true} {
				name := fmt.Sprintf("%dframes/%dch", frames, channels)
				if slept {
					name += "/slept"
				}
				period := time.Duration(frames) * time.Second / testRateHz
				b.Run(name, func(b *testing.B) {
					r := newRig(b, stereoConfig(channels), frames)
					fillNoise(r.in, 1)
					for range 100 {
						r.run()
					}
					runtime.LockOSThread()
					defer runtime.UnlockOSThread()
					var outputs, finish time.Duration
					// The medians say what a period costs when the host
					// leaves the machine alone; the means are what JACK's
					// DSP load averages.
					outs, fins := make([]time.Duration, 0, 1<<16), make([]time.Duration, 0, 1<<16)
					for b.Loop() {
						if slept {
							time.Sleep(period)
						}
						t0 := time.Now()
						r.e.ProcessOutputs(r.in, r.out)
						t1 := time.Now()
						r.e.FinishPeriod()
						t2 := time.Now()
						outputs += t1.Sub(t0)
						finish += t2.Sub(t1)
						if len(outs) < cap(outs) {
							outs, fins = append(outs, t1.Sub(t0)), append(fins, t2.Sub(t1))
						}
					}
					b.ReportMetric(float64(outputs.Nanoseconds())/float64(b.N), "outputs-ns/period")
					b.ReportMetric(float64(finish.Nanoseconds())/float64(b.N), "finish-ns/period")
					b.ReportMetric(float64(median(outs).Nanoseconds()), "outputs-median-ns")
					b.ReportMetric(float64(median(fins).Nanoseconds()), "finish-median-ns")
				})
			}
		}
	}
}

// median is the middle of ds, which it sorts.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// threadCPU is the CPU time the calling OS thread has used.
func threadCPU(b *testing.B) time.Duration {
	const rusageThread = 1 // RUSAGE_THREAD, Linux
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
