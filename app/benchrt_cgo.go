//go:build cgo

package app

import (
	"fmt"
	"math"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
)

// baselineXRuns runs a client with a C callback (16 outputs playing a
// tone, 16 inputs) on the current server for d and returns the xruns the
// server reported to it.
func baselineXRuns(d time.Duration) (int, error) {
	var outs, ins []string
	for i := range 16 {
		outs = append(outs, fmt.Sprintf("out_%d", i))
		ins = append(ins, fmt.Sprintf("in_%d", i))
	}
	cl, err := jacktest.OpenClient("linuxdj-bench-c", outs, ins, 0)
	if err != nil {
		return 0, err
	}
	defer cl.Close()
	tone := make([]float32, 480)
	for i := range tone {
		tone[i] = float32(0.5 * math.Sin(2*math.Pi*float64(i)/48))
	}
	signals := make([][]float32, len(outs))
	for i := range signals {
		signals[i] = tone
	}
	if err := cl.StartStream(signals, true); err != nil {
		return 0, err
	}
	time.Sleep(d)
	return cl.XRuns(), nil
}
