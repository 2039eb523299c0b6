package app

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// autosaveDelay is how long after the last change the state is written.
const autosaveDelay = time.Second

// fitChannels makes m describe cfg's channels (--channels asked for a
// different count than the file has): channels past the end are dropped,
// new ones take cfg's names and default controls.
func fitChannels(m *state.Mixer, cfg mixer.Config) {
	n := len(cfg.Channels)
	m.Channels = m.Channels[:min(len(m.Channels), n)]
	for i := len(m.Channels); i < n; i++ {
		c := cfg.Channels[i]
		m.Channels = append(m.Channels, state.Channel{Name: c.Name, Stereo: c.Stereo, Mic: c.Mic})
	}
	m.Controls.Resize(n)
}

// store owns the saved model between the goroutine that changes it (the
// window, or headless control) and the autosaver's goroutine. Every change
// goes through update; the autosaver writes a copy a moment later.
type store struct {
	path   string // "" when there is nowhere to save
	stderr io.Writer
	jack   *jack.Backend // its connections are saved; nil for other backends
	// rack holds the insert slots' plugins once the stream runs; their
	// controls and State are taken into every save. Set before saves.
	rack *rack

	mu    sync.Mutex
	model state.Mixer

	auto *state.Autosaver

	// saving serializes saves; written is the encoding of the state the
	// file holds (last saved, or loaded as it was), nil when unknown.
	saving  sync.Mutex
	written []byte
}

func newStore(path string, m state.Mixer, stderr io.Writer) *store {
	s := &store{path: path, stderr: stderr, model: m}
	s.auto = state.NewAutosaver(autosaveDelay, s.save)
	return s
}

// update changes the model under the lock and schedules a save.
func (s *store) update(change func(m *state.Mixer)) {
	s.mu.Lock()
	change(&s.model)
	s.mu.Unlock()
	s.auto.Notify()
}

// set applies one control change and schedules a save if it changed
// anything: a controller repeating a value marks nothing changed.
func (s *store) set(c mixer.Command) {
	s.mu.Lock()
	changed := s.model.Controls.Set(c)
	s.mu.Unlock()
	if changed {
		s.auto.Notify()
	}
}

// follow makes the saved model the window's: its controls and the
// channels' names. The caller has seen that they differ.
func (s *store) follow(controls *param.Values, names []string) {
	s.update(func(m *state.Mixer) {
		m.Controls.CopyFrom(controls)
		for i, n := range names {
			m.Channels[i].Name = n
		}
	})
}

// setWindow saves the window's size, in dp.
func (s *store) setWindow(widthDp, heightDp int) {
	s.update(func(m *state.Mixer) { m.Window = state.Window{WidthDp: widthDp, HeightDp: heightDp} })
}

// snapshot is a deep copy of the model, with JACK's live connections.
func (s *store) snapshot() state.Mixer {
	s.mu.Lock()
	m := s.model.Clone()
	r := s.rack
	s.mu.Unlock()
	if r != nil {
		r.capture(&m)
	}
	if s.jack != nil {
		m.Connections = s.jack.Connections()
	}
	return m
}

// loadedAsIs records that the file holds the model as it is now: it was
// loaded with nothing migrated or repaired, so an exit with no change
// need not rewrite it. Call it before the model changes.
func (s *store) loadedAsIs() {
	s.saving.Lock()
	defer s.saving.Unlock()
	s.mu.Lock()
	data, err := state.Encode(&s.model)
	s.mu.Unlock()
	if err == nil {
		s.written = data
	}
}

// save writes the model; the autosaver and the session manager call it.
func (s *store) save() error {
	return s.write(true)
}

// write saves the model, or with always false only if it differs from
// what the file holds.
func (s *store) write(always bool) error {
	if s.path == "" {
		return nil
	}
	s.saving.Lock()
	defer s.saving.Unlock()
	m := s.snapshot()
	data, err := state.Encode(&m)
	if err != nil {
		return err
	}
	if !always && bytes.Equal(data, s.written) {
		return nil
	}
	if err := state.Save(s.path, &m); err != nil {
		return err
	}
	s.written = data
	return nil
}

