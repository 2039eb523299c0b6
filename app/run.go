package app

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"io"
	"slices"
	"strings"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/nsm"
	"github.com/linuxdj/linuxdj/control/osc"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
	"github.com/linuxdj/linuxdj/recorder"
	"github.com/linuxdj/linuxdj/state"
)

// commandRingSize holds far more commands than a user or a controller can
// produce between two audio periods, and a whole start-up state.
const commandRingSize = 1024

// options are the mixer's command-line flags.
type options struct {
	backend       string
	device        string
	captureDevice string
	clientName    string
	config        string
	channels      int
	demo          bool
	rateHz        int
	periodFrames  int
	headless      bool
	meters        bool
	listDevices   bool
	oscPort       int
	oscHost       string
	version       bool
	recordDir     string
	recordFormat  string
}

// parseFlags reads args. When exit is true the caller returns code at once
// (help printed, or bad usage reported on stderr).
func parseFlags(args []string, stderr io.Writer) (o options, code int, exit bool) {
	fs := flag.NewFlagSet("linuxdj", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.backend, "backend", "auto", "sound system: "+strings.Join(backendNames, ", ")+
		" (auto: JACK when a server answers, else ALSA when a device exists, else null);"+
		" MIDI control needs jack, the only one with MIDI ports")
	fs.StringVar(&o.device, "device", "", "alsa: playback device, e.g. hw:0 or hw:0,0 (with --backend auto, chooses ALSA)")
	fs.StringVar(&o.captureDevice, "capture-device", "", "alsa: capture device for the inputs (default: none)")
	fs.StringVar(&o.clientName, "client-name", "", "jack: client name (default "+jack.DefaultClientName+")")
	fs.StringVar(&o.config, "config", "", "state file (default $XDG_CONFIG_HOME/linuxdj/state.toml)")
	fs.IntVar(&o.channels, "channels", 0, fmt.Sprintf("input channels, 1 to %d (default: as saved, else four stereo decks and a mono mic)", mixer.MaxChannels))
	fs.BoolVar(&o.demo, "demo", true, "null backend: play the built-in demo loop (--demo=false for silence)")
	fs.IntVar(&o.rateHz, "rate", 48000, "null and alsa backends: sample rate in Hz")
	fs.IntVar(&o.periodFrames, "period", 256, "null and alsa backends: frames per period")
	fs.BoolVar(&o.headless, "headless", false, "run the engine with no window until SIGINT/SIGTERM")
	fs.BoolVar(&o.meters, "meters", false, "headless: print peak levels in dBFS to stdout four times a second")
	fs.BoolVar(&o.listDevices, "list-devices", false, "list JACK ports and ALSA devices, and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.IntVar(&o.oscPort, "osc-port", 0, "UDP port for OSC control of every control (default 0: off; see docs/OSC.md)")
	fs.StringVar(&o.oscHost, "osc-host", defaultOSCHost, "address OSC control listens on; a non-loopback one accepts other machines")
	fs.StringVar(&o.recordDir, "record-dir", "", "where the record button puts files (default $XDG_MUSIC_DIR/Linux DJ)")
	fs.StringVar(&o.recordFormat, "record-format", "wav32", "recording format: "+strings.Join(recordFormatNames, ", "))
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, 0, true
		}
		return o, 2, true
	}
	bad := func(format string, a ...any) (options, int, bool) {
		fmt.Fprintf(stderr, "linuxdj: "+format+"\n", a...)
		return o, 2, true
	}
	switch {
	case fs.NArg() > 0:
		return bad("unexpected argument %q (subcommands: loudness, bench-rt, plugins)", fs.Arg(0))
	case o.periodFrames < 1 || o.periodFrames > backend.MaxFrames:
		return bad("--period %d: want 1 to %d frames", o.periodFrames, backend.MaxFrames)
	case o.channels != 0 && (o.channels < 1 || o.channels > mixer.MaxChannels):
		return bad("--channels %d: want 1 to %d", o.channels, mixer.MaxChannels)
	case o.meters && !o.headless:
		return bad("--meters needs --headless (the window shows its own meters)")
	case o.device != "" && o.backend != "auto" && o.backend != "alsa":
		return bad("--device %s: only the alsa backend opens devices (got --backend %s)", o.device, o.backend)
	case o.captureDevice != "" && o.device == "" && o.backend != "alsa":
		return bad("--capture-device needs --device or --backend alsa")
	case !slices.Contains(recordFormatNames, o.recordFormat):
		return bad("--record-format %s: want one of %s", o.recordFormat, strings.Join(recordFormatNames, ", "))
	case o.oscPort < 0 || o.oscPort > 65535:
		return bad("--osc-port %d: want 1 to 65535, or 0 for off", o.oscPort)
	case o.oscHost != defaultOSCHost && o.oscPort == 0:
		return bad("--osc-host needs --osc-port")
	case o.clientName != "" && o.backend != "auto" && o.backend != "jack":
		return bad("--client-name: only the jack backend has a client name (got --backend %s)", o.backend)
	}
	return o, 0, false
}

