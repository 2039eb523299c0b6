//go:build cgo

// native.c: the C half of package jack; see doc.go.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <pthread.h>
#include "native.h"

// ldj_api serialises our calls into libjack: the manager goroutine holds it
// (from a locked OS thread) for everything it does with a client. No
// callback takes it or, under pipewire-jack, calls libjack at all (see
// ldj_latency). Recursive, so a libjack that runs a callback inside the
// manager's own call cannot deadlock on it.
static pthread_mutex_t ldj_api = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

// ldj_api_lock takes the lock, waiting at most 1 s, and reports whether it
// did: another Backend's manager stuck inside a dying server's libjack must
// not stop this one reconnecting.
int ldj_api_lock(void) {
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += 1;
	return pthread_mutex_timedlock(&ldj_api, &t) == 0;
}
void ldj_api_unlock(int held) { if (held) pthread_mutex_unlock(&ldj_api); }

static int64_t ldj_now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void ldj_read_midi(ldj_state *s, jack_nframes_t n) {
	uint32_t count = 0;
	if (s->midi_in) {
		void *buf = jack_port_get_buffer(s->midi_in, n);
		uint32_t total = jack_midi_get_event_count(buf);
		for (uint32_t i = 0; i < total; i++) {
			jack_midi_event_t ev;
			if (jack_midi_event_get(&ev, buf, i) != 0) continue;
			if (ev.size > LDJ_MIDI_BYTES || count == LDJ_MIDI_EVENTS) {
				s->midi_dropped++;
				continue;
			}
			s->midi[count].offset_frames = ev.time;
			s->midi[count].size = ev.size;
			memcpy(s->midi[count].data, ev.buffer, ev.size);
			count++;
		}
	}
	s->midi_count = count;
}

// ldj_write_midi sends the events Go wrote, each at its frame: JACK takes
// them in time order inside the period, so a frame out of the period or
// before the one sent last is moved up to the nearest it may have. The
// port's buffer was cleared at the top of the period, so a period Go did
// not run sends nothing.
static void ldj_write_midi(ldj_state *s, void *buf, jack_nframes_t n) {
	uint32_t count = s->out_count;
	s->out_count = 0;
	if (!buf || count > LDJ_MIDI_OUT_EVENTS) return;
	uint32_t last = 0;
	for (uint32_t i = 0; i < count; i++) {
		ldj_midi_event *ev = &s->out_events[i];
		uint32_t t = ev->offset_frames;
		if (t >= n) t = n - 1;
		if (t < last) t = last;
		if (ev->size == 0 || ev->size > LDJ_MIDI_BYTES || ev->data[0] < 0x80 ||
		    jack_midi_event_write(buf, t, ev->data, ev->size) != 0) {
			__atomic_add_fetch(&s->midi_out_dropped, 1, __ATOMIC_RELAXED);
			continue;
		}
		last = t;
	}
}

// ldj_cycle runs one period on JACK's real-time thread. It gathers every
// buffer pointer and the MIDI input here, so Go is entered once per
// period. It returns what ldjProcess did: 0 nothing (the outputs are
// silent), 1 the outputs, 2 the outputs passed on (ldj_pass_on) and the
// rest of a backend.Finisher's period after them.
static int ldj_cycle(ldj_state *s, jack_nframes_t n) {
	jack_nframes_t start = jack_last_frame_time(s->client);
	if (s->have_frame && start != s->next_frame) __atomic_add_fetch(&s->skipped_cycles, 1, __ATOMIC_RELAXED);
	s->next_frame = start + n;
	s->have_frame = 1;
	for (int i = 0; i < s->n_in; i++) s->in_buf[i] = jack_port_get_buffer(s->in[i], n);
	for (int i = 0; i < s->n_out; i++) s->out_buf[i] = jack_port_get_buffer(s->out[i], n);
	ldj_read_midi(s, n);
	s->midi_out_buf = NULL;
	if (s->midi_out) {
		s->midi_out_buf = jack_port_get_buffer(s->midi_out, n);
		jack_midi_clear_buffer(s->midi_out_buf);
	}
	if (n > LDJ_MAX_FRAMES) {
		for (int i = 0; i < s->n_out; i++) memset(s->out_buf[i], 0, n * sizeof(float));
		__atomic_add_fetch(&s->oversize_cycles, 1, __ATOMIC_RELAXED);
		return 0;
	}
	int done = 0;
	// A Finisher's period yields inside its own entry (see ldj_yield).
	int64_t now = ldj_now_ns();
	int yield = now - s->yield_at_ns >= LDJ_YIELD_NS;
	// A Dekker handshake with ldj_close_go: either this thread sees
	// go_open cleared, or ldj_close_go sees in_go set and waits.
	if (__atomic_load_n(&s->go_open, __ATOMIC_SEQ_CST)) {
		__atomic_store_n(&s->in_go, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&s->go_open, __ATOMIC_SEQ_CST)) done = ldjProcess(s->slot, n, yield);
		__atomic_store_n(&s->in_go, 0, __ATOMIC_SEQ_CST);
	}
	if (done == 2 && yield) s->yield_at_ns = now;
	if (!done)
		for (int i = 0; i < s->n_out; i++) memset(s->out_buf[i], 0, n * sizeof(float));
	else if (done == 1)
		ldj_write_midi(s, s->midi_out_buf, n);
	return done;
}

