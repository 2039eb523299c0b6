package app

import (
	"fmt"
	"image"
	"math"
	"testing"
	"time"

	"gioui.org/f32"
	"gioui.org/io/input"
	"gioui.org/layout"
	"gioui.org/op"
	"gioui.org/unit"

	"github.com/linuxdj/linuxdj/assets"
	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
	"github.com/linuxdj/linuxdj/widgets"
)

// testEpoch is the fixed clock of rendering tests, so ballistics and
// therefore pixels are reproducible.
var testEpoch = time.Unix(1_700_000_000, 0)

// fixture is a window's content with a fixed, known meter picture.
type fixture struct {
	ui     *UI
	cmds   *rt.Ring[mixer.Command]
	router input.Router
	ops    op.Ops
	now    time.Time
	scale  float32

	meterFrame mixer.MeterFrame
	// known is knownFrame for the fixture's strips, made once so that
	// moveMeters allocates nothing in a measured frame.
	known *mixer.MeterFrame
}

func f32pt(x, y int) f32.Point { return f32.Pt(float32(x), float32(y)) }

func configWith(channels int) mixer.Config {
	cfg := mixer.DefaultConfig()
	if channels != len(cfg.Channels) {
		cfg.Channels = cfg.Channels[:0]
		for i := range channels {
			cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: fmt.Sprintf("Deck %d", i+1), Stereo: true})
		}
	}
	return cfg
}

// newModel is a new mixer's controls for cfg.
func newModel(cfg mixer.Config) *param.Values {
	v := param.NewValues(len(cfg.Channels))
	return &v
}

// get reads one control of the window's model.
func (u *UI) get(p mixer.Param, ch int) float32 { return u.model.Get(p, ch) }

// newSessionUI is a window's content on s, as runMixer makes it.
func newSessionUI(th *widgets.Theme, s *session) *UI {
	gui := s.store.model.Controls.Clone()
	return NewUI(th, s.cfg, &gui, s.cmds)
}

func newFixture(t testing.TB, channels int, scale float32) *fixture {
	th, err := widgets.ParseTheme(assets.ThemeJSON)
	if err != nil {
		t.Fatal(err)
	}
	cfg := configWith(channels)
	cmds := rt.NewRing[mixer.Command](1024)
	ui := NewUI(th, cfg, newModel(cfg), cmds)
	ui.SetInfo(backend.StreamInfo{Backend: "null", SampleRateHz: 48000, PeriodFrames: 256, LatencyFrames: 512, XRuns: 0, DSPLoad: 0.042, State: backend.Running})
	f := &fixture{ui: ui, cmds: cmds, now: testEpoch, scale: scale}
	f.ui.SetMeters(knownFrame(channels))
	return f
}

// knownFrame puts channel i's peak (and peak hold) at −6·i dBFS and its
// RMS 8 dB below, the master at −3 / −10 dBFS, and a clip on channel 1's
// left side.
func knownFrame(channels int) *mixer.MeterFrame {
	f := &mixer.MeterFrame{Seq: 1, Channels: channels}
	amp := func(db float64) float32 { return float32(math.Pow(10, db/20)) }
	for i := range channels {
		p := -6 * float32(i)
		f.Strip[i] = mixer.LevelMeter{PeakL: amp(float64(p)), PeakR: amp(float64(p - 3)), RMSL: amp(float64(p - 8)), RMSR: amp(float64(p - 11))}
		f.StripMode[i] = mixer.ModeMeter{Mode: mixer.MeterPeakRMS, LevelL: p, LevelR: p - 3, HoldL: p, HoldR: p - 3}
	}
	f.Strip[0].ClipL = true
	f.Master = mixer.LevelMeter{PeakL: amp(-3), PeakR: amp(-4), RMSL: amp(-10), RMSR: amp(-11)}
	f.MasterPeak = mixer.PeakMeter{LevelL: -3, LevelR: -4, HoldL: -3, HoldR: -4}
	f.Status.LimiterGainDB = -2.5
	f.Loudness = knownLoudness
	// BPM: a confident reading, an unsure one, a held and a tapped one.
	for i, t := range []mixer.Tempo{{BPM: 128, Confidence: 0.9}, {BPM: 174.04, Confidence: 0.3},
		{BPM: 126.46, Confidence: 0.8, Locked: true}, {BPM: 121.7, Confidence: 1, Tapped: true}} {
		if i < channels {
			f.StripTempo[i] = t
		}
	}
	f.MasterTempo = mixer.Tempo{BPM: 127.96, Confidence: 0.7}
	return f
}

// frame lays the window out at size and hands the ops to the router.
func (f *fixture) frame(size image.Point) *op.Ops {
	f.ops.Reset()
	gtx := layout.Context{
		Ops:         &f.ops,
		Metric:      unit.Metric{PxPerDp: f.scale, PxPerSp: f.scale},
		Constraints: layout.Exact(size),
		Now:         f.now,
		Source:      f.router.Source(),
	}
	f.ui.Layout(gtx)
	f.router.Frame(&f.ops)
	return &f.ops
}
