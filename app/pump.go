package app

import (
	"math"
	"strings"
	"sync/atomic"
	"time"

	"github.com/linuxdj/linuxdj/backend"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
)

// Pump timing: it looks for meter frames at the display rate and at the
// backend's health once a second. After a second with nothing to show it
// looks ten times a second only: each look wakes a thread, and in silence
// those wakes were most of what the app cost (see docs/PERFORMANCE.md);
// the first level after silence then shows within 0.1 s.
const (
	pumpInterval       = time.Second / 60
	pumpIdleInterval   = time.Second / 10
	pumpIdleAfter      = 60 // ticks with nothing to show
	infoEvery          = 60 // ticks of pumpInterval
	transportInfoEvery = 6  // ticks while the transport moves: 100 ms
	// shownFloorDB is where a meter bar is empty (IECHeight's zero):
	// levels below it all look alike, so silence with a little noise
	// never wakes the window.
	shownFloorDB = -70
	// pumpVisibleDB is the change that is worth a frame.
	pumpVisibleDB = 0.25
	// frameGapPerCost spaces the window's frames by at least this many
	// times what a frame costs it, so that drawing meters keeps the GUI
	// thread busy at most a third of the time. With a GPU a frame costs
	// about a millisecond and the display rate is the limit; a software
	// renderer spends 10–20 ms on a frame (and its own threads as much
	// again), and at 60 frames a second the window alone would take more
	// than a core while music plays.
	frameGapPerCost = 3
	// maxFrameGap keeps meters moving at 10 frames a second at least,
	// however slow the renderer.
	maxFrameGap = time.Second / 10
	// softwareFrameGap is the steady spacing of frames on a software
	// renderer (Mesa's llvmpipe): 30 a second, as jack_mixer draws its
	// meters. There a frame that moves meters costs the window about
	// 7 ms of CPU (its layout, Gio's work, and copying the window to the
	// X server), so the rate decides what the window costs while music
	// plays; by the frame's cost alone it would vary with the machine's
	// load (see docs/PERFORMANCE.md).
	softwareFrameGap = time.Second / 30
)

// meterPump stands between the engine's meter ring and the window, so the
// window sleeps while nothing visible changes. It is the engine ring's only
// consumer and the GUI ring's only producer; it runs on its own goroutine
// and shares nothing with the audio thread but the lock-free ring.
//
// Each tick it folds every waiting frame into one (peaks and clips are
// "max since last delivered", so none is lost), and forwards it only when
// it would look different from the last one forwarded. It wakes the window
// for what it forwarded once the last frame is far enough behind
// (frameGap): a slow renderer gets fewer frames, each showing every peak.
type meterPump struct {
	src        *rt.Ring[mixer.MeterFrame]
	out        *rt.Ring[mixer.MeterFrame]
	infos      *rt.Ring[backend.StreamInfo]
	info       func() backend.StreamInfo
	invalidate func()
	// remote are rings of commands from other controllers that the
	// window drains each frame; one that is not empty wakes it.
	remote []*rt.Ring[mixer.Command]

	// idle is set while the pump looks at pumpIdleInterval.
	idle atomic.Bool
	// frameCostNs is what a frame costs the window (a running average, in
	// ns), and lastFrameNs when the last one started (since epoch), both
	// told by the window's goroutine (frameDrawn).
	frameCostNs atomic.Int64
	lastFrameNs atomic.Int64
	epoch       time.Time
	// fixedGapNs, when set, is the frame spacing whatever a frame costs
	// (softwareFrameGap on a software renderer).
	fixedGapNs atomic.Int64

	acc, frame mixer.MeterFrame
	pending    bool // acc holds frames not yet forwarded
	sent       mixer.MeterFrame
	sentInfo   statusInfo
	ticks      int
	step       int  // pumpInterval ticks per tick: 1, or more while idle
	owed       bool // something was forwarded that the window has not been woken for
}

