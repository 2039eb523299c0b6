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

// BlockFrames is, as with cgo, the most frames an Insert runs at once.
const BlockFrames = 4096

// Insert exists without cgo so that callers build; NewInsert fails.
type Insert struct{}

// NewInsert returns ErrUnavailable: lilv needs cgo.
func NewInsert(*World, string, float64, int, bool) (*Insert, error) { return nil, ErrUnavailable }

// URI is empty.
func (s *Insert) URI() string { return "" }

// Plugin is empty.
func (s *Insert) Plugin() Plugin { return Plugin{} }

// Controls is empty.
func (s *Insert) Controls() []Port { return nil }

// Control finds nothing.
func (s *Insert) Control(string) (float32, bool) { return 0, false }

// Set returns ErrUnavailable.
func (s *Insert) Set(string, float32) error { return ErrUnavailable }

// ControlIndex finds nothing.
func (s *Insert) ControlIndex(string) (int, bool) { return 0, false }

// ControlValue is 0.
func (s *Insert) ControlValue(int) float32 { return 0 }

// Changes is 0.
func (s *Insert) Changes() uint64 { return 0 }

// SetControl does nothing.
func (s *Insert) SetControl(int, float32) {}

// LatencyFrames is 0.
func (s *Insert) LatencyFrames() int { return 0 }

// Process passes the signal.
func (s *Insert) Process(l, r []float32) bool { return true }

// HasState is false.
func (s *Insert) HasState() bool { return false }

// SaveState returns ErrUnavailable.
func (s *Insert) SaveState() (string, error) { return "", ErrUnavailable }

// RestoreState returns ErrUnavailable.
func (s *Insert) RestoreState(string) error { return ErrUnavailable }

// Close does nothing.
func (s *Insert) Close() {}
