package app

import (
	"image"
	"math"
	"strconv"
	"strings"

	"gioui.org/gesture"
	"gioui.org/io/key"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/text"
	"gioui.org/widget"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/plugin/lv2"
	"github.com/linuxdj/linuxdj/widgets"
)

// The PLUGINS panel: a browser of the installed LV2 plugins and the
// insert slots of one strip (or master), and, for the plugin in a slot,
// the generic plugin panel built from its control ports.
//
// The browser lists every plugin lilv finds, narrowed by the words typed
// into its search field (name, class, author or URI; lv2.Plugin.Matches).
// A click chooses one; ADD puts it at its defaults into the chosen slot
// of the chosen strip. Below, that strip's four slots in signal order,
// each with its bypass, up and down (a reorder makes the plugin anew in
// the other slot from its settings; the engine crossfades both), EDIT
// and remove.
//
// The plugin panel shows a knob for every ranged control (its port's
// range, unit and, where the port says so, logarithmic law), a toggle
// for every toggled port and a selector for an enumeration, the
// plugin's latency and whether the engine muted it for output that was
// not finite. Its widgets hold positions as the window's other controls
// do; each frame a moved widget sets the plugin's control (lv2.Insert's
// atomic target, which MIDI and OSC set too), and a control moved
// elsewhere moves the widget. MIDI learn works on them as on any other
// control: the mapping's target names the slot and the port's symbol.

// pluginRowHDp is the height of a row of the browser's list.
const pluginRowHDp = 36

// Labels built once.
var (
	slotLabels    = []string{"1", "2", "3", "4"}
	noRackText    = "Plugins load once the sound runs."
	noPluginsText = "No LV2 plugins match."
)

// pluginsPanel is the PLUGINS panel's state.
type pluginsPanel struct {
	side *sidePanel
	rack *rack // nil until the stream runs (and in a window without one)
	// channels is the strips' count; target 0..channels-1 is a strip,
	// channels is master.
	channels int
	names    []string

	all     []lv2.Plugin
	listErr string
	loaded  bool
	search  widget.Editor
	query   string
	matches []int // indices into all
	rows    []widgets.ButtonState
	chosen  int // into all, −1 for none
	list    scroller
	message string

	target         int
	prev, next     widgets.ButtonState
	slot           widgets.SelectorState
	add            widgets.ButtonState
	slots          [mixer.InsertSlots]slotRow
	gen            uint64 // the rack's gen the rows show
	editing        bool
	edit           pluginEditor
	targetText     string
	targetTextFrom int
}

// slotRow is one insert slot in the browser's list of a strip's slots.
type slotRow struct {
	view                   slotView
	bypass                 widgets.ToggleState
	up, down, open, remove widgets.ButtonState
}

// initPluginsPanel adds the PLUGINS panel's button.
func (u *UI) initPluginsPanel() {
	p := &u.plugins
	p.channels, p.names = len(u.strips), u.names
	p.chosen = -1
	p.targetTextFrom = -1
	p.search.SingleLine, p.search.Submit = true, true
	p.side = u.addPanel("PLUGINS", u.layoutPlugins)
	p.edit.init()
}

// SetRack gives the window the insert slots' plugins (nil: none yet).
func (u *UI) SetRack(r *rack) {
	p := &u.plugins
	p.rack, p.loaded, p.gen = r, false, 0
	p.editing = false
}

// channelOf is the state file's number of target t: channels from 1, 0
// for master.
func (p *pluginsPanel) channelOf(t int) int {
	if t >= p.channels {
		return 0
	}
	return t + 1
}

// targetName names target t for people: the channel's name, or MASTER.
func (p *pluginsPanel) targetName(t int) string {
	if t >= p.channels {
		return "MASTER"
	}
	return strconv.Itoa(t+1) + " · " + p.names[t]
}

