//go:build cgo

#include "host.h"

#include <lv2/atom/atom.h>
#include <lv2/buf-size/buf-size.h>
#include <lv2/core/lv2.h>
#include <lv2/options/options.h>
#include <lv2/parameters/parameters.h>
#include <lv2/port-props/port-props.h>
#include <lv2/resize-port/resize-port.h>
#include <lv2/state/state.h>
#include <lv2/units/units.h>
#include <lv2/urid/urid.h>
#include <lv2/worker/worker.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// ---- URID map: a table behind a mutex, used off the audio thread only
// (plugins map their URIs when they are instantiated).

typedef struct {
	pthread_mutex_t lock;
	char **uris;
	uint32_t n, cap;
} urid_table;

static LV2_URID map_uri(LV2_URID_Map_Handle handle, const char *uri) {
	urid_table *t = handle;
	LV2_URID id = 0;
	pthread_mutex_lock(&t->lock);
	for (uint32_t i = 0; i < t->n; i++) {
		if (strcmp(t->uris[i], uri) == 0) {
			id = i + 1;
			goto out;
		}
	}
	if (t->n == t->cap) {
		uint32_t cap = t->cap ? 2 * t->cap : 256;
		char **uris = realloc(t->uris, cap * sizeof(char *));
		if (!uris) goto out;
		t->uris = uris;
		t->cap = cap;
	}
	t->uris[t->n] = strdup(uri);
	if (t->uris[t->n]) id = ++t->n;
out:
	pthread_mutex_unlock(&t->lock);
	return id;
}

static const char *unmap_uri(LV2_URID_Unmap_Handle handle, LV2_URID urid) {
	urid_table *t = handle;
	const char *uri = NULL;
	pthread_mutex_lock(&t->lock);
	if (urid > 0 && urid <= t->n) uri = t->uris[urid - 1];
	pthread_mutex_unlock(&t->lock);
	return uri;
}

// ---- The world.

struct lv2h_host {
	LilvWorld *world;
	urid_table urids;
	LV2_URID_Map map;
	LV2_URID_Unmap unmap;
	LV2_Feature map_f, unmap_f, bounded_f;

	LilvNode *audio, *control, *cv, *atom, *input, *output;
	LilvNode *toggled, *integer, *enumeration, *logarithmic, *sample_rate;
	LilvNode *reports_latency, *optional, *not_on_gui, *unit, *unit_symbol, *minimum_size;

	LV2_URID atom_float, atom_double, atom_int, atom_long, atom_bool;
	LV2_URID atom_sequence, atom_chunk;
	LV2_URID param_sample_rate, bufsz_min, bufsz_max, bufsz_nominal, bufsz_seq;
};

