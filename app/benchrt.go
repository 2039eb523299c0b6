package app

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/linuxdj/linuxdj/backend/jack"
	"github.com/linuxdj/linuxdj/internal/jacktest"
	"github.com/linuxdj/linuxdj/mixer"
)

// runBenchRT measures how promptly Go answers JACK's real-time callback:
// the mixer with 8 stereo channels on a private SCHED_FIFO jackd at 64 and
// 256 frames, with a garbage-heavy goroutine standing in for the GUI.
// First, on the same server for as long, a client whose callback is plain
// C (no Go, 16 ports each way) counts the xruns the machine and the server
// make without us: the baseline the mixer's xruns are compared with.
func runBenchRT(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench-rt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	duration := fs.Duration("duration", 60*time.Second, "run time per period size")
	procs := fs.Int("gomaxprocs", 0, "GOMAXPROCS (0 leaves Go's default)")
	gcPercent := fs.Int("gcpercent", 100, "debug.SetGCPercent (-1 turns the collector off)")
	memLimitMB := fs.Int("memlimit-mb", 0, "debug.SetMemoryLimit in MiB (0: none)")
	garbageMBps := fs.Int("garbage-mbps", 200, "MB/s the stand-in GUI goroutine allocates")
	lockThread := fs.Bool("lockthread", false, "lock the garbage goroutine to its own OS thread")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *procs > 0 {
		runtime.GOMAXPROCS(*procs)
	}
	debug.SetGCPercent(*gcPercent)
	if *memLimitMB > 0 {
		debug.SetMemoryLimit(int64(*memLimitMB) << 20)
	}
	fmt.Fprintf(stdout, "bench-rt: GOMAXPROCS=%d gcpercent=%d memlimit=%dMiB garbage=%dMB/s lockthread=%v, %v per size\n",
		runtime.GOMAXPROCS(0), *gcPercent, *memLimitMB, *garbageMBps, *lockThread, *duration)
	fmt.Fprintln(stdout, "period  cycles  p50%   p99%   max%   xruns  late  GCs  C-client-xruns")
	for _, period := range []int{64, 256} {
		line, err := benchPeriod(period, *duration, *garbageMBps, *lockThread)
		if err != nil {
			fmt.Fprintln(stderr, "bench-rt:", err)
			return 1
		}
		fmt.Fprintln(stdout, line)
	}
	return 0
}

func benchPeriod(period int, d time.Duration, garbageMBps int, lockThread bool) (string, error) {
	srv, err := jacktest.Start(jacktest.Jackd, jacktest.ServerOptions{PeriodFrames: period, Realtime: true})
	if err != nil {
		return "", err
	}
	defer srv.Close()
	srv.UseInProcess()
	baseline, err := baselineXRuns(d)
	if err != nil {
		return "", err
	}
	cfg := mixer.DefaultConfig()
	cfg.Channels = nil
	for i := 1; i <= 8; i++ {
		cfg.Channels = append(cfg.Channels, mixer.ChannelConfig{Name: fmt.Sprintf("Deck %d", i), Stereo: true})
	}
	eng, err := mixer.New(cfg, 48000)
	if err != nil {
		return "", err
	}
	b := jack.New(jack.Options{ClientName: "linuxdj-bench"})
	if err := b.Start(eng); err != nil {
		return "", err
	}
	defer b.Stop()
	stop := make(chan struct{})
	done := make(chan struct{})
	go makeGarbage(garbageMBps, lockThread, stop, done)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	time.Sleep(d)
	runtime.ReadMemStats(&after)
	close(stop)
	<-done
	cs := b.CallbackStats()
	info := b.Info()
	share := func(x time.Duration) float64 { return 100 * float64(x) / float64(cs.Period) }
	return fmt.Sprintf("%6d  %6d  %5.1f  %5.1f  %5.1f  %5d  %4d  %3d  %d",
		period, cs.Cycles, share(cs.P50), share(cs.P99), share(cs.Max), info.XRuns, cs.Late, after.NumGC-before.NumGC, baseline), nil
}

// sink keeps the garbage reachable long enough that the compiler cannot
// drop the allocations.
var sink []byte

// makeGarbage allocates about mbps MB/s in 64 KiB pieces, as a busy GUI
// rebuilding its frames would, until stop closes.
func makeGarbage(mbps int, lockThread bool, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	if lockThread {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	const piece = 64 << 10
	perTick := mbps * (1 << 20) / piece / 100
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			for i := 0; i < perTick; i++ {
				sink = make([]byte, piece)
				sink[0] = byte(i)
			}
		}
	}
}