// refresh reads the catalogue once and the target's slots when the rack
// changed them.
func (p *pluginsPanel) refresh() {
	if p.rack == nil {
		return
	}
	if !p.loaded {
		p.loaded = true
		all, err := p.rack.catalogue()
		p.all, p.listErr = all, ""
		if err != nil {
			p.listErr = err.Error()
		}
		p.filter()
	}
	if g := p.rack.gen.Load(); g != p.gen || p.targetTextFrom != p.target {
		p.gen = g
		ch := p.channelOf(p.target)
		for i := range p.slots {
			r := &p.slots[i]
			r.view = p.rack.view(ch, i+1)
			r.bypass.On = r.view.bypass
		}
		if p.editing {
			p.edit.reload(p.rack)
		}
	}
	if p.targetTextFrom != p.target {
		p.targetTextFrom = p.target
		p.targetText = p.targetName(p.target)
	}
}

// filter lists the plugins matching the query.
func (p *pluginsPanel) filter() {
	p.matches = p.matches[:0]
	for i := range p.all {
		if p.all[i].Matches(p.query) {
			p.matches = append(p.matches, i)
		}
	}
	for len(p.rows) < len(p.matches) {
		p.rows = append(p.rows, widgets.ButtonState{})
	}
	p.list.off = 0
}

// setQuery narrows the list to the plugins matching q.
func (p *pluginsPanel) setQuery(q string) {
	p.search.SetText(q)
	p.query = q
	p.filter()
}

// layoutPlugins draws the PLUGINS panel's content: the browser, or the
// plugin panel of the slot being edited.
func (u *UI) layoutPlugins(gtx layout.Context) {
	p := &u.plugins
	th := u.Theme
	p.refresh()
	if p.rack == nil {
		th.Label(gtx, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, noRackText)
		return
	}
	if p.editing {
		u.layoutPluginEditor(gtx)
		return
	}
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	gap := gtx.Dp(gapDp)
	listW := min(max(w*11/20, gtx.Dp(280)), w)
	c, t := place(gtx, 0, 0, listW-gap, h)
	u.layoutCatalogue(c)
	t.Pop()
	c, t = place(gtx, listW+gap, 0, max(w-listW-gap, 0), h)
	u.layoutSlots(c)
	t.Pop()
}

// layoutCatalogue draws the search field and the matching plugins.
func (u *UI) layoutCatalogue(gtx layout.Context) {
	p := &u.plugins
	th := u.Theme
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	for {
		ev, ok := p.search.Update(gtx)
		if !ok {
			break
		}
		if _, ok := ev.(widget.ChangeEvent); ok {
			p.query = p.search.Text()
			p.filter()
		}
	}
	labelW := gtx.Dp(64)
	c, t := place(gtx, 0, gtx.Dp(4), labelW, bh)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "SEARCH")
	t.Pop()
	rowH := bh + gtx.Dp(6)
	c, t = place(gtx, labelW, 0, max(w-labelW, 0), rowH)
	u.layoutField(c, &p.search)
	t.Pop()
	y := rowH + gap
	if p.listErr != "" {
		c, t = place(gtx, 0, y, w, bh)
		th.Label(c, th.SmallSizeSp, th.Toggle.Mute.NRGBA(), text.Start, p.listErr)
		t.Pop()
		return
	}
	if len(p.matches) == 0 {
		c, t = place(gtx, 0, y, w, bh)
		th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, noPluginsText)
		t.Pop()
		return
	}
	itemH := gtx.Dp(pluginRowHDp)
	listH := max(h-y, 0)
	lc, lt := place(gtx, 0, y, w, listH)
	cl := widgets.Clip(lc, image.Rect(0, 0, w, listH))
	off := p.list.update(lc, gesture.Vertical, len(p.matches)*itemH-listH)
	first := off / itemH
	for k := first; k < len(p.matches) && k*itemH-off < listH; k++ {
		i := p.matches[k]
		pl := &p.all[i]
		ry := k*itemH - off
		r := image.Rect(0, ry, w, ry+itemH-gap/2)
		bg := th.Palette.Bg.NRGBA()
		if i == p.chosen {
			bg = th.Palette.PanelEdge.NRGBA()
		}
		widgets.FillRect(lc, r, bg)
		b := &p.rows[k]
		if b.Clicked(lc) {
			p.chosen = i
		}
		c, t := place(lc, 0, ry, w, itemH-gap/2)
		c.Constraints.Min = c.Constraints.Max
		bs := widgets.Button(th, b, "")
		bs.Flat = true
		bs.Layout(c)
		t.Pop()
		c, t = place(lc, gtx.Dp(6), ry+gtx.Dp(3), w-gtx.Dp(12), gtx.Sp(th.TextSizeSp)+gtx.Dp(4))
		th.BoldLabel(c, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Start, pl.Name)
		t.Pop()
		c, t = place(lc, gtx.Dp(6), ry+gtx.Dp(5)+gtx.Sp(th.TextSizeSp), w-gtx.Dp(12), gtx.Sp(th.SmallSizeSp)+gtx.Dp(4))
		th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, pluginSubtitle(pl))
		t.Pop()
	}
	cl.Pop()
	lt.Pop()
}

