package alsa

import (
	"sync/atomic"
	"unsafe"

	"github.com/linuxdj/linuxdj/backend"
	"golang.org/x/sys/unix"
)

// stream is what the audio thread owns while the device is open: the
// playback PCM, an optional capture PCM, the processor and every buffer the
// period loop needs, all allocated before the loop starts.
type stream struct {
	play, capt *pcm
	linked     bool
	proc       backend.Processor

	periodFrames int
	inBuf        [][]float32 // one backend.MaxFrames buffer per input port
	outBuf       [][]float32
	in, out      [][]float32 // the views of this period, resliced in place

	pollFds [1]unix.PollFd
	timeout unix.Timespec
	left    unix.Timespec // ppoll's argument: the kernel overwrites it with the time left
	stop    *atomic.Bool
	xruns   *atomic.Uint64
	periods *atomic.Uint64
}

func newStream(play, capt *pcm, proc backend.Processor, stop *atomic.Bool, xruns, periods *atomic.Uint64) *stream {
	s := &stream{
		play: play, capt: capt, proc: proc,
		periodFrames: play.periodFrames,
		stop:         stop, xruns: xruns, periods: periods,
	}
	s.inBuf = make([][]float32, len(proc.Inputs()))
	s.in = make([][]float32, len(s.inBuf))
	for i := range s.inBuf {
		s.inBuf[i] = make([]float32, backend.MaxFrames)
	}
	s.outBuf = make([][]float32, len(proc.Outputs()))
	s.out = make([][]float32, len(s.outBuf))
	for i := range s.outBuf {
		s.outBuf[i] = make([]float32, backend.MaxFrames)
	}
	// Wake at least every two buffers' time even if the device stops
	// interrupting, so a stalled device is noticed and Stop is never held up.
	timeoutNs := 2 * int64(play.bufferFrames) * 1e9 / int64(play.rateHz)
	s.timeout = unix.NsecToTimespec(max(timeoutNs, 100e6))
	return s
}

// run is the audio thread's loop: wait for a period, read it, process it,
// write it, until Stop or until the device is lost. It returns the errno
// that ended it (0 after Stop).
//
// run is real-time safe with these system calls and no others: ppoll on
// the PCM fd; READI/WRITEI with read/write access; SYNC_PTR where the status
// and control pages cannot be mapped; and PREPARE, DROP, START, RESUME
// while recovering from an XRUN or a suspend. No allocation, no lock, no
// channel operation, no fmt or log.
func (s *stream) run() unix.Errno {
	if errno := s.restart(); errno != 0 {
		return errno
	}
	for !s.stop.Load() {
		errno := s.cycle()
		switch errno {
		case 0:
			s.periods.Add(1)
		case unix.EAGAIN, unix.EINTR:
		case unix.EPIPE, unix.ETIMEDOUT, unix.ESTRPIPE:
			if errno == unix.ESTRPIPE {
				errno = s.resume()
			} else {
				s.xruns.Add(1)
				errno = s.restart()
			}
			if errno != 0 {
				return errno
			}
		default:
			return errno
		}
	}
	return 0
}

// cycle runs one period.
//
// cycle is real-time safe with the system calls listed on run.
func (s *stream) cycle() unix.Errno {
	frames := s.periodFrames
	for i := range s.in {
		s.in[i] = s.inBuf[i][:frames]
	}
	for i := range s.out {
		s.out[i] = s.outBuf[i][:frames]
	}
	if s.capt != nil {
		if errno := s.move(s.capt, s.in, frames); errno != 0 {
			return errno
		}
	} else if errno := s.wait(s.play, frames); errno != 0 {
		return errno
	}
	if s.stop.Load() {
		return 0
	}
	s.proc.Process(s.in, s.out)
	return s.move(s.play, s.out, frames)
}

