// native.h: shared by the Go files of package jack and native.c.
#ifndef LDJ_NATIVE_H
#define LDJ_NATIVE_H
#include <jack/jack.h>
#include <jack/midiport.h>
#include <jack/transport.h>
#include <jack/metadata.h>
#include <jack/uuid.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LDJ_MAX_PORTS 128
#define LDJ_MAX_FRAMES 8192
#define LDJ_MIDI_EVENTS 256
#define LDJ_MIDI_BYTES 16
#define LDJ_MIDI_OUT_EVENTS 768 // a period's feedback (512 messages) and MIDI clock
#define LDJ_HIST_BUCKETS 20000 // 1 µs each: callbacks up to 20 ms
#define LDJ_YIELD_NS 4000000 // see ldj_yield

enum { LDJ_EV_RATE = 1, LDJ_EV_PORTREG = 2, LDJ_EV_CONNECT = 4, LDJ_EV_SHUTDOWN = 8 };

typedef struct {
	uint32_t offset_frames;
	uint32_t size;
	uint8_t data[LDJ_MIDI_BYTES];
} ldj_midi_event;

typedef struct {
	jack_transport_state_t state;
	int bbt_valid;
	uint64_t frame;
	int32_t bar, beat, tick;
	double bpm;
} ldj_transport;

// ldj_state is one connection's shared state. It is C memory, so it holds
// no Go pointers; the real-time thread reaches Go through slot.
typedef struct {
	int slot;
	jack_client_t *client;
	int n_in, n_out;
	jack_port_t *in[LDJ_MAX_PORTS];
	jack_port_t *out[LDJ_MAX_PORTS];
	jack_port_t *midi_in, *midi_out;
	float *in_buf[LDJ_MAX_PORTS];
	float *out_buf[LDJ_MAX_PORTS];
	ldj_midi_event midi[LDJ_MIDI_EVENTS];
	uint32_t midi_count, midi_dropped;
	// Events the processor wrote in Go this period (backend.MIDIEvent has
	// this layout), sent by C after it at their frames.
	ldj_midi_event out_events[LDJ_MIDI_OUT_EVENTS];
	uint32_t out_count;
	void *midi_out_buf;       // this period's MIDI output buffer; audio thread only
	uint32_t midi_out_dropped; // messages JACK's MIDI buffer refused

	// Written by JACK's threads, read by Go with __atomic loads.
	uint64_t cycles;
	uint32_t xruns;
	uint32_t period_frames;
	uint32_t rate_hz;
	uint32_t oversize_cycles; // periods above LDJ_MAX_FRAMES, answered with silence
	int64_t last_ns, max_ns;
	uint32_t late_cycles;     // callbacks that took longer than their period
	uint32_t skipped_cycles;  // callbacks that did not start where the last one ended
	uint32_t next_frame;      // where the next callback should start; audio thread only
	int have_frame;
	double own_load;          // smoothed callback time / period; audio thread only
	uint32_t own_load_ppm;    // own_load published for Go, parts per million
	uint32_t hist[LDJ_HIST_BUCKETS + 1];
	int64_t yield_at_ns;     // audio thread only
	int64_t yield_max_ns;    // the longest ldj_yield
	int64_t yield_ns;        // this period's yield inside ldjProcess; audio thread only
	uint32_t yield_late;     // yields longer than their period

	// Filled by ldj_poll on the manager goroutine.
	ldj_transport transport;
	float jack_load_percent;
	uint32_t out_latency_frames;
	// Filled by ldj_hist_stats for CallbackStats.
	uint64_t hist_total;
	uint32_t hist_p50_us, hist_p99_us;

	// Timebase master (ldj_timebase). tb_bpm is the tempo as float64 bits,
	// stored by Go on the audio thread after each Process (the callback
	// runs after the process callback in the same cycle); tb_calls counts
	// the callback's runs for the manager. The rest is the callback's own.
	uint64_t tb_bpm;
	uint64_t tb_calls;
	double tb_beats;   // beats from frame 0 to frame tb_frame
	uint32_t tb_frame; // the frame of the last call
	int tb_have;       // tb_beats is set

	// Written by Go.
	uint32_t latency_frames;
	int gone;

	// events collects LDJ_EV_* bits from JACK's notification callbacks for
	// the manager, which takes them every tick. No thread but the
	// real-time one (ldj_thread) enters Go: libjack may end its threads
	// with asynchronous pthread_cancel (jackd2 on deactivate and close,
	// PipeWire's data loop), and a thread cancelled inside Go corrupts the
	// runtime. For the same reason the real-time thread enters Go only
	// while go_open is set, and in_go tells ldj_close_go when it is out.
	uint32_t events;
	int go_open, in_go;
	int latency_dirty;      // pipewire-jack asked for latency; see native.c
	int latency_by_manager; // set: the manager sets port latency (pipewire-jack)
} ldj_state;

extern int ldjProcess(int slot, uint32_t nframes, int yield);
void ldj_pass_on(ldj_state *s, jack_nframes_t n);
extern void ldjYield(void);


ldj_state *ldj_new(int slot, jack_client_t *client, int latency_by_manager);
void ldj_update_latency(ldj_state *s);
const char *ldj_set_callbacks(ldj_state *s);
void ldj_add_port(ldj_state *s, jack_port_t *p, int kind);
int ldj_set_pretty_name(jack_client_t *c, jack_port_t *p, const char *name);
void ldj_unregister_ports(ldj_state *s);
uint32_t ldj_u32(uint32_t *p);
int64_t ldj_i64(int64_t *p);
int ldj_gone(ldj_state *s);
void ldj_set_latency(ldj_state *s, uint32_t f);
void ldj_hist_stats(ldj_state *s);
void ldj_poll(ldj_state *s);
uint32_t ldj_take_events(ldj_state *s);
int ldj_take_latency_dirty(ldj_state *s);
int ldj_api_lock(void);
void ldj_api_unlock(int held);
void ldj_open_go(ldj_state *s);
int ldj_close_go(ldj_state *s);
uint32_t ldj_port_latency(jack_port_t *p, int playback);
const char *ldj_libjack(void);
void ldj_quiet_probe(int on);
int ldj_take_timebase(ldj_state *s);
int ldj_release_timebase(ldj_state *s);
uint64_t ldj_u64(uint64_t *p);

#endif
