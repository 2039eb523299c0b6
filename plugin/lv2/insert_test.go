//go:build cgo

package lv2_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

const x42EQStereo = "http://gareus.org/oss/lv2/fil4#stereo"

func init() { packages[x42EQStereo] = "x42-plugins" }

// engineRig is an engine with one stereo and one mono channel, the
// limiter off, playing a 1 kHz sine at 0.25 on the stereo channel only.
type engineRig struct {
	e       *mixer.Engine
	in, out [][]float32
	frame   int
}

func newEngineRig(t testing.TB, frames int) *engineRig {
	t.Helper()
	cfg := mixer.DefaultConfig()
	cfg.Channels = []mixer.ChannelConfig{{Name: "Deck", Stereo: true}, {Name: "Mic"}}
	e, err := mixer.New(cfg, rateHz)
	if err != nil {
		t.Fatal(err)
	}
	r := &engineRig{e: e}
	for range e.Inputs() {
		r.in = append(r.in, make([]float32, frames))
	}
	for range e.Outputs() {
		r.out = append(r.out, make([]float32, frames))
	}
	ring := e.NewCommandRing(16)
	ring.TryPush(mixer.Command{Param: mixer.ParamLimiter, Value: 0})
	t.Cleanup(func() {
		for k := range mixer.InsertSlots {
			for _, strip := range []int{0, 1, mixer.MasterInserts} {
				e.SetInsert(strip, k, nil)
			}
		}
		for range 10 {
			r.period()
		}
		for {
			ins, ok := e.Retired()
			if !ok {
				break
			}
			ins.(*lv2.Insert).Close()
		}
	})
	return r
}

func (r *engineRig) period() {
	for i := range r.in[0] {
		x := float32(0.25 * math.Sin(2*math.Pi*1000*float64(r.frame+i)/rateHz))
		r.in[0][i], r.in[1][i] = x, x
	}
	r.frame += len(r.in[0])
	r.e.Process(r.in, r.out)
}

func (r *engineRig) rmsFor(seconds float64) float64 {
	var sum float64
	n := 0
	for range int(seconds * rateHz / float64(len(r.in[0]))) {
		r.period()
		for _, x := range r.out[0] {
			sum += float64(x) * float64(x)
			n++
		}
	}
	return math.Sqrt(sum / float64(n))
}

