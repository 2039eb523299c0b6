package lv2

import (
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/linuxdj/linuxdj/control/param"
)

// MaxFrames is the largest period a plugin is run with: every audio
// buffer the host gives a plugin holds this many frames, and it is the
// maxBlockLength the host announces.
const MaxFrames = 8192

// ErrUnavailable is what a build without cgo answers: hosting LV2 needs
// lilv, a C library.
var ErrUnavailable = errors.New("lv2: this build has no cgo, so no lilv to host LV2 plugins with")

// Plugin is one installed plugin as the world lists it.
type Plugin struct {
	URI    string
	Name   string
	Class  string // the label of its lv2:Plugin subclass: "Amplifier Plugin", "Equaliser Plugin"
	Author string
	// AudioInputs and AudioOutputs count its audio ports; a strip's insert
	// slot takes the plugins whose counts match its channels.
	AudioInputs, AudioOutputs int
}

// Matches reports whether every word of query is found, ignoring case,
// in the plugin's name, class, author or URI. An empty query matches.
func (p Plugin) Matches(query string) bool {
	hay := strings.ToLower(p.Name + "\x00" + p.Class + "\x00" + p.Author + "\x00" + p.URI)
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Search returns the plugins that match query (see Plugin.Matches), in
// the order given.
func Search(plugins []Plugin, query string) []Plugin {
	var out []Plugin
	for _, p := range plugins {
		if p.Matches(query) {
			out = append(out, p)
		}
	}
	return out
}

// PortKind is what a port carries.
type PortKind uint8

// Port kinds.
const (
	Audio   PortKind = iota + 1 // a buffer of samples
	Control                     // one float per period
	CV                          // a buffer of control samples
	Atom                        // a sequence of events (MIDI, messages to a UI)
	Other                       // a type this host does not know
)

var kindNames = [...]string{Audio: "audio", Control: "control", CV: "cv", Atom: "atom", Other: "other"}

func (k PortKind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "unknown"
}

// ScalePoint is a named value of a control port: a step of an
// enumeration, or a marked point on a continuous range.
type ScalePoint struct {
	Value float32
	Label string
}

// Port describes one port of a plugin as its Turtle data does. For a
// control port the range, default and hints are there; use Param to
// turn them into the project's parameter description.
type Port struct {
	Index  int
	Symbol string // stable across versions of the plugin: the key it is saved under
	Name   string // for people: "Amps gain (dB)"
	Kind   PortKind
	Output bool

	// Min, Max and Default as written; Has* say which were written at all.
	Min, Max, Default            float32
	HasMin, HasMax, HasDefault   bool
	Toggle, Integer, Enumeration bool
	Logarithmic                  bool
	// SampleRate means Min, Max and Default are fractions of the sample
	// rate (a filter's frequency): Param multiplies them by it.
	SampleRate bool
	// ReportsLatency marks the output control port that tells the
	// plugin's latency in frames.
	ReportsLatency bool
	Optional       bool // lv2:connectionOptional
	NotOnGUI       bool // pprops:notOnGUI: the plugin asks hosts not to show it
	Unit           string
	ScalePoints    []ScalePoint // sorted by value
}

// Param describes a control port the way every other control of the
// mixer is described, so that it can become a parameter: saved, recalled,
// learnt, shown. rateHz is the sample rate the plugin runs at (it matters
// only to SampleRate ports). The port's symbol is both the Name and the
// Key. Rules where LV2 says nothing: a missing minimum is 0, a missing
// maximum is 1 (or the minimum, if that is higher), a missing default is
// the minimum; a default outside the range is clamped into it. A toggle
// runs 0..1. Toggles and integer ports are Switch; an integer
// enumeration whose scale points name every whole number from Min to Max
// gets them as Choices. Logarithmic ports have the Log law when their
// range is positive (the law needs Min > 0); otherwise they stay Linear.
func (p Port) Param(rateHz float64) param.Info {
	info := param.Info{Name: p.Symbol, Key: p.Symbol, Unit: p.Unit}
	if p.HasMin {
		info.Min = p.Min
	}
	info.Max = 1
	if p.HasMax {
		info.Max = p.Max
	}
	if p.SampleRate {
		info.Min *= float32(rateHz)
		info.Max *= float32(rateHz)
	}
	if p.Toggle {
		info.Min, info.Max = 0, 1
	}
	if info.Max < info.Min {
		info.Max = info.Min
	}
	info.Default = info.Min
	if p.HasDefault {
		info.Default = p.Default
		if p.SampleRate {
			info.Default *= float32(rateHz)
		}
	}
	info.Default = min(max(info.Default, info.Min), info.Max)
	info.Switch = p.Toggle || p.Integer
	if p.Logarithmic && info.Min > 0 && info.Max > info.Min {
		info.Law = param.Log
	}
	if p.Enumeration && info.Switch {
		info.Choices = choices(p.ScalePoints, info.Min, info.Max)
	}
	return info
}

// choices names every whole value lo..hi from points, or returns nil when
// one is missing or the range is not whole.
func choices(points []ScalePoint, lo, hi float32) []string {
	if lo != float32(math.Trunc(float64(lo))) || hi != float32(math.Trunc(float64(hi))) || hi-lo > 1024 {
		return nil
	}
	names := make([]string, int(hi-lo)+1)
	for _, sp := range points {
		i := int(sp.Value - lo)
		if sp.Value == float32(math.Trunc(float64(sp.Value))) && i >= 0 && i < len(names) {
			names[i] = sp.Label
		}
	}
	if slices.Contains(names, "") {
		return nil
	}
	return names
}
