package mixer

import "math"

// Talkover modes, the values of ParamTalkoverMode.
const (
	TalkoverOff    = 0 // the music is never ducked
	TalkoverAuto   = 1 // ducked while a mic channel's level is over the threshold
	TalkoverManual = 2 // ducked while ParamTalkoverButton is held
)

// Talkover defaults and timing.
const (
	DefaultTalkoverThresholdDB = -30.0
	DefaultTalkoverDepthDB     = -12.0
	DefaultTalkoverAttackMs    = 50.0
	DefaultTalkoverReleaseMs   = 500.0
	// TalkoverHoldSeconds is how long auto mode keeps the music ducked
	// after the mic last crossed the threshold, so that the pauses between
	// words do not pump the music. The release starts when it ends.
	TalkoverHoldSeconds = 0.2
)

// talkoverParams are the control targets of the talkover.
type talkoverParams struct {
	mode        int8
	held        bool // the manual talkover button
	thresholdDB float32
	depthDB     float32
	attackMs    float32
	releaseMs   float32
}

func defaultTalkoverParams() talkoverParams {
	return talkoverParams{
		thresholdDB: DefaultTalkoverThresholdDB,
		depthDB:     DefaultTalkoverDepthDB,
		attackMs:    DefaultTalkoverAttackMs,
		releaseMs:   DefaultTalkoverReleaseMs,
	}
}

// apply sets the talkover target cmd names and reports whether cmd was a
// talkover parameter. The value is finite (params.apply checked).
//
// apply is real-time safe: no allocation, no lock, no system call.
func (t *talkoverParams) apply(cmd Command) bool {
	v := cmd.Value
	switch cmd.Param {
	case ParamTalkoverMode:
		t.mode = int8(clamp(float32(math.Round(float64(v))), TalkoverOff, TalkoverManual))
	case ParamTalkoverButton:
		t.held = v >= 0.5
	case ParamTalkoverThresholdDB:
		t.thresholdDB = clamp(v, -60, 0)
	case ParamTalkoverDepthDB:
		t.depthDB = clamp(v, -40, 0)
	case ParamTalkoverAttackMs:
		t.attackMs = clamp(v, 1, 1000)
	case ParamTalkoverReleaseMs:
		t.releaseMs = clamp(v, 10, 5000)
	default:
		return false
	}
	return true
}

// ducker computes the talkover gain, one value per frame. The gain moves
// linearly in dB: down by the depth in the attack time, up by the depth in
// the release time (at least 1 dB per attack or release time, so a depth
// of 0 dB still lets a ducked gain recover). It stops exactly at its
// target, 1 or the depth.
type ducker struct {
	gain       float64 // now, linear
	floor      float64 // the depth, linear
	down, up   float64 // per-frame gain factors, < 1 and > 1
	threshold  float32 // linear
	holdFrames int
	holdLeft   int // auto mode: frames the duck still holds
}

// set turns the talkover targets into the ducker's factors.
//
// set is real-time safe: no allocation, no lock, no system call.
func (d *ducker) set(p *talkoverParams, sampleRateHz int) {
	rate := float64(sampleRateHz)
	span := math.Max(-float64(p.depthDB), 1) / 20 // decades of gain
	d.floor = math.Pow(10, float64(p.depthDB)/20)
	d.down = math.Pow(10, -span/(float64(p.attackMs)/1000*rate))
	d.up = math.Pow(10, span/(float64(p.releaseMs)/1000*rate))
	d.threshold = float32(math.Pow(10, float64(p.thresholdDB)/20))
	d.holdFrames = int(TalkoverHoldSeconds * rate)
}

// jump puts the ducker where its settings lead with no voice: ducked if the
// manual button is held, else at unity.
//
// jump is real-time safe: no allocation, no lock, no system call.
func (d *ducker) jump(p *talkoverParams) {
	d.gain, d.holdLeft = 1, 0
	if p.mode == TalkoverManual && p.held {
		d.gain = d.floor
	}
}

