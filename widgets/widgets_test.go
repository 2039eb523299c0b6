package widgets_test

import (
	"image"
	"math"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/input"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/unit"

	"github.com/linuxdj/linuxdj/assets"
	"github.com/linuxdj/linuxdj/widgets"
)

// harness runs frames of one widget through a real input.Router, so
// synthetic events take the same path as a window's.
type harness struct {
	r    input.Router
	ops  op.Ops
	now  time.Time
	size image.Point
	t    time.Duration // event clock
}

func newHarness(w, h int) *harness {
	return &harness{now: time.Unix(1000, 0), size: image.Pt(w, h)}
}

func (h *harness) frame(w func(gtx layout.Context)) {
	h.ops.Reset()
	gtx := layout.Context{
		Ops:         &h.ops,
		Metric:      unit.Metric{PxPerDp: 1, PxPerSp: 1},
		Constraints: layout.Exact(h.size),
		Now:         h.now,
		Source:      h.r.Source(),
	}
	w(gtx)
	h.r.Frame(&h.ops)
}

func (h *harness) ptr(kind pointer.Kind, x, y float32, mods key.Modifiers) {
	h.t += 10 * time.Millisecond
	b := pointer.ButtonPrimary
	if kind == pointer.Release {
		b = 0
	}
	h.r.Queue(pointer.Event{Kind: kind, Source: pointer.Mouse, Position: f32.Pt(x, y), Buttons: b, Modifiers: mods, Time: h.t})
}

// drag presses at (x, y), moves by (dx, dy) in steps and releases.
func (h *harness) drag(w func(gtx layout.Context), x, y, dx, dy float32, mods key.Modifiers) {
	h.ptr(pointer.Press, x, y, mods)
	h.frame(w)
	const steps = 4
	for i := 1; i <= steps; i++ {
		h.ptr(pointer.Move, x+dx*float32(i)/steps, y+dy*float32(i)/steps, mods)
		h.frame(w)
	}
	h.ptr(pointer.Release, x+dx, y+dy, mods)
	h.frame(w)
	h.t += time.Second // the next press is not a double-click
}

