// Package param is the one description of the mixer's controls and the one
// store of their values.
//
// Info describes a control once: its name in OSC addresses and MIDI mapping
// files ("ch/1/fader", "crossfader"), its range, default, law (how a knob's
// or a controller's position maps onto the range), unit, its key in the
// state file and the names of a switch's values there, and whether it is a
// press (a held button or an action, never a setting) or the room's (the
// studio monitor section, which scenes leave alone). Values holds one value
// per control of a whole mixer; the window, the headless loop, scenes, A/B
// compare and the state file all read and write it, and its Commands bring
// an engine to it.
//
// So a new control is its Info entry here, its engine code (mixer/command.go
// and mixer/params.go, checked against this table by the tests) and the
// widget that shows it (one bind call in app/); the state file, scenes, OSC,
// MIDI learn, soft takeover and feedback take it from here with no code of
// their own.
//
// Ranges are the ones mixer/command.go documents for Command.Value, and
// defaults are the engine's own (TestEngineDefaultsAreTheDescriptions in
// mixer/).
package param
