package app

import (
	"image"

	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/state"
	"github.com/linuxdj/linuxdj/widgets"
)

// connectHintLines explain, on JACK, how sources reach the mixer: nothing
// plays until something is connected to its inputs, and a new user does
// not know the port names to look for.
var connectHintLines = []string{
	"Nothing plays until sources are connected to the mixer's inputs.",
	"Linux DJ is the JACK client \"linuxdj\": Deck 1 listens on linuxdj:ch1_in_L and ch1_in_R",
	"(shown as \"Deck 1 L/R\"), Deck 2 on ch2_in_L/R and so on, the Mic on ch5_in.",
	"Its master_out_L/R go to your speakers; on the first start they were connected",
	"to the first playback ports of your sound card.",
	"Connect each deck's player to a channel: Mixxx with the JACK sound API offers",
	"Mixxx:out_0 and out_1 for its first output, xwax one output pair per deck,",
	"and a turntable or CD player comes in on your sound card's capture ports.",
	"The PORTS panel (right end of the crossfader row) makes these connections.",
}

// connectHint is the first-run hint over the strips: how to connect
// sources, a button that opens the PORTS panel, and one that dismisses it
// for good (onDismiss saves that).
type connectHint struct {
	show      bool
	ports     widgets.ButtonState
	dismiss   widgets.ButtonState
	onDismiss func()
	tag       bool
}

// showConnectHint shows the hint unless it was dismissed before, on JACK
// only (call it after attachPorts): elsewhere there is nothing to connect.
// dismiss is called once when the user dismisses it.
func (u *UI) showConnectHint(dismissed bool, dismiss func()) {
	u.hint.show = !dismissed && u.conn.graph != nil
	u.hint.onDismiss = dismiss
}

// layoutHint draws the hint in the top left of area (the strips), above
// everything, while no side panel is open. Its box takes the pointer so
// the strips under it cannot be touched through it.
func (u *UI) layoutHint(gtx layout.Context, area image.Rectangle) {
	h := &u.hint
	if !h.show || u.openPanel() != nil || area.Empty() {
		return
	}
	if h.dismiss.Clicked(gtx) {
		h.show = false
		if h.onDismiss != nil {
			h.onDismiss()
		}
		return
	}
	if h.ports.Clicked(gtx) {
		u.setOpen(u.portsPanel)
		return
	}
	th := u.Theme
	root := gtx
	gtx = u.overlayPainter.Begin(gtx, root.Constraints.Max)
	inline := op.Record(gtx.Ops)

	pad, gap := gtx.Dp(12), gtx.Dp(gapDp)
	lineH := gtx.Sp(th.SmallSizeSp) + gtx.Dp(6)
	bh := th.ButtonHeight(gtx)
	w := min(area.Dx()-2*pad, gtx.Dp(620))
	hgt := 2*pad + gtx.Dp(nameHDp) + len(connectHintLines)*lineH + gap + bh
	c, t := place(gtx, area.Min.X+pad, area.Min.Y+pad, w, hgt)
	r := image.Rectangle{Max: image.Pt(w, hgt)}
	cl := widgets.Clip(c, r)
	blockPointer(c, &h.tag)
	widgets.FillRect(c, r, th.Toggle.On.NRGBA())
	widgets.FillRect(c, r.Inset(max(1, gtx.Dp(2))), th.Palette.Panel.NRGBA())
	tc, tt := place(c, pad, pad, w-2*pad, gtx.Dp(nameHDp))
	th.BoldLabel(tc, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Start, "Connect your sources")
	tt.Pop()
	y := pad + gtx.Dp(nameHDp)
	for _, line := range connectHintLines {
		lc, lt := place(c, pad, y, w-2*pad, lineH)
		th.Label(lc, th.SmallSizeSp, th.Palette.Text.NRGBA(), text.Start, line)
		lt.Pop()
		y += lineH
	}
	y += gap
	bw := gtx.Dp(120)
	bc, bt := place(c, pad, y, bw, bh)
	widgets.Button(th, &h.ports, "OPEN PORTS").Layout(bc)
	bt.Pop()
	bc, bt = place(c, pad+bw+gap, y, bw, bh)
	widgets.Button(th, &h.dismiss, "GOT IT").Layout(bc)
	bt.Pop()
	cl.Pop()
	t.Pop()

	call := inline.Stop()
	u.overlayPainter.Flush(root, th)
	call.Add(root.Ops)
}

// connectHintDismissed reports whether the saved state says the hint was
// dismissed.
func (s *store) connectHintDismissed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.model.HintClosed
}

// dismissConnectHint saves that the hint was dismissed; it never shows
// again.
func (s *store) dismissConnectHint() {
	s.update(func(m *state.Mixer) { m.HintClosed = true })
}
