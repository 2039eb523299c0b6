package fx

import (
	"math"

	"github.com/linuxdj/linuxdj/mixer/dsp"
)

// BeatKind is the beat FX unit's effect.
type BeatKind uint8

// Beat FX effects.
const (
	Echo      BeatKind = iota // repeats at the beat fraction, each Feedback times the last
	Delay                     // one repeat at the beat fraction
	PingPong                  // repeats alternating left and right, each a beat fraction apart
	Reverb                    // a room whose decay Feedback sets (0.4 to 8 s)
	Flanger                   // a short modulated delay swept once per beat fraction
	Phaser                    // four all-pass stages swept once per beat fraction
	Roll                      // repeats the beat fraction from the moment it is switched on
	Trans                     // cuts the sound for the second half of each beat fraction
	FilterLFO                 // a resonant low-pass swept once per beat fraction
	External                  // send/return: an outboard or software effect instead of the unit's own
	BeatKinds                 // the number of effects
)

// Beats are the beat fractions the unit syncs to, 1/16 to 16 beats.
var Beats = [...]float64{1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 3.0 / 4, 1, 2, 4, 8, 16}

// tail reports whether the effect rings on after it is switched off. An
// external effect is taken to ring: off stops the send, and the return
// stays up until it has gone quiet.
//
// tail is real-time safe: no allocation, no lock, no system call.
func (k BeatKind) tail() bool { return k <= Reverb || k == External }

// MaxBeatSeconds is the longest beat fraction the unit plays: 16 beats at
// 60 BPM. Sample rates above 192 kHz get proportionally less.
const MaxBeatSeconds = 16

// maxBeatFrames caps the delay lines at 2²² frames per side (16 MiB).
const maxBeatFrames = 1 << 22

// BeatSettings are the beat FX unit's controls.
type BeatSettings struct {
	Kind     BeatKind
	Source   int // the engine's name for what the unit processes; a change crossfades like Kind
	On       bool
	Depth    float32 // 0 dry .. 0.5 dry and wet at full level .. 1 wet only
	Feedback float32 // 0..0.95: echo repeats, reverb decay, resonance of flanger, phaser and filter
}

// Beat is the beat FX unit.
type Beat struct {
	rateHz     float64
	rampFrames int
	want       BeatSettings // the settings asked for
	kind       BeatKind     // the effect running now
	source     int          // the source it runs on now
	present    bool         // false while it fades out for a change of kind or source
	asleep     bool         // Active reported false: state is stale

	send, dry, wet, fb dsp.Ramp
	periodFrames       float64 // the beat fraction
	delay              taps
	lineL, lineR       line
	rev                reverb
	phase              float64 // LFO phase, 0..1

	ap   [2][4]float32 // phaser all-pass states
	apFB [2]float32    // phaser feedback
	svf  [2]dsp.SVF    // filter LFO

	rollArm                  bool // capture a new loop at the next block
	rollLen, rollPos, rollIn int  // loop length, play position, frames captured
	rollAt                   int  // where the loop starts in the lines

	quiet                     int       // frames the return has stayed below silenceFloor
	sendL, sendR, retL, retR  []float32 // External's send and return, this period
	sendBuf, dryBuf, wetBuf   []float32
	wetL, wetR                []float32
	edgeFrames, flangerFrames float64
}

// NewBeat allocates a beat FX unit for sampleRateHz and blocks of up to
// maxFrames, with ramps of rampFrames.
func NewBeat(sampleRateHz, maxFrames, rampFrames int) *Beat {
	rate := float64(sampleRateHz)
	frames := min(MaxBeatSeconds*sampleRateHz, maxBeatFrames-1)
	u := &Beat{
		rateHz:        rate,
		rampFrames:    rampFrames,
		present:       true,
		lineL:         newLine(frames),
		lineR:         newLine(frames),
		rev:           newReverb(rate),
		periodFrames:  rate / 2,
		edgeFrames:    0.001 * rate,
		flangerFrames: 0.001 * rate,
		want:          BeatSettings{Depth: 0.5, Feedback: 0.5},
	}
	bufs := make([]float32, 5*maxFrames)
	next := func() []float32 {
		b := bufs[:maxFrames:maxFrames]
		bufs = bufs[maxFrames:]
		return b
	}
	u.sendBuf, u.dryBuf, u.wetBuf, u.wetL, u.wetR = next(), next(), next(), next(), next()
	u.send.Init(0, rampFrames)
	u.dry.Init(1, rampFrames)
	u.wet.Init(0, rampFrames)
	u.fb.Init(0.5, rampFrames)
	u.delay.init(int(u.periodFrames), rampFrames)
	return u
}

