package fx

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// ColourKind is the colour FX type, one for every channel.
type ColourKind uint8

// Colour FX types. Off and ColourFilter are the strip's own DJ filter (the
// engine runs it; ColourFilter takes its resonance from the colour
// parameter): a Colour unit passes them through.
const (
	ColourOff    ColourKind = iota // the filter knob is the DJ filter
	Space                          // reverb, sent by the knob; the tail rings on at the centre
	DubEcho                        // echo with the knob's filter in its feedback loop
	Noise                          // filtered white noise added
	Crush                          // bit depth and sample rate reduced
	ColourFilter                   // the DJ filter, resonance from the colour parameter
	ColourKinds                    // the number of types
)

// runs reports whether a Colour unit does anything for k.
//
// runs is real-time safe: no allocation, no lock, no system call.
func (k ColourKind) runs() bool { return k >= Space && k <= Crush }

// tail reports whether the effect rings on after the knob returns.
//
// tail is real-time safe: no allocation, no lock, no system call.
func (k ColourKind) tail() bool { return k == Space || k == DubEcho }

// MaxDubEchoSeconds is the longest dub echo (half a beat at 30 BPM).
const MaxDubEchoSeconds = 1

// colourChunk is how many frames share one set of filter coefficients.
const colourChunk = 32

// Colour is one strip's colour FX. The knob (the strip's filter knob,
// −1..+1) sets how much of the effect is heard, 0 being none; left of the
// centre a low-pass, right of it a high-pass shapes the effect.
type Colour struct {
	rateHz     float64
	kind, want ColourKind
	asleep     bool
	knob       dsp.Ramp // −1..+1
	present    dsp.Ramp // 0 while switching type
	param      float32  // the colour parameter, 0..1, where its ramp stands
	par        dsp.Ramp // the colour parameter's ramp
	rev        reverb
	lineL      line
	lineR      line
	delay      taps
	lpL, lpR   float32 // tone low-pass states
	hpL, hpR   float32 // tone high-pass (low-pass of the removed part) states
	noise      uint32
	holdL      float32 // crush: the held sample
	holdR      float32
	holdLeft   float32 // crush: frames until the next sample is taken
	quiet      int
	tailFrames int
	beatFrames float64
	lpK, hpK   float32 // tone coefficients for this chunk
	chunkKnob  float32 // the knob they were computed for
	kbuf, pbuf []float32
	wl, wr     []float32
	spare      []float32 // the right side of a mono strip
	q, holdN   float32   // crush: quantiser steps per unit, frames per held sample
}

// NewColour allocates a colour FX unit for sampleRateHz and blocks of up
// to maxFrames, with ramps of rampFrames.
func NewColour(sampleRateHz, maxFrames, rampFrames int) *Colour {
	rate := float64(sampleRateHz)
	c := &Colour{
		rateHz:     rate,
		rev:        newReverb(rate),
		lineL:      newLine(MaxDubEchoSeconds * sampleRateHz),
		lineR:      newLine(MaxDubEchoSeconds * sampleRateHz),
		noise:      0x9e3779b9,
		param:      0.5,
		tailFrames: int(0.2 * rate),
		beatFrames: rate / 2,
	}
	bufs := make([]float32, 5*maxFrames)
	next := func() []float32 {
		b := bufs[:maxFrames:maxFrames]
		bufs = bufs[maxFrames:]
		return b
	}
	c.kbuf, c.pbuf, c.wl, c.wr, c.spare = next(), next(), next(), next(), next()
	c.chunkKnob = float32(math.NaN())
	c.knob.Init(0, rampFrames)
	c.present.Init(1, rampFrames)
	c.par.Init(c.param, rampFrames)
	c.rev.setDecay(spaceDecaySeconds(c.param))
	c.delay.init(int(c.beatFrames), rampFrames)
	return c
}

// Set takes the type, the knob (−1..+1) and the parameter (0..1).
//
// Set is real-time safe: no allocation, no lock, no system call.
func (c *Colour) Set(kind ColourKind, knob, param float32) {
	c.want = kind
	c.knob.Set(max(-1, min(1, knob)))
	c.par.Set(max(0, min(1, param)))
}

// spaceDecaySeconds is the space reverb's decay time for parameter 0..1.
//
// spaceDecaySeconds is real-time safe: no allocation, no lock, no system call.
func spaceDecaySeconds(param float32) float64 { return 0.6 + 5*float64(param) }

