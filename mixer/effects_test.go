package mixer_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/fx"
)

// fxOn runs the beat FX reverb on the master and the colour FX space on
// every strip (each strip's filter knob off centre), on top of
// everythingOn.
func fxOn(r *rig, channels int) {
	everythingOn(r, channels)
	r.set(mixer.ParamBeatFXType, 0, float32(fx.Reverb))
	r.set(mixer.ParamBeatFXAssign, 0, mixer.FXMaster)
	r.set(mixer.ParamBeatFXOn, 0, 1)
	r.set(mixer.ParamColourFXType, 0, float32(fx.Space))
}

// BenchmarkEngineFX is BenchmarkEngine with the beat FX reverb on the
// master and the colour FX space on every strip.
func BenchmarkEngineFX(b *testing.B) { benchmarkEngine(b, fxOn) }

// TestFXDoNotAllocate runs every feature, the BPM counters on every
// channel, the beat FX and the colour FX on every strip, while the beat
// FX changes type and source and the colour FX its type, at every period
// size.
func TestFXDoNotAllocate(t *testing.T) {
	cfg := stereoConfig(6)
	cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Mic", Mic: true})
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newRig(t, cfg, frames)
			fxOn(r, len(cfg.Channels))
			fillNoise(r.in, 5)
			r.run()
			step := 0
			allocs := testing.AllocsPerRun(100, func() {
				step++
				if step%5 == 0 {
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamBeatFXType, Value: float32(step / 5 % int(fx.BeatKinds))})
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamBeatFXAssign, Value: float32(step / 10 % (mixer.FXChannel + 8))})
					r.ctl.TryPush(mixer.Command{Param: mixer.ParamColourFXType, Value: float32(step / 5 % int(fx.ColourKinds))})
				}
				r.ctl.TryPush(mixer.Command{Param: mixer.ParamBeatFXDepth, Value: float32(step%10) / 10})
				r.ctl.TryPush(mixer.Command{Param: mixer.ParamFilter, Channel: int16(step % 7), Value: float32(step%20)/10 - 1})
				r.run()
			})
			if allocs != 0 {
				t.Errorf("Process allocates %v times per period", allocs)
			}
		})
	}
}

// masterImpulse runs r (limiter off, an impulse of 1 into the first
// channel's left input) for frames in periods of 480 and returns the
// master's left output.
func masterImpulse(r *rig, frames int) []float32 {
	var out []float32
	for k := 0; len(out) < frames; k++ {
		clear(r.in[0])
		if k == 0 {
			r.in[0][10] = 1
		}
		r.run()
		out = append(out, r.out[0]...)
	}
	return out
}

// repeatsAt lists the frames where |x| passes 0.01 and is a local maximum.
func repeatsAt(x []float32) []int {
	var at []int
	for i := 1; i+1 < len(x); i++ {
		a := math.Abs(float64(x[i]))
		if a > 0.01 && a >= math.Abs(float64(x[i-1])) && a > math.Abs(float64(x[i+1])) {
			at = append(at, i)
		}
	}
	return at
}

// TestBeatFXEchoFollowsTheChannelBPM taps 120 BPM into channel 1's
// counter and puts a 1/2-beat echo on channel 1: an impulse comes back
// every 250 ms (to 1 ms), each repeat half the last. In ms mode the echo
// takes the time set instead.
func TestBeatFXEchoFollowsTheChannelBPM(t *testing.T) {
	r := newRig(t, mixer.DefaultConfig(), 480)
	r.set(mixer.ParamLimiter, 0, 0)
	for k := range 200 {
		if k%50 == 0 { // a tap every 24000 frames: 120 BPM
			r.set(mixer.ParamBPMTap, 0, 1)
		}
		r.run()
	}
	r.e.Meters().TryPop()
	r.set(mixer.ParamBeatFXAssign, 0, mixer.FXChannel)
	r.set(mixer.ParamBeatFXBeats, 0, 3) // 1/2
	r.set(mixer.ParamBeatFXFeedback, 0, 0.5)
	r.set(mixer.ParamBeatFXOn, 0, 1)
	for range 10 {
		r.run()
	}
	check := func(what string, spacing int) {
		t.Helper()
		out := masterImpulse(r, 4*spacing+2000)
		at := repeatsAt(out)
		if len(at) < 4 {
			t.Fatalf("%s: peaks at %v", what, at)
		}
		want := 1.0
		for k, i := range at[:4] {
			if errMs := math.Abs(float64(i-10-k*spacing)) / testRateHz * 1000; errMs > 1 {
				t.Errorf("%s: repeat %d at frame %d, want %d", what, k, i-10, k*spacing)
			}
			if k >= 2 {
				want *= 0.5
			}
			if got := math.Abs(float64(out[i])); math.Abs(got-want) > 0.02*want {
				t.Errorf("%s: repeat %d at %.3f, want %.3f", what, k, got, want)
			}
		}
	}
	check("120 BPM, 1/2 beat", 12000)
	r.set(mixer.ParamBeatFXSync, 0, 0)
	r.set(mixer.ParamBeatFXTimeMs, 0, 100)
	for range 400 { // the old repeats die away
		r.run()
	}
	check("100 ms", 4800)
}

