package mixer_test

import (
	"math"
	"sync"
	"testing"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
)

func TestPorts(t *testing.T) {
	e, err := mixer.New(mixer.DefaultConfig(), testRateHz)
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, p := range e.Inputs() {
		in = append(in, p.Name+"="+p.PrettyName)
	}
	wantIn := []string{
		"ch1_in_L=Deck 1 L", "ch1_in_R=Deck 1 R", "ch2_in_L=Deck 2 L", "ch2_in_R=Deck 2 R",
		"ch3_in_L=Deck 3 L", "ch3_in_R=Deck 3 R", "ch4_in_L=Deck 4 L", "ch4_in_R=Deck 4 R", "ch5_in=Mic",
		"monitor_ext_in_L=Monitor External L", "monitor_ext_in_R=Monitor External R",
		"fx_return_L=FX Return L", "fx_return_R=FX Return R",
	}
	if len(in) != len(wantIn) {
		t.Fatalf("inputs %v, want %v", in, wantIn)
	}
	for i := range in {
		if in[i] != wantIn[i] {
			t.Errorf("input %d: %s, want %s", i, in[i], wantIn[i])
		}
	}
	wantOut := []string{"master_out_L", "master_out_R", "booth_out_L", "booth_out_R", "phones_out_L", "phones_out_R",
		"monA_out_L", "monA_out_R", "monB_out_L", "monB_out_R", "fx_send_L", "fx_send_R"}
	out := e.Outputs()
	if len(out) != len(wantOut) {
		t.Fatalf("outputs %v, want %v", out, wantOut)
	}
	for i, p := range out {
		if p.Name != wantOut[i] || p.PrettyName == "" {
			t.Errorf("output %d: %+v, want %s", i, p, wantOut[i])
		}
	}
	if _, err := mixer.New(mixer.Config{}, testRateHz); err == nil {
		t.Error("New with no channels succeeded")
	}
	if _, err := mixer.New(mixer.DefaultConfig(), 0); err == nil {
		t.Error("New at 0 Hz succeeded")
	}
	var _ backend.Processor = e
}

// TestMeterPeaksAreNeverLost lets the meter ring fill up, plays one spike
// while no frame can be delivered, and expects the spike in the first frame
// delivered after the GUI catches up.
func TestMeterPeaksAreNeverLost(t *testing.T) {
	r := newRig(t, mixer.DefaultConfig(), 256)
	meters := r.e.Meters()
	for range 100 { // 0.5 s of silence: the ring is full by now
		r.run()
	}
	if r.e.Status().MeterFramesDropped == 0 {
		t.Fatal("the meter ring never filled")
	}
	r.in[0][100] = 0.9
	r.in[0][101] = -1.2 // clips
	r.run()
	r.in[0][100], r.in[0][101] = 0, 0
	for range 10 {
		r.run()
	}
	var f mixer.MeterFrame
	var lastSeq uint64
	for meters.TryPopInto(&f) {
		if f.Strip[0].PeakL != 0 {
			t.Fatalf("a frame from before the spike reads %v", f.Strip[0].PeakL)
		}
		lastSeq = f.Seq
	}
	r.run()
	r.run()
	if !meters.TryPopInto(&f) {
		t.Fatal("no frame after the GUI caught up")
	}
	if f.Seq <= lastSeq {
		t.Errorf("Seq %d after %d", f.Seq, lastSeq)
	}
	if f.Strip[0].PeakL != 1.2 || !f.Strip[0].ClipL {
		t.Errorf("channel 1 reads peak %v clip %v, want the 1.2 spike and clip", f.Strip[0].PeakL, f.Strip[0].ClipL)
	}
	if f.Strip[0].PeakR != 0 || f.Strip[1].PeakL != 0 {
		t.Errorf("spike leaked into other meters: %+v %+v", f.Strip[0], f.Strip[1])
	}
	if f.Master.PeakL == 0 || f.Master.PeakL > float32(math.Pow(10, -1.0/20)) {
		t.Errorf("master peak %v, want the limited spike", f.Master.PeakL)
	}
	if f.Channels != 5 || f.Status.SampleRateHz != testRateHz || f.Status.MeterFramesDropped == 0 || f.Status.PeriodFrames != 256 {
		t.Errorf("frame header %d channels, status %+v", f.Channels, f.Status)
	}
	// The frame after that starts a new interval.
	r.run()
	r.run()
	if meters.TryPopInto(&f) && f.Strip[0].PeakL != 0 {
		t.Errorf("the next frame still reads %v", f.Strip[0].PeakL)
	}
}

// TestRMSMeter: a full-scale sine reads 0.707 RMS and 1.0 peak.
func TestRMSMeter(t *testing.T) {
	r := newSineRig(t, 1000, 1000)
	var f mixer.MeterFrame
	for range int(testRateHz / 64) {
		r.period()
		for r.e.Meters().TryPopInto(&f) { // the GUI keeps the newest
		}
	}
	want := 0.5 / math.Sqrt2
	if math.Abs(float64(f.Strip[0].RMSL)-want) > 0.01 || math.Abs(float64(f.Strip[0].PeakL)-0.5) > 0.01 {
		t.Errorf("sine of amplitude 0.5 reads RMS %v peak %v, want %v, 0.5", f.Strip[0].RMSL, f.Strip[0].PeakL, want)
	}
}

// TestCommandRingsJoinWhileRunning adds producers while the audio thread
// runs; every producer's commands arrive, and drops are counted.
func TestCommandRingsJoinWhileRunning(t *testing.T) {
	e, err := mixer.New(stereoConfig(4), testRateHz)
	if err != nil {
		t.Fatal(err)
	}
	in := make([][]float32, len(e.Inputs()))
	out := make([][]float32, len(e.Outputs()))
	for i := range in {
		in[i] = make([]float32, 64)
		for j := range in[i] {
			in[i][j] = 0.1
		}
	}
	for i := range out {
		out[i] = make([]float32, 64)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // the audio thread
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
				e.Process(in, out)
			}
		}
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the backend renegotiating its rate meanwhile
		defer wg.Done()
		for i := range 20 {
			if err := e.Prepare([]int{44100, 48000}[i%2]); err != nil {
				t.Error(err)
			}
		}
	}()
	for ch := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ring := e.NewCommandRing(2)
			for i := 0; i < 1000; i++ {
				ring.TryPush(mixer.Command{Param: mixer.ParamFader, Channel: int16(ch), Value: 0.5})
			}
			for !ring.TryPush(mixer.Command{Param: mixer.ParamMute, Channel: int16(ch), Value: 1}) {
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-done
	// The audio thread is stopped; this goroutine takes its place.
	for range 10 {
		e.Process(nil, nil) // missing ports: silent, but commands still apply
	}
	for range 10 {
		e.Process(in, out)
	}
	if p := peak(out[0]); p != 0 {
		t.Errorf("all channels muted, master peaks at %v", p)
	}
	st := e.Status()
	if st.CommandsDropped == 0 {
		t.Error("rings of 2 took 1000 commands and dropped none")
	}
	if st.SampleRateHz != 48000 {
		t.Errorf("rate %d after the last Prepare(48000)", st.SampleRateHz)
	}
	if st.LastPeriodNs <= 0 || st.WorstPeriodNs < st.LastPeriodNs || st.PeriodFrames != 64 {
		t.Errorf("period timing not reported: %+v", st)
	}
}
