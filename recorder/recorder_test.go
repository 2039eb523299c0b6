package recorder_test

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/mixer/meter"
	"github.com/linuxdj/linuxdj/recorder"
)

var allFormats = []recorder.Format{recorder.WAVFloat32, recorder.WAVPCM24, recorder.FLAC24}

// TestRecordEngine60s records 60 s of the real engine's master output
// (demo signal, offline render) in each format and reads the file back:
// every tapped frame is there, sample-exact (24-bit formats: exact to the
// quantised value), nothing is dropped, and the status adds up.
func TestRecordEngine60s(t *testing.T) {
	const rateHz = 48000
	const frames = 60 * rateHz
	for _, format := range allFormats {
		t.Run(string(format), func(t *testing.T) {
			dir := t.TempDir()
			rec := recorder.New(recorder.Options{Dir: dir})
			path, err := rec.Start("", format, rateHz, 2)
			if err != nil {
				t.Fatal(err)
			}
			tp := &tapped{}
			var peak float32
			begin := time.Now()
			renderEngine(t, rateHz, frames, func(l, r []float32) {
				rec.Tap(l, r)
				tp.add(l, r)
				for _, v := range l {
					peak = max(peak, float32(math.Abs(float64(v))))
				}
			})
			if err := rec.Stop(); err != nil {
				t.Fatal(err)
			}
			took := time.Since(begin)
			if peak < 0.01 {
				t.Fatalf("master peak %v: the engine rendered silence, the test would prove little", peak)
			}
			info, got := readBack(t, path)
			if info.SampleRateHz != rateHz || len(got[0]) != frames {
				t.Fatalf("file: %d Hz, %d frames; want %d Hz, %d frames", info.SampleRateHz, len(got[0]), rateHz, frames)
			}
			compareSamples(t, format, tp, got)

			st := rec.Status()
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if st.State != recorder.Idle || st.Err != nil || st.DroppedFrames != 0 ||
				st.FramesWritten != frames || st.Elapsed != 60*time.Second || st.FileBytes != fi.Size() {
				t.Fatalf("status %+v; file is %d bytes", st, fi.Size())
			}
			// The status meters must agree with the meters run on the tap.
			var l meter.Loudness
			var tpL, tpR meter.TruePeak
			if err := l.Prepare(rateHz, 2); err != nil {
				t.Fatal(err)
			}
			_ = tpL.Prepare(rateHz)
			_ = tpR.Prepare(rateHz)
			l.Process([][]float32{tp.left, tp.right})
			tpL.Process(tp.left)
			tpR.Process(tp.right)
			wantLUFS := l.Read().IntegratedLUFS
			wantDBTP := max(tpL.Read().MaxDBTP, tpR.Read().MaxDBTP)
			if math.Abs(st.IntegratedLUFS-wantLUFS) > 0.01 || math.Abs(st.TruePeakDBTP-wantDBTP) > 1e-9 {
				t.Fatalf("status loudness %.3f LUFS, true peak %.3f dBTP; metering the tap gives %.3f, %.3f",
					st.IntegratedLUFS, st.TruePeakDBTP, wantLUFS, wantDBTP)
			}
			if wantLUFS < -60 || wantLUFS > 0 {
				t.Fatalf("integrated loudness %.2f LUFS is implausible for the demo", wantLUFS)
			}
			t.Logf("%s: %d bytes, %.1f LUFS, %.2f dBTP, render+record %v (%.0fx realtime)",
				filepath.Base(path), fi.Size(), st.IntegratedLUFS, st.TruePeakDBTP, took, 60/took.Seconds())
		})
	}
}

