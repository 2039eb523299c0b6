package jacktest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Kind is which JACK implementation a Server runs.
type Kind int

const (
	Jackd    Kind = iota // standalone jackd2
	PipeWire             // PipeWire reached through pipewire-jack's libjack
)

func (k Kind) String() string {
	if k == PipeWire {
		return "pipewire"
	}
	return "jackd"
}

// PipeWireJackLibDir is where Debian's pipewire-jack installs its libjack.
const PipeWireJackLibDir = "/usr/lib/x86_64-linux-gnu/pipewire-0.3/jack"

// kindEnv tells a re-executed test binary which server its libjack reaches.
const kindEnv = "LINUXDJ_JACKTEST_KIND"

// ServerOptions configure a server start. Zero values take the defaults.
type ServerOptions struct {
	SampleRateHz int  // default 48000
	PeriodFrames int  // default 256
	Realtime     bool // jackd -R (SCHED_FIFO); PipeWire always tries RT
}

// Server is one running JACK server, owned by the caller.
type Server struct {
	Kind Kind
	// Name is the JACK server name clients pass (JACK_DEFAULT_SERVER);
	// empty for PipeWire, which is found through XDG_RUNTIME_DIR instead.
	Name string
	// Dir is the server's private directory: its log, and for PipeWire its
	// runtime dir (sockets).
	Dir  string
	opts ServerOptions
	cmd  *exec.Cmd
	log  *os.File
}

var serial atomic.Int64

// uniqueName returns a server name no other test or user session uses.
func uniqueName(prefix string) string {
	return fmt.Sprintf("%s-%d-%d-%d", prefix, os.Getpid(), time.Now().UnixNano()%1e9, serial.Add(1))
}

// Install says how to get the binaries a server kind needs.
func Install(k Kind) string {
	if k == PipeWire {
		return "install pipewire, pipewire-bin and pipewire-jack (apt-get install pipewire pipewire-bin pipewire-jack, or run make deps-test)"
	}
	return "install jackd2 (apt-get install jackd2 libjack-jackd2-dev, or run make deps-test)"
}

// Need fails t when the binaries for k are missing, saying what to install,
// and skips it only when LINUXDJ_SKIP_SERVERS=1 asks for that on purpose.
func Need(t testing.TB, k Kind) {
	t.Helper()
	if os.Getenv("LINUXDJ_SKIP_SERVERS") == "1" {
		t.Skip("LINUXDJ_SKIP_SERVERS=1: real-server tests skipped on purpose")
	}
	if err := checkBinaries(k); err != nil {
		t.Fatal(err)
	}
}

func checkBinaries(k Kind) error {
	bins := []string{"jackd", "jack_lsp", "jack_bufsize", "jack_transport"}
	if k == PipeWire {
		bins = []string{"pipewire", "pw-metadata", "jack_lsp", "jack_transport"}
	}
	for _, b := range bins {
		if _, err := exec.LookPath(b); err != nil {
			return fmt.Errorf("jacktest: %s not found: %s", b, Install(k))
		}
	}
	if k == PipeWire {
		if _, err := os.Stat(filepath.Join(PipeWireJackLibDir, "libjack.so.0")); err != nil {
			return fmt.Errorf("jacktest: pipewire-jack's libjack missing: %s: %w", Install(k), err)
		}
	}
	return nil
}

// Start starts a server of kind k and waits until it answers clients.
func Start(k Kind, opts ServerOptions) (*Server, error) {
	if opts.SampleRateHz == 0 {
		opts.SampleRateHz = 48000
	}
	if opts.PeriodFrames == 0 {
		opts.PeriodFrames = 256
	}
	if err := checkBinaries(k); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "linuxdj-"+k.String()+"-")
	if err != nil {
		return nil, fmt.Errorf("jacktest: server dir: %w", err)
	}
	s := &Server{Kind: k, Dir: dir, opts: opts}
	// A loaded machine sometimes loses a server at start (jackd that never
	// answers); a second one, under a new name, has always come up.
	for attempt := 1; ; attempt++ {
		if k == Jackd {
			s.Name = uniqueName("linuxdj-test")
		}
		err = s.start()
		if err == nil {
			return s, nil
		}
		if attempt == startAttempts {
			os.RemoveAll(dir)
			return nil, err
		}
		if k == Jackd && strings.Contains(err.Error(), "Too many servers already active") {
			reclaimRegistry()
		}
		fmt.Fprintf(os.Stderr, "jacktest: attempt %d: %v; starting another\n", attempt, err)
	}
}

