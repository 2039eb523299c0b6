package app

import (
	"gioui.org/unit"
	"image"
	"math"
	"sync/atomic"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

var winSize = image.Pt(1280, 720)

// drain empties the command ring, as the engine would, and returns what
// the GUI sent.
func (f *fixture) drain() []mixer.Command {
	var out []mixer.Command
	for {
		c, ok := f.cmds.TryPop()
		if !ok {
			return out
		}
		out = append(out, c)
	}
}

var eventClock time.Duration

func (f *fixture) ptr(kind pointer.Kind, p f32.Point, mods key.Modifiers) {
	eventClock += 10 * time.Millisecond
	b := pointer.ButtonPrimary
	if kind == pointer.Release {
		b = 0
	}
	f.router.Queue(pointer.Event{Kind: kind, Source: pointer.Mouse, Position: p, Buttons: b, Modifiers: mods, Time: eventClock})
}

func (f *fixture) drag(from f32.Point, dy float32, mods key.Modifiers) {
	f.ptr(pointer.Press, from, mods)
	f.frame(winSize)
	for i := 1; i <= 4; i++ {
		f.ptr(pointer.Move, from.Add(f32.Pt(0, dy*float32(i)/4)), mods)
		f.frame(winSize)
	}
	f.ptr(pointer.Release, from.Add(f32.Pt(0, dy)), mods)
	f.frame(winSize)
	eventClock += time.Second
}

// faderGeometry repeats the strip layout's arithmetic at scale 1 to find
// channel ch's fader: where its cap is and how long its track is. If the
// layout changes, the tests below fail rather than pass by accident.
func (f *fixture) faderGeometry(ch int) (capAt f32.Point, trackPx float32) {
	th := f.ui.Theme
	sp := int(math.Round(float64(th.SmallSizeSp)))
	knobH := int(th.Knob.SizeDp) + sp + 4
	btnH := sp + 10
	top := padDp + nameHDp + gapDp + 5*(knobH+gapDp) + 4*(btnH+gapDp) // assign, cue/mute, two BPM rows
	bodyH := winSize.Y - statusHDp - xfaderRowHDp
	faderH := bodyH - top - padDp
	readH := sp + 6
	const capH = 26
	track := faderH - readH - capH
	x := ch*stripWDp + padDp + 24 + int(th.Fader.WidthDp)/2
	pos := f.ui.strips[ch].fader.Pos
	y := float64(top+capH/2) + float64(track)*(1-pos)
	return f32.Pt(float32(x), float32(y)), float32(track)
}

func only(t *testing.T, cmds []mixer.Command, p mixer.Param, ch int16) mixer.Command {
	t.Helper()
	var last mixer.Command
	n := 0
	for _, c := range cmds {
		if c.Param != p || c.Channel != ch {
			t.Fatalf("unexpected command %+v", c)
		}
		last, n = c, n+1
	}
	if n == 0 {
		t.Fatalf("no command %v for channel %d", p, ch)
	}
	return last
}

func TestFaderDragSendsTheLawsGain(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.frame(winSize)
	f.drain()
	capAt, track := f.faderGeometry(1)

	// Down 60 px from unity.
	f.drag(capAt, 60, 0)
	c := only(t, f.drain(), mixer.ParamFader, 1)
	wantPos := 0.75 - 60/float64(track)
	if math.Abs(float64(c.Value)-wantPos) > 1e-4 {
		t.Fatalf("fader command %v, want position %v", c.Value, wantPos)
	}
	// Below unity the law is a square law: dB = 40·log10(pos/0.75).
	wantDB := 40 * math.Log10(wantPos/0.75)
	if got := mixer.FaderDB(float64(c.Value)); math.Abs(got-wantDB) > 0.01 {
		t.Fatalf("gain %.3f dB, want %.3f dB", got, wantDB)
	}
	if got := float64(f.ui.get(mixer.ParamFader, 1)); math.Abs(got-wantPos) > 1e-4 {
		t.Fatalf("model fader %v, want %v", got, wantPos)
	}

	// Shift: the same gesture moves ten times less.
	before := f.ui.strips[1].fader.Pos
	capAt, _ = f.faderGeometry(1)
	f.drag(capAt, -60, key.ModShift)
	c = only(t, f.drain(), mixer.ParamFader, 1)
	if got, want := float64(c.Value)-before, 6/float64(track); math.Abs(got-want) > 1e-4 {
		t.Fatalf("shift-drag moved %v, want %v", got, want)
	}

	// Double-click: back to 0 dB.
	capAt, _ = f.faderGeometry(1)
	f.ptr(pointer.Press, capAt, 0)
	f.ptr(pointer.Release, capAt, 0)
	f.ptr(pointer.Press, capAt, 0)
	f.ptr(pointer.Release, capAt, 0)
	f.frame(winSize)
	eventClock += time.Second
	c = only(t, f.drain(), mixer.ParamFader, 1)
	if db := mixer.FaderDB(float64(c.Value)); math.Abs(db) > 1e-6 {
		t.Fatalf("double-click left the fader at %v dB, want 0", db)
	}

	// The wheel steps by 1% of travel: one notch down from unity.
	f.router.Queue(pointer.Event{Kind: pointer.Scroll, Source: pointer.Mouse, Position: capAt, Scroll: f32.Pt(0, 10)})
	f.frame(winSize)
	c = only(t, f.drain(), mixer.ParamFader, 1)
	if math.Abs(float64(c.Value)-0.74) > 1e-6 {
		t.Fatalf("wheel notch: position %v, want 0.74", c.Value)
	}

	// Ctrl-click: −∞, then 0 dB again.
	f.ptr(pointer.Press, capAt, key.ModCtrl)
	f.ptr(pointer.Release, capAt, key.ModCtrl)
	f.frame(winSize)
	eventClock += time.Second
	c = only(t, f.drain(), mixer.ParamFader, 1)
	if !math.IsInf(mixer.FaderDB(float64(c.Value)), -1) {
		t.Fatalf("ctrl-click: %v dB, want −∞", mixer.FaderDB(float64(c.Value)))
	}
}

func TestShortcutsToggleCueMuteAndMoveCrossfader(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.frame(winSize)
	f.drain()

	f.router.Queue(key.Event{Name: "1", State: key.Press})
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamCue, 0); c.Value != 1 {
		t.Fatalf("key 1: cue %v, want 1", c.Value)
	}
	if f.ui.get(mixer.ParamCue, 0) != 1 {
		t.Fatal("key 1 did not set the model's cue")
	}
	f.router.Queue(key.Event{Name: "1", State: key.Press})
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamCue, 0); c.Value != 0 {
		t.Fatalf("key 1 again: cue %v, want 0", c.Value)
	}
	f.router.Queue(key.Event{Name: "3", Modifiers: key.ModCtrl, State: key.Press})
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamMute, 2); c.Value != 1 {
		t.Fatalf("ctrl+3: mute %v, want 1", c.Value)
	}
	f.router.Queue(key.Event{Name: "9", State: key.Press})
	f.frame(winSize)
	if cmds := f.drain(); len(cmds) != 0 {
		t.Fatalf("key 9 with 5 channels sent %v", cmds)
	}
	f.router.Queue(key.Event{Name: "C", State: key.Press})
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamCrossfader, 0); math.Abs(float64(c.Value)-0.2) > 1e-6 {
		t.Fatalf("C: crossfader %v, want 0.2 towards B", c.Value)
	}
	f.router.Queue(key.Event{Name: "X", State: key.Press})
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamCrossfader, 0); c.Value != 0 {
		t.Fatalf("X: crossfader %v, want centre", c.Value)
	}
}

