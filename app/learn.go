package app

import (
	"image"
	"strconv"
	"time"

	"gioui.org/io/event"
	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/clip"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/widgets"
)

// MIDI learn in the window: a secondary click (or Shift+F10) on a control
// opens its context menu, drawn above everything. "MIDI learn" arms a
// midi.Learner for the control's target and the menu waits, polling the
// learner every frame, until a MIDI control moves; the new mapping then
// goes into a new midi.Table for the audio thread (Mapper.SetTable) and,
// through save, into the state file. "Remove mapping" does the same with
// the control's mappings left out. Every mapped control wears a badge;
// the badges are set again only when the mapper's table changes.

const (
	menuWDp     = 300
	menuItemHDp = 26
)

// Menu items, in the order they are drawn.
const (
	itemLearn = iota
	itemRemove
	itemCancel
	itemCount
)

var menuLabels = [itemCount]string{itemLearn: "MIDI learn", itemRemove: "Remove mapping", itemCancel: "Cancel"}

const (
	learnHint     = "Move a control on your MIDI device… (Esc cancels)"
	noMIDILabel   = "MIDI learn (needs JACK MIDI)"
	learnFailHint = "Could not map it: "
)

// mappable is a control MIDI can drive: its widget's context state and
// the engine control it moves.
type mappable struct {
	ctx    *widgets.ContextState
	target midi.Target
}

// learnMenu is the context menu of the mappable controls and the MIDI
// learn it runs.
type learnMenu struct {
	mapper  *midi.Mapper // nil when the backend has no MIDI input
	learner *midi.Learner
	save    func([]midi.Mapping)
	shown   *midi.Table // the table the badges show

	controls []mappable
	// base is how many of controls are the window's own; the plugin
	// panel's follow while it is open.
	base     int
	open     int // the control whose menu is open, or −1
	learning bool
	mapped   bool   // the open control has a mapping: Remove is offered
	title    string // the open control's name and mapping
	problem  string // why the last learn failed, shown in the menu
	sel      int    // the item the keyboard acts on
	at       image.Point
	items    [itemCount]widgets.ButtonState

	// track sees every press in the window, to open the menu where the
	// pointer is; a secondary press in this frame is pressAt.
	track    bool
	pressAt  image.Point
	pressed  bool
	backdrop bool // the area around the menu: a press there closes it
	keys     bool // the menu's keyboard focus
	painter  widgets.Painter
}

// SetMIDI lets the window learn and remove mappings on m (nil: the
// backend has no MIDI input); save is called with the whole new set after
// each change, so the state file keeps it.
func (u *UI) SetMIDI(m *midi.Mapper, save func([]midi.Mapping)) {
	l := &u.learn
	l.mapper, l.save, l.shown = m, save, nil
	l.learner = nil
	if m != nil {
		l.learner = midi.NewLearner(m)
	}
}

// initLearn lists the controls MIDI can drive: every bound control that
// has a context menu.
func (u *UI) initLearn() {
	l := &u.learn
	l.open = -1
	for i := range u.controls {
		c := &u.controls[i]
		if ctx := c.context(); ctx != nil {
			l.controls = append(l.controls, mappable{ctx: ctx, target: midi.Target{Param: c.p, Channel: c.ch}})
		}
	}
	l.base = len(l.controls)
}

// learnNextFrame asks for frames while learning, so the learner is
// polled; at rest it asks for none.
func (u *UI) learnNextFrame() (time.Time, bool) {
	if !u.learn.learning {
		return time.Time{}, false
	}
	return time.Now().Add(frameInterval), true
}

// beginMenu runs before the window draws: it handles the open menu's
// input, polls the learner and refreshes the badges, so what it changes
// shows in this frame. It also starts tracking presses over the whole
// window (every control's area lies inside this one); pop the stack
// after the window is drawn.
func (u *UI) beginMenu(gtx layout.Context) clip.Stack {
	l := &u.learn
	st := clip.Rect{Max: gtx.Constraints.Max}.Push(gtx.Ops)
	event.Op(gtx.Ops, &l.track)
	l.pressed = false
	for {
		ev, ok := gtx.Event(pointer.Filter{Target: &l.track, Kinds: pointer.Press})
		if !ok {
			break
		}
		if e, ok := ev.(pointer.Event); ok && e.Buttons.Contain(pointer.ButtonSecondary) {
			l.pressAt, l.pressed = e.Position.Round(), true
		}
	}
	if l.open >= 0 {
		u.menuInput(gtx)
	}
	if l.learning {
		if mp, ok := l.learner.Poll(); ok {
			l.learning = false
			// A refused set leaves the menu open, saying why.
			if u.setMappings(midi.With(l.mapper.Table().Mappings(), mp)) == nil {
				u.closeMenu()
			}
		}
	}
	if l.mapper != nil && l.mapper.Table() != l.shown {
		u.showBadges()
	}
	return st
}

