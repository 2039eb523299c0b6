package app

import (
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// control binds one widget to one parameter of the window's model
// (param.Values). Everything the window does with a control goes through
// this binding: loading the widget from the model, sending what the user
// changed (UI.sync), showing what MIDI or OSC changed (UI.Apply), a scene
// recall (UI.Reload) and MIDI learn. Ranges, laws and defaults come from
// the parameter's param.Info; the window adds only where the widget sits.
//
// Exactly one of the widget pointers is set.
type control struct {
	p    mixer.Param
	ch   int16
	info param.Info

	value  *widgets.ValueState     // a knob, fader or the crossfader: its position on info's law
	toggle *widgets.ToggleState    // an on/off switch
	choice *widgets.SelectorState  // a switch of several values: the index from info.Min
	held   *widgets.MomentaryState // a Press control, on while held
	mode   *stripMode              // a strip's meter mode

	// shown is the widget's reading when it last agreed with the model.
	// sync sends only when the reading moves away from it, so a value
	// that a position cannot represent exactly (a law's rounding) is never
	// sent back, and nothing changes until the user moves something.
	shown float64
}

// reading is what the widget shows now: a position, 0/1, or an index.
func (c *control) reading() float64 {
	switch {
	case c.value != nil:
		return c.value.Pos
	case c.toggle != nil:
		return b2f(c.toggle.On)
	case c.choice != nil:
		return float64(c.choice.Index)
	case c.held != nil:
		return b2f(c.held.Held)
	}
	return float64(c.mode.mode)
}

// show sets the widget to the model's value v.
func (c *control) show(v float32) {
	switch {
	case c.value != nil:
		c.value.Pos = c.info.Pos(v)
	case c.toggle != nil:
		c.toggle.On = v >= 0.5
	case c.choice != nil:
		c.choice.Index = int(v - c.info.Min)
	case c.mode != nil:
		c.mode.set(mixer.MeterMode(v))
	}
	c.shown = c.reading()
}

// valueOf is the model's value for the widget's reading r.
func (c *control) valueOf(r float64) float32 {
	if c.value != nil {
		return c.info.Value(r)
	}
	return c.info.Min + float32(r)
}

// context is the widget's context menu state, for MIDI learn; nil for
// the meter mode, which has no menu.
func (c *control) context() *widgets.ContextState {
	switch {
	case c.value != nil:
		return &c.value.ContextState
	case c.toggle != nil:
		return &c.toggle.ContextState
	case c.choice != nil:
		return &c.choice.ContextState
	case c.held != nil:
		return &c.held.ContextState
	}
	return nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// bind adds c to the window's controls and sets its widget from the model:
// a continuous control's double-click default is its parameter's default.
func (u *UI) bind(c control) {
	c.info, _ = param.Lookup(c.p)
	if c.value != nil {
		c.value.Default = c.info.Pos(c.info.Default)
		if c.value.HasAlt {
			c.value.Alt = c.info.Pos(c.info.Min)
		}
	}
	c.show(u.model.Get(c.p, int(c.ch)))
	u.controls = append(u.controls, c)
}

func (u *UI) bindValue(w *widgets.ValueState, p mixer.Param, ch int) {
	u.bind(control{p: p, ch: int16(ch), value: w})
}

func (u *UI) bindToggle(w *widgets.ToggleState, p mixer.Param, ch int) {
	u.bind(control{p: p, ch: int16(ch), toggle: w})
}

func (u *UI) bindChoice(w *widgets.SelectorState, p mixer.Param, ch int) {
	u.bind(control{p: p, ch: int16(ch), choice: w})
}

func (u *UI) bindHeld(w *widgets.MomentaryState, p mixer.Param) {
	u.bind(control{p: p, held: w})
}

// load sets every widget from the model.
func (u *UI) load() {
	for i := range u.controls {
		c := &u.controls[i]
		c.show(u.model.Get(c.p, int(c.ch)))
	}
}

// sync sends what the user changed since the last frame: each control
// whose widget moved updates the model and sends one command (never
// blocking: a full ring drops and counts).
func (u *UI) sync() {
	for i := range u.controls {
		c := &u.controls[i]
		r := c.reading()
		if r == c.shown {
			continue
		}
		c.shown = r
		cmd := mixer.Command{Param: c.p, Channel: c.ch, Value: c.valueOf(r)}
		u.model.Set(cmd)
		u.cmds.TryPush(cmd)
	}
	for i := range u.strips {
		if st := &u.strips[i]; st.nameChanged {
			st.nameChanged = false
			u.names[i] = st.name.Text()
		}
	}
}

// Apply shows a command made elsewhere (a MIDI controller, OSC) in the
// window: the model takes its value and the widgets bound to it show it,
// so the next sync sees no difference and sends nothing back to the
// engine, which already has it.
func (u *UI) Apply(cmd mixer.Command) {
	if !u.model.Set(cmd) {
		return
	}
	for i := range u.controls {
		if c := &u.controls[i]; c.p == cmd.Param && (c.ch == cmd.Channel || !cmd.Param.IsChannelParam()) {
			c.show(u.model.Get(c.p, int(c.ch)))
		}
	}
}

// send pushes an action that is not a setting (a reset button).
func (u *UI) send(p mixer.Param, ch int16, v float64) {
	u.cmds.TryPush(mixer.Command{Param: p, Channel: ch, Value: float32(v)})
}
