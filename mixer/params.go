package mixer

import "math"

// channelParams are the control targets of one channel strip.
type channelParams struct {
	trimDB    float32
	eqPos     [3]float32 // low, mid, high knob positions
	filter    float32
	resonance float32
	pan       float32
	faderPos  float32
	assign    int8
	polarity  bool
	kill      [3]bool
	mute      bool
	cue       bool
}

// params are all control targets of the mixer. It is a plain value with no
// pointers: a graph swap copies it whole, so nothing the user set resets.
type params struct {
	ch            [MaxChannels]channelParams
	xfader        float32
	xfaderCurve   float32
	masterPos     float32
	balance       float32
	ceilingDB     float32
	boothPos      float32
	phonesPos     float32
	cueMix        float32
	xfaderReverse bool
	mono          bool
	limiter       bool
	splitCue      bool
	talk          talkoverParams
	mon           monitorParams
	meters        meterParams // strip meter modes, master meters; see metering.go
	bpm           bpmParams   // BPM counters; see bpm.go
	fx            fxParams    // beat and colour FX; see effects.go
	clock         clockParams // MIDI clock and timebase; see clock.go
}

// Defaults a new engine starts with.
const (
	DefaultLimiterCeilingDB = -1.0
	DefaultCueMix           = 0.5 // half cue, half master in the headphones
	defaultEQPos            = 0.5
)

func defaultParams() params {
	var p params
	for i := range p.ch {
		p.ch[i] = channelParams{
			eqPos:    [3]float32{defaultEQPos, defaultEQPos, defaultEQPos},
			faderPos: faderUnityPos,
			assign:   XfaderThru,
		}
	}
	p.xfaderCurve = DefaultCrossfaderCurve
	p.masterPos = faderUnityPos
	p.boothPos = faderUnityPos
	p.phonesPos = faderUnityPos
	p.cueMix = DefaultCueMix
	p.ceilingDB = DefaultLimiterCeilingDB
	p.limiter = true
	p.talk = defaultTalkoverParams()
	p.mon = defaultMonitorParams()
	p.fx = defaultFXParams()
	return p
}

// apply sets the target cmd names and reports whether it was valid. NaN and
// Inf are ignored, values out of range are clamped, channel parameters for
// a channel that does not exist are ignored.
//
// apply is real-time safe: no allocation, no lock, no system call.
func (p *params) apply(cmd Command, channels int) bool {
	v := cmd.Value
	if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
		return false
	}
	if cmd.Param == 0 || cmd.Param >= ParamCount {
		return false
	}
	if cmd.Param.isMeterParam() {
		return p.meters.apply(cmd, channels)
	}
	if cmd.Param.isBPMParam() {
		return p.bpm.apply(cmd, channels)
	}
	if cmd.Param.isFXParam() {
		return p.fx.apply(cmd)
	}
	if cmd.Param.isClockParam() {
		return p.clock.apply(cmd)
	}
	if p.applyStudio(cmd) {
		return true
	}
	on := v >= 0.5
	if cmd.Param.IsChannelParam() {
		if cmd.Channel < 0 || int(cmd.Channel) >= channels {
			return false
		}
		c := &p.ch[cmd.Channel]
		switch cmd.Param {
		case ParamTrimDB:
			c.trimDB = clamp(v, -20, 20)
		case ParamPolarity:
			c.polarity = on
		case ParamEQLow, ParamEQMid, ParamEQHigh:
			c.eqPos[cmd.Param-ParamEQLow] = clamp(v, 0, 1)
		case ParamKillLow, ParamKillMid, ParamKillHigh:
			c.kill[cmd.Param-ParamKillLow] = on
		case ParamFilter:
			c.filter = clamp(v, -1, 1)
		case ParamFilterResonance:
			c.resonance = clamp(v, 0, 1)
		case ParamPan:
			c.pan = clamp(v, -1, 1)
		case ParamMute:
			c.mute = on
		case ParamCue:
			c.cue = on
		case ParamXfaderAssign:
			c.assign = int8(clamp(float32(math.Round(float64(v))), XfaderA, XfaderB))
		case ParamFader:
			c.faderPos = clamp(v, 0, 1)
		}
		return true
	}
	switch cmd.Param {
	case ParamCrossfader:
		p.xfader = clamp(v, -1, 1)
	case ParamCrossfaderCurve:
		p.xfaderCurve = clamp(v, 0, 1)
	case ParamCrossfaderReverse:
		p.xfaderReverse = on
	case ParamMasterLevel:
		p.masterPos = clamp(v, 0, 1)
	case ParamMasterBalance:
		p.balance = clamp(v, -1, 1)
	case ParamMasterMono:
		p.mono = on
	case ParamLimiter:
		p.limiter = on
	case ParamLimiterCeilingDB:
		p.ceilingDB = clamp(v, -20, 0)
	case ParamBoothLevel:
		p.boothPos = clamp(v, 0, 1)
	case ParamPhonesLevel:
		p.phonesPos = clamp(v, 0, 1)
	case ParamCueMix:
		p.cueMix = clamp(v, 0, 1)
	case ParamSplitCue:
		p.splitCue = on
	}
	return true
}

// clamp is real-time safe: no allocation, no lock, no system call.
func clamp(v, lo, hi float32) float32 { return max(lo, min(hi, v)) }
