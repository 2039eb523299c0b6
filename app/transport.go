package app

import (
	"math"
	"strconv"

	"github.com/linuxdj/linuxdj/backend"
)

// The status line shows the sound server's transport (JACK's: the play
// position a DAW or sequencer shares with every client) as the backend
// last read it: its state and, from a timebase master, bar|beat|tick and
// tempo, else the time. Backends without a transport show nothing.

// transportKey is the transport rounded to what the status line prints,
// so its text is rebuilt only when it would read differently.
type transportKey struct {
	state           backend.TransportState
	bbt             bool
	bar, beat, tick int32
	bpmTenths       int64  // 0: the master gave no usable tempo
	timed           bool   // tenths is known (the rate is)
	tenths          uint64 // the position in tenths of a second
	timebase        backend.TimebaseRole
}

func transportKeyOf(t backend.Transport, rateHz int) transportKey {
	k := transportKey{state: t.State, timebase: t.Timebase}
	switch {
	case t.State == backend.TransportNone:
	case t.BBTValid:
		k.bbt, k.bar, k.beat, k.tick = true, t.Bar, t.Beat, t.Tick
		// A master may publish anything; NaN fails the test too.
		if t.BPM > 0 && t.BPM < 10000 {
			k.bpmTenths = int64(math.Round(t.BPM * 10))
		}
	case rateHz > 0:
		k.timed, k.tenths = true, t.Frame*10/uint64(rateHz)
	}
	return k
}

// transportTickDigits pads ticks to the width of the usual 1920 per beat,
// so the text does not jump as they count.
const transportTickDigits = 4

// appendTransport appends "  ·  transport rolling 12|3|0480 120.0 BPM"
// (or "… stopped 1:05.3" without a timebase master) to b, then
// "  ·  timebase master" while we are the master (or that we were refused
// while another program is); nothing for a backend without a transport.
// It allocates only when b must grow.
func appendTransport(b []byte, k transportKey) []byte {
	if k.state == backend.TransportNone {
		return b
	}
	b = append(b, "  ·  transport "...)
	b = append(b, k.state.String()...)
	switch {
	case k.bbt:
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(k.bar), 10)
		b = append(b, '|')
		b = strconv.AppendInt(b, int64(k.beat), 10)
		b = append(b, '|')
		for n, d := int32(10), 1; d < transportTickDigits; n, d = n*10, d+1 {
			if k.tick < n {
				b = append(b, '0')
			}
		}
		b = strconv.AppendInt(b, int64(k.tick), 10)
		if k.bpmTenths > 0 {
			b = append(b, ' ')
			b = strconv.AppendFloat(b, float64(k.bpmTenths)/10, 'f', 1, 64)
			b = append(b, " BPM"...)
		}
	case k.timed:
		b = append(b, ' ')
		b = strconv.AppendUint(b, k.tenths/600, 10)
		b = append(b, ':')
		s := k.tenths / 10 % 60
		if s < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendUint(b, s, 10)
		b = append(b, '.')
		b = strconv.AppendUint(b, k.tenths%10, 10)
	}
	switch k.timebase {
	case backend.TimebaseMaster:
		b = append(b, "  ·  timebase master"...)
	case backend.TimebaseRefused:
		b = append(b, "  ·  timebase refused: another program is master"...)
	}
	return b
}
