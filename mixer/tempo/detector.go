package tempo

import "math"

// The tempo range the counter reads, in BPM.
const (
	MinBPM = 60
	MaxBPM = 200
)

// Detector tuning.
const (
	odfRateHz     = 500   // onset strength rate
	acfDecimate   = 4     // onset strength samples per autocorrelation sample
	acfSeconds    = 3.0   // leaky autocorrelation time constant
	meanSeconds   = 1.5   // running mean removed from the onset strength
	lowCutHz      = 200   // low band: below
	highCutHz     = 3000  // high band: above
	peakSeconds   = 3.0   // onset threshold follower decay
	refractoryS   = 0.045 // shortest time between two onsets
	analyseS      = 0.1   // coarse period analysis interval
	priorBPM      = 125   // centre of the octave prior
	priorOctaves  = 0.9   // its width (standard deviation, octaves)
	userOctaves   = 0.35  // its width around a tempo the user set
	matchTol      = 0.12  // an onset within this share of a beat of the grid is a beat
	historyLen    = 64    // onsets kept for reseeding
	beatLen       = 32    // beats kept for the fit
	longFit       = 16    // beats in the fit while the tempo is steady
	shortFit      = 8     // beats in the fit after a change
	disagreeS     = 1.0   // the voted and tracked tempo disagree this long (net): reseed
	voteSeconds   = 4.0   // time constant of the tally of coarse tempos
	lostBeats     = 8     // no beat for this many periods: the grid is lost
	silenceEnergy = 1e-9  // band energy floor (−90 dB)
	recentSeconds = 0.020 // a rise counts only above the band's level of this long ago
	maxRecent     = 16    // frames kept for it (recentSeconds at odfRateHz, with room)
	maxSample     = 64    // larger input samples (and NaN) are taken as silence
	combStep      = 0.25  // lag step of the comb search, decimated samples
	foldBins      = 16    // phase bins of metricalLevel's fold
	floorRatio    = 1e-3  // the log energy floor under the band's recent peak (−30 dB)
	maxFlux       = 6     // largest log energy rise counted per band and frame
)

// onset is one detected onset: its time in onset strength frames and its
// strength.
type onset struct {
	t, w float64
}

// beat is an onset the grid took: its beat number k.
type beat struct {
	k    int
	t, w float64
}

// Reading is what a Detector or Counter shows.
type Reading struct {
	BPM        float64 // 0 until there is a tempo
	Confidence float64 // 0..1
}

// Detector finds the tempo of one mono or stereo signal. Prepare it off
// the audio thread; Process, Reading, Seed and Reset are real-time safe.
type Detector struct {
	rateHz float64
	hop    int     // samples per onset strength frame
	odfHz  float64 // onset strength frames per second

	// Stage 1: per sample.
	c1, c2     float32    // one-pole coefficients, lowCutHz and highCutHz
	lp1a, lp1b float32    // two poles at lowCutHz
	lp2        float32    // one pole at highCutHz
	sq         [3]float32 // each band's sum of squares in this hop
	hopLeft    int

	// Stage 1: per frame.
	ce [3]float64 // energy smoothing coefficients per band, per frame
	e  [3]float64 // smoothed band energies

	n          int64                 // frames so far
	logE       [3]float64            // last frame's log energies
	bandMax    [3]float64            // band energy peak follower
	recent     [3][maxRecent]float64 // each band's log energies of the last 20 ms
	recentLen  int
	recentPos  int
	odf        [3]float64 // onset strength: frames n-2, n-1, n
	peakFollow float64
	peakDecay  float64
	lastOnset  float64
	history    [historyLen]onset
	histN      int // onsets stored (total; index = histN % historyLen)

	// Stage 2: autocorrelation at odfHz/acfDecimate.
	decN      int
	decSum    float64
	mean      float64
	meanCoef  float64
	acfDecay  float64
	ring      []float64 // the last len(acf) decimated samples, newest first from ringPos, stored twice
	ringPos   int
	acf       []float64 // acf[L], L = 0..maxLag
	acfN      int       // decimated samples so far
	minT      int       // lags of MaxBPM and MinBPM
	maxT      int
	analyseIn int // decimated samples until the next analysis
	coarse    float64
	salience  float64
	votes     [MaxBPM - MinBPM + 1]float64 // recent coarse tempos, decaying, by whole BPM
	disagree  float64                      // seconds the voted tempo has disagreed with the grid

	// The octave prior.
	centreBPM, widthOct float64

	// Stage 3: the grid.
	period  float64 // frames per beat; 0 until seeded
	beats   [beatLen]beat
	beatN   int
	lastK   int
	lastT   float64
	beatW   float64 // running mean strength of the beats taken
	fitBPM  float64
	fitConf float64
}

