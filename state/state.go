package state

import (
	"slices"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// Version is the file format this package writes. Load migrates older ones.
const Version = 2

// MeterModes names the modes a channel's meter can show, in the order of
// the engine's mixer.MeterMode values (MeterModes[m] names mode m).
var MeterModes = []string{"peak+rms", "peak", "vu", "ppm1", "ppm2", "k20", "k14", "k12"}

// Crossfader assignments as written in the file.
var xfaderAssignNames = [...]string{mixer.XfaderA: "A", mixer.XfaderThru: "thru", mixer.XfaderB: "B"}

// Mixer is the whole saved state.
type Mixer struct {
	Version     int                 `toml:"version"`
	FirstRun    bool                `toml:"first_run"`
	HintClosed  bool                `toml:"hint_closed"` // the first-run hint on connecting sources was dismissed
	Window      Window              `toml:"window"`
	Channels    []Channel           `toml:"channels"`
	Controls    Controls            `toml:"controls"`
	Scenes      []Scene             `toml:"scenes"`
	Compare     Compare             `toml:"compare"`
	Connections map[string][]string `toml:"connections"` // full port name → full port names it connects to
	MIDI        []midi.Mapping      `toml:"midi"`
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
}

// Controls are the values a scene captures: every control of every channel
// and of the master section, in the engine's units (mixer/command.go).
type Controls struct {
	Channels []ChannelControls `toml:"channel"`
	Global   GlobalControls    `toml:"global"`
}

// ChannelControls are one strip's controls.
type ChannelControls struct {
	TrimDB          float64 `toml:"trim_db"`
	Polarity        bool    `toml:"polarity_inverted"`
	EQLow           float64 `toml:"eq_low"` // knob position 0..1
	EQMid           float64 `toml:"eq_mid"`
	EQHigh          float64 `toml:"eq_high"`
	KillLow         bool    `toml:"kill_low"`
	KillMid         bool    `toml:"kill_mid"`
	KillHigh        bool    `toml:"kill_high"`
	Filter          float64 `toml:"filter"` // −1 low-pass .. 0 off .. +1 high-pass
	FilterResonance float64 `toml:"filter_resonance"`
	Pan             float64 `toml:"pan"`
	Mute            bool    `toml:"mute"`
	Cue             bool    `toml:"cue"`
	XfaderAssign    string  `toml:"xfader_assign"` // "A", "thru" or "B"
	Fader           float64 `toml:"fader"`         // position 0..1
	MeterMode       string  `toml:"meter_mode"`    // one of MeterModes
}

// GlobalControls are the crossfader and master section.
type GlobalControls struct {
	Crossfader        float64 `toml:"crossfader"`
	CrossfaderCurve   float64 `toml:"crossfader_curve"`
	CrossfaderReverse bool    `toml:"crossfader_reverse"`
	MasterLevel       float64 `toml:"master_level"`
	MasterBalance     float64 `toml:"master_balance"`
	MasterMono        bool    `toml:"master_mono"`
	Limiter           bool    `toml:"limiter"`
	LimiterCeilingDB  float64 `toml:"limiter_ceiling_db"`
	BoothLevel        float64 `toml:"booth_level"`
	PhonesLevel       float64 `toml:"phones_level"`
	CueMix            float64 `toml:"cue_mix"`
	SplitCue          bool    `toml:"split_cue"`

	Talkover TalkoverControls `toml:"talkover"`
	Monitor  MonitorControls  `toml:"monitor"`
}

// TalkoverModes and MonitorSources name the values of mixer.ParamTalkoverMode
// and mixer.ParamMonitorSource as the file writes them, in the engine's
// order.
var (
	TalkoverModes  = []string{mixer.TalkoverOff: "off", mixer.TalkoverAuto: "auto", mixer.TalkoverManual: "manual"}
	MonitorSources = []string{mixer.MonitorMaster: "master", mixer.MonitorCue: "cue", mixer.MonitorExternal: "external"}
)

// TalkoverControls are the mic ducking settings. The talkover button is
// held, not set, so it is never saved.
type TalkoverControls struct {
	Mode        string  `toml:"mode"` // one of TalkoverModes
	ThresholdDB float64 `toml:"threshold_db"`
	DepthDB     float64 `toml:"depth_db"`
	AttackMs    float64 `toml:"attack_ms"`
	ReleaseMs   float64 `toml:"release_ms"`
}

// MonitorControls are the studio monitor section. Talkback is held, not
// set, so it is never saved.
type MonitorControls struct {
	Source    string  `toml:"source"`   // one of MonitorSources
	LevelDB   float64 `toml:"level_db"` // 0 = the calibrated reference
	Dim       bool    `toml:"dim"`
	DimDB     float64 `toml:"dim_db"`
	Mono      bool    `toml:"mono"`
	Mute      bool    `toml:"mute"`
	PolarityL bool    `toml:"polarity_left"`
	SpeakerA  bool    `toml:"speaker_a"`
	SpeakerB  bool    `toml:"speaker_b"`
	TrimADB   float64 `toml:"trim_a_db"`
	TrimBDB   float64 `toml:"trim_b_db"`
}

// Scene is a named snapshot of the controls.
type Scene struct {
	Name     string   `toml:"name"`
	Controls Controls `toml:"controls"`
}

// Compare holds the two slots of A/B compare. The live controls belong to
// the Active slot; ToggleCompare stores them there and brings in the other.
type Compare struct {
	Active string    `toml:"active"` // "A" or "B"
	A      *Controls `toml:"a,omitempty"`
	B      *Controls `toml:"b,omitempty"`
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
		m.Channels = append(m.Channels, Channel{Name: ch.Name, Stereo: ch.Stereo})
	}
	m.Controls = DefaultControls(len(m.Channels))
	return m
}

