package mixer_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// gainInsert is an insert that scales its signal and reports a latency.
type gainInsert struct {
	gain    float32
	latency int
	runs    int
}

func (g *gainInsert) Process(l, r []float32) bool {
	g.runs++
	for i := range l {
		l[i] *= g.gain
	}
	for i := range r {
		r[i] *= g.gain
	}
	return true
}

func (g *gainInsert) LatencyFrames() int { return g.latency }

// nanInsert turns its output into NaN after some runs, and says so.
type nanInsert struct{ after int }

func (n *nanInsert) Process(l, r []float32) bool {
	if n.after > 0 {
		n.after--
		return true
	}
	for i := range l {
		l[i] = float32(math.NaN())
	}
	return false
}

func (n *nanInsert) LatencyFrames() int { return 0 }

// liarInsert writes infinity and claims all is well: the engine's own
// check must catch it.
type liarInsert struct{}

func (liarInsert) Process(l, r []float32) bool {
	l[0] = float32(math.Inf(1))
	return true
}

func (liarInsert) LatencyFrames() int { return 0 }

func setInsert(t *testing.T, e *mixer.Engine, strip, slot int, ins mixer.Insert) {
	t.Helper()
	if unused, err := e.SetInsert(strip, slot, ins); err != nil || unused != nil {
		t.Fatalf("SetInsert(%d, %d): unused %v, %v", strip, slot, unused, err)
	}
}

// TestInsertsDoNotClick adds, bypasses, replaces and removes inserts on a
// strip and on master while a sine plays: the largest sample step during
// each change stays within the steady signal's own largest step (on
// either side of the change) plus 10%.
func TestInsertsDoNotClick(t *testing.T) {
	const master = 0
	r := newSineRig(t, 440, 660)
	r.set(mixer.ParamLimiter, 0, 0)
	r.maxStep(master, 0.3)
	quiet := &gainInsert{gain: 0.25}
	loud := &gainInsert{gain: 1.5}
	half := &gainInsert{gain: 0.5}
	steady := r.maxStep(master, 0.1)
	for _, c := range []struct {
		name   string
		change func()
	}{
		{"add on strip", func() { setInsert(t, r.e, 0, 1, quiet) }},
		{"bypass", func() { r.e.SetInsertBypass(0, 1, true) }},
		{"unbypass", func() { r.e.SetInsertBypass(0, 1, false) }},
		{"replace", func() { setInsert(t, r.e, 0, 1, loud) }},
		{"add on master", func() { setInsert(t, r.e, mixer.MasterInserts, 3, half) }},
		{"remove from strip", func() { setInsert(t, r.e, 0, 1, nil) }},
		{"remove from master", func() { setInsert(t, r.e, mixer.MasterInserts, 3, nil) }},
	} {
		c.change()
		switching := r.maxStep(master, 0.05)
		after := r.maxStep(master, 0.1)
		t.Logf("%s: steady %.4f, switching %.4f, after %.4f", c.name, steady, switching, after)
		if limit := 1.1 * math.Max(steady, after); switching > limit {
			t.Errorf("%s: step %.4f, steady signal %.4f / %.4f", c.name, switching, steady, after)
		}
		steady = after
	}
	if quiet.runs == 0 || loud.runs == 0 || half.runs == 0 {
		t.Errorf("runs: %d %d %d; every insert should have run", quiet.runs, loud.runs, half.runs)
	}
	// Each insert came back once, after it stopped running.
	var back []mixer.Insert
	for {
		ins, ok := r.e.Retired()
		if !ok {
			break
		}
		back = append(back, ins)
	}
	if len(back) != 3 {
		t.Fatalf("%d inserts retired, want 3", len(back))
	}
	for _, ins := range back {
		g := ins.(*gainInsert)
		n := g.runs
		r.period()
		if g.runs != n {
			t.Errorf("insert with gain %v runs after it was retired", g.gain)
		}
	}
}

// TestInsertGain: an insert on a strip and one on master both act, and a
// bypassed one does not run.
func TestInsertGain(t *testing.T) {
	r := newSineRig(t, 1000, 1000)
	r.set(mixer.ParamLimiter, 0, 0)
	r.maxStep(0, 0.1)
	dry := peak(r.out[0])
	strip, master := &gainInsert{gain: 0.5}, &gainInsert{gain: 0.5}
	setInsert(t, r.e, 0, 0, strip)
	setInsert(t, r.e, mixer.MasterInserts, 0, master)
	r.maxStep(0, 0.1)
	if got, want := peak(r.out[0]), dry/4; math.Abs(float64(got-want)) > 0.01*float64(want) {
		t.Errorf("two inserts at −6 dB: peak %v, want %v", got, want)
	}
	r.e.SetInsertBypass(mixer.MasterInserts, 0, true)
	r.maxStep(0, 0.1)
	runs := master.runs
	r.maxStep(0, 0.1)
	if master.runs != runs {
		t.Error("a bypassed insert runs")
	}
	if got, want := peak(r.out[0]), dry/2; math.Abs(float64(got-want)) > 0.01*float64(want) {
		t.Errorf("one insert bypassed: peak %v, want %v", got, want)
	}
	if _, err := r.e.SetInsert(0, mixer.InsertSlots, strip); err == nil {
		t.Error("a slot past the last was accepted")
	}
	if _, err := r.e.SetInsert(5, 0, strip); err == nil {
		t.Error("a strip that does not exist was accepted")
	}
}

