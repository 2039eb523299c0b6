package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gioui.org/f32"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// Where the MIDI panel's buttons are, at scale 1 (see layoutMIDI).
func midiImportButton() f32.Point {
	x0, y0, w := panelContent()
	return f32pt(x0+w-2*84-gapDp+42, y0+sceneRowH/2)
}

func midiExportButton() f32.Point {
	x0, y0, w := panelContent()
	return f32pt(x0+w-42, y0+sceneRowH/2)
}

func midiRemoveButton(i int) f32.Point {
	x0, y0, w := panelContent()
	return f32pt(x0+w-36, y0+sceneRowH+gapDp+sceneBtnH+gapDp+i*sceneRowH+sceneRowH/2)
}

func TestMIDIPanelImportExportAndRemove(t *testing.T) {
	f := newFixture(t, 2, 1)
	fader0 := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute, Target: midi.Target{Param: mixer.ParamFader}}
	table, err := midi.NewTable([]midi.Mapping{fader0})
	if err != nil {
		t.Fatal(err)
	}
	m := midi.NewMapper(table)
	var saved [][]midi.Mapping
	f.ui.SetMIDI(m, func(ms []midi.Mapping) { saved = append(saved, ms) })
	f.frame(winSize)
	if f.ui.strips[0].fader.Badge != widgets.BadgeMapped {
		t.Fatal("a mapping of the state shows no badge")
	}
	f.tap(f.panelButtonAt(t, f.ui.midi.side))
	p := &f.ui.midi
	if len(p.rows) != 1 || p.rows[0].source != "CC 7 ch 1" || !strings.HasPrefix(p.rows[0].target, "ch/1/fader") {
		t.Fatalf("rows %+v, want the fader's CC 7", p.rows)
	}

	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.toml")
	if err := os.WriteFile(junk, []byte("controller = \"x\"\n[[midi]]\nsource = \"cc\"\nmidi_channel = 99\n\x00\x01garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.path.SetText(junk)
	f.tap(midiImportButton())
	if !p.isErr || !strings.Contains(p.message, "Import failed") || !strings.Contains(p.message, junk) {
		t.Fatalf("junk import said %q (error %v)", p.message, p.isErr)
	}
	if m.Table() != table || len(saved) != 0 {
		t.Fatalf("junk import changed the mappings (%d saves)", len(saved))
	}

	good := filepath.Join(dir, "two.toml")
	mute1 := midi.Mapping{Source: midi.SourceNote, MIDIChannel: 2, Number: 36, Kind: midi.KindToggle, Target: midi.Target{Param: mixer.ParamMute, Channel: 1}}
	xf := midi.Mapping{Source: midi.SourcePitchBend, MIDIChannel: 1, Kind: midi.KindAbsolute, Target: midi.Target{Param: mixer.ParamCrossfader}}
	if err := midi.WriteFile(good, midi.File{Controller: "Two", Mappings: []midi.Mapping{mute1, xf}}); err != nil {
		t.Fatal(err)
	}
	p.path.SetText(good)
	f.tap(midiImportButton())
	if p.isErr || !slices.Equal(m.Table().Mappings(), []midi.Mapping{mute1, xf}) {
		t.Fatalf("import: %q, mappings %+v", p.message, m.Table().Mappings())
	}
	if len(saved) != 1 || !slices.Equal(saved[0], []midi.Mapping{mute1, xf}) {
		t.Fatalf("import saved %+v", saved)
	}
	if f.ui.strips[1].mute.Badge != widgets.BadgeMapped || f.ui.xfader.Badge != widgets.BadgeMapped || f.ui.strips[0].fader.Badge != widgets.BadgeNone {
		t.Fatal("badges do not follow the imported mappings")
	}
	if len(p.rows) != 2 || p.rows[1].source != "Pitch bend ch 1" {
		t.Fatalf("rows after import %+v", p.rows)
	}

	out := filepath.Join(dir, "sub", "mine.toml")
	p.path.SetText(out)
	f.tap(midiExportButton())
	back, err := midi.ReadFile(out)
	if err != nil || p.isErr {
		t.Fatalf("export: %q; reading it back: %v", p.message, err)
	}
	if back.Controller != "mine" || !slices.Equal(back.Mappings, []midi.Mapping{mute1, xf}) {
		t.Fatalf("exported %+v", back)
	}

	f.tap(midiRemoveButton(0))
	if !slices.Equal(m.Table().Mappings(), []midi.Mapping{xf}) || len(saved) != 2 {
		t.Fatalf("after Remove: %+v, %d saves", m.Table().Mappings(), len(saved))
	}
	if f.ui.strips[1].mute.Badge != widgets.BadgeNone {
		t.Fatal("the removed mapping's badge stays")
	}
}