// TestStallOneSecondAudioClock stalls the writer for 1 s of audio (the
// render goes on tapping 1 s, then 3 s at 96 kHz, before the disk write
// returns) in a 60 s engine recording: nothing is dropped or lost.
func TestStallOneSecondAudioClock(t *testing.T) {
	for _, c := range []struct {
		rateHz, stallSeconds, seconds int
	}{{48000, 1, 60}, {96000, 3, 10}} {
		t.Run(fmt.Sprintf("%ds@%dHz", c.stallSeconds, c.rateHz), func(t *testing.T) {
			stalling := make(chan struct{})
			release := make(chan struct{})
			stalled := false
			rec := recorder.New(recorder.Options{
				Dir: t.TempDir(),
				CreateFile: createWith(func(w *fileWrapper) {
					w.beforeWrite = func(written int64) {
						if !stalled && written > 1<<20 {
							stalled = true
							close(stalling)
							<-release
						}
					}
				}),
			})
			path, err := rec.Start("", recorder.WAVFloat32, c.rateHz, 2)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Status().RingCapacityFrames < recorder.MinRingFrames {
				t.Fatalf("ring of %d frames, want at least %d", rec.Status().RingCapacityFrames, recorder.MinRingFrames)
			}
			tp := &tapped{}
			framesInStall := -1
			renderEngine(t, c.rateHz, c.seconds*c.rateHz, func(l, r []float32) {
				rec.Tap(l, r)
				tp.add(l, r)
				if framesInStall < 0 {
					select {
					case <-stalling:
						framesInStall = 0
					default:
						time.Sleep(50 * time.Microsecond) // let the writer keep up until the stall
					}
					return
				}
				framesInStall += len(l)
				if framesInStall >= c.stallSeconds*c.rateHz && framesInStall-len(l) < c.stallSeconds*c.rateHz {
					close(release)
				}
			})
			if framesInStall < c.stallSeconds*c.rateHz {
				t.Fatalf("the stall covered %d frames, want %d", framesInStall, c.stallSeconds*c.rateHz)
			}
			if err := rec.Stop(); err != nil {
				t.Fatal(err)
			}
			if d := rec.Status().DroppedFrames; d != 0 {
				t.Fatalf("%d frames dropped during the stall", d)
			}
			_, got := readBack(t, path)
			if len(got[0]) != len(tp.left) {
				t.Fatalf("file holds %d frames, %d tapped", len(got[0]), len(tp.left))
			}
			compareSamples(t, recorder.WAVFloat32, tp, got)
		})
	}
}

// TestStallOneSecondWallClock taps 3 s of audio at real-time pace while the
// first disk write sleeps a real 1 s: nothing is dropped.
func TestStallOneSecondWallClock(t *testing.T) {
	const rateHz = 48000
	slept := false
	rec := recorder.New(recorder.Options{
		Dir: t.TempDir(),
		CreateFile: createWith(func(w *fileWrapper) {
			w.beforeWrite = func(int64) {
				if !slept {
					slept = true
					time.Sleep(time.Second)
				}
			}
		}),
	})
	path, err := rec.Start("", recorder.WAVPCM24, rateHz, 2)
	if err != nil {
		t.Fatal(err)
	}
	tp := &tapped{}
	begin := time.Now()
	done := 0
	renderEngine(t, rateHz, 3*rateHz, func(l, r []float32) {
		rec.Tap(l, r)
		tp.add(l, r)
		done += len(l)
		ahead := time.Duration(done)*time.Second/rateHz - time.Since(begin)
		if ahead > 0 {
			time.Sleep(ahead)
		}
	})
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
	if !slept {
		t.Fatal("the slow write never happened")
	}
	if d := rec.Status().DroppedFrames; d != 0 {
		t.Fatalf("%d frames dropped", d)
	}
	_, got := readBack(t, path)
	if len(got[0]) != 3*rateHz {
		t.Fatalf("file holds %d frames, want %d", len(got[0]), 3*rateHz)
	}
	compareSamples(t, recorder.WAVPCM24, tp, got)
}

// TestDiskFullInjected fails the disk with ENOSPC after a few hundred KB:
// the recording stops with an error wrapping ENOSPC, Tap goes on without
// allocating, and the file holds a playable prefix of what was tapped.
func TestDiskFullInjected(t *testing.T) {
	const rateHz = 48000
	const failAfterBytes = 300_001
	for _, format := range allFormats {
		t.Run(string(format), func(t *testing.T) {
			rec := recorder.New(recorder.Options{
				Dir:        t.TempDir(),
				CreateFile: createWith(func(w *fileWrapper) { w.failAfterBytes = failAfterBytes }),
			})
			path, err := rec.Start("", format, rateHz, 2)
			if err != nil {
				t.Fatal(err)
			}
			tp := &tapped{}
			renderEngine(t, rateHz, 10*rateHz, func(l, r []float32) {
				rec.Tap(l, r)
				tp.add(l, r)
				time.Sleep(20 * time.Microsecond)
			})
			checkDiskFull(t, rec, path, format, tp)
			if format != recorder.FLAC24 {
				bytesPerFrame := int64(8)
				if format == recorder.WAVPCM24 {
					bytesPerFrame = 6
				}
				_, got := readBack(t, path)
				want := (failAfterBytes - recorder.WAVHeaderBytes) / bytesPerFrame
				if int64(len(got[0])) != want {
					t.Fatalf("file holds %d frames, want the %d whole frames that fitted", len(got[0]), want)
				}
			}
		})
	}
}

