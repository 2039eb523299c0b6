package app

import (
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/adrg/xdg"

	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/text"
	"gioui.org/widget"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/widgets"
)

// mappingRow is one mapping in the MIDI panel.
type mappingRow struct {
	target, source string
	t              midi.Target
	remove         widgets.ButtonState
}

// midiPanel lists the MIDI mappings with a Remove button each, and
// imports and exports them as a controller mapping file (control/midi's
// File) at a typed path. An import replaces the mappings; a file that is
// not a valid mapping file changes nothing and says why.
type midiPanel struct {
	side     *sidePanel
	shown    *midi.Table // the table rows shows
	rows     []mappingRow
	path     widget.Editor
	imp, exp widgets.ButtonState
	message  string
	isErr    bool
}

// defaultMappingPath is where mapping files go unless the user types
// another path.
func defaultMappingPath() string {
	return filepath.Join(xdg.ConfigHome, "linuxdj", "midi", "controller.toml")
}

func (u *UI) initMIDIPanel() {
	u.midi.path.SetText(defaultMappingPath())
}

// refreshMappings rebuilds the rows when the mapper's table changed.
func (p *midiPanel) refreshMappings(t *midi.Table) {
	if t == p.shown {
		return
	}
	p.shown = t
	p.rows = p.rows[:0]
	if t == nil {
		return
	}
	for _, m := range t.Mappings() {
		var b []byte
		b = append(b, param.Format(m.Target.Param, m.Target.Channel)...)
		if m.Source != midi.SourcePitchBend && m.Source != midi.SourceNote {
			kind, _ := m.Kind.MarshalText()
			b = append(b, "  ("...)
			b = append(b, kind...)
			b = append(b, ')')
		}
		p.rows = append(p.rows, mappingRow{target: string(b), source: sourceText(m), t: m.Target})
	}
}

func (u *UI) layoutMIDI(gtx layout.Context) {
	p := &u.midi
	th := u.Theme
	w := gtx.Constraints.Max.X
	bh, gap := th.ButtonHeight(gtx), gtx.Dp(gapDp)
	rowH := bh + gtx.Dp(6)
	m := u.learn.mapper
	if m == nil {
		th.Label(gtx, th.SmallSizeSp, th.Palette.TextDim.NRGBA(), text.Start, "MIDI mappings need the JACK backend (its MIDI input port).")
		return
	}
	u.midiInput(gtx)
	p.refreshMappings(m.Table())

	y := 0
	btnW := gtx.Dp(84)
	c, t := place(gtx, 0, y, max(w-2*btnW-2*gap, 0), rowH)
	u.layoutField(c, &p.path)
	t.Pop()
	c, t = place(gtx, w-2*btnW-gap, y+(rowH-bh)/2, btnW, bh)
	c.Constraints.Min.X = btnW
	widgets.Button(th, &p.imp, "Import…").Layout(c)
	t.Pop()
	c, t = place(gtx, w-btnW, y+(rowH-bh)/2, btnW, bh)
	c.Constraints.Min.X = btnW
	widgets.Button(th, &p.exp, "Export…").Layout(c)
	t.Pop()
	y += rowH + gap

	msg, col := "Right-click a control and choose MIDI learn to map it.", th.Palette.TextDim.NRGBA()
	if p.message != "" {
		msg = p.message
		if p.isErr {
			col = th.Toggle.Mute.NRGBA()
		}
	}
	c, t = place(gtx, 0, y, w, bh)
	th.Label(c, th.SmallSizeSp, col, text.Start, msg)
	t.Pop()
	y += bh + gap

	smallW := gtx.Dp(72)
	srcW := gtx.Dp(130)
	for i := range p.rows {
		r := &p.rows[i]
		if y+rowH > gtx.Constraints.Max.Y {
			break
		}
		widgets.FillRect(gtx, image.Rect(0, y, w, y+rowH-gap/2), th.Palette.Bg.NRGBA())
		ty := y + (rowH-bh)/2 + gtx.Dp(4)
		c, t = place(gtx, gtx.Dp(6), ty, srcW, bh)
		th.Label(c, th.SmallSizeSp, th.Palette.Text.NRGBA(), text.Start, r.source)
		t.Pop()
		c, t = place(gtx, gtx.Dp(6)+srcW, ty, max(w-srcW-smallW-gtx.Dp(6)-gap, 0), bh)
		th.Label(c, th.SmallSizeSp, th.Palette.Text.NRGBA(), text.Start, r.target)
		t.Pop()
		c, t = place(gtx, w-smallW, y+(rowH-bh)/2, smallW, bh)
		c.Constraints.Min.X = smallW
		widgets.Button(th, &r.remove, "Remove").Layout(c)
		t.Pop()
		y += rowH
	}
}

// midiInput acts on the panel's clicks before it is drawn. The strips
// and master under the panel were drawn before a change, so a change asks
// for another frame to show their badges.
func (u *UI) midiInput(gtx layout.Context) {
	p := &u.midi
	m := u.learn.mapper
	changed := false
	if p.imp.Clicked(gtx) {
		changed = u.importMappings(strings.TrimSpace(p.path.Text()))
	}
	if p.exp.Clicked(gtx) {
		u.exportMappings(strings.TrimSpace(p.path.Text()))
	}
	for i := range p.rows {
		if p.rows[i].remove.Clicked(gtx) {
			if err := u.setMappings(midi.Without(m.Table().Mappings(), p.rows[i].t)); err != nil {
				p.message, p.isErr = err.Error(), true
			} else {
				p.message, p.isErr = "Removed the mapping of "+p.rows[i].target+".", false
				changed = true
			}
			break
		}
	}
	if changed {
		gtx.Execute(op.InvalidateCmd{})
	}
}

// importMappings replaces the mappings with the file at path's and
// reports whether it did; on any problem the mappings stay as they were
// and the panel says what is wrong.
func (u *UI) importMappings(path string) bool {
	p := &u.midi
	f, err := midi.ReadFile(path)
	if err == nil {
		err = u.setMappings(f.Mappings)
	}
	if err != nil {
		p.message, p.isErr = "Import failed, mappings unchanged: "+err.Error(), true
		return false
	}
	p.message, p.isErr = "Imported "+strconv.Itoa(len(f.Mappings))+" mappings from "+path+".", false
	if f.Controller != "" {
		p.message = "Imported " + strconv.Itoa(len(f.Mappings)) + " mappings for " + f.Controller + " from " + path + "."
	}
	return true
}

// exportMappings writes the mappings to path as a mapping file named
// after the file, creating its folder.
func (u *UI) exportMappings(path string) {
	p := &u.midi
	if path == "" {
		p.message, p.isErr = "Type the path of the file to write.", true
		return
	}
	ms := u.learn.mapper.Table().Mappings()
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	err := os.MkdirAll(filepath.Dir(path), 0o755)
	if err == nil {
		err = midi.WriteFile(path, midi.File{Controller: name, Mappings: ms})
	}
	if err != nil {
		p.message, p.isErr = "Export failed: "+err.Error(), true
		return
	}
	p.message, p.isErr = "Exported "+strconv.Itoa(len(ms))+" mappings to "+path+".", false
}
