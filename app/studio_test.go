package app

import (
	"image"
	"math"
	"testing"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"

	"github.com/linuxdj/linuxdj/mixer"
)

// studioGeometry repeats the studio column's layout arithmetic at scale 1
// (window winSize, 5 strips) to find its controls; if the layout changes,
// the tests fail rather than click beside the controls.
type studioGeometry struct {
	x0, iw, bh, knobH                int
	half, quarter, third             int
	recRow, formatRow                int
	modeRow, talkKnobs, talkRow      int
	sourceRow, monKnobs, toggles, AB int
}

func (f *fixture) studioGeometry() studioGeometry {
	th := f.ui.Theme
	sp := int(math.Round(float64(th.SmallSizeSp)))
	g := studioGeometry{bh: sp + 10, knobH: int(th.Knob.SizeDp) + sp + 4}
	g.x0 = winSize.X - masterWDp - studioWDp + padDp
	g.iw = studioWDp - 2*padDp
	g.half, g.quarter, g.third = (g.iw-gapDp)/2, (g.iw-3*gapDp)/4, (g.iw-2*gapDp)/3
	y := padDp + titleHDp
	g.recRow = y
	y += g.bh + gapDp
	g.formatRow = y
	y += g.bh + gapDp + 4*lineHDp + gapDp + titleHDp
	g.modeRow = y
	y += g.bh + gapDp
	g.talkKnobs = y
	y += g.knobH + gapDp
	g.talkRow = y
	y += g.bh + 2*gapDp + titleHDp
	g.sourceRow = y
	y += g.bh + gapDp
	g.monKnobs = y
	y += g.knobH + gapDp
	g.toggles = y
	y += g.bh + gapDp
	g.AB = y
	return g
}

// segment is the centre of segment i of a 3-way selector in the row at y.
func (g studioGeometry) segment(i, y int) f32.Point {
	segW := (g.iw - 2*2) / 3
	return f32pt(g.x0+i*(segW+2)+segW/2, y+g.bh/2)
}

// knob is the centre of knob i of a four-knob row at y.
func (g studioGeometry) knob(i, y int) f32.Point {
	return f32pt(g.x0+i*(g.quarter+gapDp)+g.quarter/2, y+17)
}

func (g studioGeometry) recordButton() f32.Point { return f32pt(g.x0+g.half/2, g.recRow+g.bh/2) }
func (g studioGeometry) cueButton() f32.Point {
	return f32pt(g.x0+g.half+gapDp+g.half/2, g.recRow+g.bh/2)
}
func (g studioGeometry) talkButton() f32.Point { return f32pt(g.x0+g.half/2, g.talkRow+g.bh/2) }
func (g studioGeometry) toggle(i int) f32.Point {
	return f32pt(g.x0+i*(g.quarter+gapDp)+g.quarter/2, g.toggles+g.bh/2)
}
func (g studioGeometry) abButton(i int) f32.Point {
	return f32pt(g.x0+i*(g.third+gapDp)+g.third/2, g.AB+g.bh/2)
}

// one returns the value of the last command in cmds, failing unless they
// are all for p (a drag sends one per frame) and there is at least one.
func one(t *testing.T, cmds []mixer.Command, p mixer.Param) float32 {
	t.Helper()
	for _, c := range cmds {
		if c.Param != p {
			t.Fatalf("commands %+v; want only %v", cmds, p)
		}
	}
	if len(cmds) == 0 {
		t.Fatalf("no command; want %v", p)
	}
	return cmds[len(cmds)-1].Value
}

