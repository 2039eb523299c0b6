package mixer

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer/clock"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// Sample rates the engine accepts.
const (
	MinSampleRateHz = 8000
	MaxSampleRateHz = 768000
)

// meterRingFrames is the meter ring's capacity; the GUI keeps only the
// newest frame, so a few are plenty.
const meterRingFrames = 16

// Engine is the mixer: a backend.Processor that mixes its input channels
// into master, booth and phones outputs under control of Commands.
//
// Process runs on the audio thread. Prepare, NewCommandRing, Status,
// LatencyFrames, Inputs and Outputs may be called from any goroutine;
// each command ring has one producer, and the meter ring one consumer.
type Engine struct {
	cfg     Config
	inputs  []backend.Port
	outputs []backend.Port

	cur     *graph                // owned by the audio thread
	pending atomic.Pointer[graph] // set by Prepare, taken by Process

	ringsMu sync.Mutex // serialises NewCommandRing; never taken by Process
	rings   atomic.Pointer[[]*rt.Ring[Command]]
	meters  *rt.Ring[MeterFrame]
	seq     uint64 // audio thread only
	// observer sees every drained command; set before the backend starts.
	observer CommandObserver

	inserts inserts // the insert slots' mailboxes; see insert.go
	// The MIDI clock (clock.go): generator, tempo and this period's
	// events belong to the audio thread, the tempo and the timebase switch
	// are published for the backend.
	clock       clock.Generator
	clockBPM    float64
	clockEvents []clock.Event
	clockTempo  atomic.Uint64 // float64 bits
	timebase    atomic.Bool

	// The period ProcessOutputs began and FinishPeriod ends: its frames
	// (0: none pending) and start. Audio thread only.
	unfinished  int
	periodStart time.Time

	tap      atomic.Pointer[tapHolder] // the record tap; see SetRecordTap
	duckGain atomic.Uint32             // float32 bits, dB; see TalkoverGainDB

	// Status, written by the audio thread.
	lastNs        atomic.Int64
	worstNs       atomic.Int64
	periodFrames  atomic.Int64
	sampleRateHz  atomic.Int64
	limiterGain   atomic.Uint32 // float32 bits, dB
	latency       atomic.Int64
	limiterOn     atomic.Bool
	badChannels   atomic.Uint32
	metersDropped atomic.Uint64
}

var (
	_ backend.TimebaseProcessor = (*Engine)(nil)
	_ backend.Finisher          = (*Engine)(nil)
)

// New builds an engine for cfg at sampleRateHz, with every control at its
// default: faders, master, booth and phones at 0 dB, EQ flat, filter open,
// trim 0 dB, crossfader centred on the additive curve, every channel thru,
// limiter on at −1 dBFS.
func New(cfg Config, sampleRateHz int) (*Engine, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if err := checkRate(sampleRateHz); err != nil {
		return nil, err
	}
	cfg.Channels = append([]ChannelConfig(nil), cfg.Channels...)
	e := &Engine{cfg: cfg, meters: rt.NewRing[MeterFrame](meterRingFrames), clockBPM: DefaultClockBPM}
	e.clockTempo.Store(math.Float64bits(DefaultClockBPM))
	for i, c := range cfg.Channels {
		e.inputs = append(e.inputs, ChannelPorts(i, c.Name, c.Stereo)...)
	}
	for _, bus := range []struct{ name, pretty string }{{"master", "Master"}, {"booth", "Booth"}, {"phones", "Headphones"}} {
		e.outputs = append(e.outputs,
			backend.Port{Name: bus.name + "_out_L", PrettyName: bus.pretty + " L"},
			backend.Port{Name: bus.name + "_out_R", PrettyName: bus.pretty + " R"})
	}
	// The monitor section's ports come last, so the ports before them keep
	// their indexes.
	e.inputs = append(e.inputs,
		backend.Port{Name: "monitor_ext_in_L", PrettyName: "Monitor External L"},
		backend.Port{Name: "monitor_ext_in_R", PrettyName: "Monitor External R"})
	e.outputs = append(e.outputs,
		backend.Port{Name: "monA_out_L", PrettyName: "Monitors A L"},
		backend.Port{Name: "monA_out_R", PrettyName: "Monitors A R"},
		backend.Port{Name: "monB_out_L", PrettyName: "Monitors B L"},
		backend.Port{Name: "monB_out_R", PrettyName: "Monitors B R"})
	// The beat FX's send and return come after them, for the same reason.
	e.inputs = append(e.inputs,
		backend.Port{Name: "fx_return_L", PrettyName: "FX Return L"},
		backend.Port{Name: "fx_return_R", PrettyName: "FX Return R"})
	e.outputs = append(e.outputs,
		backend.Port{Name: "fx_send_L", PrettyName: "FX Send L"},
		backend.Port{Name: "fx_send_R", PrettyName: "FX Send R"})
	rings := []*rt.Ring[Command]{}
	e.rings.Store(&rings)
	e.inserts = newInserts(len(cfg.Channels))
	e.cur = newGraph(cfg, sampleRateHz)
	e.cur.ins = &e.inserts
	e.publishGraph(e.cur)
	return e, nil
}

