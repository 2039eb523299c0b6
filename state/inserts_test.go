package state_test

import (
	"reflect"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// TestInsertsChecked: entries naming no slot, a taken slot or no plugin
// are dropped with a warning; a State that is not base64 loses only the
// State.
func TestInsertsChecked(t *testing.T) {
	m := state.Defaults(mixer.DefaultConfig())
	good := state.Insert{Channel: 0, Slot: 4, URI: "urn:a", Controls: map[string]float32{"g": 1}}
	m.Inserts = []state.Insert{
		good,
		{Channel: 9, Slot: 1, URI: "urn:b"},
		{Channel: 1, Slot: 5, URI: "urn:c"},
		{Channel: 1, Slot: 1},
		{Channel: 0, Slot: 4, URI: "urn:d"},
		{Channel: 2, Slot: 1, URI: "urn:e", State: "not base64!"},
	}
	data, err := state.Encode(&m)
	if err != nil {
		t.Fatal(err)
	}
	got, warnings, err := state.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 5 {
		t.Errorf("warnings %q, want 5", warnings)
	}
	want := []state.Insert{good, {Channel: 2, Slot: 1, URI: "urn:e"}}
	if !reflect.DeepEqual(got.Inserts, want) {
		t.Errorf("inserts %+v, want %+v", got.Inserts, want)
	}
}

// TestScenesRecallInserts: a scene saved now brings its plugins back,
// none included; a scene from before there were slots leaves them.
func TestScenesRecallInserts(t *testing.T) {
	m := state.Defaults(mixer.DefaultConfig())
	m.SaveScene("empty")
	amp := state.Insert{Channel: 1, Slot: 1, URI: "urn:amp", Controls: map[string]float32{"gain": -3}}
	m.SetInsert(amp)
	m.SaveScene("amp")
	m.Scenes = append(m.Scenes, state.Scene{Name: "old", Controls: m.Controls.Clone()})
	m.InsertAt(1, 1).Controls["gain"] = 6 // the scene keeps its own copy

	if err := m.RecallScene("empty"); err != nil {
		t.Fatal(err)
	}
	if len(m.Inserts) != 0 {
		t.Errorf("scene without plugins: inserts %+v", m.Inserts)
	}
	m.RecallScene("amp")
	if got := m.InsertAt(1, 1); got == nil || got.Controls["gain"] != -3 {
		t.Errorf("scene with the amp: %+v", m.Inserts)
	}
	m.RecallScene("old")
	if got := m.InsertAt(1, 1); got == nil || got.URI != "urn:amp" {
		t.Errorf("a scene from before the slots changed them: %+v", m.Inserts)
	}
	if !m.RemoveInsert(1, 1) || m.RemoveInsert(1, 1) {
		t.Error("RemoveInsert")
	}
}
