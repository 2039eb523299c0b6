package app

import (
	"image"
	"math"
	"strconv"
	"time"

	"gioui.org/gesture"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
	"gioui.org/op/paint"
	"gioui.org/text"
	"gioui.org/widget"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
	"github.com/linuxdj/linuxdj/widgets"
)

// Window geometry in dp; everything scales with the display's density.
const (
	stripWDp     = 132
	masterWDp    = 320
	padDp        = 6
	gapDp        = 4
	nameHDp      = 22
	micTagWDp    = 28
	minFaderHDp  = 150
	xfaderRowHDp = 60
	minXfaderDp  = 200
	statusHDp    = 24
	// frameInterval caps redraws while only meters move: 60 Hz is the
	// common display rate, and X servers without vsync (Xvfb, some
	// compositors) would otherwise be asked for frames as fast as Gio
	// can make them.
	frameInterval = time.Second / 60
)

// Labels that never change, built once.
var (
	assignLabels = []string{"A", "THRU", "B"}
	faderMarksDB = []float64{6, 3, 0, -6, -12, -18, -24, -40, math.Inf(-1)}
)

// stripUI is the widget state of one channel strip.
type stripUI struct {
	name                    widget.Editor
	nameChanged             bool
	trim, hi, mid, low      widgets.KnobState
	filter, resonance, pan  widgets.KnobState
	polarity                widgets.ToggleState
	killHi, killMid, killLo widgets.ToggleState
	cue, mute               widgets.ToggleState
	assign                  widgets.SelectorState
	fader                   widgets.FaderState
	meter                   widgets.MeterState
	mode                    stripMode
	bpm                     bpmUI
	mic                     bool         // the channel is a microphone (mixer.ChannelConfig.Mic)
	inserts                 stripInserts // the latency its inserts add, a faulted one
}

// UI is the mixer window's content: the widget states, bound to the
// window's model (every control's value, param.Values, and the channels'
// names) and to the engine's command ring.
//
// Protocol: the GUI goroutine is the only one that touches UI. Every
// frame, after the widgets have handled their input, sync compares each
// widget with what it last showed (see control); a difference updates the
// model and pushes one mixer.Command (never blocking: a full ring drops
// and counts). Meters arrive as mixer.MeterFrames through SetMeters, and
// the backend's health through SetInfo; both only change what the next
// frame draws.
type UI struct {
	Theme *widgets.Theme
	// Loudness draws the loudness panel in the master section; nil leaves
	// its space empty with a title.
	Loudness layout.Widget

	cmds     *rt.Ring[mixer.Command]
	model    *param.Values
	names    []string
	controls []control

	strips        []stripUI
	xfader        widgets.CrossfaderState
	curve         widgets.KnobState
	reverse       widgets.ToggleState
	master        widgets.FaderState
	booth, phones widgets.KnobState
	cueMix        widgets.KnobState
	balance       widgets.KnobState
	ceiling       widgets.KnobState
	splitCue      widgets.ToggleState
	limiter       widgets.ToggleState
	mono          widgets.ToggleState
	masterMeter   widgets.MeterState
	masterBPM     bpmUI
	clock         clockUI
	loud          loudnessPanel
	studio        studioUI

	faderScale *widgets.FaderScale
	meterScale *widgets.Scale

	painter     widgets.Painter
	stripScroll scroller

	panels         []*sidePanel
	overlayPainter widgets.Painter
	overlayTag     bool
	conn           connPanel
	portsPanel     *sidePanel
	hint           connectHint
	learn          learnMenu
	scenes         scenesPanel
	midi           midiPanel
	fx             fxPanel
	plugins        pluginsPanel
	masterInserts  stripInserts
	reloadCmds     []mixer.Command
	bodyScroll     scroller

	info        backend.StreamInfo
	softRender  string // the software renderer drawing the window, if one does
	dspLoad     float64
	limiterGRDB float64
	statusKey   statusKey
	statusBuf   []byte
	statusText  string
	grBuf       []byte
	grText      string
	grShownDB   float64
}

// statusKey is what the status line shows, rounded to what it prints, so
// the text is rebuilt only when it would read differently.
type statusKey struct {
	backend        string
	rateHz         int
	periodFrames   int
	latencyFrames  int
	dspPct         int
	xruns          uint64
	state          backend.ConnState
	message        string
	droppedCommand uint64
	transport      transportKey
	softRenderer   string
}