lv2h_host *lv2h_host_new(void) {
	lv2h_host *h = calloc(1, sizeof *h);
	if (!h) return NULL;
	pthread_mutex_init(&h->urids.lock, NULL);
	h->world = lilv_world_new();
	if (!h->world) {
		free(h);
		return NULL;
	}
	lilv_world_load_all(h->world);
	h->map = (LV2_URID_Map){&h->urids, map_uri};
	h->unmap = (LV2_URID_Unmap){&h->urids, unmap_uri};
	h->map_f = (LV2_Feature){LV2_URID__map, &h->map};
	h->unmap_f = (LV2_Feature){LV2_URID__unmap, &h->unmap};
	h->bounded_f = (LV2_Feature){LV2_BUF_SIZE__boundedBlockLength, NULL};

	LilvWorld *w = h->world;
	h->audio = lilv_new_uri(w, LV2_CORE__AudioPort);
	h->control = lilv_new_uri(w, LV2_CORE__ControlPort);
	h->cv = lilv_new_uri(w, LV2_CORE__CVPort);
	h->atom = lilv_new_uri(w, LV2_ATOM__AtomPort);
	h->input = lilv_new_uri(w, LV2_CORE__InputPort);
	h->output = lilv_new_uri(w, LV2_CORE__OutputPort);
	h->toggled = lilv_new_uri(w, LV2_CORE__toggled);
	h->integer = lilv_new_uri(w, LV2_CORE__integer);
	h->enumeration = lilv_new_uri(w, LV2_CORE__enumeration);
	h->logarithmic = lilv_new_uri(w, LV2_PORT_PROPS__logarithmic);
	h->sample_rate = lilv_new_uri(w, LV2_CORE__sampleRate);
	h->reports_latency = lilv_new_uri(w, LV2_CORE__reportsLatency);
	h->optional = lilv_new_uri(w, LV2_CORE__connectionOptional);
	h->not_on_gui = lilv_new_uri(w, LV2_PORT_PROPS__notOnGUI);
	h->unit = lilv_new_uri(w, LV2_UNITS__unit);
	h->unit_symbol = lilv_new_uri(w, LV2_UNITS__symbol);
	h->minimum_size = lilv_new_uri(w, LV2_RESIZE_PORT__minimumSize);

	h->atom_float = map_uri(&h->urids, LV2_ATOM__Float);
	h->atom_double = map_uri(&h->urids, LV2_ATOM__Double);
	h->atom_int = map_uri(&h->urids, LV2_ATOM__Int);
	h->atom_long = map_uri(&h->urids, LV2_ATOM__Long);
	h->atom_bool = map_uri(&h->urids, LV2_ATOM__Bool);
	h->atom_sequence = map_uri(&h->urids, LV2_ATOM__Sequence);
	h->atom_chunk = map_uri(&h->urids, LV2_ATOM__Chunk);
	h->param_sample_rate = map_uri(&h->urids, LV2_PARAMETERS__sampleRate);
	h->bufsz_min = map_uri(&h->urids, LV2_BUF_SIZE__minBlockLength);
	h->bufsz_max = map_uri(&h->urids, LV2_BUF_SIZE__maxBlockLength);
	h->bufsz_nominal = map_uri(&h->urids, LV2_BUF_SIZE__nominalBlockLength);
	h->bufsz_seq = map_uri(&h->urids, LV2_BUF_SIZE__sequenceSize);
	return h;
}

void lv2h_host_free(lv2h_host *h) {
	LilvNode *nodes[] = {h->audio, h->control, h->cv, h->atom, h->input, h->output,
		h->toggled, h->integer, h->enumeration, h->logarithmic, h->sample_rate,
		h->reports_latency, h->optional, h->not_on_gui, h->unit, h->unit_symbol, h->minimum_size};
	for (size_t i = 0; i < sizeof nodes / sizeof nodes[0]; i++) lilv_node_free(nodes[i]);
	lilv_world_free(h->world);
	for (uint32_t i = 0; i < h->urids.n; i++) free(h->urids.uris[i]);
	free(h->urids.uris);
	pthread_mutex_destroy(&h->urids.lock);
	free(h);
}

LilvWorld *lv2h_world(lv2h_host *h) { return h->world; }

const LilvPlugin *lv2h_find(lv2h_host *h, const char *uri) {
	LilvNode *n = lilv_new_uri(h->world, uri);
	const LilvPlugin *p = lilv_plugins_get_by_uri(lilv_world_get_all_plugins(h->world), n);
	lilv_node_free(n);
	return p;
}

static char *unit_symbol(lv2h_host *h, const LilvNode *unit) {
	LilvNode *sym = lilv_world_get(h->world, unit, h->unit_symbol, NULL);
	if (sym) {
		char *s = strdup(lilv_node_as_string(sym));
		lilv_node_free(sym);
		return s;
	}
	if (lilv_node_is_uri(unit)) {
		const char *u = lilv_node_as_uri(unit);
		const char *hash = strrchr(u, '#');
		return strdup(hash ? hash + 1 : u);
	}
	return NULL;
}

