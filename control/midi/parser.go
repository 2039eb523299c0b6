package midi

// Channel voice message types, the high nibble of a status byte.
const (
	TypeNoteOff   = 0x80
	TypeNoteOn    = 0x90
	TypePolyPress = 0xA0
	TypeCC        = 0xB0
	TypeProgram   = 0xC0
	TypeChanPress = 0xD0
	TypePitchBend = 0xE0
)

const (
	statusSysex    = 0xF0
	statusRealtime = 0xF8 // and above: clock, start, stop … one byte, anywhere
	dataMask       = 0x7F
)

// Event is one complete channel voice message.
type Event struct {
	Status byte // type in the high nibble, channel 0..15 in the low one
	Data1  byte
	Data2  byte // 0 for one-data-byte messages
}

// Type is the message type, one of the Type constants.
func (e Event) Type() byte { return e.Status & 0xF0 }

// Channel is the MIDI channel as printed on controllers, 1..16.
func (e Event) Channel() uint8 { return e.Status&0x0F + 1 }

// Parser reads a MIDI 1.0 byte stream into Events. The zero value is ready.
//
// It follows running status; ignores realtime bytes wherever they fall,
// even inside another message; skips sysex and system common messages with
// their data; drops a message cut short by the next status byte, and data
// bytes that have no status to belong to.
type Parser struct {
	running byte // current channel voice status, 0 when none
	data    [2]byte
	have    int8 // data bytes collected for running
	skip    int8 // data bytes of a system common message still to skip
	inSysex bool
}

// Feed takes one byte and returns the event it completes, if any.
//
// Feed is real-time safe: no allocation, no lock, no system call.
func (p *Parser) Feed(b byte) (Event, bool) {
	switch {
	case b >= statusRealtime:
		return Event{}, false
	case b == statusSysex:
		p.reset()
		p.inSysex = true
		return Event{}, false
	case b > statusSysex:
		// System common (and the sysex end): cancel running status and skip
		// the message's data bytes.
		p.reset()
		switch b {
		case 0xF1, 0xF3: // MTC quarter frame, song select
			p.skip = 1
		case 0xF2: // song position
			p.skip = 2
		}
		return Event{}, false
	case b >= 0x80:
		p.reset()
		p.running = b
		return Event{}, false
	}
	// A data byte.
	if p.inSysex || p.running == 0 {
		return Event{}, false
	}
	if p.skip > 0 {
		p.skip--
		return Event{}, false
	}
	p.data[p.have] = b
	p.have++
	if p.have < dataBytes(p.running) {
		return Event{}, false
	}
	p.have = 0
	ev := Event{Status: p.running, Data1: p.data[0]}
	if dataBytes(p.running) == 2 {
		ev.Data2 = p.data[1]
	}
	return ev, true
}

func (p *Parser) reset() {
	*p = Parser{}
}

func dataBytes(status byte) int8 {
	switch status & 0xF0 {
	case TypeProgram, TypeChanPress:
		return 1
	}
	return 2
}