// menuInput handles the menu's clicks and keys.
func (u *UI) menuInput(gtx layout.Context) {
	l := &u.learn
	for {
		// The backdrop also takes the wheel, so nothing under the menu
		// moves while it is open.
		ev, ok := gtx.Event(everyPress(&l.backdrop))
		if !ok {
			break
		}
		if e, ok := ev.(pointer.Event); ok && e.Kind == pointer.Press {
			u.closeMenu()
			return
		}
	}
	for i := range l.items {
		if l.items[i].Clicked(gtx) {
			u.menuAction(i)
			return
		}
	}
	u.menuKeys(gtx)
}

// menuKeys handles the menu's keys: it has the keyboard focus while open.
// Draining the filters also keeps the focus, which Gio gives only to a
// handler that asks for focus events in the frame.
func (u *UI) menuKeys(gtx layout.Context) {
	l := &u.learn
	for {
		ev, ok := gtx.Event(
			key.FocusFilter{Target: &l.keys},
			key.Filter{Focus: &l.keys, Name: key.NameEscape},
			key.Filter{Focus: &l.keys, Name: key.NameUpArrow},
			key.Filter{Focus: &l.keys, Name: key.NameDownArrow},
			key.Filter{Focus: &l.keys, Name: key.NameReturn},
			key.Filter{Focus: &l.keys, Name: key.NameEnter},
		)
		if !ok {
			return
		}
		e, ok := ev.(key.Event)
		if !ok || e.State != key.Press {
			continue
		}
		switch e.Name {
		case key.NameEscape:
			u.closeMenu()
			return
		case key.NameUpArrow, key.NameDownArrow:
			u.moveSelection(e.Name == key.NameDownArrow)
		case key.NameReturn, key.NameEnter:
			u.menuAction(l.sel)
			return
		}
	}
}

// offered reports whether the menu shows item now.
func (l *learnMenu) offered(item int) bool {
	switch item {
	case itemLearn:
		return !l.learning && l.mapper != nil
	case itemRemove:
		return !l.learning && l.mapper != nil && l.mapped
	}
	return true
}

// drawn reports whether the menu draws item, perhaps disabled: learn is
// shown greyed when there is no MIDI input.
func (l *learnMenu) drawn(item int) bool {
	return l.offered(item) || item == itemLearn && l.mapper == nil && !l.learning
}

func (u *UI) moveSelection(down bool) {
	l := &u.learn
	step := itemCount - 1
	if down {
		step = 1
	}
	for i := 0; i < itemCount; i++ {
		l.sel = (l.sel + step) % itemCount
		if l.offered(l.sel) {
			return
		}
	}
}

func (u *UI) menuAction(item int) {
	l := &u.learn
	if !l.offered(item) {
		return
	}
	switch item {
	case itemLearn:
		l.learning, l.problem, l.sel = true, "", itemCancel
		l.learner.Arm(l.controls[l.open].target)
		l.controls[l.open].ctx.Badge = widgets.BadgeLearning
	case itemRemove:
		u.setMappings(midi.Without(l.mapper.Table().Mappings(), l.controls[l.open].target))
		u.closeMenu()
	case itemCancel:
		u.closeMenu()
	}
}

// openMenu opens control i's menu at the secondary press of this frame,
// or in the middle of the window when the keyboard asked.
func (u *UI) openMenu(gtx layout.Context, i int) {
	l := &u.learn
	if l.learning {
		l.learner.Cancel()
		l.learning = false
	}
	l.open, l.problem = i, ""
	t := l.controls[i].target
	l.title = t.String()
	l.mapped = false
	if l.mapper != nil {
		if ms := l.mapper.Table().For(t); len(ms) > 0 {
			l.mapped = true
			l.title += "  ·  " + sourceText(ms[0])
		}
	}
	l.sel = itemCancel
	if l.offered(itemLearn) {
		l.sel = itemLearn
	}
	size := gtx.Constraints.Max
	l.at = image.Pt(size.X/2-gtx.Dp(menuWDp)/2, size.Y/3)
	if l.pressed {
		l.at = l.pressAt
	}
	gtx.Execute(key.FocusCmd{Tag: &l.keys})
	u.showBadges()
}

// closeMenu closes the menu and stops learning.
func (u *UI) closeMenu() {
	l := &u.learn
	if l.learning {
		l.learner.Cancel()
		l.learning = false
	}
	l.open = -1
	u.showBadges()
}

// setMappings hands ms to the audio thread and to the state file, and
// shows them on the controls. A set
// the table refuses (too many) is reported in the menu and changes
// nothing.
func (u *UI) setMappings(ms []midi.Mapping) error {
	l := &u.learn
	t, err := midi.NewTable(ms)
	if err != nil {
		l.problem = learnFailHint + err.Error()
		return err
	}
	l.mapper.SetTable(t)
	if l.save != nil {
		l.save(ms)
	}
	u.showBadges()
	return nil
}

