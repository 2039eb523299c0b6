package app

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// built is the linuxdj binary the tests run, built once per test process
// by buildLinuxDJ into a directory TestMain removes.
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// buildLinuxDJ builds the real binary, once per test process.
func buildLinuxDJ(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "linuxdj-test-bin-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "linuxdj")
		cmd := exec.Command("go", "build", "-o", built.bin, "github.com/linuxdj/linuxdj")
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// lockedBuffer is a bytes.Buffer that a process writes while a test reads.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runningApp is a running linuxdj; out has its stdout and stderr.
type runningApp struct {
	cmd  *exec.Cmd
	out  *lockedBuffer
	done chan error
}

// startLinuxDJ starts bin with args, this process's environment with env
// added, and runtime and config directories of its own (the app saves its
// state: never into the user's). It is killed if the test ends first.
func startLinuxDJ(t *testing.T, bin string, env []string, args ...string) *runningApp {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+t.TempDir(), "XDG_CONFIG_HOME="+t.TempDir())
	cmd.Env = append(cmd.Env, env...)
	a := &runningApp{cmd: cmd, out: new(lockedBuffer), done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = a.out, a.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { a.done <- cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill() // an error once it has exited
		<-exited
	})
	return a
}

// stop sends SIGTERM and requires a clean exit 0 within 10 s.
func (a *runningApp) stop(t *testing.T) {
	t.Helper()
	if err := a.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-a.done:
		if err != nil {
			t.Fatalf("linuxdj exited with %v after SIGTERM; output:\n%s", err, a.out)
		}
	case <-time.After(10 * time.Second):
		_ = a.cmd.Process.Kill()
		t.Fatalf("linuxdj ignored SIGTERM for 10 s; output:\n%s", a.out)
	}
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
