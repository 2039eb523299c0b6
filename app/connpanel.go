package app

import (
	"errors"
	"image"
	"slices"
	"strings"
	"time"

	"gioui.org/gesture"
	"gioui.org/layout"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/widgets"
)

// portGraph is what the PORTS panel needs from the JACK backend. Graph,
// Connect and Disconnect wait for the backend's manager goroutine, so the
// panel calls them only from its worker goroutine, never from Layout.
type portGraph interface {
	Info() backend.StreamInfo
	GraphVersion() uint64
	Graph() (jack.Graph, error)
	Connect(ours, theirs string) error
	Disconnect(ours, theirs string) error
}

// connPollInterval is how often the worker looks at the graph's version
// (an atomic load, no JACK call); the backend itself notices changes on
// a 100 ms tick.
const connPollInterval = 150 * time.Millisecond

// Messages of the PORTS panel where there is nothing to connect, one
// label a line.
var (
	connWhyNone = []string{"No sound system is attached to this window."}
	connWhyNull = []string{
		"No sound system: the null backend plays the built-in demo loop and has no ports.",
		"Start a JACK server or PipeWire, then start Linux DJ again (--backend jack)",
		"to connect programs and sound cards here.",
	}
	connWhyALSA = []string{
		"The ALSA backend plays straight to the sound card chosen with --device",
		"(and records from --capture-device): the mixer's inputs and outputs are that",
		"device's channels, so there is nothing to connect here. Run a JACK server or",
		"PipeWire and start Linux DJ with --backend jack to patch other programs.",
	}
	connWaiting = []string{"Reading the JACK graph…"}
)

// connGone is the panel's status while the backend has no server.
const connGone = "The JACK server is gone; the mixer reconnects when it comes back."

// connRequest asks the worker to connect or disconnect one pair.
type connRequest struct {
	connect      bool
	ours, theirs string
}

// connResult is the worker's news for the GUI: a fresh graph, or why there
// is none, and the error of the last request, if it failed.
type connResult struct {
	graph  jack.Graph
	err    error
	reqErr error
}

// connRow is one of the mixer's ports in the left column.
type connRow struct {
	heading string // set on the rows that start INPUTS and OUTPUTS
	port    jack.OwnPort
	input   bool
	name    string // pretty name, else the short name
	conns   string // "← src:out_L, system:capture_1", or "not connected"
	click   widgets.ButtonState
}

// connChoice is one thing the selected port can connect to: one peer
// port, or for a stereo pair of ours a pair of peer ports (both made or
// removed in one click).
type connChoice struct {
	label  string
	theirs [2]string // [1] is empty for a single port
	on     bool      // connected now (both, for a pair)
	toggle widgets.ToggleState
}

// connPanel is the PORTS side panel: each of the mixer's JACK ports with
// what it is connected to, and for the selected one the ports of other
// clients it could connect to; a click connects or disconnects.
//
// Protocol: the GUI goroutine owns everything but the two channels. A
// click pushes a connRequest (never blocking; a full queue drops it and
// says so). The worker (run) makes the JACK calls, and whenever a request
// is done or the graph's version moved it reads the graph and leaves the
// newest connResult in results (latest wins), then asks the window for a
// frame. Layout takes the result without waiting.
type connPanel struct {
	u     *UI
	graph portGraph // nil when the backend has no JACK ports
	why   []string  // shown when graph is nil, one line each

	reqs    chan connRequest
	results chan connResult

	have     bool       // a graph has arrived
	last     jack.Graph // the newest graph
	rows     []connRow
	choices  []connChoice
	selected int // index into rows; -1 none
	title    string
	status   string
	rowsS    scroller
	choicesS scroller
}

func (p *connPanel) init(u *UI) {
	p.u = u
	p.why = connWhyNone
	p.selected = -1
	p.reqs = make(chan connRequest, 16)
	p.results = make(chan connResult, 1)
}