// pluginSubtitle is a plugin's class and author, "Amplifier · Steve Harris".
func pluginSubtitle(pl *lv2.Plugin) string {
	class := strings.TrimSuffix(pl.Class, " Plugin")
	switch {
	case class == "":
		return pl.Author
	case pl.Author == "":
		return class
	}
	return class + "  ·  " + pl.Author
}

// layoutSlots draws the target chooser, ADD, and the target's slots.
func (u *UI) layoutSlots(gtx layout.Context) {
	p := &u.plugins
	th := u.Theme
	w := gtx.Constraints.Max.X
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	labelW, arrowW := gtx.Dp(64), gtx.Dp(28)
	if p.prev.Clicked(gtx) {
		p.target = (p.target + p.channels) % (p.channels + 1)
	}
	if p.next.Clicked(gtx) {
		p.target = (p.target + 1) % (p.channels + 1)
	}
	p.refresh()
	y := 0
	c, t := place(gtx, 0, y+gtx.Dp(4), labelW, bh)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "STRIP")
	t.Pop()
	button := func(s *widgets.ButtonState, x, bw int, label string) {
		c, t := place(gtx, x, y, bw, bh)
		c.Constraints.Min.X = bw
		widgets.Button(th, s, label).Layout(c)
		t.Pop()
	}
	button(&p.prev, labelW, arrowW, "<")
	nameW := max(w-labelW-2*arrowW-2*gap, 0)
	c, t = place(gtx, labelW+arrowW+gap, y+gtx.Dp(2), nameW, bh)
	th.BoldLabel(c, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Middle, p.targetText)
	t.Pop()
	button(&p.next, w-arrowW, arrowW, ">")
	y += bh + gap

	c, t = place(gtx, 0, y+gtx.Dp(4), labelW, bh)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "SLOT")
	t.Pop()
	addW := gtx.Dp(64)
	c, t = place(gtx, labelW, y, max(w-labelW-addW-gap, 0), bh)
	widgets.Selector(th, &p.slot, slotLabels).Layout(c)
	t.Pop()
	if p.add.Clicked(gtx) {
		u.addChosen()
		gtx.Execute(op.InvalidateCmd{})
	}
	button(&p.add, w-addW, addW, "ADD")
	y += bh + gap
	msg, col := p.message, th.Palette.TextDim.NRGBA()
	if msg == "" && p.chosen >= 0 {
		msg = p.all[p.chosen].Name + " → slot " + slotLabels[p.slot.Index]
	}
	c, t = place(gtx, 0, y, w, gtx.Dp(lineHDp))
	th.Label(c, th.SmallSizeSp, col, text.Start, msg)
	t.Pop()
	y += gtx.Dp(lineHDp) + 2*gap

	ch := p.channelOf(p.target)
	rowH := 2*bh + 3*gap
	smallW := gtx.Dp(30)
	for i := range p.slots {
		r := &p.slots[i]
		slot := i + 1
		acted := true
		switch {
		case r.bypass.Update(gtx):
			p.rack.setBypass(ch, slot, r.bypass.On)
		case r.up.Clicked(gtx):
			p.moveSlot(ch, slot, slot-1)
		case r.down.Clicked(gtx):
			p.moveSlot(ch, slot, slot+1)
		case r.remove.Clicked(gtx):
			p.rack.remove(ch, slot)
		case r.open.Clicked(gtx):
			if !r.view.empty() {
				u.openEditor(ch, slot)
				// The search field goes away with the browser: it must
				// not keep the keyboard, or the panel's knobs get none.
				gtx.Execute(key.FocusCmd{})
				gtx.Execute(op.InvalidateCmd{})
				return
			}
		default:
			acted = false
		}
		if acted {
			// The rows show the change from the next frame on.
			gtx.Execute(op.InvalidateCmd{})
		}
		widgets.FillRect(gtx, image.Rect(0, y, w, y+rowH-gap), th.Palette.Bg.NRGBA())
		name, col := "empty", th.Palette.TextDim.NRGBA()
		if !r.view.empty() {
			name, col = r.view.name, th.Palette.Text.NRGBA()
		}
		if r.view.missing != "" {
			name, col = "missing: "+r.view.uri, th.Toggle.Mute.NRGBA()
		}
		c, t = place(gtx, gtx.Dp(6), y+gtx.Dp(4), smallW, bh)
		th.BoldLabel(c, th.TextSizeSp, th.Palette.TextDim.NRGBA(), text.Start, slotLabels[i])
		t.Pop()
		c, t = place(gtx, gtx.Dp(6)+smallW, y+gtx.Dp(4), max(w-smallW-gtx.Dp(12), 0), bh)
		th.Label(c, th.TextSizeSp, col, text.Start, name)
		t.Pop()
		if !r.view.empty() {
			by := y + bh + gap
			x := gtx.Dp(6) + smallW
			bw := gtx.Dp(48)
			c, t = place(gtx, x, by, bw, bh)
			tg := widgets.Toggle(th, &r.bypass, "BYP")
			tg.Lit = th.Toggle.Cue.NRGBA()
			tg.Layout(c)
			t.Pop()
			x += bw + gap
			for _, b := range []struct {
				s     *widgets.ButtonState
				label string
				bw    int
				show  bool
			}{{&r.up, "▲", smallW, slot > 1}, {&r.down, "▼", smallW, slot < mixer.InsertSlots},
				{&r.open, "EDIT", gtx.Dp(52), r.view.plugin != nil}, {&r.remove, "×", smallW, true}} {
				if b.show {
					c, t = place(gtx, x, by, b.bw, bh)
					c.Constraints.Min.X = b.bw
					widgets.Button(th, b.s, b.label).Layout(c)
					t.Pop()
				}
				x += b.bw + gap
			}
		}
		y += rowH
	}
}

