package alsa

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	galsa "github.com/gen2brain/alsa"
	"github.com/linuxdj/linuxdj/backend"
)

// The TestVM* tests run inside the VM that TestALSAOnRealKernel boots,
// against snd-aloop and snd-dummy. The loopback test source and sink use
// github.com/gen2brain/alsa (blocking read/write), an implementation
// independent of this package's, so a bug in this package's ring-buffer
// arithmetic cannot cancel itself out.

func inVM(t *testing.T) {
	t.Helper()
	if os.Getenv(guestEnv) == "" {
		t.Skip("runs inside the VM booted by TestALSAOnRealKernel")
	}
}

// unity is a Processor that copies input i to output i, for tests where
// the signal does not matter.
type unity struct {
	ports []backend.Port
	calls atomic.Uint64
}

func newUnity(channels int) *unity {
	u := &unity{}
	for i := range channels {
		u.ports = append(u.ports, backend.Port{Name: fmt.Sprintf("ch%d", i)})
	}
	return u
}

func (u *unity) Inputs() []backend.Port  { return u.ports }
func (u *unity) Outputs() []backend.Port { return u.ports }
func (u *unity) Prepare(int) error       { return nil }
func (u *unity) LatencyFrames() int      { return 0 }
func (u *unity) Process(in, out [][]float32) {
	for i := range out {
		copy(out[i], in[i])
	}
	u.calls.Add(1)
}

// stalling wraps a Processor; a test can make one Process call sleep, to
// stall the audio thread past the buffer.
type stalling struct {
	backend.Processor
	stall atomic.Int64 // nanoseconds the next Process call sleeps
	calls atomic.Uint64
}

func (s *stalling) Process(in, out [][]float32) {
	if d := s.stall.Swap(0); d > 0 {
		time.Sleep(time.Duration(d))
	}
	s.Processor.Process(in, out)
	s.calls.Add(1)
}

const (
	rateHz   = 48000
	channels = 2
)

// rig is the loopback round trip: the source plays into hw:Loopback,0
// (substream 0), the backend captures it from hw:Loopback,1 (substream 0)
// and plays into hw:Loopback,0 (substream 1), the sink captures that from
// hw:Loopback,1 (substream 1). Open order decides the substreams, and the
// test checks it.
type rig struct {
	src, sink *galsa.PCM
	b         *Backend
	proc      backend.Processor
	period    int
}

func loopbackCard(t *testing.T) uint {
	t.Helper()
	card, _, _, err := devicePath("hw:Loopback,0", false)
	if err != nil {
		t.Fatal(err)
	}
	return uint(card)
}

// periodsFor is the period count snd-aloop needs: a buffer of two periods
// plus 32 ms. snd-aloop moves its pointers on the jiffies timer, not at
// period boundaries: Debian's kernel runs at HZ=250, so one update carries
// whole jiffies (the first one 12 ms, 576 frames), and a buffer that cannot
// hold a period plus one update overruns whatever the application does.
// Real hardware interrupts at period boundaries, where 2 periods suffice.
func periodsFor(period int) int {
	return (2*period + rateHz*32/1000 + period - 1) / period
}

func libConfig(period int) *galsa.Config {
	return &galsa.Config{Channels: channels, Rate: rateHz, PeriodSize: uint32(period), PeriodCount: uint32(2 * periodsFor(period)), Format: galsa.SNDRV_PCM_FORMAT_S32_LE}
}

