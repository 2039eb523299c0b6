package mixer_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
)

// recorder keeps the commands it observes in a fixed array.
type recorder struct {
	seen [8]mixer.Command
	n    int
}

// Observe is real-time safe: it writes into a fixed array.
func (r *recorder) Observe(c mixer.Command) {
	if r.n < len(r.seen) {
		r.seen[r.n] = c
	}
	r.n++
}

// TestObserverSeesEveryDrainedCommand: commands from every ring reach the
// observer in ring order, once each, and observing does not allocate.
func TestObserverSeesEveryDrainedCommand(t *testing.T) {
	r := newRig(t, stereoConfig(2), 64)
	other := r.e.NewCommandRing(16)
	obs := &recorder{}
	r.e.SetObserver(obs)
	want := []mixer.Command{
		{Param: mixer.ParamFader, Channel: 1, Value: 0.25},
		{Param: mixer.ParamCrossfader, Value: -0.5},
		{Param: mixer.ParamMute, Channel: 0, Value: 1},
	}
	r.ctl.TryPush(want[0])
	r.ctl.TryPush(want[1])
	other.TryPush(want[2])
	r.run()
	if obs.n != len(want) {
		t.Fatalf("observer saw %d commands; want %d", obs.n, len(want))
	}
	for i, c := range want {
		if obs.seen[i] != c {
			t.Errorf("command %d observed as %+v; want %+v", i, obs.seen[i], c)
		}
	}
	r.run()
	if obs.n != len(want) {
		t.Errorf("a period with no commands made the observer see %d more", obs.n-len(want))
	}
	allocs := testing.AllocsPerRun(50, func() {
		r.ctl.TryPush(want[0])
		other.TryPush(want[2])
		r.run()
	})
	if allocs != 0 {
		t.Errorf("Process with an observer allocates %v times per period", allocs)
	}
}
