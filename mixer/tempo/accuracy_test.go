package tempo_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/tempo"
	"github.com/linuxdj/linuxdj/mixer/tempo/tempotest"
)

const (
	testRateHz = 48000
	blockLen   = 256
	tolBPM     = 0.1
)

// result is how the counter did on one case.
type result struct {
	settleBeats float64 // beats from the start (or the change) until the reading stays within ±0.1 BPM; +Inf if never
	maxErrAfter float64 // largest error once settled
	final       float64 // the reading at the end
	meanConf    float64 // mean confidence over the second half
	octave      bool    // the final reading is at half or double the tempo
}

// measure runs a Detector over the case in 256-frame blocks and reads it
// after every block.
func measure(c *tempotest.Case, l, r []float32) result {
	var d tempo.Detector
	d.Prepare(testRateHz)
	from := 0.0
	if c.ChangeBPM != 0 {
		from = c.ChangeSeconds()
	}
	settled := math.Inf(1) // time the current run within tolerance began
	var res result
	var confSum float64
	var confN int
	for i := 0; i+blockLen <= len(l); i += blockLen {
		d.Process(l[i:i+blockLen], r[i:i+blockLen])
		t := float64(i+blockLen) / testRateHz
		rd := d.Reading()
		truth := c.BPMAt(t)
		if t < from || t > c.EndSeconds() {
			continue
		}
		if math.Abs(rd.BPM-truth) <= tolBPM {
			if math.IsInf(settled, 1) {
				settled = t
			}
		} else {
			settled = math.Inf(1)
		}
		if t > c.Seconds()/2 {
			confSum += rd.Confidence
			confN++
		}
		res.final = rd.BPM
	}
	res.settleBeats = (settled - from) * c.BPMAt(settled) / 60
	res.meanConf = confSum / float64(max(confN, 1))
	truth := c.BPMAt(c.EndSeconds())
	res.octave = math.Abs(res.final/truth-2) < 0.05 || math.Abs(res.final/truth-0.5) < 0.05
	// The largest error once settled: run again is not needed, the
	// settled run has every reading within tolerance by definition.
	res.maxErrAfter = tolBPM
	if math.IsInf(settled, 1) {
		res.maxErrAfter = math.Abs(res.final - truth)
	}
	return res
}

func TestAccuracy(t *testing.T) {
	for _, c := range tempotest.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			l, r := c.Render(testRateHz)
			res := measure(&c, l, r)
			t.Logf("%-18s true %6.1f  final %7.2f  settle %5.1f beats  conf %.2f", c.Name, c.BPMAt(c.Seconds()), res.final, res.settleBeats, res.meanConf)
			if c.Steady || c.ChangeBPM != 0 {
				if res.settleBeats > 8 {
					t.Errorf("settled after %.1f beats, want ≤ 8", res.settleBeats)
				}
				if res.octave {
					t.Errorf("octave error: %.2f BPM", res.final)
				}
			}
		})
	}
}

var _ = fmt.Sprint
