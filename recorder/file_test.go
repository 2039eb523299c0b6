package recorder_test

import (
	"encoding/binary"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/recorder"
)

// pattern is a deterministic stereo signal both the crash child and its
// parent can compute.
func pattern(frame, channel int) float32 {
	return float32(math.Sin(float64(frame)*0.013*float64(channel+1))) * 0.5
}

// readWAVHeader returns the file's form ("RIFF"/"RF64") and the data size
// its header announces.
func readWAVHeader(t testing.TB, path string) (form string, dataBytes int64) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < recorder.WAVHeaderBytes {
		return "", -1
	}
	form = string(b[0:4])
	dataBytes = int64(binary.LittleEndian.Uint32(b[recorder.WAVDataSizeOffset:]))
	if form == "RF64" {
		dataBytes = int64(binary.LittleEndian.Uint64(b[28:36]))
	}
	return form, dataBytes
}

// TestCrashChild is the recording process TestCrashLeavesPlayableFile
// kills; it does nothing unless that test starts it.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("LINUXDJ_RECORDER_CRASH_FILE")
	if path == "" {
		t.Skip("runs only as TestCrashLeavesPlayableFile's child")
	}
	format := recorder.Format(os.Getenv("LINUXDJ_RECORDER_CRASH_FORMAT"))
	const rateHz = 48000
	rec := recorder.New(recorder.Options{HeaderInterval: 1500 * time.Millisecond})
	if _, err := rec.Start(path, format, rateHz, 2); err != nil {
		t.Fatal(err)
	}
	l := make([]float32, periodFrames)
	r := make([]float32, periodFrames)
	begin := time.Now()
	for frame := 0; time.Since(begin) < 30*time.Second; frame += periodFrames {
		for i := range l {
			l[i], r[i] = pattern(frame+i, 0), pattern(frame+i, 1)
		}
		rec.Tap(l, r)
		if ahead := time.Duration(frame+periodFrames)*time.Second/rateHz - time.Since(begin); ahead > 0 {
			time.Sleep(ahead)
		}
	}
	t.Fatal("the parent never killed this child")
}

// TestCrashLeavesPlayableFile SIGKILLs a recording process (this test
// binary re-run as TestCrashChild) between two header updates, once the
// file holds more than a second of audio. The WAV file opens in sox and
// holds exactly the audio of its last header update (at least what the
// header announced before the kill), sample-exact; the FLAC file opens in
// sox and decodes to its last whole frame, exact to the quantised value.
func TestCrashLeavesPlayableFile(t *testing.T) {
	testenv.Need(t, testenv.Sox)
	for _, format := range []recorder.Format{recorder.WAVFloat32, recorder.FLAC24} {
		t.Run(string(format), func(t *testing.T) { crashAndCheck(t, format) })
	}
}

func crashAndCheck(t *testing.T, format recorder.Format) {
	const rateHz = 48000
	path := filepath.Join(t.TempDir(), "crash"+format.Extension())
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), "LINUXDJ_RECORDER_CRASH_FILE="+path, "LINUXDJ_RECORDER_CRASH_FORMAT="+string(format))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// WAV: wait for the header to announce a second of audio. FLAC: wait
	// for a second's worth of frames, known by the file's size.
	var seenBytes int64
	const wantBytes = rateHz * 8
	deadline := time.Now().Add(20 * time.Second)
	for seenBytes < wantBytes && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		fi, err := os.Stat(path)
		switch {
		case err != nil:
		case format == recorder.FLAC24:
			seenBytes = fi.Size() * 2 // a sine compresses better than 2:1
		default:
			_, seenBytes = readWAVHeader(t, path)
		}
	}
	time.Sleep(700 * time.Millisecond) // kill between two header updates
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if seenBytes < wantBytes {
		t.Fatalf("the child never wrote a second of audio (%d bytes)", seenBytes)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	frames := -1
	if format != recorder.FLAC24 {
		form, dataBytes := readWAVHeader(t, path)
		if form != "RIFF" || dataBytes < seenBytes || dataBytes%8 != 0 || recorder.WAVHeaderBytes+dataBytes > fi.Size() {
			t.Fatalf("after the kill: %s header announces %d data bytes (saw %d before the kill), file is %d bytes",
				form, dataBytes, seenBytes, fi.Size())
		}
		frames = int(dataBytes / 8)
		t.Logf("killed with %d frames (%.2f s) in the header, %d bytes on disk past it", frames,
			float64(frames)/rateHz, fi.Size()-recorder.WAVHeaderBytes-dataBytes)
	}
	_, got := readBack(t, path)
	if frames < 0 {
		frames = len(got[0])
		if frames < rateHz || frames%4096 != 0 {
			t.Fatalf("the cut FLAC file decodes to %d frames, want whole 4096-frame blocks, at least 1 s", frames)
		}
		t.Logf("killed with %d frames (%.2f s) in whole FLAC frames", frames, float64(frames)/rateHz)
	}
	if len(got[0]) != frames {
		t.Fatalf("audiofile reads %d frames, the header announces %d", len(got[0]), frames)
	}
	for c := range got {
		for i, v := range got[c] {
			if want := expect(format, pattern(i, c)); v != want {
				t.Fatalf("channel %d frame %d = %v, want %v", c, i, v, want)
			}
		}
	}
	out, err := exec.Command("sox", path, "-n", "stat").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Samples read") {
		t.Fatalf("sox stat: %v\n%s", err, out)
	}
	if n := soxStatSamples(t, string(out)); n != 2*frames {
		t.Fatalf("sox read %d samples, want %d", n, 2*frames)
	}
}

