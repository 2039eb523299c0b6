package mixer_test

import (
	"fmt"
	"math"
	"math/cmplx"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/meter"
)

var allMeterModes = []mixer.MeterMode{
	mixer.MeterPeakRMS, mixer.MeterPeak, mixer.MeterVU, mixer.MeterPPMI,
	mixer.MeterPPMII, mixer.MeterK20, mixer.MeterK14, mixer.MeterK12,
}

// meterRig is a rig with one stereo channel whose ports 0 and 1 play a
// generated signal; it keeps the newest MeterFrame.
type meterRig struct {
	*rig
	frames int // frames played so far
	frame  mixer.MeterFrame
	gen    func(port, n int) float64 // sample n of port 0 or 1
}

func newMeterRig(t *testing.T, periodFrames int, gen func(port, n int) float64) *meterRig {
	r := &meterRig{rig: newRig(t, stereoConfig(1), periodFrames), gen: gen}
	r.set(mixer.ParamLimiter, 0, 0) // the master output is the channel, bit for bit
	return r
}

// step plays one period and reports whether a new frame arrived.
func (r *meterRig) step() bool {
	for p := range 2 {
		for i := range r.in[p] {
			r.in[p][i] = float32(r.gen(p, r.frames+i))
		}
	}
	r.frames += len(r.in[0])
	r.run()
	got := false
	for r.e.Meters().TryPopInto(&r.frame) {
		got = true
	}
	return got
}

// play runs for seconds of audio.
func (r *meterRig) play(seconds float64) {
	for range int(math.Ceil(seconds * testRateHz / float64(len(r.in[0])))) {
		r.step()
	}
}

func meterSine(amplitude, hz, phase float64) func(n int) float64 {
	return func(n int) float64 {
		return amplitude * math.Sin(2*math.Pi*hz*float64(n)/testRateHz+phase)
	}
}

// meterBoth plays f on both sides.
func meterBoth(f func(n int) float64) func(port, n int) float64 {
	return func(_, n int) float64 { return f(n) }
}

func meterAmp(db float64) float64 { return math.Pow(10, db/20) }

// TestMeteringDoesNotAllocate runs every strip in each mode, with the
// master panel on, mode switches, resets and loudness commands arriving,
// and the GUI sometimes behind (a full meter ring).
func TestMeteringDoesNotAllocate(t *testing.T) {
	cfg := stereoConfig(6)
	cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Mic"})
	for _, frames := range []int{64, 8192} {
		for _, mode := range allMeterModes {
			t.Run(fmt.Sprintf("%d/%v", frames, mode), func(t *testing.T) {
				r := newRig(t, cfg, frames)
				everythingOn(r, len(cfg.Channels))
				for ch := range cfg.Channels {
					r.set(mixer.ParamMeterMode, ch, float32(mode))
				}
				r.set(mixer.ParamMasterMeters, 0, 1)
				fillNoise(r.in, 5)
				r.run()
				var f mixer.MeterFrame
				period := 0
				allocs := testing.AllocsPerRun(50, func() {
					period++
					switch period % 4 {
					case 0:
						// Switch channel 0 to the next mode and back, and reset.
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamMeterMode, Value: float32((int(mode) + 1) % 8)})
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamMeterReset, Channel: 1, Value: 1})
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamTruePeakReset, Value: 1})
					case 1:
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamMeterMode, Value: float32(mode)})
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamLoudnessRun, Value: 0})
					case 2:
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamLoudnessRun, Value: 1})
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamLoudnessReset, Value: 1})
					}
					r.run()
					if period%40 >= 20 { // the GUI stalls for 20 periods: at 8192 frames the ring fills
						for r.e.Meters().TryPopInto(&f) {
						}
					}
				})
				if allocs != 0 {
					t.Errorf("Process allocates %v times per period", allocs)
				}
				if f.Seq == 0 {
					t.Fatal("no meter frame")
				}
				if got := f.StripMode[2].Mode; got != mode {
					t.Errorf("strip 2 reads mode %v, want %v", got, mode)
				}
				if !f.Loudness.On {
					t.Error("master panel off")
				}
			})
		}
	}
}

