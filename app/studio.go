package app

import (
	"image"
	"image/color"
	"math"
	"path/filepath"
	"strconv"
	"time"

	"gioui.org/layout"
	"gioui.org/text"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/recorder"
	"github.com/linuxdj/linuxdj/widgets"
)

// The studio column sits between the strips and the master section: the
// recorder, talkover (mic ducking) and the studio monitor controller.
const (
	studioWDp = 300
	titleHDp  = 18
	lineHDp   = 15
	// recordRefresh is how often the window redraws while recording, so
	// the elapsed time and file size move even when no meter does.
	recordRefresh = 250 * time.Millisecond
	// studioMinStrips is how many strips must still fit beside the studio
	// and master sections; a narrower window leaves the column out (its
	// keys still work) rather than squeeze the strips to one.
	studioMinStrips = 2
)

// Labels that never change, built once.
var (
	talkoverModeLabels  = []string{"OFF", "AUTO", "MANUAL"}
	monitorSourceLabels = []string{"MASTER", "CUE", "EXT"}
	recordFormatLabels  = []string{"WAV F32", "WAV 24", "FLAC"}
)

// monitorHelp says what the level knob's reference mark means, in two
// lines.
var monitorHelp = [2]string{
	"REF mark (level 0 dB): K-20 calibration, −20 dBFS",
	"pink noise = 83 dB SPL per speaker (79 small room)",
}

// studioKnob is one knob of the column and the control it moves.
type studioKnob struct {
	widgets.KnobState
	param  mixer.Param
	label  string
	format widgets.FormatFunc
}

// studioToggle is one on/off button and the control it switches.
type studioToggle struct {
	widgets.ToggleState
	param mixer.Param
	label string
}

// Indexes of studioUI.knobs and studioUI.toggles.
const (
	knobThreshold = iota
	knobDepth
	knobAttack
	knobRelease
	knobLevel
	knobDim
	knobTrimA
	knobTrimB
	studioKnobs
)

const (
	toggleDim = iota
	toggleMono
	toggleMute
	togglePolarityL
	toggleSpeakerA
	toggleSpeakerB
	studioToggles
)

// studioUI is the widget state of the studio column.
type studioUI struct {
	knobs    [studioKnobs]studioKnob
	toggles  [studioToggles]studioToggle
	mode     widgets.SelectorState
	source   widgets.SelectorState
	talk     widgets.MomentaryState
	talkback widgets.MomentaryState

	// duckGainDB reads the talkover's gain on the music; nil when there
	// is no engine to ask (the readout is left out).
	duckGainDB func() float32
	duckShown  float64
	duckBuf    []byte
	duckText   string

	rec     *recordCtl // nil: no recorder (the panel says so)
	record  widgets.ToggleState
	cue     widgets.ButtonState
	format  widgets.SelectorState
	recKey  recordKey
	recBuf  []byte
	recLine [2]string
	status  recorder.Status // the recorder's figures, taken at each sync
	active  bool            // recording, or a Start or Stop in flight
	recPath string          // of the current or last recording
	message [2]string       // the last error or event, shown under the figures
	msgErr  bool
}

// recordKey is what the record panel shows, rounded as printed, so its
// text is rebuilt only when it would read differently.
type recordKey struct {
	state         recorder.State
	elapsedS      int64
	sizeTenthsMB  int64
	lufsTenths    int64
	truePeakTenth int64
	drops         uint64
	cues          int
}

// bind binds the column's widgets to their controls.
func (s *studioUI) bind(u *UI) {
	s.knobs = [studioKnobs]studioKnob{
		knobThreshold: {param: mixer.ParamTalkoverThresholdDB, label: "THRESH"},
		knobDepth:     {param: mixer.ParamTalkoverDepthDB, label: "DEPTH"},
		knobAttack:    {param: mixer.ParamTalkoverAttackMs, label: "ATTACK"},
		knobRelease:   {param: mixer.ParamTalkoverReleaseMs, label: "RELEASE"},
		knobLevel:     {param: mixer.ParamMonitorLevelDB, label: "LEVEL", format: formatMonitorLevel},
		knobDim:       {param: mixer.ParamMonitorDimDB, label: "DIM DB"},
		knobTrimA:     {param: mixer.ParamMonitorTrimADB, label: "TRIM A"},
		knobTrimB:     {param: mixer.ParamMonitorTrimBDB, label: "TRIM B"},
	}
	for i := range s.knobs {
		k := &s.knobs[i]
		if k.format == nil {
			k.format = unitFormat(k.param)
		}
		k.Step = 0.01
		u.bindValue(&k.ValueState, k.param, 0)
	}
	s.toggles = [studioToggles]studioToggle{
		toggleDim:       {param: mixer.ParamMonitorDim, label: "DIM"},
		toggleMono:      {param: mixer.ParamMonitorMono, label: "MONO"},
		toggleMute:      {param: mixer.ParamMonitorMute, label: "MUTE"},
		togglePolarityL: {param: mixer.ParamMonitorPolarityL, label: "POL L"},
		toggleSpeakerA:  {param: mixer.ParamMonitorSpeakerA, label: "SPK A"},
		toggleSpeakerB:  {param: mixer.ParamMonitorSpeakerB, label: "SPK B"},
	}
	for i := range s.toggles {
		u.bindToggle(&s.toggles[i].ToggleState, s.toggles[i].param, 0)
	}
	u.bindChoice(&s.mode, mixer.ParamTalkoverMode, 0)
	u.bindChoice(&s.source, mixer.ParamMonitorSource, 0)
	// The held buttons send while held; they are not settings, so they
	// are never saved on.
	u.bindHeld(&s.talk, mixer.ParamTalkoverButton)
	u.bindHeld(&s.talkback, mixer.ParamTalkback)
	s.duckShown = math.NaN()
}

