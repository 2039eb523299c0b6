package meter_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/mixer/meter"
)

// BenchmarkMeters measures each meter's cost on the audio thread, in ns
// per frame of one channel (per stereo frame for Loudness and
// Correlation), over 1024-frame periods of 48 kHz music with a Read per
// period, as the engine will run them.
func BenchmarkMeters(b *testing.B) {
	const rate, period = 48000, 1024
	sig := music(rate, 10, 2)
	frames := len(sig[0]) / period * period
	var (
		peak meter.Peak
		tp   meter.TruePeak
		vu   meter.VU
		ppm  meter.PPM
		k    meter.KMeter
		corr meter.Correlation
		loud meter.Loudness
	)
	for _, err := range []error{peak.Prepare(rate), tp.Prepare(rate), vu.Prepare(rate),
		ppm.Prepare(rate, meter.PPMTypeI), k.Prepare(rate, meter.K20), corr.Prepare(rate), loud.Prepare(rate, 2)} {
		if err != nil {
			b.Fatal(err)
		}
	}
	view := make([][]float32, 2)
	for _, m := range []struct {
		name   string
		period func(l, r []float32)
	}{
		{"Peak", func(l, _ []float32) { peak.Process(l); _ = peak.Read() }},
		{"TruePeak", func(l, _ []float32) { tp.Process(l); _ = tp.Read() }},
		{"VU", func(l, _ []float32) { vu.Process(l); _ = vu.Read() }},
		{"PPM", func(l, _ []float32) { ppm.Process(l); _ = ppm.Read() }},
		{"KMeter", func(l, _ []float32) { k.Process(l); _ = k.Read() }},
		{"Correlation", func(l, r []float32) { corr.Process(l, r); _ = corr.Read() }},
		{"Loudness", func(l, r []float32) { view[0], view[1] = l, r; loud.Process(view); _ = loud.Read() }},
	} {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for start := 0; start < frames; start += period {
					m.period(sig[0][start:start+period], sig[1][start:start+period])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(frames), "ns/frame")
		})
	}
}
