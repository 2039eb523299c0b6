package mixer

import (
	"math"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer/dsp"
	"github.com/linuxdj/linuxdj/mixer/fx"
)

// Sources of the beat FX unit, the values of ParamBeatFXAssign.
const (
	FXMaster  = 0 // the music bus, every channel but the mics, before the master level
	FXSideA   = 1 // the channels assigned to crossfader side A, after their faders
	FXSideB   = 2 // side B
	FXMic     = 3 // the mic bus (the channels marked Mic), after their faders
	FXChannel = 4 // FXChannel+i: channel i after its filter and colour FX, before its fader

	FXSources = FXChannel + MaxChannels // one more than the highest source
)

// fxSendOut is the index of fx_send_L in Process's out, after the
// monitor section's outputs; fx_return_L and _R follow monitor_ext_in_L
// and _R in Process's in.
const fxSendOut = 10

// Defaults of the effects.
const (
	DefaultBeatFXBeats    = 3 // 1/2 beat; see fx.Beats
	DefaultBeatFXTimeMs   = 500
	DefaultBeatFXDepth    = 0.5
	DefaultBeatFXFeedback = 0.5
	DefaultColourFXParam  = 0.5
	// DefaultFXBPM is the tempo the effects sync to while the source's
	// counter has none.
	DefaultFXBPM = 120
)

// colourDubBeats is the dub echo's time: half a beat of the channel.
const colourDubBeats = 0.5

// fxParams are the effects' controls.
type fxParams struct {
	beatKind    fx.BeatKind
	assign      int8
	beats       int8
	sync        bool
	on          bool
	timeMs      float32
	depth       float32
	feedback    float32
	colourKind  fx.ColourKind
	colourParam float32
}

func defaultFXParams() fxParams {
	return fxParams{
		beats:       DefaultBeatFXBeats,
		sync:        true,
		timeMs:      DefaultBeatFXTimeMs,
		depth:       DefaultBeatFXDepth,
		feedback:    DefaultBeatFXFeedback,
		colourParam: DefaultColourFXParam,
	}
}

// isFXParam is real-time safe: no allocation, no lock, no system call.
func (p Param) isFXParam() bool { return p >= ParamBeatFXType && p <= ParamColourFXParameter }

// apply sets the effect control cmd names (cmd.Value is finite).
//
// apply is real-time safe: no allocation, no lock, no system call.
func (p *fxParams) apply(cmd Command) bool {
	v := cmd.Value
	whole := func(hi int) int { return int(clamp(float32(math.Round(float64(v))), 0, float32(hi))) }
	switch cmd.Param {
	case ParamBeatFXType:
		p.beatKind = fx.BeatKind(whole(int(fx.BeatKinds) - 1))
	case ParamBeatFXAssign:
		p.assign = int8(whole(FXSources - 1))
	case ParamBeatFXBeats:
		p.beats = int8(whole(len(fx.Beats) - 1))
	case ParamBeatFXSync:
		p.sync = v >= 0.5
	case ParamBeatFXTimeMs:
		p.timeMs = clamp(v, 1, 4000)
	case ParamBeatFXDepth:
		p.depth = clamp(v, 0, 1)
	case ParamBeatFXFeedback:
		p.feedback = clamp(v, 0, 0.95)
	case ParamBeatFXOn:
		p.on = v >= 0.5
	case ParamColourFXType:
		p.colourKind = fx.ColourKind(whole(int(fx.ColourKinds) - 1))
	case ParamColourFXParameter:
		p.colourParam = clamp(v, 0, 1)
	}
	return true
}

// effects is the part of a graph for the beat FX unit; the colour FX
// live in the strips.
type effects struct {
	beat         *fx.Beat
	active       bool   // the unit runs this period
	source       int    // where it runs
	sideMask     uint32 // on a crossfader side: bit i set, channel i is in it
	sideL, sideR []float32
	retL, retR   []float32 // fx_return_L/R, sanitized
	sendOut      int       // index of fx_send_L in Process's out
	returnIn     int       // index of fx_return_L in Process's in
}

// initFX allocates the effects for sampleRateHz; returnIn is the index of
// fx_return_L in Process's in. It runs off the audio thread.
func (g *graph) initFX(sampleRateHz, returnIn int) {
	g.fx.beat = fx.NewBeat(sampleRateHz, backend.MaxFrames, g.rampFrames)
	g.bufs.add(&g.fx.sideL, &g.fx.sideR, &g.fx.retL, &g.fx.retR)
	g.fx.sendOut, g.fx.returnIn = fxSendOut, returnIn
	for i := range g.strips {
		g.strips[i].colour = fx.NewColour(sampleRateHz, backend.MaxFrames, g.rampFrames)
	}
}

// setFXTargets hands the effects their settings.
//
// setFXTargets is real-time safe: no allocation, no lock, no system call.
func (g *graph) setFXTargets() {
	p := &g.p.fx
	g.fx.beat.Set(fx.BeatSettings{Kind: p.beatKind, Source: g.beatSource(), On: p.on, Depth: p.depth, Feedback: p.feedback})
	for i := range g.strips {
		g.strips[i].colour.Set(p.colourKind, g.p.ch[i].filter, p.colourParam)
	}
}

// beatSource is the source the beat FX is asked for, with the channels of
// a crossfader side in the bits above the low 8: a channel joining or
// leaving the side is then a change of source, which the unit crossfades.
//
// beatSource is real-time safe: no allocation, no lock, no system call.
func (g *graph) beatSource() int {
	source := int(g.p.fx.assign)
	if source != FXSideA && source != FXSideB {
		return source
	}
	side := int8(XfaderA)
	if source == FXSideB {
		side = XfaderB
	}
	var mask int
	for i := range g.strips {
		if g.p.ch[i].assign == side && g.studio.micMask&(1<<i) == 0 {
			mask |= 1 << i
		}
	}
	return source | mask<<8
}

