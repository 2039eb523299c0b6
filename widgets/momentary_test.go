package widgets_test

import (
	"testing"

	"gioui.org/io/key"
	"gioui.org/io/pointer"
	"gioui.org/layout"

	"github.com/linuxdj/linuxdj/widgets"
)

// TestMomentaryHeldWhilePressed: the button is on exactly while the
// pointer or a focused Space is down, and losing the focus lets go.
func TestMomentaryHeldWhilePressed(t *testing.T) {
	th := theme(t)
	var s widgets.MomentaryState
	changes := 0
	w := func(gtx layout.Context) {
		gtx.Constraints.Min.X = 80
		if s.Update(gtx) {
			changes++
		}
		widgets.Momentary(th, &s, "TALK").Layout(gtx)
	}
	h := newHarness(100, 40)
	h.frame(w)
	h.ptr(pointer.Press, 20, 10, 0)
	h.frame(w)
	if !s.Held || !s.Focused() {
		t.Fatalf("pressed: held %v, focused %v", s.Held, s.Focused())
	}
	h.frame(w)
	if !s.Held {
		t.Fatal("let go without a release")
	}
	h.ptr(pointer.Release, 20, 10, 0)
	h.frame(w)
	if s.Held {
		t.Fatal("still held after the release")
	}
	h.r.Queue(key.Event{Name: key.NameSpace, State: key.Press}, key.Event{Name: key.NameSpace, State: key.Press})
	h.frame(w)
	if !s.Held {
		t.Fatal("Space (repeating) does not hold it")
	}
	h.r.Queue(key.Event{Name: key.NameSpace, State: key.Release})
	h.frame(w)
	if s.Held {
		t.Fatal("still held after Space was released")
	}
	h.r.Queue(key.Event{Name: key.NameReturn, State: key.Press})
	h.frame(w)
	if !s.Held {
		t.Fatal("Enter does not hold it")
	}
	h.r.Source().Execute(key.FocusCmd{})
	h.frame(w)
	if s.Held || s.Focused() {
		t.Fatalf("after the focus left: held %v, focused %v", s.Held, s.Focused())
	}
	if changes != 6 {
		t.Errorf("%d changes reported, want 6 (three holds)", changes)
	}
}
