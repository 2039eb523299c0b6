package param

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/fx"
)

// Count is one more than the highest mixer.Param, the size of tables
// indexed by Param.
const Count = int(mixer.ParamCount)

// Law is how a control's position (0..1, where a knob or fader stands, or
// a MIDI controller's travel) maps onto its range.
type Law uint8

// Laws.
const (
	Linear Law = iota // value = Min + pos·(Max − Min)
	Log               // value = Min·(Max/Min)^pos, for times: Min > 0
)

// Info describes one control: everything the state file, scenes, OSC,
// MIDI, the window and the engine's commands need to know of it.
type Info struct {
	Name     string  // path element(s) after "ch/<n>/" or at the top: "fader", "eq/low", "crossfader"
	Min, Max float32 // the range of Command.Value
	Default  float32 // the value a new mixer starts with, as the engine's own defaults
	Switch   bool    // only whole numbers are meaningful (on/off, A/thru/B)
	Law      Law     // how a position maps onto Min..Max
	Unit     string  // of the value, for readouts: "dB", "ms", or "" for a position or a switch
	// Key is the control's key in the state file: in a channel's table,
	// or in the global one, where "talkover.mode" is key mode of the
	// table talkover. Empty for what is never saved (Press, and states
	// of a session such as the loudness meter's run).
	Key string
	// Choices name a switch's values Min..Max in the state file; a
	// switch without them is saved as a boolean.
	Choices []string
	// Press marks a button that acts while held or once per press
	// (talkover, talkback, resets): not a setting, so Values keeps none.
	Press bool
	// Room marks the studio monitor section: how the room listens, not
	// part of a mix, so recalling a scene leaves it alone.
	Room bool
}

// Names of the switches' values as the state file writes them.
var (
	XfaderAssigns  = []string{mixer.XfaderA: "A", mixer.XfaderThru: "thru", mixer.XfaderB: "B"}
	MeterModes     = []string{"peak+rms", "peak", "vu", "ppm1", "ppm2", "k20", "k14", "k12"}
	TalkoverModes  = []string{mixer.TalkoverOff: "off", mixer.TalkoverAuto: "auto", mixer.TalkoverManual: "manual"}
	MonitorSources = []string{mixer.MonitorMaster: "master", mixer.MonitorCue: "cue", mixer.MonitorExternal: "external"}
	BeatFXTypes    = []string{fx.Echo: "echo", fx.Delay: "delay", fx.PingPong: "pingpong", fx.Reverb: "reverb",
		fx.Flanger: "flanger", fx.Phaser: "phaser", fx.Roll: "roll", fx.Trans: "trans", fx.FilterLFO: "filter", fx.External: "send_return"}
	BeatFXSources = beatFXSources()
	ClockSources  = clockSources()
	BeatFXBeats   = []string{"1/16", "1/8", "1/4", "1/2", "3/4", "1", "2", "4", "8", "16"} // fx.Beats
	ColourFXTypes = []string{fx.ColourOff: "off", fx.Space: "space", fx.DubEcho: "dub_echo", fx.Noise: "noise",
		fx.Crush: "crush", fx.ColourFilter: "filter"}
)

// beatFXSources names the beat FX sources: master, A, B, mic, ch1 … ch32.
func beatFXSources() []string {
	names := make([]string, mixer.FXSources)
	names[mixer.FXMaster], names[mixer.FXSideA], names[mixer.FXSideB], names[mixer.FXMic] = "master", "A", "B", "mic"
	for i := range mixer.MaxChannels {
		names[mixer.FXChannel+i] = "ch" + strconv.Itoa(i+1)
	}
	return names
}

// clockSources names the MIDI clock's sources: master, ch1 … ch32.
func clockSources() []string {
	names := make([]string, mixer.ClockSources)
	names[mixer.ClockMaster] = "master"
	for i := range mixer.MaxChannels {
		names[mixer.ClockChannel+i] = "ch" + strconv.Itoa(i+1)
	}
	return names
}

