package mixer_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// Ports of micConfig: a stereo deck and a mono mic.
const (
	deckInL, deckInR = 0, 1
	micIn            = 2
	extInL, extInR   = 3, 4 // the monitor section's external input
	masterOutL       = 0
	masterOutR       = 1
	phonesOutL       = 4
	phonesOutR       = 5
	monAOutL         = 6
	monAOutR         = 7
	monBOutL         = 8
	monBOutR         = 9
)

// micConfig is a stereo deck (channel 0) and a mono mic (channel 1).
func micConfig() mixer.Config {
	cfg := mixer.DefaultConfig()
	cfg.Channels = []mixer.ChannelConfig{{Name: "Deck", Stereo: true}, {Name: "Mic", Mic: true}}
	return cfg
}

// studioRig is a rig whose inputs come from gen(port, frame), and which
// records its outputs.
type studioRig struct {
	*rig
	frame int
	gen   func(port, frame int) float32
}

func newStudioRig(t testing.TB, cfg mixer.Config, frames int) *studioRig {
	return &studioRig{rig: newRig(t, cfg, frames), gen: func(int, int) float32 { return 0 }}
}

func (r *studioRig) period() {
	for p, b := range r.in {
		for i := range b {
			b[i] = r.gen(p, r.frame+i)
		}
	}
	r.frame += len(r.in[0])
	r.run()
}

// record runs for seconds and returns every output, concatenated.
func (r *studioRig) record(seconds float64) [][]float32 {
	out := make([][]float32, len(r.out))
	for range int(math.Ceil(seconds * testRateHz / float64(len(r.in[0])))) {
		r.period()
		for p := range out {
			out[p] = append(out[p], r.out[p]...)
		}
	}
	return out
}

func toneAt(amp, hz float64, frame int) float32 {
	return float32(amp * math.Sin(2*math.Pi*hz*float64(frame)/testRateHz))
}

// component is the amplitude of the hz sine in x, which should hold a whole
// number of its cycles.
func component(x []float32, hz float64) float64 {
	var re, im float64
	for i, v := range x {
		ph := 2 * math.Pi * hz * float64(i) / testRateHz
		re += float64(v) * math.Cos(ph)
		im += float64(v) * math.Sin(ph)
	}
	return 2 * math.Hypot(re, im) / float64(len(x))
}

func dB(g float64) float64 { return 20 * math.Log10(g) }

// TestTalkoverAttackRelease measures the duck gain on the music: the deck
// plays DC 0.5 on its right side and the mic is panned hard left, so master
// R is 0.5 times the duck gain, sample for sample (limiter off).
//
// The criterion: the gain moves linearly in dB, so the attack setting is
// the time it takes to travel the whole depth and the release setting the
// time back. The test times 90% of the travel in dB from the mic's first
// sample (attack: 0.9·attack) and from its last sample (release: the
// TalkoverHoldSeconds hold, then 0.9·release), each within 1 ms plus the
// half cycle of the 1 kHz tone that may fall under the threshold.
func TestTalkoverAttackRelease(t *testing.T) {
	for _, c := range []struct{ depthDB, attackMs, releaseMs float64 }{
		{mixer.DefaultTalkoverDepthDB, mixer.DefaultTalkoverAttackMs, mixer.DefaultTalkoverReleaseMs},
		{-20, 10, 1000},
	} {
		t.Run(fmt.Sprintf("%gdB_%gms_%gms", c.depthDB, c.attackMs, c.releaseMs), func(t *testing.T) {
			r := newStudioRig(t, micConfig(), 64)
			r.set(mixer.ParamLimiter, 0, 0)
			r.set(mixer.ParamPan, 1, -1)
			r.set(mixer.ParamTalkoverMode, 0, mixer.TalkoverAuto)
			if c.depthDB != mixer.DefaultTalkoverDepthDB {
				r.set(mixer.ParamTalkoverDepthDB, 0, float32(c.depthDB))
				r.set(mixer.ParamTalkoverAttackMs, 0, float32(c.attackMs))
				r.set(mixer.ParamTalkoverReleaseMs, 0, float32(c.releaseMs))
			}
			const onFrame, offFrame = testRateHz / 2, 2 * testRateHz
			r.gen = func(port, f int) float32 {
				switch port {
				case deckInR:
					return 0.5
				case micIn:
					if f >= onFrame && f < offFrame {
						return toneAt(0.1, 1000, f-onFrame) // −20 dBFS, over −30
					}
				}
				return 0
			}
			out := r.record(2 + mixer.TalkoverHoldSeconds + 1.2*c.releaseMs/1000)[masterOutR]
			gainDB := func(i int) float64 { return dB(float64(out[i]) / 0.5) }
			for i := testRateHz / 10; i < onFrame; i++ { // after the settings' ramps
				if out[i] != 0.5 {
					t.Fatalf("frame %d before the mic: music %v, want 0.5 untouched", i, out[i])
				}
			}
			first := func(from int, reached func(float64) bool) float64 {
				for i := from; i < len(out); i++ {
					if reached(gainDB(i)) {
						return 1000 * float64(i-from) / testRateHz
					}
				}
				t.Fatalf("the gain never got there from frame %d", from)
				return 0
			}
			const tolMs = 1.5
			attack := first(onFrame, func(g float64) bool { return g <= 0.9*c.depthDB })
			if want := 0.9 * c.attackMs; math.Abs(attack-want) > tolMs {
				t.Errorf("90%% of the attack took %.2f ms, want %.2f ms", attack, want)
			}
			settled := onFrame + int((c.attackMs+5)/1000*testRateHz)
			for _, i := range []int{settled, offFrame, offFrame + int(0.9*mixer.TalkoverHoldSeconds*testRateHz)} {
				if g := gainDB(i); math.Abs(g-c.depthDB) > 0.01 {
					t.Errorf("frame %d: gain %.3f dB, want the depth %.1f dB", i, g, c.depthDB)
				}
			}
			release := first(offFrame, func(g float64) bool { return g >= 0.1*c.depthDB }) - 1000*mixer.TalkoverHoldSeconds
			if want := 0.9 * c.releaseMs; math.Abs(release-want) > tolMs {
				t.Errorf("90%% of the release took %.2f ms after the hold, want %.2f ms", release, want)
			}
			if last := out[len(out)-1]; last != 0.5 {
				t.Errorf("after the release the music is %v, want 0.5 exactly", last)
			}
			t.Logf("attack 90%%: %.2f ms, release 90%%: %.2f ms after the hold", attack, release)
		})
	}
}

