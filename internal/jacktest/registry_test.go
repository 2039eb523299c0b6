package jacktest

import (
	"syscall"
	"testing"
)

// TestStartSurvivesDeadServers fills jackd's server table with killed
// servers, as crashed test runs leave it: jackd then refuses every new
// server ("Too many servers already active"), and Start must still bring
// one up.
func TestStartSurvivesDeadServers(t *testing.T) {
	Need(t, Jackd)
	if CurrentKind() != Jackd {
		t.Skip("jackd's server table is the jackd pass's; this pass runs PipeWire's libjack")
	}
	for i := range 8 {
		s, err := Start(Jackd, ServerOptions{})
		if err != nil {
			t.Fatalf("server %d: %v", i+1, err)
		}
		// SIGKILL leaves the server's slot behind, and its files in
		// /dev/shm until the test is over.
		t.Cleanup(func() { removeLeftovers(s.Name) })
		cmd := s.cmd
		s.cmd = nil
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		s.log.Close()
		s.Close()
	}
	s, err := Start(Jackd, ServerOptions{})
	if err != nil {
		t.Fatalf("after 8 killed servers: %v", err)
	}
	if err := s.Stop(); err != nil {
		t.Error(err)
	}
	s.Close()
}
