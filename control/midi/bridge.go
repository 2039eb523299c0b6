package midi

import (
	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// feedCommands is how many commands one MIDI input event can make: a JACK
// event is one message, a byte stream a few, each perhaps mapped to
// several targets.
const feedCommands = 64

// feedbackBytes bounds one period's feedback: 512 three-byte messages.
const feedbackBytes = 512 * FeedbackMessageBytes

// Bridge is the engine as a backend.MIDIProcessor: a backend with MIDI
// ports hands it the controller's bytes before each period and takes the
// mapper's feedback after it. The commands the mapper makes go to the
// engine through a command ring of their own (produced and drained on the
// audio thread, before and in Process) and to Echo, which the GUI or the
// headless loop drains so the saved state follows the controller.
//
// NewBridge makes the mapper the engine's command observer, so every
// command from the GUI's, OSC's and the bridge's own rings (the start-up
// state's commands included) updates the mapper's copy of the controls.
type Bridge struct {
	*mixer.Engine
	mapper *Mapper
	cmds   *rt.Ring[mixer.Command]
	echo   *rt.Ring[mixer.Command]
	buf    [feedCommands]mixer.Command
	fb     [feedbackBytes]byte
}

var _ backend.MIDIProcessor = (*Bridge)(nil)

// NewBridge wraps eng for a backend; both of its rings hold ringCommands.
// Call it before the backend starts.
func NewBridge(eng *mixer.Engine, m *Mapper, ringCommands int) *Bridge {
	eng.SetObserver(m)
	return &Bridge{
		Engine: eng, mapper: m,
		cmds: eng.NewCommandRing(ringCommands),
		echo: rt.NewRing[mixer.Command](ringCommands),
	}
}

// Mapper is the bridge's mapper, for MIDI learn and new tables.
func (b *Bridge) Mapper() *Mapper { return b.mapper }

// Echo is the ring of the commands MIDI made, for one consumer: the
// window or the headless loop.
func (b *Bridge) Echo() *rt.Ring[mixer.Command] { return b.echo }

// MIDIIn maps one input event and queues the commands it makes for the
// engine's next drain and for Echo. A full ring drops and counts.
//
// MIDIIn is real-time safe: no allocation, no lock, no system call.
func (b *Bridge) MIDIIn(data []byte) {
	n := b.mapper.Feed(data, b.buf[:])
	for i := range b.buf[:n] {
		b.cmds.TryPushPtr(&b.buf[i])
		b.echo.TryPushPtr(&b.buf[i])
	}
}

// MIDIOut writes the mapper's feedback (every mapped control whose value
// the controller does not show yet) at the period's first frame, then the
// engine's MIDI clock of the period at its frames. The clock is never
// crowded out: feedback that does not fit waits for the next period.
//
// MIDIOut is real-time safe: no allocation, no lock, no system call.
func (b *Bridge) MIDIOut(out []backend.MIDIEvent) int {
	ticks := b.Engine.ClockEvents()
	room := max(len(out)-len(ticks), 0)
	fb := b.fb[:b.mapper.Feedback(b.fb[:min(room*FeedbackMessageBytes, len(b.fb))])]
	n := 0
	for start := 0; start < len(fb) && n < room; {
		end := start + 1
		for end < len(fb) && fb[end] < 0x80 {
			end++
		}
		if size := end - start; fb[start] >= 0x80 && size <= backend.MIDIEventBytes {
			ev := &out[n]
			ev.Frame, ev.Size = 0, uint32(size)
			copy(ev.Data[:], fb[start:end])
			n++
		}
		start = end
	}
	for i := range ticks {
		if n == len(out) {
			break
		}
		ev := &out[n]
		ev.Frame, ev.Size, ev.Data[0] = ticks[i].Frame, 1, ticks[i].Status
		n++
	}
	return n
}
