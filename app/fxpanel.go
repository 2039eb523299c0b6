package app

import (
	"math"
	"strconv"

	"gioui.org/layout"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// Labels of the FX panel's selectors, built once.
var (
	beatFXTypeLabels   = []string{"ECHO", "DELAY", "PING", "REVERB", "FLANGER", "PHASER", "ROLL", "TRANS", "FILTER", "SEND/RTN"}
	beatFXBeatLabels   = param.BeatFXBeats
	colourFXTypeLabels = []string{"OFF", "SPACE", "DUB ECHO", "NOISE", "CRUSH", "FILTER"}
	fxHelp             = "Each channel's FILTER knob plays the colour FX; OFF leaves it the DJ filter."
)

// fxPanel is the FX panel: the beat FX unit (type, source, beat
// fraction or time, depth, feedback, on) and the colour FX type and
// parameter that every channel's filter knob plays.
type fxPanel struct {
	side       *sidePanel
	kind       widgets.SelectorState
	beats      widgets.SelectorState
	colour     widgets.SelectorState
	source     widgets.KnobState
	timeMs     widgets.KnobState
	depth      widgets.KnobState
	feedback   widgets.KnobState
	colourPar  widgets.KnobState
	timeFormat widgets.FormatFunc
	sync       widgets.ToggleState
	on         widgets.ToggleState
	statusKey  [5]int
	statusBuf  []byte
	statusText string
}

// initFXPanel binds the FX panel's widgets and adds its button.
func (u *UI) initFXPanel() {
	p := &u.fx
	u.bindChoice(&p.kind, mixer.ParamBeatFXType, 0)
	u.bindChoice(&p.beats, mixer.ParamBeatFXBeats, 0)
	u.bindChoice(&p.colour, mixer.ParamColourFXType, 0)
	for _, k := range []struct {
		w *widgets.KnobState
		p mixer.Param
	}{{&p.source, mixer.ParamBeatFXAssign}, {&p.timeMs, mixer.ParamBeatFXTimeMs}, {&p.depth, mixer.ParamBeatFXDepth},
		{&p.feedback, mixer.ParamBeatFXFeedback}, {&p.colourPar, mixer.ParamColourFXParameter}} {
		k.w.Step = 0.01
		u.bindValue(&k.w.ValueState, k.p, 0)
	}
	p.source.Step = 1.0 / (mixer.FXSources - 1) // one source per notch
	u.bindToggle(&p.sync, mixer.ParamBeatFXSync, 0)
	u.bindToggle(&p.on, mixer.ParamBeatFXOn, 0)
	p.timeFormat = unitFormat(mixer.ParamBeatFXTimeMs)
	p.statusKey = [5]int{-1}
	p.side = u.addPanel("FX", u.layoutFX)
}

// formatFXSource names the source at knob position pos.
func formatFXSource(dst []byte, pos float64) []byte {
	info, _ := param.Lookup(mixer.ParamBeatFXAssign)
	return append(dst, info.Choices[int(param.Clamp(mixer.ParamBeatFXAssign, info.Value(pos)))]...)
}

// layoutFX draws the FX panel's content.
func (u *UI) layoutFX(gtx layout.Context) {
	p := &u.fx
	th := u.Theme
	w := gtx.Constraints.Max.X
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	knobH, cellW := th.KnobHeight(gtx.Metric), gtx.Dp(70)
	labelW := gtx.Dp(90)
	y := 0
	row := func(label string, s *widgets.SelectorState, labels []string) {
		c, t := place(gtx, 0, y+gtx.Dp(4), labelW, bh)
		th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, label)
		t.Pop()
		c, t = place(gtx, labelW, y, max(w-labelW, 0), bh)
		widgets.Selector(th, s, labels).Layout(c)
		t.Pop()
		y += bh + gap
	}
	knob := func(x int, s *widgets.KnobState, label string, format widgets.FormatFunc) {
		c, t := place(gtx, x, y, cellW, knobH)
		widgets.Knob(th, s, label, format).Layout(c)
		t.Pop()
	}

	row("BEAT FX", &p.kind, beatFXTypeLabels)
	row("BEATS", &p.beats, beatFXBeatLabels)
	knob(0, &p.source, "SOURCE", formatFXSource)
	knob(cellW+gap, &p.timeMs, "TIME", p.timeFormat)
	knob(2*(cellW+gap), &p.depth, "DEPTH", formatPct)
	knob(3*(cellW+gap), &p.feedback, "FEEDBACK", formatFeedback)
	tx := 4 * (cellW + gap)
	c, t := place(gtx, tx, y, cellW, bh)
	widgets.Toggle(th, &p.sync, "BPM SYNC").Layout(c)
	t.Pop()
	c, t = place(gtx, tx, y+bh+gap, cellW, bh)
	on := widgets.Toggle(th, &p.on, "ON")
	on.Lit = th.Toggle.Cue.NRGBA()
	on.Layout(c)
	t.Pop()
	y += knobH + gap
	c, t = place(gtx, 0, y, w, gtx.Dp(lineHDp))
	th.Label(c, th.SmallSizeSp, th.Palette.Text.NRGBA(), text.Start, u.fxStatus())
	t.Pop()
	y += gtx.Dp(lineHDp) + 2*gap

	row("COLOUR FX", &p.colour, colourFXTypeLabels)
	knob(0, &p.colourPar, "PARAMETER", formatPct)
	c, t = place(gtx, cellW+gap, y+gtx.Dp(4), max(w-cellW-gap, 0), gtx.Dp(lineHDp))
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, fxHelp)
	t.Pop()
}

