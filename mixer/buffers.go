package mixer

import "github.com/linuxdj/linuxdj/backend"

// lineFrames is one cache line of float32 samples.
const lineFrames = 16

// signalBuffers are a graph's per-period signal buffers (scratch, the
// copies the meters read, the studio's buses), cut from one slab by the
// period's length: buffer k starts k strides in, a stride being the period
// rounded up to a cache line. With 8 stereo strips a 64-frame period's
// signals then lie on five pages, not on one page for each of some 70
// buffers backend.MaxFrames apart; after the audio thread has slept
// between periods, every page and line a period touches is a fresh TLB and
// cache miss (BenchmarkEngineHalves/…/slept). No buffer keeps samples from
// one period to the next, so a new cut loses nothing.
type signalBuffers struct {
	slab   []float32
	bufs   []*[]float32
	stride int
}

// add registers buffers to be cut from the slab. It runs off the audio
// thread, before alloc.
func (b *signalBuffers) add(bufs ...*[]float32) {
	b.bufs = append(b.bufs, bufs...)
}

// alloc makes the slab for every buffer added and cuts it for periods of
// backend.MaxFrames. It runs off the audio thread.
func (b *signalBuffers) alloc() {
	b.slab = make([]float32, len(b.bufs)*backend.MaxFrames)
	b.fit(backend.MaxFrames)
}

// fit cuts the slab so that every buffer holds periods of n ≤
// backend.MaxFrames frames; it does nothing while the cut already fits n
// exactly.
//
// fit is real-time safe: no allocation, no lock, no system call.
func (b *signalBuffers) fit(n int) {
	stride := (n + lineFrames - 1) / lineFrames * lineFrames
	if stride == b.stride {
		return
	}
	b.stride = stride
	for k, p := range b.bufs {
		*p = b.slab[k*stride : (k+1)*stride : (k+1)*stride]
	}
}