int lv2h_describe_port(lv2h_host *h, const LilvPlugin *p, uint32_t index, lv2h_port *out) {
	const LilvPort *port = lilv_plugin_get_port_by_index(p, index);
	if (!port) return 0;
	memset(out, 0, sizeof *out);
	if (lilv_port_is_a(p, port, h->audio)) out->kind = LV2H_AUDIO;
	else if (lilv_port_is_a(p, port, h->control)) out->kind = LV2H_CONTROL;
	else if (lilv_port_is_a(p, port, h->cv)) out->kind = LV2H_CV;
	else if (lilv_port_is_a(p, port, h->atom)) out->kind = LV2H_ATOM;
	else out->kind = LV2H_OTHER;
	out->output = lilv_port_is_a(p, port, h->output);

	LilvNode *def, *min, *max;
	lilv_port_get_range(p, port, &def, &min, &max);
	if (def) {
		out->has_default = 1;
		out->def = lilv_node_as_float(def);
		lilv_node_free(def);
	}
	if (min) {
		out->has_min = 1;
		out->min = lilv_node_as_float(min);
		lilv_node_free(min);
	}
	if (max) {
		out->has_max = 1;
		out->max = lilv_node_as_float(max);
		lilv_node_free(max);
	}
	out->toggled = lilv_port_has_property(p, port, h->toggled);
	out->integer = lilv_port_has_property(p, port, h->integer);
	out->enumeration = lilv_port_has_property(p, port, h->enumeration);
	out->logarithmic = lilv_port_has_property(p, port, h->logarithmic);
	out->sample_rate = lilv_port_has_property(p, port, h->sample_rate);
	out->reports_latency = lilv_port_has_property(p, port, h->reports_latency) ||
		(lilv_plugin_has_latency(p) && lilv_plugin_get_latency_port_index(p) == index);
	out->optional = lilv_port_has_property(p, port, h->optional);
	out->not_on_gui = lilv_port_has_property(p, port, h->not_on_gui);

	out->symbol = strdup(lilv_node_as_string(lilv_port_get_symbol(p, port)));
	LilvNode *name = lilv_port_get_name(p, port);
	out->name = strdup(name ? lilv_node_as_string(name) : out->symbol);
	lilv_node_free(name);
	LilvNodes *units = lilv_port_get_value(p, port, h->unit);
	if (units) {
		if (lilv_nodes_size(units) > 0) out->unit = unit_symbol(h, lilv_nodes_get_first(units));
		lilv_nodes_free(units);
	}

	LilvScalePoints *points = lilv_port_get_scale_points(p, port);
	if (points) {
		unsigned n = lilv_scale_points_size(points);
		out->point_values = calloc(n ? n : 1, sizeof(float));
		out->point_labels = calloc(n ? n : 1, sizeof(char *));
		LILV_FOREACH (scale_points, it, points) {
			const LilvScalePoint *sp = lilv_scale_points_get(points, it);
			out->point_values[out->n_points] = lilv_node_as_float(lilv_scale_point_get_value(sp));
			out->point_labels[out->n_points] = strdup(lilv_node_as_string(lilv_scale_point_get_label(sp)));
			out->n_points++;
		}
		lilv_scale_points_free(points);
	}
	return 1;
}

void lv2h_free_port(lv2h_port *port) {
	free(port->symbol);
	free(port->name);
	free(port->unit);
	for (int i = 0; i < port->n_points; i++) free(port->point_labels[i]);
	free(port->point_labels);
	free(port->point_values);
}

static const char *const supported_features[] = {
	LV2_URID__map,
	LV2_URID__unmap,
	LV2_OPTIONS__options,
	LV2_BUF_SIZE__boundedBlockLength,
	LV2_WORKER__schedule,
	LV2_CORE__hardRTCapable, // a property of the plugin that some list as required
	NULL,
};

