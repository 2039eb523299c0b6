// A plugin for the host's own tests: it passes audio through, asks its
// worker to echo a message whenever its trigger control changes, counts
// the echoes it gets back on its responses output, and writes a NaN when
// its poison control is on. Built by the tests with gcc.

#include <lv2/core/lv2.h>
#include <lv2/worker/worker.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { IN, OUT, TRIGGER, RESPONSES, POISON };

typedef struct {
	const float *in;
	float *out;
	const float *trigger, *poison;
	float *responses;
	float last_trigger, count;
	LV2_Worker_Schedule *schedule;
} Test;

static LV2_Handle instantiate(const LV2_Descriptor *d, double rate, const char *path, const LV2_Feature *const *features) {
	(void)d, (void)rate, (void)path;
	Test *t = calloc(1, sizeof *t);
	for (int i = 0; features[i]; i++) {
		if (!strcmp(features[i]->URI, LV2_WORKER__schedule)) t->schedule = features[i]->data;
	}
	if (!t->schedule) {
		free(t);
		return NULL;
	}
	return t;
}

static void connect_port(LV2_Handle h, uint32_t port, void *data) {
	Test *t = h;
	switch (port) {
	case IN: t->in = data; break;
	case OUT: t->out = data; break;
	case TRIGGER: t->trigger = data; break;
	case RESPONSES: t->responses = data; break;
	case POISON: t->poison = data; break;
	}
}

static void run(LV2_Handle h, uint32_t frames) {
	Test *t = h;
	memcpy(t->out, t->in, frames * sizeof(float));
	if (*t->poison > 0 && frames > 0) t->out[frames / 2] = NAN;
	if (*t->trigger != t->last_trigger) {
		t->last_trigger = *t->trigger;
		t->schedule->schedule_work(t->schedule->handle, sizeof(float), &t->last_trigger);
	}
	*t->responses = t->count;
}

static LV2_Worker_Status work(LV2_Handle h, LV2_Worker_Respond_Function respond, LV2_Worker_Respond_Handle rh, uint32_t size, const void *data) {
	(void)h;
	return respond(rh, size, data);
}

static LV2_Worker_Status work_response(LV2_Handle h, uint32_t size, const void *data) {
	Test *t = h;
	if (size == sizeof(float) && *(const float *)data == t->last_trigger) t->count++;
	return LV2_WORKER_SUCCESS;
}

static const void *extension_data(const char *uri) {
	static const LV2_Worker_Interface worker = {work, work_response, NULL};
	return strcmp(uri, LV2_WORKER__interface) ? NULL : &worker;
}

static void cleanup(LV2_Handle h) { free(h); }

static const LV2_Descriptor descriptor = {
	"urn:linuxdj:test:worker", instantiate, connect_port, NULL, run, NULL, cleanup, extension_data,
};

LV2_SYMBOL_EXPORT const LV2_Descriptor *lv2_descriptor(uint32_t index) { return index ? NULL : &descriptor; }
