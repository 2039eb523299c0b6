package nsm_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	goosc "github.com/hypebeast/go-osc/osc"

	"github.com/linuxdj/linuxdj/control/nsm"
	"github.com/linuxdj/linuxdj/control/osc"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
	"github.com/linuxdj/linuxdj/state"
)

const childEnv = "LINUXDJ_NSM_TEST_CLIENT"

// TestMain runs this binary as a small Linux DJ under NSM when childEnv is
// set: it announces, keeps its state where open says, saves on save, and
// quits cleanly on SIGTERM.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		if err := runClient(); err != nil {
			fmt.Fprintln(os.Stderr, "client:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// stateApp is the part of the real app NSM drives: the state file.
type stateApp struct {
	mu    sync.Mutex
	path  string
	state state.Mixer
}

func (a *stateApp) Open(s nsm.Session) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.path = s.StatePath()
	a.state, _ = state.Load(a.path, mixer.DefaultConfig())
	a.state.Channels[0].Name = s.DisplayName
	fmt.Println("jack-client-name", s.ClientID)
	return nil
}

func (a *stateApp) Save() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return state.Save(a.path, &a.state)
}

func runClient() error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	url, ok := nsm.URLFromEnv()
	if !ok {
		return errors.New("NSM_URL not set")
	}
	srv, err := osc.Listen(osc.Config{}, rt.NewRing[mixer.Command](16))
	if err != nil {
		return err
	}
	go srv.Serve()
	if _, err := nsm.Announce(srv, url, &stateApp{}, os.Stderr); err != nil {
		return err
	}
	<-ctx.Done()
	// Quit: close at once, no save (the manager asks for saves).
	return srv.Close()
}

// fakeServer is the session manager's end of the protocol.
type fakeServer struct {
	t    *testing.T
	conn *net.UDPConn
}

func newFakeServer(t *testing.T) *fakeServer {
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &fakeServer{t: t, conn: conn}
}

func (f *fakeServer) url() string { return "osc.udp://" + f.conn.LocalAddr().String() + "/" }

func (f *fakeServer) recv() (*goosc.Message, *net.UDPAddr) {
	f.t.Helper()
	buf := make([]byte, 65535)
	if err := f.conn.SetReadDeadline(time.Now().Add(10 * time.Second)); err != nil {
		f.t.Fatal(err)
	}
	n, from, err := f.conn.ReadFromUDP(buf)
	if err != nil {
		f.t.Fatalf("waiting for the client: %v", err)
	}
	p, err := goosc.ParsePacket(string(buf[:n]))
	msg, ok := p.(*goosc.Message)
	if err != nil || !ok {
		f.t.Fatalf("client sent a bad packet: %v", err)
	}
	return msg, from
}

func (f *fakeServer) send(to *net.UDPAddr, addr string, args ...any) {
	f.t.Helper()
	data, err := goosc.NewMessage(addr, args...).MarshalBinary()
	if err != nil {
		f.t.Fatal(err)
	}
	if _, err := f.conn.WriteToUDP(data, to); err != nil {
		f.t.Fatal(err)
	}
}

// expect receives a message from client and checks its address and args.
func (f *fakeServer) expect(client *net.UDPAddr, addr string, args ...any) *goosc.Message {
	f.t.Helper()
	msg, from := f.recv()
	if from.String() != client.String() {
		f.t.Fatalf("%s came from %s, not from the announcing socket %s", msg.Address, from, client)
	}
	if msg.Address != addr || len(msg.Arguments) < len(args) {
		f.t.Fatalf("got %s, want %s %v", msg, addr, args)
	}
	for i, a := range args {
		if msg.Arguments[i] != a {
			f.t.Fatalf("got %s, want %s %v", msg, addr, args)
		}
	}
	return msg
}