// addChosen adds the chosen plugin to the chosen slot.
func (u *UI) addChosen() {
	p := &u.plugins
	if p.chosen < 0 {
		p.message = "Choose a plugin first."
		return
	}
	pl := p.all[p.chosen]
	if err := p.rack.add(p.channelOf(p.target), p.slot.Index+1, pl.URI); err != nil {
		p.message = err.Error()
		return
	}
	p.message = "Added " + pl.Name + "."
}

// moveSlot moves a slot's plugin to slot to, swapping with what is there.
func (p *pluginsPanel) moveSlot(channel, from, to int) {
	if err := p.rack.move(channel, from, to); err != nil {
		p.message = err.Error()
	}
}

// openEditor shows the plugin panel of a slot.
func (u *UI) openEditor(channel, slot int) {
	p := &u.plugins
	p.editing = true
	p.edit.channel, p.edit.slot = channel, slot
	p.edit.reload(p.rack)
	u.learnPluginControls()
}

// pluginEditor is the generic plugin panel of one slot.
type pluginEditor struct {
	channel, slot int
	plugin        *loadedPlugin // nil: the slot lost its plugin
	title, where  string
	controls      []pluginCtl
	back          widgets.ButtonState
	scroll        scroller
	statusKey     [2]int
	statusText    string
}

