// Package osc is Linux DJ's Open Sound Control server: one UDP socket that
// carries the NSM session protocol (package nsm registers its addresses
// here, since NSM requires replies from the socket that announced) and,
// when enabled, remote control of every mixer control.
//
// Control is off by default and, even when on, only accepted from loopback
// senders unless Config.AllowRemote is set. A control message is
//
//	/linuxdj/ch/<n>/<control> <value>   n counted from 1
//	/linuxdj/<global control> <value>
//
// with one numeric argument (f, d, i, h, or T/F), in the engine's units
// (docs/OSC.md lists every address). Each becomes a mixer.Command pushed
// into the ring the server was given (at Listen, or later with
// StartControl when the server was started first for NSM); the server
// goroutine is that ring's only producer. Malformed packets, unknown addresses, wrong argument types,
// NaN and channels the mixer does not have are ignored and counted, never
// passed on. Values out of range are clamped.
//
// Packets are decoded with github.com/hypebeast/go-osc, which handles
// messages and bundles; this package owns the socket so the same one can
// send NSM replies.
package osc
