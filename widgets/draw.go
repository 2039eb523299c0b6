package widgets

import (
	"image"
	"image/color"
	"math"

	"gioui.org/f32"
	"gioui.org/font"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/paint"
	"gioui.org/text"
	"gioui.org/unit"
	"gioui.org/widget"
)

// FormatFunc appends the user-facing text for a control position to dst:
// "−3.5 dB", "1.2 kHz", "L 30%". The application supplies it because only
// it knows the law behind the position.
type FormatFunc func(dst []byte, pos float64) []byte

// textCache keeps the last formatted text of a control, so Layout formats
// (and allocates) only when the value changes.
type textCache struct {
	valid bool
	pos   float64
	buf   []byte
	s     string
}

func (c *textCache) get(pos float64, f FormatFunc) string {
	if c.valid && c.pos == pos {
		return c.s
	}
	c.buf = f(c.buf[:0], pos)
	c.s = string(c.buf)
	c.pos, c.valid = pos, true
	return c.s
}

// Label draws one line of text in colour c, aligned within the minimum
// width of gtx.
func (th *Theme) Label(gtx layout.Context, size unit.Sp, c color.NRGBA, align text.Alignment, txt string) layout.Dimensions {
	return th.label(gtx, size, c, align, font.Normal, txt)
}

// BoldLabel is Label in bold.
func (th *Theme) BoldLabel(gtx layout.Context, size unit.Sp, c color.NRGBA, align text.Alignment, txt string) layout.Dimensions {
	return th.label(gtx, size, c, align, font.Bold, txt)
}

func (th *Theme) label(gtx layout.Context, size unit.Sp, c color.NRGBA, align text.Alignment, weight font.Weight, txt string) layout.Dimensions {
	if p := PainterOf(gtx); p != nil {
		return p.label(gtx, th, size, c, align, weight, txt)
	}
	m := op.Record(gtx.Ops)
	paint.ColorOp{Color: c}.Add(gtx.Ops)
	material := m.Stop()
	f := th.Face
	f.Weight = weight
	return widget.Label{Alignment: align, MaxLines: 1}.Layout(gtx, th.Shaper, f, size, txt, material)
}

// fillRect paints r in c. Axis-aligned rectangles need no path, so the
// GPU draws them with no per-frame upload.
func fillRect(gtx layout.Context, r image.Rectangle, c color.NRGBA) { FillRect(gtx, r, c) }

// fillRRect paints r with rounded corners of radius rad.
func (th *Theme) fillRRect(gtx layout.Context, r image.Rectangle, rad int, c color.NRGBA) {
	fillShape(gtx, shapeDesc{kind: shapeRRect, r: r, radius: rad}, c)
}

// frameRect outlines r with four rectangles: the keyboard focus ring.
func frameRect(gtx layout.Context, r image.Rectangle, width int, c color.NRGBA) {
	fillRect(gtx, image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+width), c)
	fillRect(gtx, image.Rect(r.Min.X, r.Max.Y-width, r.Max.X, r.Max.Y), c)
	fillRect(gtx, image.Rect(r.Min.X, r.Min.Y, r.Min.X+width, r.Max.Y), c)
	fillRect(gtx, image.Rect(r.Max.X-width, r.Min.Y, r.Max.X, r.Max.Y), c)
}

// arcPoint is the point at angle a (radians, counter-clockwise from the
// positive x axis, y pointing up as on a dial) on a circle of radius r.
func arcPoint(c f32.Point, r float32, a float64) f32.Point {
	return f32.Pt(c.X+r*float32(math.Cos(a)), c.Y-r*float32(math.Sin(a)))
}

// arcContour adds a ring segment of width w centred on radius r from
// angle a0 to a1 as a closed outline: an outline is rasterised directly,
// where a stroke would be expanded on the CPU.
func arcContour(p pathBuilder, c f32.Point, r, w float32, a0, a1 float64) {
	const segmentsPerTurn = 48
	n := int(math.Ceil(segmentsPerTurn * math.Abs(a1-a0) / (2 * math.Pi)))
	if n < 1 {
		return
	}
	outer, inner := r+w/2, r-w/2
	p.MoveTo(arcPoint(c, outer, a0))
	for i := 1; i <= n; i++ {
		p.LineTo(arcPoint(c, outer, a0+(a1-a0)*float64(i)/float64(n)))
	}
	for i := n; i >= 0; i-- {
		p.LineTo(arcPoint(c, inner, a0+(a1-a0)*float64(i)/float64(n)))
	}
	p.Close()
}

// barContour adds a bar of width w from a to b as a closed quad.
func barContour(p pathBuilder, a, b f32.Point, w float32) {
	d := b.Sub(a)
	l := float32(math.Hypot(float64(d.X), float64(d.Y)))
	n := f32.Pt(-d.Y/l*w/2, d.X/l*w/2)
	p.MoveTo(a.Add(n))
	p.LineTo(b.Add(n))
	p.LineTo(b.Sub(n))
	p.LineTo(a.Sub(n))
	p.Close()
}

// withAlpha scales c's alpha by pct percent.
func withAlpha(c color.NRGBA, pct uint8) color.NRGBA {
	c.A = uint8(uint16(c.A) * uint16(pct) / 100)
	return c
}

// opOffset moves the origin by p until the returned stack is popped.
func opOffset(gtx layout.Context, p image.Point) Stack { return Offset(gtx, p) }
