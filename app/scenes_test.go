package app

import (
	"io"
	"math"
	"strings"
	"testing"

	"gioui.org/f32"
	"gioui.org/io/key"
	"gioui.org/io/pointer"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// panelButtonAt is the middle of p's button in the crossfader row, by the
// arithmetic of layoutPanelButtons at scale 1.
func (f *fixture) panelButtonAt(t *testing.T, p *sidePanel) f32.Point {
	t.Helper()
	n := len(f.ui.panels)
	for i, q := range f.ui.panels {
		if q == p {
			x := winSize.X - n*(panelButtonWDp+gapDp) + i*(panelButtonWDp+gapDp) + panelButtonWDp/2
			return f32pt(x, winSize.Y-statusHDp-xfaderRowHDp/2)
		}
	}
	t.Fatalf("no panel %q", p.title)
	return f32.Point{}
}

// panelContent is the top left corner and width of an open panel's
// content, by the arithmetic of layoutOverlay at scale 1.
func panelContent() (x0, y0, w int) {
	return 12, 12 + nameHDp + gapDp, winSize.X - masterWDp - 24
}

// Where the scenes panel's parts are, at scale 1 (see layoutScenes).
const (
	sceneBtnH = 21 // theme's small text size (10.5 sp, rounded) + 10
	sceneRowH = sceneBtnH + 6
)

func scenesNameField() f32.Point {
	x0, y0, _ := panelContent()
	return f32pt(x0+110+40, y0+sceneRowH/2)
}

func scenesSaveButton() f32.Point {
	x0, y0, w := panelContent()
	return f32pt(x0+w-55, y0+sceneRowH/2)
}

// scenesSlot is the A (0) or B (1) segment of the compare selector.
func scenesSlot(i int) f32.Point {
	x0, y0, _ := panelContent()
	return f32pt(x0+110+22+i*46, y0+sceneRowH+gapDp+sceneBtnH/2)
}

// scenesRow is row i's Recall (0) or Delete (1) button.
func scenesRow(i, button int) f32.Point {
	x0, y0, w := panelContent()
	y := y0 + sceneRowH + gapDp + sceneBtnH + 2*gapDp + i*sceneRowH + sceneRowH/2
	return f32pt(x0+w-2*72-gapDp+36+button*(72+gapDp), y)
}

// tap clicks at p and draws a second frame: a click that moves the
// keyboard focus makes the router hold the release for the next frame,
// as a window would draw it.
func (f *fixture) tap(p f32.Point) {
	f.ptr(pointer.Press, p, 0)
	f.ptr(pointer.Release, p, 0)
	f.frame(winSize)
	f.frame(winSize)
}

func newScenesFixture(t *testing.T, channels int) (*fixture, *store) {
	f := newFixture(t, channels, 1)
	st := newStore("", state.Defaults(configWith(channels)), io.Discard)
	t.Cleanup(func() { st.auto.Close() })
	f.ui.SetScenes(st)
	f.frame(winSize)
	return f, st
}

// faderCommand is the last fader command of channel ch in cmds.
func faderCommand(t *testing.T, cmds []mixer.Command, ch int16) float32 {
	t.Helper()
	v, ok := float32(0), false
	for _, c := range cmds {
		if c.Param == mixer.ParamFader && c.Channel == ch {
			v, ok = c.Value, true
		}
	}
	if !ok {
		t.Fatalf("no fader command for channel %d in %d commands", ch, len(cmds))
	}
	return v
}

func TestScenesSaveRecallAndDelete(t *testing.T) {
	f, st := newScenesFixture(t, 3)
	panelButton := f.panelButtonAt(t, f.ui.scenes.side)
	f.tap(panelButton)
	if f.ui.openPanel() != f.ui.scenes.side {
		t.Fatal("the SCENES button did not open the panel")
	}

	// Saving with no name says so and saves nothing.
	f.tap(scenesSaveButton())
	if len(st.model.Scenes) != 0 || !f.ui.scenes.isErr {
		t.Fatalf("save with no name: %d scenes, message %q", len(st.model.Scenes), f.ui.scenes.message)
	}

	f.tap(scenesNameField())
	f.router.Queue(key.EditEvent{Text: "Intro"})
	f.frame(winSize)
	f.tap(scenesSaveButton())
	saved := f.ui.strips[1].fader.Pos
	if names := st.model.SceneNames(); len(names) != 1 || names[0] != "Intro" {
		t.Fatalf("scenes %q, want [Intro]", names)
	}
	if got := float64(st.model.Scenes[0].Controls.Get(mixer.ParamFader, 1)); got != float64(float32(saved)) {
		t.Fatalf("scene's fader %v, want the live %v", got, saved)
	}
	if len(f.ui.scenes.rows) != 1 || f.ui.scenes.rows[0].name != "Intro" {
		t.Fatalf("the panel lists %+v", f.ui.scenes.rows)
	}

	// Close the panel, pull channel 2's fader down, reopen and recall.
	f.tap(panelButton)
	capAt, _ := f.faderGeometry(1)
	f.drag(capAt, 80, 0)
	moved := f.ui.strips[1].fader.Pos
	if moved >= saved {
		t.Fatalf("the drag did not lower the fader (%v)", moved)
	}
	f.drain()
	f.tap(panelButton)
	f.tap(scenesRow(0, 0))
	cmds := f.drain()
	if got := f.ui.strips[1].fader.Pos; math.Abs(got-saved) > 1e-6 {
		t.Fatalf("recalled fader widget at %v, want %v", got, saved)
	}
	if got := float64(f.ui.get(mixer.ParamFader, 1)); got != float64(float32(saved)) {
		t.Fatalf("recalled model fader %v, want %v", got, saved)
	}
	if got := faderCommand(t, cmds, 1); got != float32(saved) {
		t.Fatalf("engine told fader %v, want %v", got, saved)
	}
	if want := len(f.ui.model.Commands(nil)); len(cmds) != want {
		t.Fatalf("recall sent %d commands, want every control's (%d)", len(cmds), want)
	}
	if got := float64(st.model.Controls.Get(mixer.ParamFader, 1)); got != float64(float32(saved)) {
		t.Fatalf("saved state's fader %v after recall, want %v", got, saved)
	}

	f.tap(scenesRow(0, 1))
	if len(st.model.Scenes) != 0 || len(f.ui.scenes.rows) != 0 {
		t.Fatalf("after Delete: %d scenes saved, %d listed", len(st.model.Scenes), len(f.ui.scenes.rows))
	}
}

func TestScenesCompareSwapsAB(t *testing.T) {
	f, st := newScenesFixture(t, 2)
	panelButton := f.panelButtonAt(t, f.ui.scenes.side)
	a := f.ui.strips[0].fader.Pos

	// B starts as a copy of A.
	f.tap(panelButton)
	f.tap(scenesSlot(1))
	if st.model.Compare.Active != "B" || f.ui.scenes.ab.Index != 1 {
		t.Fatalf("after B: active %q, selector %d", st.model.Compare.Active, f.ui.scenes.ab.Index)
	}
	if f.ui.strips[0].fader.Pos != a {
		t.Fatal("an empty B slot changed the mix")
	}
	// Make B different.
	f.tap(panelButton)
	capAt, _ := f.faderGeometry(0)
	f.drag(capAt, 100, 0)
	b := f.ui.strips[0].fader.Pos
	f.drain()

	f.tap(panelButton)
	f.tap(scenesSlot(0))
	if got := f.ui.strips[0].fader.Pos; got != a || st.model.Compare.Active != "A" {
		t.Fatalf("back to A: fader %v (want %v), active %q", got, a, st.model.Compare.Active)
	}
	if got := faderCommand(t, f.drain(), 0); got != float32(a) {
		t.Fatalf("A sent fader %v, want %v", got, a)
	}
	f.tap(scenesSlot(1))
	if got := f.ui.strips[0].fader.Pos; got != b {
		t.Fatalf("back to B: fader %v, want %v", got, b)
	}
	if got := faderCommand(t, f.drain(), 0); got != float32(b) {
		t.Fatalf("B sent fader %v, want %v", got, b)
	}
}

// TestOpenPanelsAndMenuDoNotAllocate counts Layout's allocations, once
// warmed up, with the scenes panel listing scenes, the MIDI panel listing
// mappings, and the context menu learning: there must be none.
func TestOpenPanelsAndMenuDoNotAllocate(t *testing.T) {
	f, st := newScenesFixture(t, 5)
	st.update(func(m *state.Mixer) {
		m.SaveScene("Intro")
		m.SaveScene("Drop")
	})
	f.ui.SetScenes(st)
	fader := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: midi.Target{Param: mixer.ParamFader}}
	table, err := midi.NewTable([]midi.Mapping{fader})
	if err != nil {
		t.Fatal(err)
	}
	f.ui.SetMIDI(midi.NewMapper(table), nil)
	f.frame(winSize)
	for _, side := range []*sidePanel{f.ui.scenes.side, f.ui.midi.side} {
		f.tap(f.panelButtonAt(t, side))
		if f.ui.openPanel() != side {
			t.Fatalf("%s did not open", side.title)
		}
		if n := f.warmLayoutAllocs(winSize, 40, f.moveMeters); n != 0 {
			t.Errorf("%s open: %d allocations in 30 warmed-up Layouts, want 0", side.title, n)
		}
	}
	f.tap(f.panelButtonAt(t, f.ui.midi.side))
	capAt, _ := f.faderGeometry(0)
	f.rightClick(capAt)
	f.tap(f.menuItemAt(t, itemLearn))
	if !f.ui.learn.learning {
		t.Fatal("not learning")
	}
	if n := f.warmLayoutAllocs(winSize, 40, f.moveMeters); n != 0 {
		t.Errorf("menu learning: %d allocations in 30 warmed-up Layouts, want 0", n)
	}
}

