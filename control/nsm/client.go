package nsm

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/linuxdj/linuxdj/control/osc"
)

// What Linux DJ tells the session manager about itself.
const (
	AppName      = "Linux DJ"
	Capabilities = ":dirty:"
	Executable   = "linuxdj"
	apiMajor     = 1
	apiMinor     = 2
)

// StateFile is the state's file name inside the session's client path.
const StateFile = "state.toml"

// Error codes of the NSM API that this client sends.
const (
	ErrGeneral      = -1
	ErrCreateFailed = -10
)

// Session is what /nsm/client/open hands the client.
type Session struct {
	Path        string // the client's own path in the session; used as a directory
	DisplayName string // the name the manager shows for this client
	ClientID    string // unique in the session; the JACK client name to use
}

// StatePath is the state file inside the session.
func (s Session) StatePath() string { return filepath.Join(s.Path, StateFile) }

// App is what the session manager drives. Both run on the OSC server's
// goroutine; the manager waits for their reply, so they should finish.
type App interface {
	// Open loads the state at s.StatePath() (defaults if it does not exist
	// yet) and (re)starts JACK as s.ClientID.
	Open(s Session) error
	// Save writes the state to the open session.
	Save() error
}

// URLFromEnv returns NSM_URL, and whether the app runs under a manager.
func URLFromEnv() (string, bool) {
	u := os.Getenv("NSM_URL")
	return u, u != ""
}

// ParseURL reads a liblo URL such as "osc.udp://host:12345/".
func ParseURL(s string) (*net.UDPAddr, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("nsm: NSM_URL %q: %w", s, err)
	}
	if u.Scheme != "osc.udp" || u.Port() == "" {
		return nil, fmt.Errorf("nsm: NSM_URL %q: want osc.udp://host:port/", s)
	}
	addr, err := net.ResolveUDPAddr("udp", u.Host)
	if err != nil {
		return nil, fmt.Errorf("nsm: NSM_URL %q: %w", s, err)
	}
	return addr, nil
}

// Client is an announced session client.
type Client struct {
	srv    *osc.Server
	server *net.UDPAddr
	app    App
	// serverLocal: the manager runs on this machine, so its replies may
	// come from any of this machine's addresses (see fromManager); local
	// holds them as of the announce.
	serverLocal bool
	local       []net.IP
	refused     atomic.Uint64
	log         io.Writer

	mu          sync.Mutex
	session     *Session
	serverName  string
	serverCaps  string
	announceErr error
	opened      chan struct{}
}

// Announce registers the NSM handlers on srv and announces the app to the
// manager at nsmURL. srv must be serving (or about to serve). NSM messages
// from anyone but the manager are dropped and counted (Refused); the first
// one is reported on log, if not nil.
func Announce(srv *osc.Server, nsmURL string, app App, log io.Writer) (*Client, error) {
	server, err := ParseURL(nsmURL)
	if err != nil {
		return nil, err
	}
	c := &Client{srv: srv, server: server, app: app, log: log, opened: make(chan struct{})}
	c.local = localIPs()
	c.serverLocal = c.isLocal(server.IP)
	c.handle("/nsm/client/open", c.handleOpen)
	c.handle("/nsm/client/save", c.handleSave)
	c.handle("/reply", c.handleReply)
	c.handle("/error", c.handleError)
	// Sent to every client once the whole session is open; nothing to do.
	c.handle("/nsm/client/session_is_loaded", func(*osc.Message, *net.UDPAddr) {})
	msg := osc.NewMessage("/nsm/server/announce", AppName, Capabilities, Executable,
		int32(apiMajor), int32(apiMinor), int32(os.Getpid()))
	if err := srv.Send(server, msg); err != nil {
		return nil, fmt.Errorf("nsm: announce: %w", err)
	}
	return c, nil
}

// handle registers h for messages from the manager only: a server that
// listens beyond loopback (--osc-host) must not let another machine choose
// where the app saves, or make it save.
func (c *Client) handle(address string, h osc.Handler) {
	c.srv.Handle(address, func(msg *osc.Message, from *net.UDPAddr) {
		if !c.fromManager(from) {
			if c.refused.Add(1) == 1 && c.log != nil {
				fmt.Fprintf(c.log, "linuxdj: NSM: ignoring %s from %s, which is not the session manager at %s (reported once)\n",
					msg.Address, from, c.server)
			}
			return
		}
		h(msg, from)
	})
}

// fromManager reports whether from is the manager's socket: its port, and
// its address. A manager on this machine names it by host name in NSM_URL
// (nsmd does), which resolves to one of this machine's addresses while its
// replies come from whichever address the kernel picks for ours, often
// loopback; any address of this machine is then the manager's. Another
// machine cannot send from one: Linux drops packets that arrive from
// outside with a source address of its own (accept_local is off).
func (c *Client) fromManager(from *net.UDPAddr) bool {
	if from == nil || from.Port != c.server.Port {
		return false
	}
	return from.IP.Equal(c.server.IP) || c.serverLocal && c.isLocal(from.IP)
}