// attachPorts binds the PORTS panel to b. On JACK it starts the worker,
// which runs until stop is closed and calls invalidate when the window
// has news to show; on other backends the panel says why there is
// nothing to connect.
func (u *UI) attachPorts(b backend.Backend, invalidate func(), stop <-chan struct{}) {
	p := &u.conn
	switch g, ok := b.(portGraph); {
	case ok && strings.Contains(b.Name(), "jack"):
		p.graph = g
		go p.run(g, invalidate, stop)
	case b.Name() == "alsa":
		p.why = connWhyALSA
	case b.Name() == "null":
		p.why = connWhyNull
	}
}

// run is the worker goroutine: the only one that calls g.
func (p *connPanel) run(g portGraph, invalidate func(), stop <-chan struct{}) {
	tick := time.NewTicker(connPollInterval)
	defer tick.Stop()
	// The graph is read again when its version moves or the backend's
	// connection state changes (the server left or came back).
	type seen struct {
		version uint64
		state   backend.ConnState
	}
	now := func() seen { return seen{g.GraphVersion(), g.Info().State} }
	var shown seen
	stale := true
	lastErr := ""
	refresh := func(reqErr error) {
		v := now()
		gr, err := g.Graph()
		// A graph that could not be read (the server is gone) is asked
		// for again every tick, but the window hears only of a change.
		shown, stale = v, err != nil
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		if err != nil && reqErr == nil && errText == lastErr {
			return
		}
		lastErr = errText
		select {
		case <-p.results:
		default:
		}
		p.results <- connResult{graph: gr, err: err, reqErr: reqErr}
		invalidate()
	}
	for {
		select {
		case <-stop:
			return
		case r := <-p.reqs:
			var err error
			if r.connect {
				err = g.Connect(r.ours, r.theirs)
			} else {
				err = g.Disconnect(r.ours, r.theirs)
			}
			refresh(err)
		case <-tick.C:
			if stale || now() != shown {
				refresh(nil)
			}
		}
	}
}

// ask queues a request for the worker.
func (p *connPanel) ask(r connRequest) {
	select {
	case p.reqs <- r:
	default:
		p.status = "Busy: too many connection changes at once; try again."
	}
}

// take applies the worker's newest result, if there is one.
func (p *connPanel) take() {
	select {
	case r := <-p.results:
		p.apply(r)
	default:
	}
}

func (p *connPanel) apply(r connResult) {
	switch {
	case errors.Is(r.err, jack.ErrNotConnected):
		p.status = connGone
	case r.err != nil:
		p.status = r.err.Error()
	case r.reqErr != nil:
		p.status = r.reqErr.Error()
	default:
		p.status = ""
	}
	if r.err != nil {
		return
	}
	p.have = true
	selName := ""
	if p.selected >= 0 && p.selected < len(p.rows) {
		selName = p.rows[p.selected].port.Name
	}
	n := len(r.graph.Inputs) + len(r.graph.Outputs)
	if cap(p.rows) < n {
		p.rows = make([]connRow, n)
	}
	p.rows = p.rows[:n]
	p.selected = -1
	for i := range p.rows {
		row := &p.rows[i]
		in := i < len(r.graph.Inputs)
		var port jack.OwnPort
		row.heading = ""
		if in {
			port = r.graph.Inputs[i]
			if i == 0 {
				row.heading = "MIXER INPUTS"
			}
		} else {
			port = r.graph.Outputs[i-len(r.graph.Inputs)]
			if i == len(r.graph.Inputs) {
				row.heading = "MIXER OUTPUTS"
			}
		}
		row.port, row.input = port, in
		row.name = port.PrettyName
		if row.name == "" {
			row.name = shortPortName(port.Name)
		}
		row.conns = connectionsText(port.Connections, in)
		if port.Name == selName {
			p.selected = i
		}
	}
	p.last = r.graph
	p.buildChoices()
}

// shortPortName is the part of a full port name after the client name.
func shortPortName(full string) string {
	if _, short, ok := strings.Cut(full, ":"); ok {
		return short
	}
	return full
}

func connectionsText(conns []string, input bool) string {
	if len(conns) == 0 {
		return "not connected"
	}
	arrow := "→ "
	if input {
		arrow = "← "
	}
	return arrow + strings.Join(conns, ", ")
}