// takeParam moves the effect to where the parameter's ramp stands.
//
// takeParam is real-time safe: no allocation, no lock, no system call.
func (c *Colour) takeParam() {
	if p := c.par.Value(); p != c.param {
		c.param = p
		c.chunkKnob = float32(math.NaN())
		c.rev.setDecay(spaceDecaySeconds(p))
	}
}

// SetBeat sets the dub echo's time, in frames: half a beat of the
// channel's tempo.
//
// SetBeat is real-time safe: no allocation, no lock, no system call.
func (c *Colour) SetBeat(frames float64) {
	if !(frames >= 1) {
		frames = 1
	}
	c.beatFrames = min(frames, float64(c.lineL.maxDelay()))
	c.delay.target(int(math.Round(c.beatFrames)))
}

// Begin starts a period: it switches to a new type once the old one has
// faded out. Call it before Active.
//
// Begin is real-time safe: no allocation, no lock, no system call.
func (c *Colour) Begin() {
	if c.want == c.kind {
		c.present.Set(1)
		return
	}
	c.present.Set(0)
	if !c.kind.runs() || c.asleep || c.present.Idle(0) {
		c.kind = c.want
		c.reset()
		c.present.Jump(0)
		c.present.Set(1)
	}
}

// reset is real-time safe: no allocation, no lock, no system call.
func (c *Colour) reset() {
	c.rev.reset()
	c.lineL.reset()
	c.lineR.reset()
	c.lpL, c.lpR, c.hpL, c.hpR = 0, 0, 0, 0
	c.holdL, c.holdR, c.holdLeft = 0, 0, 0
	c.quiet = 0
}

// Active reports whether Process must run this period; when it is false
// the unit would leave its input untouched.
//
// Active is real-time safe: no allocation, no lock, no system call.
func (c *Colour) Active() bool {
	idle := c.want == c.kind && (!c.kind.runs() || c.knob.Idle(0) && (!c.kind.tail() || c.quiet > c.delay.longest()+c.tailFrames))
	if idle {
		c.asleep = true
	}
	return !idle
}

// chunk computes the coefficients for the knob at k.
//
// chunk is real-time safe: no allocation, no lock, no system call.
func (c *Colour) chunk(k float32) {
	if k == c.chunkKnob {
		return
	}
	c.chunkKnob = k
	lpHz, hpHz := 20000.0, 10.0
	if k < 0 {
		lpHz = 20000 * math.Pow(150.0/20000, float64(-k))
	} else {
		hpHz = 10 * math.Pow(300, float64(k))
	}
	c.lpK = onePoleCoef(lpHz, c.rateHz)
	c.hpK = onePoleCoef(hpHz, c.rateHz)
	a := float64(max(k, -k))
	c.q = float32(math.Exp2(15 - a*(8+6*float64(c.param))))
	c.holdN = float32(1 + a*(0.25+float64(c.param))*c.rateHz/4000)
}

// tone runs the knob's filters on one frame.
//
// tone is real-time safe: no allocation, no lock, no system call.
func (c *Colour) tone(xl, xr float32) (float32, float32) {
	c.lpL += c.lpK * (xl - c.lpL)
	c.lpR += c.lpK * (xr - c.lpR)
	c.hpL += c.hpK * (c.lpL - c.hpL)
	c.hpR += c.hpK * (c.lpR - c.hpR)
	return c.lpL - c.hpL, c.lpR - c.hpR
}

// Process runs the unit in place on one block of at most the maxFrames
// given to NewColour; r is nil for a mono strip, whose left side then goes
// through alone.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (c *Colour) Process(l, r []float32) {
	if c.asleep {
		c.asleep = false
		c.reset()
	}
	n := len(l)
	if r == nil {
		sanitize(l)
		r = c.spare[:n]
		copy(r, l)
	} else {
		r = r[:n]
		sanitize2(l, r)
	}
	kb, pb := c.kbuf[:n], c.pbuf[:n]
	c.knob.Fill(kb)
	c.present.Fill(pb)
	quiet := true
	// While the parameter ramps, the block runs in chunks that each take
	// its value there.
	for start := 0; start < n; {
		end := n
		if c.par.Moving() {
			end = min(n, start+colourChunk)
		}
		c.takeParam()
		l, r, kb, pb := l[start:end], r[start:end], kb[start:end], pb[start:end]
		switch c.kind {
		case Space:
			quiet = c.space(l, r, kb, pb) && quiet
		case DubEcho:
			quiet = c.dubEcho(l, r, kb, pb) && quiet
		case Noise:
			c.noiseIn(l, r, kb, pb)
		case Crush:
			c.crush(l, r, kb, pb)
		}
		c.par.Advance(end - start)
		start = end
	}
	c.takeParam()
	if quiet {
		c.quiet += n
	} else {
		c.quiet = 0
	}
	c.lpL, c.lpR = dsp.Flush(c.lpL), dsp.Flush(c.lpR)
	c.hpL, c.hpR = dsp.Flush(c.hpL), dsp.Flush(c.hpR)
}