// TestStripVUReadsReference: a −18 dBFS sine reads 0 VU.
func TestStripVUReadsReference(t *testing.T) {
	r := newMeterRig(t, 256, meterBoth(meterSine(meterAmp(-18), 1000, 0)))
	r.set(mixer.ParamMeterMode, 0, float32(mixer.MeterVU))
	r.play(2)
	m := r.frame.StripMode[0]
	if m.Mode != mixer.MeterVU {
		t.Fatalf("mode %v, want VU", m.Mode)
	}
	for side, vu := range []float32{m.LevelL, m.LevelR} {
		if math.Abs(float64(vu)) > 0.1 {
			t.Errorf("side %d reads %.3f VU, want 0 ± 0.1", side, vu)
		}
	}
	// The max hold includes the needle's overshoot (1–1.5 %, ≈ 0.1 dB).
	if m.HoldL < m.LevelL || m.HoldL > 0.2 {
		t.Errorf("VU max hold %.3f, level %.3f", m.HoldL, m.LevelL)
	}
}

// TestStripModesMatchMeterPackage plays tone bursts over a steady sine and
// checks, frame by frame, that each strip mode reads what a mixer/meter
// meter fed the same samples reads over the same interval.
func TestStripModesMatchMeterPackage(t *testing.T) {
	const periodFrames = 256
	steady, burst := meterSine(meterAmp(-20), 440, 0), meterSine(meterAmp(-6), meter.PPMBurstToneHz, 0)
	gen := func(_, n int) float64 {
		x := steady(n)
		if n%4800 < 480 { // 10 ms in 100 ms
			x += burst(n)
		}
		return x
	}
	type reference struct {
		process func([]float32)
		read    func() (level, hold float64)
	}
	modes := map[mixer.MeterMode]func() reference{
		mixer.MeterPeak: func() reference {
			var m meter.Peak
			_ = m.Prepare(testRateHz)
			return reference{m.Process, func() (float64, float64) {
				r := m.Read()
				return math.Max(r.LevelDBFS, r.MaxDBFS), r.HoldDBFS
			}}
		},
		mixer.MeterVU: func() reference {
			var m meter.VU
			_ = m.Prepare(testRateHz)
			return reference{m.Process, func() (float64, float64) { return m.Read().MaxVU, math.NaN() }}
		},
	}
	modes[mixer.MeterPeakRMS] = modes[mixer.MeterPeak] // the window's default meter
	for i, typ := range []meter.PPMType{meter.PPMTypeI, meter.PPMTypeII} {
		modes[mixer.MeterPPMI+mixer.MeterMode(i)] = func() reference {
			var m meter.PPM
			_ = m.Prepare(testRateHz, typ)
			return reference{m.Process, func() (float64, float64) { return m.Read().MaxDB, math.NaN() }}
		}
	}
	for i, typ := range []meter.KType{meter.K20, meter.K14, meter.K12} {
		modes[mixer.MeterK20+mixer.MeterMode(i)] = func() reference {
			var m meter.KMeter
			_ = m.Prepare(testRateHz, typ)
			return reference{m.Process, func() (float64, float64) { return m.Read().MaxK, math.NaN() }}
		}
	}
	for mode, newRef := range modes {
		t.Run(mode.String(), func(t *testing.T) {
			r := newMeterRig(t, periodFrames, gen)
			r.set(mixer.ParamMeterMode, 0, float32(mode))
			ref := newRef()
			compared := 0
			maxHold := math.Inf(-1)
			for range 2 * testRateHz / periodFrames {
				got := r.step()
				ref.process(r.in[0])
				if !got {
					continue
				}
				level, hold := ref.read()
				if math.IsNaN(hold) {
					maxHold = math.Max(maxHold, level)
					hold = maxHold
				}
				m := r.frame.StripMode[0]
				if m.Mode != mode || math.Abs(float64(m.LevelL)-level) > 1e-3 || math.Abs(float64(m.HoldL)-hold) > 1e-3 {
					t.Fatalf("frame %d: engine reads %v level %.4f hold %.4f, meter %.4f hold %.4f",
						r.frame.Seq, m.Mode, m.LevelL, m.HoldL, level, hold)
				}
				compared++
			}
			if compared < 150 {
				t.Errorf("only %d frames compared", compared)
			}
		})
	}
}

