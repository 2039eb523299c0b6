// Package backend defines how Linux DJ meets a sound system: the Backend
// interface each of backend/jack, backend/alsa and backend/null implements,
// the Processor contract the mixer engine fulfils, and the description of
// ports and stream state the app shows.
//
// A backend owns the audio thread. It calls Processor.Process once per
// period with one slice per port, every slice the period's length; the
// processor never learns where the audio came from. Everything a backend
// reports back (rate, period, xruns, load, connection state) goes through
// Info, which is safe to call from any goroutine.
package backend
