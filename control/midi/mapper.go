package midi

import (
	"sync/atomic"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// pickupTolerance is how close, as a fraction of the range, a physical
// control must come to the current value to take it over without crossing
// it; a step of a 7-bit knob is 1/127.
const pickupTolerance = 2.0 / 127

// encoderSteps is how many encoder ticks cover a continuous control's range.
const encoderSteps = 128

// Mapper turns MIDI input into commands and values into feedback. Create it
// with NewMapper. Feed, Observe and Feedback belong to one goroutine, the
// audio thread; SetTable, Learner and Dropped may be called from anywhere.
type Mapper struct {
	table atomic.Pointer[Table]
	// last is the last channel voice event received, for MIDI learn:
	// sequence number << 24 | status << 16 | data1 << 8 | data2.
	last    atomic.Uint64
	dropped atomic.Uint64

	// plugins reaches plugin controls; set before the audio thread runs.
	plugins PluginControls

	// Audio thread only from here on.
	cur      *Table
	parser   Parser
	seq      uint64
	values   [mixer.MaxChannels][param.Count]float32
	physical [MaxMappings]float32 // last position of an absolute control, 0..1, or −1
	msb      [MaxMappings]int16   // a 14-bit pair's MSB, or −1 before the first
	lsb      [MaxMappings]int16
	sent     [MaxMappings]int32 // last feedback value sent, or −1 to send
}

// NewMapper returns a mapper using t (nil for no mappings) whose copy of
// the controls starts at their defaults.
func NewMapper(t *Table) *Mapper {
	m := &Mapper{}
	for ch := range m.values {
		for p := 1; p < param.Count; p++ {
			info, _ := param.Lookup(mixer.Param(p))
			m.values[ch][p] = info.Default
		}
	}
	if t == nil {
		t = &Table{}
	}
	m.SetTable(t)
	m.resetTableState(t)
	return m
}

// PluginControls is how a mapper reaches the controls of the plugins in
// the insert slots, whose descriptions and values live with the plugins
// (the app's rack), not in the mapper's copy of the mixer's controls.
// Both methods are called on the audio thread, and PluginControl also by
// MIDI learn on the GUI's: they must be safe from any goroutine and
// real-time safe (no allocation, lock or system call).
type PluginControls interface {
	// PluginControl describes c and says its value; ok is false when no
	// plugin in c's slot has that control.
	PluginControl(c param.PluginControl) (info param.Info, value float32, ok bool)
	// SetPluginControl sets c to v, already clamped into c's range.
	SetPluginControl(c param.PluginControl, v float32)
}

// SetPlugins makes mappings with plugin targets reach p; without it
// they do nothing. Call it before the audio thread runs.
func (m *Mapper) SetPlugins(p PluginControls) { m.plugins = p }

// describe is t's description, from any goroutine (PluginControls'
// methods are safe from any).
func (m *Mapper) describe(t Target) (param.Info, bool) {
	if !t.IsPlugin() {
		return param.Lookup(t.Param)
	}
	if m.plugins == nil {
		return param.Info{}, false
	}
	info, _, ok := m.plugins.PluginControl(t.Plugin)
	return info, ok
}

// TargetInfo describes t and says its value: a mixer control's from
// param and the mapper's copy of the controls, a plugin control's from
// PluginControls. Audio thread only.
//
// TargetInfo is real-time safe when PluginControls is.
func (m *Mapper) TargetInfo(t Target) (info param.Info, value float32, ok bool) {
	if t.IsPlugin() {
		if m.plugins == nil {
			return param.Info{}, 0, false
		}
		return m.plugins.PluginControl(t.Plugin)
	}
	info, ok = param.Lookup(t.Param)
	if !ok || t.Channel < 0 || t.Channel >= mixer.MaxChannels {
		return param.Info{}, 0, false
	}
	if !t.Param.IsChannelParam() {
		t.Channel = 0
	}
	return info, m.values[t.Channel][t.Param], true
}

// SetTable hands t to the audio thread, which starts using it at its next
// Feed or Feedback; t must not change afterwards. Any goroutine may call it.
// Feedback for every mapping of t is sent again.
func (m *Mapper) SetTable(t *Table) {
	if t == nil {
		t = &Table{}
	}
	m.table.Store(t)
}

// Table returns the table in use (or about to be).
func (m *Mapper) Table() *Table { return m.table.Load() }

// Dropped counts commands Feed could not write because out was full.
func (m *Mapper) Dropped() uint64 { return m.dropped.Load() }

func (m *Mapper) syncTable() *Table {
	t := m.table.Load()
	if t != m.cur {
		m.resetTableState(t)
	}
	return t
}

func (m *Mapper) resetTableState(t *Table) {
	m.cur = t
	for i := range m.physical {
		m.physical[i] = -1
		m.msb[i] = -1
		m.lsb[i] = 0
		m.sent[i] = -1
	}
}

// Observe tells the mapper a control's value set elsewhere (the GUI, OSC,
// a loaded state), so soft takeover, toggles, encoders and feedback start
// from the truth. Unknown params and channels are ignored.
//
// Observe is real-time safe: no allocation, no lock, no system call.
func (m *Mapper) Observe(c mixer.Command) {
	if _, ok := param.Lookup(c.Param); !ok || c.Channel < 0 || c.Channel >= mixer.MaxChannels {
		return
	}
	if !c.Param.IsChannelParam() {
		c.Channel = 0
	}
	m.values[c.Channel][c.Param] = param.Clamp(c.Param, c.Value)
}

// Value returns the mapper's copy of a control's value; audio thread only.
//
// Value is real-time safe.
func (m *Mapper) Value(p mixer.Param, channel int16) float32 {
	if _, ok := param.Lookup(p); !ok || channel < 0 || channel >= mixer.MaxChannels {
		return 0
	}
	if !p.IsChannelParam() {
		channel = 0
	}
	return m.values[channel][p]
}

// Feed parses data (one JACK MIDI event, or any part of a byte stream),
// writes the commands its mapped events make into out and returns how many
// it wrote. Commands that do not fit are dropped and counted.
//
// Feed is real-time safe: no allocation, no lock, no system call.
func (m *Mapper) Feed(data []byte, out []mixer.Command) int {
	t := m.syncTable()
	n := 0
	for _, b := range data {
		ev, ok := m.parser.Feed(b)
		if !ok {
			continue
		}
		m.seq++
		m.last.Store(m.seq<<24 | uint64(ev.Status)<<16 | uint64(ev.Data1)<<8 | uint64(ev.Data2))
		n = m.handle(t, ev, out, n)
	}
	return n
}

func (m *Mapper) handle(t *Table, ev Event, out []mixer.Command, n int) int {
	g, number, ok := group(ev)
	if !ok {
		return n
	}
	for l := t.head[ev.Status&0x0F][g][number]; l != 0; l = t.links[l-1].next {
		i := int(t.links[l-1].mapping)
		mp := &t.mappings[i]
		info, cur, ok := m.TargetInfo(mp.Target)
		if !ok {
			continue
		}
		v, ok := m.apply(i, mp, ev, &info, cur)
		if !ok {
			continue
		}
		v = info.Clamp(v)
		if mp.Kind == KindAbsolute {
			// The control already shows where it is; echoing it back would
			// fight a moving hand. Buttons and encoders do need their LEDs.
			m.sent[i] = feedbackValue(&info, mp, v)
		}
		if mp.Target.IsPlugin() {
			// Not the engine's: the plugin takes it, and the window and
			// the saved state read it from there.
			m.plugins.SetPluginControl(mp.Target.Plugin, v)
			continue
		}
		m.values[mp.Target.Channel][mp.Target.Param] = v
		if n == len(out) {
			m.dropped.Add(1)
			continue
		}
		out[n] = mixer.Command{Param: mp.Target.Param, Channel: mp.Target.Channel, Value: v}
		n++
	}
	return n
}

// apply returns the new value of mapping i's target, described by info and
// now at cur, after ev, or false when ev is not for this mapping or must
// not move the target.
func (m *Mapper) apply(i int, mp *Mapping, ev Event, info *param.Info, cur float32) (float32, bool) {
	if ev.Channel() != mp.MIDIChannel {
		return 0, false
	}
	var raw, rawMax int32
	switch mp.Source {
	case SourceCC:
		if ev.Type() != TypeCC || ev.Data1 != mp.Number {
			return 0, false
		}
		raw, rawMax = int32(ev.Data2), dataMask
	case SourceCC14:
		if ev.Type() != TypeCC {
			return 0, false
		}
		switch ev.Data1 {
		case mp.Number:
			// A new MSB resets the LSB, as the MIDI 1.0 spec asks receivers to.
			m.msb[i], m.lsb[i] = int16(ev.Data2), 0
		case mp.Number + 32:
			if m.msb[i] < 0 {
				return 0, false
			}
			m.lsb[i] = int16(ev.Data2)
		default:
			return 0, false
		}
		raw, rawMax = int32(m.msb[i])<<7|int32(m.lsb[i]), 1<<14-1
	case SourceNote:
		switch ev.Type() {
		case TypeNoteOn:
			raw = int32(ev.Data2) // velocity 0 is a note off
		case TypeNoteOff:
			raw = 0
		default:
			return 0, false
		}
		if ev.Data1 != mp.Number {
			return 0, false
		}
		rawMax = dataMask
	case SourcePitchBend:
		if ev.Type() != TypePitchBend {
			return 0, false
		}
		raw, rawMax = int32(ev.Data2)<<7|int32(ev.Data1), 1<<14-1
	default:
		return 0, false
	}

	switch mp.Kind {
	case KindToggle:
		if raw == 0 {
			return 0, false
		}
		if cur >= (info.Min+info.Max)/2 {
			return info.Min, true
		}
		return info.Max, true
	case KindMomentary:
		if raw == 0 {
			return info.Min, true
		}
		return info.Max, true
	case KindRelativeTwos, KindRelativeOffset, KindRelativeSign:
		ticks := encoderTicks(mp.Kind, raw)
		if ticks == 0 {
			return 0, false
		}
		step := (info.Max - info.Min) / encoderSteps
		if info.Switch {
			step = 1
		}
		return cur + float32(ticks)*step, true
	}

	// Absolute: the controller's travel is the control's position, on the
	// control's law (a time knob is logarithmic), as on screen.
	norm := float32(raw) / float32(rawMax)
	v := info.Value(float64(norm))
	if info.Min < 0 && info.Max > 0 && raw == (rawMax+1)/2 {
		v = 0 // a bipolar control's centre detent lands exactly on zero
	}
	if mp.SoftTakeover {
		prev := m.physical[i]
		m.physical[i] = norm
		curNorm := float32(info.Pos(cur))
		near := norm-curNorm <= pickupTolerance && curNorm-norm <= pickupTolerance
		crossed := prev >= 0 && (prev-curNorm)*(norm-curNorm) <= 0
		if !near && !crossed {
			return 0, false
		}
	}
	return v, true
}

// encoderTicks decodes a relative encoder's 7-bit value into signed ticks.
func encoderTicks(k Kind, raw int32) int32 {
	switch k {
	case KindRelativeTwos:
		if raw >= 64 {
			return raw - 128
		}
		return raw
	case KindRelativeOffset:
		return raw - 64
	case KindRelativeSign:
		if raw&0x40 != 0 {
			return -(raw & 0x3F)
		}
		return raw & 0x3F
	}
	return 0
}
