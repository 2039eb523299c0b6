package app

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestBadFlagsExitTwoWithAClearError(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "state.toml")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--backend", "pulse"}, `unknown backend "pulse" (choose from: auto, jack, alsa, null)`},
		{[]string{"--channels", "33"}, "--channels 33: want 1 to 32"},
		{[]string{"--channels", "-1"}, "--channels -1: want 1 to 32"},
		{[]string{"--channels", "many"}, `invalid value "many" for flag -channels`},
		{[]string{"--volume", "11"}, "flag provided but not defined: -volume"},
		{[]string{"stray"}, `unexpected argument "stray"`},
		{[]string{"--config", cfg, "--backend", "null", "--rate", "1000"}, "sample rate 1000 Hz"},
		{[]string{"--period", "0"}, "--period 0: want 1 to 8192 frames"},
		{[]string{"--meters"}, "--meters needs --headless"},
		{[]string{"--backend", "jack", "--device", "hw:0"}, "--device hw:0: only the alsa backend opens devices"},
		{[]string{"--backend", "null", "--client-name", "x"}, "--client-name: only the jack backend has a client name"},
		{[]string{"--capture-device", "hw:1"}, "--capture-device needs --device or --backend alsa"},
		{[]string{"--headless=maybe"}, `invalid boolean value "maybe" for -headless`},
	} {
		var out, errOut bytes.Buffer
		code := Main(c.args, &out, &errOut)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr: %s)", c.args, code, errOut.String())
		}
		if !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%v: stderr %q does not say %q", c.args, errOut.String(), c.want)
		}
	}
}

func TestVersionAndHelpExitZero(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Main([]string{"--version"}, &out, &errOut); code != 0 {
		t.Fatalf("--version: exit %d (stderr %s)", code, errOut.String())
	}
	if got, want := out.String(), "linuxdj "+Version+"\n"; got != want {
		t.Errorf("--version printed %q, want %q", got, want)
	}
	out.Reset()
	errOut.Reset()
	if code := Main([]string{"--help"}, &out, &errOut); code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, flag := range []string{"-backend", "-device", "-client-name", "-config", "-headless", "-meters", "-list-devices", "-version", "-channels"} {
		if !strings.Contains(errOut.String(), flag) {
			t.Errorf("--help does not document %s:\n%s", flag, errOut.String())
		}
	}
}

func TestAutoDetectOrder(t *testing.T) {
	yes := func() bool { return true }
	no := func() bool { return false }
	for _, c := range []struct {
		requested, device string
		p                 probes
		want, why         string
	}{
		{"auto", "", probes{jack: yes, alsa: yes}, "jack", "a JACK server answers"},
		{"auto", "", probes{jack: no, alsa: yes}, "alsa", "an ALSA playback device exists"},
		{"auto", "", probes{jack: no, alsa: no}, "null", "playing the demo signal"},
		{"auto", "hw:1", probes{jack: yes, alsa: yes}, "alsa", "--device hw:1"},
		{"null", "", probes{jack: yes, alsa: yes}, "null", "asked for with --backend"},
	} {
		name, why, err := chooseBackend(c.requested, c.device, c.p)
		if err != nil || name != c.want || !strings.Contains(why, c.why) {
			t.Errorf("%s %q: got %s (%q, %v), want %s (%q)", c.requested, c.device, name, why, err, c.want, c.why)
		}
	}
}

// TestAutoDetectPicksNullHere runs the real probes: this machine has no
// ALSA devices, and no JACK server runs unless a test starts one.
func TestAutoDetectPicksNullHere(t *testing.T) {
	t.Setenv("JACK_DEFAULT_SERVER", "linuxdj-no-such-server")
	name, why, err := chooseBackend("auto", "", systemProbes)
	if err != nil {
		t.Fatal(err)
	}
	if name != "null" {
		t.Fatalf("auto chose %s (%s), want null on a machine with no server or device", name, why)
	}
}
