#include <jack/jack.h>
#include "_cgo_export.h"

// jt_go_process is the whole C side of a GoClient's process callback: it
// enters Go and returns.
static int jt_go_process(jack_nframes_t n, void *arg) {
	(void)arg;
	return jtGoProcess(n);
}

jack_client_t *jt_go_open(const char *name) {
	jack_status_t st;
	jack_client_t *c = jack_client_open(name, JackNoStartServer | JackUseExactName, &st);
	if (c == NULL) {
		return NULL;
	}
	if (jack_set_process_callback(c, jt_go_process, NULL) != 0 ||
	    jack_port_register(c, "in", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0) == NULL ||
	    jack_port_register(c, "out", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0) == NULL ||
	    jack_activate(c) != 0) {
		jack_client_close(c);
		return NULL;
	}
	return c;
}
