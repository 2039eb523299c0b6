package app

import (
	"fmt"
	"io"
	"maps"
	"sync"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/plugin/lv2"
	"github.com/linuxdj/linuxdj/state"
)

// reapInterval is how often the rack frees the plugins the engine handed
// back (mixer.Engine.Retired).
const reapInterval = 20 * time.Millisecond

// slotKey names an insert slot as the state file does: channel counted
// from 1, 0 for master; slot from 1.
type slotKey struct{ channel, slot int }

// rackSlot is what one insert slot holds on the app side.
type rackSlot struct {
	entry state.Insert // as loaded: a placeholder writes it back unchanged
	ins   *lv2.Insert  // nil for a placeholder
	// missing says why a placeholder has no plugin ("not installed").
	missing string
}

// rack owns the plugins in the insert slots, off the audio thread: it
// makes them from the state's entries (restoring their LV2 State and
// controls), hands them to the engine, frees the ones the engine hands
// back, and keeps a placeholder for a plugin that cannot be loaded, so
// its settings survive to the next save. The world of installed plugins
// is loaded the first time an entry needs it.
type rack struct {
	eng    *mixer.Engine
	stereo []bool // per channel
	rateHz float64
	frames int
	stderr io.Writer

	mu       sync.Mutex
	world    *lv2.World
	worldErr error
	slots    map[slotKey]*rackSlot

	stop chan struct{}
	done chan struct{}
}

func newRack(eng *mixer.Engine, cfg mixer.Config, rateHz, frames int, stderr io.Writer) *rack {
	r := &rack{
		eng: eng, rateHz: float64(rateHz), frames: min(max(frames, 1), lv2.MaxFrames), stderr: stderr,
		slots: map[slotKey]*rackSlot{}, stop: make(chan struct{}), done: make(chan struct{}),
	}
	for _, c := range cfg.Channels {
		r.stereo = append(r.stereo, c.Stereo)
	}
	go r.reap()
	return r
}

// reap frees what the engine hands back until close.
func (r *rack) reap() {
	defer close(r.done)
	t := time.NewTicker(reapInterval)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
		}
		r.freeRetired()
	}
}

func (r *rack) freeRetired() {
	for {
		ins, ok := r.eng.Retired()
		if !ok {
			return
		}
		if s, ok := ins.(*lv2.Insert); ok {
			s.Close()
		}
	}
}

// loadWorld returns the world, loading it once; r.mu is held.
func (r *rack) loadWorld() (*lv2.World, error) {
	if r.world == nil && r.worldErr == nil {
		r.world, r.worldErr = lv2.NewWorld()
	}
	return r.world, r.worldErr
}

// apply makes the slots hold entries: a slot whose plugin stays the same
// gets the entry's controls and bypass; a new plugin is made, restored
// and crossfaded in; a slot with no entry is emptied. Plugins that cannot
// be made become placeholders, reported on stderr.
func (r *rack) apply(entries []state.Insert) {
	r.mu.Lock()
	defer r.mu.Unlock()
	want := map[slotKey]state.Insert{}
	for _, e := range entries {
		want[slotKey{e.Channel, e.Slot}] = e
	}
	for key := range r.slots {
		if _, ok := want[key]; !ok {
			r.hand(key, nil)
			delete(r.slots, key)
		}
	}
	for key, e := range want {
		if key.channel < 0 || key.channel > len(r.stereo) {
			continue
		}
		if s := r.slots[key]; s != nil && s.ins != nil && s.entry.URI == e.URI {
			for sym, v := range e.Controls {
				s.ins.Set(sym, v)
			}
			s.entry = e
			r.eng.SetInsertBypass(e.Strip(), e.Slot-1, e.Bypass)
			continue
		}
		s := &rackSlot{entry: e}
		ins, err := r.make(e)
		if err != nil {
			s.missing = err.Error()
			fmt.Fprintf(r.stderr, "linuxdj: insert %v: %v; its settings are kept\n", e, err)
		}
		s.ins = ins
		r.slots[key] = s
		r.eng.SetInsertBypass(e.Strip(), e.Slot-1, e.Bypass)
		if ins == nil {
			r.hand(key, nil)
			continue
		}
		r.hand(key, ins)
	}
}