func newInsert(t testing.TB, uri string, stereo bool, frames int) *lv2.Insert {
	t.Helper()
	need(t, uri)
	s, err := lv2.NewInsert(theWorld(t), uri, rateHz, frames, stereo)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestInsertGainInEngine: swh's amp at −6 dB in a stereo strip's slot
// (dual mono) and at −3 dB in master's lowers master by 9 dB within
// 0.01 dB; set from another goroutine's side (Set) it follows.
func TestInsertGainInEngine(t *testing.T) {
	r := newEngineRig(t, 256)
	r.rmsFor(0.1) // the limiter fades out
	dry := r.rmsFor(0.2)
	strip := newInsert(t, swhAmp, true, 256)
	master := newInsert(t, swhAmp, true, 256)
	if err := strip.Set("gain", -6); err != nil {
		t.Fatal(err)
	}
	master.Set("gain", -3)
	if _, err := r.e.SetInsert(0, 0, strip); err != nil {
		t.Fatal(err)
	}
	r.e.SetInsert(mixer.MasterInserts, 2, master)
	r.rmsFor(0.1)
	got := 20 * math.Log10(r.rmsFor(0.2)/dry)
	if math.Abs(got-(-9)) > 0.01 {
		t.Errorf("master moved %.3f dB, want −9", got)
	}
	master.Set("gain", 0)
	r.rmsFor(0.1)
	got = 20 * math.Log10(r.rmsFor(0.2)/dry)
	if math.Abs(got-(-6)) > 0.01 {
		t.Errorf("after master's amp went to 0 dB: %.3f dB, want −6", got)
	}
}

// TestInsertLatencyInEngine: x42's nodelay reporting 100 frames of delay
// in a strip's slot adds exactly 100 frames to the engine's latency, the
// one the JACK ports report.
func TestInsertLatencyInEngine(t *testing.T) {
	r := newEngineRig(t, 256)
	r.period()
	before := r.e.LatencyFrames()
	d := newInsert(t, x42NoDelay, false, 256)
	d.Set("delay", 100)
	d.Set("report_latency", 1)
	r.e.SetInsert(1, 3, d)
	r.rmsFor(0.2)
	if got := r.e.LatencyFrames() - before; got != 100 {
		t.Errorf("latency grew by %d frames, want 100", got)
	}
	if got := r.e.InsertLatencyFrames(1); got != 100 {
		t.Errorf("strip latency %d, want 100", got)
	}
	r.e.SetInsertBypass(1, 3, true)
	r.rmsFor(0.05)
	if got := r.e.LatencyFrames(); got != before {
		t.Errorf("bypassed: latency %d, want %d", got, before)
	}
}

// TestEngineWithPluginsDoesNotAllocate runs the engine with four real
// plugins on the stereo strip (dual mono), four on the mono strip and
// four on master, at every period a backend may use: the engine and the
// host add no allocation, whatever the period (the inserts run the
// plugins in blocks of at most lv2.BlockFrames).
func TestEngineWithPluginsDoesNotAllocate(t *testing.T) {
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newEngineRig(t, frames)
			chains := map[int][]string{
				0:                   {swhAmp, swhDJEQ, x42EQ, x42NoDelay},
				1:                   {x42NoDelay, swhAmp, x42EQ, swhDJEQ},
				mixer.MasterInserts: {x42EQStereo, swhAmp, swhDJEQ, x42EQ},
			}
			var amp *lv2.Insert
			for strip, uris := range chains {
				for k, uri := range uris {
					s := newInsert(t, uri, strip != 1, frames)
					if strip == 0 && k == 0 {
						amp = s
					}
					if _, err := r.e.SetInsert(strip, k, s); err != nil {
						t.Fatal(err)
					}
				}
			}
			for range 10 {
				r.period()
			}
			g := float32(0)
			allocs := testing.AllocsPerRun(30, func() {
				g -= 0.1
				amp.SetControl(0, g)
				r.period()
			})
			if allocs != 0 {
				t.Errorf("%d frames: %v allocations per period", frames, allocs)
			}
			for _, x := range r.out[0] {
				if !(x <= 1 && x >= -1) {
					t.Fatalf("master out %v", x)
				}
			}
			for k := range mixer.InsertSlots {
				if faulted, _ := r.e.InsertStatus(mixer.MasterInserts, k); faulted {
					t.Errorf("master slot %d faulted", k)
				}
			}
		})
	}
}

// BenchmarkInsertOverhead is the cost of an insert slot on top of the
// plugin in it: the engine with four swh amps at 0 dB in the mono strip's
// slots, minus the same engine with the slots empty, minus the four
// amps' own run functions called back to back from C (BareNanos), per
// plugin per period. What is left is the slot's work (the dry copy, the
// copies into and out of the plugin's buffers, the engine's NaN/Inf scan,
// the crossfade check, the control and latency atomics) plus the host's
// call into C. Batches of the three alternate so they see the same load.
func BenchmarkInsertOverhead(b *testing.B) {
	for _, frames := range []int{64, 256, 1024} {
		b.Run(fmt.Sprintf("frames=%d", frames), func(b *testing.B) {
			with, without := newEngineRig(b, frames), newEngineRig(b, frames)
			var bare []*lv2.Instance
			for k := range mixer.InsertSlots {
				with.e.SetInsert(1, k, newInsert(b, swhAmp, false, frames))
				in, err := theWorld(b).Instantiate(swhAmp, rateHz, frames)
				if err != nil {
					b.Fatal(err)
				}
				in.Activate()
				defer in.Close()
				bare = append(bare, in)
			}
			ch, err := lv2.NewChain(bare...)
			if err != nil {
				b.Fatal(err)
			}
			defer ch.Close()
			for range 20 {
				with.period()
				without.period()
			}
			const batch = 64
			var tWith, tWithout, tBare int64
			b.ReportAllocs()
			for b.Loop() {
				t0 := time.Now()
				for range batch {
					with.period()
				}
				t1 := time.Now()
				for range batch {
					without.period()
				}
				tWith += t1.Sub(t0).Nanoseconds()
				tWithout += time.Since(t1).Nanoseconds()
				tBare += lv2.BareNanos(ch, frames, batch)
			}
			periods := float64(b.N * batch)
			per := float64(tWith-tWithout-tBare) / periods / mixer.InsertSlots
			b.ReportMetric(per, "slot-ns/plugin/period")
			b.ReportMetric(float64(tBare)/periods/mixer.InsertSlots, "plugin-ns/plugin/period")
			b.ReportMetric(100*per/(float64(frames)/rateHz*1e9), "slot-%period/plugin")
		})
	}
}
