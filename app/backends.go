package app

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/backend/alsa"
	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/backend/null"
)

// backendNames lists what --backend accepts.
var backendNames = []string{"auto", "jack", "alsa", "null"}

// backendOptions is what openBackend needs to know besides the name.
type backendOptions struct {
	sampleRateHz int
	periodFrames int
	demo         bool // null: play the demo loop into the inputs

	device        string // alsa: playback device, "hw:0" or "hw:0,0"
	captureDevice string // alsa: capture device for the inputs; "" for none

	clientName  string              // jack: client name; "" for linuxdj
	connections map[string][]string // jack: remembered connections
	firstRun    bool                // jack: auto-connect master once
}

// errUnknownBackend marks a --backend value no backend answers to: bad
// usage, not a failure of the sound system.
var errUnknownBackend = errors.New("unknown backend")

// probes are the auto-detect questions, a variable so tests can see which
// one decided.
type probes struct {
	jack func() bool // a JACK server answers (never starts one)
	alsa func() bool // an ALSA playback device exists
}

var systemProbes = probes{jack: jack.Available, alsa: alsa.Available}

// chooseBackend resolves --backend auto to a backend name and says why; a
// named backend is taken as asked. A --device with auto means ALSA: the
// user named hardware.
func chooseBackend(requested, device string, p probes) (name, why string, err error) {
	switch requested {
	case "jack", "alsa", "null":
		return requested, "asked for with --backend", nil
	case "auto":
	default:
		return "", "", fmt.Errorf("%w %q (choose from: %s)", errUnknownBackend, requested, strings.Join(backendNames, ", "))
	}
	if device != "" {
		return "alsa", "--device " + device + " names an ALSA device", nil
	}
	if p.jack() {
		return "jack", "a JACK server answers", nil
	}
	if p.alsa() {
		return "alsa", "no JACK server answers; an ALSA playback device exists", nil
	}
	return "null", "no JACK server answers and no ALSA playback device exists; playing the demo signal", nil
}

// openBackend is the one place that turns a backend name into a Backend.
func openBackend(name string, o backendOptions) (backend.Backend, error) {
	switch name {
	case "null":
		return null.New(null.Options{SampleRateHz: o.sampleRateHz, PeriodFrames: o.periodFrames, Demo: o.demo}), nil
	case "jack":
		return jack.New(jack.Options{ClientName: o.clientName, Connections: o.connections, FirstRun: o.firstRun}), nil
	case "alsa":
		dev := o.device
		if dev == "" {
			dev = "hw:0,0"
		}
		return alsa.New(alsa.Config{
			PlaybackDevice: dev, CaptureDevice: o.captureDevice,
			SampleRateHz: o.sampleRateHz, PeriodFrames: o.periodFrames,
		}), nil
	}
	return nil, fmt.Errorf("%w %q (choose from: %s)", errUnknownBackend, name, strings.Join(backendNames, ", "))
}

// listDevices prints what --list-devices shows: the JACK ports when a
// server answers, then the ALSA devices. It returns the exit code.
func listDevices(stdout, stderr io.Writer) int {
	fmt.Fprintln(stdout, "JACK ports:")
	if err := writeJACKPorts(stdout); err != nil {
		fmt.Fprintf(stdout, "  (%v)\n", err)
	}
	fmt.Fprintln(stdout, "ALSA devices:")
	if err := alsa.WriteDeviceList(stdout); err != nil {
		fmt.Fprintf(stdout, "  (%v)\n", err)
	}
	return 0
}
