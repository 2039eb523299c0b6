package osc

import (
	"errors"
	"fmt"
	"math"
	"net"
	"strings"
	"sync"
	"sync/atomic"

	goosc "github.com/hypebeast/go-osc/osc"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// Prefix starts every control address.
const Prefix = "/linuxdj/"

// maxPacketBytes is the largest UDP payload.
const maxPacketBytes = 65535

// Message is a decoded OSC message.
type Message = goosc.Message

// Handler receives a message for an address registered with Handle, on the
// server goroutine, with the sender's address for replies.
type Handler func(msg *Message, from *net.UDPAddr)

// Config says where and how the server listens.
type Config struct {
	Addr        string // host:port to bind; "" means 127.0.0.1 with any free port
	AllowRemote bool   // accept control messages from non-loopback senders
	Controls    bool   // accept /linuxdj/ control messages at all
	Channels    int    // the mixer's channel count at start; see StartControl
	// OnCommand, if set, sees every command after it was pushed, on the
	// server goroutine, so the app's model (the saved state) follows OSC.
	OnCommand func(mixer.Command)
}

// Stats counts what the server received.
type Stats struct {
	Packets  uint64 // datagrams received
	Commands uint64 // commands pushed into the ring
	Ignored  uint64 // packets or messages that were malformed, unknown or refused
	Dropped  uint64 // commands refused by a full ring
}

// Server is a running OSC endpoint. Create it with Listen, register
// handlers with Handle, then run Serve on its own goroutine.
type Server struct {
	cfg  Config
	conn *net.UDPConn
	ctl  atomic.Pointer[control] // nil while control is off
	// plugins sets a plugin's control; nil until ControlPlugins.
	plugins atomic.Pointer[PluginSetter]

	mu       sync.Mutex // guards handlers
	handlers map[string]Handler
	channels atomic.Int32

	packets, commands, ignored, dropped atomic.Uint64
}

// control is where control messages go once control is on.
type control struct {
	ring      *rt.Ring[mixer.Command]
	onCommand func(mixer.Command)
}

// Listen binds the UDP socket. A non-loopback address is refused unless
// cfg.AllowRemote is set. With cfg.Controls, commands go into ring, of
// which the server is the only producer; without, ring may be nil and
// StartControl can switch control on later.
func Listen(cfg Config, ring *rt.Ring[mixer.Command]) (*Server, error) {
	addr := cfg.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	udp, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return nil, fmt.Errorf("osc: address %q: %w", addr, err)
	}
	if !cfg.AllowRemote && (udp.IP == nil || !udp.IP.IsLoopback()) {
		return nil, fmt.Errorf("osc: %s is not a loopback address; allow remote control to listen there", addr)
	}
	conn, err := net.ListenUDP("udp", udp)
	if err != nil {
		return nil, fmt.Errorf("osc: listen %s: %w", addr, err)
	}
	s := &Server{cfg: cfg, conn: conn, handlers: map[string]Handler{}}
	s.channels.Store(int32(cfg.Channels))
	if cfg.Controls {
		s.StartControl(ring, cfg.Channels, cfg.OnCommand)
	}
	return s, nil
}

// StartControl switches control messages on, for a mixer of channels
// channels: commands go into ring, of which the server goroutine becomes
// the only producer, and then to onCommand (nil for none) on the same
// goroutine. The app calls it once the engine exists, on a server it
// started earlier for NSM. Any goroutine may call it, once.
func (s *Server) StartControl(ring *rt.Ring[mixer.Command], channels int, onCommand func(mixer.Command)) {
	s.channels.Store(int32(channels))
	s.ctl.Store(&control{ring: ring, onCommand: onCommand})
}

// PluginSetter sets the control c of the plugin in an insert slot to v
// (clamped into the control's range by the setter), on the server
// goroutine, and reports false when no loaded plugin has c.
type PluginSetter func(c param.PluginControl, v float32) bool

// ControlPlugins makes control messages to
// /linuxdj/ch/<n>/insert/<slot>/<symbol> and
// /linuxdj/master/insert/<slot>/<symbol> reach set; without it they are
// ignored. They take effect only while control is on (StartControl).
// Any goroutine.
func (s *Server) ControlPlugins(set PluginSetter) { s.plugins.Store(&set) }

// LocalAddr is the address the server is bound to.
func (s *Server) LocalAddr() *net.UDPAddr { return s.conn.LocalAddr().(*net.UDPAddr) }

// URL is the server's address in liblo's form, "osc.udp://127.0.0.1:7770/".
func (s *Server) URL() string { return "osc.udp://" + s.LocalAddr().String() + "/" }

// Handle makes h receive messages sent to exactly address (not under
// Prefix). A later Handle for the same address replaces h.
func (s *Server) Handle(address string, h Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[address] = h
}

