package widgets

import (
	"image"
	"math"
	"strconv"

	"gioui.org/layout"
	"gioui.org/op/clip"
	"gioui.org/text"
)

// Tick is one mark of a fader scale: where it sits and what it says.
type Tick struct {
	Pos   float64 // 0..1 along the fader
	Label string  // "0", "−10", "−∞"
}

// FaderScale is the printed dB scale beside a fader. Build it once per law
// (NewFaderScale); its labels never change, so drawing it allocates nothing.
type FaderScale struct {
	Ticks []Tick
}

// NewFaderScale marks marksDB on a fader whose law puts dB at posOfDB(dB).
// math.Inf(-1) marks the bottom as "−∞".
func NewFaderScale(posOfDB func(dB float64) float64, marksDB ...float64) *FaderScale {
	s := &FaderScale{Ticks: make([]Tick, 0, len(marksDB))}
	for _, db := range marksDB {
		s.Ticks = append(s.Ticks, Tick{Pos: clamp01(posOfDB(db)), Label: DBLabel(db)})
	}
	return s
}

// DBLabel is a scale label for a whole-dB mark: "+6", "0", "−10", "−∞".
// It uses the typographic minus, which reads better than a hyphen.
func DBLabel(db float64) string {
	switch {
	case math.IsInf(db, -1):
		return "−∞"
	case db > 0:
		return "+" + strconv.FormatFloat(db, 'f', -1, 64)
	case db < 0:
		return "−" + strconv.FormatFloat(-db, 'f', -1, 64)
	}
	return "0"
}

// FaderState is a linear fader: a ValueState and its cached readout.
type FaderState struct {
	ValueState
	readout textCache
}

// FaderStyle draws a vertical fader with its scale on the left and its
// value under it.
type FaderStyle struct {
	Theme  *Theme
	State  *FaderState
	Scale  *FaderScale // nil: no scale
	Format FormatFunc  // the readout under the fader; nil: none
}

// Fader returns the style that draws s.
func Fader(th *Theme, s *FaderState, scale *FaderScale, format FormatFunc) FaderStyle {
	return FaderStyle{Theme: th, State: s, Scale: scale, Format: format}
}

// Layout fills gtx.Constraints.Max.Y; the cap follows the pointer, so a
// drag of n pixels moves the position by n / track length.
func (f FaderStyle) Layout(gtx layout.Context) layout.Dimensions {
	th, s := f.Theme, f.State
	scaleW := 0
	if f.Scale != nil {
		scaleW = gtx.Dp(24)
	}
	faderW := gtx.Dp(th.Fader.WidthDp)
	w := scaleW + faderW
	readH := 0
	if f.Format != nil {
		readH = gtx.Sp(th.SmallSizeSp) + gtx.Dp(6)
	}
	h := gtx.Constraints.Max.Y
	capH := gtx.Dp(26)
	top := capH / 2
	track := h - readH - capH
	if track < 1 {
		track = 1
	}
	s.Update(gtx, layout.Vertical, float32(track))

	area := clip.Rect(image.Rect(scaleW, 0, w, h-readH)).Push(gtx.Ops)
	s.add(gtx)
	area.Pop()

	cx := scaleW + faderW/2
	slotW := max(gtx.Dp(4), 2)
	th.fillRRect(gtx, image.Rect(cx-slotW/2, top, cx+slotW-slotW/2, top+track), slotW/2, th.Fader.Slot.NRGBA())
	if f.Scale != nil {
		tick := th.Fader.Tick.NRGBA()
		lh := gtx.Sp(th.SmallSizeSp) + gtx.Dp(2)
		// Ticks first, then labels: one colour change instead of one per
		// tick (see MeterStyle.Layout).
		for _, t := range f.Scale.Ticks {
			y := top + int(math.Round(float64(track)*(1-t.Pos)))
			fillRect(gtx, image.Rect(scaleW+gtx.Dp(4), y, scaleW+faderW-gtx.Dp(4), y+max(1, gtx.Dp(1))), tick)
		}
		for _, t := range f.Scale.Ticks {
			y := top + int(math.Round(float64(track)*(1-t.Pos)))
			lg := gtx
			lg.Constraints = layout.Exact(image.Pt(scaleW-gtx.Dp(2), lh))
			trans := opOffset(gtx, image.Pt(0, y-lh/2))
			th.Label(lg, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.End, t.Label)
			trans.Pop()
		}
	}
	capY := top + int(math.Round(float64(track)*(1-s.Pos))) - capH/2
	capR := image.Rect(scaleW+gtx.Dp(3), capY, w-gtx.Dp(3), capY+capH)
	th.fillRRect(gtx, capR, gtx.Dp(3), th.Fader.Cap.NRGBA())
	mid := capY + capH/2
	fillRect(gtx, image.Rect(capR.Min.X, mid-max(1, gtx.Dp(1)), capR.Max.X, mid+max(1, gtx.Dp(1))), th.Fader.CapLine.NRGBA())
	if s.Focused() {
		frameRect(gtx, capR.Inset(-gtx.Dp(2)), max(1, gtx.Dp(1)), th.Palette.Focus.NRGBA())
	}
	drawBadge(gtx, th, image.Rect(scaleW, 0, w, h-readH), s.Badge)
	if f.Format != nil {
		col := th.Palette.TextDim.NRGBA()
		if s.Touched() {
			col = th.Palette.Text.NRGBA()
		}
		rg := gtx
		rg.Constraints = layout.Exact(image.Pt(w, readH))
		trans := opOffset(gtx, image.Pt(0, h-readH+gtx.Dp(3)))
		th.Label(rg, th.SmallSizeSp, col, text.Middle, s.readout.get(s.Pos, f.Format))
		trans.Pop()
	}
	return layout.Dimensions{Size: image.Pt(w, h)}
}