// ChannelPorts are the input ports of channel i (0-based) called name:
// "ch1_in_L" and "ch1_in_R" named "<name> L" and "<name> R" when stereo,
// "ch1_in" named "<name>" when mono. An empty name is "Channel <i+1>".
func ChannelPorts(i int, name string, stereo bool) []backend.Port {
	if name == "" {
		name = fmt.Sprintf("Channel %d", i+1)
	}
	if !stereo {
		return []backend.Port{{Name: fmt.Sprintf("ch%d_in", i+1), PrettyName: name}}
	}
	return []backend.Port{
		{Name: fmt.Sprintf("ch%d_in_L", i+1), PrettyName: name + " L"},
		{Name: fmt.Sprintf("ch%d_in_R", i+1), PrettyName: name + " R"},
	}
}

// checkRate rejects sample rates no sound card runs at.
func checkRate(sampleRateHz int) error {
	if sampleRateHz < MinSampleRateHz || sampleRateHz > MaxSampleRateHz {
		return fmt.Errorf("mixer: sample rate %d Hz, want %d to %d", sampleRateHz, MinSampleRateHz, MaxSampleRateHz)
	}
	return nil
}

// Inputs lists one port per mono channel and two (L, R) per stereo one,
// then the external monitor input, monitor_ext_in_L and _R, then the beat
// FX's return, fx_return_L and _R.
func (e *Engine) Inputs() []backend.Port { return e.inputs }

// Outputs lists master L/R, booth L/R, phones L/R, monitors A L/R,
// monitors B L/R and the beat FX's send, fx_send_L/R, in that order.
func (e *Engine) Outputs() []backend.Port { return e.outputs }

// Prepare builds a graph for sampleRateHz off the audio thread and hands it
// over; the next Process adopts it with every control setting intact.
func (e *Engine) Prepare(sampleRateHz int) error {
	if err := checkRate(sampleRateHz); err != nil {
		return err
	}
	g := newGraph(e.cfg, sampleRateHz)
	g.ins = &e.inserts
	if e.limiterOn.Load() {
		e.latency.Store(int64(g.limiter.LatencyFrames()))
	}
	e.pending.Store(g)
	return nil
}

// LatencyFrames is the delay from the inputs to the outputs: the limiter's
// lookahead while it is on, plus what the insert slots add on the longest
// path (the slowest strip's inserts and master's), as of the last period.
//
// LatencyFrames is real-time safe: no allocation, no lock, no system call.
func (e *Engine) LatencyFrames() int { return int(e.latency.Load() + e.inserts.latency.Load()) }

// NewCommandRing returns a new command ring for one producer (the GUI, a
// MIDI or OSC goroutine). It may be called while the engine runs: the ring
// list is copied and swapped in atomically, the audio thread only loads it.
func (e *Engine) NewCommandRing(capacity int) *rt.Ring[Command] {
	r := rt.NewRing[Command](capacity)
	e.ringsMu.Lock()
	defer e.ringsMu.Unlock()
	old := *e.rings.Load()
	rings := make([]*rt.Ring[Command], len(old), len(old)+1)
	copy(rings, old)
	rings = append(rings, r)
	e.rings.Store(&rings)
	return r
}

