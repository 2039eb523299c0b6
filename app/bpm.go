package app

import (
	"image"
	"math"
	"strconv"

	"gioui.org/layout"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// bpmUI is one BPM counter's widgets: the readout (tempo to 0.1 BPM over
// a confidence bar), LOCK (a setting) and TAP, ½ and ×2 (presses).
type bpmUI struct {
	lock              widgets.ToggleState
	tap, half, double widgets.MomentaryState
	reading           mixer.Tempo

	shown float64 // the reading as printed, rounded to 0.1; NaN before the first
	buf   []byte
	text  string
}

// noBPM is what the readout shows while there is no tempo.
const noBPM = "---.-"

func (b *bpmUI) init() { b.shown, b.text = math.NaN(), noBPM }

// bindBPM binds a counter's controls: a strip's (ch ≥ 0) or the master's.
func (u *UI) bindBPM(b *bpmUI, ch int) {
	b.init()
	lock, tap, half, double := mixer.ParamBPMLock, mixer.ParamBPMTap, mixer.ParamBPMHalf, mixer.ParamBPMDouble
	if ch < 0 {
		lock, tap, half, double = mixer.ParamMasterBPMLock, mixer.ParamMasterBPMTap, mixer.ParamMasterBPMHalf, mixer.ParamMasterBPMDouble
		ch = 0
	}
	u.bindToggle(&b.lock, lock, ch)
	for _, w := range [...]struct {
		s *widgets.MomentaryState
		p mixer.Param
	}{{&b.tap, tap}, {&b.half, half}, {&b.double, double}} {
		u.bind(control{p: w.p, ch: int16(ch), held: w.s})
	}
}

// feed takes a reading from a meter frame; the text is rebuilt only when
// it would print differently.
func (b *bpmUI) feed(t mixer.Tempo) {
	b.reading = t
	shown := math.Round(float64(t.BPM)*10) / 10
	if shown == b.shown {
		return
	}
	b.shown = shown
	if shown <= 0 {
		b.text = noBPM
		return
	}
	b.buf = strconv.AppendFloat(b.buf[:0], shown, 'f', 1, 64)
	b.text = string(b.buf)
}

// layoutReadout draws the tempo, coloured by where it comes from (the
// lock's colour while held, the cue colour while tapped), over a bar as
// wide as the confidence.
func (u *UI) layoutBPMReadout(gtx layout.Context, b *bpmUI) {
	th := u.Theme
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	widgets.FillRect(gtx, image.Rect(0, 0, w, h), th.Palette.Bg.NRGBA())
	lv := widgets.Live(gtx)
	defer lv.End()
	col := th.Palette.Text.NRGBA()
	switch {
	case b.reading.Locked:
		col = th.Toggle.On.NRGBA()
	case b.reading.Tapped:
		col = th.Toggle.Cue.NRGBA()
	case b.reading.BPM == 0:
		col = th.Palette.TextDim.NRGBA()
	}
	c, t := place(gtx, 0, gtx.Dp(2), w, h)
	th.BoldLabel(c, th.TextSizeSp, col, text.Middle, b.text)
	t.Pop()
	barH := max(1, gtx.Dp(2))
	inset := gtx.Dp(4)
	bw := int(math.Round(float64(min(max(b.reading.Confidence, 0), 1)) * float64(w-2*inset)))
	if bw > 0 {
		bar := th.Meter.Low.NRGBA()
		if b.reading.Confidence < 0.5 {
			bar = th.Meter.Mid.NRGBA()
		}
		widgets.FillRect(gtx, image.Rect(inset, h-barH-gtx.Dp(1), inset+bw, h-gtx.Dp(1)), bar)
	}
}

// layoutStripBPM draws a strip's counter in two rows: the readout and
// LOCK, then TAP, ½ and ×2.
func (u *UI) layoutStripBPM(gtx layout.Context, b *bpmUI) {
	th := u.Theme
	w := gtx.Constraints.Max.X
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	lockW := (w - gap) * 2 / 5
	c, t := place(gtx, 0, 0, w-lockW-gap, bh)
	u.layoutBPMReadout(c, b)
	t.Pop()
	c, t = place(gtx, w-lockW, 0, lockW, bh)
	widgets.Toggle(th, &b.lock, "LOCK").Layout(c)
	t.Pop()
	third := (w - 2*gap) / 3
	for j, m := range [...]struct {
		s     *widgets.MomentaryState
		label string
	}{{&b.tap, "TAP"}, {&b.half, "½"}, {&b.double, "×2"}} {
		c, t = place(gtx, j*(third+gap), bh+gap, third, bh)
		ms := widgets.Momentary(th, m.s, m.label)
		ms.Lit = th.Toggle.On.NRGBA()
		ms.Layout(c)
		t.Pop()
	}
}

// layoutMasterBPM draws the master's counter in one row: a label, the
// readout, TAP, ½, ×2 and LOCK.
func (u *UI) layoutMasterBPM(gtx layout.Context, b *bpmUI) {
	th := u.Theme
	w := gtx.Constraints.Max.X
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	labelW := gtx.Dp(44)
	c, t := place(gtx, 0, gtx.Dp(4), labelW, bh)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "BPM")
	t.Pop()
	cell := (w - labelW - 5*gap) / 6
	x := labelW + gap
	c, t = place(gtx, x, 0, 2*cell, bh)
	u.layoutBPMReadout(c, b)
	t.Pop()
	x += 2*cell + gap
	for _, m := range [...]struct {
		s     *widgets.MomentaryState
		label string
	}{{&b.tap, "TAP"}, {&b.half, "½"}, {&b.double, "×2"}} {
		c, t = place(gtx, x, 0, cell, bh)
		ms := widgets.Momentary(th, m.s, m.label)
		ms.Lit = th.Toggle.On.NRGBA()
		ms.Layout(c)
		t.Pop()
		x += cell + gap
	}
	c, t = place(gtx, x, 0, w-x, bh)
	widgets.Toggle(th, &b.lock, "LOCK").Layout(c)
	t.Pop()
}
