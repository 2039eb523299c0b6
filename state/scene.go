package state

import (
	"fmt"
	"slices"
)

// SaveScene stores the current controls as the scene called name,
// replacing a scene of that name.
func (m *Mixer) SaveScene(name string) {
	s := Scene{Name: name, Controls: m.Controls.clone()}
	if i := m.sceneIndex(name); i >= 0 {
		m.Scenes[i] = s
		return
	}
	m.Scenes = append(m.Scenes, s)
}

// RecallScene makes the scene called name the current controls. Channels
// the scene does not know keep their values; the caller sends m.Commands
// to the engine, which ramps to the new values.
func (m *Mixer) RecallScene(name string) error {
	i := m.sceneIndex(name)
	if i < 0 {
		return fmt.Errorf("state: no scene %q", name)
	}
	m.Controls = overlay(m.Controls, m.Scenes[i].Controls)
	return nil
}

// DeleteScene removes the scene called name and reports whether it existed.
func (m *Mixer) DeleteScene(name string) bool {
	i := m.sceneIndex(name)
	if i < 0 {
		return false
	}
	m.Scenes = slices.Delete(m.Scenes, i, i+1)
	return true
}

// SceneNames lists the scenes in the order they were first saved.
func (m *Mixer) SceneNames() []string {
	names := make([]string, len(m.Scenes))
	for i, s := range m.Scenes {
		names[i] = s.Name
	}
	return names
}

func (m *Mixer) sceneIndex(name string) int {
	return slices.IndexFunc(m.Scenes, func(s Scene) bool { return s.Name == name })
}

// ToggleCompare stores the current controls in the active A/B slot, makes
// the other slot active and its controls current (an empty slot starts as
// a copy of the current controls), and returns the slot now active.
func (m *Mixer) ToggleCompare() string {
	cur := m.Controls.clone()
	if m.Compare.Active == "B" {
		m.Compare.B = &cur
		m.Compare.Active = "A"
		if m.Compare.A != nil {
			m.Controls = overlay(m.Controls, *m.Compare.A)
		}
		return "A"
	}
	m.Compare.A = &cur
	m.Compare.Active = "B"
	if m.Compare.B != nil {
		m.Controls = overlay(m.Controls, *m.Compare.B)
	}
	return "B"
}

// overlay returns base with the channels and globals of top, for as many
// channels as base has; base's own slice is not modified. The monitor
// section stays base's: it is how the room listens, not part of the mix,
// so recalling a mix never changes the monitor level or speakers.
func overlay(base, top Controls) Controls {
	out := base.clone()
	copy(out.Channels, top.Channels)
	out.Global = top.Global
	out.Global.Monitor = base.Global.Monitor
	return out
}
