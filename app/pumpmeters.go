package app

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer"
)

// The meter pump's rules for the strips' mode meters, the master peak
// meter and the master loudness panel (see meterPump): how frames fold,
// and what change is worth a frame.

// absoluteGateLUFS is EBU R128's absolute gate: quieter blocks count as
// silence.
const absoluteGateLUFS = -70

// loudnessVisible is the smallest loudness change the panel prints (LU).
const loudnessVisible = 0.05

// foldMeterModes folds the mode meters, the master peak meter and the
// loudness panel of an undelivered frame (older) into the newer one in
// acc: bars and true peaks keep their maximum, the correlation its minimum.
func foldMeterModes(acc *mixer.MeterFrame, modes *[mixer.MaxChannels]mixer.ModeMeter, masterPeak *mixer.PeakMeter, loud *mixer.MasterLoudness) {
	for i := range acc.StripMode {
		m, o := &acc.StripMode[i], &modes[i]
		if m.Mode == o.Mode {
			m.LevelL, m.LevelR = max(m.LevelL, o.LevelL), max(m.LevelR, o.LevelR)
		}
	}
	mp := &acc.MasterPeak
	mp.LevelL, mp.LevelR = max(mp.LevelL, masterPeak.LevelL), max(mp.LevelR, masterPeak.LevelR)
	l := &acc.Loudness
	l.TruePeakDBTPL = max(l.TruePeakDBTPL, loud.TruePeakDBTPL)
	l.TruePeakDBTPR = max(l.TruePeakDBTPR, loud.TruePeakDBTPR)
	l.CorrelationMin = min(l.CorrelationMin, loud.CorrelationMin)
}

// meterModesDiffer reports whether a's mode meters, master peak meter or
// loudness panel would look different from b's.
func meterModesDiffer(a, b *mixer.MeterFrame) bool {
	for i := 0; i < a.Channels && i < len(a.StripMode); i++ {
		x, y := &a.StripMode[i], &b.StripMode[i]
		if x.Mode != y.Mode || x.Clip != y.Clip ||
			unitDiffers(x.LevelL, y.LevelL, pumpVisibleDB) || unitDiffers(x.LevelR, y.LevelR, pumpVisibleDB) ||
			unitDiffers(x.HoldL, y.HoldL, pumpVisibleDB) || unitDiffers(x.HoldR, y.HoldR, pumpVisibleDB) {
			return true
		}
	}
	p, q := &a.MasterPeak, &b.MasterPeak
	if unitDiffers(p.LevelL, q.LevelL, pumpVisibleDB) || unitDiffers(p.LevelR, q.LevelR, pumpVisibleDB) ||
		unitDiffers(p.HoldL, q.HoldL, pumpVisibleDB) || unitDiffers(p.HoldR, q.HoldR, pumpVisibleDB) {
		return true
	}
	x, y := &a.Loudness, &b.Loudness
	// The integration clock ticks every second even in silence; a window
	// that redrew for it alone would never rest. In silence (momentary
	// loudness under the R128 absolute gate) the clock's readout waits
	// for the next frame something else asks for.
	clockTicked := int(x.IntegrationSeconds) != int(y.IntegrationSeconds) && x.MomentaryLUFS > absoluteGateLUFS
	return x.On != y.On || x.Running != y.Running || clockTicked ||
		unitDiffers(x.MomentaryLUFS, y.MomentaryLUFS, loudnessVisible) ||
		unitDiffers(x.ShortTermLUFS, y.ShortTermLUFS, loudnessVisible) ||
		unitDiffers(x.IntegratedLUFS, y.IntegratedLUFS, loudnessVisible) ||
		unitDiffers(x.RangeLU, y.RangeLU, loudnessVisible) ||
		unitDiffers(x.MaxMomentaryLUFS, y.MaxMomentaryLUFS, loudnessVisible) ||
		unitDiffers(x.MaxShortTermLUFS, y.MaxShortTermLUFS, loudnessVisible) ||
		unitDiffers(x.MaxTruePeakDBTPL, y.MaxTruePeakDBTPL, loudnessVisible) ||
		unitDiffers(x.MaxTruePeakDBTPR, y.MaxTruePeakDBTPR, loudnessVisible) ||
		unitDiffers(x.Correlation, y.Correlation, 0.005)
}

// unitDiffers compares two readings in a meter's unit; no reading (±Inf,
// NaN) and anything below shownFloorDB look alike. The correlation
// minimum is left out: it is +Inf in frames that measured nothing, and
// the marker follows the correlation, which is compared.
func unitDiffers(a, b float32, visible float64) bool {
	return math.Abs(shownUnit(a)-shownUnit(b)) > visible
}

func shownUnit(v float32) float64 {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return shownFloorDB
	}
	return max(f, shownFloorDB)
}
