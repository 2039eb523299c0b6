//go:build cgo

package lv2_test

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

// The real plugins the tests use, and the Debian packages they come in.
const (
	swhAmp     = "http://plugin.org.uk/swh-plugins/amp"
	swhDJEQ    = "http://plugin.org.uk/swh-plugins/dj_eq_mono"
	swhLatency = "http://plugin.org.uk/swh-plugins/artificialLatency"
	x42EQ      = "http://gareus.org/oss/lv2/fil4#mono"
	x42NoDelay = "http://gareus.org/oss/lv2/nodelay"
	x42Convo   = "http://gareus.org/oss/lv2/convoLV2#Mono"
	lspEQ      = "http://lsp-plug.in/plugins/lv2/para_equalizer_x16_mono"
	lspDelay   = "http://lsp-plug.in/plugins/lv2/comp_delay_mono"
	// testWorker is built from testdata/worker.lv2 by the tests.
	testWorker = "urn:linuxdj:test:worker"
)

var packages = map[string]string{
	swhAmp: "swh-lv2", swhDJEQ: "swh-lv2", swhLatency: "swh-lv2",
	x42EQ: "x42-plugins", x42NoDelay: "x42-plugins", x42Convo: "x42-plugins",
	lspEQ: "lsp-plugins-lv2", lspDelay: "lsp-plugins-lv2",
	testWorker: "gcc",
}

const rateHz = 48000

var (
	worldOnce sync.Once
	world     *lv2.World
	worldErr  error
	bundleDir string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if world != nil {
		world.Close()
	}
	if bundleDir != "" {
		os.RemoveAll(bundleDir)
	}
	os.Exit(code)
}

// theWorld is one world for every test, with the standard paths (or
// LV2_PATH) and, in front of them, the test plugin built from testdata.
func theWorld(t testing.TB) *lv2.World {
	t.Helper()
	testenv.Need(t, testenv.LV2)
	worldOnce.Do(func() {
		bundleDir, worldErr = buildTestPlugin()
		if worldErr != nil {
			return
		}
		path := os.Getenv("LV2_PATH")
		if path == "" {
			path = os.ExpandEnv("$HOME/.lv2:/usr/local/lib/lv2:/usr/lib/lv2")
		}
		os.Setenv("LV2_PATH", bundleDir+":"+path)
		world, worldErr = lv2.NewWorld()
	})
	if worldErr != nil {
		t.Fatal(worldErr)
	}
	return world
}

func buildTestPlugin() (string, error) {
	dir, err := os.MkdirTemp("", "linuxdj-lv2-")
	if err != nil {
		return "", err
	}
	bundle := filepath.Join(dir, "worker.lv2")
	if err := os.Mkdir(bundle, 0o755); err != nil {
		return "", err
	}
	for _, f := range []string{"manifest.ttl", "worker.ttl"} {
		b, err := os.ReadFile(filepath.Join("testdata", "worker.lv2", f))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(bundle, f), b, 0o644); err != nil {
			return "", err
		}
	}
	out, err := exec.Command("gcc", "-shared", "-fPIC", "-O2", "-o", filepath.Join(bundle, "worker.so"),
		filepath.Join("testdata", "worker.lv2", "worker.c")).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("gcc: %v: %s", err, out)
	}
	return dir, nil
}

// need fails t, naming the Debian package, when uri is not installed.
func need(t testing.TB, uri string) {
	t.Helper()
	if _, ok := theWorld(t).Plugin(uri); !ok {
		testenv.MissingPlugin(t, uri, packages[uri])
	}
}

// instance makes an active instance of uri for 48 kHz and 256-frame
// periods, freed when the test ends.
func instance(t testing.TB, uri string) *lv2.Instance {
	t.Helper()
	need(t, uri)
	in, err := theWorld(t).Instantiate(uri, rateHz, 256)
	if err != nil {
		t.Fatal(err)
	}
	in.Activate()
	t.Cleanup(func() {
		in.Deactivate()
		in.Close()
	})
	return in
}

func set(t testing.TB, in *lv2.Instance, sym string, v float32) {
	t.Helper()
	if err := in.Set(sym, v); err != nil {
		t.Fatal(err)
	}
}

// process runs a mono signal through in's first input and output in
// periods of frames.
func process(in *lv2.Instance, signal []float32, frames int) []float32 {
	out := make([]float32, 0, len(signal))
	for i := 0; i < len(signal); i += frames {
		n := min(frames, len(signal)-i)
		copy(in.Input(0), signal[i:i+n])
		in.Run(n)
		out = append(out, in.Output(0)[:n]...)
	}
	return out
}

func sine(hz, amp float64, frames int) []float32 {
	s := make([]float32, frames)
	for i := range s {
		s[i] = float32(amp * math.Sin(2*math.Pi*hz*float64(i)/rateHz))
	}
	return s
}

func noise(frames int) []float32 {
	s := make([]float32, frames)
	x := uint32(12345)
	for i := range s {
		x = x*1664525 + 1013904223
		s[i] = float32(int32(x)) / float32(math.MaxInt32) * 0.5
	}
	return s
}

func rms(s []float32) float64 {
	var sum float64
	for _, x := range s {
		sum += float64(x) * float64(x)
	}
	return math.Sqrt(sum / float64(len(s)))
}

// gainDB is the level of out against in over their second halves, where
// filters have settled.
func gainDB(in, out []float32) float64 {
	h := len(in) / 2
	return 20 * math.Log10(rms(out[h:])/rms(in[h:]))
}
