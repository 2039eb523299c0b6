package alsa

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"
)

// pcm is one open PCM substream, set up and mapped. Its fields are written
// while it is opened and only read afterwards; the transfer methods in
// io.go run on the audio thread.
type pcm struct {
	fd        int
	capture   bool
	path      string
	name      string // the driver's name for the device, for messages
	subdevice int
	grant

	frameBytes int
	boundary   uint64

	data        []byte // the mapped ring buffer (mmap access only)
	statusPage  []byte
	controlPage []byte
	status      *mmapStatus
	control     *mmapControl
	sync        *syncPtr // set when the status and control pages cannot be mapped

	xfer    xferi  // argument of READI/WRITEI, kept here so it never escapes per call
	rwBuf   []byte // interleaved samples of one period (read/write access)
	silence []byte // one buffer of silence, for refills after an XRUN (read/write access)
}

// devicePath turns "hw:CARD,DEV" (CARD an index or an ALSA card id such as
// Loopback) into the card index, device index and /dev/snd node.
func devicePath(name string, capture bool) (card, device int, path string, err error) {
	spec, ok := strings.CutPrefix(name, "hw:")
	if !ok {
		return 0, 0, "", fmt.Errorf("alsa: device %q: want hw:CARD,DEVICE", name)
	}
	cardSpec, devSpec, _ := strings.Cut(spec, ",")
	if devSpec == "" {
		devSpec = "0"
	}
	device, err = strconv.Atoi(devSpec)
	if err != nil || device < 0 {
		return 0, 0, "", fmt.Errorf("alsa: device %q: bad device number %q", name, devSpec)
	}
	card, err = strconv.Atoi(cardSpec)
	if err != nil {
		// /proc/asound/<id> is a symlink to card<N>.
		link, lerr := os.Readlink("/proc/asound/" + cardSpec)
		if lerr != nil {
			return 0, 0, "", fmt.Errorf("alsa: device %q: no sound card %q: %w", name, cardSpec, lerr)
		}
		card, err = strconv.Atoi(strings.TrimPrefix(link, "card"))
		if err != nil {
			return 0, 0, "", fmt.Errorf("alsa: device %q: unexpected /proc/asound/%s -> %s", name, cardSpec, link)
		}
	}
	if card < 0 {
		return 0, 0, "", fmt.Errorf("alsa: device %q: bad card number", name)
	}
	dir := 'p'
	if capture {
		dir = 'c'
	}
	return card, device, fmt.Sprintf("/dev/snd/pcmC%dD%d%c", card, device, dir), nil
}

