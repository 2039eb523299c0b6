package widgets

import (
	"image"
	"image/color"
	"math"

	"gioui.org/layout"
	"gioui.org/op/clip"
)

// ModeMeterState is a strip meter in a broadcast mode (IEC peak, VU, PPM,
// K-system) whose ballistics the engine runs: it shows the engine's bar
// and hold marker as reported, in the Scale's unit, and the engine's
// latched clip. Unlike MeterState it adds no ballistics of its own, so
// what is drawn is the standard's needle.
type ModeMeterState struct {
	Channels    int        // 1 or 2
	Level, Hold [2]float64 // in the scale's unit; −Inf reads empty
	Clip        bool       // latched by the engine
	clear       button
}

// Feed records a reading: bars and hold markers of the left and right
// sides in the scale's unit, and the engine's clip latch.
func (m *ModeMeterState) Feed(levelL, levelR, holdL, holdR float32, clip bool) {
	m.Level = [2]float64{float64(levelL), float64(levelR)}
	m.Hold = [2]float64{float64(holdL), float64(holdR)}
	m.Clip = clip
}

// ClipClicked drains the clip lamp's input and reports whether it was
// clicked; the application then asks the engine to clear its latch.
func (m *ModeMeterState) ClipClicked(gtx layout.Context) bool { return m.clear.clicked(gtx) > 0 }

// ModeMeterStyle draws a ModeMeterState against a Scale whose Height is the
// mode's deflection. Its geometry is MeterStyle's, so a strip keeps its
// shape when the mode changes.
type ModeMeterStyle struct {
	Theme *Theme
	State *ModeMeterState
	Scale *Scale
}

// ModeMeter returns the style that draws s on scale.
func ModeMeter(th *Theme, s *ModeMeterState, scale *Scale) ModeMeterStyle {
	return ModeMeterStyle{Theme: th, State: s, Scale: scale}
}

// Layout draws the bars and the scale, filling gtx.Constraints.Max.Y.
func (m ModeMeterStyle) Layout(gtx layout.Context) layout.Dimensions {
	th, s := m.Theme, m.State
	m.State.clear.clicked(gtx)
	n := 1
	if s.Channels == 2 {
		n = 2
	}
	ms := MeterStyle{Theme: th, ShowScale: true}
	barW, gap, scaleW := ms.width(gtx)
	barsW := n*barW + (n-1)*gap
	h := gtx.Constraints.Max.Y
	clipH := gtx.Dp(6)
	top := clipH + gtx.Dp(3)
	barH := max(h-top-gtx.Sp(th.SmallSizeSp)/2, 1)
	yOf := func(v float64) int {
		return top + int(math.Round(float64(barH)*(1-clamp01(m.Scale.Height(v)))))
	}
	area := clip.Rect(image.Rect(0, 0, barsW, clipH).Inset(-gtx.Dp(3))).Push(gtx.Ops)
	s.clear.add(gtx)
	area.Pop()
	clipCol := th.Meter.ClipOff.NRGBA()
	if s.Clip {
		clipCol = th.Meter.High.NRGBA()
	}
	lv := Live(gtx)
	fillRect(gtx, image.Rect(0, 0, barsW, clipH), clipCol)
	lv.End()
	bottom := top + barH
	warnY, hotY := yOf(m.Scale.WarnDB), yOf(m.Scale.HotDB)
	barX := func(i int) int { return i * (barW + gap) }
	for i := 0; i < n; i++ {
		fillRect(gtx, image.Rect(barX(i), top, barX(i)+barW, bottom), th.Meter.Back.NRGBA())
	}
	lv = Live(gtx)
	for z, col := range [...]color.NRGBA{th.Meter.Low.NRGBA(), th.Meter.Mid.NRGBA(), th.Meter.High.NRGBA()} {
		for i := 0; i < n; i++ {
			if r, ok := zoneRect(barX(i), barW, bottom, yOf(s.Level[i]), warnY, hotY, z); ok {
				fillRect(gtx, r, col)
			}
		}
	}
	floor := m.Scale.Height(math.Inf(-1))
	for i := 0; i < n; i++ {
		if v := s.Hold[i]; m.Scale.Height(v) > floor {
			y := yOf(v)
			fillRect(gtx, image.Rect(barX(i), y, barX(i)+barW, y+max(1, gtx.Dp(2))), th.Meter.Hold.NRGBA())
		}
	}
	lv.End()
	drawScaleMarks(gtx, th, m.Scale, top, barH, barsW, scaleW)
	return layout.Dimensions{Size: image.Pt(barsW+scaleW, h)}
}