// filterTarget is where channel c's DJ filter goes: the knob, unless a
// colour FX other than the filter takes the knob.
//
// filterTarget is real-time safe: no allocation, no lock, no system call.
func (g *graph) filterTarget(c *channelParams) (pos, resonance float32) {
	switch g.p.fx.colourKind {
	case fx.ColourOff:
		return c.filter, c.resonance
	case fx.ColourFilter:
		return c.filter, g.p.fx.colourParam
	}
	return 0, c.resonance
}

// beatFrames is the length of beats at bpm (DefaultFXBPM while there is
// none), in frames.
//
// beatFrames is real-time safe: no allocation, no lock, no system call.
func (g *graph) beatFrames(bpm, beats float64) float64 {
	if !(bpm > 0) {
		bpm = DefaultFXBPM
	}
	return 60 / bpm * beats * float64(g.sampleRateHz)
}

// sourceBPM is the tempo the beat FX follows on source: the channel's
// counter for a channel, the master's for everything else.
//
// sourceBPM is real-time safe: no allocation, no lock, no system call.
func (g *graph) sourceBPM(source int) float64 {
	if i := source - FXChannel; i >= 0 && i < len(g.strips) {
		return g.strips[i].tempo.Count().BPM
	}
	return g.masterTempo.Count().BPM
}

// beginFX starts a period for the effects: the beat FX's pending switch,
// its time, whether and where it runs, the colour FX's, and the send and
// return (the send is silent unless the unit runs External, and only
// then is the return read).
//
// beginFX is real-time safe: no allocation, no lock, no system call.
func (g *graph) beginFX(in, out [][]float32, n int) {
	e, p := &g.fx, &g.p.fx
	sendL, sendR := out[e.sendOut][:n], out[e.sendOut+1][:n]
	clear(sendL)
	clear(sendR)
	for i := range g.strips {
		s := &g.strips[i]
		s.colour.SetBeat(g.beatFrames(s.tempo.Count().BPM, colourDubBeats))
		s.colour.Begin()
	}
	e.beat.Begin()
	e.source, e.sideMask = e.beat.Source()&0xff, uint32(e.beat.Source()>>8)
	if p.sync {
		e.beat.SetPeriod(g.beatFrames(g.sourceBPM(e.source), fx.Beats[p.beats]))
	} else {
		e.beat.SetPeriod(float64(p.timeMs) / 1000 * float64(g.sampleRateHz))
	}
	e.active = e.beat.Active()
	if !e.active {
		return
	}
	if e.beat.Kind() == fx.External {
		// Only then does the unit read the return: it is sanitized here,
		// once the switch to or from External for this period is made.
		retL, retR := e.retL[:n], e.retR[:n]
		if !dsp.CopySane(retL, in[e.returnIn][:n]) || !dsp.CopySane(retR, in[e.returnIn+1][:n]) {
			clear(retL)
			clear(retR)
		}
		e.beat.Connect(sendL, sendR, retL, retR)
	}
	present := true
	switch {
	case e.source == FXSideA || e.source == FXSideB:
		clear(e.sideL[:n])
		clear(e.sideR[:n])
	case e.source == FXMic:
		present = g.studio.micMask != 0
	case e.source >= FXChannel:
		present = e.source-FXChannel < len(g.strips)
	}
	if !present {
		// Nothing to run on: the unit's ramps move on as if it ran.
		e.beat.Skip(n)
		e.active = false
	}
}

// processStripFX runs strip i's colour FX, and the beat FX where it is
// assigned to the strip, on l and r (nil for a mono strip); it returns
// the right side, which the beat FX makes stereo.
//
// processStripFX is real-time safe: no allocation, no lock, no system call.
func (g *graph) processStripFX(i int, l, r []float32) []float32 {
	s := &g.strips[i]
	if s.colour.Active() {
		s.colour.Process(l, r)
	}
	if g.fx.active && g.fx.source == FXChannel+i {
		if r == nil {
			r = g.chR[:len(l)]
			copy(r, l)
		}
		g.fx.beat.Process(l, r)
	}
	return r
}

// fxBuses returns the side bus channel i mixes into while the beat FX runs
// on its crossfader side, or nil. Which channels are in the side changes
// only while the unit has faded out (see beatSource).
//
// fxBuses is real-time safe: no allocation, no lock, no system call.
func (g *graph) fxBuses(i, n int) (busL, busR []float32) {
	e := &g.fx
	if !e.active || e.sideMask&(1<<i) == 0 {
		return nil, nil
	}
	return e.sideL[:n], e.sideR[:n]
}

// processBusFX runs the beat FX on a bus source after every strip.
//
// processBusFX is real-time safe: no allocation, no lock, no system call.
func (g *graph) processBusFX(n int) {
	e := &g.fx
	if !e.active {
		return
	}
	switch e.source {
	case FXMaster:
		e.beat.Process(g.busL[:n], g.busR[:n])
	case FXMic:
		e.beat.Process(g.studio.micL[:n], g.studio.micR[:n])
	case FXSideA, FXSideB:
		sideL, sideR := e.sideL[:n], e.sideR[:n]
		e.beat.Process(sideL, sideR)
		busL, busR := g.busL[:n], g.busR[:n]
		for j := range busL {
			busL[j] += sideL[j]
			busR[j] += sideR[j]
		}
	}
}
