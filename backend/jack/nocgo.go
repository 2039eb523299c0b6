//go:build !cgo

package jack

import "github.com/linuxdj/linuxdj/backend"

// Backend is the JACK backend; without cgo it can only report that JACK is
// unavailable.
type Backend struct{ opts Options }

// New returns a backend configured by opts.
func New(opts Options) *Backend { return &Backend{opts: opts.withDefaults()} }

// Available reports whether a JACK server answers; never without cgo.
func Available() bool { return false }

// Name is "jack".
func (b *Backend) Name() string { return "jack" }

// Start fails with ErrUnavailable.
func (b *Backend) Start(p backend.Processor) error { return ErrUnavailable }

// Stop does nothing.
func (b *Backend) Stop() error { return nil }

// Info reports a stopped backend.
func (b *Backend) Info() backend.StreamInfo {
	return backend.StreamInfo{Backend: "jack", Message: ErrUnavailable.Error()}
}

// Connections returns the remembered connections.
func (b *Backend) Connections() map[string][]string { return cloneConnections(b.opts.Connections) }

// SetConnections replaces the remembered connections.
func (b *Backend) SetConnections(m map[string][]string) { b.opts.Connections = cloneConnections(m) }

// Stats reports nothing measured.
func (b *Backend) Stats() Stats { return Stats{} }

// CallbackStats reports nothing measured.
func (b *Backend) CallbackStats() CallbackStats { return CallbackStats{} }