func startRig(t *testing.T, proc backend.Processor, period int, access Access) *rig {
	t.Helper()
	card := loopbackCard(t)
	r := &rig{proc: proc, period: period}
	var err error
	r.src, err = galsa.PcmOpen(card, 0, galsa.PCM_OUT, libConfig(period))
	if err != nil {
		t.Fatalf("source: %v", err)
	}
	t.Cleanup(func() { r.src.Close() })
	r.b = New(Config{
		PlaybackDevice: "hw:Loopback,0", CaptureDevice: "hw:Loopback,1",
		SampleRateHz: rateHz, PeriodFrames: period, Periods: periodsFor(period),
		PlaybackChannels: channels, CaptureChannels: channels, Access: access,
	})
	if err := r.b.Start(proc); err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { r.b.Stop() })
	r.sink, err = galsa.PcmOpen(card, 1, galsa.PCM_IN, libConfig(period))
	if err != nil {
		t.Fatalf("sink: %v", err)
	}
	t.Cleanup(func() { r.sink.Close() })
	if r.src.Subdevice() != 0 || r.sink.Subdevice() != 1 {
		t.Fatalf("substreams: source %d sink %d, want 0 and 1", r.src.Subdevice(), r.sink.Subdevice())
	}
	info := r.b.Info()
	t.Logf("granted: %s", info.Message)
	if info.PeriodFrames != period || info.SampleRateHz != rateHz {
		t.Fatalf("granted %d frames at %d Hz, want %d at %d", info.PeriodFrames, info.SampleRateHz, period, rateHz)
	}
	wantAccess := "mmap"
	if access == AccessReadWrite {
		wantAccess = "read/write"
	}
	if !strings.Contains(info.Message, wantAccess) {
		t.Fatalf("status %q does not say %s", info.Message, wantAccess)
	}
	return r
}

// pattern is frames of nonzero 24-bit samples in S32 containers, which
// float32 carries exactly; seed makes each run's pattern different.
func pattern(frames int, seed uint32) []int32 {
	p := make([]int32, frames*channels)
	for i := range p {
		v := int32(uint32(i)*2654435761+seed*40503) >> 8
		if v == 0 {
			v = 1
		}
		p[i] = v << 8
	}
	return p
}

// roundTrip plays a fresh pattern through the rig and checks that the sink
// received it bit for bit. An XRUN during a trip drops frames by design (it
// is counted and recovered, which TestVMXRun checks), and under TCG on a
// loaded host a 64-frame period can miss its deadline; so a trip that saw
// an XRUN is tried again, up to three times, and one without an XRUN must
// be exact.
func (r *rig) roundTrip(t *testing.T, seed uint32) {
	t.Helper()
	for try := 0; ; try++ {
		before := r.b.Info().XRuns
		err := r.trip(t, seed+uint32(try)*1000)
		if err == nil {
			return
		}
		xruns := r.b.Info().XRuns - before
		if xruns == 0 || try == 2 {
			t.Fatalf("%v (xruns during the trip %d, try %d)", err, xruns, try+1)
		}
		t.Logf("try %d: %v; %d xruns during it, trying again", try+1, err, xruns)
	}
}