// statusInfo is backend.StreamInfo as the status line shows it: the DSP
// load in whole percent.
type statusInfo struct {
	backend.StreamInfo
	loadPct int
}

func newMeterPump(src *rt.Ring[mixer.MeterFrame], info func() backend.StreamInfo, invalidate func()) *meterPump {
	return &meterPump{
		src:        src,
		out:        rt.NewRing[mixer.MeterFrame](4),
		infos:      rt.NewRing[backend.StreamInfo](4),
		info:       info,
		invalidate: invalidate,
		ticks:      infoEvery - 1,
		step:       1,
		epoch:      time.Now(),
	}
}

// run ticks until stop is closed, slowing down while there is nothing to
// show.
func (p *meterPump) run(stop <-chan struct{}) {
	interval := pumpInterval
	t := time.NewTicker(interval)
	defer t.Stop()
	quiet := 0
	for {
		select {
		case <-stop:
			return
		case now := <-t.C:
			if p.tick() {
				p.owed = true
				quiet = 0
			} else if !p.owed {
				quiet += p.step
			}
			// Half a tick early is close enough: the gap is kept on the
			// tick that reaches it, not the one after, however late the
			// window started its last frame after the tick that woke it.
			if p.owed && p.sinceFrame(now)+interval/2 >= p.frameGap() {
				p.invalidate()
				p.owed = false
			}
			idle := quiet >= pumpIdleAfter
			p.idle.Store(idle)
			want := p.activeInterval()
			if idle {
				want = pumpIdleInterval
			}
			if want != interval {
				interval = want
				p.step = max(int(interval/pumpInterval), 1)
				t.Reset(interval)
			}
		}
	}
}

// activeInterval is how often the pump looks while meters move: at the
// display rate, or at the fixed frame spacing when one is set (a
// software renderer), so that each look can wake the window.
func (p *meterPump) activeInterval() time.Duration {
	return max(time.Duration(p.fixedGapNs.Load()), pumpInterval)
}

// frameDrawn tells the pump, from the window's goroutine, that a frame
// started at start and cost d; the pump keeps a running average of d.
func (p *meterPump) frameDrawn(start time.Time, d time.Duration) {
	p.lastFrameNs.Store(int64(start.Sub(p.epoch)))
	old := p.frameCostNs.Load()
	if old == 0 {
		p.frameCostNs.Store(int64(d))
		return
	}
	p.frameCostNs.Store(old + (int64(d)-old)/4)
}

// frameGap is the least time from the start of one frame to the next that
// the pump (or the window's own animation timer) asks for: frameGapPerCost
// times a frame's average cost, at most maxFrameGap. While it is under the
// display interval it changes nothing.
func (p *meterPump) frameGap() time.Duration {
	if g := p.fixedGapNs.Load(); g > 0 {
		return time.Duration(g)
	}
	return min(frameGapPerCost*time.Duration(p.frameCostNs.Load()), maxFrameGap)
}

// setFixedGap spaces frames by gap from now on, whatever they cost.
func (p *meterPump) setFixedGap(gap time.Duration) { p.fixedGapNs.Store(int64(gap)) }

// softwareRenderer is the name of the software renderer that renderer
// (OpenGL's GL_RENDERER, as glxinfo prints it) names, such as "llvmpipe"
// for "llvmpipe (LLVM 15.0.6, 256 bits)", or "" for a GPU.
func softwareRenderer(renderer string) string {
	name, _, _ := strings.Cut(strings.TrimSpace(renderer), " ")
	switch strings.ToLower(name) {
	case "llvmpipe", "softpipe", "swrast", "lavapipe":
		return name
	}
	return ""
}

// sinceFrame is how long before now the window's last frame started.
func (p *meterPump) sinceFrame(now time.Time) time.Duration {
	return now.Sub(p.epoch) - time.Duration(p.lastFrameNs.Load())
}

