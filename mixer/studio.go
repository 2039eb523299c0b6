package mixer

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// Output ports of the monitor section, after master, booth and phones.
const (
	monAOut = 6 // monA_out_L, monA_out_R
	monBOut = 8 // monB_out_L, monB_out_R
)

// studio is the part of a graph for talkover, talkback and the monitor
// section.
type studio struct {
	micMask        uint32 // bit i set: channel i is a mic (ChannelConfig.Mic)
	extInL, extInR int    // indexes of monitor_ext_in_L/R in Process's in
	duck           ducker
	srcMaster      dsp.Ramp // monitor source select
	srcCue         dsp.Ramp
	srcExt         dsp.Ramp
	speakerA       speakerRamps
	speakerB       speakerRamps
	talkback       dsp.Ramp  // talkback bus → phones: the phones level while held
	micL, micR     []float32 // the mic channels after their faders
	tbL, tbR       []float32 // talkback bus: the mic channels at their cue point
	keyL, keyR     []float32 // limiter key while ducking
	duckGain       []float32
	monL, monR     []float32 // monitor source while it crossfades
	extL, extR     []float32 // guarded external monitor input
}

// ramps lists every ramp of the section.
//
// ramps is real-time safe: no allocation, no lock, no system call.
func (st *studio) ramps() [12]*dsp.Ramp {
	a, b := st.speakerA.all(), st.speakerB.all()
	return [12]*dsp.Ramp{&st.srcMaster, &st.srcCue, &st.srcExt, &st.talkback,
		a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]}
}

// initStudio sets the section up and adds its buffers to the graph's;
// extIn is the index of the first external monitor input, right after the
// channel inputs. It runs off the audio thread.
func (g *graph) initStudio(cfg Config, extIn int) {
	st := &g.studio
	for i, c := range cfg.Channels {
		if c.Mic {
			st.micMask |= 1 << i
		}
	}
	st.extInL, st.extInR = extIn, extIn+1
	g.bufs.add(&st.micL, &st.micR, &st.tbL, &st.tbR, &st.keyL, &st.keyR, &st.duckGain,
		&st.monL, &st.monR, &st.extL, &st.extR)
	for _, r := range st.ramps() {
		r.Init(0, g.rampFrames)
	}
}

// setStudioTargets turns the talkover, talkback and monitor targets into
// the section's targets.
//
// setStudioTargets is real-time safe: no allocation, no lock, no system call.
func (g *graph) setStudioTargets() {
	g.studio.duck.set(&g.p.talk, g.sampleRateHz)
	g.setMonitorTargets()
}

// jumpStudio puts the section's ramps at their targets.
//
// jumpStudio is real-time safe: no allocation, no lock, no system call.
func (g *graph) jumpStudio() {
	for _, r := range g.studio.ramps() {
		r.Jump(r.Target())
	}
	g.studio.duck.jump(&g.p.talk)
}

// beginStudio clears the section's buses for a block of n frames.
//
// beginStudio is real-time safe: no allocation, no lock, no system call.
func (g *graph) beginStudio(n int) {
	st := &g.studio
	if st.micMask == 0 {
		return
	}
	clear(st.micL[:n])
	clear(st.micR[:n])
	clear(st.tbL[:n])
	clear(st.tbR[:n])
}

// stripBuses returns the buses channel i mixes into after its fader: the
// master bus, or for a mic the mic bus, which the talkover keeps out of the
// duck. A mic's signal at its cue point, l and r (r may alias l), also
// goes to the talkback bus while talkback is held.
//
// stripBuses is real-time safe: no allocation, no lock, no system call.
func (g *graph) stripBuses(i int, l, r []float32) (busL, busR []float32) {
	st := &g.studio
	n := len(l)
	if st.micMask&(1<<i) == 0 {
		return g.busL[:n], g.busR[:n]
	}
	if !st.talkback.Idle(0) {
		tbL, tbR := st.tbL[:n], st.tbR[:n]
		r = r[:n]
		for j, x := range l {
			tbL[j] += x
			tbR[j] += r[j]
		}
	}
	return st.micL[:n], st.micR[:n]
}

// applyStudio sets the talkover or monitor target cmd names and reports
// whether cmd was one of theirs.
//
// applyStudio is real-time safe: no allocation, no lock, no system call.
func (p *params) applyStudio(cmd Command) bool {
	return p.talk.apply(cmd) || p.mon.apply(cmd)
}

// TalkoverGainDB is the talkover's gain on the music at the end of the
// last period: 0 dB when nothing is ducked, down to the depth while it
// ducks. The GUI can light its talkover indicator below 0 dB.
//
// TalkoverGainDB is real-time safe: no allocation, no lock, no system call.
func (e *Engine) TalkoverGainDB() float32 { return math.Float32frombits(e.duckGain.Load()) }

// publishTalkover stores the talkover gain for TalkoverGainDB.
//
// publishTalkover is real-time safe: no allocation, no lock, no system call.
func (e *Engine) publishTalkover(g *graph) {
	gainDB := float32(0)
	if d := g.studio.duck.gain; d < 1 {
		gainDB = float32(20 * math.Log10(max(d, 1e-10)))
	}
	e.duckGain.Store(math.Float32bits(gainDB))
}