// Set takes new settings; the ramps carry them out over the next blocks.
//
// Set is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Set(s BeatSettings) {
	s.Depth = max(0, min(1, s.Depth))
	s.Feedback = max(0, min(0.95, s.Feedback))
	if s.On && !u.want.On {
		u.rollArm = true
	}
	u.want = s
	u.targets()
}

// SetPeriod sets the beat fraction, in frames (from the source's tempo, or
// a time in ms).
//
// SetPeriod is real-time safe: no allocation, no lock, no system call.
func (u *Beat) SetPeriod(frames float64) {
	if !(frames >= 1) {
		frames = 1
	}
	u.periodFrames = min(frames, float64(u.lineL.maxDelay()))
	u.delay.target(int(math.Round(u.periodFrames)))
}

// Connect hands the unit this period's send and return for External: it
// writes the source, after the send ramp, into sendL and sendR, and takes
// retL and retR as its wet signal. The caller clears the send and
// sanitizes the return; Process may run on fewer frames than they hold.
//
// Connect is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Connect(sendL, sendR, retL, retR []float32) {
	u.sendL, u.sendR, u.retL, u.retR = sendL, sendR, retL, retR
}

// Source is the source the unit runs on now: during a change it stays
// the old one until the effect has faded out there.
//
// Source is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Source() int { return u.source }

// Kind is the effect running now.
//
// Kind is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Kind() BeatKind { return u.kind }

// targets turns the settings into ramp targets.
//
// targets is real-time safe: no allocation, no lock, no system call.
func (u *Beat) targets() {
	d := u.want.Depth
	dryGain, wetGain := min(1, 2*(1-d)), min(1, 2*d)
	engaged := u.want.On && u.present
	tail := u.kind.tail()
	send, dry, wet := float32(1), float32(1), float32(0)
	if tail && !engaged {
		send = 0
	}
	if engaged {
		dry = dryGain
	}
	if engaged || tail && u.present {
		wet = wetGain
	}
	u.send.Set(send)
	u.dry.Set(dry)
	u.wet.Set(wet)
	u.fb.Set(u.want.Feedback)
}

// reverbChunk is how many frames share one reverb decay while the
// feedback ramps.
const reverbChunk = 64

// reverb runs the reverb on the send; while the feedback ramps, the decay
// follows it every reverbChunk frames.
//
// reverb is real-time safe: no allocation, no lock, no system call.
func (u *Beat) reverb(l, r, send, wl, wr []float32) {
	for i, g := range send {
		wl[i], wr[i] = l[i]*g, r[i]*g
	}
	for start := 0; start < len(wl); {
		end := len(wl)
		if u.fb.Moving() {
			end = min(end, start+reverbChunk)
		}
		u.rev.setDecay(reverbDecaySeconds(u.fb.Value()))
		u.rev.process(wl[start:end], wr[start:end], wl[start:end], wr[start:end])
		u.fb.Advance(end - start)
		start = end
	}
}

// reverbDecaySeconds is the reverb's decay time for feedback 0..0.95.
//
// reverbDecaySeconds is real-time safe: no allocation, no lock, no system call.
func reverbDecaySeconds(feedback float32) float64 { return 0.4 + 8*float64(feedback) }

// Begin starts a period: it carries out a pending change of kind or source
// once the effect has faded out. Call it before Source and Active.
//
// Begin is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Begin() {
	if u.want.Kind == u.kind && u.want.Source == u.source {
		if !u.present {
			u.present = true
			u.targets()
		}
		return
	}
	if u.present {
		u.present = false
		u.targets()
	}
	if u.asleep || u.dry.Idle(1) && u.wet.Idle(0) {
		u.kind, u.source = u.want.Kind, u.want.Source
		u.reset()
		u.present = true
		u.rollArm = true
		u.targets()
	}
}

// reset clears every effect's state.
//
// reset is real-time safe: no allocation, no lock, no system call.
func (u *Beat) reset() {
	u.send.Jump(0) // the lines fill from silence: the first repeat fades in
	u.lineL.reset()
	u.lineR.reset()
	u.rev.reset()
	u.ap = [2][4]float32{}
	u.apFB = [2]float32{}
	u.svf = [2]dsp.SVF{}
	u.phase = 0
	u.quiet = 0
	u.rollIn, u.rollPos = 0, 0
	u.delay.init(int(math.Round(u.periodFrames)), u.rampFrames)
}

// Active reports whether Process must run this period. When it is false
// the unit would pass its input through untouched (off, and any tail
// gone), so the caller may skip it.
//
// Active is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Active() bool {
	pending := u.want.Kind != u.kind || u.want.Source != u.source
	idle := !pending && u.dry.Idle(1) && (u.wet.Idle(0) ||
		u.kind.tail() && u.send.Idle(0) && u.quiet > u.delay.longest()+int(0.2*u.rateHz))
	if idle {
		u.asleep = true
	}
	return !idle
}

