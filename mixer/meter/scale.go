package meter

import (
	"fmt"
	"math"
)

// Mark is one labelled graduation of a meter scale.
type Mark struct {
	Value float64 // in the scale's unit
	Label string
}

// knot pins a scale value to a deflection; between knots the deflection is
// linear in the value.
type knot struct{ value, deflection float64 }

// Scale is the face of a meter: its marks and the mapping from a reading
// (in the unit of the matching meter's Read) to a deflection from 0 (bottom)
// to 1 (top). Scales are built once, off the audio thread.
type Scale struct {
	Name  string
	Unit  string
	Marks []Mark
	knots []knot // increasing in value and deflection
}

// Deflection maps value to 0..1; values off the scale (including -Inf)
// stick to its ends, NaN reads 0. It allocates nothing.
func (s Scale) Deflection(value float64) float64 {
	if len(s.knots) < 2 || math.IsNaN(value) || value <= s.knots[0].value {
		return 0
	}
	for i := 1; i < len(s.knots); i++ {
		a, b := s.knots[i-1], s.knots[i]
		if value <= b.value {
			return a.deflection + (value-a.value)/(b.value-a.value)*(b.deflection-a.deflection)
		}
	}
	return 1
}

// Min is the value at the bottom of the scale.
func (s Scale) Min() float64 { return s.knots[0].value }

// Max is the value at the top of the scale.
func (s Scale) Max() float64 { return s.knots[len(s.knots)-1].value }

// linearScale is linear in its unit from lo to hi, with a mark every step.
func linearScale(name, unit string, lo, hi, step float64) Scale {
	s := Scale{Name: name, Unit: unit, knots: []knot{{lo, 0}, {hi, 1}}}
	for v := lo; v <= hi+step/1e6; v += step {
		s.Marks = append(s.Marks, Mark{Value: v, Label: markLabel(v)})
	}
	return s
}

// knotScale places marks at fixed deflections, linear between them.
func knotScale(name, unit string, knots []knot) Scale {
	s := Scale{Name: name, Unit: unit, knots: knots}
	for _, k := range knots {
		s.Marks = append(s.Marks, Mark{Value: k.value, Label: markLabel(k.value)})
	}
	return s
}

func markLabel(v float64) string {
	if v > 0 {
		return fmt.Sprintf("+%g", v)
	}
	return fmt.Sprintf("%g", v)
}

// PeakScale is the IEC 60268-18 digital peak scale in dBFS: the span near
// full scale, where clipping decisions are made, is expanded.
func PeakScale() Scale {
	return knotScale("Peak", "dBFS", []knot{
		{-60, 0}, {-50, 0.05}, {-40, 0.12}, {-30, 0.22}, {-20, 0.38},
		{-15, 0.48}, {-10, 0.60}, {-6, 0.72}, {-3, 0.84}, {0, 1},
	})
}

// TruePeakScale is the dBTP scale of a true-peak meter, which can read
// above full scale.
func TruePeakScale() Scale {
	return knotScale("True peak", "dBTP", []knot{
		{-60, 0}, {-40, 0.12}, {-30, 0.22}, {-20, 0.38}, {-10, 0.60},
		{-6, 0.70}, {-3, 0.80}, {-1, 0.88}, {0, 0.92}, {3, 1},
	})
}

// VUScale is the classic VU face from -20 to +3 VU. A VU needle moves in
// proportion to the rectified voltage, so each mark sits at the deflection
// of its voltage: 0 VU at 71 % of full travel.
func VUScale() Scale {
	values := []float64{-20, -10, -7, -5, -3, -2, -1, 0, 1, 2, 3}
	knots := make([]knot, len(values))
	for i, v := range values {
		knots[i] = knot{v, math.Pow(10, (v-3)/20)}
	}
	knots[0].deflection = 0 // the needle's rest sits just below -20 VU
	return knotScale("VU", "VU", knots)
}

// PPMScale is the face of a PPM of meterType: for Type I the DIN 45406
// scale from -50 to +5 dB (0 dB = -9 dBFS), expanded towards the top; for
// Type II the EBU scale from -12 to +12 dB around the alignment level
// (0 = TEST = -18 dBFS), linear in dB.
func PPMScale(meterType PPMType) Scale {
	if meterType == PPMTypeII {
		return linearScale("PPM Type II (EBU)", "dB", -12, 12, 2)
	}
	return knotScale("PPM Type I (DIN)", "dB", []knot{
		{-50, 0}, {-40, 0.08}, {-30, 0.20}, {-20, 0.36}, {-10, 0.58},
		{-5, 0.74}, {0, 0.90}, {5, 1},
	})
}

// KScale is the face of a K-system meter, in dB relative to its 0 mark,
// linear in dB from 40 dB below to the top of the headroom (+20 on K-20).
func KScale(kType KType) Scale {
	return linearScale(fmt.Sprintf("K-%d", int(kType)), "dB", -40, float64(kType), 4)
}

// LoudnessScale is the EBU R128 loudness scale. With relative false it is
// in LUFS from target-18 to target+9 (the EBU +9 scale); with relative true
// the same span is labelled in LU around 0 = target.
func LoudnessScale(targetLUFS float64, relative bool) Scale {
	s := linearScale("Loudness", "LU", -18, 9, 3)
	if relative {
		return s
	}
	s.Unit = "LUFS"
	for i := range s.knots {
		s.knots[i].value += targetLUFS
	}
	for i := range s.Marks {
		s.Marks[i].Value += targetLUFS
		s.Marks[i].Label = markLabel(s.Marks[i].Value)
	}
	return s
}

// CorrelationScale is the phase correlation scale from -1 to +1.
func CorrelationScale() Scale { return linearScale("Correlation", "", -1, 1, 0.5) }
