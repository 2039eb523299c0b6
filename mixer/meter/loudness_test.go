package meter_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/meter"
)

const (
	lufsTolerance = 0.1 // EBU Tech 3341: M, S and I within ±0.1 LU
	lraTolerance  = 1.0 // EBU Tech 3342: LRA within ±1 LU
)

var silent = math.Inf(-1)

// newLoudness prepares a meter or fails the test.
func newLoudness(t testing.TB, sampleRateHz, channels int) *meter.Loudness {
	t.Helper()
	var l meter.Loudness
	if err := l.Prepare(sampleRateHz, channels); err != nil {
		t.Fatal(err)
	}
	return &l
}

// feed runs channels through l in blocks of blockFrames and calls after,
// if not nil, with the frame count so far after each block.
func feed(l *meter.Loudness, channels [][]float32, blockFrames int, after func(frames int)) {
	view := make([][]float32, len(channels))
	for start := 0; start < len(channels[0]); start += blockFrames {
		end := min(start+blockFrames, len(channels[0]))
		for c := range channels {
			view[c] = channels[c][start:end]
		}
		l.Process(view)
		if after != nil {
			after(end)
		}
	}
}

func near(t *testing.T, what string, got, want, tolerance float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tolerance {
		t.Errorf("%s = %.3f, want %.3f ±%.2f", what, got, want, tolerance)
	}
}

// TestKWeightingMatchesBS1770Table checks the coefficients designed for 48
// kHz against the table of BS.1770-4 (Tables 1 and 2).
func TestKWeightingMatchesBS1770Table(t *testing.T) {
	shelf, hp := meter.KWeighting(48000)
	wantShelf := [5]float64{1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585}
	wantHP := [5]float64{1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621}
	for i := range 5 {
		if math.Abs(shelf[i]-wantShelf[i]) > 1e-8 {
			t.Errorf("shelf coefficient %d = %.14f, want %.14f", i, shelf[i], wantShelf[i])
		}
		if math.Abs(hp[i]-wantHP[i]) > 1e-8 {
			t.Errorf("high-pass coefficient %d = %.14f, want %.14f", i, hp[i], wantHP[i])
		}
	}
}

// TestTech3341IntegratedCases runs EBU Tech 3341 cases 1-6: 1 kHz tones
// whose M, S (cases 1, 2) and I must read within ±0.1 LU.
func TestTech3341IntegratedCases(t *testing.T) {
	cases := []struct {
		name       string
		segs       []segment
		want       float64
		checkMS    bool
		fiveLayout bool
	}{
		{"case1", []segment{{-23, 20}}, -23, true, false},
		{"case2", []segment{{-33, 20}}, -33, true, false},
		{"case3", []segment{{-36, 10}, {-23, 60}, {-36, 10}}, -23, false, false},
		{"case4", []segment{{-72, 10}, {-36, 10}, {-23, 60}, {-36, 10}, {-72, 10}}, -23, false, false},
		{"case5", []segment{{-26, 20}, {-20, 20.1}, {-26, 20}}, -23, false, false},
		{"case6", []segment{{0, 20}}, -23, false, true},
	}
	for _, rate := range rates {
		for _, tc := range cases {
			t.Run(fmt.Sprintf("%s/%dHz", tc.name, rate), func(t *testing.T) {
				var channels [][]float32
				if tc.fiveLayout {
					// L, R at -28 dBFS, C at -24, Ls, Rs at -30.
					lr := tones(rate, segment{-28, 20})
					channels = [][]float32{lr, lr, tones(rate, segment{-24, 20}), tones(rate, segment{-30, 20}), tones(rate, segment{-30, 20})}
				} else {
					channels = stereo(tones(rate, tc.segs...))
				}
				l := newLoudness(t, rate, len(channels))
				feed(l, channels, 1000, nil)
				r := l.Read()
				near(t, "I", r.IntegratedLUFS, tc.want, lufsTolerance)
				if tc.checkMS {
					near(t, "M", r.MomentaryLUFS, tc.want, lufsTolerance)
					near(t, "S", r.ShortTermLUFS, tc.want, lufsTolerance)
				}
			})
		}
	}
}

// TestTech3341ConstantShortTerm is case 9: a tone alternating 1.34 s at
// -20 dBFS and 1.66 s at -30 dBFS; S must stay at -23 ±0.1 after 3 s.
func TestTech3341ConstantShortTerm(t *testing.T) {
	for _, rate := range rates {
		t.Run(fmt.Sprint(rate), func(t *testing.T) {
			var segs []segment
			for range 10 {
				segs = append(segs, segment{-20, 1.34}, segment{-30, 1.66})
			}
			l := newLoudness(t, rate, 2)
			checked := 0
			feed(l, stereo(tones(rate, segs...)), rate/100, func(frames int) {
				if frames >= 3*rate {
					near(t, fmt.Sprintf("S at %d frames", frames), l.Read().ShortTermLUFS, -23, lufsTolerance)
					checked++
				}
			})
			if checked < 2700 {
				t.Fatalf("checked S %d times, want one per 10 ms after 3 s", checked)
			}
		})
	}
}

