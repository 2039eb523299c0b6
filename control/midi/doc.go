// Package midi turns a MIDI controller into mixer commands and back into
// LEDs and motor positions.
//
// Everything the audio thread calls here is real-time safe: the Parser
// reads a MIDI 1.0 byte stream (running status, realtime bytes between data
// bytes, sysex and system common messages skipped, truncated messages
// dropped) into fixed-size Events; the Mapper looks events up in a Table and
// writes mixer.Commands into the caller's fixed buffer, and writes feedback
// messages into a fixed byte buffer. Nothing allocates, locks or blocks.
//
// The Table is immutable once built. The GUI builds a new one (after MIDI
// learn, an import, or removing a mapping) and hands it to the audio thread
// with Mapper.SetTable, an atomic pointer swap; the audio thread picks it up
// on its next event.
//
// # How the mapper knows the current values
//
// Soft takeover, toggle buttons, relative encoders and feedback all need the
// value each control has now. The mapper keeps its own copy of every value,
// on the audio thread: the audio thread passes every command it drains from
// the GUI's and OSC's rings through Mapper.Observe before the engine applies
// it, and the mapper's own commands update the copy as they are made. At
// start the app sends the state's commands through the same path, so the
// copy starts true. No value is ever read across threads.
//
// The other way round, the commands Feed writes are applied to the engine
// and also pushed, through an SPSC ring, back to the GUI, whose model (the
// saved state, param.Values) then follows the controller (Values.Set).
//
// Bridge does this wiring: it is the engine as a backend.MIDIProcessor. The
// JACK backend hands it each input event before Process (MIDIIn: Feed, then
// the commands into a command ring of the engine's, produced and drained
// on the audio thread, and into the Echo ring for the GUI) and takes the
// feedback after Process (MIDIOut: Feedback). NewBridge makes the mapper
// the engine's command observer (mixer.Engine.SetObserver), which is how
// Observe sees every command the engine drains.
//
// # MIDI learn
//
// The mapper publishes the last channel-voice event it received in one
// atomic word. The GUI arms a Learner for a target; Learner.Poll reports the
// first event after arming; the GUI builds a Mapping from it
// (Suggest), a new Table with it, and swaps the table in.
//
// Mappings are written in TOML, the same form in the state file's [[midi]]
// array and in a controller mapping file (ReadFile, WriteFile).
package midi
