package app

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/nsm"
	"github.com/linuxdj/linuxdj/control/osc"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
	"github.com/linuxdj/linuxdj/state"
)

// Remote control: MIDI (JACK only: the other backends have no MIDI ports),
// OSC (--osc-port) and the NSM session protocol (NSM_URL). Each controller
// moves the engine through a command ring of its own and reports what it
// did through a second ring, which the window (UI.Apply) or the headless
// loop drains so the saved state follows; see session.remote.

// defaultOSCHost is where OSC control listens unless --osc-host says
// otherwise: this machine only.
const defaultOSCHost = "127.0.0.1"

// nsmOpenTimeout is how long the app waits for the session manager's
// /nsm/client/open after announcing; managers send it at once.
const nsmOpenTimeout = 10 * time.Second

// newMIDIMapper builds the mapper of the saved mappings. A bad mapping is
// reported and skipped: it must not cost the user the others, or the start.
func newMIDIMapper(ms []midi.Mapping, stderr io.Writer) *midi.Mapper {
	var good []midi.Mapping
	for i, mp := range ms {
		if err := mp.Validate(); err != nil {
			fmt.Fprintf(stderr, "linuxdj: state: MIDI mapping %d skipped: %v\n", i+1, err)
			continue
		}
		if len(good) == midi.MaxMappings {
			fmt.Fprintf(stderr, "linuxdj: state: MIDI mappings after the first %d skipped\n", midi.MaxMappings)
			break
		}
		good = append(good, mp)
	}
	t, err := midi.NewTable(good)
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: state: MIDI mappings skipped: %v\n", err)
	}
	return midi.NewMapper(t)
}

// startRemote wires the controllers before the backend starts: MIDI on
// JACK, OSC control when --osc-port asks for it (on the NSM server when a
// session manager runs the app), and the NSM session.
func (s *session) startRemote(o options, ns *nsmJoin) error {
	if s.store.jack != nil {
		s.wireMIDI(s.store.model.MIDI)
	}
	var srv *osc.Server
	if ns != nil {
		srv = ns.srv
		s.underNSM(ns)
	}
	if o.oscPort == 0 {
		return nil
	}
	if srv == nil {
		addr, remote := oscAddr(o.oscHost, o.oscPort)
		var err error
		if srv, err = osc.Listen(osc.Config{Addr: addr, AllowRemote: remote}, nil); err != nil {
			return err
		}
		s.osc = srv
		go s.serveOSC(srv)
	}
	echo := rt.NewRing[mixer.Command](commandRingSize)
	srv.ControlPlugins(s.plugins.set)
	srv.StartControl(s.eng.NewCommandRing(commandRingSize), len(s.cfg.Channels), func(c mixer.Command) { echo.TryPush(c) })
	s.remote = append(s.remote, echo)
	fmt.Fprintf(s.stderr, "linuxdj: OSC control on %s\n", srv.URL())
	return nil
}

// wireMIDI puts the MIDI mapper between the JACK backend's MIDI ports and
// the engine.
func (s *session) wireMIDI(saved []midi.Mapping) {
	s.mapper = newMIDIMapper(saved, s.stderr)
	s.mapper.SetPlugins(s.plugins)
	bridge := midi.NewBridge(s.eng, s.mapper, commandRingSize)
	s.proc = bridge
	s.remote = append(s.remote, bridge.Echo())
}

// serveOSC runs srv until it is closed.
func (s *session) serveOSC(srv *osc.Server) {
	if err := srv.Serve(); err != nil {
		fmt.Fprintf(s.stderr, "linuxdj: %v\n", err)
	}
}

// closeRemote stops OSC (and with it NSM): nothing may save or send while
// the session stops.
func (s *session) closeRemote() {
	if s.osc != nil {
		s.osc.Close()
		s.osc = nil
	}
}

// remoteApplied makes the saved state follow a command another controller
// made; the window calls it on its goroutine, the headless loop on its own.
func (s *session) remoteApplied(c mixer.Command) {
	s.store.set(c)
}

// applyRemote drains the remote rings into the saved state (headless).
func (s *session) applyRemote() {
	var c mixer.Command
	for _, r := range s.remote {
		for r.TryPopInto(&c) {
			s.remoteApplied(c)
		}
	}
}

// oscAddr is --osc-host and --osc-port as a listen address, and whether
// the host is not loopback (the user asked for remote control).
func oscAddr(host string, port int) (addr string, remote bool) {
	ip := net.ParseIP(host)
	return net.JoinHostPort(host, strconv.Itoa(port)), host != "localhost" && (ip == nil || !ip.IsLoopback())
}

