// Package jack is Linux DJ's JACK backend. It reaches standalone jackd and
// PipeWire alike through libjack (pipewire-jack's libjack under PipeWire;
// Name tells which one the process loaded) and drives a backend.Processor,
// the mixer engine, from JACK's real-time thread.
//
// One manager goroutine per Backend owns the JACK client: it opens it,
// registers the processor's audio ports plus a MIDI input and output, sets the
// pretty-name metadata, prepares the processor for the server's rate,
// activates, makes the remembered connections, and on shutdown closes the
// client and reconnects with backoff while Info reports Reconnecting.
// JACK's notification callbacks (C) only set bits in C memory, which the
// manager takes on its 100 ms tick; it alone calls back into JACK.
// Remembered connections are keyed by full port
// name; they are made again whenever a port registers (the server or the
// other client came back), and the live graph is folded back into them
// after connect events, so connections made in other tools are kept too.
// A connection panel lists the graph and connects one pair at a time
// (Graph, Connect, Disconnect in ports_cgo.go): the manager runs those
// calls too, handed over on a channel, and GraphVersion, bumped when it
// sees ports or connections change, tells the panel when to ask again.
//
// The audio path is C then Go. The client's real-time thread is ours
// (jack_set_process_thread): native.c's ldj_thread loops in C on
// jack_cycle_wait and jack_cycle_signal; each period it collects every
// port buffer and the period's MIDI events, enters Go once (ldjProcess:
// a backend.MIDIProcessor gets the events before Process and returns its
// feedback after it, which C writes to the MIDI output), and times that
// entry, cgo transition included, into a histogram (CallbackStats) and a
// smoothed share of the period (Stats.OwnLoad). Nothing on it allocates,
// locks or makes a system call; periods above backend.MaxFrames are
// answered with silence and counted.
//
// A backend.Finisher (the mixer engine) passes its outputs on before its
// period ends: ldjProcess runs ProcessOutputs, then calls C once
// (ldj_pass_on) to write the MIDI output and jack_cycle_signal, and only
// then FinishPeriod, the meters and BPM counters no output waits for. The
// clients after ours in the graph, and JACK's DSP load, which is the time
// until the graph's last client is done, do not wait for that work
// (TestFinishPeriodAfterTheOutputs); it still has to end before the next
// period, and the timing above includes it. Such a period also makes its
// yield (below) inside the same entry, after FinishPeriod.
//
// What Go's runtime does around the entry is measured, not assumed
// (docs/PERFORMANCE.md): an entry takes its P back without passing
// through the scheduler, so the P's scheduling tick looks stuck, and
// every 10 ms sysmon retakes it and then polls every 20 µs for a while;
// when it finds the entry running it preempts it, and the goroutine,
// locked to JACK's thread, waits for its P to come back through another
// thread. So once every 4 ms or more, after jack_cycle_signal has handed
// the period's output to JACK, the thread enters Go a second time to pass
// through the scheduler (ldj_yield, ldjYield): off the graph's critical
// path, it keeps the tick moving. Its longest time and those longer than
// a period are counted (CallbackStats.YieldMax, YieldLate). bench-rt's
// "late" column counts the periods that run past their deadline.
//
// Only the real-time thread enters Go, and only while a gate is open:
// libjack ends its threads with pthread_cancel (jackd2's libjack, with
// PTHREAD_CANCEL_ASYNCHRONOUS, on jack_deactivate and jack_client_close,
// for the process and the notification thread alike; pipewire-jack's
// libjack and libpipewire call pthread_cancel too), and a thread cancelled
// while it runs Go code leaves the runtime corrupt: the test suite died
// with SIGSEGV in runtime.dropm, called by Go's cgo destructor as such a
// thread exited, during a server restart. So no notification
// callback calls Go at all, and before deactivating or closing, the
// manager closes the gate and waits until the real-time thread is out of
// Go (ldj_close_go); from then until the thread ends, periods are answered
// with silence in C, and libjack cancels the thread in jack_cycle_wait.
// A server that does not answer would keep libjack's deactivate and close
// waiting for ever: Stop closes the gate itself and gives up after a bound
// (stopWait), so the app can still save and exit, and its error names the
// call it waited in. Between deactivating and closing, the manager
// unregisters every port: jackd 2 sends every client, the closing one
// too, a notice for each port's metadata that goes with it, and at close
// the client has stopped reading; unread, 35 named ports filled its socket
// and the server waited on it for ever (TestStopClosesWithEveryPortNamed).
//
// go-jack (github.com/xthexder/go-jack) provides client open/close, port
// registration, connections, port lookup and activation. What it lacks, or
// does in a way the real-time rules forbid, native.c does instead:
//   - every callback: go-jack dispatches through a package map that
//     ClientOpen and Close write without synchronising with the callbacks,
//     and enters Go once per callback; ours reach Go through a fixed slot
//     table, and opens and closes are serialised (clientMu);
//   - jack_transport_query (state, frame, BBT and tempo when valid), which
//     Info reports for the status line;
//   - jack_set_latency_callback and jack_port_set_latency_range, so the
//     processor's LatencyFrames (the limiter's lookahead plus the insert slots' plugins) shows as port
//     latency, recomputed when it changes: under jackd the latency
//     callback sets the ranges, as JACK's API asks; under pipewire-jack,
//     where setting them from the callback raced the manager's calls and
//     could block forever when the server died, the callback only marks
//     them stale and the manager sets them;
//   - jack_deactivate, so Close never races a running process callback;
//   - a non-allocating MIDI read into a fixed array and MIDI write from
//     one (go-jack's GetMidiEvents allocates on every call), each output
//     event at its frame in the period (the MIDI clock's timing);
//   - the timebase master (jack_set_timebase_callback, conditional, and
//     jack_release_timebase) for a backend.TimebaseProcessor that asks for
//     it: the timebase callback is C (ldj_timebase), like every callback
//     but the process one, and reads the tempo Go stores atomically after
//     each Process; the manager takes and releases the timebase and tells
//     Info whether we hold it or were refused (see watchTimebase);
//   - jack_on_shutdown as well as jack_on_info_shutdown (pipewire-jack
//     calls only the former), and the pretty-name metadata.
//
// Values that live in JACK's shared memory (DSP load, transport, output
// latency) are read only by the manager, every 100 ms, after checking the
// server is alive: reading them from other goroutines while a server dies
// can touch memory libjack has already unmapped.
//
// Without cgo the package builds a Backend whose Start returns
// ErrUnavailable.
package jack