func (e *pluginEditor) init() { e.statusKey = [2]int{-1, -1} }

// pluginCtl is one control of the plugin panel: a widget bound to one
// control input of the plugin, as control binds one to a parameter.
type pluginCtl struct {
	index  int // among the plugin's control inputs
	info   param.Info
	label  string
	knob   *widgets.KnobState
	toggle *widgets.ToggleState
	choice *widgets.SelectorState
	labels []string // of choice
	format widgets.FormatFunc
	target midi.Target
	shown  float64 // the widget's reading when it last agreed with the plugin
	value  float32 // the plugin's value then
}

// maxSelectorChoices is the most values an enumeration shows as a
// selector; one with more is a knob that reads the value's name.
const maxSelectorChoices = 6

// reload builds the panel for the plugin now in the slot.
func (e *pluginEditor) reload(r *rack) {
	v := r.view(e.channel, e.slot)
	if v.plugin == e.plugin && e.plugin != nil {
		return
	}
	e.plugin, e.controls = v.plugin, nil
	e.title = v.name
	e.where = "slot " + strconv.Itoa(e.slot) + " of "
	if e.channel == 0 {
		e.where += "master"
	} else {
		e.where += "channel " + strconv.Itoa(e.channel)
	}
	e.statusKey = [2]int{-1, -1}
	e.scroll.off = 0
	if v.plugin == nil {
		return
	}
	for k, port := range v.plugin.ports {
		if port.NotOnGUI {
			continue
		}
		c := pluginCtl{index: k, info: v.plugin.infos[k], label: knobLabel(port.Name),
			target: midi.Target{Plugin: param.PluginControl{Channel: e.channel, Slot: e.slot, Symbol: port.Symbol}}}
		switch {
		case port.Toggle:
			c.toggle = &widgets.ToggleState{}
		case len(c.info.Choices) > 0 && len(c.info.Choices) <= maxSelectorChoices:
			c.choice = &widgets.SelectorState{}
			c.labels = c.info.Choices
		default:
			c.knob = &widgets.KnobState{}
			c.knob.Default = c.info.Pos(c.info.Default)
			c.knob.Bipolar = c.info.Min < 0 && c.info.Max > 0 && -c.info.Min == c.info.Max
			if c.info.Switch && c.info.Max > c.info.Min {
				c.knob.Step = 1 / float64(c.info.Max-c.info.Min)
			}
			c.format = pluginFormat(c.info)
		}
		c.show(v.plugin.ins.ControlValue(k))
		e.controls = append(e.controls, c)
	}
}

// knobLabel fits a port's name under a knob: without a unit in
// brackets, at most 14 letters.
func knobLabel(name string) string {
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	if r := []rune(name); len(r) > 14 {
		name = string(r[:13]) + "…"
	}
	return strings.ToUpper(name)
}

// pluginFormat reads a plugin knob's position as its value and unit, or
// the name of an enumeration's value.
func pluginFormat(info param.Info) widgets.FormatFunc {
	return func(dst []byte, pos float64) []byte {
		v := info.Clamp(info.Value(pos))
		if n := int(v - info.Min); len(info.Choices) > 0 && n >= 0 && n < len(info.Choices) {
			return append(dst, info.Choices[n]...)
		}
		dst = appendValue(dst, float64(v), info.Switch)
		if info.Unit != "" {
			dst = append(dst, ' ')
			dst = append(dst, info.Unit...)
		}
		return dst
	}
}

// appendValue writes v with as many decimals as its size deserves.
func appendValue(dst []byte, v float64, whole bool) []byte {
	prec := 0
	switch a := math.Abs(v); {
	case whole || a >= 100:
	case a >= 10:
		prec = 1
	case a >= 1:
		prec = 2
	default:
		prec = 3
	}
	return strconv.AppendFloat(dst, v, 'f', prec, 64)
}

