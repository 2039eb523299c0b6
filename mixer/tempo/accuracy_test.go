package tempo_test

import (
	"math"
	"testing"

	"github.com/linuxdj/linuxdj/mixer/tempo"
	"github.com/linuxdj/linuxdj/mixer/tempo/tempotest"
)

const (
	testRateHz = 48000
	blockLen   = 256
	tolBPM     = 0.1
	maxBeats   = 8 // the steady set must read within tolBPM after this many beats
)

// result is how a counter did on one case.
type result struct {
	// settleBeats is the number of beats from the start (or the tempo
	// change) after which every reading is within ±0.1 BPM until the last
	// beat; +Inf if that never happens.
	settleBeats float64
	final       float64 // the reading at the last beat
	meanAbsErr  float64 // mean |error| over the second half
	meanConf    float64 // mean confidence over the second half
}

// octave reports whether the final reading is at a metrical level other
// than the tempo: half, double, 2/3 or 3/2 of it.
func (r result) octave(truth float64) bool {
	for _, f := range []float64{0.5, 2, 2.0 / 3, 1.5, 0.75, 4.0 / 3} {
		if math.Abs(r.final/truth-f) < 0.03 {
			return true
		}
	}
	return false
}

// tracker turns a series of timed readings into a result.
type tracker struct {
	c               *tempotest.Case
	from            float64 // readings before this (the change) do not count towards settling
	settled         float64
	res             result
	errSum, confSum float64
	halfN           int
}

func newTracker(c *tempotest.Case) *tracker {
	tr := &tracker{c: c, settled: math.Inf(1)}
	if c.ChangeBPM != 0 {
		tr.from = c.ChangeSeconds()
	}
	return tr
}

func (tr *tracker) add(t, bpm, conf float64) {
	c := tr.c
	if t > c.EndSeconds() {
		return
	}
	truth := c.BPMAt(t)
	if t >= tr.from {
		if math.Abs(bpm-truth) <= tolBPM {
			if math.IsInf(tr.settled, 1) {
				tr.settled = t
			}
		} else {
			tr.settled = math.Inf(1)
		}
	}
	if t > c.EndSeconds()/2 {
		tr.errSum += math.Abs(bpm - truth)
		tr.confSum += conf
		tr.halfN++
	}
	tr.res.final = bpm
}

func (tr *tracker) result() result {
	r := tr.res
	r.settleBeats = (tr.settled - tr.from) * tr.c.BPMAt(tr.settled) / 60
	if math.IsInf(tr.settled, 1) {
		r.settleBeats = math.Inf(1)
	}
	n := float64(max(tr.halfN, 1))
	r.meanAbsErr, r.meanConf = tr.errSum/n, tr.confSum/n
	return r
}

// measure runs a Counter over the case in 256-frame blocks and reads it
// after every block.
func measure(c *tempotest.Case, l, r []float32) result {
	var d tempo.Counter
	d.Prepare(testRateHz)
	tr := newTracker(c)
	for i := 0; i+blockLen <= len(l); i += blockLen {
		d.Process(l[i:i+blockLen], r[i:i+blockLen])
		rd := d.Count()
		tr.add(float64(i+blockLen)/testRateHz, rd.BPM, rd.Confidence)
	}
	return tr.result()
}

// TestAccuracy: on the steady four-on-the-floor set the counter reads
// within ±0.1 BPM after at most 8 beats with no octave error, and follows
// a tempo change within 8 beats. The other cases are measured and must
// end on the right metrical level.
func TestAccuracy(t *testing.T) {
	for _, c := range tempotest.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			l, r := c.Render(testRateHz)
			res := measure(&c, l, r)
			truth := c.BPMAt(c.EndSeconds())
			t.Logf("true %6.1f  final %7.2f  settled after %5.1f beats  mean error %.3f  confidence %.2f",
				truth, res.final, res.settleBeats, res.meanAbsErr, res.meanConf)
			if c.Steady || c.ChangeBPM != 0 {
				if res.settleBeats > maxBeats {
					t.Errorf("settled after %.1f beats, want ≤ %d", res.settleBeats, maxBeats)
				}
			}
			if res.octave(truth) || math.Abs(res.final-truth) > 0.5 {
				t.Errorf("final reading %.2f BPM, true %.1f", res.final, truth)
			}
		})
	}
}

// BenchmarkCounter is one counter's cost per stereo frame, on the
// breakbeat, in 256-frame blocks.
func BenchmarkCounter(b *testing.B) {
	var c tempotest.Case
	for _, cs := range tempotest.Cases() {
		if cs.Name == "breakbeat-132" {
			c = cs
		}
	}
	l, r := c.Render(testRateHz)
	var d tempo.Counter
	d.Prepare(testRateHz)
	b.ReportAllocs()
	pos := 0
	for b.Loop() {
		if pos+blockLen > len(l) {
			pos = 0
		}
		d.Process(l[pos:pos+blockLen], r[pos:pos+blockLen])
		pos += blockLen
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/blockLen, "ns/frame")
}