// TestInsertFault: an insert whose output turns NaN (saying so, or not)
// is bypassed at once and flagged; nothing but finite samples reaches
// master, and the strip goes on playing dry.
func TestInsertFault(t *testing.T) {
	for _, c := range []struct {
		name string
		ins  mixer.Insert
	}{{"reported", &nanInsert{after: 20}}, {"unreported", liarInsert{}}} {
		t.Run(c.name, func(t *testing.T) {
			r := newSineRig(t, 1000, 1000)
			r.set(mixer.ParamLimiter, 0, 0)
			r.maxStep(0, 0.1)
			dry := peak(r.out[0])
			setInsert(t, r.e, 0, 2, c.ins)
			for range 200 {
				r.period()
				for _, x := range r.out[0] {
					if !(x <= 1 && x >= -1) {
						t.Fatalf("master got %v", x)
					}
				}
			}
			if faulted, _ := r.e.InsertStatus(0, 2); !faulted {
				t.Error("the slot is not flagged")
			}
			if got := peak(r.out[0]); math.Abs(float64(got-dry)) > 0.01 {
				t.Errorf("after the fault master peaks at %v, dry %v", got, dry)
			}
			// A new insert clears the flag.
			setInsert(t, r.e, 0, 2, &gainInsert{gain: 1})
			r.maxStep(0, 0.05)
			if faulted, _ := r.e.InsertStatus(0, 2); faulted {
				t.Error("still flagged after a new insert")
			}
		})
	}
}

// TestInsertLatency: the engine's latency is the limiter's plus the
// slowest strip's inserts plus master's; bypassed inserts add nothing.
func TestInsertLatency(t *testing.T) {
	r := newRig(t, stereoConfig(2), 64)
	r.set(mixer.ParamLimiter, 0, 0)
	r.run()
	setInsert(t, r.e, 0, 0, &gainInsert{gain: 1, latency: 100})
	setInsert(t, r.e, 0, 3, &gainInsert{gain: 1, latency: 28})
	setInsert(t, r.e, 1, 1, &gainInsert{gain: 1, latency: 64})
	setInsert(t, r.e, mixer.MasterInserts, 0, &gainInsert{gain: 1, latency: 7})
	r.run()
	r.run()
	if got := r.e.LatencyFrames(); got != 128+7 {
		t.Errorf("latency %d, want %d", got, 128+7)
	}
	if got := r.e.InsertLatencyFrames(0); got != 128 {
		t.Errorf("strip 1 latency %d, want 128", got)
	}
	if got := r.e.Status().InsertLatency; got != 135 {
		t.Errorf("Status.InsertLatency %d, want 135", got)
	}
	r.e.SetInsertBypass(0, 0, true)
	for range 20 {
		r.run()
	}
	if got := r.e.LatencyFrames(); got != 64+7 {
		t.Errorf("with one bypassed: latency %d, want %d", got, 64+7)
	}
	r.set(mixer.ParamLimiter, 0, 1)
	r.run()
	r.run()
	if got, lim := r.e.LatencyFrames(), r.e.Status().LimiterLatency; lim == 0 || got != lim+64+7 {
		t.Errorf("limiter on: latency %d, limiter %d", got, lim)
	}
}

// TestInsertsDoNotAllocate: Process with four inserts on a strip and four
// on master, changing as it runs, allocates nothing.
func TestInsertsDoNotAllocate(t *testing.T) {
	cfg := stereoConfig(2)
	cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Mic"})
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newRig(t, cfg, frames)
			fillNoise(r.in, 3)
			for k := range mixer.InsertSlots {
				for _, strip := range []int{0, 2, mixer.MasterInserts} {
					setInsert(t, r.e, strip, k, &gainInsert{gain: 0.9, latency: k})
				}
			}
			spare := []mixer.Insert{&gainInsert{gain: 0.5}, &gainInsert{gain: 0.7}}
			r.run()
			i := 0
			allocs := testing.AllocsPerRun(50, func() {
				i++
				if i%10 == 0 {
					r.e.SetInsertBypass(0, 1, i%20 == 0)
				}
				r.run()
			})
			if allocs != 0 {
				t.Errorf("Process with inserts allocates %v times per period", allocs)
			}
			// Swapping inserts (the app side allocates the box; the audio
			// thread nothing).
			for k := range 4 {
				r.e.SetInsert(2, 1, spare[k%2])
				for range 100 {
					r.run()
				}
				for {
					if _, ok := r.e.Retired(); !ok {
						break
					}
				}
			}
			allocs = testing.AllocsPerRun(20, func() { r.run() })
			if allocs != 0 {
				t.Errorf("after swaps: %v allocations per period", allocs)
			}
		})
	}
}
