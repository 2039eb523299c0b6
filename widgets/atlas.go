package widgets

import (
	"image"
	"image/color"
	"math"

	"gioui.org/f32"
	"gioui.org/font"
	"gioui.org/op/paint"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	xfont "golang.org/x/image/font"
)

// Atlas geometry: a page is one texture, uploaded again whole when a
// label is added to it, so pages are small (1 MiB); when every page is
// full the atlas starts again empty after the frame, and labels are
// rendered again as they are drawn.
const (
	atlasPagePx = 512
	atlasPages  = 16
)

// atlas holds labels and shapes (knob arcs, rounded buttons) rendered on
// the CPU into a few textures, so the GPU draws each as an image of a
// texture it already has rather than stencilling its outline every frame;
// see Painter. Each Painter has its own. The glyphs come
// from the same Go fonts the Shaper uses (gioui.org/font/gofont), so a
// label looks the same either way.
//
// Labels are looked up by text, face and colour, shapes by outline and
// colour. Readouts whose text changes (a dragged fader's dB) and a turned
// knob's arc add entries as they go; the atlas is bounded, so that costs
// an upload of one page per new value, not memory.
type atlas struct {
	faces   map[atlasFace]xfont.Face
	entries map[atlasKey]atlasEntry
	pages   []*atlasPage
	mask    []uint8 // coverage scratch of the entry being rendered
	regular *sfnt.Font
	bold    *sfnt.Font
	raster  *vector.Rasterizer
	full    bool
	epoch   int // how many times the atlas started again
}

// atlasFace is one font at one size.
type atlasFace struct {
	bold bool
	ppem int
}

// atlasKey is one label as drawn (its text, face and colour) or one
// shape (its outline and colour).
type atlasKey struct {
	txt   string
	face  atlasFace
	shape shapeDesc
	col   color.NRGBA
}

// atlasEntry is where a label is in the atlas: src on page, with the pen
// (the start of the baseline) at src.Min + dot.
type atlasEntry struct {
	page int
	src  image.Rectangle
	dot  image.Point
}

// atlasPage is one texture, filled in shelves from the top.
type atlasPage struct {
	img    *image.RGBA
	op     paint.ImageOp
	dirty  bool
	x, y   int // next free place on the current shelf
	shelfH int
}

func newAtlas() *atlas {
	return &atlas{
		faces:   make(map[atlasFace]xfont.Face),
		entries: make(map[atlasKey]atlasEntry),
		raster:  vector.NewRasterizer(0, 0),
	}
}

// lookup returns the entry of label k, rendering it first if needed; ok
// is false when the label cannot be rendered (larger than a page, no
// font, or the atlas is full for this frame).
func (a *atlas) lookup(k atlasKey) (atlasEntry, bool) {
	if e, ok := a.entries[k]; ok {
		return e, true
	}
	face, ok := a.face(k.face)
	if !ok {
		return atlasEntry{}, false
	}
	b, _ := xfont.BoundString(face, k.txt)
	x0, y0 := b.Min.X.Floor()-1, b.Min.Y.Floor()-1
	x1, y1 := b.Max.X.Ceil()+1, b.Max.Y.Ceil()+1
	return a.render(k, image.Rect(0, 0, x1-x0, y1-y0), image.Pt(-x0, -y0), func(m *image.Alpha) {
		d := xfont.Drawer{Dst: m, Src: image.Opaque, Face: face, Dot: fixed.P(-x0, -y0)}
		d.DrawString(k.txt)
	})
}

// lookupShape returns the entry of shape d (at the origin: d.r.Min is 0)
// in colour c, rasterised on the CPU the first time; its dot is where
// d.r.Min goes. ok is false as for lookup.
func (a *atlas) lookupShape(d shapeDesc, c color.NRGBA) (atlasEntry, bool) {
	k := atlasKey{shape: d, col: c}
	if e, ok := a.entries[k]; ok {
		return e, true
	}
	// Anti-aliasing and the focus ring reach a little beyond d.r.
	const pad = 3
	size := d.r.Size().Add(image.Pt(2*pad, 2*pad))
	return a.render(k, image.Rectangle{Max: size}, image.Pt(pad, pad), func(m *image.Alpha) {
		a.raster.Reset(size.X, size.Y)
		d.build(rasterPath{a.raster}, image.Pt(pad, pad))
		a.raster.Draw(m, m.Rect, image.Opaque, image.Point{})
	})
}