func (c *Client) isLocal(ip net.IP) bool {
	if ip.IsLoopback() {
		return true
	}
	for _, l := range c.local {
		if l.Equal(ip) {
			return true
		}
	}
	return false
}

// localIPs are this machine's interface addresses; none when they cannot
// be read, which leaves loopback and the manager's exact address.
func localIPs() []net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var ips []net.IP
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			ips = append(ips, n.IP)
		}
	}
	return ips
}

// Refused counts the NSM messages dropped because they did not come from
// the manager.
func (c *Client) Refused() uint64 { return c.refused.Load() }

// Opened is closed once the first /nsm/client/open succeeded.
func (c *Client) Opened() <-chan struct{} { return c.opened }

// Session returns the open session, if any.
func (c *Client) Session() (Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		return Session{}, false
	}
	return *c.session, true
}

// Server returns the manager's name and capabilities from its reply to the
// announce, and any error it sent instead.
func (c *Client) Server() (name, capabilities string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.serverName, c.serverCaps, c.announceErr
}

// MarkDirty tells the manager there are unsaved changes.
func (c *Client) MarkDirty() error { return c.send(osc.NewMessage("/nsm/client/is_dirty")) }

// MarkClean tells the manager everything is saved.
func (c *Client) MarkClean() error { return c.send(osc.NewMessage("/nsm/client/is_clean")) }

func (c *Client) send(msg *osc.Message) error {
	if err := c.srv.Send(c.server, msg); err != nil {
		return fmt.Errorf("nsm: %w", err)
	}
	return nil
}

func (c *Client) reply(to *net.UDPAddr, path string, err error, code int32) {
	if err != nil {
		// A failed send has nowhere to go: the manager times the client out.
		_ = c.srv.Send(to, osc.NewMessage("/error", path, code, err.Error()))
		return
	}
	_ = c.srv.Send(to, osc.NewMessage("/reply", path, "OK"))
}

func (c *Client) handleOpen(msg *osc.Message, from *net.UDPAddr) {
	const path = "/nsm/client/open"
	args, ok := strings3(msg)
	if !ok || args[0] == "" || args[2] == "" {
		c.reply(from, path, errors.New("open wants path, display name and client id"), ErrGeneral)
		return
	}
	s := Session{Path: args[0], DisplayName: args[1], ClientID: args[2]}
	if err := os.MkdirAll(s.Path, 0o755); err != nil {
		c.reply(from, path, fmt.Errorf("create %s: %w", s.Path, err), ErrCreateFailed)
		return
	}
	if err := c.app.Open(s); err != nil {
		c.reply(from, path, err, ErrGeneral)
		return
	}
	c.mu.Lock()
	first := c.session == nil
	c.session = &s
	c.mu.Unlock()
	if first {
		close(c.opened)
	}
	c.reply(from, path, nil, 0)
}

func (c *Client) handleSave(_ *osc.Message, from *net.UDPAddr) {
	const path = "/nsm/client/save"
	if _, ok := c.Session(); !ok {
		c.reply(from, path, errors.New("no session is open"), ErrGeneral)
		return
	}
	if err := c.app.Save(); err != nil {
		c.reply(from, path, err, ErrGeneral)
		return
	}
	c.reply(from, path, nil, 0)
}

// handleReply takes the manager's answer to the announce:
// /reply "/nsm/server/announce" message server_name capabilities.
func (c *Client) handleReply(msg *osc.Message, _ *net.UDPAddr) {
	if len(msg.Arguments) < 4 {
		return
	}
	path, _ := msg.Arguments[0].(string)
	name, _ := msg.Arguments[2].(string)
	caps, _ := msg.Arguments[3].(string)
	if path != "/nsm/server/announce" {
		return
	}
	c.mu.Lock()
	c.serverName, c.serverCaps = name, caps
	c.mu.Unlock()
}

// handleError takes /error "/nsm/server/announce" code message.
func (c *Client) handleError(msg *osc.Message, _ *net.UDPAddr) {
	if len(msg.Arguments) < 3 {
		return
	}
	path, _ := msg.Arguments[0].(string)
	code, _ := msg.Arguments[1].(int32)
	text, _ := msg.Arguments[2].(string)
	if path != "/nsm/server/announce" {
		return
	}
	c.mu.Lock()
	c.announceErr = fmt.Errorf("nsm: announce refused (%d): %s", code, text)
	c.mu.Unlock()
}

// strings3 returns a message's three string arguments.
func strings3(msg *osc.Message) ([3]string, bool) {
	var out [3]string
	if len(msg.Arguments) != 3 {
		return out, false
	}
	for i, a := range msg.Arguments {
		s, ok := a.(string)
		if !ok {
			return out, false
		}
		out[i] = s
	}
	return out, true
}