// formatMonitorLevel reads the monitor level as dB from the calibrated
// reference, "REF" at it, "OFF" at the bottom.
func formatMonitorLevel(dst []byte, pos float64) []byte {
	info, _ := param.Lookup(mixer.ParamMonitorLevelDB)
	db := float64(info.Value(pos))
	switch {
	case db <= mixer.MonitorLevelOffDB:
		return append(dst, "OFF"...)
	case math.Abs(db-mixer.MonitorReferenceDB) < 0.05:
		return append(dst, "REF"...)
	}
	return appendDB(dst, db-mixer.MonitorReferenceDB)
}

// SetStudio gives the window the session's recorder (nil: none) and the
// engine's talkover gain reading (nil: no readout).
func (u *UI) SetStudio(rec *recordCtl, duckGainDB func() float32) {
	s := &u.studio
	s.rec, s.duckGainDB = rec, duckGainDB
	for i, f := range recordFormats {
		if rec != nil && f == rec.Format {
			s.format.Index = i
		}
	}
}

// poll takes the recorder's news before the frame is drawn; UI.Layout
// calls it even when the column is left out of a narrow window, so a stop
// still finishes and an error is still learnt.
func (s *studioUI) poll() { s.status, s.active = s.pollRecord() }

// addCue marks the recording's current position (the M key, the CUE
// button).
func (s *studioUI) addCue() {
	if s.rec == nil {
		return
	}
	if _, err := s.rec.rec.AddCue(); err != nil {
		s.message, s.msgErr = [2]string{"cue: not recording"}, false
	}
}

// toggleRecord starts or stops recording (the record button).
func (s *studioUI) toggleRecord() {
	if s.rec == nil {
		s.message, s.msgErr = [2]string{"no recorder in this session"}, true
		return
	}
	s.rec.Format = recordFormats[s.format.Index]
	if s.rec.toggle() {
		s.message, s.msgErr = [2]string{}, false
	}
}

// pollRecord takes the outcome of a Start or Stop and the recorder's
// figures, and reports whether a recording is running or on its way.
func (s *studioUI) pollRecord() (st recorder.Status, active bool) {
	if s.rec == nil {
		return st, false
	}
	if r, ok := s.rec.poll(); ok {
		switch {
		case r.started && r.err != nil:
			s.message, s.msgErr = recordMessage(r.err, ""), true
		case r.started:
			s.recPath = r.path
			s.message, s.msgErr = [2]string{"recording " + filepath.Base(r.path), "in " + filepath.Dir(r.path)}, false
		case r.err != nil && !s.msgErr:
			s.message, s.msgErr = recordMessage(r.err, s.recPath), true
		case r.err == nil:
			s.message, s.msgErr = [2]string{"saved " + filepath.Base(s.recPath), "in " + filepath.Dir(s.recPath)}, false
		}
	}
	st = s.rec.rec.Status()
	if st.State == recorder.Failed && !s.msgErr && st.Path == s.recPath {
		s.message, s.msgErr = recordMessage(st.Err, st.Path), true
	}
	return st, st.State == recorder.Recording || s.rec.busy.Load()
}

// nextFrame asks for a redraw while recording, so the figures move.
func (s *studioUI) nextFrame() (time.Time, bool) {
	if s.rec == nil || (s.rec.rec.Status().State != recorder.Recording && !s.rec.busy.Load()) {
		return time.Time{}, false
	}
	return time.Now().Add(recordRefresh), true
}