// ldj_pass_on sends the period's MIDI and passes the outputs on to the
// next clients in the graph (jack_cycle_signal) before the period ends:
// Go calls it from ldjProcess for a backend.Finisher, whose meters then
// run while the rest of the graph goes on.
void ldj_pass_on(ldj_state *s, jack_nframes_t n) {
	ldj_write_midi(s, s->midi_out_buf, n);
	jack_cycle_signal(s->client, 0);
}

// ldj_account records a period's time on the thread, d nanoseconds from
// the end of the wait to the end of the period's work in Go, cgo
// transitions and the signal included.
static void ldj_account(ldj_state *s, jack_nframes_t n, int64_t d) {
	uint32_t rate = __atomic_load_n(&s->rate_hz, __ATOMIC_RELAXED);
	if (rate > 0) {
		double share = (double)d * rate / (1e9 * n);
		if (share > 1) __atomic_add_fetch(&s->late_cycles, 1, __ATOMIC_RELAXED);
		s->own_load += 0.05 * (share - s->own_load);
		__atomic_store_n(&s->own_load_ppm, (uint32_t)(s->own_load * 1e6), __ATOMIC_RELAXED);
	}
	int64_t us = d / 1000;
	if (us > LDJ_HIST_BUCKETS) us = LDJ_HIST_BUCKETS;
	__atomic_add_fetch(&s->hist[us], 1, __ATOMIC_RELAXED);
	__atomic_store_n(&s->last_ns, d, __ATOMIC_RELAXED);
	if (d > s->max_ns) __atomic_store_n(&s->max_ns, d, __ATOMIC_RELAXED);
	__atomic_store_n(&s->period_frames, n, __ATOMIC_RELAXED);
	__atomic_add_fetch(&s->cycles, 1, __ATOMIC_RELEASE);
}

// ldj_count_yield keeps a yield of d nanoseconds in yield_max_ns and, if
// it ran past the period, yield_late.
static void ldj_count_yield(ldj_state *s, jack_nframes_t n, int64_t d) {
	if (d > s->yield_max_ns) __atomic_store_n(&s->yield_max_ns, d, __ATOMIC_RELAXED);
	uint32_t rate = __atomic_load_n(&s->rate_hz, __ATOMIC_RELAXED);
	if (rate > 0 && (double)d * rate > 1e9 * n) __atomic_add_fetch(&s->yield_late, 1, __ATOMIC_RELAXED);
}

// ldj_yield lets Go's scheduler run on the real-time thread's P once every
// LDJ_YIELD_NS, after the period's output is with JACK (off the graph's
// critical path). Without it the P's scheduling tick never moves (a cgo
// callback takes its P back without passing through the scheduler), so
// every 10 ms Go's sysmon takes the P for a goroutine stuck in a system
// call and then polls every 20 µs for a while: in the app that was the
// largest single cost while music plays (docs/PERFORMANCE.md). The yield
// hands the P through another thread and back; its time is kept in
// yield_max_ns and yield_late (yields that ran past the period). A
// backend.Finisher's period does the same inside its one entry into Go,
// after FinishPeriod (ldjProcess), and so needs no second entry.
static void ldj_yield(ldj_state *s, jack_nframes_t n) {
	int64_t t0 = ldj_now_ns();
	if (t0 - s->yield_at_ns < LDJ_YIELD_NS) return;
	s->yield_at_ns = t0;
	if (!__atomic_load_n(&s->go_open, __ATOMIC_SEQ_CST)) return;
	__atomic_store_n(&s->in_go, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&s->go_open, __ATOMIC_SEQ_CST)) ldjYield();
	__atomic_store_n(&s->in_go, 0, __ATOMIC_SEQ_CST);
	ldj_count_yield(s, n, ldj_now_ns() - t0);
}

