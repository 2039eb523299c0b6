package alsa

import (
	"encoding/binary"
	"math"
)

// Full-scale factors: a sample of n bits maps to [-1, 1) by dividing by
// 2^(n-1). Integer samples of up to 24 significant bits survive the trip
// through float32 exactly, which the round-trip test relies on.
const (
	scale16 = 1 << 15
	scale24 = 1 << 23
	scale32 = 1 << 31
)

// toInt rounds x (already scaled) to the nearest integer in [lo, hi].
// NaN becomes 0, so one bad sample cannot reach the DAC as full scale.
//
// toInt is real-time safe: no allocation, no lock, no system call.
func toInt(x, lo, hi float64) int64 {
	switch {
	case x != x:
		return 0
	case x >= hi:
		return int64(hi)
	case x <= lo:
		return int64(lo)
	case x >= 0:
		return int64(x + 0.5)
	default:
		return int64(x - 0.5)
	}
}

// decode converts frames interleaved samples of format from src into the
// planar ports dst, starting at frame offset in dst. Channels without a
// port are skipped; ports without a channel are left alone (the caller
// clears them once).
//
// decode is real-time safe: no allocation, no lock, no system call.
func decode(format, channels int, src []byte, dst [][]float32, offset, frames int) {
	bps := bytesPerSample(format)
	used := min(channels, len(dst))
	for ch := 0; ch < used; ch++ {
		out := dst[ch][offset : offset+frames]
		i := ch * bps
		step := channels * bps
		switch format {
		case formatS16LE:
			for f := range out {
				out[f] = float32(int16(binary.LittleEndian.Uint16(src[i:]))) / scale16
				i += step
			}
		case formatS24_3LE:
			for f := range out {
				v := int32(uint32(src[i])<<8|uint32(src[i+1])<<16|uint32(src[i+2])<<24) >> 8
				out[f] = float32(v) / scale24
				i += step
			}
		case formatS24LE:
			for f := range out {
				v := int32(binary.LittleEndian.Uint32(src[i:])<<8) >> 8
				out[f] = float32(v) / scale24
				i += step
			}
		case formatS32LE:
			for f := range out {
				out[f] = float32(float64(int32(binary.LittleEndian.Uint32(src[i:]))) / scale32)
				i += step
			}
		case formatFloatLE:
			for f := range out {
				out[f] = math.Float32frombits(binary.LittleEndian.Uint32(src[i:]))
				i += step
			}
		}
	}
}

// encode converts frames of the planar ports src, from frame offset, into
// interleaved samples of format in dst. Channels without a port get
// silence.
//
// encode is real-time safe: no allocation, no lock, no system call.
func encode(format, channels int, src [][]float32, offset, frames int, dst []byte) {
	bps := bytesPerSample(format)
	step := channels * bps
	for ch := 0; ch < channels; ch++ {
		i := ch * bps
		if ch >= len(src) {
			for range frames {
				clear(dst[i : i+bps])
				i += step
			}
			continue
		}
		in := src[ch][offset : offset+frames]
		switch format {
		case formatS16LE:
			for _, s := range in {
				binary.LittleEndian.PutUint16(dst[i:], uint16(toInt(float64(s)*scale16, -scale16, scale16-1)))
				i += step
			}
		case formatS24_3LE:
			for _, s := range in {
				v := toInt(float64(s)*scale24, -scale24, scale24-1)
				dst[i], dst[i+1], dst[i+2] = byte(v), byte(v>>8), byte(v>>16)
				i += step
			}
		case formatS24LE:
			for _, s := range in {
				v := toInt(float64(s)*scale24, -scale24, scale24-1)
				binary.LittleEndian.PutUint32(dst[i:], uint32(v)&0xFFFFFF)
				i += step
			}
		case formatS32LE:
			for _, s := range in {
				binary.LittleEndian.PutUint32(dst[i:], uint32(toInt(float64(s)*scale32, -scale32, scale32-1)))
				i += step
			}
		case formatFloatLE:
			for _, s := range in {
				binary.LittleEndian.PutUint32(dst[i:], math.Float32bits(s))
				i += step
			}
		}
	}
}
