package mixer

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
	"github.com/linuxdj/linuxdj/mixer/fx"
	"github.com/linuxdj/linuxdj/mixer/meter"
	"github.com/linuxdj/linuxdj/mixer/tempo"
)

// Timing of the engine's smoothing and guards.
const (
	rampSeconds        = 0.010 // every gain change and switch
	badHoldSeconds     = 0.25  // a channel stays muted this long after bad input
	meterFrameSeconds  = 0.010 // publish meter frames at 100 Hz at most
	worstWindowSeconds = 2     // Status.WorstPeriodNs covers the last 2–4 s
)

// strip is the per-channel part of a graph.
type strip struct {
	stereo   bool
	inL, inR int // indexes into Process's in

	pre     dsp.Ramp // trim · polarity · input guard
	preGain float32  // trim · polarity, the pre target while the input is sane
	badLeft int      // frames the guard still holds the channel muted

	eq                   *dsp.Isolator
	eqLow, eqMid, eqHigh dsp.Ramp // band gains, kill included
	eqWet                dsp.Ramp // 0 = bypass, 1 = equalised
	eqIdle               bool     // bypassed and state cleared
	filter               *dsp.DJFilter
	colour               *fx.Colour // the colour FX on the filter knob; see effects.go
	cueL, cueR           dsp.Ramp   // PFL send into the cue bus
	outL, outR           dsp.Ramp   // pan · mute · fader · crossfader into master
	meter                levelMeter
	meters               stripMeters   // the MeterMode meters; see metering.go
	tempo                tempo.Counter // the BPM counter; see bpm.go
	// The period's input after the trim, kept for the BPM counter, which
	// runs after the outputs (analyse); tempoR is nil for a mono strip.
	tempoL, tempoR []float32
	// The period's signal before the fader, kept for the meters, which run
	// after the outputs too; meterStereo says whether meterR holds this
	// period's right side (an FX can make a mono strip stereo).
	meterL, meterR []float32
	meterStereo    bool
}

// graph is everything the audio thread needs for one sample rate. Prepare
// builds a new one off the audio thread; Process adopts it.
type graph struct {
	sampleRateHz int
	rampFrames   int
	p            params
	dirty        bool // p changed since the ramp targets were set

	strips []strip

	// Master matrix: bus L/R → master L/R, combining level, balance, mono.
	mLL, mLR, mRL, mRR dsp.Ramp
	limiter            *dsp.Limiter
	limDry, limWet     dsp.Ramp
	booth              dsp.Ramp
	// Phones matrix: cue L/R and master L/R → phones L/R, combining level,
	// cue/master mix and split cue.
	phCueLL, phCueRL, phMstLL dsp.Ramp // into phones L
	phCueRR, phMstLR, phMstRR dsp.Ramp // into phones R

	bufs signalBuffers // the signal buffers below, the strips', the studio's and the FX unit's
	// Scratch.
	chL, chR             []float32
	busL, busR           []float32
	cueBusL, cueBusR     []float32
	limL, limR           []float32
	gLow, gMid, gHigh, w []float32

	masterMeter, boothMeter, phonesMeter, cueMeter levelMeter

	masterPeak [2]meter.Peak // the window's master meter; see metering.go
	panel      *masterPanel  // master loudness panel; see metering.go

	masterTempo tempo.Counter // the master's BPM counter; see bpm.go
	// The period's master, booth and phones outputs, kept for the meters
	// and the BPM counter that run after the outputs (analyse); the cue
	// meter reads the cue bus, which nothing writes after the strips.
	mstL, mstR       []float32
	boothL, boothR   []float32
	phonesL, phonesR []float32

	studio studio  // talkover, talkback, monitor section; see studio.go
	fx     effects // the beat FX unit; see effects.go

	// Insert slots, one row per strip and master's last; see insert.go.
	slots      [][InsertSlots]insertSlot
	ins        *inserts // the engine's mailboxes
	dryL, dryR []float32

	frame          MeterFrame // pending: peaks folded since the last delivered frame
	frameFrames    int        // frames since the last delivered frame
	meterPeriod    int        // frames between published frames
	badChannels    uint32
	worstCur       int64 // worst Process time in this window
	worstPrev      int64 // worst Process time in the previous window
	worstLeft      int   // frames until the window turns
	worstWindowLen int
}

