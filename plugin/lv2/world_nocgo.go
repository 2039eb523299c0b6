//go:build !cgo

package lv2

// World is, without cgo, a world with no plugins: NewWorld says why.
// Instances and chains exist only in builds with cgo.
type World struct{}

// NewWorld returns ErrUnavailable: lilv needs cgo.
func NewWorld() (*World, error) { return nil, ErrUnavailable }

// Close does nothing.
func (w *World) Close() {}

// Plugins is empty.
func (w *World) Plugins() []Plugin { return nil }

// Search finds nothing.
func (w *World) Search(string) []Plugin { return nil }

// Plugin finds nothing.
func (w *World) Plugin(string) (Plugin, bool) { return Plugin{}, false }

// Ports returns ErrUnavailable.
func (w *World) Ports(string) ([]Port, error) { return nil, ErrUnavailable }
