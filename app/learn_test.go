package app

import (
	"math"
	"testing"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// rightClick presses and releases the secondary button at p and draws a
// frame.
func (f *fixture) rightClick(p f32.Point) {
	eventClock += 10e6
	f.router.Queue(pointer.Event{Kind: pointer.Press, Source: pointer.Mouse, Position: p, Buttons: pointer.ButtonSecondary, Time: eventClock})
	eventClock += 10e6
	f.router.Queue(pointer.Event{Kind: pointer.Release, Source: pointer.Mouse, Position: p, Time: eventClock})
	f.frame(winSize)
}

// menuItemAt repeats the menu's arithmetic at scale 1 to find the middle
// of item, which must be drawn.
func (f *fixture) menuItemAt(t *testing.T, item int) f32.Point {
	t.Helper()
	l := &f.ui.learn
	if l.open < 0 || !l.drawn(item) {
		t.Fatalf("menu item %q is not shown", menuLabels[item])
	}
	sp := int(math.Round(float64(f.ui.Theme.SmallSizeSp)))
	const pad, itemH = 8, menuItemHDp
	lineH := sp + 8
	lines, rows, before := 1, 0, 0
	if l.learning || l.problem != "" {
		lines++
	}
	for i := range itemCount {
		if l.drawn(i) {
			if i < item {
				before++
			}
			rows++
		}
	}
	h := 2*pad + lines*lineH + rows*itemH
	x := min(max(l.at.X, 0), winSize.X-menuWDp)
	y := min(max(l.at.Y, 0), winSize.Y-h)
	return f32pt(x+menuWDp/2, y+pad+lines*lineH+before*itemH+itemH/2)
}

// feedMIDI plays the audio thread: the mapper parses bytes from the JACK
// MIDI port.
func feedMIDI(m *midi.Mapper, b ...byte) []mixer.Command {
	out := make([]mixer.Command, 8)
	return out[:m.Feed(b, out)]
}

func TestMIDILearnMapsAFaderAndRemoveUnmapsIt(t *testing.T) {
	f := newFixture(t, 3, 1)
	m := midi.NewMapper(nil)
	var saved [][]midi.Mapping
	f.ui.SetMIDI(m, func(ms []midi.Mapping) { saved = append(saved, ms) })
	f.frame(winSize)
	fader := &f.ui.strips[1].fader
	target := midi.Target{Param: mixer.ParamFader, Channel: 1}
	capAt, _ := f.faderGeometry(1)
	before := fader.Pos

	f.rightClick(capAt)
	l := &f.ui.learn
	if l.open < 0 || l.controls[l.open].target != target {
		t.Fatalf("right-click on channel 2's fader: menu open for %d, want its fader", l.open)
	}
	if fader.Pos != before {
		t.Fatalf("the right-click moved the fader to %v", fader.Pos)
	}
	if l.drawn(itemRemove) {
		t.Fatal("an unmapped control offers Remove mapping")
	}
	if _, ok := f.ui.NextFrame(); ok {
		t.Fatal("an open menu that is not learning asks for frames")
	}

	f.tap(f.menuItemAt(t, itemLearn))
	if !l.learning || fader.Badge != widgets.BadgeLearning {
		t.Fatalf("after MIDI learn: learning %v, badge %v", l.learning, fader.Badge)
	}
	if _, ok := f.ui.NextFrame(); !ok {
		t.Fatal("learning does not ask for frames to poll the learner")
	}
	// A note off is not learnable: still learning.
	feedMIDI(m, 0x80, 60, 0)
	f.frame(winSize)
	if !l.learning {
		t.Fatal("a note off ended learning")
	}
	// CC 7 on MIDI channel 3.
	feedMIDI(m, 0xB2, 7, 100)
	f.frame(winSize)
	want := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 3, Number: 7, Kind: midi.KindAbsolute, Target: target, SoftTakeover: true}
	if got := m.Table().For(target); len(got) != 1 || got[0] != want {
		t.Fatalf("mappings of the fader %+v, want %+v", got, want)
	}
	if len(saved) != 1 || len(saved[0]) != 1 || saved[0][0] != want {
		t.Fatalf("saved %+v, want one save of %+v", saved, want)
	}
	if l.learning || l.open >= 0 {
		t.Fatalf("after learning: learning %v, menu %d; want both done", l.learning, l.open)
	}
	if fader.Badge != widgets.BadgeMapped || f.ui.strips[0].fader.Badge != widgets.BadgeNone {
		t.Fatalf("badges: learned fader %v, other fader %v", fader.Badge, f.ui.strips[0].fader.Badge)
	}
	if _, ok := f.ui.NextFrame(); ok {
		t.Fatal("asks for frames after learning ended")
	}
	// The mapping drives the fader's target now.
	if cmds := feedMIDI(m, 0xB2, 7, 0); len(cmds) != 0 {
		// Soft takeover: the knob at 0 is far from the fader at unity.
		t.Fatalf("a far-off knob moved the fader: %+v", cmds)
	}

	f.rightClick(capAt)
	if !l.drawn(itemRemove) || l.title != "ch/2/fader  ·  CC 7 ch 3" {
		t.Fatalf("mapped control's menu: title %q, remove shown %v", l.title, l.drawn(itemRemove))
	}
	f.tap(f.menuItemAt(t, itemRemove))
	if got := m.Table().For(target); len(got) != 0 {
		t.Fatalf("after Remove mapping: %+v", got)
	}
	if len(saved) != 2 || len(saved[1]) != 0 {
		t.Fatalf("saves %+v, want a second, empty one", saved)
	}
	if fader.Badge != widgets.BadgeNone || l.open >= 0 {
		t.Fatalf("after remove: badge %v, menu %d", fader.Badge, l.open)
	}
}

