package app

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"sync"
	"sync/atomic"
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
	eng     *mixer.Engine
	plugins *pluginSlots // what MIDI and OSC reach
	stereo  []bool       // per channel
	rateHz  float64
	frames  int
	stderr  io.Writer
	// changed, when set, is told (on the rack's goroutine, or the one
	// that changed a slot) that what a save captures has changed: a
	// slot, or a control moved by the window, MIDI or OSC.
	changed func()
	// streamRate, when set, is the rate the stream runs at now (0 while
	// it does not say): when it changes, the plugins are made again for
	// it, each from its captured settings.
	streamRate func() int
	// gen counts the changes of what the slots hold, so the window
	// knows when to read them again.
	gen atomic.Uint64

	mu       sync.Mutex
	world    *lv2.World
	worldErr error
	slots    map[slotKey]*rackSlot
	// controls is the plugins' control changes counted when last
	// looked at (lv2.Insert.Changes summed).
	controls uint64

	stop chan struct{}
	done chan struct{}
}

// newRack makes the rack of eng's slots, publishing its plugins to ps
// (nil: to none but its own), telling changed (nil: no one) of changes
// and following streamRate (nil: the rate stays rateHz).
func newRack(eng *mixer.Engine, cfg mixer.Config, ps *pluginSlots, changed func(), streamRate func() int, rateHz, frames int, stderr io.Writer) *rack {
	if ps == nil {
		ps = &pluginSlots{}
	}
	r := &rack{
		eng: eng, plugins: ps, changed: changed, streamRate: streamRate, rateHz: float64(rateHz), frames: min(max(frames, 1), lv2.MaxFrames), stderr: stderr,
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
		if r.streamRate != nil {
			r.rerate(r.streamRate())
		}
		if r.controlsMoved() && r.changed != nil {
			r.changed()
		}
	}
}

// rerate makes every loaded plugin again for rateHz, from its settings
// as a save captures them (controls and LV2 State), when the stream's
// rate has changed: a plugin is instantiated for one rate, and its
// filters and times would be wrong at another. Placeholders keep their
// entries. The engine crossfades each slot to its new instance.
func (r *rack) rerate(rateHz int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if rateHz <= 0 || float64(rateHz) == r.rateHz {
		return
	}
	r.rateHz = float64(rateHz)
	var entries []state.Insert
	for _, s := range r.slots {
		if s.ins != nil {
			entries = append(entries, r.captured(s))
		}
	}
	for _, e := range entries {
		if err := r.place(e); err != nil {
			fmt.Fprintf(r.stderr, "linuxdj: insert %v at %d Hz: %v; its settings are kept\n", e, rateHz, err)
		}
	}
	r.settled()
}

// controlsMoved reports whether any plugin's control changed since it was
// last asked.
func (r *rack) controlsMoved() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.countControls()
	moved := n != r.controls
	r.controls = n
	return moved
}

// countControls sums the loaded plugins' control changes; r.mu is held.
func (r *rack) countControls() uint64 {
	var n uint64
	for _, s := range r.slots {
		if s.ins != nil {
			n += s.ins.Changes()
		}
	}
	return n
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
	defer r.settled()
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
		if err := r.place(e); err != nil {
			fmt.Fprintf(r.stderr, "linuxdj: insert %v: %v; its settings are kept\n", e, err)
		}
	}
}

// settled ends a change of the slots made for a reason other than a
// control moving (a load, a scene): the window reads the slots again,
// and the controls set in passing do not count as moved. r.mu is held.
func (r *rack) settled() {
	r.controls = r.countControls()
	r.gen.Add(1)
}

// hand gives the engine a slot's new insert (nil to empty it), after
// MIDI and OSC see it.
func (r *rack) hand(key slotKey, ins *lv2.Insert) {
	var (
		mi mixer.Insert
		lp *loadedPlugin
	)
	if ins != nil {
		mi, lp = ins, newLoadedPlugin(ins, r.rateHz)
	}
	r.plugins.publish(key.channel, key.slot, lp)
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
		m.Inserts = append(m.Inserts, r.captured(s))
	}
	sortInserts(m.Inserts)
}

