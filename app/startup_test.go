package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// These tests hold the app to its word at start-up: loading a state and
// running, window or headless, with or without a session manager, changes
// nothing, so nothing is saved and the session is not marked dirty until
// the user (or a controller) changes something. A knob law's round trip
// once turned a saved 500 ms into 500.00000000000006 and did both.

// quietFor is how long a started app is watched: several autosave delays,
// so a change made at start-up would have been saved (or marked dirty).
const quietFor = 3 * autosaveDelay

// writeStartupState saves at path a state that is no first run, with
// controls away from their defaults, and some where a law's round trip
// (position to value and back) is the least exact: the talkover times on
// their logarithmic knobs, the monitor level, the limiter ceiling.
func writeStartupState(t *testing.T, path string) {
	t.Helper()
	m := state.Defaults(mixer.DefaultConfig())
	m.FirstRun = false
	for _, c := range []mixer.Command{
		{Param: mixer.ParamTalkoverReleaseMs, Value: 700},
		{Param: mixer.ParamTalkoverAttackMs, Value: 30},
		{Param: mixer.ParamTalkoverDepthDB, Value: -15.3},
		{Param: mixer.ParamTalkoverMode, Value: mixer.TalkoverAuto},
		{Param: mixer.ParamMonitorLevelDB, Value: -7.3},
		{Param: mixer.ParamLimiterCeilingDB, Value: -1.5},
		{Param: mixer.ParamTrimDB, Channel: 1, Value: -3.7},
		{Param: mixer.ParamEQMid, Channel: 2, Value: 0.41},
		{Param: mixer.ParamFader, Channel: 3, Value: 0.6},
	} {
		if !m.Controls.Set(c) {
			t.Fatalf("%+v: not a change from the defaults", c)
		}
	}
	if err := state.Save(path, &m); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".bak"); err == nil {
		t.Fatal("the first save made a backup")
	}
}

// fileStamp is what a save changes: the state file's bytes and time, and
// whether its backup exists (each save makes one).
type fileStamp struct {
	data    []byte
	modTime time.Time
	backup  bool
}

func stampOf(t *testing.T, path string) fileStamp {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = os.Stat(path + ".bak")
	return fileStamp{data: data, modTime: fi.ModTime(), backup: err == nil}
}

// requireUntouched fails the test if the state file at path was saved
// since before was taken; when says when it was looked at.
func requireUntouched(t *testing.T, path string, before fileStamp, when string) {
	t.Helper()
	now := stampOf(t, path)
	switch {
	case !bytes.Equal(now.data, before.data):
		t.Fatalf("%s: the state file was rewritten with no change made; now:\n%s", when, now.data)
	case !now.modTime.Equal(before.modTime):
		t.Fatalf("%s: the state file was saved (same bytes, modified %v, was %v) with no change made", when, now.modTime, before.modTime)
	case now.backup:
		t.Fatalf("%s: the state file was saved (%s.bak exists) with no change made", when, path)
	}
}

// waitOutput waits up to 20 s for the app's output to contain s.
func waitOutput(t *testing.T, a *runningApp, s string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(a.out.String(), s) {
		select {
		case err := <-a.done:
			t.Fatalf("linuxdj exited (%v) before saying %q; output:\n%s", err, s, a.out)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("linuxdj did not say %q within 20 s; output:\n%s", s, a.out)
		}
	}
}

// startupSavesNothing runs bin from a saved, non-first-run state with env
// and args added, waits for ready(a) (the app running), watches it for
// quietFor and stops it with SIGTERM: the state file must be as it was,
// while the app ran and after it exited.
func startupSavesNothing(t *testing.T, bin string, env []string, ready func(a *runningApp), args ...string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), state.FileName)
	writeStartupState(t, path)
	before := stampOf(t, path)
	a := startLinuxDJ(t, bin, env, append(args, "--backend", "null", "--config", path)...)
	ready(a)
	time.Sleep(quietFor)
	requireUntouched(t, path, before, "while running")
	a.stop(t)
	requireUntouched(t, path, before, "after SIGTERM")
}

