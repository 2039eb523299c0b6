package widgets

import (
	"image"
	"image/color"
	"math"
	"sync"

	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
	"gioui.org/op/paint"
)

// backdrop is the still part of the window, composited on the CPU into
// one image that the GPU draws as a few textured rectangles.
//
// Between two frames in which only meters move, nearly all of the
// window's 1400 or so rectangles and atlas images are the same; on
// Mesa's software renderer each costs 3–25 µs of GPU work every frame
// besides its pixels, while one image the size of the window costs its
// pixels only (9.5 ms at 1920×1080, measured), whatever it shows. The Painter sends here every item that is not live (see Live)
// and that no live item painted earlier lies under; the backdrop hashes
// them per tile and paints again, on the CPU, only the tiles whose items
// changed. The image is uploaded in vertical bands, so a turned knob
// uploads the band it is in, not the window.
//
// The CPU blends as Gio's renderer does: colours and textures decoded
// from sRGB, blended in linear light with premultiplied alpha, and the
// result stored as sRGB after every item, as an sRGB framebuffer holds
// it.
type backdrop struct {
	img    *image.RGBA
	tilesX int
	tilesY int
	hash   []uint64 // per tile, of the items painted into it this frame
	shown  []uint64 // per tile, of the items its pixels show
	dirty  []bool   // per tile: paint it again this frame
	bands  []backdropBand
	// drawnPx is how many pixels the last draw covered: on a software
	// renderer, what the backdrop costs a frame.
	drawnPx int
}

// backdropBand is a vertical band of the image with its own texture.
type backdropBand struct {
	op    paint.ImageOp
	stale bool
}

// Backdrop geometry: tiles are the unit of repainting, bands (columns of
// tiles, the window's height) the unit of upload.
const (
	backdropTilePx = 64
	backdropBandPx = 256
)

// begin prepares the backdrop for a frame of size: a new size starts
// again from nothing.
func (b *backdrop) begin(size image.Point) {
	if b.img == nil || b.img.Rect.Size() != size {
		b.img = image.NewRGBA(image.Rectangle{Max: size})
		b.tilesX = (size.X + backdropTilePx - 1) / backdropTilePx
		b.tilesY = (size.Y + backdropTilePx - 1) / backdropTilePx
		n := b.tilesX * b.tilesY
		b.hash, b.dirty = make([]uint64, n), make([]bool, n)
		b.shown = make([]uint64, n)
		for i := range b.shown {
			b.shown[i] = ^uint64(0) // no hash of items: every tile is painted first
		}
		b.bands = make([]backdropBand, (size.X+backdropBandPx-1)/backdropBandPx)
		for i := range b.bands {
			b.bands[i].stale = true
		}
	}
	for i := range b.hash {
		b.hash[i] = fnvOffset
	}
}

// FNV-1a's constants, for hashing the items of a tile.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(h uint64, v int) uint64 { return (h ^ uint64(v)) * fnvPrime }

// itemHash is what identifies how an item looks: two items with the same
// hash paint the same pixels. epoch tells apart atlas entries at the same
// place before and after the atlas started again.
func itemHash(k groupKey, it *paintItem, epoch int) uint64 {
	h := uint64(fnvOffset)
	h = mix(h, int(k.kind))
	h = mix(h, int(k.col.R)|int(k.col.G)<<8|int(k.col.B)<<16|int(k.col.A)<<24)
	for _, v := range [...]int{it.r.Min.X, it.r.Min.Y, it.r.Max.X, it.r.Max.Y} {
		h = mix(h, v)
	}
	if k.kind == itemAtlasText || k.kind == itemAtlasShape {
		e := it.atlas
		for _, v := range [...]int{
			k.clip.Min.X, k.clip.Min.Y, k.clip.Max.X, k.clip.Max.Y,
			e.page, e.src.Min.X, e.src.Min.Y, e.src.Max.X, e.src.Max.Y, e.dot.X, e.dot.Y, epoch,
		} {
			h = mix(h, v)
		}
	}
	return h
}

// add accounts for an item that covers bounds, hashed as h.
func (b *backdrop) add(bounds image.Rectangle, h uint64) {
	x0, y0, x1, y1 := b.tileSpan(bounds)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			t := &b.hash[y*b.tilesX+x]
			*t = (*t ^ h) * fnvPrime
		}
	}
}

// tileSpan is the tiles bounds touches (bounds is within the image).
func (b *backdrop) tileSpan(r image.Rectangle) (x0, y0, x1, y1 int) {
	return r.Min.X / backdropTilePx, r.Min.Y / backdropTilePx,
		(r.Max.X - 1) / backdropTilePx, (r.Max.Y - 1) / backdropTilePx
}

// markDirty decides which tiles to paint again: those whose items differ
// from what their pixels show. It reports whether there are any.
func (b *backdrop) markDirty() bool {
	changed := false
	for i, h := range b.hash {
		b.dirty[i] = h != b.shown[i]
		if b.dirty[i] {
			changed = true
			b.shown[i] = h
			b.bands[(i%b.tilesX)*backdropTilePx/backdropBandPx].stale = true
			r := b.tileRect(i)
			for y := r.Min.Y; y < r.Max.Y; y++ {
				o := b.img.PixOffset(r.Min.X, y)
				clear(b.img.Pix[o : o+4*r.Dx()])
			}
		}
	}
	return changed
}

func (b *backdrop) tileRect(i int) image.Rectangle {
	x, y := i%b.tilesX*backdropTilePx, i/b.tilesX*backdropTilePx
	return image.Rect(x, y, x+backdropTilePx, y+backdropTilePx).Intersect(b.img.Rect)
}

