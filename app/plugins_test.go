//go:build cgo

package app

import (
	"bytes"
	"strings"
	"testing"

	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

// needPlugins fails the test, naming the Debian package, when one of the
// LV2 plugins it shows is not installed.
func needPlugins(t *testing.T, uris map[string]string) {
	t.Helper()
	testenv.Need(t, testenv.LV2)
	w, err := lv2.NewWorld()
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for uri, pkg := range uris {
		if _, ok := w.Plugin(uri); !ok {
			testenv.MissingPlugin(t, uri, pkg)
		}
	}
}

func TestPluginsListsAndSearches(t *testing.T) {
	needPlugins(t, map[string]string{"http://plugin.org.uk/swh-plugins/amp": "swh-lv2"})
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"plugins", "--search", "simple amplifier"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"NAME", "Simple amplifier", "Amplifier Plugin", "Steve Harris", "1/1", "http://plugin.org.uk/swh-plugins/amp", "1 of "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestPluginsDescribesPorts(t *testing.T) {
	const nodelay = "http://gareus.org/oss/lv2/nodelay"
	needPlugins(t, map[string]string{"http://plugin.org.uk/swh-plugins/amp": "swh-lv2", nodelay: "x42-plugins"})
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"plugins", "http://plugin.org.uk/swh-plugins/amp", nodelay}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"Simple amplifier", "gain", "Amps gain (dB)", "control in", "-70 .. 70",
		"No Delay Line", "report_latency", "integer,enum", "1 = Delay and report latency",
		"latency", "control out", "0 .. 192000", "frames", "audio in", "audio out",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	stdout.Reset()
	if code := Main([]string{"plugins", "urn:linuxdj:none"}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "no plugin urn:linuxdj:none is installed") {
		t.Errorf("unknown plugin: exit %d, %q", code, stderr.String())
	}
}
