package osc_test

import (
	"fmt"
	"math"
	"net"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	goosc "github.com/hypebeast/go-osc/osc"

	"github.com/linuxdj/linuxdj/control/osc"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

var loopback = &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}

func newServer(t testing.TB, cfg osc.Config) (*osc.Server, *rt.Ring[mixer.Command]) {
	t.Helper()
	// Larger than the commands any test sends at once, so a slow drain
	// never turns into dropped commands.
	ring := rt.NewRing[mixer.Command](1024)
	s, err := osc.Listen(cfg, ring)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, ring
}

func encode(t testing.TB, p goosc.Packet) []byte {
	t.Helper()
	b, err := p.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func drain(r *rt.Ring[mixer.Command]) []mixer.Command {
	var cs []mixer.Command
	for {
		c, ok := r.TryPop()
		if !ok {
			return cs
		}
		cs = append(cs, c)
	}
}

func TestEveryControlOverUDP(t *testing.T) {
	var seen []mixer.Command
	s, ring := newServer(t, osc.Config{Controls: true, Channels: 2, OnCommand: func(c mixer.Command) { seen = append(seen, c) }})
	done := make(chan error, 1)
	go func() { done <- s.Serve() }()
	client, err := net.DialUDP("udp", nil, s.LocalAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	var want []mixer.Command
	for _, p := range param.All() {
		info, _ := param.Lookup(p)
		chans := []int16{0}
		if p.IsChannelParam() {
			chans = []int16{0, 1}
		}
		for _, ch := range chans {
			addr := osc.Prefix + param.Format(p, ch)
			if _, err := client.Write(encode(t, goosc.NewMessage(addr, info.Max))); err != nil {
				t.Fatal(err)
			}
			want = append(want, mixer.Command{Param: p, Channel: ch, Value: info.Max})
		}
	}
	var got []mixer.Command
	deadline := time.Now().Add(5 * time.Second)
	for len(got) < len(want) && time.Now().Before(deadline) {
		got = append(got, drain(ring)...)
		time.Sleep(time.Millisecond)
	}
	s.Close()
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d commands, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] || seen[i] != want[i] {
			t.Fatalf("command %d: got %+v (hook saw %+v), want %+v", i, got[i], seen[i], want[i])
		}
	}
	if st := s.Stats(); st.Commands != uint64(len(want)) || st.Ignored != 0 || st.Dropped != 0 {
		t.Fatalf("stats %+v", st)
	}
}

func TestBadMessagesIgnored(t *testing.T) {
	s, ring := newServer(t, osc.Config{Controls: true, Channels: 2})
	remote := &net.UDPAddr{IP: net.IPv4(192, 0, 2, 7), Port: 9}
	cases := []struct {
		name string
		data []byte
		from *net.UDPAddr
	}{
		{"unknown control", encode(t, goosc.NewMessage("/linuxdj/ch/1/volume", float32(1))), loopback},
		{"channel the mixer lacks", encode(t, goosc.NewMessage("/linuxdj/ch/3/fader", float32(1))), loopback},
		{"channel zero", encode(t, goosc.NewMessage("/linuxdj/ch/0/fader", float32(1))), loopback},
		{"global under a channel", encode(t, goosc.NewMessage("/linuxdj/ch/1/crossfader", float32(1))), loopback},
		{"string argument", encode(t, goosc.NewMessage("/linuxdj/crossfader", "left")), loopback},
		{"no argument", encode(t, goosc.NewMessage("/linuxdj/crossfader")), loopback},
		{"two arguments", encode(t, goosc.NewMessage("/linuxdj/crossfader", float32(1), float32(2))), loopback},
		{"nan", encode(t, goosc.NewMessage("/linuxdj/crossfader", float32(math.NaN()))), loopback},
		{"infinity", encode(t, goosc.NewMessage("/linuxdj/crossfader", math.Inf(1))), loopback},
		{"remote sender", encode(t, goosc.NewMessage("/linuxdj/crossfader", float32(1))), remote},
		{"unhandled address", encode(t, goosc.NewMessage("/other", int32(1))), loopback},
		{"junk", []byte{0x2f, 0xff, 0x00}, loopback},
		{"not osc", []byte("hello"), loopback},
		{"empty", nil, loopback},
		{"truncated", encode(t, goosc.NewMessage("/linuxdj/crossfader", float32(1)))[:22], loopback},
	}
	for _, tc := range cases {
		before := s.Stats().Ignored
		s.HandlePacket(tc.data, tc.from)
		if cs := drain(ring); len(cs) != 0 {
			t.Errorf("%s: made %v", tc.name, cs)
		}
		if s.Stats().Ignored != before+1 {
			t.Errorf("%s: not counted as ignored", tc.name)
		}
	}
}

