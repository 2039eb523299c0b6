//go:build cgo

package jacktest_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/internal/jacktest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && jacktest.CurrentKind() == jacktest.Jackd {
		code = jacktest.ReexecForPipeWire()
	}
	os.Exit(code)
}

// TestDirectConnection checks the harness itself: an impulse played by one
// client arrives at another, connected directly, in the same frame.
func TestDirectConnection(t *testing.T) {
	kind := jacktest.CurrentKind()
	jacktest.Need(t, kind)
	srv, err := jacktest.Start(kind, jacktest.ServerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.UseInProcess()

	src, err := jacktest.OpenClient("jt-src", []string{"out"}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	sink, err := jacktest.OpenClient("jt-sink", nil, []string{"in"}, 48000)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	if err := src.Connect(src.Port("out"), sink.Port("in")); err != nil {
		t.Fatal(err)
	}
	if !jacktest.Eventually(2*time.Second, func() bool { return src.Connected(src.Port("out"), sink.Port("in")) }) {
		t.Fatal("Connected reports no connection after Connect")
	}
	impulse := make([]float32, 4800)
	impulse[1000] = 1
	if err := sink.Start(nil, false); err != nil {
		t.Fatal(err)
	}
	if err := src.Start([][]float32{impulse}, false); err != nil {
		t.Fatal(err)
	}
	if !sink.WaitRecorded(12000, 5*time.Second) {
		t.Fatalf("sink recorded %d frames in 5 s", len(sink.Recorded(0)))
	}
	rec := sink.Recorded(0)
	at := -1
	for i, v := range rec {
		if v != 0 {
			if at >= 0 {
				t.Fatalf("second non-zero sample at %d (%v)", i, v)
			}
			at = i
		}
	}
	if at < 0 {
		t.Fatal("impulse never arrived")
	}
	delay := int64(at) + int64(int32(sink.StartFrame()-src.StartFrame())) - 1000
	if delay != 0 || rec[at] != 1 {
		t.Fatalf("impulse arrived %d frames late with value %v; want 0 frames and 1", delay, rec[at])
	}
}

// TestMIDIRecorder checks the harness's MIDI input: events one client
// sends arrive whole and in order at another's recorder.
func TestMIDIRecorder(t *testing.T) {
	kind := jacktest.CurrentKind()
	jacktest.Need(t, kind)
	srv, err := jacktest.Start(kind, jacktest.ServerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	srv.UseInProcess()
	src, err := jacktest.OpenClient("jt-src", nil, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	sink, err := jacktest.OpenClient("jt-sink", nil, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	if err := src.RegisterMIDIOutput("out"); err != nil {
		t.Fatal(err)
	}
	if err := sink.RegisterMIDIInput("in"); err != nil {
		t.Fatal(err)
	}
	// PipeWire makes a new port known to its graph a little after the
	// registration returns; until then jack_connect says EINVAL.
	var connErr error
	if !jacktest.Eventually(3*time.Second, func() bool {
		connErr = src.Connect(src.Port("out"), sink.Port("in"))
		return connErr == nil
	}) {
		t.Fatal(connErr)
	}
	// PipeWire carries data over a new link a little after it exists.
	prime := []byte{0xFE}
	if !jacktest.Eventually(3*time.Second, func() bool {
		return src.SendMIDI(0, prime, time.Second) == nil && len(sink.ReceivedMIDI()) > 0
	}) {
		t.Fatal("no MIDI arrived over the connection")
	}
	time.Sleep(50 * time.Millisecond)
	skip := len(sink.ReceivedMIDI())
	sent := [][]byte{{0x90, 60, 100}, {0xF0, 1, 2, 3, 0xF7}, {0xB1, 7, 0}}
	for _, ev := range sent {
		if err := src.SendMIDI(5, ev, 2*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	jacktest.Eventually(2*time.Second, func() bool { return len(sink.ReceivedMIDI()) >= skip+len(sent) })
	got := sink.ReceivedMIDI()[skip:]
	if fmt.Sprint(got) != fmt.Sprint(sent) {
		t.Fatalf("received %v; sent %v", got, sent)
	}
}
