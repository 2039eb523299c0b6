//go:build cgo

package app

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
)

// TestJACKTransportInStatusLine moves a real jackd's transport with
// jack_transport: the status line shows it rolling at the located time,
// then, with jack_transport as timebase master (4/4 at 120 BPM), at bar
// and beat.
func TestJACKTransportInStatusLine(t *testing.T) {
	srv := startJackd(t)
	s := startJACKSession(t, filepath.Join(t.TempDir(), "state.toml"))
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Error(err)
		}
	})
	f := newFixture(t, 2, 1)
	status := func() string {
		f.ui.SetInfo(s.backend.Info())
		f.ui.refreshStatus()
		return f.ui.statusText
	}
	shows := func(want string) bool { return strings.Contains(status(), want) }

	if out, err := srv.Run("sh", "-c", "printf 'locate 480000\\nplay\\n' | jack_transport"); err != nil {
		t.Fatalf("jack_transport: %v: %s", err, out)
	}
	// 480000 frames at 48 kHz are 10 s; rolling, it shows 0:10.x at once.
	if !jacktest.Eventually(3*time.Second, func() bool { return shows("transport rolling 0:1") }) {
		t.Fatalf("status %q; want the transport rolling from 0:10", status())
	}

	master := srv.TransportMaster(t)
	// 96000 frames, 2 s at 120 BPM, are 4 beats: bar 2, beat 1.
	if _, err := io.WriteString(master, "stop\nlocate 96000\n"); err != nil {
		t.Fatal(err)
	}
	if !jacktest.Eventually(3*time.Second, func() bool { return shows("transport stopped 2|1|0000 120.0 BPM") }) {
		t.Fatalf("status %q; want the timebase master's bar 2 at 120 BPM", status())
	}
}

// TestJACKTimebaseMasterInStatusLine switches the timebase on in a
// session on a real jackd: the status line says Linux DJ is timebase
// master and shows its position at the clock's tempo (120 BPM while the
// counters have none); switched off, it says nothing of it.
func TestJACKTimebaseMasterInStatusLine(t *testing.T) {
	srv := startJackd(t)
	s := startJACKSession(t, filepath.Join(t.TempDir(), "state.toml"))
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Error(err)
		}
	})
	f := newFixture(t, 2, 1)
	status := func() string {
		f.ui.SetInfo(s.backend.Info())
		f.ui.refreshStatus()
		return f.ui.statusText
	}
	ring := s.eng.NewCommandRing(8)
	ring.TryPush(mixer.Command{Param: mixer.ParamClockTimebase, Value: 1})
	if !jacktest.Eventually(3*time.Second, func() bool { return strings.Contains(status(), "timebase master") }) {
		t.Fatalf("status %q; want timebase master", status())
	}
	if out, err := srv.Run("sh", "-c", "printf 'play\\n' | jack_transport"); err != nil {
		t.Fatalf("jack_transport: %v: %s", err, out)
	}
	if !jacktest.Eventually(3*time.Second, func() bool {
		return strings.Contains(status(), "transport rolling 1|") && strings.Contains(status(), " 120.0 BPM  ·  timebase master")
	}) {
		t.Fatalf("status %q; want our bar 1 at 120 BPM, rolling", status())
	}
	ring.TryPush(mixer.Command{Param: mixer.ParamClockTimebase, Value: 0})
	if !jacktest.Eventually(3*time.Second, func() bool { return !strings.Contains(status(), "timebase") }) {
		t.Fatalf("status %q after the timebase was switched off", status())
	}
}
