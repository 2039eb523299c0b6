package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gioui.org/io/key"

	"github.com/linuxdj/linuxdj/assets"
	"github.com/linuxdj/linuxdj/audiofile"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/recorder"
	"github.com/linuxdj/linuxdj/widgets"
)

// newTestRecordCtl is a recorder into dir on an engine that is not running.
func newTestRecordCtl(t *testing.T, dir string) *recordCtl {
	t.Helper()
	eng, err := mixer.New(configWith(2), 48000)
	if err != nil {
		t.Fatal(err)
	}
	return newRecordCtl(eng, recorder.New(recorder.Options{}), dir, recorder.WAVFloat32, func() int { return 48000 })
}

// sessionFixture is a window on a running session: a real engine on the
// null backend's clock, playing the demo loop, recording into dir.
func sessionFixture(t *testing.T, dir string) (*fixture, *session) {
	t.Helper()
	o := nullOptions(filepath.Join(t.TempDir(), "state.toml"))
	o.recordDir, o.recordFormat = dir, "wav32"
	var stderr bytes.Buffer
	s := mustOpen(t, o, &stderr)
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.stop(); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	th, err := widgets.ParseTheme(assets.ThemeJSON)
	if err != nil {
		t.Fatal(err)
	}
	ui := newSessionUI(th, s)
	ui.SetStudio(s.rec, s.eng.TalkoverGainDB)
	ui.SetInfo(s.backend.Info())
	return &fixture{ui: ui, cmds: s.cmds, now: testEpoch, scale: 1}, s
}