const char *lv2h_missing_feature(lv2h_host *h, const LilvPlugin *p) {
	(void)h;
	static _Thread_local char missing[512];
	const char *found = NULL;
	LilvNodes *req = lilv_plugin_get_required_features(p);
	LILV_FOREACH (nodes, it, req) {
		const char *uri = lilv_node_as_uri(lilv_nodes_get(req, it));
		int ok = 0;
		for (int i = 0; supported_features[i]; i++) {
			if (strcmp(uri, supported_features[i]) == 0) ok = 1;
		}
		if (!ok) {
			snprintf(missing, sizeof missing, "%s", uri);
			found = missing;
			break;
		}
	}
	lilv_nodes_free(req);
	return found;
}

// ---- Worker rings: single producer, single consumer, messages of a
// 32-bit size and that many bytes. Positions run freely and wrap.

typedef struct {
	_Atomic uint32_t head, tail;
	uint8_t *buf;
} ring;

static void ring_copy_in(ring *r, uint32_t pos, const void *src, uint32_t n) {
	uint32_t off = pos & (LV2H_RING_BYTES - 1);
	uint32_t first = n < LV2H_RING_BYTES - off ? n : LV2H_RING_BYTES - off;
	memcpy(r->buf + off, src, first);
	memcpy(r->buf, (const uint8_t *)src + first, n - first);
}

static void ring_copy_out(ring *r, uint32_t pos, void *dst, uint32_t n) {
	uint32_t off = pos & (LV2H_RING_BYTES - 1);
	uint32_t first = n < LV2H_RING_BYTES - off ? n : LV2H_RING_BYTES - off;
	memcpy(dst, r->buf + off, first);
	memcpy((uint8_t *)dst + first, r->buf, n - first);
}

static int ring_write(ring *r, uint32_t size, const void *data) {
	uint32_t head = atomic_load_explicit(&r->head, memory_order_relaxed);
	uint32_t tail = atomic_load_explicit(&r->tail, memory_order_acquire);
	if (LV2H_RING_BYTES - (head - tail) < 4 + (uint64_t)size) return 0;
	ring_copy_in(r, head, &size, 4);
	ring_copy_in(r, head + 4, data, size);
	atomic_store_explicit(&r->head, head + 4 + size, memory_order_release);
	return 1;
}

static int ring_read(ring *r, uint32_t *size, void *data) {
	uint32_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
	uint32_t head = atomic_load_explicit(&r->head, memory_order_acquire);
	if (head == tail) return 0;
	ring_copy_out(r, tail, size, 4);
	ring_copy_out(r, tail + 4, data, *size);
	atomic_store_explicit(&r->tail, tail + 4 + *size, memory_order_release);
	return 1;
}

// ---- Instances.

struct lv2h_inst {
	lv2h_host *h;
	const LilvPlugin *plugin;
	LilvInstance *li;
	const LV2_Descriptor *desc;
	LV2_Handle handle;
	uint32_t nports;
	int *kinds, *outputs;
	float *controls;
	void **bufs;
	uint32_t *audio_out, n_audio_out;
	uint32_t *atoms, n_atoms;
	uint32_t *atom_bytes; // the capacity of each port's atom buffer
	int active;
	_Atomic uint32_t faults;

	const LV2_Worker_Interface *worker;
	ring requests, responses;
	uint8_t *work_scratch, *response_scratch;

	int32_t min_block, max_block, nominal_block, seq_size;
	float rate;
	LV2_Options_Option options[6];
	LV2_Worker_Schedule schedule;
	LV2_Feature options_f, schedule_f;
	const LV2_Feature *features[6];
};

static LV2_Worker_Status schedule_work(LV2_Worker_Schedule_Handle handle, uint32_t size, const void *data) {
	lv2h_inst *in = handle;
	return ring_write(&in->requests, size, data) ? LV2_WORKER_SUCCESS : LV2_WORKER_ERR_NO_SPACE;
}