// move transfers frames between p and ports, waiting for the device as
// needed.
//
// move is real-time safe with the system calls listed on run.
func (s *stream) move(p *pcm, ports [][]float32, frames int) unix.Errno {
	done := 0
	for done < frames {
		if errno := stateErrno(p.state()); errno != 0 {
			return errno
		}
		n, errno := p.transfer(ports, done, frames-done)
		done += n
		switch errno {
		case 0:
		case unix.EAGAIN:
			if errno := s.wait(p, frames-done); errno != 0 {
				return errno
			}
		default:
			return errno
		}
		if s.stop.Load() {
			return 0
		}
	}
	return 0
}

// wait blocks in ppoll until p can move frames frames, the device reports
// an error, or the timeout passes (ETIMEDOUT: the device stopped).
//
// wait is real-time safe apart from the ppoll system call: no allocation,
// no lock.
func (s *stream) wait(p *pcm, frames int) unix.Errno {
	if p.mmap && p.avail() >= frames {
		return 0
	}
	events := int16(unix.POLLOUT)
	if p.capture {
		events = unix.POLLIN
	}
	s.pollFds[0] = unix.PollFd{Fd: int32(p.fd), Events: events}
	s.left = s.timeout
	n, _, errno := unix.Syscall6(unix.SYS_PPOLL, uintptr(unsafe.Pointer(&s.pollFds[0])), 1,
		uintptr(unsafe.Pointer(&s.left)), 0, 0, 0)
	switch {
	case errno != 0:
		return errno
	case n == 0:
		if s.stop.Load() {
			return 0
		}
		return unix.ETIMEDOUT
	}
	revents := s.pollFds[0].Revents
	if revents&unix.POLLNVAL != 0 {
		return unix.ENODEV
	}
	if revents&(unix.POLLERR|unix.POLLHUP) != 0 {
		if errno := stateErrno(p.state()); errno != 0 {
			return errno
		}
		return unix.EIO
	}
	return 0
}

// restart brings the stream from any state to running: drop what is
// queued, prepare, fill the playback buffer with silence, start. Linked
// streams are dropped, prepared and started as one group by the kernel.
//
// restart is real-time safe apart from its DROP, PREPARE, START (and, with
// read/write access, WRITEI) ioctls: no allocation, no lock.
func (s *stream) restart() unix.Errno {
	for _, p := range [2]*pcm{s.capt, s.play} {
		if p == nil {
			continue
		}
		if errno := ioctl(p.fd, ioctlDrop, nil); errno == unix.ENODEV {
			return errno
		}
		if errno := ioctl(p.fd, ioctlPrepare, nil); errno != 0 && errno != unix.EBUSY {
			return errno
		}
	}
	if errno := s.play.fillSilence(); errno != 0 {
		return errno
	}
	if s.capt != nil && !s.linked {
		if errno := ioctl(s.capt.fd, ioctlStart, nil); errno != 0 {
			return errno
		}
	}
	return ioctl(s.play.fd, ioctlStart, nil)
}

// resume brings a suspended stream back: RESUME where the driver can,
// otherwise a full restart. RESUME answers EAGAIN while the hardware is
// still waking up; the loop retries it after a short ppoll sleep.
//
// resume is real-time safe apart from its RESUME and ppoll system calls
// and those of restart: no allocation, no lock.
func (s *stream) resume() unix.Errno {
	for range 100 {
		errno := ioctl(s.play.fd, ioctlResume, nil)
		if errno != unix.EAGAIN {
			if errno == 0 && s.capt != nil && !s.linked {
				errno = ioctl(s.capt.fd, ioctlResume, nil)
			}
			if errno == 0 {
				return 0
			}
			break
		}
		if s.stop.Load() {
			return 0
		}
		s.left = s.timeout
		_, _, _ = unix.Syscall6(unix.SYS_PPOLL, 0, 0, uintptr(unsafe.Pointer(&s.left)), 0, 0, 0)
	}
	return s.restart()
}
