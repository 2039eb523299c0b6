//go:build !cgo

package jack

// GraphVersion never changes without cgo.
func (b *Backend) GraphVersion() uint64 { return 0 }

// Graph fails with ErrUnavailable.
func (b *Backend) Graph() (Graph, error) { return Graph{}, ErrUnavailable }

// Connect fails with ErrUnavailable.
func (b *Backend) Connect(ours, theirs string) error { return ErrUnavailable }

// Disconnect fails with ErrUnavailable.
func (b *Backend) Disconnect(ours, theirs string) error { return ErrUnavailable }

// SetPrettyName fails with ErrUnavailable.
func (b *Backend) SetPrettyName(short, pretty string) error { return ErrUnavailable }
