package widgets

import (
	"image"
	"image/color"
	"slices"

	"gioui.org/f32"
	"gioui.org/font"
	"gioui.org/io/system"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
	"gioui.org/op/paint"
	"gioui.org/text"
	"gioui.org/unit"
	"golang.org/x/image/math/fixed"
)

// Painter batches a window's drawing so the GPU sees few state changes.
//
// Measured on Mesa's software renderer (llvmpipe, 1920×1080): a rectangle
// drawn in the colour of the draw before costs about 3 µs, one that
// changes the colour 0.1–0.2 ms (llvmpipe flushes its queued work); a clip
// path (a rounded shape, an arc, a label's text) costs about 0.1 ms plus
// the area of its bounds, which it stencils and covers: 20 px, 0.04 ms;
// a strip's column, 1.1 ms; the whole window, about 15 ms.
//
// So widgets do not paint directly: they record rectangles, shapes and
// text, in window coordinates, into the Painter of the frame's context
// (Painter.Begin; move and clip with Offset and Clip, not op.Offset).
// Flush paints them in layers: each rectangle or shape goes to the lowest
// layer above every earlier item of another kind or colour that it
// overlaps, so the picture is exactly that of painting in order; text goes
// above all shapes. Within a layer, the rectangles of one colour are drawn
// one after another, and the shapes of one colour in one 48 px column
// become one path, rebuilt only when one of its shapes changes, so Gio
// uploads none again while only meters move.
//
// Labels and shapes are drawn as images from an atlas (atlas.go):
// rendered once on the CPU, each is then a textured rectangle where its
// outline would be a stencilled path, and the atlas items of a layer are
// one run whatever their colour. Labels this way halved the frame (16
// strips, 1920×1080: 87 to 43 ms). What the atlas cannot take is drawn
// from outlines, as described above.
//
// Only what changes from frame to frame reaches the GPU as items: widgets
// mark it with Live (a meter's level, a running readout). Every other
// rectangle and atlas image goes into the backdrop (backdrop.go), a
// window-sized image composited on the CPU where its items changed and
// drawn as a few textured rectangles: with 16 strips, about 100 live
// items are drawn instead of 1400 (1920×1080 on llvmpipe: 22–25 to 16–17
// ms a frame).
//
// Flush paints under whatever Gio widgets painted themselves during the
// frame if the caller records the frame's layout as a macro and adds it
// after Flush (as app.UI does). Widgets laid out without a Painter (tests,
// other windows) paint directly, as before.
type Painter struct {
	size   image.Point
	origin image.Point     // of the current transform, in window pixels
	clip   image.Rectangle // the current clip, in window pixels

	keys     []groupKey
	items    []paintItem
	topLayer int32 // the highest layer below textLayer this frame
	glyphs   []text.Glyph
	// Flush's counting sort: a count per layer and key, and the items in
	// order, swapped with items.
	counts []int32
	sorted []paintItem
	// lines keeps each label's line as shaped, for labels the atlas
	// draws: their glyphs are not needed, only where the line lies.
	lines map[lineKey]glyphIter

	cols, rows int
	cells      []int32 // per cell, the last node of the items it holds, or -1
	nodes      []node

	groups   []*pathGroup
	scratch  []text.Glyph
	atlas    *atlas
	backdrop backdrop
	live     int            // Live scopes open
	values   map[string]any // gtx.Values when the caller has none
}

// painterKey is the key of the Painter in layout.Context.Values.
const painterKey = "linuxdj/widgets.Painter"

// PainterOf returns the Painter of gtx, or nil when widgets paint directly.
func PainterOf(gtx layout.Context) *Painter {
	p, _ := gtx.Values[painterKey].(*Painter)
	return p
}