// newGraph allocates and sets up everything for cfg at sampleRateHz, with
// every control at its default. It runs off the audio thread.
func newGraph(cfg Config, sampleRateHz int) *graph {
	rate := float64(sampleRateHz)
	g := &graph{
		sampleRateHz:   sampleRateHz,
		rampFrames:     max(1, int(math.Round(rampSeconds*rate))),
		p:              defaultParams(),
		dirty:          true,
		strips:         make([]strip, len(cfg.Channels)),
		limiter:        dsp.NewLimiter(rate, DefaultLimiterCeilingDB),
		meterPeriod:    max(1, int(meterFrameSeconds*rate)),
		worstWindowLen: worstWindowSeconds * sampleRateHz,
	}
	g.bufs.add(&g.chL, &g.chR, &g.busL, &g.busR, &g.cueBusL, &g.cueBusR, &g.limL, &g.limR,
		&g.gLow, &g.gMid, &g.gHigh, &g.w, &g.dryL, &g.dryR,
		&g.mstL, &g.mstR, &g.boothL, &g.boothR, &g.phonesL, &g.phonesR)

	port := 0
	for i, c := range cfg.Channels {
		s := &g.strips[i]
		s.stereo = c.Stereo
		s.inL, s.inR = port, port
		g.bufs.add(&s.tempoL, &s.meterL, &s.meterR)
		port++
		if c.Stereo {
			s.inR = port
			g.bufs.add(&s.tempoR)
			port++
		}
		s.eq = dsp.NewIsolator(cfg.CrossoverLowHz, cfg.CrossoverHighHz, rate)
		s.eqIdle = true
		s.filter = dsp.NewDJFilter(rate, g.rampFrames)
		s.meter.init(sampleRateHz)
		for _, r := range []*dsp.Ramp{&s.pre, &s.eqLow, &s.eqMid, &s.eqHigh, &s.eqWet, &s.cueL, &s.cueR, &s.outL, &s.outR} {
			r.Init(0, g.rampFrames)
		}
	}
	for _, r := range []*dsp.Ramp{&g.mLL, &g.mLR, &g.mRL, &g.mRR, &g.limDry, &g.limWet, &g.booth,
		&g.phCueLL, &g.phCueRL, &g.phMstLL, &g.phCueRR, &g.phMstLR, &g.phMstRR} {
		r.Init(0, g.rampFrames)
	}
	for _, m := range []*levelMeter{&g.masterMeter, &g.boothMeter, &g.phonesMeter, &g.cueMeter} {
		m.init(sampleRateHz)
	}
	g.initMeters(sampleRateHz)
	g.initBPM(sampleRateHz)
	g.initFX(sampleRateHz, port+2)
	g.frame.Channels = len(g.strips)
	g.initStudio(cfg, port)
	g.initInserts(len(cfg.Channels))
	g.bufs.alloc()
	g.setTargets()
	g.jump()
	return g
}

// adopt takes over the control state of the graph it replaces, so a new
// sample rate keeps every setting and the pending meter peaks. It copies
// plain values only.
//
// adopt is real-time safe: no allocation, no lock, no system call.
func (g *graph) adopt(old *graph) {
	g.p = old.p
	g.frame = old.frame
	g.badChannels = old.badChannels
	g.adoptMeters(old)
	g.adoptBPM(old)
	g.adoptInserts(old)
	g.setTargets()
	g.jump()
}

// jump puts every ramp at its target at once: a new graph starts where the
// old one stood.
//
// jump is real-time safe: no allocation, no lock, no system call.
func (g *graph) jump() {
	for i := range g.strips {
		s := &g.strips[i]
		for _, r := range [...]*dsp.Ramp{&s.pre, &s.eqLow, &s.eqMid, &s.eqHigh, &s.eqWet, &s.cueL, &s.cueR, &s.outL, &s.outR} {
			r.Jump(r.Target())
		}
		s.filter.Jump()
	}
	for _, r := range [...]*dsp.Ramp{&g.mLL, &g.mLR, &g.mRL, &g.mRR, &g.limDry, &g.limWet, &g.booth,
		&g.phCueLL, &g.phCueRL, &g.phMstLL, &g.phCueRR, &g.phMstLR, &g.phMstRR} {
		r.Jump(r.Target())
	}
	g.jumpStudio()
}