// CrossfaderState is the horizontal crossfader: position 0 is full A,
// 1 full B, with a detent in the middle.
type CrossfaderState struct {
	ValueState
}

// CrossfaderStyle draws the crossfader across the given width.
type CrossfaderStyle struct {
	Theme *Theme
	State *CrossfaderState
}

// Crossfader returns the style that draws s.
func Crossfader(th *Theme, s *CrossfaderState) CrossfaderStyle {
	s.Bipolar = true
	return CrossfaderStyle{Theme: th, State: s}
}

// Layout fills gtx.Constraints.Max.X; the cap follows the pointer.
func (c CrossfaderStyle) Layout(gtx layout.Context) layout.Dimensions {
	th, s := c.Theme, c.State
	w := gtx.Constraints.Max.X
	h := gtx.Dp(40)
	labelW := gtx.Dp(22)
	capW := gtx.Dp(22)
	left := labelW + capW/2
	track := w - 2*labelW - capW
	if track < 1 {
		track = 1
	}
	s.Update(gtx, layout.Horizontal, float32(track))
	area := clip.Rect(image.Rect(labelW, 0, w-labelW, h)).Push(gtx.Ops)
	s.add(gtx)
	area.Pop()

	cy := h / 2
	slotH := max(gtx.Dp(4), 2)
	th.fillRRect(gtx, image.Rect(left, cy-slotH/2, left+track, cy+slotH-slotH/2), slotH/2, th.Fader.Slot.NRGBA())
	tick := th.Fader.Tick.NRGBA()
	for i := 0; i <= 4; i++ {
		x := left + track*i/4
		tickH := gtx.Dp(5)
		if i == 2 {
			tickH = gtx.Dp(9)
		}
		fillRect(gtx, image.Rect(x, cy-tickH-slotH, x+max(1, gtx.Dp(1)), cy-slotH), tick)
	}
	lg := gtx
	lg.Constraints = layout.Exact(image.Pt(labelW, h))
	trans := opOffset(gtx, image.Pt(0, (h-gtx.Sp(th.TextSizeSp))/2-gtx.Dp(2)))
	th.BoldLabel(lg, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Middle, "A")
	trans.Pop()
	trans = opOffset(gtx, image.Pt(w-labelW, (h-gtx.Sp(th.TextSizeSp))/2-gtx.Dp(2)))
	th.BoldLabel(lg, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Middle, "B")
	trans.Pop()

	capX := left + int(math.Round(float64(track)*s.Pos)) - capW/2
	capR := image.Rect(capX, gtx.Dp(3), capX+capW, h-gtx.Dp(3))
	th.fillRRect(gtx, capR, gtx.Dp(3), th.Fader.Cap.NRGBA())
	mid := capX + capW/2
	fillRect(gtx, image.Rect(mid-max(1, gtx.Dp(1)), capR.Min.Y, mid+max(1, gtx.Dp(1)), capR.Max.Y), th.Fader.CapLine.NRGBA())
	if s.Focused() {
		frameRect(gtx, capR.Inset(-gtx.Dp(2)), max(1, gtx.Dp(1)), th.Palette.Focus.NRGBA())
	}
	drawBadge(gtx, th, image.Rect(labelW, 0, w-labelW, h), s.Badge)
	return layout.Dimensions{Size: image.Pt(w, h)}
}
