package app

import (
	"testing"

	"gioui.org/f32"
	"gioui.org/io/pointer"

	"github.com/linuxdj/linuxdj/mixer"
)

// bpmRows is where channel ch's BPM rows are at scale 1: the readout and
// LOCK, then TAP, ½ and ×2.
func (f *fixture) bpmRows(ch int) (lock, tap, half, double f32.Point) {
	th := f.ui.Theme
	sp := int(th.SmallSizeSp + 0.5)
	knobH := int(th.Knob.SizeDp) + sp + 4
	btnH := sp + 10
	y := padDp + nameHDp + gapDp + 5*(knobH+gapDp) + 2*(btnH+gapDp)
	x0, iw := ch*stripWDp+padDp, stripWDp-2*padDp
	lockW := (iw - gapDp) * 2 / 5
	third := (iw - 2*gapDp) / 3
	row2 := y + btnH + gapDp + btnH/2
	cell := func(j int) f32.Point { return f32pt(x0+j*(third+gapDp)+third/2, row2) }
	return f32pt(x0+iw-lockW/2, y+btnH/2), cell(0), cell(1), cell(2)
}

func TestBPMButtonsSendCommands(t *testing.T) {
	f := newFixture(t, 4, 1)
	f.frame(winSize)
	lock, tap, half, double := f.bpmRows(2)
	press := func(at f32.Point, p mixer.Param) {
		t.Helper()
		f.ptr(pointer.Press, at, 0)
		f.frame(winSize)
		if c := only(t, f.drain(), p, 2); c.Value != 1 {
			t.Fatalf("%v pressed sent %v", p, c.Value)
		}
		f.ptr(pointer.Release, at, 0)
		f.frame(winSize)
		if c := only(t, f.drain(), p, 2); c.Value != 0 {
			t.Fatalf("%v released sent %v", p, c.Value)
		}
	}
	before := f.ui.model.Clone()
	press(tap, mixer.ParamBPMTap)
	press(half, mixer.ParamBPMHalf)
	press(double, mixer.ParamBPMDouble)
	if !f.ui.model.Equal(&before) {
		t.Fatal("a press changed the model")
	}
	f.ptr(pointer.Press, lock, 0)
	f.ptr(pointer.Release, lock, 0)
	f.frame(winSize)
	if c := only(t, f.drain(), mixer.ParamBPMLock, 2); c.Value != 1 {
		t.Fatalf("LOCK sent %v", c.Value)
	}
	if f.ui.get(mixer.ParamBPMLock, 2) != 1 {
		t.Fatal("LOCK is not in the model")
	}
}

func TestBPMReadoutText(t *testing.T) {
	f := newFixture(t, 4, 1)
	for i, want := range []string{"128.0", "174.0", "126.5", "121.7"} {
		if got := f.ui.strips[i].bpm.text; got != want {
			t.Errorf("channel %d shows %q, want %q", i+1, got, want)
		}
	}
	if got := f.ui.masterBPM.text; got != "128.0" {
		t.Errorf("master shows %q", got)
	}
	b := &f.ui.strips[0].bpm
	s := b.text
	b.feed(mixer.Tempo{BPM: 128.02, Confidence: 0.5})
	if b.text != s {
		t.Error("a change below 0.1 BPM rebuilt the text")
	}
	if n := testing.AllocsPerRun(100, func() { b.feed(mixer.Tempo{BPM: 128.01}) }); n != 0 {
		t.Errorf("an unchanged reading allocates %v times", n)
	}
	b.feed(mixer.Tempo{})
	if b.text != noBPM {
		t.Errorf("no tempo shows %q", b.text)
	}
}
