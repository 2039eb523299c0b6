package app

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"gioui.org/layout"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/meter"
	"github.com/linuxdj/linuxdj/widgets"
)

// Loudness targets the panel offers, in LUFS: EBU R128 broadcast, and the
// two common streaming targets.
var (
	loudnessTargetsLUFS  = [...]float64{-23, -16, -14}
	loudnessTargetLabels = []string{"−23", "−16", "−14"}
)

// maxTruePeakDBTP is EBU R128's permitted maximum true peak; above it the
// panel shows the latched value in the high colour.
const maxTruePeakDBTP = -1

// loudnessPanel is the master loudness panel (EBU R128): momentary,
// short-term and integrated loudness as numbers and bars, the loudness
// range, the latched max true peak (click to reset), the phase
// correlation, the integration time, and run and reset buttons. Readings
// show in LUFS or in LU against the selected target.
//
// It talks to the engine like the rest of the UI: buttons send actions on
// the command ring, readings come from MeterFrame.Loudness.
type loudnessPanel struct {
	u *UI
	l mixer.MasterLoudness // the last reading

	target   widgets.SelectorState // index into loudnessTargetsLUFS
	relative widgets.ToggleState   // LU against the target, else LUFS
	run      widgets.ToggleState   // integrating
	reset    widgets.ButtonState
	tpReset  widgets.ButtonState

	// The scale of the M/S/I bars, rebuilt when the target or the unit
	// changes.
	scale      meter.Scale
	marks      []widgets.Tick
	scaleKey   [2]float64 // target, relative (1) or not (0)
	corrMarks  []widgets.Tick
	corrLabels []widgets.Tick

	m, s, i, lra, tp, corr, time widgets.Readout
}

func (p *loudnessPanel) init(u *UI) {
	p.u = u
	p.relative.On = false
	p.scaleKey = [2]float64{math.NaN(), 0}
	for _, v := range []float64{-1, -0.5, 0, 0.5, 1} {
		pos := (v + 1) / 2
		p.corrMarks = append(p.corrMarks, widgets.Tick{Pos: pos})
		if v != 0.5 && v != -0.5 {
			p.corrLabels = append(p.corrLabels, widgets.Tick{Pos: pos, Label: widgets.DBLabel(v)})
		}
	}
	inf := float32(math.Inf(-1))
	p.l = mixer.MasterLoudness{
		MomentaryLUFS: inf, ShortTermLUFS: inf, IntegratedLUFS: inf,
		MaxMomentaryLUFS: inf, MaxShortTermLUFS: inf,
		MaxTruePeakDBTPL: inf, MaxTruePeakDBTPR: inf,
	}
	p.updateScale()
}

// targetLUFS is the selected target.
func (p *loudnessPanel) targetLUFS() float64 {
	return loudnessTargetsLUFS[min(max(p.target.Index, 0), len(loudnessTargetsLUFS)-1)]
}

// updateScale rebuilds the bars' scale when the target or unit changed.
func (p *loudnessPanel) updateScale() {
	rel := 0.0
	if p.relative.On {
		rel = 1
	}
	k := [2]float64{p.targetLUFS(), rel}
	if k == p.scaleKey {
		return
	}
	p.scaleKey = k
	p.scale = meter.LoudnessScale(k[0], p.relative.On)
	p.marks = p.marks[:0]
	for _, mk := range p.scale.Marks {
		p.marks = append(p.marks, widgets.Tick{Pos: p.scale.Deflection(mk.Value), Label: widgets.DBLabel(mk.Value)})
	}
}

// feed takes the engine's reading.
func (p *loudnessPanel) feed(l *mixer.MasterLoudness) { p.l = *l }

// shown is a loudness as displayed: in LU against the target when
// relative, rounded to the 0.1 printed, −Inf for no reading.
func (p *loudnessPanel) shown(lufs float32) float64 {
	v := float64(lufs)
	if math.IsNaN(v) || math.IsInf(v, 0) || v < -200 {
		return math.Inf(-1)
	}
	if p.relative.On {
		v = meter.RelativeLU(v, p.targetLUFS())
	}
	return math.Round(v*10) / 10
}

