//go:build cgo

package lv2

/*
#cgo pkg-config: lilv-0
#include <stdlib.h>
#include "host.h"
*/
import "C"

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// WorkerPoll is how often the worker goroutine looks for work the
// plugins scheduled. The audio thread never wakes it (that would be a
// system call); a response therefore reaches its plugin at most this
// long, plus the work's own time, plus one period after it was asked for.
const WorkerPoll = time.Millisecond

// World is the set of installed plugins, loaded from LV2_PATH or, without
// it, the standard paths (~/.lv2, /usr/local/lib/lv2, /usr/lib/lv2). Its
// methods are safe for concurrent use but none is real-time safe.
type World struct {
	mu      sync.Mutex
	h       *C.lv2h_host
	plugins []Plugin
	workers workers
}

// NewWorld loads every installed plugin's description (not its code).
func NewWorld() (*World, error) {
	h := C.lv2h_host_new()
	if h == nil {
		return nil, errors.New("lv2: lilv_world_new failed")
	}
	w := &World{h: h}
	all := C.lilv_world_get_all_plugins(C.lv2h_world(h))
	for it := C.lilv_plugins_begin(all); !C.lilv_plugins_is_end(all, it); it = C.lilv_plugins_next(all, it) {
		p := C.lilv_plugins_get(all, it)
		var ins, outs C.int
		C.lv2h_audio_counts(h, p, &ins, &outs)
		pl := Plugin{
			URI:          C.GoString(C.lilv_node_as_uri(C.lilv_plugin_get_uri(p))),
			Name:         takeString(C.lilv_plugin_get_name(p)),
			Author:       takeString(C.lilv_plugin_get_author_name(p)),
			AudioInputs:  int(ins),
			AudioOutputs: int(outs),
		}
		if class := C.lilv_plugin_get_class(p); class != nil {
			pl.Class = C.GoString(C.lilv_node_as_string(C.lilv_plugin_class_get_label(class)))
		}
		if pl.Name == "" {
			pl.Name = pl.URI
		}
		w.plugins = append(w.plugins, pl)
	}
	slices.SortFunc(w.plugins, func(a, b Plugin) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.URI, b.URI))
	})
	return w, nil
}

// takeString returns a node's text and frees the node; "" for none.
func takeString(n *C.LilvNode) string {
	if n == nil {
		return ""
	}
	defer C.lilv_node_free(n)
	return C.GoString(C.lilv_node_as_string(n))
}

// Close frees the world. Every instance made from it must be closed first.
func (w *World) Close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.h != nil {
		C.lv2h_host_free(w.h)
		w.h = nil
	}
}

// Plugins lists every installed plugin, sorted by name. The slice is the
// world's own: do not change it.
func (w *World) Plugins() []Plugin { return w.plugins }

// Search returns the installed plugins that match query (Plugin.Matches).
func (w *World) Search(query string) []Plugin { return Search(w.plugins, query) }

// Plugin returns the installed plugin with that URI.
func (w *World) Plugin(uri string) (Plugin, bool) {
	i := slices.IndexFunc(w.plugins, func(p Plugin) bool { return p.URI == uri })
	if i < 0 {
		return Plugin{}, false
	}
	return w.plugins[i], true
}

// find returns lilv's plugin; w.mu must be held.
func (w *World) find(uri string) (*C.LilvPlugin, error) {
	if w.h == nil {
		return nil, errors.New("lv2: the world is closed")
	}
	curi := C.CString(uri)
	defer C.free(unsafe.Pointer(curi))
	p := C.lv2h_find(w.h, curi)
	if p == nil {
		return nil, fmt.Errorf("lv2: no plugin %s is installed", uri)
	}
	return p, nil
}

// Ports describes every port of the plugin uri, in index order.
func (w *World) Ports(uri string) ([]Port, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p, err := w.find(uri)
	if err != nil {
		return nil, err
	}
	return w.ports(p), nil
}