// infos is indexed by mixer.Param; index 0 is unused.
var infos = [Count]Info{
	mixer.ParamTrimDB:          {Name: "trim", Min: -20, Max: 20, Unit: "dB", Key: "trim_db"},
	mixer.ParamPolarity:        {Name: "polarity", Max: 1, Switch: true, Key: "polarity_inverted"},
	mixer.ParamEQLow:           {Name: "eq/low", Max: 1, Default: 0.5, Key: "eq_low"},
	mixer.ParamEQMid:           {Name: "eq/mid", Max: 1, Default: 0.5, Key: "eq_mid"},
	mixer.ParamEQHigh:          {Name: "eq/high", Max: 1, Default: 0.5, Key: "eq_high"},
	mixer.ParamKillLow:         {Name: "kill/low", Max: 1, Switch: true, Key: "kill_low"},
	mixer.ParamKillMid:         {Name: "kill/mid", Max: 1, Switch: true, Key: "kill_mid"},
	mixer.ParamKillHigh:        {Name: "kill/high", Max: 1, Switch: true, Key: "kill_high"},
	mixer.ParamFilter:          {Name: "filter", Min: -1, Max: 1, Key: "filter"},
	mixer.ParamFilterResonance: {Name: "resonance", Max: 1, Key: "filter_resonance"},
	mixer.ParamPan:             {Name: "pan", Min: -1, Max: 1, Key: "pan"},
	mixer.ParamMute:            {Name: "mute", Max: 1, Switch: true, Key: "mute"},
	mixer.ParamCue:             {Name: "cue", Max: 1, Switch: true, Key: "cue"},
	mixer.ParamXfaderAssign:    {Name: "xfader_assign", Max: mixer.XfaderB, Default: mixer.XfaderThru, Switch: true, Key: "xfader_assign", Choices: XfaderAssigns},
	mixer.ParamFader:           {Name: "fader", Max: 1, Default: 0.75, Key: "fader"},

	mixer.ParamCrossfader:        {Name: "crossfader", Min: -1, Max: 1, Key: "crossfader"},
	mixer.ParamCrossfaderCurve:   {Name: "crossfader_curve", Max: 1, Default: mixer.DefaultCrossfaderCurve, Key: "crossfader_curve"},
	mixer.ParamCrossfaderReverse: {Name: "crossfader_reverse", Max: 1, Switch: true, Key: "crossfader_reverse"},
	mixer.ParamMasterLevel:       {Name: "master", Max: 1, Default: 0.75, Key: "master_level"},
	mixer.ParamMasterBalance:     {Name: "balance", Min: -1, Max: 1, Key: "master_balance"},
	mixer.ParamMasterMono:        {Name: "mono", Max: 1, Switch: true, Key: "master_mono"},
	mixer.ParamLimiter:           {Name: "limiter", Max: 1, Default: 1, Switch: true, Key: "limiter"},
	mixer.ParamLimiterCeilingDB:  {Name: "limiter_ceiling", Min: -20, Max: 0, Default: mixer.DefaultLimiterCeilingDB, Unit: "dB", Key: "limiter_ceiling_db"},
	mixer.ParamBoothLevel:        {Name: "booth", Max: 1, Default: 0.75, Key: "booth_level"},
	mixer.ParamPhonesLevel:       {Name: "phones", Max: 1, Default: 0.75, Key: "phones_level"},
	mixer.ParamCueMix:            {Name: "cue_mix", Max: 1, Default: mixer.DefaultCueMix, Key: "cue_mix"},
	mixer.ParamSplitCue:          {Name: "split_cue", Max: 1, Switch: true, Key: "split_cue"},

	mixer.ParamTalkoverMode:        {Name: "talkover/mode", Max: mixer.TalkoverManual, Switch: true, Key: "talkover.mode", Choices: TalkoverModes},
	mixer.ParamTalkoverButton:      {Name: "talkover/button", Max: 1, Switch: true, Press: true},
	mixer.ParamTalkoverThresholdDB: {Name: "talkover/threshold", Min: -60, Max: 0, Default: mixer.DefaultTalkoverThresholdDB, Unit: "dB", Key: "talkover.threshold_db"},
	mixer.ParamTalkoverDepthDB:     {Name: "talkover/depth", Min: -40, Max: 0, Default: mixer.DefaultTalkoverDepthDB, Unit: "dB", Key: "talkover.depth_db"},
	mixer.ParamTalkoverAttackMs:    {Name: "talkover/attack", Min: 1, Max: 1000, Default: mixer.DefaultTalkoverAttackMs, Law: Log, Unit: "ms", Key: "talkover.attack_ms"},
	mixer.ParamTalkoverReleaseMs:   {Name: "talkover/release", Min: 10, Max: 5000, Default: mixer.DefaultTalkoverReleaseMs, Law: Log, Unit: "ms", Key: "talkover.release_ms"},
	mixer.ParamMonitorSource:       {Name: "monitor/source", Max: mixer.MonitorExternal, Switch: true, Key: "monitor.source", Choices: MonitorSources, Room: true},
	mixer.ParamMonitorLevelDB:      {Name: "monitor/level", Min: mixer.MonitorLevelOffDB, Max: 12, Default: mixer.MonitorReferenceDB, Unit: "dB", Key: "monitor.level_db", Room: true},
	mixer.ParamMonitorDim:          {Name: "monitor/dim", Max: 1, Switch: true, Key: "monitor.dim", Room: true},
	mixer.ParamMonitorDimDB:        {Name: "monitor/dim_depth", Min: -60, Max: 0, Default: mixer.DefaultMonitorDimDB, Unit: "dB", Key: "monitor.dim_db", Room: true},
	mixer.ParamMonitorMono:         {Name: "monitor/mono", Max: 1, Switch: true, Key: "monitor.mono", Room: true},
	mixer.ParamMonitorMute:         {Name: "monitor/mute", Max: 1, Switch: true, Key: "monitor.mute", Room: true},
	mixer.ParamMonitorPolarityL:    {Name: "monitor/polarity_left", Max: 1, Switch: true, Key: "monitor.polarity_left", Room: true},
	mixer.ParamMonitorSpeakerA:     {Name: "monitor/speaker_a", Max: 1, Default: 1, Switch: true, Key: "monitor.speaker_a", Room: true},
	mixer.ParamMonitorSpeakerB:     {Name: "monitor/speaker_b", Max: 1, Switch: true, Key: "monitor.speaker_b", Room: true},
	mixer.ParamMonitorTrimADB:      {Name: "monitor/trim_a", Min: -40, Max: 10, Unit: "dB", Key: "monitor.trim_a_db", Room: true},
	mixer.ParamMonitorTrimBDB:      {Name: "monitor/trim_b", Min: -40, Max: 10, Unit: "dB", Key: "monitor.trim_b_db", Room: true},
	mixer.ParamTalkback:            {Name: "talkback", Max: 1, Switch: true, Press: true},

	mixer.ParamMeterMode:     {Name: "meter_mode", Max: float32(mixer.MeterK12), Switch: true, Key: "meter_mode", Choices: MeterModes},
	mixer.ParamMeterReset:    {Name: "meter_reset", Max: 1, Switch: true, Press: true},
	mixer.ParamMasterMeters:  {Name: "loudness/on", Max: 1, Default: 1, Switch: true, Key: "master_meters"},
	mixer.ParamLoudnessRun:   {Name: "loudness/run", Max: 1, Default: 1, Switch: true},
	mixer.ParamLoudnessReset: {Name: "loudness/reset", Max: 1, Switch: true, Press: true},
	mixer.ParamTruePeakReset: {Name: "true_peak_reset", Max: 1, Switch: true, Press: true},

	mixer.ParamBPMLock:         {Name: "bpm/lock", Max: 1, Switch: true, Key: "bpm_lock"},
	mixer.ParamBPMTap:          {Name: "bpm/tap", Max: 1, Switch: true, Press: true},
	mixer.ParamBPMHalf:         {Name: "bpm/half", Max: 1, Switch: true, Press: true},
	mixer.ParamBPMDouble:       {Name: "bpm/double", Max: 1, Switch: true, Press: true},
	mixer.ParamMasterBPMLock:   {Name: "master_bpm/lock", Max: 1, Switch: true, Key: "master_bpm_lock"},
	mixer.ParamMasterBPMTap:    {Name: "master_bpm/tap", Max: 1, Switch: true, Press: true},
	mixer.ParamMasterBPMHalf:   {Name: "master_bpm/half", Max: 1, Switch: true, Press: true},
	mixer.ParamMasterBPMDouble: {Name: "master_bpm/double", Max: 1, Switch: true, Press: true},

	mixer.ParamBeatFXType:        {Name: "beat_fx/type", Max: float32(fx.BeatKinds - 1), Switch: true, Key: "beat_fx.type", Choices: BeatFXTypes},
	mixer.ParamBeatFXAssign:      {Name: "beat_fx/assign", Max: mixer.FXSources - 1, Switch: true, Key: "beat_fx.assign", Choices: BeatFXSources},
	mixer.ParamBeatFXBeats:       {Name: "beat_fx/beats", Max: float32(len(fx.Beats) - 1), Default: mixer.DefaultBeatFXBeats, Switch: true, Key: "beat_fx.beats", Choices: BeatFXBeats},
	mixer.ParamBeatFXSync:        {Name: "beat_fx/sync", Max: 1, Default: 1, Switch: true, Key: "beat_fx.sync"},
	mixer.ParamBeatFXTimeMs:      {Name: "beat_fx/time", Min: 1, Max: 4000, Default: mixer.DefaultBeatFXTimeMs, Law: Log, Unit: "ms", Key: "beat_fx.time_ms"},
	mixer.ParamBeatFXDepth:       {Name: "beat_fx/depth", Max: 1, Default: mixer.DefaultBeatFXDepth, Key: "beat_fx.depth"},
	mixer.ParamBeatFXFeedback:    {Name: "beat_fx/feedback", Max: 0.95, Default: mixer.DefaultBeatFXFeedback, Key: "beat_fx.feedback"},
	mixer.ParamBeatFXOn:          {Name: "beat_fx/on", Max: 1, Switch: true, Key: "beat_fx.on"},
	mixer.ParamColourFXType:      {Name: "colour_fx/type", Max: float32(fx.ColourKinds - 1), Switch: true, Key: "colour_fx.type", Choices: ColourFXTypes},
	mixer.ParamColourFXParameter: {Name: "colour_fx/parameter", Max: 1, Default: mixer.DefaultColourFXParam, Key: "colour_fx.parameter"},
	mixer.ParamClockOn:           {Name: "clock/on", Max: 1, Switch: true, Key: "clock.on"},
	mixer.ParamClockSource:       {Name: "clock/source", Max: mixer.ClockSources - 1, Switch: true, Key: "clock.source", Choices: ClockSources},
	mixer.ParamClockTimebase:     {Name: "clock/timebase", Max: 1, Switch: true, Key: "clock.timebase"},
}

