//go:build cgo

package app

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"gioui.org/io/key"

	"github.com/linuxdj/linuxdj/assets"
	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/widgets"
)

// TestTypingANameRenamesJACKPorts types into deck 1's name in a window on
// a real jackd session: the input ports' pretty names, which patchbays
// show, follow the name, and the state saves it.
func TestTypingANameRenamesJACKPorts(t *testing.T) {
	s := jackSession(t)
	th, err := widgets.ParseTheme(assets.ThemeJSON)
	if err != nil {
		t.Fatal(err)
	}
	ui := newSessionUI(th, s)
	f := &fixture{ui: ui, cmds: s.cmds, now: testEpoch, scale: 1}
	obs := newGUIObserver(s.store, ui.model, slices.Clone(ui.Names()))
	var namerErr bytes.Buffer
	namer := newPortNamer(s.store.jack, s.cfg, &namerErr)
	obs.renamed = namer.rename

	probe, err := jacktest.OpenClient("probe", nil, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()

	f.frame(winSize)
	f.router.MoveFocus(key.FocusForward) // deck 1's name
	f.frame(winSize)
	f.router.Queue(key.EditEvent{Range: key.Range{Start: 6, End: 6}, Text: " Vinyl"})
	f.frame(winSize)
	obs.observe(ui.model, ui.Names())
	namer.close()
	if got := ui.Names()[0]; got != "Deck 1 Vinyl" {
		t.Fatalf("name %q after typing", got)
	}
	for port, want := range map[string]string{"linuxdj:ch1_in_L": "Deck 1 Vinyl L", "linuxdj:ch1_in_R": "Deck 1 Vinyl R"} {
		var got string
		if !jacktest.Eventually(2*time.Second, func() bool {
			got, err = probe.Property(port, "http://jackaudio.org/metadata/pretty-name")
			return err == nil && got == want
		}) {
			t.Errorf("%s pretty-name %q (%v), want %q", port, got, err, want)
		}
	}
	if got := s.store.snapshot().Channels[0].Name; got != "Deck 1 Vinyl" {
		t.Errorf("saved name %q", got)
	}
	if namerErr.Len() != 0 {
		t.Errorf("naming reported: %s", namerErr.String())
	}
}
