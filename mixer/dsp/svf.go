package dsp

import "math"

// SVFCoef holds the coefficients of one trapezoidal state-variable filter
// section (Zavalishin's TPT form, as Simper writes it): g = tan(π·fc/fs),
// k = 1/Q, a1 = 1/(1 + g(g + k)), a2 = g·a1, a3 = g·a2.
type SVFCoef struct {
	a1, a2, a3, k float32
}

// NewSVFCoef computes the coefficients for cutoff cutoffHz and quality q at
// sampleRateHz. The cutoff is kept below 0.49·fs, where tan still behaves.
func NewSVFCoef(cutoffHz, q, sampleRateHz float64) SVFCoef {
	return svfCoefFromG(math.Tan(math.Pi*clampCutoff(cutoffHz, sampleRateHz)/sampleRateHz), 1/q)
}

// clampCutoff is real-time safe: no allocation, no lock, no system call.
func clampCutoff(cutoffHz, sampleRateHz float64) float64 {
	return math.Max(1, math.Min(cutoffHz, 0.49*sampleRateHz))
}

// svfCoefFromG is real-time safe: no allocation, no lock, no system call.
func svfCoefFromG(g, k float64) SVFCoef {
	a1 := 1 / (1 + g*(g+k))
	a2 := g * a1
	return SVFCoef{a1: float32(a1), a2: float32(a2), a3: float32(g * a2), k: float32(k)}
}

// SVF is the state of one state-variable filter section: the memories of
// its two trapezoidal integrators.
type SVF struct {
	ic1, ic2 float32
}

// Tick filters one sample and returns the low-pass and band-pass outputs.
// The high-pass is x − k·bp − lp and the all-pass x − 2k·bp.
//
// Tick is real-time safe: no allocation, no lock, no system call.
func (s *SVF) Tick(c *SVFCoef, x float32) (lp, bp float32) {
	v3 := x - s.ic2
	v1 := c.a1*s.ic1 + c.a2*v3
	v2 := s.ic2 + c.a2*s.ic1 + c.a3*v3
	s.ic1 = 2*v1 - s.ic1
	s.ic2 = 2*v2 - s.ic2
	return v2, v1
}

// Flush sets state below the denormal floor to zero.
//
// Flush is real-time safe: no allocation, no lock, no system call.
func (s *SVF) Flush() {
	s.ic1 = Flush(s.ic1)
	s.ic2 = Flush(s.ic2)
}
