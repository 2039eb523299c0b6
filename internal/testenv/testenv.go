package testenv

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Kind is one group of outside tools that tests need together and that a
// machine opts out of together.
type Kind struct {
	name   string // in messages: "an X display"
	optOut string // the variable that, set to 1, skips the kind's tests
	tools  []tool
}

type tool struct{ program, debianPackage string }

var (
	// X is an Xvfb display, ImageMagick's import to take screenshots of
	// it and xdotool to resize windows on it.
	X = Kind{name: "an X display", optOut: "LINUXDJ_SKIP_X", tools: []tool{
		{"Xvfb", "xvfb"}, {"import", "imagemagick"}, {"xdotool", "xdotool"},
	}}
	// GPU is Gio's headless window (gioui.org/gpu/headless) on Mesa's
	// surfaceless EGL platform, whose llvmpipe renders with no display. It
	// is a library, not a program: a test finds out by making a window,
	// and calls NoGPU when that fails.
	GPU = Kind{name: "a headless GPU", optOut: "LINUXDJ_SKIP_GPU"}
	// Sox is sox and soxi, an independent reader and writer of WAV and FLAC.
	Sox = Kind{name: "sox", optOut: "LINUXDJ_SKIP_SOX", tools: []tool{{"sox", "sox"}, {"soxi", "sox"}}}
	// LV2 is lilv's command-line tools and the Debian packages of real
	// LV2 plugins the plugin host is tested with; a test also calls
	// MissingPlugin for each plugin it does not find.
	LV2 = Kind{name: "LV2 plugins", optOut: "LINUXDJ_SKIP_LV2", tools: []tool{{"lv2ls", "lilv-utils"}}}
	// Aubio is aubio's command-line tool, the reference the BPM counter
	// is compared with.
	Aubio = Kind{name: "aubio", optOut: "LINUXDJ_SKIP_AUBIO", tools: []tool{{"aubio", "aubio-tools"}}}
	// JackMixer is jack_mixer, the JACK mixer the window's CPU is
	// measured against (it needs GTK's introspection data and cairo's
	// Python bindings, which its Debian package only recommends).
	JackMixer = Kind{name: "jack_mixer", optOut: "LINUXDJ_SKIP_JACK_MIXER", tools: []tool{
		{"jack_mixer", "jack-mixer gir1.2-gtk-3.0 python3-gi-cairo"}, {"jack_lsp", "jackd2"},
	}}
	// VM is what boots a Debian kernel with ALSA's virtual sound cards.
	VM = Kind{name: "a VM", optOut: "LINUXDJ_SKIP_VM", tools: []tool{
		{"qemu-system-x86_64", "qemu-system-x86"}, {"busybox", "busybox-static"}, {"cpio", "cpio"},
	}}
)

// Need skips t when k's opt-out variable is 1 and otherwise fails it,
// naming the Debian package to install, when one of k's programs is not
// on PATH.
func Need(t testing.TB, k Kind) {
	t.Helper()
	if os.Getenv(k.optOut) == "1" {
		t.Skipf("%s=1: tests that need %s skipped on purpose", k.optOut, k.name)
	}
	var missing, pkgs []string
	for _, tl := range k.tools {
		if _, err := exec.LookPath(tl.program); err != nil {
			missing = append(missing, tl.program)
			if !slices.Contains(pkgs, tl.debianPackage) {
				pkgs = append(pkgs, tl.debianPackage)
			}
		}
	}
	if len(missing) > 0 {
		t.Fatalf("%s not found: apt-get install %s (make test does), or set %s=1 to skip",
			strings.Join(missing, ", "), strings.Join(pkgs, " "), k.optOut)
	}
}

// MissingPlugin fails t because the LV2 plugin uri, which debianPackage
// installs, was not found.
func MissingPlugin(t testing.TB, uri, debianPackage string) {
	t.Helper()
	t.Fatalf("LV2 plugin %s not installed: apt-get install %s (make test does), or set %s=1 to skip", uri, debianPackage, LV2.optOut)
}

// NoGPU fails t because Gio's headless window could not be made (err),
// saying what provides one.
func NoGPU(t testing.TB, err error) {
	t.Helper()
	t.Fatalf("no headless GPU: %v: apt-get install libegl-mesa0 libgl1-mesa-dri and set EGL_PLATFORM=surfaceless (make test does both), or set %s=1 to skip", err, GPU.optOut)
}
