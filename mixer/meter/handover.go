package meter

// Continue makes l, freshly prepared (possibly for another sample rate),
// carry on the measurement of old, which must have the same channel count
// and is not used afterwards: the engine calls it when it swaps in a graph
// for a new sample rate, so a loudness integration survives the change.
//
// What carries over: the running state, the integrated loudness and
// loudness range (their gating histograms hold mean squares, which do not
// depend on the rate), the maximum momentary and short-term values, the
// integration time and the momentary and short-term windows (each 10 ms
// sub-block's energy rescaled to the new sub-block length). What restarts:
// the K-weighting filter state, whose coefficients belong to the new rate,
// and the sub-block in progress (at most 10 ms of signal).
//
// Continue moves old's histograms into l and l's into old rather than
// copying them, so it is real-time safe: no allocation, no lock, no system
// call.
func (l *Loudness) Continue(old *Loudness) {
	if old == nil || old == l || len(old.filters) != len(l.filters) {
		return
	}
	scale := float64(l.subBlockFrames) / float64(old.subBlockFrames)
	for i, e := range old.ring {
		l.ring[i] = e * scale
	}
	clear(l.filters)
	l.frameInSub, l.subEnergy = 0, 0
	l.ringPos, l.subBlocks = old.ringPos, old.subBlocks
	l.momentaryMean, l.shortTermMean = old.momentaryMean, old.shortTermMean
	l.running, l.runningSubBlocks = old.running, old.runningSubBlocks
	l.maxMomentaryMean, l.maxShortTermMean = old.maxMomentaryMean, old.maxShortTermMean
	l.gating, old.gating = old.gating, l.gating
	l.rangeBlocks, old.rangeBlocks = old.rangeBlocks, l.rangeBlocks
	l.rangeStep = old.rangeStep
	l.cacheValid = false
}
