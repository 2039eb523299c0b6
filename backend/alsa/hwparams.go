package alsa

import (
	"errors"
	"fmt"
	"math"
	"unsafe"
)

// reset opens every parameter to "anything", the starting point of a
// refinement.
func (p *hwParams) reset() {
	*p = hwParams{}
	for i := range p.masks {
		for j := range p.masks[i].bits {
			p.masks[i].bits[j] = math.MaxUint32
		}
	}
	for i := range p.intervals {
		p.intervals[i] = sndInterval{min: 0, max: math.MaxUint32}
	}
	p.rmask = math.MaxUint32
	p.info = math.MaxUint32
}

func (p *hwParams) maskHas(param, bit int) bool {
	return p.masks[param].bits[bit/32]&(1<<(bit%32)) != 0
}

func (p *hwParams) setMask(param, bit int) {
	p.masks[param] = sndMask{}
	p.masks[param].bits[bit/32] = 1 << (bit % 32)
}

// rangeOf returns the closed range an interval allows, honouring the
// kernel's open-end flags on integer intervals.
func (p *hwParams) rangeOf(param int) (lo, hi uint32) {
	iv := p.intervals[param-firstInterval]
	lo, hi = iv.min, iv.max
	if iv.flags&intervalOpenMin != 0 && lo < math.MaxUint32 {
		lo++
	}
	if iv.flags&intervalOpenMax != 0 && hi > 0 {
		hi--
	}
	return lo, hi
}

func (p *hwParams) setRange(param int, lo, hi uint32) {
	p.intervals[param-firstInterval] = sndInterval{min: lo, max: hi, flags: intervalInteger}
}

// value is the granted value of a parameter the kernel has fixed.
func (p *hwParams) value(param int) int {
	lo, _ := p.rangeOf(param)
	return int(lo)
}

// refine asks the kernel to narrow p to what the device can do.
func refine(fd int, p *hwParams) error {
	p.rmask = math.MaxUint32
	return ioctlErr(fd, ioctlHWRefine, unsafe.Pointer(p))
}

// near fixes param to the value the device allows that is closest to want:
// want itself when it is allowed, otherwise the nearest value above, and
// only then the nearest below.
func near(fd int, p *hwParams, param int, want uint32) (uint32, error) {
	lo, hi := p.rangeOf(param)
	v := min(max(want, lo), hi)
	for i, r := range [][2]uint32{{v, v}, {v, hi}, {lo, v}} {
		try := *p
		try.setRange(param, r[0], r[1])
		if refine(fd, &try) != nil {
			continue
		}
		got, gotHi := try.rangeOf(param)
		if i == 2 { // searching below want: the largest is the nearest
			got = gotHi
		}
		exact := try
		exact.setRange(param, got, got)
		if refine(fd, &exact) == nil {
			*p = exact
			return got, nil
		}
	}
	return 0, fmt.Errorf("HW_REFINE: no value for parameter %d near %d: %w", param, want, errInvalid)
}

var errInvalid = errors.New("invalid argument")

// formatPreference is the order in which sample formats are tried: the
// widest integer format first, so nothing the hardware resolves is lost on
// the way to float32.
var formatPreference = []int{formatS32LE, formatS24_3LE, formatS24LE, formatS16LE, formatFloatLE}

func formatName(f int) string {
	switch f {
	case formatS16LE:
		return "S16_LE"
	case formatS24LE:
		return "S24_LE"
	case formatS32LE:
		return "S32_LE"
	case formatFloatLE:
		return "FLOAT_LE"
	case formatS24_3LE:
		return "S24_3LE"
	}
	return fmt.Sprintf("format %d", f)
}

// bytesPerSample is the storage size of one sample of a supported format.
//
// bytesPerSample is real-time safe: no allocation, no lock, no system call.
func bytesPerSample(f int) int {
	switch f {
	case formatS16LE:
		return 2
	case formatS24_3LE:
		return 3
	default:
		return 4
	}
}

// request is what the caller asks of one PCM.
type request struct {
	mmap         bool // ask for mmap access; read/write is the fallback
	channels     int
	rateHz       int
	periodFrames int
	periods      int
}

// grant is what the kernel gave.
type grant struct {
	mmap         bool
	format       int
	channels     int
	rateHz       int
	periodFrames int
	periods      int
	bufferFrames int
}

// negotiate chooses access, format, channels, rate, period size and period
// count as close to req as the device allows, and installs them with
// HW_PARAMS. It returns one line per value that differs from the request.
func negotiate(fd int, req request) (grant, []string, error) {
	var p hwParams
	p.reset()
	if err := refine(fd, &p); err != nil {
		return grant{}, nil, fmt.Errorf("HW_REFINE: %w", err)
	}
	var g grant
	var notes []string
	switch {
	case req.mmap && p.maskHas(paramAccess, accessMMapInterleaved):
		g.mmap = true
		p.setMask(paramAccess, accessMMapInterleaved)
	case p.maskHas(paramAccess, accessRWInterleaved):
		if req.mmap {
			notes = append(notes, "no mmap access: using read/write, one extra copy per period")
		}
		p.setMask(paramAccess, accessRWInterleaved)
	default:
		return grant{}, nil, fmt.Errorf("HW_REFINE: device offers neither interleaved mmap nor read/write access: %w", errInvalid)
	}
	g.format = -1
	for _, f := range formatPreference {
		if p.maskHas(paramFormat, f) {
			g.format = f
			break
		}
	}
	if g.format < 0 {
		return grant{}, nil, fmt.Errorf("HW_REFINE: device offers none of S32_LE, S24_3LE, S24_LE, S16_LE, FLOAT_LE: %w", errInvalid)
	}
	p.setMask(paramFormat, g.format)
	if err := refine(fd, &p); err != nil {
		return grant{}, nil, fmt.Errorf("HW_REFINE: %w", err)
	}
	steps := []struct {
		param int
		what  string
		want  int
		got   *int
	}{
		{paramChannels, "channels", req.channels, &g.channels},
		{paramRate, "rate Hz", req.rateHz, &g.rateHz},
		{paramPeriodSize, "period frames", req.periodFrames, &g.periodFrames},
		{paramPeriods, "periods", req.periods, &g.periods},
	}
	for _, s := range steps {
		v, err := near(fd, &p, s.param, uint32(min(max(s.want, 0), math.MaxInt32)))
		if err != nil {
			return grant{}, nil, err
		}
		*s.got = int(v)
		if *s.got != s.want {
			notes = append(notes, fmt.Sprintf("asked %d %s, hardware granted %d", s.want, s.what, *s.got))
		}
	}
	p.rmask = math.MaxUint32
	if err := ioctlErr(fd, ioctlHWParams, unsafe.Pointer(&p)); err != nil {
		return grant{}, nil, fmt.Errorf("HW_PARAMS: %w", err)
	}
	g.channels = p.value(paramChannels)
	g.rateHz = p.value(paramRate)
	g.periodFrames = p.value(paramPeriodSize)
	g.periods = p.value(paramPeriods)
	g.bufferFrames = p.value(paramBufferSize)
	return g, notes, nil
}