// Meters is the ring the engine publishes MeterFrames into; it has one
// consumer, normally the GUI.
func (e *Engine) Meters() *rt.Ring[MeterFrame] { return e.meters }

// Status is the engine's health; it is safe from any goroutine.
//
// Status is real-time safe: no allocation, no lock, no system call.
func (e *Engine) Status() Status {
	var dropped uint64
	for _, r := range *e.rings.Load() {
		dropped += r.Dropped()
	}
	return Status{
		LastPeriodNs:       e.lastNs.Load(),
		WorstPeriodNs:      e.worstNs.Load(),
		PeriodFrames:       int(e.periodFrames.Load()),
		SampleRateHz:       int(e.sampleRateHz.Load()),
		CommandsDropped:    dropped,
		LimiterGainDB:      math.Float32frombits(e.limiterGain.Load()),
		LimiterLatency:     int(e.latency.Load()),
		InsertLatency:      int(e.inserts.latency.Load()),
		BadInputChannels:   e.badChannels.Load(),
		MeterFramesDropped: e.metersDropped.Load(),
	}
}

// publishGraph stores the status fields that depend on the graph's settings.
//
// publishGraph is real-time safe: no allocation, no lock, no system call.
func (e *Engine) publishGraph(g *graph) {
	e.sampleRateHz.Store(int64(g.sampleRateHz))
	e.limiterOn.Store(g.p.limiter)
	e.latency.Store(int64(g.latencyFrames()))
}

// Process mixes one period: ProcessOutputs, then FinishPeriod.
//
// Process is real-time safe: no allocation, no lock, no blocking, no system
// call (the clock is read through the vDSO).
func (e *Engine) Process(in, out [][]float32) {
	e.ProcessOutputs(in, out)
	e.FinishPeriod()
}

// ProcessOutputs computes one period's outputs: it adopts a prepared graph
// if there is one, applies the commands waiting in every ring and computes
// all outputs; the meters and BPM counters that no output waits for, and
// the published meters and status, are FinishPeriod's. Ports missing from
// in or out, or shorter than out[0], leave the outputs silent; frames past
// backend.MaxFrames are silent too.
//
// ProcessOutputs is real-time safe: no allocation, no lock, no blocking,
// no system call (the clock is read through the vDSO).
func (e *Engine) ProcessOutputs(in, out [][]float32) {
	start := time.Now()
	if g := e.pending.Swap(nil); g != nil {
		g.adopt(e.cur)
		e.cur = g
		e.publishGraph(g)
	}
	g := e.cur
	e.drainCommands(g)
	e.clockEvents = nil

	n, ok := e.usableFrames(in, out)
	if !ok {
		for _, o := range out {
			clear(o)
		}
		return
	}
	if n > backend.MaxFrames {
		for _, o := range out[:len(e.outputs)] {
			clear(o[backend.MaxFrames:])
		}
		n = backend.MaxFrames
	}
	g.process(in, out, n)
	e.runClock(g, n)
	e.publishStudio(g, out)
	e.unfinished, e.periodStart = n, start
}

// FinishPeriod ends the period ProcessOutputs began: the meters and BPM
// counters no output waits for, then the published meters and status. It
// does nothing when no period is pending. A BPM counter's reading thus
// reaches the MIDI clock and the beat FX one period after its input: a
// few milliseconds, in a tempo that changes over beats.
//
// FinishPeriod is real-time safe: no allocation, no lock, no blocking, no
// system call.
func (e *Engine) FinishPeriod() {
	n := e.unfinished
	if n == 0 {
		return
	}
	e.unfinished = 0
	g := e.cur
	g.analyse(n)
	e.finishPeriod(g, n, e.periodStart)
}

