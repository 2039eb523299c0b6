package widgets

import (
	"math"
	"time"

	"gioui.org/f32"
	"gioui.org/io/event"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
)

// Gesture constants shared by every continuous control.
const (
	// FineFactor scales drags and steps while Shift is held.
	FineFactor = 0.1
	// doubleClick is the longest gap between two presses of a double-click.
	doubleClick = 400 * time.Millisecond
	// detentWidth is how much raw travel (in position units) the centre
	// detent of a bipolar control swallows, so centre is easy to hit.
	detentWidth = 0.04
)

// ValueState is the state every continuous control (knob, fader,
// crossfader) keeps across frames: a position in 0..1 and the gestures that
// move it. A position is not a unit: the application maps it to dB, Hz or %
// with the same law the engine uses.
//
// Gestures: drag along the control's axis (Shift: FineFactor as fast), the
// wheel and the arrow keys step by Step (Shift: fine), Page Up/Down step by
// PageStep, double-click or Home returns to Default, and Ctrl-click toggles
// between Alt and Default when HasAlt (a fader's −∞ / 0 dB). A secondary
// click or Shift+F10 asks for the context menu (ContextState).
type ValueState struct {
	Pos      float64 // 0..1
	Default  float64 // double-click and Home go here
	Bipolar  bool    // a centre detent at 0.5
	Step     float64 // wheel notch and arrow key, in position units
	PageStep float64 // Page Up / Page Down
	HasAlt   bool    // Ctrl-click toggles between Alt and Default
	Alt      float64
	ContextState

	dragging  bool
	pid       pointer.ID
	last      f32.Point
	raw       float64 // drag position before the detent, so leaving it is smooth
	lastPress time.Duration
	armed     bool // a press that a second one would make a double-click
	focused   bool
	hovered   bool
}

// Set moves the control to pos (clamped) and reports whether it moved.
func (v *ValueState) Set(pos float64) bool {
	pos = clamp01(pos)
	if pos == v.Pos {
		return false
	}
	v.Pos = pos
	return true
}

// Touched reports whether the user is dragging, hovering or has focus on the
// control: the time to show its value readout.
func (v *ValueState) Touched() bool { return v.dragging || v.focused || v.hovered }

// Focused reports whether the control has keyboard focus.
func (v *ValueState) Focused() bool { return v.focused }

// Update drains the control's pointer and key events and reports whether
// Pos changed. lengthPx is how far a drag travels for the full range;
// axis is the drag direction (up or right increases).
func (v *ValueState) Update(gtx layout.Context, axis layout.Axis, lengthPx float32) bool {
	if v.Step == 0 {
		v.Step = 0.02
	}
	if v.PageStep == 0 {
		v.PageStep = 0.1
	}
	changed := false
	for {
		ev, ok := gtx.Event(
			pointer.Filter{
				Target:  v,
				Kinds:   pointer.Press | pointer.Drag | pointer.Release | pointer.Cancel | pointer.Scroll | pointer.Enter | pointer.Leave,
				ScrollY: pointer.ScrollRange{Min: math.MinInt32, Max: math.MaxInt32},
			},
			key.FocusFilter{Target: v},
			key.Filter{Focus: v, Name: key.NameUpArrow, Optional: key.ModShift},
			key.Filter{Focus: v, Name: key.NameDownArrow, Optional: key.ModShift},
			key.Filter{Focus: v, Name: key.NameRightArrow, Optional: key.ModShift},
			key.Filter{Focus: v, Name: key.NameLeftArrow, Optional: key.ModShift},
			key.Filter{Focus: v, Name: key.NamePageUp},
			key.Filter{Focus: v, Name: key.NamePageDown},
			key.Filter{Focus: v, Name: key.NameHome},
			menuKey(v),
		)
		if !ok {
			break
		}
		switch e := ev.(type) {
		case key.FocusEvent:
			v.focused = e.Focus
		case key.Event:
			if e.State == key.Press && e.Name == key.NameF10 {
				v.requested = true
			} else if e.State == key.Press && v.key(e) {
				changed = true
			}
		case pointer.Event:
			if v.pointer(gtx, e, axis, lengthPx) {
				changed = true
			}
		}
	}
	return changed
}

func (v *ValueState) key(e key.Event) bool {
	step := v.Step
	if e.Modifiers.Contain(key.ModShift) {
		step *= FineFactor
	}
	switch e.Name {
	case key.NameUpArrow, key.NameRightArrow:
		return v.Set(v.Pos + step)
	case key.NameDownArrow, key.NameLeftArrow:
		return v.Set(v.Pos - step)
	case key.NamePageUp:
		return v.Set(v.Pos + v.PageStep)
	case key.NamePageDown:
		return v.Set(v.Pos - v.PageStep)
	case key.NameHome:
		return v.Set(v.Default)
	}
	return false
}

func (v *ValueState) pointer(gtx layout.Context, e pointer.Event, axis layout.Axis, lengthPx float32) bool {
	switch e.Kind {
	case pointer.Enter:
		v.hovered = true
	case pointer.Leave:
		v.hovered = false
	case pointer.Press:
		if isMenuPress(e) {
			v.requested = true
			return false
		}
		if e.Buttons != pointer.ButtonPrimary && e.Source != pointer.Touch {
			return false
		}
		gtx.Execute(key.FocusCmd{Tag: v})
		double := v.armed && e.Time-v.lastPress < doubleClick
		v.armed = !double
		v.lastPress = e.Time
		v.dragging = true
		v.pid = e.PointerID
		v.last = e.Position
		v.raw = v.Pos
		gtx.Execute(pointer.GrabCmd{Tag: v, ID: e.PointerID})
		switch {
		case double:
			v.raw = v.Default
			return v.Set(v.Default)
		case v.HasAlt && e.Modifiers.Contain(key.ModCtrl):
			target := v.Alt
			if v.Pos == v.Alt {
				target = v.Default
			}
			v.raw = target
			return v.Set(target)
		}
	case pointer.Drag:
		if !v.dragging || e.PointerID != v.pid || lengthPx <= 0 {
			return false
		}
		var delta float32
		if axis == layout.Vertical {
			delta = v.last.Y - e.Position.Y
		} else {
			delta = e.Position.X - v.last.X
		}
		v.last = e.Position
		d := float64(delta / lengthPx)
		if e.Modifiers.Contain(key.ModShift) {
			d *= FineFactor
		}
		v.raw = clamp01(v.raw + d)
		pos := v.raw
		if v.Bipolar && math.Abs(pos-0.5) < detentWidth/2 {
			pos = 0.5
		}
		return v.Set(pos)
	case pointer.Release, pointer.Cancel:
		if e.PointerID == v.pid {
			v.dragging = false
		}
	case pointer.Scroll:
		step := v.Step
		if e.Modifiers.Contain(key.ModShift) {
			step *= FineFactor
		}
		// The wheel's "down" is positive Y; down lowers a value.
		switch {
		case e.Scroll.Y > 0:
			return v.Set(v.Pos - step)
		case e.Scroll.Y < 0:
			return v.Set(v.Pos + step)
		}
	}
	return false
}

// add registers v for input over the current clip area.
func (v *ValueState) add(gtx layout.Context) {
	event.Op(gtx.Ops, v)
	pointer.CursorGrab.Add(gtx.Ops)
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	case x != x:
		return 0
	}
	return x
}
