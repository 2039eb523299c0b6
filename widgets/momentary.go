package widgets

import (
	"image"
	"image/color"

	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
)

// MomentaryState is a hold-to-talk button: Held is true while the primary
// button (or a touch) is down on it, or while Space or Enter is held with
// the focus on it, like the talk key of an intercom.
type MomentaryState struct {
	Held bool
	ContextState

	b           button
	pointerDown bool
	keyDown     bool // Space or Enter, with the focus here
}

// Update drains input and reports whether Held changed. Losing the focus
// lets go of the keys, so a window switch never leaves the talk on.
func (m *MomentaryState) Update(gtx layout.Context) bool {
	was := m.Held
	for {
		ev, ok := gtx.Event(
			pointer.Filter{Target: &m.b, Kinds: pointer.Press | pointer.Release | pointer.Cancel},
			key.FocusFilter{Target: &m.b},
			key.Filter{Focus: &m.b, Name: key.NameSpace},
			key.Filter{Focus: &m.b, Name: key.NameReturn},
			menuKey(&m.b),
		)
		if !ok {
			break
		}
		switch e := ev.(type) {
		case key.FocusEvent:
			m.b.focused = e.Focus
			if !e.Focus {
				m.keyDown = false
			}
		case key.Event:
			if e.Name == key.NameF10 {
				m.requested = m.requested || e.State == key.Press
				continue
			}
			// Auto-repeat sends more presses than releases, so the
			// last event says, rather than a count.
			m.keyDown = e.State == key.Press
		case pointer.Event:
			if isMenuPress(e) {
				m.requested = true
				continue
			}
			switch e.Kind {
			case pointer.Press:
				if e.Buttons == pointer.ButtonPrimary || e.Source == pointer.Touch {
					m.pointerDown = true
					gtx.Execute(key.FocusCmd{Tag: &m.b})
				}
			case pointer.Release, pointer.Cancel:
				m.pointerDown = false
			}
		}
	}
	m.Held = m.pointerDown || m.keyDown
	return m.Held != was
}

// Focused reports whether the button has keyboard focus.
func (m *MomentaryState) Focused() bool { return m.b.focused }

// MomentaryStyle draws a MomentaryState, filled with Lit while held.
type MomentaryStyle struct {
	Theme *Theme
	State *MomentaryState
	Label string
	Lit   color.NRGBA
}

// Momentary returns the style that draws s, lit in the theme's cue colour
// (talk is a warning: the music is ducked or the monitors dimmed).
func Momentary(th *Theme, s *MomentaryState, label string) MomentaryStyle {
	return MomentaryStyle{Theme: th, State: s, Label: label, Lit: th.Toggle.Cue.NRGBA()}
}

// Layout draws the button as wide as gtx.Constraints.Min.X.
func (m MomentaryStyle) Layout(gtx layout.Context) layout.Dimensions {
	m.State.Update(gtx)
	d := drawButton(gtx, m.Theme, &m.State.b, m.Label, m.State.Held, m.Lit)
	drawBadge(gtx, m.Theme, image.Rectangle{Max: d.Size}, m.State.Badge)
	return d
}
