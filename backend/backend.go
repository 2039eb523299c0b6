package backend

// MaxFrames is the largest period, in frames, any backend may hand to
// Processor.Process. Processors preallocate for it so a buffer-size change
// at run time never allocates on the audio thread.
const MaxFrames = 8192

// Port describes one mono audio port of a Processor.
type Port struct {
	Name       string // short name, unique per direction: "ch1_in_L", "master_out_R"
	PrettyName string // human name for JACK metadata and the GUI: "Deck A L"
}

// Processor is what a backend drives: the mixer engine.
type Processor interface {
	// Inputs and Outputs list the audio ports in the order of the slices
	// passed to Process. They do not change while the backend runs.
	Inputs() []Port
	Outputs() []Port

	// Prepare is called off the audio thread before the first Process and
	// whenever the sample rate changes; the processor builds what it needs
	// for rate and hands it over to the audio thread atomically.
	Prepare(sampleRateHz int) error

	// Process computes one period. in[i] and out[i] belong to Inputs()[i]
	// and Outputs()[i]; all have the same length, 1..MaxFrames. It must be
	// real-time safe: no allocation, lock, blocking or system call.
	Process(in, out [][]float32)

	// LatencyFrames is the delay the processor adds between its inputs and
	// its outputs (the limiter's lookahead, plugins in insert slots), for port latency reporting.
	LatencyFrames() int
}

// Finisher is a Processor whose period holds work no output waits for:
// meters, analysis. Process does all of it; a backend that can pass the
// outputs on to the sound system before the period ends (JACK, with
// jack_cycle_signal) checks for Finisher once at Start and each period
// calls ProcessOutputs, passes the outputs on, then FinishPeriod, all on
// the audio thread, so the clients after it in the graph do not wait for
// the processor's meters. Both must be real-time safe. A type that embeds
// a Finisher and wraps Process must wrap ProcessOutputs instead: a
// backend that finds the Finisher does not call Process.
type Finisher interface {
	Processor
	// ProcessOutputs is Process up to the outputs: everything in out is
	// final when it returns.
	ProcessOutputs(in, out [][]float32)
	// FinishPeriod does the rest of the period ProcessOutputs began; it
	// reads neither in nor out.
	FinishPeriod()
}

// MIDIEventBytes is the longest message a MIDIEvent carries.
const MIDIEventBytes = 16

// MIDIEvent is one outgoing MIDI message at a frame offset inside the
// period: a complete message starting with its status byte (no running
// status). Its layout (two uint32 and the bytes) is the one the JACK
// backend's C side shares, so events are written in place.
type MIDIEvent struct {
	Frame uint32 // frames from the start of the period, 0..frames-1
	Size  uint32 // bytes of Data used, 1..MIDIEventBytes
	Data  [MIDIEventBytes]byte
}

// MIDIProcessor is a Processor that is also driven by MIDI. A backend with
// MIDI ports (JACK) checks for it once at Start; the others ignore MIDI.
// Each period the backend calls MIDIIn for every input event, then
// Process (or a Finisher's ProcessOutputs), then MIDIOut, all on the audio
// thread.
type MIDIProcessor interface {
	Processor

	// MIDIIn takes one input event's bytes; data is valid only during the
	// call. It must be real-time safe: no allocation, lock, blocking or
	// system call.
	MIDIIn(data []byte)

	// MIDIOut writes the MIDI events to send this period into out, in
	// order of their frames (the same frame may repeat), and returns how
	// many it wrote. The backend sends each at its frame, so a timed
	// message (MIDI clock) keeps its place inside the period. It must be
	// real-time safe.
	MIDIOut(out []MIDIEvent) int
}