// TestFXSwitchesDoNotClick changes the beat FX's type and source, and the
// colour FX's type, while a 440 Hz sine at 0.5 plays on channel 1. As in
// TestSwitchesDoNotClick, the largest step at the master in the 100 ms
// after each change must stay within the largest step the steady sound
// makes before and after it (each effect's own content), plus 25% for the
// content's own variation (a gate's edge meeting a reverb's peak): every
// change crossfades, where a hard switch would add a step of the signal's
// size, 0.5 here, many times the limit.
func TestFXSwitchesDoNotClick(t *testing.T) {
	r := newSineRig(t, 440, 440)
	r.set(mixer.ParamLimiter, 0, 0)
	r.set(mixer.ParamFilter, 0, -0.6)
	r.set(mixer.ParamBeatFXDepth, 0, 0.5)
	r.set(mixer.ParamBeatFXFeedback, 0, 0.3)
	r.set(mixer.ParamBeatFXBeats, 0, 0) // 1/16 beat: the steady windows hold many repeats and LFO turns
	r.set(mixer.ParamBeatFXOn, 0, 1)
	r.maxStep(0, 0.1)
	before := r.maxStep(0, 0.2)
	sources := []float32{mixer.FXChannel, mixer.FXMaster, mixer.FXSideA, mixer.FXChannel, mixer.FXMic, mixer.FXSideB, mixer.FXChannel + 1, mixer.FXChannel}
	worst := 0.0
	for k := range 2 * int(fx.BeatKinds) {
		what := fmt.Sprintf("change %d (beat FX %d, colour FX %d)", k, k%int(fx.BeatKinds), k%int(fx.ColourKinds))
		r.set(mixer.ParamBeatFXType, 0, float32(k%int(fx.BeatKinds)))
		r.set(mixer.ParamColourFXType, 0, float32(k%int(fx.ColourKinds)))
		if k%2 == 1 {
			r.set(mixer.ParamBeatFXAssign, 0, sources[k/2%len(sources)])
			what += fmt.Sprintf(", source %v", sources[k/2%len(sources)])
		}
		if k == int(fx.BeatKinds) {
			r.set(mixer.ParamXfaderAssign, 0, mixer.XfaderA) // side A now holds the sine
		}
		switch k {
		case int(fx.BeatKinds) + 2: // the unit goes to side B, without the sine: mostly wet there
			r.set(mixer.ParamBeatFXDepth, 0, 0.9)
		case int(fx.BeatKinds) + 3: // the sine joins it there
			r.set(mixer.ParamXfaderAssign, 0, mixer.XfaderB)
		case int(fx.BeatKinds) + 4:
			r.set(mixer.ParamBeatFXDepth, 0, 0.5)
		}
		change := r.maxStep(0, 0.1)
		r.maxStep(0, 0.1)
		after := r.maxStep(0, 0.2)
		limit := 1.25*max(before, after) + 0.002
		worst = max(worst, change/limit)
		if change > limit {
			t.Errorf("%s: largest step %.4f, steady %.4f before and %.4f after", what, change, before, after)
		}
		before = after
	}
	t.Logf("largest step during a change: %.0f%% of the limit", 100*worst)
}

// TestBeatFXSources puts a 100 ms echo on each source in turn and plays an
// impulse into channel 1 (and into the mic for the mic bus): the echo
// comes back exactly where the source holds the impulse, and nowhere else.
func TestBeatFXSources(t *testing.T) {
	const spacing = 4800
	micIn := 8 // the mic's input port in DefaultConfig: after four stereo decks
	for _, c := range []struct {
		name   string
		source int
		assign float32 // channel 1's crossfader assignment
		input  int
		echo   bool
	}{
		{"channel 1", mixer.FXChannel, mixer.XfaderThru, 0, true},
		{"channel 2", mixer.FXChannel + 1, mixer.XfaderThru, 0, false},
		{"master", mixer.FXMaster, mixer.XfaderThru, 0, true},
		{"side A, channel on A", mixer.FXSideA, mixer.XfaderA, 0, true},
		{"side A, channel thru", mixer.FXSideA, mixer.XfaderThru, 0, false},
		{"side B, channel on A", mixer.FXSideB, mixer.XfaderA, 0, false},
		{"side B, channel on B", mixer.FXSideB, mixer.XfaderB, 0, true},
		{"mic bus, impulse in the mic", mixer.FXMic, mixer.XfaderThru, micIn, true},
		{"mic bus, impulse in channel 1", mixer.FXMic, mixer.XfaderThru, 0, false},
		{"master, impulse in the mic", mixer.FXMaster, mixer.XfaderThru, micIn, false},
	} {
		r := newRig(t, mixer.DefaultConfig(), 480)
		r.set(mixer.ParamLimiter, 0, 0)
		r.set(mixer.ParamXfaderAssign, 0, c.assign)
		r.set(mixer.ParamBeatFXSync, 0, 0)
		r.set(mixer.ParamBeatFXTimeMs, 0, 100)
		r.set(mixer.ParamBeatFXAssign, 0, float32(c.source))
		r.set(mixer.ParamBeatFXOn, 0, 1)
		for range 10 {
			r.run()
		}
		var out []float32
		for k := range 30 {
			clear(r.in[c.input])
			if k == 0 {
				r.in[c.input][10] = 1
			}
			r.run()
			out = append(out, r.out[0]...)
		}
		at := repeatsAt(out)
		echoed := len(at) >= 2 && at[1]-at[0] == spacing
		if len(at) == 0 || echoed != c.echo || !c.echo && len(at) != 1 {
			t.Errorf("%s: peaks at %v, want an echo: %v", c.name, at, c.echo)
		}
	}
}

