package dsp_test

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

const rateHz = 48000

// gains returns isolator gains of n frames, wet, with the given band gains.
func gains(n int, low, mid, high float32) dsp.IsolatorGains {
	g := dsp.IsolatorGains{Low: make([]float32, n), Mid: make([]float32, n), High: make([]float32, n), Wet: make([]float32, n)}
	for i := range n {
		g.Low[i], g.Mid[i], g.High[i], g.Wet[i] = low, mid, high, 1
	}
	return g
}

// responseDB is the magnitude of the impulse response ir at hz.
func responseDB(ir []float32, hz float64) float64 {
	var sum complex128
	w := -2 * math.Pi * hz / rateHz
	for n, x := range ir {
		sum += complex(float64(x), 0) * cmplx.Exp(complex(0, w*float64(n)))
	}
	return 20 * math.Log10(cmplx.Abs(sum))
}

func TestIsolatorFlatAtUnity(t *testing.T) {
	const n = 1 << 16
	q := dsp.NewIsolator(250, 2500, rateHz)
	l := make([]float32, n)
	r := make([]float32, n)
	l[0], r[0] = 1, 1
	q.Process(l, r, gains(n, 1, 1, 1))
	worst := 0.0
	for hz := 20.0; hz <= 20000; hz *= math.Pow(2, 1.0/12) {
		db := responseDB(l, hz)
		if math.Abs(db) > math.Abs(worst) {
			worst = db
		}
		if math.Abs(db) > 0.1 {
			t.Errorf("%.0f Hz: %+.4f dB, want within ±0.1 dB", hz, db)
		}
	}
	t.Logf("largest deviation 20 Hz–20 kHz: %+.5f dB", worst)
	for i := range l {
		if l[i] != r[i] {
			t.Fatalf("left and right differ at %d: %v, %v", i, l[i], r[i])
		}
	}
}

// sineRMS runs a sine of hz through the isolator with the given band gains
// for two seconds and returns the output RMS over the last second relative
// to the input's, in dB.
func sineGainDB(t *testing.T, hz float64, low, mid, high float32) float64 {
	t.Helper()
	const n = 2 * rateHz
	q := dsp.NewIsolator(250, 2500, rateHz)
	l := make([]float32, n)
	for i := range l {
		l[i] = float32(math.Sin(2 * math.Pi * hz * float64(i) / rateHz))
	}
	q.Process(l, nil, gains(n, low, mid, high))
	var sum float64
	for _, x := range l[n/2:] {
		sum += float64(x) * float64(x)
	}
	return 10 * math.Log10(sum/float64(n/2)/0.5)
}

func TestIsolatorKillDepth(t *testing.T) {
	for _, c := range []struct {
		band           string
		hz             float64
		low, mid, high float32
	}{
		{"low", 60, 0, 1, 1},
		{"mid", 800, 1, 0, 1},
		{"high", 8000, 1, 1, 0},
	} {
		db := sineGainDB(t, c.hz, c.low, c.mid, c.high)
		t.Logf("%s killed, %.0f Hz: %.1f dB", c.band, c.hz, db)
		if db > -40 {
			t.Errorf("%s killed: a %.0f Hz sine is at %.1f dB, want ≤ −40 dB", c.band, c.hz, db)
		}
		// The other bands at that frequency must pass: the kill is not a mute.
		if db := sineGainDB(t, c.hz, 1, 1, 1); math.Abs(db) > 0.1 {
			t.Errorf("%.0f Hz at unity: %.2f dB, want 0", c.hz, db)
		}
	}
}

func TestIsolatorBoostIsSixDB(t *testing.T) {
	// +6 dB on the mid band lifts a mid-band sine by 6 dB.
	db := sineGainDB(t, 800, 1, 2, 1)
	if math.Abs(db-6.02) > 0.1 {
		t.Errorf("mid ×2 at 800 Hz: %.2f dB, want +6.02", db)
	}
}

// TestIsolatorSteadyMatchesProcess: the fixed-gain fast path computes the
// same samples as the general one.
func TestIsolatorSteadyMatchesProcess(t *testing.T) {
	const n = 4096
	a, b := dsp.NewIsolator(250, 2500, rateHz), dsp.NewIsolator(250, 2500, rateHz)
	l1, r1 := noise(n, 5), noise(n, 6)
	l2, r2 := append([]float32(nil), l1...), append([]float32(nil), r1...)
	a.Process(l1, r1, gains(n, 0.3, 1.7, 0))
	b.ProcessSteady(l2, r2, 0.3, 1.7, 0)
	for i := range l1 {
		if math.Abs(float64(l1[i]-l2[i])) > 1e-6 || math.Abs(float64(r1[i]-r2[i])) > 1e-6 {
			t.Fatalf("frame %d: %v %v, steady %v %v", i, l1[i], r1[i], l2[i], r2[i])
		}
	}
}