// Begin starts a frame of size in gtx, whose transform must be the
// window's: widgets laid out with gtx (or a context derived from it) record
// into p until Flush.
func (p *Painter) Begin(gtx layout.Context, size image.Point) layout.Context {
	if gtx.Values == nil {
		if p.values == nil {
			p.values = make(map[string]any, 1)
		}
		gtx.Values = p.values
	}
	gtx.Values[painterKey] = p
	if p.atlas == nil {
		p.atlas = newAtlas()
	}
	p.size = size
	p.origin = image.Point{}
	p.clip = image.Rectangle{Max: size}
	p.keys = p.keys[:0]
	p.items = p.items[:0]
	p.topLayer = 0
	p.glyphs = p.glyphs[:0]
	p.cols, p.rows = (size.X+cellPx-1)/cellPx, (size.Y+cellPx-1)/cellPx
	n := p.cols * p.rows
	if cap(p.cells) < n {
		p.cells = make([]int32, n)
	}
	p.cells = p.cells[:n]
	for i := range p.cells {
		p.cells[i] = -1
	}
	p.nodes = p.nodes[:0]
	p.live = 0
	return gtx
}

// LiveScope ends what Live began.
type LiveScope struct{ p *Painter }

// Live marks what widgets draw with gtx until End as changing from frame
// to frame (a meter's level, a running clock): the Painter draws it on
// the GPU every frame, over the backdrop that holds everything else.
// Whatever is not marked still shows every change, at the price of
// painting its tiles again on the CPU and uploading their band.
func Live(gtx layout.Context) LiveScope {
	p := PainterOf(gtx)
	if p != nil {
		p.live++
	}
	return LiveScope{p: p}
}

// End closes the scope.
func (s LiveScope) End() {
	if s.p != nil {
		s.p.live--
	}
}

// cellPx is the side of a cell of the overlap grid.
const cellPx = 32

type itemKind uint8

const (
	itemRect itemKind = iota
	itemShape
	itemText
	itemAtlasText  // a label drawn from the atlas
	itemAtlasShape // a shape drawn from the atlas
)

// groupKey is what the GPU draws in one state: a kind of item in one
// colour under one clip; shapes and text also in one column of the window
// (see columnPx).
type groupKey struct {
	kind   itemKind
	col    color.NRGBA
	clip   image.Rectangle
	column int
}

// columnPx is the width of the columns that merged paths are split into.
// llvmpipe pays for a path by the area of its bounds as well as per path:
// one path of all the window's text in a colour covers the whole window,
// a path per label costs ~0.1 ms each. Columns of 48 px measured best
// (16 strips: 63 ms a frame against 85 ms for whole-window groups and
// 90–110 ms for a path per shape).
const columnPx = 48

type paintItem struct {
	layer int32
	key   int32
	b     image.Rectangle // everything the item may touch
	r     image.Rectangle // a rectangle's area
	shape shapeDesc
	g0    int32 // text: the item's glyphs are p.glyphs[g0:g1]
	g1    int32
	atlas atlasEntry // atlas items: drawn with the entry's dot at r.Min
	live  bool       // drawn by the GPU every frame, not into the backdrop
}

// node links an item into the list of a cell of the overlap grid.
type node struct {
	item, next int32
}

// textLayer is above every other: text is painted over all shapes.
const textLayer = 1<<31 - 1

// pathGroup is the merged path of one layer's shapes in one colour, kept
// across frames so that an unchanged group is the same path to Gio.
type pathGroup struct {
	layer int32
	key   groupKey
	used  bool
	descs []shapeDesc
	ops   op.Ops
	path  clip.PathSpec
}

// Stack undoes an Offset or a Clip.
type Stack struct {
	p      *Painter
	t      op.TransformStack
	c      clip.Stack
	isClip bool
	origin image.Point
	clip   image.Rectangle
}

// Pop restores the transform or clip from before the push.
func (s Stack) Pop() {
	if s.isClip {
		s.c.Pop()
	} else {
		s.t.Pop()
	}
	if s.p != nil {
		s.p.origin, s.p.clip = s.origin, s.clip
	}
}

// Offset moves the origin by off, for Gio and for the Painter of gtx.
// Everything that draws through widgets must be moved with Offset rather
// than op.Offset, or the Painter would record it in the wrong place.
func Offset(gtx layout.Context, off image.Point) Stack {
	s := Stack{t: op.Offset(off).Push(gtx.Ops)}
	if p := PainterOf(gtx); p != nil {
		s.p, s.origin, s.clip = p, p.origin, p.clip
		p.origin = p.origin.Add(off)
	}
	return s
}

