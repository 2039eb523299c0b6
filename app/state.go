package app

import (
	"github.com/linuxdj/linuxdj/mixer"
)

// ChannelState is one channel strip as the user set it.
type ChannelState struct {
	Name     string  `json:"name"`
	TrimDB   float64 `json:"trimDB"`   // −20..+20
	Polarity bool    `json:"polarity"` // inverted
	EQHigh   float64 `json:"eqHigh"`   // knob position 0..1, 0.5 = unity (mixer.EQGainDB)
	EQMid    float64 `json:"eqMid"`    // knob position 0..1
	EQLow    float64 `json:"eqLow"`    // knob position 0..1
	KillHigh bool    `json:"killHigh"` // band killed
	KillMid  bool    `json:"killMid"`
	KillLow  bool    `json:"killLow"`
	Filter   float64 `json:"filter"` // −1 low-pass .. 0 off .. +1 high-pass
	// Resonance is the filter's, 0..1.
	Resonance float64 `json:"resonance"`
	Pan       float64 `json:"pan"` // −1 left .. +1 right
	Cue       bool    `json:"cue"`
	Mute      bool    `json:"mute"`
	Assign    int     `json:"assign"` // mixer.XfaderA, XfaderThru or XfaderB
	Fader     float64 `json:"fader"`  // fader position 0..1 (mixer.FaderDB)
	// MeterMode is what the strip's meter shows (mixer.MeterPeakRMS by
	// default).
	MeterMode mixer.MeterMode `json:"meterMode"`
}

// MixerState is the GUI model: every setting the user can change, in one
// value that a later issue saves and restores. The engine never reads it;
// it receives the same values as Commands (see Commands).
type MixerState struct {
	Channels          []ChannelState `json:"channels"`
	Crossfader        float64        `json:"crossfader"`      // −1 A .. +1 B
	CrossfaderCurve   float64        `json:"crossfaderCurve"` // 0 smooth .. 1 sharp cut
	CrossfaderReverse bool           `json:"crossfaderReverse"`
	Master            float64        `json:"master"` // fader position 0..1
	Booth             float64        `json:"booth"`  // fader position 0..1
	Phones            float64        `json:"phones"` // fader position 0..1
	CueMix            float64        `json:"cueMix"` // 0 cue only .. 1 master only
	SplitCue          bool           `json:"splitCue"`
	Limiter           bool           `json:"limiter"`
	Mono              bool           `json:"mono"`
	Balance           float64        `json:"balance"`   // master, −1 left .. +1 right
	CeilingDB         float64        `json:"ceilingDB"` // the limiter's, dBFS, −20..0
	Talkover          TalkoverState  `json:"talkover"`
	Monitor           MonitorState   `json:"monitor"`
}

// TalkoverState is the mic ducking as the user set it, in the engine's
// units (mixer/command.go). The hold-to-talk button is not part of it: it
// is on only while held.
type TalkoverState struct {
	Mode        int     `json:"mode"` // mixer.TalkoverOff, TalkoverAuto or TalkoverManual
	ThresholdDB float64 `json:"thresholdDB"`
	DepthDB     float64 `json:"depthDB"`
	AttackMs    float64 `json:"attackMs"`
	ReleaseMs   float64 `json:"releaseMs"`
}

// MonitorState is the studio monitor section. Talkback is held, so it is
// not part of it.
type MonitorState struct {
	Source    int     `json:"source"`  // mixer.MonitorMaster, MonitorCue or MonitorExternal
	LevelDB   float64 `json:"levelDB"` // mixer.MonitorReferenceDB is the calibrated reference
	Dim       bool    `json:"dim"`
	DimDB     float64 `json:"dimDB"`
	Mono      bool    `json:"mono"`
	Mute      bool    `json:"mute"`
	PolarityL bool    `json:"polarityL"`
	SpeakerA  bool    `json:"speakerA"`
	SpeakerB  bool    `json:"speakerB"`
	TrimADB   float64 `json:"trimADB"`
	TrimBDB   float64 `json:"trimBDB"`
}

// unityFaderPos is the fader position of 0 dB in the engine's fader law.
func unityFaderPos() float64 { return mixer.FaderPos(0) }

// NewMixerState is a fresh mixer for cfg: everything at unity, channels
// alternately on A and B (the usual two-deck layout), the limiter on.
func NewMixerState(cfg mixer.Config) *MixerState {
	s := &MixerState{
		Master:          unityFaderPos(),
		Booth:           unityFaderPos(),
		Phones:          unityFaderPos(),
		CueMix:          0.5,
		CrossfaderCurve: 0,
		Limiter:         true,
		CeilingDB:       mixer.DefaultLimiterCeilingDB,
		Talkover: TalkoverState{
			Mode: mixer.TalkoverOff, ThresholdDB: mixer.DefaultTalkoverThresholdDB, DepthDB: mixer.DefaultTalkoverDepthDB,
			AttackMs: mixer.DefaultTalkoverAttackMs, ReleaseMs: mixer.DefaultTalkoverReleaseMs,
		},
		Monitor: MonitorState{
			Source: mixer.MonitorMaster, LevelDB: mixer.MonitorReferenceDB, DimDB: mixer.DefaultMonitorDimDB, SpeakerA: true,
		},
	}
	for i, c := range cfg.Channels {
		assign := mixer.XfaderA
		if i%2 == 1 {
			assign = mixer.XfaderB
		}
		if !c.Stereo {
			assign = mixer.XfaderThru
		}
		s.Channels = append(s.Channels, ChannelState{
			Name: c.Name, EQHigh: 0.5, EQMid: 0.5, EQLow: 0.5,
			Assign: assign, Fader: unityFaderPos(),
		})
	}
	return s
}