// render places an entry of size r.Size() for k, clears its mask, lets
// draw fill the mask and tints it into the page.
func (a *atlas) render(k atlasKey, r image.Rectangle, dot image.Point, draw func(m *image.Alpha)) (atlasEntry, bool) {
	w, h := r.Dx(), r.Dy()
	if w <= 0 || h <= 0 || w > atlasPagePx || h > atlasPagePx {
		return atlasEntry{}, false
	}
	pi, at, ok := a.place(w, h)
	if !ok {
		return atlasEntry{}, false
	}
	pg := a.pages[pi]
	// The mask is contiguous (stride w): the rasteriser's fast path
	// writes it as one run.
	if cap(a.mask) < w*h {
		a.mask = make([]uint8, w*h)
	}
	m := &image.Alpha{Pix: a.mask[:w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
	clear(m.Pix)
	draw(m)
	a.tint(pg.img, at, m, k.col)
	pg.dirty = true
	e := atlasEntry{page: pi, src: image.Rectangle{Min: at, Max: at.Add(image.Pt(w, h))}, dot: dot}
	a.entries[k] = e
	return e, true
}

// rasterPath lets shapeDesc.build write into a CPU rasteriser.
type rasterPath struct{ z *vector.Rasterizer }

func (p rasterPath) MoveTo(to f32.Point) { p.z.MoveTo(to.X, to.Y) }
func (p rasterPath) LineTo(to f32.Point) { p.z.LineTo(to.X, to.Y) }
func (p rasterPath) CubeTo(c0, c1, to f32.Point) {
	p.z.CubeTo(c0.X, c0.Y, c1.X, c1.Y, to.X, to.Y)
}
func (p rasterPath) Close() { p.z.ClosePath() }

// tint writes mask m into dst at at in colour c, as premultiplied sRGB
// whose linear value is c's linear value times the coverage: Gio decodes
// textures from sRGB and blends in linear light, as it does when it fills
// a text outline, so both ways of drawing text look the same.
func (a *atlas) tint(dst *image.RGBA, at image.Point, m *image.Alpha, c color.NRGBA) {
	lin := [3]float64{srgbToLinear(c.R), srgbToLinear(c.G), srgbToLinear(c.B)}
	alpha := float64(c.A) / 255
	var lut [256][4]uint8
	for cov := range lut {
		f := float64(cov) / 255 * alpha
		for i, l := range lin {
			lut[cov][i] = linearToSRGB(l * f)
		}
		lut[cov][3] = uint8(math.Round(255 * f))
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	for y := 0; y < h; y++ {
		row := dst.Pix[dst.PixOffset(at.X, at.Y+y):]
		for x := 0; x < w; x++ {
			copy(row[4*x:4*x+4], lut[m.Pix[y*m.Stride+x]][:])
		}
	}
}

func srgbToLinear(v uint8) float64 {
	f := float64(v) / 255
	if f <= 0.04045 {
		return f / 12.92
	}
	return math.Pow((f+0.055)/1.055, 2.4)
}

func linearToSRGB(l float64) uint8 {
	if l <= 0.0031308 {
		return uint8(math.Round(255 * 12.92 * l))
	}
	return uint8(math.Round(255 * (1.055*math.Pow(l, 1/2.4) - 0.055)))
}

// place finds room for a w×h label, opening a page when needed. When
// every page is full it fails and marks the atlas full: the painter then
// starts it again empty after the frame, whose items still refer to it.
func (a *atlas) place(w, h int) (page int, at image.Point, ok bool) {
	for {
		if n := len(a.pages); n > 0 {
			pg := a.pages[n-1]
			if pg.x+w > atlasPagePx {
				pg.x, pg.y, pg.shelfH = 0, pg.y+pg.shelfH, 0
			}
			if pg.y+h <= atlasPagePx {
				at = image.Pt(pg.x, pg.y)
				pg.x += w
				pg.shelfH = max(pg.shelfH, h)
				return n - 1, at, true
			}
		}
		if len(a.pages) == atlasPages {
			a.full = true
			return 0, image.Point{}, false
		}
		a.pages = append(a.pages, &atlasPage{img: image.NewRGBA(image.Rect(0, 0, atlasPagePx, atlasPagePx))})
	}
}

// endFrame starts the atlas again empty if it filled up during the frame.
func (a *atlas) endFrame() {
	if !a.full {
		return
	}
	clear(a.entries)
	a.pages = a.pages[:0]
	a.full = false
	a.epoch++
}

// imageOp returns the texture of page, made again after the page changed.
func (a *atlas) imageOp(page int) paint.ImageOp {
	pg := a.pages[page]
	if pg.dirty {
		pg.op = paint.NewImageOp(pg.img)
		// Entries land on whole pixels: nearest sampling is exact, and on
		// a software renderer half the cost of linear.
		pg.op.Filter = paint.FilterNearest
		pg.dirty = false
	}
	return pg.op
}

func (a *atlas) face(f atlasFace) (xfont.Face, bool) {
	if face, ok := a.faces[f]; ok {
		return face, true
	}
	var err error
	if a.regular == nil {
		if a.regular, err = opentype.Parse(goregular.TTF); err != nil {
			return nil, false
		}
		if a.bold, err = opentype.Parse(gobold.TTF); err != nil {
			return nil, false
		}
	}
	fnt := a.regular
	if f.bold {
		fnt = a.bold
	}
	face, err := opentype.NewFace(fnt, &opentype.FaceOptions{Size: float64(f.ppem), DPI: 72, Hinting: xfont.HintingNone})
	if err != nil {
		return nil, false
	}
	a.faces[f] = face
	return face, true
}

// atlasFaceOf is the atlas face of a label's weight and size.
func atlasFaceOf(weight font.Weight, ppem int) atlasFace {
	return atlasFace{bold: weight >= font.SemiBold, ppem: ppem}
}