static LV2_Worker_Status respond(LV2_Worker_Respond_Handle handle, uint32_t size, const void *data) {
	lv2h_inst *in = handle;
	return ring_write(&in->responses, size, data) ? LV2_WORKER_SUCCESS : LV2_WORKER_ERR_NO_SPACE;
}

static char *errorf(const char *format, const char *arg) {
	size_t n = strlen(format) + strlen(arg) + 1;
	char *s = malloc(n);
	if (s) snprintf(s, n, format, arg);
	return s;
}

lv2h_inst *lv2h_instantiate(lv2h_host *h, const LilvPlugin *p, double rate, int32_t nominal_frames, char **err) {
	lv2h_inst *in = calloc(1, sizeof *in);
	if (!in) {
		*err = strdup("out of memory");
		return NULL;
	}
	in->h = h;
	in->plugin = p;
	in->nports = lilv_plugin_get_num_ports(p);
	uint32_t n = in->nports ? in->nports : 1;
	in->kinds = calloc(n, sizeof(int));
	in->outputs = calloc(n, sizeof(int));
	in->controls = calloc(n, sizeof(float));
	in->bufs = calloc(n, sizeof(void *));
	in->audio_out = calloc(n, sizeof(uint32_t));
	in->atoms = calloc(n, sizeof(uint32_t));
	in->atom_bytes = calloc(n, sizeof(uint32_t));
	in->requests.buf = malloc(LV2H_RING_BYTES);
	in->responses.buf = malloc(LV2H_RING_BYTES);
	in->work_scratch = malloc(LV2H_RING_BYTES);
	in->response_scratch = malloc(LV2H_RING_BYTES);
	if (!in->kinds || !in->outputs || !in->controls || !in->bufs || !in->audio_out || !in->atoms || !in->atom_bytes ||
		!in->requests.buf || !in->responses.buf || !in->work_scratch || !in->response_scratch) {
		*err = strdup("out of memory");
		lv2h_inst_free(in);
		return NULL;
	}

	in->rate = (float)rate;
	in->min_block = 1;
	in->max_block = LV2H_MAX_FRAMES;
	in->nominal_block = nominal_frames;
	in->seq_size = LV2H_ATOM_BYTES;
	for (uint32_t i = 0; i < in->nports; i++) {
		const LilvPort *port = lilv_plugin_get_port_by_index(p, i);
		in->atom_bytes[i] = LV2H_ATOM_BYTES;
		LilvNode *size = lilv_port_get(p, port, h->minimum_size);
		if (size && lilv_node_is_int(size) && lilv_node_as_int(size) > LV2H_ATOM_BYTES) {
			in->atom_bytes[i] = (uint32_t)lilv_node_as_int(size);
		}
		lilv_node_free(size);
		if ((int32_t)in->atom_bytes[i] > in->seq_size) in->seq_size = (int32_t)in->atom_bytes[i];
	}
	in->options[0] = (LV2_Options_Option){LV2_OPTIONS_INSTANCE, 0, h->param_sample_rate, sizeof(float), h->atom_float, &in->rate};
	in->options[1] = (LV2_Options_Option){LV2_OPTIONS_INSTANCE, 0, h->bufsz_min, sizeof(int32_t), h->atom_int, &in->min_block};
	in->options[2] = (LV2_Options_Option){LV2_OPTIONS_INSTANCE, 0, h->bufsz_max, sizeof(int32_t), h->atom_int, &in->max_block};
	in->options[3] = (LV2_Options_Option){LV2_OPTIONS_INSTANCE, 0, h->bufsz_nominal, sizeof(int32_t), h->atom_int, &in->nominal_block};
	in->options[4] = (LV2_Options_Option){LV2_OPTIONS_INSTANCE, 0, h->bufsz_seq, sizeof(int32_t), h->atom_int, &in->seq_size};
	in->options[5] = (LV2_Options_Option){LV2_OPTIONS_INSTANCE, 0, 0, 0, 0, NULL};
	in->schedule = (LV2_Worker_Schedule){in, schedule_work};
	in->options_f = (LV2_Feature){LV2_OPTIONS__options, in->options};
	in->schedule_f = (LV2_Feature){LV2_WORKER__schedule, &in->schedule};
	in->features[0] = &h->map_f;
	in->features[1] = &h->unmap_f;
	in->features[2] = &in->options_f;
	in->features[3] = &h->bounded_f;
	in->features[4] = &in->schedule_f;
	in->features[5] = NULL;

	in->li = lilv_plugin_instantiate(p, rate, in->features);
	if (!in->li) {
		*err = strdup("lilv_plugin_instantiate: the plugin refused to start");
		lv2h_inst_free(in);
		return NULL;
	}
	in->desc = lilv_instance_get_descriptor(in->li);
	in->handle = lilv_instance_get_handle(in->li);
	in->worker = lilv_instance_get_extension_data(in->li, LV2_WORKER__interface);

	float *defs = calloc(n, sizeof(float)), *mins = calloc(n, sizeof(float));
	if (!defs || !mins) {
		free(defs);
		free(mins);
		*err = strdup("out of memory");
		lv2h_inst_free(in);
		return NULL;
	}
	lilv_plugin_get_port_ranges_float(p, mins, NULL, defs);
	for (uint32_t i = 0; i < in->nports; i++) {
		const LilvPort *port = lilv_plugin_get_port_by_index(p, i);
		in->outputs[i] = lilv_port_is_a(p, port, h->output);
		void *buf = NULL;
		if (lilv_port_is_a(p, port, h->control)) {
			in->kinds[i] = LV2H_CONTROL;
			in->controls[i] = !isnan(defs[i]) ? defs[i] : !isnan(mins[i]) ? mins[i] : 0;
			buf = &in->controls[i];
		} else if (lilv_port_is_a(p, port, h->audio) || lilv_port_is_a(p, port, h->cv)) {
			in->kinds[i] = lilv_port_is_a(p, port, h->audio) ? LV2H_AUDIO : LV2H_CV;
			buf = in->bufs[i] = calloc(LV2H_MAX_FRAMES, sizeof(float));
			if (in->kinds[i] == LV2H_AUDIO && in->outputs[i]) in->audio_out[in->n_audio_out++] = i;
		} else if (lilv_port_is_a(p, port, h->atom)) {
			in->kinds[i] = LV2H_ATOM;
			in->atom_bytes[i] = (uint32_t)in->seq_size;
			buf = in->bufs[i] = calloc(1, in->atom_bytes[i]);
			in->atoms[in->n_atoms++] = i;
		} else {
			in->kinds[i] = LV2H_OTHER;
			if (!lilv_port_has_property(p, port, h->optional)) {
				*err = errorf("port %s is of a type this host does not support",
					lilv_node_as_string(lilv_port_get_symbol(p, port)));
				free(defs);
				free(mins);
				lv2h_inst_free(in);
				return NULL;
			}
		}
		if (in->kinds[i] != LV2H_OTHER && !buf) {
			*err = strdup("out of memory");
			free(defs);
			free(mins);
			lv2h_inst_free(in);
			return NULL;
		}
		lilv_instance_connect_port(in->li, i, buf);
	}
	free(defs);
	free(mins);
	return in;
}

