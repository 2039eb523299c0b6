//go:build cgo

package app

import (
	"testing"
	"time"
)

// windowUp waits for the app's window to connect to x, then for it to draw
// a while (the observer, which hands window changes to the store, runs
// after every frame).
func windowUp(t *testing.T, x *xserver) func(a *runningApp) {
	return func(a *runningApp) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for x.connections(a.cmd.Process.Pid) == 0 {
			if time.Now().After(deadline) {
				t.Fatalf("no window on the X server after 20 s; output:\n%s", a.out)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// TestWindowStartupSavesNothing is TestHeadlessStartupSavesNothing with the
// real window open under Xvfb, drawing the demo signal's meters.
func TestWindowStartupSavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an X server and the app")
	}
	bin := buildLinuxDJ(t)
	x := startXvfb(t, 1280, 800)
	env := []string{"DISPLAY=" + x.display, "WAYLAND_DISPLAY="}
	t.Run("alone", func(t *testing.T) {
		startupSavesNothing(t, bin, env, windowUp(t, x))
	})
	t.Run("NSM", func(t *testing.T) {
		startupNotDirtyUnderNSM(t, bin, env, windowUp(t, x))
	})
}
