package midi

import (
	"errors"
	"fmt"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// MaxMappings is the most mappings a Table holds.
const MaxMappings = 512

// Source is the kind of MIDI message a mapping listens to.
type Source uint8

// Sources.
const (
	SourceCC        Source = iota + 1 // a 7-bit control change
	SourceCC14                        // a 14-bit control change pair: MSB on Number (0..31), LSB on Number+32
	SourceNote                        // note on / note off
	SourcePitchBend                   // the channel's pitch bend (14 bits); Number is unused
)

var sourceNames = [...]string{SourceCC: "cc", SourceCC14: "cc14", SourceNote: "note", SourcePitchBend: "pitchbend"}

// Kind is how a message's value moves the target.
type Kind uint8

// Kinds.
const (
	KindAbsolute       Kind = iota + 1 // the value is the position (CC, CC14, pitch bend)
	KindRelativeTwos                   // encoder, two's complement: 1..63 up, 127..65 down
	KindRelativeOffset                 // encoder, binary offset: 65.. up, ..63 down, 64 still
	KindRelativeSign                   // encoder, sign-magnitude: 1..63 up, 65..127 (bit 6 set) down
	KindToggle                         // a note on (or CC > 0) flips a switch; off is ignored
	KindMomentary                      // on sets the target to its maximum, off to its minimum
)

var kindNames = [...]string{
	KindAbsolute: "absolute", KindRelativeTwos: "relative_twos", KindRelativeOffset: "relative_offset",
	KindRelativeSign: "relative_sign", KindToggle: "toggle", KindMomentary: "momentary",
}

// Target is the mixer control a mapping moves: a Param, or, when Plugin
// is set (Param is then 0), a control of the plugin in an insert slot,
// which the mapper reaches through its PluginControls.
type Target struct {
	Param   mixer.Param
	Channel int16 // 0-based; ignored for global params
	Plugin  param.PluginControl
}

// IsPlugin reports whether t is a plugin's control.
func (t Target) IsPlugin() bool { return !t.Plugin.IsZero() }

// String names t as mapping files and OSC do: "ch/1/fader",
// "ch/1/insert/1/gain".
func (t Target) String() string {
	if t.IsPlugin() {
		return t.Plugin.String()
	}
	return param.Format(t.Param, t.Channel)
}

// Mapping binds one MIDI control to one target. Its TOML form is
//
//	[[midi]]
//	source = "cc"        # cc, cc14, note, pitchbend
//	midi_channel = 1     # 1..16
//	number = 7           # CC or note number; for cc14 the MSB's CC (0..31)
//	kind = "absolute"    # absolute, relative_twos, relative_offset, relative_sign, toggle, momentary
//	target = "ch/1/fader"
//	soft_takeover = true # absolute sources only
type Mapping struct {
	Source       Source `toml:"source"`
	MIDIChannel  uint8  `toml:"midi_channel"` // 1..16 as printed on controllers
	Number       uint8  `toml:"number"`
	Kind         Kind   `toml:"kind"`
	Target       Target `toml:"target"`
	SoftTakeover bool   `toml:"soft_takeover"`
}

// MarshalText writes "cc", "note" …
func (s Source) MarshalText() ([]byte, error) {
	if int(s) >= len(sourceNames) || sourceNames[s] == "" {
		return nil, fmt.Errorf("midi: unknown source %d", s)
	}
	return []byte(sourceNames[s]), nil
}

// UnmarshalText reads what MarshalText writes.
func (s *Source) UnmarshalText(b []byte) error {
	for i, n := range sourceNames {
		if n != "" && n == string(b) {
			*s = Source(i)
			return nil
		}
	}
	return fmt.Errorf("midi: unknown source %q (want cc, cc14, note or pitchbend)", b)
}

// MarshalText writes "absolute", "toggle" …
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) || kindNames[k] == "" {
		return nil, fmt.Errorf("midi: unknown kind %d", k)
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText reads what MarshalText writes.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n != "" && n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("midi: unknown kind %q", b)
}

// MarshalText writes the target as param.Format does: "ch/1/fader", or
// as param.PluginControl does: "ch/1/insert/1/gain".
func (t Target) MarshalText() ([]byte, error) {
	if t.IsPlugin() {
		if err := t.Plugin.Validate(); err != nil {
			return nil, fmt.Errorf("midi: target: %w", err)
		}
		return []byte(t.Plugin.String()), nil
	}
	if _, ok := param.Lookup(t.Param); !ok {
		return nil, fmt.Errorf("midi: unknown target param %d", t.Param)
	}
	return []byte(param.Format(t.Param, t.Channel)), nil
}

// UnmarshalText reads what MarshalText writes.
func (t *Target) UnmarshalText(b []byte) error {
	p, ch, err := param.Parse(string(b))
	if err != nil {
		pc, perr := param.ParsePluginControl(string(b))
		if perr != nil {
			return fmt.Errorf("midi: target: %w", err)
		}
		*t = Target{Plugin: pc}
		return nil
	}
	*t = Target{Param: p, Channel: ch}
	return nil
}