// block fills gain with the duck gain of each frame of the block, given the
// mic bus micL/micR (the mic channels after their faders), and reports
// whether it did: false means the gain is exactly 1 for the whole block and
// gain was not written.
//
// block is real-time safe: no allocation, no lock, no system call.
func (d *ducker) block(p *talkoverParams, micL, micR, gain []float32) bool {
	auto := p.mode == TalkoverAuto
	manual := p.mode == TalkoverManual && p.held
	if !auto {
		d.holdLeft = 0
	}
	if d.gain == 1 && !manual && (!auto || d.holdLeft == 0 && !overThreshold(micL, micR, d.threshold)) {
		return false
	}
	g, thr := d.gain, d.threshold
	micR = micR[:len(micL)]
	gain = gain[:len(micL)]
	for i, x := range micL {
		on := manual
		if auto {
			if absSample(x) > thr || absSample(micR[i]) > thr {
				d.holdLeft = d.holdFrames
			} else if d.holdLeft > 0 {
				d.holdLeft--
			}
			on = d.holdLeft > 0
		}
		target := 1.0
		if on {
			target = d.floor
		}
		if g > target {
			g = math.Max(g*d.down, target)
		} else if g < target {
			g = math.Min(g*d.up, target)
		}
		gain[i] = float32(g)
	}
	d.gain = g
	return true
}

// overThreshold reports whether any sample of l or r is beyond ±thr.
//
// overThreshold is real-time safe: no allocation, no lock, no system call.
func overThreshold(l, r []float32, thr float32) bool {
	r = r[:len(l)]
	for i, x := range l {
		if absSample(x) > thr || absSample(r[i]) > thr {
			return true
		}
	}
	return false
}

// absSample is |x|. It is real-time safe: no allocation, no lock, no system call.
func absSample(x float32) float32 {
	return math.Float32frombits(math.Float32bits(x) &^ (1 << 31))
}

// masterMix runs the master matrix (level, balance, mono) from the buses
// into preL/preR, which the caller has cleared, and returns the limiter's
// key. While the talkover ducks, the music (every channel but the mics) is
// ducked in preL/preR and the key is the master before the duck, so the
// limiter's gain does not rise as the music falls: the duck cannot be
// undone, and the mics pass at the level they have without talkover.
// Otherwise the key is preL/preR itself.
//
// masterMix is real-time safe: no allocation, no lock, no system call.
func (g *graph) masterMix(preL, preR []float32, n int) (keyL, keyR []float32) {
	st := &g.studio
	busL, busR := g.busL[:n], g.busR[:n]
	micL, micR := st.micL[:n], st.micR[:n]
	duck := st.duckGain[:n]
	if !st.duck.block(&g.p.talk, micL, micR, duck) {
		if st.micMask != 0 {
			for i := range busL {
				busL[i] += micL[i]
				busR[i] += micR[i]
			}
		}
		g.mLL.MixInto(preL, busL)
		g.mLR.MixInto(preL, busR)
		g.mRL.MixInto(preR, busL)
		g.mRR.MixInto(preR, busR)
		return preL, preR
	}
	keyL, keyR = st.keyL[:n], st.keyR[:n]
	clear(keyL)
	clear(keyR)
	// The music runs copies of the matrix ramps, the mics the ramps.
	ll, lr, rl, rr := g.mLL, g.mLR, g.mRL, g.mRR
	ll.MixInto(preL, busL)
	lr.MixInto(preL, busR)
	rl.MixInto(preR, busL)
	rr.MixInto(preR, busR)
	g.mLL.MixInto(keyL, micL)
	g.mLR.MixInto(keyL, micR)
	g.mRL.MixInto(keyR, micL)
	g.mRR.MixInto(keyR, micR)
	preL, preR, keyL, keyR = preL[:len(duck)], preR[:len(duck)], keyL[:len(duck)], keyR[:len(duck)]
	for i, d := range duck {
		musicL, musicR := preL[i], preR[i]
		voiceL, voiceR := keyL[i], keyR[i]
		preL[i] = musicL*d + voiceL
		preR[i] = musicR*d + voiceR
		keyL[i] = musicL + voiceL
		keyR[i] = musicR + voiceR
	}
	return keyL, keyR
}