// Clip clips input and drawing to r until popped.
func Clip(gtx layout.Context, r image.Rectangle) Stack {
	s := Stack{c: clip.Rect(r).Push(gtx.Ops), isClip: true}
	if p := PainterOf(gtx); p != nil {
		s.p, s.origin, s.clip = p, p.origin, p.clip
		p.clip = p.clip.Intersect(r.Add(p.origin))
	}
	return s
}

// FillRect paints r in c.
func FillRect(gtx layout.Context, r image.Rectangle, c color.NRGBA) {
	p := PainterOf(gtx)
	if p == nil {
		paint.FillShape(gtx.Ops, c, clip.Rect(r).Op())
		return
	}
	r = r.Add(p.origin).Intersect(p.clip)
	if r.Empty() || c.A == 0 {
		return
	}
	p.add(groupKey{kind: itemRect, col: c}, r, paintItem{r: r})
}

// fillShape records a shape, or paints it when there is no Painter.
func fillShape(gtx layout.Context, d shapeDesc, c color.NRGBA) {
	p := PainterOf(gtx)
	if p == nil {
		var path clip.Path
		path.Begin(gtx.Ops)
		d.build(&path, image.Point{})
		paint.FillShape(gtx.Ops, c, clip.Outline{Path: path.End()}.Op())
		return
	}
	d.r = d.r.Add(p.origin)
	// Anti-aliasing reaches a pixel beyond the outline.
	b := d.bounds().Inset(-2).Intersect(p.clip)
	if b.Empty() || c.A == 0 {
		return
	}
	if d.kind == shapeRRect && p.addLongRRect(d, c) {
		return
	}
	at := d.r.Min
	d.r = d.r.Sub(at)
	if e, ok := p.atlas.lookupShape(d, c); ok {
		// The entry's pixels, which the backdrop hashes and paints by.
		b = e.src.Sub(e.src.Min).Add(at.Sub(e.dot)).Intersect(p.clip)
		if !b.Empty() {
			p.add(groupKey{kind: itemAtlasShape, clip: p.clip}, b, paintItem{r: image.Rectangle{Min: at}, atlas: e})
		}
		return
	}
	d.r = d.r.Add(at)
	p.add(groupKey{kind: itemShape, col: c, clip: p.clip}, b, paintItem{shape: d})
}

// addLongRRect records a rounded rectangle too long for an atlas page (a
// fader's track) as its two rounded ends, from the atlas, and the
// rectangle between them; it reports false for any other, which is drawn
// whole. d is in window coordinates.
func (p *Painter) addLongRRect(d shapeDesc, c color.NRGBA) bool {
	w, h := d.r.Dx(), d.r.Dy()
	vertical := h > atlasPagePx/2 && w <= atlasPagePx/2
	if !vertical && !(w > atlasPagePx/2 && h <= atlasPagePx/2) {
		return false
	}
	rad := min(d.radius, w/2, h/2)
	end := shapeDesc{kind: shapeRRect, radius: rad, r: image.Rect(0, 0, w, 2*rad)}
	if !vertical {
		end.r = image.Rect(0, 0, 2*rad, h)
	}
	e, ok := p.atlas.lookupShape(end, c)
	if !ok {
		return false
	}
	// The entry is both ends joined; each end is drawn from its half, with
	// the dot moved so the same texel still lands on the same pixel.
	first, second := e, e
	mid, far := d.r, d.r.Min
	if vertical {
		cut := e.src.Min.Y + e.dot.Y + rad
		first.src.Max.Y = cut
		second.src.Min.Y, second.dot.Y = cut, e.dot.Y-(cut-e.src.Min.Y)
		mid.Min.Y, mid.Max.Y = d.r.Min.Y+rad, d.r.Max.Y-rad
		far.Y = d.r.Max.Y - 2*rad
	} else {
		cut := e.src.Min.X + e.dot.X + rad
		first.src.Max.X = cut
		second.src.Min.X, second.dot.X = cut, e.dot.X-(cut-e.src.Min.X)
		mid.Min.X, mid.Max.X = d.r.Min.X+rad, d.r.Max.X-rad
		far.X = d.r.Max.X - 2*rad
	}
	for _, part := range [...]struct {
		e  atlasEntry
		at image.Point
	}{{first, d.r.Min}, {second, far}} {
		b := part.e.src.Sub(part.e.src.Min).Add(part.at.Sub(part.e.dot)).Intersect(p.clip)
		if !b.Empty() {
			p.add(groupKey{kind: itemAtlasShape, clip: p.clip}, b, paintItem{r: image.Rectangle{Min: part.at}, atlas: part.e})
		}
	}
	if mid = mid.Intersect(p.clip); !mid.Empty() {
		p.add(groupKey{kind: itemRect, col: c}, mid, paintItem{r: mid})
	}
	return true
}

