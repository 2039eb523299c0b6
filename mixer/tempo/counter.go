package tempo

// Tap tempo.
const (
	maxTaps      = 8   // the tapped tempo is the mean interval of the last 8 taps
	tapResetS    = 2.0 // a pause this long starts a new count
	tapTakeOver  = 0.5 // detector confidence at which it takes over from taps
	tapAgreement = 0.04
)

// Count is what a Counter shows.
type Count struct {
	BPM        float64 // MinBPM..MaxBPM, or 0 while there is none
	Confidence float64 // 0..1; 1 for a tapped or held value the detector had confidence in
	Locked     bool    // the value is held
	Tapped     bool    // the value is the tapped tempo
}

// Counter is one BPM counter: a Detector plus TAP, lock and half/double.
// Prepare it off the audio thread; everything else is real-time safe and
// runs on the audio thread.
//
// Taps seed the detector with the tapped tempo and show it at once; the
// detector takes over once it reads that tempo (within 4%) with
// confidence. The lock holds the reading (or, if there is none yet, the
// first confident one) until it is released; taps and half/double then
// change the held value. Half and double move an unlocked detector to the
// other octave and keep it there.
type Counter struct {
	det    Detector
	rateHz float64
	clock  int64 // frames processed

	taps   [maxTaps]int64
	tapN   int
	tapBPM float64 // shown while tapped
	tapped bool

	locked   bool
	held     Count
	heldNone bool // locked with nothing to hold yet
}

// Prepare sizes c for sampleRateHz and resets it; the lock is kept. It
// allocates: call it off the audio thread.
func (c *Counter) Prepare(sampleRateHz int) {
	c.det.Prepare(sampleRateHz)
	c.rateHz = float64(sampleRateHz)
	c.clock, c.tapN, c.tapBPM, c.tapped = 0, 0, 0, false
}

// Keep takes over from's lock, held value and tapped tempo: a counter
// prepared for a new sample rate carries on showing what from showed.
//
// Keep is real-time safe: no allocation, no lock, no system call.
func (c *Counter) Keep(from *Counter) {
	c.locked, c.held, c.heldNone = from.locked, from.held, from.heldNone
	c.tapBPM, c.tapped = from.tapBPM, from.tapped
	if c.tapped {
		c.det.Seed(c.tapBPM)
	}
}

// Process analyses one block; r is nil for a mono signal.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (c *Counter) Process(l, r []float32) {
	c.det.Process(l, r)
	c.clock += int64(len(l))
	rd := c.det.Reading()
	if c.tapped && rd.Confidence >= tapTakeOver && agree(rd.BPM, c.tapBPM) {
		c.tapped = false
	}
	if c.locked && c.heldNone && rd.Confidence >= tapTakeOver {
		c.held = Count{BPM: rd.BPM, Confidence: rd.Confidence, Locked: true}
		c.heldNone = false
	}
}

// agree is real-time safe: no allocation, no lock, no system call.
func agree(a, b float64) bool {
	return a > 0 && b > 0 && a < b*(1+tapAgreement) && a > b*(1-tapAgreement)
}

// Tap counts one tap at the current position of the audio clock.
//
// Tap is real-time safe: no allocation, no lock, no system call.
func (c *Counter) Tap() {
	if c.rateHz == 0 {
		return
	}
	if c.tapN > 0 && float64(c.clock-c.taps[c.tapN-1]) > tapResetS*c.rateHz {
		c.tapN = 0
	}
	if c.tapN == maxTaps {
		copy(c.taps[:], c.taps[1:])
		c.tapN--
	}
	c.taps[c.tapN] = c.clock
	c.tapN++
	if c.tapN < 2 {
		return
	}
	span := float64(c.taps[c.tapN-1] - c.taps[0])
	if span <= 0 {
		return
	}
	bpm := inRange(60 * float64(c.tapN-1) * c.rateHz / span)
	if bpm == 0 {
		return
	}
	if c.locked {
		c.held = Count{BPM: bpm, Confidence: 1, Locked: true, Tapped: true}
		c.heldNone = false
		return
	}
	c.tapBPM, c.tapped = bpm, true
	c.det.Seed(bpm)
}

// inRange folds bpm into MinBPM..MaxBPM by octaves; 0 for nonsense.
//
// inRange is real-time safe: no allocation, no lock, no system call.
func inRange(bpm float64) float64 {
	if !(bpm > 1 && bpm < 1e4) {
		return 0
	}
	for bpm < MinBPM {
		bpm *= 2
	}
	for bpm > MaxBPM {
		bpm /= 2
	}
	if bpm < MinBPM {
		return 0 // no octave of it is in range
	}
	return bpm
}

// SetLocked holds the current reading (on) or releases it (off).
//
// SetLocked is real-time safe: no allocation, no lock, no system call.
func (c *Counter) SetLocked(on bool) {
	if on == c.locked {
		return
	}
	if on {
		c.held = c.Count()
		c.held.Locked = true
	}
	c.locked = on
	if !on {
		return
	}
	c.heldNone = c.held.BPM == 0
}

// Locked reports whether the counter holds its value.
//
// Locked is real-time safe: no allocation, no lock, no system call.
func (c *Counter) Locked() bool { return c.locked }

// Scale multiplies the tempo by f (½ for half, 2 for double) where the
// result is in range.
//
// Scale is real-time safe: no allocation, no lock, no system call.
func (c *Counter) Scale(f float64) {
	cur := c.Count()
	bpm := cur.BPM * f
	if cur.BPM == 0 || bpm < MinBPM || bpm > MaxBPM {
		return
	}
	if c.locked {
		c.held.BPM = bpm
		return
	}
	if c.tapped {
		c.tapBPM = bpm
	}
	c.det.Seed(bpm)
}

// Count is the counter's reading.
//
// Count is real-time safe: no allocation, no lock, no system call.
func (c *Counter) Count() Count {
	if c.locked {
		return c.held
	}
	if c.tapped {
		return Count{BPM: c.tapBPM, Confidence: 1, Tapped: true}
	}
	rd := c.det.Reading()
	return Count{BPM: rd.BPM, Confidence: rd.Confidence}
}
