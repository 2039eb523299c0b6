package widgets

import (
	"image"

	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
)

// Badge is the MIDI mark a control wears in its top right corner.
type Badge uint8

// Badges.
const (
	BadgeNone     Badge = iota
	BadgeMapped         // a MIDI control drives it
	BadgeLearning       // MIDI learn waits for a MIDI control to drive it
)

// ContextState is what a control shares with the application besides its
// value: a request for the control's context menu, made by a secondary
// click or Shift+F10 while it has focus, and the Badge the application
// shows on it. The application sets Badge when its mappings change, not
// every frame, so drawing it costs one rectangle.
type ContextState struct {
	Badge     Badge
	requested bool
}

// Ask asks for the menu, as a secondary click on the control would.
func (c *ContextState) Ask() { c.requested = true }

// ContextRequested reports whether the menu was asked for since the last
// call.
func (c *ContextState) ContextRequested() bool {
	r := c.requested
	c.requested = false
	return r
}

// menuKey is the keyboard's way to the context menu, the usual
// replacement for a Menu key that many laptops lack.
func menuKey(focus any) key.Filter {
	return key.Filter{Focus: focus, Name: key.NameF10, Required: key.ModShift}
}

// isMenuPress reports whether e asks for a context menu: the secondary
// button of a mouse.
func isMenuPress(e pointer.Event) bool {
	return e.Kind == pointer.Press && e.Source == pointer.Mouse && e.Buttons.Contain(pointer.ButtonSecondary)
}

// drawBadge draws b as a small square in the top right corner of r:
// green when mapped, in the cue colour while learning.
func drawBadge(gtx layout.Context, th *Theme, r image.Rectangle, b Badge) {
	if b == BadgeNone {
		return
	}
	c := th.Meter.Low.NRGBA()
	if b == BadgeLearning {
		c = th.Toggle.Cue.NRGBA()
	}
	side, in := max(gtx.Dp(6), 3), max(gtx.Dp(1), 1)
	FillRect(gtx, image.Rect(r.Max.X-in-side, r.Min.Y+in, r.Max.X-in, r.Min.Y+in+side), c)
}
