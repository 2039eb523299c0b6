package mixer

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/linuxdj/linuxdj/mixer/dsp"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// InsertSlots is the number of insert slots on every channel strip and on
// master.
const InsertSlots = 4

// MasterInserts names master's insert slots where a strip index is asked
// for (SetInsert, SetInsertBypass, InsertStatus).
const MasterInserts = -1

// Insert is what an insert slot runs: an LV2 plugin (plugin/lv2.Insert)
// or anything else that processes audio in place. The engine never makes,
// activates or frees one; the app side does, off the audio thread, and
// hands it over with SetInsert.
type Insert interface {
	// Process runs one block of the slot's signal in place: l, and r for
	// a stereo strip or master (nil on a mono strip), each at most
	// backend.MaxFrames long. It reports false when its output was not
	// finite. Process must be real-time safe: no allocation, lock or
	// system call in the host's own code.
	Process(l, r []float32) bool
	// LatencyFrames is the delay Process adds, as of its last run. It
	// must be real-time safe.
	LatencyFrames() int
}

// insertBox carries an Insert through an atomic pointer; a box with a nil
// Insert empties the slot.
type insertBox struct{ ins Insert }

// slotMail is how one slot talks across threads: the app side stores the
// next insert and the bypass switch, the audio thread the status.
type slotMail struct {
	next    atomic.Pointer[insertBox]
	bypass  atomic.Bool
	faulted atomic.Bool
	latency atomic.Int32
}

// insertSlot is the audio thread's part of one slot.
type insertSlot struct {
	cur     *insertBox // nil: empty
	staged  *insertBox // waits for cur to fade out
	retire  *insertBox // waits for room in the retired ring
	wet     dsp.Ramp   // 0 = dry, 1 = the insert's output
	faulted bool       // latched until a new insert comes
}

// inserts is the engine's side of all slots: mailboxes for every strip and
// master, and the ring that hands replaced inserts back.
type inserts struct {
	mail    []slotMail // (channels+1)·InsertSlots, master's last
	retired *rt.Ring[Insert]
	// latency is the frames the inserts add on the longest path (the
	// slowest strip plus master), published by the audio thread.
	latency atomic.Int64
}

func newInserts(channels int) inserts {
	return inserts{
		mail: make([]slotMail, (channels+1)*InsertSlots),
		// Room for every slot to hand back twice without the app side
		// reading; the audio thread keeps what does not fit for later.
		retired: rt.NewRing[Insert](2 * (channels + 1) * InsertSlots),
	}
}

// slotIndex checks a strip (or MasterInserts) and a slot and returns the
// mailbox index.
func (e *Engine) slotIndex(strip, slot int) (int, error) {
	channels := len(e.cfg.Channels)
	if slot < 0 || slot >= InsertSlots {
		return 0, fmt.Errorf("mixer: insert slot %d, want 0 to %d", slot, InsertSlots-1)
	}
	if strip == MasterInserts {
		strip = channels
	} else if strip < 0 || strip >= channels {
		return 0, fmt.Errorf("mixer: insert on strip %d, want 0 to %d or MasterInserts", strip, channels-1)
	}
	return strip*InsertSlots + slot, nil
}

// ErrInsertRetiring is returned by SetInsert when the slot still holds an
// insert handed over before that the audio thread has not taken yet.
var ErrInsertRetiring = errors.New("mixer: the slot's previous insert is not taken yet")

// SetInsert puts ins (nil to empty the slot) into a slot of strip (or
// MasterInserts). It returns at once: at the top of a coming period the
// audio thread fades the slot's current insert out over about 10 ms,
// swaps, and fades ins in (unless the slot is bypassed). The insert it
// replaces comes back through Retired once the audio thread no longer
// touches it; only then may it be freed. If an insert handed over before
// was not taken yet, SetInsert takes it back and returns it as unused,
// for the caller to free. Any goroutine; one at a time per slot.
func (e *Engine) SetInsert(strip, slot int, ins Insert) (unused Insert, err error) {
	i, err := e.slotIndex(strip, slot)
	if err != nil {
		return nil, err
	}
	if old := e.inserts.mail[i].next.Swap(&insertBox{ins: ins}); old != nil {
		return old.ins, nil
	}
	return nil, nil
}

// SetInsertBypass switches a slot's bypass; the slot crossfades over about
// 10 ms. A bypassed insert does not run. Any goroutine.
func (e *Engine) SetInsertBypass(strip, slot int, bypass bool) error {
	i, err := e.slotIndex(strip, slot)
	if err != nil {
		return err
	}
	e.inserts.mail[i].bypass.Store(bypass)
	return nil
}

// InsertStatus is what the audio thread last said of a slot: faulted when
// its insert's output turned NaN or infinite (the slot is then bypassed
// and stays so until a new insert is set), and the latency it adds in
// frames (0 while bypassed or empty). Real-time safe; any goroutine.
func (e *Engine) InsertStatus(strip, slot int) (faulted bool, latencyFrames int) {
	i, err := e.slotIndex(strip, slot)
	if err != nil {
		return false, 0
	}
	m := &e.inserts.mail[i]
	return m.faulted.Load(), int(m.latency.Load())
}

// InsertLatencyFrames is the delay the inserts of strip (or MasterInserts)
// add, as of the last period: the sum of its active slots' latencies.
// Real-time safe; any goroutine.
func (e *Engine) InsertLatencyFrames(strip int) int {
	sum := 0
	for k := range InsertSlots {
		_, l := e.InsertStatus(strip, k)
		sum += l
	}
	return sum
}

