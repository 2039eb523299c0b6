package jacktest

/*
#cgo linux LDFLAGS: -ljack
#include <jack/jack.h>
#include <jack/midiport.h>
#include <jack/metadata.h>
#include <jack/uuid.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <errno.h>

#define JT_MAX_PORTS 64
#define JT_MIDI_REC_BYTES 65536

typedef struct {
	jack_client_t *client;
	int n_out, n_in;
	jack_port_t *out[JT_MAX_PORTS];
	jack_port_t *in[JT_MAX_PORTS];
	// Signals to play, one per output; set before arming.
	float *play[JT_MAX_PORTS];
	uint32_t play_len;
	int loop;
	// Recording, one buffer per input.
	float *rec[JT_MAX_PORTS];
	uint32_t rec_cap;
	// Shared with Go through __atomic: state 0 idle, 1 armed, 2 running.
	int state;
	uint32_t rec_pos;
	int stream;          // 1: play and record by counting cycles (see Client.Start)
	uint32_t stream_pos; // frames played and recorded since the start, stream mode
	uint32_t start_frame; // JACK frame time of the first played/recorded frame
	uint32_t stall_us;    // sleep once in the next cycle, to provoke an xrun
	uint32_t xruns;
	uint32_t skipped;     // cycles that did not start where the last one ended
	uint32_t next_frame;
	uint32_t last_nframes;
	uint64_t cycles;
	// MIDI output: one event armed by Go (midi_armed 1), written in the
	// next cycle at midi_offset, then midi_armed 2.
	jack_port_t *midi_out;
	uint32_t midi_offset, midi_size;
	uint8_t midi_data[16];
	int midi_armed;
	// MIDI input: every event received is appended to midi_rec as a size
	// byte, its JACK frame time (4 bytes, little-endian) and its bytes;
	// midi_rec_len is published after the bytes.
	jack_port_t *midi_in;
	uint8_t midi_rec[JT_MIDI_REC_BYTES];
	uint32_t midi_rec_len;
} jt_client;

static void jt_midi_record(jt_client *c, jack_nframes_t n) {
	jack_port_t *p = __atomic_load_n(&c->midi_in, __ATOMIC_ACQUIRE);
	if (!p) return;
	void *buf = jack_port_get_buffer(p, n);
	uint32_t len = c->midi_rec_len;
	uint32_t total = jack_midi_get_event_count(buf);
	jack_nframes_t now = jack_last_frame_time(c->client);
	for (uint32_t i = 0; i < total; i++) {
		jack_midi_event_t ev;
		if (jack_midi_event_get(&ev, buf, i) != 0 || ev.size > 255) continue;
		if (len + 5 + ev.size > JT_MIDI_REC_BYTES) break;
		uint32_t t = now + ev.time;
		c->midi_rec[len] = (uint8_t)ev.size;
		memcpy(c->midi_rec + len + 1, &t, 4);
		memcpy(c->midi_rec + len + 5, ev.buffer, ev.size);
		len += 5 + ev.size;
	}
	__atomic_store_n(&c->midi_rec_len, len, __ATOMIC_RELEASE);
}

static void jt_midi(jt_client *c, jack_nframes_t n) {
	jack_port_t *p = __atomic_load_n(&c->midi_out, __ATOMIC_ACQUIRE);
	if (!p) return;
	void *buf = jack_port_get_buffer(p, n);
	jack_midi_clear_buffer(buf);
	if (__atomic_load_n(&c->midi_armed, __ATOMIC_ACQUIRE) != 1) return;
	if (c->midi_offset < n && jack_midi_event_write(buf, c->midi_offset, c->midi_data, c->midi_size) == 0)
		__atomic_store_n(&c->midi_armed, 2, __ATOMIC_RELEASE);
}

// jt_process plays and records by JACK frame time, not by counting its own
// cycles: a cycle the server skipped (an xrun under load) leaves a gap of
// silence at the right place instead of shifting everything after it, so
// latencies measured across clients stay exact. In stream mode it counts
// cycles instead: the recording is then exactly the sequence of periods
// the client was given, even where the frame time jumps (jackd's does
// when the buffer size changes).
static int jt_process(jack_nframes_t n, void *arg) {
	jt_client *c = arg;
	__atomic_store_n(&c->last_nframes, n, __ATOMIC_RELAXED);
	__atomic_add_fetch(&c->cycles, 1, __ATOMIC_RELAXED);
	jack_nframes_t now = jack_last_frame_time(c->client);
	if (c->cycles > 1 && now != c->next_frame) __atomic_add_fetch(&c->skipped, 1, __ATOMIC_RELAXED);
	c->next_frame = now + n;
	int st = __atomic_load_n(&c->state, __ATOMIC_ACQUIRE);
	if (st == 1) {
		c->start_frame = now;
		c->stream_pos = 0;
		c->rec_pos = 0;
		st = 2;
		__atomic_store_n(&c->state, 2, __ATOMIC_RELEASE);
	}
	uint32_t off = c->stream ? c->stream_pos : now - c->start_frame;
	if (st == 2) c->stream_pos += n;
	for (int p = 0; p < c->n_out; p++) {
		float *buf = jack_port_get_buffer(c->out[p], n);
		for (uint32_t i = 0; i < n; i++) {
			float v = 0;
			if (st == 2 && c->play[p] && c->play_len > 0) {
				uint32_t k = off + i;
				if (c->loop) k %= c->play_len;
				if (k < c->play_len) v = c->play[p][k];
			}
			buf[i] = v;
		}
	}
	if (st == 2 && off < c->rec_cap) {
		for (int p = 0; p < c->n_in; p++) {
			float *buf = jack_port_get_buffer(c->in[p], n);
			for (uint32_t i = 0; i < n && off + i < c->rec_cap; i++) c->rec[p][off + i] = buf[i];
		}
		uint32_t r = off + n > c->rec_cap ? c->rec_cap : off + n;
		__atomic_store_n(&c->rec_pos, r, __ATOMIC_RELEASE);
	}
	jt_midi(c, n);
	jt_midi_record(c, n);
	uint32_t stall = __atomic_exchange_n(&c->stall_us, 0, __ATOMIC_ACQ_REL);
	if (stall) usleep(stall);
	return 0;
}

static int jt_xrun(void *arg) {
	jt_client *c = arg;
	__atomic_add_fetch(&c->xruns, 1, __ATOMIC_RELAXED);
	return 0;
}

static jt_client *jt_open(const char *name, int *status) {
	jt_client *c = calloc(1, sizeof *c);
	jack_status_t st = 0;
	c->client = jack_client_open(name, JackNoStartServer | JackUseExactName, &st);
	*status = st;
	if (!c->client) { free(c); return NULL; }
	jack_set_process_callback(c->client, jt_process, c);
	jack_set_xrun_callback(c->client, jt_xrun, c);
	return c;
}

static int jt_register(jt_client *c, const char *name, int output) {
	jack_port_t *p = jack_port_register(c->client, name, JACK_DEFAULT_AUDIO_TYPE,
		output ? JackPortIsOutput : JackPortIsInput, 0);
	if (!p) return -1;
	if (output) c->out[c->n_out++] = p; else c->in[c->n_in++] = p;
	return 0;
}

static void jt_free(jt_client *c) {
	for (int p = 0; p < JT_MAX_PORTS; p++) { free(c->play[p]); free(c->rec[p]); }
	free(c);
}

static int jt_state(jt_client *c) { return __atomic_load_n(&c->state, __ATOMIC_ACQUIRE); }
static void jt_set_state(jt_client *c, int s) { __atomic_store_n(&c->state, s, __ATOMIC_RELEASE); }
static uint32_t jt_rec_pos(jt_client *c) { return __atomic_load_n(&c->rec_pos, __ATOMIC_ACQUIRE); }
static uint32_t jt_u32(uint32_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static uint64_t jt_cycles(jt_client *c) { return __atomic_load_n(&c->cycles, __ATOMIC_ACQUIRE); }
static void jt_stall(jt_client *c, uint32_t us) { __atomic_store_n(&c->stall_us, us, __ATOMIC_RELEASE); }

static int jt_latency(jt_client *c, const char *port, int playback, uint32_t *min, uint32_t *max) {
	jack_port_t *p = jack_port_by_name(c->client, port);
	if (!p) return -1;
	jack_latency_range_t r;
	jack_port_get_latency_range(p, playback ? JackPlaybackLatency : JackCaptureLatency, &r);
	*min = r.min; *max = r.max;
	return 0;
}

static int jt_connected(jt_client *c, const char *a, const char *b) {
	jack_port_t *p = jack_port_by_name(c->client, a);
	if (!p) return 0;
	return jack_port_connected_to(p, b);
}
static int jt_register_midi(jt_client *c, const char *name) {
	jack_port_t *p = jack_port_register(c->client, name, JACK_DEFAULT_MIDI_TYPE, JackPortIsOutput, 0);
	if (!p) return -1;
	__atomic_store_n(&c->midi_out, p, __ATOMIC_RELEASE);
	return 0;
}

static int jt_send_midi(jt_client *c, uint32_t offset, const uint8_t *data, uint32_t size) {
	if (size > sizeof c->midi_data || __atomic_load_n(&c->midi_armed, __ATOMIC_ACQUIRE) == 1) return -1;
	memcpy(c->midi_data, data, size);
	c->midi_size = size;
	c->midi_offset = offset;
	__atomic_store_n(&c->midi_armed, 1, __ATOMIC_RELEASE);
	return 0;
}

static int jt_register_midi_input(jt_client *c, const char *name) {
	jack_port_t *p = jack_port_register(c->client, name, JACK_DEFAULT_MIDI_TYPE, JackPortIsInput, 0);
	if (!p) return -1;
	__atomic_store_n(&c->midi_in, p, __ATOMIC_RELEASE);
	return 0;
}

static int jt_midi_sent(jt_client *c) { return __atomic_load_n(&c->midi_armed, __ATOMIC_ACQUIRE) == 2; }

// jt_property reads a port's metadata property; *value must be freed with
// jack_free. It returns -2 when the port does not exist.
static int jt_property(jt_client *c, const char *port, const char *key, char **value) {
	jack_port_t *p = jack_port_by_name(c->client, port);
	if (!p) return -2;
	char *type = NULL;
	int rc = jack_get_property(jack_port_uuid(p), key, value, &type);
	if (rc == 0 && type) jack_free(type);
	return rc;
}

static const char **jt_physical_playback(jt_client *c) {
	return jack_get_ports(c->client, NULL, JACK_DEFAULT_AUDIO_TYPE, JackPortIsPhysical | JackPortIsInput);
}

static int jt_port_exists(jt_client *c, const char *a) { return jack_port_by_name(c->client, a) != NULL; }

static int jt_transport(jt_client *c, jack_position_t *pos) {
	memset(pos, 0, sizeof *pos);
	return jack_transport_query(c->client, pos);
}
*/
import "C"

