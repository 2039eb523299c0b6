// SPDX-License-Identifier: Unlicense OR MIT

//go:build ((linux && !android) || freebsd || openbsd) && !nox11

package app

// The X11 loop's wait in Go's network poller (a Linux DJ patch; see its
// third_party/README.md).
//
// The loop waited in poll(2) between frames. A goroutine in a blocking
// system call keeps its P; after 10 ms Go's sysmon takes the P back and
// then polls every 20 µs for a while, so a window drawing 30 frames a
// second kept sysmon waking about two thousand times a second (counted
// with perf in Linux DJ while music plays). A wait in the network poller
// parks the goroutine and frees its P instead.

import (
	"os"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// x11Park waits until the X connection or the notify pipe has something
// to read. A goroutine waits for the connection, on a duplicate of its
// descriptor so that Xlib keeps its own, and then writes to the pipe; the
// loop waits for the pipe.
type x11Park struct {
	notify, x *os.File // duplicates, registered with the network poller
	notifyRaw syscall.RawConn
	writeFd   int // a duplicate of the pipe's write end, the watcher's
	xReady    atomic.Bool
	armed     bool // the watcher waits for the connection
	rearm     chan struct{}
	done      chan struct{} // closed when the watcher has returned
}

// newX11Park returns nil, and the loop keeps its poll(2), unless both
// descriptors are non-blocking (libxcb makes its connection so), which
// the network poller needs.
func newX11Park(xfd, notifyRead, notifyWrite int) *x11Park {
	if !nonBlocking(xfd) || !nonBlocking(notifyRead) {
		return nil
	}
	dx, err := unix.Dup(xfd)
	if err != nil {
		return nil
	}
	dn, err := unix.Dup(notifyRead)
	if err != nil {
		unix.Close(dx)
		return nil
	}
	dw, err := unix.Dup(notifyWrite)
	if err != nil {
		unix.Close(dx)
		unix.Close(dn)
		return nil
	}
	p := &x11Park{
		notify:  os.NewFile(uintptr(dn), "x11-notify"),
		x:       os.NewFile(uintptr(dx), "x11-connection"),
		writeFd: dw,
		rearm:   make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	xRaw, errX := p.x.SyscallConn()
	p.notifyRaw, err = p.notify.SyscallConn()
	if errX != nil || err != nil {
		close(p.done)
		p.close()
		return nil
	}
	go p.watch(xRaw)
	return p
}

func nonBlocking(fd int) bool {
	fl, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	return err == nil && fl&unix.O_NONBLOCK != 0
}

// readable reports whether fd has something to read now.
func readable(fd uintptr) bool {
	pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	n, err := unix.Poll(pfd, 0)
	return err == nil && n > 0
}

// watch waits, each time it is armed, until the connection is readable,
// and then wakes the loop through the pipe.
func (p *x11Park) watch(x syscall.RawConn) {
	defer close(p.done)
	for range p.rearm {
		if err := x.Read(readable); err != nil {
			return // closed
		}
		p.xReady.Store(true)
		if _, err := unix.Write(p.writeFd, x11OneByte); err != nil && err != unix.EAGAIN {
			return
		}
	}
}

// wait parks the loop until the pipe is readable and reports whether the
// X connection woke it. The loop has read the connection before it
// waits, so the watcher is armed again first.
func (p *x11Park) wait() bool {
	if !p.armed {
		p.armed = true
		p.rearm <- struct{}{}
	}
	_ = p.notifyRaw.Read(readable)
	if p.xReady.Swap(false) {
		p.armed = false
		return true
	}
	return false
}

// close ends the watcher and closes the duplicates; the window closes
// its own descriptors.
func (p *x11Park) close() {
	close(p.rearm)
	p.x.Close()
	<-p.done
	unix.Close(p.writeFd)
	p.notify.Close()
}