// ldj_thread is the client's real-time thread (jack_set_process_thread):
// the cycle loop stays in C, so libjack cancelling the thread at
// deactivate finds it in jack_cycle_wait, never inside Go. A wait that
// returns no frames means the server is ending the client's cycles.
static void *ldj_thread(void *arg) {
	ldj_state *s = arg;
	for (;;) {
		jack_nframes_t n = jack_cycle_wait(s->client);
		if (n == 0) return NULL;
		int64_t t0 = ldj_now_ns();
		int done = ldj_cycle(s, n);
		if (done != 2) jack_cycle_signal(s->client, 0);
		ldj_account(s, n, ldj_now_ns() - t0 - s->yield_ns);
		if (s->yield_ns > 0) ldj_count_yield(s, n, s->yield_ns);
		s->yield_ns = 0;
		if (done != 2) ldj_yield(s, n);
	}
}

static void ldj_notify(ldj_state *s, uint32_t events) {
	__atomic_or_fetch(&s->events, events, __ATOMIC_RELEASE);
}

static int ldj_xrun(void *arg) {
	ldj_state *s = arg;
	__atomic_add_fetch(&s->xruns, 1, __ATOMIC_RELAXED);
	return 0;
}

static int ldj_bufsize(jack_nframes_t n, void *arg) {
	ldj_state *s = arg;
	__atomic_store_n(&s->period_frames, n, __ATOMIC_RELAXED);
	return 0;
}

static int ldj_srate(jack_nframes_t r, void *arg) {
	ldj_state *s = arg;
	__atomic_store_n(&s->rate_hz, r, __ATOMIC_RELAXED);
	ldj_notify(s, LDJ_EV_RATE);
	return 0;
}

static void ldj_portreg(jack_port_id_t id, int reg, void *arg) {
	ldj_state *s = arg;
	if (reg) ldj_notify(s, LDJ_EV_PORTREG);
}

static void ldj_connect(jack_port_id_t a, jack_port_id_t b, int connect, void *arg) {
	ldj_state *s = arg;
	ldj_notify(s, LDJ_EV_CONNECT);
}

static void ldj_shutdown(jack_status_t code, const char *reason, void *arg) {
	ldj_state *s = arg;
	__atomic_store_n(&s->gone, 1, __ATOMIC_RELEASE);
	ldj_notify(s, LDJ_EV_SHUTDOWN);
}

static void ldj_shutdown_plain(void *arg) { ldj_shutdown(JackFailure, "", arg); }

// ldj_apply_latency publishes the processor's delay for one mode: whatever
// latency reaches our inputs reaches our outputs latency_frames later, and
// the other way round. Only changed ranges are set: pipewire-jack sends the
// daemon a port update for every call.
static void ldj_apply_latency(ldj_state *s, jack_latency_callback_mode_t mode) {
	uint32_t add = __atomic_load_n(&s->latency_frames, __ATOMIC_RELAXED);
	jack_latency_range_t r, total = {UINT32_MAX, 0};
	jack_port_t **from = mode == JackCaptureLatency ? s->in : s->out;
	jack_port_t **to = mode == JackCaptureLatency ? s->out : s->in;
	int n_in = __atomic_load_n(&s->n_in, __ATOMIC_SEQ_CST), n_out = __atomic_load_n(&s->n_out, __ATOMIC_SEQ_CST);
	int n_from = mode == JackCaptureLatency ? n_in : n_out;
	int n_to = mode == JackCaptureLatency ? n_out : n_in;
	for (int i = 0; i < n_from; i++) {
		jack_port_get_latency_range(from[i], mode, &r);
		if (r.min < total.min) total.min = r.min;
		if (r.max > total.max) total.max = r.max;
	}
	if (n_from == 0) total.min = 0;
	total.min += add;
	total.max += add;
	for (int i = 0; i < n_to; i++) {
		jack_port_get_latency_range(to[i], mode, &r);
		if (r.min != total.min || r.max != total.max) jack_port_set_latency_range(to[i], mode, &total);
	}
}