import (
	"errors"
	"fmt"
	"time"
	"unsafe"
)

// Client is a JACK client in this process that plays signals on its output
// ports and records its input ports. Open, Close and every method belong to
// one goroutine.
type Client struct {
	c       *C.jt_client
	name    string
	outputs []string
	inputs  []string
}

// OpenClient opens a client called name (exactly), registers the output
// and input ports by short name, and activates it. recordFrames is the
// capacity of each input's recording.
func OpenClient(name string, outputs, inputs []string, recordFrames int) (*Client, error) {
	if len(outputs) > C.JT_MAX_PORTS || len(inputs) > C.JT_MAX_PORTS {
		return nil, fmt.Errorf("jacktest: at most %d ports per direction", C.JT_MAX_PORTS)
	}
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	var status C.int
	c := C.jt_open(cname, &status)
	if c == nil {
		return nil, fmt.Errorf("jacktest: jack_client_open %q: status 0x%x", name, int(status))
	}
	cl := &Client{c: c, name: name, outputs: outputs, inputs: inputs}
	for i, list := range [][]string{inputs, outputs} {
		for _, p := range list {
			cp := C.CString(p)
			rc := C.jt_register(c, cp, C.int(i))
			C.free(unsafe.Pointer(cp))
			if rc != 0 {
				cl.Close()
				return nil, fmt.Errorf("jacktest: jack_port_register %s:%s failed", name, p)
			}
		}
	}
	c.rec_cap = C.uint32_t(recordFrames)
	for i := range inputs {
		c.rec[i] = (*C.float)(C.calloc(C.size_t(max(recordFrames, 1)), 4))
	}
	if rc := C.jack_activate(c.client); rc != 0 {
		cl.Close()
		return nil, fmt.Errorf("jacktest: jack_activate %q: %d", name, int(rc))
	}
	return cl, nil
}

