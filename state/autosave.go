package state

import (
	"sync"
	"time"
)

// Autosaver calls a save function a moment after the last change, so a
// fader drag writes the file once when the hand stops, not per frame.
// Its methods are safe from any goroutine.
type Autosaver struct {
	delay time.Duration
	save  func() error

	mu      sync.Mutex
	timer   *time.Timer
	pending bool
	closed  bool
	err     error // the last background save error, returned by Flush
	saving  sync.Mutex
}

// NewAutosaver returns an autosaver that calls save delay after the last
// Notify. save typically snapshots the app's model and calls Save.
func NewAutosaver(delay time.Duration, save func() error) *Autosaver {
	return &Autosaver{delay: delay, save: save}
}

// Notify records a change; the save happens delay after the last one.
// After Close it does nothing.
func (a *Autosaver) Notify() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.pending = true
	if a.timer == nil {
		a.timer = time.AfterFunc(a.delay, a.fire)
		return
	}
	a.timer.Reset(a.delay)
}

func (a *Autosaver) fire() {
	if err := a.run(); err != nil {
		a.mu.Lock()
		a.err = err
		a.mu.Unlock()
	}
}

// run saves if a change is pending; saves never overlap.
func (a *Autosaver) run() error {
	a.saving.Lock()
	defer a.saving.Unlock()
	a.mu.Lock()
	pending := a.pending
	a.pending = false
	a.mu.Unlock()
	if !pending {
		return nil
	}
	return a.save()
}

// Flush saves now if a change is pending and returns that save's error, or
// else the error of the last background save.
func (a *Autosaver) Flush() error {
	a.mu.Lock()
	if a.timer != nil {
		a.timer.Stop()
	}
	bgErr := a.err
	a.err = nil
	a.mu.Unlock()
	if err := a.run(); err != nil {
		return err
	}
	return bgErr
}

// Close flushes and stops the autosaver, for exit.
func (a *Autosaver) Close() error {
	a.mu.Lock()
	a.closed = true
	a.mu.Unlock()
	return a.Flush()
}
