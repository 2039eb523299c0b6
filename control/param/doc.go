// Package param names the mixer's controls for the humans and files that
// address them: the state file, MIDI mapping files and OSC addresses all
// say "ch/1/fader" or "crossfader" through this one table, and take each
// control's range and default from it, so the three can never disagree on
// what a name means or how far a value may go.
//
// Ranges are the ones mixer/command.go documents for Command.Value.
package param
