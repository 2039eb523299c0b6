package state

import (
	"fmt"
	"slices"
)

// SaveScene stores the current controls as the scene called name,
// replacing a scene of that name.
func (m *Mixer) SaveScene(name string) {
	s := Scene{Name: name, Controls: m.Controls.Clone(), HasInserts: true, Inserts: cloneInserts(m.Inserts)}
	if i := m.sceneIndex(name); i >= 0 {
		m.Scenes[i] = s
		return
	}
	m.Scenes = append(m.Scenes, s)
}

// RecallScene makes the scene called name the current controls. Channels
// the scene does not know keep their values, and so does the monitor
// section (param.Info.Room); the caller sends m.Controls.Commands to the
// engine, which ramps to the new values. A scene that holds the insert
// slots (saved since there are slots) makes its plugins the current
// ones (m.Inserts), for the caller to load; an older scene leaves them.
func (m *Mixer) RecallScene(name string) error {
	i := m.sceneIndex(name)
	if i < 0 {
		return fmt.Errorf("state: no scene %q", name)
	}
	m.Controls = m.Controls.Recall(&m.Scenes[i].Controls)
	if m.Scenes[i].HasInserts {
		m.Inserts = cloneInserts(m.Scenes[i].Inserts)
	}
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
	cur := m.Controls.Clone()
	if m.Compare.Active == "B" {
		m.Compare.B = &cur
		m.Compare.Active = "A"
		if m.Compare.A != nil {
			m.Controls = m.Controls.Recall(m.Compare.A)
		}
		return "A"
	}
	m.Compare.A = &cur
	m.Compare.Active = "B"
	if m.Compare.B != nil {
		m.Controls = m.Controls.Recall(m.Compare.B)
	}
	return "B"
}