// ldj_latency is the latency callback. It must stay registered on both
// servers: without one, libjack applies its default (ports pass latency
// through unchanged), which would overwrite ours.
//
// jackd2 runs it on the client's notification thread while the server
// recomputes latencies (after graph changes and jack_recompute_total_latencies),
// and there jack_port_set_latency_range only writes the port in shared
// memory: no lock, no message, so the callback does the work itself, as
// JACK's API asks.
//
// pipewire-jack runs it on its notification thread, and its
// jack_port_set_latency_range takes pipewire-jack's loop lock and marshals
// a port update on the client's connection. From the callback that
// interleaved with the manager's jack_connect (libpipewire aborted in
// assert_single_pod) and, when the server died, blocked forever on the
// loop lock held by a thread waiting for the notification thread, so the
// client never reconnected and jack_deactivate hung. There the callback
// calls nothing in libjack: it only marks the latency stale, and the
// manager, outside every callback and holding ldj_api, sets the ranges
// (ldj_update_latency) on its next tick. pipewire-jack accepts port
// latency set at any time and propagates it through the daemon.
static void ldj_latency(jack_latency_callback_mode_t mode, void *arg) {
	ldj_state *s = arg;
	if (s->latency_by_manager) {
		__atomic_store_n(&s->latency_dirty, 1, __ATOMIC_RELEASE);
		return;
	}
	ldj_apply_latency(s, mode);
}

// ldj_update_latency sets both directions' ranges from the manager
// (pipewire-jack only; see ldj_latency).
void ldj_update_latency(ldj_state *s) {
	ldj_apply_latency(s, JackCaptureLatency);
	ldj_apply_latency(s, JackPlaybackLatency);
}

int ldj_take_latency_dirty(ldj_state *s) { return __atomic_exchange_n(&s->latency_dirty, 0, __ATOMIC_ACQUIRE); }

ldj_state *ldj_new(int slot, jack_client_t *client, int latency_by_manager) {
	ldj_state *s = calloc(1, sizeof *s);
	s->slot = slot;
	s->latency_by_manager = latency_by_manager;
	s->client = client;
	s->rate_hz = jack_get_sample_rate(client);
	s->period_frames = jack_get_buffer_size(client);
	return s;
}

// ldj_set_callbacks installs every callback of ours; none of go-jack's, so
// go-jack's unsynchronised clientMap is never read from JACK's threads.
const char *ldj_set_callbacks(ldj_state *s) {
	jack_client_t *c = s->client;
	if (jack_set_process_thread(c, ldj_thread, s)) return "jack_set_process_thread";
	if (jack_set_xrun_callback(c, ldj_xrun, s)) return "jack_set_xrun_callback";
	if (jack_set_buffer_size_callback(c, ldj_bufsize, s)) return "jack_set_buffer_size_callback";
	if (jack_set_sample_rate_callback(c, ldj_srate, s)) return "jack_set_sample_rate_callback";
	if (jack_set_port_registration_callback(c, ldj_portreg, s)) return "jack_set_port_registration_callback";
	if (jack_set_port_connect_callback(c, ldj_connect, s)) return "jack_set_port_connect_callback";
	if (jack_set_latency_callback(c, ldj_latency, s)) return "jack_set_latency_callback";
	// Both: pipewire-jack reports a lost daemon through the plain
	// callback only.
	jack_on_info_shutdown(c, ldj_shutdown, s);
	jack_on_shutdown(c, ldj_shutdown_plain, s);
	return NULL;
}

void ldj_add_port(ldj_state *s, jack_port_t *p, int kind) {
	if (kind == 0) s->in[s->n_in++] = p;
	else if (kind == 1) s->out[s->n_out++] = p;
	else if (kind == 2) s->midi_in = p;
	else s->midi_out = p;
}

int ldj_set_pretty_name(jack_client_t *c, jack_port_t *p, const char *name) {
	jack_uuid_t uuid = jack_port_uuid(p);
	if (jack_uuid_empty(uuid)) return -1;
	return jack_set_property(c, uuid, "http://jackaudio.org/metadata/pretty-name", name, "text/plain");
}