// close stops autosaving, which saves a pending change, and then saves
// whatever else differs from the file: JACK connections change without a
// control change, and a file that was missing, migrated or repaired is
// written anew. When nothing changed it leaves the file alone.
func (s *store) close() error {
	if err := s.auto.Close(); err != nil {
		return err
	}
	return s.write(false)
}

// setMappings saves the window's new set of MIDI mappings.
func (s *store) setMappings(ms []midi.Mapping) {
	ms = slices.Clone(ms)
	s.update(func(m *state.Mixer) { m.MIDI = ms })
}

// The scenes panel's sceneStore: each change first takes the window's
// live model, so the saved controls are what the user sees.

func (s *store) sceneNames() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.model.SceneNames()
}

func (s *store) saveScene(name string, cur *param.Values) {
	s.update(func(m *state.Mixer) {
		m.Controls.CopyFrom(cur)
		if s.rack != nil {
			s.rack.capture(m)
		}
		m.SaveScene(name)
	})
}

func (s *store) recallScene(name string, cur *param.Values) (next param.Values, err error) {
	var (
		inserts []state.Insert
		r       *rack
	)
	s.update(func(m *state.Mixer) {
		m.Controls.CopyFrom(cur)
		if r = s.rack; r != nil {
			r.capture(m)
		}
		if err = m.RecallScene(name); err == nil {
			next = m.Controls.Clone()
			inserts = m.Clone().Inserts
		}
	})
	if err == nil && r != nil {
		r.apply(inserts)
	}
	return next, err
}

func (s *store) deleteScene(name string) {
	s.update(func(m *state.Mixer) { m.DeleteScene(name) })
}

func (s *store) toggleCompare(cur *param.Values) (active string, next param.Values) {
	s.update(func(m *state.Mixer) {
		m.Controls.CopyFrom(cur)
		active = m.ToggleCompare()
		next = m.Controls.Clone()
	})
	return active, next
}

func (s *store) compareActive() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.model.Compare.Active
}

// reportLoad tells the user on stderr what loading the state did.
func reportLoad(w io.Writer, path string, rep state.Report) {
	for _, p := range rep.Problems {
		fmt.Fprintf(w, "linuxdj: state: %v\n", p)
	}
	for _, b := range rep.Broken {
		fmt.Fprintf(w, "linuxdj: state: kept the bad file as %s\n", b)
	}
	for _, warn := range rep.Warnings {
		fmt.Fprintf(w, "linuxdj: state: warning: %s\n", warn)
	}
	if rep.Origin != state.FromFile || len(rep.Problems) > 0 {
		fmt.Fprintf(w, "linuxdj: state: started from %s (%s)\n", rep.Origin, path)
	}
}

// guiObserver notices, after each frame, whether the window changed its
// model, and hands a change to the store. It runs on the GUI goroutine and
// does not allocate once its copy has grown to the channel count.
type guiObserver struct {
	st       *store
	controls param.Values
	names    []string
	// renamed, when set, is told of each channel name the window changed.
	renamed func(ch int, name string)
}

func newGUIObserver(st *store, controls *param.Values, names []string) *guiObserver {
	o := &guiObserver{st: st}
	o.remember(controls, names)
	return o
}

func (o *guiObserver) remember(controls *param.Values, names []string) {
	o.controls.CopyFrom(controls)
	o.names = append(o.names[:0], names...)
}

// observe saves the window's model (soon) if it differs from what was
// last seen.
func (o *guiObserver) observe(controls *param.Values, names []string) {
	if o == nil || o.st == nil {
		return
	}
	if o.controls.Equal(controls) && slices.Equal(o.names, names) {
		return
	}
	for i := range min(len(names), len(o.names)) {
		if names[i] != o.names[i] && o.renamed != nil {
			o.renamed(i, names[i])
		}
	}
	o.remember(controls, names)
	o.st.follow(controls, names)
}