// All lists every Param in order, channel controls first.
func All() []mixer.Param {
	ps := make([]mixer.Param, 0, Count-1)
	for p := 1; p < Count; p++ {
		ps = append(ps, mixer.Param(p))
	}
	return ps
}

// Lookup returns what is known about p; ok is false for an unknown Param.
//
// Lookup is real-time safe: it reads a fixed array.
func Lookup(p mixer.Param) (info Info, ok bool) {
	if p == 0 || int(p) >= Count {
		return Info{}, false
	}
	return infos[p], true
}

// Clamp brings v into p's range; NaN becomes p's default. Switches round
// to the nearest whole step.
//
// Clamp is real-time safe.
func Clamp(p mixer.Param, v float32) float32 {
	info, ok := Lookup(p)
	if !ok {
		return v
	}
	return info.clamp(v)
}

// Clamp brings v into the control's range as the package's Clamp does:
// NaN becomes the default, a switch rounds to a whole step.
//
// Clamp is real-time safe.
func (i *Info) Clamp(v float32) float32 { return i.clamp(v) }

func (i *Info) clamp(v float32) float32 {
	if v != v {
		return i.Default
	}
	v = min(max(v, i.Min), i.Max)
	if i.Switch {
		v = float32(math.Round(float64(v)))
	}
	return v
}