func TestValuesClampedAndConverted(t *testing.T) {
	s, ring := newServer(t, osc.Config{Controls: true, Channels: 1})
	for _, arg := range []any{float32(9), float64(-9), int32(1), int64(2), true, false} {
		s.HandlePacket(encode(t, goosc.NewMessage("/linuxdj/ch/1/pan", arg)), loopback)
	}
	want := []float32{1, -1, 1, 1, 1, 0}
	got := drain(ring)
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i].Value != want[i] || got[i].Param != mixer.ParamPan {
			t.Fatalf("command %d = %+v, want value %v", i, got[i], want[i])
		}
	}
}

func TestBundle(t *testing.T) {
	s, ring := newServer(t, osc.Config{Controls: true, Channels: 2})
	b := goosc.NewBundle(time.Now())
	for _, m := range []*goosc.Message{goosc.NewMessage("/linuxdj/ch/2/mute", true), goosc.NewMessage("/linuxdj/master", float32(0.5))} {
		if err := b.Append(m); err != nil {
			t.Fatal(err)
		}
	}
	s.HandlePacket(encode(t, b), loopback)
	got := drain(ring)
	if len(got) != 2 || got[0] != (mixer.Command{Param: mixer.ParamMute, Channel: 1, Value: 1}) || got[1] != (mixer.Command{Param: mixer.ParamMasterLevel, Value: 0.5}) {
		t.Fatalf("bundle gave %v", got)
	}
}

// TestChannelCount checks channel addresses against the count the server
// was configured with, and against the one StartControl brings when the
// app switches control on later (a server started for NSM).
func TestChannelCount(t *testing.T) {
	msg := encode(t, goosc.NewMessage("/linuxdj/ch/2/fader", float32(1)))
	s, ring := newServer(t, osc.Config{Controls: true, Channels: 1})
	s.HandlePacket(msg, loopback)
	if got := drain(ring); len(got) != 0 || s.Stats().Ignored != 1 {
		t.Fatalf("channel 2 of a 1-channel mixer gave %v", got)
	}

	late, _ := newServer(t, osc.Config{})
	ring2 := rt.NewRing[mixer.Command](4)
	late.StartControl(ring2, 2, nil)
	late.HandlePacket(msg, loopback)
	if got := drain(ring2); len(got) != 1 || got[0] != (mixer.Command{Param: mixer.ParamFader, Channel: 1, Value: 1}) {
		t.Fatalf("channel 2 after StartControl with 2 channels gave %v", got)
	}
}

func TestControlsOffByDefault(t *testing.T) {
	s, ring := newServer(t, osc.Config{Channels: 2})
	s.HandlePacket(encode(t, goosc.NewMessage("/linuxdj/crossfader", float32(1))), loopback)
	if cs := drain(ring); len(cs) != 0 || s.Stats().Ignored != 1 {
		t.Fatalf("control accepted while off: %v", cs)
	}
}

