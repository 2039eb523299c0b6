// Package widgets holds the Gio controls of the Linux DJ window: knob,
// fader, crossfader, toggle and selector buttons, and the level meter.
//
// Each control is split the way Gio's own widgets are: a state type that
// lives across frames (KnobState, FaderState, CrossfaderState, ToggleState,
// SelectorState, MeterState) and a style value built every frame that
// draws it (Knob(th, &state, …) KnobStyle, with Layout(gtx)). Layout first
// drains the control's input; the application then compares the state
// with its model and sends the engine a command when it moved. Widgets
// know nothing of the engine: a position is 0..1, and the application
// supplies the law (FormatFunc, FaderScale, Scale) that turns it into dB,
// Hz or %.
//
// Gestures, the same on every continuous control (ValueState):
//   - drag along the control (up or right increases; Shift: ten times finer),
//   - mouse wheel: one Step per notch (Shift: finer),
//   - double-click or Home: back to the default,
//   - arrows: one Step; Page Up / Page Down: one PageStep,
//   - Ctrl-click on a fader: −∞, and again: 0 dB,
//   - bipolar controls (pan, EQ, filter, crossfader) have a centre detent.
//
// Every control takes keyboard focus (Tab / Shift+Tab move it, a click
// gives it); a focused control shows a ring in Palette.Focus, and toggles
// react to Space and Enter.
//
// A secondary click, or Shift+F10 on the focused control, asks for the
// control's context menu (ContextState.ContextRequested) without moving
// it; the application draws the menu. A control also wears the Badge the
// application gives it: a corner mark for a MIDI mapping, or for MIDI
// learn in progress.
//
// Meters draw the engine's readings as they are (MeterState.Feed,
// ModeMeterState.Feed): the ballistics of every meter, the default IEC
// 60268-18 peak meter included, are the engine's, run per sample, so a bar
// is the standard's and moves only with a new reading; a silent mixer
// never redraws. Only the clip lamp latches on the display side, until it
// is clicked. The dB to height mapping is a plain function (Scale.Height),
// so other meter scales plug in; IECScale is the default digital peak
// scale.
//
// Drawing allocates nothing once warmed up: readouts are formatted only
// when their value changes. In a window, widgets draw through a Painter
// (painter.go): labels and shapes come from a texture atlas rendered on
// the CPU (atlas.go), and everything that is not marked Live (a meter's
// level, a running readout) is composited on the CPU into a backdrop
// image (backdrop.go), repainted only where it changed; the GPU draws the
// backdrop and the live items, grouped by colour in as few state changes
// as the picture allows.
//
// Theme is the one style object: fonts, text sizes and colours nested per
// widget, read from JSON (assets/theme.json) by ParseTheme.
package widgets