func theme(t testing.TB) *widgets.Theme {
	th, err := widgets.ParseTheme(assets.ThemeJSON)
	if err != nil {
		t.Fatal(err)
	}
	return th
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestKnobGestures(t *testing.T) {
	th := theme(t)
	h := newHarness(100, 100)
	k := widgets.KnobState{ValueState: widgets.ValueState{Pos: 0.5, Default: 0.5, Step: 0.05}}
	w := func(gtx layout.Context) { widgets.Knob(th, &k, "HI", nil).Layout(gtx) }
	h.frame(w)

	// The full range is 160 dp of vertical travel; up increases.
	h.drag(w, 50, 17, 0, -40, 0)
	if !near(k.Pos, 0.75, 1e-6) {
		t.Fatalf("drag up 40 px: pos %v, want 0.75", k.Pos)
	}
	h.drag(w, 50, 17, 0, 40, key.ModShift)
	if !near(k.Pos, 0.75-0.025, 1e-6) {
		t.Fatalf("shift-drag down 40 px: pos %v, want %v (ten times finer)", k.Pos, 0.75-0.025)
	}
	before := k.Pos
	h.r.Queue(pointer.Event{Kind: pointer.Scroll, Source: pointer.Mouse, Position: f32.Pt(50, 17), Scroll: f32.Pt(0, -10)})
	h.frame(w)
	if !near(k.Pos, before+0.05, 1e-9) {
		t.Fatalf("wheel up: pos %v, want %v", k.Pos, before+0.05)
	}
	h.r.Queue(pointer.Event{Kind: pointer.Scroll, Source: pointer.Mouse, Position: f32.Pt(50, 17), Scroll: f32.Pt(0, 10), Modifiers: key.ModShift})
	h.frame(w)
	if !near(k.Pos, before+0.05-0.005, 1e-9) {
		t.Fatalf("shift-wheel down: pos %v, want %v", k.Pos, before+0.045)
	}

	// Double-click returns to the default.
	h.ptr(pointer.Press, 50, 17, 0)
	h.ptr(pointer.Release, 50, 17, 0)
	h.ptr(pointer.Press, 50, 17, 0)
	h.ptr(pointer.Release, 50, 17, 0)
	h.frame(w)
	if k.Pos != 0.5 {
		t.Fatalf("double-click: pos %v, want default 0.5", k.Pos)
	}

	// The click focused the knob: arrows and pages step, Home resets.
	for _, c := range []struct {
		name key.Name
		mods key.Modifiers
		want float64
	}{
		{key.NameUpArrow, 0, 0.55},
		{key.NameDownArrow, key.ModShift, 0.545},
		{key.NamePageUp, 0, 0.645},
		{key.NamePageDown, 0, 0.545},
		{key.NameHome, 0, 0.5},
	} {
		h.r.Queue(key.Event{Name: c.name, Modifiers: c.mods, State: key.Press})
		h.frame(w)
		if !near(k.Pos, c.want, 1e-9) {
			t.Fatalf("key %v %v: pos %v, want %v", c.mods, c.name, k.Pos, c.want)
		}
	}
}

func TestBipolarKnobHasCentreDetent(t *testing.T) {
	th := theme(t)
	h := newHarness(100, 100)
	k := widgets.KnobState{ValueState: widgets.ValueState{Pos: 0.45, Default: 0.5, Bipolar: true}}
	w := func(gtx layout.Context) { widgets.Knob(th, &k, "PAN", nil).Layout(gtx) }
	h.frame(w)
	// 0.45 + 6/160 = 0.4875: inside the detent, so exactly centre.
	h.drag(w, 50, 17, 0, -6, 0)
	if k.Pos != 0.5 {
		t.Fatalf("near centre: pos %v, want the detent at 0.5", k.Pos)
	}
	k.Pos = 0.45
	h.drag(w, 50, 17, 0, -24, 0) // 0.45 + 0.15 = 0.6: well past it
	if !near(k.Pos, 0.6, 1e-6) {
		t.Fatalf("past centre: pos %v, want 0.6", k.Pos)
	}
}

func TestFaderFollowsPointerAndCtrlClickToggles(t *testing.T) {
	th := theme(t)
	h := newHarness(120, 226)
	f := widgets.FaderState{ValueState: widgets.ValueState{Pos: 0.75, Default: 0.75, HasAlt: true, Alt: 0}}
	w := func(gtx layout.Context) { widgets.Fader(th, &f, nil, nil).Layout(gtx) }
	h.frame(w)
	// No readout and no scale: the track is 226 − 26 (cap) = 200 px.
	capY := float32(13 + 200*(1-0.75))
	h.drag(w, 20, capY, 0, 50, 0)
	if !near(f.Pos, 0.5, 1e-6) {
		t.Fatalf("drag down 50 of 200 px: pos %v, want 0.5", f.Pos)
	}
	h.ptr(pointer.Press, 20, 100, key.ModCtrl)
	h.ptr(pointer.Release, 20, 100, key.ModCtrl)
	h.frame(w)
	if f.Pos != 0 {
		t.Fatalf("ctrl-click: pos %v, want −∞ (0)", f.Pos)
	}
	h.t += time.Second
	h.ptr(pointer.Press, 20, 100, key.ModCtrl)
	h.ptr(pointer.Release, 20, 100, key.ModCtrl)
	h.frame(w)
	if f.Pos != 0.75 {
		t.Fatalf("second ctrl-click: pos %v, want unity 0.75", f.Pos)
	}
}

func TestCrossfaderDragsHorizontally(t *testing.T) {
	th := theme(t)
	h := newHarness(444, 40)
	x := widgets.CrossfaderState{ValueState: widgets.ValueState{Pos: 0.5, Default: 0.5}}
	w := func(gtx layout.Context) { widgets.Crossfader(th, &x).Layout(gtx) }
	h.frame(w)
	// Track: 444 − 2×22 (labels) − 22 (cap) = 378 px.
	h.drag(w, 222, 20, 378*0.25, 0, 0)
	if !near(x.Pos, 0.75, 1e-6) {
		t.Fatalf("drag right a quarter: pos %v, want 0.75", x.Pos)
	}
	h.drag(w, 222+378*0.25, 20, 0, 30, 0)
	if !near(x.Pos, 0.75, 1e-6) {
		t.Fatalf("vertical drag moved the crossfader to %v", x.Pos)
	}
}

func TestToggleClickAndKeyboard(t *testing.T) {
	th := theme(t)
	h := newHarness(60, 30)
	var tg widgets.ToggleState
	w := func(gtx layout.Context) { widgets.Toggle(th, &tg, "CUE").Layout(gtx) }
	h.frame(w)
	h.ptr(pointer.Press, 10, 10, 0)
	h.ptr(pointer.Release, 10, 10, 0)
	h.frame(w)
	if !tg.On {
		t.Fatal("click did not turn the toggle on")
	}
	h.r.Queue(key.Event{Name: key.NameSpace, State: key.Press})
	h.frame(w)
	if tg.On {
		t.Fatal("Space on the focused toggle did not turn it off")
	}
	// A press that is dragged away and released elsewhere still counts:
	// hardware buttons act on release, and Gio grabs the pointer.
	var sel widgets.SelectorState
	labels := []string{"A", "THRU", "B"}
	ws := func(gtx layout.Context) { widgets.Selector(th, &sel, labels).Layout(gtx) }
	h2 := newHarness(90, 30)
	h2.frame(ws)
	h2.ptr(pointer.Press, 80, 10, 0)
	h2.ptr(pointer.Release, 80, 10, 0)
	h2.frame(ws)
	if sel.Index != 2 {
		t.Fatalf("click on the third segment: index %d, want 2", sel.Index)
	}
}

// TestMeterShowsTheReading: the meter draws the engine's reading as it
// is, with no ballistics of its own, and latches the clip lamp until it
// is clicked.
func TestMeterShowsTheReading(t *testing.T) {
	th := theme(t)
	h := newHarness(40, 300)
	m := widgets.MeterState{Channels: 2}
	scale := widgets.IECScale()
	w := func(gtx layout.Context) { widgets.Meter(th, &m, scale).Layout(gtx) }
	m.Feed(widgets.MeterReading{PeakDB: 0, HoldDB: 0, RMSDB: -6, Clip: true}, widgets.MeterReading{PeakDB: -6, HoldDB: -3, RMSDB: -12})
	h.frame(w)
	if m.ShownPeakDB(0) != 0 || m.ShownPeakDB(1) != -6 || m.ShownHoldDB(1) != -3 {
		t.Fatalf("shown %v, %v dB, hold %v; want 0, −6, hold −3", m.ShownPeakDB(0), m.ShownPeakDB(1), m.ShownHoldDB(1))
	}
	if !m.Clipped(0) || m.Clipped(1) {
		t.Fatal("clip latch wrong after a clipping left side")
	}
	inf := math.Inf(-1)
	silence := widgets.MeterReading{PeakDB: -11.76, HoldDB: 0, RMSDB: inf}
	m.Feed(silence, silence)
	h.now = h.now.Add(time.Second)
	h.frame(w)
	if m.ShownPeakDB(0) != -11.76 || m.ShownHoldDB(0) != 0 {
		t.Fatalf("a second later: %v dB, hold %v; want the reading, −11.76 and 0", m.ShownPeakDB(0), m.ShownHoldDB(0))
	}
	if !m.Clipped(0) {
		t.Fatal("clip indicator did not latch")
	}
	// A bar that stands for several frames is their highest; the newest
	// frame's hold, already down, stays on the bar's top.
	m.Feed(widgets.MeterReading{PeakDB: -12, HoldDB: -12.4, RMSDB: inf}, silence)
	h.frame(w)
	if m.ShownHoldDB(0) != -12 {
		t.Fatalf("hold %v below a bar at −12 dB", m.ShownHoldDB(0))
	}
	h.ptr(pointer.Press, 3, 3, 0)
	h.ptr(pointer.Release, 3, 3, 0)
	h.frame(w)
	if m.Clipped(0) {
		t.Fatal("clicking the clip indicator did not clear it")
	}
}

func TestIECScaleMarks(t *testing.T) {
	s := widgets.IECScale()
	if got := widgets.IECHeight(0); !near(got, 100.0/115, 1e-12) {
		t.Fatalf("0 dBFS at %v of the height, want 100/115", got)
	}
	if got := widgets.IECHeight(-20); !near(got, 50.0/115, 1e-12) {
		t.Fatalf("−20 dBFS at %v, want 50/115", got)
	}
	prev := -1.0
	for db := -80.0; db <= 10; db += 0.5 {
		h := widgets.IECHeight(db)
		if h < prev {
			t.Fatalf("IECHeight falls at %v dB", db)
		}
		prev = h
	}
	for _, m := range s.Marks {
		if m.Label == "0" && !near(m.Pos, 100.0/115, 1e-12) {
			t.Fatalf("the 0 mark sits at %v", m.Pos)
		}
	}
}

func TestParseThemeRejectsBadColours(t *testing.T) {
	if _, err := widgets.ParseTheme([]byte(`{"palette":{"bg":"red"}}`)); err == nil {
		t.Fatal("a colour name was accepted")
	}
	if _, err := widgets.ParseTheme([]byte(`{"textSizeSp":0}`)); err == nil {
		t.Fatal("a zero text size was accepted")
	}
	var c widgets.Color
	if err := c.UnmarshalJSON([]byte(`"#102030d8"`)); err != nil {
		t.Fatal(err)
	}
	if got := c.NRGBA(); got.R != 0x10 || got.G != 0x20 || got.B != 0x30 || got.A != 0xd8 {
		t.Fatalf("#102030d8 parsed as %v", got)
	}
}

func TestUnfedMeterReadsSilence(t *testing.T) {
	th := theme(t)
	h := newHarness(40, 300)
	m := widgets.MeterState{Channels: 2}
	h.frame(func(gtx layout.Context) { widgets.Meter(th, &m, widgets.IECScale()).Layout(gtx) })
	if db, hold := m.ShownPeakDB(0), m.ShownHoldDB(1); db > -100 || hold > -100 {
		t.Fatalf("a meter that never had a reading shows %v dB, hold %v", db, hold)
	}
}

// TestSecondaryClickAsksForTheMenu right-clicks every kind of control:
// each asks for its context menu once and keeps its value; Shift+F10 on a
// focused control does the same.
func TestSecondaryClickAsksForTheMenu(t *testing.T) {
	th := theme(t)
	var (
		knob   widgets.KnobState
		fader  widgets.FaderState
		xfader widgets.CrossfaderState
		tg     widgets.ToggleState
		sel    widgets.SelectorState
	)
	knob.Pos, fader.Pos, xfader.Pos = 0.3, 0.6, 0.5
	labels := []string{"A", "THRU", "B"}
	for _, c := range []struct {
		name  string
		size  image.Point
		at    f32.Point
		w     func(gtx layout.Context)
		ctx   *widgets.ContextState
		value func() float64
	}{
		{"knob", image.Pt(60, 60), f32.Pt(30, 17), func(gtx layout.Context) { widgets.Knob(th, &knob, "TRIM", nil).Layout(gtx) }, &knob.ContextState, func() float64 { return knob.Pos }},
		{"fader", image.Pt(80, 300), f32.Pt(20, 150), func(gtx layout.Context) { widgets.Fader(th, &fader, nil, nil).Layout(gtx) }, &fader.ContextState, func() float64 { return fader.Pos }},
		{"crossfader", image.Pt(400, 40), f32.Pt(200, 20), func(gtx layout.Context) { widgets.Crossfader(th, &xfader).Layout(gtx) }, &xfader.ContextState, func() float64 { return xfader.Pos }},
		{"toggle", image.Pt(60, 30), f32.Pt(10, 10), func(gtx layout.Context) { widgets.Toggle(th, &tg, "CUE").Layout(gtx) }, &tg.ContextState, func() float64 {
			if tg.On {
				return 1
			}
			return 0
		}},
		{"selector", image.Pt(90, 30), f32.Pt(80, 10), func(gtx layout.Context) { widgets.Selector(th, &sel, labels).Layout(gtx) }, &sel.ContextState, func() float64 { return float64(sel.Index) }},
	} {
		h := newHarness(c.size.X, c.size.Y)
		h.frame(c.w)
		before := c.value()
		h.t += 10 * time.Millisecond
		h.r.Queue(pointer.Event{Kind: pointer.Press, Source: pointer.Mouse, Position: c.at, Buttons: pointer.ButtonSecondary, Time: h.t})
		h.r.Queue(pointer.Event{Kind: pointer.Release, Source: pointer.Mouse, Position: c.at, Time: h.t + time.Millisecond})
		h.frame(c.w)
		if !c.ctx.ContextRequested() {
			t.Errorf("%s: a right-click did not ask for the menu", c.name)
		}
		if c.ctx.ContextRequested() {
			t.Errorf("%s: the request was reported twice", c.name)
		}
		if got := c.value(); got != before {
			t.Errorf("%s: a right-click moved the value from %v to %v", c.name, before, got)
		}
		// A primary click focuses it; then Shift+F10 asks again.
		h.ptr(pointer.Press, c.at.X, c.at.Y, 0)
		h.ptr(pointer.Release, c.at.X, c.at.Y, 0)
		h.frame(c.w)
		if c.ctx.ContextRequested() {
			t.Errorf("%s: a primary click asked for the menu", c.name)
		}
		h.r.Queue(key.Event{Name: key.NameF10, Modifiers: key.ModShift, State: key.Press})
		h.frame(c.w)
		if !c.ctx.ContextRequested() {
			t.Errorf("%s: Shift+F10 did not ask for the menu", c.name)
		}
	}
}