// DefaultControls are the controls of a new mixer with n channels.
func DefaultControls(n int) Controls {
	c := Controls{Channels: make([]ChannelControls, n)}
	for i := range c.Channels {
		c.Channels[i] = defaultChannelControls()
	}
	c.Global = GlobalControls{
		Crossfader:       def(mixer.ParamCrossfader),
		CrossfaderCurve:  def(mixer.ParamCrossfaderCurve),
		MasterLevel:      def(mixer.ParamMasterLevel),
		MasterBalance:    def(mixer.ParamMasterBalance),
		Limiter:          def(mixer.ParamLimiter) != 0,
		LimiterCeilingDB: def(mixer.ParamLimiterCeilingDB),
		BoothLevel:       def(mixer.ParamBoothLevel),
		PhonesLevel:      def(mixer.ParamPhonesLevel),
		CueMix:           def(mixer.ParamCueMix),
		Talkover:         defaultTalkoverControls(),
		Monitor:          defaultMonitorControls(),
	}
	return c
}

func defaultTalkoverControls() TalkoverControls {
	return TalkoverControls{
		Mode:        TalkoverModes[int(def(mixer.ParamTalkoverMode))],
		ThresholdDB: def(mixer.ParamTalkoverThresholdDB),
		DepthDB:     def(mixer.ParamTalkoverDepthDB),
		AttackMs:    def(mixer.ParamTalkoverAttackMs),
		ReleaseMs:   def(mixer.ParamTalkoverReleaseMs),
	}
}

func defaultMonitorControls() MonitorControls {
	return MonitorControls{
		Source:   MonitorSources[int(def(mixer.ParamMonitorSource))],
		LevelDB:  def(mixer.ParamMonitorLevelDB),
		Dim:      def(mixer.ParamMonitorDim) != 0,
		DimDB:    def(mixer.ParamMonitorDimDB),
		SpeakerA: def(mixer.ParamMonitorSpeakerA) != 0,
		SpeakerB: def(mixer.ParamMonitorSpeakerB) != 0,
		TrimADB:  def(mixer.ParamMonitorTrimADB),
		TrimBDB:  def(mixer.ParamMonitorTrimBDB),
	}
}

func defaultChannelControls() ChannelControls {
	return ChannelControls{
		TrimDB:          def(mixer.ParamTrimDB),
		EQLow:           def(mixer.ParamEQLow),
		EQMid:           def(mixer.ParamEQMid),
		EQHigh:          def(mixer.ParamEQHigh),
		Filter:          def(mixer.ParamFilter),
		FilterResonance: def(mixer.ParamFilterResonance),
		Pan:             def(mixer.ParamPan),
		XfaderAssign:    xfaderAssignNames[int(def(mixer.ParamXfaderAssign))],
		Fader:           def(mixer.ParamFader),
		MeterMode:       MeterModes[0],
	}
}

func def(p mixer.Param) float64 {
	info, _ := param.Lookup(p)
	return float64(info.Default)
}

// Config is the engine structure this state describes, with the crossovers
// of base.
func (m *Mixer) Config(base mixer.Config) mixer.Config {
	cfg := base
	cfg.Channels = make([]mixer.ChannelConfig, len(m.Channels))
	for i, ch := range m.Channels {
		cfg.Channels[i] = mixer.ChannelConfig{Name: ch.Name, Stereo: ch.Stereo}
	}
	return cfg
}

// Commands appends to dst every command that brings an engine to m's
// controls, and returns the extended slice.
func (m *Mixer) Commands(dst []mixer.Command) []mixer.Command {
	return m.Controls.Commands(dst)
}

