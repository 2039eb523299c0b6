//go:build cgo

package lv2

import (
	"errors"
	"fmt"
	"math"
	"sync/atomic"

	"github.com/linuxdj/linuxdj/mixer"
)

// Insert is one plugin in a mixer insert slot: it implements mixer.Insert
// for a mono or a stereo strip (or master). It maps the strip's channels
// onto the plugin's audio ports: one instance where they match, two (dual
// mono) for a mono plugin on a stereo strip, the strip's mono sum into a
// plugin with one input and two outputs, a mono strip into both inputs of
// a stereo plugin; the outputs are summed to mono on a mono strip.
//
// Control inputs are set from any goroutine with Set or SetControl; each
// is an atomic target that Process copies into the instances at the top
// of the next period, so a GUI, MIDI and OSC can all set them without a
// lock. Process runs the plugin in blocks of at most BlockFrames.
//
// Make it, restore its state and activate it off the audio thread
// (NewInsert does), hand it to the engine with mixer.Engine.SetInsert,
// and Close it only once the engine has handed it back (Retired).
type Insert struct {
	uri      string
	insts    []*Instance // one, or two for dual mono
	stereo   bool        // the strip's channels
	mode     insertMode
	controls []control // the control inputs, in port order
	bySym    map[string]int
	seq      atomic.Uint64 // bumped by every Set
	seen     uint64        // audio thread: the seq last copied
	latency  atomic.Int32  // frames, from the latency port at the last run
	block    int
	rateHz   float32
}

// control is one control input's target.
type control struct {
	port Port
	bits atomic.Uint32 // float32 bits
}

type insertMode uint8

const (
	direct     insertMode = iota // the plugin's ports match the strip's channels
	dualMono                     // a mono plugin per side of a stereo strip
	monoToWide                   // one input, two outputs
	wideOnMono                   // a stereo plugin on a mono strip
)

// BlockFrames is the most frames an Insert hands its plugin in one run:
// longer periods are run in pieces. Some plugins misbehave on very long
// runs whatever maxBlockLength says (LSP's delay compensator above about
// 5000 frames), and a piece of 4096 frames costs nothing measurable.
const BlockFrames = 4096

var _ mixer.Insert = (*Insert)(nil)

// NewInsert makes, and activates, the plugin uri for a strip (stereo or
// mono) at rateHz and periods of usually nominalFrames. Not real-time
// safe.
func NewInsert(w *World, uri string, rateHz float64, nominalFrames int, stereo bool) (*Insert, error) {
	p, ok := w.Plugin(uri)
	if !ok {
		return nil, fmt.Errorf("lv2: no plugin %s is installed", uri)
	}
	s := &Insert{uri: uri, stereo: stereo, block: min(BlockFrames, MaxFrames), bySym: map[string]int{}, rateHz: float32(rateHz)}
	n := 1
	switch {
	case p.AudioInputs == p.AudioOutputs && p.AudioInputs == 1 && stereo:
		s.mode, n = dualMono, 2
	case p.AudioInputs == 1 && p.AudioOutputs == 1, p.AudioInputs == 2 && p.AudioOutputs == 2 && stereo:
		s.mode = direct
	case p.AudioInputs == 1 && p.AudioOutputs == 2:
		s.mode = monoToWide
	case p.AudioInputs == 2 && p.AudioOutputs == 2:
		s.mode = wideOnMono
	default:
		return nil, fmt.Errorf("lv2: %s has %d audio inputs and %d outputs; an insert takes 1 or 2 in, 1 or 2 out",
			uri, p.AudioInputs, p.AudioOutputs)
	}
	for range n {
		in, err := w.Instantiate(uri, rateHz, nominalFrames)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.insts = append(s.insts, in)
	}
	for _, port := range s.insts[0].Ports() {
		if port.Kind == Control && !port.Output {
			s.bySym[port.Symbol] = len(s.controls)
			s.controls = append(s.controls, control{port: port})
		}
	}
	for i := range s.controls {
		c := &s.controls[i]
		c.bits.Store(math.Float32bits(s.insts[0].Control(c.port.Index)))
	}
	s.seq.Add(1)
	for _, in := range s.insts {
		in.Activate()
	}
	return s, nil
}

// URI is the plugin's.
func (s *Insert) URI() string { return s.uri }

// Plugin is what the world lists of the plugin.
func (s *Insert) Plugin() Plugin { return s.insts[0].Plugin() }

// Instances are the plugin's instances: one, or two for dual mono.
func (s *Insert) Instances() []*Instance { return s.insts }

// Controls describes the plugin's control inputs, in port order.
func (s *Insert) Controls() []Port {
	ports := make([]Port, len(s.controls))
	for i := range s.controls {
		ports[i] = s.controls[i].port
	}
	return ports
}

// Control is the value the control input sym is set to. Any goroutine.
func (s *Insert) Control(sym string) (float32, bool) {
	i, ok := s.bySym[sym]
	if !ok {
		return 0, false
	}
	return math.Float32frombits(s.controls[i].bits.Load()), true
}

// Set sets the control input sym to v, clamped into the port's range;
// the plugin gets it at the next period. Any goroutine.
func (s *Insert) Set(sym string, v float32) error {
	i, ok := s.bySym[sym]
	if !ok {
		return fmt.Errorf("lv2: %s has no control input %q", s.uri, sym)
	}
	s.SetControl(i, v)
	return nil
}