void lv2h_inst_free(lv2h_inst *in) {
	if (in->li) {
		if (in->active) lilv_instance_deactivate(in->li);
		lilv_instance_free(in->li);
	}
	for (uint32_t i = 0; in->bufs && i < in->nports; i++) free(in->bufs[i]);
	free(in->kinds);
	free(in->outputs);
	free(in->controls);
	free(in->bufs);
	free(in->audio_out);
	free(in->atoms);
	free(in->atom_bytes);
	free(in->requests.buf);
	free(in->responses.buf);
	free(in->work_scratch);
	free(in->response_scratch);
	free(in);
}

float *lv2h_controls(lv2h_inst *in) { return in->controls; }
float *lv2h_buffer(lv2h_inst *in, uint32_t port) { return in->bufs[port]; }

void lv2h_connect(lv2h_inst *in, uint32_t port, float *buf) {
	lilv_instance_connect_port(in->li, port, buf ? buf : in->bufs[port]);
}

void lv2h_activate(lv2h_inst *in) {
	if (!in->active) lilv_instance_activate(in->li);
	in->active = 1;
}

void lv2h_deactivate(lv2h_inst *in) {
	if (in->active) lilv_instance_deactivate(in->li);
	in->active = 0;
}

int lv2h_has_worker(lv2h_inst *in) { return in->worker != NULL; }