// Prepare sizes d for sampleRateHz and resets it. It allocates: call it
// off the audio thread.
func (d *Detector) Prepare(sampleRateHz int) {
	rate := float64(sampleRateHz)
	d.rateHz = rate
	d.hop = max(1, int(math.Round(rate/odfRateHz)))
	d.odfHz = rate / float64(d.hop)
	d.c1 = onePole(lowCutHz, rate)
	d.c2 = onePole(highCutHz, rate)
	for b, tau := range [3]float64{0.010, 0.005, 0.003} {
		d.ce[b] = 1 - math.Exp(-1/(tau*d.odfHz))
	}
	acfHz := d.odfHz / acfDecimate
	d.minT = int(math.Floor(acfHz * 60 / MaxBPM))
	d.maxT = int(math.Ceil(acfHz * 60 / MinBPM))
	maxLag := 4*d.maxT + 2
	d.acf = make([]float64, maxLag+1)
	d.ring = make([]float64, 2*(maxLag+1))
	d.meanCoef = 1 - math.Exp(-1/(meanSeconds*acfHz))
	d.acfDecay = math.Exp(-1 / (acfSeconds * acfHz))
	d.peakDecay = math.Exp(-1 / (peakSeconds * d.odfHz))
	d.recentLen = max(1, min(maxRecent, int(math.Round(recentSeconds*d.odfHz))))
	d.Reset()
}

func onePole(hz, rate float64) float32 {
	return float32(1 - math.Exp(-2*math.Pi*hz/rate))
}

// Reset forgets everything heard.
//
// Reset is real-time safe: no allocation, no lock, no system call.
func (d *Detector) Reset() {
	d.lp1a, d.lp1b, d.lp2 = 0, 0, 0
	d.sq, d.e = [3]float32{}, [3]float64{}
	d.hopLeft = d.hop
	d.n = 0
	d.logE = [3]float64{}
	d.bandMax = [3]float64{}
	d.recent, d.recentPos = [3][maxRecent]float64{}, 0
	for b := range d.recent {
		for i := range d.recent[b] {
			d.recent[b][i] = math.Log(silenceEnergy)
		}
	}
	for b := range d.logE {
		d.logE[b] = math.Log(silenceEnergy)
	}
	d.odf = [3]float64{}
	d.peakFollow = 0
	d.lastOnset = math.Inf(-1)
	d.histN = 0
	d.decN, d.decSum, d.mean = 0, 0, 0
	clear(d.acf)
	clear(d.ring)
	d.ringPos, d.acfN, d.analyseIn = 0, 0, 0
	d.coarse, d.salience, d.disagree = 0, 0, 0
	d.votes = [len(d.votes)]float64{}
	d.centreBPM, d.widthOct = priorBPM, priorOctaves
	d.period, d.beatN, d.beatW = 0, 0, 0
	d.fitBPM, d.fitConf = 0, 0
}

