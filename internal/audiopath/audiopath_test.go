package audiopath_test

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/audiofile"
	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
	"github.com/linuxdj/linuxdj/recorder"
)

const rateHz = 48000

// The channels: seven stereo decks and a mono mic, eight strips for the
// eight meter modes.
const decks = 7

// The MIDI controls the test plays, all on MIDI channel 1.
const (
	ccFader      = 7  // absolute, soft takeover: deck 1's fader
	ccCrossfader = 9  // absolute: the crossfader, which only the GUI moves
	ccFilter     = 16 // encoder (two's complement): deck 3's filter
	ccBoothMSB   = 1  // 14-bit pair with ccBoothMSB+32: the booth level
	noteDim      = 62 // toggle: the monitor dim
)

func mappings() []midi.Mapping {
	to := func(p mixer.Param, ch int16) midi.Target { return midi.Target{Param: p, Channel: ch} }
	return []midi.Mapping{
		{Source: midi.SourceCC, MIDIChannel: 1, Number: ccFader, Kind: midi.KindAbsolute, Target: to(mixer.ParamFader, 0), SoftTakeover: true},
		{Source: midi.SourceCC, MIDIChannel: 1, Number: ccCrossfader, Kind: midi.KindAbsolute, Target: to(mixer.ParamCrossfader, 0)},
		{Source: midi.SourceCC, MIDIChannel: 1, Number: ccFilter, Kind: midi.KindRelativeTwos, Target: to(mixer.ParamFilter, 2)},
		{Source: midi.SourceCC14, MIDIChannel: 1, Number: ccBoothMSB, Kind: midi.KindAbsolute, Target: to(mixer.ParamBoothLevel, 0)},
		{Source: midi.SourceNote, MIDIChannel: 1, Number: noteDim, Kind: midi.KindToggle, Target: to(mixer.ParamMonitorDim, 0)},
	}
}

// rig is the audio thread of a JACK session with MIDI, as app wires it: the
// engine behind a midi.Bridge, a recorder as the record tap, and the GUI's
// command ring, meter ring and echo ring drained as the window does.
type rig struct {
	t      *testing.T
	bridge *midi.Bridge
	gui    *rt.Ring[mixer.Command]
	rec    *recorder.Recorder
	path   string
	// startBytes is the recording's size before the first period: the
	// header.
	startBytes int64
	in, out    [][]float32
	monA       int // index of monA_out_L in out
	monB       int

	// The controller: one buffer per message, changed in place, so the
	// test's own side of the period does not allocate either.
	fader, crossfader, filter   []byte
	boothMSB, boothLSB, dimNote []byte
	feedback                    []backend.MIDIEvent

	periods, frames int64
	step            int
	meters          mixer.MeterFrame // the newest frame, as the GUI keeps it
	meterFrames     int
	echoedFaders    int // deck 1 fader commands the bridge echoed
	feedbackBytes   int
	dimLEDs         int // feedback messages for the dim note
	crossfaderLEDs  int // feedback messages for the crossfader CC
}

func newRig(t *testing.T, frames int) *rig {
	t.Helper()
	cfg := mixer.DefaultConfig()
	cfg.Channels = nil
	for i := range decks {
		cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: fmt.Sprintf("Deck %d", i+1), Stereo: true})
	}
	cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: "Mic", Mic: true})
	eng, err := mixer.New(cfg, rateHz)
	if err != nil {
		t.Fatal(err)
	}
	table, err := midi.NewTable(mappings())
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{
		t:          t,
		gui:        eng.NewCommandRing(1024),
		fader:      []byte{0xB0, ccFader, 0},
		crossfader: []byte{0xB0, ccCrossfader, 0},
		filter:     []byte{0xB0, ccFilter, 1},
		boothMSB:   []byte{0xB0, ccBoothMSB, 0},
		boothLSB:   []byte{0xB0, ccBoothMSB + 32, 0},
		dimNote:    []byte{0x90, noteDim, 127},
		feedback:   make([]backend.MIDIEvent, 256),
	}
	r.bridge = midi.NewBridge(eng, midi.NewMapper(table), 1024)

	r.rec = recorder.New(recorder.Options{Dir: t.TempDir()})
	if r.path, err = r.rec.Start("", recorder.WAVFloat32, rateHz, 2); err != nil {
		t.Fatal(err)
	}
	r.startBytes = r.rec.Status().FileBytes
	t.Cleanup(func() {
		if r.rec.Status().State == recorder.Recording {
			_ = r.rec.Stop()
		}
	})
	eng.SetRecordTap(r.rec)

	rng := rand.New(rand.NewPCG(uint64(frames), 7))
	for range eng.Inputs() {
		b := make([]float32, frames)
		for i := range b {
			b[i] = float32(rng.NormFloat64() * 0.2)
		}
		r.in = append(r.in, b)
	}
	r.monA, r.monB = -1, -1
	for i, p := range eng.Outputs() {
		switch p.Name {
		case "monA_out_L":
			r.monA = i
		case "monB_out_L":
			r.monB = i
		}
		r.out = append(r.out, make([]float32, frames))
	}
	if r.monA < 0 || r.monB < 0 {
		t.Fatalf("no monitor outputs in %v", eng.Outputs())
	}
	return r
}

