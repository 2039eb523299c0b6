package meter_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/meter"
)

// Tech 3341 true-peak tolerance: +0.2 / -0.4 dB.
const (
	truePeakOver  = 0.2
	truePeakUnder = 0.4
)

func truePeakOf(t *testing.T, sampleRateHz int, samples []float32, blockFrames int) meter.TruePeakReading {
	t.Helper()
	var tp meter.TruePeak
	if err := tp.Prepare(sampleRateHz); err != nil {
		t.Fatal(err)
	}
	for start := 0; start < len(samples); start += blockFrames {
		tp.Process(samples[start:min(start+blockFrames, len(samples))])
	}
	return tp.Read()
}

// TestTech3341TruePeakCases synthesises the true-peak signals of Tech 3341
// (cases 15-19): sines at fractions of the sample rate with phases that
// put every sample off the crest, so the sample peak under-reads by up to
// 3 dB while the true peak is -6 dBTP; case 19 has its crest at the
// samples, which must not under-read. The tones fade in over 20 ms: a
// tone switched on at full level is a step, and the interpolator's ringing
// on that step is a real, higher, inter-sample peak. They run at every rate (as fractions
// of it) and, at 96 kHz, through the 2× interpolator.
func TestTech3341TruePeakCases(t *testing.T) {
	const peakDBFS = -6.0
	cases := []struct {
		name     string
		fraction float64 // tone frequency / sample rate
		phaseDeg float64
	}{
		{"case15-fs/4-0deg", 1.0 / 4, 0},
		{"case16-fs/4-45deg", 1.0 / 4, 45},
		{"case17-fs/6-60deg", 1.0 / 6, 60},
		{"case18-fs/8-67.5deg", 1.0 / 8, 67.5},
		{"case19-fs/4-90deg", 1.0 / 4, 90},
	}
	for _, rate := range rates {
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%s/%d", tc.name, rate), func(t *testing.T) {
				hz := tc.fraction * float64(rate)
				sig := fadeIn(tone(rate, hz, peakDBFS, 1, tc.phaseDeg*math.Pi/180), rate/50)
				r := truePeakOf(t, rate, sig, 512)
				if d := r.MaxDBTP - peakDBFS; d > truePeakOver || d < -truePeakUnder {
					t.Errorf("true peak %.3f dBTP, want %.1f +%.1f/-%.1f (sample peak %.3f dBFS)",
						r.MaxDBTP, peakDBFS, truePeakOver, truePeakUnder, r.SamplePeakDBFS)
				}
			})
		}
	}
}

// TestTruePeakInterSampleOver checks the classic inter-sample over: a
// fs/4 sine at 45° whose samples sit 3 dB below its crest at 0 dBTP.
func TestTruePeakInterSampleOver(t *testing.T) {
	sig := fadeIn(tone(48000, 12000, 0, 1, math.Pi/4), 960)
	r := truePeakOf(t, 48000, sig, 100)
	near(t, "sample peak", r.SamplePeakDBFS, -3.01, 0.01)
	if r.MaxDBTP < -truePeakUnder || r.MaxDBTP > truePeakOver {
		t.Errorf("true peak %.3f dBTP, want 0 +0.2/-0.4", r.MaxDBTP)
	}
	if r.OversampleRatio != 4 {
		t.Errorf("oversampling %d× at 48 kHz, want 4×", r.OversampleRatio)
	}
}

// TestTruePeakOnSamplePeak checks that an isolated full-scale sample (whose
// interpolated neighbours are lower) reads its own level: max(FIR, sample).
func TestTruePeakOnSamplePeak(t *testing.T) {
	sig := make([]float32, 4800)
	sig[2400] = 0.5
	r := truePeakOf(t, 48000, sig, 64)
	if r.MaxDBTP < -6.03 {
		t.Errorf("true peak of a lone -6 dBFS sample = %.3f dBTP, under-reads", r.MaxDBTP)
	}
}