// Process analyses one block; r is nil for a mono signal.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (d *Detector) Process(l, r []float32) {
	if d.hop == 0 {
		return
	}
	if r == nil || len(r) < len(l) {
		// The mid of l and l is l, exactly: one loop for both.
		r = l
	}
	c1, c2 := d.c1, d.c2
	lp1a, lp1b, lp2 := d.lp1a, d.lp1b, d.lp2
	s0, s1, s2 := d.sq[0], d.sq[1], d.sq[2]
	if lp1a == 0 && lp1b == 0 && lp2 == 0 && silent(l) && silent(r) {
		// Silence into filters at rest: the sums stay as they are, only
		// the hops go by.
		for n := len(l); n > 0; {
			k := min(d.hopLeft, n)
			n -= k
			if d.hopLeft -= k; d.hopLeft == 0 {
				d.hopLeft = d.hop
				d.frame(s0, s1, s2)
				s0, s1, s2 = 0, 0, 0
			}
		}
		d.sq = [3]float32{s0, s1, s2}
		return
	}
	for len(l) > 0 {
		// Up to the end of the hop, sum each band's squares.
		k := min(d.hopLeft, len(l))
		right := r[:k]
		for i, x := range l[:k] {
			x = 0.5 * (x + right[i])
			if !(x > -maxSample && x < maxSample) { // NaN, Inf, nonsense
				x = 0
			}
			lp1a += c1 * (x - lp1a)
			lp1b += c1 * (lp1a - lp1b)
			lp2 += c2 * (x - lp2)
			lo, mid, hi := lp1b, lp2-lp1b, x-lp2
			s0 += lo * lo
			s1 += mid * mid
			s2 += hi * hi
		}
		l, r = l[k:], r[k:]
		d.hopLeft -= k
		if d.hopLeft == 0 {
			d.hopLeft = d.hop
			d.frame(s0, s1, s2)
			s0, s1, s2 = 0, 0, 0
		}
	}
	// Flush denormals and recover from a NaN that slipped through.
	d.lp1a, d.lp1b, d.lp2 = sane(lp1a), sane(lp1b), sane(lp2)
	d.sq = [3]float32{s0, s1, s2}
}

// silent reports whether every sample of x is zero.
//
// silent is real-time safe: no allocation, no lock, no system call.
func silent(x []float32) bool {
	for _, v := range x {
		if v != 0 {
			return false
		}
	}
	return true
}

// sane is real-time safe: no allocation, no lock, no system call.
func sane(x float32) float32 {
	if !(x > 1e-20 || x < -1e-20) || x > 1e10 || x < -1e10 {
		return 0
	}
	return x
}

// frame computes one onset strength frame from the band energies.
//
// frame is real-time safe: no allocation, no lock, no system call.
func (d *Detector) frame(s0, s1, s2 float32) {
	var flux float64
	inv := 1 / float64(d.hop)
	for b, sq := range [3]float32{s0, s1, s2} {
		// Each band's mean square over the hop, smoothed over a few
		// milliseconds.
		e := d.e[b] + d.ce[b]*(float64(sq)*inv-d.e[b])
		if !(e >= 0 && e < 1e10) {
			e = 0
		}
		d.e[b] = e
		// The floor follows the band's loudest energy of the last seconds
		// down by floorRatio: the flux counts what is loud in the band,
		// and soft notes rising from silence count less than the beat.
		ef := e
		d.bandMax[b] = max(ef, d.bandMax[b]*d.peakDecay)
		v := math.Log(ef + max(silenceEnergy, floorRatio*d.bandMax[b]))
		if !(v < 100) { // NaN or Inf
			v = math.Log(silenceEnergy)
		}
		// A rise counts only above the band's highest level of the last
		// 20 ms: beating partials and tremolo rise and fall there again
		// and again without a new onset.
		prevMax := math.Inf(-1)
		for _, x := range d.recent[b][:d.recentLen] {
			prevMax = max(prevMax, x)
		}
		if dv := v - d.logE[b]; dv > 0 && v > prevMax {
			// Capped, so that the first sound after silence does not
			// dwarf the beats that follow it.
			flux += [3]float64{1.5, 1, 0.7}[b] * min(dv, maxFlux)
		}
		d.logE[b] = v
		d.recent[b][d.recentPos] = v
	}
	if d.recentPos++; d.recentPos == d.recentLen {
		d.recentPos = 0
	}
	d.odf[0], d.odf[1], d.odf[2] = d.odf[1], d.odf[2], flux
	d.n++
	d.peakFollow *= d.peakDecay
	a, b, c := d.odf[0], d.odf[1], d.odf[2]
	if b > a && b >= c && b > 0.3 && b > 0.2*d.peakFollow {
		t := float64(d.n-2) + parabola(a, b, c)
		if t-d.lastOnset >= refractoryS*d.odfHz {
			d.lastOnset = t
			d.onset(t, b)
		}
		if b > d.peakFollow {
			// A partial attack: one loud onset does not raise the
			// threshold over the beats after it.
			d.peakFollow += 0.3 * (b - d.peakFollow)
		}
	}

	d.decSum += flux
	d.decN++
	if d.decN == acfDecimate {
		d.acfSample(d.decSum)
		d.decN, d.decSum = 0, 0
	}
}