// ldj_unregister_ports unregisters every port of the deactivated client
// (see disconnect in backend_cgo.go for why, before closing). The counts
// go to zero first: the latency callback, on the notification thread,
// may still run meanwhile and must then find no ports to walk.
void ldj_unregister_ports(ldj_state *s) {
	int n_in = __atomic_exchange_n(&s->n_in, 0, __ATOMIC_SEQ_CST);
	int n_out = __atomic_exchange_n(&s->n_out, 0, __ATOMIC_SEQ_CST);
	for (int i = 0; i < n_in; i++) jack_port_unregister(s->client, s->in[i]);
	for (int i = 0; i < n_out; i++) jack_port_unregister(s->client, s->out[i]);
	jack_port_t *midi[2] = {s->midi_in, s->midi_out};
	s->midi_in = s->midi_out = NULL;
	for (int i = 0; i < 2; i++)
		if (midi[i]) jack_port_unregister(s->client, midi[i]);
}

uint32_t ldj_take_events(ldj_state *s) { return __atomic_exchange_n(&s->events, 0, __ATOMIC_ACQUIRE); }

void ldj_open_go(ldj_state *s) { __atomic_store_n(&s->go_open, 1, __ATOMIC_SEQ_CST); }

// ldj_close_go stops the real-time thread from entering Go and waits until
// it has left Go, so libjack may then cancel it (jack_deactivate,
// jack_client_close) without catching it inside the Go runtime. It reports
// 0, or -1 if the thread was still in Go after 2 s.
int ldj_close_go(ldj_state *s) {
	__atomic_store_n(&s->go_open, 0, __ATOMIC_SEQ_CST);
	struct timespec ms = {0, 1000000};
	for (int i = 0; i < 2000; i++) {
		if (!__atomic_load_n(&s->in_go, __ATOMIC_SEQ_CST)) return 0;
		nanosleep(&ms, NULL);
	}
	return -1;
}

