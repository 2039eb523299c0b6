package meter_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/meter"
)

// readEvery runs samples through process in blocks of blockFrames and
// returns the value read after each block.
func readEvery(samples []float32, blockFrames int, process func([]float32), read func() float64) []float64 {
	var out []float64
	for start := 0; start < len(samples); start += blockFrames {
		process(samples[start:min(start+blockFrames, len(samples))])
		out = append(out, read())
	}
	return out
}

// firstIndex returns the first i with ok(v[i]), or -1.
func firstIndex(v []float64, ok func(float64) bool) int {
	for i, x := range v {
		if ok(x) {
			return i
		}
	}
	return -1
}

// TestPeakBallistics checks IEC 60268-18: instant rise, 1 s hold, a fall
// of 20 dB in 1.7 s, and the latching clip indicator.
func TestPeakBallistics(t *testing.T) {
	const rate = 48000
	var p meter.Peak
	if err := p.Prepare(rate); err != nil {
		t.Fatal(err)
	}
	click := make([]float32, 1)
	click[0] = 0.5
	p.Process(click)
	r := p.Read()
	near(t, "level after one sample", r.LevelDBFS, -6.02, 0.01)
	near(t, "max since read", r.MaxDBFS, -6.02, 0.01)
	if r.Clip {
		t.Error("clip at -6 dBFS")
	}
	// 10 ms blocks of silence: bar falls from the start, hold stays 1 s.
	levels := readEvery(silence(rate, 3), rate/100, p.Process, func() float64 { return p.Read().LevelDBFS })
	near(t, "bar after 1.7 s", levels[169], -6.02-20, 0.2)
	p.Reset()
	p.Process(click)
	holds := readEvery(silence(rate, 2), rate/100, p.Process, func() float64 { return p.Read().HoldDBFS })
	near(t, "hold after 0.99 s", holds[98], -6.02, 0.01)
	if holds[102] > -6.5 {
		t.Errorf("hold after 1.03 s = %.2f dBFS, want it released", holds[102])
	}
	p.SetClipThresholdDBFS(-1)
	p.Process([]float32{0.95}) // -0.45 dBFS
	p.Process(silence(rate, 1))
	if !p.Read().Clip {
		t.Error("clip at -0.45 dBFS with a -1 dBFS threshold did not latch")
	}
	p.ClearClip()
	if p.Read().Clip {
		t.Error("ClearClip left the indicator on")
	}
	p.Process([]float32{float32(math.NaN()), float32(math.Inf(1))})
	if r := p.Read(); r.Clip || !math.IsInf(r.MaxDBFS, -1) {
		t.Errorf("NaN/Inf samples read as %+v, want silence", r)
	}
}

// TestPeakFallsToZeroNotSubnormal: a bar left falling in silence reaches
// exact silence without passing through subnormal numbers, which cost a
// hundred times a plain multiply on x86 for every sample of every meter.
func TestPeakFallsToZeroNotSubnormal(t *testing.T) {
	const rate = 48000
	var p meter.Peak
	if err := p.Prepare(rate); err != nil {
		t.Fatal(err)
	}
	p.Process([]float32{1})
	quiet := silence(rate, 0.01)
	minNormalDB := 20 * math.Log10(0x1p-126) // the smallest normal float32
	for i := range 9000 {                    // 90 s: the bar falls 1060 dB
		p.Process(quiet)
		r := p.Read()
		for _, db := range []float64{r.LevelDBFS, r.HoldDBFS} {
			if db < minNormalDB && !math.IsInf(db, -1) {
				t.Fatalf("after %.2f s of silence the meter holds a subnormal level, %.1f dBFS", float64(i+1)/100, db)
			}
		}
	}
	if r := p.Read(); !math.IsInf(r.LevelDBFS, -1) {
		t.Errorf("after 90 s of silence the bar reads %v dBFS, want −Inf", r.LevelDBFS)
	}
}

// TestVUBallistics checks IEC 60268-17: a suddenly applied steady tone at
// the reference level reaches 99 % of its reading in 300 ms (±10 %),
// overshoots by 1 to 1.5 %, and settles at 0 VU.
func TestVUBallistics(t *testing.T) {
	for _, rate := range rates {
		var v meter.VU
		if err := v.Prepare(rate); err != nil {
			t.Fatal(err)
		}
		sig := tone(rate, 1000, meter.DefaultVUReferenceDBFS, 3, 0)
		block := rate / 1000 // 1 ms
		vu := readEvery(sig, block, v.Process, func() float64 { return v.Read().VU })
		near(t, "steady reading", vu[len(vu)-1], 0, 0.05)
		rise := firstIndex(vu, func(x float64) bool { return math.Pow(10, x/20) >= 0.99 })
		near(t, "time to 99 % (ms)", float64(rise+1), 300, 30)
		peak := math.Inf(-1)
		for _, x := range vu {
			peak = max(peak, x)
		}
		overshoot := math.Pow(10, peak/20) - 1
		if overshoot < 0.01 || overshoot > 0.015 {
			t.Errorf("%d Hz: overshoot %.2f %%, want 1 to 1.5 %%", rate, overshoot*100)
		}
	}
	var v meter.VU
	if err := v.Prepare(48000); err != nil {
		t.Fatal(err)
	}
	v.SetReferenceDBFS(-20)
	v.Process(tone(48000, 1000, -20, 2, 0))
	near(t, "0 VU at a -20 dBFS reference", v.Read().VU, 0, 0.05)
}

