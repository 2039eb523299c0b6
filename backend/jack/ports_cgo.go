//go:build cgo

package jack

/*
#include "native.h"

// ldj_pretty_name returns the pretty-name metadata of the port called
// name, to be freed with jack_free, or NULL when it has none.
static char *ldj_pretty_name(jack_client_t *c, const char *name) {
	jack_port_t *p = jack_port_by_name(c, name);
	if (!p) return NULL;
	jack_uuid_t uuid = jack_port_uuid(p);
	if (jack_uuid_empty(uuid)) return NULL;
	char *value = NULL, *type = NULL;
	if (jack_get_property(uuid, "http://jackaudio.org/metadata/pretty-name", &value, &type) != 0) return NULL;
	if (type) jack_free(type);
	return value;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"time"
	"unsafe"

	gojack "github.com/xthexder/go-jack"

	"github.com/linuxdj/linuxdj/backend"
)

// callTimeout bounds how long a port call waits for the manager, which
// may be stuck for a while in a dying server's libjack.
const callTimeout = 3 * time.Second

// call runs f on the manager goroutine, which owns the client, and returns
// its error. It waits for the manager, so a GUI calls it from a goroutine
// of its own.
func (b *Backend) call(f func() error) error {
	if b.Info().State == backend.Stopped {
		return ErrNotConnected
	}
	reply := make(chan error, 1)
	timeout := time.NewTimer(callTimeout)
	defer timeout.Stop()
	select {
	case b.calls <- func() { reply <- f() }:
		return <-reply
	case <-timeout.C:
		return fmt.Errorf("jack: the client did not answer in %v", callTimeout)
	}
}

// GraphVersion changes whenever ports register or unregister or a
// connection is made or removed anywhere on the server; compare it with
// the value at the last Graph to know when to ask again. Safe from any
// goroutine, and it does not wait.
func (b *Backend) GraphVersion() uint64 { return b.portGen.Load() }

// Graph lists the mixer's audio ports with their connections and every
// other client's audio port they could connect to. It waits for the
// manager goroutine (at most callTimeout).
func (b *Backend) Graph() (Graph, error) {
	var g Graph
	err := b.call(func() error {
		if !b.alive() {
			return ErrNotConnected
		}
		g = b.graph()
		return nil
	})
	return g, err
}

// alive reports, on the manager goroutine, whether there is a client and
// its server has not shut down: port lookups read the server's shared
// memory, which a dying server's libjack may already have unmapped.
func (b *Backend) alive() bool { return b.client != nil && C.ldj_gone(b.native) == 0 }

// graph runs on the manager goroutine with a live client.
func (b *Backend) graph() Graph {
	own := func(full []string, ports []backend.Port) []OwnPort {
		out := make([]OwnPort, len(full))
		for i, name := range full {
			out[i].Name = name
			if i < len(ports) {
				out[i].PrettyName = ports[i].PrettyName
			}
			if p := b.client.GetPortByName(name); p != nil {
				out[i].Connections = p.GetConnections()
			}
		}
		return out
	}
	return Graph{
		Inputs:  own(b.inPorts, b.proc.Inputs()),
		Outputs: own(b.outPorts, b.proc.Outputs()),
		Sources: b.peers(gojack.PortIsOutput),
		Sinks:   b.peers(gojack.PortIsInput),
	}
}

// peers lists the other clients' audio ports with direction flag,
// physical ones first.
func (b *Backend) peers(flag uint64) []PeerPort {
	ownPrefix := b.client.GetName() + ":"
	physical := b.client.GetPorts("", gojack.DEFAULT_AUDIO_TYPE, flag|gojack.PortIsPhysical)
	all := b.client.GetPorts("", gojack.DEFAULT_AUDIO_TYPE, flag)
	out := make([]PeerPort, 0, len(all))
	add := func(name string, phys bool) {
		if strings.HasPrefix(name, ownPrefix) {
			return
		}
		out = append(out, PeerPort{Name: name, PrettyName: b.prettyName(name), Physical: phys})
	}
	for _, name := range physical {
		add(name, true)
	}
	for _, name := range all {
		if !slices.Contains(physical, name) {
			add(name, false)
		}
	}
	return out
}

func (b *Backend) prettyName(port string) string {
	cname := C.CString(port)
	defer C.free(unsafe.Pointer(cname))
	v := C.ldj_pretty_name(rawClient(b.client), cname)
	if v == nil {
		return ""
	}
	defer C.jack_free(unsafe.Pointer(v))
	return C.GoString(v)
}

// Connect connects one of the mixer's ports to another client's port, in
// either order (ours, theirs); the direction follows from which of ours it
// is. A connection that already exists is not an error. The remembered
// connections pick it up like any made in another tool.
func (b *Backend) Connect(ours, theirs string) error {
	return b.call(func() error {
		src, dst, err := b.direction(ours, theirs)
		if err != nil {
			return err
		}
		if rc := b.client.Connect(src, dst); rc != 0 && rc != int(syscall.EEXIST) {
			return fmt.Errorf("jack: jack_connect %s → %s: %w", src, dst, gojack.StrError(rc))
		}
		return nil
	})
}

// Disconnect removes the connection between one of the mixer's ports and
// another client's port; the remembered connections forget it.
func (b *Backend) Disconnect(ours, theirs string) error {
	return b.call(func() error {
		src, dst, err := b.direction(ours, theirs)
		if err != nil {
			return err
		}
		if rc := b.client.Disconnect(src, dst); rc != 0 {
			return fmt.Errorf("jack: jack_disconnect %s → %s: %w", src, dst, gojack.StrError(rc))
		}
		return nil
	})
}

// SetPrettyName gives the mixer's port short ("ch1_in_L") the human name
// pretty in JACK's metadata, where patchbays show it, now and after every
// reconnect. While the server is away the name waits for it. It waits for
// the manager (at most callTimeout).
func (b *Backend) SetPrettyName(short, pretty string) error {
	return b.call(func() error {
		b.pretty[short] = pretty
		if !b.alive() {
			return nil
		}
		p := b.client.GetPortByName(b.client.GetName() + ":" + short)
		if p == nil {
			return fmt.Errorf("jack: the mixer has no port %q", short)
		}
		setPrettyName(b.client, p, pretty)
		return nil
	})
}

// direction orders ours and theirs as source and destination, refusing
// anything but one of the mixer's audio ports and a port of another
// client, so the panel cannot rewire other programs.
func (b *Backend) direction(ours, theirs string) (src, dst string, err error) {
	if !b.alive() {
		return "", "", ErrNotConnected
	}
	if b.client.GetPortByName(theirs) == nil {
		return "", "", fmt.Errorf("jack: no port %q", theirs)
	}
	if strings.HasPrefix(theirs, b.client.GetName()+":") {
		return "", "", fmt.Errorf("jack: %s is the mixer's own port", theirs)
	}
	switch {
	case b.isOurInput(ours):
		return theirs, ours, nil
	case slices.Contains(b.outPorts, ours):
		return ours, theirs, nil
	}
	return "", "", errors.New("jack: " + ours + " is not one of the mixer's audio ports")
}
