package recorder_test

import (
	"errors"
	"io"
	"math"
	"os"
	"syscall"
	"testing"

	"github.com/linuxdj/linuxdj/audiofile"
	"github.com/linuxdj/linuxdj/backend/null"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/recorder"
)

const periodFrames = 256

// The engine calls the recorder through its record tap.
var _ mixer.RecordTap = (*recorder.Recorder)(nil)

// renderEngine renders seconds of the real engine with the demo signal at
// rateHz offline and calls sink with master L/R for every period.
func renderEngine(t testing.TB, rateHz int, frames int, sink func(left, right []float32)) {
	t.Helper()
	eng, err := mixer.New(mixer.DefaultConfig(), rateHz)
	if err != nil {
		t.Fatal(err)
	}
	b := null.New(null.Options{SampleRateHz: rateHz, PeriodFrames: periodFrames, Demo: true})
	if err := b.Render(eng, frames, func(out [][]float32) { sink(out[0], out[1]) }); err != nil {
		t.Fatal(err)
	}
}

// tapped keeps a copy of everything handed to Tap.
type tapped struct{ left, right []float32 }

func (tp *tapped) add(left, right []float32) {
	tp.left = append(tp.left, left...)
	tp.right = append(tp.right, right...)
}

// readBack reads a whole file with audiofile.
func readBack(t testing.TB, path string) (audiofile.Info, [][]float32) {
	t.Helper()
	r, err := audiofile.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	info := r.Info()
	all := make([][]float32, info.Channels)
	buf := make([][]float32, info.Channels)
	for c := range buf {
		buf[c] = make([]float32, 4096)
	}
	for {
		n, err := r.Read(buf)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("reading %s: %v", path, err)
		}
		for c := range all {
			all[c] = append(all[c], buf[c][:n]...)
		}
	}
	return info, all
}

// expect is what format stores for x, as audiofile reads it back.
func expect(format recorder.Format, x float32) float32 {
	if format == recorder.WAVFloat32 {
		return x
	}
	return float32(recorder.QuantizePCM24(x)) / (1 << 23)
}

// compareSamples checks got[c] against the first len(got[c]) tapped
// samples, exactly (to the quantised value for 24-bit formats).
func compareSamples(t testing.TB, format recorder.Format, tp *tapped, got [][]float32) {
	t.Helper()
	if len(got) != 2 {
		t.Fatalf("file has %d channels, want 2", len(got))
	}
	for c, want := range [][]float32{tp.left, tp.right} {
		if len(got[c]) > len(want) {
			t.Fatalf("channel %d: file holds %d frames, only %d were tapped", c, len(got[c]), len(want))
		}
		for i, v := range got[c] {
			e := expect(format, want[i])
			if v != e && !(math.IsNaN(float64(v)) && math.IsNaN(float64(e))) {
				t.Fatalf("channel %d frame %d: file %v, tapped %v (expected %v)", c, i, v, want[i], e)
			}
		}
	}
}

// fileWrapper wraps an *os.File to slow it down or make it fail.
type fileWrapper struct {
	*os.File
	// beforeWrite, if set, runs before each Write with the bytes written so
	// far and may block.
	beforeWrite func(writtenBytes int64)
	// failAfterBytes > 0 makes Write fail with ENOSPC past that many bytes.
	failAfterBytes int64
	writtenBytes   int64
}

func (w *fileWrapper) Write(p []byte) (int, error) {
	if w.beforeWrite != nil {
		w.beforeWrite(w.writtenBytes)
	}
	if w.failAfterBytes > 0 && w.writtenBytes+int64(len(p)) > w.failAfterBytes {
		room := w.failAfterBytes - w.writtenBytes
		n, err := w.File.Write(p[:room])
		w.writtenBytes += int64(n)
		if err != nil {
			return n, err
		}
		return n, &os.PathError{Op: "write", Path: w.Name(), Err: syscall.ENOSPC}
	}
	n, err := w.File.Write(p)
	w.writtenBytes += int64(n)
	return n, err
}

// createWith returns an Options.CreateFile that wraps the file it creates.
func createWith(setup func(w *fileWrapper)) func(path string) (recorder.File, error) {
	return func(path string) (recorder.File, error) {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, err
		}
		w := &fileWrapper{File: f}
		setup(w)
		return w, nil
	}
}