// parabola is the offset (−½..½) of the vertex of the parabola through
// (−1, a), (0, b), (1, c) with b the largest.
//
// parabola is real-time safe: no allocation, no lock, no system call.
func parabola(a, b, c float64) float64 {
	den := a - 2*b + c
	if den >= 0 {
		return 0
	}
	return max(-0.5, min(0.5, 0.5*(a-c)/den))
}

// acfSample adds one decimated onset strength sample to the
// autocorrelation and runs the coarse analysis when it is due.
//
// acfSample is real-time safe: no allocation, no lock, no system call.
func (d *Detector) acfSample(x float64) {
	d.mean += d.meanCoef * (x - d.mean)
	y := x - d.mean
	// The ring runs backwards and holds each sample twice, n apart, so
	// that lag L is ring[ringPos+L] with no wrap: one straight loop over
	// the lags.
	n := len(d.acf)
	if d.ringPos--; d.ringPos < 0 {
		d.ringPos = n - 1
	}
	d.ring[d.ringPos], d.ring[d.ringPos+n] = y, y
	dec := d.acfDecay
	acf := d.acf
	past := d.ring[d.ringPos : d.ringPos+n][:len(acf)]
	for l, p := range past {
		acf[l] = dec*acf[l] + y*p
	}
	d.acfN++
	d.analyseIn--
	if d.analyseIn <= 0 {
		d.analyseIn = int(analyseS * d.odfHz / acfDecimate)
		d.analyse()
	}
}

// comb is the periodicity score of period t (in decimated samples,
// fractional): ACF(t) + ACF(2t)/2 + ACF(3t)/3 + ACF(4t)/4, interpolated.
//
// comb is real-time safe: no allocation, no lock, no system call.
func (d *Detector) comb(t float64) float64 {
	return d.acfAt(t) + d.acfAt(2*t)/2 + d.acfAt(3*t)/3 + d.acfAt(4*t)/4
}

// acfAt is the autocorrelation at fractional lag t.
//
// acfAt is real-time safe: no allocation, no lock, no system call.
func (d *Detector) acfAt(t float64) float64 {
	i := int(t)
	if i < 0 || i+1 >= len(d.acf) {
		return 0
	}
	f := t - float64(i)
	return d.acf[i]*(1-f) + d.acf[i+1]*f
}