// runMixer parses the mixer's flags, loads the state, starts the engine on
// the chosen backend and runs the window (or, with --headless, waits)
// until it is closed or the process gets SIGTERM/SIGINT; then it saves the
// state. Exit codes: 0 closed, 1 failed, 2 bad usage.
func runMixer(args []string, stdout, stderr io.Writer) int {
	o, code, exit := parseFlags(args, stderr)
	if exit {
		return code
	}
	if o.version {
		fmt.Fprintf(stdout, "linuxdj %s\n", Version)
		return 0
	}
	if o.listDevices {
		return listDevices(stdout, stderr)
	}
	name, why, err := chooseBackend(o.backend, o.device, systemProbes)
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: --backend: %v\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "linuxdj: backend %s: %s\n", name, why)
	ns, err := joinNSMFromEnv(&o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: %v\n", err)
		return 1
	}
	s, code := openSession(o, name, stderr)
	if s == nil {
		ns.close(errors.New("the state or the backend could not be opened"))
		return code
	}
	err = s.startRemote(o, ns)
	if err == nil {
		if err = s.start(); err != nil {
			err = fmt.Errorf("could not start the %s backend: %w", s.backend.Name(), err)
		}
	}
	ns.started(err)
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: %v\n", err)
		s.closeRemote()
		s.store.auto.Close()
		return 1
	}
	code = 0
	if o.headless {
		code = runHeadless(s, o.meters, stdout, stderr, notifySignals())
	} else {
		gui := s.store.model.Controls.Clone()
		names := make([]string, len(s.cfg.Channels))
		for i, c := range s.cfg.Channels {
			names[i] = c.Name
		}
		obs := newGUIObserver(s.store, &gui, names)
		var namer *portNamer
		if s.store.jack != nil {
			namer = newPortNamer(s.store.jack, s.cfg, stderr)
			obs.renamed = namer.rename
		}
		werr := runWindow(windowConfig{
			cfg: s.cfg, controls: &gui, cmds: s.cmds, meters: s.eng.Meters(), backend: s.backend,
			observe: obs.observe,
			sizeDp:  image.Pt(s.store.model.Window.WidthDp, s.store.model.Window.HeightDp), resized: s.store.setWindow,
			remote: s.remote, remoteApplied: s.remoteApplied, mapper: s.mapper,
			scenes: s.store, saveMappings: s.store.setMappings, rack: s.rack,

			connectHintDismissed: s.store.connectHintDismissed(), dismissConnectHint: s.store.dismissConnectHint,
			rec: s.rec, duckGainDB: s.eng.TalkoverGainDB,
		})
		if namer != nil {
			namer.close()
		}
		if werr != nil {
			fmt.Fprintf(stderr, "linuxdj: window: %v\n", werr)
			code = 1
		}
	}
	if err := s.stop(); err != nil {
		fmt.Fprintf(stderr, "linuxdj: %v\n", err)
		return 1
	}
	return code
}

// session is a running mixer: the engine, its backend, the command ring of
// the one control producer (the window, or headless control) and the
// saved state.
type session struct {
	cfg     mixer.Config
	eng     *mixer.Engine
	backend backend.Backend
	cmds    *rt.Ring[mixer.Command]
	store   *store
	stderr  io.Writer
	rec     *recordCtl
	// proc is what the backend drives: the engine, or on JACK the engine
	// behind the MIDI bridge (see remote.go).
	proc   backend.Processor
	mapper *midi.Mapper // nil without MIDI (backends other than JACK)
	// remote are the rings of commands MIDI and OSC made, for the window
	// or the headless loop to show and save.
	remote []*rt.Ring[mixer.Command]
	osc    *osc.Server // nil unless OSC control or NSM is on
	nsm    *nsm.Client // nil unless a session manager runs the app
	rack   *rack       // the insert slots' plugins, from start
	// plugins is what MIDI and OSC reach of the rack's plugins; it exists
	// before them, the rack fills it once the stream runs.
	plugins *pluginSlots
}