func (w *World) ports(p *C.LilvPlugin) []Port {
	n := int(C.lilv_plugin_get_num_ports(p))
	ports := make([]Port, 0, n)
	for i := range n {
		var d C.lv2h_port
		if C.lv2h_describe_port(w.h, p, C.uint32_t(i), &d) == 0 {
			continue
		}
		port := Port{
			Index:          i,
			Symbol:         C.GoString(d.symbol),
			Name:           C.GoString(d.name),
			Kind:           PortKind(d.kind),
			Output:         d.output != 0,
			Min:            float32(d.min),
			Max:            float32(d.max),
			Default:        float32(d.def),
			HasMin:         d.has_min != 0,
			HasMax:         d.has_max != 0,
			HasDefault:     d.has_default != 0,
			Toggle:         d.toggled != 0,
			Integer:        d.integer != 0,
			Enumeration:    d.enumeration != 0,
			Logarithmic:    d.logarithmic != 0,
			SampleRate:     d.sample_rate != 0,
			ReportsLatency: d.reports_latency != 0 && d.output != 0,
			Optional:       d.optional != 0,
			NotOnGUI:       d.not_on_gui != 0,
		}
		if d.unit != nil {
			port.Unit = C.GoString(d.unit)
		}
		if d.n_points > 0 {
			values := unsafe.Slice(d.point_values, int(d.n_points))
			labels := unsafe.Slice(d.point_labels, int(d.n_points))
			for k := range values {
				port.ScalePoints = append(port.ScalePoints, ScalePoint{Value: float32(values[k]), Label: C.GoString(labels[k])})
			}
			slices.SortStableFunc(port.ScalePoints, func(a, b ScalePoint) int { return cmp.Compare(a.Value, b.Value) })
		}
		C.lv2h_free_port(&d)
		ports = append(ports, port)
	}
	return ports
}

// Instantiate loads the plugin uri's code and makes an instance of it for
// the sample rate rateHz and periods of usually nominalFrames (at most
// MaxFrames) frames. It gives the plugin the features real plugins ask
// for: URID map and unmap; options (sample rate, block length 1 to
// MaxFrames, the nominal block length, the atom sequence size); bounded
// block length; the worker. It connects every port to a buffer of the
// instance's own and sets each control input to its default. The
// instance is not active yet. Not real-time safe.
func (w *World) Instantiate(uri string, rateHz float64, nominalFrames int) (*Instance, error) {
	if nominalFrames < 1 || nominalFrames > MaxFrames {
		return nil, fmt.Errorf("lv2: a period of %d frames is outside 1..%d", nominalFrames, MaxFrames)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	p, err := w.find(uri)
	if err != nil {
		return nil, err
	}
	if f := C.lv2h_missing_feature(w.h, p); f != nil {
		return nil, fmt.Errorf("lv2: %s needs the feature %s, which this host does not provide", uri, C.GoString(f))
	}
	var cerr *C.char
	c := C.lv2h_instantiate(w.h, p, C.double(rateHz), C.int32_t(nominalFrames), &cerr)
	if c == nil {
		defer C.free(unsafe.Pointer(cerr))
		return nil, fmt.Errorf("lv2: %s: %s", uri, C.GoString(cerr))
	}
	in := &Instance{w: w, c: c, rateHz: rateHz, latencyPort: -1, symbols: map[string]int{}}
	in.plugin, _ = w.Plugin(uri)
	in.ports = w.ports(p)
	in.controls = unsafe.Slice((*float32)(unsafe.Pointer(C.lv2h_controls(c))), len(in.ports))
	for _, port := range in.ports {
		in.symbols[port.Symbol] = port.Index
		switch {
		case port.Kind == Audio && port.Output:
			in.outPorts = append(in.outPorts, port.Index)
			in.outs = append(in.outs, in.buffer(port.Index))
		case port.Kind == Audio:
			in.inPorts = append(in.inPorts, port.Index)
			in.ins = append(in.ins, in.buffer(port.Index))
		case port.Kind == Control && port.Output && port.ReportsLatency:
			in.latencyPort = port.Index
		}
	}
	if C.lv2h_has_worker(c) != 0 {
		in.worker = true
		w.workers.add(c)
	}
	return in, nil
}

// workers runs the plugins' scheduled work on one goroutine, off the
// audio thread, for every instance that has a worker.
type workers struct {
	mu   sync.Mutex
	set  []*C.lv2h_inst
	stop chan struct{}
	done chan struct{}
}

func (ws *workers) add(c *C.lv2h_inst) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.set = append(ws.set, c)
	if ws.stop == nil {
		ws.stop, ws.done = make(chan struct{}), make(chan struct{})
		go ws.loop(ws.stop, ws.done)
	}
}

// remove returns once c's work can no longer be called.
func (ws *workers) remove(c *C.lv2h_inst) {
	ws.mu.Lock()
	ws.set = slices.DeleteFunc(ws.set, func(x *C.lv2h_inst) bool { return x == c })
	var stop, done chan struct{}
	if len(ws.set) == 0 && ws.stop != nil {
		stop, done = ws.stop, ws.done
		ws.stop, ws.done = nil, nil
	}
	ws.mu.Unlock()
	if stop != nil {
		close(stop)
		<-done
	}
}

func (ws *workers) loop(stop, done chan struct{}) {
	defer close(done)
	tick := time.NewTicker(WorkerPoll)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		ws.mu.Lock()
		for _, c := range ws.set {
			C.lv2h_work(c)
		}
		ws.mu.Unlock()
	}
}