// usableFrames is the number of frames every port can supply, and whether
// all ports are there.
//
// usableFrames is real-time safe: no allocation, no lock, no system call.
func (e *Engine) usableFrames(in, out [][]float32) (int, bool) {
	if len(in) < len(e.inputs) || len(out) < len(e.outputs) || len(out) == 0 {
		return 0, false
	}
	n := len(out[0])
	for _, b := range in[:len(e.inputs)] {
		if len(b) < n {
			return 0, false
		}
	}
	for _, b := range out[:len(e.outputs)] {
		if len(b) < n {
			return 0, false
		}
	}
	return n, true
}

// CommandObserver is told of every command the engine drains from its
// rings, on the audio thread, before the engine applies it: a MIDI mapper
// keeps its copy of the controls true this way (see control/midi).
type CommandObserver interface {
	// Observe must be real-time safe: no allocation, lock or system call.
	Observe(c Command)
}

// SetObserver makes o see every command drained from the command rings;
// nil for none. Call it before the backend starts: the audio thread reads
// the observer without synchronisation.
func (e *Engine) SetObserver(o CommandObserver) { e.observer = o }

// drainCommands applies every waiting command to g's targets, after
// showing it to the observer.
//
// drainCommands is real-time safe: no allocation, no lock, no system call.
func (e *Engine) drainCommands(g *graph) {
	var cmd Command
	channels := len(g.strips)
	for _, r := range *e.rings.Load() {
		for r.TryPopInto(&cmd) {
			if e.observer != nil {
				e.observer.Observe(cmd)
			}
			if g.p.apply(cmd, channels) {
				g.dirty = true
			}
		}
	}
	if g.dirty {
		g.setTargets()
		e.limiterOn.Store(g.p.limiter)
		e.latency.Store(int64(g.latencyFrames()))
	}
}

// finishPeriod updates status and meters after a period of n frames.
//
// finishPeriod is real-time safe: no allocation, no lock, no system call.
func (e *Engine) finishPeriod(g *graph, n int, start time.Time) {
	for i := range g.strips {
		g.strips[i].meter.fold(&g.frame.Strip[i])
	}
	g.masterMeter.fold(&g.frame.Master)
	g.boothMeter.fold(&g.frame.Booth)
	g.phonesMeter.fold(&g.frame.Phones)
	g.cueMeter.fold(&g.frame.Cue)

	gain := g.limiter.ReadGain()
	gainDB := float32(0)
	if gain < 1 {
		gainDB = float32(20 * math.Log10(float64(max(gain, 1e-10))))
	}
	e.limiterGain.Store(math.Float32bits(gainDB))
	e.badChannels.Store(g.badChannels)
	e.periodFrames.Store(int64(n))
	e.inserts.latency.Store(int64(g.insertLatency(&e.inserts)))

	elapsed := time.Since(start).Nanoseconds()
	g.worstCur = max(g.worstCur, elapsed)
	g.worstLeft -= n
	if g.worstLeft <= 0 {
		g.worstPrev, g.worstCur = g.worstCur, 0
		g.worstLeft = g.worstWindowLen
	}
	e.lastNs.Store(elapsed)
	e.worstNs.Store(max(g.worstCur, g.worstPrev))

	g.frameFrames += n
	if g.frameFrames < g.meterPeriod {
		return
	}
	g.readMeters()
	g.readBPM()
	e.seq++
	g.frame.Seq = e.seq
	g.frame.Status = e.Status()
	if !e.meters.TryPushPtr(&g.frame) {
		// The GUI is behind: keep folding peaks into this frame.
		e.metersDropped.Add(1)
		return
	}
	g.frameFrames = 0
	g.startMeterFrame()
	for i := range g.frame.Strip[:len(g.strips)] {
		resetPeaks(&g.frame.Strip[i])
	}
	for _, m := range [...]*LevelMeter{&g.frame.Master, &g.frame.Booth, &g.frame.Phones, &g.frame.Cue} {
		resetPeaks(m)
	}
}

// resetPeaks is real-time safe: no allocation, no lock, no system call.
func resetPeaks(m *LevelMeter) {
	m.PeakL, m.PeakR = 0, 0
	m.ClipL, m.ClipR = false, false
}
