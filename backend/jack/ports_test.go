//go:build cgo

package jack_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/internal/jacktest"
)

func peerNames(ps []jack.PeerPort) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func TestGraphListsOursWithConnectionsAndPeersPhysicalFirst(t *testing.T) {
	r := newRig(t, rigOptions{})
	g, err := r.b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Inputs) != len(r.eng.Inputs()) || len(g.Outputs) != len(r.eng.Outputs()) {
		t.Fatalf("graph has %d inputs, %d outputs; the engine %d, %d", len(g.Inputs), len(g.Outputs), len(r.eng.Inputs()), len(r.eng.Outputs()))
	}
	in := g.Inputs[0]
	if in.Name != "linuxdj:ch1_in_L" || in.PrettyName != r.eng.Inputs()[0].PrettyName || !slices.Equal(in.Connections, []string{"src:out1_L"}) {
		t.Errorf("first input = %+v, want linuxdj:ch1_in_L, %q, connected to src:out1_L", in, r.eng.Inputs()[0].PrettyName)
	}
	if out := g.Outputs[0]; out.Name != "linuxdj:master_out_L" || !slices.Equal(out.Connections, []string{"sink:master_L"}) {
		t.Errorf("first output = %+v, want linuxdj:master_out_L connected to sink:master_L", out)
	}
	sources, sinks := peerNames(g.Sources), peerNames(g.Sinks)
	for _, want := range srcPorts {
		if !slices.Contains(sources, "src:"+want) {
			t.Errorf("sources %v lack src:%s", sources, want)
		}
	}
	for _, want := range sinkPorts {
		if !slices.Contains(sinks, "sink:"+want) {
			t.Errorf("sinks %v lack sink:%s", sinks, want)
		}
	}
	for _, list := range [][]jack.PeerPort{g.Sources, g.Sinks} {
		for i, p := range list {
			if strings.HasPrefix(p.Name, "linuxdj:") {
				t.Errorf("the mixer's own port %s is offered as a peer", p.Name)
			}
			if i > 0 && p.Physical && !list[i-1].Physical {
				t.Errorf("physical %s listed after non-physical %s", p.Name, list[i-1].Name)
			}
		}
	}
	if r.srv.Kind == jacktest.Jackd && (len(g.Sources) == 0 || !g.Sources[0].Physical || !strings.HasPrefix(g.Sources[0].Name, "system:capture_")) {
		t.Errorf("jackd's dummy capture ports do not come first: %v", sources)
	}
}

func TestConnectAndDisconnectOnePair(t *testing.T) {
	r := newRig(t, rigOptions{})
	// Deck 2's left input takes deck 1's source too, then lets it go.
	if err := r.b.Connect("linuxdj:ch2_in_L", "src:out1_L"); err != nil {
		t.Fatal(err)
	}
	if !jacktest.Eventually(2*time.Second, func() bool { return r.src.Connected("src:out1_L", "linuxdj:ch2_in_L") }) {
		t.Fatal("Connect made no connection on the server")
	}
	if err := r.b.Connect("linuxdj:ch2_in_L", "src:out1_L"); err != nil {
		t.Errorf("connecting again: %v, want no error", err)
	}
	// An output connects in the other direction.
	if err := r.b.Connect("linuxdj:booth_out_L", "sink:phones_L"); err != nil {
		t.Fatal(err)
	}
	if !jacktest.Eventually(2*time.Second, func() bool { return r.src.Connected("linuxdj:booth_out_L", "sink:phones_L") }) {
		t.Fatal("Connect of an output made no connection")
	}
	if err := r.b.Disconnect("linuxdj:ch2_in_L", "src:out1_L"); err != nil {
		t.Fatal(err)
	}
	if !jacktest.Eventually(2*time.Second, func() bool { return !r.src.Connected("src:out1_L", "linuxdj:ch2_in_L") }) {
		t.Fatal("Disconnect left the connection")
	}
	// The remembered connections follow, as for a change made elsewhere.
	if !jacktest.Eventually(3*time.Second, func() bool {
		c := r.b.Connections()
		return slices.Contains(c["linuxdj:booth_out_L"], "sink:phones_L") && !slices.Contains(c["linuxdj:ch2_in_L"], "src:out1_L")
	}) {
		t.Errorf("remembered connections did not follow: %v", r.b.Connections())
	}
}

func TestConnectRefusesWhatIsNotOurs(t *testing.T) {
	r := newRig(t, rigOptions{})
	for _, c := range []struct{ ours, theirs, want string }{
		{"src:out1_L", "sink:master_L", "not one of the mixer's audio ports"},
		{"linuxdj:ch1_in_L", "linuxdj:master_out_L", "the mixer's own port"},
		{"linuxdj:ch1_in_L", "nobody:out", "no port"},
		{"linuxdj:midi_in", "src:out1_L", "not one of the mixer's audio ports"},
	} {
		err := r.b.Connect(c.ours, c.theirs)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Connect(%s, %s) = %v, want an error saying %q", c.ours, c.theirs, err, c.want)
		}
	}
	if r.src.Connected("src:out1_L", "sink:master_L") {
		t.Error("a refused call still connected two other clients")
	}
}

func TestGraphVersionFollowsNewPorts(t *testing.T) {
	r := newRig(t, rigOptions{})
	before := r.b.GraphVersion()
	late, err := jacktest.OpenClient("late", []string{"out_L", "out_R"}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer late.Close()
	if !jacktest.Eventually(3*time.Second, func() bool { return r.b.GraphVersion() != before }) {
		t.Fatal("GraphVersion did not change when a client registered ports")
	}
	g, err := r.b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(peerNames(g.Sources), "late:out_L") {
		t.Errorf("the new port is not listed: %v", peerNames(g.Sources))
	}
}

func TestPortCallsOnAStoppedBackend(t *testing.T) {
	b := jack.New(jack.Options{})
	if _, err := b.Graph(); err != jack.ErrNotConnected {
		t.Errorf("Graph before Start: %v, want ErrNotConnected", err)
	}
	if err := b.Connect("linuxdj:ch1_in_L", "system:capture_1"); err != jack.ErrNotConnected {
		t.Errorf("Connect before Start: %v, want ErrNotConnected", err)
	}
}