// openDevice opens a PCM node without blocking: a PCM whose substreams are
// all taken makes a blocking open(2) wait until one is free, which would
// hang the app when another program (PipeWire, PulseAudio) holds it.
func openDevice(path string) (int, error) {
	fd, err := unix.Open(path, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	switch {
	case err == nil:
		return fd, nil
	case errors.Is(err, unix.EBUSY):
		return -1, fmt.Errorf("alsa: open %s: device busy, another program (PipeWire, PulseAudio, JACK) holds it: %w", path, err)
	case errors.Is(err, unix.ENOENT):
		return -1, fmt.Errorf("alsa: open %s: no such device: %w", path, err)
	default:
		return -1, fmt.Errorf("alsa: open %s: %w", path, err)
	}
}

// openPCM opens and sets up one direction of a device. notes lists what
// the hardware refused.
func openPCM(name string, capture bool, req request) (*pcm, []string, error) {
	_, _, path, err := devicePath(name, capture)
	if err != nil {
		return nil, nil, err
	}
	fd, err := openDevice(path)
	if err != nil {
		return nil, nil, err
	}
	p := &pcm{fd: fd, capture: capture, path: path}
	notes, err := p.setup(req)
	if err != nil {
		p.close()
		return nil, nil, err
	}
	return p, notes, nil
}

func (p *pcm) setup(req request) ([]string, error) {
	var info pcmInfo
	if err := ioctlErr(p.fd, ioctlInfo, unsafe.Pointer(&info)); err != nil {
		return nil, fmt.Errorf("alsa: %s: INFO: %w", p.path, err)
	}
	p.name = cString(info.name[:])
	p.subdevice = int(info.subdevice)

	g, notes, err := negotiate(p.fd, req)
	if err != nil {
		return nil, fmt.Errorf("alsa: %s: %w", p.path, err)
	}
	p.grant = g
	p.frameBytes = g.channels * bytesPerSample(g.format)

	sw := swParams{
		periodStep: 1,
		availMin:   uint64(g.periodFrames),
		// The audio thread starts the stream itself, after the prefill.
		startThreshold: math.MaxInt64,
		stopThreshold:  uint64(g.bufferFrames),
	}
	if err := ioctlErr(p.fd, ioctlSWParams, unsafe.Pointer(&sw)); err != nil {
		return nil, fmt.Errorf("alsa: %s: SW_PARAMS: %w", p.path, err)
	}
	p.boundary = sw.boundary
	if p.boundary == 0 {
		return nil, fmt.Errorf("alsa: %s: SW_PARAMS returned no boundary: %w", p.path, errInvalid)
	}

	if err := p.mapPointers(); err != nil {
		return nil, err
	}
	bufferBytes := g.bufferFrames * p.frameBytes
	if g.mmap {
		prot := unix.PROT_READ | unix.PROT_WRITE
		if p.capture {
			prot = unix.PROT_READ
		}
		p.data, err = unix.Mmap(p.fd, mmapOffsetData, bufferBytes, prot, unix.MAP_SHARED)
		if err != nil {
			return nil, fmt.Errorf("alsa: %s: mmap data: %w", p.path, err)
		}
	} else {
		p.rwBuf = make([]byte, g.periodFrames*p.frameBytes)
		if !p.capture {
			p.silence = make([]byte, bufferBytes)
		}
	}
	if err := ioctlErr(p.fd, ioctlPrepare, nil); err != nil {
		return nil, fmt.Errorf("alsa: %s: PREPARE: %w", p.path, err)
	}
	return notes, nil
}

// mapPointers maps the kernel's status and control pages, so the audio
// thread reads the hardware pointer and moves its own without a system
// call. Where the architecture does not allow it, SYNC_PTR does the same
// with one ioctl per access.
func (p *pcm) mapPointers() error {
	page := os.Getpagesize()
	status, err := unix.Mmap(p.fd, mmapOffsetStatus, page, unix.PROT_READ, unix.MAP_SHARED)
	if err == nil {
		control, cerr := unix.Mmap(p.fd, mmapOffsetControl, page, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
		if cerr == nil {
			p.statusPage, p.controlPage = status, control
			p.status = (*mmapStatus)(unsafe.Pointer(&status[0]))
			p.control = (*mmapControl)(unsafe.Pointer(&control[0]))
			return nil
		}
		_ = unix.Munmap(status)
	}
	p.sync = &syncPtr{}
	p.status = &p.sync.status
	p.control = &p.sync.control
	p.sync.flags = syncPtrAppl | syncPtrAvailMin
	if err := ioctlErr(p.fd, ioctlSyncPtr, unsafe.Pointer(p.sync)); err != nil {
		return fmt.Errorf("alsa: %s: SYNC_PTR: %w", p.path, err)
	}
	return nil
}

// close releases the mappings and the fd. It is safe on a half-set-up pcm.
func (p *pcm) close() {
	if p == nil || p.fd < 0 {
		return
	}
	if p.data != nil {
		_ = unix.Munmap(p.data)
	}
	if p.statusPage != nil {
		_ = unix.Munmap(p.statusPage)
		_ = unix.Munmap(p.controlPage)
	}
	p.data, p.statusPage, p.controlPage, p.status, p.control = nil, nil, nil, nil, nil
	_ = unix.Close(p.fd)
	p.fd = -1
}

// describe is the one-line summary shown to the user.
func (p *pcm) describe() string {
	access := "mmap"
	if !p.mmap {
		access = "read/write"
	}
	dir := "playback"
	if p.capture {
		dir = "capture"
	}
	return fmt.Sprintf("%s %s (%s): %s %d ch %d Hz, %d×%d frames, %s",
		dir, p.path, p.name, formatName(p.format), p.channels, p.rateHz, p.periods, p.periodFrames, access)
}

func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// syncStatus refreshes the local copy of status and control when they are
// not mapped; with mapped pages it costs nothing.
//
// syncStatus is real-time safe: no allocation or lock; one SYNC_PTR ioctl
// only on the fallback path.
func (p *pcm) syncStatus() unix.Errno {
	if p.sync == nil {
		return 0
	}
	p.sync.flags = syncPtrAppl | syncPtrAvailMin
	return ioctl(p.fd, ioctlSyncPtr, unsafe.Pointer(p.sync))
}

// state is the stream state as the kernel last published it.
//
// state is real-time safe: an atomic load of the mapped status page (one
// SYNC_PTR ioctl on the fallback path).
func (p *pcm) state() int32 {
	if p.syncStatus() != 0 {
		return stateDisconnected
	}
	return atomic.LoadInt32(&p.status.state)
}

// avail is how many frames the application may transfer now: captured
// frames waiting to be read, or free space in the playback buffer.
//
// avail is real-time safe: atomic loads of the mapped pages, no system call
// (SYNC_PTR on the fallback path).
func (p *pcm) avail() int {
	hw := atomic.LoadUint64(&p.status.hwPtr)
	appl := atomic.LoadUint64(&p.control.applPtr)
	var n int64
	if p.capture {
		n = int64(hw) - int64(appl)
	} else {
		n = int64(hw) + int64(p.bufferFrames) - int64(appl)
	}
	if n < 0 {
		n += int64(p.boundary)
	} else if uint64(n) >= p.boundary {
		n -= int64(p.boundary)
	}
	return int(n)
}

// advance moves the application pointer by frames after an mmap transfer.
//
// advance is real-time safe: an atomic store to the mapped control page
// (one SYNC_PTR ioctl on the fallback path).
func (p *pcm) advance(frames int) unix.Errno {
	appl := atomic.LoadUint64(&p.control.applPtr) + uint64(frames)
	if appl >= p.boundary {
		appl -= p.boundary
	}
	atomic.StoreUint64(&p.control.applPtr, appl)
	if p.sync == nil {
		return 0
	}
	p.sync.flags = syncPtrAvailMin
	return ioctl(p.fd, ioctlSyncPtr, unsafe.Pointer(p.sync))
}