// partner is the row of the other side of the selected port's stereo pair
// ("…_L" with "…_R"), or -1.
func (p *connPanel) partner(i int) int {
	name := p.rows[i].port.Name
	var other string
	switch {
	case strings.HasSuffix(name, "_L"):
		other = strings.TrimSuffix(name, "_L") + "_R"
	case strings.HasSuffix(name, "_R"):
		other = strings.TrimSuffix(name, "_R") + "_L"
	default:
		return -1
	}
	for j := range p.rows {
		if p.rows[j].port.Name == other && p.rows[j].input == p.rows[i].input {
			return j
		}
	}
	return -1
}

// buildChoices lists what the selected port can connect to: first, for a
// stereo pair of ours, each stereo pair of another client's ports (two
// ports of one client in a row, as JACK lists them), then every single
// port, physical ones first.
func (p *connPanel) buildChoices() {
	p.choices = p.choices[:0]
	p.title = ""
	if p.selected < 0 {
		return
	}
	row := &p.rows[p.selected]
	peers := p.last.Sinks
	if row.input {
		peers = p.last.Sources
	}
	p.title = "Connect " + row.name + " (" + row.port.Name + ") to:"
	if j := p.partner(p.selected); j >= 0 {
		left, right := row, &p.rows[j]
		if strings.HasSuffix(row.port.Name, "_R") {
			left, right = right, left
		}
		for i := 0; i+1 < len(peers); i++ {
			a, b := peers[i], peers[i+1]
			ca, _, _ := strings.Cut(a.Name, ":")
			cb, _, _ := strings.Cut(b.Name, ":")
			if ca != cb {
				continue
			}
			p.choices = append(p.choices, connChoice{
				label:  "BOTH  " + a.Name + " + " + shortPortName(b.Name),
				theirs: [2]string{a.Name, b.Name},
				on:     slices.Contains(left.port.Connections, a.Name) && slices.Contains(right.port.Connections, b.Name),
			})
			i++
		}
	}
	for _, peer := range peers {
		label := peer.Name
		if peer.PrettyName != "" {
			label = peer.PrettyName + "  (" + peer.Name + ")"
		}
		p.choices = append(p.choices, connChoice{
			label: label, theirs: [2]string{peer.Name},
			on: slices.Contains(row.port.Connections, peer.Name),
		})
	}
}

// click acts on choice c of the selected port: a connected choice is
// disconnected, any other connected.
func (p *connPanel) click(c *connChoice) {
	connect := !c.on
	if c.theirs[1] == "" {
		p.ask(connRequest{connect: connect, ours: p.rows[p.selected].port.Name, theirs: c.theirs[0]})
		return
	}
	left, right := p.selected, p.partner(p.selected)
	if strings.HasSuffix(p.rows[left].port.Name, "_R") {
		left, right = right, left
	}
	p.ask(connRequest{connect: connect, ours: p.rows[left].port.Name, theirs: c.theirs[0]})
	p.ask(connRequest{connect: connect, ours: p.rows[right].port.Name, theirs: c.theirs[1]})
}