int lv2h_has_state(lv2h_inst *in) { return lilv_instance_get_extension_data(in->li, LV2_STATE__interface) != NULL; }

uint32_t lv2h_faults(lv2h_inst *in) { return atomic_load_explicit(&in->faults, memory_order_relaxed); }

void lv2h_audio_counts(lv2h_host *h, const LilvPlugin *p, int *ins, int *outs) {
	*ins = (int)lilv_plugin_get_num_ports_of_class(p, h->audio, h->input, NULL);
	*outs = (int)lilv_plugin_get_num_ports_of_class(p, h->audio, h->output, NULL);
}

int lv2h_work(lv2h_inst *in) {
	int n = 0;
	uint32_t size;
	while (in->worker && ring_read(&in->requests, &size, in->work_scratch)) {
		in->worker->work(in->handle, respond, in, size, in->work_scratch);
		n++;
	}
	return n;
}

// ---- The audio thread.

// not_finite returns acc with its top bit set if a sample is an infinity
// or a NaN: only those have every exponent bit set, and only then does
// adding one to the exponent carry into the sign bit. An OR has no chain
// of comparisons, so the loop vectorises to a fraction of a nanosecond
// per sample.
__attribute__((optimize("O3"))) static uint32_t not_finite(const void *samples, uint32_t n, uint32_t acc) {
	const uint32_t *bits = samples;
	for (uint32_t j = 0; j < n; j++) acc |= (bits[j] & 0x7f800000u) + 0x00800000u;
	return acc;
}

int lv2h_run(lv2h_inst *in, uint32_t frames) {
	if (frames > LV2H_MAX_FRAMES) frames = LV2H_MAX_FRAMES;
	lv2h_host *h = in->h;
	if (in->worker) {
		uint32_t size;
		while (ring_read(&in->responses, &size, in->response_scratch)) {
			in->worker->work_response(in->handle, size, in->response_scratch);
		}
	}
	for (uint32_t k = 0; k < in->n_atoms; k++) {
		uint32_t i = in->atoms[k];
		LV2_Atom_Sequence *seq = in->bufs[i];
		if (in->outputs[i]) {
			seq->atom.size = in->atom_bytes[i] - sizeof(LV2_Atom);
			seq->atom.type = h->atom_chunk;
		} else {
			seq->atom.size = sizeof(LV2_Atom_Sequence_Body);
			seq->atom.type = h->atom_sequence;
			seq->body.unit = 0;
			seq->body.pad = 0;
		}
	}
	in->desc->run(in->handle, frames);
	if (in->worker && in->worker->end_run) in->worker->end_run(in->handle);

	uint32_t acc = 0;
	for (uint32_t k = 0; k < in->n_audio_out; k++) acc = not_finite(in->bufs[in->audio_out[k]], frames, acc);
	if (!(acc & 0x80000000u)) return 1;
	atomic_fetch_add_explicit(&in->faults, 1, memory_order_relaxed);
	for (uint32_t k = 0; k < in->n_audio_out; k++) {
		memset(in->bufs[in->audio_out[k]], 0, frames * sizeof(float));
	}
	return 0;
}