// setTargets turns the control targets in g.p into ramp targets.
//
// setTargets is real-time safe: no allocation, no lock, no system call.
func (g *graph) setTargets() {
	p := &g.p
	g.dirty = false
	g.setMeterTargets()
	g.setBPMTargets()
	xa, xb := CrossfaderGains(float64(p.xfader), float64(p.xfaderCurve), p.xfaderReverse)
	for i := range g.strips {
		s, c := &g.strips[i], &p.ch[i]
		s.preGain = float32(math.Pow(10, float64(c.trimDB)/20))
		if c.polarity {
			s.preGain = -s.preGain
		}
		if s.badLeft <= 0 {
			s.pre.Set(s.preGain)
		}

		neutral := true
		for b, r := range [...]*dsp.Ramp{&s.eqLow, &s.eqMid, &s.eqHigh} {
			gain := float32(EQGain(float64(c.eqPos[b])))
			if c.kill[b] {
				gain = 0
			}
			r.Set(gain)
			neutral = neutral && gain == 1
		}
		if neutral {
			s.eqWet.Set(0)
		} else {
			s.eqWet.Set(1)
		}
		s.filter.Set(g.filterTarget(c))

		cue := float32(0)
		if c.cue {
			cue = 1
		}
		s.cueL.Set(cue)
		s.cueR.Set(cue)

		var l, r float64
		if s.stereo {
			l, r = BalanceGains(float64(c.pan))
		} else {
			l, r = PanGains(float64(c.pan))
		}
		gain := FaderGain(float64(c.faderPos))
		switch c.assign {
		case XfaderA:
			gain *= xa
		case XfaderB:
			gain *= xb
		}
		if c.mute {
			gain = 0
		}
		s.outL.Set(float32(l * gain))
		s.outR.Set(float32(r * gain))
	}

	level := FaderGain(float64(p.masterPos))
	bl, br := BalanceGains(float64(p.balance))
	mono := 0.0
	if p.mono {
		mono = 1
	}
	g.mLL.Set(float32(level * bl * (1 - mono/2)))
	g.mLR.Set(float32(level * bl * mono / 2))
	g.mRL.Set(float32(level * br * mono / 2))
	g.mRR.Set(float32(level * br * (1 - mono/2)))

	g.limiter.SetCeilingDB(float64(p.ceilingDB))
	if p.limiter {
		g.limDry.Set(0)
		g.limWet.Set(1)
	} else {
		g.limDry.Set(1)
		g.limWet.Set(0)
	}
	g.booth.Set(float32(FaderGain(float64(p.boothPos))))

	phones := FaderGain(float64(p.phonesPos))
	gc, gm := quarterSine(1-float64(p.cueMix)), quarterSine(float64(p.cueMix))
	split := 0.0
	if p.splitCue {
		split = 1
	}
	// Without split: L = cueL·gc + masterL·gm, R likewise. With split:
	// L = (cueL + cueR)/2, R = (masterL + masterR)/2. The ramps crossfade
	// every matrix entry between the two.
	g.phCueLL.Set(float32(phones * (gc*(1-split) + split/2)))
	g.phCueRL.Set(float32(phones * split / 2))
	g.phMstLL.Set(float32(phones * gm * (1 - split)))
	g.phCueRR.Set(float32(phones * gc * (1 - split)))
	g.phMstLR.Set(float32(phones * split / 2))
	g.phMstRR.Set(float32(phones * (gm*(1-split) + split/2)))
	g.setStudioTargets()
	g.setFXTargets()
}

// latencyFrames is the delay the current settings add.
//
// latencyFrames is real-time safe: no allocation, no lock, no system call.
func (g *graph) latencyFrames() int {
	if g.p.limiter {
		return g.limiter.LatencyFrames()
	}
	return 0
}

