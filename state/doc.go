// Package state is the mixer's saved settings: one human-readable TOML file
// (by default $XDG_CONFIG_HOME/linuxdj/state.toml) holding the channel list
// (name, stereo, microphone), every control in the engine's units, named
// scenes, the A/B compare slots, JACK connections, MIDI mappings and the
// window size.
//
// The controls are a param.Values, the app's one model; this package turns
// it into a file and back. Every control's key, range, default and value
// names come from its param.Info (controls.go), so a new control is saved,
// checked and loaded with no code here; scene recall leaves the monitor
// section (param.Info.Room) alone.
//
// Loading never stops the app. A file that cannot be read, has the wrong
// types, or comes from an unknown future version is kept beside the state as
// state.toml.broken-<time>, the error says what and where, and loading falls
// back to the backup (state.toml.bak) and then to defaults. Values out of
// range are clamped, unknown keys dropped, each with a warning. Older file
// versions are migrated.
//
// Saving writes a temporary file in the same directory, fsyncs it, links the
// previous good file to the backup, renames the new file over the old one
// and fsyncs the directory, so a crash at any moment leaves either the old
// or the new state, never a torn one. Autosaver debounces saves.
package state
