package tempo_test

import (
	"math/rand/v2"
	"testing"
)

// TestLevelAndNoise: the steady set reads the same quiet (−30 dB) and
// under noise 20 dB below the music's peak, within the same 8 beats.
func TestLevelAndNoise(t *testing.T) {
	for _, name := range []string{"4otf-120", "4otf-128", "4otf-174"} {
		cs := caseNamed(t, name)
		for _, v := range []struct {
			what         string
			gain, noiseA float32
		}{{"quiet", 0.03, 0}, {"noisy", 1, 0.1}} {
			l, r := cs.Render(testRateHz)
			rng := rand.New(rand.NewPCG(3, 4))
			for i := range l {
				l[i] = l[i]*v.gain + v.noiseA*float32(rng.NormFloat64())
				r[i] = r[i]*v.gain + v.noiseA*float32(rng.NormFloat64())
			}
			res := measure(&cs, l, r)
			t.Logf("%s %s: settled after %.1f beats, final %.2f, confidence %.2f", name, v.what, res.settleBeats, res.final, res.meanConf)
			if res.settleBeats > maxBeats {
				t.Errorf("%s %s: settled after %.1f beats", name, v.what, res.settleBeats)
			}
		}
	}
}
