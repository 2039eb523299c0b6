package alsa

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/linuxdj/linuxdj/backend"
	"golang.org/x/sys/unix"
)

// Access chooses how samples move between the app and the device.
type Access int

const (
	AccessMMap      Access = iota // mmap where the device offers it, else read/write (the status line says so)
	AccessReadWrite               // READI/WRITEI ioctls: one more copy and one more system call per period and direction
)

// Config is what the user asks for; the hardware may grant something near
// it, and Info and the status message say what.
type Config struct {
	PlaybackDevice   string // "hw:0,0" or "hw:Loopback,0"; default "hw:0,0"
	CaptureDevice    string // "" for no inputs
	SampleRateHz     int    // default 48000
	PeriodFrames     int    // default 256, or the smallest the hardware allows at or above 64
	Periods          int    // default 2
	PlaybackChannels int    // default: one per processor output
	CaptureChannels  int    // default: one per processor input
	Access           Access
	// FIFOPriority is the SCHED_FIFO priority of the audio thread, 1..99;
	// default 70.
	FIFOPriority int
}

const (
	defaultSampleRateHz = 48000
	defaultPeriodFrames = 256
	minPeriodFrames     = 64
	defaultPeriods      = 2
	defaultFIFOPriority = 70
	maxReconnectBackoff = 2 * time.Second
)

// Validate rejects settings no hardware could grant; values a device may
// merely refuse are negotiated to the nearest it allows instead.
func (c Config) Validate() error {
	switch {
	case c.SampleRateHz < 0 || c.SampleRateHz > 10_000_000:
		return fmt.Errorf("alsa: sample rate %d Hz is impossible", c.SampleRateHz)
	case c.PeriodFrames < 0:
		return fmt.Errorf("alsa: period of %d frames is impossible", c.PeriodFrames)
	case c.Periods < 0 || c.Periods == 1:
		return fmt.Errorf("alsa: %d periods: need at least 2", c.Periods)
	case c.PlaybackChannels < 0 || c.CaptureChannels < 0:
		return errors.New("alsa: negative channel count")
	case c.FIFOPriority < 0 || c.FIFOPriority > 99:
		return fmt.Errorf("alsa: SCHED_FIFO priority %d outside 1..99", c.FIFOPriority)
	}
	return nil
}

// Stats are counters for measurement and tests.
type Stats struct {
	Periods        uint64        // periods processed since Start
	AudioThreadCPU time.Duration // CPU time of audio threads that have finished
	AudioThreads   int           // how many audio threads have finished
}

// Backend drives a backend.Processor from ALSA hardware. Its methods may be
// called from any goroutine.
type Backend struct {
	cfg Config

	mu      sync.Mutex // guards the fields below; never taken by the audio thread
	message string
	running bool
	stopCh  chan struct{}
	done    chan struct{}
	grant   grant
	latency int
	cpu     time.Duration
	threads int

	state   atomic.Int32
	stop    atomic.Bool
	xruns   atomic.Uint64
	periods atomic.Uint64
}

// New returns a stopped backend for cfg, with defaults filled in.
func New(cfg Config) *Backend {
	if cfg.PlaybackDevice == "" {
		cfg.PlaybackDevice = "hw:0,0"
	}
	if cfg.SampleRateHz == 0 {
		cfg.SampleRateHz = defaultSampleRateHz
	}
	if cfg.Periods == 0 {
		cfg.Periods = defaultPeriods
	}
	if cfg.FIFOPriority == 0 {
		cfg.FIFOPriority = defaultFIFOPriority
	}
	return &Backend{cfg: cfg}
}

// Name implements backend.Backend.
func (b *Backend) Name() string { return "alsa" }

// Info implements backend.Backend.
func (b *Backend) Info() backend.StreamInfo {
	b.mu.Lock()
	defer b.mu.Unlock()
	return backend.StreamInfo{
		Backend:       "alsa",
		SampleRateHz:  b.grant.rateHz,
		PeriodFrames:  b.grant.periodFrames,
		LatencyFrames: b.latency,
		XRuns:         b.xruns.Load(),
		State:         backend.ConnState(b.state.Load()),
		Message:       b.message,
	}
}