func TestTabReachesControlsAndArrowsMoveThem(t *testing.T) {
	f := newFixture(t, 2, 1)
	f.frame(winSize)
	f.drain()
	// app.Window turns Tab into MoveFocus; the router alone does not.
	// The first stop is the channel name, the second the trim knob.
	f.router.MoveFocus(key.FocusForward)
	f.frame(winSize)
	f.router.MoveFocus(key.FocusForward)
	f.frame(winSize)
	f.router.Queue(key.Event{Name: key.NameUpArrow, State: key.Press})
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamTrimDB, 0); math.Abs(float64(c.Value)-1) > 1e-6 {
		t.Fatalf("Tab, Tab, Up: trim %v dB, want +1", c.Value)
	}
	f.router.Queue(key.Event{Name: key.NamePageDown, State: key.Press})
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamTrimDB, 0); math.Abs(float64(c.Value)-(-3)) > 1e-6 {
		t.Fatalf("Page Down: trim %v dB, want −3", c.Value)
	}
}

func TestStartupCommandsCoverTheState(t *testing.T) {
	cmds := newModel(configWith(3)).Commands(nil)
	seen := map[mixer.Param]int{}
	for _, c := range cmds {
		seen[c.Param]++
	}
	if seen[mixer.ParamFader] != 3 || seen[mixer.ParamCue] != 3 || seen[mixer.ParamCrossfader] != 1 {
		t.Fatalf("startup commands per param: %v", seen)
	}
	for _, c := range cmds {
		if c.Param == mixer.ParamFader && mixer.FaderDB(float64(c.Value)) != 0 {
			t.Fatalf("a new channel starts at %v dB, want 0", mixer.FaderDB(float64(c.Value)))
		}
	}
}

