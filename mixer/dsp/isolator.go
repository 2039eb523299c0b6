package dsp

import "math"

// crossoverCoef is one LR6 crossover frequency. A 3rd-order Butterworth
// filter is a one-pole section times a 2-pole section with Q = 1; two of
// each in cascade make the 6th-order Linkwitz–Riley response.
type crossoverCoef struct {
	onePoleG float32 // g/(1+g) of the TPT one-pole
	svf      SVFCoef // the Q = 1 section
}

func newCrossoverCoef(hz, sampleRateHz float64) crossoverCoef {
	g := math.Tan(math.Pi * clampCutoff(hz, sampleRateHz) / sampleRateHz)
	return crossoverCoef{onePoleG: float32(g / (1 + g)), svf: svfCoefFromG(g, 1)}
}

// onePole is a trapezoidal one-pole low-pass; its high-pass is x − lp and
// its all-pass lp − hp = 2·lp − x.
type onePole struct {
	s float32
}

// tick is real-time safe: no allocation, no lock, no system call.
func (p *onePole) tick(g, x float32) (lp float32) {
	v := (x - p.s) * g
	lp = v + p.s
	p.s = lp + v
	return lp
}

// flush is real-time safe: no allocation, no lock, no system call.
func (p *onePole) flush() { p.s = Flush(p.s) }

// crossover is the state of one LR6 split of one side: four sections for
// the LP6 cascade (the first one-pole shared with the all-pass) and one
// more 2-pole section for the all-pass.
type crossover struct {
	p1, p2   onePole
	s1, s2   SVF
	apSecond SVF
}

// flush is real-time safe: no allocation, no lock, no system call.
func (s *crossover) flush() {
	s.p1.flush()
	s.p2.flush()
	s.s1.Flush()
	s.s2.Flush()
	s.apSecond.Flush()
}

// allpass3 is the state of a 3rd-order all-pass with a crossover's phase.
type allpass3 struct {
	p onePole
	s SVF
}

// flush is real-time safe: no allocation, no lock, no system call.
func (s *allpass3) flush() {
	s.p.flush()
	s.s.Flush()
}

// isolatorSide is the state of one audio side of the isolator.
type isolatorSide struct {
	low, high crossover
	lowPhase  allpass3
}

// bands splits x into low, mid and high; low + mid + high is an all-pass
// of x. The mid band comes out inverted (−LP6·HP6), as odd-order
// Linkwitz–Riley bands do; the sum restores the sign. The two crossovers
// are written out in full rather than called: it is the engine's hottest
// loop, and the calls cost a measured 12–15%.
//
// bands is real-time safe: no allocation, no lock, no system call.
func (s *isolatorSide) bands(lo, hi *crossoverCoef, x float32) (low, mid, high float32) {
	// Low crossover: low = LP6(fL, x), rest = low − AP3(fL, x) = HP6(fL, x).
	lp := s.low.p1.tick(lo.onePoleG, x)
	ap1 := 2*lp - x
	lp, _ = s.low.s1.Tick(&lo.svf, lp)
	lp = s.low.p2.tick(lo.onePoleG, lp)
	low, _ = s.low.s2.Tick(&lo.svf, lp)
	_, bp := s.low.apSecond.Tick(&lo.svf, ap1)
	rest := low - (ap1 - 2*lo.svf.k*bp)

	// High crossover on the rest: mid = LP6(fH, rest), high = HP6(fH, rest).
	lp = s.high.p1.tick(hi.onePoleG, rest)
	ap1 = 2*lp - rest
	lp, _ = s.high.s1.Tick(&hi.svf, lp)
	lp = s.high.p2.tick(hi.onePoleG, lp)
	mid, _ = s.high.s2.Tick(&hi.svf, lp)
	_, bp = s.high.apSecond.Tick(&hi.svf, ap1)
	high = mid - (ap1 - 2*hi.svf.k*bp)

	// The low band through AP3(fH), to match the phase of the other two.
	y := 2*s.lowPhase.p.tick(hi.onePoleG, low) - low
	_, bp = s.lowPhase.s.Tick(&hi.svf, y)
	return y - 2*hi.svf.k*bp, -mid, high
}

