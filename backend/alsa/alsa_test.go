package alsa

import (
	"math"
	"os"
	"strings"
	"testing"
	"unsafe"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/backend/alsa/internal/vmtest"
)

var _ backend.Backend = (*Backend)(nil)

// TestKernelStructSizes pins the layouts of sys.go to the sizes of the
// 64-bit kernel structs; a wrong size would also change the ioctl numbers.
func TestKernelStructSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"snd_pcm_hw_params", unsafe.Sizeof(hwParams{}), 608},
		{"snd_pcm_sw_params", unsafe.Sizeof(swParams{}), 136},
		{"snd_pcm_mmap_status", unsafe.Sizeof(mmapStatus{}), 56},
		{"snd_pcm_mmap_control", unsafe.Sizeof(mmapControl{}), 16},
		{"snd_pcm_sync_ptr", unsafe.Sizeof(syncPtr{}), 136},
		{"snd_xferi", unsafe.Sizeof(xferi{}), 24},
		{"snd_pcm_info", unsafe.Sizeof(pcmInfo{}), 288},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d bytes, want %d", c.name, c.got, c.want)
		}
	}
	// Two ioctl numbers as the kernel headers spell them out.
	if ioctlHWParams != 0xc2604111 || ioctlWriteI != 0x40184150 {
		t.Errorf("HW_PARAMS %#x WRITEI %#x", ioctlHWParams, ioctlWriteI)
	}
}

var allFormats = []int{formatS16LE, formatS24_3LE, formatS24LE, formatS32LE, formatFloatLE}

// TestConvertRoundTrip: a sample with no more bits than the format holds
// comes back unchanged after encode and decode, channels stay in place,
// and ports beyond the hardware's channels get silence.
func TestConvertRoundTrip(t *testing.T) {
	const frames, hwChannels = 37, 3
	for _, f := range allFormats {
		bits := map[int]int{formatS16LE: 16, formatS24_3LE: 24, formatS24LE: 24, formatS32LE: 24, formatFloatLE: 24}[f]
		src := [][]float32{make([]float32, frames), make([]float32, frames)}
		for ch := range src {
			for i := range src[ch] {
				v := int64(i*7919+ch*104729)%(1<<bits) - 1<<(bits-1)
				src[ch][i] = float32(float64(v) / math.Exp2(float64(bits-1)))
			}
		}
		buf := make([]byte, frames*hwChannels*bytesPerSample(f))
		encode(f, hwChannels, src, 0, frames, buf)
		dst := [][]float32{make([]float32, frames), make([]float32, frames), make([]float32, frames), make([]float32, frames)}
		dst[3][0] = 42
		decode(f, hwChannels, buf, dst, 0, frames)
		for ch := range src {
			for i := range src[ch] {
				if dst[ch][i] != src[ch][i] {
					t.Fatalf("%s ch %d frame %d: %v → %v", formatName(f), ch, i, src[ch][i], dst[ch][i])
				}
			}
		}
		for i := range frames {
			if dst[2][i] != 0 {
				t.Fatalf("%s: channel without a port not silent", formatName(f))
			}
		}
		if dst[3][0] != 42 {
			t.Fatalf("%s: decode wrote a port beyond the hardware channels", formatName(f))
		}
	}
}

func TestEncodeClipsAndGuards(t *testing.T) {
	src := [][]float32{{2, -2, float32(math.NaN()), float32(math.Inf(1)), 1}}
	buf := make([]byte, 5*2)
	encode(formatS16LE, 1, src, 0, 5, buf)
	want := []int16{32767, -32768, 0, 32767, 32767}
	for i, w := range want {
		if got := int16(uint16(buf[2*i]) | uint16(buf[2*i+1])<<8); got != w {
			t.Errorf("sample %v → %d, want %d", src[0][i], got, w)
		}
	}
}

// TestConvertAllocs: the conversions run on the audio thread.
func TestConvertAllocs(t *testing.T) {
	ports := [][]float32{make([]float32, backend.MaxFrames), make([]float32, backend.MaxFrames)}
	buf := make([]byte, backend.MaxFrames*2*4)
	for _, f := range allFormats {
		if n := testing.AllocsPerRun(20, func() {
			encode(f, 2, ports, 0, backend.MaxFrames, buf)
			decode(f, 2, buf, ports, 0, backend.MaxFrames)
		}); n != 0 {
			t.Errorf("%s: %v allocations per period", formatName(f), n)
		}
	}
}