// Port is the full name of the client's port short.
func (cl *Client) Port(short string) string { return cl.name + ":" + short }

// Start plays signals[i] on output i (nil for silence), looping them when
// loop is set, and restarts the recording, all from the same cycle. Signals
// must have equal lengths. Call it only while the client is idle (after
// OpenClient or Stop).
//
// Frame k of the signals and of the recording is the one at JACK frame
// time StartFrame()+k, so a cycle the server skipped leaves silence in its
// place rather than shifting what follows.
func (cl *Client) Start(signals [][]float32, loop bool) error {
	cl.c.stream = 0
	return cl.start(signals, loop)
}

// StartStream is Start, except that the signals are played and the inputs
// recorded period after period as the client is called, whatever the frame
// time says: the recording is the stream the client was given.
func (cl *Client) StartStream(signals [][]float32, loop bool) error {
	cl.c.stream = 1
	return cl.start(signals, loop)
}

func (cl *Client) start(signals [][]float32, loop bool) error {
	if C.jt_state(cl.c) != 0 {
		return errors.New("jacktest: Start while running; call Stop first")
	}
	n := 0
	for i, s := range signals {
		if i >= len(cl.outputs) {
			return fmt.Errorf("jacktest: %d signals for %d outputs", len(signals), len(cl.outputs))
		}
		if s == nil {
			continue
		}
		if n != 0 && len(s) != n {
			return errors.New("jacktest: signals of different lengths")
		}
		n = len(s)
		C.free(unsafe.Pointer(cl.c.play[i]))
		buf := (*C.float)(C.malloc(C.size_t(len(s)) * 4))
		copy(unsafe.Slice((*float32)(unsafe.Pointer(buf)), len(s)), s)
		cl.c.play[i] = buf
	}
	for i := range cl.inputs {
		clear(unsafe.Slice((*float32)(unsafe.Pointer(cl.c.rec[i])), int(cl.c.rec_cap)))
	}
	cl.c.play_len = C.uint32_t(n)
	cl.c.loop = 0
	if loop {
		cl.c.loop = 1
	}
	C.jt_set_state(cl.c, 1)
	return cl.waitState(2, 2*time.Second)
}