// TestMasterPeakMatchesMeterPackage: MeterFrame.MasterPeak is meter.Peak
// on the master output, with the loudness panel off, and keeps the highest
// bar of the frames the GUI did not take.
func TestMasterPeakMatchesMeterPackage(t *testing.T) {
	const periodFrames = 256
	bursts := meterSine(meterAmp(-3), 1000, 0)
	r := newMeterRig(t, periodFrames, func(port, n int) float64 {
		if n%24000 < 480 && (port == 0 || n%48000 < 480) { // the right side bursts half as often
			return bursts(n)
		}
		return 0
	})
	r.set(mixer.ParamMasterMeters, 0, 0)
	var ref [2]meter.Peak
	for s := range ref {
		_ = ref[s].Prepare(testRateHz)
	}
	compared := 0
	for range 3 * testRateHz / periodFrames {
		got := r.step()
		var level, hold [2]float64
		for s := range ref {
			ref[s].Process(r.out[s])
			if got {
				rd := ref[s].Read()
				level[s], hold[s] = math.Max(rd.LevelDBFS, rd.MaxDBFS), rd.HoldDBFS
			}
		}
		if !got {
			continue
		}
		m := r.frame.MasterPeak
		if math.Abs(float64(m.LevelL)-level[0]) > 1e-3 || math.Abs(float64(m.HoldL)-hold[0]) > 1e-3 ||
			math.Abs(float64(m.LevelR)-level[1]) > 1e-3 || math.Abs(float64(m.HoldR)-hold[1]) > 1e-3 {
			t.Fatalf("frame %d: engine reads %.4f/%.4f hold %.4f/%.4f, meter %.4f/%.4f hold %.4f/%.4f", r.frame.Seq,
				m.LevelL, m.LevelR, m.HoldL, m.HoldR, level[0], level[1], hold[0], hold[1])
		}
		compared++
	}
	if compared < 250 {
		t.Errorf("only %d frames compared", compared)
	}
	if r.frame.Loudness.On {
		t.Error("the loudness panel is on")
	}

	// The GUI stalls (the ring fills) over a full-scale sample: the frame
	// it takes next shows the sample's bar, not where the bar has fallen
	// to since.
	play := func(periods int, first float32) {
		for range periods {
			for p := range 2 {
				clear(r.in[p])
				r.in[p][0] = first
			}
			first = 0
			r.run()
		}
	}
	play(40, 0)
	play(40, 1)
	var f mixer.MeterFrame
	for r.e.Meters().TryPopInto(&f) {
	}
	play(2, 0)
	if !r.e.Meters().TryPopInto(&f) || f.MasterPeak.LevelL != 0 || f.MasterPeak.LevelR != 0 {
		t.Errorf("the frame after a stall reads %.2f/%.2f dBFS, want the 0 dBFS sample", f.MasterPeak.LevelL, f.MasterPeak.LevelR)
	}
}

// TestStripClipLatch: a full-scale sample latches Clip until
// ParamMeterReset, in every mode.
func TestStripClipLatch(t *testing.T) {
	loud := true
	r := newMeterRig(t, 256, func(_, n int) float64 {
		if loud && n%1000 == 0 {
			return 1
		}
		return 0
	})
	r.set(mixer.ParamMeterMode, 0, float32(mixer.MeterK14))
	r.play(0.1)
	loud = false
	r.play(0.5)
	held := r.frame.StripMode[0]
	if !held.Clip || held.HoldL < held.LevelL+10 {
		t.Fatalf("in silence after full-scale clicks: clip %v, max hold %.1f K, level %.1f K", held.Clip, held.HoldL, held.LevelL)
	}
	r.set(mixer.ParamMeterReset, 0, 1)
	r.play(0.1)
	if m := r.frame.StripMode[0]; m.Clip || m.HoldL > held.HoldL-6 {
		t.Errorf("after reset in silence: clip %v, max hold %.1f K (was %.1f)", m.Clip, m.HoldL, held.HoldL)
	}
}

// bs1770GainDB is the K-weighting gain at hz from the filter table that
// ITU-R BS.1770-4 publishes for 48 kHz, independent of mixer/meter's design.
func bs1770GainDB(hz float64) float64 {
	z := cmplx.Exp(complex(0, -2*math.Pi*hz/48000)) // z⁻¹
	h := func(b0, b1, b2, a1, a2 float64) complex128 {
		return (complex(b0, 0) + complex(b1, 0)*z + complex(b2, 0)*z*z) /
			(1 + complex(a1, 0)*z + complex(a2, 0)*z*z)
	}
	shelf := h(1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585)
	highPass := h(1, -2, 1, -1.99004745483398, 0.99007225036621)
	return 20 * math.Log10(cmplx.Abs(shelf*highPass))
}