// set sends one command from the GUI.
func (r *rig) set(p mixer.Param, ch int, v float32) {
	r.t.Helper()
	if !r.gui.TryPush(mixer.Command{Param: p, Channel: int16(ch), Value: v}) {
		r.t.Fatal("GUI command ring full")
	}
}

// everythingOn turns on every section: the strips' EQ, filter, cue and
// crossfader assignment, one meter mode per strip, the master loudness
// meters, the limiter, split cue, auto talkover under the mic, talkback
// and the monitor section with both speaker pairs, mono and polarity.
func (r *rig) everythingOn() {
	for ch := range decks + 1 {
		r.set(mixer.ParamTrimDB, ch, 3)
		r.set(mixer.ParamEQLow, ch, 0.6)
		r.set(mixer.ParamEQMid, ch, 0.4)
		r.set(mixer.ParamEQHigh, ch, 0.55)
		r.set(mixer.ParamFilter, ch, -0.3)
		r.set(mixer.ParamFilterResonance, ch, 0.5)
		r.set(mixer.ParamPan, ch, 0.2)
		r.set(mixer.ParamCue, ch, 1)
		r.set(mixer.ParamXfaderAssign, ch, float32(ch%3))
		r.set(mixer.ParamFader, ch, 0.7)
		r.set(mixer.ParamMeterMode, ch, float32(mixer.MeterMode(ch)))
	}
	for _, c := range []struct {
		p mixer.Param
		v float32
	}{
		{mixer.ParamMasterBalance, 0.1}, {mixer.ParamLimiter, 1}, {mixer.ParamSplitCue, 1},
		{mixer.ParamMasterMeters, 1}, {mixer.ParamLoudnessRun, 1},
		{mixer.ParamTalkoverMode, mixer.TalkoverAuto}, {mixer.ParamTalkback, 1},
		{mixer.ParamMonitorSource, mixer.MonitorMaster}, {mixer.ParamMonitorDim, 1},
		{mixer.ParamMonitorMono, 1}, {mixer.ParamMonitorPolarityL, 1},
		{mixer.ParamMonitorSpeakerA, 1}, {mixer.ParamMonitorSpeakerB, 1},
		{mixer.ParamMonitorTrimADB, -3}, {mixer.ParamMonitorTrimBDB, 2}, {mixer.ParamMonitorLevelDB, -6},
	} {
		r.set(c.p, 0, c.v)
	}
}

// period is one JACK period with the MIDI controller and the GUI busy:
// the GUI turns knobs, the controller sends an event for each of its
// mapped controls, the backend calls MIDIIn, Process and MIDIOut, and the
// GUI takes the meter frames and the echoes.
//
// period is real-time safe on the audio thread's side, and allocates
// nothing on the test's side either.
func (r *rig) period() {
	r.step++
	s := r.step
	// The GUI: a knob on every deck, the monitor source, and the
	// crossfader, whose moves the controller hears back as feedback.
	for ch := 1; ch < decks; ch++ {
		r.gui.TryPush(mixer.Command{Param: mixer.ParamEQHigh, Channel: int16(ch), Value: float32(s%10) / 10})
	}
	r.gui.TryPush(mixer.Command{Param: mixer.ParamMonitorSource, Value: float32(s / 8 % 3)})
	r.gui.TryPush(mixer.Command{Param: mixer.ParamCrossfader, Value: float32(s%21-10) / 10})

	// The controller: the fader sweeps up and wraps (it picks the fader
	// up where it crosses it), the encoder turns back and forth, the
	// 14-bit booth level moves, and the dim button is pressed.
	r.fader[2] = byte(s * 5 % 128)
	r.filter[2] = 1
	if s%2 == 0 {
		r.filter[2] = 127
	}
	r.boothMSB[2] = byte(64 + s%32)
	r.boothLSB[2] = byte(s * 3 % 128)
	b := r.bridge
	b.MIDIIn(r.fader)
	b.MIDIIn(r.filter)
	b.MIDIIn(r.boothMSB)
	b.MIDIIn(r.boothLSB)
	b.MIDIIn(r.dimNote)

	b.Process(r.in, r.out)

	n := b.MIDIOut(r.feedback)
	for _, ev := range r.feedback[:n] {
		r.feedbackBytes += int(ev.Size)
		switch msg := ev.Data[:ev.Size]; {
		case msg[0] == 0x90 && msg[1] == noteDim:
			r.dimLEDs++
		case msg[0] == 0xB0 && msg[1] == ccCrossfader:
			r.crossfaderLEDs++
		}
	}
	for b.Meters().TryPopInto(&r.meters) {
		r.meterFrames++
	}
	var c mixer.Command
	for b.Echo().TryPopInto(&c) {
		if c.Param == mixer.ParamFader && c.Channel == 0 {
			r.echoedFaders++
		}
	}
	r.periods++
	r.frames += int64(len(r.out[0]))
}

