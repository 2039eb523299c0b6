package dsp

import (
	"math"
	"reflect"
	"testing"
)

// TestLimiterShortcutUnderCeilingIsExact runs two limiters through the
// same blocks, one always with the full computation: loud sine, silence,
// quiet sine, silence with a loud key, silence again, a long quiet sine, a
// loud input under a quiet key, in blocks of several sizes. Outputs and
// every field of state must be identical, and the shortcut must have been
// taken.
func TestLimiterShortcutUnderCeilingIsExact(t *testing.T) {
	const rateHz = 48000
	short, full := NewLimiter(rateHz, -1), NewLimiter(rateHz, -1)
	full.fullOnly = true
	sine := func(amp float64, n, at int) []float32 {
		b := make([]float32, n)
		for i := range b {
			b[i] = float32(amp * math.Sin(2*math.Pi*330*float64(at+i)/rateHz))
		}
		return b
	}
	type block struct{ key, in []float32 }
	var blocks []block
	at := 0
	add := func(count, n int, key, in func(n, at int) []float32) {
		for range count {
			blocks = append(blocks, block{key(n, at), in(n, at)})
			at += n
		}
	}
	zeros := func(n, _ int) []float32 { return make([]float32, n) }
	loud := func(n, at int) []float32 { return sine(2, n, at) }
	quiet := func(n, at int) []float32 { return sine(0.1, n, at) }
	add(4, 256, loud, loud)
	add(40, 100, zeros, zeros) // 4000 frames: the release has settled
	add(3, 37, quiet, quiet)
	add(10, 256, zeros, zeros)
	add(2, 64, loud, zeros)     // a key over the ceiling ducks silence
	add(600, 256, zeros, zeros) // 3.2 s: the release (80 ms) reaches 1
	add(1, 8192, loud, loud)
	add(200, 1024, zeros, zeros)
	add(100, 256, quiet, quiet)
	add(3, 100, quiet, loud) // clipped, not limited: the key is quiet
	add(50, 256, quiet, quiet)

	shortcuts, quietTail := 0, 0
	for i, b := range blocks {
		n := len(b.in)
		if short.settledUnder(b.key, b.key) {
			shortcuts++
			if i >= len(blocks)-50 {
				quietTail++
			}
		}
		sl, sr, fl, fr := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
		short.ProcessKeyed(b.key, b.key, b.in, b.in, sl, sr)
		full.ProcessKeyed(b.key, b.key, b.in, b.in, fl, fr)
		if !reflect.DeepEqual(sl, fl) || !reflect.DeepEqual(sr, fr) {
			t.Fatalf("block %d: outputs differ", i)
		}
		if short.ReadGain() != full.ReadGain() {
			t.Fatalf("block %d: gain reduction differs", i)
		}
	}
	full.fullOnly = false
	if !reflect.DeepEqual(short, full) {
		t.Errorf("states differ after the run:\n%+v\n%+v", *short, *full)
	}
	if quietTail != 50 {
		t.Errorf("the shortcut was taken in %d of the last 50 blocks, a quiet sine under the ceiling", quietTail)
	}
	if shortcuts < 450 {
		t.Errorf("the shortcut was taken in %d blocks; the silence and the quiet sine should give over 450", shortcuts)
	}

	// The shortcut is on the audio thread: it must not allocate.
	zero, outL, outR := make([]float32, 256), make([]float32, 256), make([]float32, 256)
	if !short.settledUnder(zero, zero) {
		t.Fatal("the limiter is not at rest after the silence")
	}
	if n := testing.AllocsPerRun(100, func() { short.ProcessKeyed(zero, zero, zero, zero, outL, outR) }); n != 0 {
		t.Errorf("the silence shortcut allocates %v times per block", n)
	}
}
