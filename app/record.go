package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/recorder"
)

// recordChannels is what the record tap carries: the master's two sides.
const recordChannels = 2

// recordFormats are the --record-format names, in the order of the
// window's format chooser.
var (
	recordFormatNames = []string{"wav32", "wav24", "flac"}
	recordFormats     = []recorder.Format{recorder.WAVFloat32, recorder.WAVPCM24, recorder.FLAC24}
)

// recordFormatByName is the recorder format of a --record-format name.
func recordFormatByName(name string) (recorder.Format, bool) {
	for i, n := range recordFormatNames {
		if n == name {
			return recordFormats[i], true
		}
	}
	return "", false
}

// recordCtl runs the recorder for the window. The recorder is the engine's
// record tap for the whole session (its Tap returns at once while idle),
// so starting and stopping never touch the audio thread. Start and Stop
// create, fsync and close files, so they run on a goroutine of their own;
// the window polls their outcome each frame and never waits for the disk.
type recordCtl struct {
	rec    *recorder.Recorder
	dir    string          // where new recordings go
	rateHz func() int      // the backend's actual sample rate
	Format recorder.Format // of the next recording; the window's chooser sets it

	busy    atomic.Bool       // a Start or Stop is in flight
	results chan recordResult // its outcome; one at a time, so it never blocks
}

// recordResult is the outcome of one Start or Stop.
type recordResult struct {
	started bool // a Start, not a Stop
	path    string
	err     error
}

// newRecordCtl makes rec the engine's record tap and returns its
// controller; dir "" is recorder.DefaultDir.
func newRecordCtl(eng *mixer.Engine, rec *recorder.Recorder, dir string, format recorder.Format, rateHz func() int) *recordCtl {
	if dir == "" {
		dir = recorder.DefaultDir()
	}
	eng.SetRecordTap(rec)
	return &recordCtl{rec: rec, dir: dir, rateHz: rateHz, Format: format, results: make(chan recordResult, 1)}
}

// toggle starts a recording, or stops the one running, in the background;
// it reports false, doing nothing, while the previous one is in flight.
func (c *recordCtl) toggle() bool {
	if !c.busy.CompareAndSwap(false, true) {
		return false
	}
	if c.rec.Status().State == recorder.Recording {
		go func() { c.results <- recordResult{err: c.rec.Stop()} }()
		return true
	}
	format, rate := c.Format, c.rateHz()
	go func() {
		// The recorder takes a target that is not a folder for a file
		// name, so the folder is made here first.
		if err := os.MkdirAll(c.dir, 0o755); err != nil {
			c.results <- recordResult{started: true, err: fmt.Errorf("creating the recordings folder: %w", err)}
			return
		}
		path, err := c.rec.Start(c.dir, format, rate, recordChannels)
		c.results <- recordResult{started: true, path: path, err: err}
	}()
	return true
}

// poll returns the outcome of a finished Start or Stop, if there is one;
// it never blocks.
func (c *recordCtl) poll() (recordResult, bool) {
	select {
	case r := <-c.results:
		c.busy.Store(false)
		return r, true
	default:
		return recordResult{}, false
	}
}

// close waits for a Start or Stop in flight and finalises a recording that
// is still running, so quitting never leaves a file half written.
func (c *recordCtl) close() error {
	if c.busy.Load() {
		<-c.results
		c.busy.Store(false)
	}
	if c.rec.Status().State != recorder.Recording {
		return nil // a failure was shown when it happened
	}
	return c.rec.Stop()
}

// recordMessage is the window's two lines for a recording that could not
// start (file "") or that err stopped; the recorder finalised what
// reached file before the error.
func recordMessage(err error, file string) [2]string {
	full := errors.Is(err, syscall.ENOSPC)
	switch {
	case full && file != "":
		return [2]string{"disk full — recording stopped", "file kept: " + filepath.Base(file)}
	case full:
		return [2]string{"disk full — could not start recording", err.Error()}
	case file == "":
		return [2]string{"could not record", err.Error()}
	}
	return [2]string{"recording stopped — file kept: " + filepath.Base(file), err.Error()}
}
