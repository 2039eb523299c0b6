//go:build cgo

package app

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// startJackd starts a private jackd and points this process's libjack
// (and the apps it starts) at it for the test's duration.
func startJackd(t *testing.T) *jacktest.Server {
	t.Helper()
	return startJackdWith(t, jacktest.ServerOptions{})
}

// startJackdWith is startJackd with the server's options.
func startJackdWith(t *testing.T, o jacktest.ServerOptions) *jacktest.Server {
	t.Helper()
	jacktest.Need(t, jacktest.Jackd)
	srv, err := jacktest.Start(jacktest.Jackd, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// What the server said is the evidence when a client's close or a
		// call to it failed.
		if t.Failed() {
			t.Logf("server log:\n%s", srv.Log())
		}
		srv.Close()
	})
	for _, kv := range srv.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	return srv
}

// jackSession starts a real jackd and a mixer session on it with a fresh
// state, stopped when the test ends.
func jackSession(t *testing.T) *session {
	t.Helper()
	startJackd(t)
	s := startJACKSession(t, filepath.Join(t.TempDir(), "state.toml"))
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// jackTestOptions are the app's options for a session on the test's JACK
// server at 48 kHz and 256 frames, with its state at path.
func jackTestOptions(path string) options {
	return options{backend: "jack", config: path, rateHz: 48000, periodFrames: 256}
}

// startJACKSession opens a mixer session on the JACK server the test
// started, with its state at path, and starts it.
func startJACKSession(t *testing.T, path string) *session {
	t.Helper()
	o := jackTestOptions(path)
	var stderr bytes.Buffer
	s, code := openSession(o, "jack", &stderr)
	if s == nil {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAutoDetectPicksJACKWhenAServerAnswers(t *testing.T) {
	startJackd(t)
	name, why, err := chooseBackend("auto", "", systemProbes)
	if err != nil {
		t.Fatal(err)
	}
	if name != "jack" {
		t.Fatalf("auto chose %s (%s) with jackd running, want jack", name, why)
	}
}

func TestListDevicesShowsJACKPorts(t *testing.T) {
	startJackd(t)
	var out, errOut bytes.Buffer
	if code := Main([]string{"--list-devices"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	s := out.String()
	for _, want := range []string{"JACK ports:", "system:playback_1  (input)", "system:capture_1  (output)", "ALSA devices:"} {
		if !strings.Contains(s, want) {
			t.Errorf("--list-devices output lacks %q:\n%s", want, s)
		}
	}
}

func TestListDevicesWithNoServerSaysSo(t *testing.T) {
	t.Setenv("JACK_DEFAULT_SERVER", "linuxdj-no-such-server")
	t.Setenv("JACK_NO_START_SERVER", "1")
	var out, errOut bytes.Buffer
	if code := Main([]string{"--list-devices"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "no JACK server answers") || !strings.Contains(out.String(), "ALSA devices:") {
		t.Errorf("output:\n%s", out.String())
	}
}

// TestJACKFirstRunConnectsOnceAndSavesConnections runs the session on a
// real jackd: the first run auto-connects master, the saved state is no
// longer a first run and remembers that connection, and the next start
// passes it back to the backend.
func TestJACKFirstRunConnectsOnceAndSavesConnections(t *testing.T) {
	startJackd(t)
	path := filepath.Join(t.TempDir(), "state.toml")
	s := startJACKSession(t, path)
	master := "linuxdj:master_out_L"
	if !jacktest.Eventually(5*time.Second, func() bool { return len(s.store.jack.Connections()[master]) > 0 }) {
		t.Fatalf("first run did not connect %s: %v", master, s.store.jack.Connections())
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	m, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromFile {
		t.Fatalf("state not saved: %+v", rep)
	}
	if m.FirstRun {
		t.Error("saved state is still a first run after JACK auto-connected")
	}
	if got := m.Connections[master]; len(got) == 0 || !strings.HasPrefix(got[0], "system:playback_") {
		t.Errorf("saved connections of %s: %v, want a system playback port", master, got)
	}
	o := jackTestOptions(path)
	var stderr bytes.Buffer
	s, code := openSession(o, "jack", &stderr)
	if s == nil {
		t.Fatalf("second open: exit %d: %s", code, stderr.String())
	}
	defer s.store.auto.Close()
	if got := s.store.jack.Connections()[master]; len(got) == 0 {
		t.Errorf("the restarted backend was not given the saved connections")
	}
}

// TestProbingForJACKIsQuiet starts the app where no JACK server runs: the
// probe that finds none must not fill stderr with libjack's connection
// errors, only the app's own line saying which backend it chose.
func TestProbingForJACKIsQuiet(t *testing.T) {
	bin := buildLinuxDJ(t)
	cmd := exec.Command(bin, "--headless", "--backend", "auto")
	cmd.Env = append(os.Environ(), "JACK_DEFAULT_SERVER=linuxdj-no-such-server", "JACK_NO_START_SERVER=1",
		"XDG_CONFIG_HOME="+t.TempDir(), "XDG_RUNTIME_DIR="+t.TempDir())
	// A file, not a buffer: the app writes it directly and the test reads
	// it while the app runs.
	outPath := filepath.Join(t.TempDir(), "output")
	outFile, err := os.Create(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer outFile.Close()
	cmd.Stdout, cmd.Stderr = outFile, outFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	output := func() string { b, _ := os.ReadFile(outPath); return string(b) }
	started := time.Now()
	for !strings.Contains(output(), "headless on") {
		if time.Since(started) > 10*time.Second {
			t.Fatalf("not running after 10 s:\n%s", output())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, output())
	}
	s := output()
	if strings.Contains(s, "Cannot connect") || strings.Contains(s, "jack server is not running") {
		t.Errorf("libjack's probe errors reached stderr:\n%s", s)
	}
	if !strings.Contains(s, "backend null") {
		t.Errorf("no line saying the null backend was chosen:\n%s", s)
	}
}

// TestBenchRTReports runs bench-rt for a second per period on its own
// real-time jackd: both periods report their cycles, the callback's
// timing, the late callbacks and the C client's xruns.
func TestBenchRTReports(t *testing.T) {
	jacktest.Need(t, jacktest.Jackd)
	var out, errOut bytes.Buffer
	if code := runBenchRT([]string{"-duration", "1s", "-garbage-mbps", "5"}, &out, &errOut); code != 0 {
		t.Fatalf("bench-rt exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 || !strings.Contains(lines[1], "late") || !strings.Contains(lines[1], "C-client-xruns") {
		t.Fatalf("bench-rt printed:\n%s", out.String())
	}
	for i, period := range []int{64, 256} {
		var p, cycles, xruns, late, gcs, baseline int
		var p50, p99, maxPct float64
		n, err := fmt.Sscan(lines[2+i], &p, &cycles, &p50, &p99, &maxPct, &xruns, &late, &gcs, &baseline)
		if err != nil || n != 9 {
			t.Fatalf("line %q: %v", lines[2+i], err)
		}
		// One second is 750 periods of 64 frames and 187 of 256 at 48 kHz.
		if p != period || cycles < 48000/period/2 || late > cycles || p50 <= 0 || p99 < p50 || maxPct < p99 {
			t.Errorf("period %d: %q does not add up", period, lines[2+i])
		}
	}
}

// TestOnlyTheAudioThreadIsRealTime runs the app headless on a real-time
// jackd for 3 s and finds one SCHED_FIFO thread in it: JACK's client
// thread. Threads Go's runtime cloned from it (to hand its P on while it
// yields) inherited SCHED_FIFO and its priority before the runtime was
// made to start them from its template thread (backend/jack's ldjYield):
// three such threads here, and with the window its thread and llvmpipe's.
func TestOnlyTheAudioThreadIsRealTime(t *testing.T) {
	bin := buildLinuxDJ(t)
	startJackdWith(t, jacktest.ServerOptions{PeriodFrames: 256, Realtime: true})
	a := startLinuxDJ(t, bin, nil, "--headless", "--backend", "jack")
	time.Sleep(3 * time.Second)
	ts := threads(t, a.cmd.Process.Pid)
	realtime := 0
	for _, th := range ts {
		if th.realtime {
			realtime++
		}
	}
	t.Logf("%d threads, %d of them real-time", len(ts), realtime)
	if realtime != 1 {
		t.Errorf("%d real-time threads in the app, want 1 (JACK's client thread); output:\n%s", realtime, a.out)
	}
	a.stop(t)
}
