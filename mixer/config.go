package mixer

import (
	"errors"
	"fmt"
)

// ChannelConfig describes one input channel.
type ChannelConfig struct {
	Name   string // user's name, shown on the strip and as JACK pretty-name
	Stereo bool   // two input ports (L, R) or one
	// Mic marks a microphone: the talkover ducks the music under it and
	// never ducks it, and talkback sends it to the phones.
	Mic bool
}

// Config is the structure of a mixer: what cannot change without building a
// new engine. Control values are not here; they arrive as Commands.
type Config struct {
	Channels        []ChannelConfig
	CrossoverLowHz  float64 // isolator low/mid split, default 250 Hz
	CrossoverHighHz float64 // isolator mid/high split, default 2500 Hz
}

// DefaultConfig is the mixer a new user gets: four stereo decks and a mono
// microphone channel.
func DefaultConfig() Config {
	return Config{
		Channels: []ChannelConfig{
			{Name: "Deck 1", Stereo: true},
			{Name: "Deck 2", Stereo: true},
			{Name: "Deck 3", Stereo: true},
			{Name: "Deck 4", Stereo: true},
			{Name: "Mic", Stereo: false, Mic: true},
		},
		CrossoverLowHz:  250,
		CrossoverHighHz: 2500,
	}
}

// Validate reports the first thing wrong with c.
func (c Config) Validate() error {
	if len(c.Channels) < 1 || len(c.Channels) > MaxChannels {
		return fmt.Errorf("mixer: %d channels, want 1 to %d", len(c.Channels), MaxChannels)
	}
	if !(c.CrossoverLowHz >= 20 && c.CrossoverLowHz < c.CrossoverHighHz && c.CrossoverHighHz <= 20000) {
		return errors.New("mixer: crossovers must satisfy 20 Hz ≤ low < high ≤ 20 kHz")
	}
	return nil
}
