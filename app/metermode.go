package app

import (
	"math"

	"gioui.org/layout"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// stripMode is a strip's meter mode as shown: the mode the GUI asked the
// engine for, its scale in the widget's terms (rebuilt only when the mode
// changes) and the meter that draws the engine's reading in that mode.
// MeterPeakRMS keeps the strip's own peak+RMS meter on the IEC scale.
type stripMode struct {
	mode   mixer.MeterMode
	scale  *widgets.Scale
	meter  widgets.ModeMeterState
	button widgets.ButtonState
}

// meterModes is the order the mode label cycles through.
var meterModes = [...]mixer.MeterMode{
	mixer.MeterPeakRMS, mixer.MeterPeak, mixer.MeterVU, mixer.MeterPPMI,
	mixer.MeterPPMII, mixer.MeterK20, mixer.MeterK14, mixer.MeterK12,
}

// modeLabels are the modes' names under a strip's meter, short enough
// for its width; indexed by mixer.MeterMode.
var modeLabels = [...]string{"PK+RMS", "PEAK", "VU", "PPM I", "PPM II", "K-20", "K-14", "K-12"}

// nextMeterMode is the mode after m in meterModes, wrapping round.
func nextMeterMode(m mixer.MeterMode) mixer.MeterMode {
	for i, x := range meterModes {
		if x == m {
			return meterModes[(i+1)%len(meterModes)]
		}
	}
	return mixer.MeterPeakRMS
}

// modeZones are where each mode's bar turns from the low to the mid and
// from the mid to the high colour, in the mode's unit: the alignment level
// and the permitted maximum of the standard.
func modeZones(m mixer.MeterMode) (warn, hot float64) {
	switch m {
	case mixer.MeterVU:
		return 0, 0 // the red arc starts at 0 VU
	case mixer.MeterPPMI:
		return -9, 0 // DIN: 0 dB is full modulation
	case mixer.MeterPPMII:
		return 0, 9 // EBU: TEST at 0, permitted maximum +9
	case mixer.MeterK20, mixer.MeterK14, mixer.MeterK12:
		return 0, 4 // Katz: green to 0, yellow to +4, red above
	}
	return -18, -6
}

// minMarkGap is the least distance, as a fraction of the meter's height,
// between two labelled marks: closer ones are dropped, from the top down,
// so labels never overlap at the smallest strip height.
const minMarkGap = 0.055

// modeScale turns the engine's scale for m into the meter widget's: the
// deflection is the engine's, so a reading sits exactly on its mark. It
// allocates; call it when the mode changes.
func modeScale(m mixer.MeterMode) *widgets.Scale {
	s := m.Scale()
	warn, hot := modeZones(m)
	ws := &widgets.Scale{Name: s.Name, Height: s.Deflection, WarnDB: warn, HotDB: hot}
	last := math.Inf(1)
	for i := len(s.Marks) - 1; i >= 0; i-- {
		mk := s.Marks[i]
		pos := s.Deflection(mk.Value)
		if last-pos < minMarkGap {
			continue
		}
		last = pos
		ws.Marks = append(ws.Marks, widgets.Tick{Pos: pos, Label: widgets.DBLabel(mk.Value)})
	}
	return ws
}

// set shows mode m; the scale is rebuilt only on a change.
func (s *stripMode) set(m mixer.MeterMode) {
	if s.scale != nil && s.mode == m {
		return
	}
	s.mode, s.scale = m, modeScale(m)
	inf := float32(math.Inf(-1))
	s.meter.Feed(inf, inf, inf, inf, false)
}

// feed takes the engine's reading; one in another mode (the engine has
// not switched yet) is not drawn on this mode's scale.
func (s *stripMode) feed(r *mixer.ModeMeter) {
	if r.Mode != s.mode {
		inf := float32(math.Inf(-1))
		s.meter.Feed(inf, inf, inf, inf, false)
		return
	}
	s.meter.Feed(r.LevelL, r.LevelR, r.HoldL, r.HoldR, r.Clip)
}

// layoutStripMeter draws strip i's meter in its mode. In a broadcast mode
// a click on the clip lamp asks the engine to clear its clip latch and
// max hold.
func (u *UI) layoutStripMeter(gtx layout.Context, i int) layout.Dimensions {
	st := &u.strips[i]
	if st.mode.mode == mixer.MeterPeakRMS {
		return widgets.Meter(u.Theme, &st.meter, u.meterScale).Layout(gtx)
	}
	if st.mode.meter.ClipClicked(gtx) {
		u.send(mixer.ParamMeterReset, int16(i), 1)
	}
	st.mode.meter.Channels = st.meter.Channels
	return widgets.ModeMeter(u.Theme, &st.mode.meter, st.mode.scale).Layout(gtx)
}

// layoutMeterMode draws strip i's mode name under its meter; a click
// moves to the next mode (sync tells the engine).
func (u *UI) layoutMeterMode(gtx layout.Context, i int) {
	st := &u.strips[i]
	if st.mode.button.Clicked(gtx) {
		st.mode.set(nextMeterMode(st.mode.mode))
	}
	b := widgets.Button(u.Theme, &st.mode.button, modeLabels[st.mode.mode])
	b.Flat, b.Align = true, text.Middle
	gtx.Constraints.Min = gtx.Constraints.Max
	b.Layout(gtx)
}
