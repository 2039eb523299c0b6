package state

import (
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// Version is the file format this package writes. Load migrates older ones.
const Version = 3

// Mixer is the whole saved state. Its controls are param.Values; the file
// writes them as tables whose keys come from each control's param.Info
// (see controls.go).
type Mixer struct {
	Version     int                 `toml:"version"`
	FirstRun    bool                `toml:"first_run"`
	HintClosed  bool                `toml:"hint_closed"` // the first-run hint on connecting sources was dismissed
	Window      Window              `toml:"window"`
	Channels    []Channel           `toml:"channels"`
	Controls    param.Values        `toml:"-"`
	Scenes      []Scene             `toml:"-"`
	Compare     Compare             `toml:"-"`
	Connections map[string][]string `toml:"connections"` // full port name → full port names it connects to
	MIDI        []midi.Mapping      `toml:"midi"`
	// Inserts are the plugins in the insert slots; see inserts.go.
	Inserts []Insert `toml:"inserts"`
}

// Window is the main window's size in device-independent pixels.
type Window struct {
	WidthDp  int `toml:"width_dp"`
	HeightDp int `toml:"height_dp"`
}

// Channel is one input channel's structure.
type Channel struct {
	Name   string `toml:"name"`
	Stereo bool   `toml:"stereo"`
	// Mic marks a microphone: talkover ducks the music under it and
	// talkback sends it to the phones, whatever the channel is called.
	Mic bool `toml:"mic"`
}

// Scene is a named snapshot of the controls and, in scenes saved since
// there are insert slots (HasInserts), of the plugins in them.
type Scene struct {
	Name       string
	Controls   param.Values
	HasInserts bool
	Inserts    []Insert
}

// Compare holds the two slots of A/B compare. The live controls belong to
// the Active slot; ToggleCompare stores them there and brings in the other.
type Compare struct {
	Active string        // "A" or "B"
	A, B   *param.Values // nil until the slot was first filled
}

// Defaults is the state of a new mixer with the structure cfg.
func Defaults(cfg mixer.Config) Mixer {
	m := Mixer{
		Version:     Version,
		FirstRun:    true,
		Window:      Window{WidthDp: 1280, HeightDp: 720},
		Compare:     Compare{Active: "A"},
		Connections: map[string][]string{},
	}
	for _, ch := range cfg.Channels {
		m.Channels = append(m.Channels, Channel{Name: ch.Name, Stereo: ch.Stereo, Mic: ch.Mic})
	}
	m.Controls = param.NewValues(len(m.Channels))
	return m
}

// Config is the engine structure this state describes, with the crossovers
// of base.
func (m *Mixer) Config(base mixer.Config) mixer.Config {
	cfg := base
	cfg.Channels = make([]mixer.ChannelConfig, len(m.Channels))
	for i, ch := range m.Channels {
		cfg.Channels[i] = mixer.ChannelConfig{Name: ch.Name, Stereo: ch.Stereo, Mic: ch.Mic}
	}
	return cfg
}

// Clone returns a copy of m that shares no controls, scenes or channels
// with it, so one goroutine may save it while another changes m.
func (m Mixer) Clone() Mixer {
	m.Channels = append([]Channel(nil), m.Channels...)
	m.Controls = m.Controls.Clone()
	m.Inserts = cloneInserts(m.Inserts)
	m.Scenes = append([]Scene(nil), m.Scenes...)
	for i := range m.Scenes {
		m.Scenes[i].Controls = m.Scenes[i].Controls.Clone()
		m.Scenes[i].Inserts = cloneInserts(m.Scenes[i].Inserts)
	}
	for _, slot := range []**param.Values{&m.Compare.A, &m.Compare.B} {
		if *slot != nil {
			c := (*slot).Clone()
			*slot = &c
		}
	}
	return m
}
