package app

import (
	"image"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// windowConfig is what the window needs from runMixer.
type windowConfig struct {
	cfg      mixer.Config
	controls *param.Values // the window's model: it changes them, and shows what remote ones change
	cmds     *rt.Ring[mixer.Command]
	meters   *rt.Ring[mixer.MeterFrame]
	backend  backend.Backend
	// observe, when set, is called on the GUI goroutine after each frame
	// with the model and the channels' names, so a change can be saved.
	observe func(controls *param.Values, names []string)
	// remote are the rings of commands other controllers made (MIDI on
	// the audio thread, OSC), which the window shows (UI.Apply); each is
	// also passed to remoteApplied, when set, so the saved state follows.
	remote        []*rt.Ring[mixer.Command]
	remoteApplied func(mixer.Command)
	// sizeDp is the size the window opens at (the saved one); resized,
	// when set, is told each new size the user gives it, in dp.
	sizeDp  image.Point
	resized func(widthDp, heightDp int)
	// connectHintDismissed hides the first-run hint on connecting
	// sources; dismissConnectHint saves that the user dismissed it.
	connectHintDismissed bool
	dismissConnectHint   func()
	// mapper is the MIDI input's mapper, for MIDI learn (nil: no MIDI);
	// saveMappings keeps a new set of mappings in the state.
	mapper       *midi.Mapper
	saveMappings func([]midi.Mapping)
	// scenes is the saved state the scenes panel works on (nil: none).
	scenes sceneStore
	// rack holds the insert slots' plugins, for the PLUGINS panel and the
	// strips' insert tags (nil: none).
	rack *rack
	// rec is the record button's recorder (nil: none); duckGainDB reads
	// the talkover's gain on the music (nil: no readout).
	rec        *recordCtl
	duckGainDB func() float32
}