// Send sends msg to to from the server's socket.
func (s *Server) Send(to *net.UDPAddr, msg *Message) error {
	data, err := msg.MarshalBinary()
	if err != nil {
		return fmt.Errorf("osc: encode %s: %w", msg.Address, err)
	}
	if _, err := s.conn.WriteToUDP(data, to); err != nil {
		return fmt.Errorf("osc: send %s to %s: %w", msg.Address, to, err)
	}
	return nil
}

// Serve reads and handles packets until Close; it returns nil after Close.
func (s *Server) Serve() error {
	buf := make([]byte, maxPacketBytes)
	for {
		n, from, err := s.conn.ReadFromUDP(buf)
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("osc: read: %w", err)
		}
		s.HandlePacket(buf[:n], from)
	}
}

// Close stops Serve and releases the socket.
func (s *Server) Close() error { return s.conn.Close() }

// Stats returns the counters; safe from any goroutine.
func (s *Server) Stats() Stats {
	return Stats{Packets: s.packets.Load(), Commands: s.commands.Load(), Ignored: s.ignored.Load(), Dropped: s.dropped.Load()}
}

// HandlePacket decodes one datagram and acts on every message in it. Serve
// calls it; tests and fuzzing call it directly. It must only be called from
// one goroutine at a time (it produces into the ring).
func (s *Server) HandlePacket(data []byte, from *net.UDPAddr) {
	s.packets.Add(1)
	pkt, err := parse(data)
	if err != nil || pkt == nil {
		s.ignored.Add(1)
		return
	}
	s.dispatch(pkt, from)
}

// parse decodes a packet, turning a panic of the decoder on hostile input
// into an error so one bad datagram can never stop the app.
func parse(data []byte) (pkt goosc.Packet, err error) {
	defer func() {
		if r := recover(); r != nil {
			pkt, err = nil, fmt.Errorf("osc: decoder panic: %v", r)
		}
	}()
	return goosc.ParsePacket(string(data))
}

func (s *Server) dispatch(pkt goosc.Packet, from *net.UDPAddr) {
	switch p := pkt.(type) {
	case *goosc.Message:
		s.handleMessage(p, from)
	case *goosc.Bundle:
		for _, m := range p.Messages {
			s.handleMessage(m, from)
		}
		for _, b := range p.Bundles {
			s.dispatch(b, from)
		}
	default:
		s.ignored.Add(1)
	}
}

func (s *Server) handleMessage(msg *goosc.Message, from *net.UDPAddr) {
	if rest, ok := strings.CutPrefix(msg.Address, Prefix); ok {
		if !s.command(rest, msg, from) {
			s.ignored.Add(1)
		}
		return
	}
	s.mu.Lock()
	h := s.handlers[msg.Address]
	s.mu.Unlock()
	if h == nil {
		s.ignored.Add(1)
		return
	}
	h(msg, from)
}

// command turns a control message into a command; it reports false for a
// message it refused.
func (s *Server) command(name string, msg *goosc.Message, from *net.UDPAddr) bool {
	ctl := s.ctl.Load()
	if ctl == nil || from == nil || (!s.cfg.AllowRemote && !from.IP.IsLoopback()) {
		return false
	}
	p, ch, err := param.Parse(name)
	if err != nil {
		return s.pluginCommand(name, msg)
	}
	if (p.IsChannelParam() && int32(ch) >= s.channels.Load()) || len(msg.Arguments) != 1 {
		return false
	}
	v, ok := number(msg.Arguments[0])
	if !ok {
		return false
	}
	c := mixer.Command{Param: p, Channel: ch, Value: param.Clamp(p, v)}
	if !ctl.ring.TryPush(c) {
		s.dropped.Add(1)
		return true
	}
	s.commands.Add(1)
	if ctl.onCommand != nil {
		ctl.onCommand(c)
	}
	return true
}

// pluginCommand sets a plugin control from a control message; it reports
// false for one it refused.
func (s *Server) pluginCommand(name string, msg *goosc.Message) bool {
	set := s.plugins.Load()
	if set == nil || len(msg.Arguments) != 1 {
		return false
	}
	c, err := param.ParsePluginControl(name)
	if err != nil || c.Channel > int(s.channels.Load()) {
		return false
	}
	v, ok := number(msg.Arguments[0])
	if !ok || !(*set)(c, v) {
		return false
	}
	s.commands.Add(1)
	return true
}

// number reads a numeric or boolean OSC argument; NaN and ±Inf are refused.
func number(arg any) (float32, bool) {
	var v float64
	switch a := arg.(type) {
	case float32:
		v = float64(a)
	case float64:
		v = a
	case int32:
		v = float64(a)
	case int64:
		v = float64(a)
	case bool:
		if a {
			v = 1
		}
	default:
		return 0, false
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return float32(max(min(v, math.MaxFloat32), -math.MaxFloat32)), true
}

// NewMessage builds a message to Send.
func NewMessage(address string, args ...any) *Message { return goosc.NewMessage(address, args...) }