// TimebaseProcessor is a Processor with a tempo of its own (the mixer's
// MIDI clock) that the user may make the sound server's musical time: a
// backend with a shared transport (JACK) then becomes its timebase master
// and publishes bar, beat and tick at that tempo.
type TimebaseProcessor interface {
	Processor

	// Timebase reports whether the user asks for this and the tempo in
	// BPM (> 0). The backend calls it on the audio thread after each
	// Process and from its own goroutine, so it must be safe from any
	// goroutine and real-time safe.
	Timebase() (want bool, bpm float64)
}

// ConnState is how a backend stands with its sound system.
type ConnState int

const (
	Stopped      ConnState = iota // not started, or stopped
	Running                       // the audio thread is calling Process
	Reconnecting                  // the server or device went away; trying again
)

func (s ConnState) String() string {
	switch s {
	case Running:
		return "running"
	case Reconnecting:
		return "server gone — reconnecting…"
	default:
		return "stopped"
	}
}

// StreamInfo is a snapshot of a backend's stream for the status line.
type StreamInfo struct {
	Backend       string    // "jack", "pipewire-jack", "alsa", "null"
	SampleRateHz  int       // 0 until running
	PeriodFrames  int       // frames per Process call
	LatencyFrames int       // output latency as the sound system reports it
	XRuns         uint64    // over- and underruns since Start
	DSPLoad       float64   // the sound system's load estimate, 0..1; 0 where unknown
	State         ConnState // connection state
	Message       string    // last notable event, for the user ("device busy", "using read/write, no mmap")
	Transport     Transport // the sound system's transport; TransportNone where it has none
}

// TransportState is where a sound system's transport is; only JACK has one.
type TransportState uint8

const (
	TransportNone TransportState = iota // the backend has no transport
	TransportStopped
	TransportStarting // waiting for slow-sync clients before it rolls
	TransportRolling
)

func (s TransportState) String() string {
	switch s {
	case TransportStopped:
		return "stopped"
	case TransportStarting:
		return "starting"
	case TransportRolling:
		return "rolling"
	}
	return "none"
}

// Transport is the shared transport of the programs on a sound server
// (JACK's: a DAW's play and locate move it), shown in the status line.
type Transport struct {
	State TransportState
	Frame uint64 // position in frames at the stream's rate
	// BBTValid: a timebase master (a DAW, a sequencer) gives the musical
	// position below; without one only Frame is known.
	BBTValid        bool
	Bar, Beat, Tick int32 // bar and beat count from 1
	BPM             float64
	// Timebase is this program's part in the musical position: none,
	// master (it publishes the BBT above), or refused (asked to be,
	// while another program is master).
	Timebase TimebaseRole
}

// TimebaseRole is a backend's part in its transport's musical position.
type TimebaseRole uint8

const (
	TimebaseNone    TimebaseRole = iota // another program, or none, gives the position
	TimebaseMaster                      // we are the timebase master
	TimebaseRefused                     // we asked to be; another master holds it
)

// Moving reports whether the position may change by itself: the transport
// rolls or is about to.
func (t Transport) Moving() bool { return t.State == TransportRolling || t.State == TransportStarting }

// LatencyMs converts the latency to milliseconds; 0 when the rate is unknown.
func (s StreamInfo) LatencyMs() float64 {
	if s.SampleRateHz == 0 {
		return 0
	}
	return 1000 * float64(s.LatencyFrames) / float64(s.SampleRateHz)
}

// PeriodMs converts the period to milliseconds; 0 when the rate is unknown.
func (s StreamInfo) PeriodMs() float64 {
	if s.SampleRateHz == 0 {
		return 0
	}
	return 1000 * float64(s.PeriodFrames) / float64(s.SampleRateHz)
}

// Backend connects a Processor to a sound system.
type Backend interface {
	Name() string
	// Start opens the stream and begins calling p.Process on the audio
	// thread. It returns once audio runs, or with an error that names the
	// native call that failed.
	Start(p Processor) error
	// Stop ends the stream; after it returns, p.Process is not called again.
	Stop() error
	// Info is safe to call from any goroutine at any time.
	Info() StreamInfo
}
