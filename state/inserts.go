package state

import (
	"encoding/base64"
	"fmt"
	"maps"
	"strings"

	"github.com/linuxdj/linuxdj/mixer"
)

// Insert is one insert slot's plugin as the state file holds it. Its
// settings are kept whether or not the plugin is installed: a plugin
// missing at start leaves a placeholder in its slot that writes the same
// entry back, so nothing is lost until the user removes it.
type Insert struct {
	// Channel is the strip, counted from 1 as in OSC; 0 is master.
	Channel int `toml:"channel"`
	// Slot is the insert slot, 1 to mixer.InsertSlots, in signal order.
	Slot   int    `toml:"slot"`
	URI    string `toml:"uri"`
	Bypass bool   `toml:"bypass"`
	// Controls are the plugin's control inputs by port symbol (stable
	// across versions of the plugin).
	Controls map[string]float32 `toml:"controls"`
	// State is the plugin's LV2 State (lilv's Turtle text), base64, for
	// plugins that keep state beyond their controls; empty for others.
	State string `toml:"state,omitempty"`
}

// Strip is the strip index the engine takes: 0-based, or
// mixer.MasterInserts.
func (in *Insert) Strip() int {
	if in.Channel == 0 {
		return mixer.MasterInserts
	}
	return in.Channel - 1
}

// LV2State decodes State.
func (in *Insert) LV2State() (string, error) {
	b, err := base64.StdEncoding.DecodeString(in.State)
	return string(b), err
}

// SetLV2State encodes ttl into State.
func (in *Insert) SetLV2State(ttl string) {
	in.State = base64.StdEncoding.EncodeToString([]byte(ttl))
}

// cloneInserts copies ins so that the copy shares no controls.
func cloneInserts(ins []Insert) []Insert {
	if ins == nil {
		return nil
	}
	out := make([]Insert, len(ins))
	for i, in := range ins {
		in.Controls = maps.Clone(in.Controls)
		out[i] = in
	}
	return out
}

// checkInserts drops, with a warning each, the entries that name no slot
// of a mixer with channels strips, name a slot twice, have no URI, or
// carry a State that is not base64 (that State alone is dropped).
func checkInserts(ins []Insert, where string, channels int, warn func(string, ...any)) []Insert {
	var out []Insert
	seen := map[[2]int]bool{}
	for i, in := range ins {
		key := [2]int{in.Channel, in.Slot}
		switch {
		case in.Channel < 0 || in.Channel > channels:
			warn("%s[%d]: channel %d, want 0 (master) to %d; dropped", where, i, in.Channel, channels)
		case in.Slot < 1 || in.Slot > mixer.InsertSlots:
			warn("%s[%d]: slot %d, want 1 to %d; dropped", where, i, in.Slot, mixer.InsertSlots)
		case strings.TrimSpace(in.URI) == "":
			warn("%s[%d]: no uri; dropped", where, i)
		case seen[key]:
			warn("%s[%d]: channel %d slot %d is taken; dropped", where, i, in.Channel, in.Slot)
		default:
			seen[key] = true
			if _, err := in.LV2State(); err != nil {
				warn("%s[%d].state: not base64 (%v); dropped", where, i, err)
				in.State = ""
			}
			in.Controls = maps.Clone(in.Controls)
			out = append(out, in)
		}
	}
	return out
}

// InsertAt returns the entry for a slot (channel counted from 1, 0 for
// master; slot from 1), or nil.
func (m *Mixer) InsertAt(channel, slot int) *Insert {
	for i := range m.Inserts {
		if m.Inserts[i].Channel == channel && m.Inserts[i].Slot == slot {
			return &m.Inserts[i]
		}
	}
	return nil
}

// SetInsert puts in into its slot, replacing what was there.
func (m *Mixer) SetInsert(in Insert) {
	if old := m.InsertAt(in.Channel, in.Slot); old != nil {
		*old = in
		return
	}
	m.Inserts = append(m.Inserts, in)
}

// RemoveInsert empties a slot and reports whether it held a plugin.
func (m *Mixer) RemoveInsert(channel, slot int) bool {
	for i := range m.Inserts {
		if m.Inserts[i].Channel == channel && m.Inserts[i].Slot == slot {
			m.Inserts = append(m.Inserts[:i], m.Inserts[i+1:]...)
			return true
		}
	}
	return false
}

func (in Insert) String() string {
	where := "master"
	if in.Channel > 0 {
		where = fmt.Sprintf("channel %d", in.Channel)
	}
	return fmt.Sprintf("%s slot %d: %s", where, in.Slot, in.URI)
}
