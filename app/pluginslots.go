package app

import (
	"sync/atomic"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

// pluginSlots is what the controllers (MIDI on the audio thread, OSC on
// its goroutine) see of the insert slots: for every slot, the plugin that
// is loaded there, behind an atomic pointer the rack swaps before it
// hands the engine a new plugin. A plugin's controls are its parameters:
// their descriptions are its ports' (lv2.Port.Param), their values the
// lv2.Insert's own atomic targets, which are also what the window shows
// and the state file saves. So a control set from any of them is set
// once, in the plugin, and read back by the others.
//
// A plugin stays valid for a reader that loaded it before the swap: the
// engine hands it back (Retired) only periods later, after the MIDI that
// ran in the same period, and SetControl on a retired Insert touches only
// its own atomics.
type pluginSlots struct {
	slots [(mixer.MaxChannels + 1) * mixer.InsertSlots]atomic.Pointer[loadedPlugin]
}

// loadedPlugin is a plugin in a slot with its controls' descriptions,
// built once off the audio thread; nothing in it changes afterwards.
type loadedPlugin struct {
	ins   *lv2.Insert
	ports []lv2.Port   // the control inputs, in the order of ins.Controls
	infos []param.Info // ports[i].Param at the rack's rate
}

var _ midi.PluginControls = (*pluginSlots)(nil)

func newLoadedPlugin(ins *lv2.Insert, rateHz float64) *loadedPlugin {
	lp := &loadedPlugin{ins: ins, ports: ins.Controls()}
	for _, p := range lp.ports {
		lp.infos = append(lp.infos, p.Param(rateHz))
	}
	return lp
}

// pluginSlotIndex is the index of a slot (channel from 1, 0 master; slot
// from 1), or −1 outside the mixer's limits.
func pluginSlotIndex(channel, slot int) int {
	if channel < 0 || channel > mixer.MaxChannels || slot < 1 || slot > mixer.InsertSlots {
		return -1
	}
	if channel == 0 {
		channel = mixer.MaxChannels + 1
	}
	return (channel-1)*mixer.InsertSlots + slot - 1
}

// publish makes lp (nil: none) the slot's plugin for the controllers.
func (ps *pluginSlots) publish(channel, slot int, lp *loadedPlugin) {
	if i := pluginSlotIndex(channel, slot); i >= 0 {
		ps.slots[i].Store(lp)
	}
}

// find returns the plugin holding c and c's index among its controls.
//
// find is real-time safe: atomic loads and a read of a map that never
// changes.
func (ps *pluginSlots) find(c param.PluginControl) (*loadedPlugin, int, bool) {
	i := pluginSlotIndex(c.Channel, c.Slot)
	if i < 0 {
		return nil, 0, false
	}
	lp := ps.slots[i].Load()
	if lp == nil {
		return nil, 0, false
	}
	k, ok := lp.ins.ControlIndex(c.Symbol)
	return lp, k, ok && k < len(lp.infos)
}

// PluginControl describes c and says its value; ok is false when no
// plugin in c's slot has it.
//
// PluginControl is real-time safe; any goroutine.
func (ps *pluginSlots) PluginControl(c param.PluginControl) (param.Info, float32, bool) {
	lp, k, ok := ps.find(c)
	if !ok {
		return param.Info{}, 0, false
	}
	return lp.infos[k], lp.ins.ControlValue(k), true
}

// SetPluginControl sets c to v (clamped into its range); nothing when no
// plugin has c.
//
// SetPluginControl is real-time safe; any goroutine.
func (ps *pluginSlots) SetPluginControl(c param.PluginControl, v float32) {
	ps.set(c, v)
}

// set is SetPluginControl reporting whether a plugin has c: the OSC
// server's osc.PluginSetter.
//
// set is real-time safe; any goroutine.
func (ps *pluginSlots) set(c param.PluginControl, v float32) bool {
	lp, k, ok := ps.find(c)
	if ok {
		lp.ins.SetControl(k, lp.infos[k].Clamp(v))
	}
	return ok
}
