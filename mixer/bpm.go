package mixer

import "github.com/linuxdj/linuxdj/mixer/tempo"

// Tempo is one BPM counter's reading (see package mixer/tempo): each
// strip's, from its input after the trim, and the master's, from the
// master output.
type Tempo struct {
	BPM        float32 // tempo.MinBPM..tempo.MaxBPM to 0.01, or 0 while there is none
	Confidence float32 // 0..1; a tapped value reads 1
	Locked     bool    // the value is held (ParamBPMLock, ParamMasterBPMLock)
	Tapped     bool    // the value is the tapped tempo
}

// bpmParams are the BPM counters' controls. The zero value is the
// default: nothing locked, no action pending. Taps, half and double are
// actions carried out (and cleared) by setBPMTargets.
type bpmParams struct {
	lock   [MaxChannels + 1]bool // index MaxChannels: the master
	tap    [MaxChannels + 1]bool
	half   [MaxChannels + 1]bool
	double [MaxChannels + 1]bool
}

// isBPMParam is real-time safe: no allocation, no lock, no system call.
func (p Param) isBPMParam() bool {
	return p >= ParamBPMLock && p <= ParamBPMDouble || p >= ParamMasterBPMLock && p <= ParamMasterBPMDouble
}

// apply sets the BPM control cmd names (cmd.Value is finite) and reports
// whether anything is to be done; an action's release (value < 0.5) is not.
//
// apply is real-time safe: no allocation, no lock, no system call.
func (p *bpmParams) apply(cmd Command, channels int) bool {
	on := cmd.Value >= 0.5
	i := MaxChannels
	what := cmd.Param - ParamMasterBPMLock + ParamBPMLock
	if cmd.Param.IsChannelParam() {
		if cmd.Channel < 0 || int(cmd.Channel) >= channels {
			return false
		}
		i, what = int(cmd.Channel), cmd.Param
	}
	switch what {
	case ParamBPMLock:
		p.lock[i] = on
		return true
	case ParamBPMTap:
		p.tap[i] = p.tap[i] || on
	case ParamBPMHalf:
		p.half[i] = p.half[i] || on
	case ParamBPMDouble:
		p.double[i] = p.double[i] || on
	}
	return on
}

// counter is the BPM counter of index i: a strip, or the master for
// MaxChannels.
//
// counter is real-time safe: no allocation, no lock, no system call.
func (g *graph) counter(i int) *tempo.Counter {
	if i == MaxChannels {
		return &g.masterTempo
	}
	return &g.strips[i].tempo
}

// setBPMTargets carries the lock and the pending actions to the counters.
//
// setBPMTargets is real-time safe: no allocation, no lock, no system call.
func (g *graph) setBPMTargets() {
	p := &g.p.bpm
	for i := range p.lock {
		if i < MaxChannels && i >= len(g.strips) {
			continue
		}
		c := g.counter(i)
		c.SetLocked(p.lock[i])
		if p.tap[i] {
			c.Tap()
		}
		if p.half[i] {
			c.Scale(0.5)
		}
		if p.double[i] {
			c.Scale(2)
		}
		p.tap[i], p.half[i], p.double[i] = false, false, false
	}
}

// initBPM prepares the counters for sampleRateHz. It allocates: it runs
// off the audio thread.
func (g *graph) initBPM(sampleRateHz int) {
	for i := range g.strips {
		g.strips[i].tempo.Prepare(sampleRateHz)
	}
	g.masterTempo.Prepare(sampleRateHz)
}

// adoptBPM carries the old graph's held and tapped values over to the new
// counters, which start listening afresh at the new rate.
//
// adoptBPM is real-time safe: no allocation, no lock, no system call.
func (g *graph) adoptBPM(old *graph) {
	for i := range g.strips {
		if i < len(old.strips) {
			g.strips[i].tempo.Keep(&old.strips[i].tempo)
		}
	}
	g.masterTempo.Keep(&old.masterTempo)
}

// readBPM puts the counters' readings into the pending meter frame.
//
// readBPM is real-time safe: no allocation, no lock, no system call.
func (g *graph) readBPM() {
	for i := range g.strips {
		g.frame.StripTempo[i] = tempoOf(g.strips[i].tempo.Count())
	}
	g.frame.MasterTempo = tempoOf(g.masterTempo.Count())
}

// tempoOf is real-time safe: no allocation, no lock, no system call.
func tempoOf(c tempo.Count) Tempo {
	return Tempo{BPM: float32(c.BPM), Confidence: float32(c.Confidence), Locked: c.Locked, Tapped: c.Tapped}
}