// startupNotDirtyUnderNSM runs bin with env and args added under a session
// manager the test plays, with a saved, non-first-run state in the
// session: after the open and its reply, and ready(a), no is_dirty may
// come for quietFor; then a change over OSC must bring one. The state
// file is never written (under NSM only /nsm/client/save saves).
func startupNotDirtyUnderNSM(t *testing.T, bin string, env []string, ready func(a *runningApp), args ...string) {
	t.Helper()
	n := newNSMServer(t)
	dir := filepath.Join(t.TempDir(), "session", "Linux DJ.nQUIET")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, state.FileName)
	writeStartupState(t, path)
	before := stampOf(t, path)
	port := freeUDPPort(t)
	a := startLinuxDJ(t, bin, append(env, "NSM_URL="+n.url()),
		append(args, "--backend", "null", "--osc-port", strconv.Itoa(port))...)

	ann := n.expect("/nsm/server/announce", 20*time.Second)
	if len(ann.Arguments) != 7 {
		t.Fatalf("announce %v", ann.Arguments)
	}
	app := ann.Arguments[6].(string)
	n.send(app, "/reply", "/nsm/server/announce", "hi", "test manager", ":server-control:")
	n.send(app, "/nsm/client/open", dir, "Linux DJ", "linuxdj.nQUIET")
	n.expectReply("/nsm/client/open")
	ready(a)
	n.quiet("/nsm/client/is_dirty", quietFor)
	requireUntouched(t, path, before, "while running")

	// The test can fail: a real change marks the session dirty.
	n.send(app, "/linuxdj/ch/1/fader", float32(0.3))
	n.expect("/nsm/client/is_dirty", 5*time.Second)
	a.stop(t)
	requireUntouched(t, path, before, "after SIGTERM under NSM")
}

// headlessRunning waits for the headless loop to run.
func headlessRunning(t *testing.T) func(a *runningApp) {
	return func(a *runningApp) {
		t.Helper()
		waitOutput(t, a, "linuxdj: headless on")
	}
}

// TestHeadlessStartupSavesNothing runs the real binary headless from a
// saved state: it does not rewrite the file while it runs nor when SIGTERM
// ends it, and under a session manager it marks the session dirty only
// after a change.
func TestHeadlessStartupSavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the app for seconds")
	}
	bin := buildLinuxDJ(t)
	t.Run("alone", func(t *testing.T) {
		startupSavesNothing(t, bin, nil, headlessRunning(t), "--headless")
	})
	t.Run("NSM", func(t *testing.T) {
		startupNotDirtyUnderNSM(t, bin, nil, headlessRunning(t), "--headless")
	})
}

// TestExitSavesOnlyAChange stops sessions on the null backend: one loaded
// from a good file with nothing changed leaves the file alone; a change
// still waiting for the autosave is saved at exit; a missing file is
// written at exit.
func TestExitSavesOnlyAChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), state.FileName)
	writeStartupState(t, path)
	before := stampOf(t, path)
	var stderr bytes.Buffer
	s := mustOpen(t, nullOptions(path), &stderr)
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	requireUntouched(t, path, before, "stopped with no change")

	s = mustOpen(t, nullOptions(path), &stderr)
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	s.send(mixer.Command{Param: mixer.ParamFader, Channel: 0, Value: 0.3})
	if err := s.stop(); err != nil { // before the autosave
		t.Fatal(err)
	}
	m, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromFile || m.Controls.Get(mixer.ParamFader, 0) != 0.3 {
		t.Errorf("after a change and stop: fader %v (%+v), want 0.3 from the file", m.Controls.Get(mixer.ParamFader, 0), rep)
	}

	fresh := filepath.Join(t.TempDir(), state.FileName)
	s = mustOpen(t, nullOptions(fresh), &stderr)
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	if _, rep := state.Load(fresh, mixer.DefaultConfig()); rep.Origin != state.FromFile {
		t.Errorf("a first run saved no state at exit: %+v", rep)
	}
}
