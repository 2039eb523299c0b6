//go:build cgo

package app

import (
	"image"
	"io"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/key"

	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/backend/null"
	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// portsRig is the window's content bound to the real JACK backend running
// the real engine on a private jackd, with a deck player's test client.
type portsRig struct {
	srv    *jacktest.Server
	f      *fixture
	b      *jack.Backend
	player *jacktest.Client
	stop   chan struct{}
	once   sync.Once
}

// shutdown ends the panel's worker, the test client and the backend.
func (r *portsRig) shutdown() {
	r.once.Do(func() {
		close(r.stop)
		r.player.Close()
		r.b.Stop()
	})
}

func newPortsRig(t *testing.T) *portsRig {
	t.Helper()
	srv := startJackd(t)
	const channels = 5
	eng, err := mixer.New(configWith(channels), 48000)
	if err != nil {
		t.Fatal(err)
	}
	b := jack.New(jack.Options{})
	if err := b.Start(eng); err != nil {
		t.Fatal(err)
	}
	player, err := jacktest.OpenClient("player", []string{"out_L", "out_R"}, nil, 0)
	if err != nil {
		b.Stop()
		t.Fatal(err)
	}
	r := &portsRig{srv: srv, f: newFixture(t, channels, 1), b: b, player: player, stop: make(chan struct{})}
	r.f.ui.attachPorts(b, func() {}, r.stop)
	t.Cleanup(r.shutdown)
	return r
}

// press clicks at p and draws one more frame: a click that moves the
// keyboard focus has Gio's router defer the release to the next frame,
// which a real window asks for by itself.
func (f *fixture) press(p f32.Point) {
	f.click(p)
	f.frame(winSize)
}

// framesUntil lays out frames until cond holds (the worker's results arrive
// between them), for at most 3 s.
func (f *fixture) framesUntil(cond func() bool) bool {
	return jacktest.Eventually(3*time.Second, func() bool {
		f.frame(winSize)
		return cond()
	})
}

// portsPanelButton is the centre of the PORTS button in the crossfader
// row, by the arithmetic of layoutPanelButtons.
func (f *fixture) portsPanelButton() f32.Point {
	n, i := len(f.ui.panels), 0
	for i < n && f.ui.panels[i] != f.ui.portsPanel {
		i++
	}
	bodyH := winSize.Y - statusHDp - xfaderRowHDp
	x := winSize.X - n*(panelButtonWDp+gapDp) + i*(panelButtonWDp+gapDp) + panelButtonWDp/2
	return f32pt(x, bodyH+xfaderRowHDp/2)
}

// portsGeometry repeats the PORTS panel's layout arithmetic at scale 1:
// where its content starts, its width, a line and a row's height.
func (f *fixture) portsGeometry() (origin image.Point, w, lineH, rowH int) {
	const pad = 12
	th := f.ui.Theme
	sp := int(th.SmallSizeSp)
	areaW := winSize.X - masterWDp
	return image.Pt(pad, pad+nameHDp+gapDp), areaW - 2*pad, sp + 8, sp + 10 + 2
}

// clickPortRow clicks the row of the mixer's port called full.
func (r *portsRig) clickPortRow(t *testing.T, full string) {
	t.Helper()
	f := r.f
	o, w, lineH, rowH := f.portsGeometry()
	y := o.Y
	for i := range f.ui.conn.rows {
		row := &f.ui.conn.rows[i]
		if row.heading != "" {
			y += lineH
		}
		if row.port.Name == full {
			f.press(f32pt(o.X+(w-12)*9/20/2, y+rowH/2))
			return
		}
		y += rowH
	}
	t.Fatalf("no row for %s", full)
}

// clickChoice clicks the choice whose ports are theirs (a pair when
// theirs[1] is set) in the selected port's list.
func (r *portsRig) clickChoice(t *testing.T, theirs [2]string) {
	t.Helper()
	f := r.f
	o, w, lineH, rowH := f.portsGeometry()
	leftW := (w - 12) * 9 / 20
	rightX := leftW + 12
	listTop := o.Y + lineH + 4
	for i, c := range f.ui.conn.choices {
		if c.theirs == theirs {
			f.press(f32pt(o.X+rightX+(w-rightX)/2, listTop+i*rowH+rowH/2))
			return
		}
	}
	t.Fatalf("no choice %v among %d", theirs, len(f.ui.conn.choices))
}

func (r *portsRig) choice(theirs [2]string) *connChoice {
	for i := range r.f.ui.conn.choices {
		if r.f.ui.conn.choices[i].theirs == theirs {
			return &r.f.ui.conn.choices[i]
		}
	}
	return nil
}

func TestPortsPanelConnectsAndDisconnectsOnTheServer(t *testing.T) {
	r := newPortsRig(t)
	f := r.f
	f.frame(winSize)
	f.press(f.portsPanelButton())
	if f.ui.openPanel() != f.ui.portsPanel {
		t.Fatal("the PORTS button did not open the panel")
	}
	if !f.framesUntil(func() bool { return f.ui.conn.have }) {
		t.Fatalf("no graph arrived; status %q", f.ui.conn.status)
	}
	if got := f.ui.conn.rows[0]; got.name != "Deck 1 L" || got.port.Name != "linuxdj:ch1_in_L" || got.heading != "MIXER INPUTS" {
		t.Fatalf("first row = %q %q %q, want Deck 1 L, linuxdj:ch1_in_L under MIXER INPUTS", got.name, got.port.Name, got.heading)
	}

	r.clickPortRow(t, "linuxdj:ch1_in_L")
	if sel := f.ui.conn.selected; sel < 0 || f.ui.conn.rows[sel].name != "Deck 1 L" {
		t.Fatalf("selected row %d, want Deck 1 L", sel)
	}
	// Pairs come first, then every source as the backend listed them
	// (physical first).
	var singles []string
	for i, c := range f.ui.conn.choices {
		if c.theirs[1] != "" {
			if len(singles) > 0 {
				t.Fatalf("pair %q after single ports", c.label)
			}
			continue
		}
		singles = append(singles, c.theirs[0])
		if src := f.ui.conn.last.Sources; len(singles) > len(src) || src[len(singles)-1].Name != c.theirs[0] {
			t.Fatalf("choice %d %q is not in the backend's order %v", i, c.label, src)
		}
	}
	if len(singles) != len(f.ui.conn.last.Sources) {
		t.Errorf("%d single choices for %d sources", len(singles), len(f.ui.conn.last.Sources))
	}
	if r.choice([2]string{"system:capture_1"}) == nil || r.choice([2]string{"player:out_L", "player:out_R"}) == nil {
		t.Fatalf("the choices lack system:capture_1 or the player's pair: %+v", f.ui.conn.choices)
	}
	one := [2]string{"player:out_L"}
	r.clickChoice(t, one)
	if !jacktest.Eventually(3*time.Second, func() bool { return r.player.Connected("player:out_L", "linuxdj:ch1_in_L") }) {
		t.Fatalf("choosing player:out_L for Deck 1 L made no JACK connection; status %q", f.ui.conn.status)
	}
	if !f.framesUntil(func() bool { c := r.choice(one); return c != nil && c.on }) {
		t.Fatal("the panel does not show the new connection")
	}
	if row := f.ui.conn.rows[0]; row.conns != "← player:out_L" {
		t.Errorf("Deck 1 L row reads %q, want ← player:out_L", row.conns)
	}

	r.clickChoice(t, one)
	if !jacktest.Eventually(3*time.Second, func() bool { return !r.player.Connected("player:out_L", "linuxdj:ch1_in_L") }) {
		t.Fatal("clicking a connected port did not disconnect it")
	}
	if !f.framesUntil(func() bool { c := r.choice(one); return c != nil && !c.on }) {
		t.Fatal("the panel still shows the removed connection")
	}

	// Deck 2's right input selected, one click wires the stereo pair.
	r.clickPortRow(t, "linuxdj:ch2_in_R")
	r.clickChoice(t, [2]string{"player:out_L", "player:out_R"})
	if !jacktest.Eventually(3*time.Second, func() bool {
		return r.player.Connected("player:out_L", "linuxdj:ch2_in_L") && r.player.Connected("player:out_R", "linuxdj:ch2_in_R")
	}) {
		t.Fatal("the stereo pair choice did not connect L to L and R to R")
	}
	if r.player.Connected("player:out_L", "linuxdj:ch2_in_R") {
		t.Error("the pair crossed the sides")
	}

	// A port that appears while the panel is open is listed.
	late, err := jacktest.OpenClient("late", []string{"out_1"}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer late.Close()
	if !f.framesUntil(func() bool { return r.choice([2]string{"late:out_1"}) != nil }) {
		t.Fatal("a port registered after the panel opened is not listed")
	}

	// Escape closes the panel.
	f.router.Queue(key.Event{Name: key.NameEscape, State: key.Press})
	f.frame(winSize)
	if f.ui.openPanel() != nil {
		t.Error("Escape left the panel open")
	}

	// The open panel draws without allocating. Allocations are counted
	// process-wide, so this runs on the last graph with the JACK side
	// stopped: the backend's manager allocates on its own tick.
	snap, err := r.b.Graph()
	if err != nil {
		t.Fatal(err)
	}
	r.shutdown()
	g := newFixture(t, 5, 1)
	g.ui.conn.graph = r.b
	g.ui.conn.apply(connResult{graph: snap})
	g.ui.setOpen(g.ui.portsPanel)
	g.frame(winSize)
	g.ui.conn.selected = 1
	g.ui.conn.buildChoices()
	if n := g.warmLayoutAllocs(winSize, 40, func(int) {}); n != 0 || len(g.ui.conn.choices) == 0 {
		t.Errorf("%d allocations in 30 warmed-up Layouts of the PORTS panel with %d choices, want 0", n, len(g.ui.conn.choices))
	}
}

func TestPortsPanelSaysWhenTheServerIsGone(t *testing.T) {
	r := newPortsRig(t)
	f := r.f
	f.frame(winSize)
	f.press(f.portsPanelButton())
	if !f.framesUntil(func() bool { return f.ui.conn.have && f.ui.conn.status == "" }) {
		t.Fatalf("no graph arrived; status %q", f.ui.conn.status)
	}
	// The test client goes first, as its libjack would keep the dead
	// server's resources and the restart could not take its name.
	r.player.Close()
	if err := r.srv.Kill(); err != nil {
		t.Fatal(err)
	}
	if !f.framesUntil(func() bool { return f.ui.conn.status == connGone }) {
		t.Fatalf("the panel says %q, not that the server is gone", f.ui.conn.status)
	}
	if len(f.ui.conn.rows) == 0 {
		t.Error("the last known ports vanished with the server")
	}
	if err := r.srv.Restart(); err != nil {
		t.Fatal(err, r.srv.Log())
	}
	if !jacktest.Eventually(10*time.Second, func() bool {
		f.frame(winSize)
		return f.ui.conn.status == ""
	}) {
		t.Fatalf("after the server came back the panel still says %q", f.ui.conn.status)
	}
}

func TestPortsPanelExplainsOtherBackends(t *testing.T) {
	f := newFixture(t, 2, 1)
	stop := make(chan struct{})
	defer close(stop)
	f.ui.attachPorts(null.New(null.Options{}), func() {}, stop)
	f.frame(winSize)
	f.press(f.portsPanelButton())
	if f.ui.openPanel() != f.ui.portsPanel || f.ui.conn.graph != nil || len(f.ui.conn.why) == 0 || f.ui.conn.why[0] != connWhyNull[0] {
		t.Fatalf("on the null backend the panel shows %q, want %q", f.ui.conn.why, connWhyNull)
	}
	if f.ui.hint.show {
		t.Error("the connection hint shows with no JACK ports to connect")
	}
}

// hintButton is the centre of the hint's button i (0 OPEN PORTS, 1 GOT
// IT), by layoutHint's arithmetic at scale 1.
func (f *fixture) hintButton(i int) f32.Point {
	const pad, bw = 12, 120
	th := f.ui.Theme
	lineH := int(th.SmallSizeSp) + 6
	y := pad + pad + nameHDp + len(connectHintLines)*lineH + gapDp
	x := pad + pad + i*(bw+gapDp) + bw/2
	return f32pt(x, y+(int(th.SmallSizeSp)+10)/2)
}

func TestFirstRunHintOpensPortsAndIsDismissedForGood(t *testing.T) {
	r := newPortsRig(t)
	f := r.f
	path := filepath.Join(t.TempDir(), state.FileName)
	st := newStore(path, state.Defaults(configWith(5)), io.Discard)
	f.ui.showConnectHint(st.connectHintDismissed(), st.dismissConnectHint)
	f.frame(winSize)
	if !f.ui.hint.show {
		t.Fatal("no hint on a first run with JACK")
	}
	// The hint covers the strips: a click on it does not reach deck 1's
	// name under it.
	f.press(f32pt(stripWDp/2, padDp+nameHDp/2))
	if f.router.Source().Focused(&f.ui.strips[0].name) {
		t.Error("a click on the hint focused a channel name under it")
	}

	f.press(f.hintButton(0))
	if f.ui.openPanel() != f.ui.portsPanel {
		t.Fatal("OPEN PORTS did not open the PORTS panel")
	}
	f.press(f.portsPanelButton())
	if f.ui.openPanel() != nil || !f.ui.hint.show {
		t.Fatal("closing the panel should bring the undismissed hint back")
	}

	f.press(f.hintButton(1))
	if f.ui.hint.show {
		t.Fatal("GOT IT did not dismiss the hint")
	}
	if err := st.close(); err != nil {
		t.Fatal(err)
	}
	saved, rep := state.Load(path, configWith(5))
	if rep.Origin != state.FromFile || !saved.HintClosed {
		t.Fatalf("saved state: origin %v, hint closed %v; want from file, closed", rep.Origin, saved.HintClosed)
	}

	// A window opened again from the saved state shows no hint.
	again := newFixture(t, 5, 1)
	stop := make(chan struct{})
	again.ui.attachPorts(r.b, func() {}, stop)
	again.ui.showConnectHint(saved.HintClosed, func() { t.Error("dismissed twice") })
	again.frame(winSize)
	if again.ui.hint.show {
		t.Error("the dismissed hint shows again")
	}

	// The hint draws without allocating (counted with the JACK side
	// stopped, as allocations are counted process-wide).
	close(stop)
	r.shutdown()
	h := newFixture(t, 5, 1)
	h.ui.conn.graph = r.b
	h.ui.showConnectHint(false, nil)
	if n := h.warmLayoutAllocs(winSize, 30, func(int) {}); n != 0 || !h.ui.hint.show {
		t.Errorf("%d allocations in 20 warmed-up Layouts with the hint shown (shown: %v), want 0", n, h.ui.hint.show)
	}
}