// NewUI builds the window content for the mixer cfg (its channels' names,
// stereo and microphone flags) showing and changing model, which has a
// channel for each of cfg's; cmds is the GUI's command ring into the
// engine (the GUI goroutine is its only producer).
func NewUI(th *widgets.Theme, cfg mixer.Config, model *param.Values, cmds *rt.Ring[mixer.Command]) *UI {
	u := &UI{
		Theme:      th,
		cmds:       cmds,
		model:      model,
		strips:     make([]stripUI, len(cfg.Channels)),
		faderScale: widgets.NewFaderScale(mixer.FaderPos, faderMarksDB...),
		meterScale: widgets.IECScale(),
		grShownDB:  math.NaN(),
	}
	for i, c := range cfg.Channels {
		u.names = append(u.names, c.Name)
		st := &u.strips[i]
		st.name.SingleLine, st.name.Submit, st.name.MaxLen = true, true, 24
		st.name.SetText(c.Name)
		st.meter.Channels = 1
		if c.Stereo {
			st.meter.Channels = 2
		}
		st.mic = c.Mic
	}
	u.masterMeter.Channels = 2
	u.loud.init(u)
	u.conn.init(u)
	u.portsPanel = u.addPanel("PORTS", u.conn.layout)
	u.initMIDIPanel()
	u.scenes.side = u.addPanel("SCENES", u.layoutScenes)
	u.midi.side = u.addPanel("MIDI", u.layoutMIDI)
	u.initFXPanel()
	u.initPluginsPanel()
	u.Loudness = u.loud.layout
	u.bindStrips()
	u.bindMaster()
	u.studio.bind(u)
	u.loud.bind()
	u.initLearn()
	return u
}

// Names are the channels' names as the user typed them.
func (u *UI) Names() []string { return u.names }

// bindStrips binds every strip's widgets to their channel's controls. The
// widget settings here are where a control sits and how it moves; range,
// law and default are its parameter's.
func (u *UI) bindStrips() {
	for i := range u.strips {
		st := &u.strips[i]
		st.trim.ValueState = widgets.ValueState{Bipolar: true, Step: 1.0 / 40}
		st.hi.Bipolar, st.mid.Bipolar, st.low.Bipolar = true, true, true
		st.filter.Bipolar, st.pan.Bipolar = true, true
		st.fader.ValueState = widgets.ValueState{HasAlt: true, Step: 0.01, PageStep: 0.1}
		u.bindValue(&st.trim.ValueState, mixer.ParamTrimDB, i)
		u.bindToggle(&st.polarity, mixer.ParamPolarity, i)
		u.bindValue(&st.hi.ValueState, mixer.ParamEQHigh, i)
		u.bindValue(&st.mid.ValueState, mixer.ParamEQMid, i)
		u.bindValue(&st.low.ValueState, mixer.ParamEQLow, i)
		u.bindToggle(&st.killHi, mixer.ParamKillHigh, i)
		u.bindToggle(&st.killMid, mixer.ParamKillMid, i)
		u.bindToggle(&st.killLo, mixer.ParamKillLow, i)
		u.bindValue(&st.filter.ValueState, mixer.ParamFilter, i)
		u.bindValue(&st.resonance.ValueState, mixer.ParamFilterResonance, i)
		u.bindValue(&st.pan.ValueState, mixer.ParamPan, i)
		u.bindToggle(&st.cue, mixer.ParamCue, i)
		u.bindToggle(&st.mute, mixer.ParamMute, i)
		u.bindChoice(&st.assign, mixer.ParamXfaderAssign, i)
		u.bindValue(&st.fader.ValueState, mixer.ParamFader, i)
		u.bind(control{p: mixer.ParamMeterMode, ch: int16(i), mode: &st.mode})
		u.bindBPM(&st.bpm, i)
	}
}

// bindMaster binds the crossfader row and the master section.
func (u *UI) bindMaster() {
	u.xfader.ValueState = widgets.ValueState{Bipolar: true, Step: 0.02}
	u.master.ValueState = widgets.ValueState{HasAlt: true, Step: 0.01}
	u.cueMix.Bipolar, u.balance.Bipolar = true, true
	u.ceiling.Step = 0.5 / 20
	u.bindValue(&u.xfader.ValueState, mixer.ParamCrossfader, 0)
	u.bindValue(&u.curve.ValueState, mixer.ParamCrossfaderCurve, 0)
	u.bindToggle(&u.reverse, mixer.ParamCrossfaderReverse, 0)
	u.bindValue(&u.master.ValueState, mixer.ParamMasterLevel, 0)
	u.bindValue(&u.booth.ValueState, mixer.ParamBoothLevel, 0)
	u.bindValue(&u.phones.ValueState, mixer.ParamPhonesLevel, 0)
	u.bindValue(&u.cueMix.ValueState, mixer.ParamCueMix, 0)
	u.bindValue(&u.balance.ValueState, mixer.ParamMasterBalance, 0)
	u.bindValue(&u.ceiling.ValueState, mixer.ParamLimiterCeilingDB, 0)
	u.bindToggle(&u.splitCue, mixer.ParamSplitCue, 0)
	u.bindToggle(&u.limiter, mixer.ParamLimiter, 0)
	u.bindToggle(&u.mono, mixer.ParamMasterMono, 0)
	u.bindBPM(&u.masterBPM, -1)
	u.bindClock(&u.clock)
}

