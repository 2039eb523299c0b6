package app

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	goosc "github.com/hypebeast/go-osc/osc"

	"github.com/linuxdj/linuxdj/assets"
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
	"github.com/linuxdj/linuxdj/widgets"
)

func TestBadMIDIMappingIsSkipped(t *testing.T) {
	good := midi.Mapping{Source: midi.SourceCC, MIDIChannel: 1, Number: 7, Kind: midi.KindAbsolute,
		Target: midi.Target{Param: mixer.ParamFader}}
	bad := good
	bad.MIDIChannel = 17
	var stderr bytes.Buffer
	m := newMIDIMapper([]midi.Mapping{bad, good}, &stderr)
	if got := m.Table().Mappings(); len(got) != 1 || got[0] != good {
		t.Errorf("mapper has %+v; want only the good mapping", got)
	}
	if !strings.Contains(stderr.String(), "MIDI mapping 1 skipped: midi: midi_channel 17") {
		t.Errorf("stderr does not name the bad mapping:\n%s", stderr.String())
	}
}

func TestOSCFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--osc-port", "70000"}, "--osc-port 70000: want 1 to 65535"},
		{[]string{"--osc-host", "0.0.0.0"}, "--osc-host needs --osc-port"},
	} {
		var stderr bytes.Buffer
		if _, code, exit := parseFlags(c.args, &stderr); !exit || code != 2 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: exit %v code %d, stderr %q; want code 2 and %q", c.args, exit, code, stderr.String(), c.want)
		}
	}
	if addr, remote := oscAddr("127.0.0.1", 7770); addr != "127.0.0.1:7770" || remote {
		t.Errorf("oscAddr(127.0.0.1) = %s, remote %v", addr, remote)
	}
	if _, remote := oscAddr("0.0.0.0", 7770); !remote {
		t.Error("oscAddr(0.0.0.0) does not allow remote senders")
	}
}

// freeUDPPort finds a loopback UDP port nobody uses now.
func freeUDPPort(t *testing.T) int {
	t.Helper()
	c, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}

// masterPeak waits settle for the engine to follow, then returns the
// master's loudest sample over the next 200 ms of meter frames.
func masterPeak(t *testing.T, eng *mixer.Engine, settle time.Duration) float32 {
	t.Helper()
	var f mixer.MeterFrame
	time.Sleep(settle)
	for eng.Meters().TryPopInto(&f) {
	}
	peak, frames := float32(0), 0
	for end := time.Now().Add(200 * time.Millisecond); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		for eng.Meters().TryPopInto(&f) {
			peak = max(peak, f.Master.PeakL, f.Master.PeakR)
			frames++
		}
	}
	if frames == 0 {
		t.Fatal("no meter frames in 200 ms: the engine is not running")
	}
	return peak
}

// TestOSCMovesEngineWindowAndState runs a session on the null backend with
// the demo playing and --osc-port: a UDP message turns the master down in
// the engine (the master meter falls silent), in the window's model (the
// window's own drain: UI.Apply and remoteApplied) and in the saved state.
func TestOSCMovesEngineWindowAndState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.toml")
	o := options{backend: "null", config: path, rateHz: 48000, periodFrames: 256, demo: true,
		oscPort: freeUDPPort(t), oscHost: defaultOSCHost}
	var stderr bytes.Buffer
	s, code := openSession(o, "null", &stderr)
	if s == nil {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if err := s.startRemote(o, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			s.stop()
		}
	}()
	if peak := masterPeak(t, s.eng, 100*time.Millisecond); peak < 0.01 {
		t.Fatalf("master peak %v with the demo playing", peak)
	}
	th, err := widgets.ParseTheme(assets.ThemeJSON)
	if err != nil {
		t.Fatal(err)
	}
	ui := newSessionUI(th, s)

	conn, err := net.DialUDP("udp", nil, &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: o.oscPort})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	data, err := goosc.NewMessage("/linuxdj/master", float32(0)).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Write(data); err != nil {
		t.Fatal(err)
	}
	var cmd mixer.Command
	deadline := time.Now().Add(2 * time.Second)
	for got := false; !got; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no command came back from OSC in 2 s; stderr:\n%s", stderr.String())
		}
		for _, r := range s.remote {
			for r.TryPopInto(&cmd) {
				ui.Apply(cmd)
				s.remoteApplied(cmd)
				got = true
			}
		}
	}
	if want := (mixer.Command{Param: mixer.ParamMasterLevel, Value: 0}); cmd != want {
		t.Errorf("remote ring gave %+v; want %+v", cmd, want)
	}
	if v := ui.get(mixer.ParamMasterLevel, 0); v != 0 {
		t.Errorf("window model master = %v; want 0", v)
	}
	if peak := masterPeak(t, s.eng, 100*time.Millisecond); peak != 0 {
		t.Errorf("master peak %v after /linuxdj/master 0; want silence", peak)
	}
	stopped = true
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	m, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromFile || m.Controls.Get(mixer.ParamMasterLevel, 0) != 0 {
		t.Errorf("saved master %v (%+v); want 0", m.Controls.Get(mixer.ParamMasterLevel, 0), rep)
	}
	if !strings.Contains(stderr.String(), "linuxdj: OSC control on osc.udp://127.0.0.1:") {
		t.Errorf("stderr does not say where OSC listens:\n%s", stderr.String())
	}
}

