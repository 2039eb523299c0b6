package widgets

import (
	"image"
	"image/color"

	"gioui.org/io/event"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
	"gioui.org/op/clip"
	"gioui.org/text"
)

// button is the input part shared by toggles and selector segments: a
// click (press and release inside) or Space/Enter while focused.
type button struct {
	pressed bool
	focused bool
	menu    bool // a secondary click or Shift+F10 asked for a context menu
}

// clicked drains the events of the button and reports how many clicks
// happened.
func (b *button) clicked(gtx layout.Context) int {
	n := 0
	for {
		ev, ok := gtx.Event(
			pointer.Filter{Target: b, Kinds: pointer.Press | pointer.Release | pointer.Cancel},
			key.FocusFilter{Target: b},
			key.Filter{Focus: b, Name: key.NameSpace},
			key.Filter{Focus: b, Name: key.NameReturn},
			menuKey(b),
		)
		if !ok {
			return n
		}
		switch e := ev.(type) {
		case key.FocusEvent:
			b.focused = e.Focus
		case key.Event:
			switch {
			case e.State != key.Press:
			case e.Name == key.NameF10:
				b.menu = true
			default:
				n++
			}
		case pointer.Event:
			if isMenuPress(e) {
				b.menu = true
				continue
			}
			switch e.Kind {
			case pointer.Press:
				if e.Buttons == pointer.ButtonPrimary || e.Source == pointer.Touch {
					b.pressed = true
					gtx.Execute(key.FocusCmd{Tag: b})
				}
			case pointer.Release:
				if b.pressed {
					n++
				}
				b.pressed = false
			case pointer.Cancel:
				b.pressed = false
			}
		}
	}
}

func (b *button) add(gtx layout.Context) {
	event.Op(gtx.Ops, b)
	pointer.CursorPointer.Add(gtx.Ops)
}

// ToggleState is an on/off button: mute, cue, kill, limiter, mono.
type ToggleState struct {
	On bool
	ContextState
	b button
}

// Update drains input and reports whether On changed.
func (t *ToggleState) Update(gtx layout.Context) bool {
	n := t.b.clicked(gtx)
	if n%2 == 1 {
		t.On = !t.On
	}
	t.requested = t.requested || t.b.menu
	t.b.menu = false
	return n > 0
}

// Focused reports whether the toggle has keyboard focus.
func (t *ToggleState) Focused() bool { return t.b.focused }

// ToggleStyle draws a toggle, filled with Lit when on.
type ToggleStyle struct {
	Theme *Theme
	State *ToggleState
	Label string
	Lit   color.NRGBA
}

// Toggle returns the style that draws s, lit in the theme's default colour.
func Toggle(th *Theme, s *ToggleState, label string) ToggleStyle {
	return ToggleStyle{Theme: th, State: s, Label: label, Lit: th.Toggle.On.NRGBA()}
}

// Layout draws the button as wide as gtx.Constraints.Min.X.
func (t ToggleStyle) Layout(gtx layout.Context) layout.Dimensions {
	t.State.Update(gtx)
	d := drawButton(gtx, t.Theme, &t.State.b, t.Label, t.State.On, t.Lit)
	drawBadge(gtx, t.Theme, image.Rectangle{Max: d.Size}, t.State.Badge)
	return d
}

// ButtonHeight is the height of toggles and selectors.
func (th *Theme) ButtonHeight(gtx layout.Context) int {
	return gtx.Sp(th.SmallSizeSp) + gtx.Dp(10)
}

func drawButton(gtx layout.Context, th *Theme, b *button, label string, on bool, lit color.NRGBA) layout.Dimensions {
	w := max(gtx.Constraints.Min.X, gtx.Dp(24))
	h := th.ButtonHeight(gtx)
	r := image.Rect(0, 0, w, h)
	area := clip.Rect(r).Push(gtx.Ops)
	b.add(gtx)
	area.Pop()
	bg, fg := th.Toggle.Off.NRGBA(), th.Toggle.Text.NRGBA()
	if on {
		bg, fg = lit, th.Toggle.TextOn.NRGBA()
	}
	th.fillRRect(gtx, r, gtx.Dp(3), bg)
	if b.focused {
		frameRect(gtx, r, max(1, gtx.Dp(1)), th.Palette.Focus.NRGBA())
	}
	lg := gtx
	lg.Constraints = layout.Exact(image.Pt(w, h))
	trans := opOffset(gtx, image.Pt(0, gtx.Dp(4)))
	th.BoldLabel(lg, th.SmallSizeSp, fg, text.Middle, label)
	trans.Pop()
	return layout.Dimensions{Size: r.Max}
}

// maxSegments is the most choices a selector offers (A / thru / B needs 3,
// the beat FX's beat fractions 10).
const maxSegments = 10

// SelectorState is a row of mutually exclusive buttons, such as the
// crossfader assignment A / thru / B.
type SelectorState struct {
	Index int
	ContextState
	segs [maxSegments]button
}

// Update drains input for n segments and reports whether Index changed.
func (s *SelectorState) Update(gtx layout.Context, n int) bool {
	changed := false
	for i := 0; i < n && i < maxSegments; i++ {
		if s.segs[i].clicked(gtx) > 0 && s.Index != i {
			s.Index = i
			changed = true
		}
		s.requested = s.requested || s.segs[i].menu
		s.segs[i].menu = false
	}
	return changed
}

// SelectorStyle draws a SelectorState.
type SelectorStyle struct {
	Theme  *Theme
	State  *SelectorState
	Labels []string // at most maxSegments (10); build the slice once, not per frame
	Lit    color.NRGBA
}

// Selector returns the style that draws s with one segment per label.
func Selector(th *Theme, s *SelectorState, labels []string) SelectorStyle {
	return SelectorStyle{Theme: th, State: s, Labels: labels, Lit: th.Toggle.On.NRGBA()}
}

// Layout splits gtx.Constraints.Min.X between the segments.
func (s SelectorStyle) Layout(gtx layout.Context) layout.Dimensions {
	n := min(len(s.Labels), maxSegments)
	s.State.Update(gtx, n)
	w := max(gtx.Constraints.Min.X, n*gtx.Dp(20))
	gap := gtx.Dp(2)
	segW := (w - gap*(n-1)) / n
	h := 0
	for i := 0; i < n; i++ {
		sg := gtx
		sg.Constraints = layout.Exact(image.Pt(segW, s.Theme.ButtonHeight(gtx)))
		trans := opOffset(gtx, image.Pt(i*(segW+gap), 0))
		d := drawButton(sg, s.Theme, &s.State.segs[i], s.Labels[i], s.State.Index == i, s.Lit)
		trans.Pop()
		h = d.Size.Y
	}
	drawBadge(gtx, s.Theme, image.Rect(0, 0, w, h), s.State.Badge)
	return layout.Dimensions{Size: image.Pt(w, h)}
}
