//go:build cgo

package lv2

// BareNanos lets the benchmark time the plugins without the host.
func BareNanos(ch *Chain, frames, iters int) int64 { return ch.bareNanos(frames, iters) }