// TestMasterIntegratedLoudness: EBU Tech 3341 case 1, a 997 Hz sine at
// −23 dBFS on both channels. Per BS.1770-4 it reads
// −0.691 + 10·log10(2 · A²/2) + K-weighting gain at 997 Hz.
func TestMasterIntegratedLoudness(t *testing.T) {
	const amplitudeDB = -23.0
	want := -0.691 + 10*math.Log10(2*meterAmp(amplitudeDB)*meterAmp(amplitudeDB)/2) + bs1770GainDB(997)
	if math.Abs(want-amplitudeDB) > 0.05 {
		t.Fatalf("expected loudness %.3f LUFS is not Tech 3341's −23", want)
	}
	r := newMeterRig(t, 1024, meterBoth(meterSine(meterAmp(amplitudeDB), 997, 0)))
	r.play(20)
	l := r.frame.Loudness
	for name, got := range map[string]float32{
		"integrated": l.IntegratedLUFS, "momentary": l.MomentaryLUFS, "short-term": l.ShortTermLUFS,
		"max momentary": l.MaxMomentaryLUFS, "max short-term": l.MaxShortTermLUFS,
	} {
		if math.Abs(float64(got)-want) > 0.1 {
			t.Errorf("%s %.3f LUFS, want %.3f ± 0.1", name, got, want)
		}
	}
	if l.RangeLU > 0.1 {
		t.Errorf("a steady sine has LRA %.2f LU, want 0", l.RangeLU)
	}
	if !l.On || !l.Running || math.Abs(float64(l.IntegrationSeconds)-20) > 0.05 {
		t.Errorf("on %v running %v, integrated %.3f s of 20", l.On, l.Running, l.IntegrationSeconds)
	}
	// The same signal in phase on both channels correlates fully.
	if l.Correlation < 0.999 || l.CorrelationMin < 0.999 {
		t.Errorf("correlation %.4f (min %.4f), want +1", l.Correlation, l.CorrelationMin)
	}
}

// TestMasterTruePeakLatch: a sine at a quarter of the rate, sampled 45°
// off its crests, peaks 3 dB above its samples; the max latches through
// silence until ParamTruePeakReset.
func TestMasterTruePeakLatch(t *testing.T) {
	amplitude := 0.5 // −6.02 dBTP, samples at −9.03 dBFS
	r := newMeterRig(t, 256, meterBoth(func(n int) float64 {
		return amplitude * math.Sin(math.Pi/2*float64(n)+math.Pi/4)
	}))
	r.play(0.5)
	want := 20 * math.Log10(amplitude)
	l := r.frame.Loudness
	for side, got := range []float32{l.TruePeakDBTPL, l.TruePeakDBTPR, l.MaxTruePeakDBTPL, l.MaxTruePeakDBTPR} {
		if d := float64(got) - want; d > 0.2 || d < -0.4 {
			t.Errorf("reading %d: %.2f dBTP, want %.2f +0.2/−0.4", side, got, want)
		}
	}
	amplitude = 0
	r.play(0.5)
	l = r.frame.Loudness
	if !math.IsInf(float64(l.TruePeakDBTPL), -1) {
		t.Errorf("silence reads %.2f dBTP since the last frame", l.TruePeakDBTPL)
	}
	if d := float64(l.MaxTruePeakDBTPL) - want; d > 0.2 || d < -0.4 {
		t.Errorf("max true peak did not latch: %.2f dBTP", l.MaxTruePeakDBTPL)
	}
	r.set(mixer.ParamTruePeakReset, 0, 1)
	r.play(0.1)
	if l := r.frame.Loudness; !math.IsInf(float64(l.MaxTruePeakDBTPL), -1) || !math.IsInf(float64(l.MaxTruePeakDBTPR), -1) {
		t.Errorf("after reset in silence the max reads %.2f / %.2f dBTP", l.MaxTruePeakDBTPL, l.MaxTruePeakDBTPR)
	}
	amplitude = 0.25
	r.play(0.2)
	if got := r.frame.Loudness.MaxTruePeakDBTPR; math.Abs(float64(got)-20*math.Log10(0.25)) > 0.4 {
		t.Errorf("after reset a −12 dBTP signal latches %.2f dBTP", got)
	}
}