// hand gives the engine a slot's new insert (nil to empty it).
func (r *rack) hand(key slotKey, ins *lv2.Insert) {
	var mi mixer.Insert
	if ins != nil {
		mi = ins
	}
	strip := key.channel - 1
	if key.channel == 0 {
		strip = mixer.MasterInserts
	}
	unused, err := r.eng.SetInsert(strip, key.slot-1, mi)
	if err != nil {
		fmt.Fprintf(r.stderr, "linuxdj: insert: %v\n", err)
		return
	}
	if s, ok := unused.(*lv2.Insert); ok {
		s.Close()
	}
}

// make builds the plugin of e for its strip, with its State and controls.
func (r *rack) make(e state.Insert) (*lv2.Insert, error) {
	w, err := r.loadWorld()
	if err != nil {
		return nil, err
	}
	if _, ok := w.Plugin(e.URI); !ok {
		return nil, fmt.Errorf("%s is not installed", e.URI)
	}
	stereo := true
	if e.Channel > 0 {
		stereo = r.stereo[e.Channel-1]
	}
	ins, err := lv2.NewInsert(w, e.URI, r.rateHz, r.frames, stereo)
	if err != nil {
		return nil, err
	}
	if e.State != "" {
		ttl, err := e.LV2State()
		if err == nil {
			err = ins.RestoreState(ttl)
		}
		if err != nil {
			fmt.Fprintf(r.stderr, "linuxdj: insert %v: %v; controls only\n", e, err)
		}
	}
	for sym, v := range e.Controls {
		ins.Set(sym, v)
	}
	return ins, nil
}

// capture writes the slots into m.Inserts: a loaded plugin's controls as
// they are set and its LV2 State; a placeholder's entry as it was loaded.
func (r *rack) capture(m *state.Mixer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m.Inserts = m.Inserts[:0]
	for _, s := range r.slots {
		e := s.entry
		if s.ins != nil {
			e.Controls = maps.Clone(e.Controls)
			if e.Controls == nil {
				e.Controls = map[string]float32{}
			}
			for _, p := range s.ins.Controls() {
				e.Controls[p.Symbol], _ = s.ins.Control(p.Symbol)
			}
			if s.ins.HasState() {
				if ttl, err := s.ins.SaveState(); err == nil {
					e.SetLV2State(ttl)
				}
			}
		}
		m.Inserts = append(m.Inserts, e)
	}
	sortInserts(m.Inserts)
}

// sortInserts orders entries by channel (master last) and slot, so the
// file reads in signal order.
func sortInserts(ins []state.Insert) {
	rank := func(e state.Insert) int {
		c := e.Channel
		if c == 0 {
			c = mixer.MaxChannels + 1
		}
		return c*mixer.InsertSlots + e.Slot
	}
	for i := 1; i < len(ins); i++ {
		for j := i; j > 0 && rank(ins[j]) < rank(ins[j-1]); j-- {
			ins[j], ins[j-1] = ins[j-1], ins[j]
		}
	}
}

// placeholder reports whether a slot holds settings of a plugin that
// could not be loaded, and why.
func (r *rack) placeholder(channel, slot int) (uri, why string, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.slots[slotKey{channel, slot}]
	if s == nil || s.ins != nil {
		return "", "", false
	}
	return s.entry.URI, s.missing, true
}

// close frees every plugin. The audio thread must have stopped: the
// engine's slots are not emptied first.
func (r *rack) close() {
	close(r.stop)
	<-r.done
	r.freeRetired()
	r.mu.Lock()
	defer r.mu.Unlock()
	for key, s := range r.slots {
		if s.ins != nil {
			s.ins.Close()
		}
		delete(r.slots, key)
	}
	if r.world != nil {
		r.world.Close()
		r.world = nil
	}
}
