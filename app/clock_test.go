package app

import (
	"testing"

	"gioui.org/f32"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/mixer"
)

// clockRow is where the master section's CLOCK row is at scale 1 in a
// window of winSize: MIDI CLK, the source and TIMEBASE.
func (f *fixture) clockRow() (on, source, timebase f32.Point) {
	th := f.ui.Theme
	sp := int(th.SmallSizeSp + 0.5)
	knobH := int(th.Knob.SizeDp) + sp + 4
	btnH := sp + 10
	x0, iw := winSize.X-masterWDp+padDp, masterWDp-2*padDp
	y := padDp + nameHDp + gapDp + knobH + gapDp + 3*(btnH+gapDp) + btnH/2
	labelW := 44
	cell := (iw - labelW - 3*gapDp) / 3
	x := x0 + labelW + gapDp
	return f32pt(x+cell/2, y), f32pt(x+cell+gapDp+cell/2, y), f32pt(x+2*(cell+gapDp)+cell/2, y)
}

// TestClockRowSendsCommands: MIDI CLK and TIMEBASE switch their
// parameters; the source button steps from the master through each
// channel and back.
func TestClockRowSendsCommands(t *testing.T) {
	f := newFixture(t, 3, 1)
	f.frame(winSize)
	on, source, timebase := f.clockRow()
	f.click(on)
	if c := only(t, f.drain(), mixer.ParamClockOn, 0); c.Value != 1 {
		t.Fatalf("MIDI CLK sent %v", c.Value)
	}
	f.click(timebase)
	if c := only(t, f.drain(), mixer.ParamClockTimebase, 0); c.Value != 1 {
		t.Fatalf("TIMEBASE sent %v", c.Value)
	}
	for _, want := range []float32{mixer.ClockChannel, mixer.ClockChannel + 1, mixer.ClockChannel + 2, mixer.ClockMaster} {
		f.click(source)
		if c := only(t, f.drain(), mixer.ParamClockSource, 0); c.Value != want {
			t.Fatalf("the source button sent %v; want %v", c.Value, want)
		}
	}
	if f.ui.get(mixer.ParamClockOn, 0) != 1 || f.ui.get(mixer.ParamClockTimebase, 0) != 1 {
		t.Fatal("the switches are not in the model")
	}
}

// TestClockSourceIsLearnable: a secondary click on the source button opens
// the MIDI learn menu for the clock's source parameter, as on every other
// control.
func TestClockSourceIsLearnable(t *testing.T) {
	f := newFixture(t, 3, 1)
	f.ui.SetMIDI(midi.NewMapper(nil), func([]midi.Mapping) {})
	f.frame(winSize)
	_, source, _ := f.clockRow()
	f.rightClick(source)
	f.frame(winSize)
	l := &f.ui.learn
	if l.open < 0 {
		t.Fatal("a secondary click on the source button opened no menu")
	}
	if got := l.controls[l.open].target; got.Param != mixer.ParamClockSource {
		t.Fatalf("the menu learns %v, want the clock source", got)
	}
}