// TestTalkoverManual ducks while the button is held, and not in auto mode
// without a voice.
func TestTalkoverManual(t *testing.T) {
	r := newStudioRig(t, micConfig(), 256)
	r.set(mixer.ParamLimiter, 0, 0)
	r.gen = func(port, f int) float32 {
		if port == deckInL || port == deckInR {
			return 0.5
		}
		return 0
	}
	level := func() float64 {
		r.record(0.7)
		return dB(float64(r.out[masterOutL][255]) / 0.5)
	}
	r.set(mixer.ParamTalkoverButton, 0, 1)
	if g := level(); g != 0 {
		t.Errorf("button held with talkover off: %v dB", g)
	}
	r.set(mixer.ParamTalkoverMode, 0, mixer.TalkoverManual)
	if g := level(); math.Abs(g-mixer.DefaultTalkoverDepthDB) > 0.01 {
		t.Errorf("button held: %.3f dB, want %v dB", g, mixer.DefaultTalkoverDepthDB)
	}
	if g := r.e.TalkoverGainDB(); math.Abs(float64(g)-mixer.DefaultTalkoverDepthDB) > 0.01 {
		t.Errorf("button held: TalkoverGainDB %v, want %v", g, mixer.DefaultTalkoverDepthDB)
	}
	r.set(mixer.ParamTalkoverButton, 0, 0)
	if g := level(); g != 0 {
		t.Errorf("button released: %v dB, want 0", g)
	}
	if g := r.e.TalkoverGainDB(); g != 0 {
		t.Errorf("button released: TalkoverGainDB %v, want 0", g)
	}
	r.set(mixer.ParamTalkoverMode, 0, mixer.TalkoverAuto)
	if g := level(); g != 0 {
		t.Errorf("auto mode, silent mic: %v dB, want 0", g)
	}
}

// TestTalkoverSparesMicAndBeatsLimiter plays a hot deck (+3 dBFS, so the
// limiter works) and the mic, with talkover off and on. On the master the
// mic's tone must be the same either way, and the music must fall by the
// whole depth: the limiter must not win back what the duck took.
func TestTalkoverSparesMicAndBeatsLimiter(t *testing.T) {
	const musicHz, micHz = 150, 1000
	run := func(mode float32) (music, mic, limiterDB float64) {
		r := newStudioRig(t, micConfig(), 256)
		r.set(mixer.ParamTalkoverMode, 0, mode)
		r.gen = func(port, f int) float32 {
			switch port {
			case deckInL, deckInR:
				return toneAt(1.4, musicHz, f)
			case micIn:
				return toneAt(0.3, micHz, f)
			}
			return 0
		}
		out := r.record(1)[masterOutL]
		limiterDB = float64(r.e.Status().LimiterGainDB)
		w := out[len(out)-testRateHz/10:] // 0.1 s: 15 and 100 whole cycles
		return component(w, musicHz), component(w, micHz), limiterDB
	}
	musicOff, micOff, limOff := run(mixer.TalkoverOff)
	musicOn, micOn, limOn := run(mixer.TalkoverAuto)
	t.Logf("off: music %.4f mic %.4f limiter %.1f dB; auto: music %.4f mic %.4f limiter %.1f dB",
		musicOff, micOff, limOff, musicOn, micOn, limOn)
	if limOff > -3 {
		t.Fatalf("the limiter reduces only %.1f dB: this test needs it working", limOff)
	}
	if d := dB(micOn / micOff); math.Abs(d) > 0.05 {
		t.Errorf("the mic on the master moved by %.3f dB under its own talkover", d)
	}
	if d := dB(musicOn / musicOff); math.Abs(d-mixer.DefaultTalkoverDepthDB) > 0.2 {
		t.Errorf("the music fell by %.2f dB, want the depth %v dB", d, mixer.DefaultTalkoverDepthDB)
	}
}

// TestTalkoverMicBitExact: with the music silent, a held talkover leaves
// the mic on the master bit for bit as it is without talkover.
func TestTalkoverMicBitExact(t *testing.T) {
	run := func(mode float32) []float32 {
		r := newStudioRig(t, micConfig(), 128)
		r.set(mixer.ParamTalkoverMode, 0, mode)
		r.set(mixer.ParamTalkoverButton, 0, 1)
		r.gen = func(port, f int) float32 {
			if port == micIn {
				return toneAt(0.9, 700, f)
			}
			return 0
		}
		return r.record(0.3)[masterOutL]
	}
	off, on := run(mixer.TalkoverOff), run(mixer.TalkoverManual)
	if peak(off) < 0.5 {
		t.Fatalf("the mic does not reach the master: peak %v", peak(off))
	}
	for i := range off {
		if off[i] != on[i] {
			t.Fatalf("frame %d: mic %v with talkover, %v without", i, on[i], off[i])
		}
	}
}