// TestPPMBallistics checks IEC 60268-10 on 5 kHz tone bursts: Type I reads
// a 10 ms burst 1 dB low and falls 20 dB in 1.5 s; Type II reads it 2.5 dB
// low and falls 24 dB in 2.8 s. Both read a steady tone at its level
// relative to their 0 (-9 dBFS for Type I, -18 dBFS for Type II).
func TestPPMBallistics(t *testing.T) {
	cases := []struct {
		kind                             meter.PPMType
		zeroDBFS, burstDB, fallDB, fallS float64
	}{
		{meter.PPMTypeI, -9, -1, 20, 1.5},
		{meter.PPMTypeII, -18, -2.5, 24, 2.8},
	}
	for _, rate := range rates {
		for _, tc := range cases {
			var p meter.PPM
			if err := p.Prepare(rate, tc.kind); err != nil {
				t.Fatal(err)
			}
			p.Process(tone(rate, meter.PPMBurstToneHz, tc.zeroDBFS, 1, 0))
			steady := p.Read().LevelDB
			near(t, "steady tone at 0", steady, 0, 0.3)
			p.Reset()
			p.Process(tone(rate, meter.PPMBurstToneHz, tc.zeroDBFS, 0.010, 0))
			burst := p.Read().MaxDB
			near(t, "10 ms burst", burst-steady, tc.burstDB, 0.5)
			p.Reset()
			p.Process(tone(rate, meter.PPMBurstToneHz, tc.zeroDBFS, 1, 0))
			start := p.Read().LevelDB
			levels := readEvery(silence(rate, tc.fallS+1), rate/100, p.Process, func() float64 { return p.Read().LevelDB })
			fall := firstIndex(levels, func(x float64) bool { return x <= start-tc.fallDB })
			near(t, "fall time (s)", float64(fall+1)/100, tc.fallS, tc.fallS*0.1)
		}
	}
	var p meter.PPM
	if p.Prepare(48000, meter.PPMType(9)) == nil {
		t.Error("Prepare accepted an unknown PPM type")
	}
}

// TestKMeterBallistics checks the K-system: a sine at the 0 mark reads 0
// (sine calibrated RMS), its RMS reaches 99 % in 600 ms, and the three
// scales are 20, 14 and 12 dB below full scale.
func TestKMeterBallistics(t *testing.T) {
	for _, kt := range []meter.KType{meter.K20, meter.K14, meter.K12} {
		var k meter.KMeter
		if err := k.Prepare(48000, kt); err != nil {
			t.Fatal(err)
		}
		sig := tone(48000, 1000, -float64(kt), 3, 0)
		levels := readEvery(sig, 48, k.Process, func() float64 { return k.Read().LevelK })
		near(t, "steady sine at the 0 mark", levels[len(levels)-1], 0, 0.05)
		rise := firstIndex(levels, func(x float64) bool { return math.Pow(10, x/20) >= 0.99 })
		near(t, "time to 99 % (ms)", float64(rise+1), 600, 30)
	}
	var k meter.KMeter
	if k.Prepare(48000, meter.KType(10)) == nil {
		t.Error("Prepare accepted K-10")
	}
}

// TestCorrelation checks mono (+1), inverted (-1), unrelated (about 0),
// silence (0) and the ~300 ms integration: after a switch from +1 to -1
// material the reading crosses 0 at tau·ln 2 ≈ 208 ms.
func TestCorrelation(t *testing.T) {
	const rate = 48000
	var c meter.Correlation
	if err := c.Prepare(rate); err != nil {
		t.Fatal(err)
	}
	sig := noise(rate, 2, -20, 1)
	inv := make([]float32, len(sig))
	for i, x := range sig {
		inv[i] = -x
	}
	c.Process(sig, sig)
	near(t, "mono", c.Read().Correlation, 1, 1e-6)
	c.Reset()
	c.Process(sig, sig)
	var crossMs int
	for i := 0; i < 2000; i++ {
		c.Process(sig[i*48:(i+1)*48], inv[i*48:(i+1)*48])
		if c.Read().Correlation <= 0 {
			crossMs = i + 1
			break
		}
	}
	near(t, "zero crossing after switching to anti-phase (ms)", float64(crossMs), 208, 15)
	c.Process(sig, inv)
	r := c.Read()
	near(t, "anti-phase", r.Correlation, -1, 0.01)
	c.Reset()
	c.Process(sig, noise(rate, 2, -20, 2))
	near(t, "unrelated noise", c.Read().Correlation, 0, 0.1)
	c.Reset()
	c.Process(silence(rate, 1), silence(rate, 1))
	near(t, "silence", c.Read().Correlation, 0, 0)
	c.Process(sig, sig)
	c.Process(sig, inv)
	if r := c.Read(); r.Min > -0.99 {
		t.Errorf("min since read %.2f, want the anti-phase block's -1", r.Min)
	}
}
