// Package audiopath holds no code of its own: its test drives the audio
// thread's whole path as a backend with MIDI ports runs it (the MIDI
// bridge's MIDIIn, the engine's Process with every section working, the
// record tap into a real recording, the bridge's MIDIOut) and proves it
// does not allocate at any period size. It lives apart from the packages
// it joins so that it can import them all: mixer, control/midi and
// recorder do not import each other, and app brings Gio and cgo.
package audiopath