// tick moves what is new to the GUI rings and reports whether the window
// needs a frame.
func (p *meterPump) tick() bool {
	wake := false
	for p.src.TryPopInto(&p.frame) {
		if p.pending {
			foldFrame(&p.acc, &p.frame)
		} else {
			p.acc = p.frame
			p.pending = true
		}
	}
	if p.pending && visiblyDifferent(&p.acc, &p.sent) {
		if p.out.TryPushPtr(&p.acc) {
			p.sent = p.acc
			p.pending = false
			wake = true
		}
	} else {
		p.pending = false
	}
	for _, r := range p.remote {
		if r.Len() > 0 {
			wake = true
		}
	}
	p.ticks += p.step
	// A moving transport's position is followed as often as the JACK
	// backend reads it; the rest of the status changes too little to be
	// read more than once a second.
	if p.ticks >= infoEvery || p.ticks >= transportInfoEvery && p.sentInfo.Transport.Moving() {
		p.ticks = 0
		i := p.info()
		si := statusInfo{StreamInfo: i, loadPct: p.sentInfo.loadPct}
		si.DSPLoad = 0
		// The load moves by a fraction of a percent all the time; only a
		// whole percent away from what is shown is worth a frame.
		if loadPct := 100 * i.DSPLoad; math.Abs(loadPct-float64(si.loadPct)) >= 1 {
			si.loadPct = int(math.Round(loadPct))
		}
		if si != p.sentInfo {
			i.DSPLoad = float64(si.loadPct) / 100
			if p.infos.TryPush(i) {
				p.sentInfo = si
				wake = true
			}
		}
	}
	return wake
}

// foldFrame adds a newer frame to acc: peaks and clips since the last
// delivery accumulate, everything else is taken from the newer frame.
func foldFrame(acc, newer *mixer.MeterFrame) {
	strips := acc.Strip
	master, booth, phones, cue := acc.Master, acc.Booth, acc.Phones, acc.Cue
	modes, masterPeak, loud := acc.StripMode, acc.MasterPeak, acc.Loudness
	*acc = *newer
	foldMeterModes(acc, &modes, &masterPeak, &loud)
	for i := range acc.Strip {
		foldLevel(&acc.Strip[i], &strips[i])
	}
	foldLevel(&acc.Master, &master)
	foldLevel(&acc.Booth, &booth)
	foldLevel(&acc.Phones, &phones)
	foldLevel(&acc.Cue, &cue)
}

func foldLevel(l, older *mixer.LevelMeter) {
	l.PeakL = max(l.PeakL, older.PeakL)
	l.PeakR = max(l.PeakR, older.PeakR)
	l.ClipL = l.ClipL || older.ClipL
	l.ClipR = l.ClipR || older.ClipR
}

func visiblyDifferent(a, b *mixer.MeterFrame) bool {
	if a.Channels != b.Channels || math.Abs(float64(a.Status.LimiterGainDB-b.Status.LimiterGainDB)) > 0.05 {
		return true
	}
	for i := 0; i < a.Channels && i < len(a.Strip); i++ {
		if levelDiffers(&a.Strip[i], &b.Strip[i]) {
			return true
		}
	}
	return levelDiffers(&a.Master, &b.Master) || meterModesDiffer(a, b)
}

func levelDiffers(a, b *mixer.LevelMeter) bool {
	return a.ClipL || a.ClipR ||
		dbDiffers(a.PeakL, b.PeakL) || dbDiffers(a.PeakR, b.PeakR) ||
		dbDiffers(a.RMSL, b.RMSL) || dbDiffers(a.RMSR, b.RMSR)
}

func dbDiffers(a, b float32) bool {
	return math.Abs(shownDB(a)-shownDB(b)) > pumpVisibleDB
}

func shownDB(a float32) float64 {
	if !(a > 0) {
		return shownFloorDB
	}
	return max(20*math.Log10(float64(a)), shownFloorDB)
}