// nsmApp is the app as the session manager sees it. Open hands the
// session to runMixer, which loads the state from it, names the JACK
// client after it and reports back through ready, so the reply to the
// manager means the mixer runs. Save saves the store once the session runs.
type nsmApp struct {
	opened chan nsm.Session
	ready  chan error
	store  atomic.Pointer[store]
	client *nsm.Client
}

func (a *nsmApp) Open(s nsm.Session) error {
	select {
	case a.opened <- s:
	default:
		// Without the :switch: capability the manager restarts the app
		// rather than re-opening it; refuse anything else.
		return errors.New("linuxdj is open in a session already; restart it to switch")
	}
	select {
	case err := <-a.ready:
		return err
	case <-time.After(nsmOpenTimeout):
		return fmt.Errorf("the mixer did not start within %v", nsmOpenTimeout)
	}
}

func (a *nsmApp) Save() error {
	st := a.store.Load()
	if st == nil {
		return errors.New("linuxdj is still starting")
	}
	if err := st.save(); err != nil {
		return err
	}
	return a.client.MarkClean()
}

// nsmJoin is a session manager's hold on the app, from the announce on.
type nsmJoin struct {
	srv *osc.Server
	app *nsmApp
}

// started answers the manager's open: nil once the mixer runs, or why
// it could not start.
func (ns *nsmJoin) started(err error) {
	if ns != nil {
		ns.app.ready <- err
	}
}

// close answers the open with err and releases the server, when the app
// does not get to run the session.
func (ns *nsmJoin) close(err error) {
	if ns != nil {
		ns.started(err)
		ns.srv.Close()
	}
}

// joinNSMFromEnv runs the NSM handshake when NSM_URL is set, before the
// state or JACK open: an OSC server on loopback (on --osc-port when given,
// so control and session share one server, as the NSM API expects), the
// announce, and the wait for open. It points o's state file and JACK
// client name at the session. It returns nil without NSM_URL.
func joinNSMFromEnv(o *options, stderr io.Writer) (*nsmJoin, error) {
	nsmURL, ok := nsm.URLFromEnv()
	if !ok {
		return nil, nil
	}
	addr, remote := "127.0.0.1:0", false
	if o.oscPort != 0 {
		addr, remote = oscAddr(o.oscHost, o.oscPort)
	}
	srv, err := osc.Listen(osc.Config{Addr: addr, AllowRemote: remote}, nil)
	if err != nil {
		return nil, err
	}
	ns := &nsmJoin{srv: srv, app: &nsmApp{opened: make(chan nsm.Session, 1), ready: make(chan error, 1)}}
	go func() {
		if err := srv.Serve(); err != nil {
			fmt.Fprintf(stderr, "linuxdj: %v\n", err)
		}
	}()
	ns.app.client, err = nsm.Announce(srv, nsmURL, ns.app, stderr)
	if err != nil {
		srv.Close()
		return nil, err
	}
	deadline := time.After(nsmOpenTimeout)
	poll := time.NewTicker(50 * time.Millisecond)
	defer poll.Stop()
	for {
		select {
		case sess := <-ns.app.opened:
			if o.config != "" || o.clientName != "" {
				fmt.Fprintf(stderr, "linuxdj: NSM: the session decides the state file and JACK client name; --config and --client-name are ignored\n")
			}
			o.config, o.clientName = sess.StatePath(), sess.ClientID
			fmt.Fprintf(stderr, "linuxdj: NSM: session %q, client %s, state %s\n", sess.DisplayName, sess.ClientID, o.config)
			return ns, nil
		case <-poll.C:
			if _, _, err := ns.app.client.Server(); err != nil {
				srv.Close()
				return nil, err
			}
		case <-deadline:
			srv.Close()
			return nil, fmt.Errorf("nsm: no /nsm/client/open from the session manager at %s within %v", nsmURL, nsmOpenTimeout)
		}
	}
}

// underNSM hands the session to the session manager: saves happen on
// /nsm/client/save only, and a change marks the session dirty instead (a
// moment after it, like the autosave it replaces).
func (s *session) underNSM(ns *nsmJoin) {
	s.osc, s.nsm = ns.srv, ns.app.client
	s.store.auto.Close()
	s.store.auto = state.NewAutosaver(autosaveDelay, ns.app.client.MarkDirty)
	ns.app.store.Store(s.store)
}
