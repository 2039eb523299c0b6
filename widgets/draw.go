package widgets

import (
	"image"
	"image/color"
	"math"

	"gioui.org/f32"
	"gioui.org/font"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
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
	m := op.Record(gtx.Ops)
	paint.ColorOp{Color: c}.Add(gtx.Ops)
	material := m.Stop()
	f := th.Face
	f.Weight = weight
	return widget.Label{Alignment: align, MaxLines: 1}.Layout(gtx, th.Shaper, f, size, txt, material)
}

// fillRect paints r in c. Axis-aligned rectangles need no path, so the
// GPU draws them with no per-frame upload.
func fillRect(gtx layout.Context, r image.Rectangle, c color.NRGBA) {
	paint.FillShape(gtx.Ops, c, clip.Rect(r).Op())
}

// shapeKey names one cached path: a shape kind at a size.
type shapeKey struct {
	kind         shapeKind
	w, h, radius int
}

type shapeKind uint8

const (
	shapeRRect     shapeKind = iota
	shapeKnobTrack           // the knob's full 270° track
	shapeKnobRing            // the focus ring around a knob
)

// shapeCache holds the paths of rounded rectangles in an op.Ops that is
// never reset. Gio's GPU renderer keys path geometry by where the path op
// was recorded, so a path recorded here once is built and uploaded once,
// however often and wherever it is drawn; recorded into the frame's ops it
// would be rebuilt every frame.
type shapeCache struct {
	ops    op.Ops
	shapes map[shapeKey]clip.PathSpec
}

func (c *shapeCache) rrect(w, h, radius int) clip.PathSpec {
	k := shapeKey{kind: shapeRRect, w: w, h: h, radius: radius}
	if p, ok := c.shapes[k]; ok {
		return p
	}
	p := clip.UniformRRect(image.Rect(0, 0, w, h), radius).Path(&c.ops)
	c.put(k, p)
	return p
}

func (c *shapeCache) put(k shapeKey, p clip.PathSpec) {
	if c.shapes == nil {
		c.shapes = make(map[shapeKey]clip.PathSpec)
	}
	c.shapes[k] = p
}

// knob returns the track arc or the focus ring of a knob of size px,
// centred in a size×size box at the origin.
func (c *shapeCache) knob(kind shapeKind, size int) clip.PathSpec {
	k := shapeKey{kind: kind, w: size}
	if p, ok := c.shapes[k]; ok {
		return p
	}
	r, w := knobArcGeometry(size)
	centre := f32.Pt(float32(size)/2, float32(size)/2)
	var p clip.PathSpec
	if kind == shapeKnobTrack {
		p, _ = arcPath(&c.ops, centre, r, w, knobStart, knobStart-knobSweep)
	} else {
		p, _ = arcPath(&c.ops, centre, float32(size)/2+1, 1.5, 0, 2*math.Pi)
	}
	c.put(k, p)
	return p
}

// fillRRect paints r with rounded corners of radius rad.
func (th *Theme) fillRRect(gtx layout.Context, r image.Rectangle, rad int, c color.NRGBA) {
	p := th.shapes.rrect(r.Dx(), r.Dy(), rad)
	t := op.Offset(r.Min).Push(gtx.Ops)
	paint.FillShape(gtx.Ops, c, clip.Outline{Path: p}.Op())
	t.Pop()
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

// arcPath records a ring segment of width w centred on radius r from
// angle a0 to a1 as a filled outline: an outline is rasterised directly,
// where a stroke would be expanded on the CPU every frame.
func arcPath(o *op.Ops, c f32.Point, r, w float32, a0, a1 float64) (clip.PathSpec, bool) {
	const segmentsPerTurn = 48
	n := int(math.Ceil(segmentsPerTurn * math.Abs(a1-a0) / (2 * math.Pi)))
	if n < 1 {
		return clip.PathSpec{}, false
	}
	outer, inner := r+w/2, r-w/2
	var p clip.Path
	p.Begin(o)
	p.MoveTo(arcPoint(c, outer, a0))
	for i := 1; i <= n; i++ {
		p.LineTo(arcPoint(c, outer, a0+(a1-a0)*float64(i)/float64(n)))
	}
	for i := n; i >= 0; i-- {
		p.LineTo(arcPoint(c, inner, a0+(a1-a0)*float64(i)/float64(n)))
	}
	p.Close()
	return p.End(), true
}

// barPath records a bar of width w from a to b as a filled quad.
func barPath(o *op.Ops, a, b f32.Point, w float32) clip.PathSpec {
	d := b.Sub(a)
	l := float32(math.Hypot(float64(d.X), float64(d.Y)))
	n := f32.Pt(-d.Y/l*w/2, d.X/l*w/2)
	var p clip.Path
	p.Begin(o)
	p.MoveTo(a.Add(n))
	p.LineTo(b.Add(n))
	p.LineTo(b.Sub(n))
	p.LineTo(a.Sub(n))
	p.Close()
	return p.End()
}

// withAlpha scales c's alpha by pct percent.
func withAlpha(c color.NRGBA, pct uint8) color.NRGBA {
	c.A = uint8(uint16(c.A) * uint16(pct) / 100)
	return c
}

// opOffset moves the origin by p until the returned stack is popped.
func opOffset(gtx layout.Context, p image.Point) op.TransformStack {
	return op.Offset(p).Push(gtx.Ops)
}
