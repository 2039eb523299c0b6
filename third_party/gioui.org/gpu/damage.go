// SPDX-License-Identifier: Unlicense OR MIT

package gpu

// Partial redraw (a Linux DJ patch; see its third_party/README.md).
//
// A target that keeps its pixels from one frame to the next (an EGL
// window surface with EGL_BUFFER_PRESERVED) need not be drawn whole: the
// pixels that no changed draw covers are already right. damage compares
// the frame's draws with the last frame's, in order, and finds the
// rectangles where they differ; the frame is then drawn under a scissor
// over each rectangle, with only the draws that touch it. A software
// renderer (Mesa's llvmpipe) pays for every pixel it draws, so a window
// whose meters alone move costs a small part of a whole frame.
//
// A pixel outside every damaged rectangle is covered by the same draws,
// in the same order, in both frames: each draw that covers it now was
// matched to an equal draw of the last frame (equal bounds, material,
// texture and path), matched draws keep their order, and a last-frame
// draw that was not matched damages its own bounds.

import (
	"cmp"
	"image"
	"math"
	"slices"
	"unsafe"

	"gioui.org/gpu/internal/driver"
	"gioui.org/internal/f32color"
	"gioui.org/internal/ops"
)

// PreservedTarget is implemented by the GPU that Frame draws with. A
// window whose target keeps its pixels between frames calls it before
// each frame with the surface it draws into: while that stays the same,
// Frame draws only what changed since the frame before.
type PreservedTarget interface {
	SetPreserved(surface int, ok bool)
}

// partialDevice is what a driver offers for partial redraw (OpenGL).
type partialDevice interface {
	// DrawsToOutput reports whether the frame draws straight into its
	// output (not through a texture copied whole at its end).
	DrawsToOutput() bool
	// Scissor limits drawing and clearing to r in an output of the given
	// height, or lifts the limit for an empty r.
	Scissor(r image.Rectangle, height int)
	// ClearOutput clears what the scissor lets through.
	ClearOutput(c f32color.RGBA)
}

// maxDamageRects bounds the rectangles a frame is drawn in: beyond it,
// the nearest ones are merged.
const maxDamageRects = 24

type damage struct {
	preserved bool
	surface   int

	// Of the last frame drawn.
	valid      bool
	lastSurf   int
	viewport   image.Point
	clear      bool
	clearColor f32color.RGBA
	hashes     []uint64
	bounds     []image.Rectangle
	// keep holds on to what the last frame's hashes were made from
	// (textures' handles, paths' ops) so that no new one can take an
	// address that a hash remembers.
	keep     []any
	keepKeys []ops.Key

	// Scratch, kept between frames.
	order      []int32 // last frame's draws by hash, then index
	matched    []bool
	curHashes  []uint64
	curBounds  []image.Rectangle
	curKeep    []any
	curKeyKeep []ops.Key
	rects      []image.Rectangle
	drawn      []imageOp
}

// Renderer is the name the driver gives the device that draws, such as
// OpenGL's GL_RENDERER ("llvmpipe (LLVM 15.0.6, 256 bits)" for Mesa's
// software renderer); empty when the driver does not say.
func (g *gpu) Renderer() string {
	if r, ok := g.ctx.(interface{ Renderer() string }); ok {
		return r.Renderer()
	}
	return ""
}

// SetPreserved implements PreservedTarget.
func (g *gpu) SetPreserved(surface int, ok bool) {
	g.damage.preserved, g.damage.surface = ok, surface
}

