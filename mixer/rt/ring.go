package rt

import "sync/atomic"

// cacheLine is the padding that keeps the producer's and the consumer's
// indices on separate cache lines, so the two cores do not bounce one line
// between them on every push and pop.
const cacheLine = 64

// Ring is a bounded single-producer, single-consumer queue of values of T.
//
// Exactly one goroutine may call TryPush and exactly one (other) goroutine
// may call TryPop, TryPopInto and Drain. Len, Cap and Dropped are safe from
// anywhere. The indices only grow; the slot is index & mask. The producer
// publishes a slot with a release store of tail, the consumer frees it with
// a release store of head, so a value is always fully written before it can
// be read and fully read before it can be overwritten.
type Ring[T any] struct {
	_    [cacheLine]byte
	head atomic.Uint64 // next slot to read; written by the consumer only
	_    [cacheLine - 8]byte
	tail atomic.Uint64 // next slot to write; written by the producer only
	_    [cacheLine - 8]byte
	// dropped counts values TryPush refused because the ring was full.
	dropped atomic.Uint64
	_       [cacheLine - 8]byte
	mask    uint64
	slots   []T
}

// NewRing returns a ring holding capacity values. capacity is rounded up to
// a power of two (at least 2). It allocates; call it before real-time use.
func NewRing[T any](capacity int) *Ring[T] {
	n := 2
	for n < capacity {
		n <<= 1
	}
	return &Ring[T]{mask: uint64(n - 1), slots: make([]T, n)}
}

// TryPush appends v and reports whether there was room. A full ring drops v
// and counts it in Dropped.
//
// TryPush is real-time safe: no allocation, no lock, no system call, O(1).
func (r *Ring[T]) TryPush(v T) bool {
	return r.TryPushPtr(&v)
}

// TryPushPtr is TryPush for large values: it copies *v into the ring
// without an extra copy on the caller's stack.
//
// TryPushPtr is real-time safe: no allocation, no lock, no system call, O(1).
func (r *Ring[T]) TryPushPtr(v *T) bool {
	tail := r.tail.Load()
	if tail-r.head.Load() > r.mask {
		r.dropped.Add(1)
		return false
	}
	r.slots[tail&r.mask] = *v
	r.tail.Store(tail + 1)
	return true
}

// TryPop removes and returns the oldest value; ok is false when the ring is
// empty.
//
// TryPop is real-time safe: no allocation, no lock, no system call, O(1).
func (r *Ring[T]) TryPop() (v T, ok bool) {
	ok = r.TryPopInto(&v)
	return v, ok
}

// TryPopInto copies the oldest value into *dst and removes it; it reports
// false, leaving *dst alone, when the ring is empty.
//
// TryPopInto is real-time safe: no allocation, no lock, no system call, O(1).
func (r *Ring[T]) TryPopInto(dst *T) bool {
	head := r.head.Load()
	if head == r.tail.Load() {
		return false
	}
	*dst = r.slots[head&r.mask]
	r.head.Store(head + 1)
	return true
}

// Len is the number of values waiting. From a goroutine other than the
// producer and the consumer it is a snapshot that may already be stale.
func (r *Ring[T]) Len() int {
	return int(r.tail.Load() - r.head.Load())
}

// Cap is the number of values the ring holds when full.
func (r *Ring[T]) Cap() int { return len(r.slots) }

// Dropped is the number of values TryPush has refused since the ring was made.
func (r *Ring[T]) Dropped() uint64 { return r.dropped.Load() }
