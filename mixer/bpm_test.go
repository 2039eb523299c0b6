package mixer_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/tempo/tempotest"
)

// bpmRig plays generated tracks into the channels of an engine.
type bpmRig struct {
	*rig
	tracks [][2][]float32 // per channel, nil for silence
	pos    int
	last   mixer.MeterFrame
}

func newBPMRig(t *testing.T, channels int, frames int, cases ...string) *bpmRig {
	r := &bpmRig{rig: newRig(t, stereoConfig(channels), frames), tracks: make([][2][]float32, channels)}
	all := tempotest.Cases()
	for ch, name := range cases {
		for _, c := range all {
			if c.Name == name {
				l, rr := c.Render(testRateHz)
				r.tracks[ch] = [2][]float32{l, rr}
			}
		}
		if r.tracks[ch][0] == nil {
			t.Fatalf("no case %s", name)
		}
	}
	return r
}

// play runs the engine for seconds, keeping the newest meter frame.
func (r *bpmRig) play(seconds float64) {
	n := len(r.in[0])
	for range int(seconds * testRateHz / float64(n)) {
		for ch, tr := range r.tracks {
			for side := range 2 {
				dst := r.in[2*ch+side]
				if tr[side] == nil || r.pos+n > len(tr[side]) {
					clear(dst)
					continue
				}
				copy(dst, tr[side][r.pos:r.pos+n])
			}
		}
		r.pos += n
		r.run()
		for r.e.Meters().TryPopInto(&r.last) {
		}
	}
}

// TestBPMInMeterFrame: each strip counts its own input, the master counts
// the mix, and lock, tap and half/double reach the counters as commands.
func TestBPMInMeterFrame(t *testing.T) {
	r := newBPMRig(t, 3, 256, "4otf-128", "4otf-140")
	// Only channel 1 reaches the master.
	r.set(mixer.ParamFader, 1, 0)
	r.play(10)
	f := &r.last
	for ch, want := range []float32{128, 140, 0} {
		if got := f.StripTempo[ch]; math.Abs(float64(got.BPM-want)) > 0.1 {
			t.Errorf("channel %d reads %+v, want %v", ch+1, got, want)
		}
	}
	if got := f.StripTempo[0]; got.Confidence < 0.3 || got.Locked || got.Tapped {
		t.Errorf("channel 1: %+v", got)
	}
	if got := f.MasterTempo; math.Abs(float64(got.BPM-128)) > 0.1 {
		t.Errorf("master reads %+v, want 128", got)
	}

	// Lock channel 1 and the master, halve both; double channel 2.
	r.set(mixer.ParamBPMLock, 0, 1)
	r.set(mixer.ParamMasterBPMLock, 0, 1)
	r.set(mixer.ParamBPMHalf, 0, 1)
	r.set(mixer.ParamBPMHalf, 0, 0) // the release does nothing
	r.set(mixer.ParamMasterBPMHalf, 0, 1)
	r.set(mixer.ParamBPMDouble, 1, 1)
	r.play(1)
	if got := f.StripTempo[0]; math.Abs(float64(got.BPM-64)) > 0.05 || !got.Locked {
		t.Errorf("channel 1 locked and halved: %+v, want 64 locked", got)
	}
	if got := f.MasterTempo; math.Abs(float64(got.BPM-64)) > 0.05 || !got.Locked {
		t.Errorf("master locked and halved: %+v, want 64 locked", got)
	}
	// 280 is out of range: double does nothing.
	if got := f.StripTempo[1]; math.Abs(float64(got.BPM-140)) > 0.1 {
		t.Errorf("channel 2 doubled out of range: %+v", got)
	}

	// Taps on the silent channel 3, 93 periods (0.496 s) apart: 120.97.
	for range 4 {
		r.set(mixer.ParamBPMTap, 2, 1)
		r.set(mixer.ParamBPMTap, 2, 0)
		r.play(0.5)
	}
	if got := f.StripTempo[2]; math.Abs(float64(got.BPM-120.97)) > 0.01 || !got.Tapped {
		t.Errorf("channel 3 tapped every 0.5 s: %+v, want 120 tapped", got)
	}
	// Unlocked, channel 1 reads the audio again.
	r.set(mixer.ParamBPMLock, 0, 0)
	r.play(0.1)
	if got := f.StripTempo[0]; math.Abs(float64(got.BPM-128)) > 0.1 || got.Locked {
		t.Errorf("channel 1 unlocked: %+v", got)
	}
	// A new sample rate keeps what is held.
	if err := r.e.Prepare(44100); err != nil {
		t.Fatal(err)
	}
	r.play(0.1)
	if got := f.MasterTempo; math.Abs(float64(got.BPM-64)) > 0.05 || !got.Locked {
		t.Errorf("master after a rate change: %+v, want 64 locked", got)
	}
}

// TestBPMDoesNotAllocate: BPM counters on every channel and the master,
// with lock, taps and half/double arriving, at every period size.
func TestBPMDoesNotAllocate(t *testing.T) {
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newBPMRig(t, 8, frames, "4otf-128", "breakbeat-132", "swing-house-122", "dnb-174",
				"4otf-100", "sparse-intro-126", "change-122-128", "swing-hiphop-92")
			everythingOn(r.rig, 8)
			r.play(3)
			step := 0
			allocs := testing.AllocsPerRun(40, func() {
				step++
				for ch := range 8 {
					switch (step + ch) % 8 {
					case 0:
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamBPMTap, Channel: int16(ch), Value: 1})
					case 2:
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamBPMLock, Channel: int16(ch), Value: float32(step % 2)})
					case 4:
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamBPMHalf, Channel: int16(ch), Value: 1})
					case 6:
						r.ctl.TryPush(mixer.Command{Param: mixer.ParamBPMDouble, Channel: int16(ch), Value: 1})
					}
				}
				r.ctl.TryPush(mixer.Command{Param: mixer.ParamMasterBPMTap, Value: 1})
				r.play(float64(frames) / testRateHz)
			})
			if allocs != 0 {
				t.Errorf("Process with 8 BPM counters allocates %v times per period", allocs)
			}
			if r.last.StripTempo[0].BPM == 0 {
				t.Error("no BPM on channel 1")
			}
		})
	}
}