// formatFeedback reads the feedback knob as a percentage of its 0..0.95.
func formatFeedback(dst []byte, pos float64) []byte {
	info, _ := param.Lookup(mixer.ParamBeatFXFeedback)
	return appendPct(dst, float64(info.Value(pos)))
}

// fxStatus is the beat FX line, "ECHO 1/2 beat at 128.0 BPM on ch1, ON",
// rebuilt only when what it says changes. The tempo is the source's
// counter, as the engine takes it: the channel's, or the master's.
func (u *UI) fxStatus() string {
	p := &u.fx
	get := func(q mixer.Param) int { return int(u.model.Get(q, 0)) }
	sync := get(mixer.ParamBeatFXSync)
	timeMs := int(math.Round(float64(u.model.Get(mixer.ParamBeatFXTimeMs, 0))))
	source := get(mixer.ParamBeatFXAssign)
	tempo := &u.masterBPM
	if i := source - mixer.FXChannel; i >= 0 && i < len(u.strips) {
		tempo = &u.strips[i].bpm
	}
	key := [5]int{get(mixer.ParamBeatFXType), source, get(mixer.ParamBeatFXOn), sync*10000 + get(mixer.ParamBeatFXBeats) + (1-sync)*timeMs*16, 0}
	if sync == 1 && tempo.shown > 0 {
		key[4] = int(math.Round(tempo.shown * 10))
	}
	if key == p.statusKey {
		return p.statusText
	}
	p.statusKey = key
	b := append(p.statusBuf[:0], beatFXTypeLabels[key[0]]...)
	b = append(b, ' ')
	if sync == 1 {
		b = append(b, param.BeatFXBeats[get(mixer.ParamBeatFXBeats)]...)
		b = append(b, " beat at "...)
		if key[4] > 0 {
			b = append(b, tempo.text...)
		} else {
			b = strconv.AppendFloat(b, mixer.DefaultFXBPM, 'f', 1, 64)
		}
		b = append(b, " BPM"...)
	} else {
		b = strconv.AppendInt(b, int64(timeMs), 10)
		b = append(b, " ms"...)
	}
	b = append(b, " on "...)
	b = append(b, param.BeatFXSources[key[1]]...)
	if key[2] == 1 {
		b = append(b, ", ON"...)
	} else {
		b = append(b, ", off"...)
	}
	p.statusBuf = b
	p.statusText = string(b)
	return p.statusText
}
