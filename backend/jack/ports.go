package jack

import "errors"

// ErrNotConnected is returned by the port calls while the backend has no
// client: not started, stopped, or waiting for the server to come back.
var ErrNotConnected = errors.New("jack: not connected to a server")

// Graph is a snapshot of what the mixer's ports can connect to, for a
// connection panel.
type Graph struct {
	// Inputs and Outputs are the mixer's own audio ports, in the
	// processor's order.
	Inputs, Outputs []OwnPort
	// Sources are other clients' audio outputs (what an input can take),
	// Sinks other clients' audio inputs (where an output can go); each
	// lists physical ports first, then the rest in the server's order.
	Sources, Sinks []PeerPort
}

// OwnPort is one of the mixer's ports and what it is connected to now.
type OwnPort struct {
	Name        string   // full name, "linuxdj:ch1_in_L"
	PrettyName  string   // "Deck 1 L"; may be empty
	Connections []string // full names of the ports on the other side
}

// PeerPort is another client's audio port.
type PeerPort struct {
	Name       string // full name, "system:capture_1"
	PrettyName string // its JACK pretty-name metadata; empty if none
	Physical   bool   // a sound card's port (JackPortIsPhysical)
}
