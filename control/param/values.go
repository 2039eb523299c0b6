package param

import (
	"slices"

	"github.com/linuxdj/linuxdj/mixer"
)

// Values are the settings of a whole mixer: one value for every control of
// every channel and of the master section, in the engine's units. It is the
// one model the window, the headless loop, scenes, the state file, OSC and
// MIDI read and write; a Command is a change to it, and Commands brings an
// engine to it.
//
// Press controls (held buttons, resets) are not settings and are not
// kept. A Values is a plain value with one slice: copy it with Clone.
type Values struct {
	global   [Count]float32
	channels [][Count]float32 // only channel params are used
}

// NewValues returns the defaults of a mixer with n channels.
func NewValues(n int) Values {
	var v Values
	for p := 1; p < Count; p++ {
		if !mixer.Param(p).IsChannelParam() {
			v.global[p] = infos[p].Default
		}
	}
	v.Resize(n)
	return v
}

// Resize makes v have n channels: channels past n are dropped, new ones
// take the defaults.
func (v *Values) Resize(n int) {
	if n <= len(v.channels) {
		v.channels = v.channels[:n]
		return
	}
	var def [Count]float32
	for p := 1; p < Count; p++ {
		if mixer.Param(p).IsChannelParam() {
			def[p] = infos[p].Default
		}
	}
	for len(v.channels) < n {
		v.channels = append(v.channels, def)
	}
}

// Channels is how many channels v has.
func (v *Values) Channels() int { return len(v.channels) }

// Get returns p's value on channel ch (ignored for a global p); an unknown
// control or channel reads as the control's default (0 if unknown).
func (v *Values) Get(p mixer.Param, ch int) float32 {
	info, ok := Lookup(p)
	switch {
	case !ok:
		return 0
	case !p.IsChannelParam():
		return v.global[p]
	case ch < 0 || ch >= len(v.channels):
		return info.Default
	}
	return v.channels[ch][p]
}

// Set applies c, clamped as Clamp does, and reports whether a value
// changed. Commands for unknown controls or channels, and Press controls,
// change nothing.
func (v *Values) Set(c mixer.Command) bool {
	info, ok := Lookup(c.Param)
	if !ok || info.Press {
		return false
	}
	x := info.clamp(c.Value)
	slot := &v.global[c.Param]
	if c.Param.IsChannelParam() {
		if c.Channel < 0 || int(c.Channel) >= len(v.channels) {
			return false
		}
		slot = &v.channels[c.Channel][c.Param]
	}
	if *slot == x {
		return false
	}
	*slot = x
	return true
}

// Commands appends to dst the command of every setting, channel controls
// first, and returns the extended slice: sent to an engine, they bring it
// to v.
func (v *Values) Commands(dst []mixer.Command) []mixer.Command {
	for ch := range v.channels {
		for p := 1; p < Count; p++ {
			if mixer.Param(p).IsChannelParam() && !infos[p].Press {
				dst = append(dst, mixer.Command{Param: mixer.Param(p), Channel: int16(ch), Value: v.channels[ch][p]})
			}
		}
	}
	for p := 1; p < Count; p++ {
		if !mixer.Param(p).IsChannelParam() && !infos[p].Press {
			dst = append(dst, mixer.Command{Param: mixer.Param(p), Value: v.global[p]})
		}
	}
	return dst
}

// Clone returns a copy of v that shares nothing with it.
func (v Values) Clone() Values {
	v.channels = slices.Clone(v.channels)
	return v
}

// CopyFrom makes v equal to src, reusing v's memory where it can.
func (v *Values) CopyFrom(src *Values) {
	v.global = src.global
	v.channels = append(v.channels[:0], src.channels...)
}

// Equal reports whether v and o hold the same settings.
func (v *Values) Equal(o *Values) bool {
	return v.global == o.global && slices.Equal(v.channels, o.channels)
}

// Recall returns v with the mix of scene: every setting of scene, for as
// many channels as v has, except the Room controls, which stay v's. v
// itself is not modified.
func (v *Values) Recall(scene *Values) Values {
	out := v.Clone()
	for p := 1; p < Count; p++ {
		if infos[p].Room {
			continue
		}
		if !mixer.Param(p).IsChannelParam() {
			out.global[p] = scene.global[p]
			continue
		}
		for ch := range min(len(out.channels), len(scene.channels)) {
			out.channels[ch][p] = scene.channels[ch][p]
		}
	}
	return out
}
