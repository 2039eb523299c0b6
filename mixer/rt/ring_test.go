package rt_test

import (
	"sync"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/rt"
)

func TestRingFIFOAndCapacity(t *testing.T) {
	r := rt.NewRing[int](5)
	if r.Cap() != 8 {
		t.Fatalf("Cap = %d, want 8 (5 rounded up to a power of two)", r.Cap())
	}
	for i := 0; i < 8; i++ {
		if !r.TryPush(i) {
			t.Fatalf("push %d refused with %d of 8 used", i, r.Len())
		}
	}
	if r.TryPush(99) {
		t.Fatal("push into a full ring succeeded")
	}
	if r.Dropped() != 1 {
		t.Fatalf("Dropped = %d, want 1", r.Dropped())
	}
	for i := 0; i < 8; i++ {
		v, ok := r.TryPop()
		if !ok || v != i {
			t.Fatalf("pop %d = %d, %v", i, v, ok)
		}
	}
	if _, ok := r.TryPop(); ok {
		t.Fatal("pop from an empty ring succeeded")
	}
}

func TestRingWrapsAround(t *testing.T) {
	r := rt.NewRing[uint32](4)
	next, want := uint32(0), uint32(0)
	for round := 0; round < 1000; round++ {
		for i := 0; i < 3; i++ {
			if !r.TryPush(next) {
				t.Fatalf("round %d: push refused", round)
			}
			next++
		}
		for i := 0; i < 3; i++ {
			v, ok := r.TryPop()
			if !ok || v != want {
				t.Fatalf("round %d: pop = %d, %v; want %d", round, v, ok, want)
			}
			want++
		}
	}
}

type frame struct {
	seq  uint64
	data [30]uint64
}

// TestRingConcurrentOrder moves millions of values between two goroutines
// and checks that every one arrives, in order, intact. Run it under -race.
func TestRingConcurrentOrder(t *testing.T) {
	n := uint64(2_000_000)
	if testing.Short() {
		n = 200_000
	}
	r := rt.NewRing[frame](1024)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var f frame
		for i := uint64(0); i < n; {
			f.seq = i
			for j := range f.data {
				f.data[j] = i * uint64(j+1)
			}
			if r.TryPushPtr(&f) {
				i++
			}
		}
	}()
	var got frame
	for want := uint64(0); want < n; {
		if !r.TryPopInto(&got) {
			continue
		}
		if got.seq != want {
			t.Fatalf("value %d arrived as %d", want, got.seq)
		}
		for j, d := range got.data {
			if d != want*uint64(j+1) {
				t.Fatalf("value %d torn at word %d: %d", want, j, d)
			}
		}
		want++
	}
	wg.Wait()
	if r.Len() != 0 {
		t.Fatalf("%d values left over", r.Len())
	}
}

func TestRingNoAllocation(t *testing.T) {
	r := rt.NewRing[frame](16)
	var f frame
	allocs := testing.AllocsPerRun(1000, func() {
		r.TryPushPtr(&f)
		r.TryPush(f)
		r.TryPopInto(&f)
		f, _ = r.TryPop()
	})
	if allocs != 0 {
		t.Fatalf("ring operations allocate %.1f times per run", allocs)
	}
}

func BenchmarkRingPushPop(b *testing.B) {
	r := rt.NewRing[uint64](1024)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r.TryPush(uint64(i))
		r.TryPop()
	}
}

// BenchmarkRingTwoGoroutines measures the throughput of one producer and
// one consumer on separate goroutines, the way the GUI and the audio
// thread use it.
func BenchmarkRingTwoGoroutines(b *testing.B) {
	r := rt.NewRing[uint64](1024)
	b.ReportAllocs()
	done := make(chan struct{})
	go func() {
		for i := 0; i < b.N; {
			if _, ok := r.TryPop(); ok {
				i++
			}
		}
		close(done)
	}()
	for i := 0; i < b.N; {
		if r.TryPush(uint64(i)) {
			i++
		}
	}
	<-done
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/value")
}
