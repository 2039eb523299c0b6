package widgets

import (
	"image"
	"image/color"
	"math"

	"gioui.org/layout"
	"gioui.org/op/clip"
	"gioui.org/text"
)

// Scale maps a level in dB to a height on a meter, with the marks printed
// beside it and the zone boundaries. Height is a plain function so other
// scales (PPM, VU, K-system) plug in without touching the meter.
type Scale struct {
	Name   string
	Height func(dB float64) float64 // 0 at the bottom .. 1 at the top, monotonic
	WarnDB float64                  // the bar turns from Low to Mid colour here
	HotDB  float64                  // and from Mid to High colour here
	Marks  []Tick                   // Pos is the height of the mark
}

// NewScale builds a scale and its mark labels once.
func NewScale(name string, height func(dB float64) float64, warnDB, hotDB float64, marksDB ...float64) *Scale {
	s := &Scale{Name: name, Height: height, WarnDB: warnDB, HotDB: hotDB, Marks: make([]Tick, 0, len(marksDB))}
	for _, db := range marksDB {
		s.Marks = append(s.Marks, Tick{Pos: clamp01(height(db)), Label: DBLabel(db)})
	}
	return s
}

// IECHeight is the deflection of an IEC 60268-18 digital peak meter: close
// to linear in dB near the top, compressed towards −70 dB, with 0 dBFS at
// 100/115 of the height so there is room to show overs up to +6 dB.
func IECHeight(dB float64) float64 {
	var d float64
	switch {
	case dB < -70:
		d = 0
	case dB < -60:
		d = (dB + 70) * 0.25
	case dB < -50:
		d = (dB+60)*0.5 + 2.5
	case dB < -40:
		d = (dB+50)*0.75 + 7.5
	case dB < -30:
		d = (dB+40)*1.5 + 15
	case dB < -20:
		d = (dB+30)*2 + 30
	case dB < 6:
		d = (dB+20)*2.5 + 50
	default:
		d = 115
	}
	return d / 115
}

// IECScale is the default digital peak scale.
func IECScale() *Scale {
	return NewScale("dBFS", IECHeight, -18, -6, 6, 0, -6, -12, -18, -24, -30, -40, -50, -60)
}

// MeterReading is one side of a peak+RMS meter's reading, in dBFS; −Inf
// reads empty.
type MeterReading struct {
	PeakDB float64 // the bar
	HoldDB float64 // the hold marker
	RMSDB  float64 // the inner, solid bar
	Clip   bool    // a sample reached full scale: the lamp latches
}

// MeterState is one mono or stereo peak+RMS meter as the engine measured
// it. The engine runs the ballistics per sample (the IEC 60268-18 peak
// meter of mixer/meter: 20 dB in 1.7 s, hold 1 s), so the widget adds
// none and what it draws is the standard's bar; a falling bar is a new
// reading in every meter frame, so the meter never asks for a frame of its
// own. Only the clip lamp is the widget's: it latches until clicked.
type MeterState struct {
	Channels int // 1 or 2
	ch       [2]meterChannel
	clear    button
}

type meterChannel struct {
	MeterReading
	fed     bool // a meter that has never been fed reads silence, not 0 dBFS
	clipped bool
}

// Feed records a new reading of the left and right sides.
func (m *MeterState) Feed(l, r MeterReading) {
	for i, rd := range [...]MeterReading{l, r} {
		c := &m.ch[i]
		c.MeterReading, c.fed = rd, true
		c.clipped = c.clipped || rd.Clip
	}
}

// shown is what channel c draws. The hold marker never sits inside the
// bar: a bar folded from several meter frames is their highest, while the
// marker is the newest frame's, which may have fallen with the bar.
func (c *meterChannel) shown() MeterReading {
	if !c.fed {
		inf := math.Inf(-1)
		return MeterReading{PeakDB: inf, HoldDB: inf, RMSDB: inf}
	}
	r := c.MeterReading
	r.HoldDB = max(r.HoldDB, r.PeakDB)
	return r
}

// Clipped reports whether channel i (0 left, 1 right) has a latched clip.
func (m *MeterState) Clipped(i int) bool { return m.ch[i].clipped }

// ShownPeakDB is the peak level the bar shows for channel i.
func (m *MeterState) ShownPeakDB(i int) float64 { return m.ch[i].shown().PeakDB }

// ShownHoldDB is the level of channel i's hold marker.
func (m *MeterState) ShownHoldDB(i int) float64 { return m.ch[i].shown().HoldDB }

func (m *MeterState) channels() int {
	if m.Channels == 2 {
		return 2
	}
	return 1
}

// MeterStyle draws a MeterState against a Scale.
type MeterStyle struct {
	Theme     *Theme
	State     *MeterState
	Scale     *Scale
	ShowScale bool // print the marks to the right of the bars
}

// Meter returns the style that draws s on scale.
func Meter(th *Theme, s *MeterState, scale *Scale) MeterStyle {
	return MeterStyle{Theme: th, State: s, Scale: scale, ShowScale: true}
}

// width is the width of one bar, the gap between bars and the scale.
func (m MeterStyle) width(gtx layout.Context) (barW, gap, scaleW int) {
	barW = gtx.Dp(m.Theme.Meter.WidthDp)
	gap = max(1, gtx.Dp(1))
	if m.ShowScale {
		scaleW = gtx.Dp(28)
	}
	return
}