// Skip moves the ramps on by frames as if a block of silence ran: for a
// source that is not there.
//
// Skip is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Skip(frames int) {
	u.send.Advance(frames)
	u.dry.Advance(frames)
	u.wet.Advance(frames)
	u.fb.Advance(frames)
	u.quiet += frames
}

// Process runs the unit in place on one stereo block of at most the
// maxFrames given to NewBeat.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (u *Beat) Process(l, r []float32) {
	n := len(l)
	r = r[:n]
	if u.asleep {
		u.asleep = false
		u.reset()
		u.targets()
	}
	sanitize2(l, r)
	send, dry, wet := u.sendBuf[:n], u.dryBuf[:n], u.wetBuf[:n]
	u.send.Fill(send)
	u.dry.Fill(dry)
	u.wet.Fill(wet)
	wl, wr := u.wetL[:n], u.wetR[:n]
	switch u.kind {
	case Echo, Delay:
		u.echo(l, r, send, wl, wr)
	case PingPong:
		u.pingPong(l, r, send, wl, wr)
	case Reverb:
		u.reverb(l, r, send, wl, wr)
	case Flanger:
		u.flanger(l, r, send, wl, wr)
	case Phaser:
		u.phaser(l, r, wl, wr)
	case Roll:
		u.roll(l, r, wl, wr)
	case Trans:
		u.trans(l, r, wl, wr)
	case FilterLFO:
		u.filterLFO(l, r, wl, wr)
	case External:
		u.external(l, r, send, wl, wr)
	}
	if quietBlock(wl, wr) {
		u.quiet += n
	} else {
		u.quiet = 0
	}
	for i := range l {
		l[i] = l[i]*dry[i] + wl[i]*wet[i]
		r[i] = r[i]*dry[i] + wr[i]*wet[i]
	}
}

// echo runs Echo and Delay (Delay: no feedback).
//
// echo is real-time safe: no allocation, no lock, no system call.
func (u *Beat) echo(l, r, send, wl, wr []float32) {
	single := u.kind == Delay
	for i := range l {
		fb := u.fb.Next()
		if single {
			fb = 0
		}
		tl, tr := u.delay.read(&u.lineL, &u.lineR)
		u.lineL.write(l[i]*send[i] + fb*tl)
		u.lineR.write(r[i]*send[i] + fb*tr)
		wl[i], wr[i] = tl, tr
	}
}

// pingPong feeds the mono sum into the left line, the left line into the
// right and the right back into the left.
//
// pingPong is real-time safe: no allocation, no lock, no system call.
func (u *Beat) pingPong(l, r, send, wl, wr []float32) {
	for i := range l {
		fb := u.fb.Next()
		tl, tr := u.delay.read(&u.lineL, &u.lineR)
		u.lineL.write(0.5*(l[i]+r[i])*send[i] + fb*tr)
		u.lineR.write(tl)
		wl[i], wr[i] = tl, tr
	}
}

// lfoStep is the LFO phase increment per frame.
//
// lfoStep is real-time safe: no allocation, no lock, no system call.
func (u *Beat) lfoStep() float64 { return 1 / max(1, u.periodFrames) }

// advance moves the LFO phase on by one frame.
//
// advance is real-time safe: no allocation, no lock, no system call.
func (u *Beat) advance(step float64) {
	u.phase += step
	if u.phase >= 1 {
		u.phase -= math.Floor(u.phase)
	}
}

// flanger sweeps a 0.3 to 5 ms delay, the right side a quarter turn later.
//
// flanger is real-time safe: no allocation, no lock, no system call.
func (u *Beat) flanger(l, r, send, wl, wr []float32) {
	step := u.lfoStep()
	for i := range l {
		fb := 0.9 * u.fb.Next()
		sweepL := 0.5 - 0.5*math.Cos(2*math.Pi*u.phase)
		sweepR := 0.5 + 0.5*math.Sin(2*math.Pi*u.phase)
		dl := float32(u.flangerFrames * (0.3 + 4.7*sweepL))
		dr := float32(u.flangerFrames * (0.3 + 4.7*sweepR))
		tl, tr := u.lineL.frac(dl), u.lineR.frac(dr)
		u.lineL.write(l[i]*send[i] + fb*tl)
		u.lineR.write(r[i]*send[i] + fb*tr)
		wl[i], wr[i] = 0.5*(l[i]+tl), 0.5*(r[i]+tr)
		u.advance(step)
	}
}