// openSession loads the state, builds the engine from it with the whole
// state queued as commands, and opens (does not start) the backend. On
// failure it reports on stderr and returns nil and the exit code.
func openSession(o options, backendName string, stderr io.Writer) (*session, int) {
	base := mixer.DefaultConfig()
	if o.channels != 0 {
		base.Channels = make([]mixer.ChannelConfig, o.channels)
		for i := range base.Channels {
			base.Channels[i] = mixer.ChannelConfig{Name: fmt.Sprintf("Deck %d", i+1), Stereo: true}
		}
	}
	path, err := state.Path(o.config)
	var (
		saved state.Mixer
		// loaded: the file holds saved as it is (nothing migrated,
		// repaired or resized), so an exit with no change leaves it.
		loaded bool
	)
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: %v; the state will not be saved\n", err)
		saved = state.Defaults(base)
		path = ""
	} else {
		var rep state.Report
		saved, rep = state.Load(path, base)
		reportLoad(stderr, path, rep)
		loaded = rep.Origin == state.FromFile && len(rep.Warnings) == 0
	}
	if o.channels != 0 && len(saved.Channels) != o.channels {
		fitChannels(&saved, base)
		loaded = false
	}
	cfg := saved.Config(base)
	eng, err := mixer.New(cfg, o.rateHz)
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: %v\n", err)
		return nil, 2
	}
	s := &session{cfg: cfg, eng: eng, proc: eng, cmds: eng.NewCommandRing(commandRingSize), stderr: stderr, plugins: &pluginSlots{}}
	for _, c := range saved.Controls.Commands(nil) {
		s.cmds.TryPush(c)
	}
	s.backend, err = openBackend(backendName, backendOptions{
		sampleRateHz: o.rateHz, periodFrames: o.periodFrames, demo: o.demo,
		device: o.device, captureDevice: o.captureDevice,
		clientName: o.clientName, connections: saved.Connections, firstRun: saved.FirstRun,
	})
	if err != nil {
		fmt.Fprintf(stderr, "linuxdj: --backend: %v\n", err)
		return nil, 2
	}
	s.store = newStore(path, saved, stderr)
	if loaded {
		s.store.loadedAsIs()
	}
	format, _ := recordFormatByName(o.recordFormat)
	s.rec = newRecordCtl(s.eng, recorder.New(recorder.Options{}), o.recordDir, format, func() int { return s.backend.Info().SampleRateHz })
	if jb, ok := s.backend.(*jack.Backend); ok {
		s.store.jack = jb
	}
	return s, 0
}

// start starts the backend. On JACK the first run's auto-connect has now
// happened, so the state stops being a first run.
func (s *session) start() error {
	if err := s.backend.Start(s.proc); err != nil {
		return err
	}
	s.startRack()
	if s.store.jack != nil && s.store.model.FirstRun {
		s.store.update(func(m *state.Mixer) { m.FirstRun = false })
	}
	return nil
}

// startRack loads the insert slots' plugins for the rate the stream runs
// at (plugins are made for one rate) and hands them to the engine.
func (s *session) startRack() {
	info := s.backend.Info()
	rate := info.SampleRateHz
	if rate == 0 {
		rate = s.eng.Status().SampleRateHz
	}
	streamRate := func() int { return s.backend.Info().SampleRateHz }
	s.rack = newRack(s.eng, s.cfg, s.plugins, s.store.auto.Notify, streamRate, rate, info.PeriodFrames, s.stderr)
	s.store.mu.Lock()
	inserts := s.store.model.Clone().Inserts
	s.store.mu.Unlock()
	s.rack.apply(inserts)
	s.store.mu.Lock()
	s.store.rack = s.rack
	s.store.mu.Unlock()
}

// send is the headless control path: the command changes the saved model
// and goes to the engine. Only one goroutine may call it.
func (s *session) send(c mixer.Command) {
	s.store.set(c)
	s.cmds.TryPush(c)
}

// stop ends the stream and saves the state, unless a session manager runs
// the app: then unsaved changes are the manager's to save (control/nsm).
func (s *session) stop() error {
	s.closeRemote()
	var errs []error
	if err := s.rec.close(); err != nil {
		errs = append(errs, fmt.Errorf("finishing the recording: %w", err))
	}
	if err := s.backend.Stop(); err != nil {
		errs = append(errs, fmt.Errorf("stopping %s: %w", s.backend.Name(), err))
	}
	if s.nsm != nil {
		s.store.auto.Close()
	} else if err := s.store.close(); err != nil {
		errs = append(errs, fmt.Errorf("saving the state: %w", err))
	}
	if s.rack != nil {
		s.rack.close()
	}
	return errors.Join(errs...)
}
