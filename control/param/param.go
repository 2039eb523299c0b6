package param

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/linuxdj/linuxdj/mixer"
)

// Count is one more than the highest mixer.Param, the size of tables
// indexed by Param.
const Count = int(mixer.ParamCount)

// Info describes one control.
type Info struct {
	Name     string  // path element(s) after "ch/<n>/" or at the top: "fader", "eq/low", "crossfader"
	Min, Max float32 // the range of Command.Value
	Default  float32 // the value a new mixer starts with, as the engine's own defaults
	Switch   bool    // only whole numbers are meaningful (on/off, A/thru/B)
}

// infos is indexed by mixer.Param; index 0 is unused.
var infos = [Count]Info{
	mixer.ParamTrimDB:          {Name: "trim", Min: -20, Max: 20},
	mixer.ParamPolarity:        {Name: "polarity", Max: 1, Switch: true},
	mixer.ParamEQLow:           {Name: "eq/low", Max: 1, Default: 0.5},
	mixer.ParamEQMid:           {Name: "eq/mid", Max: 1, Default: 0.5},
	mixer.ParamEQHigh:          {Name: "eq/high", Max: 1, Default: 0.5},
	mixer.ParamKillLow:         {Name: "kill/low", Max: 1, Switch: true},
	mixer.ParamKillMid:         {Name: "kill/mid", Max: 1, Switch: true},
	mixer.ParamKillHigh:        {Name: "kill/high", Max: 1, Switch: true},
	mixer.ParamFilter:          {Name: "filter", Min: -1, Max: 1},
	mixer.ParamFilterResonance: {Name: "resonance", Max: 1},
	mixer.ParamPan:             {Name: "pan", Min: -1, Max: 1},
	mixer.ParamMute:            {Name: "mute", Max: 1, Switch: true},
	mixer.ParamCue:             {Name: "cue", Max: 1, Switch: true},
	mixer.ParamXfaderAssign:    {Name: "xfader_assign", Max: mixer.XfaderB, Default: mixer.XfaderThru, Switch: true},
	mixer.ParamFader:           {Name: "fader", Max: 1, Default: 0.75},

	mixer.ParamCrossfader:        {Name: "crossfader", Min: -1, Max: 1},
	mixer.ParamCrossfaderCurve:   {Name: "crossfader_curve", Max: 1, Default: 0.5},
	mixer.ParamCrossfaderReverse: {Name: "crossfader_reverse", Max: 1, Switch: true},
	mixer.ParamMasterLevel:       {Name: "master", Max: 1, Default: 0.75},
	mixer.ParamMasterBalance:     {Name: "balance", Min: -1, Max: 1},
	mixer.ParamMasterMono:        {Name: "mono", Max: 1, Switch: true},
	mixer.ParamLimiter:           {Name: "limiter", Max: 1, Default: 1, Switch: true},
	mixer.ParamLimiterCeilingDB:  {Name: "limiter_ceiling", Min: -20, Max: 0, Default: -1},
	mixer.ParamBoothLevel:        {Name: "booth", Max: 1, Default: 0.75},
	mixer.ParamPhonesLevel:       {Name: "phones", Max: 1, Default: 0.75},
	mixer.ParamCueMix:            {Name: "cue_mix", Max: 1, Default: 0.5},
	mixer.ParamSplitCue:          {Name: "split_cue", Max: 1, Switch: true},

	mixer.ParamTalkoverMode:        {Name: "talkover/mode", Max: mixer.TalkoverManual, Switch: true},
	mixer.ParamTalkoverButton:      {Name: "talkover/button", Max: 1, Switch: true},
	mixer.ParamTalkoverThresholdDB: {Name: "talkover/threshold", Min: -60, Max: 0, Default: -30},
	mixer.ParamTalkoverDepthDB:     {Name: "talkover/depth", Min: -40, Max: 0, Default: -12},
	mixer.ParamTalkoverAttackMs:    {Name: "talkover/attack", Min: 1, Max: 1000, Default: 50},
	mixer.ParamTalkoverReleaseMs:   {Name: "talkover/release", Min: 10, Max: 5000, Default: 500},
	mixer.ParamMonitorSource:       {Name: "monitor/source", Max: mixer.MonitorExternal, Switch: true},
	mixer.ParamMonitorLevelDB:      {Name: "monitor/level", Min: -80, Max: 12},
	mixer.ParamMonitorDim:          {Name: "monitor/dim", Max: 1, Switch: true},
	mixer.ParamMonitorDimDB:        {Name: "monitor/dim_depth", Min: -60, Max: 0, Default: -20},
	mixer.ParamMonitorMono:         {Name: "monitor/mono", Max: 1, Switch: true},
	mixer.ParamMonitorMute:         {Name: "monitor/mute", Max: 1, Switch: true},
	mixer.ParamMonitorPolarityL:    {Name: "monitor/polarity_left", Max: 1, Switch: true},
	mixer.ParamMonitorSpeakerA:     {Name: "monitor/speaker_a", Max: 1, Default: 1, Switch: true},
	mixer.ParamMonitorSpeakerB:     {Name: "monitor/speaker_b", Max: 1, Switch: true},
	mixer.ParamMonitorTrimADB:      {Name: "monitor/trim_a", Min: -40, Max: 10},
	mixer.ParamMonitorTrimBDB:      {Name: "monitor/trim_b", Min: -40, Max: 10},
	mixer.ParamTalkback:            {Name: "talkback", Max: 1, Switch: true},

	mixer.ParamMeterMode:     {Name: "meter_mode", Max: float32(mixer.MeterK12), Switch: true},
	mixer.ParamMeterReset:    {Name: "meter_reset", Max: 1, Switch: true},
	mixer.ParamMasterMeters:  {Name: "loudness/on", Max: 1, Default: 1, Switch: true},
	mixer.ParamLoudnessRun:   {Name: "loudness/run", Max: 1, Default: 1, Switch: true},
	mixer.ParamLoudnessReset: {Name: "loudness/reset", Max: 1, Switch: true},
	mixer.ParamTruePeakReset: {Name: "true_peak_reset", Max: 1, Switch: true},
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
	if v != v {
		return info.Default
	}
	v = min(max(v, info.Min), info.Max)
	if info.Switch {
		v = float32(math.Round(float64(v)))
	}
	return v
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