// layout draws the panel into gtx.Constraints.Max.
func (p *connPanel) layout(gtx layout.Context) {
	th := p.u.Theme
	p.take()
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	lineH := gtx.Sp(th.SmallSizeSp) + gtx.Dp(8)
	dim, txt := th.Palette.TextDim.NRGBA(), th.Palette.Text.NRGBA()
	if p.graph == nil || !p.have {
		msg := p.why
		if p.graph != nil {
			msg = connWaiting
		}
		for i, line := range msg {
			c, t := place(gtx, 0, i*lineH, w, lineH)
			th.Label(c, th.SmallSizeSp, txt, text.Start, line)
			t.Pop()
		}
		if p.status != "" {
			c, t := place(gtx, 0, len(msg)*lineH, w, lineH)
			th.Label(c, th.SmallSizeSp, th.Toggle.Cue.NRGBA(), text.Start, p.status)
			t.Pop()
		}
		return
	}
	top := 0
	if p.status != "" {
		c, t := place(gtx, 0, 0, w, lineH)
		th.Label(c, th.SmallSizeSp, th.Toggle.Cue.NRGBA(), text.Start, p.status)
		t.Pop()
		top = lineH
	}
	gap := gtx.Dp(12)
	leftW := (w - gap) * 9 / 20
	rightX := leftW + gap
	rightW := w - rightX

	// Left: the mixer's ports, one row each.
	rowH := th.ButtonHeight(gtx) + gtx.Dp(2)
	nameW := gtx.Dp(128)
	contentH := 0
	for i := range p.rows {
		if p.rows[i].heading != "" {
			contentH += lineH
		}
		contentH += rowH
	}
	viewH := h - top
	cl := widgets.Clip(gtx, image.Rect(0, top, leftW, h))
	off := p.rowsS.update(gtx, gesture.Vertical, contentH-viewH)
	y := top - off
	for i := range p.rows {
		row := &p.rows[i]
		if row.heading != "" {
			c, t := place(gtx, 0, y+gtx.Dp(4), leftW, lineH)
			th.BoldLabel(c, th.SmallSizeSp, dim, text.Start, row.heading)
			t.Pop()
			y += lineH
		}
		if row.click.Clicked(gtx) && p.selected != i {
			p.selected = i
			p.choicesS.off = 0
			p.buildChoices()
		}
		r := image.Rect(0, y, leftW, y+rowH-gtx.Dp(2))
		if i == p.selected {
			widgets.FillRect(gtx, r, th.Toggle.On.NRGBA())
		} else {
			widgets.FillRect(gtx, r, th.Toggle.Off.NRGBA())
		}
		c, t := place(gtx, 0, y, leftW, rowH-gtx.Dp(2))
		c.Constraints.Min = c.Constraints.Max
		b := widgets.Button(th, &row.click, "")
		b.Flat = true
		b.Layout(c)
		t.Pop()
		col := txt
		if i == p.selected {
			col = th.Toggle.TextOn.NRGBA()
		}
		c, t = place(gtx, gtx.Dp(6), y+gtx.Dp(4), nameW, rowH)
		th.BoldLabel(c, th.SmallSizeSp, col, text.Start, row.name)
		t.Pop()
		c, t = place(gtx, gtx.Dp(6)+nameW, y+gtx.Dp(4), leftW-nameW-gtx.Dp(12), rowH)
		th.Label(c, th.SmallSizeSp, col, text.Start, row.conns)
		t.Pop()
		y += rowH
	}
	cl.Pop()

	// Right: what the selected port can connect to.
	if p.selected < 0 {
		c, t := place(gtx, rightX, top+gtx.Dp(4), rightW, lineH)
		th.Label(c, th.SmallSizeSp, dim, text.Start, "Choose one of the mixer's ports on the left.")
		t.Pop()
		return
	}
	c, t := place(gtx, rightX, top+gtx.Dp(4), rightW, lineH)
	th.BoldLabel(c, th.SmallSizeSp, txt, text.Start, p.title)
	t.Pop()
	listTop := top + lineH + gtx.Dp(4)
	if len(p.choices) == 0 {
		c, t := place(gtx, rightX, listTop, rightW, lineH)
		th.Label(c, th.SmallSizeSp, dim, text.Start, "No other client has ports in this direction yet.")
		t.Pop()
		return
	}
	cl = widgets.Clip(gtx, image.Rect(rightX, listTop, w, h))
	off = p.choicesS.update(gtx, gesture.Vertical, len(p.choices)*rowH-(h-listTop))
	y = listTop - off
	for i := range p.choices {
		ch := &p.choices[i]
		if ch.toggle.Update(gtx) {
			p.click(ch)
		}
		ch.toggle.On = ch.on
		c, t := place(gtx, rightX, y, rightW, rowH-gtx.Dp(2))
		c.Constraints.Min.X = rightW
		widgets.Toggle(th, &ch.toggle, ch.label).Layout(c)
		t.Pop()
		y += rowH
	}
	cl.Pop()
}
