package null

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"

	"github.com/linuxdj/linuxdj/backend"
)

// Options configure a null backend. Zero values take the defaults.
type Options struct {
	SampleRateHz int  // default 48000
	PeriodFrames int  // default 256, at most backend.MaxFrames
	Demo         bool // feed the demo loop into the inputs instead of silence
}

func (o Options) withDefaults() (Options, error) {
	if o.SampleRateHz == 0 {
		o.SampleRateHz = 48000
	}
	if o.PeriodFrames == 0 {
		o.PeriodFrames = 256
	}
	if o.SampleRateHz < 8000 || o.SampleRateHz > 384000 {
		return o, fmt.Errorf("null: sample rate %d Hz out of range 8000..384000", o.SampleRateHz)
	}
	if o.PeriodFrames < 1 || o.PeriodFrames > backend.MaxFrames {
		return o, fmt.Errorf("null: period %d frames out of range 1..%d", o.PeriodFrames, backend.MaxFrames)
	}
	return o, nil
}

// rtPriority is the SCHED_FIFO priority the clock thread asks for: below
// JACK's usual 70-ish so a null instance never competes with a real server.
const rtPriority = 40

// Backend is the null backend. Its methods are safe from any goroutine.
type Backend struct {
	opts Options

	mu      sync.Mutex // guards Start/Stop; never taken by the clock thread
	stop    atomic.Bool
	done    chan struct{}
	running atomic.Bool
	message atomic.Pointer[string]

	xruns     atomic.Uint64
	busyNanos atomic.Int64 // time the last Process call took
}

// New returns a null backend; bad options surface from Start.
func New(o Options) *Backend {
	b := &Backend{opts: o}
	empty := ""
	b.message.Store(&empty)
	return b
}

// Name implements backend.Backend.
func (b *Backend) Name() string { return "null" }

// Start prepares p at the configured rate and starts the clock thread.
func (b *Backend) Start(p backend.Processor) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.running.Load() {
		return errors.New("null: already started")
	}
	o, err := b.opts.withDefaults()
	if err != nil {
		return err
	}
	b.opts = o
	if err := p.Prepare(o.SampleRateHz); err != nil {
		return fmt.Errorf("null: prepare: %w", err)
	}
	l := newLoop(p, o)
	b.stop.Store(false)
	b.done = make(chan struct{})
	started := make(chan struct{})
	go b.clock(l, started)
	<-started
	b.running.Store(true)
	return nil
}

// Stop ends the clock thread; Process is not called after it returns.
func (b *Backend) Stop() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.running.Load() {
		return nil
	}
	b.stop.Store(true)
	<-b.done
	b.running.Store(false)
	return nil
}

// Info implements backend.Backend.
func (b *Backend) Info() backend.StreamInfo {
	info := backend.StreamInfo{Backend: "null", Message: *b.message.Load()}
	if !b.running.Load() {
		return info
	}
	o := b.opts
	info.State = backend.Running
	info.SampleRateHz = o.SampleRateHz
	info.PeriodFrames = o.PeriodFrames
	info.LatencyFrames = o.PeriodFrames
	info.XRuns = b.xruns.Load()
	periodNanos := float64(o.PeriodFrames) * 1e9 / float64(o.SampleRateHz)
	info.DSPLoad = float64(b.busyNanos.Load()) / periodNanos
	return info
}

// clock is the audio thread: it wakes at absolute deadlines one period
// apart and runs one period each time, on its own locked thread.
//
// Short periods sleep in clock_nanosleep: a Go timer would wake the
// scheduler on another thread and hand the goroutine back to this one every
// period, which costs more CPU than the silent engine itself. Periods of
// timerSleepFrom and longer sleep in a Go timer: a system call that blocks
// longer than Go's sysmon tolerates (10 ms) keeps sysmon polling the
// blocked thread, waking itself about sixty times a period, which at a
// 4096-frame period cost twice the whole app's CPU of a timer (measured:
// 3.5–4.3% of a core against 1.5–1.8%, docs/PERFORMANCE.md).
func (b *Backend) clock(l *loop, started chan<- struct{}) {
	defer close(b.done)
	if err := backend.LockRealtimeThread(rtPriority); err != nil {
		msg := "normal priority: " + err.Error()
		b.message.Store(&msg)
	}
	close(started)
	periodNanos := int64(l.frames) * int64(time.Second) / int64(l.rateHz)
	clk := newMonotonic()
	next := clk.now()
	for !b.stop.Load() {
		begin := clk.now()
		l.run()
		b.busyNanos.Store(clk.now() - begin)
		next += periodNanos
		if clk.now()-next > periodNanos {
			b.xruns.Add(1)
			next = clk.now()
			continue
		}
		if periodNanos >= int64(timerSleepFrom) {
			time.Sleep(time.Duration(next - clk.now()))
		} else {
			sleepUntil(next)
		}
	}
}

