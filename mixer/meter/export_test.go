package meter

// KWeighting exposes the filter design to the external tests.
func KWeighting(sampleRateHz int) (shelf, highPass [5]float64) {
	s, h := kWeighting(sampleRateHz)
	return [5]float64{s.b0, s.b1, s.b2, s.a1, s.a2}, [5]float64{h.b0, h.b1, h.b2, h.a1, h.a2}
}

// SetRangeStepSubBlocks changes how often a short-term value enters the
// loudness range: 10 (10 Hz, Tech 3342) or 100 (1 Hz, as libebur128 does).
func (l *Loudness) SetRangeStepSubBlocks(n int64) { l.rangeStep = n }

// Interpolate exposes the true-peak interpolator to the external tests.
func Interpolate(w *[12]float32) [4]float32 {
	y0, y1, y2, y3 := interpolate(w)
	return [4]float32{y0, y1, y2, y3}
}