func TestMenuKeyboardAndCancel(t *testing.T) {
	f := newFixture(t, 2, 1)
	m := midi.NewMapper(nil)
	f.ui.SetMIDI(m, nil)
	f.frame(winSize)
	l := &f.ui.learn

	// Tab past the channel name to the trim, Shift+F10 opens its menu,
	// Return learns, Escape cancels.
	f.router.MoveFocus(key.FocusForward)
	f.frame(winSize)
	f.router.MoveFocus(key.FocusForward)
	f.frame(winSize)
	f.router.Queue(key.Event{Name: key.NameF10, Modifiers: key.ModShift, State: key.Press})
	f.frame(winSize)
	if l.open < 0 || l.controls[l.open].target != (midi.Target{Param: mixer.ParamTrimDB}) {
		t.Fatalf("Shift+F10 on the focused trim: menu %d", l.open)
	}
	f.frame(winSize)
	f.router.Queue(key.Event{Name: key.NameReturn, State: key.Press})
	f.frame(winSize)
	if !l.learning {
		t.Fatal("Return on the menu did not start learning")
	}
	f.router.Queue(key.Event{Name: key.NameEscape, State: key.Press})
	f.frame(winSize)
	if l.learning || l.open >= 0 {
		t.Fatalf("Escape: learning %v, menu %d; want both ended", l.learning, l.open)
	}
	if f.ui.strips[0].trim.Badge != widgets.BadgeNone {
		t.Fatalf("cancelled learn left badge %v", f.ui.strips[0].trim.Badge)
	}
	// An event after cancelling maps nothing.
	feedMIDI(m, 0xB0, 1, 64)
	f.frame(winSize)
	if n := len(m.Table().Mappings()); n != 0 {
		t.Fatalf("%d mappings after a cancelled learn", n)
	}

	// A click outside the menu closes it without touching what is there.
	capAt, _ := f.faderGeometry(1)
	f.rightClick(capAt)
	f.frame(winSize)
	before := f.ui.strips[1].fader.Pos
	f.tap(f32pt(winSize.X-20, 20))
	if l.open >= 0 {
		t.Fatal("a click outside did not close the menu")
	}
	if f.ui.strips[1].fader.Pos != before {
		t.Fatal("the click that closed the menu moved a control")
	}
}

func TestMenuWithoutMIDIOffersNoLearn(t *testing.T) {
	f := newFixture(t, 2, 1)
	f.frame(winSize)
	l := &f.ui.learn
	f.rightClick(f32pt(stripWDp/2, padDp+nameHDp+gapDp+17))
	if l.open < 0 {
		t.Fatal("no menu without MIDI")
	}
	at := f.menuItemAt(t, itemLearn)
	f.tap(at)
	if l.learning || l.open < 0 {
		t.Fatalf("the greyed learn item acted: learning %v, menu %d", l.learning, l.open)
	}
	f.tap(f.menuItemAt(t, itemCancel))
	if l.open >= 0 {
		t.Fatal("Cancel did not close the menu")
	}
}
