package app

import (
	"math"
	"strconv"

	"github.com/linuxdj/linuxdj/mixer"
)

// The readout formats of the controls. Each appends to dst so a widget can
// reuse its buffer; they use the engine's own laws, so the number on screen
// is the gain the engine applies.

// appendDB appends "−3.5 dB", "+2.0 dB" or "−∞ dB".
func appendDB(dst []byte, db float64) []byte {
	switch {
	case math.IsInf(db, -1) || db < -120:
		return append(dst, "−∞ dB"...)
	case db < -0.05:
		dst = append(dst, "−"...)
		db = -db
	case db > 0.05:
		dst = append(dst, '+')
	default:
		db = 0
	}
	dst = strconv.AppendFloat(dst, db, 'f', 1, 64)
	return append(dst, " dB"...)
}

// formatPct shows a 0..1 knob (the filter's resonance) in percent.
func formatPct(dst []byte, pos float64) []byte { return appendPct(dst, pos) }

// appendPct appends a 0..1 fraction as a whole percentage.
func appendPct(dst []byte, f float64) []byte {
	dst = strconv.AppendInt(dst, int64(math.Round(100*f)), 10)
	return append(dst, '%')
}

func formatFaderDB(dst []byte, pos float64) []byte { return appendDB(dst, mixer.FaderDB(pos)) }
func formatEQ(dst []byte, pos float64) []byte      { return appendDB(dst, mixer.EQGainDB(pos)) }
func formatTrim(dst []byte, pos float64) []byte    { return appendDB(dst, trimDB(pos)) }

// formatFilter shows which filter the bipolar knob engages and how far.
func formatFilter(dst []byte, pos float64) []byte {
	v := 2*pos - 1
	switch {
	case v < -0.005:
		return appendPct(append(dst, "LP "...), -v)
	case v > 0.005:
		return appendPct(append(dst, "HP "...), v)
	}
	return append(dst, "OFF"...)
}

func formatPan(dst []byte, pos float64) []byte {
	v := 2*pos - 1
	switch {
	case v < -0.005:
		return appendPct(append(dst, "L "...), -v)
	case v > 0.005:
		return appendPct(append(dst, "R "...), v)
	}
	return append(dst, 'C')
}

// formatCueMix reads the headphone blend as "CUE 70%" .. "MST 70%".
func formatCueMix(dst []byte, pos float64) []byte {
	if pos < 0.5 {
		return appendPct(append(dst, "CUE "...), 1-pos)
	}
	return appendPct(append(dst, "MST "...), pos)
}

func formatCurve(dst []byte, pos float64) []byte {
	switch {
	case pos < 0.005:
		return append(dst, "SMOOTH"...)
	case pos > 0.995:
		return append(dst, "CUT"...)
	}
	return appendPct(dst, pos)
}

// Trim maps its knob linearly onto ±20 dB (ParamTrimDB's range).
const trimRangeDB = 20

func trimDB(pos float64) float64   { return trimRangeDB * (2*pos - 1) }
func trimPos(db float64) float64   { return (db/trimRangeDB + 1) / 2 }
func bipolar(pos float64) float64  { return 2*pos - 1 }
func bipolarPos(v float64) float64 { return (v + 1) / 2 }

// The limiter ceiling knob is linear in dB over the engine's range
// (ParamLimiterCeilingDB's).
const ceilingMinDB = -20

// The dB value is rounded to 0.01 dB, so a value the user typed in the
// state file survives the trip through the knob.
func ceilingDB(pos float64) float64 { return math.Round(100*ceilingMinDB*(1-pos)) / 100 }
func ceilingPos(db float64) float64 { return 1 - db/ceilingMinDB }

// formatCeiling shows the limiter ceiling in dBFS.
func formatCeiling(dst []byte, pos float64) []byte {
	dst = appendDB(dst, ceilingDB(pos))
	return append(dst, "FS"...)
}
