// Package lv2 hosts LV2 plugins through lilv, for the insert slots on
// every strip and on master (issue 15). A World loads the description of
// every installed plugin (LV2_PATH, or ~/.lv2, /usr/local/lib/lv2 and
// /usr/lib/lv2) and lists each with its URI, name, class and author,
// searchable by words of those; Ports describes a plugin's ports, and
// Port.Param turns a control port (range, default, unit, toggle,
// integer, enumeration with its scale points, logarithmic hint) into the
// control/param.Info every other control of the mixer is described by,
// so that plugin controls become parameters: saved, recalled, learnt.
//
// An Instance is made, activated, deactivated, saved and restored off the
// audio thread. The host gives plugins URID map and unmap, options (the
// sample rate, block lengths 1 to MaxFrames, the nominal period, the atom
// sequence size), bounded block length and a worker. All of an
// instance's buffers (audio and CV ports MaxFrames long, atom sequences,
// control values, the worker's two rings) are C memory allocated when it
// is made. Instance.Run and Chain.Run, for the audio thread, are one call
// into C (host.c) that hands the plugin the worker's responses from the
// last cycles, calls its run, ends its worker cycle and checks its audio
// outputs for NaN and infinity; no allocation, lock or system call, and
// nothing of Go's. A plugin whose output is not finite has its outputs
// zeroed for the period and its Faults counted, so that the caller can
// keep it muted and flag it. The `latency` output port is read with
// Latency. State (SaveState, RestoreState) is Turtle text, lilv's own
// form, holding the control inputs and what the plugin saves through the
// State extension: a string for the app's TOML state file.
//
// The worker: a plugin's schedule_work, called inside its run, writes the
// request into a lock-free single-producer ring; one goroutine per World
// polls those rings every WorkerPoll and calls the plugin's work there;
// work's responses go into a second ring, which the next Run drains
// before the plugin's run. The audio thread never wakes the goroutine
// (that would be a system call), hence the polling.
//
// How the engine runs a chain (not wired yet): the app side builds a
// slot's instances, restores their state, activates them and connects
// them with NewChain, all off the audio thread. It hands the chain to the
// engine through a command carrying a pointer (the engine's usual
// structural change: built off the audio thread, swapped in atomically at
// the top of a period). The strip copies its signal into Chain.Input,
// calls Chain.Run(frames) and crossfades from its dry signal to
// Chain.Output over about 10 ms when the slot is switched in (and back
// out when it is removed, bypassed or Faults says it blew up), so
// nothing clicks. The old chain is handed back through the engine's
// return ring and only then closed, deactivated and freed by the app side.
// Control ports reach plugins as engine commands (parameter id, value)
// that the engine applies with SetControl at the top of a period; their
// values live in the app's one parameter store like every other control.
// A mono plugin on a stereo strip runs as two instances (dual mono), one
// per chain; a chain requires each plugin's audio inputs to match the
// outputs of the one before it.
//
// Without cgo (CGO_ENABLED=0) the package builds but NewWorld returns
// ErrUnavailable, and Instance and Chain do not exist; the pure-Go parts
// (Plugin, Port and its Param, Search) are the same.
package lv2
