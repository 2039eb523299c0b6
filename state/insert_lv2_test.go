//go:build cgo

package state_test

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/plugin/lv2"
	"github.com/linuxdj/linuxdj/state"
)

// TestInsertRoundTripWithRealPlugin saves LSP's parametric equaliser (a
// plugin with LV2 State of its own) from an insert slot into the state
// file, loads the file, rebuilds the plugin from what it holds and checks
// that every control came back and that both process a noise burst to
// the same samples.
func TestInsertRoundTripWithRealPlugin(t *testing.T) {
	testenv.Need(t, testenv.LV2)
	const uri = "http://lsp-plug.in/plugins/lv2/para_equalizer_x16_mono"
	w, err := lv2.NewWorld()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, ok := w.Plugin(uri); !ok {
		testenv.MissingPlugin(t, uri, "lsp-plugins-lv2")
	}
	a, err := lv2.NewInsert(w, uri, 48000, 256, false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for sym, v := range map[string]float32{"ft_0": 1, "f_0": 1000, "g_0": 4, "q_0": 2, "g_in": 0.5} {
		if err := a.Set(sym, v); err != nil {
			t.Fatal(err)
		}
	}
	a.Process(make([]float32, 256), nil) // the values reach the plugin

	saved := state.Insert{Channel: 1, Slot: 2, URI: uri, Controls: map[string]float32{}}
	for _, p := range a.Controls() {
		saved.Controls[p.Symbol], _ = a.Control(p.Symbol)
	}
	if a.HasState() {
		ttl, err := a.SaveState()
		if err != nil {
			t.Fatal(err)
		}
		saved.SetLV2State(ttl)
	} else {
		t.Logf("%s has no State extension: controls only", uri)
	}
	m := state.Defaults(mixer.DefaultConfig())
	m.SetInsert(saved)
	path := filepath.Join(t.TempDir(), state.FileName)
	if err := state.Save(path, &m); err != nil {
		t.Fatal(err)
	}
	got, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromFile || len(rep.Warnings) > 0 {
		t.Fatalf("report %+v", rep)
	}
	in := got.InsertAt(1, 2)
	if in == nil {
		t.Fatal("the insert did not come back")
	}
	b, err := lv2.NewInsert(w, in.URI, 48000, 256, false)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if in.State != "" {
		ttl, err := in.LV2State()
		if err != nil {
			t.Fatal(err)
		}
		if err := b.RestoreState(ttl); err != nil {
			t.Fatal(err)
		}
	}
	for sym, v := range in.Controls {
		if err := b.Set(sym, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range a.Controls() {
		va, _ := a.Control(p.Symbol)
		vb, _ := b.Control(p.Symbol)
		if va != vb {
			t.Errorf("control %s: %v saved, %v restored", p.Symbol, va, vb)
		}
	}
	// Both fresh from the same settings: the same output.
	a2, _ := lv2.NewInsert(w, uri, 48000, 256, false)
	defer a2.Close()
	for sym, v := range saved.Controls {
		a2.Set(sym, v)
	}
	x := uint32(1)
	bufA, bufB := make([]float32, 4096), make([]float32, 4096)
	for i := range bufA {
		x = x*1664525 + 1013904223
		bufA[i] = float32(int32(x)) / math.MaxInt32 * 0.3
	}
	copy(bufB, bufA)
	a2.Process(bufA, nil)
	b.Process(bufB, nil)
	for i := range bufA {
		if bufA[i] != bufB[i] {
			t.Fatalf("sample %d: %v from the original settings, %v from the file", i, bufA[i], bufB[i])
		}
	}
}