// TestMasterCorrelation: +1 for identical channels, −1 for inverted ones.
func TestMasterCorrelation(t *testing.T) {
	noise := func(n int) float64 { // deterministic white-ish noise
		x := uint32(n)*2654435761 + 12345
		x ^= x >> 13
		x *= 0x5bd1e995
		x ^= x >> 15
		return 0.3 * (float64(x)/math.MaxUint32*2 - 1)
	}
	for _, tc := range []struct {
		sign float64
		want float32
	}{{1, 1}, {-1, -1}} {
		r := newMeterRig(t, 256, func(port, n int) float64 {
			if port == 1 {
				return tc.sign * noise(n)
			}
			return noise(n)
		})
		r.play(1.5)
		l := r.frame.Loudness
		if math.Abs(float64(l.Correlation-tc.want)) > 0.001 || math.Abs(float64(l.CorrelationMin-tc.want)) > 0.001 {
			t.Errorf("sign %v: correlation %.4f (min %.4f), want %v", tc.sign, l.Correlation, l.CorrelationMin, tc.want)
		}
	}
}

// TestLoudnessStartStopReset: stopping freezes the integration while
// momentary follows the signal; starting resumes it; reset restarts it;
// the master meters off freeze the panel.
func TestLoudnessStartStopReset(t *testing.T) {
	level := -23.0
	r := newMeterRig(t, 480, meterBoth(func(n int) float64 { return meterAmp(level) * math.Sin(2*math.Pi*997*float64(n)/testRateHz) }))
	r.play(5)
	before := r.frame.Loudness
	if !before.Running || math.Abs(float64(before.IntegrationSeconds)-5) > 0.02 {
		t.Fatalf("running %v, %.3f s integrated of 5", before.Running, before.IntegrationSeconds)
	}

	r.set(mixer.ParamLoudnessRun, 0, 0)
	level = -13
	r.play(3.5)
	l := r.frame.Loudness
	if l.Running || math.Abs(float64(l.IntegrationSeconds-before.IntegrationSeconds)) > 0.011 ||
		math.Abs(float64(l.IntegratedLUFS-before.IntegratedLUFS)) > 0.01 || l.MaxMomentaryLUFS > before.MaxMomentaryLUFS+0.01 {
		t.Errorf("stopped: running %v, %.3f s, I %.2f, max M %.2f; before %.3f s, I %.2f, max M %.2f", l.Running,
			l.IntegrationSeconds, l.IntegratedLUFS, l.MaxMomentaryLUFS,
			before.IntegrationSeconds, before.IntegratedLUFS, before.MaxMomentaryLUFS)
	}
	if math.Abs(float64(l.MomentaryLUFS)+13) > 0.1 || math.Abs(float64(l.ShortTermLUFS)+13) > 0.1 {
		t.Errorf("stopped: momentary %.2f, short-term %.2f LUFS, want −13", l.MomentaryLUFS, l.ShortTermLUFS)
	}

	r.set(mixer.ParamLoudnessRun, 0, 1)
	r.play(5)
	l = r.frame.Loudness
	if !l.Running || math.Abs(float64(l.IntegrationSeconds)-10) > 0.03 || l.IntegratedLUFS < -18 {
		t.Errorf("restarted: running %v, %.3f s of 10, I %.2f LUFS (5 s at −23 and 5 s at −13)", l.Running, l.IntegrationSeconds, l.IntegratedLUFS)
	}

	r.set(mixer.ParamLoudnessReset, 0, 1)
	r.step()
	l = r.frame.Loudness
	if !l.Running || l.IntegrationSeconds > 0.02 || !math.IsInf(float64(l.IntegratedLUFS), -1) || !math.IsInf(float64(l.MaxMomentaryLUFS), -1) {
		t.Errorf("after reset: running %v, %.3f s, I %.2f, max M %.2f", l.Running, l.IntegrationSeconds, l.IntegratedLUFS, l.MaxMomentaryLUFS)
	}
	r.play(4)
	if got := r.frame.Loudness.IntegratedLUFS; math.Abs(float64(got)+13) > 0.1 {
		t.Errorf("after reset I %.2f LUFS, want −13", got)
	}

	r.set(mixer.ParamMasterMeters, 0, 0)
	r.step()
	frozen := r.frame.Loudness
	level = -40
	r.play(1)
	if l := r.frame.Loudness; l.On || l.IntegrationSeconds != frozen.IntegrationSeconds || l.MomentaryLUFS != frozen.MomentaryLUFS {
		t.Errorf("master meters off: on %v, %.3f s (was %.3f), M %.2f (was %.2f)", l.On,
			l.IntegrationSeconds, frozen.IntegrationSeconds, l.MomentaryLUFS, frozen.MomentaryLUFS)
	}
}

