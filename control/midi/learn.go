package midi

import "github.com/linuxdj/linuxdj/control/param"

// Learner is the GUI side of MIDI learn: Arm it for a target, move a
// control, and Poll returns a mapping for it. It reads the mapper's last
// event lock-free; use one Learner from one goroutine.
type Learner struct {
	m      *Mapper
	target Target
	since  uint64 // the event sequence number when armed
	armed  bool
}

// NewLearner returns a learner watching m.
func NewLearner(m *Mapper) *Learner { return &Learner{m: m} }

// Arm starts learning for target; events received before now are ignored.
func (l *Learner) Arm(target Target) {
	l.target, l.since, l.armed = target, l.m.last.Load()>>24, true
}

// Cancel stops learning.
func (l *Learner) Cancel() { l.armed = false }

// Armed reports whether the learner waits for an event, and for what.
func (l *Learner) Armed() (Target, bool) { return l.target, l.armed }

// Poll returns a mapping built with Suggest from the first usable event
// since Arm, and disarms. It returns false while nothing usable came.
func (l *Learner) Poll() (Mapping, bool) {
	if !l.armed {
		return Mapping{}, false
	}
	w := l.m.last.Load()
	if w>>24 == l.since {
		return Mapping{}, false
	}
	l.since = w >> 24
	info, known := l.m.describe(l.target)
	if !known {
		return Mapping{}, false
	}
	mp, ok := SuggestFor(Event{Status: byte(w >> 16), Data1: byte(w >> 8), Data2: byte(w)}, l.target, &info)
	if ok {
		l.armed = false
	}
	return mp, ok
}

// Suggest builds the mapping a user most likely means when they move the
// control that sent ev while learning target: a note toggles a switch and
// holds anything else while pressed; a CC moves a control absolutely with
// soft takeover, or toggles a switch; pitch bend is a fader. Note offs and
// other messages are not learnable.
func Suggest(ev Event, target Target) (Mapping, bool) {
	info, ok := param.Lookup(target.Param)
	if !ok {
		return Mapping{}, false
	}
	return SuggestFor(ev, target, &info)
}

// SuggestFor is Suggest for a target described by info: a plugin's
// control, whose description comes with the plugin.
func SuggestFor(ev Event, target Target, info *param.Info) (Mapping, bool) {
	mp := Mapping{MIDIChannel: ev.Channel(), Number: ev.Data1, Target: target, Kind: KindAbsolute}
	switch {
	case ev.Type() == TypeNoteOn && ev.Data2 > 0:
		mp.Source, mp.Kind = SourceNote, KindMomentary
		if info.Switch {
			mp.Kind = KindToggle
		}
	case ev.Type() == TypeCC:
		mp.Source = SourceCC
		if info.Switch {
			mp.Kind = KindToggle
		} else {
			mp.SoftTakeover = true
		}
	case ev.Type() == TypePitchBend:
		mp.Source, mp.Number, mp.SoftTakeover = SourcePitchBend, 0, true
	default:
		return Mapping{}, false
	}
	return mp, mp.Validate() == nil
}