// showBadges marks every mapped control, and the one learning, from the
// mapper's table.
func (u *UI) showBadges() {
	l := &u.learn
	mapped := map[midi.Target]bool{}
	if l.mapper != nil {
		l.shown = l.mapper.Table()
		for _, m := range l.shown.Mappings() {
			mapped[m.Target] = true
		}
	}
	for i, c := range l.controls {
		switch {
		case l.learning && i == l.open:
			c.ctx.Badge = widgets.BadgeLearning
		case mapped[c.target]:
			c.ctx.Badge = widgets.BadgeMapped
		default:
			c.ctx.Badge = widgets.BadgeNone
		}
	}
}

// layoutMenu opens a menu a control asked for, then draws the open one
// above everything, with its own Painter.
func (u *UI) layoutMenu(gtx layout.Context) {
	l := &u.learn
	for i, c := range l.controls {
		if c.ctx.ContextRequested() {
			u.openMenu(gtx, i)
		}
	}
	if l.open < 0 {
		return
	}
	u.menuKeys(gtx)
	if l.open < 0 {
		return
	}
	th := u.Theme
	root := gtx
	size := root.Constraints.Max
	gtx = l.painter.Begin(gtx, size)
	inline := op.Record(gtx.Ops)

	// The backdrop takes every press outside the menu, so the first
	// click elsewhere closes it rather than moving a control.
	bd := clip.Rect{Max: size}.Push(gtx.Ops)
	event.Op(gtx.Ops, &l.backdrop)
	bd.Pop()

	pad, itemH := gtx.Dp(8), gtx.Dp(menuItemHDp)
	rows := 0
	for i := range itemCount {
		if l.drawn(i) {
			rows++
		}
	}
	lines := 1
	if l.learning || l.problem != "" {
		lines++
	}
	lineH := gtx.Sp(th.SmallSizeSp) + gtx.Dp(8)
	w, h := gtx.Dp(menuWDp), 2*pad+lines*lineH+rows*itemH
	x, y := min(max(l.at.X, 0), max(size.X-w, 0)), min(max(l.at.Y, 0), max(size.Y-h, 0))
	r := image.Rect(x, y, x+w, y+h)
	mc := widgets.Clip(gtx, r)
	event.Op(gtx.Ops, &l.keys)
	widgets.FillRect(gtx, r, th.Palette.Focus.NRGBA())
	widgets.FillRect(gtx, r.Inset(max(1, gtx.Dp(1))), th.Palette.Panel.NRGBA())

	cy := y + pad
	c, t := place(gtx, x+pad, cy, w-2*pad, lineH)
	th.BoldLabel(c, th.SmallSizeSp, th.Palette.Text.NRGBA(), text.Start, l.title)
	t.Pop()
	cy += lineH
	if lines > 1 {
		hint, col := learnHint, th.Toggle.Cue.NRGBA()
		if !l.learning {
			hint, col = l.problem, th.Toggle.Mute.NRGBA()
		}
		c, t = place(gtx, x+pad, cy, w-2*pad, lineH)
		th.Label(c, th.SmallSizeSp, col, text.Start, hint)
		t.Pop()
		cy += lineH
	}
	for i := range itemCount {
		if !l.drawn(i) {
			continue
		}
		label := menuLabels[i]
		if !l.offered(i) {
			label = noMIDILabel
		}
		ir := image.Rect(x+pad/2, cy, x+w-pad/2, cy+itemH)
		if i == l.sel && l.offered(i) {
			widgets.FillRect(gtx, ir, th.Palette.PanelEdge.NRGBA())
		}
		// A flat button's label sits at its top: start the item's area
		// where its text is centred, down to the item's bottom.
		ty := (itemH-gtx.Sp(th.SmallSizeSp))/2 - gtx.Dp(2)
		c, t = place(gtx, ir.Min.X+pad/2, ir.Min.Y+ty, ir.Dx()-pad, itemH-ty)
		c.Constraints.Min = c.Constraints.Max
		if l.offered(i) {
			b := widgets.Button(th, &l.items[i], label)
			b.Flat, b.Align = true, text.Start
			b.Layout(c)
		} else {
			th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, label)
		}
		t.Pop()
		cy += itemH
	}
	mc.Pop()

	call := inline.Stop()
	l.painter.Flush(root, th)
	call.Add(root.Ops)
}

// sourceText names the MIDI control of m for people: "CC 7 ch 1".
func sourceText(m midi.Mapping) string {
	var b []byte
	switch m.Source {
	case midi.SourceCC:
		b = append(b, "CC "...)
		b = strconv.AppendUint(b, uint64(m.Number), 10)
	case midi.SourceCC14:
		b = append(b, "CC14 "...)
		b = strconv.AppendUint(b, uint64(m.Number), 10)
		b = append(b, '/')
		b = strconv.AppendUint(b, uint64(m.Number)+32, 10)
	case midi.SourceNote:
		b = append(b, "Note "...)
		b = strconv.AppendUint(b, uint64(m.Number), 10)
	case midi.SourcePitchBend:
		b = append(b, "Pitch bend"...)
	}
	b = append(b, " ch "...)
	b = strconv.AppendUint(b, uint64(m.MIDIChannel), 10)
	return string(b)
}
