package mixer_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/clock"
)

// clockTicks runs r for periods periods and returns the absolute frames
// of the clocks in them, counting frames from from, and the other events.
func clockTicks(r *rig, periods int, from *int) (ticks []int, other []clock.Event) {
	n := len(r.out[0])
	for range periods {
		r.run()
		for _, ev := range r.e.ClockEvents() {
			if ev.Status == clock.TimingClock {
				ticks = append(ticks, *from+int(ev.Frame))
			} else {
				other = append(other, ev)
			}
		}
		*from += n
	}
	return ticks, other
}

// tap taps the counter of ch (−1: the master) four times, every periods
// periods of r.
func tap(r *rig, ch, periods int) {
	p, c := mixer.ParamBPMTap, ch
	if ch < 0 {
		p, c = mixer.ParamMasterBPMTap, 0
	}
	for range 4 {
		r.set(p, c, 1)
		r.set(p, c, 0)
		for range periods {
			r.run()
		}
	}
}

// TestClockFollowsItsSource: the clock runs at 120 BPM until its source
// has a tempo, then at the source's: the master's or a channel's, as
// chosen; Start comes with the first clock, Stop when it is switched off.
func TestClockFollowsItsSource(t *testing.T) {
	r := newRig(t, stereoConfig(2), 64)
	if want, bpm := r.e.Timebase(); want || bpm != mixer.DefaultClockBPM {
		t.Fatalf("a new engine's timebase: %v, %v BPM; want off at %v", want, bpm, mixer.DefaultClockBPM)
	}
	pos := 0
	r.set(mixer.ParamClockOn, 0, 1)
	ticks, other := clockTicks(r, 100, &pos)
	if len(other) != 1 || other[0] != (clock.Event{Frame: 0, Status: clock.Start}) || ticks[0] != 0 {
		t.Fatalf("clock switched on: Start %v, first clock at %v; want Start and a clock at frame 0", other, ticks[0])
	}
	// 120 BPM at 48 kHz: a clock every 1000 frames.
	for k, f := range ticks {
		if f != 1000*k {
			t.Fatalf("clock %d at frame %d; want %d (120 BPM)", k, f, 1000*k)
		}
	}

	// Taps on the master every 300 periods (19200 frames, 0.4 s): 150 BPM,
	// a clock every 800 frames.
	tap(r, -1, 300)
	if bpm := r.e.ClockBPM(); bpm != 150 {
		t.Fatalf("clock at %v BPM after taps every 0.4 s on the master; want 150", bpm)
	}
	pos = 0
	ticks, _ = clockTicks(r, 1000, &pos)
	for k := 1; k < len(ticks); k++ {
		if d := ticks[k] - ticks[k-1]; d != 800 {
			t.Fatalf("clocks %d frames apart at 150 BPM; want 800", d)
		}
	}

	// Channel 2, tapped every 0.5 s; the master's taps no longer count.
	r.set(mixer.ParamClockSource, 0, mixer.ClockChannel+1)
	tap(r, 1, 375)
	if bpm := r.e.ClockBPM(); bpm != 120 {
		t.Fatalf("clock at %v BPM following channel 2 tapped every 0.5 s; want 120", bpm)
	}
	// A source the mixer does not have reads as the master.
	r.set(mixer.ParamClockSource, 0, mixer.ClockChannel+7)
	r.run()
	if bpm := r.e.ClockBPM(); bpm != 150 {
		t.Fatalf("clock at %v BPM following channel 8 of 2; want the master's 150", bpm)
	}

	r.set(mixer.ParamClockTimebase, 0, 1)
	r.run()
	if want, bpm := r.e.Timebase(); !want || bpm != 150 {
		t.Fatalf("timebase switched on: %v, %v BPM; want on at 150", want, bpm)
	}

	r.set(mixer.ParamClockOn, 0, 0)
	ticks, other = clockTicks(r, 100, &pos)
	if len(ticks) != 0 || len(other) != 1 || other[0] != (clock.Event{Frame: 0, Status: clock.Stop}) {
		t.Fatalf("clock switched off: clocks %v, events %v; want Stop alone", ticks, other)
	}
}

// TestClockKeepsTempoInSilence: the clock takes a track's tempo as the
// counter reads it and keeps it through silence after the track.
func TestClockKeepsTempoInSilence(t *testing.T) {
	r := newBPMRig(t, 1, 256, "4otf-128")
	r.set(mixer.ParamClockSource, 0, mixer.ClockChannel)
	r.set(mixer.ParamClockOn, 0, 1)
	r.play(3)
	if bpm := r.e.ClockBPM(); bpm != mixer.DefaultClockBPM && math.Abs(bpm-128) > 0.1 {
		t.Errorf("after 3 s of the track: clock at %v BPM; want 120 or the track's 128", bpm)
	}
	r.play(7)
	if bpm := r.e.ClockBPM(); math.Abs(bpm-128) > 0.1 {
		t.Fatalf("after the track's first 10 s: clock at %v BPM; want 128", bpm)
	}
	r.tracks[0] = [2][]float32{}
	r.play(30)
	if bpm := r.e.ClockBPM(); math.Abs(bpm-128) > 0.1 {
		t.Errorf("after 30 s of silence: clock at %v BPM; want 128 kept", bpm)
	}
}

// TestClockDoesNotAllocate: the clock running (at a tapped tempo, with
// on/off and source changes arriving) at every period size.
func TestClockDoesNotAllocate(t *testing.T) {
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newRig(t, stereoConfig(2), frames)
			r.set(mixer.ParamClockOn, 0, 1)
			r.set(mixer.ParamClockTimebase, 0, 1)
			r.run()
			step := 0
			allocs := testing.AllocsPerRun(100, func() {
				step++
				switch step % 10 {
				case 0:
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamMasterBPMTap, Value: 1})
				case 3:
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamClockSource, Value: float32(step / 10 % 3)})
				case 7:
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamClockOn, Value: float32(step / 10 % 2)})
				}
				r.run()
				r.e.ClockEvents()
				r.e.Timebase()
			})
			if allocs != 0 {
				t.Errorf("Process with the clock allocates %v times per period", allocs)
			}
		})
	}
}
