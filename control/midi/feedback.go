package midi

import "github.com/linuxdj/linuxdj/control/param"

// FeedbackMessageBytes is the size of every feedback message: each is a
// complete 3-byte channel voice message with its own status byte, so a JACK
// MIDI port can send out[i:i+3] as one event.
const FeedbackMessageBytes = 3

// Feedback writes into out a message for every mapped control whose value
// differs from what the controller was last sent (or heard), and returns
// the bytes written. A message that does not fit waits for the next call.
// After a new table, every mapping is sent once, so a controller shows the
// mixer's state when it is plugged in or remapped.
//
// Notes light (velocity 127) when the target is in the upper half of its
// range, CCs and pitch bend carry the position; a 14-bit pair sends its MSB
// then its LSB.
//
// Feedback is real-time safe: no allocation, no lock, no system call.
func (m *Mapper) Feedback(out []byte) int {
	t := m.syncTable()
	n := 0
	for i := 0; i < t.n; i++ {
		mp := &t.mappings[i]
		info, cur, ok := m.TargetInfo(mp.Target)
		if !ok {
			continue
		}
		v := feedbackValue(&info, mp, cur)
		if v == m.sent[i] {
			continue
		}
		size := FeedbackMessageBytes
		if mp.Source == SourceCC14 {
			size *= 2
		}
		if len(out)-n < size {
			break
		}
		ch := mp.MIDIChannel - 1
		switch mp.Source {
		case SourceCC:
			n += put(out[n:], TypeCC|ch, mp.Number, byte(v))
		case SourceCC14:
			n += put(out[n:], TypeCC|ch, mp.Number, byte(v>>7))
			n += put(out[n:], TypeCC|ch, mp.Number+32, byte(v&dataMask))
		case SourceNote:
			n += put(out[n:], TypeNoteOn|ch, mp.Number, byte(v))
		case SourcePitchBend:
			n += put(out[n:], TypePitchBend|ch, byte(v&dataMask), byte(v>>7))
		}
		m.sent[i] = v
	}
	return n
}

func put(out []byte, status, d1, d2 byte) int {
	out[0], out[1], out[2] = status, d1&dataMask, d2&dataMask
	return FeedbackMessageBytes
}

// feedbackValue is the MIDI value that shows v on mp's control, described
// by info.
func feedbackValue(info *param.Info, mp *Mapping, v float32) int32 {
	norm := float32(info.Pos(v))
	if mp.Source == SourceNote {
		if norm >= 0.5 {
			return dataMask
		}
		return 0
	}
	rawMax := float32(dataMask)
	if mp.Source == SourceCC14 || mp.Source == SourcePitchBend {
		rawMax = 1<<14 - 1
	}
	if info.Min < 0 && info.Max > 0 && v == 0 {
		return int32(rawMax+1) / 2
	}
	return int32(norm*rawMax + 0.5)
}