// Value is the value at position pos (0..1, clamped) of the control's law.
//
// Value is real-time safe.
func (i *Info) Value(pos float64) float32 {
	pos = min(max(pos, 0), 1)
	lo, hi := float64(i.Min), float64(i.Max)
	if i.Law == Log {
		return float32(lo * math.Pow(hi/lo, pos))
	}
	return float32(lo + (hi-lo)*pos)
}

// Pos is the position 0..1 of value v (clamped to the range) on the
// control's law: Value's inverse.
//
// Pos is real-time safe.
func (i *Info) Pos(v float32) float64 {
	lo, hi, x := float64(i.Min), float64(i.Max), float64(min(max(v, i.Min), i.Max))
	if i.Law == Log {
		return math.Log(x/lo) / math.Log(hi/lo)
	}
	return (x - lo) / (hi - lo)
}

// ByName returns the Param called name ("fader", "crossfader").
func ByName(name string) (mixer.Param, bool) {
	for p := 1; p < Count; p++ {
		if infos[p].Name == name {
			return mixer.Param(p), true
		}
	}
	return 0, false
}

// Format names one control: "ch/<n>/<name>" with n counted from 1 for a
// channel control, or just the name for a global one.
func Format(p mixer.Param, channel int16) string {
	info, ok := Lookup(p)
	if !ok {
		return "param" + strconv.Itoa(int(p))
	}
	if p.IsChannelParam() {
		return "ch/" + strconv.Itoa(int(channel)+1) + "/" + info.Name
	}
	return info.Name
}

// ErrUnknown is wrapped by Parse for a name that is no control.
var ErrUnknown = errors.New("unknown control")

// Parse is the inverse of Format: it returns the Param and the 0-based
// channel named by s. Channels are checked against mixer.MaxChannels only;
// the caller checks them against the mixer it has.
func Parse(s string) (p mixer.Param, channel int16, err error) {
	rest, isChannel := strings.CutPrefix(s, "ch/")
	if !isChannel {
		p, ok := ByName(s)
		if !ok || p.IsChannelParam() {
			return 0, 0, fmt.Errorf("param: %q: %w", s, ErrUnknown)
		}
		return p, 0, nil
	}
	num, name, found := strings.Cut(rest, "/")
	n, convErr := strconv.Atoi(num)
	if !found || convErr != nil || n < 1 || n > mixer.MaxChannels {
		return 0, 0, fmt.Errorf("param: %q: channel must be 1 to %d: %w", s, mixer.MaxChannels, ErrUnknown)
	}
	p, ok := ByName(name)
	if !ok || !p.IsChannelParam() {
		return 0, 0, fmt.Errorf("param: %q: %w", s, ErrUnknown)
	}
	return p, int16(n - 1), nil
}
