package app

import (
	"math"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/meter"
)

// TestWindowMetersAreIEC60268_18 plays a full-scale burst and then silence
// into channel 1 through the path the window uses (engine, meter ring,
// meter pump, UI.SetMeters, Layout) and checks what the strip and master
// meters show against IEC 60268-18 meters (meter.Peak) fed the strip's
// input and the master output: the bar falls 20 dB in 1.7 s, the peak
// mark holds 1 s and then follows the bar, the window is woken while a
// bar falls and not once the meters are at rest.
func TestWindowMetersAreIEC60268_18(t *testing.T) {
	const (
		rateHz       = 48000
		periodFrames = 256
		burstFrames  = rateHz / 2
	)
	cfg := configWith(1)
	e, err := mixer.New(cfg, rateHz)
	if err != nil {
		t.Fatal(err)
	}
	// With the loudness panel off (its correlation settles 8 s after the
	// burst) only the meters move the window.
	ctl := e.NewCommandRing(4)
	ctl.TryPush(mixer.Command{Param: mixer.ParamMasterMeters, Value: 0})
	in, out := make([][]float32, len(e.Inputs())), make([][]float32, len(e.Outputs()))
	for i := range in {
		in[i] = make([]float32, periodFrames)
	}
	for i := range out {
		out[i] = make([]float32, periodFrames)
	}
	var refStrip, refMaster meter.Peak
	for _, m := range []*meter.Peak{&refStrip, &refMaster} {
		if err := m.Prepare(rateHz); err != nil {
			t.Fatal(err)
		}
	}
	f := newFixture(t, 1, 1)
	info := backend.StreamInfo{Backend: "null", SampleRateHz: rateHz, PeriodFrames: periodFrames, State: backend.Running}
	p := newMeterPump(e.Meters(), func() backend.StreamInfo { return info }, func() {})

	frames := 0
	at := func(d time.Duration) int { return burstFrames + int(d.Seconds()*rateHz) }
	// play runs the engine until frame until, ticks the pump at its rate
	// and draws the window whenever the pump forwards a frame; it returns
	// the pump ticks that woke the window.
	var sent mixer.MeterFrame
	nextTick := 0
	tickFrames := int(pumpInterval.Seconds() * rateHz)
	var wakes []int
	play := func(until int) {
		for frames < until {
			for ch := range 2 {
				for i := range in[ch] {
					x := float32(0)
					if n := frames + i; n < burstFrames {
						x = 1 - 2*float32(n/24%2) // a 1 kHz square wave at full scale
					}
					in[ch][i] = x
				}
			}
			e.Process(in, out)
			refStrip.Process(in[0])
			refMaster.Process(out[0])
			frames += periodFrames
			for frames >= nextTick {
				nextTick += tickFrames
				if p.tick() {
					wakes = append(wakes, frames)
				}
				for p.out.TryPopInto(&sent) {
					f.ui.SetMeters(&sent)
				}
				f.now = testEpoch.Add(time.Duration(frames) * time.Second / rateHz)
				f.frame(winSize)
			}
		}
	}
	shown := func() (strip, stripHold, master, masterHold float64) {
		return f.ui.strips[0].meter.ShownPeakDB(0), f.ui.strips[0].meter.ShownHoldDB(0),
			f.ui.masterMeter.ShownPeakDB(0), f.ui.masterMeter.ShownHoldDB(0)
	}
	// The window shows the engine's frames: a frame every 10 ms, forwarded
	// by the pump when it moved by pumpVisibleDB. At 20 dB in 1.7 s its
	// bar may stand up to about 0.5 dB above the reference.
	const lagDB = 0.6
	check := func(what string, got, want float64) {
		t.Helper()
		if !(got >= want-0.05 && got <= want+lagDB) {
			t.Errorf("%s: the window shows %.2f dBFS, the IEC meter reads %.2f", what, got, want)
		}
	}

	play(at(950 * time.Millisecond))
	strip, stripHold, master, masterHold := shown()
	rs, rm := refStrip.Read(), refMaster.Read()
	check("strip bar 0.95 s after the burst", strip, rs.LevelDBFS)
	check("master bar 0.95 s after the burst", master, rm.LevelDBFS)
	if stripHold < -0.5 || masterHold < rm.HoldDBFS-0.05 {
		t.Errorf("0.95 s after the burst the peak marks are down: strip %.2f dBFS, master %.2f (IEC hold %.2f)", stripHold, masterHold, rm.HoldDBFS)
	}

	play(at(1100 * time.Millisecond))
	strip, stripHold, _, masterHold = shown()
	rs, rm = refStrip.Read(), refMaster.Read()
	check("strip peak mark 1.1 s after the burst", stripHold, rs.HoldDBFS)
	check("master peak mark 1.1 s after the burst", masterHold, rm.HoldDBFS)
	if stripHold > -6 || stripHold != strip {
		t.Errorf("1.1 s after the burst the strip's peak mark stands at %.2f dBFS over a bar at %.2f; after 1 s it follows the bar", stripHold, strip)
	}

	play(at(1700 * time.Millisecond))
	strip, _, master, _ = shown()
	rs, rm = refStrip.Read(), refMaster.Read()
	if math.Abs(strip+meter.PeakFallDB) > 0.5 {
		t.Errorf("1.7 s after a full-scale burst the strip's bar is at %.2f dBFS, want −20 ± 0.5", strip)
	}
	check("strip bar 1.7 s after the burst", strip, rs.LevelDBFS)
	check("master bar 1.7 s after the burst", master, rm.LevelDBFS)

	// The bar falls to the bottom of the scale (−70 dBFS) 6 s after the
	// burst: until then the window is woken at least every third tick.
	wakes = wakes[:0]
	play(at(5500 * time.Millisecond))
	last := at(1700 * time.Millisecond)
	for _, w := range wakes {
		if w-last > 3*tickFrames {
			t.Errorf("the window was not woken for %.0f ms while the bars fell", 1000*float64(w-last)/rateHz)
		}
		last = w
	}
	if frames-last > 3*tickFrames {
		t.Errorf("the window was not woken in the last %.0f ms", 1000*float64(frames-last)/rateHz)
	}
	play(at(8 * time.Second))
	wakes = wakes[:0]
	play(at(12 * time.Second))
	if len(wakes) != 0 {
		t.Errorf("meters at rest woke the window %d times in 4 s", len(wakes))
	}
	if at, ok := f.ui.NextFrame(); ok {
		t.Errorf("meters at rest want a frame at %v", at)
	}
}