func (r *rig) trip(t *testing.T, seed uint32) error {
	t.Helper()
	want := pattern(rateHz/2, seed)
	lead := make([]int32, rateHz/5*channels)
	got := make([]int32, rateHz*3/2*channels)
	sinkErr := make(chan error, 1)
	go func() {
		chunk := r.period * channels
		for off := 0; off < len(got); off += chunk {
			if _, err := r.sink.Read(got[off:min(off+chunk, len(got))]); err != nil {
				sinkErr <- fmt.Errorf("sink Read: %w", err)
				return
			}
		}
		sinkErr <- nil
	}()
	time.Sleep(100 * time.Millisecond)
	var srcErr error
	for _, part := range [][]int32{lead, want, lead} {
		chunk := r.period * channels
		for off := 0; off < len(part) && srcErr == nil; off += chunk {
			_, srcErr = r.src.Write(part[off:min(off+chunk, len(part))])
		}
	}
	if srcErr != nil {
		t.Fatalf("source Write: %v", srcErr)
	}
	if err := <-sinkErr; err != nil {
		t.Fatal(err)
	}
	start := -1
	for i := 0; i+len(want) <= len(got); i += channels {
		if got[i] == want[0] && got[i+1] == want[1] {
			start = i
			break
		}
	}
	if start < 0 {
		return fmt.Errorf("pattern (seed %d) never arrived at the sink", seed)
	}
	bad := 0
	for i := range want {
		if got[start+i] != want[i] {
			if bad < 5 {
				t.Logf("sample %d: got %#x want %#x", i, got[start+i], want[i])
			}
			bad++
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d of %d samples differ", bad, len(want))
	}
	t.Logf("%d frames bit-exact, path latency %d frames", len(want)/channels, start/channels)
	return nil
}

func TestVMRoundTrip(t *testing.T) {
	inVM(t)
	for _, access := range []Access{AccessMMap, AccessReadWrite} {
		for _, period := range []int{64, 256, 1024} {
			name := fmt.Sprintf("%s/%d", map[Access]string{AccessMMap: "mmap", AccessReadWrite: "rw"}[access], period)
			t.Run(name, func(t *testing.T) {
				r := startRig(t, newProcessor(t), period, access)
				r.roundTrip(t, uint32(period))
			})
		}
	}
}

func TestVMXRun(t *testing.T) {
	inVM(t)
	u := &stalling{Processor: newProcessor(t)}
	r := startRig(t, u, 256, AccessMMap)
	r.roundTrip(t, 1)
	before := r.b.Info().XRuns
	bufferTime := time.Duration(periodsFor(256)*256) * time.Second / rateHz
	u.stall.Store(int64(4 * bufferTime))
	deadline := time.Now().Add(3 * time.Second)
	for r.b.Info().XRuns == before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	info := r.b.Info()
	if info.XRuns == before {
		t.Fatalf("stalled the audio thread for %v (buffer %v): no XRUN counted", 4*bufferTime, bufferTime)
	}
	if info.State != backend.Running {
		t.Fatalf("state %v after the XRUN, want running", info.State)
	}
	calls := u.calls.Load()
	time.Sleep(200 * time.Millisecond)
	if u.calls.Load() == calls {
		t.Fatal("Process no longer called after the XRUN")
	}
	t.Logf("xruns %d → %d; recovered", before, info.XRuns)
	r.roundTrip(t, 2)
}

// TestVMUnplug unbinds the snd-dummy platform device while the backend
// plays on it: the kernel disconnects the card under the open stream, as
// when a USB interface is pulled. It then binds it again.
func TestVMUnplug(t *testing.T) {
	inVM(t)
	const drv = "/sys/bus/platform/drivers/snd_dummy/"
	u := newUnity(channels)
	b := New(Config{PlaybackDevice: "hw:Dummy,0", PeriodFrames: 256})
	if err := b.Start(u); err != nil {
		t.Fatal(err)
	}
	defer b.Stop()
	time.Sleep(200 * time.Millisecond)
	unbound := make(chan error, 1)
	go func() { unbound <- os.WriteFile(drv+"unbind", []byte("snd_dummy.0"), 0) }()
	waitState(t, b, backend.Reconnecting, 5*time.Second)
	select {
	case err := <-unbound:
		if err != nil {
			t.Fatalf("unbind: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("unbind still waiting: the backend kept the disconnected card open")
	}
	info := b.Info()
	t.Logf("after unplug: %v: %s", info.State, info.Message)
	if !strings.Contains(info.Message, "device lost") {
		t.Errorf("message %q does not report the loss", info.Message)
	}
	time.Sleep(300 * time.Millisecond)
	if b.Info().State != backend.Reconnecting {
		t.Fatalf("state %v while the card is gone", b.Info().State)
	}
	if err := os.WriteFile(drv+"bind", []byte("snd_dummy.0"), 0); err != nil {
		t.Fatalf("bind: %v", err)
	}
	waitState(t, b, backend.Running, 10*time.Second)
	calls := u.calls.Load()
	time.Sleep(200 * time.Millisecond)
	if u.calls.Load() == calls {
		t.Fatal("reconnected but Process is not called")
	}
	t.Logf("after replug: %s", b.Info().Message)
}

func waitState(t *testing.T, b *Backend, want backend.ConnState, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for b.Info().State != want {
		if time.Now().After(deadline) {
			t.Fatalf("state %v after %v, want %v (%s)", b.Info().State, within, want, b.Info().Message)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestVMNegotiation(t *testing.T) {
	inVM(t)
	caps := capabilities(mustPath(t, "hw:Dummy,0"))
	if caps.Unavailable != "" {
		t.Fatal(caps.Unavailable)
	}
	b := New(Config{PlaybackDevice: "hw:Dummy,0", SampleRateHz: 1_000_000, PeriodFrames: 3, Periods: 100_000, PlaybackChannels: 64})
	if err := b.Start(newUnity(channels)); err != nil {
		t.Fatal(err)
	}
	info := b.Info()
	b.Stop()
	t.Logf("granted: %s", info.Message)
	if info.SampleRateHz != caps.MaxRateHz {
		t.Errorf("asked 1 MHz, granted %d Hz, want the nearest %d", info.SampleRateHz, caps.MaxRateHz)
	}
	for _, want := range []string{
		fmt.Sprintf("asked 1000000 rate Hz, hardware granted %d", caps.MaxRateHz),
		fmt.Sprintf("asked 64 channels, hardware granted %d", caps.MaxChannels),
		"asked 3 period frames, hardware granted",
		"asked 100000 periods, hardware granted",
	} {
		if !strings.Contains(info.Message, want) {
			t.Errorf("message lacks %q", want)
		}
	}
	if info.PeriodFrames < caps.MinPeriodFrames || info.PeriodFrames < 3 {
		t.Errorf("period %d frames outside the device's range from %d", info.PeriodFrames, caps.MinPeriodFrames)
	}

	for _, cfg := range []Config{
		{PlaybackDevice: "hw:Dummy,0", SampleRateHz: -1},
		{PlaybackDevice: "hw:Dummy,0", Periods: 1},
		{PlaybackDevice: "hw:NoSuchCard,0"},
		{PlaybackDevice: "hw:Dummy,7"},
		{PlaybackDevice: "default"},
	} {
		start := time.Now()
		err := New(cfg).Start(newUnity(channels))
		if err == nil {
			t.Errorf("%+v: Start succeeded", cfg)
			continue
		}
		if time.Since(start) > time.Second {
			t.Errorf("%+v: took %v to fail", cfg, time.Since(start))
		}
		t.Logf("%s: %v", cfg.PlaybackDevice, err)
	}
}

func mustPath(t *testing.T, name string) string {
	t.Helper()
	_, _, path, err := devicePath(name, false)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// TestVMBusy holds snd-dummy's only substream (the VM loads it with
// pcm_substreams=1), as PipeWire would, and checks that a second open
// fails at once with a message that says so.
func TestVMBusy(t *testing.T) {
	inVM(t)
	holder := New(Config{PlaybackDevice: "hw:Dummy,0"})
	if err := holder.Start(newUnity(channels)); err != nil {
		t.Fatal(err)
	}
	defer holder.Stop()
	start := time.Now()
	err := New(Config{PlaybackDevice: "hw:Dummy,0"}).Start(newUnity(channels))
	if err == nil || !errors.Is(err, syscall.EBUSY) || !strings.Contains(err.Error(), "busy") {
		t.Fatalf("second open: %v, want a busy error wrapping EBUSY", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("busy open took %v", d)
	}
	t.Log(err)
}

func TestVMDevices(t *testing.T) {
	inVM(t)
	if !Available() {
		t.Fatal("Available() = false with snd-aloop and snd-dummy loaded")
	}
	devs, err := Devices()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, d := range devs {
		found[d.Name] = true
		for _, c := range []*Capabilities{d.Playback, d.Capture} {
			if c == nil {
				t.Errorf("%s: missing a direction", d.Name)
				continue
			}
			if c.Unavailable != "" || !c.MMap || len(c.Formats) == 0 || c.MinRateHz > rateHz || c.MaxRateHz < rateHz ||
				c.MinChannels > 2 || c.MaxChannels < 2 || c.MinPeriodFrames < 1 || c.MaxPeriodFrames < c.MinPeriodFrames {
				t.Errorf("%s: implausible capabilities %+v", d.Name, *c)
			}
		}
	}
	for _, want := range []string{"hw:Loopback,0", "hw:Loopback,1", "hw:Dummy,0"} {
		if !found[want] {
			t.Errorf("Devices() lacks %s", want)
		}
	}
	var out strings.Builder
	if err := WriteDeviceList(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "hw:Loopback,1") || !strings.Contains(out.String(), "S32_LE") {
		t.Errorf("device list:\n%s", out.String())
	}
	t.Log("\n" + out.String())
}

// TestVMNoAllocs streams a duplex loop for 10 s in each access mode and
// checks with runtime.ReadMemStats that nothing was allocated meanwhile. It
// also reports the audio thread's CPU time per period.
func TestVMNoAllocs(t *testing.T) {
	inVM(t)
	for _, access := range []Access{AccessMMap, AccessReadWrite} {
		b := New(Config{
			PlaybackDevice: "hw:Loopback,0", CaptureDevice: "hw:Loopback,1", PeriodFrames: 256, Periods: periodsFor(256),
			PlaybackChannels: channels, CaptureChannels: channels, Access: access,
		})
		proc := newProcessor(t)
		if err := b.Start(proc); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		p0 := b.Stats().Periods
		time.Sleep(10 * time.Second)
		runtime.ReadMemStats(&m1)
		p1 := b.Stats().Periods
		b.Stop()
		st := b.Stats()
		info := b.Info()
		if p1-p0 < 10*rateHz/256/2 {
			t.Errorf("access %d: only %d periods in 10 s", access, p1-p0)
		}
		if n := m1.Mallocs - m0.Mallocs; n != 0 {
			t.Errorf("access %d: %d allocations (%d bytes) in 10 s of streaming", access, n, m1.TotalAlloc-m0.TotalAlloc)
		}
		t.Logf("access %d: %d periods, %d xruns, CPU %v per period of %v",
			access, st.Periods, info.XRuns, st.AudioThreadCPU/time.Duration(max(st.Periods, 1)), time.Duration(256)*time.Second/rateHz)
	}
}

// TestVMMeasure finds the smallest period that streams 60 s without an
// XRUN: duplex mmap on snd-aloop (with the buffer snd-aloop's jiffies timer
// needs, see periodsFor) and playback-only with 2 periods on snd-dummy
// (hrtimer driven). It runs only when the host sets LINUXDJ_ALSA_MEASURE.
func TestVMMeasure(t *testing.T) {
	inVM(t)
	if os.Getenv(measureEnv) == "" {
		t.Skip("set " + measureEnv + "=1 on the host to measure")
	}
	// Transport cost alone: the unity processor, so the engine's cost does
	// not hide the difference between mmap and read/write.
	for _, period := range []int{64, 256} {
		for _, access := range []Access{AccessMMap, AccessReadWrite} {
			b := New(Config{PlaybackDevice: "hw:Loopback,0", CaptureDevice: "hw:Loopback,1", PeriodFrames: period,
				Periods: periodsFor(period), PlaybackChannels: channels, CaptureChannels: channels, Access: access})
			if err := b.Start(newUnity(channels)); err != nil {
				t.Fatal(err)
			}
			time.Sleep(10 * time.Second)
			b.Stop()
			st := b.Stats()
			t.Logf("MEASURE transport access %d period %d: %d periods, %d xruns, CPU %v per period",
				access, period, st.Periods, b.Info().XRuns, st.AudioThreadCPU/time.Duration(max(st.Periods, 1)))
		}
	}
	for _, c := range []struct {
		name string
		cfg  func(period int) Config
	}{
		{"aloop duplex mmap", func(period int) Config {
			return Config{PlaybackDevice: "hw:Loopback,0", CaptureDevice: "hw:Loopback,1", PeriodFrames: period,
				Periods: periodsFor(period), PlaybackChannels: channels, CaptureChannels: channels}
		}},
		{"dummy playback mmap 2 periods", func(period int) Config {
			return Config{PlaybackDevice: "hw:Dummy,0", PeriodFrames: period, Periods: 2, PlaybackChannels: channels}
		}},
	} {
		for _, period := range []int{16, 32, 64, 128, 256} {
			b := New(c.cfg(period))
			if err := b.Start(newProcessor(t)); err != nil {
				t.Fatalf("%s %d: %v", c.name, period, err)
			}
			time.Sleep(60 * time.Second)
			info := b.Info()
			b.Stop()
			st := b.Stats()
			t.Logf("%s: period %d (granted %d) × %s: %d xruns in 60 s, %d periods, CPU %v per period",
				c.name, period, info.PeriodFrames, info.Message, info.XRuns, st.Periods, st.AudioThreadCPU/time.Duration(max(st.Periods, 1)))
			if info.XRuns == 0 && info.PeriodFrames == period {
				t.Logf("MEASURE %s: smallest period without an XRUN in 60 s: %d frames (%.2f ms)", c.name, period, 1000*float64(period)/rateHz)
				break
			}
		}
	}
}