// timerSleepFrom is the period from which the clock sleeps in a Go timer;
// see clock.
const timerSleepFrom = 10 * time.Millisecond

// monotonic reads CLOCK_MONOTONIC without a system call per read: one
// clock_gettime fixes the offset, and Go's own monotonic clock (the same
// kernel clock, read through the vDSO) measures from there.
type monotonic struct {
	baseNanos int64
	base      time.Time
}

func newMonotonic() monotonic {
	var ts unix.Timespec
	m := monotonic{base: time.Now()}
	if err := unix.ClockGettime(unix.CLOCK_MONOTONIC, &ts); err == nil {
		m.baseNanos = ts.Nano()
	}
	return m
}

func (m monotonic) now() int64 { return m.baseNanos + int64(time.Since(m.base)) }

// sleepUntil blocks the calling thread until CLOCK_MONOTONIC reaches
// deadlineNanos; a signal's early wake-up just sleeps again.
func sleepUntil(deadlineNanos int64) {
	ts := unix.NsecToTimespec(deadlineNanos)
	for unix.ClockNanosleep(unix.CLOCK_MONOTONIC, unix.TIMER_ABSTIME, &ts, nil) == unix.EINTR {
	}
}

// Render drives p offline, as fast as the CPU allows, for totalFrames
// frames in periods of the configured size, and passes each period's
// outputs to sink before the next period overwrites them. It prepares p
// itself and must not be used on a backend that is running.
func (b *Backend) Render(p backend.Processor, totalFrames int, sink func(out [][]float32)) error {
	o, err := b.opts.withDefaults()
	if err != nil {
		return err
	}
	if err := p.Prepare(o.SampleRateHz); err != nil {
		return fmt.Errorf("null: prepare: %w", err)
	}
	l := newLoop(p, o)
	for done := 0; done < totalFrames; {
		n := min(o.PeriodFrames, totalFrames-done)
		l.setFrames(n)
		l.run()
		sink(l.out)
		done += n
	}
	return nil
}

// loop holds the buffers of one stream: allocated once, at full size.
type loop struct {
	p       backend.Processor
	rateHz  int
	frames  int
	inBufs  [][]float32 // backing arrays, backend.MaxFrames each
	outBufs [][]float32
	in, out [][]float32 // the current period's views
	demo    *Demo
}

func newLoop(p backend.Processor, o Options) *loop {
	ins, outs := p.Inputs(), p.Outputs()
	l := &loop{
		p:       p,
		rateHz:  o.SampleRateHz,
		inBufs:  makeBufs(len(ins)),
		outBufs: makeBufs(len(outs)),
		in:      make([][]float32, len(ins)),
		out:     make([][]float32, len(outs)),
	}
	if o.Demo {
		l.demo = NewDemo(ins, o.SampleRateHz)
	}
	l.setFrames(o.PeriodFrames)
	return l
}

func makeBufs(n int) [][]float32 {
	bufs := make([][]float32, n)
	for i := range bufs {
		bufs[i] = make([]float32, backend.MaxFrames)
	}
	return bufs
}

// setFrames re-slices the period views; it is real-time safe (no allocation).
func (l *loop) setFrames(frames int) {
	l.frames = frames
	for i := range l.in {
		l.in[i] = l.inBufs[i][:frames]
	}
	for i := range l.out {
		l.out[i] = l.outBufs[i][:frames]
	}
}

// run computes one period. It is real-time safe: the demo fills
// preallocated buffers and the processor promises the same.
func (l *loop) run() {
	if l.demo != nil {
		l.demo.Fill(l.in)
	}
	l.p.Process(l.in, l.out)
}