// TestSilenceNeedsNoFrames checks the redraw policy: once the meters have
// settled on silence, the window asks for no further frame, and the meter
// pump forwards nothing while the engine keeps publishing silent frames.
func TestSilenceNeedsNoFrames(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.ui.SetMeters(&mixer.MeterFrame{Channels: 5})
	for range 50 {
		f.now = f.now.Add(time.Second)
		f.frame(winSize)
	}
	if at, ok := f.ui.NextFrame(); ok {
		t.Fatalf("silent window wants a frame at %v", at)
	}

	src := rt.NewRing[mixer.MeterFrame](8)
	info := backend.StreamInfo{Backend: "null", SampleRateHz: 48000, State: backend.Running}
	p := newMeterPump(src, func() backend.StreamInfo { return info }, func() {})
	silent := mixer.MeterFrame{Channels: 5}
	src.TryPush(silent)
	if !p.tick() {
		t.Fatal("the first frame and status did not wake the window")
	}
	for i := range 3 * infoEvery {
		silent.Seq++
		silent.Status.LastPeriodNs = int64(1000 + i) // jitters, as it does
		src.TryPush(silent)
		if p.tick() {
			t.Fatalf("tick %d: silence woke the window", i)
		}
	}
	loud := silent
	loud.Strip[2].PeakL = 0.5
	src.TryPush(loud)
	src.TryPush(silent)
	if !p.tick() {
		t.Fatal("a peak did not wake the window")
	}
	var got mixer.MeterFrame
	for p.out.TryPopInto(&got) {
	}
	if got.Strip[2].PeakL != 0.5 {
		t.Fatalf("the peak between two ticks was lost: %v", got.Strip[2].PeakL)
	}
}

func TestTypingANameIsNotAShortcut(t *testing.T) {
	f := newFixture(t, 2, 1)
	f.frame(winSize)
	f.drain()
	f.router.MoveFocus(key.FocusForward) // the first channel's name
	f.frame(winSize)
	f.router.Queue(key.Event{Name: "1", State: key.Press}, key.EditEvent{Range: key.Range{Start: 8, End: 8}, Text: "1"})
	f.frame(winSize)
	f.frame(winSize)
	if cmds := f.drain(); len(cmds) != 0 {
		t.Fatalf("typing 1 into a name sent %v", cmds)
	}
	if got := f.ui.Names()[0]; got != "Deck 11" {
		t.Fatalf("name %q, want %q", got, "Deck 11")
	}
}