// formatLoudness prints a loudness or a level to one decimal with a
// typographic minus; no reading (−Inf) is a dash.
func formatLoudness(dst []byte, v float64) []byte {
	switch {
	case math.IsInf(v, 0) || math.IsNaN(v):
		return append(dst, "—"...)
	case v < -0.05:
		dst = append(dst, "−"...)
	}
	return strconv.AppendFloat(dst, math.Abs(v), 'f', 1, 64)
}

func formatLU(dst []byte, v float64) []byte   { return append(formatLoudness(dst, v), " LU"...) }
func formatDBTP(dst []byte, v float64) []byte { return append(formatLoudness(dst, v), " dBTP"...) }

// formatSigned prints a correlation as "+0.85" or "−0.30".
func formatSigned(dst []byte, v float64) []byte {
	if v < 0 {
		dst = append(dst, "−"...)
	} else {
		dst = append(dst, '+')
	}
	return strconv.AppendFloat(dst, math.Abs(v), 'f', 2, 64)
}

// formatDuration prints whole seconds as h:mm:ss.
func formatDuration(dst []byte, sec float64) []byte {
	n := int64(max(sec, 0))
	dst = strconv.AppendInt(dst, n/3600, 10)
	for _, v := range [...]int64{n / 60 % 60, n % 60} {
		dst = append(dst, ':', byte('0'+v/10), byte('0'+v%10))
	}
	return dst
}

// bind binds the panel's run button to the integration's control.
func (p *loudnessPanel) bind() { p.u.bindToggle(&p.run, mixer.ParamLoudnessRun, 0) }

