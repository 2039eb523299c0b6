package dsp_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

func BenchmarkIsolatorStereo(b *testing.B) {
	const n = 256
	l, r := noise(n, 1), noise(n, 2)
	q := dsp.NewIsolator(250, 2500, rateHz)
	g := gains(n, 0.5, 1.5, 0.8)
	b.ReportAllocs()
	for b.Loop() {
		q.Process(l, r, g)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/frame")
}

func BenchmarkDJFilterStereo(b *testing.B) {
	const n = 256
	l, r := noise(n, 1), noise(n, 2)
	f := dsp.NewDJFilter(rateHz, 480)
	f.Set(-0.3, 0.5)
	b.ReportAllocs()
	for b.Loop() {
		f.Process(l, r)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/frame")
}

func BenchmarkLimiter(b *testing.B) {
	const n = 256
	l, r, ol, or := noise(n, 1), noise(n, 2), make([]float32, n), make([]float32, n)
	m := dsp.NewLimiter(rateHz, -1)
	b.ReportAllocs()
	for b.Loop() {
		m.Process(l, r, ol, or)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/frame")
}