// TestStudioControlsSendCommands clicks and drags each kind of control in
// the studio column and checks the command (param and value) the engine
// gets, and that the model follows.
func TestStudioControlsSendCommands(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.frame(winSize)
	if cs := f.drain(); len(cs) != 0 {
		t.Fatalf("the first frame sent %+v", cs)
	}
	g := f.studioGeometry()

	f.click(g.segment(2, g.modeRow))
	if v := one(t, f.drain(), mixer.ParamTalkoverMode); v != mixer.TalkoverManual || f.ui.get(mixer.ParamTalkoverMode, 0) != mixer.TalkoverManual {
		t.Fatalf("talkover mode %v, model %v; want manual", v, f.ui.get(mixer.ParamTalkoverMode, 0))
	}

	// Up 40 px of the knob's 160 dp travel: a quarter of the depth range.
	f.drag(g.knob(1, g.talkKnobs), -40, 0)
	v := one(t, f.drain(), mixer.ParamTalkoverDepthDB)
	if want := mixer.DefaultTalkoverDepthDB + 40.0/4; math.Abs(float64(v)-want) > 1e-3 || math.Abs(float64(f.ui.get(mixer.ParamTalkoverDepthDB, 0))-want) > 1e-3 {
		t.Fatalf("depth %v dB, model %v; want %v", v, f.ui.get(mixer.ParamTalkoverDepthDB, 0), want)
	}
	// Attack is logarithmic: a quarter of 1..1000 ms up from 50 ms.
	f.drag(g.knob(2, g.talkKnobs), -40, 0)
	v = one(t, f.drain(), mixer.ParamTalkoverAttackMs)
	if want := 50 * math.Pow(1000, 0.25); math.Abs(float64(v)-want) > 0.01 {
		t.Fatalf("attack %v ms, want %v", v, want)
	}

	// The talk button is on only while held, and never in the model.
	before := f.ui.model.Clone()
	f.ptr(pointer.Press, g.talkButton(), 0)
	f.frame(winSize)
	if v := one(t, f.drain(), mixer.ParamTalkoverButton); v != 1 {
		t.Fatalf("talk pressed sent %v", v)
	}
	f.frame(winSize)
	if cs := f.drain(); len(cs) != 0 {
		t.Fatalf("holding talk sent %+v", cs)
	}
	f.ptr(pointer.Release, g.talkButton(), 0)
	f.frame(winSize)
	if v := one(t, f.drain(), mixer.ParamTalkoverButton); v != 0 {
		t.Fatalf("talk released sent %v", v)
	}
	// The press gave it the focus: Space holds it from the keyboard.
	f.router.Queue(key.Event{Name: key.NameSpace, State: key.Press})
	f.frame(winSize)
	if v := one(t, f.drain(), mixer.ParamTalkoverButton); v != 1 {
		t.Fatalf("Space pressed sent %v", v)
	}
	f.router.Queue(key.Event{Name: key.NameSpace, State: key.Release})
	f.frame(winSize)
	if v := one(t, f.drain(), mixer.ParamTalkoverButton); v != 0 {
		t.Fatalf("Space released sent %v", v)
	}
	if !before.Equal(f.ui.model) {
		t.Fatal("the talk button changed the saved model")
	}

	f.click(g.segment(2, g.sourceRow))
	if v := one(t, f.drain(), mixer.ParamMonitorSource); v != mixer.MonitorExternal || f.ui.get(mixer.ParamMonitorSource, 0) != mixer.MonitorExternal {
		t.Fatalf("monitor source %v; want external", v)
	}
	f.drag(g.knob(0, g.monKnobs), 40, 0)
	v = one(t, f.drain(), mixer.ParamMonitorLevelDB)
	if want := mixer.MonitorReferenceDB - (12-mixer.MonitorLevelOffDB)/4; math.Abs(float64(v)-want) > 1e-3 {
		t.Fatalf("monitor level %v dB, want %v", v, want)
	}
	for _, c := range []struct {
		at    f32.Point
		p     mixer.Param
		value float32
	}{
		{g.toggle(toggleDim), mixer.ParamMonitorDim, 1},
		{g.toggle(toggleMono), mixer.ParamMonitorMono, 1},
		{g.toggle(toggleMute), mixer.ParamMonitorMute, 1},
		{g.toggle(togglePolarityL), mixer.ParamMonitorPolarityL, 1},
		{g.abButton(0), mixer.ParamMonitorSpeakerA, 0},
		{g.abButton(1), mixer.ParamMonitorSpeakerB, 1},
	} {
		f.click(c.at)
		if v := one(t, f.drain(), c.p); v != c.value || f.ui.get(c.p, 0) != c.value {
			t.Fatalf("%v sent %v, model %v; want %v", c.p, v, f.ui.get(c.p, 0), c.value)
		}
	}
	f.ptr(pointer.Press, g.abButton(2), 0)
	f.frame(winSize)
	if v := one(t, f.drain(), mixer.ParamTalkback); v != 1 {
		t.Fatalf("talkback pressed sent %v", v)
	}
	f.ptr(pointer.Cancel, g.abButton(2), 0)
	f.frame(winSize)
	if v := one(t, f.drain(), mixer.ParamTalkback); v != 0 {
		t.Fatalf("talkback cancelled sent %v", v)
	}
}

