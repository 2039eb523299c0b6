package app

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// buildLinuxDJ builds the real binary once per test into a temp dir.
func buildLinuxDJ(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "linuxdj")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/linuxdj/linuxdj")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestHeadlessMetersAndCleanExit runs `linuxdj --headless --backend null
// --meters` as a subprocess: meter lines appear and move with the demo
// signal, and SIGTERM (or SIGINT) ends it with exit 0 and the state saved
// under $XDG_CONFIG_HOME.
func TestHeadlessMetersAndCleanExit(t *testing.T) {
	bin := buildLinuxDJ(t)
	for _, c := range []struct {
		sig    syscall.Signal
		meters bool
	}{{syscall.SIGTERM, true}, {syscall.SIGINT, false}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			home := t.TempDir()
			args := []string{"--headless", "--backend", "null"}
			if c.meters {
				args = append(args, "--meters")
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "XDG_CONFIG_HOME="+home)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			lines := make(chan string, 100)
			go func() {
				sc := bufio.NewScanner(stdout)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
			}()
			var got []string
			if c.meters {
				timeout := time.After(10 * time.Second)
				for len(got) < 8 {
					select {
					case l, ok := <-lines:
						if !ok {
							t.Fatalf("stdout closed after %d lines; stderr:\n%s", len(got), stderr.String())
						}
						got = append(got, l)
					case <-timeout:
						cmd.Process.Kill()
						t.Fatalf("only %d meter lines in 10 s: %q", len(got), got)
					}
				}
			} else {
				time.Sleep(500 * time.Millisecond)
			}
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				for range lines {
				}
				done <- cmd.Wait()
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("exit after %v: %v; stderr:\n%s", c.sig, err, stderr.String())
				}
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("still running 10 s after %v", c.sig)
			}
			if !strings.Contains(stderr.String(), "linuxdj: backend null: asked for with --backend") {
				t.Errorf("stderr does not say which backend ran and why:\n%s", stderr.String())
			}
			if c.meters {
				changed := false
				for _, l := range got {
					if !strings.HasPrefix(l, "peak dBFS  ch1 ") || !strings.Contains(l, "  ch5 ") || !strings.Contains(l, "  master ") {
						t.Errorf("meter line %q is not 'peak dBFS  ch1 …  ch5 …  master …'", l)
					}
					changed = changed || l != got[0]
				}
				if !changed {
					t.Errorf("the meters never moved with the demo playing: %q", got)
				}
				if strings.Count(strings.Join(got, "\n"), "-inf") == len(got)*6 {
					t.Errorf("every meter read -inf with the demo playing: %q", got)
				}
			}
			path := filepath.Join(home, "linuxdj", state.FileName)
			m, rep := state.Load(path, mixer.DefaultConfig())
			if rep.Origin != state.FromFile || len(rep.Problems) != 0 {
				t.Fatalf("state not saved at exit: %+v", rep)
			}
			if len(m.Channels) != len(mixer.DefaultConfig().Channels) {
				t.Errorf("saved %d channels", len(m.Channels))
			}
		})
	}
}