// untilRecord draws frames (in real time: the recorder works in the
// background) until cond holds, for at most 5 s.
func (f *fixture) untilRecord(cond func() bool) bool {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		f.frame(winSize)
		if cond() {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// recording reports whether the window has taken the news that a
// recording started.
func (f *fixture) recording() bool {
	return f.ui.studio.rec.rec.Status().State == recorder.Recording && !f.ui.studio.rec.busy.Load()
}

func (f *fixture) idle() bool {
	return !f.ui.studio.rec.busy.Load() && !f.recording()
}

// meterSeq is the newest meter frame's sequence number: it grows while
// the engine runs.
func meterSeq(t *testing.T, s *session) uint64 {
	t.Helper()
	var fr mixer.MeterFrame
	var seq uint64
	deadline := time.Now().Add(2 * time.Second)
	for seq == 0 && time.Now().Before(deadline) {
		for s.eng.Meters().TryPopInto(&fr) {
			seq = fr.Seq
		}
		time.Sleep(10 * time.Millisecond)
	}
	return seq
}

// TestRecordButtonRecordsTheMaster clicks the record button of a window
// on a running engine, marks a cue with the M key, stops, and reads the
// file back; then does the same in FLAC through the format chooser.
func TestRecordButtonRecordsTheMaster(t *testing.T) {
	dir := t.TempDir()
	f, s := sessionFixture(t, dir)
	f.frame(winSize)
	g := f.studioGeometry()

	for _, c := range []struct {
		segment int
		ext     string
	}{{0, ".wav"}, {2, ".flac"}} {
		f.click(g.segment(c.segment, g.formatRow))
		f.click(g.recordButton())
		if !f.untilRecord(f.recording) {
			t.Fatalf("%s: not recording after the click: %q", c.ext, f.ui.studio.message)
		}
		if !f.ui.studio.record.On {
			t.Errorf("%s: the record button is not lit while recording", c.ext)
		}
		path := f.ui.studio.recPath
		if filepath.Dir(path) != dir || filepath.Ext(path) != c.ext || !strings.HasPrefix(filepath.Base(path), "Linux DJ ") {
			t.Fatalf("recording to %s; want a dated %s file in %s", path, c.ext, dir)
		}
		// One cue with the key, one with the button.
		f.router.Queue(key.Event{Name: "M", State: key.Press})
		f.frame(winSize)
		f.click(g.cueButton())
		grew := func() bool { st := s.rec.rec.Status(); return st.FramesWritten > 48000/2 }
		if !f.untilRecord(grew) {
			t.Fatalf("%s: the file did not grow: %+v", c.ext, s.rec.rec.Status())
		}
		if got := f.ui.studio.recLine[0]; !strings.Contains(got, "cues 2") || !strings.Contains(got, "drops 0") {
			t.Errorf("%s: figures %q; want 2 cues, no drops", c.ext, got)
		}
		f.click(g.recordButton())
		if !f.untilRecord(f.idle) {
			t.Fatalf("%s: still recording after the second click", c.ext)
		}
		if f.ui.studio.msgErr || f.ui.studio.message[0] != "saved "+filepath.Base(path) || f.ui.studio.record.On {
			t.Errorf("%s: after stop: message %q (error %v), button lit %v", c.ext, f.ui.studio.message, f.ui.studio.msgErr, f.ui.studio.record.On)
		}
		st := s.rec.rec.Status()
		r, err := audiofile.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		info := r.Info()
		if info.SampleRateHz != 48000 || info.Channels != 2 || info.Frames != st.FramesWritten {
			t.Errorf("%s: file %+v; want 48000 Hz, 2 channels, %d frames", c.ext, info, st.FramesWritten)
		}
		bufs := [][]float32{make([]float32, 4096), make([]float32, 4096)}
		var frames int64
		var peak float32
		for {
			n, err := r.Read(bufs)
			for _, x := range bufs[0][:n] {
				peak = max(peak, x, -x)
			}
			frames += int64(n)
			if err != nil || n == 0 {
				break
			}
		}
		r.Close()
		if frames != st.FramesWritten || peak == 0 {
			t.Errorf("%s: read %d frames (peak %v); want %d frames of the demo", c.ext, frames, peak, st.FramesWritten)
		}
		cue, err := os.ReadFile(strings.TrimSuffix(path, c.ext) + ".cue")
		if err != nil || !strings.Contains(string(cue), "INDEX 01") || !strings.Contains(string(cue), filepath.Base(path)) {
			t.Errorf("%s: cue sheet %q (%v)", c.ext, cue, err)
		}
	}
}

// TestRecordIntoAnUnusableFolder: the folder cannot be made (a file is in
// the way); the window says why and the mixer goes on.
func TestRecordIntoAnUnusableFolder(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f, s := sessionFixture(t, filepath.Join(blocker, "recordings"))
	f.frame(winSize)
	before := meterSeq(t, s)
	f.click(f.studioGeometry().recordButton())
	if !f.untilRecord(func() bool { return f.ui.studio.msgErr }) {
		t.Fatalf("no error shown: %q", f.ui.studio.message)
	}
	if m := f.ui.studio.message; m[0] != "could not record" || !strings.Contains(m[1], "recordings folder") ||
		!strings.Contains(m[1], "not a directory") || f.ui.studio.record.On {
		t.Errorf("message %q, button lit %v", m, f.ui.studio.record.On)
	}
	if after := meterSeq(t, s); after <= before {
		t.Errorf("the engine stopped: meter frame %d, then %d", before, after)
	}
}

// TestRecordDiskFull records onto a 64 KiB tmpfs: the recording stops
// with the disk-full message, the file keeps what was written and reads
// back, and the mixer goes on.
func TestRecordDiskFull(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	f, s := sessionFixture(t, dir)
	f.frame(winSize)
	f.click(f.studioGeometry().recordButton())
	if !f.untilRecord(func() bool { return f.ui.studio.msgErr }) {
		t.Fatalf("no error shown: %q, %+v", f.ui.studio.message, s.rec.rec.Status())
	}
	st := s.rec.rec.Status()
	if m := f.ui.studio.message; m[0] != "disk full — recording stopped" || m[1] != "file kept: "+filepath.Base(st.Path) {
		t.Errorf("message %q", m)
	}
	if f.ui.studio.record.On {
		t.Error("the record button is still lit")
	}
	r, err := audiofile.Open(st.Path)
	if err != nil {
		t.Fatalf("the kept file does not open: %v", err)
	}
	// The recorder's own tests compare the kept audio sample by sample;
	// here the file must hold audio up to the error and read to its end.
	info := r.Info()
	bufs := [][]float32{make([]float32, 4096), make([]float32, 4096)}
	var frames int64
	for {
		n, err := r.Read(bufs)
		frames += int64(n)
		if err != nil || n == 0 {
			break
		}
	}
	r.Close()
	if info.Frames <= 0 || frames != info.Frames || info.Frames > st.FramesWritten {
		t.Errorf("kept file %+v, %d frames read; want up to the %d frames written", info, frames, st.FramesWritten)
	}
	before := meterSeq(t, s)
	if after := meterSeq(t, s); after <= before {
		t.Errorf("the engine stopped: meter frame %d, then %d", before, after)
	}
}

// TestQuitWhileRecordingFinalisesTheFile: stopping the session (the
// window closed) ends the recording cleanly.
func TestQuitWhileRecordingFinalisesTheFile(t *testing.T) {
	dir := t.TempDir()
	o := nullOptions(filepath.Join(t.TempDir(), "state.toml"))
	o.recordDir, o.recordFormat = dir, "wav24"
	var stderr bytes.Buffer
	s := mustOpen(t, o, &stderr)
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	if !s.rec.toggle() {
		t.Fatal("toggle refused")
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.rec.rec.Status().FramesWritten < 4800 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	st := s.rec.rec.Status()
	r, err := audiofile.Open(st.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if info := r.Info(); st.State != recorder.Idle || info.Frames != st.FramesWritten || info.Frames < 4800 {
		t.Errorf("after quitting: %v, file %+v, %d frames written", st.State, info, st.FramesWritten)
	}
}

func TestRecordFlags(t *testing.T) {
	var stderr bytes.Buffer
	if _, code, exit := parseFlags([]string{"--record-format", "mp3"}, &stderr); !exit || code != 2 || !strings.Contains(stderr.String(), "wav32, wav24, flac") {
		t.Errorf("--record-format mp3: exit %v code %d, %q", exit, code, stderr.String())
	}
	o, _, exit := parseFlags([]string{"--record-dir", "/srv/sets", "--record-format", "flac"}, &stderr)
	if f, ok := recordFormatByName(o.recordFormat); exit || o.recordDir != "/srv/sets" || !ok || f != recorder.FLAC24 {
		t.Errorf("flags gave %q %q", o.recordDir, o.recordFormat)
	}
	if o, _, _ := parseFlags(nil, &stderr); o.recordFormat != "wav32" || o.recordDir != "" {
		t.Errorf("defaults %q %q", o.recordDir, o.recordFormat)
	}
}