// TestStudioApplyAndCommands: a command made elsewhere shows in the
// column without being sent back, and the start-up commands carry the
// settings but never a held button.
func TestStudioApplyAndCommands(t *testing.T) {
	f := newFixture(t, 2, 1)
	f.frame(winSize)
	f.drain()
	f.ui.Apply(mixer.Command{Param: mixer.ParamMonitorTrimBDB, Value: -6})
	f.ui.Apply(mixer.Command{Param: mixer.ParamTalkoverReleaseMs, Value: 2000})
	f.ui.Apply(mixer.Command{Param: mixer.ParamTalkoverButton, Value: 1})
	f.frame(winSize)
	if cs := f.drain(); len(cs) != 0 {
		t.Fatalf("applied commands were sent back: %+v", cs)
	}
	if trim, release := f.ui.get(mixer.ParamMonitorTrimBDB, 0), f.ui.get(mixer.ParamTalkoverReleaseMs, 0); trim != -6 || release != 2000 {
		t.Fatalf("model trim B %v, release %v", trim, release)
	}
	cmds := f.ui.model.Commands(nil)
	found := 0
	for _, c := range cmds {
		switch {
		case c.Param == mixer.ParamMonitorTrimBDB && c.Value == -6:
			found++
		case c.Param == mixer.ParamMonitorSpeakerA && c.Value == 1:
			found++
		case c.Param == mixer.ParamTalkoverButton || c.Param == mixer.ParamTalkback:
			t.Errorf("a held button is in the start-up commands: %+v", c)
		}
	}
	if found != 2 {
		t.Fatalf("start-up commands lack the studio settings: %+v", cmds)
	}
}

// TestStudioLayoutDoesNotAllocate: the studio column, with a recorder
// attached and a hovered knob showing its readout, draws without
// allocating once warmed up.
func TestStudioLayoutDoesNotAllocate(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.ui.SetStudio(newTestRecordCtl(t, t.TempDir()), func() float32 { return -3 })
	size := image.Pt(1920, 1080)
	f.frame(size)
	x0 := size.X - masterWDp - studioWDp + padDp
	g := f.studioGeometry()
	f.router.Queue(pointer.Event{Kind: pointer.Move, Source: pointer.Mouse, Position: f32pt(x0+g.quarter/2, g.talkKnobs+17)})
	if allocs := f.warmLayoutAllocs(size, 60, f.moveMeters); allocs != 0 {
		t.Errorf("%d allocations in 50 warmed-up Layouts with the studio column, want 0", allocs)
	}
	if !f.ui.studio.knobs[knobThreshold].Touched() {
		t.Error("the hovered studio knob is not touched; its readout was not measured")
	}
	if f.ui.studio.duckText != "DUCK −3.0 dB" {
		t.Errorf("duck readout %q", f.ui.studio.duckText)
	}
}