// captured is a slot's entry as a save writes it: a loaded plugin's
// controls as they are set and its LV2 State; a placeholder's entry as it
// was loaded. r.mu is held.
func (r *rack) captured(s *rackSlot) state.Insert {
	e := s.entry
	e.Controls = maps.Clone(e.Controls)
	if s.ins == nil {
		return e
	}
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
	return e
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
		r.plugins.publish(key.channel, key.slot, nil)
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

// The window's side of the rack: what a slot holds, and the changes the
// plugin browser and a strip's insert list make. Each runs on the
// window's goroutine; making a plugin (lilv's instantiate) happens there
// too, once per user action.

// slotView is what the window shows of one insert slot.
type slotView struct {
	uri, name string
	bypass    bool
	missing   string        // a placeholder's reason; "" for a loaded plugin
	plugin    *loadedPlugin // nil for an empty slot or a placeholder
}

// empty reports whether the slot holds nothing at all.
func (v slotView) empty() bool { return v.uri == "" }

// view returns what a slot holds.
func (r *rack) view(channel, slot int) slotView {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.slots[slotKey{channel, slot}]
	if s == nil {
		return slotView{}
	}
	v := slotView{uri: s.entry.URI, name: s.entry.URI, bypass: s.entry.Bypass, missing: s.missing}
	if s.ins != nil {
		v.name = s.ins.Plugin().Name
		if i := pluginSlotIndex(channel, slot); i >= 0 {
			v.plugin = r.plugins.slots[i].Load()
		}
	}
	return v
}

// catalogue lists the installed plugins, loading the world the first time.
func (r *rack) catalogue() ([]lv2.Plugin, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	w, err := r.loadWorld()
	if err != nil {
		return nil, err
	}
	return w.Plugins(), nil
}

// add puts a new uri plugin, at its defaults, into a slot (replacing what
// is there; the engine crossfades).
func (r *rack) add(channel, slot int, uri string) error {
	return r.edit(func() error {
		return r.place(state.Insert{Channel: channel, Slot: slot, URI: uri})
	})
}

// remove empties a slot.
func (r *rack) remove(channel, slot int) {
	r.edit(func() error {
		key := slotKey{channel, slot}
		if _, ok := r.slots[key]; ok {
			r.hand(key, nil)
			delete(r.slots, key)
		}
		return nil
	})
}

// setBypass switches a slot's bypass.
func (r *rack) setBypass(channel, slot int, on bool) {
	r.edit(func() error {
		s := r.slots[slotKey{channel, slot}]
		if s == nil {
			return nil
		}
		s.entry.Bypass = on
		strip := channel - 1
		if channel == 0 {
			strip = mixer.MasterInserts
		}
		return r.eng.SetInsertBypass(strip, slot-1, on)
	})
}

// move swaps a slot's plugin with the one in slot to (which may be
// empty). Each is made anew in its new slot from its captured settings
// (controls and State), as a plugin loaded from the state file is: one
// instance never runs in two slots, and the engine crossfades both.
func (r *rack) move(channel, from, to int) error {
	if to < 1 || to > mixer.InsertSlots || to == from {
		return nil
	}
	return r.edit(func() error {
		a, b := r.entryOf(channel, from), r.entryOf(channel, to)
		var errs []error
		for _, m := range []struct {
			e    *state.Insert
			slot int
		}{{a, to}, {b, from}} {
			if m.e == nil {
				key := slotKey{channel, m.slot}
				if _, ok := r.slots[key]; ok {
					r.hand(key, nil)
					delete(r.slots, key)
				}
				continue
			}
			m.e.Slot = m.slot
			if err := r.place(*m.e); err != nil {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	})
}

// edit runs change under r.mu as one change of the slots, then tells the
// store.
func (r *rack) edit(change func() error) error {
	r.mu.Lock()
	err := change()
	r.settled()
	r.mu.Unlock()
	if r.changed != nil {
		r.changed()
	}
	return err
}

// entryOf is a slot's entry with its settings as they are now (a
// loaded plugin's controls and State), or nil for an empty slot; r.mu is
// held.
func (r *rack) entryOf(channel, slot int) *state.Insert {
	s := r.slots[slotKey{channel, slot}]
	if s == nil {
		return nil
	}
	e := r.captured(s)
	return &e
}

// place makes e's plugin and puts it into e's slot; a plugin that cannot
// be made leaves a placeholder there, as at load. r.mu is held.
func (r *rack) place(e state.Insert) error {
	key := slotKey{e.Channel, e.Slot}
	if key.channel < 0 || key.channel > len(r.stereo) || pluginSlotIndex(key.channel, key.slot) < 0 {
		return fmt.Errorf("insert %v: no such slot", e)
	}
	s := &rackSlot{entry: e}
	ins, err := r.make(e)
	if err != nil {
		s.missing = err.Error()
	}
	s.ins = ins
	r.slots[key] = s
	r.eng.SetInsertBypass(e.Strip(), e.Slot-1, e.Bypass)
	r.hand(key, ins)
	return err
}

// status is what the engine says of a slot: its plugin's output was not
// finite (the slot is muted), and the latency it adds.
func (r *rack) status(channel, slot int) (faulted bool, latencyFrames int) {
	strip := channel - 1
	if channel == 0 {
		strip = mixer.MasterInserts
	}
	return r.eng.InsertStatus(strip, slot-1)
}

// latency is the frames a strip's (0: master's) inserts add.
func (r *rack) latency(channel int) int {
	strip := channel - 1
	if channel == 0 {
		strip = mixer.MasterInserts
	}
	return r.eng.InsertLatencyFrames(strip)
}
