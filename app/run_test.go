package app

import (
	"bytes"
	"strings"
	"testing"
)

func TestBadFlagsExitTwoWithAClearError(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--backend", "pulse"}, `unknown backend "pulse" (choose from: null)`},
		{[]string{"--channels", "33"}, "--channels 33: want 1 to 32"},
		{[]string{"--channels", "-1"}, "--channels -1: want 1 to 32"},
		{[]string{"--channels", "many"}, `invalid value "many" for flag -channels`},
		{[]string{"--volume", "11"}, "flag provided but not defined: -volume"},
		{[]string{"stray"}, `unexpected argument "stray"`},
		{[]string{"--rate", "1000"}, "sample rate 1000 Hz"},
		{[]string{"--period", "0"}, "--period 0: want 1 to 8192 frames"},
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