// checkDiskFull asserts the aftermath of a full disk.
func checkDiskFull(t *testing.T, rec *recorder.Recorder, path string, format recorder.Format, tp *tapped) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for rec.Status().State != recorder.Failed && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	st := rec.Status()
	if st.State != recorder.Failed || !errors.Is(st.Err, syscall.ENOSPC) {
		t.Fatalf("status %v, %v; want failed with ENOSPC", st.State, st.Err)
	}
	t.Logf("GUI message: %v", st.Err)
	l := make([]float32, periodFrames)
	if a := testing.AllocsPerRun(100, func() { rec.Tap(l, l) }); a != 0 {
		t.Fatalf("Tap after the failure allocates %v times", a)
	}
	if err := rec.Stop(); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Stop = %v, want the ENOSPC failure", err)
	}
	if rec.Status().State != recorder.Failed {
		t.Fatal("Stop cleared the failure before the GUI could show it")
	}
	_, got := readBack(t, path)
	if len(got[0]) == 0 {
		t.Fatal("the file holds no audio")
	}
	compareSamples(t, format, tp, got)
	t.Logf("%s kept %d frames (%.2f s)", format, len(got[0]), float64(len(got[0]))/float64(st.SampleRateHz))
}

// TestDiskFullTmpfs records onto a real 1 MiB tmpfs until it is full. It
// needs to mount (root); it skips when the mount is refused.
func TestDiskFullTmpfs(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a tmpfs (%v); TestDiskFullInjected covers the error path", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
	const rateHz = 48000
	for _, format := range []recorder.Format{recorder.WAVPCM24, recorder.FLAC24} {
		rec := recorder.New(recorder.Options{Dir: dir})
		path, err := rec.Start("", format, rateHz, 2)
		if err != nil {
			t.Fatal(err)
		}
		tp := &tapped{}
		renderEngine(t, rateHz, 10*rateHz, func(l, r []float32) {
			rec.Tap(l, r)
			tp.add(l, r)
			time.Sleep(20 * time.Microsecond)
		})
		checkDiskFull(t, rec, path, format, tp)
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTapNoAllocs: Tap allocates nothing, idle or recording.
func TestTapNoAllocs(t *testing.T) {
	rec := recorder.New(recorder.Options{Dir: t.TempDir()})
	l := make([]float32, 2048)
	r := make([]float32, 2048)
	if a := testing.AllocsPerRun(100, func() { rec.Tap(l, r) }); a != 0 {
		t.Fatalf("idle Tap allocates %v times", a)
	}
	if _, err := rec.Start("", recorder.WAVFloat32, 48000, 2); err != nil {
		t.Fatal(err)
	}
	if a := testing.AllocsPerRun(100, func() { rec.Tap(l, r) }); a != 0 {
		t.Fatalf("Tap allocates %v times while recording", a)
	}
	if err := rec.Stop(); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkTap(b *testing.B) {
	rec := recorder.New(recorder.Options{Dir: b.TempDir()})
	if _, err := rec.Start("", recorder.WAVFloat32, 48000, 2); err != nil {
		b.Fatal(err)
	}
	defer rec.Stop()
	l := make([]float32, periodFrames)
	b.ReportAllocs()
	for b.Loop() {
		rec.Tap(l, l)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*periodFrames), "ns/frame")
}

// TestMono records one channel in each format: only left is kept.
func TestMono(t *testing.T) {
	const rateHz = 44100
	for _, format := range allFormats {
		rec := recorder.New(recorder.Options{})
		path := filepath.Join(t.TempDir(), "mono"+format.Extension())
		if _, err := rec.Start(path, format, rateHz, 1); err != nil {
			t.Fatal(err)
		}
		l, r := make([]float32, 300), make([]float32, 300)
		for k := 0; k < rateHz/300; k++ {
			for i := range l {
				l[i], r[i] = pattern(k*300+i, 0), 0.9
			}
			rec.Tap(l, r)
		}
		if err := rec.Stop(); err != nil {
			t.Fatal(err)
		}
		info, got := readBack(t, path)
		if info.Channels != 1 || len(got[0]) != rateHz/300*300 {
			t.Fatalf("%s: %d channels, %d frames", format, info.Channels, len(got[0]))
		}
		for i, v := range got[0] {
			if want := expect(format, pattern(i, 0)); v != want {
				t.Fatalf("%s frame %d = %v, want %v", format, i, v, want)
			}
		}
	}
}