// TestRecallKeepsMonoMeters: a scene recall or an A/B swap brings back
// controls, not structure: the mono mic's strip keeps one meter bar. (The
// recall used to rebuild every strip as stereo.)
func TestRecallKeepsMonoMeters(t *testing.T) {
	f, st := newScenesFixture(t, 5)
	if !st.model.Channels[4].Mic || st.model.Channels[4].Stereo || f.ui.strips[4].meter.Channels != 1 {
		t.Fatalf("channel 5 %+v shows %d bars; want the mono mic with one", st.model.Channels[4], f.ui.strips[4].meter.Channels)
	}
	bars := func(what string) {
		t.Helper()
		for i, want := range []int{2, 2, 2, 2, 1} {
			if got := f.ui.strips[i].meter.Channels; got != want {
				t.Errorf("after %s: strip %d has %d meter bars, want %d", what, i+1, got, want)
			}
		}
	}
	panelButton := f.panelButtonAt(t, f.ui.scenes.side)
	f.tap(panelButton)
	f.tap(scenesSlot(1))
	bars("switching to B")
	f.tap(scenesSlot(0))
	bars("switching back to A")
	st.update(func(m *state.Mixer) { m.SaveScene("one") })
	f.ui.SetScenes(st)
	f.frame(winSize)
	f.tap(scenesRow(0, 0))
	if !strings.Contains(f.ui.scenes.message, "Recalled") {
		t.Fatalf("recall: %q", f.ui.scenes.message)
	}
	bars("a scene recall")
}