// TestBeatFXSendReturn runs the beat FX as send/return on the master: the
// send carries the music bus, the return comes back as the wet signal at
// the depth's level, another effect silences the send, off stops the send
// while the return's tail still plays, and a return gone bad (NaN) never
// reaches the master.
func TestBeatFXSendReturn(t *testing.T) {
	r := newRig(t, mixer.DefaultConfig(), 480)
	sendL, sendR := len(r.out)-2, len(r.out)-1
	retL, retR := len(r.in)-2, len(r.in)-1
	if got := r.e.Outputs()[sendL].Name + " " + r.e.Inputs()[retL].Name; got != "fx_send_L fx_return_L" {
		t.Fatalf("ports %s", got)
	}
	r.set(mixer.ParamLimiter, 0, 0)
	r.set(mixer.ParamBeatFXType, 0, float32(fx.External))
	r.set(mixer.ParamBeatFXAssign, 0, mixer.FXMaster)
	r.set(mixer.ParamBeatFXDepth, 0, 0.5) // dry and wet at full level
	r.set(mixer.ParamBeatFXOn, 0, 1)
	phase := 0
	play := func(periods int, ret float32) {
		for range periods {
			for i := range r.in[0] {
				v := float32(0.25 * math.Sin(2*math.Pi*1000*float64(phase)/testRateHz))
				r.in[0][i], r.in[1][i] = v, v
				r.in[retL][i], r.in[retR][i] = ret, -ret
				phase++
			}
			r.run()
		}
	}
	play(20, 0)
	if p := peak(r.out[sendL]); p < 0.2 {
		t.Fatalf("send peak %.3f with a 0.25 sine on the master, want it there", p)
	}
	for i := range r.out[0] {
		if d := math.Abs(float64(r.out[sendL][i] - r.out[0][i])); d > 1e-6 {
			t.Fatalf("frame %d: send %.6f, master %.6f with a silent return", i, r.out[sendL][i], r.out[0][i])
		}
	}
	play(20, 0.1)
	for i := range r.out[0] {
		if d := math.Abs(float64(r.out[0][i] - r.out[sendL][i] - 0.1)); d > 1e-6 {
			t.Fatalf("frame %d: master %.6f, want send %.6f + return 0.1", i, r.out[0][i], r.out[sendL][i])
		}
		if d := math.Abs(float64(r.out[1][i] - r.out[sendR][i] + 0.1)); d > 1e-6 {
			t.Fatalf("frame %d: master R %.6f, want send %.6f − return 0.1", i, r.out[1][i], r.out[sendR][i])
		}
	}
	r.set(mixer.ParamBeatFXOn, 0, 0)
	play(20, 0.1)
	if p := peak(r.out[sendL]); p != 0 {
		t.Errorf("send peak %.3g after off, want silence", p)
	}
	if p := float64(peak(r.out[0])) - 0.25; math.Abs(p-0.1) > 0.01 {
		t.Errorf("after off the master peaks %.3f above the dry sine, want the return's tail, 0.1", p)
	}
	r.set(mixer.ParamBeatFXOn, 0, 1)
	play(20, math.Float32frombits(0x7fc00000))
	for i, v := range r.out[0] {
		if math.IsNaN(float64(v)) || math.Abs(float64(v)) > 0.26 {
			t.Fatalf("frame %d: master %v with a NaN return, want the dry sine", i, v)
		}
	}
	r.set(mixer.ParamBeatFXType, 0, float32(fx.Echo))
	play(20, 0.1)
	if p := peak(r.out[sendL]) + peak(r.out[sendR]); p != 0 {
		t.Errorf("send peak %.3g with the echo running, want silence", p)
	}
}