// Stats returns the measurement counters.
func (b *Backend) Stats() Stats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return Stats{Periods: b.periods.Load(), AudioThreadCPU: b.cpu, AudioThreads: b.threads}
}

func (b *Backend) setMessage(msg string) {
	b.mu.Lock()
	b.message = msg
	b.mu.Unlock()
}

// Start implements backend.Backend: it opens the devices, prepares p for
// the granted rate and starts the audio thread. A device that is busy or
// missing, or settings no hardware could grant, return an error at once.
func (b *Backend) Start(p backend.Processor) error {
	if err := b.cfg.Validate(); err != nil {
		return err
	}
	b.mu.Lock()
	if b.running {
		b.mu.Unlock()
		return errors.New("alsa: already started")
	}
	b.mu.Unlock()

	s, msg, err := b.open(p)
	if err != nil {
		return err
	}
	b.stop.Store(false)
	b.xruns.Store(0)
	b.periods.Store(0)
	b.mu.Lock()
	b.running = true
	b.stopCh = make(chan struct{})
	b.done = make(chan struct{})
	b.message = msg
	b.mu.Unlock()
	b.state.Store(int32(backend.Running))
	go b.supervise(p, s, b.stopCh, b.done)
	return nil
}

// Stop implements backend.Backend.
func (b *Backend) Stop() error {
	b.mu.Lock()
	if !b.running {
		b.mu.Unlock()
		return nil
	}
	b.running = false
	stopCh, done := b.stopCh, b.done
	b.mu.Unlock()
	b.stop.Store(true)
	close(stopCh)
	<-done
	b.state.Store(int32(backend.Stopped))
	return nil
}

// request builds the hardware request for one direction.
func (b *Backend) request(channels int) request {
	period := b.cfg.PeriodFrames
	if period == 0 {
		period = defaultPeriodFrames
	}
	return request{
		mmap:         b.cfg.Access != AccessReadWrite,
		channels:     channels,
		rateHz:       b.cfg.SampleRateHz,
		periodFrames: min(period, backend.MaxFrames),
		periods:      b.cfg.Periods,
	}
}

// open opens and links the devices and prepares p. It returns the stream
// and the status message describing what was granted.
func (b *Backend) open(p backend.Processor) (*stream, string, error) {
	var notes []string
	var capt *pcm
	if b.cfg.CaptureDevice != "" {
		ch := b.cfg.CaptureChannels
		if ch == 0 {
			ch = max(len(p.Inputs()), 1)
		}
		c, n, err := openPCM(b.cfg.CaptureDevice, true, b.request(ch))
		if err != nil {
			return nil, "", err
		}
		capt = c
		notes = append(notes, prefix("capture: ", n)...)
	}
	ch := b.cfg.PlaybackChannels
	if ch == 0 {
		ch = max(len(p.Outputs()), 1)
	}
	req := b.request(ch)
	if capt != nil {
		// The loop moves one capture period per playback period.
		req.rateHz, req.periodFrames = capt.rateHz, capt.periodFrames
	}
	play, n, err := openPCM(b.cfg.PlaybackDevice, false, req)
	if err != nil {
		capt.close()
		return nil, "", err
	}
	notes = append(notes, prefix("playback: ", n)...)
	if b.cfg.PeriodFrames == 0 && play.periodFrames < minPeriodFrames {
		notes = append(notes, fmt.Sprintf("period %d frames is below %d", play.periodFrames, minPeriodFrames))
	}
	if play.periodFrames > backend.MaxFrames {
		capt.close()
		play.close()
		return nil, "", fmt.Errorf("alsa: %s: smallest period the hardware allows is %d frames, more than %d", play.path, play.periodFrames, backend.MaxFrames)
	}
	if capt != nil && (capt.rateHz != play.rateHz || capt.periodFrames != play.periodFrames) {
		capt.close()
		play.close()
		return nil, "", fmt.Errorf("alsa: capture runs %d Hz × %d frames but playback %d Hz × %d frames: pick devices on one clock",
			capt.rateHz, capt.periodFrames, play.rateHz, play.periodFrames)
	}
	if err := p.Prepare(play.rateHz); err != nil {
		capt.close()
		play.close()
		return nil, "", fmt.Errorf("alsa: processor Prepare(%d Hz): %w", play.rateHz, err)
	}
	s := newStream(play, capt, p, &b.stop, &b.xruns, &b.periods)
	if capt != nil {
		// LINK takes the other stream's fd as the argument itself.
		if _, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(capt.fd), ioctlLink, uintptr(play.fd)); errno == 0 {
			s.linked = true
		} else {
			notes = append(notes, fmt.Sprintf("capture and playback not linked (LINK: %v): started one after the other", errno))
		}
	}
	lines := []string{play.describe()}
	if capt != nil {
		lines = append(lines, capt.describe())
	}
	if !play.mmap {
		lines = append(lines, "using read/write, no mmap")
	}
	lines = append(lines, notes...)

	b.mu.Lock()
	b.grant = play.grant
	b.latency = play.bufferFrames
	b.mu.Unlock()
	return s, strings.Join(lines, "; "), nil
}