// soxStatSamples finds "Samples read: N" in the output of sox's stat.
func soxStatSamples(t testing.TB, out string) int {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "Samples read:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				t.Fatalf("sox stat: %q", line)
			}
			return n
		}
	}
	t.Fatalf("sox stat printed no sample count:\n%s", out)
	return 0
}

// soxi returns the sample count (per channel) soxi reports for path.
func soxi(t testing.TB, path string) int {
	t.Helper()
	testenv.Need(t, testenv.Sox)
	out, err := exec.Command("soxi", "-s", path).CombinedOutput()
	if err != nil {
		t.Fatalf("soxi: %v\n%s", err, out)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("soxi -s: %q", out)
	}
	return n
}

// TestRF64Switch lowers the RF64 threshold to 200 kB and records 2 s of
// float stereo (384 kB): the header becomes RF64 with a ds64 chunk in the
// place of the JUNK chunk, and the file reads back sample-exact.
func TestRF64Switch(t *testing.T) {
	const rateHz = 48000
	const frames = 2 * rateHz
	rec := recorder.New(recorder.Options{RF64ThresholdBytes: 200_000, HeaderInterval: 20 * time.Millisecond})
	path := filepath.Join(t.TempDir(), "big.wav")
	if _, err := rec.Start(path, recorder.WAVFloat32, rateHz, 2); err != nil {
		t.Fatal(err)
	}
	tp := &tapped{}
	l := make([]float32, periodFrames)
	r := make([]float32, periodFrames)
	sawRIFF := false
	for frame := 0; frame < frames; frame += periodFrames {
		for i := range l {
			l[i], r[i] = pattern(frame+i, 0), pattern(frame+i, 1)
		}
		rec.Tap(l, r)
		tp.add(l, r)
		if frame%(rateHz/10) < periodFrames {
			time.Sleep(30 * time.Millisecond) // let header updates happen on the way
			if form, n := readWAVHeader(t, path); form == "RIFF" && n > 0 {
				sawRIFF = true
			}
		}
	}
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	if !sawRIFF {
		t.Fatal("the header was never a RIFF header with data before the switch")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if string(b[0:4]) != "RF64" || le.Uint32(b[4:8]) != math.MaxUint32 || string(b[12:16]) != "ds64" ||
		string(b[recorder.WAVDataSizeOffset-4:recorder.WAVDataSizeOffset]) != "data" ||
		le.Uint32(b[recorder.WAVDataSizeOffset:]) != math.MaxUint32 {
		t.Fatalf("header is not RF64: % x", b[:recorder.WAVHeaderBytes])
	}
	riff, data, samples := le.Uint64(b[20:28]), le.Uint64(b[28:36]), le.Uint64(b[36:44])
	if riff != uint64(len(b)-8) || data != frames*8 || samples != frames {
		t.Fatalf("ds64: RIFF %d, data %d, samples %d; want %d, %d, %d", riff, data, samples, len(b)-8, frames*8, frames)
	}
	_, got := readBack(t, path)
	if len(got[0]) != frames {
		t.Fatalf("read %d frames, want %d", len(got[0]), frames)
	}
	compareSamples(t, recorder.WAVFloat32, tp, got)
	if n := soxi(t, path); n != frames {
		t.Fatalf("soxi reads %d frames of the RF64 file, want %d", n, frames)
	}
}

// TestCueSheet marks three positions and checks the sheet beside the file,
// both at a header update while recording and after Stop.
func TestCueSheet(t *testing.T) {
	const rateHz = 44100
	dir := t.TempDir()
	when := time.Date(2026, 11, 24, 21, 30, 5, 0, time.Local)
	rec := recorder.New(recorder.Options{Dir: dir, HeaderInterval: 20 * time.Millisecond, Now: func() time.Time { return when }})
	if _, err := rec.AddCue(); err == nil {
		t.Fatal("AddCue while idle succeeded")
	}
	path, err := rec.Start("", recorder.FLAC24, rateHz, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "Linux DJ 2026-11-24 21-30-05.flac"); path != want {
		t.Fatalf("file %q, want %q", path, want)
	}
	period := make([]float32, 441)
	tappedFrames := int64(0)
	tapFrames := func(frames int) {
		for ; frames > 0; frames -= len(period) {
			rec.Tap(period, period)
			tappedFrames += int64(len(period))
			if tappedFrames%(10*rateHz) == 0 { // let the writer catch up before the ring fills
				for rec.Status().FramesWritten < tappedFrames {
					time.Sleep(5 * time.Millisecond)
				}
			}
		}
	}
	tapFrames(rateHz * 65) // 1:05
	if pos, err := rec.AddCue(); err != nil || pos != rateHz*65 {
		t.Fatalf("AddCue = %d, %v; want %d", pos, err, rateHz*65)
	}
	cuePath := strings.TrimSuffix(path, ".flac") + ".cue"
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(cuePath); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	early, err := os.ReadFile(cuePath)
	if err != nil {
		t.Fatalf("no cue sheet after a header update: %v", err)
	}
	if !strings.Contains(string(early), "INDEX 01 01:05:00") {
		t.Fatalf("cue sheet while recording:\n%s", early)
	}
	tapFrames(441 * 2) // + 2/100 s = 1.5 CD frames: 01:05:01
	_, _ = rec.AddCue()
	tapFrames(rateHz * 60 * 2)
	_, _ = rec.AddCue()
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	if st := rec.Status(); st.Cues != 3 || st.CuePath != cuePath || st.DroppedFrames != 0 {
		t.Fatalf("status: %d cues at %q, %d frames dropped", st.Cues, st.CuePath, st.DroppedFrames)
	}
	got, err := os.ReadFile(cuePath)
	if err != nil {
		t.Fatal(err)
	}
	want := `FILE "Linux DJ 2026-11-24 21-30-05.flac" WAVE
  TRACK 01 AUDIO
    INDEX 01 00:00:00
  TRACK 02 AUDIO
    INDEX 01 01:05:00
  TRACK 03 AUDIO
    INDEX 01 01:05:01
  TRACK 04 AUDIO
    INDEX 01 03:05:01
`
	if string(got) != want {
		t.Fatalf("cue sheet:\n%s\nwant:\n%s", got, want)
	}
	// A second recording in the same second gets its own name.
	path2, err := rec.Start("", recorder.WAVFloat32, rateHz, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "Linux DJ 2026-11-24 21-30-05.wav"); path2 != want {
		t.Fatalf("second file %q, want %q", path2, want)
	}
}

func TestCueTime(t *testing.T) {
	for _, c := range []struct {
		frames int64
		rateHz int
		want   string
	}{
		{0, 48000, "00:00:00"},
		{639, 48000, "00:00:00"}, // 1 CD frame is 640 samples at 48 kHz
		{640, 48000, "00:00:01"},
		{48000*61 + 640*74, 48000, "01:01:74"},
		{44100 * 3600 * 2, 44100, "120:00:00"},
	} {
		if got := recorder.CueTime(c.frames, c.rateHz); got != c.want {
			t.Errorf("CueTime(%d, %d) = %s, want %s", c.frames, c.rateHz, got, c.want)
		}
	}
}

func TestQuantizePCM24(t *testing.T) {
	for _, c := range []struct {
		in   float32
		want int32
	}{
		{0, 0}, {1, 1<<23 - 1}, {-1, -1 << 23}, {2, 1<<23 - 1}, {-2, -1 << 23},
		{0.5, 1 << 22}, {float32(1.5) / (1 << 23), 2}, {float32(math.NaN()), 0},
	} {
		if got := recorder.QuantizePCM24(c.in); got != c.want {
			t.Errorf("QuantizePCM24(%v) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestStartErrorsAndDefaultDir(t *testing.T) {
	if d := recorder.DefaultDir(); filepath.Base(d) != "Linux DJ" {
		t.Fatalf("DefaultDir = %q", d)
	}
	rec := recorder.New(recorder.Options{Dir: t.TempDir()})
	for _, c := range []struct {
		format   recorder.Format
		rateHz   int
		channels int
	}{{"mp3", 48000, 2}, {recorder.WAVFloat32, 1000, 2}, {recorder.WAVFloat32, 48000, 3}} {
		if _, err := rec.Start("", c.format, c.rateHz, c.channels); err == nil {
			t.Errorf("Start(%q, %d Hz, %d ch) succeeded", c.format, c.rateHz, c.channels)
		}
	}
	if _, err := rec.Start("", recorder.WAVFloat32, 48000, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := rec.Start("", recorder.WAVFloat32, 48000, 1); err == nil {
		t.Fatal("a second Start while recording succeeded")
	}
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path, err := rec.Start(dir, recorder.FLAC24, 48000, 2)
	if err != nil || filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "Linux DJ ") || filepath.Ext(path) != ".flac" {
		t.Fatalf("Start(folder) = %q, %v; want a dated .flac file in %s", path, err, dir)
	}
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	_, err = rec.Start(filepath.Join(t.TempDir(), "missing", "x.wav"), recorder.WAVFloat32, 48000, 2)
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("Start into a missing folder: %v, want an error wrapping ErrNotExist", err)
	}
}