func (c *pluginCtl) reading() float64 {
	switch {
	case c.knob != nil:
		return c.knob.Pos
	case c.toggle != nil:
		return b2f(c.toggle.On)
	}
	return float64(c.choice.Index)
}

func (c *pluginCtl) show(v float32) {
	switch {
	case c.knob != nil:
		c.knob.Pos = c.info.Pos(v)
	case c.toggle != nil:
		c.toggle.On = v >= 0.5
	default:
		c.choice.Index = min(max(int(math.Round(float64(v-c.info.Min))), 0), len(c.labels)-1)
	}
	c.value, c.shown = v, c.reading()
}

func (c *pluginCtl) valueOf(r float64) float32 {
	if c.knob != nil {
		return c.info.Clamp(c.info.Value(r))
	}
	return c.info.Clamp(c.info.Min + float32(r))
}

func (c *pluginCtl) context() *widgets.ContextState {
	switch {
	case c.knob != nil:
		return &c.knob.ContextState
	case c.toggle != nil:
		return &c.toggle.ContextState
	}
	return &c.choice.ContextState
}

// syncPlugin sends what the user moved to the plugin, and shows what MIDI
// or OSC moved there.
func (e *pluginEditor) syncPlugin() {
	if e.plugin == nil {
		return
	}
	for i := range e.controls {
		c := &e.controls[i]
		if r := c.reading(); r != c.shown {
			v := c.valueOf(r)
			e.plugin.ins.SetControl(c.index, v)
			c.shown, c.value = r, e.plugin.ins.ControlValue(c.index)
			continue
		}
		if v := e.plugin.ins.ControlValue(c.index); v != c.value {
			c.show(v)
		}
	}
}

// layoutPluginEditor draws the plugin panel of the slot being edited.
func (u *UI) layoutPluginEditor(gtx layout.Context) {
	p := &u.plugins
	e := &p.edit
	th := u.Theme
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	if e.back.Clicked(gtx) {
		p.editing = false
		u.learnPluginControls()
		p.gen = 0
		return
	}
	backW := gtx.Dp(64)
	c, t := place(gtx, 0, 0, backW, bh)
	c.Constraints.Min.X = backW
	widgets.Button(th, &e.back, "BACK").Layout(c)
	t.Pop()
	tx := backW + 2*gap
	c, t = place(gtx, tx, gtx.Dp(2), max(w-tx, 0), bh)
	th.BoldLabel(c, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Start, e.title)
	t.Pop()
	y := bh + gap
	faulted, latency := p.rack.status(e.channel, e.slot)
	c, t = place(gtx, 0, y, w, gtx.Dp(lineHDp))
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, e.status(latency, p.rack.rateHz))
	t.Pop()
	y += gtx.Dp(lineHDp)
	if faulted {
		c, t = place(gtx, 0, y, w, gtx.Dp(lineHDp))
		th.BoldLabel(c, th.SmallSizeSp, th.Toggle.Mute.NRGBA(), text.Start, faultText)
		t.Pop()
	}
	y += gtx.Dp(lineHDp) + gap
	if e.plugin == nil {
		return
	}

	knobH, cellW := th.KnobHeight(gtx.Metric), gtx.Dp(88)
	cols := max((w+gap)/(cellW+gap), 1)
	// Knobs first in a grid, then the toggles in a row of buttons, then
	// each selector on a row of its own, as the FX panel's.
	var knobs, toggles, choices int
	for i := range e.controls {
		switch c := &e.controls[i]; {
		case c.knob != nil:
			knobs++
		case c.toggle != nil:
			toggles++
		default:
			choices++
		}
	}
	knobRows, toggleRows := (knobs+cols-1)/cols, (toggles+cols-1)/cols
	contentH := knobRows*(knobH+gap) + toggleRows*(bh+gap) + choices*(bh+gap)
	areaH := max(h-y, 0)
	ac, at := place(gtx, 0, y, w, areaH)
	cl := widgets.Clip(ac, image.Rect(0, 0, w, areaH))
	off := e.scroll.update(ac, gesture.Vertical, contentH-areaH)
	var ki, ti int
	cy := -off
	toggleY := knobRows*(knobH+gap) - off
	choiceY := toggleY + toggleRows*(bh+gap)
	labelW := gtx.Dp(150)
	for i := range e.controls {
		ctl := &e.controls[i]
		switch {
		case ctl.knob != nil:
			x, ky := (ki%cols)*(cellW+gap), cy+(ki/cols)*(knobH+gap)
			ki++
			c, t := place(ac, x, ky, cellW, knobH)
			widgets.Knob(th, ctl.knob, ctl.label, ctl.format).Layout(c)
			t.Pop()
		case ctl.toggle != nil:
			x, ty := (ti%cols)*(cellW+gap), toggleY+(ti/cols)*(bh+gap)
			ti++
			c, t := place(ac, x, ty, cellW, bh)
			widgets.Toggle(th, ctl.toggle, ctl.label).Layout(c)
			t.Pop()
		default:
			c, t := place(ac, 0, choiceY+gtx.Dp(4), labelW, bh)
			th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, ctl.label)
			t.Pop()
			c, t = place(ac, labelW, choiceY, max(w-labelW, 0), bh)
			widgets.Selector(th, ctl.choice, ctl.labels).Layout(c)
			t.Pop()
			choiceY += bh + gap
		}
	}
	cl.Pop()
	at.Pop()
	e.syncPlugin()
}

