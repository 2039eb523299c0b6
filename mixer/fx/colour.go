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
	param      float32  // the colour parameter, 0..1
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
	q, holdN   float32 // crush: quantiser steps per unit, frames per held sample
}

// NewColour allocates a colour FX unit for sampleRateHz with ramps of
// rampFrames.
func NewColour(sampleRateHz, rampFrames int) *Colour {
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
	c.knob.Init(0, rampFrames)
	c.present.Init(1, rampFrames)
	c.delay.init(int(c.beatFrames), rampFrames)
	return c
}

// Set takes the type, the knob (−1..+1) and the parameter (0..1).
//
// Set is real-time safe: no allocation, no lock, no system call.
func (c *Colour) Set(kind ColourKind, knob, param float32) {
	c.want = kind
	c.knob.Set(max(-1, min(1, knob)))
	param = max(0, min(1, param))
	if param != c.param {
		c.param = param
		c.rev.setDecay(0.6 + 5*float64(param))
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

// Process runs the unit in place on one block; r is nil for a mono
// strip, whose left side then goes through alone.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (c *Colour) Process(l, r []float32) {
	if c.asleep {
		c.asleep = false
		c.reset()
	}
	sanitize(l)
	if r != nil {
		r = r[:len(l)]
		sanitize(r)
	}
	peak := float32(0)
	for i := range l {
		if i%colourChunk == 0 {
			c.chunk(c.knob.Value())
		}
		k := c.knob.Next()
		p := c.present.Next()
		a := max(k, -k) * p
		xl := l[i]
		xr := xl
		if r != nil {
			xr = r[i]
		}
		var yl, yr float32
		switch c.kind {
		case Space:
			wl, wr := c.rev.tick(xl*a, xr*a)
			wl, wr = c.tone(wl, wr)
			peak = max(peak, wl, -wl, wr, -wr)
			yl, yr = xl+0.7*p*wl, xr+0.7*p*wr
		case DubEcho:
			fb := 0.4 + 0.5*c.param
			tl, tr := c.delay.read(&c.lineL, &c.lineR)
			fl, fr := c.tone(tl, tr)
			c.lineL.write(xl*a + fb*fl)
			c.lineR.write(xr*a + fb*fr)
			peak = max(peak, tl, -tl, tr, -tr)
			yl, yr = xl+p*tl, xr+p*tr
		case Noise:
			c.noise ^= c.noise << 13
			c.noise ^= c.noise >> 17
			c.noise ^= c.noise << 5
			w := float32(int32(c.noise)) / (1 << 31)
			nl, nr := c.tone(w, w)
			level := (0.05 + 0.25*c.param) * a
			yl, yr = xl+level*nl, xr+level*nr
		case Crush:
			c.holdLeft--
			if c.holdLeft <= 0 {
				c.holdLeft += c.holdN
				c.holdL = float32(math.Round(float64(xl*c.q))) / c.q
				c.holdR = float32(math.Round(float64(xr*c.q))) / c.q
			}
			tl, tr := c.tone(c.holdL, c.holdR)
			yl, yr = xl+(tl-xl)*a, xr+(tr-xr)*a
		default:
			yl, yr = xl, xr
		}
		l[i] = yl
		if r != nil {
			r[i] = yr
		}
	}
	if peak < silenceFloor {
		c.quiet += len(l)
	} else {
		c.quiet = 0
	}
	c.rev.flush()
	c.lpL, c.lpR = dsp.Flush(c.lpL), dsp.Flush(c.lpR)
	c.hpL, c.hpR = dsp.Flush(c.hpL), dsp.Flush(c.hpR)
}