// add places it in the lowest layer above every earlier item of another
// key that it overlaps (text goes on top, see textLayer). The grid only
// finds the candidates; overlap is tested exactly, so a moving meter bar
// does not change the layers of its neighbours and their paths stay
// cached.
func (p *Painter) add(k groupKey, bounds image.Rectangle, it paintItem) {
	if k.kind == itemShape || k.kind == itemText {
		k.column = bounds.Min.X / columnPx
	}
	it.key, it.b = p.keyID(k), bounds
	// Outlines and shaped text have no CPU rendering here: the GPU draws them.
	it.live = p.live > 0 || k.kind == itemShape || k.kind == itemText
	if k.kind == itemText || k.kind == itemAtlasText {
		it.layer = textLayer
		p.items = append(p.items, it)
		return
	}
	layer := int32(0)
	p.forCells(bounds, func(c *int32) {
		for n := *c; n >= 0; n = p.nodes[n].next {
			o := &p.items[p.nodes[n].item]
			if !o.b.Overlaps(bounds) {
				continue
			}
			l := o.layer
			if o.key != it.key {
				l++
			}
			layer = max(layer, l)
		}
	})
	it.layer = layer
	p.topLayer = max(p.topLayer, layer)
	p.items = append(p.items, it)
	p.linkCells(len(p.items)-1, bounds)
}

// linkCells records item i in the grid cells that r touches.
func (p *Painter) linkCells(i int, r image.Rectangle) {
	p.forCells(r, func(c *int32) {
		p.nodes = append(p.nodes, node{item: int32(i), next: *c})
		*c = int32(len(p.nodes) - 1)
	})
}

func (p *Painter) keyID(k groupKey) int32 {
	for i := len(p.keys) - 1; i >= 0; i-- {
		if p.keys[i] == k {
			return int32(i)
		}
	}
	p.keys = append(p.keys, k)
	return int32(len(p.keys) - 1)
}

// label shapes txt into the frame's text; see Theme.Label.
func (p *Painter) label(gtx layout.Context, th *Theme, size unit.Sp, c color.NRGBA, align text.Alignment, weight font.Weight, txt string) layout.Dimensions {
	cs := gtx.Constraints
	ppem := gtx.Sp(size)
	f := th.Face
	f.Weight = weight
	lk := lineKey{txt: txt, font: f, ppem: ppem, align: align, minX: cs.Min.X, max: cs.Max, locale: gtx.Locale}
	if it, ok := p.lines[lk]; ok {
		if dims, ok := p.atlasLabel(&it, c, weight, ppem, cs, txt); ok {
			return dims
		}
	}
	th.Shaper.LayoutString(text.Parameters{
		Font:      f,
		PxPerEm:   fixed.I(ppem),
		MaxLines:  1,
		Alignment: align,
		MaxWidth:  cs.Max.X,
		MinWidth:  cs.Min.X,
		Locale:    gtx.Locale,
	}, txt)
	// The glyphs are kept as widget.Label keeps them; the extent and the
	// dimensions are computed as it computes them.
	viewport := image.Rectangle{Max: cs.Max}
	var it glyphIter
	it.viewport = viewport
	g0 := len(p.glyphs)
	// A marker glyph that has no outline carries the label's position, so
	// the Shaper's cache, which compares glyph ids and x only, tells
	// apart labels that moved vertically.
	p.glyphs = append(p.glyphs, text.Glyph{ID: noGlyph, X: fixed.I(p.origin.Y)})
	for g, ok := th.Shaper.NextGlyph(); ok; g, ok = th.Shaper.NextGlyph() {
		more := it.process(g)
		if it.visible {
			g.X += fixed.I(p.origin.X)
			g.Offset.Y -= fixed.I(p.origin.Y + int(g.Y))
			p.glyphs = append(p.glyphs, g)
		}
		if !more {
			break
		}
	}
	it.any = len(p.glyphs) > g0+1
	if p.lines == nil {
		p.lines = make(map[lineKey]glyphIter)
	} else if len(p.lines) >= maxLines {
		// Bounded as the atlas is: readouts whose text changes add lines.
		clear(p.lines)
	}
	p.lines[lk] = it
	if dims, ok := p.atlasLabel(&it, c, weight, ppem, cs, txt); ok {
		p.glyphs = p.glyphs[:g0]
		return dims
	}
	if b := it.box(p); it.any && !b.Empty() && c.A != 0 {
		p.add(groupKey{kind: itemText, col: c, clip: p.clip}, b, paintItem{g0: int32(g0), g1: int32(len(p.glyphs))})
	} else {
		p.glyphs = p.glyphs[:g0]
	}
	return it.dims(cs)
}