func prefix(p string, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = p + l
	}
	return out
}

// supervise runs audio threads one after another: when one ends because
// the device went away, it closes the device, reports it and reopens it
// with backoff until it is back or Stop is called.
func (b *Backend) supervise(p backend.Processor, s *stream, stopCh, done chan struct{}) {
	defer close(done)
	for {
		errno, cpu := b.runAudioThread(s)
		s.close()
		b.mu.Lock()
		b.cpu += cpu
		b.threads++
		b.mu.Unlock()
		if b.stop.Load() {
			return
		}
		b.state.Store(int32(backend.Reconnecting))
		b.setMessage(fmt.Sprintf("device lost (%s: %v): reconnecting…", b.cfg.PlaybackDevice, errno))
		backoff := 100 * time.Millisecond
		for {
			select {
			case <-stopCh:
				return
			case <-time.After(backoff):
			}
			next, msg, err := b.open(p)
			if err == nil {
				s = next
				b.setMessage("device back: " + msg)
				b.state.Store(int32(backend.Running))
				break
			}
			b.setMessage(fmt.Sprintf("device lost, retrying in %v: %v", backoff, err))
			backoff = min(2*backoff, maxReconnectBackoff)
		}
	}
}

// runAudioThread runs s on a fresh OS thread with SCHED_FIFO and returns
// the errno that ended it and the thread's CPU time.
func (b *Backend) runAudioThread(s *stream) (unix.Errno, time.Duration) {
	type result struct {
		errno unix.Errno
		cpu   time.Duration
	}
	res := make(chan result, 1)
	go func() {
		// Never unlocked: the thread ends with the goroutine, so its
		// real-time priority cannot leak to other goroutines.
		runtime.LockOSThread()
		attr := unix.SchedAttr{
			Size:     uint32(unsafe.Sizeof(unix.SchedAttr{})),
			Policy:   unix.SCHED_FIFO,
			Priority: uint32(b.cfg.FIFOPriority),
		}
		if err := unix.SchedSetAttr(0, &attr, 0); err != nil {
			b.mu.Lock()
			b.message += fmt.Sprintf("; SCHED_FIFO refused (sched_setattr: %v): normal priority", err)
			b.mu.Unlock()
		}
		var t0, t1 unix.Timespec
		_ = unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &t0)
		errno := s.run()
		_ = unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &t1)
		res <- result{errno, time.Duration(t1.Nano() - t0.Nano())}
	}()
	r := <-res
	return r.errno, r.cpu
}

func (s *stream) close() {
	if s.linked {
		_ = ioctlErr(s.capt.fd, ioctlUnlink, nil)
	}
	for _, p := range []*pcm{s.capt, s.play} {
		if p != nil {
			_ = ioctlErr(p.fd, ioctlDrop, nil)
			p.close()
		}
	}
}
