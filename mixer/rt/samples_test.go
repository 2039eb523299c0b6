package rt_test

import (
	"runtime"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/rt"
)

func TestSampleRingCapacityAndDrops(t *testing.T) {
	r := rt.NewSampleRing(2, 5) // 10 samples round up to 16: 8 frames
	if r.CapFrames() != 8 || r.Channels() != 2 {
		t.Fatalf("CapFrames, Channels = %d, %d; want 8, 2", r.CapFrames(), r.Channels())
	}
	in := make([]float32, 2*6)
	for i := range in {
		in[i] = float32(i)
	}
	if got := r.Write(in); got != 6 {
		t.Fatalf("first Write took %d frames, want 6", got)
	}
	if got := r.Write(in); got != 2 {
		t.Fatalf("second Write took %d frames into 2 free, want 2", got)
	}
	if r.DroppedFrames() != 4 || r.LenFrames() != 8 {
		t.Fatalf("DroppedFrames, LenFrames = %d, %d; want 4, 8", r.DroppedFrames(), r.LenFrames())
	}
	if got := r.Write(in[:3]); got != 0 || r.DroppedFrames() != 5 {
		t.Fatalf("Write into a full ring took %d, dropped %d; want 0, 5 (the half frame ignored)", got, r.DroppedFrames())
	}
	out := make([]float32, 16)
	if got := r.Read(out); got != 8 {
		t.Fatalf("Read = %d frames, want 8", got)
	}
	want := append(append([]float32(nil), in...), in[:4]...)
	for i, v := range want {
		if out[i] != v {
			t.Fatalf("sample %d = %v, want %v (oldest kept, newest dropped)", i, out[i], v)
		}
	}
	if got := r.Read(out); got != 0 {
		t.Fatalf("Read of an empty ring = %d", got)
	}
}

func TestSampleRingThreeChannelsWrap(t *testing.T) {
	// 3 channels × 5 frames round up to 16 samples: 5 whole frames, and the
	// frames straddle the end of the buffer as the positions move on.
	r := rt.NewSampleRing(3, 5)
	if r.CapFrames() != 5 {
		t.Fatalf("CapFrames = %d, want 5", r.CapFrames())
	}
	next, want := float32(0), float32(0)
	in := make([]float32, 3*4)
	out := make([]float32, 3*3)
	for round := 0; round < 500; round++ {
		for i := range in {
			in[i] = next + float32(i)
		}
		took := r.Write(in[:3*(1+round%4)])
		next += float32(3 * took)
		got := r.Read(out[:3*(1+round%3)])
		for i := 0; i < 3*got; i++ {
			if out[i] != want {
				t.Fatalf("round %d: sample = %v, want %v", round, out[i], want)
			}
			want++
		}
	}
	if r.DroppedFrames() == 0 {
		t.Fatal("the test never filled the ring; it proves nothing about drops")
	}
}

// TestSampleRingConcurrentOrder streams millions of samples from a producer
// to a consumer on two goroutines (run it with -race) and checks that every
// sample arrives once and in order, and that every refusal is counted. The
// producer offers what the ring refused again, so everything gets through.
func TestSampleRingConcurrentOrder(t *testing.T) {
	const channels = 2
	const periodFrames = 256
	const totalFrames = 1 << 21 // 4 Mi samples
	r := rt.NewSampleRing(channels, 4096)
	var refusedFrames uint64
	done := make(chan struct{})
	go func() {
		defer close(done)
		period := make([]float32, channels*periodFrames)
		next := 0 // sample number; float32 is exact up to 2^24, so it counts modulo that
		for frame := 0; frame < totalFrames; frame += periodFrames {
			for i := range period {
				period[i] = float32((next + i) % (1 << 24))
			}
			next += len(period)
			for rest := period; len(rest) > 0; {
				took := r.Write(rest)
				refusedFrames += uint64(len(rest)/channels - took)
				rest = rest[took*channels:]
				if len(rest) > 0 {
					runtime.Gosched()
				}
			}
		}
	}()
	readFrames, expect := 0, 0
	buf := make([]float32, channels*1000)
	for finished := false; ; {
		n := r.Read(buf)
		for i := 0; i < n*channels; i++ {
			if want := float32(expect % (1 << 24)); buf[i] != want {
				t.Fatalf("sample %d = %v, want %v", expect, buf[i], want)
			}
			expect++
		}
		readFrames += n
		if n > 0 {
			continue
		}
		if finished {
			break
		}
		select {
		case <-done:
			finished = true // one more pass drains what is left
		default:
			runtime.Gosched()
		}
	}
	if readFrames != totalFrames {
		t.Fatalf("read %d frames, want %d", readFrames, totalFrames)
	}
	if r.DroppedFrames() != refusedFrames {
		t.Fatalf("DroppedFrames = %d, the producer saw %d refused", r.DroppedFrames(), refusedFrames)
	}
	t.Logf("%d frames through in order; %d refusals counted", readFrames, refusedFrames)
}

func TestSampleRingNoAllocs(t *testing.T) {
	r := rt.NewSampleRing(2, 4096)
	in := make([]float32, 2*512)
	out := make([]float32, 2*512)
	if a := testing.AllocsPerRun(1000, func() {
		r.Write(in)
		r.Read(out)
	}); a != 0 {
		t.Fatalf("Write+Read allocate %v times per run, want 0", a)
	}
	if a := testing.AllocsPerRun(100, func() { r.Write(in) }); a != 0 {
		t.Fatalf("Write into a full ring allocates %v times per run, want 0", a)
	}
}

func BenchmarkSampleRingWrite(b *testing.B) {
	r := rt.NewSampleRing(2, 1<<16)
	in := make([]float32, 2*256)
	out := make([]float32, 2*256)
	b.ReportAllocs()
	for b.Loop() {
		r.Write(in)
		r.Read(out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*256), "ns/frame")
}
