package app

import (
	"image"

	"gioui.org/io/event"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/widgets"
)

// The width of a panel's button in the crossfader row, and the least it
// narrows to in a small window.
const (
	panelButtonWDp    = 92
	minPanelButtonWDp = 56
)

// sidePanel is a view that opens over the strips from its button at the
// right end of the crossfader row (scenes, connections, MIDI mappings).
// One is open at a time; its button again, or Escape, closes it.
type sidePanel struct {
	title  string
	button widgets.ToggleState
	// layout draws the panel's content into gtx.Constraints.Max, below
	// the title; it runs only while the panel is open.
	layout func(gtx layout.Context)
}

// addPanel adds a panel whose button reads title.
func (u *UI) addPanel(title string, content func(gtx layout.Context)) *sidePanel {
	p := &sidePanel{title: title, layout: content}
	u.panels = append(u.panels, p)
	return p
}

// openPanel returns the open panel, or nil.
func (u *UI) openPanel() *sidePanel {
	for _, p := range u.panels {
		if p.button.On {
			return p
		}
	}
	return nil
}

// setOpen opens p (nil closes every panel).
func (u *UI) setOpen(p *sidePanel) {
	for _, q := range u.panels {
		q.button.On = q == p
	}
}

// layoutPanelButtons draws the panels' buttons right-aligned in gtx,
// narrower than usual when they would take more than maxW, and returns
// their total width. A button that opens a panel closes the one that was
// open.
func (u *UI) layoutPanelButtons(gtx layout.Context, maxW int) int {
	th := u.Theme
	open := u.openPanel()
	gap, bh := gtx.Dp(gapDp), th.ButtonHeight(gtx)
	bw := gtx.Dp(panelButtonWDp)
	if n := len(u.panels); n > 0 {
		bw = max(min(bw, maxW/n-gap), gtx.Dp(minPanelButtonWDp))
	}
	w := len(u.panels) * (bw + gap)
	x := gtx.Constraints.Max.X - w
	for _, p := range u.panels {
		if p.button.Update(gtx) && p.button.On && p != open {
			u.setOpen(p)
		}
		c, t := place(gtx, x, (gtx.Constraints.Max.Y-bh)/2, bw, bh)
		widgets.Toggle(th, &p.button, p.title).Layout(c)
		t.Pop()
		x += bw + gap
	}
	return w
}

// layoutOverlay draws the open panel over area (the strips), above all
// the window has drawn, with its own Painter so the strips' text stays
// beneath it. Its background takes the pointer, so nothing under it can
// be touched.
func (u *UI) layoutOverlay(gtx layout.Context, area image.Rectangle) {
	p := u.openPanel()
	if p == nil || area.Empty() {
		return
	}
	th := u.Theme
	root := gtx
	gtx = u.overlayPainter.Begin(gtx, root.Constraints.Max)
	inline := op.Record(gtx.Ops)

	c, t := place(gtx, area.Min.X, area.Min.Y, area.Dx(), area.Dy())
	r := image.Rectangle{Max: area.Size()}
	cl := widgets.Clip(c, r)
	blockPointer(c, &u.overlayTag)
	widgets.FillRect(c, r, th.Palette.PanelEdge.NRGBA())
	widgets.FillRect(c, r.Inset(max(1, gtx.Dp(2))), th.Palette.Panel.NRGBA())
	pad := gtx.Dp(12)
	tc, tt := place(c, pad, pad, r.Dx()-2*pad, gtx.Dp(nameHDp))
	th.BoldLabel(tc, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Start, p.title)
	tt.Pop()
	top := pad + gtx.Dp(nameHDp) + gtx.Dp(gapDp)
	bc, bt := place(c, pad, top, r.Dx()-2*pad, r.Dy()-top-pad)
	p.layout(bc)
	bt.Pop()
	cl.Pop()
	t.Pop()

	call := inline.Stop()
	u.overlayPainter.Flush(root, th)
	call.Add(root.Ops)
}

// everyPress filters what an overlay's backdrop takes: every press and
// every wheel or touchpad scroll, so nothing under the overlay moves.
func everyPress(tag any) pointer.Filter {
	return pointer.Filter{Target: tag, Kinds: pointer.Press | pointer.Scroll,
		ScrollX: pointer.ScrollRange{Min: -1 << 20, Max: 1 << 20}, ScrollY: pointer.ScrollRange{Min: -1 << 20, Max: 1 << 20}}
}

// blockPointer makes the current clip of gtx take every press and scroll
// and drops them: nothing under an overlay can be touched.
func blockPointer(gtx layout.Context, tag any) {
	event.Op(gtx.Ops, tag)
	for {
		if _, ok := gtx.Event(everyPress(tag)); !ok {
			return
		}
	}
}

// panelKeys closes the open panel on Escape.
func (u *UI) panelKeys(gtx layout.Context) {
	for {
		ev, ok := gtx.Event(key.Filter{Name: key.NameEscape})
		if !ok {
			return
		}
		if e, ok := ev.(key.Event); ok && e.State == key.Press {
			u.setOpen(nil)
		}
	}
}