// flush is real-time safe: no allocation, no lock, no system call.
func (s *isolatorSide) flush() {
	s.low.flush()
	s.high.flush()
	s.lowPhase.flush()
}

// Isolator is a stereo three-band isolator EQ built from LR6 crossovers;
// see the package documentation for its structure.
type Isolator struct {
	lo, hi crossoverCoef
	l, r   isolatorSide
}

// NewIsolator returns an isolator with crossovers at lowHz and highHz. The
// high crossover is kept below 0.45·fs so it stays a crossover at low rates.
func NewIsolator(lowHz, highHz, sampleRateHz float64) *Isolator {
	highHz = math.Min(highHz, 0.45*sampleRateHz)
	lowHz = math.Min(lowHz, highHz/2)
	return &Isolator{lo: newCrossoverCoef(lowHz, sampleRateHz), hi: newCrossoverCoef(highHz, sampleRateHz)}
}

// Reset clears the filter state.
//
// Reset is real-time safe: no allocation, no lock, no system call.
func (q *Isolator) Reset() {
	q.l = isolatorSide{}
	q.r = isolatorSide{}
}

// IsolatorGains are per-frame gains for one block: the three band gains and
// the wet share, which crossfades between the input (0) and the equalised
// signal (1). All four slices are at least as long as the block.
type IsolatorGains struct {
	Low, Mid, High, Wet []float32
}

// Process equalises l and r in place (r may be nil for a mono channel).
//
// Process is real-time safe: no allocation, no lock, no system call.
func (q *Isolator) Process(l, r []float32, g IsolatorGains) {
	n := len(l)
	gl, gm, gh, wet := g.Low[:n], g.Mid[:n], g.High[:n], g.Wet[:n]
	// Local copies of coefficients and state: the compiler can then keep
	// them in registers or on the stack without re-reading through
	// pointers that might alias the samples; it roughly halved the cost.
	lo, hi := q.lo, q.hi
	sl, sr := q.l, q.r
	if r == nil {
		for i, x := range l {
			low, mid, high := sl.bands(&lo, &hi, x)
			y := gl[i]*low + gm[i]*mid + gh[i]*high
			l[i] = x + wet[i]*(y-x)
		}
	} else {
		r = r[:n]
		for i, x := range l {
			low, mid, high := sl.bands(&lo, &hi, x)
			y := gl[i]*low + gm[i]*mid + gh[i]*high
			l[i] = x + wet[i]*(y-x)
			xr := r[i]
			low, mid, high = sr.bands(&lo, &hi, xr)
			y = gl[i]*low + gm[i]*mid + gh[i]*high
			r[i] = xr + wet[i]*(y-xr)
		}
	}
	sl.flush()
	sr.flush()
	q.l, q.r = sl, sr
}

// ProcessSteady is Process for the common case of fixed band gains and no
// bypass crossfade (wet = 1): the gains stay in registers instead of being
// read per frame.
//
// ProcessSteady is real-time safe: no allocation, no lock, no system call.
func (q *Isolator) ProcessSteady(l, r []float32, gLow, gMid, gHigh float32) {
	lo, hi := q.lo, q.hi
	sl, sr := q.l, q.r
	if r == nil {
		for i, x := range l {
			low, mid, high := sl.bands(&lo, &hi, x)
			l[i] = gLow*low + gMid*mid + gHigh*high
		}
	} else {
		r = r[:len(l)]
		for i, x := range l {
			low, mid, high := sl.bands(&lo, &hi, x)
			l[i] = gLow*low + gMid*mid + gHigh*high
			low, mid, high = sr.bands(&lo, &hi, r[i])
			r[i] = gLow*low + gMid*mid + gHigh*high
		}
	}
	sl.flush()
	sr.flush()
	q.l, q.r = sl, sr
}
