//go:build cgo

package jack_test

import (
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

// TestInsertLatencyReachesPorts: x42's nodelay in deck 1's insert slot,
// delaying by 300 frames and reporting it on its latency port, adds
// exactly 300 frames to the latency the server reports for the master
// output port; removing it takes them off again.
func TestInsertLatencyReachesPorts(t *testing.T) {
	testenv.Need(t, testenv.LV2)
	const uri = "http://gareus.org/oss/lv2/nodelay"
	w, err := lv2.NewWorld()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, ok := w.Plugin(uri); !ok {
		testenv.MissingPlugin(t, uri, "x42-plugins")
	}
	r := newRig(t, rigOptions{})
	r.set(t, mixer.ParamLimiter, 0, 0)
	portLatency := func() int {
		lo, hi, err := r.sink.Latency("linuxdj:master_out_L", false)
		if err != nil || lo != hi {
			return -1
		}
		return hi
	}
	if !jacktest.Eventually(3*time.Second, func() bool { return portLatency() == 0 }) {
		t.Fatalf("no insert, limiter off: port latency %d, want 0", portLatency())
	}
	ins, err := lv2.NewInsert(w, uri, 48000, 256, true)
	if err != nil {
		t.Fatal(err)
	}
	ins.Set("delay", 300)
	ins.Set("report_latency", 1)
	if _, err := r.eng.SetInsert(0, 0, ins); err != nil {
		t.Fatal(err)
	}
	if !jacktest.Eventually(3*time.Second, func() bool { return portLatency() == 300 }) {
		t.Errorf("with the plugin: port latency %d, engine %d; want 300", portLatency(), r.eng.LatencyFrames())
	}
	r.eng.SetInsert(0, 0, nil)
	if !jacktest.Eventually(3*time.Second, func() bool { return portLatency() == 0 }) {
		t.Errorf("plugin removed: port latency %d, want 0", portLatency())
	}
	var back mixer.Insert
	if !jacktest.Eventually(3*time.Second, func() bool {
		var ok bool
		back, ok = r.eng.Retired()
		return ok
	}) {
		t.Fatal("the engine did not hand the plugin back")
	}
	back.(*lv2.Insert).Close()
}
