//go:build cgo

package app

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// TestJACKExitSavesChangedConnections stops sessions on a real jackd,
// loaded from a good file that is no first run: with nothing changed the
// file is left alone; a connection made in JACK, with no control changed,
// is saved at exit.
func TestJACKExitSavesChangedConnections(t *testing.T) {
	startJackd(t)
	path := filepath.Join(t.TempDir(), state.FileName)
	writeStartupState(t, path)
	before := stampOf(t, path)
	s := startJACKSession(t, path)
	time.Sleep(200 * time.Millisecond)
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	requireUntouched(t, path, before, "stopped on JACK with no change")

	s = startJACKSession(t, path)
	stopped := false
	defer func() {
		if !stopped {
			s.stop()
		}
	}()
	cl, err := jacktest.OpenClient("patchbay", nil, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	const master, speaker = "linuxdj:master_out_L", "system:playback_1"
	if err := cl.Connect(master, speaker); err != nil {
		t.Fatal(err)
	}
	if !jacktest.Eventually(5*time.Second, func() bool { return slices.Contains(s.store.jack.Connections()[master], speaker) }) {
		t.Fatalf("the backend did not see %s -> %s: %v", master, speaker, s.store.jack.Connections())
	}
	stopped = true
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	m, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromFile || !slices.Contains(m.Connections[master], speaker) {
		t.Errorf("saved connections %v (%+v), want %s -> %s", m.Connections, rep, master, speaker)
	}
}