// Layout draws the bars, filling gtx.Constraints.Max.Y. Clicking the clip
// indicator clears it.
func (m MeterStyle) Layout(gtx layout.Context) layout.Dimensions {
	th, s := m.Theme, m.State
	if s.clear.clicked(gtx) > 0 {
		s.ch[0].clipped, s.ch[1].clipped = false, false
	}
	n := s.channels()
	barW, gap, scaleW := m.width(gtx)
	barsW := n*barW + (n-1)*gap
	w := barsW + scaleW
	h := gtx.Constraints.Max.Y
	clipH := gtx.Dp(6)
	top := clipH + gtx.Dp(3)
	barH := h - top - gtx.Sp(th.SmallSizeSp)/2
	if barH < 1 {
		barH = 1
	}
	yOf := func(db float64) int {
		return top + int(math.Round(float64(barH)*(1-clamp01(m.Scale.Height(db)))))
	}
	clipR := image.Rect(0, 0, barsW, clipH)
	area := clip.Rect(clipR.Inset(-gtx.Dp(3))).Push(gtx.Ops)
	s.clear.add(gtx)
	area.Pop()

	// Drawn in passes of one colour each: a software rasteriser pays for
	// every change of colour between two consecutive draws far more than
	// for the draws themselves.
	low, mid, high := th.Meter.Low.NRGBA(), th.Meter.Mid.NRGBA(), th.Meter.High.NRGBA()
	warnY, hotY := yOf(m.Scale.WarnDB), yOf(m.Scale.HotDB)
	bottom := top + barH
	var peakY, rmsY, holdY [2]int
	floor := m.Scale.Height(math.Inf(-1))
	for i := 0; i < n; i++ {
		r := s.ch[i].shown()
		peakY[i], rmsY[i], holdY[i] = yOf(r.PeakDB), yOf(r.RMSDB), -1
		if m.Scale.Height(r.HoldDB) > floor {
			holdY[i] = yOf(r.HoldDB)
		}
	}
	barX := func(i int) int { return i * (barW + gap) }
	lv := Live(gtx)
	for _, lit := range [...]bool{false, true} {
		col := th.Meter.ClipOff.NRGBA()
		if lit {
			col = high
		}
		for i := 0; i < n; i++ {
			if s.ch[i].clipped == lit {
				fillRect(gtx, image.Rect(barX(i), 0, barX(i)+barW, clipH), col)
			}
		}
	}
	lv.End()
	for i := 0; i < n; i++ {
		fillRect(gtx, image.Rect(barX(i), top, barX(i)+barW, bottom), th.Meter.Back.NRGBA())
	}
	lv = Live(gtx)
	pct := th.Meter.PeakAlphaPct
	for z, col := range [...]color.NRGBA{withAlpha(low, pct), withAlpha(mid, pct), withAlpha(high, pct), low, mid, high} {
		for i := 0; i < n; i++ {
			levelY := peakY[i]
			if z >= 3 {
				levelY = rmsY[i]
			}
			if r, ok := zoneRect(barX(i), barW, bottom, levelY, warnY, hotY, z%3); ok {
				fillRect(gtx, r, col)
			}
		}
	}
	for i := 0; i < n; i++ {
		if y := holdY[i]; y >= 0 {
			fillRect(gtx, image.Rect(barX(i), y, barX(i)+barW, y+max(1, gtx.Dp(2))), th.Meter.Hold.NRGBA())
		}
	}
	lv.End()
	if m.ShowScale {
		drawScaleMarks(gtx, th, m.Scale, top, barH, barsW, scaleW)
	}
	return layout.Dimensions{Size: image.Pt(w, h)}
}

// zoneRect is the part of a bar from bottom up to levelY that lies in
// zone z (0 low, 1 mid, 2 high); ok is false when the level does not reach
// the zone.
func zoneRect(x, w, bottom, levelY, warnY, hotY, z int) (r image.Rectangle, ok bool) {
	lo, hi := bottom, warnY // y grows downwards: lo is the zone's bottom edge
	switch z {
	case 1:
		lo, hi = warnY, hotY
	case 2:
		lo, hi = hotY, math.MinInt32
	}
	if levelY >= lo {
		return r, false
	}
	return image.Rect(x, max(levelY, hi), x+w, lo), true
}

// drawScaleMarks draws scale's ticks beside the bars (which end at barsW)
// and its labels in the scaleW to their right, for bars barH high from top.
func drawScaleMarks(gtx layout.Context, th *Theme, scale *Scale, top, barH, barsW, scaleW int) {
	lh := gtx.Sp(th.SmallSizeSp) + gtx.Dp(2)
	tick := th.Fader.Tick.NRGBA()
	for _, t := range scale.Marks {
		y := top + int(math.Round(float64(barH)*(1-t.Pos)))
		fillRect(gtx, image.Rect(barsW+gtx.Dp(1), y, barsW+gtx.Dp(4), y+max(1, gtx.Dp(1))), tick)
	}
	for _, t := range scale.Marks {
		y := top + int(math.Round(float64(barH)*(1-t.Pos)))
		lg := gtx
		lg.Constraints = layout.Exact(image.Pt(scaleW-gtx.Dp(6), lh))
		trans := opOffset(gtx, image.Pt(barsW+gtx.Dp(6), y-lh/2))
		th.Label(lg, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, t.Label)
		trans.Pop()
	}
}