// SetMeters shows a meter frame from the engine at the next Layout.
func (u *UI) SetMeters(f *mixer.MeterFrame) {
	inf := float32(math.Inf(-1))
	for i := 0; i < f.Channels && i < len(u.strips); i++ {
		l, m := &f.Strip[i], &f.StripMode[i]
		barL, holdL, barR, holdR := m.LevelL, m.HoldL, m.LevelR, m.HoldR
		if m.Mode != mixer.MeterPeakRMS {
			// The engine has not switched yet: its bar is in another unit.
			barL, holdL, barR, holdR = inf, inf, inf, inf
		}
		u.strips[i].meter.Feed(peakRMSReading(barL, holdL, l.RMSL, l.ClipL), peakRMSReading(barR, holdR, l.RMSR, l.ClipR))
		u.strips[i].mode.feed(m)
		u.strips[i].bpm.feed(f.StripTempo[i])
	}
	u.masterBPM.feed(f.MasterTempo)
	u.loud.feed(&f.Loudness)
	m, p := &f.Master, &f.MasterPeak
	u.masterMeter.Feed(peakRMSReading(p.LevelL, p.HoldL, m.RMSL, m.ClipL), peakRMSReading(p.LevelR, p.HoldR, m.RMSR, m.ClipR))
	u.limiterGRDB = float64(f.Status.LimiterGainDB)
	if u.info.PeriodFrames > 0 && u.info.SampleRateHz > 0 && f.Status.LastPeriodNs > 0 {
		periodNs := 1e9 * float64(u.info.PeriodFrames) / float64(u.info.SampleRateHz)
		u.dspLoad = float64(f.Status.LastPeriodNs) / periodNs
	}
}

// peakRMSReading is one side of a peak+RMS meter: the bar and hold marker
// of the engine's IEC 60268-18 peak meter (dBFS), over the RMS of its
// LevelMeter (a linear amplitude).
func peakRMSReading(barDBFS, holdDBFS, rms float32, clip bool) widgets.MeterReading {
	return widgets.MeterReading{PeakDB: float64(barDBFS), HoldDB: float64(holdDBFS), RMSDB: 20 * math.Log10(float64(rms)), Clip: clip}
}

// SetInfo shows the backend's state in the status line at the next Layout.
func (u *UI) SetInfo(info backend.StreamInfo) { u.info = info }

// SetSoftwareRenderer tells the status line that name, a software
// renderer, draws the window, so its meters move at a lower steady rate
// (softwareFrameGap).
func (u *UI) SetSoftwareRenderer(name string) { u.softRender = name }

// NextFrame reports when the window must be drawn again with no new input
// or meter frame (a recording's figures, MIDI learn); ok is false when
// everything is at rest. Meters need none: the engine runs their
// ballistics, so a falling bar arrives as new meter frames. The window
// loop schedules that frame itself, at most at the display rate: asking
// Gio from Layout would allocate a command every animated frame.
func (u *UI) NextFrame() (at time.Time, ok bool) {
	consider := func(t time.Time, has bool) {
		if has && (!ok || t.Before(at)) {
			at, ok = t, true
		}
	}
	consider(u.studio.nextFrame())
	consider(u.learnNextFrame())
	return at, ok
}

// Layout draws the whole window into gtx.Constraints.Max.
func (u *UI) Layout(gtx layout.Context) layout.Dimensions {
	th := u.Theme
	// The context menu takes its keys first: Escape closes it, not the
	// panel under it.
	menuArea := u.beginMenu(gtx)
	u.shortcuts(gtx)
	u.panelKeys(gtx)
	u.studio.poll()
	size := gtx.Constraints.Max
	paint.FillShape(gtx.Ops, th.Palette.Bg.NRGBA(), clip.Rect{Max: size}.Op())
	// Widgets record their drawing into the painter, which paints it in
	// few GPU state changes (see widgets.Painter); what Gio widgets paint
	// themselves (the name editors) and the input areas follow it.
	root := gtx
	gtx = u.painter.Begin(gtx, size)
	inline := op.Record(gtx.Ops)

	statusH := gtx.Dp(statusHDp)
	xfH := gtx.Dp(xfaderRowHDp)
	bodyH := max(size.Y-statusH-xfH, 0)

	// The body scrolls vertically when the window is too short for it.
	h := max(bodyH, u.minBodyH(gtx))
	cl := widgets.Clip(gtx, image.Rect(0, 0, size.X, bodyH))
	off := u.bodyScroll.update(gtx, gesture.Vertical, h-bodyH)
	bg, t := place(gtx, 0, -off, size.X, h)
	u.layoutBody(bg)
	t.Pop()
	cl.Pop()

	xg, t := place(gtx, 0, bodyH, size.X, xfH)
	u.layoutXfaderRow(xg)
	t.Pop()

	sg, t := place(gtx, 0, bodyH+xfH, size.X, statusH)
	u.layoutStatus(sg)
	t.Pop()

	call := inline.Stop()
	u.painter.Flush(root, th)
	call.Add(root.Ops)
	u.layoutOverlay(root, image.Rect(0, 0, max(size.X-gtx.Dp(masterWDp), 0), bodyH))
	u.layoutHint(root, image.Rect(0, 0, max(size.X-gtx.Dp(masterWDp), 0), bodyH))
	menuArea.Pop()
	u.layoutMenu(root)
	u.sync()
	return layout.Dimensions{Size: size}
}