uint32_t ldj_u32(uint32_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
int64_t ldj_i64(int64_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
int ldj_gone(ldj_state *s) { return __atomic_load_n(&s->gone, __ATOMIC_ACQUIRE); }
void ldj_set_latency(ldj_state *s, uint32_t f) { __atomic_store_n(&s->latency_frames, f, __ATOMIC_RELAXED); }
// ldj_hist_stats summarises the callback histogram into s->hist_*
// without copying it (Go passes no pointer, so nothing escapes): the
// number of callbacks and the 50th and 99th percentiles in µs.
void ldj_hist_stats(ldj_state *s) {
	uint64_t n = 0, seen = 0;
	for (int i = 0; i <= LDJ_HIST_BUCKETS; i++) n += __atomic_load_n(&s->hist[i], __ATOMIC_RELAXED);
	s->hist_total = n;
	s->hist_p50_us = s->hist_p99_us = 0;
	int have50 = 0;
	for (int i = 0; i <= LDJ_HIST_BUCKETS && n > 0; i++) {
		seen += __atomic_load_n(&s->hist[i], __ATOMIC_RELAXED);
		if (!have50 && seen * 2 >= n) { s->hist_p50_us = i; have50 = 1; }
		if (seen * 100 >= n * 99) { s->hist_p99_us = i; return; }
	}
}


static void ldj_transport_query(jack_client_t *c, ldj_transport *t) {
	jack_position_t pos;
	memset(&pos, 0, sizeof pos);
	jack_transport_state_t st = jack_transport_query(c, &pos);
	t->state = st;
	t->frame = pos.frame;
	t->bbt_valid = (pos.valid & JackPositionBBT) != 0;
	if (t->bbt_valid) {
		t->bar = pos.bar;
		t->beat = pos.beat;
		t->tick = pos.tick;
		t->bpm = pos.beats_per_minute;
	}
}

uint32_t ldj_port_latency(jack_port_t *p, int playback) {
	jack_latency_range_t r;
	jack_port_get_latency_range(p, playback ? JackPlaybackLatency : JackCaptureLatency, &r);
	return r.max;
}

// ldj_libjack names the libjack this process loaded: jackd2's own or
// pipewire-jack's.
const char *ldj_libjack(void) {
	Dl_info info;
	if (dladdr((void *)jack_client_open, &info) && info.dli_fname) return info.dli_fname;
	return "";
}

// libjack prints every failed connection attempt on stderr, so probing
// for a server that is not there ("is JACK running?") printed half a dozen
// lines of errors at every start without one. While a probe runs its
// messages are dropped; otherwise they go to stderr as libjack's own
// handler would print them.
static int ldj_probing;

static void ldj_print(const char *msg) {
	if (!__atomic_load_n(&ldj_probing, __ATOMIC_RELAXED)) fprintf(stderr, "%s\n", msg);
}

void ldj_quiet_probe(int on) {
	jack_set_error_function(ldj_print);
	jack_set_info_function(ldj_print);
	__atomic_store_n(&ldj_probing, on, __ATOMIC_RELAXED);
}

// ldj_poll reads what JACK keeps in shared memory into s, so Go reads it
// without passing a pointer into C (which would allocate).
void ldj_poll(ldj_state *s) {
	ldj_transport_query(s->client, &s->transport);
	s->jack_load_percent = jack_cpu_load(s->client);
	s->out_latency_frames = s->n_out > 0 ? ldj_port_latency(s->out[0], 1) : 0;
}

// Timebase: the musical position Linux DJ publishes as JACK's timebase
// master, 4/4 at 1920 ticks a beat, at the tempo Go stores in tb_bpm.
enum { LDJ_BEATS_PER_BAR = 4, LDJ_TICKS_PER_BEAT = 1920 };

// ldj_timebase is the timebase callback: JACK runs it on the process
// thread after the process callback, every cycle while the transport
// rolls and once after a relocation (new_pos), to fill pos. It is real-time
// safe and stays in C (see events in native.h): it reads an atomic, does
// arithmetic and writes pos.
//
// The beat position follows the frames: from one call to the next it
// advances by the frames between them at the current tempo, so a tempo
// that follows the mix moves the beats on smoothly instead of renumbering
// them, and a cycle the server skipped (an xrun) costs nothing. Only a
// relocation (new_pos), a frame behind the last one or one more than a
// second ahead computes the position afresh from the frame at the current
// tempo.
static void ldj_timebase(jack_transport_state_t state, jack_nframes_t n, jack_position_t *pos, int new_pos, void *arg) {
	ldj_state *s = arg;
	uint64_t bits = __atomic_load_n(&s->tb_bpm, __ATOMIC_RELAXED);
	double bpm;
	memcpy(&bpm, &bits, sizeof bpm);
	if (!(bpm > 0 && bpm < 1000)) bpm = 120;
	double rate = pos->frame_rate > 0 ? pos->frame_rate : __atomic_load_n(&s->rate_hz, __ATOMIC_RELAXED);
	if (rate <= 0) rate = 48000;
	double per_frame = bpm / (60 * rate);
	if (new_pos || !s->tb_have || pos->frame < s->tb_frame || pos->frame - s->tb_frame > rate) {
		s->tb_beats = (double)pos->frame * per_frame;
		s->tb_have = 1;
	} else {
		s->tb_beats += (double)(pos->frame - s->tb_frame) * per_frame;
	}
	s->tb_frame = pos->frame;
	int64_t whole = (int64_t)s->tb_beats;
	int32_t tick = (int32_t)((s->tb_beats - (double)whole) * LDJ_TICKS_PER_BEAT);
	pos->valid = JackPositionBBT;
	pos->bar = (int32_t)(whole / LDJ_BEATS_PER_BAR) + 1;
	pos->beat = (int32_t)(whole % LDJ_BEATS_PER_BAR) + 1;
	pos->tick = tick < LDJ_TICKS_PER_BEAT ? tick : LDJ_TICKS_PER_BEAT - 1;
	pos->bar_start_tick = (double)(whole / LDJ_BEATS_PER_BAR) * LDJ_BEATS_PER_BAR * LDJ_TICKS_PER_BEAT;
	pos->beats_per_bar = LDJ_BEATS_PER_BAR;
	pos->beat_type = 4;
	pos->ticks_per_beat = LDJ_TICKS_PER_BEAT;
	pos->beats_per_minute = bpm;
	__atomic_add_fetch(&s->tb_calls, 1, __ATOMIC_RELAXED);
}

// ldj_take_timebase asks to become timebase master, conditionally: a
// program that is master already keeps it (EBUSY). It returns JACK's code.
int ldj_take_timebase(ldj_state *s) {
	s->tb_have = 0;
	return jack_set_timebase_callback(s->client, 1, ldj_timebase, s);
}

int ldj_release_timebase(ldj_state *s) { return jack_release_timebase(s->client); }

uint64_t ldj_u64(uint64_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
