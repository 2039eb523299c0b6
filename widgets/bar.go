package widgets

import (
	"image"
	"image/color"
	"math"

	"gioui.org/layout"
	"gioui.org/text"
)

// BarStyle draws a plain level bar for a reading whose ballistics the
// engine already applied (loudness, phase correlation): Value is a
// deflection 0..1 on the application's scale. A bar grows from Origin,
// the bottom or left by default, so a bipolar reading such as correlation
// grows either way from its centre. It keeps no state.
type BarStyle struct {
	Theme  *Theme
	Axis   layout.Axis // layout.Vertical grows up, layout.Horizontal right
	Value  float64     // deflection 0..1
	Origin float64     // deflection the bar grows from
	Marker float64     // a second reading drawn as a line (a maximum, a minimum); NaN: none
	Color  color.NRGBA
	Marks  []Tick // graduations drawn across the bar, at Tick.Pos
}

// Bar returns the style of a bar on axis showing value in the meter's low
// colour.
func Bar(th *Theme, axis layout.Axis, value float64) BarStyle {
	return BarStyle{Theme: th, Axis: axis, Value: value, Marker: math.NaN(), Color: th.Meter.Low.NRGBA()}
}

// Layout fills gtx.Constraints.Max.
func (b BarStyle) Layout(gtx layout.Context) layout.Dimensions {
	th := b.Theme
	size := gtx.Constraints.Max
	fillRect(gtx, image.Rectangle{Max: size}, th.Meter.Back.NRGBA())
	at := func(d float64) int { return barPx(b.Axis, size, d) }
	v, o := at(b.Value), at(b.Origin)
	span := func(a, c int) image.Rectangle {
		a, c = min(a, c), max(a, c)
		if b.Axis == layout.Vertical {
			return image.Rect(0, a, size.X, c)
		}
		return image.Rect(a, 0, c, size.Y)
	}
	fillRect(gtx, span(v, o), b.Color)
	line := max(1, gtx.Dp(1))
	tick := th.Fader.Tick.NRGBA()
	for _, t := range b.Marks {
		p := at(t.Pos)
		fillRect(gtx, span(p, p+line), tick)
	}
	if !math.IsNaN(b.Marker) {
		p := at(b.Marker)
		fillRect(gtx, span(p, p+max(1, gtx.Dp(2))), th.Meter.Hold.NRGBA())
	}
	return layout.Dimensions{Size: size}
}

// barPx is the pixel coordinate of deflection d along a bar of size:
// from the bottom up, or from the left.
func barPx(axis layout.Axis, size image.Point, d float64) int {
	d = clamp01(d)
	if axis == layout.Vertical {
		return int(math.Round(float64(size.Y) * (1 - d)))
	}
	return int(math.Round(float64(size.X) * d))
}

// ScaleStyle prints the labels of a bar's marks beside it: for a vertical
// bar of the same height, left-aligned and centred on each mark; for a
// horizontal bar of the same width, centred under each mark.
type ScaleStyle struct {
	Theme *Theme
	Axis  layout.Axis
	Marks []Tick
}

// Layout fills gtx.Constraints.Max; labels at the ends overhang by half a
// line.
func (s ScaleStyle) Layout(gtx layout.Context) layout.Dimensions {
	th := s.Theme
	size := gtx.Constraints.Max
	lh := gtx.Sp(th.SmallSizeSp) + gtx.Dp(2)
	col := th.Palette.TextDim.NRGBA()
	for _, t := range s.Marks {
		p := barPx(s.Axis, size, t.Pos)
		lg := gtx
		var off image.Point
		align := text.Start
		if s.Axis == layout.Vertical {
			lg.Constraints = layout.Exact(image.Pt(size.X, lh))
			off = image.Pt(0, p-lh/2)
		} else {
			// The end labels stay inside the bar's width.
			w := gtx.Dp(28)
			lg.Constraints = layout.Exact(image.Pt(w, lh))
			switch {
			case p-w/2 < 0:
				off = image.Pt(0, 0)
			case p+w/2 > size.X:
				off, align = image.Pt(size.X-w, 0), text.End
			default:
				off, align = image.Pt(p-w/2, 0), text.Middle
			}
		}
		trans := opOffset(gtx, off)
		th.Label(lg, th.SmallSizeSp, col, align, t.Label)
		trans.Pop()
	}
	return layout.Dimensions{Size: size}
}
