package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/backend/null"
	"github.com/linuxdj/linuxdj/mixer"
)

// commandRingSize holds far more commands than a user or a controller can
// produce between two audio periods.
const commandRingSize = 1024

// backendNames lists what --backend accepts.
var backendNames = []string{"null"}

// backendOptions is what openBackend needs to know besides the name.
type backendOptions struct {
	sampleRateHz int
	periodFrames int
	demo         bool // null: play the demo loop into the inputs
}

// errUnknownBackend marks a --backend value no backend answers to: bad
// usage, not a failure of the sound system.
var errUnknownBackend = errors.New("unknown backend")

// openBackend is the one place that turns a backend name into a Backend;
// jack and alsa are added here.
func openBackend(name string, o backendOptions) (backend.Backend, error) {
	switch name {
	case "null":
		return null.New(null.Options{SampleRateHz: o.sampleRateHz, PeriodFrames: o.periodFrames, Demo: o.demo}), nil
	}
	return nil, fmt.Errorf("%w %q (choose from: %s)", errUnknownBackend, name, strings.Join(backendNames, ", "))
}

// runMixer parses the mixer's flags, starts the engine on the chosen
// backend and runs the window until it is closed or the process gets
// SIGTERM/SIGINT. Exit codes: 0 closed, 1 failed, 2 bad usage.
func runMixer(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("linuxdj", flag.ContinueOnError)
	fs.SetOutput(stderr)
	backendName := fs.String("backend", "null", "sound system: "+strings.Join(backendNames, ", "))
	channels := fs.Int("channels", 0, fmt.Sprintf("input channels, 1 to %d (default: four stereo decks and a mono mic)", mixer.MaxChannels))
	demo := fs.Bool("demo", true, "null backend: play the built-in demo loop (--demo=false for silence)")
	rateHz := fs.Int("rate", 48000, "null backend: sample rate in Hz")
	period := fs.Int("period", 256, "null backend: frames per period")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "linuxdj: unexpected argument %q (subcommands: loudness, bench-rt)\n", fs.Arg(0))
		return 2
	}
	if *period < 1 || *period > backend.MaxFrames {
		fmt.Fprintf(stderr, "linuxdj: --period %d: want 1 to %d frames\n", *period, backend.MaxFrames)
		return 2
	}
	cfg := mixer.DefaultConfig()
	if *channels != 0 {
		if *channels < 1 || *channels > mixer.MaxChannels {
			fmt.Fprintf(stderr, "linuxdj: --channels %d: want 1 to %d\n", *channels, mixer.MaxChannels)
			return 2
		}
		cfg.Channels = make([]mixer.ChannelConfig, *channels)
		for i := range cfg.Channels {
			cfg.Channels[i] = mixer.ChannelConfig{Name: fmt.Sprintf("Deck %d", i+1), Stereo: true}
		}
	}
	b, err := openBackend(*backendName, backendOptions{sampleRateHz: *rateHz, periodFrames: *period, demo: *demo})
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: --backend: %v\n", err)
		return 2
	}
	eng, err := mixer.New(cfg, *rateHz)
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: %v\n", err)
		return 2
	}
	state := NewMixerState(cfg)
	cmds := eng.NewCommandRing(commandRingSize)
	for _, c := range state.Commands(nil) {
		cmds.TryPush(c)
	}
	if err := b.Start(eng); err != nil {
		fmt.Fprintf(stderr, "linuxdj: %s: %v\n", b.Name(), err)
		return 1
	}
	werr := runWindow(windowConfig{cfg: cfg, state: state, cmds: cmds, meters: eng.Meters(), backend: b})
	if err := b.Stop(); err != nil {
		fmt.Fprintf(stderr, "linuxdj: stopping %s: %v\n", b.Name(), err)
		return 1
	}
	if werr != nil {
		fmt.Fprintf(stderr, "linuxdj: window: %v\n", werr)
		return 1
	}
	return 0
}