// damaged returns the rectangles to draw this frame, and false when the
// whole frame must be drawn. It remembers the frame for the next.
func (d *damage) damaged(ops *drawOps, viewport image.Point, dev driver.Device) ([]image.Rectangle, bool) {
	pd, ok := dev.(partialDevice)
	partial := d.preserved && ok && pd.DrawsToOutput() && len(ops.layers) == 0 &&
		d.valid && d.lastSurf == d.surface && d.viewport == viewport &&
		d.clear == ops.clear && d.clearColor == ops.clearColor
	d.curHashes, d.curBounds = d.curHashes[:0], d.curBounds[:0]
	clear(d.curKeep)
	clear(d.curKeyKeep)
	d.curKeep, d.curKeyKeep = d.curKeep[:0], d.curKeyKeep[:0]
	full := image.Rectangle{Max: viewport}
	for i := range ops.imageOps {
		img := &ops.imageOps[i]
		d.curHashes = append(d.curHashes, d.hash(img))
		d.curBounds = append(d.curBounds, img.clip.Intersect(full))
	}
	d.rects = d.rects[:0]
	if partial {
		d.diff()
	}
	d.hashes, d.curHashes = d.curHashes, d.hashes
	d.bounds, d.curBounds = d.curBounds, d.bounds
	d.keep, d.curKeep = d.curKeep, d.keep
	d.keepKeys, d.curKeyKeep = d.curKeyKeep, d.keepKeys
	d.valid = d.preserved
	d.lastSurf, d.viewport = d.surface, viewport
	d.clear, d.clearColor = ops.clear, ops.clearColor
	if !partial {
		return nil, false
	}
	area := 0
	for _, r := range d.rects {
		area += r.Dx() * r.Dy()
	}
	// Past about half the window, drawing it whole is as cheap.
	if 2*area > viewport.X*viewport.Y {
		return nil, false
	}
	return d.rects, true
}

