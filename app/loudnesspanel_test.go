package app

import (
	"image"
	"math"
	"testing"

	"gioui.org/f32"
	"gioui.org/io/pointer"

	"github.com/linuxdj/linuxdj/mixer"
)

// knownLoudness is the master loudness panel's reading in knownFrame.
var knownLoudness = mixer.MasterLoudness{
	On: true, Running: true,
	MomentaryLUFS: -20.52, ShortTermLUFS: -21.26, IntegratedLUFS: -22.94, RangeLU: 7.25,
	MaxMomentaryLUFS: -18.3, MaxShortTermLUFS: -19.9, IntegrationSeconds: 3725.6,
	TruePeakDBTPL: -3.1, TruePeakDBTPR: -4, MaxTruePeakDBTPL: -0.42, MaxTruePeakDBTPR: -1.7,
	Correlation: 0.853, CorrelationMin: 0.4,
}

// click presses and releases the primary button at p and draws a frame.
func (f *fixture) click(p f32.Point) {
	f.ptr(pointer.Press, p, 0)
	f.ptr(pointer.Release, p, 0)
	f.frame(winSize)
}

// modeLabelAt is a point on strip ch's meter mode label: the bottom right
// corner of the strip, beside the fader's readout, at scale 1.
func modeLabelAt(ch int) f32.Point {
	bottom := winSize.Y - statusHDp - xfaderRowHDp - padDp
	return f32pt(ch*stripWDp+stripWDp-padDp-10, bottom-5)
}

// loudnessRows repeats the panel's arithmetic at scale 1 to find, from
// the bottom up, the run and reset buttons and the true-peak row.
func (f *fixture) loudnessRows() (run, reset, truePeak f32.Point) {
	th := f.ui.Theme
	sp := int(math.Round(float64(th.SmallSizeSp)))
	bh := sp + 10
	rowH := sp + 6
	bottom := winSize.Y - statusHDp - xfaderRowHDp - padDp - 4
	right := winSize.X - padDp - 4
	btnY := bottom - bh/2
	y := bottom - bh - (rowH + gapDp) // time
	y -= sp + 4                       // correlation labels
	y -= 8 + 2                        // correlation bar
	y -= rowH + 2                     // correlation
	y -= rowH + gapDp                 // true peak
	return f32pt(right-140, btnY), f32pt(right-20, btnY), f32pt(right-60, y+rowH/2)
}

func TestMeterModeLabelCyclesAndSendsTheMode(t *testing.T) {
	f := newFixture(t, 3, 1)
	f.frame(winSize)
	f.drain()
	for _, want := range []mixer.MeterMode{mixer.MeterPeak, mixer.MeterVU, mixer.MeterPPMI} {
		f.click(modeLabelAt(1))
		c := only(t, f.drain(), mixer.ParamMeterMode, 1)
		if mixer.MeterMode(c.Value) != want {
			t.Fatalf("mode command %v, want %v (%d)", c.Value, want, want)
		}
		if got := mixer.MeterMode(f.ui.get(mixer.ParamMeterMode, 1)); got != want {
			t.Fatalf("model mode %v, want %v", got, want)
		}
	}
	// The saved state starts the engine in the chosen mode.
	found := false
	for _, c := range f.ui.model.Commands(nil) {
		if c.Param == mixer.ParamMeterMode && c.Channel == 1 {
			found = mixer.MeterMode(c.Value) == mixer.MeterPPMI
		}
	}
	if !found {
		t.Fatal("the state's startup commands do not restore strip 1's meter mode")
	}
	// From the last mode the label wraps to peak+RMS.
	f.ui.strips[1].mode.set(mixer.MeterK12)
	f.frame(winSize)
	f.drain()
	f.click(modeLabelAt(1))
	if c := only(t, f.drain(), mixer.ParamMeterMode, 1); mixer.MeterMode(c.Value) != mixer.MeterPeakRMS {
		t.Fatalf("after K-12: mode %v, want peak+RMS", c.Value)
	}
}

func TestLoudnessButtonsSendTheirActions(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.frame(winSize)
	f.drain()
	run, reset, tp := f.loudnessRows()

	f.click(reset)
	if c := only(t, f.drain(), mixer.ParamLoudnessReset, 0); c.Value != 1 {
		t.Fatalf("reset: %v, want 1", c.Value)
	}
	f.click(tp)
	if c := only(t, f.drain(), mixer.ParamTruePeakReset, 0); c.Value != 1 {
		t.Fatalf("true peak click: %v, want 1", c.Value)
	}
	f.click(run)
	if c := only(t, f.drain(), mixer.ParamLoudnessRun, 0); c.Value != 0 {
		t.Fatalf("run: %v, want 0 (stop)", c.Value)
	}
	f.click(run)
	if c := only(t, f.drain(), mixer.ParamLoudnessRun, 0); c.Value != 1 {
		t.Fatalf("run again: %v, want 1 (start)", c.Value)
	}
}

