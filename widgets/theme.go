package widgets

import (
	"encoding/json"
	"fmt"
	"image/color"
	"strconv"

	"gioui.org/font"
	"gioui.org/font/gofont"
	"gioui.org/text"
	"gioui.org/unit"
)

// Color is a colour that reads from JSON as "#rrggbb" or "#rrggbbaa".
type Color color.NRGBA

// UnmarshalJSON parses "#rrggbb" or "#rrggbbaa".
func (c *Color) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return fmt.Errorf("widgets: colour %q: want #rrggbb or #rrggbbaa", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return fmt.Errorf("widgets: colour %q: %w", s, err)
	}
	if len(s) == 7 {
		v = v<<8 | 0xff
	}
	*c = Color{R: uint8(v >> 24), G: uint8(v >> 16), B: uint8(v >> 8), A: uint8(v)}
	return nil
}

// NRGBA is c as Gio's colour type.
func (c Color) NRGBA() color.NRGBA { return color.NRGBA(c) }

// Palette holds the colours every widget shares.
type Palette struct {
	Bg        Color `json:"bg"`
	Panel     Color `json:"panel"`
	PanelEdge Color `json:"panelEdge"`
	Text      Color `json:"text"`
	TextDim   Color `json:"textDim"`
	Focus     Color `json:"focus"`
}

// KnobTheme is how knobs look.
type KnobTheme struct {
	SizeDp  unit.Dp `json:"sizeDp"`
	Body    Color   `json:"body"`
	Track   Color   `json:"track"`
	Arc     Color   `json:"arc"`
	Pointer Color   `json:"pointer"`
}

// FaderTheme is how faders and the crossfader look.
type FaderTheme struct {
	WidthDp unit.Dp `json:"widthDp"`
	Slot    Color   `json:"slot"`
	Cap     Color   `json:"cap"`
	CapLine Color   `json:"capLine"`
	Tick    Color   `json:"tick"`
}

// ToggleTheme is how toggle buttons look; each kind of toggle has its own
// lit colour so a DJ tells mute from cue at a glance.
type ToggleTheme struct {
	Off    Color `json:"off"`
	Text   Color `json:"text"`
	TextOn Color `json:"textOn"`
	On     Color `json:"on"`
	Mute   Color `json:"mute"`
	Cue    Color `json:"cue"`
	Kill   Color `json:"kill"`
}

// MeterTheme is how level meters look. Low, Mid and High colour the zones
// below Scale.WarnDB, up to Scale.HotDB, and above it.
type MeterTheme struct {
	WidthDp      unit.Dp `json:"widthDp"`
	Back         Color   `json:"back"`
	Low          Color   `json:"low"`
	Mid          Color   `json:"mid"`
	High         Color   `json:"high"`
	Hold         Color   `json:"hold"`
	ClipOff      Color   `json:"clipOff"`
	PeakAlphaPct uint8   `json:"peakAlphaPct"`
}

// Theme is the one style object of the GUI: shaper, font, sizes and
// colours, nested per widget.
type Theme struct {
	Shaper      *text.Shaper `json:"-"`
	Face        font.Font    `json:"-"`
	TextSizeSp  unit.Sp      `json:"textSizeSp"`
	SmallSizeSp unit.Sp      `json:"smallSizeSp"`
	Palette     Palette      `json:"palette"`
	Knob        KnobTheme    `json:"knob"`
	Fader       FaderTheme   `json:"fader"`
	Toggle      ToggleTheme  `json:"toggle"`
	Meter       MeterTheme   `json:"meter"`
}

// ParseTheme reads a theme from JSON (see assets/theme.json) and gives it
// the embedded Go fonts, so rendering never depends on the system's fonts.
func ParseTheme(data []byte) (*Theme, error) {
	th := new(Theme)
	if err := json.Unmarshal(data, th); err != nil {
		return nil, fmt.Errorf("widgets: theme: %w", err)
	}
	if th.TextSizeSp <= 0 || th.SmallSizeSp <= 0 || th.Knob.SizeDp <= 0 || th.Fader.WidthDp <= 0 || th.Meter.WidthDp <= 0 {
		return nil, fmt.Errorf("widgets: theme: text sizes and widget sizes must be positive")
	}
	th.Shaper = text.NewShaper(text.NoSystemFonts(), text.WithCollection(gofont.Collection()))
	return th, nil
}