// Commands appends to dst every command that sets these controls.
func (c *Controls) Commands(dst []mixer.Command) []mixer.Command {
	for i := range c.Channels {
		ch := &c.Channels[i]
		n := int16(i)
		dst = append(dst,
			cmd(mixer.ParamTrimDB, n, ch.TrimDB),
			cmd(mixer.ParamPolarity, n, b2f(ch.Polarity)),
			cmd(mixer.ParamEQLow, n, ch.EQLow),
			cmd(mixer.ParamEQMid, n, ch.EQMid),
			cmd(mixer.ParamEQHigh, n, ch.EQHigh),
			cmd(mixer.ParamKillLow, n, b2f(ch.KillLow)),
			cmd(mixer.ParamKillMid, n, b2f(ch.KillMid)),
			cmd(mixer.ParamKillHigh, n, b2f(ch.KillHigh)),
			cmd(mixer.ParamFilter, n, ch.Filter),
			cmd(mixer.ParamFilterResonance, n, ch.FilterResonance),
			cmd(mixer.ParamPan, n, ch.Pan),
			cmd(mixer.ParamMute, n, b2f(ch.Mute)),
			cmd(mixer.ParamCue, n, b2f(ch.Cue)),
			cmd(mixer.ParamXfaderAssign, n, float64(xfaderAssignValue(ch.XfaderAssign))),
			cmd(mixer.ParamFader, n, ch.Fader),
			cmd(mixer.ParamMeterMode, n, float64(max(0, slices.Index(MeterModes, ch.MeterMode)))),
		)
	}
	g := &c.Global
	t, mon := &g.Talkover, &g.Monitor
	return append(dst,
		cmd(mixer.ParamCrossfader, 0, g.Crossfader),
		cmd(mixer.ParamCrossfaderCurve, 0, g.CrossfaderCurve),
		cmd(mixer.ParamCrossfaderReverse, 0, b2f(g.CrossfaderReverse)),
		cmd(mixer.ParamMasterLevel, 0, g.MasterLevel),
		cmd(mixer.ParamMasterBalance, 0, g.MasterBalance),
		cmd(mixer.ParamMasterMono, 0, b2f(g.MasterMono)),
		cmd(mixer.ParamLimiter, 0, b2f(g.Limiter)),
		cmd(mixer.ParamLimiterCeilingDB, 0, g.LimiterCeilingDB),
		cmd(mixer.ParamBoothLevel, 0, g.BoothLevel),
		cmd(mixer.ParamPhonesLevel, 0, g.PhonesLevel),
		cmd(mixer.ParamCueMix, 0, g.CueMix),
		cmd(mixer.ParamSplitCue, 0, b2f(g.SplitCue)),
		cmd(mixer.ParamTalkoverMode, 0, float64(max(0, slices.Index(TalkoverModes, t.Mode)))),
		cmd(mixer.ParamTalkoverThresholdDB, 0, t.ThresholdDB),
		cmd(mixer.ParamTalkoverDepthDB, 0, t.DepthDB),
		cmd(mixer.ParamTalkoverAttackMs, 0, t.AttackMs),
		cmd(mixer.ParamTalkoverReleaseMs, 0, t.ReleaseMs),
		cmd(mixer.ParamMonitorSource, 0, float64(max(0, slices.Index(MonitorSources, mon.Source)))),
		cmd(mixer.ParamMonitorLevelDB, 0, mon.LevelDB),
		cmd(mixer.ParamMonitorDim, 0, b2f(mon.Dim)),
		cmd(mixer.ParamMonitorDimDB, 0, mon.DimDB),
		cmd(mixer.ParamMonitorMono, 0, b2f(mon.Mono)),
		cmd(mixer.ParamMonitorMute, 0, b2f(mon.Mute)),
		cmd(mixer.ParamMonitorPolarityL, 0, b2f(mon.PolarityL)),
		cmd(mixer.ParamMonitorSpeakerA, 0, b2f(mon.SpeakerA)),
		cmd(mixer.ParamMonitorSpeakerB, 0, b2f(mon.SpeakerB)),
		cmd(mixer.ParamMonitorTrimADB, 0, mon.TrimADB),
		cmd(mixer.ParamMonitorTrimBDB, 0, mon.TrimBDB),
	)
}