// analyse finds the coarse period and keeps the grid on the beat.
//
// analyse is real-time safe: no allocation, no lock, no system call.
func (d *Detector) analyse() {
	acfHz := d.odfHz / acfDecimate
	if d.acfN < int(1.5*acfHz) || d.acf[0] <= 1e-9 {
		return
	}
	// The comb is sharp (its 4t term moves four times as fast as t), so
	// it is searched in quarter lags.
	best, bestScore := 0.0, 0.0
	prev, cur := d.comb(float64(d.minT)), d.comb(float64(d.minT)+combStep)
	for t := float64(d.minT) + combStep; t < float64(d.maxT); t += combStep {
		next := d.comb(t + combStep)
		s := cur
		if s > 0 && s >= prev && s >= next {
			ft := t + combStep*parabola(prev, s, next)
			bpm := 60 * acfHz / ft
			oct := math.Log2(bpm/d.centreBPM) / d.widthOct
			if score := s * math.Exp(-0.5*oct*oct); score > bestScore {
				best, bestScore = ft, score
			}
		}
		prev, cur = cur, next
	}
	if best == 0 {
		d.salience = 0
		return
	}
	d.salience = min(1, d.comb(best)/(2.08*d.acf[0]))
	d.coarse = d.metricalLevel(best) * acfDecimate // in onset strength frames

	mode, share := d.vote(60 * d.odfHz / d.coarse)
	switch {
	case d.period == 0:
		d.seed(d.coarse)
	case d.lastT < float64(d.n)-lostBeats*d.period:
		// Lost: reseed if there are onsets the grid passed over; in a
		// breakdown with none the last tempo stays, its confidence fading.
		if d.histN > 0 && d.history[(d.histN-1)%historyLen].t > d.lastT {
			d.seed(60 * d.odfHz / mode)
		}
	default:
		// A grid that holds the beat well follows a tempo change faster
		// than the tally: near the tally's tempo it is not moved. At
		// another metrical level (2:1, 3:2, ...) a clear tally wins.
		off := math.Abs(math.Log(mode * d.period / (60 * d.odfHz)))
		weak := d.fitConf < 0.5 && share > 0.4
		if off > 0.04 && (weak || off > 0.15 && share > 0.6) {
			d.disagree += analyseS
		} else {
			d.disagree = max(0, d.disagree-analyseS)
		}
		if d.disagree > disagreeS {
			d.seed(60 * d.odfHz / mode)
		}
	}
}

// vote adds a coarse tempo to the decaying tally and returns the tempo
// most voted for lately (the mean over its three bins) and its share of
// all votes.
//
// vote is real-time safe: no allocation, no lock, no system call.
func (d *Detector) vote(bpm float64) (mode, share float64) {
	decay := math.Exp(-analyseS / voteSeconds)
	i := int(math.Round(bpm)) - MinBPM
	var total float64
	for j := range d.votes {
		d.votes[j] *= decay
		if j == i {
			d.votes[j]++
		}
		total += d.votes[j]
	}
	best, bestW := 0, 0.0
	for j := range d.votes {
		w := d.votes[j]
		if j > 0 {
			w += d.votes[j-1]
		}
		if j+1 < len(d.votes) {
			w += d.votes[j+1]
		}
		if w > bestW {
			best, bestW = j, w
		}
	}
	var sum, sw float64
	for j := max(0, best-1); j <= min(len(d.votes)-1, best+1); j++ {
		sum += d.votes[j] * float64(j+MinBPM)
		sw += d.votes[j]
	}
	if sw == 0 || total == 0 {
		return bpm, 0
	}
	return sum / sw, bestW / total
}

// metricalLevel picks the beat among the periods related to t (the best
// comb peak, in decimated samples) by 1:2, 2:3, 1, 3:2 and 2:1. Folded
// over the beat period, the onsets gather at one phase (the beat) more
// than over a related period; a candidate replaces t where they gather
// clearly more (by 10%, a slower one by 25%), and a faster one only if its double period has two
// equally strong halves (kick and snare, or kick and kick), so that a
// strong off-beat (hats, an off-beat bass) does not double the tempo. A
// tempo the user set keeps its octave.
//
// metricalLevel is real-time safe: no allocation, no lock, no system call.
func (d *Detector) metricalLevel(t float64) float64 {
	if d.widthOct != priorOctaves {
		return t
	}
	s0 := d.comb(t)
	conc0, _ := d.fold(t * acfDecimate)
	best, bestConc := t, conc0*1.1
	for _, c := range [...]float64{t / 2, t * 2 / 3, t * 3 / 2, 2 * t} {
		if c < float64(d.minT) || c > float64(d.maxT) || d.comb(c) < 0.3*s0 {
			continue
		}
		conc, _ := d.fold(c * acfDecimate)
		if _, h := d.fold(2 * c * acfDecimate); c < t && h < 0.5 {
			continue
		}
		// Folded over a longer period, the ±1 bin window spans more time
		// and gathers more: a slower candidate must win by more.
		if c > t {
			conc /= 1.15
		}
		if conc > bestConc {
			best, bestConc = c, conc
		}
	}
	return best
}

