package midi_test

import (
	"testing"

	"github.com/linuxdj/linuxdj/control/midi"
)

func parseAll(data []byte) []midi.Event {
	var p midi.Parser
	var evs []midi.Event
	for _, b := range data {
		if ev, ok := p.Feed(b); ok {
			evs = append(evs, ev)
		}
	}
	return evs
}

func TestParser(t *testing.T) {
	cc := func(ch, n, v byte) midi.Event { return midi.Event{Status: 0xB0 | ch, Data1: n, Data2: v} }
	cases := []struct {
		name string
		in   []byte
		want []midi.Event
	}{
		{"control change", []byte{0xB0, 7, 100}, []midi.Event{cc(0, 7, 100)}},
		{"running status", []byte{0xB1, 7, 1, 7, 2, 8, 3}, []midi.Event{cc(1, 7, 1), cc(1, 7, 2), cc(1, 8, 3)}},
		{"realtime inside a message", []byte{0xB0, 0xF8, 7, 0xFA, 9, 0xFE}, []midi.Event{cc(0, 7, 9)}},
		{"realtime keeps running status", []byte{0xB0, 7, 1, 0xF8, 7, 2}, []midi.Event{cc(0, 7, 1), cc(0, 7, 2)}},
		{"sysex skipped", []byte{0xF0, 0x7E, 0x01, 0x06, 0xF7, 0x90, 60, 100}, []midi.Event{{Status: 0x90, Data1: 60, Data2: 100}}},
		{"sysex ends running status", []byte{0xB0, 7, 1, 0xF0, 1, 2, 0xF7, 7, 2}, []midi.Event{cc(0, 7, 1)}},
		{"sysex cut by a status byte", []byte{0xF0, 1, 2, 0xB0, 7, 5}, []midi.Event{cc(0, 7, 5)}},
		{"truncated message dropped", []byte{0xB0, 7, 0x90, 60, 1}, []midi.Event{{Status: 0x90, Data1: 60, Data2: 1}}},
		{"truncated at end", []byte{0xE0, 0x10}, nil},
		{"data without status", []byte{7, 100, 5}, nil},
		{"song position skipped", []byte{0xF2, 1, 2, 0xB0, 1, 2}, []midi.Event{cc(0, 1, 2)}},
		{"mtc quarter frame skipped", []byte{0xF1, 0x21, 0xC0, 5}, []midi.Event{{Status: 0xC0, Data1: 5}}},
		{"tune request cancels running status", []byte{0xB0, 1, 2, 0xF6, 1, 3}, []midi.Event{cc(0, 1, 2)}},
		{"program change one data byte", []byte{0xC3, 5, 6}, []midi.Event{{Status: 0xC3, Data1: 5}, {Status: 0xC3, Data1: 6}}},
		{"pitch bend", []byte{0xEF, 0x00, 0x40}, []midi.Event{{Status: 0xEF, Data1: 0, Data2: 0x40}}},
	}
	for _, tc := range cases {
		got := parseAll(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: event %d = %v, want %v", tc.name, i, got[i], tc.want[i])
			}
		}
	}
}

func TestEventChannel(t *testing.T) {
	ev := midi.Event{Status: 0x9F}
	if ev.Channel() != 16 || ev.Type() != midi.TypeNoteOn {
		t.Fatalf("channel %d type %x", ev.Channel(), ev.Type())
	}
}

// FuzzParser checks that any byte stream gives only well-formed events:
// a status byte with a channel voice type and data bytes below 0x80.
func FuzzParser(f *testing.F) {
	f.Add([]byte{0xB0, 7, 100, 7, 101})
	f.Add([]byte{0xF0, 1, 2, 3, 0xF7, 0x90, 60, 127})
	f.Add([]byte{0xF8, 0xB0, 0xF8, 1, 0xF8, 2})
	f.Add([]byte{0xE0, 0, 0x40, 0xC0, 1, 0xF2, 1, 2, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, ev := range parseAll(data) {
			if ev.Status < 0x80 || ev.Status >= 0xF0 || ev.Data1 > 0x7F || ev.Data2 > 0x7F {
				t.Fatalf("bad event %v from %x", ev, data)
			}
			if one := ev.Type() == midi.TypeProgram || ev.Type() == midi.TypeChanPress; one && ev.Data2 != 0 {
				t.Fatalf("one-byte message with a second data byte: %v", ev)
			}
		}
	})
}
