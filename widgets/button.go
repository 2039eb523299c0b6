package widgets

import (
	"image"

	"gioui.org/layout"
	"gioui.org/op/clip"
	"gioui.org/text"
)

// ButtonState is a push button: a click (press and release inside) or
// Space/Enter while focused. The application drains it with Clicked
// before Layout, as with Gio's widget.Clickable.
type ButtonState struct {
	b button
}

// Clicked drains the button's input and reports whether it was clicked.
func (s *ButtonState) Clicked(gtx layout.Context) bool { return s.b.clicked(gtx) > 0 }

// MenuRequested reports whether a secondary click or Shift+F10 asked for
// a context menu since the last call: for a button that stands for a
// control drawn otherwise (a step button for a selector), whose
// ContextState the application then asks (ContextState.Ask).
func (s *ButtonState) MenuRequested() bool {
	m := s.b.menu
	s.b.menu = false
	return m
}

// ButtonStyle draws a ButtonState: as a raised button, or Flat as bare
// text (a label that acts, such as a meter's mode name).
type ButtonStyle struct {
	Theme *Theme
	State *ButtonState
	Label string
	Flat  bool
	Align text.Alignment // of a Flat label
}

// Button returns the style that draws s with label.
func Button(th *Theme, s *ButtonState, label string) ButtonStyle {
	return ButtonStyle{Theme: th, State: s, Label: label, Align: text.Middle}
}

// Layout draws the button as wide as gtx.Constraints.Min.X; a Flat button
// fills gtx.Constraints.Min.
func (b ButtonStyle) Layout(gtx layout.Context) layout.Dimensions {
	b.State.b.clicked(gtx)
	if !b.Flat {
		return drawButton(gtx, b.Theme, &b.State.b, b.Label, false, b.Theme.Toggle.On.NRGBA())
	}
	th := b.Theme
	r := image.Rectangle{Max: gtx.Constraints.Min}
	area := clip.Rect(r).Push(gtx.Ops)
	b.State.b.add(gtx)
	area.Pop()
	if b.State.b.focused {
		frameRect(gtx, r, max(1, gtx.Dp(1)), th.Palette.Focus.NRGBA())
	}
	lg := gtx
	lg.Constraints = layout.Exact(r.Max)
	th.Label(lg, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), b.Align, b.Label)
	return layout.Dimensions{Size: r.Max}
}
