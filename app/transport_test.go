package app

import (
	"math"
	"strings"
	"testing"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

func TestTransportText(t *testing.T) {
	bbt := func(bar, beat, tick int32, bpm float64) backend.Transport {
		return backend.Transport{State: backend.TransportRolling, Frame: 1, BBTValid: true, Bar: bar, Beat: beat, Tick: tick, BPM: bpm}
	}
	ours := func(tr backend.Transport, r backend.TimebaseRole) backend.Transport { tr.Timebase = r; return tr }
	for _, c := range []struct {
		tr     backend.Transport
		rateHz int
		want   string
	}{
		{backend.Transport{}, 48000, ""},
		{backend.Transport{State: backend.TransportStopped}, 48000, "  ·  transport stopped 0:00.0"},
		{backend.Transport{State: backend.TransportRolling, Frame: 65*48000 + 14400}, 48000, "  ·  transport rolling 1:05.3"},
		{backend.Transport{State: backend.TransportStarting, Frame: 3601 * 44100}, 44100, "  ·  transport starting 60:01.0"},
		{backend.Transport{State: backend.TransportRolling, Frame: 48000}, 0, "  ·  transport rolling"},
		{bbt(12, 3, 480, 120), 48000, "  ·  transport rolling 12|3|0480 120.0 BPM"},
		{bbt(1, 1, 0, 127.96), 48000, "  ·  transport rolling 1|1|0000 128.0 BPM"},
		{bbt(2, 4, 1919, math.NaN()), 48000, "  ·  transport rolling 2|4|1919"},
		{ours(bbt(3, 2, 960, 128.5), backend.TimebaseMaster), 48000, "  ·  transport rolling 3|2|0960 128.5 BPM  ·  timebase master"},
		{ours(backend.Transport{State: backend.TransportStopped}, backend.TimebaseRefused), 48000,
			"  ·  transport stopped 0:00.0  ·  timebase refused: another program is master"},
	} {
		if got := string(appendTransport(nil, transportKeyOf(c.tr, c.rateHz))); got != c.want {
			t.Errorf("%+v at %d Hz: %q; want %q", c.tr, c.rateHz, got, c.want)
		}
	}
}

// TestStatusLineShowsTransport puts JACK's transport into the status line
// and checks its text is rebuilt, without allocating, only when what it
// prints changes.
func TestStatusLineShowsTransport(t *testing.T) {
	f := newFixture(t, 2, 1)
	f.ui.refreshStatus()
	if strings.Contains(f.ui.statusText, "transport") {
		t.Fatalf("the null backend has no transport, yet: %q", f.ui.statusText)
	}
	info := backend.StreamInfo{Backend: "jack", SampleRateHz: 48000, PeriodFrames: 256, State: backend.Running,
		Transport: backend.Transport{State: backend.TransportRolling, Frame: 96000}}
	f.ui.SetInfo(info)
	f.ui.refreshStatus()
	if !strings.Contains(f.ui.statusText, "transport rolling 0:02.0") {
		t.Fatalf("status %q; want the rolling transport at 0:02.0", f.ui.statusText)
	}
	text := f.ui.statusText
	if n := testing.AllocsPerRun(100, func() {
		info.Transport.Frame++ // within the same tenth of a second
		f.ui.SetInfo(info)
		f.ui.refreshStatus()
	}); n != 0 || f.ui.statusText != text {
		t.Fatalf("%v allocations per frame, text %q; want none while the shown time stays", n, f.ui.statusText)
	}
	info.Transport = backend.Transport{State: backend.TransportRolling, Frame: 96000, BBTValid: true, Bar: 2, Beat: 1, Tick: 7, BPM: 120}
	f.ui.SetInfo(info)
	f.ui.refreshStatus()
	if !strings.Contains(f.ui.statusText, "transport rolling 2|1|0007 120.0 BPM") {
		t.Fatalf("status %q; want the timebase master's BBT", f.ui.statusText)
	}
}

// TestPumpFollowsAMovingTransport: while the transport moves its position
// reaches the status line ten times a second; stopped, the status is read
// once a second as before.
func TestPumpFollowsAMovingTransport(t *testing.T) {
	info := backend.StreamInfo{Backend: "jack", SampleRateHz: 48000, State: backend.Running,
		Transport: backend.Transport{State: backend.TransportStopped}}
	reads := 0
	p := newMeterPump(rt.NewRing[mixer.MeterFrame](8), func() backend.StreamInfo {
		reads++
		if info.Transport.Moving() {
			info.Transport.Frame += 4800
		}
		return info
	}, func() {})
	for range 10 * infoEvery {
		p.tick()
	}
	if reads != 10 {
		t.Fatalf("stopped: the pump read the backend %d times in 10 s, want 10", reads)
	}
	info.Transport.State = backend.TransportRolling
	for range infoEvery {
		p.tick()
	}
	for _, ok := p.infos.TryPop(); ok; _, ok = p.infos.TryPop() {
	}
	reads, forwarded := 0, 0
	for range infoEvery {
		p.tick()
		for _, ok := p.infos.TryPop(); ok; _, ok = p.infos.TryPop() {
			forwarded++
		}
	}
	if reads != infoEvery/transportInfoEvery || forwarded != reads {
		t.Fatalf("rolling: %d reads and %d positions forwarded in 1 s; want %d of each", reads, forwarded, infoEvery/transportInfoEvery)
	}
}