func TestLoudnessPanelShowsTheReading(t *testing.T) {
	f := newFixture(t, 5, 1)
	f.frame(winSize)
	p := &f.ui.loud
	for _, c := range []struct {
		name, got, want string
	}{
		{"M", p.m.String(), "−20.5"}, {"S", p.s.String(), "−21.3"}, {"I", p.i.String(), "−22.9"},
		{"LRA", p.lra.String(), "7.3 LU"}, {"TP", p.tp.String(), "−0.4 dBTP"},
		{"correlation", p.corr.String(), "+0.85"}, {"time", p.time.String(), "1:02:05"},
	} {
		if c.got != c.want {
			t.Errorf("%s shows %q, want %q", c.name, c.got, c.want)
		}
	}
	// LU against the −16 streaming target.
	p.target.Index, p.relative.On = 1, true
	f.frame(winSize)
	if got, want := p.i.String(), "−6.9"; got != want {
		t.Errorf("I relative to −16 LUFS shows %q, want %q", got, want)
	}
	if got, want := p.m.String(), "−4.5"; got != want {
		t.Errorf("M relative to −16 LUFS shows %q, want %q", got, want)
	}
	// No reading yet: a dash, not a number.
	fr := knownFrame(5)
	fr.Loudness.IntegratedLUFS = float32(math.Inf(-1))
	f.ui.SetMeters(fr)
	f.frame(winSize)
	if got := p.i.String(); got != "—" {
		t.Errorf("I with no reading shows %q, want a dash", got)
	}
}

// TestMeterModesAndPanelDoNotAllocate is TestLayoutDoesNotAllocate with
// the strips in every broadcast mode, their readings moving, and the
// loudness panel in LU.
func TestMeterModesAndPanelDoNotAllocate(t *testing.T) {
	f := newFixture(t, 8, 1)
	for i := range f.ui.strips {
		f.ui.strips[i].mode.set(meterModes[i%len(meterModes)])
	}
	f.ui.loud.relative.On = true
	size := image.Pt(1920, 1080)
	f.frame(size)
	allocs := f.warmLayoutAllocs(size, 60, func(i int) {
		f.moveMeters(i)
		fr := &f.meterFrame
		for c := range f.ui.strips {
			m := &fr.StripMode[c]
			m.Mode = f.ui.strips[c].mode.mode
			m.LevelL, m.LevelR = float32(-10+i%5), float32(-12+i%3)
			m.HoldL, m.HoldR = 0, 0
		}
		f.ui.SetMeters(fr)
	})
	if allocs != 0 {
		t.Errorf("%d allocations in 50 warmed-up Layouts, want 0", allocs)
	}
}

func TestPumpForwardsModeAndLoudnessChanges(t *testing.T) {
	var a, b mixer.MeterFrame
	a.Channels, b.Channels = 2, 2
	if visiblyDifferent(&a, &b) {
		t.Fatal("equal frames differ")
	}
	b.Loudness.IntegrationSeconds = 1
	if !visiblyDifferent(&a, &b) {
		t.Fatal("a second of integration time did not wake the window")
	}
	b = a
	b.StripMode[1].Mode = mixer.MeterVU
	if !visiblyDifferent(&a, &b) {
		t.Fatal("a mode change did not wake the window")
	}
	// Folding keeps the highest bar and true peak and the lowest correlation.
	acc := a
	acc.StripMode[0].LevelL, acc.Loudness.TruePeakDBTPL, acc.Loudness.CorrelationMin = 3, -1, -0.5
	newer := a
	newer.StripMode[0].LevelL, newer.Loudness.TruePeakDBTPL, newer.Loudness.CorrelationMin = -5, -6, 0.2
	foldFrame(&acc, &newer)
	if acc.StripMode[0].LevelL != 3 || acc.Loudness.TruePeakDBTPL != -1 || acc.Loudness.CorrelationMin != -0.5 {
		t.Fatalf("fold lost a maximum: %+v %+v", acc.StripMode[0], acc.Loudness)
	}
}
