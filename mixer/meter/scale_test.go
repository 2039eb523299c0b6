package meter_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/meter"
)

func allScales() []meter.Scale {
	return []meter.Scale{
		meter.PeakScale(), meter.TruePeakScale(), meter.VUScale(),
		meter.PPMScale(meter.PPMTypeI), meter.PPMScale(meter.PPMTypeII),
		meter.KScale(meter.K20), meter.KScale(meter.K14), meter.KScale(meter.K12),
		meter.LoudnessScale(meter.DefaultTargetLUFS, false), meter.LoudnessScale(-14, true),
		meter.CorrelationScale(),
	}
}

// TestScalesAreMonotonic checks that every scale maps its range onto 0..1,
// its marks in increasing order and height, and off-scale readings
// (including silence, -Inf, and NaN) to its ends.
func TestScalesAreMonotonic(t *testing.T) {
	for _, s := range allScales() {
		if len(s.Marks) < 3 {
			t.Errorf("%s: %d marks", s.Name, len(s.Marks))
		}
		if d := s.Deflection(s.Min()); d != 0 {
			t.Errorf("%s: bottom at %.3f", s.Name, d)
		}
		if d := s.Deflection(s.Max()); math.Abs(d-1) > 1e-12 {
			t.Errorf("%s: top at %.3f", s.Name, d)
		}
		if s.Deflection(math.Inf(-1)) != 0 || s.Deflection(math.NaN()) != 0 || s.Deflection(math.Inf(1)) != 1 {
			t.Errorf("%s: off-scale values not pinned to the ends", s.Name)
		}
		prev := -1.0
		for _, m := range s.Marks {
			d := s.Deflection(m.Value)
			if d <= prev || d < 0 || d > 1 {
				t.Errorf("%s: mark %s at %.3f after %.3f", s.Name, m.Label, d, prev)
			}
			prev = d
		}
		for v := s.Min(); v < s.Max(); v += (s.Max() - s.Min()) / 997 {
			if s.Deflection(v+(s.Max()-s.Min())/997) < s.Deflection(v) {
				t.Errorf("%s: deflection falls after %.3f", s.Name, v)
				break
			}
		}
	}
}

// TestScaleValues pins marks whose height a standard fixes.
func TestScaleValues(t *testing.T) {
	vu := meter.VUScale()
	near(t, "0 VU deflection (voltage scale)", vu.Deflection(0), math.Pow(10, -3.0/20), 1e-12)
	near(t, "-10 VU deflection", vu.Deflection(-10), math.Pow(10, -13.0/20), 1e-12)
	ppm2 := meter.PPMScale(meter.PPMTypeII)
	near(t, "PPM II test level at mid-scale", ppm2.Deflection(0), 0.5, 1e-12)
	k20 := meter.KScale(meter.K20)
	near(t, "K-20 0 mark", k20.Deflection(0), 40.0/60, 1e-12)
	abs := meter.LoudnessScale(-23, false)
	rel := meter.LoudnessScale(-23, true)
	near(t, "-23 LUFS = 0 LU", abs.Deflection(-23), rel.Deflection(0), 1e-12)
	if abs.Unit != "LUFS" || rel.Unit != "LU" {
		t.Errorf("loudness units %q, %q", abs.Unit, rel.Unit)
	}
	if abs.Marks[6].Label != "-23" {
		t.Errorf("loudness mark 6 labelled %q, want -23", abs.Marks[6].Label)
	}
}