// Retired returns the next insert the audio thread has let go of (one
// replaced or removed with SetInsert), for the caller to free; ok is false
// when there is none. One goroutine at a time.
func (e *Engine) Retired() (ins Insert, ok bool) {
	for {
		v, ok := e.inserts.retired.TryPop()
		if !ok {
			return nil, false
		}
		if v != nil {
			return v, true
		}
	}
}

// initInserts sizes a graph's slots; it runs off the audio thread.
func (g *graph) initInserts(channels int) {
	g.slots = make([][InsertSlots]insertSlot, channels+1)
	for i := range g.slots {
		for k := range g.slots[i] {
			g.slots[i][k].wet.Init(0, g.rampFrames)
		}
	}
}

// adoptInserts takes over the slots of the graph it replaces: the inserts
// themselves and where each crossfade stands.
//
// adoptInserts is real-time safe: no allocation, no lock, no system call.
func (g *graph) adoptInserts(old *graph) {
	for i := range g.slots {
		for k := range g.slots[i] {
			s, o := &g.slots[i][k], &old.slots[i][k]
			wet := s.wet
			*s = *o
			s.wet = wet
			s.wet.Jump(o.wet.Target())
			*o = insertSlot{}
		}
	}
}

// runInserts runs the slots of strip i (len(g.slots)-1 for master) on l
// and r in place, crossfading each between its dry input and its insert's
// output.
//
// runInserts is real-time safe: no allocation, no lock, no system call.
func (g *graph) runInserts(ins *inserts, i int, l, r []float32) {
	n := len(l)
	for k := range g.slots[i] {
		s, m := &g.slots[i][k], &ins.mail[i*InsertSlots+k]
		g.stepSlot(ins, s, m)
		if s.wet.Idle(0) {
			continue
		}
		dryL := g.dryL[:n]
		copy(dryL, l)
		var dryR []float32
		if r != nil {
			dryR = g.dryR[:n]
			copy(dryR, r)
		}
		ok := s.cur.ins.Process(l, r)
		ok = finite(l) && ok
		if r != nil {
			ok = finite(r) && ok
		}
		if !ok {
			// The plugin's output never goes on: the slot passes its
			// input and stays bypassed until a new insert is set.
			copy(l, dryL)
			copy(r, dryR)
			s.faulted = true
			s.wet.Jump(0)
			m.faulted.Store(true)
			m.latency.Store(0)
			continue
		}
		m.latency.Store(int32(s.cur.ins.LatencyFrames()))
		if s.wet.Idle(1) {
			continue
		}
		// Crossfade: out = dry + w·(wet − dry). The right side runs a
		// copy of the ramp.
		if r != nil {
			w := s.wet
			crossfade(&w, r, dryR)
		}
		crossfade(&s.wet, l, dryL)
	}
}

// stepSlot takes a new insert from the mailbox, swaps it in once the old
// one has faded out, hands the old one back, and sets the crossfade's
// target.
//
// stepSlot is real-time safe: no allocation, no lock, no system call.
func (g *graph) stepSlot(ins *inserts, s *insertSlot, m *slotMail) {
	if s.retire != nil && ins.retired.TryPush(s.retire.ins) {
		s.retire = nil
	}
	if s.staged == nil && s.retire == nil {
		s.staged = m.next.Swap(nil)
	}
	if s.staged != nil && (s.cur == nil || s.wet.Idle(0)) {
		if s.cur != nil && !ins.retired.TryPush(s.cur.ins) {
			s.retire = s.cur
		}
		s.cur, s.staged = s.staged, nil
		if s.cur.ins == nil {
			s.cur = nil
		}
		s.faulted = false
		s.wet.Jump(0)
		m.faulted.Store(false)
		m.latency.Store(0)
	}
	if s.cur == nil || s.staged != nil || s.faulted || m.bypass.Load() {
		s.wet.Set(0)
	} else {
		s.wet.Set(1)
	}
	if s.wet.Idle(0) {
		m.latency.Store(0)
	}
}

// insertLatency is the frames the inserts add on the longest path: the
// slowest strip's, plus master's.
//
// insertLatency is real-time safe: no allocation, no lock, no system call.
func (g *graph) insertLatency(ins *inserts) int {
	master := len(g.slots) - 1
	sum := func(i int) int {
		s := 0
		for k := range InsertSlots {
			s += int(ins.mail[i*InsertSlots+k].latency.Load())
		}
		return s
	}
	worst := 0
	for i := range master {
		worst = max(worst, sum(i))
	}
	return worst + sum(master)
}

// crossfade sets buf = dry + w·(buf − dry), advancing w by len(buf).
//
// crossfade is real-time safe: no allocation, no lock, no system call.
func crossfade(w *dsp.Ramp, buf, dry []float32) {
	dry = dry[:len(buf)]
	for j := range buf {
		buf[j] = dry[j] + w.Next()*(buf[j]-dry[j])
	}
}

// finite reports whether every sample of buf is finite and within
// ±dsp.MaxSaneAmplitude.
//
// finite is real-time safe: no allocation, no lock, no system call.
func finite(buf []float32) bool {
	for _, x := range buf {
		if !(x <= dsp.MaxSaneAmplitude && x >= -dsp.MaxSaneAmplitude) {
			return false
		}
	}
	return true
}
