// Package app wires Linux DJ together: it parses the command line, chooses a
// backend, builds the engine from the mixer's state, and runs the Gio window
// (or the headless loop) that turns user input into engine commands and
// meter frames into pixels. It is the only package that knows all the others.
package app
