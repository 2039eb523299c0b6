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
// How the engine runs plugins: each insert slot (4 per strip, 4 on
// master; see mixer.Insert) holds one Insert, a plugin made, restored and
// activated off the audio thread by the app (app/rack.go) and handed to
// the engine with mixer.Engine.SetInsert, an atomic pointer per slot. At
// the top of a period the audio thread fades the slot's old insert out
// over about 10 ms, swaps, fades the new one in, and gives the old one
// back through a ring (Engine.Retired); only then does the app close it.
// Insert maps the strip's channels onto the plugin's ports (a mono plugin
// on a stereo strip runs as two instances, dual mono), runs it in blocks
// of at most BlockFrames, and takes control values from any goroutine as
// atomic targets that Process copies into the plugin at the top of the
// next period. A plugin whose output is not finite has its slot bypassed
// and flagged (Engine.InsertStatus); its latency port adds to the
// engine's LatencyFrames, which the JACK ports report.
//
// Without cgo (CGO_ENABLED=0) the package builds but NewWorld returns
// ErrUnavailable, and Instance and Chain do not exist and NewInsert fails; the pure-Go parts
// (Plugin, Port and its Param, Search) are the same.
package lv2