// TestWholePathDoesNotAllocate runs the audio thread's whole path, every
// part of it doing real work, at every period size a backend may use: the
// MIDI bridge mapping events (soft takeover, a 14-bit pair, an encoder, a
// toggle) and writing feedback, the engine with every section on, the mic
// ducking the music, every strip meter mode and the master loudness
// meters, and the recorder taking the master into a WAV file. Each part is
// then checked to have done its work, so a part that stopped running
// cannot make the test pass.
func TestWholePathDoesNotAllocate(t *testing.T) {
	for _, frames := range []int{16, 64, 256, 1024, 8192} {
		t.Run(fmt.Sprint(frames), func(t *testing.T) {
			r := newRig(t, frames)
			r.period()
			if g := r.bridge.TalkoverGainDB(); g != 0 {
				t.Fatalf("talkover gain %v dB before auto talkover was on", g)
			}
			r.everythingOn()
			// Half a second: the duck's attack (50 ms) is over, and
			// momentary loudness (400 ms) has a reading.
			for range (rateHz/2 + frames - 1) / frames {
				r.period()
			}
			if g := r.bridge.TalkoverGainDB(); math.Abs(float64(g-mixer.DefaultTalkoverDepthDB)) > 0.5 {
				t.Fatalf("talkover gain %v dB with the mic over the threshold; want the depth, %v dB", g, mixer.DefaultTalkoverDepthDB)
			}
			beforeFeedback, beforeEchoes, beforeMeterFrames := r.feedbackBytes, r.echoedFaders, r.meterFrames

			if allocs := testing.AllocsPerRun(50, r.period); allocs != 0 {
				t.Errorf("the audio path allocates %v times per period", allocs)
			}

			r.checkTalkover()
			r.checkMonitors()
			r.checkMeters(beforeMeterFrames)
			r.checkMIDI(beforeFeedback, beforeEchoes)
			r.checkRecording()
		})
	}
}

func (r *rig) checkTalkover() {
	r.t.Helper()
	if g := r.bridge.TalkoverGainDB(); math.Abs(float64(g-mixer.DefaultTalkoverDepthDB)) > 0.5 {
		r.t.Errorf("talkover gain %v dB at the end; want the depth, %v dB, while the mic talks", g, mixer.DefaultTalkoverDepthDB)
	}
}

func (r *rig) checkMonitors() {
	r.t.Helper()
	if peak(r.out[r.monA]) == 0 || peak(r.out[r.monB]) == 0 {
		r.t.Errorf("monitors silent: A peaks at %v, B at %v, both pairs on", peak(r.out[r.monA]), peak(r.out[r.monB]))
	}
}

// checkMeters wants new meter frames, every strip in the mode it was
// given and moving, and the master loudness meters reading.
func (r *rig) checkMeters(beforeFrames int) {
	r.t.Helper()
	if r.meterFrames <= beforeFrames {
		r.t.Fatalf("no meter frame in the measured periods (%d before)", beforeFrames)
	}
	fr := &r.meters
	if fr.Channels != decks+1 {
		r.t.Errorf("meter frame for %d channels, want %d", fr.Channels, decks+1)
	}
	for ch := range decks + 1 {
		m := fr.StripMode[ch]
		if want := mixer.MeterMode(ch); m.Mode != want {
			r.t.Errorf("strip %d meters in %v, want %v", ch+1, m.Mode, want)
		}
		if isSilent(m.LevelL) || isSilent(m.LevelR) || fr.Strip[ch].PeakL <= 0 || fr.Strip[ch].RMSL <= 0 {
			r.t.Errorf("strip %d (%v) does not move: %+v, level %+v", ch+1, m.Mode, m, fr.Strip[ch])
		}
	}
	l := fr.Loudness
	if !l.On || !l.Running {
		r.t.Errorf("master loudness on %v, running %v", l.On, l.Running)
	}
	if isSilent(l.MomentaryLUFS) || isSilent(l.TruePeakDBTPL) || isSilent(l.MaxTruePeakDBTPR) || l.IntegrationSeconds <= 0 {
		r.t.Errorf("master loudness meters do not read: %+v", l)
	}
	if fr.Master.PeakL <= 0 {
		r.t.Errorf("master meter %+v", fr.Master)
	}
}

