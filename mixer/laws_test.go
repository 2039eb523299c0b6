package mixer_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

func near(a, b, tol float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= tol
}

func TestFaderLaw(t *testing.T) {
	for _, c := range []struct{ pos, db float64 }{
		{0, math.Inf(-1)},
		{0.075, -40},
		{0.1875, -24.082},
		{0.375, -12.041},
		{0.75, 0},
		{0.875, 3},
		{1, 6},
	} {
		if got := mixer.FaderDB(c.pos); !near(got, c.db, 0.01) {
			t.Errorf("FaderDB(%v) = %v, want %v", c.pos, got, c.db)
		}
		if got := mixer.FaderPos(c.db); !near(got, c.pos, 1e-4) {
			t.Errorf("FaderPos(%v) = %v, want %v", c.db, got, c.pos)
		}
	}
	if g := mixer.FaderGain(0.75); g != 1 {
		t.Errorf("FaderGain(0.75) = %v, want exactly 1", g)
	}
	// Monotonic over the whole travel, and the inverse round-trips.
	prev := math.Inf(-1)
	for i := 1; i <= 1000; i++ {
		pos := float64(i) / 1000
		db := mixer.FaderDB(pos)
		if !(db > prev) {
			t.Fatalf("FaderDB not increasing at %v: %v after %v", pos, db, prev)
		}
		prev = db
		if back := mixer.FaderPos(db); math.Abs(back-pos) > 1e-9 {
			t.Fatalf("FaderPos(FaderDB(%v)) = %v", pos, back)
		}
	}
	if mixer.FaderPos(20) != 1 || mixer.FaderPos(math.NaN()) != 0 {
		t.Error("FaderPos does not clamp")
	}
}

func TestEQLaw(t *testing.T) {
	for _, c := range []struct{ pos, db float64 }{
		{0, math.Inf(-1)},
		{0.05, -40},
		{0.25, -12.041},
		{0.5, 0},
		{0.75, 3},
		{1, 6},
	} {
		if got := mixer.EQGainDB(c.pos); !near(got, c.db, 0.01) {
			t.Errorf("EQGainDB(%v) = %v, want %v", c.pos, got, c.db)
		}
		if got := mixer.EQPos(c.db); !near(got, c.pos, 1e-4) {
			t.Errorf("EQPos(%v) = %v, want %v", c.db, got, c.pos)
		}
	}
	if g := mixer.EQGain(0.5); g != 1 {
		t.Errorf("EQGain(0.5) = %v, want exactly 1", g)
	}
}

func TestCrossfaderLaw(t *testing.T) {
	s8, c8 := math.Sin(math.Pi/8), math.Cos(math.Pi/8)
	h := math.Sqrt2 / 2
	type ab struct{ a, b float64 }
	for _, c := range []struct {
		curve float64
		want  [5]ab // at −1, −0.5, 0, 0.5, 1
	}{
		// Constant power: a = cos(π/2·x), b = sin(π/2·x).
		{0, [5]ab{{1, 0}, {c8, s8}, {h, h}, {s8, c8}, {0, 1}}},
		// Additive: full at the centre, a quarter sine over the outer half.
		{0.5, [5]ab{{1, 0}, {1, h}, {1, 1}, {h, 1}, {0, 1}}},
		// Scratch cut: full level everywhere but the very edge.
		{1, [5]ab{{1, 0}, {1, 1}, {1, 1}, {1, 1}, {0, 1}}},
	} {
		for i, pos := range []float64{-1, -0.5, 0, 0.5, 1} {
			a, b := mixer.CrossfaderGains(pos, c.curve, false)
			w := c.want[i]
			if !near(a, w.a, 1e-12) || !near(b, w.b, 1e-12) {
				t.Errorf("curve %v pos %v: a, b = %.4f, %.4f, want %.4f, %.4f", c.curve, pos, a, b, w.a, w.b)
			}
			ra, rb := mixer.CrossfaderGains(pos, c.curve, true)
			if ra != b || rb != a {
				t.Errorf("curve %v pos %v reversed: %v, %v, want %v, %v", c.curve, pos, ra, rb, b, a)
			}
		}
		// Constant power holds everywhere on curve 0.
		if c.curve == 0 {
			for pos := -1.0; pos <= 1; pos += 0.01 {
				a, b := mixer.CrossfaderGains(pos, 0, false)
				if math.Abs(a*a+b*b-1) > 1e-12 {
					t.Fatalf("curve 0 pos %v: a²+b² = %v", pos, a*a+b*b)
				}
			}
		}
	}
	// The scratch cut opens within the last 1/256 of the travel.
	if a, _ := mixer.CrossfaderGains(1-2.0/256, 1, false); a != 1 {
		t.Errorf("curve 1 just short of the edge: a = %v, want 1", a)
	}
}

func TestPanAndBalanceLaws(t *testing.T) {
	h := math.Sqrt2 / 2
	for _, c := range []struct{ pan, l, r float64 }{
		{-1, 1, 0}, {-0.5, math.Cos(math.Pi / 8), math.Sin(math.Pi / 8)}, {0, h, h}, {1, 0, 1},
	} {
		l, r := mixer.PanGains(c.pan)
		if !near(l, c.l, 1e-12) || !near(r, c.r, 1e-12) {
			t.Errorf("PanGains(%v) = %v, %v, want %v, %v", c.pan, l, r, c.l, c.r)
		}
		if math.Abs(l*l+r*r-1) > 1e-12 {
			t.Errorf("PanGains(%v) is not constant power", c.pan)
		}
	}
	for _, c := range []struct{ bal, l, r float64 }{
		{-1, 1, 0}, {-0.5, 1, h}, {0, 1, 1}, {0.5, h, 1}, {1, 0, 1},
	} {
		l, r := mixer.BalanceGains(c.bal)
		if !near(l, c.l, 1e-12) || !near(r, c.r, 1e-12) {
			t.Errorf("BalanceGains(%v) = %v, %v, want %v, %v", c.bal, l, r, c.l, c.r)
		}
	}
	if l, r := mixer.BalanceGains(0); l != 1 || r != 1 {
		t.Errorf("centred balance = %v, %v, want exactly 1, 1", l, r)
	}
}