// faultText says why a slot is muted.
const faultText = "FAULT: the plugin's output was not finite (NaN or infinity); the slot is muted until the plugin is added again."

// status is the panel's line under the title: where the plugin is and its
// latency, rebuilt only when the latency changes.
func (e *pluginEditor) status(latencyFrames int, rateHz float64) string {
	key := [2]int{latencyFrames, len(e.controls)}
	if key == e.statusKey {
		return e.statusText
	}
	e.statusKey = key
	b := append([]byte(e.where), "  ·  latency "...)
	b = strconv.AppendInt(b, int64(latencyFrames), 10)
	b = append(b, " frames"...)
	if rateHz > 0 {
		b = append(b, " ("...)
		b = strconv.AppendFloat(b, 1000*float64(latencyFrames)/rateHz, 'f', 2, 64)
		b = append(b, " ms)"...)
	}
	b = append(b, "  ·  "...)
	b = strconv.AppendInt(b, int64(len(e.controls)), 10)
	b = append(b, " controls"...)
	e.statusText = string(b)
	return e.statusText
}

// learnPluginControls makes the open plugin panel's controls the MIDI
// learn menu's, after the window's own.
func (u *UI) learnPluginControls() {
	l := &u.learn
	if l.open >= l.base {
		u.closeMenu()
	}
	l.controls = l.controls[:l.base]
	if u.plugins.editing {
		for i := range u.plugins.edit.controls {
			c := &u.plugins.edit.controls[i]
			l.controls = append(l.controls, mappable{ctx: c.context(), target: c.target})
		}
	}
	u.showBadges()
}

// stripInserts is what a strip shows of its inserts: the latency they
// add and whether one is faulted, as text rebuilt when it changes.
type stripInserts struct {
	latency int
	faulted bool
	text    string
}

// update reads a strip's (channel from 1, 0 master) inserts from the
// engine and reports whether there is anything to show.
func (s *stripInserts) update(r *rack, channel int) bool {
	if r == nil {
		return false
	}
	lat, faulted := r.latency(channel), false
	for k := 1; k <= mixer.InsertSlots; k++ {
		if f, _ := r.status(channel, k); f {
			faulted = true
		}
	}
	if lat != s.latency || faulted != s.faulted || (s.text == "" && (lat != 0 || faulted)) {
		s.latency, s.faulted = lat, faulted
		switch {
		case faulted:
			s.text = "FX FAULT"
		case lat != 0:
			b := strconv.AppendFloat(nil, 1000*float64(lat)/r.rateHz, 'f', 1, 64)
			s.text = string(append(b, " ms"...))
		default:
			s.text = ""
		}
	}
	return s.text != ""
}