// Apply sets the control c names to c's value, the way the GUI model
// follows a command it sends or one that came from MIDI or OSC. Commands
// for unknown params or channels are ignored.
func (c *Controls) Apply(cmd mixer.Command) {
	v := float64(param.Clamp(cmd.Param, cmd.Value))
	on := v >= 0.5
	if cmd.Param.IsChannelParam() {
		if cmd.Channel < 0 || int(cmd.Channel) >= len(c.Channels) {
			return
		}
		ch := &c.Channels[cmd.Channel]
		switch cmd.Param {
		case mixer.ParamTrimDB:
			ch.TrimDB = v
		case mixer.ParamPolarity:
			ch.Polarity = on
		case mixer.ParamEQLow:
			ch.EQLow = v
		case mixer.ParamEQMid:
			ch.EQMid = v
		case mixer.ParamEQHigh:
			ch.EQHigh = v
		case mixer.ParamKillLow:
			ch.KillLow = on
		case mixer.ParamKillMid:
			ch.KillMid = on
		case mixer.ParamKillHigh:
			ch.KillHigh = on
		case mixer.ParamFilter:
			ch.Filter = v
		case mixer.ParamFilterResonance:
			ch.FilterResonance = v
		case mixer.ParamPan:
			ch.Pan = v
		case mixer.ParamMute:
			ch.Mute = on
		case mixer.ParamCue:
			ch.Cue = on
		case mixer.ParamXfaderAssign:
			ch.XfaderAssign = xfaderAssignNames[int(v)]
		case mixer.ParamFader:
			ch.Fader = v
		case mixer.ParamMeterMode:
			if m := int(v); m >= 0 && m < len(MeterModes) {
				ch.MeterMode = MeterModes[m]
			}
		}
		return
	}
	g := &c.Global
	switch cmd.Param {
	case mixer.ParamCrossfader:
		g.Crossfader = v
	case mixer.ParamCrossfaderCurve:
		g.CrossfaderCurve = v
	case mixer.ParamCrossfaderReverse:
		g.CrossfaderReverse = on
	case mixer.ParamMasterLevel:
		g.MasterLevel = v
	case mixer.ParamMasterBalance:
		g.MasterBalance = v
	case mixer.ParamMasterMono:
		g.MasterMono = on
	case mixer.ParamLimiter:
		g.Limiter = on
	case mixer.ParamLimiterCeilingDB:
		g.LimiterCeilingDB = v
	case mixer.ParamBoothLevel:
		g.BoothLevel = v
	case mixer.ParamPhonesLevel:
		g.PhonesLevel = v
	case mixer.ParamCueMix:
		g.CueMix = v
	case mixer.ParamSplitCue:
		g.SplitCue = on
	case mixer.ParamTalkoverMode:
		if m := int(v); m >= 0 && m < len(TalkoverModes) {
			g.Talkover.Mode = TalkoverModes[m]
		}
	case mixer.ParamTalkoverThresholdDB:
		g.Talkover.ThresholdDB = v
	case mixer.ParamTalkoverDepthDB:
		g.Talkover.DepthDB = v
	case mixer.ParamTalkoverAttackMs:
		g.Talkover.AttackMs = v
	case mixer.ParamTalkoverReleaseMs:
		g.Talkover.ReleaseMs = v
	case mixer.ParamMonitorSource:
		if s := int(v); s >= 0 && s < len(MonitorSources) {
			g.Monitor.Source = MonitorSources[s]
		}
	case mixer.ParamMonitorLevelDB:
		g.Monitor.LevelDB = v
	case mixer.ParamMonitorDim:
		g.Monitor.Dim = on
	case mixer.ParamMonitorDimDB:
		g.Monitor.DimDB = v
	case mixer.ParamMonitorMono:
		g.Monitor.Mono = on
	case mixer.ParamMonitorMute:
		g.Monitor.Mute = on
	case mixer.ParamMonitorPolarityL:
		g.Monitor.PolarityL = on
	case mixer.ParamMonitorSpeakerA:
		g.Monitor.SpeakerA = on
	case mixer.ParamMonitorSpeakerB:
		g.Monitor.SpeakerB = on
	case mixer.ParamMonitorTrimADB:
		g.Monitor.TrimADB = v
	case mixer.ParamMonitorTrimBDB:
		g.Monitor.TrimBDB = v
	}
}

func cmd(p mixer.Param, ch int16, v float64) mixer.Command {
	return mixer.Command{Param: p, Channel: ch, Value: float32(v)}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// xfaderAssignValue maps a file name to mixer.XfaderA/Thru/B; validation has
// already replaced unknown names.
func xfaderAssignValue(name string) int {
	if i := slices.Index(xfaderAssignNames[:], name); i >= 0 {
		return i
	}
	return mixer.XfaderThru
}

// clone returns a deep copy of c, so a scene never shares its slice with
// the live controls.
func (c Controls) clone() Controls {
	c.Channels = slices.Clone(c.Channels)
	return c
}
