package app

import (
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// autosaveDelay is how long after the last change the state is written.
const autosaveDelay = time.Second

// The GUI model (MixerState) and the saved model (state.Mixer) are two
// types: the window's sync code reads and writes MixerState field by field
// in the units its widgets use (an int for a crossfader assignment, a
// MeterMode), and state.Mixer carries more than the window's controls
// (scenes, MIDI mappings, connections, the window size) in the file's
// units (names). toMixerState and fromMixerState are the one boundary
// between them.

// meterModeName is the state file's name for mode: state.MeterModes lists
// them in the order of the engine's MeterMode values.
func meterModeName(mode mixer.MeterMode) string {
	if int(mode) < 0 || int(mode) >= len(state.MeterModes) {
		return state.MeterModes[0]
	}
	return state.MeterModes[mode]
}

// meterModeFromName is meterModeName's inverse; Load has already replaced
// a name it does not know with the default.
func meterModeFromName(name string) mixer.MeterMode {
	return mixer.MeterMode(max(0, slices.Index(state.MeterModes, name)))
}

var assignNames = map[int]string{mixer.XfaderA: "A", mixer.XfaderThru: "thru", mixer.XfaderB: "B"}

func assignFromName(name string) int {
	switch name {
	case "A":
		return mixer.XfaderA
	case "B":
		return mixer.XfaderB
	}
	return mixer.XfaderThru
}

// toMixerState is the GUI model of a saved state.
func toMixerState(m *state.Mixer) *MixerState {
	g := &m.Controls.Global
	s := &MixerState{
		Crossfader: g.Crossfader, CrossfaderCurve: g.CrossfaderCurve, CrossfaderReverse: g.CrossfaderReverse,
		Master: g.MasterLevel, Booth: g.BoothLevel, Phones: g.PhonesLevel,
		CueMix: g.CueMix, SplitCue: g.SplitCue, Limiter: g.Limiter, Mono: g.MasterMono,
		Balance: g.MasterBalance, CeilingDB: g.LimiterCeilingDB,
		Channels: make([]ChannelState, len(m.Channels)),
		Talkover: TalkoverState{
			Mode:        max(0, slices.Index(state.TalkoverModes, g.Talkover.Mode)),
			ThresholdDB: g.Talkover.ThresholdDB, DepthDB: g.Talkover.DepthDB,
			AttackMs: g.Talkover.AttackMs, ReleaseMs: g.Talkover.ReleaseMs,
		},
		Monitor: MonitorState{
			Source:  max(0, slices.Index(state.MonitorSources, g.Monitor.Source)),
			LevelDB: g.Monitor.LevelDB, Dim: g.Monitor.Dim, DimDB: g.Monitor.DimDB,
			Mono: g.Monitor.Mono, Mute: g.Monitor.Mute, PolarityL: g.Monitor.PolarityL,
			SpeakerA: g.Monitor.SpeakerA, SpeakerB: g.Monitor.SpeakerB,
			TrimADB: g.Monitor.TrimADB, TrimBDB: g.Monitor.TrimBDB,
		},
	}
	for i := range s.Channels {
		c := &m.Controls.Channels[i]
		s.Channels[i] = ChannelState{
			Name: m.Channels[i].Name, TrimDB: c.TrimDB, Polarity: c.Polarity, Resonance: c.FilterResonance,
			EQHigh: c.EQHigh, EQMid: c.EQMid, EQLow: c.EQLow,
			KillHigh: c.KillHigh, KillMid: c.KillMid, KillLow: c.KillLow,
			Filter: c.Filter, Pan: c.Pan, Cue: c.Cue, Mute: c.Mute,
			Assign: assignFromName(c.XfaderAssign), Fader: c.Fader,
			MeterMode: meterModeFromName(c.MeterMode),
		}
	}
	return s
}

// fromMixerState writes the GUI model into m, leaving what is not a
// control (scenes, MIDI, connections) as it is. m has as many channels as
// s.
func fromMixerState(s *MixerState, m *state.Mixer) {
	g := &m.Controls.Global
	g.Crossfader, g.CrossfaderCurve, g.CrossfaderReverse = s.Crossfader, s.CrossfaderCurve, s.CrossfaderReverse
	g.MasterLevel, g.BoothLevel, g.PhonesLevel = s.Master, s.Booth, s.Phones
	g.CueMix, g.SplitCue, g.Limiter, g.MasterMono = s.CueMix, s.SplitCue, s.Limiter, s.Mono
	g.MasterBalance, g.LimiterCeilingDB = s.Balance, s.CeilingDB
	t, mon := s.Talkover, s.Monitor
	g.Talkover = state.TalkoverControls{
		Mode:        state.TalkoverModes[min(max(t.Mode, 0), len(state.TalkoverModes)-1)],
		ThresholdDB: t.ThresholdDB, DepthDB: t.DepthDB, AttackMs: t.AttackMs, ReleaseMs: t.ReleaseMs,
	}
	g.Monitor = state.MonitorControls{
		Source:  state.MonitorSources[min(max(mon.Source, 0), len(state.MonitorSources)-1)],
		LevelDB: mon.LevelDB, Dim: mon.Dim, DimDB: mon.DimDB, Mono: mon.Mono, Mute: mon.Mute,
		PolarityL: mon.PolarityL, SpeakerA: mon.SpeakerA, SpeakerB: mon.SpeakerB,
		TrimADB: mon.TrimADB, TrimBDB: mon.TrimBDB,
	}
	for i := range s.Channels {
		cs, c := &s.Channels[i], &m.Controls.Channels[i]
		m.Channels[i].Name = cs.Name
		c.TrimDB, c.Polarity, c.FilterResonance = cs.TrimDB, cs.Polarity, cs.Resonance
		c.EQHigh, c.EQMid, c.EQLow = cs.EQHigh, cs.EQMid, cs.EQLow
		c.KillHigh, c.KillMid, c.KillLow = cs.KillHigh, cs.KillMid, cs.KillLow
		c.Filter, c.Pan, c.Cue, c.Mute = cs.Filter, cs.Pan, cs.Cue, cs.Mute
		c.XfaderAssign = assignNames[cs.Assign]
		c.Fader = cs.Fader
		c.MeterMode = meterModeName(cs.MeterMode)
	}
}

// fitChannels makes m describe cfg's channels (--channels asked for a
// different count than the file has): channels past the end are dropped,
// new ones take cfg's names and default controls.
func fitChannels(m *state.Mixer, cfg mixer.Config) {
	n := len(cfg.Channels)
	if len(m.Channels) > n {
		m.Channels = m.Channels[:n]
		m.Controls.Channels = m.Controls.Channels[:n]
	}
	defaults := state.DefaultControls(n)
	for i := len(m.Channels); i < n; i++ {
		m.Channels = append(m.Channels, state.Channel{Name: cfg.Channels[i].Name, Stereo: cfg.Channels[i].Stereo})
		m.Controls.Channels = append(m.Controls.Channels, defaults.Channels[i])
	}
}

// engineConfig is the engine structure of m on base's crossovers. The file
// does not record which channel is the microphone, so a channel is one when
// base or the default layout has a microphone channel of its name.
func engineConfig(m *state.Mixer, base mixer.Config) mixer.Config {
	cfg := m.Config(base)
	for i := range cfg.Channels {
		for _, c := range slices.Concat(base.Channels, mixer.DefaultConfig().Channels) {
			if c.Mic && c.Name == cfg.Channels[i].Name {
				cfg.Channels[i].Mic = true
			}
		}
	}
	return cfg
}

// store owns the saved model between the goroutine that changes it (the
// window, or headless control) and the autosaver's goroutine. Every change
// goes through update; the autosaver writes a copy a moment later.
type store struct {
	path   string // "" when there is nowhere to save
	stderr io.Writer
	jack   *jack.Backend // its connections are saved; nil for other backends

	mu    sync.Mutex
	model state.Mixer

	auto *state.Autosaver
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

// setWindow saves the window's size, in dp.
func (s *store) setWindow(widthDp, heightDp int) {
	s.update(func(m *state.Mixer) { m.Window = state.Window{WidthDp: widthDp, HeightDp: heightDp} })
}

// snapshot is a deep copy of the model, with JACK's live connections.
func (s *store) snapshot() state.Mixer {
	s.mu.Lock()
	m := s.model
	m.Channels = slices.Clone(m.Channels)
	m.Controls.Channels = slices.Clone(m.Controls.Channels)
	s.mu.Unlock()
	if s.jack != nil {
		m.Connections = s.jack.Connections()
	}
	return m
}

// save writes the model; the autosaver calls it, and close.
func (s *store) save() error {
	if s.path == "" {
		return nil
	}
	m := s.snapshot()
	return state.Save(s.path, &m)
}

// close stops autosaving and writes the state one last time (JACK
// connections may have changed without a control change).
func (s *store) close() error {
	if err := s.auto.Close(); err != nil {
		return err
	}
	return s.save()
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

func (s *store) saveScene(name string, cur *MixerState) {
	s.update(func(m *state.Mixer) {
		fromMixerState(cur, m)
		// A copy: the autosaver may be writing a snapshot that shares
		// the old slice, and SaveScene replaces in place.
		m.Scenes = slices.Clone(m.Scenes)
		m.SaveScene(name)
	})
}

func (s *store) recallScene(name string, cur *MixerState) (next *MixerState, err error) {
	s.update(func(m *state.Mixer) {
		fromMixerState(cur, m)
		if err = m.RecallScene(name); err == nil {
			next = toMixerState(m)
		}
	})
	return next, err
}

func (s *store) deleteScene(name string) {
	s.update(func(m *state.Mixer) {
		m.Scenes = slices.Clone(m.Scenes) // as in saveScene
		m.DeleteScene(name)
	})
}

func (s *store) toggleCompare(cur *MixerState) (active string, next *MixerState) {
	s.update(func(m *state.Mixer) {
		fromMixerState(cur, m)
		active = m.ToggleCompare()
		next = toMixerState(m)
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
	st   *store
	last MixerState
	// renamed, when set, is told of each channel name the window changed.
	renamed func(ch int, name string)
}

func newGUIObserver(st *store, s *MixerState) *guiObserver {
	o := &guiObserver{st: st}
	o.remember(s)
	return o
}

func (o *guiObserver) remember(s *MixerState) {
	chs := append(o.last.Channels[:0], s.Channels...)
	o.last = *s
	o.last.Channels = chs
}

// observe saves s (soon) if it differs from what was last seen.
func (o *guiObserver) observe(s *MixerState) {
	if o == nil || o.st == nil {
		return
	}
	if sameMixerState(s, &o.last) {
		return
	}
	for i := range min(len(s.Channels), len(o.last.Channels)) {
		if name := s.Channels[i].Name; name != o.last.Channels[i].Name && o.renamed != nil {
			o.renamed(i, name)
		}
	}
	o.remember(s)
	o.st.update(func(m *state.Mixer) { fromMixerState(s, m) })
}

func sameMixerState(a, b *MixerState) bool {
	return a.Crossfader == b.Crossfader && a.CrossfaderCurve == b.CrossfaderCurve &&
		a.CrossfaderReverse == b.CrossfaderReverse && a.Master == b.Master &&
		a.Booth == b.Booth && a.Phones == b.Phones && a.CueMix == b.CueMix &&
		a.SplitCue == b.SplitCue && a.Limiter == b.Limiter && a.Mono == b.Mono &&
		a.Balance == b.Balance && a.CeilingDB == b.CeilingDB &&
		a.Talkover == b.Talkover && a.Monitor == b.Monitor &&
		slices.Equal(a.Channels, b.Channels)
}
