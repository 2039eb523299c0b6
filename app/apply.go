package app

import (
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// Apply shows a command made elsewhere (a MIDI controller, OSC) in the
// window: the widget and the model both take its value, so the next sync
// sees no difference and sends nothing back to the engine, which already
// has it. Values that go through a unit conversion are stored as the
// widget gives them back, for the same reason. Params the window does not
// show (actions, held buttons) are ignored here.
func (u *UI) Apply(c mixer.Command) {
	v := float64(param.Clamp(c.Param, c.Value))
	on := v >= 0.5
	if c.Param.IsChannelParam() {
		if c.Channel < 0 || int(c.Channel) >= len(u.strips) {
			return
		}
		u.applyChannel(c.Param, int(c.Channel), v, on)
		return
	}
	s := u.State
	switch c.Param {
	case mixer.ParamCrossfader:
		u.xfader.Pos = bipolarPos(v)
		s.Crossfader = bipolar(u.xfader.Pos)
	case mixer.ParamCrossfaderCurve:
		s.CrossfaderCurve, u.curve.Pos = v, v
	case mixer.ParamCrossfaderReverse:
		s.CrossfaderReverse, u.reverse.On = on, on
	case mixer.ParamMasterLevel:
		s.Master, u.master.Pos = v, v
	case mixer.ParamBoothLevel:
		s.Booth, u.booth.Pos = v, v
	case mixer.ParamPhonesLevel:
		s.Phones, u.phones.Pos = v, v
	case mixer.ParamCueMix:
		s.CueMix, u.cueMix.Pos = v, v
	case mixer.ParamSplitCue:
		s.SplitCue, u.splitCue.On = on, on
	case mixer.ParamLimiter:
		s.Limiter, u.limiter.On = on, on
	case mixer.ParamMasterMono:
		s.Mono, u.mono.On = on, on
	case mixer.ParamMasterBalance:
		u.balance.Pos = bipolarPos(v)
		s.Balance = bipolar(u.balance.Pos)
	case mixer.ParamLimiterCeilingDB:
		u.ceiling.Pos = ceilingPos(v)
		s.CeilingDB = ceilingDB(u.ceiling.Pos)
	default:
		u.studio.apply(u, c.Param, v, on)
	}
}

func (u *UI) applyChannel(p mixer.Param, i int, v float64, on bool) {
	st, m := &u.strips[i], &u.State.Channels[i]
	switch p {
	case mixer.ParamTrimDB:
		st.trim.Pos = trimPos(v)
		m.TrimDB = trimDB(st.trim.Pos)
	case mixer.ParamPolarity:
		m.Polarity, st.polarity.On = on, on
	case mixer.ParamFilterResonance:
		m.Resonance, st.resonance.Pos = v, v
	case mixer.ParamEQHigh:
		m.EQHigh, st.hi.Pos = v, v
	case mixer.ParamEQMid:
		m.EQMid, st.mid.Pos = v, v
	case mixer.ParamEQLow:
		m.EQLow, st.low.Pos = v, v
	case mixer.ParamKillHigh:
		m.KillHigh, st.killHi.On = on, on
	case mixer.ParamKillMid:
		m.KillMid, st.killMid.On = on, on
	case mixer.ParamKillLow:
		m.KillLow, st.killLo.On = on, on
	case mixer.ParamFilter:
		st.filter.Pos = bipolarPos(v)
		m.Filter = bipolar(st.filter.Pos)
	case mixer.ParamPan:
		st.pan.Pos = bipolarPos(v)
		m.Pan = bipolar(st.pan.Pos)
	case mixer.ParamCue:
		m.Cue, st.cue.On = on, on
	case mixer.ParamMute:
		m.Mute, st.mute.On = on, on
	case mixer.ParamXfaderAssign:
		m.Assign, st.assign.Index = int(v), int(v)
	case mixer.ParamFader:
		m.Fader, st.fader.Pos = v, v
	case mixer.ParamMeterMode:
		m.MeterMode = mixer.MeterMode(v)
		st.mode.set(m.MeterMode)
	}
}