int lv2h_run_chain(lv2h_inst **chain, int n, uint32_t frames) {
	int faulted = -1;
	for (int k = 0; k < n; k++) {
		if (!lv2h_run(chain[k], frames) && faulted < 0) faulted = k;
	}
	return faulted;
}

int64_t lv2h_run_bare(lv2h_inst **chain, int n, uint32_t frames, int iters) {
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int it = 0; it < iters; it++) {
		for (int k = 0; k < n; k++) chain[k]->desc->run(chain[k]->handle, frames);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (int64_t)(b.tv_sec - a.tv_sec) * 1000000000 + (b.tv_nsec - a.tv_nsec);
}

// ---- State.

static int port_by_symbol(lv2h_inst *in, const char *symbol) {
	LilvNode *n = lilv_new_string(in->h->world, symbol);
	const LilvPort *port = lilv_plugin_get_port_by_symbol(in->plugin, n);
	lilv_node_free(n);
	if (!port) return -1;
	uint32_t i = lilv_port_get_index(in->plugin, port);
	if (in->kinds[i] != LV2H_CONTROL || in->outputs[i]) return -1;
	return (int)i;
}

static const void *get_port_value(const char *symbol, void *user_data, uint32_t *size, uint32_t *type) {
	lv2h_inst *in = user_data;
	int i = port_by_symbol(in, symbol);
	if (i < 0) {
		*size = 0;
		*type = 0;
		return NULL;
	}
	*size = sizeof(float);
	*type = in->h->atom_float;
	return &in->controls[i];
}

static void set_port_value(const char *symbol, void *user_data, const void *value, uint32_t size, uint32_t type) {
	lv2h_inst *in = user_data;
	lv2h_host *h = in->h;
	int i = port_by_symbol(in, symbol);
	if (i < 0) return;
	if (type == h->atom_float && size == sizeof(float)) in->controls[i] = *(const float *)value;
	else if (type == h->atom_double && size == sizeof(double)) in->controls[i] = (float)*(const double *)value;
	else if ((type == h->atom_int || type == h->atom_bool) && size == sizeof(int32_t)) in->controls[i] = (float)*(const int32_t *)value;
	else if (type == h->atom_long && size == sizeof(int64_t)) in->controls[i] = (float)*(const int64_t *)value;
}

char *lv2h_save_state(lv2h_inst *in, char **err) {
	lv2h_host *h = in->h;
	LilvState *st = lilv_state_new_from_instance(in->plugin, in->li, &h->map, NULL, NULL, NULL, NULL,
		get_port_value, in, LV2_STATE_IS_POD | LV2_STATE_IS_PORTABLE, in->features);
	if (!st) {
		*err = strdup("lilv_state_new_from_instance failed");
		return NULL;
	}
	char *s = lilv_state_to_string(h->world, &h->map, &h->unmap, st, "urn:linuxdj:lv2:state", NULL);
	lilv_state_free(st);
	if (!s) *err = strdup("lilv_state_to_string failed");
	return s;
}

int lv2h_restore_state(lv2h_inst *in, const char *ttl, char **err) {
	lv2h_host *h = in->h;
	LilvState *st = lilv_state_new_from_string(h->world, &h->map, ttl);
	if (!st) {
		*err = strdup("lilv_state_new_from_string: not an LV2 state");
		return 0;
	}
	const LilvNode *uri = lilv_state_get_plugin_uri(st);
	if (!uri || !lilv_node_equals(uri, lilv_plugin_get_uri(in->plugin))) {
		*err = errorf("the state is of another plugin (%s)", uri ? lilv_node_as_uri(uri) : "none");
		lilv_state_free(st);
		return 0;
	}
	lilv_state_restore(st, in->li, set_port_value, in, 0, in->features);
	lilv_state_free(st);
	return 1;
}
