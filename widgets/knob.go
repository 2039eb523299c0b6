package widgets

import (
	"image"
	"math"

	"gioui.org/layout"
	"gioui.org/op/clip"
	"gioui.org/text"
	"gioui.org/unit"
)

// Knob geometry: the dial sweeps 270°, from 225° (lower left) to −45°
// (lower right), like a hardware pot.
const (
	knobStart = 225 * math.Pi / 180
	knobSweep = 270 * math.Pi / 180
	// knobDragDp is the vertical drag for the full range: long enough for
	// 1% steps with a mouse, short enough to sweep in one gesture.
	knobDragDp = 160
)

// KnobState is a rotary control: a ValueState and its cached readout.
type KnobState struct {
	ValueState
	readout textCache
}

// knobArcSpan is the angles the value arc of a knob at pos spans, from
// the larger to the smaller: from the start, or from the top when bipolar.
func knobArcSpan(pos float64, bipolar bool) (from, to float64) {
	from = knobStart
	if bipolar {
		from = knobStart - knobSweep/2
	}
	to = knobStart - knobSweep*pos
	if from < to {
		from, to = to, from
	}
	return from, to
}

// knobAngle is the pointer angle of a knob at pos.
func knobAngle(pos float64) float64 { return knobStart - knobSweep*pos }

// knobArcGeometry is the radius and width of a knob's arc.
func knobArcGeometry(size int) (radius, width float32) {
	r := float32(size) / 2
	width = r * 0.16
	return r - width, width
}

// KnobStyle draws a KnobState.
type KnobStyle struct {
	Theme  *Theme
	State  *KnobState
	Label  string     // "TRIM", "HI": shown while the knob is not touched
	Format FormatFunc // value readout shown while touched; nil shows Label only
	Lit    bool       // draws the arc in the kill colour (a killed band)
}

// Knob returns the style that draws s.
func Knob(th *Theme, s *KnobState, label string, format FormatFunc) KnobStyle {
	return KnobStyle{Theme: th, State: s, Label: label, Format: format}
}

// Layout handles input, then draws the knob with its caption underneath, in
// a cell as wide as gtx.Constraints.Min.X (at least the knob).
func (k KnobStyle) Layout(gtx layout.Context) layout.Dimensions {
	th, s := k.Theme, k.State
	s.Update(gtx, layout.Vertical, float32(gtx.Dp(knobDragDp)))

	size := gtx.Dp(th.Knob.SizeDp)
	w := max(size, gtx.Constraints.Min.X)
	capH := gtx.Sp(th.SmallSizeSp) + gtx.Dp(4)
	h := size + capH

	x0 := (w - size) / 2
	area := clip.Rect(image.Rect(0, 0, w, size)).Push(gtx.Ops)
	s.add(gtx)
	area.Pop()

	r := size / 2
	inset := r * 22 / 100
	th.fillRRect(gtx, image.Rect(x0+inset, inset, x0+size-inset, size-inset), r-inset, th.Knob.Body.NRGBA())
	box := image.Rect(x0, 0, x0+size, size)
	fillShape(gtx, shapeDesc{kind: shapeKnobTrack, r: box}, th.Knob.Track.NRGBA())
	arcCol := th.Knob.Arc.NRGBA()
	if k.Lit {
		arcCol = th.Toggle.Kill.NRGBA()
	}
	if from, to := knobArcSpan(s.Pos, s.Bipolar); from > to {
		fillShape(gtx, shapeDesc{kind: shapeKnobArc, r: box, pos: s.Pos, bipolar: s.Bipolar}, arcCol)
	}
	fillShape(gtx, shapeDesc{kind: shapeKnobPointer, r: box, pos: s.Pos}, th.Knob.Pointer.NRGBA())
	if s.Focused() {
		fillShape(gtx, shapeDesc{kind: shapeKnobRing, r: box}, th.Palette.Focus.NRGBA())
	}
	drawBadge(gtx, th, box, s.Badge)

	txt, col := k.Label, th.Palette.TextDim.NRGBA()
	if s.Touched() && k.Format != nil {
		txt, col = s.readout.get(s.Pos, k.Format), th.Palette.Text.NRGBA()
	}
	cg := gtx
	cg.Constraints = layout.Exact(image.Pt(w, capH))
	trans := opOffset(gtx, image.Pt(0, size+gtx.Dp(1)))
	th.Label(cg, th.SmallSizeSp, col, text.Middle, txt)
	trans.Pop()
	return layout.Dimensions{Size: image.Pt(w, h)}
}

// KnobHeight is the height a knob cell takes, for layouts that align rows.
func (th *Theme) KnobHeight(m unit.Metric) int {
	return m.Dp(th.Knob.SizeDp) + m.Sp(th.SmallSizeSp) + m.Dp(4)
}
