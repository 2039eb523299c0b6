package mixer

import "math"

// The laws below turn control positions into gains. The engine and the GUI
// both call them, so a readout always shows what the audio does.

// faderUnityPos is where a fader reads 0 dB: three quarters of the travel.
const faderUnityPos = 0.75

// FaderDB is the channel, master, booth and phones fader law: position
// 0..1 to dB.
//
// Below unity the gain is a square law, gain = (pos/0.75)², so
// dB = 40·log10(pos/0.75): −6 dB at 0.53, −12 dB at 0.375, −24 dB at 0.19,
// −40 dB at 0.075 and −∞ at 0. Above unity it is linear in dB,
// dB = 24·(pos − 0.75): +3 dB at 0.875 and +6 dB at the top. The two halves
// meet at 0 dB with almost the same slope (23.2 and 24 dB per unit of
// travel), so the fader feels even through its working range.
func FaderDB(pos float64) float64 {
	return linearToDB(FaderGain(pos))
}

// FaderGain is FaderDB as a linear gain; it is exactly 1 at 0.75.
//
// FaderGain is real-time safe: no allocation, no lock, no system call.
func FaderGain(pos float64) float64 {
	switch {
	case !(pos > 0): // also NaN
		return 0
	case pos <= faderUnityPos:
		r := pos / faderUnityPos
		return r * r
	default:
		return math.Pow(10, 24*(math.Min(pos, 1)-faderUnityPos)/20)
	}
}

// FaderPos is the inverse of FaderDB: the position that gives db, clamped
// to the travel (−∞ → 0, above +6 dB → 1).
func FaderPos(db float64) float64 {
	switch {
	case math.IsNaN(db) || db <= -math.MaxFloat64:
		return 0
	case db <= 0:
		return faderUnityPos * math.Pow(10, db/40)
	default:
		return math.Min(1, faderUnityPos+db/24)
	}
}

// EQGainDB is the isolator knob law: position 0..1 to dB, with unity at
// the centre. Below it, gain = (2·pos)², dB = 40·log10(2·pos): −12 dB at
// 0.25, −24 dB at 0.125, −40 dB at 0.05, −∞ at 0. Above it, linear in dB,
// dB = 12·(pos − 0.5): +3 dB at 0.75, +6 dB at 1.
func EQGainDB(pos float64) float64 {
	return linearToDB(EQGain(pos))
}

// EQGain is EQGainDB as a linear gain; it is exactly 1 at 0.5.
//
// EQGain is real-time safe: no allocation, no lock, no system call.
func EQGain(pos float64) float64 {
	switch {
	case !(pos > 0):
		return 0
	case pos <= 0.5:
		r := 2 * pos
		return r * r
	default:
		return math.Pow(10, 12*(math.Min(pos, 1)-0.5)/20)
	}
}

// EQPos is the inverse of EQGainDB, clamped to 0..1.
func EQPos(db float64) float64 {
	switch {
	case math.IsNaN(db) || db <= -math.MaxFloat64:
		return 0
	case db <= 0:
		return 0.5 * math.Pow(10, db/40)
	default:
		return math.Min(1, 0.5+db/12)
	}
}

// CrossfaderGains is the crossfader law: the gains of the A and B sides at
// position pos (−1 = all A .. +1 = all B) for curve 0..1. reverse swaps the
// sides (hamster switch).
//
// With x = (pos + 1)/2 the share of travel towards B, and a slope k set by
// the curve, the one formula for every curve is
//
//		a = sin(π/2 · min(1, k·(1 − x)))
//		b = sin(π/2 · min(1, k·x))
//
//	  - curve 0, k = 1: a = cos(π/2·x), b = sin(π/2·x), constant power,
//	    a² + b² = 1, each side −3 dB at the centre (smooth blend);
//	  - curve 0.5, k = 2: additive, each side 0 dB at the centre, fading
//	    along a quarter sine over the outer half of the travel;
//	  - curve 1, k = 256: a sharp scratch cut: each side is at full level
//	    until the fader is within 1/256 of the far edge.
//
// Between those points k = 2^(2·curve) for curve ≤ 0.5 and
// k = 2^(1 + 14·(curve − 0.5)) above, so the knob's lower half blends from
// constant power to additive and its upper half sharpens the cut.
// The mixer's default curve is 0.5 (additive): at the centre both decks
// play at full level, as on a club mixer's middle setting.
//
// CrossfaderGains is real-time safe: no allocation, no lock, no system call.
func CrossfaderGains(pos, curve float64, reverse bool) (a, b float64) {
	if math.IsNaN(pos) {
		pos = 0
	}
	if math.IsNaN(curve) {
		curve = DefaultCrossfaderCurve
	}
	pos = math.Max(-1, math.Min(1, pos))
	curve = math.Max(0, math.Min(1, curve))
	if reverse {
		pos = -pos
	}
	x := (pos + 1) / 2
	var k float64
	if curve <= 0.5 {
		k = math.Exp2(2 * curve)
	} else {
		k = math.Exp2(1 + 14*(curve-0.5))
	}
	return quarterSine(k * (1 - x)), quarterSine(k * x)
}

// DefaultCrossfaderCurve is the additive curve; see CrossfaderGains.
const DefaultCrossfaderCurve = 0.5

// quarterSine is sin(π/2·min(1, t)) for t ≥ 0, exact at both ends.
//
// quarterSine is real-time safe: no allocation, no lock, no system call.
func quarterSine(t float64) float64 {
	switch {
	case t >= 1:
		return 1
	case t <= 0:
		return 0
	}
	return math.Sin(math.Pi / 2 * t)
}

// PanGains is the pan law of a mono channel, pan −1 (left) .. +1 (right):
// constant power, l = cos(π/4·(pan + 1)), r = sin(π/4·(pan + 1)), so the
// centre is −3 dB on each side and the loudness stays the same across the
// stereo field.
//
// A stereo channel has no pan but a balance; see BalanceGains.
//
// PanGains is real-time safe: no allocation, no lock, no system call.
func PanGains(pan float64) (l, r float64) {
	if math.IsNaN(pan) {
		pan = 0
	}
	t := (math.Max(-1, math.Min(1, pan)) + 1) / 2
	return quarterSine(1 - t), quarterSine(t)
}

// BalanceGains is the balance law of a stereo channel and of the master,
// balance −1..+1: the side turned towards stays at exactly 1, the other
// falls as cos(π/2·|balance|): −3 dB at ±0.5, silent at ±1. At the centre
// both are exactly 1, so a centred balance is bit-transparent.
//
// BalanceGains is real-time safe: no allocation, no lock, no system call.
func BalanceGains(balance float64) (l, r float64) {
	if math.IsNaN(balance) {
		return 1, 1
	}
	balance = math.Max(-1, math.Min(1, balance))
	if balance < 0 {
		return 1, quarterSine(1 + balance)
	}
	return quarterSine(1 - balance), 1
}

// linearToDB converts a gain to dB, with −Inf for 0.
func linearToDB(g float64) float64 {
	if g <= 0 {
		return math.Inf(-1)
	}
	return 20 * math.Log10(g)
}
