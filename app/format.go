package app

import (
	"math"
	"strconv"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
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

// unitFormat reads a knob of control p in its unit: "−12.0 dB", "50 ms".
func unitFormat(p mixer.Param) widgets.FormatFunc {
	info, _ := param.Lookup(p)
	if info.Unit == "ms" {
		return func(dst []byte, pos float64) []byte {
			dst = strconv.AppendInt(dst, int64(math.Round(float64(info.Value(pos)))), 10)
			return append(dst, " ms"...)
		}
	}
	return func(dst []byte, pos float64) []byte { return appendDB(dst, float64(info.Value(pos))) }
}

// formatTrim reads the trim knob in dB.
var formatTrim = unitFormat(mixer.ParamTrimDB)

// formatCeiling reads the limiter ceiling in dBFS.
func formatCeiling(dst []byte, pos float64) []byte {
	return append(ceilingFormat(dst, pos), "FS"...)
}

var ceilingFormat = unitFormat(mixer.ParamLimiterCeilingDB)
