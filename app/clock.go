package app

import (
	"strconv"

	"gioui.org/layout"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// clockUI is the master section's CLOCK row, under the master's BPM
// counter: MIDI clock on/off, the tempo it follows (a button that steps
// through the master and each channel) and the JACK timebase master
// switch.
type clockUI struct {
	on, timebase widgets.ToggleState
	// source holds the parameter's index (ClockMaster, ClockChannel+i);
	// step draws it and moves it on at each click.
	source   widgets.SelectorState
	step     widgets.ButtonState
	channels int
}

// clockLabels name the sources on the step button; built once.
var clockLabels = func() []string {
	l := make([]string, mixer.ClockSources)
	l[mixer.ClockMaster] = "MASTER"
	for i := range mixer.MaxChannels {
		l[mixer.ClockChannel+i] = "CH " + strconv.Itoa(i+1)
	}
	return l
}()

// bindClock binds the CLOCK row's controls.
func (u *UI) bindClock(c *clockUI) {
	c.channels = len(u.strips)
	u.bindToggle(&c.on, mixer.ParamClockOn, 0)
	u.bindChoice(&c.source, mixer.ParamClockSource, 0)
	u.bindToggle(&c.timebase, mixer.ParamClockTimebase, 0)
}

// layoutClock draws the row: a label, MIDI CLK, the source and TIMEBASE.
func (u *UI) layoutClock(gtx layout.Context, c *clockUI) {
	th := u.Theme
	w := gtx.Constraints.Max.X
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	labelW := gtx.Dp(44)
	if c.step.Clicked(gtx) {
		c.source.Index = (c.source.Index + 1) % (c.channels + 1)
	}
	ct, t := place(gtx, 0, gtx.Dp(4), labelW, bh)
	th.Label(ct, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "CLOCK")
	t.Pop()
	cell := (w - labelW - 3*gap) / 3
	x := labelW + gap
	ct, t = place(gtx, x, 0, cell, bh)
	widgets.Toggle(th, &c.on, "MIDI CLK").Layout(ct)
	t.Pop()
	x += cell + gap
	ct, t = place(gtx, x, 0, cell, bh)
	widgets.Button(th, &c.step, clockLabels[min(max(c.source.Index, 0), len(clockLabels)-1)]).Layout(ct)
	if c.step.MenuRequested() {
		// The button stands for the source's selector: its menu
		// learns the source parameter.
		c.source.Ask()
	}
	t.Pop()
	x += cell + gap
	ct, t = place(gtx, x, 0, w-x, bh)
	widgets.Toggle(th, &c.timebase, "TIMEBASE").Layout(ct)
	t.Pop()
}
