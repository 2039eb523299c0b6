package app

import (
	"image"
	"strings"

	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/op/paint"
	"gioui.org/text"
	"gioui.org/widget"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/widgets"
)

// sceneStore is what the scenes panel needs from the saved state (the
// store in persist.go). Each call takes the window's model as it is now,
// so a scene saves what the user sees, and returns the model to show
// after a recall or an A/B swap.
type sceneStore interface {
	sceneNames() []string
	saveScene(name string, cur *param.Values)
	recallScene(name string, cur *param.Values) (param.Values, error)
	deleteScene(name string)
	// toggleCompare stores the live controls in the active A/B slot and
	// brings in the other one, which it returns with its name.
	toggleCompare(cur *param.Values) (active string, next param.Values)
	compareActive() string
}

// sceneRow is one saved scene in the panel.
type sceneRow struct {
	name           string
	recall, delete widgets.ButtonState
}

// scenesPanel lists the saved scenes with Recall and Delete, saves the
// live mix under a typed name, and swaps the A/B compare slots. A recall
// or swap sends the engine every control of the new mix; the engine ramps
// each gain over about 10 ms and crossfades switches, so nothing clicks.
type scenesPanel struct {
	side    *sidePanel
	store   sceneStore
	rows    []sceneRow
	name    widget.Editor
	save    widgets.ButtonState
	ab      widgets.SelectorState
	message string
	isErr   bool
}

var abLabels = []string{"A", "B"}

// SetScenes gives the scenes panel the saved state it works on; nil
// leaves the panel saying that scenes need one.
func (u *UI) SetScenes(s sceneStore) {
	p := &u.scenes
	p.store = s
	p.rows = p.rows[:0]
	if s == nil {
		return
	}
	for _, n := range s.sceneNames() {
		p.rows = append(p.rows, sceneRow{name: n})
	}
	p.ab.Index = 0
	if s.compareActive() == "B" {
		p.ab.Index = 1
	}
}

// Reload shows next, controls made elsewhere (a recalled scene), in every
// widget and sends the engine all of them. The strips' structure (stereo,
// microphone) is the mixer's and stays as it is.
func (u *UI) Reload(next *param.Values) {
	u.model.CopyFrom(next)
	u.load()
	u.reloadCmds = u.model.Commands(u.reloadCmds[:0])
	for _, c := range u.reloadCmds {
		u.cmds.TryPush(c)
	}
}

func (u *UI) layoutScenes(gtx layout.Context) {
	p := &u.scenes
	th := u.Theme
	w := gtx.Constraints.Max.X
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	rowH := bh + gtx.Dp(6)
	if p.store == nil {
		th.Label(gtx, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "Scenes need a state file.")
		return
	}
	u.scenesInput(gtx)

	y := 0
	btnW, labelW := gtx.Dp(110), gtx.Dp(110)
	c, t := place(gtx, 0, y+(rowH-bh)/2+gtx.Dp(4), labelW, bh)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "SCENE NAME")
	t.Pop()
	c, t = place(gtx, labelW, y, max(w-labelW-btnW-gap, 0), rowH)
	u.layoutField(c, &p.name)
	t.Pop()
	c, t = place(gtx, w-btnW, y+(rowH-bh)/2, btnW, bh)
	c.Constraints.Min.X = btnW
	widgets.Button(th, &p.save, "Save current").Layout(c)
	t.Pop()
	y += rowH + gap

	c, t = place(gtx, 0, y+gtx.Dp(4), labelW, bh)
	th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "A/B COMPARE")
	t.Pop()
	c, t = place(gtx, labelW, y, gtx.Dp(90), bh)
	c.Constraints.Min.X = gtx.Dp(90)
	widgets.Selector(th, &p.ab, abLabels).Layout(c)
	t.Pop()
	if p.message != "" {
		col := th.Palette.TextDim.NRGBA()
		if p.isErr {
			col = th.Toggle.Mute.NRGBA()
		}
		mx := labelW + gtx.Dp(90) + 2*gap
		c, t = place(gtx, mx, y+gtx.Dp(4), max(w-mx, 0), bh)
		th.Label(c, th.SmallSizeSp, col, text.Start, p.message)
		t.Pop()
	}
	y += bh + 2*gap

	if len(p.rows) == 0 {
		c, t = place(gtx, 0, y, w, rowH)
		th.Label(c, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "No scenes yet: type a name and save the current mix.")
		t.Pop()
		return
	}
	smallW := gtx.Dp(72)
	for i := range p.rows {
		r := &p.rows[i]
		if y+rowH > gtx.Constraints.Max.Y {
			break
		}
		widgets.FillRect(gtx, image.Rect(0, y, w, y+rowH-gap/2), th.Palette.Bg.NRGBA())
		c, t = place(gtx, gtx.Dp(6), y+(rowH-bh)/2+gtx.Dp(4), max(w-2*smallW-3*gap, 0), bh)
		th.Label(c, th.TextSizeSp, th.Palette.Text.NRGBA(), text.Start, r.name)
		t.Pop()
		c, t = place(gtx, w-2*smallW-gap, y+(rowH-bh)/2, smallW, bh)
		c.Constraints.Min.X = smallW
		widgets.Button(th, &r.recall, "Recall").Layout(c)
		t.Pop()
		c, t = place(gtx, w-smallW, y+(rowH-bh)/2, smallW, bh)
		c.Constraints.Min.X = smallW
		widgets.Button(th, &r.delete, "Delete").Layout(c)
		t.Pop()
		y += rowH
	}
}