// Stop silences the outputs and freezes the recording.
func (cl *Client) Stop() {
	C.jt_set_state(cl.c, 0)
	// One cycle may still be using the old state; wait it out.
	cycles := C.jt_cycles(cl.c)
	deadline := time.Now().Add(time.Second)
	for C.jt_cycles(cl.c) < cycles+2 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
}

func (cl *Client) waitState(want C.int, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for C.jt_state(cl.c) != want {
		if time.Now().After(deadline) {
			return fmt.Errorf("jacktest: client %s: process callback not running", cl.name)
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

// WaitRecorded waits until frames frames are recorded (or the capacity is
// full) and reports whether they were, within timeout.
func (cl *Client) WaitRecorded(frames int, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for int(C.jt_rec_pos(cl.c)) < min(frames, int(cl.c.rec_cap)) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
	return true
}

// Recorded returns a copy of what input i has recorded so far.
func (cl *Client) Recorded(i int) []float32 {
	n := int(C.jt_rec_pos(cl.c))
	out := make([]float32, n)
	copy(out, unsafe.Slice((*float32)(unsafe.Pointer(cl.c.rec[i])), n))
	return out
}

// StartFrame is the JACK frame time of the first frame played and recorded
// since Start. Two clients' start frames give their offset in the graph.
func (cl *Client) StartFrame() uint32 { return uint32(C.jt_u32(&cl.c.start_frame)) }

// Stall makes the next process cycle sleep for d, longer than a period, so
// the server misses its deadline (an xrun) for everyone.
func (cl *Client) Stall(d time.Duration) { C.jt_stall(cl.c, C.uint32_t(d.Microseconds())) }

// XRuns is how many xruns the server reported to this client.
func (cl *Client) XRuns() int { return int(C.jt_u32(&cl.c.xruns)) }

// SkippedCycles is how many process cycles did not start at the frame
// where the one before ended: cycles the server ran without this client,
// reported as an xrun or not.
func (cl *Client) SkippedCycles() int { return int(C.jt_u32(&cl.c.skipped)) }

// Cycles is how many times the process callback ran.
func (cl *Client) Cycles() uint64 { return uint64(C.jt_cycles(cl.c)) }

// LastPeriod is the frame count of the last process cycle.
func (cl *Client) LastPeriod() int { return int(C.jt_u32(&cl.c.last_nframes)) }

// Connect connects the full port names src to dst.
func (cl *Client) Connect(src, dst string) error {
	cs, cd := C.CString(src), C.CString(dst)
	defer C.free(unsafe.Pointer(cs))
	defer C.free(unsafe.Pointer(cd))
	if rc := C.jack_connect(cl.c.client, cs, cd); rc != 0 && rc != C.int(C.EEXIST) {
		return fmt.Errorf("jacktest: jack_connect %s -> %s: %d", src, dst, int(rc))
	}
	return nil
}

// Disconnect removes the connection src -> dst.
func (cl *Client) Disconnect(src, dst string) error {
	cs, cd := C.CString(src), C.CString(dst)
	defer C.free(unsafe.Pointer(cs))
	defer C.free(unsafe.Pointer(cd))
	if rc := C.jack_disconnect(cl.c.client, cs, cd); rc != 0 {
		return fmt.Errorf("jacktest: jack_disconnect %s -> %s: %d", src, dst, int(rc))
	}
	return nil
}

// Connected reports whether the full port names a and b are connected.
func (cl *Client) Connected(a, b string) bool {
	ca, cb := C.CString(a), C.CString(b)
	defer C.free(unsafe.Pointer(ca))
	defer C.free(unsafe.Pointer(cb))
	return C.jt_connected(cl.c, ca, cb) != 0
}

// PortExists reports whether a port of that full name is registered.
func (cl *Client) PortExists(name string) bool {
	cn := C.CString(name)
	defer C.free(unsafe.Pointer(cn))
	return C.jt_port_exists(cl.c, cn) != 0
}

// Latency returns the latency range the graph reports for a port, in
// frames: playback (to the speakers) or capture (from the sources).
func (cl *Client) Latency(port string, playback bool) (minFrames, maxFrames int, err error) {
	cn := C.CString(port)
	defer C.free(unsafe.Pointer(cn))
	var lo, hi C.uint32_t
	pb := C.int(0)
	if playback {
		pb = 1
	}
	if C.jt_latency(cl.c, cn, pb, &lo, &hi) != 0 {
		return 0, 0, fmt.Errorf("jacktest: jack_port_by_name %s: no such port", port)
	}
	return int(lo), int(hi), nil
}

// RegisterMIDIOutput registers a MIDI output port called short; SendMIDI
// plays on it.
func (cl *Client) RegisterMIDIOutput(short string) error {
	cs := C.CString(short)
	defer C.free(unsafe.Pointer(cs))
	if C.jt_register_midi(cl.c, cs) != 0 {
		return fmt.Errorf("jacktest: jack_port_register %s:%s (MIDI) failed", cl.name, short)
	}
	return nil
}

// SendMIDI writes one MIDI event (at most 16 bytes) at offsetFrames into
// the next period of the MIDI output and waits until the process callback
// has written it.
func (cl *Client) SendMIDI(offsetFrames uint32, data []byte, timeout time.Duration) error {
	if len(data) == 0 || len(data) > 16 {
		return fmt.Errorf("jacktest: MIDI event of %d bytes; want 1 to 16", len(data))
	}
	if C.jt_send_midi(cl.c, C.uint32_t(offsetFrames), (*C.uint8_t)(unsafe.Pointer(&data[0])), C.uint32_t(len(data))) != 0 {
		return errors.New("jacktest: a MIDI event is still pending")
	}
	deadline := time.Now().Add(timeout)
	for C.jt_midi_sent(cl.c) == 0 {
		if time.Now().After(deadline) {
			return fmt.Errorf("jacktest: client %s: MIDI event not written within %v (offset beyond the period?)", cl.name, timeout)
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

// RegisterMIDIInput registers a MIDI input port called short, whose events
// ReceivedMIDI returns.
func (cl *Client) RegisterMIDIInput(short string) error {
	cs := C.CString(short)
	defer C.free(unsafe.Pointer(cs))
	if C.jt_register_midi_input(cl.c, cs) != 0 {
		return fmt.Errorf("jacktest: jack_port_register %s:%s (MIDI input) failed", cl.name, short)
	}
	return nil
}

// ReceivedMIDI returns a copy of every event the MIDI input received, in
// order, since it was registered (up to 64 KiB of them).
func (cl *Client) ReceivedMIDI() [][]byte {
	var events [][]byte
	for _, ev := range cl.ReceivedMIDITimed() {
		events = append(events, ev.Data)
	}
	return events
}

// MIDIEvent is one event the MIDI input received, at its JACK frame time:
// the period's first frame (jack_last_frame_time) plus the event's offset.
type MIDIEvent struct {
	Frame uint32
	Data  []byte
}

// ReceivedMIDITimed is ReceivedMIDI with each event's frame time.
func (cl *Client) ReceivedMIDITimed() []MIDIEvent {
	n := C.jt_u32(&cl.c.midi_rec_len)
	rec := C.GoBytes(unsafe.Pointer(&cl.c.midi_rec[0]), C.int(n))
	var events []MIDIEvent
	for len(rec) > 0 {
		size := int(rec[0])
		frame := uint32(rec[1]) | uint32(rec[2])<<8 | uint32(rec[3])<<16 | uint32(rec[4])<<24
		events = append(events, MIDIEvent{Frame: frame, Data: rec[5 : 5+size]})
		rec = rec[5+size:]
	}
	return events
}

// Position is JACK's transport as jack_transport_query gives it to this
// client: its state, frame and, from a timebase master, bar, beat, tick
// and tempo.
type Position struct {
	Rolling         bool
	Frame           uint32
	BBT             bool
	Bar, Beat, Tick int
	BeatsPerBar     float32
	TicksPerBeat    float64
	BPM             float64
	BarStartTick    float64
}

// Transport queries the transport.
func (cl *Client) Transport() Position {
	var pos C.jack_position_t
	st := C.jt_transport(cl.c, &pos)
	p := Position{Rolling: st == C.JackTransportRolling, Frame: uint32(pos.frame), BBT: pos.valid&C.JackPositionBBT != 0}
	if p.BBT {
		p.Bar, p.Beat, p.Tick = int(pos.bar), int(pos.beat), int(pos.tick)
		p.BeatsPerBar, p.TicksPerBeat = float32(pos.beats_per_bar), float64(pos.ticks_per_beat)
		p.BPM, p.BarStartTick = float64(pos.beats_per_minute), float64(pos.bar_start_tick)
	}
	return p
}

// Property reads a port's JACK metadata property key (for example
// "http://jackaudio.org/metadata/pretty-name") with jack_get_property.
func (cl *Client) Property(port, key string) (string, error) {
	cp, ck := C.CString(port), C.CString(key)
	defer C.free(unsafe.Pointer(cp))
	defer C.free(unsafe.Pointer(ck))
	var value *C.char
	switch rc := C.jt_property(cl.c, cp, ck, &value); rc {
	case 0:
		defer C.jack_free(unsafe.Pointer(value))
		return C.GoString(value), nil
	case -2:
		return "", fmt.Errorf("jacktest: jack_port_by_name %s: no such port", port)
	default:
		return "", fmt.Errorf("jacktest: jack_get_property %s %s: %d", port, key, int(rc))
	}
}

// PhysicalPlayback lists the physical playback ports (system:playback_1,
// …) in the server's order.
func (cl *Client) PhysicalPlayback() []string {
	ports := C.jt_physical_playback(cl.c)
	if ports == nil {
		return nil
	}
	defer C.jack_free(unsafe.Pointer(ports))
	var names []string
	for _, p := range unsafe.Slice(ports, 1024) {
		if p == nil {
			break
		}
		names = append(names, C.GoString(p))
	}
	return names
}

// Close deactivates and closes the client and frees its buffers.
func (cl *Client) Close() {
	if cl.c == nil {
		return
	}
	C.jack_deactivate(cl.c.client)
	C.jack_client_close(cl.c.client)
	C.jt_free(cl.c)
	cl.c = nil
}
