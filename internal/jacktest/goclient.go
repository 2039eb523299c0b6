package jacktest

/*
#cgo linux LDFLAGS: -ljack
#include <stdlib.h>
#include <jack/jack.h>
jack_client_t *jt_go_open(const char *name);
*/
import "C"

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

// goCycles counts the periods a GoClient's callback has run.
var goCycles atomic.Uint64

//export jtGoProcess
func jtGoProcess(C.jack_nframes_t) C.int {
	goCycles.Add(1)
	return 0
}

// GoClient is a JACK client whose process callback does nothing but enter
// Go and return: the least any Go JACK client costs, which is what the
// Go runtime costs at the server's period (see TestIdleCPUUnderXvfb).
type GoClient struct {
	c *C.jack_client_t
}

// OpenGoClient opens and activates a GoClient called name (exactly), with
// one audio port each way. A process runs at most one.
func OpenGoClient(name string) (*GoClient, error) {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	c := C.jt_go_open(cname)
	if c == nil {
		return nil, fmt.Errorf("jacktest: could not open and activate the Go client %q", name)
	}
	return &GoClient{c: c}, nil
}

// Cycles is how many periods the callback has run.
func (g *GoClient) Cycles() uint64 { return goCycles.Load() }

// Close deactivates and closes the client.
func (g *GoClient) Close() {
	C.jack_deactivate(g.c)
	C.jack_client_close(g.c)
}
