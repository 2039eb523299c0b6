// The C half of the LV2 host: what must not cross into Go on the audio
// thread (the plugin's run, the worker's rings, the output check) and the
// C callbacks lilv and plugins call (URID map, state port values).

#ifndef LINUXDJ_LV2_HOST_H
#define LINUXDJ_LV2_HOST_H

#include <stdint.h>
#include <lilv/lilv.h>

// The largest period a plugin is run with; every buffer is this long.
#define LV2H_MAX_FRAMES 8192
// The capacity of each atom port's sequence buffer in bytes, or more if
// a port asks for more (rsz:minimumSize).
#define LV2H_ATOM_BYTES 32768
// The capacity of each worker ring in bytes.
#define LV2H_RING_BYTES 65536

enum {
	LV2H_AUDIO = 1,
	LV2H_CONTROL = 2,
	LV2H_CV = 3,
	LV2H_ATOM = 4,
	LV2H_OTHER = 5,
};

typedef struct lv2h_host lv2h_host;
typedef struct lv2h_inst lv2h_inst;

// What Go reads of one port, filled by lv2h_describe_port. Strings are
// malloc'ed copies the caller frees with lv2h_free_port.
typedef struct {
	int kind;
	int output;
	int has_min, has_max, has_default;
	float min, max, def;
	int toggled, integer, enumeration, logarithmic, sample_rate;
	int reports_latency, optional, not_on_gui;
	char *symbol, *name, *unit;
	int n_points;
	float *point_values;
	char **point_labels;
} lv2h_port;

lv2h_host *lv2h_host_new(void);
void lv2h_host_free(lv2h_host *h);
LilvWorld *lv2h_world(lv2h_host *h);
const LilvPlugin *lv2h_find(lv2h_host *h, const char *uri);
int lv2h_describe_port(lv2h_host *h, const LilvPlugin *p, uint32_t index, lv2h_port *out);
void lv2h_free_port(lv2h_port *port);
// lv2h_missing_feature returns the URI of the first feature p requires
// that the host does not provide, or NULL.
const char *lv2h_missing_feature(lv2h_host *h, const LilvPlugin *p);

lv2h_inst *lv2h_instantiate(lv2h_host *h, const LilvPlugin *p, double rate, int32_t nominal_frames, char **err);
void lv2h_inst_free(lv2h_inst *in);
float *lv2h_controls(lv2h_inst *in);
float *lv2h_buffer(lv2h_inst *in, uint32_t port);
void lv2h_connect(lv2h_inst *in, uint32_t port, float *buf);
void lv2h_activate(lv2h_inst *in);
void lv2h_deactivate(lv2h_inst *in);
int lv2h_has_worker(lv2h_inst *in);
// lv2h_has_state reports whether the plugin saves state of its own (the
// LV2 State extension), beyond its control ports.
int lv2h_has_state(lv2h_inst *in);
// lv2h_faults counts the periods whose output was not finite.
uint32_t lv2h_faults(lv2h_inst *in);
void lv2h_audio_counts(lv2h_host *h, const LilvPlugin *p, int *ins, int *outs);
int lv2h_work(lv2h_inst *in);

// lv2h_run delivers the worker's responses, runs the plugin, ends the
// worker's cycle and checks the audio outputs: 1 when they are finite,
// 0 when a NaN or infinity was found (the outputs are then zeroed).
int lv2h_run(lv2h_inst *in, uint32_t frames);
// lv2h_run_chain runs n instances in order; it returns the index of the
// first whose output was not finite, or -1.
int lv2h_run_chain(lv2h_inst **chain, int n, uint32_t frames);
// lv2h_run_bare calls only the plugins' own run functions, iters times
// over the chain, and returns the nanoseconds it took: the plugins' own
// cost, for measuring the host's.
int64_t lv2h_run_bare(lv2h_inst **chain, int n, uint32_t frames, int iters);

char *lv2h_save_state(lv2h_inst *in, char **err);
int lv2h_restore_state(lv2h_inst *in, const char *ttl, char **err);

#endif
