// Package alsa drives the mixer straight from ALSA hardware devices
// (hw:CARD,DEV), for machines with no sound server or for the shortest path
// to the converters. It implements backend.Backend.
//
// Start opens the playback device and, when configured, a capture device
// for the inputs, both with O_NONBLOCK so a device held by another program
// (PipeWire, PulseAudio, JACK) fails at once with "device busy" instead of
// hanging. It negotiates each hardware parameter to the nearest value the
// device allows (format preferring S32_LE, S24_3LE, S24_LE, S16_LE, then
// FLOAT_LE, converted to and from float32 here; channels; rate; period size;
// period count) and reports in Info().Message what was granted and what the
// hardware refused. Capture and playback are linked (SNDRV_PCM_IOCTL_LINK)
// so the kernel prepares, starts and stops them as one; when the driver
// refuses, they are started one after the other and the message says so.
// Access is mmap interleaved where the device offers it; otherwise
// READI/WRITEI, and the message says "using read/write, no mmap".
//
// The audio thread is a goroutine locked to its OS thread that asks for
// SCHED_FIFO (saying once if refused). Each period it waits in ppoll on the
// PCM fd, converts the captured period straight out of the mapped ring
// buffer, calls Processor.Process, converts the result straight into the
// playback ring, and moves the application pointers through the mapped
// control page: with mmap, ppoll is the only system call of a normal
// period. XRUNs (state XRUN, EPIPE, POLLERR, or a device that stops
// interrupting) are counted in Info().XRuns and recovered by drop, prepare,
// a buffer of silence and start; ESTRPIPE (suspend) by resume, else the
// same. A device that disappears (ENODEV, POLLNVAL, state DISCONNECTED)
// ends the thread: the backend closes the device, shows Reconnecting and
// reopens it with backoff until it is back or Stop is called.
//
// Devices, WriteDeviceList (for --list-devices) and Available (the
// auto-detect probe) describe what the machine has.
//
// # Library choice
//
// The stream code uses raw ioctls through golang.org/x/sys/unix, with the
// kernel structs declared in sys.go from include/uapi/sound/asound.h.
// github.com/gen2brain/alsa v0.6.0 (a pure-Go tinyalsa port) was read and
// is used where its shape fits: card enumeration (EnumerateCards), and, in
// the VM tests, as an independent source and sink for the loopback round
// trip. Its stream API does not fit the audio thread: Write, Read,
// MmapWrite and MmapRead take an interface{} and use reflect (allocation
// per call), build errors with fmt, and Wait allocates its poll slice;
// SetConfig asks for exact period size and channel count (EINVAL instead of
// the nearest value); its XRUN recovery prepares without refilling silence
// and cannot restart a linked pair; and the mapped buffer, status and
// control pages are not exported. github.com/yobert/alsa was measured
// earlier (issue 7) and has no mmap and loses frames on short transfers.
//
// # Tests
//
// The host has no sound hardware, so TestALSAOnRealKernel boots Debian's
// own kernel under qemu (see internal/vmtest) with snd-aloop and snd-dummy
// and runs the TestVM* tests in it: a bit-exact round trip through the real
// mixer engine in mmap and read/write mode at 64, 256 and 1024 frames, XRUN
// detection and recovery, hot unplug by unbinding the snd-dummy device,
// parameter negotiation, a busy device, enumeration, and zero allocations
// over 10 s of streaming measured with runtime.ReadMemStats.
package alsa