// fold folds the onsets of the last 8 s over period p (frames) into 16
// phase bins and reports the share of the onset strength within ±1 bin of
// the strongest phase (conc, 3/16 for onsets spread evenly), and the
// strength half a period away from it as a share of it (half).
//
// fold is real-time safe: no allocation, no lock, no system call.
func (d *Detector) fold(p float64) (conc, half float64) {
	var bins [foldBins]float64
	var total float64
	since := float64(d.n) - 8*d.odfHz
	for i := max(0, d.histN-historyLen); i < d.histN; i++ {
		o := d.history[i%historyLen]
		if o.t < since {
			continue
		}
		x := o.t / p
		bins[int((x-math.Floor(x))*foldBins)%foldBins] += o.w
		total += o.w
	}
	e := func(b int) float64 {
		return bins[(b+foldBins-1)%foldBins] + bins[b%foldBins] + bins[(b+1)%foldBins]
	}
	best := 0
	for b := 1; b < foldBins; b++ {
		if e(b) > e(best) {
			best = b
		}
	}
	if e(best) == 0 {
		return 0, 0
	}
	return e(best) / total, e(best+foldBins/2) / e(best)
}

// seed restarts the grid at period p (frames per beat) and runs it over
// the onsets still in the history, so the reading is there at once.
//
// seed is real-time safe: no allocation, no lock, no system call.
func (d *Detector) seed(p float64) {
	d.period = p
	d.beatN = 0
	d.disagree = 0
	// Until the onsets give a fit, the reading is the seed, with no
	// confidence.
	d.fitBPM, d.fitConf = 60*d.odfHz/p, 0
	count := min(d.histN, historyLen)
	if count == 0 {
		d.lastT = float64(d.n)
		return
	}
	// The anchor: the strongest onset in the first period of what is kept,
	// or of the last 16 beats if more is kept.
	first := d.histN - count
	from := d.history[first%historyLen].t
	if start := float64(d.n) - longFit*p; start > from {
		from = start
	}
	anchor := -1
	for i := first; i < d.histN; i++ {
		o := d.history[i%historyLen]
		if o.t < from || o.t > from+p {
			continue
		}
		if anchor < 0 || o.w > d.history[anchor%historyLen].w {
			anchor = i
		}
	}
	if anchor < 0 {
		d.lastT = float64(d.n)
		return
	}
	a := d.history[anchor%historyLen]
	d.lastK, d.lastT = 0, a.t
	d.addBeat(0, a.t, a.w)
	for i := anchor + 1; i < d.histN; i++ {
		o := d.history[i%historyLen]
		d.match(o.t, o.w)
	}
	d.fit()
}

// onset takes one detected onset at time t (frames) of strength w.
//
// onset is real-time safe: no allocation, no lock, no system call.
func (d *Detector) onset(t, w float64) {
	d.history[d.histN%historyLen] = onset{t, w}
	d.histN++
	if d.period > 0 && d.match(t, w) {
		d.fit()
	}
}

// match adds the onset to the grid if it falls on a beat, and reports
// whether it did.
//
// match is real-time safe: no allocation, no lock, no system call.
func (d *Detector) match(t, w float64) bool {
	if d.beatN == 0 {
		d.lastK, d.lastT = 0, t
		d.addBeat(0, t, w)
		return true
	}
	m := math.Round((t - d.lastT) / d.period)
	if m < 1 || w < 0.2*d.beatW {
		return false
	}
	if math.Abs(t-d.lastT-m*d.period) > matchTol*d.period {
		return false
	}
	d.lastK += int(m)
	d.lastT = t
	d.addBeat(d.lastK, t, w)
	return true
}

