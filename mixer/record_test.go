package mixer_test

import (
	"fmt"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// copyTap keeps what it is handed in preallocated buffers, as a recorder's
// sample ring would.
type copyTap struct {
	left, right []float32
	frames      int // of the last call
	calls       int
}

func newCopyTap() *copyTap {
	return &copyTap{left: make([]float32, 8192), right: make([]float32, 8192)}
}

func (c *copyTap) Tap(left, right []float32) {
	c.frames = copy(c.left, left)
	copy(c.right, right)
	c.calls++
}

// TestRecordTap: the tap receives exactly the master outputs, with the
// limiter and talkover in the path, and no longer once it is removed.
func TestRecordTap(t *testing.T) {
	r := newStudioRig(t, micConfig(), 256)
	r.set(mixer.ParamTalkoverMode, 0, mixer.TalkoverAuto)
	r.gen = func(port, f int) float32 {
		switch port {
		case deckInL, deckInR:
			return toneAt(1.5, 220, f) // hot: the limiter works
		case micIn:
			return toneAt(0.3, 1000, f)
		}
		return 0
	}
	tap := newCopyTap()
	r.e.SetRecordTap(tap)
	for period := range 50 {
		r.period()
		if tap.calls != period+1 || tap.frames != 256 {
			t.Fatalf("period %d: %d calls, %d frames", period, tap.calls, tap.frames)
		}
		for i := range 256 {
			if tap.left[i] != r.out[masterOutL][i] || tap.right[i] != r.out[masterOutR][i] {
				t.Fatalf("period %d frame %d: tapped %v/%v, master %v/%v", period, i, tap.left[i], tap.right[i], r.out[masterOutL][i], r.out[masterOutR][i])
			}
		}
	}
	if peak(tap.left[:256]) < 0.2 {
		t.Fatalf("the tapped master is nearly silent: %v", peak(tap.left[:256]))
	}
	r.e.SetRecordTap(nil)
	r.period()
	if tap.calls != 50 {
		t.Errorf("removed tap still called: %d calls", tap.calls)
	}
}

func TestRecordTapDoesNotAllocate(t *testing.T) {
	for _, frames := range []int{16, 256, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newRig(t, mixer.DefaultConfig(), frames)
			fillNoise(r.in, 4)
			tap := newCopyTap()
			r.e.SetRecordTap(tap)
			r.run()
			if allocs := testing.AllocsPerRun(50, r.run); allocs != 0 {
				t.Errorf("Process with a record tap allocates %v times per period", allocs)
			}
			if tap.calls < 51 || tap.frames != frames {
				t.Errorf("tap called %d times with %d frames", tap.calls, tap.frames)
			}
		})
	}
}

// TestRecordTapSwapWhileRunning sets and removes taps from another
// goroutine while Process runs (run with -race).
func TestRecordTapSwapWhileRunning(t *testing.T) {
	r := newRig(t, mixer.DefaultConfig(), 64)
	fillNoise(r.in, 6)
	taps := []*copyTap{newCopyTap(), newCopyTap()}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 2000 {
			if i%3 == 2 {
				r.e.SetRecordTap(nil)
			} else {
				r.e.SetRecordTap(taps[i%3])
			}
		}
		r.e.SetRecordTap(taps[0])
	}()
	for range 2000 {
		r.run()
	}
	<-done
	before := taps[0].calls
	r.run()
	if taps[0].calls != before+1 {
		t.Errorf("the last tap set was not called")
	}
}