func TestPumpIgnoresLoadJitter(t *testing.T) {
	src := rt.NewRing[mixer.MeterFrame](8)
	info := backend.StreamInfo{Backend: "null", SampleRateHz: 48000, State: backend.Running}
	calls := 0
	jitter := true
	p := newMeterPump(src, func() backend.StreamInfo {
		// The load wanders between 0.45% and 0.55%, across a rounding edge.
		if jitter {
			calls++
			info.DSPLoad = 0.0045 + 0.001*float64(calls%2)
		}
		return info
	}, func() {})
	wakes := 0
	for range 10 * infoEvery {
		if p.tick() {
			wakes++
		}
	}
	if calls != 10 {
		t.Fatalf("the pump read the backend %d times in 10 s of ticks, want 10", calls)
	}
	if wakes != 1 {
		t.Fatalf("load jitter below 1%% woke the window %d times, want once (the first status)", wakes)
	}
	jitter = false
	info.DSPLoad = 0.03
	woke := false
	for range infoEvery {
		woke = p.tick() || woke
	}
	if !woke {
		t.Fatal("a load change of 2.6 points did not reach the status line")
	}
	info.XRuns++
	woke = false
	for range infoEvery {
		woke = p.tick() || woke
	}
	if !woke {
		t.Fatal("an xrun did not reach the status line")
	}
}

