package meter_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/mixer/meter"
)

// TestProcessDoesNotAllocate proves every meter's block processing and
// read real-time safe: zero allocations per period, for a small and the
// largest period.
func TestProcessDoesNotAllocate(t *testing.T) {
	const rate = 48000
	sig := music(rate, 0.5, 1)
	var (
		peak   meter.Peak
		tp     meter.TruePeak
		vu     meter.VU
		ppm    meter.PPM
		k      meter.KMeter
		corr   meter.Correlation
		loud   meter.Loudness
		loud51 meter.Loudness
	)
	for _, err := range []error{
		peak.Prepare(rate), tp.Prepare(rate), vu.Prepare(rate), ppm.Prepare(rate, meter.PPMTypeII),
		k.Prepare(rate, meter.K14), corr.Prepare(rate), loud.Prepare(rate, 2), loud51.Prepare(rate, 6),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	six := [][]float32{sig[0], sig[1], sig[0], sig[1], sig[0], sig[1]}
	for _, frames := range []int{64, meter.MaxBlockFrames} {
		l, r := sig[0][:frames], sig[1][:frames]
		stereoBlock := [][]float32{l, r}
		sixBlock := make([][]float32, 6)
		for c := range six {
			sixBlock[c] = six[c][:frames]
		}
		for name, period := range map[string]func(){
			"Peak":        func() { peak.Process(l); _ = peak.Read() },
			"TruePeak":    func() { tp.Process(l); _ = tp.Read() },
			"VU":          func() { vu.Process(l); _ = vu.Read() },
			"PPM":         func() { ppm.Process(l); _ = ppm.Read() },
			"KMeter":      func() { k.Process(l); _ = k.Read() },
			"Correlation": func() { corr.Process(l, r); _ = corr.Read() },
			"Loudness":    func() { loud.Process(stereoBlock); _ = loud.Read() },
			"Loudness6":   func() { loud51.Process(sixBlock); _ = loud51.Read() },
		} {
			if n := testing.AllocsPerRun(200, period); n != 0 {
				t.Errorf("%s with %d frames: %.1f allocations per period, want 0", name, frames, n)
			}
		}
	}
}