// jackRegistry is jackd2's table of running servers, shared by every
// server of the machine. It has 8 slots, and a server that was killed
// (SIGKILL, a crash) keeps its slot: jackd frees a dead server's slot only
// for a new server of the same name, and test servers have unique names.
const jackRegistry = "/dev/shm/jack-shm-registry"

// reclaimRegistry removes the server table when no jackd runs, so dead
// servers' slots stop blocking new ones; the next jackd makes it anew. While
// any jackd runs the table is its own, and it is left alone.
func reclaimRegistry() {
	comms, _ := filepath.Glob("/proc/[0-9]*/comm")
	for _, c := range comms {
		if b, err := os.ReadFile(c); err == nil && strings.TrimSpace(string(b)) == "jackd" {
			return
		}
	}
	if err := os.Remove(jackRegistry); err == nil {
		fmt.Fprintf(os.Stderr, "jacktest: no jackd runs and the server table was full of dead servers: removed %s\n", jackRegistry)
	}
}

// startAttempts is how many servers Start tries before it gives up.
const startAttempts = 3

// Env is the environment a client process needs to reach this server.
func (s *Server) Env() []string {
	env := []string{"JACK_NO_START_SERVER=1"}
	if s.Kind == PipeWire {
		return append(env, "XDG_RUNTIME_DIR="+s.Dir, "PIPEWIRE_REMOTE=pipewire-0",
			"LD_LIBRARY_PATH="+PipeWireJackLibDir)
	}
	return append(env, "JACK_DEFAULT_SERVER="+s.Name)
}

// UseInProcess points this process's libjack at the server through the
// environment, so in-process clients opened with the default server name
// reach it. For PipeWire the process must already run with pipewire-jack's
// libjack (see ReexecForPipeWire).
func (s *Server) UseInProcess() {
	for _, kv := range s.Env() {
		k, v, _ := strings.Cut(kv, "=")
		if k != "LD_LIBRARY_PATH" {
			os.Setenv(k, v)
		}
	}
}

func (s *Server) start() error {
	logPath := filepath.Join(s.Dir, "server.log")
	log, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("jacktest: server log: %w", err)
	}
	var cmd *exec.Cmd
	if s.Kind == Jackd {
		args := []string{"-n", s.Name}
		if s.opts.Realtime {
			args = append(args, "-R")
		} else {
			args = append(args, "-r")
		}
		args = append(args, "-d", "dummy", "-r", strconv.Itoa(s.opts.SampleRateHz),
			"-p", strconv.Itoa(s.opts.PeriodFrames), "-C", "2", "-P", "2")
		cmd = exec.Command("jackd", args...)
	} else {
		conf, err := s.pipeWireConfig()
		if err != nil {
			log.Close()
			return err
		}
		cmd = exec.Command("pipewire", "-c", conf)
	}
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+s.Dir, "HOME="+s.Dir, "JACK_NO_AUDIO_RESERVATION=1",
		"PIPEWIRE_LOG_SYSTEMD=false", "DBUS_SESSION_BUS_ADDRESS=disabled:")
	cmd.Stdout, cmd.Stderr = log, log
	// Its own process group, so a Ctrl-C of the test does not race our Stop.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		log.Close()
		return fmt.Errorf("jacktest: start %s: %w", cmd.Path, err)
	}
	s.cmd, s.log = cmd, log
	if err := s.waitReady(10 * time.Second); err != nil {
		s.Stop()
		return err
	}
	if s.Kind == PipeWire {
		return s.setPipeWireClock()
	}
	return nil
}