// space sends the knob's share into the reverb and adds its return; it
// reports whether the return was quiet.
//
// space is real-time safe: no allocation, no lock, no system call.
func (c *Colour) space(l, r, kb, pb []float32) bool {
	wl, wr := c.wl[:len(l)], c.wr[:len(l)]
	for i, k := range kb {
		a := max(k, -k) * pb[i]
		wl[i], wr[i] = l[i]*a, r[i]*a
	}
	c.rev.process(wl, wr, wl, wr)
	quiet := quietBlock(wl, wr)
	for start := 0; start < len(l); start += colourChunk {
		end := min(len(l), start+colourChunk)
		c.chunk(kb[start])
		for i := start; i < end; i++ {
			tl, tr := c.tone(wl[i], wr[i])
			g := 0.7 * pb[i]
			l[i] += g * tl
			r[i] += g * tr
		}
	}
	return quiet
}

// dubEcho sends the knob's share into an echo whose feedback runs through
// the knob's filter; it reports whether the echo was quiet.
//
// dubEcho is real-time safe: no allocation, no lock, no system call.
func (c *Colour) dubEcho(l, r, kb, pb []float32) bool {
	fb := 0.4 + 0.5*c.param
	var e float32
	for start := 0; start < len(l); start += colourChunk {
		end := min(len(l), start+colourChunk)
		c.chunk(kb[start])
		for i := start; i < end; i++ {
			a := max(kb[i], -kb[i]) * pb[i]
			tl, tr := c.delay.read(&c.lineL, &c.lineR)
			fl, fr := c.tone(tl, tr)
			c.lineL.write(l[i]*a + fb*fl)
			c.lineR.write(r[i]*a + fb*fr)
			e += tl*tl + tr*tr
			l[i] += pb[i] * tl
			r[i] += pb[i] * tr
		}
	}
	return e < silenceFloor*silenceFloor*float32(len(l))
}

// noiseIn adds white noise through the knob's filter.
//
// noiseIn is real-time safe: no allocation, no lock, no system call.
func (c *Colour) noiseIn(l, r, kb, pb []float32) {
	level := 0.05 + 0.25*c.param
	for start := 0; start < len(l); start += colourChunk {
		end := min(len(l), start+colourChunk)
		c.chunk(kb[start])
		for i := start; i < end; i++ {
			c.noise ^= c.noise << 13
			c.noise ^= c.noise >> 17
			c.noise ^= c.noise << 5
			w := float32(int32(c.noise)) / (1 << 31)
			nl, nr := c.tone(w, w)
			g := level * max(kb[i], -kb[i]) * pb[i]
			l[i] += g * nl
			r[i] += g * nr
		}
	}
}

// crush mixes in the signal at a lower bit depth and sample rate, through
// the knob's filter.
//
// crush is real-time safe: no allocation, no lock, no system call.
func (c *Colour) crush(l, r, kb, pb []float32) {
	for start := 0; start < len(l); start += colourChunk {
		end := min(len(l), start+colourChunk)
		c.chunk(kb[start])
		for i := start; i < end; i++ {
			c.holdLeft--
			if c.holdLeft <= 0 {
				c.holdLeft += c.holdN
				c.holdL = float32(math.Round(float64(l[i]*c.q))) / c.q
				c.holdR = float32(math.Round(float64(r[i]*c.q))) / c.q
			}
			tl, tr := c.tone(c.holdL, c.holdR)
			a := max(kb[i], -kb[i]) * pb[i]
			l[i] += (tl - l[i]) * a
			r[i] += (tr - r[i]) * a
		}
	}
}