// minBodyH is the height below which the strips scroll vertically rather
// than squeeze their faders to nothing.
func (u *UI) minBodyH(gtx layout.Context) int {
	th := u.Theme
	knobH := th.KnobHeight(gtx.Metric)
	btnH := th.ButtonHeight(gtx)
	return 2*gtx.Dp(padDp) + gtx.Dp(nameHDp) + 5*knobH + 4*btnH + 11*gtx.Dp(gapDp) + gtx.Dp(minFaderHDp)
}

// layoutBody draws the strips, scrolling horizontally when they do not
// fit, and the master section, filling gtx.Constraints.Max.
func (u *UI) layoutBody(gtx layout.Context) {
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	masterW := gtx.Dp(masterWDp)
	stripW := gtx.Dp(stripWDp)
	studioW := gtx.Dp(studioWDp)
	if w-masterW-studioW < studioMinStrips*stripW {
		studioW = 0
	}
	stripsW := max(w-masterW-studioW, stripW)

	cl := widgets.Clip(gtx, image.Rect(0, 0, stripsW, h))
	off := u.stripScroll.update(gtx, gesture.Horizontal, len(u.strips)*stripW-stripsW)
	// One hidden strip beyond each visible end is laid out too, so Tab
	// can move the focus there and the router scrolls it into view, as
	// with layout.List.
	first := max(off/stripW-1, 0)
	last := min((off+stripsW)/stripW+1, len(u.strips)-1)
	for i := first; i <= last; i++ {
		c, t := place(gtx, i*stripW-off, 0, stripW, h)
		u.layoutStripAt(c, i)
		t.Pop()
	}
	cl.Pop()

	if studioW > 0 {
		sg, t := place(gtx, stripsW, 0, studioW, h)
		u.studio.layout(sg, u.Theme)
		t.Pop()
	}
	mg, t := place(gtx, stripsW+studioW, 0, masterW, h)
	u.layoutMaster(mg)
	t.Pop()
}

// scroller is a scroll offset along one axis, moved by the wheel or a
// drag on the area it is added to.
type scroller struct {
	g   gesture.Scroll
	off int
}

// update applies the scrolling since the last frame, keeps the offset in
// 0..maxOff and registers the area for the next; call it inside the clip
// of the scrolled area, before drawing its content.
func (s *scroller) update(gtx layout.Context, axis gesture.Axis, maxOff int) int {
	maxOff = max(maxOff, 0)
	r := pointer.ScrollRange{Min: -s.off, Max: maxOff - s.off}
	var xr, yr pointer.ScrollRange
	if axis == gesture.Horizontal {
		xr = r
	} else {
		yr = r
	}
	s.off += s.g.Update(gtx.Metric, gtx.Source, gtx.Now, axis, xr, yr)
	s.off = min(max(s.off, 0), maxOff)
	s.g.Add(gtx.Ops)
	return s.off
}

// place returns a context of exactly size at (x, y); pop the stack after
// drawing.
func place(gtx layout.Context, x, y, w, h int) (layout.Context, widgets.Stack) {
	c := gtx
	c.Constraints = layout.Exact(image.Pt(max(w, 0), max(h, 0)))
	return c, widgets.Offset(gtx, image.Pt(x, y))
}

// panel draws a section's background with square corners: large rounded
// shapes are paths, which a software rasteriser stencils every frame,
// while rectangles cost little. The edge is four thin rectangles around
// the fill, not a rectangle under it: a software rasteriser pays for every
// pixel painted, and panels cover most of the window.
func panel(gtx layout.Context, th *widgets.Theme, r image.Rectangle) {
	e, edge := max(1, gtx.Dp(1)), th.Palette.PanelEdge.NRGBA()
	widgets.FillRect(gtx, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+e), edge)
	widgets.FillRect(gtx, image.Rect(r.Min.X, r.Max.Y-e, r.Max.X, r.Max.Y), edge)
	widgets.FillRect(gtx, image.Rect(r.Min.X, r.Min.Y+e, r.Min.X+e, r.Max.Y-e), edge)
	widgets.FillRect(gtx, image.Rect(r.Max.X-e, r.Min.Y+e, r.Max.X, r.Max.Y-e), edge)
	widgets.FillRect(gtx, r.Inset(e), th.Palette.Panel.NRGBA())
}