// paintRect blends r in colour c into the dirty tiles it touches.
func (b *backdrop) paintRect(r image.Rectangle, c color.NRGBA) {
	srgb := blendTables()
	a := uint32(c.A)
	px := [4]uint8{c.R, c.G, c.B, c.A}
	// c's linear value premultiplied by its alpha, in 1/65535.
	var lin [3]uint32
	for i := range lin {
		lin[i] = (uint32(srgb.decode[px[i]])*a + 127) / 255
	}
	b.eachDirty(r, func(t image.Rectangle) {
		for y := t.Min.Y; y < t.Max.Y; y++ {
			row := b.img.Pix[b.img.PixOffset(t.Min.X, y):][:4*t.Dx()]
			if a == 255 {
				for x := 0; x < len(row); x += 4 {
					copy(row[x:x+4], px[:])
				}
				continue
			}
			for x := 0; x < len(row); x += 4 {
				d := row[x : x+4 : x+4]
				for i := range 3 {
					d[i] = srgb.encode(lin[i] + (uint32(srgb.decode[d[i]])*(255-a)+127)/255)
				}
				d[3] = uint8(a + (uint32(d[3])*(255-a)+127)/255)
			}
		}
	})
}

// paintImage blends the premultiplied sRGB pixels of src, placed with
// src.Min at at, into the dirty tiles within clip, as Gio samples an
// sRGB texture pixel for pixel.
func (b *backdrop) paintImage(img *image.RGBA, src image.Rectangle, at image.Point, clipR image.Rectangle) {
	srgb := blendTables()
	dst := src.Sub(src.Min).Add(at).Intersect(clipR)
	b.eachDirty(dst, func(t image.Rectangle) {
		for y := t.Min.Y; y < t.Max.Y; y++ {
			row := b.img.Pix[b.img.PixOffset(t.Min.X, y):][:4*t.Dx()]
			from := img.Pix[img.PixOffset(src.Min.X+t.Min.X-at.X, src.Min.Y+y-at.Y):][:4*t.Dx()]
			for x := 0; x < len(row); x += 4 {
				s := from[x : x+4 : x+4]
				a := uint32(s[3])
				switch a {
				case 0:
					if s[0]|s[1]|s[2] == 0 {
						continue
					}
				case 255:
					copy(row[x:x+4], s)
					continue
				}
				d := row[x : x+4 : x+4]
				for i := range 3 {
					d[i] = srgb.encode(uint32(srgb.decode[s[i]]) + (uint32(srgb.decode[d[i]])*(255-a)+127)/255)
				}
				d[3] = uint8(a + (uint32(d[3])*(255-a)+127)/255)
			}
		}
	})
}

// eachDirty calls f with the part of r in each dirty tile.
func (b *backdrop) eachDirty(r image.Rectangle, f func(t image.Rectangle)) {
	r = r.Intersect(b.img.Rect)
	if r.Empty() {
		return
	}
	x0, y0, x1, y1 := b.tileSpan(r)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			if i := y*b.tilesX + x; b.dirty[i] {
				f(b.tileRect(i).Intersect(r))
			}
		}
	}
}

// draw paints the backdrop's bands into gtx, in window coordinates,
// uploading the bands that changed. A band is drawn only over the rows of
// tiles that hold items: an overlay's backdrop (a panel, a menu) is
// mostly empty, and a software renderer pays for every pixel drawn, even
// a transparent one.
func (b *backdrop) draw(gtx layout.Context) {
	tilesPerBand := backdropBandPx / backdropTilePx
	b.drawnPx = 0
	for i := range b.bands {
		band := &b.bands[i]
		r := image.Rect(i*backdropBandPx, 0, (i+1)*backdropBandPx, b.img.Rect.Max.Y).Intersect(b.img.Rect)
		y0, y1 := b.tilesY, -1
		for ty := 0; ty < b.tilesY; ty++ {
			for tx := i * tilesPerBand; tx < min((i+1)*tilesPerBand, b.tilesX); tx++ {
				if b.hash[ty*b.tilesX+tx] != fnvOffset {
					y0, y1 = min(y0, ty), max(y1, ty)
				}
			}
		}
		if y1 < 0 {
			continue
		}
		if band.stale {
			band.op = paint.NewImageOp(b.img.SubImage(r))
			band.op.Filter = paint.FilterNearest
			band.stale = false
		}
		t := op.Offset(r.Min).Push(gtx.Ops)
		span := image.Rect(0, y0*backdropTilePx, r.Dx(), min((y1+1)*backdropTilePx, r.Dy()))
		b.drawnPx += span.Dx() * span.Dy()
		c := clip.Rect(span).Push(gtx.Ops)
		band.op.Add(gtx.Ops)
		paint.PaintOp{}.Add(gtx.Ops)
		c.Pop()
		t.Pop()
	}
}

// srgbTables converts between sRGB bytes and linear light in 1/65535.
type srgbTables struct {
	decode [256]uint16
	toSRGB []uint8 // indexed by linear light in 1/65535
}

func (s *srgbTables) encode(lin uint32) uint8 { return s.toSRGB[min(lin, 65535)] }

var blendTables = sync.OnceValue(func() *srgbTables {
	s := &srgbTables{toSRGB: make([]uint8, 65536)}
	for i := range s.decode {
		s.decode[i] = uint16(math.Round(srgbToLinear(uint8(i)) * 65535))
	}
	for i := range s.toSRGB {
		s.toSRGB[i] = linearToSRGB(float64(i) / 65535)
	}
	return s
})
