package app

import (
	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// windowConfig is what the window needs from runMixer.
type windowConfig struct {
	cfg     mixer.Config
	state   *MixerState
	cmds    *rt.Ring[mixer.Command]
	meters  *rt.Ring[mixer.MeterFrame]
	backend backend.Backend
	// observe, when set, is called on the GUI goroutine after each frame
	// with the model, so a change can be saved.
	observe func(*MixerState)
	// remote are the rings of commands other controllers made (MIDI on
	// the audio thread, OSC), which the window shows (UI.Apply); each is
	// also passed to remoteApplied, when set, so the saved state follows.
	remote        []*rt.Ring[mixer.Command]
	remoteApplied func(mixer.Command)
}