// TestGraphSwapKeepsMeters: a new sample rate keeps the strip modes, the
// latched max true peak and the loudness integration.
func TestGraphSwapKeepsMeters(t *testing.T) {
	rate := float64(testRateHz)
	r := newMeterRig(t, 480, meterBoth(func(n int) float64 { return meterAmp(-23) * math.Sin(2*math.Pi*997*float64(n)/rate) }))
	r.set(mixer.ParamMeterMode, 0, float32(mixer.MeterPPMII))
	r.play(6)
	before := r.frame.Loudness
	for _, newRate := range []int{44100, 96000, 48000} {
		if err := r.e.Prepare(newRate); err != nil {
			t.Fatal(err)
		}
		rate = float64(newRate)
		r.frames = 0
		r.play(2 * rate / testRateHz) // 2 s at the new rate: the rig counts periods at testRateHz
		l := r.frame.Loudness
		if math.Abs(float64(l.IntegratedLUFS-before.IntegratedLUFS)) > 0.05 {
			t.Errorf("%d Hz: I %.3f LUFS, before the swaps %.3f", newRate, l.IntegratedLUFS, before.IntegratedLUFS)
		}
		if math.Abs(float64(l.MomentaryLUFS)+23) > 0.1 {
			t.Errorf("%d Hz: M %.3f LUFS, want −23", newRate, l.MomentaryLUFS)
		}
		if l.IntegrationSeconds < before.IntegrationSeconds+1.9 || l.MaxTruePeakDBTPL < before.MaxTruePeakDBTPL-0.01 {
			t.Errorf("%d Hz: %.2f s integrated (%.2f before), max true peak %.2f dBTP (%.2f before)", newRate,
				l.IntegrationSeconds, before.IntegrationSeconds, l.MaxTruePeakDBTPL, before.MaxTruePeakDBTPL)
		}
		before = l
		if m := r.frame.StripMode[0]; m.Mode != mixer.MeterPPMII || math.Abs(float64(m.LevelL)+5.0) > 0.5 {
			t.Errorf("%d Hz: strip reads %v %.2f dB, want PPM II at about −5", newRate, m.Mode, m.LevelL)
		}
	}
}

// TestMeterModeSwitchResets: a meter chosen again starts from rest, not
// from where it stood when it was left.
func TestMeterModeSwitchResets(t *testing.T) {
	r := newMeterRig(t, 256, meterBoth(meterSine(meterAmp(-18), 1000, 0)))
	r.set(mixer.ParamMeterMode, 0, float32(mixer.MeterVU))
	r.play(1)
	if vu := r.frame.StripMode[0].LevelL; math.Abs(float64(vu)) > 0.1 {
		t.Fatalf("VU reads %.2f, want 0", vu)
	}
	r.set(mixer.ParamMeterMode, 0, float32(mixer.MeterK20))
	r.play(1.5)
	if m := r.frame.StripMode[0]; m.Mode != mixer.MeterK20 || math.Abs(float64(m.LevelL)-2) > 0.1 {
		t.Fatalf("K-20 reads %v %.2f, want +2 K for a −18 dBFS sine", m.Mode, m.LevelL)
	}
	r.set(mixer.ParamMeterMode, 0, float32(mixer.MeterVU))
	for !r.step() {
	}
	if m := r.frame.StripMode[0]; m.Mode != mixer.MeterVU || m.LevelL > -10 || m.HoldL != m.LevelL {
		t.Errorf("VU chosen again reads %v %.2f VU (hold %.2f) after 10 ms, want a needle rising from rest", m.Mode, m.LevelL, m.HoldL)
	}
}