// phaser sweeps four all-pass stages between 200 Hz and 4 kHz; the
// coefficients are updated every 16 frames.
//
// phaser is real-time safe: no allocation, no lock, no system call.
func (u *Beat) phaser(l, r, wl, wr []float32) {
	step := u.lfoStep()
	var a [2]float32
	for i := range l {
		if i%16 == 0 {
			for s := range a {
				sweep := 0.5 - 0.5*math.Cos(2*math.Pi*(u.phase+0.25*float64(s)))
				hz := 200 * math.Pow(20, sweep)
				t := math.Tan(math.Pi * min(hz, 0.45*u.rateHz) / u.rateHz)
				a[s] = float32((t - 1) / (t + 1))
			}
		}
		fb := 0.7 * u.fb.Next()
		for s, x := range [2]float32{l[i], r[i]} {
			y := x + fb*u.apFB[s]
			st := &u.ap[s]
			for k := range st {
				out := a[s]*y + st[k]
				st[k] = y - a[s]*out
				y = out
			}
			u.apFB[s] = y
			if s == 0 {
				wl[i] = 0.5 * (x + y)
			} else {
				wr[i] = 0.5 * (x + y)
			}
		}
		u.advance(step)
	}
	for s := range u.ap {
		for k := range u.ap[s] {
			u.ap[s][k] = dsp.Flush(u.ap[s][k])
		}
		u.apFB[s] = dsp.Flush(u.apFB[s])
	}
}

// roll captures one beat fraction from the moment it is armed and plays
// it over and over, each pass faded in and out over 1 ms.
//
// roll is real-time safe: no allocation, no lock, no system call.
func (u *Beat) roll(l, r, wl, wr []float32) {
	if u.rollArm {
		u.rollArm = false
		u.rollLen = max(16, min(int(math.Round(u.periodFrames)), u.lineL.maxDelay()))
		u.rollIn, u.rollPos = 0, 0
		u.rollAt = u.lineL.pos
	}
	edge := max(1, min(float32(u.edgeFrames), float32(u.rollLen)/4))
	for i := range l {
		var yl, yr float32
		if u.rollIn < u.rollLen {
			u.lineL.write(l[i])
			u.lineR.write(r[i])
			u.rollIn++
			yl, yr = l[i], r[i]
		} else {
			at := (u.rollAt + u.rollPos) & u.lineL.mask
			yl, yr = u.lineL.buf[at], u.lineR.buf[at]
		}
		w := min(1, float32(u.rollPos+1)/edge, float32(u.rollLen-u.rollPos)/edge)
		wl[i], wr[i] = yl*w, yr*w
		u.rollPos++
		if u.rollPos == u.rollLen {
			u.rollPos = 0
		}
	}
}

// trans gates the sound: open for the first half of each beat fraction,
// closed for the second, with 1 ms edges.
//
// trans is real-time safe: no allocation, no lock, no system call.
func (u *Beat) trans(l, r, wl, wr []float32) {
	step := u.lfoStep()
	edge := min(0.25, u.edgeFrames*step)
	for i := range l {
		g := float32(0)
		if u.phase < 0.5 {
			g = float32(min(1, u.phase/edge, (0.5-u.phase)/edge))
		}
		wl[i], wr[i] = l[i]*g, r[i]*g
		u.advance(step)
	}
}

// filterLFO sweeps a resonant low-pass between 150 Hz and 9.6 kHz; the
// coefficients are updated every 16 frames.
//
// filterLFO is real-time safe: no allocation, no lock, no system call.
func (u *Beat) filterLFO(l, r, wl, wr []float32) {
	step := u.lfoStep()
	var c dsp.SVFCoef
	for i := range l {
		if i%16 == 0 {
			sweep := 0.5 - 0.5*math.Cos(2*math.Pi*u.phase)
			q := 0.7 + 8*float64(u.fb.Value())
			c = dsp.NewSVFCoef(150*math.Pow(64, sweep), q, u.rateHz)
		}
		u.fb.Next()
		wl[i], _ = u.svf[0].Tick(&c, l[i])
		wr[i], _ = u.svf[1].Tick(&c, r[i])
		u.advance(step)
	}
	u.svf[0].Flush()
	u.svf[1].Flush()
}

// external sends the source out and takes the return as the wet signal;
// unconnected, the return is silence.
//
// external is real-time safe: no allocation, no lock, no system call.
func (u *Beat) external(l, r, send, wl, wr []float32) {
	n := len(l)
	if len(u.sendL) < n || len(u.sendR) < n || len(u.retL) < n || len(u.retR) < n {
		clear(wl)
		clear(wr)
		return
	}
	sl, sr := u.sendL[:n], u.sendR[:n]
	for i, g := range send {
		sl[i], sr[i] = l[i]*g, r[i]*g
	}
	copy(wl, u.retL[:n])
	copy(wr, u.retR[:n])
}
