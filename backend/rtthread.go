package backend

import (
	"fmt"
	"runtime"

	"golang.org/x/sys/unix"
)

// LockRealtimeThread pins the calling goroutine to its OS thread and asks
// the kernel to schedule that thread SCHED_FIFO at priority (1..99). The
// thread stays locked even when the priority is refused (no rtprio limit,
// no CAP_SYS_NICE), so a backend can report the error once and carry on at
// normal priority. Call it first thing in the audio goroutine, never on the
// audio path itself.
func LockRealtimeThread(priority int) error {
	runtime.LockOSThread()
	attr := unix.SchedAttr{
		Size:     unix.SizeofSchedAttr,
		Policy:   unix.SCHED_FIFO,
		Priority: uint32(priority),
	}
	if err := unix.SchedSetAttr(0, &attr, 0); err != nil {
		return fmt.Errorf("sched_setattr(SCHED_FIFO, %d): %w", priority, err)
	}
	return nil
}
