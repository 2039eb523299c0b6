// Package ebur128ref wraps libebur128 (Debian libebur128-dev), the loudness
// library the Linux audio world uses, as the reference the meter package's
// tests compare with. It is built only with the ebur128 build tag, so the
// project and its ordinary tests stay cgo-free:
//
//	go test -tags ebur128 ./mixer/meter/
//	go test -tags ebur128 -run '^$' -bench R128 -benchtime 10x ./mixer/meter/
package ebur128ref