// TestAvailArithmetic checks the ring-pointer arithmetic across the
// boundary wrap, with status and control as plain memory.
func TestAvailArithmetic(t *testing.T) {
	p := &pcm{status: &mmapStatus{}, control: &mmapControl{}, boundary: 1 << 20}
	p.bufferFrames = 1024
	for _, c := range []struct {
		capture  bool
		hw, appl uint64
		want     int
	}{
		{true, 300, 100, 200},
		{true, 5, 1<<20 - 10, 15}, // hw wrapped, appl not yet
		{false, 100, 1124, 0},
		{false, 100, 600, 524},
		{false, 1<<20 - 4, 20, 1000}, // appl wrapped ahead of hw
	} {
		p.capture = c.capture
		p.status.hwPtr, p.control.applPtr = c.hw, c.appl
		if got := p.avail(); got != c.want {
			t.Errorf("capture %v hw %d appl %d: avail %d, want %d", c.capture, c.hw, c.appl, got, c.want)
		}
	}
	p.control.applPtr = 1<<20 - 8
	p.advance(16)
	if p.control.applPtr != 8 {
		t.Errorf("advance across the boundary: appl %d, want 8", p.control.applPtr)
	}
}

func TestConfigValidate(t *testing.T) {
	for _, c := range []Config{
		{SampleRateHz: -1}, {PeriodFrames: -64}, {Periods: 1}, {PlaybackChannels: -2}, {FIFOPriority: 120},
	} {
		if err := c.Validate(); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
	if err := New(Config{}).cfg.Validate(); err != nil {
		t.Errorf("defaults: %v", err)
	}
}

func TestDevicePath(t *testing.T) {
	card, dev, path, err := devicePath("hw:2,3", true)
	if err != nil || card != 2 || dev != 3 || path != "/dev/snd/pcmC2D3c" {
		t.Errorf("hw:2,3 → %d %d %q %v", card, dev, path, err)
	}
	if _, _, path, err := devicePath("hw:1", false); err != nil || path != "/dev/snd/pcmC1D0p" {
		t.Errorf("hw:1 → %q %v", path, err)
	}
	for _, bad := range []string{"default", "hw:1,x", "hw:-1,0", "plughw:0,0"} {
		if _, _, _, err := devicePath(bad, false); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestHostHasNoALSA: on a machine without /dev/snd, the probe says no and
// Start fails with an error instead of hanging.
func TestHostHasNoALSA(t *testing.T) {
	if _, err := os.Stat("/dev/snd"); err == nil {
		t.Skip("this machine has /dev/snd")
	}
	if Available() {
		t.Error("Available() = true without /dev/snd")
	}
	err := New(Config{PlaybackDevice: "hw:0,0"}).Start(newUnity(2))
	if err == nil || !strings.Contains(err.Error(), "pcmC0D0p") {
		t.Errorf("Start: %v", err)
	}
}

func TestParseGuestOutput(t *testing.T) {
	console := "\x1b[2J=== RUN   TestVMA\n    a_test.go:1: hello\n--- PASS: TestVMA (0.1s)\n=== RUN   TestVMB\n=== RUN   TestVMB/x\n    b: boom\n    --- FAIL: TestVMB/x (0.2s)\n--- FAIL: TestVMB (0.2s)\n[ 1.0] kernel\r\nVMTEST EXIT 1\r\n"
	results, exit := vmtest.Parse(console)
	if exit != 1 || len(results) != 3 {
		t.Fatalf("exit %d, results %+v", exit, results)
	}
	if results[0].Name != "TestVMA" || results[0].Status != "PASS" || !strings.Contains(results[0].Log, "hello") {
		t.Errorf("first: %+v", results[0])
	}
	if results[1].Name != "TestVMB/x" || results[1].Status != "FAIL" || !strings.Contains(results[1].Log, "boom") {
		t.Errorf("second: %+v", results[1])
	}
}