// SetControl sets the i-th control input (in the order of Controls) to
// v, clamped into its range (NaN is ignored). Real-time safe; any
// goroutine.
func (s *Insert) SetControl(i int, v float32) {
	if i < 0 || i >= len(s.controls) || v != v {
		return
	}
	c := &s.controls[i]
	if c.port.HasMin {
		v = max(v, c.port.Min*s.rateScale(c.port))
	}
	if c.port.HasMax {
		v = min(v, c.port.Max*s.rateScale(c.port))
	}
	c.bits.Store(math.Float32bits(v))
	s.seq.Add(1)
}

// rateScale is what p's range is scaled by. It reads no instance, so
// SetControl stays safe on an Insert being closed.
func (s *Insert) rateScale(p Port) float32 {
	if p.SampleRate {
		return s.rateHz
	}
	return 1
}

// ControlIndex is the index of the control input sym in the order of
// Controls. Real-time safe: a read of a map that never changes.
func (s *Insert) ControlIndex(sym string) (int, bool) {
	i, ok := s.bySym[sym]
	return i, ok
}

// ControlValue is the value the i-th control input is set to (0 for an
// index out of range). Real-time safe; any goroutine.
func (s *Insert) ControlValue(i int) float32 {
	if i < 0 || i >= len(s.controls) {
		return 0
	}
	return math.Float32frombits(s.controls[i].bits.Load())
}

// Changes counts the control changes so far: a reader that remembers it
// knows when any control moved, from whichever goroutine. Real-time
// safe; any goroutine.
func (s *Insert) Changes() uint64 { return s.seq.Load() }

// LatencyFrames is what the plugin's latency port said at its last run,
// rounded to frames; 0 for a plugin without one.
//
// LatencyFrames is real-time safe: one atomic load.
func (s *Insert) LatencyFrames() int { return int(s.latency.Load()) }

// Process runs the plugin on one period of the strip's signal in place
// (r nil on a mono strip), in blocks of at most BlockFrames, after
// handing it the control values set since the last period. It reports
// false when the plugin's output was not finite (the host has zeroed it).
//
// Process is real-time safe in the host's own code: no allocation, lock
// or system call; what the plugin's run does is the plugin's.
func (s *Insert) Process(l, r []float32) bool {
	if seq := s.seq.Load(); seq != s.seen {
		s.seen = seq
		for i := range s.controls {
			c := &s.controls[i]
			v := math.Float32frombits(c.bits.Load())
			for _, in := range s.insts {
				in.SetControl(c.port.Index, v)
			}
		}
	}
	ok := true
	for off := 0; off < len(l); off += s.block {
		end := min(off+s.block, len(l))
		var rb []float32
		if r != nil {
			rb = r[off:end]
		}
		ok = s.run(l[off:end], rb) && ok
	}
	if lat, has := s.insts[0].Latency(); has {
		s.latency.Store(int32(math.Round(float64(max(lat, 0)))))
	}
	return ok
}

// run processes one block of at most s.block frames.
//
// run is real-time safe in the host's own code.
func (s *Insert) run(l, r []float32) bool {
	n := len(l)
	a := s.insts[0]
	switch s.mode {
	case direct:
		copy(a.Input(0), l)
		if r != nil {
			copy(a.Input(1), r)
		}
		ok := a.Run(n)
		copy(l, a.Output(0)[:n])
		if r != nil {
			copy(r, a.Output(1)[:n])
		}
		return ok
	case dualMono:
		b := s.insts[1]
		copy(a.Input(0), l)
		copy(b.Input(0), r)
		ok := a.Run(n)
		ok = b.Run(n) && ok
		copy(l, a.Output(0)[:n])
		copy(r, b.Output(0)[:n])
		return ok
	case monoToWide:
		in := a.Input(0)[:n]
		copy(in, l)
		if r != nil {
			for i := range in {
				in[i] = 0.5 * (l[i] + r[i])
			}
		}
		ok := a.Run(n)
		outL, outR := a.Output(0)[:n], a.Output(1)[:n]
		if r != nil {
			copy(l, outL)
			copy(r, outR)
			return ok
		}
		for i := range l {
			l[i] = 0.5 * (outL[i] + outR[i])
		}
		return ok
	default: // wideOnMono
		copy(a.Input(0), l)
		copy(a.Input(1), l)
		ok := a.Run(n)
		outL, outR := a.Output(0)[:n], a.Output(1)[:n]
		for i := range l {
			l[i] = 0.5 * (outL[i] + outR[i])
		}
		return ok
	}
}

// HasState reports whether the plugin keeps state of its own (the LV2
// State extension) beyond its control values.
func (s *Insert) HasState() bool { return s.insts[0].HasState() }

// SaveState is the plugin's LV2 state (see Instance.SaveState) with the
// control values as set. It may run while the insert runs. Not real-time
// safe.
func (s *Insert) SaveState() (string, error) { return s.insts[0].SaveState() }

// RestoreState gives every instance the state SaveState made, and takes
// the control values it holds as the targets. Call it before the insert
// is handed to the engine. Not real-time safe.
func (s *Insert) RestoreState(state string) error {
	var errs []error
	for _, in := range s.insts {
		errs = append(errs, in.RestoreState(state))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for i := range s.controls {
		c := &s.controls[i]
		c.bits.Store(math.Float32bits(s.insts[0].Control(c.port.Index)))
	}
	s.seq.Add(1)
	return nil
}

// Close deactivates and frees the plugin's instances. The engine must
// not hold the insert (see mixer.Engine.Retired). Not real-time safe.
func (s *Insert) Close() {
	for _, in := range s.insts {
		in.Close()
	}
	s.insts = nil
}