// TestTech3341ConstantMomentary is case 12: 0.18 s at -20 dBFS and 0.22 s
// at -30 dBFS; M must stay at -23 ±0.1 after 1 s.
func TestTech3341ConstantMomentary(t *testing.T) {
	for _, rate := range rates {
		t.Run(fmt.Sprint(rate), func(t *testing.T) {
			var segs []segment
			for range 50 {
				segs = append(segs, segment{-20, 0.18}, segment{-30, 0.22})
			}
			l := newLoudness(t, rate, 2)
			checked := 0
			feed(l, stereo(tones(rate, segs...)), rate/100, func(frames int) {
				if frames >= rate {
					near(t, fmt.Sprintf("M at %d frames", frames), l.Read().MomentaryLUFS, -23, lufsTolerance)
					checked++
				}
			})
			if checked < 1900 {
				t.Fatalf("checked M %d times", checked)
			}
		})
	}
}

// TestTech3341MaxShortTermAndMomentary covers cases 10 and 13: tone bursts
// at -23 dBFS exactly as long as the window (3 s, 0.4 s), at 20 start
// positions that do not fall on the meter's update grid; the maximum S
// (case 10) or M (case 13) must read -23 ±0.1 each time.
func TestTech3341MaxShortTermAndMomentary(t *testing.T) {
	for _, rate := range rates {
		for _, tc := range []struct {
			name         string
			burstSeconds float64
			maxOf        func(meter.LoudnessReading) float64
		}{
			{"case10-maxS", 3, func(r meter.LoudnessReading) float64 { return r.MaxShortTermLUFS }},
			{"case13-maxM", 0.4, func(r meter.LoudnessReading) float64 { return r.MaxMomentaryLUFS }},
		} {
			t.Run(fmt.Sprintf("%s/%d", tc.name, rate), func(t *testing.T) {
				for k := range 20 {
					offsetSeconds := 0.5 + float64(k)*0.0137
					l := newLoudness(t, rate, 2)
					sig := stereo(tones(rate, segment{silent, offsetSeconds}, segment{-23, tc.burstSeconds}, segment{silent, 1}))
					feed(l, sig, 512, nil)
					near(t, fmt.Sprintf("segment %d", k+1), tc.maxOf(l.Read()), -23, lufsTolerance)
				}
			})
		}
	}
}

// TestTech3341SuccessiveMaxima covers cases 11 and 14: 20 bursts rising
// from -38 to -19 dBFS, each in its own segment (6 s with a 3 s burst for
// S, 0.8 s with a 0.4 s burst for M); the largest S or M inside each
// segment must read the burst's level ±0.1.
func TestTech3341SuccessiveMaxima(t *testing.T) {
	for _, rate := range rates {
		for _, tc := range []struct {
			name                  string
			burstSeconds, segment float64
			value                 func(meter.LoudnessReading) float64
		}{
			{"case11-S", 3, 6, func(r meter.LoudnessReading) float64 { return r.ShortTermLUFS }},
			{"case14-M", 0.4, 0.8, func(r meter.LoudnessReading) float64 { return r.MomentaryLUFS }},
		} {
			t.Run(fmt.Sprintf("%s/%d", tc.name, rate), func(t *testing.T) {
				var segs []segment
				for k := range 20 {
					segs = append(segs, segment{-38 + float64(k), tc.burstSeconds}, segment{silent, tc.segment - tc.burstSeconds})
				}
				segFrames := int(math.Round(tc.segment * float64(rate)))
				maxima := make([]float64, 20)
				for i := range maxima {
					maxima[i] = silent
				}
				l := newLoudness(t, rate, 2)
				feed(l, stereo(tones(rate, segs...)), rate/100, func(frames int) {
					k := (frames - 1) / segFrames
					if k < 20 {
						maxima[k] = max(maxima[k], tc.value(l.Read()))
					}
				})
				for k, got := range maxima {
					near(t, fmt.Sprintf("segment %d", k+1), got, -38+float64(k), lufsTolerance)
				}
			})
		}
	}
}

// tech3342Cases are EBU Tech 3342's test cases 1-4: 1 kHz tones, dual
// mono, and the LRA each must read.
var tech3342Cases = []struct {
	segs []segment
	want float64
}{
	{[]segment{{-20, 20}, {-30, 20}}, 10},
	{[]segment{{-20, 20}, {-15, 20}}, 5},
	{[]segment{{-40, 20}, {-20, 20}}, 20},
	{[]segment{{-50, 20}, {-35, 20}, {-20, 20}, {-35, 20}, {-50, 20}}, 15},
}

// TestTech3342LoudnessRange runs EBU Tech 3342 cases 1-4.
func TestTech3342LoudnessRange(t *testing.T) {
	for _, rate := range rates {
		for i, tc := range tech3342Cases {
			t.Run(fmt.Sprintf("case%d/%d", i+1, rate), func(t *testing.T) {
				l := newLoudness(t, rate, 2)
				feed(l, stereo(tones(rate, tc.segs...)), 4096, nil)
				near(t, "LRA", l.Read().RangeLU, tc.want, lraTolerance)
			})
		}
	}
}

