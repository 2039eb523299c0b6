//go:build cgo

package app

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// xserver is an Xvfb started by a test, on a display number the server
// picks itself (-displayfd), so parallel tests never collide. It logs
// every client connection (-audit 4) into audit.
type xserver struct {
	cmd     *exec.Cmd
	display string
	audit   lockedBuffer
}

// connections counts the X connections process pid has opened.
func (x *xserver) connections(pid int) int {
	return strings.Count(x.audit.String(), fmt.Sprintf(" pid=%d )", pid))
}

func startXvfb(t *testing.T, w, h int) *xserver {
	t.Helper()
	testenv.Need(t, testenv.X)
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-audit", "4", "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	x := &xserver{cmd: cmd}
	cmd.Stderr = &x.audit
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	wr.Close()
	t.Cleanup(func() {
		// Stopped by its own pid, never by name.
		_ = cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if _, err := strconv.Atoi(n); err != nil {
			t.Fatalf("Xvfb did not report a display: %q", n)
		}
		x.display = ":" + n
	case <-time.After(10 * time.Second):
		t.Fatal("Xvfb did not start within 10 s")
	}
	return x
}

func (x *xserver) screenshot(t *testing.T) *image.RGBA {
	t.Helper()
	cmd := exec.Command("import", "-window", "root", "png:-")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba
}

// startApp starts linuxdj with its window on x's display and a state
// directory of its own.
func startApp(t *testing.T, bin string, x *xserver, args ...string) *runningApp {
	t.Helper()
	return startLinuxDJ(t, bin, []string{"DISPLAY=" + x.display, "WAYLAND_DISPLAY="}, args...)
}

func near8(c color.RGBA, want color.NRGBA, tol int) bool {
	d := func(a, b uint8) bool { return int(a)-int(b) <= tol && int(b)-int(a) <= tol }
	return d(c.R, want.R) && d(c.G, want.G) && d(c.B, want.B)
}

// count counts pixels in r close to want.
func count(img *image.RGBA, r image.Rectangle, want color.NRGBA) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if near8(img.RGBAAt(x, y), want, 6) {
				n++
			}
		}
	}
	return n
}

// differing counts the pixels in r where a and b differ by more than
// levels in any channel.
func differing(a, b *image.RGBA, r image.Rectangle, levels int) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ca, cb := a.RGBAAt(x, y), b.RGBAAt(x, y)
			for _, d := range [4]int{int(ca.R) - int(cb.R), int(ca.G) - int(cb.G), int(ca.B) - int(cb.B), int(ca.A) - int(cb.A)} {
				if d > levels || d < -levels {
					n++
					break
				}
			}
		}
	}
	return n
}

func TestRealWindowUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an X server and the app")
	}
	th := newFixture(t, 1, 1).ui.Theme
	bin := buildLinuxDJ(t)
	x := startXvfb(t, 1280, 800)
	a := startApp(t, bin, x, "--backend", "null")

	// The window is mapped at the origin (no window manager) at 1280×720.
	stripW := stripWDp
	panelCol := th.Palette.Panel.NRGBA()
	meterTop, meterBottom := 350, 610
	meterRect := func(i int) image.Rectangle {
		return image.Rect(i*stripW+padDp+70, meterTop, (i+1)*stripW-padDp, meterBottom)
	}
	// The first frames can come before the demo signal reaches the meters:
	// wait for the strips, then for every meter to light.
	var shot *image.RGBA
	deadline := time.Now().Add(20 * time.Second)
	for {
		shot = x.screenshot(t)
		lit := true
		for i := range 5 {
			lit = lit && count(shot, meterRect(i), th.Meter.Low.NRGBA()) >= 20
		}
		if count(shot, image.Rect(4, 100, stripW-4, 600), panelCol) > 1000 && lit {
			break
		}
		if time.Now().After(deadline) {
			writePNG(t, filepath.Join(t.TempDir(), "timeout.png"), shot)
			t.Logf("after 20 s, the strips or their meters are not on screen; output:\n%s", a.out)
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	// Four decks and a mic: five strip panels, each with a lit meter, and
	// no sixth strip.
	for i := range 5 {
		r := image.Rect(i*stripW+4, 100, (i+1)*stripW-4, 600)
		if n := count(shot, r, panelCol); n < 1000 {
			t.Errorf("strip %d: %d panel pixels, want a strip", i+1, n)
		}
		if n := count(shot, meterRect(i), th.Meter.Low.NRGBA()); n < 20 {
			t.Errorf("strip %d: %d lit meter pixels, want the demo signal on the meter", i+1, n)
		}
	}
	// The studio column follows the strips, so a sixth strip is told by
	// its fader slot, which the column does not have.
	if n := count(shot, image.Rect(5*stripW+8, meterTop, 6*stripW-8, meterBottom), th.Fader.Slot.NRGBA()); n > 100 {
		t.Errorf("a sixth strip: %d fader slot pixels after the fifth strip", n)
	}

	// Moving meters: the meter area changes between two screenshots.
	time.Sleep(300 * time.Millisecond)
	shot2 := x.screenshot(t)
	meters := image.Rect(0, meterTop, 5*stripW, meterBottom)
	if n := differing(shot, shot2, meters, 0); n < 50 {
		t.Errorf("only %d pixels of the meter area changed in 300 ms of demo signal", n)
	}
	if *update {
		writePNG(t, filepath.Join("..", "docs", "screenshot.png"), shot2.SubImage(image.Rect(0, 0, 1280, 720)))
	}
	// Closing must not open a second window on the way out: Gio re-creates
	// a window when asked for an event after its own has gone, and a new
	// connection while the X server resets (it does when its last client
	// leaves) is refused and made the app exit with an error.
	pid := a.cmd.Process.Pid
	a.stop(t)
	if n := x.connections(pid); n != 1 {
		t.Errorf("the app (pid %d) opened %d X connections, want 1 (the window's); the server's log:\n%s", pid, n, x.audit.String())
	}
}

// thread is one thread of a process, from /proc/<pid>/task.
type thread struct {
	cpu      time.Duration // user and system time used
	realtime bool          // scheduled SCHED_FIFO or SCHED_RR
}

// threads reads the threads of process pid.
func threads(t *testing.T, pid int) []thread {
	t.Helper()
	tasks, err := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	if err != nil {
		t.Fatal(err)
	}
	var ts []thread
	for _, task := range tasks {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/task/%s/stat", pid, task.Name()))
		if err != nil {
			continue // the thread ended
		}
		// Fields after the command name, which is in parentheses: utime
		// and stime are the 12th and 13th of them, in clock ticks, and the
		// scheduling policy the 39th.
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
		utime, _ := strconv.ParseInt(f[11], 10, 64)
		stime, _ := strconv.ParseInt(f[12], 10, 64)
		const ticksPerSec = 100 // USER_HZ on Linux
		ts = append(ts, thread{
			cpu:      time.Duration(utime+stime) * time.Second / ticksPerSec,
			realtime: f[38] == "1" || f[38] == "2",
		})
	}
	return ts
}

// procCPU is the CPU time a process has used, from /proc: in total, and
// on its real-time threads, which run the audio.
func procCPU(t *testing.T, pid int) (total, audio time.Duration) {
	t.Helper()
	for _, th := range threads(t, pid) {
		total += th.cpu
		if th.realtime {
			audio += th.cpu
		}
	}
	return total, audio
}

// TestIdleCPUUnderXvfb runs the app in silence and measures its CPU use
// over 10 s: a silent mixer with no input must not redraw. The engine keeps
// processing silence on the audio thread, so the bound is on everything
// else: the window, the meter pump and the Go runtime. It measures the null
// backend with the default 256-frame period, where its 188 Hz clock also
// wakes the Go scheduler often, and with a 4096-frame period (12 Hz); then
// the app as users run it, on a real-time jackd at 256 frames, where the
// audio thread is JACK's client thread in our process, and beside it the
// least any Go JACK client costs there (jacktest.GoClient).
func TestIdleCPUUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 40 s with an X server")
	}
	jacktest.Need(t, jacktest.Jackd)
	bin := buildLinuxDJ(t)
	x := startXvfb(t, 1280, 800)
	for _, c := range []struct {
		name string
		args []string
		jack bool
	}{
		{"null, 256 frames", []string{"--backend", "null", "--demo=false", "--period", "256"}, false},
		{"null, 4096 frames", []string{"--backend", "null", "--demo=false", "--period", "4096"}, false},
		{"jackd -R, 256 frames", []string{"--backend", "jack"}, true},
	} {
		if c.jack {
			startJackdWith(t, jacktest.ServerOptions{PeriodFrames: 256, Realtime: true})
		}
		a := startApp(t, bin, x, c.args...)
		total, audio := idleCPU(t, a.cmd.Process.Pid) // after the window is mapped and drawn
		t.Logf("%s, 10 s of silence: process %.2f%% of a core, audio thread %.2f%%, the rest %.2f%%",
			c.name, total, audio, total-audio)
		if audio == 0 {
			t.Errorf("%s: no real-time thread found (no permission for SCHED_FIFO?), so the audio thread's share is unknown", c.name)
		}
		// The goal is the whole app under 1% of a core (docs/PERFORMANCE.md
		// has the figures). At a 256-frame period Go's sysmon alone costs
		// 1–7%: every period wakes it from its deep sleep (the clock's
		// system call, or the JACK callback's entry into Go), and while
		// the callback works it polls every 20 µs and preempts it; a JACK
		// client whose callback does nothing but enter Go costs 1.5–4%
		// (measured below). At 4096 frames sysmon sleeps. So the test
		// holds the part besides the audio thread under 3% at 4096 frames
		// and under 15% at 256, with room for a loaded machine: a window
		// redrawing at the display rate in silence costs far more.
		limit := 15.0
		if c.name == "null, 4096 frames" {
			limit = 3
		}
		if total-audio > limit {
			t.Errorf("%s: idle CPU besides the audio thread %.2f%% of a core (limit %.0f%%): is the window redrawing in silence?", c.name, total-audio, limit)
		}
		a.stop(t)
		if c.jack {
			total, audio := goJACKClientCPU(t)
			t.Logf("%s, a JACK client whose callback only enters Go, 10 s: process %.2f%% of a core, audio thread %.2f%%, the rest %.2f%% (the Go runtime's floor at this period)",
				c.name, total, audio, total-audio)
		}
	}
}