// maxLines bounds Painter.lines.
const maxLines = 4096

// lineKey is everything a label's line depends on.
type lineKey struct {
	txt    string
	font   font.Font
	ppem   int
	align  text.Alignment
	minX   int
	max    image.Point
	locale system.Locale
}

// atlasLabel draws the label whose line it is from the atlas, and reports
// false when the atlas cannot (the caller then draws its glyphs); a label
// with nothing to draw is done.
func (p *Painter) atlasLabel(it *glyphIter, c color.NRGBA, weight font.Weight, ppem int, cs layout.Constraints, txt string) (layout.Dimensions, bool) {
	if !it.any || it.box(p).Empty() || c.A == 0 {
		return it.dims(cs), true
	}
	e, ok := p.atlas.lookup(atlasKey{txt: txt, face: atlasFaceOf(weight, ppem), col: c})
	if !ok {
		return layout.Dimensions{}, false
	}
	pen := p.origin.Add(image.Pt(it.penX.Round(), it.baseline))
	r := image.Rectangle{Min: pen.Sub(e.dot), Max: pen.Sub(e.dot).Add(e.src.Size())}
	if r = r.Intersect(p.clip); !r.Empty() {
		p.add(groupKey{kind: itemAtlasText, clip: p.clip}, r, paintItem{r: image.Rectangle{Min: pen}, atlas: e})
	}
	return it.dims(cs), true
}

// box is where the line's glyphs may paint, in window pixels, clipped.
func (it *glyphIter) box(p *Painter) image.Rectangle {
	v := it.viewport
	v.Min = v.Min.Add(it.padding.Min)
	v.Max = v.Max.Add(it.padding.Max)
	return v.Add(p.origin).Inset(-1).Intersect(p.clip)
}

// dims are the label's dimensions, computed as widget.Label computes them.
func (it *glyphIter) dims(cs layout.Constraints) layout.Dimensions {
	dims := layout.Dimensions{Size: cs.Constrain(it.bounds.Size())}
	dims.Baseline = dims.Size.Y - it.baseline
	return dims
}

// noGlyph is a glyph id of no face: the Shaper skips it.
const noGlyph = text.GlyphID(^uint64(0))

// glyphIter is widget.Label's glyph bookkeeping for one line.
type glyphIter struct {
	viewport image.Rectangle
	padding  image.Rectangle
	bounds   image.Rectangle
	baseline int
	penX     fixed.Int26_6 // the first glyph's x: where the line starts
	lines    int
	first    bool
	visible  bool
	any      bool // some glyph is visible
}

