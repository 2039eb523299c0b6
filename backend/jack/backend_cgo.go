//go:build cgo

package jack

/*
#cgo linux LDFLAGS: -ljack -ldl
#include <stdlib.h>
#include "native.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	gojack "github.com/xthexder/go-jack"

	"github.com/linuxdj/linuxdj/backend"
)

// maxClients is how many Backends one process can run at once; each
// connection takes a slot the C callbacks name instead of a Go pointer.
const maxClients = 16

// event bits, the LDJ_EV_* of native.h.
const (
	evRate     = 1
	evPortReg  = 2
	evConnect  = 4
	evShutdown = 8
)

// connectDebounce lets a departing client unregister its ports before we
// read the graph, so a connection lost because its peer left is not taken
// for one the user removed.
const connectDebounce = 200 * time.Millisecond

// rtState is what the audio thread needs, built before activation and
// never changed while the callback can run.
type rtState struct {
	native  *C.ldj_state
	proc    backend.Processor
	in, out [][]float32
	// midi is proc when it takes MIDI, else nil; tb is proc when it has a
	// tempo for the timebase, else nil; fin is proc when it finishes its
	// periods after the outputs, else nil. All are asserted once at
	// connect so the audio thread does no type assertion.
	midi backend.MIDIProcessor
	tb   backend.TimebaseProcessor
	fin  backend.Finisher
}

type slot struct {
	rt    atomic.Pointer[rtState]
	taken atomic.Bool
}

var (
	slots   [maxClients]slot
	slotsMu sync.Mutex // guards taking and freeing slots
	// clientMu serialises go-jack's ClientOpen and Close, which write its
	// package map (Close without its own lock).
	clientMu sync.Mutex
)

// ldjProcess is the Go half of a period's outputs (ldj_cycle): it points
// the preallocated port slices at this period's buffers, hands a MIDI
// processor the period's input events, runs the processor (a Finisher up
// to its outputs) and collects its MIDI output for C to send. It reports
// 0 when no processor is attached, and C then writes silence; else 1, or
// 2 for a Finisher: the outputs and MIDI are then already passed on to the
// graph (ldj_pass_on, one cgo call from here) before FinishPeriod, so the
// clients after this one do not wait for its meters, and when C says a
// yield is due (see ldj_yield) it is made here, after FinishPeriod.
//
// ldjProcess is real-time safe: no allocation (slice headers are rewritten
// in place or point into C memory), no lock, no system call. It runs
// locked to the thread, as ldjYield does and for the same reason: should
// Go preempt it, no thread is cloned from the real-time one.
//
//export ldjProcess
func ldjProcess(slotIndex C.int, nframes C.uint32_t, yield C.int) C.int {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	s := slots[slotIndex].rt.Load()
	if s == nil {
		return 0
	}
	n := int(nframes)
	for i := range s.in {
		s.in[i] = unsafe.Slice((*float32)(unsafe.Pointer(s.native.in_buf[i])), n)
	}
	for i := range s.out {
		s.out[i] = unsafe.Slice((*float32)(unsafe.Pointer(s.native.out_buf[i])), n)
	}
	if s.midi != nil {
		for i := 0; i < int(s.native.midi_count); i++ {
			ev := &s.native.midi[i]
			s.midi.MIDIIn(unsafe.Slice((*byte)(unsafe.Pointer(&ev.data[0])), int(ev.size)))
		}
	}
	if s.fin != nil {
		s.fin.ProcessOutputs(s.in, s.out)
	} else {
		s.proc.Process(s.in, s.out)
	}
	if s.midi != nil {
		out := unsafe.Slice((*backend.MIDIEvent)(unsafe.Pointer(&s.native.out_events[0])), len(s.native.out_events))
		s.native.out_count = C.uint32_t(min(max(s.midi.MIDIOut(out), 0), len(out)))
	}
	if s.tb != nil {
		// For the timebase callback, which JACK runs after this one.
		_, bpm := s.tb.Timebase()
		atomic.StoreUint64((*uint64)(unsafe.Pointer(&s.native.tb_bpm)), math.Float64bits(bpm))
	}
	if s.fin == nil {
		return 1
	}
	C.ldj_pass_on(s.native, nframes)
	s.fin.FinishPeriod()
	if yield != 0 {
		s.yield()
	}
	return 2
}

// yield is ldjYield inside ldjProcess, for a Finisher's period: one pass
// through the scheduler, timed for ldj_thread, which counts it as
// ldj_yield counts its own and keeps it out of the period's time
// (yield_ns). It is real-time safe: the clock is read through the vDSO.
func (s *rtState) yield() {
	start := time.Now()
	runtime.Gosched()
	s.native.yield_ns = C.int64_t(time.Since(start).Nanoseconds())
}

// ldjYield is the Go half of ldj_yield (native.c): one pass through Go's
// scheduler for the real-time thread's P, after the period's output went
// to JACK.
//
// The goroutine is locked to the thread while it yields. Handing the P on
// may need a new OS thread, and a thread the runtime clones from JACK's
// real-time thread inherits SCHED_FIFO and its priority: the window, GC
// and everything else would then run at the audio thread's priority
// (measured: the window's thread and llvmpipe's were SCHED_FIFO). From a
// locked thread Go makes new threads from its template thread instead,
// which a LockOSThread on an ordinary thread starts early (the backend's
// manager does, before any client runs).
//
//export ldjYield
func ldjYield() {
	runtime.LockOSThread()
	runtime.Gosched()
	runtime.UnlockOSThread()
}

// backend.MIDIEvent is written in place into C's ldj_midi_event array:
// these fail to compile if the two layouts part.
var (
	_ [unsafe.Sizeof(C.ldj_midi_event{}) - unsafe.Sizeof(backend.MIDIEvent{})]struct{}
	_ [unsafe.Sizeof(backend.MIDIEvent{}) - unsafe.Sizeof(C.ldj_midi_event{})]struct{}
	_ [unsafe.Offsetof(C.ldj_midi_event{}.size) - unsafe.Offsetof(backend.MIDIEvent{}.Size)]struct{}
	_ [unsafe.Offsetof(backend.MIDIEvent{}.Size) - unsafe.Offsetof(C.ldj_midi_event{}.size)]struct{}
	_ [unsafe.Offsetof(C.ldj_midi_event{}.data) - unsafe.Offsetof(backend.MIDIEvent{}.Data)]struct{}
	_ [unsafe.Offsetof(backend.MIDIEvent{}.Data) - unsafe.Offsetof(C.ldj_midi_event{}.data)]struct{}
)

// Backend is the JACK backend. One manager goroutine owns the JACK client:
// it opens, reconnects and closes it and makes every connection, so go-jack
// is only ever used from one goroutine per client.
type Backend struct {
	opts Options
	name string

	pending atomic.Int32
	// calls are run by the manager with the client (ports_cgo.go);
	// portGen counts the graph changes (ports, connections) it has seen.
	calls   chan func()
	portGen atomic.Uint64
	// pretty holds names given with SetPrettyName (port short name →
	// pretty name); the manager's, applied again at each reconnect.
	pretty map[string]string
	wake   chan struct{}
	stop   chan struct{}
	done   chan struct{}
	proc   backend.Processor
	// closing is the step of closing the client the manager is in, for
	// Stop's error.
	closing atomic.Pointer[string]

	// Owned by the manager goroutine; mu guards them for readers.
	mu           sync.Mutex
	client       *gojack.Client
	native       *C.ldj_state
	slot         int
	inPorts      []string // full names, in Processor order
	outPorts     []string
	conns        map[string][]string
	state        backend.ConnState
	message      string
	baseXRuns    uint64
	baseMIDIDrop uint64
	reconnects   uint64
	preparedHz   int
	latency      int
	// jackLoad and transport are read from JACK's shared memory by the
	// manager alone, after checking the server is alive: reading it from
	// other goroutines could touch memory a dying server's client unmaps.
	jackLoad   float64
	outLatency int
	transport  backend.Transport
	// timebase is our part in the transport's position (see
	// watchTimebase); tbCalls and tbRetry are the manager's alone.
	timebase  backend.TimebaseRole
	tbCalls   uint64
	tbPending int // ticks a request still waits for its first callback
	tbRetry   int
}

// New returns a stopped backend configured by opts.
func New(opts Options) *Backend {
	opts = opts.withDefaults()
	return &Backend{
		opts:   opts,
		name:   libjackName(),
		conns:  cloneConnections(opts.Connections),
		calls:  make(chan func()),
		pretty: make(map[string]string),
		slot:   -1,
	}
}

func libjackName() string {
	if strings.Contains(C.GoString(C.ldj_libjack()), "pipewire") {
		return "pipewire-jack"
	}
	return "jack"
}

// Available reports whether a JACK server (jackd or PipeWire) answers now.
// It never starts one.
func Available() bool {
	clientMu.Lock()
	defer clientMu.Unlock()
	C.ldj_quiet_probe(1)
	c, _ := gojack.ClientOpen("linuxdj-probe", gojack.NoStartServer)
	C.ldj_quiet_probe(0)
	if c == nil {
		return false
	}
	c.Close()
	return true
}

// Name is "jack", or "pipewire-jack" when this process loaded
// pipewire-jack's libjack.
func (b *Backend) Name() string { return b.name }

// Start connects to the server, registers p's ports, a MIDI input and a
// MIDI output, restores the remembered connections and starts processing.
// When p is a backend.MIDIProcessor it gets the MIDI input and writes the
// MIDI output; otherwise input MIDI is discarded and the output is silent.
// If the server goes away later the backend reconnects by itself.
func (b *Backend) Start(p backend.Processor) error {
	if b.done != nil {
		return errors.New("jack: Start on a started backend")
	}
	b.proc = p
	b.wake = make(chan struct{}, 1)
	b.stop = make(chan struct{})
	b.done = make(chan struct{})
	first := make(chan error, 1)
	go b.manage(first)
	if err := <-first; err != nil {
		<-b.done
		b.done = nil
		return err
	}
	return nil
}

// Stop deactivates and closes the client; Process is not called after it
// returns. A server that does not answer (stopped, wedged) would keep
// libjack's close waiting for ever, and with it the app's exit and its
// last save: after stopWait Stop gives up with an error and leaves the
// client to the server, with the process callback kept out of Go.
func (b *Backend) Stop() error {
	if b.done == nil {
		return nil
	}
	close(b.stop)
	var err error
	select {
	case <-b.done:
	case <-time.After(stopWait):
		// The manager may be stuck before it closed Go's door (in a call
		// to the server): close it here, should the server wake up.
		b.mu.Lock()
		if b.native != nil {
			C.ldj_close_go(b.native)
		}
		b.mu.Unlock()
		step := "in an earlier call to the server"
		if p := b.closing.Load(); p != nil {
			step = *p
		}
		err = fmt.Errorf("jack: the server did not let the client close within %v (%s); left it to the server", stopWait, step)
	}
	b.done = nil
	b.mu.Lock()
	b.state = backend.Stopped
	b.mu.Unlock()
	return err
}

// stopWait is how long Stop waits for the server to close the client.
const stopWait = 3 * time.Second

// The steps of closing a client, named in Stop's error when the server
// keeps the manager in one of them.
var (
	stepLock       = "waiting for another client's call into libjack"
	stepCloseGo    = "waiting for the process callback to leave Go"
	stepTimebase   = "in jack_release_timebase"
	stepDeactivate = "in jack_deactivate"
	stepPorts      = "unregistering the ports"
	stepClose      = "in jack_client_close"
)

// manage is the manager goroutine: the only one that touches the client.
// It runs on its own OS thread and holds native.c's API lock for each
// step. Under pipewire-jack it also sets the ports' latency ranges, which
// the latency callback must not (see native.c).
func (b *Backend) manage(first chan<- error) {
	defer close(b.done)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	held := C.ldj_api_lock()
	err := b.connect()
	C.ldj_api_unlock(held)
	if err != nil {
		first <- err
		return
	}
	first <- nil
	backoff := b.opts.ReconnectMin
	var retry, debounce <-chan time.Time
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	lost := func(why string) {
		b.disconnect()
		b.setState(backend.Reconnecting, why)
		backoff = b.opts.ReconnectMin
		retry = time.After(backoff)
	}
	// handle acts on event bits and reports whether the client is still
	// connected.
	handle := func(ev int32) bool {
		if ev&evShutdown != 0 || C.ldj_gone(b.native) != 0 {
			lost("server gone")
			return false
		}
		if ev&evRate != 0 {
			b.prepare()
		}
		if ev&evPortReg != 0 {
			b.restore()
		}
		if ev&(evPortReg|evConnect) != 0 {
			b.portGen.Add(1)
		}
		if ev&evConnect != 0 {
			debounce = time.After(connectDebounce)
		}
		return true
	}
	for {
		select {
		case <-b.stop:
			b.closing.Store(&stepLock)
			held := C.ldj_api_lock()
			b.disconnect()
			C.ldj_api_unlock(held)
			return
		case f := <-b.calls:
			held := C.ldj_api_lock()
			f()
			C.ldj_api_unlock(held)
		case <-b.wake:
			held := C.ldj_api_lock()
			if b.client != nil {
				handle(b.pending.Swap(0))
			}
			C.ldj_api_unlock(held)
		case <-debounce:
			held := C.ldj_api_lock()
			if b.client != nil {
				b.remember()
			}
			C.ldj_api_unlock(held)
		case <-retry:
			held := C.ldj_api_lock()
			err := b.connect()
			C.ldj_api_unlock(held)
			if err != nil {
				backoff = min(2*backoff, b.opts.ReconnectMax)
				retry = time.After(backoff)
				continue
			}
			retry = nil
			b.mu.Lock()
			b.reconnects++
			b.mu.Unlock()
		case <-tick.C:
			held := C.ldj_api_lock()
			recompute := false
			if b.client != nil && handle(int32(C.ldj_take_events(b.native))) {
				recompute = b.watchLatency()
				b.poll()
				b.watchTimebase()
			}
			// jackd2 runs the latency callback on its notification
			// thread while this call waits; the callback takes no lock.
			if recompute {
				C.jack_recompute_total_latencies(rawClient(b.client))
			}
			C.ldj_api_unlock(held)
		}
	}
}

func (b *Backend) setState(s backend.ConnState, msg string) {
	b.mu.Lock()
	b.state, b.message = s, msg
	b.mu.Unlock()
}

// rawClient and rawPort read the C handle go-jack keeps as the first,
// unexported field of its Client and Port; TestRawHandles checks this
// against go-jack's own accessors.
func rawClient(c *gojack.Client) *C.jack_client_t {
	return (*C.jack_client_t)(*(*unsafe.Pointer)(unsafe.Pointer(c)))
}

func rawPort(p *gojack.Port) *C.jack_port_t {
	return (*C.jack_port_t)(*(*unsafe.Pointer)(unsafe.Pointer(p)))
}

// connect opens the client, registers the ports, prepares the processor
// for the server's rate, activates and restores connections.
func (b *Backend) connect() error {
	p := b.proc
	ins, outs := p.Inputs(), p.Outputs()
	if len(ins) > C.LDJ_MAX_PORTS || len(outs) > C.LDJ_MAX_PORTS {
		return fmt.Errorf("jack: %d inputs, %d outputs; at most %d each", len(ins), len(outs), C.LDJ_MAX_PORTS)
	}
	clientMu.Lock()
	client, status := gojack.ClientOpen(b.opts.ClientName, gojack.NoStartServer|gojack.UseExactName)
	clientMu.Unlock()
	if client == nil {
		b.setState(backend.Reconnecting, "no JACK server")
		return fmt.Errorf("jack: jack_client_open %q: %w", b.opts.ClientName, gojack.StrError(status))
	}
	idx := takeSlot()
	if idx < 0 {
		closeClient(client)
		return errors.New("jack: too many JACK backends in one process")
	}
	byManager := C.int(0)
	if b.name == "pipewire-jack" {
		byManager = 1
	}
	native := C.ldj_new(C.int(idx), rawClient(client), byManager)
	fail := func(err error) error {
		C.ldj_close_go(native)
		closeClient(client)
		C.free(unsafe.Pointer(native))
		freeSlot(idx)
		return err
	}
	if call := C.ldj_set_callbacks(native); call != nil {
		return fail(fmt.Errorf("jack: %s failed", C.GoString(call)))
	}
	st := &rtState{native: native, proc: p,
		in: make([][]float32, len(ins)), out: make([][]float32, len(outs))}
	st.midi, _ = p.(backend.MIDIProcessor)
	st.tb, _ = p.(backend.TimebaseProcessor)
	st.fin, _ = p.(backend.Finisher)
	inNames, outNames := make([]string, len(ins)), make([]string, len(outs))
	for kind, list := range [][]backend.Port{ins, outs} {
		flag := uint64(gojack.PortIsInput)
		if kind == 1 {
			flag = gojack.PortIsOutput
		}
		for i, port := range list {
			jp := client.PortRegister(port.Name, gojack.DEFAULT_AUDIO_TYPE, flag, 0)
			if jp == nil {
				return fail(fmt.Errorf("jack: jack_port_register %s failed", port.Name))
			}
			C.ldj_add_port(native, rawPort(jp), C.int(kind))
			if kind == 0 {
				inNames[i] = jp.GetName()
			} else {
				outNames[i] = jp.GetName()
			}
			pretty := port.PrettyName
			if p, ok := b.pretty[port.Name]; ok {
				pretty = p
			}
			if pretty != "" {
				setPrettyName(client, jp, pretty)
			}
		}
	}
	for kind, midi := range []struct {
		name, pretty string
		flag         uint64
	}{{MIDIInPort, "MIDI control", gojack.PortIsInput}, {MIDIOutPort, "MIDI feedback", gojack.PortIsOutput}} {
		jp := client.PortRegister(midi.name, gojack.DEFAULT_MIDI_TYPE, midi.flag, 0)
		if jp == nil {
			return fail(fmt.Errorf("jack: jack_port_register %s failed", midi.name))
		}
		C.ldj_add_port(native, rawPort(jp), C.int(2+kind))
		setPrettyName(client, jp, midi.pretty)
	}

	rate := int(client.GetSampleRate())
	if rate != b.preparedHz {
		if err := p.Prepare(rate); err != nil {
			return fail(fmt.Errorf("jack: prepare processor for %d Hz: %w", rate, err))
		}
		b.preparedHz = rate
	}
	b.latency = p.LatencyFrames()
	C.ldj_set_latency(native, C.uint32_t(b.latency))
	slots[idx].rt.Store(st)
	C.ldj_open_go(native)
	if rc := client.Activate(); rc != 0 {
		return fail(fmt.Errorf("jack: jack_activate: %w", gojack.StrError(rc)))
	}
	b.mu.Lock()
	b.client, b.native, b.slot = client, native, idx
	b.inPorts, b.outPorts = inNames, outNames
	b.state, b.message = backend.Running, ""
	b.mu.Unlock()
	if native.latency_by_manager != 0 {
		C.ldj_take_latency_dirty(native)
		C.ldj_update_latency(native)
	}
	if b.opts.FirstRun {
		b.autoConnect()
	}
	b.restore()
	return nil
}

func setPrettyName(c *gojack.Client, p *gojack.Port, name string) {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	// Servers without metadata support refuse; the port works regardless.
	C.ldj_set_pretty_name(rawClient(c), rawPort(p), cname)
}

func closeClient(c *gojack.Client) {
	clientMu.Lock()
	defer clientMu.Unlock()
	c.Close()
}

func takeSlot() int {
	slotsMu.Lock()
	defer slotsMu.Unlock()
	for i := range slots {
		if !slots[i].taken.Load() {
			slots[i].taken.Store(true)
			return i
		}
	}
	return -1
}

func freeSlot(i int) {
	slotsMu.Lock()
	defer slotsMu.Unlock()
	slots[i].rt.Store(nil)
	slots[i].taken.Store(false)
}

// disconnect stops the callbacks, closes the client and keeps the
// counters, whether the server is alive (Stop) or gone (shutdown).
func (b *Backend) disconnect() {
	if b.client == nil {
		return
	}
	raw := rawClient(b.client)
	// Keep the process callback out of Go before libjack may cancel its
	// thread (see native.h), whether the server is alive or gone.
	b.closing.Store(&stepCloseGo)
	C.ldj_close_go(b.native)
	if C.ldj_gone(b.native) == 0 {
		if b.timebase == backend.TimebaseMaster || b.tbPending > 0 {
			b.closing.Store(&stepTimebase)
			C.ldj_release_timebase(b.native)
		}
		// Deactivate first: after it returns the process callback cannot
		// run, so closing cannot race it.
		b.closing.Store(&stepDeactivate)
		C.jack_deactivate(raw)
		// Closing, jackd 2 unregisters the client's ports and, for each
		// port that has metadata (our pretty names, or anything another
		// program set on it), writes a notice to every client: to the
		// closing one too, which has stopped reading by then. Enough of
		// those fill its socket, and the server waits on it for ever
		// (seen: jack_client_close hung, jackd in PortUnRegister →
		// PropertyChangeNotify → write). Unregistered here, one request
		// at a time, the ports' notices reach a client that still reads.
		b.closing.Store(&stepPorts)
		C.ldj_unregister_ports(b.native)
	}
	b.setTimebase(backend.TimebaseNone)
	b.tbPending = 0
	slots[b.slot].rt.Store(nil)
	b.closing.Store(&stepClose)
	closeClient(b.client)
	b.mu.Lock()
	b.baseXRuns += uint64(C.ldj_u32(&b.native.xruns))
	b.baseMIDIDrop += uint64(b.native.midi_dropped) + uint64(C.ldj_u32(&b.native.midi_out_dropped))
	native := b.native
	b.client, b.native = nil, nil
	b.mu.Unlock()
	freeSlot(b.slot)
	b.slot = -1
	C.free(unsafe.Pointer(native))
	b.closing.Store(nil)
}

// prepare rebuilds the processor for a new sample rate, off the audio
// thread; the processor hands its new graph over atomically.
func (b *Backend) prepare() {
	rate := int(C.ldj_u32(&b.native.rate_hz))
	if rate == b.preparedHz || rate == 0 {
		return
	}
	if err := b.proc.Prepare(rate); err != nil {
		b.setState(backend.Running, fmt.Sprintf("cannot run at %d Hz: %v", rate, err))
		return
	}
	b.preparedHz = rate
}

// poll refreshes the values that come from JACK's shared memory.
func (b *Backend) poll() {
	C.ldj_poll(b.native)
	t := &b.native.transport
	b.mu.Lock()
	b.jackLoad = float64(b.native.jack_load_percent) / 100
	b.outLatency = int(b.native.out_latency_frames)
	b.transport = backend.Transport{State: transportState(t.state), Frame: uint64(t.frame), BBTValid: t.bbt_valid != 0}
	if b.transport.BBTValid {
		b.transport.Bar, b.transport.Beat, b.transport.Tick = int32(t.bar), int32(t.beat), int32(t.tick)
		b.transport.BPM = float64(t.bpm)
	}
	b.mu.Unlock()
}

// Timebase requests, in manager ticks (100 ms): how long a request waits
// for its first callback, and how long after a refusal it is made again.
const (
	timebaseConfirm = 5
	timebaseRetry   = 10
)

// watchTimebase makes us JACK's timebase master while the processor asks
// for it and releases the timebase when it no longer does. It runs on the
// manager after poll.
//
// The request is conditional, so a master already there (a DAW,
// jack_transport) keeps it: jackd2 answers EBUSY, and we say we were
// refused and ask again every second until it lets go. pipewire-jack
// answers success either way, so a request counts only once our callback
// has run (JACK runs it in the first cycle after it is set, rolling or
// not); one that stays silent for timebaseConfirm ticks is withdrawn and
// counts as refused. A master that takes the timebase from us by force
// does not tell us either: our callback stops running while the
// transport rolls, and that is how the manager sees it and asks again.
func (b *Backend) watchTimebase() {
	tb, _ := b.proc.(backend.TimebaseProcessor)
	want := false
	if tb != nil {
		want, _ = tb.Timebase()
	}
	calls := uint64(C.ldj_u64(&b.native.tb_calls))
	called := calls != b.tbCalls
	b.tbCalls = calls
	switch {
	case !want:
		if b.timebase == backend.TimebaseMaster || b.tbPending > 0 {
			C.ldj_release_timebase(b.native)
		}
		b.tbPending = 0
		b.setTimebase(backend.TimebaseNone)
	case b.tbPending > 0:
		b.tbPending--
		switch {
		case called:
			b.tbPending = 0
			b.setTimebase(backend.TimebaseMaster)
		case b.tbPending == 0:
			C.ldj_release_timebase(b.native)
			b.setTimebase(backend.TimebaseRefused)
			b.tbRetry = timebaseRetry
		}
	case b.timebase == backend.TimebaseMaster && (called || b.transport.State != backend.TransportRolling):
	case b.timebase == backend.TimebaseRefused && b.tbRetry > 0:
		b.tbRetry--
	default:
		if C.ldj_take_timebase(b.native) == 0 {
			b.tbPending = timebaseConfirm
			return
		}
		b.setTimebase(backend.TimebaseRefused)
		b.tbRetry = timebaseRetry
	}
}

func (b *Backend) setTimebase(r backend.TimebaseRole) {
	b.mu.Lock()
	b.timebase = r
	b.mu.Unlock()
}

// transportState maps JACK's states onto the backend's. Looping is an
// obsolete name for rolling; NetStarting is jackd's starting while a
// network slave syncs.
func transportState(st C.jack_transport_state_t) backend.TransportState {
	switch st {
	case C.JackTransportRolling, C.JackTransportLooping:
		return backend.TransportRolling
	case C.JackTransportStarting, C.JackTransportNetStarting:
		return backend.TransportStarting
	}
	return backend.TransportStopped
}

// watchLatency keeps the ports' latency in step with the processor's delay
// (the limiter turning on or off). Under pipewire-jack it sets the ranges
// itself, when the delay changed or the latency callback marked them stale
// (see ldj_latency in native.c), and reports false. Under jackd it reports
// whether the delay changed: the caller then has the server recompute
// latencies, which runs our latency callback.
func (b *Backend) watchLatency() bool {
	l := b.proc.LatencyFrames()
	changed := l != b.latency
	if changed {
		b.latency = l
		C.ldj_set_latency(b.native, C.uint32_t(max(l, 0)))
	}
	if b.native.latency_by_manager != 0 {
		if C.ldj_take_latency_dirty(b.native) != 0 || changed {
			C.ldj_update_latency(b.native)
		}
		return false
	}
	return changed
}

// isOurInput reports whether full is one of our input ports (the other
// side is then a source).
func (b *Backend) isOurInput(full string) bool { return slices.Contains(b.inPorts, full) }

// restore makes every remembered connection whose ports both exist.
func (b *Backend) restore() {
	b.mu.Lock()
	conns := cloneConnections(b.conns)
	b.mu.Unlock()
	for ours, others := range conns {
		if b.client.GetPortByName(ours) == nil {
			continue
		}
		for _, other := range others {
			if b.client.GetPortByName(other) == nil {
				continue
			}
			src, dst := ours, other
			if b.isOurInput(ours) {
				src, dst = other, ours
			}
			// EEXIST (already connected) is the common, harmless answer.
			b.client.Connect(src, dst)
		}
	}
}

// remember folds the live graph into the remembered connections: new ones
// are added; a missing one is forgotten only while both its ports still
// exist (the user removed it), not when the peer has left.
func (b *Backend) remember() {
	ours := append(append([]string(nil), b.inPorts...), b.outPorts...)
	live := make(map[string][]string, len(ours))
	for _, name := range ours {
		if p := b.client.GetPortByName(name); p != nil {
			live[name] = p.GetConnections()
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	next := make(map[string][]string, len(b.conns))
	for name, others := range b.conns {
		for _, other := range others {
			if slices.Contains(live[name], other) || b.client.GetPortByName(other) == nil {
				next[name] = append(next[name], other)
			}
		}
	}
	for name, others := range live {
		for _, other := range others {
			if !slices.Contains(next[name], other) {
				next[name] = append(next[name], other)
			}
		}
	}
	b.conns = next
}

// autoConnect connects master_out_L/R to the first physical playback pair
// unless a connection is remembered for them.
func (b *Backend) autoConnect() {
	b.mu.Lock()
	var master []string
	for _, name := range b.outPorts {
		if strings.HasSuffix(name, ":master_out_L") || strings.HasSuffix(name, ":master_out_R") {
			if len(b.conns[name]) > 0 {
				b.mu.Unlock()
				return
			}
			master = append(master, name)
		}
	}
	b.mu.Unlock()
	playback := b.client.GetPorts("", gojack.DEFAULT_AUDIO_TYPE, gojack.PortIsPhysical|gojack.PortIsInput)
	b.mu.Lock()
	for i := 0; i < len(master) && i < len(playback); i++ {
		b.conns[master[i]] = append(b.conns[master[i]], playback[i])
	}
	b.mu.Unlock()
}

// Connections returns the remembered connections, keyed by our full port
// name, for the app to save.
func (b *Backend) Connections() map[string][]string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return cloneConnections(b.conns)
}

// SetConnections replaces the remembered connections (loaded from the
// app's state) and makes those it can; connections not listed are left
// alone.
func (b *Backend) SetConnections(m map[string][]string) {
	b.mu.Lock()
	b.conns = cloneConnections(m)
	b.mu.Unlock()
	if b.done != nil {
		b.pending.Or(evPortReg)
		select {
		case b.wake <- struct{}{}:
		default:
		}
	}
}

// Info is the status line's snapshot; safe from any goroutine.
func (b *Backend) Info() backend.StreamInfo {
	b.mu.Lock()
	defer b.mu.Unlock()
	info := backend.StreamInfo{Backend: b.name, State: b.state, Message: b.message, XRuns: b.baseXRuns}
	if b.native == nil {
		return info
	}
	n := b.native
	info.SampleRateHz = int(C.ldj_u32(&n.rate_hz))
	info.PeriodFrames = int(C.ldj_u32(&n.period_frames))
	info.XRuns += uint64(C.ldj_u32(&n.xruns))
	info.DSPLoad = b.jackLoad
	info.LatencyFrames = b.outLatency
	info.Transport = b.transport
	info.Transport.Timebase = b.timebase
	return info
}

// Stats are the measurements beyond Info; safe from any goroutine.
func (b *Backend) Stats() Stats {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := Stats{MIDIDropped: b.baseMIDIDrop, Reconnects: b.reconnects}
	if b.native != nil {
		s.OwnLoad = float64(C.ldj_u32(&b.native.own_load_ppm)) / 1e6
		s.JackLoad = b.jackLoad
		s.OversizePeriods = uint64(C.ldj_u32(&b.native.oversize_cycles))
		s.SkippedPeriods = uint64(C.ldj_u32(&b.native.skipped_cycles))
		s.MIDIDropped += uint64(b.native.midi_dropped) + uint64(C.ldj_u32(&b.native.midi_out_dropped))
	}
	return s
}

// CallbackStats summarises the callback durations of the current
// connection; safe from any goroutine, and allocation-free.
func (b *Backend) CallbackStats() CallbackStats {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.native == nil {
		return CallbackStats{}
	}
	n := b.native
	C.ldj_hist_stats(n)
	cs := CallbackStats{
		Cycles: uint64(n.hist_total),
		P50:    time.Duration(n.hist_p50_us) * time.Microsecond,
		P99:    time.Duration(n.hist_p99_us) * time.Microsecond,
		Max:    time.Duration(C.ldj_i64(&b.native.max_ns)),
		Late:   uint64(C.ldj_u32(&b.native.late_cycles)),

		YieldMax:  time.Duration(C.ldj_i64(&b.native.yield_max_ns)),
		YieldLate: uint64(C.ldj_u32(&b.native.yield_late)),
	}
	if rate := int(C.ldj_u32(&b.native.rate_hz)); rate > 0 {
		cs.Period = time.Duration(int64(C.ldj_u32(&b.native.period_frames)) * 1e9 / int64(rate))
	}
	return cs
}