// checkMIDI wants the controller's moves in the engine and the mapper, and
// feedback for what it does not show itself.
func (r *rig) checkMIDI(beforeFeedback, beforeEchoes int) {
	r.t.Helper()
	if r.feedbackBytes == beforeFeedback || r.dimLEDs == 0 || r.crossfaderLEDs == 0 {
		r.t.Errorf("feedback: %d bytes in the measured periods, %d for the dim note, %d for the crossfader; want all three",
			r.feedbackBytes-beforeFeedback, r.dimLEDs, r.crossfaderLEDs)
	}
	if r.echoedFaders == beforeEchoes {
		r.t.Error("no fader command echoed in the measured periods: soft takeover never picked the fader up")
	}
	m := r.bridge.Mapper()
	if got, want := m.Value(mixer.ParamFader, 0), float32(r.fader[2])/127; got != want {
		r.t.Errorf("mapper's deck 1 fader %v, want %v from the last CC", got, want)
	}
	if got := m.Value(mixer.ParamBoothLevel, 0); got < 0.5 {
		r.t.Errorf("mapper's booth level %v; the 14-bit CC pair sends the upper half", got)
	}
	if d := m.Dropped(); d != 0 {
		r.t.Errorf("the mapper dropped %d commands", d)
	}
}

// checkRecording wants every tapped frame written to the file, or counted
// as dropped, then stops the recording and reads the file back: it holds
// those frames, and unless frames were dropped it ends with the master's
// last period.
func (r *rig) checkRecording() {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	st := r.rec.Status()
	for st.FramesWritten+int64(st.DroppedFrames) < r.frames && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		st = r.rec.Status()
	}
	if st.State != recorder.Recording || st.FramesWritten+int64(st.DroppedFrames) != r.frames {
		r.t.Fatalf("recorder %v (%v): %d frames written, %d dropped; %d tapped in %d periods",
			st.State, st.Err, st.FramesWritten, st.DroppedFrames, r.frames, r.periods)
	}
	if st.FileBytes <= r.startBytes {
		r.t.Errorf("the recording stayed at %d bytes while recording", st.FileBytes)
	}
	if err := r.rec.Stop(); err != nil {
		r.t.Fatal(err)
	}
	f, err := audiofile.Open(r.path)
	if err != nil {
		r.t.Fatal(err)
	}
	defer f.Close()
	info := f.Info()
	if info.Channels != 2 || info.SampleRateHz != rateHz || info.Frames != st.FramesWritten {
		r.t.Fatalf("the recording reads as %+v; want 2 channels at %d Hz, %d frames", info, rateHz, st.FramesWritten)
	}
	if st.DroppedFrames > 0 {
		r.t.Logf("the recorder dropped %d of %d frames: the test runs faster than real time", st.DroppedFrames, r.frames)
		return
	}
	all := [][]float32{make([]float32, 0, info.Frames), make([]float32, 0, info.Frames)}
	buf := [][]float32{make([]float32, 4096), make([]float32, 4096)}
	for {
		n, err := f.Read(buf)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			r.t.Fatal(err)
		}
		all[0], all[1] = append(all[0], buf[0][:n]...), append(all[1], buf[1][:n]...)
	}
	for side, ch := range all {
		last := ch[len(ch)-len(r.out[side]):]
		for i, x := range last {
			if want := r.out[side][i]; x != want {
				r.t.Fatalf("recording side %d frame %d of the last period: %v, the master sent %v", side, i, x, want)
			}
		}
	}
}

func isSilent(x float32) bool { return math.IsInf(float64(x), -1) || math.IsNaN(float64(x)) }

func peak(b []float32) float32 {
	p := float32(0)
	for _, x := range b {
		p = max(p, x, -x)
	}
	return p
}
