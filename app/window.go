//go:build cgo

package app

import (
	"image"
	"math"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	gioapp "gioui.org/app"
	"gioui.org/io/system"
	"gioui.org/op"
	"gioui.org/unit"

	"github.com/linuxdj/linuxdj/assets"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/widgets"
)

// runWindow opens the mixer window and returns when it is closed, by the
// user or by SIGTERM/SIGINT. Gio's event loop needs no app.Main on Linux,
// so it runs on the caller's goroutine.
func runWindow(c windowConfig) error {
	th, err := widgets.ParseTheme(assets.ThemeJSON)
	if err != nil {
		return err
	}
	ui := NewUI(th, c.cfg, c.controls, c.cmds)
	ui.SetMIDI(c.mapper, c.saveMappings)
	ui.SetScenes(c.scenes)
	ui.SetRack(c.rack)
	ui.SetStudio(c.rec, c.duckGainDB)

	w := new(gioapp.Window)
	sizeDp := c.sizeDp
	if sizeDp.X <= 0 || sizeDp.Y <= 0 {
		sizeDp = image.Pt(1280, 720)
	}
	w.Option(gioapp.Title("Linux DJ"), gioapp.Size(unit.Dp(sizeDp.X), unit.Dp(sizeDp.Y)), gioapp.MinSize(unit.Dp(480), unit.Dp(360)))

	// A signal asks the window to close from inside its own loop, where
	// Perform is safe, so shutdown takes the same path as the close button.
	var closing atomic.Bool
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; ok {
			closing.Store(true)
			w.Invalidate()
			// A minimised window may get no frame: then close it from here.
			time.Sleep(2 * time.Second)
			w.Perform(system.ActionClose)
		}
	}()

	pump := newMeterPump(c.meters, c.backend.Info, w.Invalidate)
	pump.remote = c.remote
	stop := make(chan struct{})
	defer close(stop)
	go pump.run(stop)
	ui.attachPorts(c.backend, w.Invalidate, stop)
	ui.showConnectHint(c.connectHintDismissed, c.dismissConnectHint)

	var (
		ops   op.Ops
		frame mixer.MeterFrame
		cmd   mixer.Command
	)
	redraw := time.AfterFunc(time.Hour, w.Invalidate)
	defer redraw.Stop()
	// closed is set once the window has been told it is closing. Gio then
	// delivers an invalid ViewEvent and a DestroyEvent, but it has already
	// let go of its window when the ViewEvent comes, and asking it for
	// another event then creates a new window (Gio v0.10.3): so the loop
	// ends at that ViewEvent. A window closed this way reports no error.
	closed := false
	rendererKnown := false
	for {
		switch e := w.Event().(type) {
		case gioapp.DestroyEvent:
			return e.Err
		case *gioapp.ClosingEvent:
			closed = true
		case gioapp.ViewEvent:
			if closed && !e.Valid() {
				return nil
			}
		case gioapp.FrameEvent:
			if closing.Load() {
				w.Perform(system.ActionClose)
			}
			for pump.out.TryPopInto(&frame) {
				ui.SetMeters(&frame)
			}
			for {
				info, ok := pump.infos.TryPop()
				if !ok {
					break
				}
				ui.SetInfo(info)
			}
			for _, r := range c.remote {
				for r.TryPopInto(&cmd) {
					ui.Apply(cmd)
					if c.remoteApplied != nil {
						c.remoteApplied(cmd)
					}
				}
			}
			if dp := sizeInDp(e.Size, e.Metric.PxPerDp); dp != sizeDp && c.resized != nil {
				sizeDp = dp
				c.resized(dp.X, dp.Y)
			}
			start := time.Now()
			gtx := gioapp.NewContext(&ops, e)
			ui.Layout(gtx)
			e.Frame(gtx.Ops)
			pump.frameDrawn(start, time.Since(start))
			if !rendererKnown {
				if r := w.Renderer(); r != "" {
					rendererKnown = true
					if s := softwareRenderer(r); s != "" {
						pump.setFixedGap(softwareFrameGap)
						ui.SetSoftwareRenderer(s)
					}
				}
			}
			if c.observe != nil {
				c.observe(ui.model, ui.names)
			}
			if at, ok := ui.NextFrame(); ok {
				redraw.Reset(max(time.Until(at), frameInterval, pump.frameGap()-time.Since(start)))
			}
		}
	}
}

// sizeInDp converts a window size in pixels to dp, the unit it is saved in.
func sizeInDp(px image.Point, pxPerDp float32) image.Point {
	if pxPerDp <= 0 {
		pxPerDp = 1
	}
	return image.Pt(int(math.Round(float64(px.X)/float64(pxPerDp))), int(math.Round(float64(px.Y)/float64(pxPerDp))))
}
