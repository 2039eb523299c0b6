package rt

import "sync/atomic"

// SampleRing is a bounded single-producer, single-consumer queue of
// interleaved float32 audio frames: the audio thread writes whole periods
// into it and a writer goroutine (the recorder's) reads them back out in
// bulk.
//
// Exactly one goroutine may call Write and exactly one (other) goroutine
// may call Read. Channels, CapFrames, LenFrames and DroppedFrames are safe
// from anywhere. Positions count samples and only grow; a sample's slot is
// its position & mask. As in Ring, the producer publishes with a release
// store of tail and the consumer frees with a release store of head, so a
// sample is fully written before it can be read and fully read before it
// can be overwritten. The producer never waits: frames that do not fit are
// counted in DroppedFrames, never silently lost.
type SampleRing struct {
	_    [cacheLine]byte
	head atomic.Uint64 // next sample to read; written by the consumer only
	_    [cacheLine - 8]byte
	tail atomic.Uint64 // next sample to write; written by the producer only
	_    [cacheLine - 8]byte
	// droppedFrames counts frames Write could not take.
	droppedFrames atomic.Uint64
	_             [cacheLine - 8]byte
	channels      int
	capFrames     int    // whole frames the ring holds when full
	mask          uint64 // len(samples) - 1
	samples       []float32
}

// NewSampleRing returns a ring of frames of channels interleaved samples
// holding at least capacityFrames frames (the sample count is rounded up to
// a power of two). It allocates; call it before real-time use. channels
// and capacityFrames below 1 are taken as 1.
func NewSampleRing(channels, capacityFrames int) *SampleRing {
	channels = max(channels, 1)
	capacityFrames = max(capacityFrames, 1)
	n := 2
	for n < channels*capacityFrames {
		n <<= 1
	}
	return &SampleRing{
		channels:  channels,
		capFrames: n / channels,
		mask:      uint64(n - 1),
		samples:   make([]float32, n),
	}
}

// Write appends the whole frames of interleaved (len(interleaved)/Channels
// frames; a trailing partial frame is ignored) and returns how many frames
// it took. Frames that do not fit are not written and are counted in
// DroppedFrames; the oldest frames are never overwritten.
//
// Write is real-time safe: no allocation, no lock, no system call, no
// waiting; O(len(interleaved)).
func (r *SampleRing) Write(interleaved []float32) (writtenFrames int) {
	frames := len(interleaved) / r.channels
	tail := r.tail.Load()
	freeFrames := r.capFrames - int(tail-r.head.Load())/r.channels
	writtenFrames = min(frames, freeFrames)
	if dropped := frames - writtenFrames; dropped > 0 {
		r.droppedFrames.Add(uint64(dropped))
	}
	if writtenFrames == 0 {
		return 0
	}
	n := writtenFrames * r.channels
	start := int(tail & r.mask)
	first := copy(r.samples[start:], interleaved[:n])
	copy(r.samples, interleaved[first:n])
	r.tail.Store(tail + uint64(n))
	return writtenFrames
}

// Read moves up to len(dst)/Channels whole frames, oldest first, into dst
// (interleaved) and returns how many frames it moved; 0 when the ring is
// empty.
//
// Read is real-time safe: no allocation, no lock, no system call, no
// waiting.
func (r *SampleRing) Read(dst []float32) (frames int) {
	head := r.head.Load()
	available := int(r.tail.Load()-head) / r.channels
	frames = min(available, len(dst)/r.channels)
	if frames == 0 {
		return 0
	}
	n := frames * r.channels
	start := int(head & r.mask)
	first := copy(dst[:n], r.samples[start:])
	copy(dst[first:n], r.samples)
	r.head.Store(head + uint64(n))
	return frames
}

// Channels is the number of interleaved samples per frame.
func (r *SampleRing) Channels() int { return r.channels }

// CapFrames is the number of frames the ring holds when full.
func (r *SampleRing) CapFrames() int { return r.capFrames }

// LenFrames is the number of frames waiting to be read. From a goroutine
// other than the producer and the consumer it is a snapshot that may
// already be stale.
func (r *SampleRing) LenFrames() int {
	return int(r.tail.Load()-r.head.Load()) / r.channels
}

// DroppedFrames is the number of frames Write could not take since the ring
// was made.
func (r *SampleRing) DroppedFrames() uint64 { return r.droppedFrames.Load() }
