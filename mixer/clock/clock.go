package clock

import "math"

// MIDI real-time messages the generator sends.
const (
	TimingClock byte = 0xF8
	Start       byte = 0xFA
	Stop        byte = 0xFC
)

// TicksPerBeat is MIDI clock's resolution: 24 clocks per quarter note.
const TicksPerBeat = 24

// Tempi the generator runs at; a tempo outside is clamped to them (the
// BPM counters give 60 to 200).
const (
	MinBPM = 20
	MaxBPM = 300
)

// MaxEvents bounds one period's events: the ticks of the largest period
// (8192 frames) at the slowest rate the engine runs (8 kHz) and MaxBPM,
// 123 of them, plus Start or Stop.
const MaxEvents = 128

// Event is one message of a period: Status at Frame frames from the
// period's start.
type Event struct {
	Frame  uint32
	Status byte
}

// Generator is one MIDI clock. The zero value is stopped; Process runs
// it. It holds no pointers, so it can live in the engine and be copied.
type Generator struct {
	running  bool
	interval float64 // frames per tick at the tempo of the last period
	next     float64 // frames from the start of the next period to the next tick
	events   [MaxEvents]Event
	n        int
	dropped  uint64
}

// Interval is the length of one tick in frames at bpm and rateHz.
//
// Interval is real-time safe: no allocation, no lock, no system call.
func Interval(rateHz int, bpm float64) float64 {
	return float64(rateHz) * 60 / (clampBPM(bpm) * TicksPerBeat)
}

// clampBPM is real-time safe: no allocation, no lock, no system call.
func clampBPM(bpm float64) float64 {
	if !(bpm >= MinBPM) { // NaN too
		return MinBPM
	}
	return math.Min(bpm, MaxBPM)
}

// Process computes the events of one period of frames frames at rateHz:
// Start and the first tick at frame 0 when on turns the clock on, Stop at
// frame 0 when it turns it off, and every tick that falls in the period
// at bpm while it runs. The result is valid until the next call.
//
// Process is real-time safe: no allocation, no lock, no system call.
func (g *Generator) Process(frames, rateHz int, bpm float64, on bool) []Event {
	g.n = 0
	if rateHz <= 0 || frames <= 0 {
		return nil
	}
	interval := Interval(rateHz, bpm)
	switch {
	case on && !g.running:
		g.running = true
		g.put(0, Start)
		g.next = 0
	case !on && g.running:
		g.running = false
		g.put(0, Stop)
	case g.running && interval != g.interval:
		// The rest of the current tick runs at the new tempo.
		g.next *= interval / g.interval
	}
	g.interval = interval
	if !g.running {
		return g.events[:g.n]
	}
	end := float64(frames)
	for g.next < end {
		g.put(uint32(min(math.Round(g.next), end-1)), TimingClock)
		g.next += interval
	}
	g.next -= end
	return g.events[:g.n]
}

// put is real-time safe: no allocation, no lock, no system call.
func (g *Generator) put(frame uint32, status byte) {
	if g.n == len(g.events) {
		g.dropped++
		return
	}
	g.events[g.n] = Event{Frame: frame, Status: status}
	g.n++
}

// Running reports whether the clock runs (it was switched on).
//
// Running is real-time safe: no allocation, no lock, no system call.
func (g *Generator) Running() bool { return g.running }

// Dropped is how many events did not fit in a period (none at the
// engine's rates and tempi; see MaxEvents).
func (g *Generator) Dropped() uint64 { return g.dropped }
