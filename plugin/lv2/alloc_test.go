//go:build cgo

package lv2_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/plugin/lv2"
)

// TestRunDoesNotAllocate runs a chain of real plugins, and one of them on
// its own, at every period size up to MaxFrames: the host's own code on
// the audio path (the call into C, the worker's responses, the atom
// buffers, the output check, control and latency ports) allocates
// nothing in Go. What a plugin's own C code does is not Go's to count.
func TestRunDoesNotAllocate(t *testing.T) {
	var insts []*lv2.Instance
	for _, uri := range []string{swhAmp, swhDJEQ, x42EQ, x42NoDelay, lspEQ, testWorker} {
		insts = append(insts, instance(t, uri))
	}
	ch, err := lv2.NewChain(insts...)
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	amp, worker := insts[0], insts[len(insts)-1]
	gain, _ := amp.PortIndex("gain")
	trigger, _ := worker.PortIndex("trigger")
	signal := noise(lv2.MaxFrames)
	n := float32(0)
	for _, frames := range []int{1, 16, 64, 256, 1024, lv2.MaxFrames} {
		allocs := testing.AllocsPerRun(50, func() {
			copy(ch.Input(0), signal[:frames])
			amp.SetControl(gain, -3)
			n++
			worker.SetControl(trigger, n) // work scheduled and answered on the way
			if ch.Run(frames) >= 0 {
				panic("a plugin's output was not finite")
			}
			_ = ch.Output(0)[frames-1]
			_, _ = insts[3].Latency()
			_ = amp.Control(gain)
			_ = amp.Run(frames)
		})
		if allocs != 0 {
			t.Errorf("%d frames: %v allocations per period", frames, allocs)
		}
	}
	// The worker did answer while the periods ran.
	responses, _ := worker.PortIndex("responses")
	deadline := time.Now().Add(2 * time.Second)
	for worker.Control(responses) == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
		ch.Run(64)
	}
	if worker.Control(responses) == 0 {
		t.Error("no worker response reached the plugin")
	}
}

// BenchmarkHostOverhead runs chains of n swh amps at 0 dB, the cheapest
// real plugin there is (one multiply per sample), and subtracts from the
// time of Chain.Run the time of the same plugins' run functions called
// back to back from C with nothing else: what is left is the host's cost
// per plugin per period (the call from Go into C, the worker and atom
// checks, the NaN/Inf scan of the outputs).
func BenchmarkHostOverhead(b *testing.B) {
	for _, frames := range []int{64, 256, 1024} {
		for _, n := range []int{1, 8, 32} {
			b.Run(fmt.Sprintf("frames=%d/plugins=%d", frames, n), func(b *testing.B) {
				need(b, swhAmp)
				insts := make([]*lv2.Instance, n)
				for k := range insts {
					in, err := theWorld(b).Instantiate(swhAmp, rateHz, frames)
					if err != nil {
						b.Fatal(err)
					}
					in.Activate()
					defer in.Close()
					insts[k] = in
				}
				ch, err := lv2.NewChain(insts...)
				if err != nil {
					b.Fatal(err)
				}
				defer ch.Close()
				copy(ch.Input(0), noise(frames))
				// Batches of the chain and of the bare plugins alternate, so
				// that both see the same load on a shared machine.
				const batch = 64
				var hosted, bare int64
				b.ReportAllocs()
				for b.Loop() {
					t0 := time.Now()
					for range batch {
						ch.Run(frames)
					}
					hosted += time.Since(t0).Nanoseconds()
					bare += lv2.BareNanos(ch, frames, batch)
				}
				periods := float64(b.N * batch)
				host := float64(hosted-bare) / periods / float64(n)
				b.ReportMetric(host, "host-ns/plugin/period")
				b.ReportMetric(float64(bare)/periods/float64(n), "plugin-ns/plugin/period")
				b.ReportMetric(100*host/(float64(frames)/rateHz*1e9), "host-%period/plugin")
			})
		}
	}
}