// process computes one block of n ≤ backend.MaxFrames frames.
//
// process is real-time safe: no allocation, no lock, no system call.
func (g *graph) process(in, out [][]float32, n int) {
	g.bufs.fit(n)
	if g.dirty {
		g.setTargets()
	}
	busL, busR := g.busL[:n], g.busR[:n]
	cueL, cueR := g.cueBusL[:n], g.cueBusR[:n]
	clear(busL)
	clear(busR)
	clear(cueL)
	clear(cueR)
	g.beginStudio(n)
	g.beginFX(in, out, n)
	for i := range g.strips {
		g.processStrip(i, in, n)
	}
	g.processBusFX(n)
	g.processOutputs(out, n)
	g.processMonitor(in, out, n)
}

// processStrip runs channel i and mixes it into the master and cue buses.
//
// processStrip is real-time safe: no allocation, no lock, no system call.
func (g *graph) processStrip(i int, in [][]float32, n int) {
	s := &g.strips[i]
	l := g.chL[:n]
	var r []float32 // nil for a mono channel
	sane := dsp.CopySane(l, in[s.inL][:n])
	if s.stereo {
		r = g.chR[:n]
		sane = dsp.CopySane(r, in[s.inR][:n]) && sane
	}

	// The guard: a block with NaN, Inf or absurd values is replaced by
	// silence before it reaches any filter, and the channel stays muted
	// until its input has been clean for badHoldSeconds.
	bit := uint32(1) << i
	if !sane {
		clear(l)
		clear(r)
		s.pre.Jump(0)
		s.badLeft = int(badHoldSeconds * float64(g.sampleRateHz))
		g.badChannels |= bit
	} else if s.badLeft > 0 {
		s.badLeft -= n
	}
	if s.badLeft > 0 {
		s.pre.Set(0)
	} else {
		s.pre.Set(s.preGain)
		g.badChannels &^= bit
	}

	if r != nil {
		// The right side follows the same ramp: run a copy of it.
		pre := s.pre
		pre.Apply(r)
	}
	s.pre.Apply(l)
	// The BPM counter hears the input after the trim: the EQ and filter
	// (a killed low band) must not lose it the beat. It runs after the
	// outputs (analyse).
	copy(s.tempoL, l)
	if r != nil {
		copy(s.tempoR, r)
	}
	g.processEQ(s, l, r, n)
	s.filter.Process(l, r)
	g.runInserts(g.ins, i, l, r)
	r = g.processStripFX(i, l, r)

	right := r
	if right == nil {
		right = l
	}
	copy(s.meterL, l)
	s.meterStereo = r != nil
	if s.meterStereo {
		copy(s.meterR, r)
	}
	s.cueL.MixInto(g.cueBusL[:n], l)
	s.cueR.MixInto(g.cueBusR[:n], right)
	busL, busR := g.stripBuses(i, l, right)
	if sideL, sideR := g.fxBuses(i, n); sideL != nil {
		busL, busR = sideL, sideR
	}
	s.outL.MixInto(busL, l)
	s.outR.MixInto(busR, right)
}

// processEQ runs the isolator, or skips it while it rests in bypass.
//
// processEQ is real-time safe: no allocation, no lock, no system call.
func (g *graph) processEQ(s *strip, l, r []float32, n int) {
	if s.eqWet.Idle(0) {
		if !s.eqIdle {
			s.eq.Reset()
			s.eqIdle = true
		}
		s.eqLow.Advance(n)
		s.eqMid.Advance(n)
		s.eqHigh.Advance(n)
		return
	}
	s.eqIdle = false
	if s.eqWet.Idle(1) && !s.eqLow.Moving() && !s.eqMid.Moving() && !s.eqHigh.Moving() {
		s.eq.ProcessSteady(l, r, s.eqLow.Value(), s.eqMid.Value(), s.eqHigh.Value())
		return
	}
	gains := dsp.IsolatorGains{Low: g.gLow[:n], Mid: g.gMid[:n], High: g.gHigh[:n], Wet: g.w[:n]}
	s.eqLow.Fill(gains.Low)
	s.eqMid.Fill(gains.Mid)
	s.eqHigh.Fill(gains.High)
	s.eqWet.Fill(gains.Wet)
	s.eq.Process(l, r, gains)
}

