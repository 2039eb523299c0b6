//go:build cgo

package app

import (
	"math"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/fx"
)

// TestJACKFXSendReturn runs the beat FX as send/return on a real jackd,
// with a probe client as the outboard effect: the music on channel 1
// comes out of fx_send_L, and what the probe plays into fx_return_L comes
// back on the master at full level (depth 0.5: dry and wet both at 0 dB).
func TestJACKFXSendReturn(t *testing.T) {
	s := jackSession(t)
	probe, err := jacktest.OpenClient("fxbox", []string{"music", "ret"}, []string{"send", "master"}, 48000)
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()
	for _, name := range []string{"fx_send_L", "fx_send_R", "fx_return_L", "fx_return_R"} {
		if !jacktest.Eventually(2*time.Second, func() bool { return probe.PortExists("linuxdj:" + name) }) {
			t.Fatalf("no JACK port linuxdj:%s", name)
		}
	}
	gui := s.store.model.Controls.Clone()
	gui.Set(mixer.Command{Param: mixer.ParamLimiter, Value: 0})
	gui.Set(mixer.Command{Param: mixer.ParamBeatFXType, Value: float32(fx.External)})
	gui.Set(mixer.Command{Param: mixer.ParamBeatFXAssign, Value: mixer.FXMaster})
	gui.Set(mixer.Command{Param: mixer.ParamBeatFXDepth, Value: 0.5})
	gui.Set(mixer.Command{Param: mixer.ParamBeatFXOn, Value: 1})
	for _, c := range gui.Commands(nil) {
		s.cmds.TryPush(c)
	}
	for _, c := range [][2]string{
		{probe.Port("music"), "linuxdj:ch1_in_L"},
		{probe.Port("ret"), "linuxdj:fx_return_L"},
		{"linuxdj:fx_send_L", probe.Port("send")},
		{"linuxdj:master_out_L", probe.Port("master")},
	} {
		if err := probe.Connect(c[0], c[1]); err != nil {
			t.Fatal(err)
		}
	}
	const music, ret = 0.25, 0.1
	const frames = 4800
	musicSig, retSig := make([]float32, frames), make([]float32, frames)
	for i := range musicSig {
		musicSig[i] = float32(music * math.Sin(2*math.Pi*float64(i)/48)) // 1 kHz
		retSig[i] = ret
	}
	if err := probe.Start([][]float32{musicSig, retSig}, true); err != nil {
		t.Fatal(err)
	}
	if !probe.WaitRecorded(48000, 5*time.Second) {
		t.Fatal("the probe recorded nothing")
	}
	send, master := probe.Recorded(0), probe.Recorded(1)
	tail := len(send) - 4800
	var sendPeak, worst float64
	for i := tail; i < len(send); i++ {
		sendPeak = max(sendPeak, math.Abs(float64(send[i])))
		worst = max(worst, math.Abs(float64(master[i]-send[i]-ret)))
	}
	if sendPeak < 0.9*music || sendPeak > 1.1*music {
		t.Errorf("fx_send_L peaks at %.3f, want channel 1's %.2f", sendPeak, music)
	}
	if worst > 1e-4 {
		t.Errorf("master_out_L differs from send + return by up to %.2g, want the return mixed in at 0 dB", worst)
	}
}