func TestRemoteListenRefused(t *testing.T) {
	ring := rt.NewRing[mixer.Command](2)
	for _, addr := range []string{":7770", "0.0.0.0:0", "192.0.2.1:0"} {
		if s, err := osc.Listen(osc.Config{Addr: addr}, ring); err == nil {
			s.Close()
			t.Errorf("listening on %s without AllowRemote", addr)
		}
	}
	s, err := osc.Listen(osc.Config{Addr: "127.0.0.1:0"}, ring)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestFullRingCounts(t *testing.T) {
	s, ring := newServer(t, osc.Config{Controls: true, Channels: 1})
	for range ring.Cap() + 3 {
		s.HandlePacket(encode(t, goosc.NewMessage("/linuxdj/master", float32(0.5))), loopback)
	}
	if st := s.Stats(); st.Dropped != 3 || st.Commands != uint64(ring.Cap()) {
		t.Fatalf("stats %+v", st)
	}
}

// TestDocListsEveryAddress keeps docs/OSC.md true.
func TestDocListsEveryAddress(t *testing.T) {
	doc, err := os.ReadFile("../../docs/OSC.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range param.All() {
		addr := osc.Prefix + param.Format(p, 0)
		if p.IsChannelParam() {
			addr = osc.Prefix + "ch/<n>/" + strings.TrimPrefix(param.Format(p, 0), "ch/1/")
		}
		if !strings.Contains(string(doc), "`"+addr) {
			t.Errorf("docs/OSC.md lacks %s", addr)
		}
	}
	for _, addr := range []string{"/linuxdj/ch/<n>/insert/<slot>/<symbol>", "/linuxdj/master/insert/<slot>/<symbol>"} {
		if !strings.Contains(string(doc), "`"+addr+"`") {
			t.Errorf("docs/OSC.md lacks %s", addr)
		}
	}
}

// TestPluginControls: a message to a plugin control's address reaches the
// setter, on the strip and on master; one to a channel the mixer lacks,
// a slot the setter refuses or with a string never does, and none of
// them is a mixer command.
func TestPluginControls(t *testing.T) {
	s, ring := newServer(t, osc.Config{Controls: true, Channels: 2})
	var got []string
	s.ControlPlugins(func(c param.PluginControl, v float32) bool {
		if c.Slot == 4 {
			return false
		}
		got = append(got, fmt.Sprintf("%s=%g", c, v))
		return true
	})
	for _, m := range []*goosc.Message{
		goosc.NewMessage("/linuxdj/ch/1/insert/1/gain", float32(-6)),
		goosc.NewMessage("/linuxdj/master/insert/2/freq", int32(440)),
		goosc.NewMessage("/linuxdj/ch/3/insert/1/gain", float32(1)),
		goosc.NewMessage("/linuxdj/ch/1/insert/4/gain", float32(1)),
		goosc.NewMessage("/linuxdj/ch/1/insert/1/gain", "loud"),
		goosc.NewMessage("/linuxdj/strip/1/insert/1/gain", float32(1)),
	} {
		s.HandlePacket(encode(t, m), loopback)
	}
	if want := []string{"ch/1/insert/1/gain=-6", "master/insert/2/freq=440"}; !slices.Equal(got, want) {
		t.Errorf("set %q, want %q", got, want)
	}
	if st := s.Stats(); st.Commands != 2 || st.Ignored != 4 {
		t.Errorf("stats %+v", st)
	}
	if cmds := drain(ring); len(cmds) != 0 {
		t.Errorf("engine commands %v", cmds)
	}
}

func FuzzHandlePacket(f *testing.F) {
	seeds := []goosc.Packet{
		goosc.NewMessage("/linuxdj/ch/1/fader", float32(0.5)),
		goosc.NewMessage("/linuxdj/crossfader", int32(-1)),
		goosc.NewMessage("/nsm/client/open", "/tmp/x", "name", "id"),
		goosc.NewMessage("/linuxdj/ch/2/eq/low", float64(2), []byte{1, 2, 3}),
	}
	b := goosc.NewBundle(time.Unix(0, 0))
	b.Append(goosc.NewMessage("/linuxdj/master", true))
	seeds = append(seeds, b)
	for _, p := range seeds {
		f.Add(encode(f, p))
	}
	f.Add([]byte("#bundle\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10/x\x00\x00,b\x00\x00\x7f\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ring := rt.NewRing[mixer.Command](16)
		s, err := osc.Listen(osc.Config{Controls: true, Channels: 4}, ring)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.HandlePacket(data, loopback)
		for _, c := range drain(ring) {
			info, ok := param.Lookup(c.Param)
			if !ok || c.Channel < 0 || c.Channel >= 4 || c.Value < info.Min || c.Value > info.Max || c.Value != c.Value {
				t.Fatalf("bad command %+v from %q", c, data)
			}
		}
	})
}

// TestStartControlLater: a server started without control (for NSM)
// refuses control messages until StartControl, then checks channels
// against the count given there and calls its hook.
func TestStartControlLater(t *testing.T) {
	s, err := osc.Listen(osc.Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fader := func(ch int) []byte {
		return encode(t, goosc.NewMessage(osc.Prefix+param.Format(mixer.ParamFader, int16(ch)), float32(0.5)))
	}
	s.HandlePacket(fader(0), loopback)
	if st := s.Stats(); st.Ignored != 1 || st.Commands != 0 {
		t.Fatalf("before StartControl: stats %+v; want the message ignored", st)
	}
	ring := rt.NewRing[mixer.Command](16)
	var seen []mixer.Command
	s.StartControl(ring, 2, func(c mixer.Command) { seen = append(seen, c) })
	s.HandlePacket(fader(1), loopback)
	s.HandlePacket(fader(2), loopback) // the mixer has two channels
	want := mixer.Command{Param: mixer.ParamFader, Channel: 1, Value: 0.5}
	if got := drain(ring); len(got) != 1 || got[0] != want || len(seen) != 1 || seen[0] != want {
		t.Fatalf("after StartControl: ring %+v, hook %+v; want %+v once", got, seen, want)
	}
	if st := s.Stats(); st.Ignored != 2 || st.Commands != 1 {
		t.Errorf("stats %+v; want 2 ignored, 1 command", st)
	}
}