// nsmServer plays the session manager's part over UDP on localhost.
type nsmServer struct {
	t       *testing.T
	conn    *net.UDPConn
	msgs    chan *goosc.Message
	pending []*goosc.Message // received, not yet expected
}

func newNSMServer(t *testing.T) *nsmServer {
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	n := &nsmServer{t: t, conn: conn, msgs: make(chan *goosc.Message, 64)}
	go func() {
		buf := make([]byte, 65535)
		for {
			k, from, err := conn.ReadFromUDP(buf)
			if err != nil {
				close(n.msgs)
				return
			}
			p, err := goosc.ParsePacket(string(buf[:k]))
			if m, ok := p.(*goosc.Message); ok && err == nil {
				// The client's address travels in an argument-free field:
				// keep it as the last argument for replies.
				m.Append(from.String())
				n.msgs <- m
			}
		}
	}()
	return n
}

func (n *nsmServer) url() string { return "osc.udp://" + n.conn.LocalAddr().String() + "/" }

// expect returns the first message to address received so far or within
// timeout; its last argument is the sender's address.
func (n *nsmServer) expect(address string, timeout time.Duration) *goosc.Message {
	n.t.Helper()
	for i, m := range n.pending {
		if m.Address == address {
			n.pending = append(n.pending[:i], n.pending[i+1:]...)
			return m
		}
	}
	deadline := time.After(timeout)
	for {
		select {
		case m, ok := <-n.msgs:
			if !ok {
				n.t.Fatalf("NSM socket closed waiting for %s", address)
			}
			if m.Address == address {
				return m
			}
			n.pending = append(n.pending, m)
		case <-deadline:
			n.t.Fatalf("no %s from the app within %v", address, timeout)
		}
	}
}

// quiet fails the test if a message to address was received so far or
// arrives within d; other messages are kept for expect.
func (n *nsmServer) quiet(address string, d time.Duration) {
	n.t.Helper()
	for _, m := range n.pending {
		if m.Address == address {
			n.t.Fatalf("%s %v from the app", address, m.Arguments)
		}
	}
	deadline := time.After(d)
	for {
		select {
		case m, ok := <-n.msgs:
			if !ok {
				n.t.Fatalf("NSM socket closed while expecting no %s", address)
			}
			if m.Address == address {
				n.t.Fatalf("%s %v from the app, with no change made", address, m.Arguments)
			}
			n.pending = append(n.pending, m)
		case <-deadline:
			return
		}
	}
}

func (n *nsmServer) send(to string, address string, args ...any) {
	n.t.Helper()
	addr, err := net.ResolveUDPAddr("udp", to)
	if err != nil {
		n.t.Fatal(err)
	}
	data, err := goosc.NewMessage(address, args...).MarshalBinary()
	if err != nil {
		n.t.Fatal(err)
	}
	if _, err := n.conn.WriteToUDP(data, addr); err != nil {
		n.t.Fatal(err)
	}
}

// expectReply waits for /reply to path with "OK".
func (n *nsmServer) expectReply(path string) {
	n.t.Helper()
	m := n.expect("/reply", 10*time.Second)
	if len(m.Arguments) < 3 || m.Arguments[0] != path || m.Arguments[1] != "OK" {
		n.t.Fatalf("reply %v; want /reply %s OK", m.Arguments, path)
	}
}

