package alsa

import (
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

// transfer moves up to frames frames between the device and the ports,
// starting at frame offset of the ports, and returns how many it moved.
// With mmap access it converts straight from or into the mapped ring
// buffer and moves the application pointer in the mapped control page, so
// it makes no system call; with read/write access it converts through one
// period of bytes and makes one READI or WRITEI ioctl. It returns
// unix.EAGAIN when nothing can move yet.
//
// transfer is real-time safe apart from that ioctl: no allocation, no lock.
func (p *pcm) transfer(ports [][]float32, offset, frames int) (int, unix.Errno) {
	if p.mmap {
		n := min(p.avail(), frames)
		done := 0
		for done < n {
			at := int(atomic.LoadUint64(&p.control.applPtr) % uint64(p.bufferFrames))
			chunk := min(n-done, p.bufferFrames-at)
			ring := p.data[at*p.frameBytes : (at+chunk)*p.frameBytes]
			if p.capture {
				decode(p.format, p.channels, ring, ports, offset+done, chunk)
			} else {
				encode(p.format, p.channels, ports, offset+done, chunk, ring)
			}
			if errno := p.advance(chunk); errno != 0 {
				return done, errno
			}
			done += chunk
		}
		if n == 0 {
			return 0, unix.EAGAIN
		}
		return n, 0
	}
	frames = min(frames, p.periodFrames)
	req := ioctlReadI
	if !p.capture {
		req = ioctlWriteI
		encode(p.format, p.channels, ports, offset, frames, p.rwBuf)
	}
	p.xfer = xferi{buf: uintptr(unsafe.Pointer(&p.rwBuf[0])), frames: uint64(frames)}
	if errno := ioctl(p.fd, req, unsafe.Pointer(&p.xfer)); errno != 0 {
		return 0, errno
	}
	n := int(p.xfer.result)
	if p.capture {
		decode(p.format, p.channels, p.rwBuf, ports, offset, n)
	}
	return n, 0
}

// fillSilence fills the whole playback buffer with silence, so a stream
// that starts (or restarts after an XRUN) has one buffer of headroom.
//
// fillSilence is real-time safe: no allocation, no lock; one WRITEI ioctl
// with read/write access, none with mmap.
func (p *pcm) fillSilence() unix.Errno {
	if p.mmap {
		clear(p.data)
		return p.advance(p.avail())
	}
	p.xfer = xferi{buf: uintptr(unsafe.Pointer(&p.silence[0])), frames: uint64(p.bufferFrames)}
	return ioctl(p.fd, ioctlWriteI, unsafe.Pointer(&p.xfer))
}

// stateErrno names what a stream state that stops transfers means, as the
// errno a transfer ioctl would have returned.
//
// stateErrno is real-time safe: no allocation, no lock, no system call.
func stateErrno(state int32) unix.Errno {
	switch state {
	case stateXRun:
		return unix.EPIPE
	case stateSuspended:
		return unix.ESTRPIPE
	case stateDisconnected:
		return unix.ENODEV
	case stateOpen, stateSetup:
		return unix.EBADFD
	}
	return 0
}