func TestSessionLifecycle(t *testing.T) {
	srv := newFakeServer(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", "NSM_URL="+srv.url())
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)

	// Announce.
	ann, client := srv.recv()
	want := []any{nsm.AppName, nsm.Capabilities, nsm.Executable, int32(1), int32(2), int32(cmd.Process.Pid)}
	if ann.Address != "/nsm/server/announce" || len(ann.Arguments) != len(want) {
		t.Fatalf("announce: %s", ann)
	}
	for i := range want {
		if ann.Arguments[i] != want[i] {
			t.Fatalf("announce argument %d = %v, want %v", i, ann.Arguments[i], want[i])
		}
	}
	srv.send(client, "/reply", "/nsm/server/announce", "Welcome", "Test Session Manager", ":server-control:")

	// Save before open is an error.
	srv.send(client, "/nsm/client/save")
	srv.expect(client, "/error", "/nsm/client/save", int32(nsm.ErrGeneral))

	// Open.
	session := t.TempDir()
	clientPath := filepath.Join(session, "Linux DJ.nABCD")
	srv.send(client, "/nsm/client/open", clientPath, "Linux DJ", "linuxdj.nABCD")
	srv.expect(client, "/reply", "/nsm/client/open")
	if !lines.Scan() || lines.Text() != "jack-client-name linuxdj.nABCD" {
		t.Fatalf("client did not take the client id as JACK name: %q", lines.Text())
	}

	// A malformed open is refused with an error, not a crash.
	srv.send(client, "/nsm/client/open", clientPath)
	srv.expect(client, "/error", "/nsm/client/open", int32(nsm.ErrGeneral))

	// Save: the file lands in the session directory.
	srv.send(client, "/nsm/client/save")
	srv.expect(client, "/reply", "/nsm/client/save", "OK")
	saved := filepath.Join(clientPath, nsm.StateFile)
	m, rep := state.Load(saved, mixer.DefaultConfig())
	if rep.Origin != state.FromFile || m.Channels[0].Name != "Linux DJ" {
		t.Fatalf("state in session dir: origin %v, channel name %q, problems %v", rep.Origin, m.Channels[0].Name, rep.Problems)
	}

	// Quit is SIGTERM: the client exits cleanly and promptly.
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("client exit after SIGTERM: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("client did not quit on SIGTERM")
	}
	if _, rep := state.Load(saved, mixer.DefaultConfig()); rep.Origin != state.FromFile {
		t.Fatalf("state broken after quit: %+v", rep)
	}
}

type failingApp struct{}

func (failingApp) Open(nsm.Session) error { return errors.New("disk on fire") }
func (failingApp) Save() error            { return nil }