// TestNSMSession runs the real binary headless under a session manager
// played by the test: announce → open → a change over OSC marks the
// session dirty → save writes state.toml in the session directory and
// marks it clean → a later change is not saved by SIGTERM, which exits 0.
func TestNSMSession(t *testing.T) {
	bin := buildLinuxDJ(t)
	n := newNSMServer(t)
	dir := filepath.Join(t.TempDir(), "session", "Linux DJ.nABCD")
	port := freeUDPPort(t)
	cmd := exec.Command(bin, "--headless", "--backend", "null", "--osc-port", strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "NSM_URL="+n.url(), "XDG_CONFIG_HOME="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	ann := n.expect("/nsm/server/announce", 20*time.Second)
	if len(ann.Arguments) != 7 || ann.Arguments[0] != "Linux DJ" || ann.Arguments[2] != "linuxdj" {
		t.Fatalf("announce %v", ann.Arguments)
	}
	app := ann.Arguments[6].(string)
	if !strings.HasSuffix(app, ":"+strconv.Itoa(port)) {
		t.Errorf("announced from %s; want the --osc-port %d socket", app, port)
	}
	n.send(app, "/reply", "/nsm/server/announce", "hi", "test manager", ":server-control:")
	n.send(app, "/nsm/client/open", dir, "Linux DJ", "linuxdj.nABCD")
	n.expectReply("/nsm/client/open")

	n.send(app, "/linuxdj/ch/1/fader", float32(0.3))
	n.expect("/nsm/client/is_dirty", 5*time.Second)
	if _, err := os.Stat(filepath.Join(dir, "state.toml")); err == nil {
		t.Fatal("state.toml written before /nsm/client/save: autosave is on under NSM")
	}
	n.send(app, "/nsm/client/save")
	n.expectReply("/nsm/client/save")
	n.expect("/nsm/client/is_clean", 5*time.Second)
	m, rep := state.Load(filepath.Join(dir, "state.toml"), mixer.DefaultConfig())
	if rep.Origin != state.FromFile || m.Controls.Get(mixer.ParamFader, 0) != 0.3 {
		t.Fatalf("session state: fader %v (%+v); want 0.3 from the file", m.Controls.Get(mixer.ParamFader, 0), rep)
	}

	n.send(app, "/linuxdj/ch/1/fader", float32(0.9))
	time.Sleep(200 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v; stderr:\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("still running 10 s after SIGTERM; stderr:\n%s", stderr.String())
	}
	m, _ = state.Load(filepath.Join(dir, "state.toml"), mixer.DefaultConfig())
	if m.Controls.Get(mixer.ParamFader, 0) != 0.3 {
		t.Errorf("SIGTERM saved the fader at %v; under NSM only /nsm/client/save saves", m.Controls.Get(mixer.ParamFader, 0))
	}
	if !strings.Contains(stderr.String(), `NSM: session "Linux DJ", client linuxdj.nABCD`) {
		t.Errorf("stderr does not report the session:\n%s", stderr.String())
	}
}

// TestNSMIgnoresOtherSenders runs the real binary under a session manager
// with OSC open to other machines (--osc-host 0.0.0.0): another socket's
// /nsm/client/open and /nsm/client/save create and save nothing, and are
// reported once, while its control messages still work and the manager's
// session runs as usual.
func TestNSMIgnoresOtherSenders(t *testing.T) {
	bin := buildLinuxDJ(t)
	n := newNSMServer(t)
	intruder := newNSMServer(t)
	dir := filepath.Join(t.TempDir(), "session", "Linux DJ.nABCD")
	elsewhere := filepath.Join(t.TempDir(), "elsewhere")
	port := freeUDPPort(t)
	cmd := exec.Command(bin, "--headless", "--backend", "null", "--osc-host", "0.0.0.0", "--osc-port", strconv.Itoa(port))
	cmd.Env = append(os.Environ(), "NSM_URL="+n.url(), "XDG_CONFIG_HOME="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	n.expect("/nsm/server/announce", 20*time.Second)
	app := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	intruder.send(app, "/nsm/client/open", elsewhere, "Linux DJ", "linuxdj.nEVIL")
	n.send(app, "/reply", "/nsm/server/announce", "hi", "test manager", ":server-control:")
	n.send(app, "/nsm/client/open", dir, "Linux DJ", "linuxdj.nABCD")
	n.expectReply("/nsm/client/open")

	// The fader comes after the save on the same socket: once the manager
	// hears the session is dirty, the save was handled.
	intruder.send(app, "/nsm/client/save")
	intruder.send(app, "/linuxdj/ch/1/fader", float32(0.3))
	n.expect("/nsm/client/is_dirty", 5*time.Second)
	if _, err := os.Stat(filepath.Join(dir, "state.toml")); err == nil {
		t.Error("another sender's /nsm/client/save wrote the session's state")
	}
	if _, err := os.Stat(elsewhere); err == nil {
		t.Errorf("another sender's /nsm/client/open created %s", elsewhere)
	}
	n.send(app, "/nsm/client/save")
	n.expectReply("/nsm/client/save")
	m, rep := state.Load(filepath.Join(dir, "state.toml"), mixer.DefaultConfig())
	if rep.Origin != state.FromFile || m.Controls.Get(mixer.ParamFader, 0) != 0.3 {
		t.Fatalf("session state: fader %v (%+v); want the other sender's 0.3 saved by the manager", m.Controls.Get(mixer.ParamFader, 0), rep)
	}
	select {
	case msg := <-intruder.msgs:
		t.Errorf("the other sender got an answer: %s", msg)
	case <-time.After(100 * time.Millisecond):
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit after SIGTERM: %v; stderr:\n%s", err, stderr.String())
	}
	if got := strings.Count(stderr.String(), "not the session manager"); got != 1 {
		t.Errorf("stderr reports refused NSM messages %d times; want once:\n%s", got, stderr.String())
	}
}