func (u *UI) layoutStripAt(gtx layout.Context, i int) layout.Dimensions {
	th := u.Theme
	st := &u.strips[i]
	w := gtx.Dp(stripWDp)
	h := gtx.Constraints.Max.Y
	pad, gap := gtx.Dp(padDp), gtx.Dp(gapDp)
	panel(gtx, th, image.Rect(gap/2, gap/2, w-gap/2, h-gap/2))
	x0, iw := pad, w-2*pad
	y := pad

	c, t := place(gtx, x0, y, iw, gtx.Dp(nameHDp))
	u.layoutName(c, st)
	u.layoutInsertTag(c, &st.inserts, i+1)
	t.Pop()
	y += gtx.Dp(nameHDp) + gap

	knobH := th.KnobHeight(gtx.Metric)
	kw := iw * 3 / 5
	killW := iw - kw - gap
	bh := th.ButtonHeight(gtx)
	c, t = place(gtx, x0, y, kw, knobH)
	widgets.Knob(th, &st.trim, "TRIM", formatTrim).Layout(c)
	t.Pop()
	c, t = place(gtx, x0+kw+gap, y+(gtx.Dp(th.Knob.SizeDp)-bh)/2, killW, bh)
	widgets.Toggle(th, &st.polarity, "Ø").Layout(c)
	t.Pop()
	y += knobH + gap

	for _, band := range [...]struct {
		k     *widgets.KnobState
		kill  *widgets.ToggleState
		label string
	}{{&st.hi, &st.killHi, "HI"}, {&st.mid, &st.killMid, "MID"}, {&st.low, &st.killLo, "LOW"}} {
		c, t = place(gtx, x0, y, kw, knobH)
		k := widgets.Knob(th, band.k, band.label, formatEQ)
		k.Lit = band.kill.On
		k.Layout(c)
		t.Pop()
		c, t = place(gtx, x0+kw+gap, y+(gtx.Dp(th.Knob.SizeDp)-bh)/2, killW, bh)
		tg := widgets.Toggle(th, band.kill, "KILL")
		tg.Lit = th.Toggle.Kill.NRGBA()
		tg.Layout(c)
		t.Pop()
		y += knobH + gap
	}

	third := (iw - 2*gap) / 3
	for j, k := range [...]struct {
		s     *widgets.KnobState
		label string
		f     widgets.FormatFunc
	}{{&st.filter, "FILTER", formatFilter}, {&st.resonance, "RES", formatPct}, {&st.pan, "PAN", formatPan}} {
		c, t = place(gtx, x0+j*(third+gap), y, third, knobH)
		widgets.Knob(th, k.s, k.label, k.f).Layout(c)
		t.Pop()
	}
	y += knobH + gap
	half := (iw - gap) / 2

	c, t = place(gtx, x0, y, half, bh)
	cue := widgets.Toggle(th, &st.cue, "CUE")
	cue.Lit = th.Toggle.Cue.NRGBA()
	cue.Layout(c)
	t.Pop()
	c, t = place(gtx, x0+half+gap, y, half, bh)
	mute := widgets.Toggle(th, &st.mute, "MUTE")
	mute.Lit = th.Toggle.Mute.NRGBA()
	mute.Layout(c)
	t.Pop()
	y += bh + gap

	c, t = place(gtx, x0, y, iw, bh)
	widgets.Selector(th, &st.assign, assignLabels).Layout(c)
	t.Pop()
	y += bh + gap

	c, t = place(gtx, x0, y, iw, 2*bh+gap)
	u.layoutStripBPM(c, &st.bpm)
	t.Pop()
	y += 2*bh + 2*gap

	faderH := h - y - pad
	fs := widgets.Fader(th, &st.fader, u.faderScale, formatFaderDB)
	c, t = place(gtx, x0, y, iw, faderH)
	fd := fs.Layout(c)
	t.Pop()
	mx, mh := x0+fd.Size.X+gap, faderH-gtx.Sp(th.SmallSizeSp)-gtx.Dp(6)
	c, t = place(gtx, mx, y, iw-fd.Size.X-gap, mh)
	u.layoutStripMeter(c, i)
	t.Pop()
	c, t = place(gtx, mx-gtx.Dp(8), y+mh, x0+iw-mx+gtx.Dp(8), faderH-mh)
	u.layoutMeterMode(c, i)
	t.Pop()
	return layout.Dimensions{Size: image.Pt(w, h)}
}

// layoutInsertTag draws, at the left of a strip's name row, the latency
// its inserts add, or FX FAULT in the mute colour when the engine muted a
// slot for output that was not finite; nothing when there is neither.
func (u *UI) layoutInsertTag(gtx layout.Context, s *stripInserts, channel int) {
	if !s.update(u.plugins.rack, channel) {
		return
	}
	th := u.Theme
	col := th.Toggle.Cue.NRGBA()
	if s.faulted {
		col = th.Toggle.Mute.NRGBA()
	}
	c, t := place(gtx, gtx.Dp(3), gtx.Dp(5), gtx.Constraints.Max.X/2, gtx.Constraints.Max.Y-gtx.Dp(6))
	lv := widgets.Live(c)
	th.BoldLabel(c, th.SmallSizeSp, col, text.Start, s.text)
	lv.End()
	t.Pop()
}