// Commands appends the whole state as engine commands, so a new engine
// starts exactly where the GUI is.
func (s *MixerState) Commands(dst []mixer.Command) []mixer.Command {
	b := func(v bool) float32 {
		if v {
			return 1
		}
		return 0
	}
	for i, c := range s.Channels {
		ch := int16(i)
		dst = append(dst,
			mixer.Command{Param: mixer.ParamTrimDB, Channel: ch, Value: float32(c.TrimDB)},
			mixer.Command{Param: mixer.ParamPolarity, Channel: ch, Value: b(c.Polarity)},
			mixer.Command{Param: mixer.ParamFilterResonance, Channel: ch, Value: float32(c.Resonance)},
			mixer.Command{Param: mixer.ParamEQHigh, Channel: ch, Value: float32(c.EQHigh)},
			mixer.Command{Param: mixer.ParamEQMid, Channel: ch, Value: float32(c.EQMid)},
			mixer.Command{Param: mixer.ParamEQLow, Channel: ch, Value: float32(c.EQLow)},
			mixer.Command{Param: mixer.ParamKillHigh, Channel: ch, Value: b(c.KillHigh)},
			mixer.Command{Param: mixer.ParamKillMid, Channel: ch, Value: b(c.KillMid)},
			mixer.Command{Param: mixer.ParamKillLow, Channel: ch, Value: b(c.KillLow)},
			mixer.Command{Param: mixer.ParamFilter, Channel: ch, Value: float32(c.Filter)},
			mixer.Command{Param: mixer.ParamPan, Channel: ch, Value: float32(c.Pan)},
			mixer.Command{Param: mixer.ParamCue, Channel: ch, Value: b(c.Cue)},
			mixer.Command{Param: mixer.ParamMute, Channel: ch, Value: b(c.Mute)},
			mixer.Command{Param: mixer.ParamXfaderAssign, Channel: ch, Value: float32(c.Assign)},
			mixer.Command{Param: mixer.ParamFader, Channel: ch, Value: float32(c.Fader)},
			mixer.Command{Param: mixer.ParamMeterMode, Channel: ch, Value: float32(c.MeterMode)},
		)
	}
	return append(dst,
		mixer.Command{Param: mixer.ParamCrossfader, Value: float32(s.Crossfader)},
		mixer.Command{Param: mixer.ParamMasterBalance, Value: float32(s.Balance)},
		mixer.Command{Param: mixer.ParamLimiterCeilingDB, Value: float32(s.CeilingDB)},
		mixer.Command{Param: mixer.ParamCrossfaderCurve, Value: float32(s.CrossfaderCurve)},
		mixer.Command{Param: mixer.ParamCrossfaderReverse, Value: b(s.CrossfaderReverse)},
		mixer.Command{Param: mixer.ParamMasterLevel, Value: float32(s.Master)},
		mixer.Command{Param: mixer.ParamBoothLevel, Value: float32(s.Booth)},
		mixer.Command{Param: mixer.ParamPhonesLevel, Value: float32(s.Phones)},
		mixer.Command{Param: mixer.ParamCueMix, Value: float32(s.CueMix)},
		mixer.Command{Param: mixer.ParamSplitCue, Value: b(s.SplitCue)},
		mixer.Command{Param: mixer.ParamLimiter, Value: b(s.Limiter)},
		mixer.Command{Param: mixer.ParamMasterMono, Value: b(s.Mono)},
		mixer.Command{Param: mixer.ParamTalkoverMode, Value: float32(s.Talkover.Mode)},
		mixer.Command{Param: mixer.ParamTalkoverThresholdDB, Value: float32(s.Talkover.ThresholdDB)},
		mixer.Command{Param: mixer.ParamTalkoverDepthDB, Value: float32(s.Talkover.DepthDB)},
		mixer.Command{Param: mixer.ParamTalkoverAttackMs, Value: float32(s.Talkover.AttackMs)},
		mixer.Command{Param: mixer.ParamTalkoverReleaseMs, Value: float32(s.Talkover.ReleaseMs)},
		mixer.Command{Param: mixer.ParamMonitorSource, Value: float32(s.Monitor.Source)},
		mixer.Command{Param: mixer.ParamMonitorLevelDB, Value: float32(s.Monitor.LevelDB)},
		mixer.Command{Param: mixer.ParamMonitorDim, Value: b(s.Monitor.Dim)},
		mixer.Command{Param: mixer.ParamMonitorDimDB, Value: float32(s.Monitor.DimDB)},
		mixer.Command{Param: mixer.ParamMonitorMono, Value: b(s.Monitor.Mono)},
		mixer.Command{Param: mixer.ParamMonitorMute, Value: b(s.Monitor.Mute)},
		mixer.Command{Param: mixer.ParamMonitorPolarityL, Value: b(s.Monitor.PolarityL)},
		mixer.Command{Param: mixer.ParamMonitorSpeakerA, Value: b(s.Monitor.SpeakerA)},
		mixer.Command{Param: mixer.ParamMonitorSpeakerB, Value: b(s.Monitor.SpeakerB)},
		mixer.Command{Param: mixer.ParamMonitorTrimADB, Value: float32(s.Monitor.TrimADB)},
		mixer.Command{Param: mixer.ParamMonitorTrimBDB, Value: float32(s.Monitor.TrimBDB)},
	)
}
