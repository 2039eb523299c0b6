//go:build cgo

package app

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/internal/testenv"
)

// TestWindowCPUBesideJackMixer runs the app with its window and
// jack_mixer, each with 8 stereo strips, on one private real-time jackd
// at 256 frames under one Xvfb, with the same noise on every input of
// both, and measures both processes over the same 10 s. The app's CPU
// must stay within 2.5× jack_mixer's (the goal, 2×, is measured with
// /work/shared/tools/side-by-side.sh; docs/PERFORMANCE.md has the
// figures).
func TestWindowCPUBesideJackMixer(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 25 s with an X server, jackd and jack_mixer")
	}
	testenv.Need(t, testenv.JackMixer)
	jacktest.Need(t, jacktest.Jackd)
	bin := buildLinuxDJ(t)
	x := startXvfb(t, 1920, 1080)
	startJackdWith(t, jacktest.ServerOptions{PeriodFrames: 256, Realtime: true})

	left, right := make([]float32, 48000), make([]float32, 48000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range left {
		left[i], right[i] = float32(rng.NormFloat64()*0.1), float32(rng.NormFloat64()*0.1)
	}
	feed, err := jacktest.OpenClient("feed", []string{"L", "R"}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer feed.Close()
	if err := feed.Start([][]float32{left, right}, true); err != nil {
		t.Fatal(err)
	}

	var strips strings.Builder
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&strips, "  <input_channel name=\"ch%d\" type=\"stereo\" direct_output=\"False\" volume=\"0.000000\" balance=\"0.000000\" wide=\"True\" meter_prefader=\"False\"/>\n", i)
	}
	project := filepath.Join(t.TempDir(), "jm8.xml")
	if err := os.WriteFile(project, []byte("<?xml version=\"1.0\" ?>\n<jack_mixer geometry=\"1200x600\" paned_position=\"800\" visible=\"True\">\n"+strips.String()+"</jack_mixer>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	jm := exec.Command("jack_mixer", "-c", project)
	jm.Env = append(os.Environ(), "DISPLAY="+x.display, "WAYLAND_DISPLAY=", "HOME="+t.TempDir())
	jmOut := new(lockedBuffer)
	jm.Stdout, jm.Stderr = jmOut, jmOut
	if err := jm.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = jm.Process.Kill(); _ = jm.Wait() }()
	a := startApp(t, bin, x, "--backend", "jack", "--channels", "8")

	inputs := func(client string) []string {
		out, err := exec.Command("jack_lsp", "-p").Output()
		if err != nil {
			t.Fatalf("jack_lsp: %v", err)
		}
		var ports []string
		lines := strings.Split(string(out), "\n")
		for i := 0; i+1 < len(lines); i++ {
			if strings.HasPrefix(lines[i], client+":") && strings.Contains(lines[i+1], "input") &&
				!strings.Contains(lines[i], "midi") && !strings.Contains(lines[i], "monitor") && !strings.Contains(lines[i], "fx_return") {
				ports = append(ports, lines[i])
			}
		}
		return ports
	}
	var jmIn, ldjIn []string
	if !jacktest.Eventually(15*time.Second, func() bool {
		jmIn, ldjIn = inputs("jack_mixer"), inputs("linuxdj")
		return len(jmIn) >= 16 && len(ldjIn) >= 16
	}) {
		t.Fatalf("inputs: jack_mixer %d, linuxdj %d, want 16 each; jack_mixer said:\n%s\nlinuxdj said:\n%s", len(jmIn), len(ldjIn), jmOut, a.out)
	}
	for _, p := range append(jmIn, ldjIn...) {
		side := "L"
		if strings.HasSuffix(p, "R") {
			side = "R"
		}
		if err := feed.Connect(feed.Port(side), p); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(5 * time.Second) // both windows mapped and drawing the music
	j0, _ := procCPU(t, jm.Process.Pid)
	l0, _ := procCPU(t, a.cmd.Process.Pid)
	start := time.Now()
	time.Sleep(10 * time.Second)
	j1, _ := procCPU(t, jm.Process.Pid)
	l1, _ := procCPU(t, a.cmd.Process.Pid)
	wall := float64(time.Since(start))
	jmPct, ldjPct := 100*float64(j1-j0)/wall, 100*float64(l1-l0)/wall
	t.Logf("10 s with noise on 16 inputs each: jack_mixer %.1f%% of a core, Linux DJ %.1f%% (%.2f×)", jmPct, ldjPct, ldjPct/jmPct)
	if jmPct < 1 {
		t.Fatalf("jack_mixer used %.1f%% of a core: it is not running the music; it said:\n%s", jmPct, jmOut)
	}
	if ldjPct > 2.5*jmPct {
		t.Errorf("Linux DJ used %.1f%% of a core, %.2f× jack_mixer's %.1f%%: over 2.5×", ldjPct, ldjPct/jmPct, jmPct)
	}
}