func (u *UI) layoutName(gtx layout.Context, st *stripUI) {
	th := u.Theme
	r := image.Rectangle{Max: gtx.Constraints.Max}
	widgets.FillRect(gtx, r, th.Palette.Bg.NRGBA())
	for {
		ev, ok := st.name.Update(gtx)
		if !ok {
			break
		}
		if _, ok := ev.(widget.ChangeEvent); ok {
			st.nameChanged = true
		}
	}
	textM := op.Record(gtx.Ops)
	paint.ColorOp{Color: th.Palette.Text.NRGBA()}.Add(gtx.Ops)
	tm := textM.Stop()
	selM := op.Record(gtx.Ops)
	paint.ColorOp{Color: th.Palette.Focus.NRGBA()}.Add(gtx.Ops)
	sm := selM.Stop()
	st.name.Alignment = text.Middle
	nameW := r.Dx() - gtx.Dp(8)
	if st.mic {
		// A microphone says so beside its name: talkover ducks the music
		// under it, whatever it is called.
		tagW := gtx.Dp(micTagWDp)
		nameW -= tagW
		c, t := place(gtx, r.Dx()-tagW-gtx.Dp(2), gtx.Dp(5), tagW, r.Dy()-gtx.Dp(6))
		th.BoldLabel(c, th.SmallSizeSp, th.Toggle.Cue.NRGBA(), text.Middle, "MIC")
		t.Pop()
	}
	c, t := place(gtx, gtx.Dp(4), gtx.Dp(3), nameW, r.Dy()-gtx.Dp(4))
	f := th.Face
	f.Weight = 600
	st.name.Layout(c, th.Shaper, f, th.TextSizeSp, tm, sm)
	t.Pop()
}

func (u *UI) layoutMaster(gtx layout.Context) {
	th := u.Theme
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	pad, gap := gtx.Dp(padDp), gtx.Dp(gapDp)
	panel(gtx, th, image.Rect(gap/2, gap/2, w-gap/2, h-gap/2))
	x0, iw := pad, w-2*pad
	y := pad

	c, t := place(gtx, x0, y, iw, gtx.Dp(nameHDp))
	th.BoldLabel(c, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Middle, "MASTER")
	u.layoutInsertTag(c, &u.masterInserts, 0)
	t.Pop()
	y += gtx.Dp(nameHDp) + gap

	knobH := th.KnobHeight(gtx.Metric)
	fifth := (iw - 4*gap) / 5
	for i, k := range [...]struct {
		s     *widgets.KnobState
		label string
		f     widgets.FormatFunc
	}{
		{&u.booth, "BOOTH", formatFaderDB}, {&u.phones, "PHONES", formatFaderDB}, {&u.cueMix, "CUE/MST", formatCueMix},
		{&u.balance, "BAL", formatPan}, {&u.ceiling, "CEIL", formatCeiling},
	} {
		c, t = place(gtx, x0+i*(fifth+gap), y, fifth, knobH)
		widgets.Knob(th, k.s, k.label, k.f).Layout(c)
		t.Pop()
	}
	third := (iw - 2*gap) / 3
	y += knobH + gap

	bh := th.ButtonHeight(gtx)
	for i, tg := range [...]struct {
		s     *widgets.ToggleState
		label string
	}{{&u.splitCue, "SPLIT CUE"}, {&u.mono, "MONO"}, {&u.limiter, "LIMITER"}} {
		c, t = place(gtx, x0+i*(third+gap), y, third, bh)
		widgets.Toggle(th, tg.s, tg.label).Layout(c)
		t.Pop()
	}
	y += bh + gap

	c, t = place(gtx, x0, y, iw, bh)
	u.layoutGR(c)
	t.Pop()
	y += bh + gap

	c, t = place(gtx, x0, y, iw, bh)
	u.layoutMasterBPM(c, &u.masterBPM)
	t.Pop()
	y += bh + gap

	c, t = place(gtx, x0, y, iw, bh)
	u.layoutClock(c, &u.clock)
	t.Pop()
	y += bh + gap

	restH := h - y - pad
	c, t = place(gtx, x0, y, iw, restH)
	fd := widgets.Fader(th, &u.master, u.faderScale, formatFaderDB).Layout(c)
	t.Pop()
	ms := widgets.Meter(th, &u.masterMeter, u.meterScale)
	mx := x0 + fd.Size.X + gap
	c, t = place(gtx, mx, y, gtx.Dp(2*th.Meter.WidthDp+30), restH-gtx.Sp(th.SmallSizeSp)-gtx.Dp(6))
	md := ms.Layout(c)
	t.Pop()

	lx := mx + md.Size.X + gap
	lw := x0 + iw - lx
	lr := image.Rect(lx, y, lx+lw, y+restH)
	widgets.FillRect(gtx, lr, th.Palette.Bg.NRGBA())
	c, t = place(gtx, lx, y+gtx.Dp(4), lw, gtx.Sp(th.SmallSizeSp)+gtx.Dp(4))
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Middle, "LOUDNESS")
	t.Pop()
	if u.Loudness != nil {
		top := gtx.Sp(th.SmallSizeSp) + gtx.Dp(10)
		c, t = place(gtx, lx, y+top, lw, restH-top)
		u.Loudness(c)
		t.Pop()
	}
}