// addBeat is real-time safe: no allocation, no lock, no system call.
func (d *Detector) addBeat(k int, t, w float64) {
	d.beats[d.beatN%beatLen] = beat{k, t, w}
	d.beatN++
	if d.beatN == 1 {
		d.beatW = w
	}
	d.beatW += 0.2 * (w - d.beatW)
}

// lineFit is a weighted least-squares fit of beat time against beat
// number over the beats with k > lastK−span: the slope (frames per beat),
// the RMS residual (frames), and how many beats went in.
//
// lineFit is real-time safe: no allocation, no lock, no system call.
func (d *Detector) lineFit(span int) (slope, rms float64, count int) {
	var sw, sk, st float64
	n := min(d.beatN, beatLen)
	for i := d.beatN - n; i < d.beatN; i++ {
		b := d.beats[i%beatLen]
		if b.k <= d.lastK-span {
			continue
		}
		w := math.Sqrt(b.w)
		sw += w
		sk += w * float64(b.k)
		st += w * b.t
		count++
	}
	if count < 3 {
		return 0, 0, count
	}
	mk, mt := sk/sw, st/sw
	var skk, skt float64
	for i := d.beatN - n; i < d.beatN; i++ {
		b := d.beats[i%beatLen]
		if b.k <= d.lastK-span {
			continue
		}
		w := math.Sqrt(b.w)
		dk := float64(b.k) - mk
		skk += w * dk * dk
		skt += w * dk * (b.t - mt)
	}
	if skk <= 0 {
		return 0, 0, count
	}
	slope = skt / skk
	var sr float64
	for i := d.beatN - n; i < d.beatN; i++ {
		b := d.beats[i%beatLen]
		if b.k <= d.lastK-span {
			continue
		}
		w := math.Sqrt(b.w)
		res := b.t - mt - slope*(float64(b.k)-mk)
		sr += w * res * res
	}
	return slope, math.Sqrt(sr / sw), count
}

// fit updates the tracked tempo from the grid's beats.
//
// fit is real-time safe: no allocation, no lock, no system call.
func (d *Detector) fit() {
	slope, rms, count := d.lineFit(longFit)
	span := longFit
	if s8, r8, c8 := d.lineFit(shortFit); c8 >= 3 && (count < 3 || rms > 1.5*r8+0.25) {
		slope, rms, count, span = s8, r8, c8, shortFit
	}
	if count < 3 || slope <= 0 {
		return
	}
	bpm := 60 * d.odfHz / slope
	if bpm < MinBPM*0.97 || bpm > MaxBPM*1.03 {
		return
	}
	d.fitBPM = bpm
	d.period = slope
	beatsInWindow := min(span, d.lastK+1)
	matched := min(1, float64(count)/float64(beatsInWindow))
	straight := math.Exp(-rms / (0.02 * slope))
	d.fitConf = matched * straight
}

// Seed moves the tracker to bpm (a tap, or half/double) and centres the
// octave prior on it, so the coarse analysis keeps that octave.
//
// Seed is real-time safe: no allocation, no lock, no system call.
func (d *Detector) Seed(bpm float64) {
	if !(bpm >= MinBPM && bpm <= MaxBPM) || d.odfHz == 0 {
		return
	}
	d.centreBPM, d.widthOct = bpm, userOctaves
	d.votes = [len(d.votes)]float64{}
	d.seed(60 * d.odfHz / bpm)
}

// Reading is the current tempo and confidence.
//
// Reading is real-time safe: no allocation, no lock, no system call.
func (d *Detector) Reading() Reading {
	if d.fitBPM == 0 {
		return Reading{}
	}
	conf := d.fitConf * math.Sqrt(max(0, d.salience))
	// Confidence fades while no beat arrives.
	if gap := (float64(d.n) - d.lastT) / d.period; gap > 2 {
		conf *= math.Exp(-(gap - 2) / 4)
	}
	return Reading{BPM: min(MaxBPM, max(MinBPM, d.fitBPM)), Confidence: max(0, min(1, conf))}
}