// diff matches this frame's draws (cur*) with the last frame's, in order,
// and puts the bounds of every draw left unmatched, of either frame, into
// d.rects, merged.
func (d *damage) diff() {
	n := len(d.hashes)
	d.order = d.order[:0]
	for i := range n {
		d.order = append(d.order, int32(i))
	}
	slices.SortFunc(d.order, func(a, b int32) int {
		if c := cmp.Compare(d.hashes[a], d.hashes[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	d.matched = slices.Grow(d.matched[:0], n)[:n]
	clear(d.matched)
	last := int32(-1) // the last frame's draw matched last
	for i, h := range d.curHashes {
		// The first unmatched draw of the last frame after last with the
		// same hash and bounds.
		k, _ := slices.BinarySearchFunc(d.order, h, func(o int32, h uint64) int {
			return cmp.Compare(d.hashes[o], h)
		})
		found := false
		for ; k < n && d.hashes[d.order[k]] == h; k++ {
			if j := d.order[k]; j > last && !d.matched[j] && d.bounds[j] == d.curBounds[i] {
				d.matched[j], last, found = true, j, true
				break
			}
		}
		if !found {
			d.addRect(d.curBounds[i])
		}
	}
	for j, m := range d.matched {
		if !m {
			d.addRect(d.bounds[j])
		}
	}
}

// addRect adds r to the damage, merged with any rectangle it overlaps
// or that lies close enough that one draw of both costs about as much.
func (d *damage) addRect(r image.Rectangle) {
	if r.Empty() {
		return
	}
	for {
		merged := false
		for i := 0; i < len(d.rects); i++ {
			u := d.rects[i].Union(r)
			if d.rects[i].Overlaps(r) || area(u) <= area(d.rects[i])+area(r)+area(u)/8 {
				r = u
				d.rects = slices.Delete(d.rects, i, i+1)
				merged = true
				i--
			}
		}
		if !merged {
			break
		}
	}
	d.rects = append(d.rects, r)
	for len(d.rects) > maxDamageRects {
		// Merge the pair whose union wastes least.
		bi, bj, best := 0, 1, math.MaxInt
		for i := range d.rects {
			for j := i + 1; j < len(d.rects); j++ {
				if w := area(d.rects[i].Union(d.rects[j])) - area(d.rects[i]) - area(d.rects[j]); w < best {
					bi, bj, best = i, j, w
				}
			}
		}
		u := d.rects[bi].Union(d.rects[bj])
		d.rects = slices.Delete(d.rects, bj, bj+1)
		d.rects = slices.Delete(d.rects, bi, bi+1)
		d.addRect(u)
	}
}

func area(r image.Rectangle) int { return r.Dx() * r.Dy() }

// FNV-1a over 64-bit words.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(h, v uint64) uint64 { return (h ^ v) * fnvPrime }

func mixf(h uint64, v float32) uint64 { return mix(h, uint64(math.Float32bits(v))) }

func mixColor(h uint64, c f32color.RGBA) uint64 {
	return mixf(mixf(mixf(mixf(h, c.R), c.G), c.B), c.A)
}

// hash is what identifies how a draw looks, its bounds aside (compared
// apart); it notes in curKeep what it took addresses from.
func (d *damage) hash(img *imageOp) uint64 {
	h := uint64(fnvOffset)
	m := &img.material
	h = mix(h, uint64(img.clipType)|uint64(m.material)<<8|uint64(m.data.filter)<<16)
	h = mixColor(h, m.color)
	h = mixColor(h, m.color1)
	h = mixColor(h, m.color2)
	h = mixf(h, m.opacity)
	sx, hx, ox, hy, sy, oy := m.uvTrans.Elems()
	for _, v := range [...]float32{sx, hx, ox, hy, sy, oy} {
		h = mixf(h, v)
	}
	if m.material == materialTexture {
		// A handle stands for its image's pixels: Gio uploads an image
		// once per handle.
		h = mix(h, uint64(uintptr((*[2]unsafe.Pointer)(unsafe.Pointer(&m.data.handle))[1])))
		d.curKeep = append(d.curKeep, m.data.handle)
	}
	if img.clipType != clipTypeNone {
		for p := img.path; p != nil; p = p.parent {
			h = mixf(mixf(h, p.off.X), p.off.Y)
			b := p.bounds
			h = mixf(mixf(mixf(mixf(h, b.Min.X), b.Min.Y), b.Max.X), b.Max.Y)
			h = mix(h, uint64(p.clip.Min.X)|uint64(p.clip.Min.Y)<<32)
			h = mix(h, uint64(p.clip.Max.X)|uint64(p.clip.Max.Y)<<32)
			flags := uint64(0)
			if p.path {
				flags |= 1
			}
			if p.rect {
				flags |= 2
			}
			if p.pathKey.outline {
				flags |= 4
			}
			h = mix(h, flags)
			if p.path {
				k := &p.pathKey
				h = mixf(mixf(mixf(mixf(mixf(h, k.strokeWidth), k.sx), k.hx), k.sy), k.hy)
				// The ops the path was recorded in, where, and which
				// version of them.
				raw := (*[2]uint64)(unsafe.Pointer(&k.Key))
				h = mix(mix(h, raw[0]), raw[1])
				d.curKeyKeep = append(d.curKeyKeep, k.Key)
			}
		}
	}
	return h
}

// touching returns, in order, the frame's draws that touch one of rects,
// and leaves in ops.pathOps only the clip paths those draws use: stencils
// and intersections cost as much off the damage as on it, and a software
// renderer pays for every one.
func (d *damage) touching(ops *drawOps, rects []image.Rectangle) []imageOp {
	d.drawn = d.drawn[:0]
	for i := range ops.imageOps {
		img := &ops.imageOps[i]
		for _, r := range rects {
			if img.clip.Overlaps(r) {
				d.drawn = append(d.drawn, *img)
				for p := img.path; p != nil; p = p.parent {
					p.drawn = true
				}
				break
			}
		}
	}
	paths := ops.pathOps[:0]
	for _, p := range ops.pathOps {
		if p.drawn {
			paths = append(paths, p)
		}
	}
	clear(ops.pathOps[len(paths):])
	ops.pathOps = paths
	return d.drawn
}

// drawDamaged draws ops under a scissor over each of rects, each time
// only those that touch it, on an output that holds the last frame.
func (r *renderer) drawDamaged(pd partialDevice, rects []image.Rectangle, viewport image.Point, clear bool, clearColor f32color.RGBA, ops []imageOp) {
	for _, rect := range rects {
		pd.Scissor(rect, viewport.Y)
		if clear {
			pd.ClearOutput(clearColor)
		}
		for i := range ops {
			if ops[i].clip.Overlaps(rect) {
				r.drawOps(false, image.Point{}, viewport, ops[i:i+1])
			}
		}
	}
	pd.Scissor(image.Rectangle{}, viewport.Y)
}