// layoutGR draws the limiter's gain reduction as a bar growing to the
// left from the right edge, like a hardware GR meter, over 0..−12 dB.
func (u *UI) layoutGR(gtx layout.Context) {
	th := u.Theme
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	labelW := gtx.Dp(44)
	c, t := place(gtx, 0, gtx.Dp(4), labelW, h)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "LIM GR")
	t.Pop()
	textW := gtx.Dp(56)
	bar := image.Rect(labelW, gtx.Dp(4), w-textW, h-gtx.Dp(4))
	widgets.FillRect(gtx, bar, th.Meter.Back.NRGBA())
	lv := widgets.Live(gtx)
	defer lv.End()
	gr := u.limiterGRDB
	if !u.limiter.On {
		gr = 0
	}
	frac := math.Min(-gr/12, 1)
	if frac > 0 {
		r := bar
		r.Min.X = r.Max.X - int(math.Round(frac*float64(bar.Dx())))
		widgets.FillRect(gtx, r, th.Meter.Mid.NRGBA())
	}
	shown := math.Round(gr*10) / 10
	if shown != u.grShownDB {
		u.grShownDB = shown
		u.grBuf = appendDB(u.grBuf[:0], shown)
		u.grText = string(u.grBuf)
	}
	c, t = place(gtx, w-textW, gtx.Dp(4), textW, h)
	th.Label(c, th.SmallSizeSp, th.Palette.Text.NRGBA(), text.End, u.grText)
	t.Pop()
}

func (u *UI) layoutXfaderRow(gtx layout.Context) {
	th := u.Theme
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	pad, gap := gtx.Dp(padDp), gtx.Dp(gapDp)
	panel(gtx, th, image.Rect(gap/2, 0, w-gap/2, h-gap/2))
	knobH := th.KnobHeight(gtx.Metric)
	cellW := gtx.Dp(64)
	c, t := place(gtx, pad, (h-knobH)/2, cellW, knobH)
	widgets.Knob(th, &u.curve, "CURVE", formatCurve).Layout(c)
	t.Pop()
	bh := th.ButtonHeight(gtx)
	revW := gtx.Dp(56)
	c, t = place(gtx, pad+cellW+gap, (h-bh)/2, revW, bh)
	widgets.Toggle(th, &u.reverse, "REV").Layout(c)
	t.Pop()
	// The crossfader is centred in the window when the panel buttons
	// leave room, else in the space between; the buttons narrow before
	// it gets shorter than minXfaderDp.
	left := pad + cellW + revW + 2*gap
	right := pad + u.layoutPanelButtons(gtx, w-left-gtx.Dp(minXfaderDp)-2*gap-pad)
	xw := min(w-2*max(left, right), gtx.Dp(640))
	x0 := (w - xw) / 2
	if xw < gtx.Dp(minXfaderDp) {
		xw = max(w-left-right-2*gap, 0)
		x0 = left + gap
	}
	xg := gtx.Dp(40)
	c, t = place(gtx, x0, (h-xg)/2, xw, xg)
	widgets.Crossfader(th, &u.xfader).Layout(c)
	t.Pop()
}

func (u *UI) layoutStatus(gtx layout.Context) {
	th := u.Theme
	u.refreshStatus()
	pad := gtx.Dp(padDp)
	avail := gtx.Constraints.Max.X - 2*pad
	c, t := place(gtx, pad, gtx.Dp(4), avail, gtx.Constraints.Max.Y)
	c.Constraints.Min.X = 0
	col := th.Palette.TextDim.NRGBA()
	if u.info.State == backend.Reconnecting {
		col = th.Toggle.Cue.NRGBA()
	}
	lv := widgets.Live(c)
	d := th.Label(c, th.SmallSizeSp, col, text.Start, u.statusText)
	lv.End()
	// The shortcut help goes right-aligned only where it does not collide
	// with the status.
	hw := th.LabelSize(c, th.SmallSizeSp, shortcutHelp).X
	if d.Size.X+gtx.Dp(24)+hw <= avail {
		ht := widgets.Offset(c, image.Pt(avail-hw, 0))
		th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, shortcutHelp)
		ht.Pop()
	}
	t.Pop()
}