// TestTruePeakBlockSizeIndependent checks that the history carried between
// blocks makes the result independent of the block size.
func TestTruePeakBlockSizeIndependent(t *testing.T) {
	sig := music(48000, 5, 3)[0]
	want := truePeakOf(t, 48000, sig, len(sig)).MaxDBTP
	for _, block := range []int{1, 7, 64, 8192} {
		if got := truePeakOf(t, 48000, sig, block).MaxDBTP; math.Abs(got-want) > 1e-9 {
			t.Errorf("block %d: %.6f dBTP, whole signal %.6f", block, got, want)
		}
	}
}

// TestTruePeakReadAndReset checks max-since-read against the latched max.
func TestTruePeakReadAndReset(t *testing.T) {
	var tp meter.TruePeak
	if err := tp.Prepare(48000); err != nil {
		t.Fatal(err)
	}
	// Silence after the tone lets the interpolator's 6-sample delay
	// drain before the read.
	tp.Process(concat(tone(48000, 1000, -6, 0.1, 0), silence(48000, 0.01)))
	if r := tp.Read(); math.Abs(r.PeakDBTP+6) > 0.1 {
		t.Errorf("first read %.2f dBTP", r.PeakDBTP)
	}
	tp.Process(tone(48000, 1000, -20, 0.1, 0))
	r := tp.Read()
	near(t, "peak since read", r.PeakDBTP, -20, 0.1)
	near(t, "latched", r.MaxDBTP, -6, 0.1)
	tp.Reset()
	if r := tp.Read(); !math.IsInf(r.MaxDBTP, -1) {
		t.Errorf("after Reset max = %v", r.MaxDBTP)
	}
	for _, rate := range []int{88200, 96000} {
		if err := tp.Prepare(rate); err != nil || tp.Read().OversampleRatio != 2 {
			t.Errorf("%d Hz: want 2× oversampling", rate)
		}
	}
	if err := tp.Prepare(192000); err != nil || tp.Read().OversampleRatio != 1 {
		t.Error("192 kHz: want no oversampling")
	}
}

// fadeIn applies a raised-cosine fade over the first frames samples.
func fadeIn(samples []float32, frames int) []float32 {
	for i := range min(frames, len(samples)) {
		samples[i] *= float32(0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(frames)))
	}
	return samples
}

// annex2Phases is the interpolating filter of ITU-R BS.1770-4 Annex 2 as
// the Annex tabulates it: four phases of 12 coefficients.
var annex2Phases = [4][12]float32{
	{0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875, 0.1373291015625,
		0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500},
	{-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500, 0.4650878906250,
		0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375},
	{-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125, 0.7797851562500,
		0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000, 0.0292968750000, -0.0291748046875},
	{-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750, 0.9721679687500,
		0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125, 0.0109863281250, 0.0017089843750},
}

// TestInterpolatorIsAnnex2Filter feeds a unit impulse through the
// interpolator: the response of each phase must be that phase of the
// Annex's table, coefficient by coefficient.
func TestInterpolatorIsAnnex2Filter(t *testing.T) {
	for k := range 12 {
		var w [12]float32
		w[11-k] = 1 // the impulse arrived k samples ago
		y := meter.Interpolate(&w)
		for p := range 4 {
			if got, want := y[p], annex2Phases[p][k]; got != want {
				t.Errorf("phase %d tap %d: %v, want %v", p, k, got, want)
			}
		}
	}
}

// TestTruePeakSilenceAfterSignal: a block of silence still reads the
// interpolator's ringing from the samples just before it; only silence
// after silent history reads nothing (the case that skips oversampling).
func TestTruePeakSilenceAfterSignal(t *testing.T) {
	var tp meter.TruePeak
	if err := tp.Prepare(48000); err != nil {
		t.Fatal(err)
	}
	impulse := make([]float32, 64)
	impulse[63] = 0.5
	tp.Process(impulse)
	tp.Read()
	tp.Process(make([]float32, 64))
	if r := tp.Read(); !(r.PeakDBTP > -20) {
		t.Errorf("the block after an impulse reads %.1f dBTP; want its ringing", r.PeakDBTP)
	}
	tp.Process(make([]float32, 64))
	if r := tp.Read(); !math.IsInf(r.PeakDBTP, -1) {
		t.Errorf("silence after silence reads %.1f dBTP; want −∞", r.PeakDBTP)
	}
}
