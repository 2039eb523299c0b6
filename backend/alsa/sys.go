package alsa

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// Kernel ABI of the PCM character device, from include/uapi/sound/asound.h.
// Only what this package uses is declared. The layouts are those of a 64-bit
// kernel (snd_pcm_uframes_t is an unsigned long); sizes are checked by
// TestKernelStructSizes.

// Stream states (snd_pcm_state_t).
const (
	stateOpen         = 0
	stateSetup        = 1
	statePrepared     = 2
	stateRunning      = 3
	stateXRun         = 4
	stateDraining     = 5
	statePaused       = 6
	stateSuspended    = 7
	stateDisconnected = 8
)

// Access types (SNDRV_PCM_ACCESS_*).
const (
	accessMMapInterleaved = 0
	accessRWInterleaved   = 3
)

// Sample formats (SNDRV_PCM_FORMAT_*), little-endian only.
const (
	formatS16LE   = 2
	formatS24LE   = 6 // 24 bits in the low three bytes of a 32-bit word
	formatS32LE   = 10
	formatFloatLE = 14
	formatS24_3LE = 32
)

// Hardware parameter indices (SNDRV_PCM_HW_PARAM_*): three masks, then
// twelve intervals.
const (
	paramAccess      = 0
	paramFormat      = 1
	paramSubformat   = 2
	paramSampleBits  = 8
	paramFrameBits   = 9
	paramChannels    = 10
	paramRate        = 11
	paramPeriodTime  = 12
	paramPeriodSize  = 13
	paramPeriodBytes = 14
	paramPeriods     = 15
	paramBufferTime  = 16
	paramBufferSize  = 17
	paramBufferBytes = 18
	paramTickTime    = 19

	firstInterval = paramSampleBits
	lastInterval  = paramTickTime
)

type sndMask struct {
	bits [8]uint32
}

// sndInterval is struct snd_interval; flags holds the bitfields openmin (1),
// openmax (2), integer (4) and empty (8).
type sndInterval struct {
	min, max uint32
	flags    uint32
}

const (
	intervalOpenMin = 1 << 0
	intervalOpenMax = 1 << 1
	intervalInteger = 1 << 2
)

type hwParams struct {
	flags     uint32
	masks     [3]sndMask
	mres      [5]sndMask
	intervals [lastInterval - firstInterval + 1]sndInterval
	ires      [9]sndInterval
	rmask     uint32
	cmask     uint32
	info      uint32
	msbits    uint32
	rateNum   uint32
	rateDen   uint32
	fifoSize  uint64
	reserved  [64]byte
}

type swParams struct {
	tstampMode       int32
	periodStep       uint32
	sleepMin         uint32
	_                uint32
	availMin         uint64
	xferAlign        uint64
	startThreshold   uint64
	stopThreshold    uint64
	silenceThreshold uint64
	silenceSize      uint64
	boundary         uint64
	proto            uint32
	tstampType       uint32
	reserved         [56]byte
}

type kernelTimespec struct {
	sec, nsec int64
}

// mmapStatus is struct snd_pcm_mmap_status: the page the kernel updates
// and the application only reads.
type mmapStatus struct {
	state          int32
	_              int32
	hwPtr          uint64
	tstamp         kernelTimespec
	suspendedState int32
	_              int32
	audioTstamp    kernelTimespec
}

// mmapControl is struct snd_pcm_mmap_control: the page the application
// writes to move its pointer.
type mmapControl struct {
	applPtr  uint64
	availMin uint64
}

// syncPtr is struct snd_pcm_sync_ptr, used when the status and control
// pages cannot be mapped.
type syncPtr struct {
	flags   uint32
	_       uint32
	status  mmapStatus
	_       [64 - unsafe.Sizeof(mmapStatus{})]byte
	control mmapControl
	_       [64 - unsafe.Sizeof(mmapControl{})]byte
}

const (
	syncPtrHWSync   = 1 << 0
	syncPtrAppl     = 1 << 1
	syncPtrAvailMin = 1 << 2
)

type xferi struct {
	result int64
	buf    uintptr
	frames uint64
}

type pcmInfo struct {
	device          uint32
	subdevice       uint32
	stream          int32
	card            int32
	id              [64]byte
	name            [80]byte
	subname         [32]byte
	devClass        int32
	devSubclass     int32
	subdevicesCount uint32
	subdevicesAvail uint32
	sync            [16]byte
	reserved        [64]byte
}

// Offsets passed to mmap(2) on a PCM fd.
const (
	mmapOffsetData    = 0x00000000
	mmapOffsetStatus  = 0x80000000
	mmapOffsetControl = 0x81000000
)

func ioc(dir, nr, size uintptr) uintptr {
	return dir<<30 | size<<16 | 'A'<<8 | nr
}

const (
	iocNone  = 0
	iocWrite = 1
	iocRead  = 2
)

var (
	ioctlInfo     = ioc(iocRead, 0x01, unsafe.Sizeof(pcmInfo{}))
	ioctlHWRefine = ioc(iocRead|iocWrite, 0x10, unsafe.Sizeof(hwParams{}))
	ioctlHWParams = ioc(iocRead|iocWrite, 0x11, unsafe.Sizeof(hwParams{}))
	ioctlSWParams = ioc(iocRead|iocWrite, 0x13, unsafe.Sizeof(swParams{}))
	ioctlSyncPtr  = ioc(iocRead|iocWrite, 0x23, unsafe.Sizeof(syncPtr{}))
	ioctlPrepare  = ioc(iocNone, 0x40, 0)
	ioctlStart    = ioc(iocNone, 0x42, 0)
	ioctlDrop     = ioc(iocNone, 0x43, 0)
	ioctlResume   = ioc(iocNone, 0x47, 0)
	ioctlWriteI   = ioc(iocWrite, 0x50, unsafe.Sizeof(xferi{}))
	ioctlReadI    = ioc(iocRead, 0x51, unsafe.Sizeof(xferi{}))
	ioctlLink     = ioc(iocWrite, 0x60, unsafe.Sizeof(int32(0)))
	ioctlUnlink   = ioc(iocNone, 0x61, 0)
)

// ioctl issues one ioctl and returns the raw errno, 0 on success. Returning
// unix.Errno rather than error keeps the real-time path free of interface
// conversions.
//
// ioctl is real-time safe apart from the system call itself: no allocation,
// no lock.
func ioctl(fd int, req uintptr, arg unsafe.Pointer) unix.Errno {
	_, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req, uintptr(arg))
	return errno
}

// ioctlErr is ioctl for code off the real-time path: it returns nil or the
// errno as an error.
func ioctlErr(fd int, req uintptr, arg unsafe.Pointer) error {
	if errno := ioctl(fd, req, arg); errno != 0 {
		return errno
	}
	return nil
}