// process accounts for g and reports whether later glyphs may be visible.
func (it *glyphIter) process(g text.Glyph) bool {
	if g.Flags&text.FlagLineBreak != 0 {
		it.lines++
	}
	if it.lines == 1 && g.Flags&text.FlagParagraphBreak != 0 {
		return false
	}
	if d := g.Bounds.Min.X.Floor(); d < it.padding.Min.X {
		it.padding.Min.X = d
	}
	if d := (g.Bounds.Max.X - g.Advance).Ceil(); d > it.padding.Max.X {
		it.padding.Max.X = d
	}
	if d := (g.Bounds.Min.Y + g.Ascent).Floor(); d < it.padding.Min.Y {
		it.padding.Min.Y = d
	}
	if d := (g.Bounds.Max.Y - g.Descent).Ceil(); d > it.padding.Max.Y {
		it.padding.Max.Y = d
	}
	lb := image.Rectangle{
		Min: image.Pt(g.X.Floor(), int(g.Y)-g.Ascent.Ceil()),
		Max: image.Pt((g.X + g.Advance).Ceil(), int(g.Y)+g.Descent.Ceil()),
	}
	if !it.first {
		it.first = true
		it.penX = g.X
		it.baseline = int(g.Y)
		it.bounds = lb
	}
	above := lb.Max.Y < it.viewport.Min.Y
	below := lb.Min.Y > it.viewport.Max.Y
	left := lb.Max.X < it.viewport.Min.X
	right := lb.Min.X > it.viewport.Max.X
	it.visible = !above && !below && !left && !right
	if it.visible {
		it.bounds = it.bounds.Union(lb)
	}
	return !below
}

// Flush paints what was recorded since Begin, in window coordinates: gtx
// must have the window's transform again.
func (p *Painter) Flush(gtx layout.Context, th *Theme) {
	p.sortItems()
	for _, g := range p.groups {
		g.used = false
	}
	p.paintBackdrop(gtx)
	for i := 0; i < len(p.items); {
		if !p.items[i].live {
			i++
			continue
		}
		j := i + 1
		for j < len(p.items) && p.items[j].live && p.items[j].layer == p.items[i].layer && p.items[j].key == p.items[i].key {
			j++
		}
		p.paintRun(gtx, th, p.items[i:j])
		i = j
	}
	p.groups = slices.DeleteFunc(p.groups, func(g *pathGroup) bool { return !g.used })
	p.items = p.items[:0]
	p.atlas.endFrame()
}

// sortItems orders the items by layer, then key, each layer's and key's in
// the order they came: a counting sort, since layers and keys are small
// numbers (the text layer counts as the one above the top layer). It
// moves each item once; a comparison sort moved the large items many
// times, and was the window's largest single cost while music played.
func (p *Painter) sortItems() {
	keys := int32(len(p.keys))
	bucket := func(it *paintItem) int32 {
		layer := it.layer
		if layer == textLayer {
			layer = p.topLayer + 1
		}
		return layer*keys + it.key
	}
	n := (p.topLayer+2)*keys + 1
	p.counts = slices.Grow(p.counts[:0], int(n))[:n]
	clear(p.counts)
	for i := range p.items {
		p.counts[bucket(&p.items[i])+1]++
	}
	for i := 1; i < len(p.counts); i++ {
		p.counts[i] += p.counts[i-1]
	}
	p.sorted = slices.Grow(p.sorted[:0], len(p.items))[:len(p.items)]
	for i := range p.items {
		b := bucket(&p.items[i])
		p.sorted[p.counts[b]] = p.items[i]
		p.counts[b]++
	}
	p.items, p.sorted = p.sorted, p.items
}

// paintBackdrop puts the items that are not live into the backdrop and
// draws it. An item that lies over a live item painted before it is made
// live too, so that the picture stays that of painting in order: the
// backdrop is below everything live.
func (p *Painter) paintBackdrop(gtx layout.Context) {
	for i := range p.cells {
		p.cells[i] = -1
	}
	p.nodes = p.nodes[:0]
	for i := range p.items {
		it := &p.items[i]
		if !it.live && !p.overLive(it.b) {
			continue
		}
		it.live = true
		p.linkCells(i, it.b)
	}
	b := &p.backdrop
	b.begin(p.size)
	for i := range p.items {
		if it := &p.items[i]; !it.live {
			b.add(it.b.Intersect(b.img.Rect), itemHash(p.keys[it.key], it, p.atlas.epoch))
		}
	}
	if b.markDirty() {
		for i := range p.items {
			it := &p.items[i]
			if it.live {
				continue
			}
			switch k := p.keys[it.key]; k.kind {
			case itemRect:
				b.paintRect(it.r, k.col)
			case itemAtlasText, itemAtlasShape:
				e := it.atlas
				b.paintImage(p.atlas.pages[e.page].img, e.src, it.r.Min.Sub(e.dot), k.clip)
			}
		}
	}
	b.draw(gtx)
}

