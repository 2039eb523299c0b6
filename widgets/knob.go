package widgets

import (
	"image"
	"math"

	"gioui.org/f32"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
	"gioui.org/op/paint"
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

// KnobState is a rotary control: a ValueState, its cached readout and its
// cached dial.
type KnobState struct {
	ValueState
	readout textCache
	dial    knobDial
}

// knobDial keeps the value arc and the pointer in their own op.Ops, rebuilt
// only when the knob moves, so the GPU reuses their geometry otherwise.
type knobDial struct {
	ops     op.Ops
	valid   bool
	pos     float64
	size    int
	bipolar bool
	arc     clip.PathSpec
	hasArc  bool
	pointer clip.PathSpec
}

func (d *knobDial) update(pos float64, size int, bipolar bool) {
	if d.valid && d.pos == pos && d.size == size && d.bipolar == bipolar {
		return
	}
	d.valid, d.pos, d.size, d.bipolar = true, pos, size, bipolar
	d.ops.Reset()
	r, w := knobArcGeometry(size)
	c := f32.Pt(float32(size)/2, float32(size)/2)
	from := knobStart
	if bipolar {
		from = knobStart - knobSweep/2
	}
	to := knobStart - knobSweep*pos
	if from < to {
		from, to = to, from
	}
	d.arc, d.hasArc = arcPath(&d.ops, c, r, w, from, to)
	rr := float32(size) / 2
	d.pointer = barPath(&d.ops, arcPoint(c, rr*0.2, knobAngle(pos)), arcPoint(c, rr*0.74, knobAngle(pos)), max(1.5, rr*0.1))
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
	t := op.Offset(image.Pt(x0, 0)).Push(gtx.Ops)
	paint.FillShape(gtx.Ops, th.Knob.Track.NRGBA(), clip.Outline{Path: th.shapes.knob(shapeKnobTrack, size)}.Op())
	s.dial.update(s.Pos, size, s.Bipolar)
	arcCol := th.Knob.Arc.NRGBA()
	if k.Lit {
		arcCol = th.Toggle.Kill.NRGBA()
	}
	if s.dial.hasArc {
		paint.FillShape(gtx.Ops, arcCol, clip.Outline{Path: s.dial.arc}.Op())
	}
	paint.FillShape(gtx.Ops, th.Knob.Pointer.NRGBA(), clip.Outline{Path: s.dial.pointer}.Op())
	if s.Focused() {
		paint.FillShape(gtx.Ops, th.Palette.Focus.NRGBA(), clip.Outline{Path: th.shapes.knob(shapeKnobRing, size)}.Op())
	}
	t.Pop()

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