func TestOpenFailureAndDirty(t *testing.T) {
	fake := newFakeServer(t)
	srv, err := osc.Listen(osc.Config{}, rt.NewRing[mixer.Command](4))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	go srv.Serve()
	c, err := nsm.Announce(srv, fake.url(), failingApp{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, client := fake.recv()
	fake.send(client, "/error", "/nsm/server/announce", int32(-2), "incompatible API")
	fake.send(client, "/nsm/client/open", filepath.Join(t.TempDir(), "x"), "Linux DJ", "linuxdj.nX")
	msg := fake.expect(client, "/error", "/nsm/client/open", int32(nsm.ErrGeneral))
	if !strings.Contains(msg.Arguments[2].(string), "disk on fire") {
		t.Fatalf("error message %v", msg.Arguments)
	}
	if _, _, err := c.Server(); err == nil || !strings.Contains(err.Error(), "incompatible API") {
		t.Fatalf("announce error not kept: %v", err)
	}
	select {
	case <-c.Opened():
		t.Fatal("Opened closed after a failed open")
	default:
	}
	if err := c.MarkDirty(); err != nil {
		t.Fatal(err)
	}
	fake.expect(client, "/nsm/client/is_dirty")
	if err := c.MarkClean(); err != nil {
		t.Fatal(err)
	}
	fake.expect(client, "/nsm/client/is_clean")
}

func TestParseURL(t *testing.T) {
	if a, err := nsm.ParseURL("osc.udp://127.0.0.1:15000/"); err != nil || a.Port != 15000 {
		t.Fatalf("%v %v", a, err)
	}
	for _, bad := range []string{"", "http://x:1/", "osc.udp://host/", "osc.tcp://127.0.0.1:1/", "::"} {
		if _, err := nsm.ParseURL(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// countingApp records what the session manager made it do.
type countingApp struct {
	mu    sync.Mutex
	opens []nsm.Session
	saves int
}

func (a *countingApp) Open(s nsm.Session) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.opens = append(a.opens, s)
	return nil
}

func (a *countingApp) Save() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.saves++
	return nil
}

func (a *countingApp) counts() (opens, saves int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.opens), a.saves
}

// TestOnlyTheManagerDrivesTheSession runs the client on a server open to
// remote control, as with --osc-host 0.0.0.0: a second socket's open, save,
// /reply and /error are dropped without an answer and counted, while its
// control messages still move the mixer and the manager's session works.
func TestOnlyTheManagerDrivesTheSession(t *testing.T) {
	manager := newFakeServer(t)
	intruder := newFakeServer(t)
	ring := rt.NewRing[mixer.Command](16)
	srv, err := osc.Listen(osc.Config{Addr: "0.0.0.0:0", AllowRemote: true, Controls: true, Channels: 2}, ring)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	go srv.Serve()
	app := &countingApp{}
	var log strings.Builder
	var logMu sync.Mutex
	c, err := nsm.Announce(srv, manager.url(), app, lockedWriter{&logMu, &log})
	if err != nil {
		t.Fatal(err)
	}
	_, client := manager.recv()
	client = &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: client.Port}

	elsewhere := filepath.Join(t.TempDir(), "elsewhere")
	intruder.send(client, "/nsm/client/open", elsewhere, "Linux DJ", "linuxdj.nEVIL")
	intruder.send(client, "/nsm/client/save")
	intruder.send(client, "/error", "/nsm/server/announce", int32(-2), "go away")
	intruder.send(client, "/reply", "/nsm/server/announce", "hi", "Evil Manager", ":evil:")
	intruder.send(client, "/linuxdj/ch/1/fader", float32(0.5))

	// The manager's open is answered after the intruder's packets, which
	// the server reads first: by then they were handled.
	session := filepath.Join(t.TempDir(), "Linux DJ.nABCD")
	manager.send(client, "/nsm/client/open", session, "Linux DJ", "linuxdj.nABCD")
	manager.expect(client, "/reply", "/nsm/client/open", "OK")
	intruder.send(client, "/nsm/client/save")
	manager.send(client, "/nsm/client/save")
	manager.expect(client, "/reply", "/nsm/client/save", "OK")

	if _, err := os.Stat(elsewhere); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the intruder's open created %s (stat: %v)", elsewhere, err)
	}
	if opens, saves := app.counts(); opens != 1 || saves != 1 {
		t.Errorf("app opened %d and saved %d times; want once each, for the manager", opens, saves)
	}
	if s, ok := c.Session(); !ok || s.Path != session {
		t.Errorf("session %+v, %v; want the manager's %s", s, ok, session)
	}
	if name, caps, err := c.Server(); name != "" || caps != "" || err != nil {
		t.Errorf("the intruder's /reply or /error was taken: %q %q %v", name, caps, err)
	}
	if n := c.Refused(); n != 5 {
		t.Errorf("Refused() = %d; want the intruder's 5 NSM messages", n)
	}
	logMu.Lock()
	if got := log.String(); strings.Count(got, "\n") != 1 || !strings.Contains(got, "not the session manager") {
		t.Errorf("log %q; want one line about the first refused message", got)
	}
	logMu.Unlock()
	var cmd mixer.Command
	if !ring.TryPopInto(&cmd) || cmd.Param != mixer.ParamFader || cmd.Value != 0.5 {
		t.Errorf("the intruder's control message gave %+v; remote control must still work", cmd)
	}
	if err := intruder.conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if n, _, err := intruder.conn.ReadFromUDP(make([]byte, 1024)); err == nil {
		t.Errorf("the intruder got a %d-byte answer", n)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *strings.Builder
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