// overLive reports whether r overlaps a live item recorded in the grid.
func (p *Painter) overLive(r image.Rectangle) bool {
	over := false
	p.forCells(r, func(c *int32) {
		for n := *c; n >= 0 && !over; n = p.nodes[n].next {
			over = p.items[p.nodes[n].item].b.Overlaps(r)
		}
	})
	return over
}

// forCells calls f with each cell of the overlap grid that r touches.
func (p *Painter) forCells(r image.Rectangle, f func(c *int32)) {
	x0, y0 := max(r.Min.X/cellPx, 0), max(r.Min.Y/cellPx, 0)
	x1, y1 := min((r.Max.X-1)/cellPx, p.cols-1), min((r.Max.Y-1)/cellPx, p.rows-1)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			f(&p.cells[y*p.cols+x])
		}
	}
}

// paintRun paints items of one layer and key.
func (p *Painter) paintRun(gtx layout.Context, th *Theme, run []paintItem) {
	k := p.keys[run[0].key]
	switch k.kind {
	case itemRect:
		for _, it := range run {
			paint.FillShape(gtx.Ops, k.col, clip.Rect(it.r).Op())
		}
		return
	case itemShape:
		g := p.group(run[0].layer, k)
		same := len(g.descs) == len(run)
		for i := 0; same && i < len(run); i++ {
			same = g.descs[i] == run[i].shape
		}
		if !same {
			g.descs = g.descs[:0]
			g.ops.Reset()
			var path clip.Path
			path.Begin(&g.ops)
			for _, it := range run {
				g.descs = append(g.descs, it.shape)
				it.shape.build(&path, image.Point{})
			}
			g.path = path.End()
		}
		c := clip.Rect(k.clip).Push(gtx.Ops)
		paint.FillShape(gtx.Ops, k.col, clip.Outline{Path: g.path}.Op())
		c.Pop()
	case itemText:
		gs := append(p.scratch[:0], text.Glyph{ID: noGlyph})
		for _, it := range run {
			gs = append(gs, p.glyphs[it.g0:it.g1]...)
		}
		p.scratch = gs
		c := clip.Rect(k.clip).Push(gtx.Ops)
		paint.FillShape(gtx.Ops, k.col, clip.Outline{Path: th.Shaper.Shape(gs)}.Op())
		c.Pop()
	case itemAtlasText, itemAtlasShape:
		c := clip.Rect(k.clip).Push(gtx.Ops)
		for page := range p.atlas.pages {
			img := p.atlas.imageOp(page)
			for _, it := range run {
				e := it.atlas
				if e.page != page {
					continue
				}
				t := op.Offset(it.r.Min.Sub(e.dot).Sub(e.src.Min)).Push(gtx.Ops)
				sc := clip.Rect(e.src).Push(gtx.Ops)
				img.Add(gtx.Ops)
				paint.PaintOp{}.Add(gtx.Ops)
				sc.Pop()
				t.Pop()
			}
		}
		c.Pop()
	}
}

// group finds or makes the path group of layer and k.
func (p *Painter) group(layer int32, k groupKey) *pathGroup {
	for _, g := range p.groups {
		if !g.used && g.layer == layer && g.key == k {
			g.used = true
			return g
		}
	}
	g := &pathGroup{layer: layer, key: k, used: true}
	p.groups = append(p.groups, g)
	return g
}

// shapeDesc describes a filled outline so it can be compared between
// frames and built into a merged path.
type shapeDesc struct {
	kind    shapeKind
	r       image.Rectangle // the rounded rectangle, or the knob's square box
	radius  int
	pos     float64 // knob arc and pointer: the knob's position
	bipolar bool
}