// refreshRecord rebuilds the figures' text when it would read differently.
func (s *studioUI) refreshRecord(st recorder.Status) {
	tenths := func(x float64) int64 {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return math.MinInt64
		}
		return int64(math.Round(10 * x))
	}
	k := recordKey{
		state: st.State, elapsedS: int64(st.Elapsed / time.Second), sizeTenthsMB: st.FileBytes / 100_000,
		lufsTenths: tenths(st.IntegratedLUFS), truePeakTenth: tenths(st.TruePeakDBTP), drops: st.DroppedFrames, cues: st.Cues,
	}
	if k == s.recKey && s.recLine[0] != "" {
		return
	}
	s.recKey = k
	if st.Path == "" {
		s.recLine = [2]string{"not recording: REC records the master", ""}
		return
	}
	b := s.recBuf[:0]
	sec := k.elapsedS
	b = appendTwo(strconv.AppendInt(b, sec/3600, 10), ':', sec/60%60)
	b = appendTwo(b, ':', sec%60)
	b = append(b, "   "...)
	b = strconv.AppendFloat(b, float64(k.sizeTenthsMB)/10, 'f', 1, 64)
	b = append(b, " MB   drops "...)
	b = strconv.AppendUint(b, k.drops, 10)
	b = append(b, "   cues "...)
	b = strconv.AppendInt(b, int64(k.cues), 10)
	s.recLine[0] = string(b)
	b = append(b[:0], "I "...)
	b = appendTenths(b, k.lufsTenths)
	b = append(b, " LUFS   TP "...)
	b = appendTenths(b, k.truePeakTenth)
	b = append(b, " dBTP"...)
	s.recLine[1] = string(b)
	s.recBuf = b
}

// appendTwo appends sep and v as two digits.
func appendTwo(dst []byte, sep byte, v int64) []byte {
	dst = append(dst, sep)
	if v < 10 {
		dst = append(dst, '0')
	}
	return strconv.AppendInt(dst, v, 10)
}

// appendTenths appends v/10 with one decimal, "−∞" for no reading.
func appendTenths(dst []byte, v int64) []byte {
	if v == math.MinInt64 {
		return append(dst, "−∞"...)
	}
	if v < 0 {
		dst = append(dst, "−"...)
		v = -v
	}
	dst = strconv.AppendInt(dst, v/10, 10)
	dst = append(dst, '.')
	return strconv.AppendInt(dst, v%10, 10)
}

// layout draws the column into gtx.Constraints.Max.
func (s *studioUI) layout(gtx layout.Context, th *widgets.Theme) {
	w, h := gtx.Constraints.Max.X, gtx.Constraints.Max.Y
	pad, gap := gtx.Dp(padDp), gtx.Dp(gapDp)
	panel(gtx, th, image.Rect(gap/2, gap/2, w-gap/2, h-gap/2))
	x0, iw := pad, w-2*pad
	y := pad
	bh := th.ButtonHeight(gtx)
	knobH := th.KnobHeight(gtx.Metric)
	titleH, lineH := gtx.Dp(titleHDp), gtx.Dp(lineHDp)
	half := (iw - gap) / 2
	quarter := (iw - 3*gap) / 4
	third := (iw - 2*gap) / 3

	title := func(label string) {
		c, t := place(gtx, x0, y, iw, titleH)
		th.BoldLabel(c, th.SmallSizeSp, th.Palette.Text.NRGBA(), text.Start, label)
		t.Pop()
		y += titleH
	}
	line := func(txt string, col color.NRGBA) {
		c, t := place(gtx, x0, y, iw, lineH)
		cl := widgets.Clip(c, image.Rect(0, 0, iw, lineH))
		th.Label(c, th.SmallSizeSp, col, text.Start, txt)
		cl.Pop()
		t.Pop()
		y += lineH
	}
	dim := th.Palette.TextDim.NRGBA()

	// RECORD
	title("RECORD")
	if s.record.Update(gtx) {
		s.toggleRecord()
	}
	s.record.On = s.active || (s.rec != nil && s.rec.busy.Load())
	c, t := place(gtx, x0, y, half, bh)
	rb := widgets.Toggle(th, &s.record, "REC")
	rb.Lit = th.Toggle.Mute.NRGBA()
	rb.Layout(c)
	t.Pop()
	if s.cue.Clicked(gtx) {
		s.addCue()
	}
	c, t = place(gtx, x0+half+gap, y, iw-half-gap, bh)
	widgets.Button(th, &s.cue, "CUE (M)").Layout(c)
	t.Pop()
	y += bh + gap
	c, t = place(gtx, x0, y, iw, bh)
	widgets.Selector(th, &s.format, recordFormatLabels).Layout(c)
	t.Pop()
	y += bh + gap
	s.refreshRecord(s.status)
	line(s.recLine[0], th.Palette.Text.NRGBA())
	line(s.recLine[1], th.Palette.Text.NRGBA())
	msgCol := dim
	if s.msgErr {
		msgCol = th.Toggle.Mute.NRGBA()
	}
	line(s.message[0], msgCol)
	line(s.message[1], msgCol)
	y += gap

	// TALKOVER
	title("TALKOVER")
	c, t = place(gtx, x0, y, iw, bh)
	widgets.Selector(th, &s.mode, talkoverModeLabels).Layout(c)
	t.Pop()
	y += bh + gap
	s.knobRow(gtx, th, x0, y, quarter, gap, knobThreshold, knobDepth, knobAttack, knobRelease)
	y += knobH + gap
	c, t = place(gtx, x0, y, half, bh)
	widgets.Momentary(th, &s.talk, "TALK (hold)").Layout(c)
	t.Pop()
	s.layoutDuck(gtx, th, x0+half+gap, y, iw-half-gap, bh)
	y += bh + 2*gap

	// MONITOR
	title("MONITOR")
	c, t = place(gtx, x0, y, iw, bh)
	widgets.Selector(th, &s.source, monitorSourceLabels).Layout(c)
	t.Pop()
	y += bh + gap
	s.knobRow(gtx, th, x0, y, quarter, gap, knobLevel, knobDim, knobTrimA, knobTrimB)
	s.referenceMark(gtx, th, x0, y, quarter)
	y += knobH + gap
	for i := toggleDim; i <= togglePolarityL; i++ {
		c, t = place(gtx, x0+i*(quarter+gap), y, quarter, bh)
		s.toggleLayout(c, th, i)
		t.Pop()
	}
	y += bh + gap
	for i, idx := range [...]int{toggleSpeakerA, toggleSpeakerB} {
		c, t = place(gtx, x0+i*(third+gap), y, third, bh)
		s.toggleLayout(c, th, idx)
		t.Pop()
	}
	c, t = place(gtx, x0+2*(third+gap), y, iw-2*(third+gap), bh)
	widgets.Momentary(th, &s.talkback, "TALKBACK").Layout(c)
	t.Pop()
	y += bh + gap
	line(monitorHelp[0], dim)
	line(monitorHelp[1], dim)
}

