//go:build cgo

package app

import (
	"slices"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
)

// TestJACKMonitorPorts runs the mixer on a real jackd: the external
// monitor input and the speaker A/B outputs are JACK ports with the names
// the engine declares, and a signal played into the external input comes
// out of speakers B once the window's model selects EXT and SPK B.
func TestJACKMonitorPorts(t *testing.T) {
	s := jackSession(t)
	probe, err := jacktest.OpenClient("probe", []string{"out"}, []string{"in"}, 48000)
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()
	var names []string
	for _, p := range slices.Concat(s.eng.Inputs(), s.eng.Outputs()) {
		names = append(names, p.Name)
	}
	for _, want := range []string{"monitor_ext_in_L", "monitor_ext_in_R", "monA_out_L", "monA_out_R", "monB_out_L", "monB_out_R"} {
		if !slices.Contains(names, want) {
			t.Errorf("the engine declares no port %s: %v", want, names)
		}
		if !jacktest.Eventually(2*time.Second, func() bool { return probe.PortExists("linuxdj:" + want) }) {
			t.Errorf("no JACK port linuxdj:%s", want)
		}
	}

	gui := s.store.model.Controls.Clone()
	gui.Set(mixer.Command{Param: mixer.ParamMonitorSource, Value: mixer.MonitorExternal})
	gui.Set(mixer.Command{Param: mixer.ParamMonitorSpeakerB, Value: 1})
	for _, c := range gui.Commands(nil) {
		s.cmds.TryPush(c)
	}
	if err := probe.Connect(probe.Port("out"), "linuxdj:monitor_ext_in_L"); err != nil {
		t.Fatal(err)
	}
	if err := probe.Connect("linuxdj:monB_out_L", probe.Port("in")); err != nil {
		t.Fatal(err)
	}
	const level = 0.25
	dc := make([]float32, 4800)
	for i := range dc {
		dc[i] = level
	}
	if err := probe.Start([][]float32{dc}, true); err != nil {
		t.Fatal(err)
	}
	if !probe.WaitRecorded(48000, 5*time.Second) {
		t.Fatal("the probe recorded nothing")
	}
	rec := probe.Recorded(0)
	if got := rec[len(rec)-1]; got < level*0.99 || got > level*1.01 {
		t.Errorf("monB_out_L carries %v at the end; want the external input's %v", got, level)
	}
}