type shapeKind uint8

const (
	shapeRRect       shapeKind = iota
	shapeKnobTrack             // the knob's full 270° track
	shapeKnobRing              // the focus ring around a knob
	shapeKnobArc               // the value arc
	shapeKnobPointer           // the pointer
)

func (d shapeDesc) bounds() image.Rectangle { return d.r }

// pathBuilder is what outlines are written into: a Gio clip.Path, or the
// text atlas's CPU rasteriser.
type pathBuilder interface {
	MoveTo(to f32.Point)
	LineTo(to f32.Point)
	CubeTo(ctrl0, ctrl1, to f32.Point)
	Close()
}

// build adds d's outline, moved by off, to path as closed contours.
func (d shapeDesc) build(path pathBuilder, off image.Point) {
	r := d.r.Add(off)
	size := float32(r.Dx())
	c := f32.Pt(float32(r.Min.X)+size/2, float32(r.Min.Y)+size/2)
	switch d.kind {
	case shapeRRect:
		rrectContour(path, r, d.radius)
	case shapeKnobTrack:
		rad, w := knobArcGeometry(r.Dx())
		arcContour(path, c, rad, w, knobStart, knobStart-knobSweep)
	case shapeKnobRing:
		arcContour(path, c, size/2+1, 1.5, 0, 2*3.141592653589793)
	case shapeKnobArc:
		rad, w := knobArcGeometry(r.Dx())
		from, to := knobArcSpan(d.pos, d.bipolar)
		arcContour(path, c, rad, w, from, to)
	case shapeKnobPointer:
		rr := size / 2
		a := knobAngle(d.pos)
		barContour(path, arcPoint(c, rr*0.2, a), arcPoint(c, rr*0.74, a), max(1.5, rr*0.1))
	}
}

// rrectContour adds a rectangle with corners of radius rad, as
// clip.UniformRRect draws it.
func rrectContour(p pathBuilder, r image.Rectangle, rad int) {
	const q = 4 * (1.4142135623730951 - 1) / 3
	const iq = 1 - q
	x0, y0, x1, y1 := float32(r.Min.X), float32(r.Min.Y), float32(r.Max.X), float32(r.Max.Y)
	rr := float32(min(rad, r.Dx()/2, r.Dy()/2))
	p.MoveTo(f32.Pt(x0+rr, y0))
	p.LineTo(f32.Pt(x1-rr, y0))
	p.CubeTo(f32.Pt(x1-rr*iq, y0), f32.Pt(x1, y0+rr*iq), f32.Pt(x1, y0+rr))
	p.LineTo(f32.Pt(x1, y1-rr))
	p.CubeTo(f32.Pt(x1, y1-rr*iq), f32.Pt(x1-rr*iq, y1), f32.Pt(x1-rr, y1))
	p.LineTo(f32.Pt(x0+rr, y1))
	p.CubeTo(f32.Pt(x0+rr*iq, y1), f32.Pt(x0, y1-rr*iq), f32.Pt(x0, y1-rr))
	p.LineTo(f32.Pt(x0, y0+rr))
	p.CubeTo(f32.Pt(x0, y0+rr*iq), f32.Pt(x0+rr*iq, y0), f32.Pt(x0+rr, y0))
	p.Close()
}

// LabelSize is the size Label would take for txt in gtx, without drawing.
func (th *Theme) LabelSize(gtx layout.Context, size unit.Sp, txt string) image.Point {
	cs := gtx.Constraints
	th.Shaper.LayoutString(text.Parameters{
		Font:     th.Face,
		PxPerEm:  fixed.I(gtx.Sp(size)),
		MaxLines: 1,
		MaxWidth: cs.Max.X,
		MinWidth: cs.Min.X,
		Locale:   gtx.Locale,
	}, txt)
	it := glyphIter{viewport: image.Rectangle{Max: cs.Max}}
	for g, ok := th.Shaper.NextGlyph(); ok; g, ok = th.Shaper.NextGlyph() {
		if !it.process(g) {
			break
		}
	}
	return cs.Constrain(it.bounds.Size())
}
