package app

import (
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/linuxdj/linuxdj/mixer"
)

// Headless meter timing: the meter ring is drained often enough that it
// never fills (a full ring drops frames, and their peaks), and a line is
// printed four times a second.
const (
	meterDrainInterval = 20 * time.Millisecond
	meterLineEvery     = 250 * time.Millisecond
)

// notifySignals returns a channel that receives SIGINT and SIGTERM.
func notifySignals() <-chan os.Signal {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	return sigs
}

// runHeadless keeps the engine running with no window until a signal
// arrives. It saves what MIDI and OSC change (the session's remote rings,
// drained every meterDrainInterval); with meters it prints a meter line to
// stdout every meterLineEvery. It returns the exit code; the caller saves
// the state.
func runHeadless(s *session, meters bool, stdout, stderr io.Writer, sigs <-chan os.Signal) int {
	info := s.backend.Info()
	fmt.Fprintf(stderr, "linuxdj: headless on %s, %d Hz, %d frames per period; SIGINT or SIGTERM stops\n",
		info.Backend, info.SampleRateHz, info.PeriodFrames)
	drain := time.NewTicker(meterDrainInterval)
	defer drain.Stop()
	var (
		ml    meterLine
		frame mixer.MeterFrame
		next  = time.Now().Add(meterLineEvery)
		src   = s.eng.Meters()
	)
	for {
		select {
		case sig := <-sigs:
			fmt.Fprintf(stderr, "linuxdj: %v: stopping\n", sig)
			return 0
		case now := <-drain.C:
			s.applyRemote()
			if !meters {
				continue
			}
			for src.TryPopInto(&frame) {
				ml.add(&frame)
			}
			if now.Before(next) {
				continue
			}
			next = next.Add(meterLineEvery)
			if now.After(next) {
				next = now.Add(meterLineEvery)
			}
			if _, err := stdout.Write(ml.format(s.cfg)); err != nil {
				fmt.Fprintf(stderr, "linuxdj: --meters: %v\n", err)
				return 1
			}
		}
	}
}

// meterLine keeps each strip's and the master's peak since the last line
// and formats them as
//
//	peak dBFS  ch1 -12.3  ch2 -6.0  ch3 -inf  master -3.1
//
// Each value is the louder side of the pair, rounded to 0.1 dB.
type meterLine struct {
	strips   [mixer.MaxChannels]float32
	channels int
	master   float32
	buf      []byte
}

func (l *meterLine) add(f *mixer.MeterFrame) {
	l.channels = f.Channels
	for i := 0; i < f.Channels && i < len(f.Strip); i++ {
		l.strips[i] = max(l.strips[i], f.Strip[i].PeakL, f.Strip[i].PeakR)
	}
	l.master = max(l.master, f.Master.PeakL, f.Master.PeakR)
}

// format returns the line (reused until the next call) and starts the
// next interval.
func (l *meterLine) format(cfg mixer.Config) []byte {
	b := append(l.buf[:0], "peak dBFS"...)
	n := len(cfg.Channels)
	for i := 0; i < n; i++ {
		b = append(b, "  ch"...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, ' ')
		b = appendDBFS(b, l.strips[i])
		l.strips[i] = 0
	}
	b = append(b, "  master "...)
	b = appendDBFS(b, l.master)
	l.master = 0
	b = append(b, '\n')
	l.buf = b
	return b
}

func appendDBFS(b []byte, peak float32) []byte {
	if !(peak > 0) {
		return append(b, "-inf"...)
	}
	return strconv.AppendFloat(b, 20*math.Log10(float64(peak)), 'f', 1, 64)
}