// processOutputs runs the master section and writes all outputs.
//
// processOutputs is real-time safe: no allocation, no lock, no system call.
func (g *graph) processOutputs(out [][]float32, n int) {
	cueL, cueR := g.cueBusL[:n], g.cueBusR[:n]
	masterL, masterR := out[0][:n], out[1][:n]
	boothL, boothR := out[2][:n], out[3][:n]
	phonesL, phonesR := out[4][:n], out[5][:n]

	// Master level, balance and mono, into the limiter's input.
	preL, preR := g.chL[:n], g.chR[:n]
	clear(preL)
	clear(preR)
	keyL, keyR := g.masterMix(preL, preR, n) // talkover: see talkover.go
	g.runInserts(g.ins, len(g.slots)-1, preL, preR)

	// The limiter always runs so it is warm when switched in; the ramps
	// crossfade between its delayed output and the undelayed signal.
	limL, limR := g.limL[:n], g.limR[:n]
	g.limiter.ProcessKeyed(keyL, keyR, preL, preR, limL, limR)
	clear(masterL)
	clear(masterR)
	fading := g.limWet.Moving()
	dry, wet := g.limDry, g.limWet // the right side runs copies of the ramps
	dry.MixInto(masterR, preR)
	wet.MixInto(masterR, limR)
	g.limDry.MixInto(masterL, preL)
	g.limWet.MixInto(masterL, limL)
	if fading && g.p.limiter {
		// While the limiter fades in, the dry share could pass the
		// ceiling: clamp, so that "on" always means "never above".
		c := g.limiter.Ceiling()
		for i := range masterL {
			masterL[i] = max(-c, min(c, masterL[i]))
			masterR[i] = max(-c, min(c, masterR[i]))
		}
	}

	// The booth follows the master with its own level.
	clear(boothL)
	clear(boothR)
	booth := g.booth
	booth.MixInto(boothR, masterR)
	g.booth.MixInto(boothL, masterL)

	clear(phonesL)
	clear(phonesR)
	g.phCueLL.MixInto(phonesL, cueL)
	g.phCueRL.MixInto(phonesL, cueR)
	g.phMstLL.MixInto(phonesL, masterL)
	g.phCueRR.MixInto(phonesR, cueR)
	g.phMstLR.MixInto(phonesR, masterL)
	g.phMstRR.MixInto(phonesR, masterR)
	g.addTalkback(phonesL, phonesR)

	copy(g.mstL, masterL)
	copy(g.mstR, masterR)
	copy(g.boothL, boothL)
	copy(g.boothR, boothR)
	copy(g.phonesL, phonesL)
	copy(g.phonesR, phonesR)
}

// analyse runs the period's meters and BPM counters that no output waits
// for, on the signals process kept: after the outputs are out, where a
// backend can pass them on first (backend.Finisher).
//
// analyse is real-time safe: no allocation, no lock, no system call.
func (g *graph) analyse(n int) {
	for i := range g.strips {
		s := &g.strips[i]
		var tempoR []float32 // nil for a mono strip
		if s.tempoR != nil {
			tempoR = s.tempoR[:n]
		}
		s.tempo.Process(s.tempoL[:n], tempoR)
		l := s.meterL[:n]
		var r []float32 // nil while the strip's signal is mono
		right := l
		if s.meterStereo {
			r = s.meterR[:n]
			right = r
		}
		s.meter.process(l, right)
		s.meters.process(l, r)
	}
	l, r := g.mstL[:n], g.mstR[:n]
	g.masterMeter.process(l, r)
	g.boothMeter.process(g.boothL[:n], g.boothR[:n])
	g.phonesMeter.process(g.phonesL[:n], g.phonesR[:n])
	g.cueMeter.process(g.cueBusL[:n], g.cueBusR[:n])
	g.processMasterMeters(l, r)
	g.masterTempo.Process(l, r)
}
