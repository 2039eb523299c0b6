package testenv

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// recorder stands in for the test a helper fails or skips, so that the
// outcome can be looked at instead of ending this test. Like testing.T,
// it ends the goroutine at Fatalf and Skipf.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (r *recorder) Skipf(format string, args ...any) {
	r.skip = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// need runs Need(k) on its own goroutine, as a test would, and returns
// how it ended.
func need(t *testing.T, k Kind) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Need(r, k)
	}()
	<-done
	return r
}

var missingKind = Kind{name: "a missing tool", optOut: "LINUXDJ_TESTENV_TEST_SKIP", tools: []tool{
	{"sh", "dash"}, {"linuxdj-no-such-program", "linuxdj-pkg"}, {"linuxdj-no-such-program-2", "linuxdj-pkg"},
}}

func TestMissingToolFailsNamingThePackage(t *testing.T) {
	r := need(t, missingKind)
	want := "linuxdj-no-such-program, linuxdj-no-such-program-2 not found: apt-get install linuxdj-pkg (make test does), or set LINUXDJ_TESTENV_TEST_SKIP=1 to skip"
	if r.fatal != want || r.skip != "" {
		t.Fatalf("fatal %q, skip %q; want fatal %q", r.fatal, r.skip, want)
	}
}

func TestOptOutSkips(t *testing.T) {
	t.Setenv(missingKind.optOut, "1")
	r := need(t, missingKind)
	if r.fatal != "" || !strings.HasPrefix(r.skip, "LINUXDJ_TESTENV_TEST_SKIP=1: ") {
		t.Fatalf("fatal %q, skip %q; want a skip that names the variable", r.fatal, r.skip)
	}
}

func TestOnlyOneMeansOptOut(t *testing.T) {
	t.Setenv(missingKind.optOut, "0")
	r := need(t, missingKind)
	if r.fatal == "" || r.skip != "" {
		t.Fatalf("%s=0: fatal %q, skip %q; want the failure", missingKind.optOut, r.fatal, r.skip)
	}
}

func TestPresentToolsPass(t *testing.T) {
	r := need(t, Kind{name: "a shell", optOut: "LINUXDJ_TESTENV_TEST_SKIP", tools: []tool{{"sh", "dash"}}})
	if r.fatal != "" || r.skip != "" {
		t.Fatalf("fatal %q, skip %q; want neither", r.fatal, r.skip)
	}
}

func TestMissingPluginNamesThePackage(t *testing.T) {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		MissingPlugin(r, "urn:example:gain", "example-lv2")
	}()
	<-done
	want := "LV2 plugin urn:example:gain not installed: apt-get install example-lv2 (make test does), or set LINUXDJ_SKIP_LV2=1 to skip"
	if r.fatal != want {
		t.Fatalf("fatal %q; want %q", r.fatal, want)
	}
}