// pipeWireObjects are added to Debian's pipewire.conf. With no session
// manager, PipeWire otherwise has neither the "default" metadata object
// pipewire-jack keeps port metadata (pretty-names) in, nor any physical
// ports. The null sink stands in for a sound card: the adapter marks a
// device node's ports physical and terminal, so pipewire-jack lists them
// as physical playback ("jacktest playback:playback_1", "_2").
const pipeWireObjects = `
    { factory = metadata args = { metadata.name = default } }
    { factory = adapter
        args = {
            factory.name     = support.null-audio-sink
            node.name        = jacktest-playback
            node.description = "jacktest playback"
            media.class      = Audio/Sink
            audio.position   = [ FL FR ]
            device.api       = jacktest
            object.register  = true
            adapter.auto-port-config = { mode = dsp monitor = false control = false position = unknown }
        }
    }
`

// pipeWireConfig writes the daemon's config into the server's directory
// (Debian's pipewire.conf plus pipeWireObjects) and returns its path.
func (s *Server) pipeWireConfig() (string, error) {
	const base = "/usr/share/pipewire/pipewire.conf"
	b, err := os.ReadFile(base)
	if err != nil {
		return "", fmt.Errorf("jacktest: PipeWire config: %w", err)
	}
	const marker = "context.objects = ["
	i := strings.Index(string(b), marker)
	if i < 0 {
		return "", fmt.Errorf("jacktest: no %q in %s", marker, base)
	}
	i += len(marker)
	conf := string(b[:i]) + pipeWireObjects + string(b[i:])
	path := filepath.Join(s.Dir, "pipewire.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		return "", fmt.Errorf("jacktest: PipeWire config: %w", err)
	}
	return path, nil
}

// setPipeWireClock fixes PipeWire's rate and quantum to the options, as
// jackd's -r/-p do, so both servers start the tests from the same place.
func (s *Server) setPipeWireClock() error {
	for _, kv := range [][2]string{
		{"clock.force-rate", strconv.Itoa(s.opts.SampleRateHz)},
		{"clock.force-quantum", strconv.Itoa(s.opts.PeriodFrames)},
	} {
		if out, err := s.Run("pw-metadata", "-n", "settings", "0", kv[0], kv[1]); err != nil {
			return fmt.Errorf("jacktest: pw-metadata %s: %w: %s", kv[0], err, out)
		}
	}
	return nil
}

// waitReady polls with jack_lsp, a separate process, so readiness does not
// depend on which libjack this process loaded.
func (s *Server) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		if s.exited() {
			return fmt.Errorf("jacktest: %s exited at start: %s", s.Kind, s.logTail())
		}
		out, err := s.Run("jack_lsp")
		if err == nil && !strings.Contains(string(out), "not running") {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("jacktest: %s %q not ready after %v: %v: %s; its log: %s",
				s.Kind, s.Name, timeout, err, out, s.logTail())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// exited reports whether the server process has ended (it is a zombie
// until Stop reaps it).
func (s *Server) exited() bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return true
	}
	i := bytes.LastIndexByte(b, ')')
	return i < 0 || i+2 >= len(b) || b[i+2] == 'Z'
}

// logTail is the end of the server's log, for an error message: the log
// goes with the server's directory.
func (s *Server) logTail() string {
	b, _ := os.ReadFile(filepath.Join(s.Dir, "server.log"))
	return string(b[max(len(b)-600, 0):])
}

// Run runs a JACK or PipeWire command-line tool against this server and
// returns its combined output.
func (s *Server) Run(tool string, args ...string) ([]byte, error) {
	return s.Command(tool, args...).CombinedOutput()
}

// Command is a tool set up to reach this server, for one that must keep
// running while the test goes on (jack_transport as timebase master).
func (s *Server) Command(tool string, args ...string) *exec.Cmd {
	cmd := exec.Command(tool, args...)
	cmd.Env = append(os.Environ(), s.Env()...)
	return cmd
}

