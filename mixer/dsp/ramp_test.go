package dsp_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

func TestRampReachesTargetExactly(t *testing.T) {
	var r dsp.Ramp
	r.Init(0, 480)
	r.Set(1)
	buf := make([]float32, 1000)
	r.Fill(buf)
	for i := 1; i < 480; i++ {
		if !(buf[i] > buf[i-1]) {
			t.Fatalf("not rising at %d: %v after %v", i, buf[i], buf[i-1])
		}
		if step := buf[i] - buf[i-1]; step > 1.01/480 {
			t.Fatalf("step %v at %d, want 1/480", step, i)
		}
	}
	for i := 479; i < len(buf); i++ {
		if buf[i] != 1 {
			t.Fatalf("frame %d: %v, want exactly 1", i, buf[i])
		}
	}
	// A gain resting at 1 leaves samples untouched, at 0 silences them.
	x := []float32{0.1, -0.3, 1e-30}
	y := append([]float32(nil), x...)
	r.Apply(y)
	for i := range x {
		if x[i] != y[i] {
			t.Fatalf("gain 1 changed %v to %v", x[i], y[i])
		}
	}
	r.Jump(0)
	r.Apply(y)
	if y[0] != 0 || y[1] != 0 || y[2] != 0 {
		t.Fatalf("gain 0 left %v", y)
	}
	// A new target mid-ramp starts from where the ramp is.
	r.Init(0, 100)
	r.Set(1)
	r.Advance(50)
	r.Set(0)
	if v := r.Next(); v < 0.48 || v > 0.5 {
		t.Fatalf("reversal jumped to %v", v)
	}
}

func TestRealtimeSafeDSPDoesNotAllocate(t *testing.T) {
	const n = 256
	l, r, ol, or := noise(n, 1), noise(n, 2), make([]float32, n), make([]float32, n)
	q := dsp.NewIsolator(250, 2500, rateHz)
	g := gains(n, 0.5, 2, 0)
	f := dsp.NewDJFilter(rateHz, 480)
	m := dsp.NewLimiter(rateHz, -1)
	var ramp dsp.Ramp
	ramp.Init(0, 480)
	pos := float32(0.5)
	allocs := testing.AllocsPerRun(100, func() {
		pos = -pos
		q.Process(l, r, g)
		f.Set(pos, 0.5)
		f.Process(l, r)
		m.Process(l, r, ol, or)
		ramp.Set(pos)
		ramp.Apply(l)
		ramp.MixInto(ol, l)
		ramp.Fill(r)
		dsp.CopySane(ol, l)
	})
	if allocs != 0 {
		t.Errorf("DSP allocates %v times per block", allocs)
	}
}