// Validate reports the first thing wrong with m.
func (m Mapping) Validate() error {
	switch {
	case m.MIDIChannel < 1 || m.MIDIChannel > 16:
		return fmt.Errorf("midi: midi_channel %d, want 1 to 16", m.MIDIChannel)
	case m.Number > 127:
		return fmt.Errorf("midi: number %d, want 0 to 127", m.Number)
	case m.Source == SourceCC14 && m.Number > 31:
		return fmt.Errorf("midi: cc14 number %d, want the MSB's CC 0 to 31", m.Number)
	case m.Source < SourceCC || m.Source > SourcePitchBend:
		return errors.New("midi: missing or unknown source")
	case m.Kind < KindAbsolute || m.Kind > KindMomentary:
		return errors.New("midi: missing or unknown kind")
	case m.Source != SourceCC && m.Kind >= KindRelativeTwos && m.Kind <= KindRelativeSign:
		return fmt.Errorf("midi: relative kinds need a 7-bit cc source, not %s", sourceNames[m.Source])
	case (m.Source == SourceCC14 || m.Source == SourcePitchBend) && m.Kind != KindAbsolute:
		return fmt.Errorf("midi: %s sources are absolute", sourceNames[m.Source])
	}
	if m.Target.IsPlugin() {
		if err := m.Target.Plugin.Validate(); err != nil {
			return fmt.Errorf("midi: target: %w", err)
		}
		return nil
	}
	if _, ok := param.Lookup(m.Target.Param); !ok {
		return errors.New("midi: missing or unknown target")
	}
	if m.Target.Channel < 0 || m.Target.Channel >= mixer.MaxChannels {
		return fmt.Errorf("midi: target channel %d out of range", m.Target.Channel+1)
	}
	return nil
}

// Table is an immutable set of mappings for the audio thread. Build it with
// NewTable and never change it afterwards; swap a new one in instead.
//
// An index finds the mappings of an event without scanning them all: for
// each MIDI channel, message group (CC, note, pitch bend) and number, a
// chain of links through the mappings in table order. A 14-bit pair is
// linked under both of its CC numbers.
type Table struct {
	n        int
	mappings [MaxMappings]Mapping
	head     [16][groupCount][128]uint16 // 1 + first link, 0 for none
	links    [2 * MaxMappings]link
	nLinks   int
}

type link struct {
	mapping uint16
	next    uint16 // 1 + next link, 0 for none
}

// Message groups of the index.
const (
	groupCC = iota
	groupNote
	groupPitchBend
	groupCount
)

// group returns the index group and number of an event, or false for a
// message no mapping can match.
//
// group is real-time safe.
func group(ev Event) (g int, number byte, ok bool) {
	switch ev.Type() {
	case TypeCC:
		return groupCC, ev.Data1, true
	case TypeNoteOn, TypeNoteOff:
		return groupNote, ev.Data1, true
	case TypePitchBend:
		return groupPitchBend, 0, true
	}
	return 0, 0, false
}

// link appends mapping i to the chain of (channel, g, number).
func (t *Table) link(i int, channel uint8, g int, number byte) {
	t.links[t.nLinks] = link{mapping: uint16(i)}
	t.nLinks++
	at := &t.head[channel-1][g][number]
	for *at != 0 {
		at = &t.links[*at-1].next
	}
	*at = uint16(t.nLinks)
}

// NewTable checks every mapping and copies them into a Table.
func NewTable(ms []Mapping) (*Table, error) {
	if len(ms) > MaxMappings {
		return nil, fmt.Errorf("midi: %d mappings, at most %d", len(ms), MaxMappings)
	}
	t := &Table{n: len(ms)}
	for i, m := range ms {
		if err := m.Validate(); err != nil {
			return nil, fmt.Errorf("mapping %d: %w", i+1, err)
		}
		if !m.Target.Param.IsChannelParam() {
			m.Target.Channel = 0
		}
		t.mappings[i] = m
		switch m.Source {
		case SourceCC:
			t.link(i, m.MIDIChannel, groupCC, m.Number)
		case SourceCC14:
			t.link(i, m.MIDIChannel, groupCC, m.Number)
			t.link(i, m.MIDIChannel, groupCC, m.Number+32)
		case SourceNote:
			t.link(i, m.MIDIChannel, groupNote, m.Number)
		case SourcePitchBend:
			t.link(i, m.MIDIChannel, groupPitchBend, 0)
		}
	}
	return t, nil
}

// Mappings returns a copy of the table's mappings.
func (t *Table) Mappings() []Mapping {
	return append([]Mapping(nil), t.mappings[:t.n]...)
}

// sameControl reports whether a and b listen to the same physical control.
func sameControl(a, b Mapping) bool {
	if a.MIDIChannel != b.MIDIChannel || a.Source != b.Source {
		return false
	}
	return a.Source == SourcePitchBend || a.Number == b.Number
}

// With returns ms with mp added, for MIDI learn: a mapping of the same
// physical control is replaced, since one control drives one target. ms
// is not modified.
func With(ms []Mapping, mp Mapping) []Mapping {
	out := make([]Mapping, 0, len(ms)+1)
	for _, m := range ms {
		if !sameControl(m, mp) {
			out = append(out, m)
		}
	}
	return append(out, mp)
}

// Without returns ms less every mapping to target, for "remove mapping" on
// a control. ms is not modified.
func Without(ms []Mapping, target Target) []Mapping {
	var out []Mapping
	for _, m := range ms {
		if m.Target != target {
			out = append(out, m)
		}
	}
	return out
}

// For returns the mappings that drive target, for showing on the control.
func (t *Table) For(target Target) []Mapping {
	var out []Mapping
	for _, m := range t.mappings[:t.n] {
		if m.Target == target {
			out = append(out, m)
		}
	}
	return out
}
