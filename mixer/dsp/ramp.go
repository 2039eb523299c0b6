package dsp

// Ramp is a linear gain ramp: after Set it moves from its current value to
// the target in a fixed number of frames, then holds the target exactly.
// Holding the exact target matters: a gain that ends at 1.0 multiplies bit
// for bit, and one that ends at 0.0 lets the caller skip the work.
//
// A linear ramp over about 10 ms is what keeps gain changes and switches
// from clicking or zippering: the largest step it adds to a signal of
// amplitude A is A/lengthFrames per frame.
type Ramp struct {
	value, target, step float32
	left                int // frames until value reaches target
	lengthFrames        int
}

// Init sets the ramp's length and jumps to value with no ramp.
func (r *Ramp) Init(value float32, lengthFrames int) {
	if lengthFrames < 1 {
		lengthFrames = 1
	}
	*r = Ramp{value: value, target: value, lengthFrames: lengthFrames}
}

// Set starts a ramp from the current value to target; a target equal to the
// current one changes nothing.
//
// Set is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Set(target float32) {
	if target == r.target {
		return
	}
	r.target = target
	r.left = r.lengthFrames
	r.step = (target - r.value) / float32(r.lengthFrames)
}

// Jump sets value and target at once, with no ramp.
//
// Jump is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Jump(value float32) {
	r.value, r.target, r.left = value, value, 0
}

// Value is the gain the ramp is at now.
//
// Value is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Value() float32 { return r.value }

// Target is the gain the ramp moves to.
//
// Target is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Target() float32 { return r.target }

// Moving reports whether the ramp has not reached its target yet.
//
// Moving is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Moving() bool { return r.left > 0 }

// Idle reports whether the ramp rests at exactly v.
//
// Idle is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Idle(v float32) bool { return r.left == 0 && r.value == v }

// Next advances the ramp by one frame and returns the new value.
//
// Next is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Next() float32 {
	if r.left > 0 {
		r.left--
		if r.left == 0 {
			r.value = r.target
		} else {
			r.value += r.step
		}
	}
	return r.value
}

// Advance moves the ramp on by frames without producing values.
//
// Advance is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Advance(frames int) {
	if frames >= r.left {
		r.left = 0
		r.value = r.target
		return
	}
	r.left -= frames
	r.value += r.step * float32(frames)
}

// Fill writes the ramp's next len(buf) values into buf.
//
// Fill is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Fill(buf []float32) {
	n := 0
	for ; n < len(buf) && r.left > 0; n++ {
		buf[n] = r.Next()
	}
	v := r.value
	for i := n; i < len(buf); i++ {
		buf[i] = v
	}
}

// Apply multiplies buf in place by the ramp's next len(buf) values. At a
// resting gain of exactly 1 the samples are left untouched.
//
// Apply is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) Apply(buf []float32) {
	n := 0
	for ; n < len(buf) && r.left > 0; n++ {
		buf[n] *= r.Next()
	}
	rest := buf[n:]
	switch g := r.value; g {
	case 1:
	case 0:
		clear(rest)
	default:
		for i := range rest {
			rest[i] *= g
		}
	}
}

// MixInto adds src, scaled by the ramp's next len(src) values, into dst. At
// a resting gain of exactly 1 it adds src unscaled; at 0 it adds nothing.
//
// MixInto is real-time safe: no allocation, no lock, no system call.
func (r *Ramp) MixInto(dst, src []float32) {
	dst = dst[:len(src)]
	n := 0
	for ; n < len(src) && r.left > 0; n++ {
		dst[n] += src[n] * r.Next()
	}
	switch g := r.value; g {
	case 0:
	case 1:
		for i := n; i < len(src); i++ {
			dst[i] += src[i]
		}
	default:
		for i := n; i < len(src); i++ {
			dst[i] += src[i] * g
		}
	}
}