// layout draws the panel into gtx.Constraints.Max; it is UI.Loudness.
func (p *loudnessPanel) layout(gtx layout.Context) layout.Dimensions {
	th := p.u.Theme
	if p.reset.Clicked(gtx) {
		p.u.send(mixer.ParamLoudnessReset, 0, 1)
	}
	if p.tpReset.Clicked(gtx) {
		p.u.send(mixer.ParamTruePeakReset, 0, 1)
	}
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	pad, gap := gtx.Dp(4), gtx.Dp(gapDp)
	x0, iw := pad, w-2*pad
	bh := th.ButtonHeight(gtx)
	small := gtx.Sp(th.SmallSizeSp)
	rowH := small + gtx.Dp(6)
	dim, txt := th.Palette.TextDim.NRGBA(), th.Palette.Text.NRGBA()

	// Target and unit.
	luW := gtx.Dp(36)
	c, t := place(gtx, x0, 0, iw-luW-gap, bh)
	widgets.Selector(th, &p.target, loudnessTargetLabels).Layout(c)
	t.Pop()
	c, t = place(gtx, x0+iw-luW, 0, luW, bh)
	widgets.Toggle(th, &p.relative, "LU").Layout(c)
	t.Pop()
	p.updateScale()
	y := bh + gap

	// The bottom block, from the bottom up: buttons, time, correlation,
	// true peak, LRA.
	yB := h - pad - bh
	half := (iw - gap) / 2
	c, t = place(gtx, x0, yB, half, bh)
	widgets.Toggle(th, &p.run, "RUN").Layout(c)
	t.Pop()
	c, t = place(gtx, x0+half+gap, yB, half, bh)
	widgets.Button(th, &p.reset, "RESET").Layout(c)
	t.Pop()
	yB -= rowH + gap
	p.row(gtx, x0, yB, iw, rowH, "TIME", p.time.Text(math.Floor(float64(p.l.IntegrationSeconds)), formatDuration), txt)
	corrBarH := gtx.Dp(8)
	yB -= small + gtx.Dp(4)
	c, t = place(gtx, x0, yB, iw, small+gtx.Dp(4))
	widgets.ScaleStyle{Theme: th, Axis: layout.Horizontal, Marks: p.corrLabels}.Layout(c)
	t.Pop()
	yB -= corrBarH + gtx.Dp(2)
	corr := float64(p.l.Correlation)
	if math.IsNaN(corr) {
		corr = 0
	}
	corr = min(max(corr, -1), 1)
	c, t = place(gtx, x0, yB, iw, corrBarH)
	lv := widgets.Live(c)
	bar := widgets.Bar(th, layout.Horizontal, (corr+1)/2)
	bar.Origin, bar.Marks = 0.5, p.corrMarks
	if corr < 0 {
		bar.Color = th.Meter.High.NRGBA()
	}
	if m := float64(p.l.CorrelationMin); m >= -1 && m <= 1 {
		bar.Marker = (m + 1) / 2
	}
	bar.Layout(c)
	lv.End()
	t.Pop()
	yB -= rowH + gtx.Dp(2)
	p.row(gtx, x0, yB, iw, rowH, "CORR", p.corr.Text(math.Round(corr*100)/100, formatSigned), txt)
	yB -= rowH + gap
	tp := p.shownLevel(max(p.l.MaxTruePeakDBTPL, p.l.MaxTruePeakDBTPR))
	tpCol := txt
	if tp > maxTruePeakDBTP {
		tpCol = th.Meter.High.NRGBA()
	}
	c, t = place(gtx, x0, yB, iw, rowH)
	tb := widgets.Button(th, &p.tpReset, "")
	tb.Flat = true
	c.Constraints.Min = c.Constraints.Max
	tb.Layout(c)
	t.Pop()
	p.row(gtx, x0, yB, iw, rowH, "TP MAX", p.tp.Text(tp, formatDBTP), tpCol)
	yB -= rowH + gap
	p.row(gtx, x0, yB, iw, rowH, "LRA", p.lra.Text(p.shownLevel(p.l.RangeLU), formatLU), txt)

	// M, S and I: headings, numbers and bars over the rest.
	scaleW := gtx.Dp(26)
	colW := (iw - scaleW) / 3
	unit := "LUFS"
	if p.relative.On {
		unit = "LU"
	}
	c, t = place(gtx, x0+3*colW, y, w-x0-3*colW, small+gtx.Dp(4))
	th.Label(c, th.SmallSizeSp, dim, text.Start, unit)
	t.Pop()
	numH := gtx.Sp(th.TextSizeSp) + gtx.Dp(6)
	barTop := y + small + gtx.Dp(4) + numH + small/2
	barH := max(yB-gap-small/2-barTop, 1)
	barW := gtx.Dp(14)
	inf := float32(math.Inf(-1))
	for k, col := range [...]struct {
		name     string
		lufs     float32
		maxLUFS  float32
		readout  *widgets.Readout
		coloured bool
	}{
		{"M", p.l.MomentaryLUFS, p.l.MaxMomentaryLUFS, &p.m, false},
		{"S", p.l.ShortTermLUFS, p.l.MaxShortTermLUFS, &p.s, false},
		{"I", p.l.IntegratedLUFS, inf, &p.i, true},
	} {
		cx := x0 + k*colW
		c, t = place(gtx, cx, y, colW, small+gtx.Dp(4))
		th.Label(c, th.SmallSizeSp, dim, text.Middle, col.name)
		t.Pop()
		v := p.shown(col.lufs)
		c, t = place(gtx, cx, y+small+gtx.Dp(4), colW, numH)
		lv := widgets.Live(c)
		th.BoldLabel(c, th.TextSizeSp, txt, text.Middle, col.readout.Text(v, formatLoudness))
		t.Pop()
		c, t = place(gtx, cx+(colW-barW)/2, barTop, barW, barH)
		b := widgets.Bar(th, layout.Vertical, p.scale.Deflection(v))
		b.Marks = p.marks
		if col.coloured {
			b.Color = th.Palette.Focus.NRGBA()
		}
		if mx := p.shown(col.maxLUFS); !math.IsInf(mx, -1) {
			b.Marker = p.scale.Deflection(mx)
		}
		b.Layout(c)
		lv.End()
		t.Pop()
	}
	c, t = place(gtx, x0+3*colW+gtx.Dp(2), barTop, scaleW, barH)
	widgets.ScaleStyle{Theme: th, Axis: layout.Vertical, Marks: p.marks}.Layout(c)
	t.Pop()
	return layout.Dimensions{Size: image.Pt(w, h)}
}

// shownLevel is a level in dB or LU rounded to the 0.1 printed, −Inf for
// no reading.
func (p *loudnessPanel) shownLevel(v float32) float64 {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) || f < -200 {
		return math.Inf(-1)
	}
	return math.Round(f*10) / 10
}

// row draws a label on the left and a value on the right.
func (p *loudnessPanel) row(gtx layout.Context, x, y, w, h int, label, value string, col color.NRGBA) {
	th := p.u.Theme
	c, t := place(gtx, x, y+gtx.Dp(3), w, h)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, label)
	lv := widgets.Live(c)
	th.BoldLabel(c, th.SmallSizeSp, col, text.End, value)
	lv.End()
	t.Pop()
}
