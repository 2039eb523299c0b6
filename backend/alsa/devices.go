package alsa

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	galsa "github.com/gen2brain/alsa"
	"golang.org/x/sys/unix"
)

// Capabilities are what one direction of a PCM device can do.
type Capabilities struct {
	Formats         []string // sample formats this backend can use, best first
	MMap            bool     // interleaved mmap access
	ReadWrite       bool     // interleaved read/write access
	MinChannels     int
	MaxChannels     int
	MinRateHz       int
	MaxRateHz       int
	MinPeriodFrames int
	MaxPeriodFrames int
	MinPeriods      int
	MaxPeriods      int
	Unavailable     string // why nothing above is known: "device busy", ...
}

// Device is one PCM device of one card.
type Device struct {
	Name     string // what Config takes: "hw:Loopback,0"
	Card     int
	CardID   string // "Loopback"
	CardName string // "Loopback 1"
	Device   int
	PCMName  string        // the driver's name for the device
	Playback *Capabilities // nil when the device has no playback stream
	Capture  *Capabilities // nil when the device has no capture stream
}

// Devices lists every PCM device of every card with its capabilities. A
// device another program holds is listed with Unavailable set.
func Devices() ([]Device, error) {
	cards, err := galsa.EnumerateCards()
	if err != nil {
		return nil, fmt.Errorf("alsa: %w", err)
	}
	var out []Device
	for _, c := range cards {
		seen := map[int]*Device{}
		for _, d := range c.Devices {
			dev := seen[d.ID]
			if dev == nil {
				out = append(out, Device{
					Name: fmt.Sprintf("hw:%s,%d", c.Name, d.ID), Card: c.ID, CardID: c.Name,
					CardName: c.Description, Device: d.ID, PCMName: d.Description,
				})
				dev = &out[len(out)-1]
				seen[d.ID] = dev
			}
			_, _, path, err := devicePath(fmt.Sprintf("hw:%d,%d", c.ID, d.ID), !d.IsPlayback)
			if err != nil {
				return nil, err
			}
			caps := capabilities(path)
			if d.IsPlayback {
				dev.Playback = &caps
			} else {
				dev.Capture = &caps
			}
		}
	}
	return out, nil
}

// capabilities asks the kernel what the PCM at path can do, without
// changing its setup.
func capabilities(path string) Capabilities {
	fd, err := openDevice(path)
	if err != nil {
		if errors.Is(err, unix.EBUSY) {
			return Capabilities{Unavailable: "device busy (held by another program)"}
		}
		return Capabilities{Unavailable: err.Error()}
	}
	defer unix.Close(fd)
	var p hwParams
	p.reset()
	if err := refine(fd, &p); err != nil {
		return Capabilities{Unavailable: fmt.Sprintf("HW_REFINE: %v", err)}
	}
	c := Capabilities{
		MMap:      p.maskHas(paramAccess, accessMMapInterleaved),
		ReadWrite: p.maskHas(paramAccess, accessRWInterleaved),
	}
	for _, f := range formatPreference {
		if p.maskHas(paramFormat, f) {
			c.Formats = append(c.Formats, formatName(f))
		}
	}
	for _, r := range []struct {
		param    int
		min, max *int
	}{
		{paramChannels, &c.MinChannels, &c.MaxChannels},
		{paramRate, &c.MinRateHz, &c.MaxRateHz},
		{paramPeriodSize, &c.MinPeriodFrames, &c.MaxPeriodFrames},
		{paramPeriods, &c.MinPeriods, &c.MaxPeriods},
	} {
		lo, hi := p.rangeOf(r.param)
		*r.min, *r.max = int(lo), int(hi)
	}
	return c
}

// Available reports whether the machine has an ALSA playback device this
// backend could open: the auto-detect probe. It never blocks.
func Available() bool {
	nodes, _ := filepath.Glob("/dev/snd/pcmC*D*p")
	return len(nodes) > 0
}

// WriteDeviceList prints Devices for --list-devices.
func WriteDeviceList(w io.Writer) error {
	devs, err := Devices()
	if err != nil {
		return err
	}
	if len(devs) == 0 {
		_, err := fmt.Fprintln(w, "alsa: no sound cards")
		return err
	}
	for _, d := range devs {
		fmt.Fprintf(w, "%s  card %d %q, device %d %q\n", d.Name, d.Card, d.CardName, d.Device, d.PCMName)
		for _, dir := range []struct {
			name string
			c    *Capabilities
		}{{"playback", d.Playback}, {"capture", d.Capture}} {
			if dir.c == nil {
				continue
			}
			if dir.c.Unavailable != "" {
				fmt.Fprintf(w, "  %-8s %s\n", dir.name, dir.c.Unavailable)
				continue
			}
			access := "read/write only"
			if dir.c.MMap {
				access = "mmap"
			}
			fmt.Fprintf(w, "  %-8s %s; %d–%d ch; %d–%d Hz; period %d–%d frames; %d–%d periods; %s\n",
				dir.name, strings.Join(dir.c.Formats, " "), dir.c.MinChannels, dir.c.MaxChannels,
				dir.c.MinRateHz, dir.c.MaxRateHz, dir.c.MinPeriodFrames, dir.c.MaxPeriodFrames,
				dir.c.MinPeriods, dir.c.MaxPeriods, access)
		}
	}
	return nil
}
