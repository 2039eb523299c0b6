package mixer

// RecordTap receives what the master sends out: the master outputs, after
// the limiter and the talkover, once per period at the end of Process.
//
// Tap runs on the audio thread and must be real-time safe: no allocation,
// lock, blocking, system call or fmt/log. It must copy what it keeps
// (typically into a lock-free sample ring): left and right belong to the
// backend and change after Tap returns. They have the same length, the
// period's frames.
type RecordTap interface {
	Tap(left, right []float32)
}

// tapHolder boxes a RecordTap so that an atomic pointer can hold it.
type tapHolder struct{ tap RecordTap }

// SetRecordTap makes t receive the master outputs from the next period on;
// nil removes the tap. It may be called from any goroutine while audio
// runs: the tap is swapped in through an atomic pointer. After it returns,
// the previous tap may still receive the period in progress.
func (e *Engine) SetRecordTap(t RecordTap) {
	if t == nil {
		e.tap.Store(nil)
		return
	}
	e.tap.Store(&tapHolder{tap: t})
}

// publishStudio publishes the talkover gain and hands the master outputs
// of the period to the record tap, if any.
//
// publishStudio is real-time safe: no allocation, no lock, no system call;
// the tap itself is real-time safe by contract.
func (e *Engine) publishStudio(g *graph, out [][]float32) {
	e.publishTalkover(g)
	if h := e.tap.Load(); h != nil {
		l := out[0]
		h.tap.Tap(l, out[1][:len(l)])
	}
}