func (s *studioUI) toggleLayout(gtx layout.Context, th *widgets.Theme, i int) {
	tg := widgets.Toggle(th, &s.toggles[i].ToggleState, s.toggles[i].label)
	if i == toggleMute || i == togglePolarityL {
		tg.Lit = th.Toggle.Mute.NRGBA()
	}
	tg.Layout(gtx)
}

// knobRow draws four knobs side by side, each cellW wide.
func (s *studioUI) knobRow(gtx layout.Context, th *widgets.Theme, x, y, cellW, gap int, idx ...int) {
	for i, k := range idx {
		c, t := place(gtx, x+i*(cellW+gap), y, cellW, th.KnobHeight(gtx.Metric))
		widgets.Knob(th, &s.knobs[k].KnobState, s.knobs[k].label, s.knobs[k].format).Layout(c)
		t.Pop()
	}
}

// referenceMark draws a tick outside the level knob's dial at the
// calibrated reference, the first knob of its row at (x, y).
func (s *studioUI) referenceMark(gtx layout.Context, th *widgets.Theme, x, y, cellW int) {
	size := gtx.Dp(th.Knob.SizeDp)
	cx, cy := float64(x)+float64(cellW)/2, float64(y)+float64(size)/2
	// The knob's dial runs clockwise from 225° over 270° (widgets/knob.go).
	level, _ := param.Lookup(mixer.ParamMonitorLevelDB)
	a := (225 - 270*level.Pos(mixer.MonitorReferenceDB)) * math.Pi / 180
	r := float64(size)/2 + float64(gtx.Dp(3))
	px, py := int(math.Round(cx+r*math.Cos(a))), int(math.Round(cy-r*math.Sin(a)))
	d := max(gtx.Dp(2), 2)
	widgets.FillRect(gtx, image.Rect(px-d, py-d, px+d, py+d), th.Toggle.Cue.NRGBA())
}

// layoutDuck shows the talkover's current gain on the music.
func (s *studioUI) layoutDuck(gtx layout.Context, th *widgets.Theme, x, y, w, h int) {
	if s.duckGainDB == nil {
		return
	}
	shown := math.Round(float64(s.duckGainDB())*10) / 10
	if shown != s.duckShown {
		s.duckShown = shown
		s.duckBuf = appendDB(append(s.duckBuf[:0], "DUCK "...), shown)
		s.duckText = string(s.duckBuf)
	}
	col := th.Palette.TextDim.NRGBA()
	if shown < 0 {
		col = th.Toggle.Cue.NRGBA()
	}
	c, t := place(gtx, x, y+gtx.Dp(4), w, h)
	lv := widgets.Live(c)
	th.Label(c, th.SmallSizeSp, col, text.End, s.duckText)
	lv.End()
	t.Pop()
}