// shortcutHelp is printed in the status line so the shortcuts are found.
const shortcutHelp = "1–9 cue · Ctrl+1–9 mute · Z/X/C crossfader A/centre/B · M record cue · Tab focus"

func (u *UI) refreshStatus() {
	i := u.info
	load := i.DSPLoad
	if load == 0 {
		load = u.dspLoad
	}
	k := statusKey{
		backend: i.Backend, rateHz: i.SampleRateHz, periodFrames: i.PeriodFrames,
		latencyFrames: i.LatencyFrames, dspPct: int(math.Round(load * 100)),
		xruns: i.XRuns, state: i.State, message: i.Message, droppedCommand: u.cmds.Dropped(),
		transport:    transportKeyOf(i.Transport, i.SampleRateHz),
		softRenderer: u.softRender,
	}
	if k == u.statusKey && u.statusText != "" {
		return
	}
	u.statusKey = k
	b := u.statusBuf[:0]
	name := i.Backend
	if name == "" {
		name = "no backend"
	}
	b = append(b, name...)
	b = append(b, "  ·  "...)
	b = strconv.AppendInt(b, int64(i.SampleRateHz), 10)
	b = append(b, " Hz  ·  period "...)
	b = strconv.AppendFloat(b, i.PeriodMs(), 'f', 2, 64)
	b = append(b, " ms  ·  latency "...)
	b = strconv.AppendFloat(b, i.LatencyMs(), 'f', 2, 64)
	b = append(b, " ms  ·  DSP "...)
	b = strconv.AppendInt(b, int64(k.dspPct), 10)
	b = append(b, "%  ·  xruns "...)
	b = strconv.AppendUint(b, i.XRuns, 10)
	b = append(b, "  ·  "...)
	b = append(b, i.State.String()...)
	if i.Message != "" {
		b = append(b, " ("...)
		b = append(b, i.Message...)
		b = append(b, ')')
	}
	b = appendTransport(b, k.transport)
	if k.droppedCommand > 0 {
		b = append(b, "  ·  dropped commands "...)
		b = strconv.AppendUint(b, k.droppedCommand, 10)
	}
	if k.softRenderer != "" {
		b = append(b, "  ·  "...)
		b = append(b, k.softRenderer...)
		b = append(b, ": meters at "...)
		b = strconv.AppendInt(b, int64(time.Second/softwareFrameGap), 10)
		b = append(b, "/s"...)
	}
	u.statusBuf = b
	u.statusText = string(b)
}

// shortcuts handles the window-wide keys. They are matched only when the
// focused widget does not take the key itself.
func (u *UI) shortcuts(gtx layout.Context) {
	for {
		ev, ok := gtx.Event(
			key.Filter{Name: "1", Optional: key.ModCtrl}, key.Filter{Name: "2", Optional: key.ModCtrl},
			key.Filter{Name: "3", Optional: key.ModCtrl}, key.Filter{Name: "4", Optional: key.ModCtrl},
			key.Filter{Name: "5", Optional: key.ModCtrl}, key.Filter{Name: "6", Optional: key.ModCtrl},
			key.Filter{Name: "7", Optional: key.ModCtrl}, key.Filter{Name: "8", Optional: key.ModCtrl},
			key.Filter{Name: "9", Optional: key.ModCtrl},
			key.Filter{Name: "Z", Optional: key.ModShift}, key.Filter{Name: "X"}, key.Filter{Name: "C", Optional: key.ModShift},
			key.Filter{Name: "M"},
		)
		if !ok {
			return
		}
		e, ok := ev.(key.Event)
		if !ok || e.State != key.Press || u.editingName(gtx) {
			continue
		}
		switch n := e.Name; {
		case len(n) == 1 && n[0] >= '1' && n[0] <= '9':
			ch := int(n[0] - '1')
			if ch >= len(u.strips) {
				continue
			}
			if e.Modifiers.Contain(key.ModCtrl) {
				u.strips[ch].mute.On = !u.strips[ch].mute.On
			} else {
				u.strips[ch].cue.On = !u.strips[ch].cue.On
			}
		case n == "X":
			u.xfader.Set(0.5)
		case n == "M":
			u.studio.addCue()
		case n == "Z" || n == "C":
			step := 0.1
			if e.Modifiers.Contain(key.ModShift) {
				step = 0.02
			}
			if n == "Z" {
				step = -step
			}
			u.xfader.Set(u.xfader.Pos + step)
		}
	}
}

// editingName reports whether a channel name has the keyboard, so digits
// and letters are typed into it rather than taken as shortcuts.
func (u *UI) editingName(gtx layout.Context) bool {
	for i := range u.strips {
		if gtx.Focused(&u.strips[i].name) {
			return true
		}
	}
	return gtx.Focused(&u.scenes.name) || gtx.Focused(&u.midi.path) || gtx.Focused(&u.plugins.search)
}
