// Package jacktest runs real JACK servers and a real JACK test client for
// tests and benchmarks: no mock stands in for the sound system.
//
// Start starts either a standalone jackd on its dummy driver or a PipeWire
// daemon (Debian's default config, whose Dummy-Driver clocks the graph with
// no hardware, plus a "default" metadata object for port metadata and a
// null sink whose two ports stand in for physical playback, since no
// session manager runs). Each server gets a unique name and its own
// private directory, and Stop ends exactly that process by its pid, so a
// test never touches a user's own session.
//
// A process loads one libjack for its whole life, so a test binary talks to
// either jackd or PipeWire, never both. ReexecForPipeWire runs the same
// test binary again with pipewire-jack's libjack first on the loader path;
// TestMain uses it so every test runs on both servers.
//
// Client is an independent JACK client written directly against libjack in
// C (it does not share code with backend/jack, so a bug there cannot cancel
// itself out here). Its process callback plays preloaded signals on its
// output ports and records its input ports, indexed by JACK's frame time
// (Start), so a test can measure latency across another client to the
// frame even when a loaded machine makes the server skip a cycle, or
// period after period (StartStream), to check a stream's continuity. It
// can also send one MIDI event at a chosen offset, read port metadata
// (pretty-names) and list physical ports. Two Clients, a source and a
// sink, keep the graph free of loops.
//
// GoClient is the opposite: a client whose process callback does nothing
// but enter Go and return, the least any Go JACK client costs, measured
// beside the app by the idle-CPU test.
package jacktest