// TransportMaster runs jack_transport on s as JACK's timebase master (it
// keeps 4/4 at 120 BPM) until t ends, and returns its standard input for
// commands such as "locate 96000", "play" and "stop".
func (s *Server) TransportMaster(t testing.TB) io.Writer {
	t.Helper()
	master := s.Command("jack_transport")
	stdin, err := master.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := master.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		stdin.Close()
		done := make(chan error, 1)
		go func() { done <- master.Wait() }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			master.Process.Kill()
			<-done
		}
	})
	if _, err := io.WriteString(stdin, "master\n"); err != nil {
		t.Fatal(err)
	}
	return stdin
}

// Pid is the server process's id; 0 when stopped.
func (s *Server) Pid() int {
	if s.cmd == nil {
		return 0
	}
	return s.cmd.Process.Pid
}

// Kill ends the server abruptly (SIGKILL), as a crash would, and reaps it.
func (s *Server) Kill() error { return s.end(syscall.SIGKILL) }

// Stop ends the server with SIGTERM (SIGKILL after 5 s), reaps it and
// removes what it left in /dev/shm. The private dir stays until Close.
func (s *Server) Stop() error { return s.end(syscall.SIGTERM) }

func (s *Server) end(sig syscall.Signal) error {
	if s.cmd == nil {
		return nil
	}
	cmd := s.cmd
	s.cmd = nil
	if err := cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("jacktest: signal server pid %d: %w", cmd.Process.Pid, err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		<-done
	}
	s.log.Close()
	if s.Kind == Jackd {
		removeLeftovers(s.Name)
	}
	return nil
}

// removeLeftovers removes what jackd server name left in /dev/shm. A
// server killed (or one that died) leaves its sockets, shared memory and
// semaphores, named after it, there; left, they add up over runs until new
// servers and clients fail to map theirs. The name is one server's alone.
func removeLeftovers(name string) {
	os.RemoveAll(filepath.Join("/dev/shm", fmt.Sprintf("jack-%d", os.Getuid()), name))
	for _, pattern := range []string{"jack_" + name + "_*", "jack_sem.*_" + name + "_*"} {
		leftovers, _ := filepath.Glob(filepath.Join("/dev/shm", pattern))
		for _, f := range leftovers {
			os.Remove(f)
		}
	}
}

// Restart starts the server again under the same name and directory after
// Stop or Kill.
func (s *Server) Restart() error {
	if s.cmd != nil {
		return errors.New("jacktest: restart of a running server")
	}
	return s.start()
}

// Close stops the server if it runs and removes its private directory.
func (s *Server) Close() error {
	err := s.Stop()
	os.RemoveAll(s.Dir)
	return err
}

// Log returns what the server has written so far, for failure messages.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.Dir, "server.log"))
	return string(b)
}

// CurrentKind is the server kind this process's libjack reaches: PipeWire
// inside a ReexecForPipeWire child, Jackd otherwise.
func CurrentKind() Kind {
	if os.Getenv(kindEnv) == "pipewire" {
		return PipeWire
	}
	return Jackd
}

// ReexecForPipeWire runs this test binary again, with the same arguments,
// under pipewire-jack's libjack, and returns its exit code. Call it from
// TestMain after m.Run in the parent (CurrentKind() == Jackd).
func ReexecForPipeWire() int {
	if os.Getenv("LINUXDJ_SKIP_SERVERS") == "1" {
		return 0
	}
	if err := checkBinaries(PipeWire); err != nil {
		fmt.Fprintln(os.Stderr, "FAIL:", err)
		return 1
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "FAIL: jacktest: find test binary:", err)
		return 1
	}
	fmt.Fprintln(os.Stdout, "=== jacktest: running the tests again on PipeWire (pipewire-jack's libjack)")
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Env = append(os.Environ(), kindEnv+"=pipewire", "LD_LIBRARY_PATH="+PipeWireJackLibDir)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintln(os.Stderr, "FAIL: jacktest: re-exec for PipeWire:", err)
		return 1
	}
	return 0
}

// Eventually polls cond every 10 ms until it holds or timeout passes, and
// reports whether it held. PipeWire applies graph changes asynchronously,
// so a test checks their effect with this rather than at once.
func Eventually(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}