// TestPumpSlowsDownInSilence runs the pump in real time: with nothing to
// show it falls back to pumpIdleInterval after pumpIdleAfter ticks, still
// reads the backend about once a second, and a level that shows wakes the
// window within the idle interval and brings the display rate back.
func TestPumpSlowsDownInSilence(t *testing.T) {
	src := rt.NewRing[mixer.MeterFrame](8)
	var infoCalls, wakes atomic.Int32
	p := newMeterPump(src, func() backend.StreamInfo {
		infoCalls.Add(1)
		return backend.StreamInfo{Backend: "null", SampleRateHz: 48000, State: backend.Running}
	}, func() { wakes.Add(1) })
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { p.run(stop); close(done) }()
	defer func() { close(stop); <-done }()

	idleBy := time.Now().Add(pumpIdleAfter*pumpInterval + time.Second)
	for !p.idle.Load() {
		if time.Now().After(idleBy) {
			t.Fatal("the pump did not slow down in silence")
		}
		time.Sleep(10 * time.Millisecond)
	}
	calls := infoCalls.Load()
	time.Sleep(2100 * time.Millisecond)
	if n := infoCalls.Load() - calls; n < 1 || n > 3 {
		t.Errorf("the idle pump read the backend %d times in 2.1 s, want about twice", n)
	}

	before := wakes.Load()
	sent := time.Now()
	var f mixer.MeterFrame
	f.Channels = 1
	f.Strip[0].PeakL = 0.5
	src.TryPushPtr(&f)
	for wakes.Load() == before {
		if time.Since(sent) > pumpIdleInterval+100*time.Millisecond {
			t.Fatalf("a -6 dB peak did not wake the window within %v", time.Since(sent))
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Logf("woke the window %v after the level arrived", time.Since(sent).Round(time.Millisecond))
	backBy := time.Now().Add(time.Second)
	for p.idle.Load() {
		if time.Now().After(backBy) {
			t.Fatal("the pump stayed slow after a level showed")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestPumpSpacesFramesOnASlowRenderer runs the pump in real time with
// levels changing faster than the display rate and a window that draws as
// soon as it is woken: when a frame costs 25 ms (a software renderer at a
// large size) the window is woken at most once per frameGapPerCost frames'
// cost, so drawing meters leaves most of the CPU free; when a frame costs
// 1 ms the display rate is the only limit.
func TestPumpSpacesFramesOnASlowRenderer(t *testing.T) {
	for _, c := range []struct {
		cost     time.Duration
		fixed    time.Duration // setFixedGap, as on a software renderer
		min, max int32
	}{
		{cost: 25 * time.Millisecond, min: 5, max: int32(time.Second/(frameGapPerCost*25*time.Millisecond)) + 2},
		{cost: time.Millisecond, min: 30, max: 70},
		// On a software renderer: a steady 30 a second, at least the 25
		// that meters need to look smooth, whatever a frame costs.
		{cost: 25 * time.Millisecond, fixed: softwareFrameGap, min: 25, max: 32},
		{cost: time.Millisecond, fixed: softwareFrameGap, min: 25, max: 32},
	} {
		src := rt.NewRing[mixer.MeterFrame](64)
		var wakes atomic.Int32
		var p *meterPump
		p = newMeterPump(src, func() backend.StreamInfo { return backend.StreamInfo{} }, func() {
			wakes.Add(1)
			start := time.Now()
			for p.out.TryPopInto(&mixer.MeterFrame{}) {
			}
			p.frameDrawn(start, c.cost)
		})
		p.setFixedGap(c.fixed)
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() { p.run(stop); close(done) }()

		// A peak rising from −60 dB by 0.09 dB every 2 ms: every tick of
		// the pump has a new highest peak to show.
		var f mixer.MeterFrame
		f.Channels = 1
		f.Strip[0].PeakL = 0.001
		end := time.Now().Add(time.Second)
		for time.Now().Before(end) {
			f.Strip[0].PeakL *= 1.01
			src.TryPushPtr(&f)
			time.Sleep(2 * time.Millisecond)
		}
		close(stop)
		<-done
		n := wakes.Load()
		t.Logf("frame cost %v, fixed gap %v: %d wakes in 1 s", c.cost, c.fixed, n)
		if n < c.min || n > c.max {
			t.Errorf("frame cost %v, fixed gap %v: the window was woken %d times in 1 s, want %d to %d", c.cost, c.fixed, n, c.min, c.max)
		}
	}
}

// TestCrossfaderCurveHasOneDefault: the curve knob starts where the engine
// does, and a double-click returns it there. (The window once started it
// at 0 and sent 0 on a double-click, while the engine and the file said
// 0.5.)
func TestCrossfaderCurveHasOneDefault(t *testing.T) {
	f := newFixture(t, 2, 1)
	f.frame(winSize)
	if got := f.ui.get(mixer.ParamCrossfaderCurve, 0); got != mixer.DefaultCrossfaderCurve || f.ui.curve.Pos != mixer.DefaultCrossfaderCurve {
		t.Fatalf("a new mixer's curve: model %v, knob %v; want %v", got, f.ui.curve.Pos, mixer.DefaultCrossfaderCurve)
	}
	th := f.ui.Theme
	bodyH := winSize.Y - statusHDp - xfaderRowHDp
	knob := f32pt(padDp+32, bodyH+(xfaderRowHDp-th.KnobHeight(unit.Metric{PxPerDp: 1, PxPerSp: 1}))/2+int(th.Knob.SizeDp)/2)
	f.drag(knob, -60, 0)
	if c := only(t, f.drain(), mixer.ParamCrossfaderCurve, 0); c.Value <= mixer.DefaultCrossfaderCurve {
		t.Fatalf("dragging the curve up sent %v", c.Value)
	}
	f.click(knob)
	f.click(knob)
	if c := only(t, f.drain(), mixer.ParamCrossfaderCurve, 0); c.Value != mixer.DefaultCrossfaderCurve {
		t.Fatalf("double-click sent curve %v; want the default %v", c.Value, mixer.DefaultCrossfaderCurve)
	}
}

// TestSoftwareRendererIsKnown: the renderers that draw on the CPU are
// told apart from GPUs by the name OpenGL gives them.
func TestSoftwareRendererIsKnown(t *testing.T) {
	for r, want := range map[string]string{
		"llvmpipe (LLVM 15.0.6, 256 bits)": "llvmpipe",
		"softpipe":                         "softpipe",
		"AMD Radeon RX 6600 (radeonsi, navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)": "",
		"Mesa Intel(R) UHD Graphics 620 (KBL GT2)":                                     "",
		"": "",
	} {
		if got := softwareRenderer(r); got != want {
			t.Errorf("softwareRenderer(%q) = %q, want %q", r, got, want)
		}
	}
}