// idleCPU lets process pid settle for 3 s, then measures its CPU over 10 s:
// the whole process's and its real-time threads', in % of a core.
func idleCPU(t *testing.T, pid int) (totalPct, audioPct float64) {
	t.Helper()
	time.Sleep(3 * time.Second)
	c0, rt0 := procCPU(t, pid)
	t0 := time.Now()
	time.Sleep(10 * time.Second)
	c1, rt1 := procCPU(t, pid)
	wall := float64(time.Since(t0))
	return 100 * float64(c1-c0) / wall, 100 * float64(rt1-rt0) / wall
}

// goJACKClientCPU runs jacktest.GoClient in a process of its own (this
// test binary again, in TestGoJACKClientHelper) on the server the test
// started, and measures that process's CPU as TestIdleCPUUnderXvfb
// measures the app.
func goJACKClientCPU(t *testing.T) (totalPct, audioPct float64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestGoJACKClientHelper$")
	cmd.Env = append(os.Environ(), goJACKClientEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() }) // a no-op once it has exited
	out := bufio.NewReader(stdout)
	line, err := out.ReadString('\n')
	if err != nil || line != "ready\n" {
		stdin.Close()
		cmd.Wait()
		t.Fatalf("Go JACK client: %q, %v", line, err)
	}
	totalPct, audioPct = idleCPU(t, cmd.Process.Pid)
	stdin.Close()
	rest, _ := io.ReadAll(out)
	if err := cmd.Wait(); err != nil {
		t.Errorf("Go JACK client: %v\n%s", err, rest)
	}
	return totalPct, audioPct
}

// goJACKClientEnv turns TestGoJACKClientHelper on in a child process.
const goJACKClientEnv = "LINUXDJ_TEST_GO_JACK_CLIENT"

// TestGoJACKClientHelper is goJACKClientCPU's child: it runs a GoClient
// until its standard input closes, and fails if the callback never ran.
func TestGoJACKClientHelper(t *testing.T) {
	if os.Getenv(goJACKClientEnv) == "" {
		t.Skip("runs only as goJACKClientCPU's child process")
	}
	g, err := jacktest.OpenGoClient("gofloor")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	if g.Cycles() == 0 {
		t.Error("the Go client's callback never ran")
	}
}

// TestWindowSizeIsSaved opens the app with a saved window size: the window
// opens at it (under Xvfb with no window manager, at the origin); then the
// window is resized, as a user would, and the new size is in the state
// file after the app exits.
func TestWindowSizeIsSaved(t *testing.T) {
	if testing.Short() {
		t.Skip("starts an X server and the app")
	}
	th := newFixture(t, 1, 1).ui.Theme
	path := filepath.Join(t.TempDir(), "state.toml")
	saved := state.Defaults(mixer.DefaultConfig())
	saved.FirstRun = false
	saved.Window = state.Window{WidthDp: 1000, HeightDp: 600}
	if err := state.Save(path, &saved); err != nil {
		t.Fatal(err)
	}
	bin := buildLinuxDJ(t)
	x := startXvfb(t, 1280, 800)
	a := startApp(t, bin, x, "--backend", "null", "--config", path)

	// The master section is the window's right end: panel pixels just
	// left of x = 1000, none to its right.
	panelCol := th.Palette.Panel.NRGBA()
	inside, outside := image.Rect(1000-masterWDp+10, 100, 1000-10, 500), image.Rect(1010, 100, 1270, 500)
	var shot *image.RGBA
	deadline := time.Now().Add(20 * time.Second)
	for {
		shot = x.screenshot(t)
		if count(shot, inside, panelCol) > 1000 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no master section left of x = 1000 after 20 s; output:\n%s", a.out)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if n := count(shot, outside, panelCol); n != 0 {
		t.Errorf("%d panel pixels right of the saved width", n)
	}

	cmd := exec.Command("xdotool", "search", "--name", "^Linux DJ$", "windowsize", "--sync", "%@", "1200", "700")
	cmd.Env = append(os.Environ(), "DISPLAY="+x.display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xdotool: %v\n%s", err, out)
	}
	// The new size reaches the state through the autosave, a moment after
	// the change, or at the latest when the app exits.
	time.Sleep(300 * time.Millisecond)
	a.stop(t)
	m, rep := state.Load(path, mixer.DefaultConfig())
	if len(rep.Problems) != 0 || m.Window != (state.Window{WidthDp: 1200, HeightDp: 700}) {
		t.Errorf("saved window %+v (problems %v), want 1200×700", m.Window, rep.Problems)
	}
}