// TestLoudnessStartStopReset checks that a stopped meter keeps M and S
// live but freezes I and the integration time, and that Reset clears all.
func TestLoudnessStartStopReset(t *testing.T) {
	const rate = 48000
	l := newLoudness(t, rate, 2)
	feed(l, stereo(tones(rate, segment{-23, 5})), 480, nil)
	before := l.Read()
	near(t, "integration time", before.IntegrationSeconds, 5, 0.01)
	l.Stop()
	feed(l, stereo(tones(rate, segment{-13, 5})), 480, nil)
	stopped := l.Read()
	if stopped.Running {
		t.Error("Running after Stop")
	}
	near(t, "I while stopped", stopped.IntegratedLUFS, -23, 0.01)
	near(t, "integration time while stopped", stopped.IntegrationSeconds, 5, 0.01)
	near(t, "M while stopped", stopped.MomentaryLUFS, -13, lufsTolerance)
	near(t, "max M while stopped", stopped.MaxMomentaryLUFS, -23, lufsTolerance)
	l.Start()
	feed(l, stereo(tones(rate, segment{-13, 5})), 480, nil)
	if got := l.Read().IntegratedLUFS; got < -20 {
		t.Errorf("I after Start = %.2f, want it raised by the louder tone", got)
	}
	l.Reset()
	r := l.Read()
	if !math.IsInf(r.IntegratedLUFS, -1) || !math.IsInf(r.MomentaryLUFS, -1) || r.IntegrationSeconds != 0 || r.RangeLU != 0 {
		t.Errorf("after Reset: %+v", r)
	}
	near(t, "relative", meter.RelativeLU(-20, meter.DefaultTargetLUFS), 3, 1e-12)
}

// TestLoudnessBadSamples feeds NaN and Inf: they must read as silence and
// leave the filters working.
func TestLoudnessBadSamples(t *testing.T) {
	const rate = 48000
	sig := tones(rate, segment{-23, 10})
	for i := 1000; i < 2000; i++ {
		sig[i] = float32(math.NaN())
	}
	sig[5000] = float32(math.Inf(1))
	l := newLoudness(t, rate, 2)
	feed(l, stereo(sig), 480, nil)
	r := l.Read()
	near(t, "I", r.IntegratedLUFS, -23, lufsTolerance)
	near(t, "M", r.MomentaryLUFS, -23, lufsTolerance)
}

func TestLoudnessPrepareErrors(t *testing.T) {
	var l meter.Loudness
	if l.Prepare(0, 2) == nil || l.Prepare(48000, 0) == nil {
		t.Error("Prepare accepted a zero rate or channel count")
	}
}

// TestLoudnessUpdateRate checks that momentary and short-term loudness
// follow a rising tone with a new value every 10 ms (Tech 3341 asks for at
// least 10 Hz).
func TestLoudnessUpdateRate(t *testing.T) {
	const rate = 48000
	var segs []segment
	for k := range 200 {
		segs = append(segs, segment{-40 + 0.1*float64(k), 0.01})
	}
	l := newLoudness(t, rate, 2)
	feed(l, stereo(tones(rate, segment{-40, 3})), 480, nil)
	var changesM, changesS int
	prev := l.Read()
	feed(l, stereo(tones(rate, segs...)), 480, func(int) {
		r := l.Read()
		if r.MomentaryLUFS != prev.MomentaryLUFS {
			changesM++
		}
		if r.ShortTermLUFS != prev.ShortTermLUFS {
			changesS++
		}
		prev = r
	})
	if changesM < 199 || changesS < 199 {
		t.Errorf("over 200 periods of 10 ms: M changed %d times, S %d times; want every period", changesM, changesS)
	}
}

// TestLoudnessSurroundLayouts checks the BS.1770 channel weights: 5.0 is
// case 6 (above); in 5.1 the LFE is left out, however loud.
func TestLoudnessSurroundLayouts(t *testing.T) {
	for _, rate := range rates {
		lr := tones(rate, segment{-28, 10})
		c := tones(rate, segment{-24, 10})
		s := tones(rate, segment{-30, 10})
		lfe := tone(rate, 60, -3, 10, 0)
		l := newLoudness(t, rate, 6)
		feed(l, [][]float32{lr, lr, c, lfe, s, s}, 1024, nil)
		near(t, fmt.Sprintf("5.1 at %d Hz: I", rate), l.Read().IntegratedLUFS, -23, lufsTolerance)
		l = newLoudness(t, rate, 1)
		feed(l, [][]float32{tones(rate, segment{-20, 10})}, 1024, nil)
		near(t, fmt.Sprintf("mono at %d Hz: I", rate), l.Read().IntegratedLUFS, -23.01, lufsTolerance)
	}
}