// scenesInput acts on the panel's clicks before it is drawn, so the list
// it draws is the new one. A recall or swap also asks for another frame:
// the strips under the panel were drawn before it changed them.
func (u *UI) scenesInput(gtx layout.Context) {
	p := &u.scenes
	saveNow := p.save.Clicked(gtx)
	for {
		ev, ok := p.name.Update(gtx)
		if !ok {
			break
		}
		if _, ok := ev.(widget.SubmitEvent); ok {
			saveNow = true
		}
	}
	if saveNow {
		name := strings.TrimSpace(p.name.Text())
		if name == "" {
			p.message, p.isErr = "Type a name for the scene first.", true
		} else {
			p.store.saveScene(name, u.model)
			u.SetScenes(p.store)
			p.message, p.isErr = "Saved “"+name+"”.", false
		}
	}
	if p.ab.Update(gtx, len(abLabels)) {
		active, next := p.store.toggleCompare(u.model)
		u.Reload(&next)
		p.ab.Index = 0
		if active == "B" {
			p.ab.Index = 1
		}
		p.message, p.isErr = active+" is live.", false
		gtx.Execute(op.InvalidateCmd{})
	}
	for i := range p.rows {
		r := &p.rows[i]
		switch {
		case r.recall.Clicked(gtx):
			next, err := p.store.recallScene(r.name, u.model)
			if err != nil {
				p.message, p.isErr = err.Error(), true
				return
			}
			u.Reload(&next)
			p.message, p.isErr = "Recalled “"+r.name+"”.", false
			gtx.Execute(op.InvalidateCmd{})
			return
		case r.delete.Clicked(gtx):
			name := r.name
			p.store.deleteScene(name)
			u.SetScenes(p.store)
			p.message, p.isErr = "Deleted “"+name+"”.", false
			return
		}
	}
}

// layoutField draws a single-line text field filling gtx.
func (u *UI) layoutField(gtx layout.Context, ed *widget.Editor) {
	th := u.Theme
	ed.SingleLine, ed.Submit = true, true
	r := image.Rectangle{Max: gtx.Constraints.Max}
	widgets.FillRect(gtx, r, th.Palette.Bg.NRGBA())
	textM := op.Record(gtx.Ops)
	paint.ColorOp{Color: th.Palette.Text.NRGBA()}.Add(gtx.Ops)
	tm := textM.Stop()
	selM := op.Record(gtx.Ops)
	paint.ColorOp{Color: th.Palette.Focus.NRGBA()}.Add(gtx.Ops)
	sm := selM.Stop()
	top := (r.Dy()-gtx.Sp(th.TextSizeSp))/2 - gtx.Dp(2)
	c, t := place(gtx, gtx.Dp(6), top, r.Dx()-gtx.Dp(12), r.Dy()-top)
	ed.Layout(c, th.Shaper, th.Face, th.TextSizeSp, tm, sm)
	t.Pop()
}
