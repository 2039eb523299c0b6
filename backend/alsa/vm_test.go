package alsa

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/backend/alsa/internal/vmtest"
	"github.com/linuxdj/linuxdj/internal/testenv"
)

// guestEnv marks the test binary running as the VM's init program; the
// TestVM* tests run only there.
const guestEnv = "LINUXDJ_ALSA_VM"

// measureEnv, set on the host, adds the long latency measurement to the
// guest run (about four extra minutes).
const measureEnv = "LINUXDJ_ALSA_MEASURE"

// runEnv, set on the host, narrows the guest run to the tests it matches
// (a -test.run pattern), for quick iterations; the host test then fails for
// the guest tests it left out.
const runEnv = "LINUXDJ_ALSA_RUN"

// guestTests must each report PASS from the guest; a guest that runs
// fewer tests than this fails the host test.
var guestTests = []string{
	"TestVMDevices", "TestVMRoundTrip", "TestVMXRun", "TestVMUnplug",
	"TestVMNegotiation", "TestVMBusy", "TestVMNoAllocs",
}

// TestALSAOnRealKernel boots Debian's kernel under qemu with snd-aloop and
// snd-dummy, runs this package's TestVM* tests inside it and turns each
// guest result into a subtest here.
func TestALSAOnRealKernel(t *testing.T) {
	if os.Getenv(guestEnv) != "" {
		t.Skip("inside the VM")
	}
	if testing.Short() {
		t.Skip("boots a VM for about a minute")
	}
	testenv.Need(t, testenv.VM)
	ctx := context.Background()
	wd, _ := os.Getwd()
	root, err := vmtest.RepoRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(root, "build", "alsa-vm")
	kernel, modules, err := vmtest.Kernel(ctx, cache)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(cache, "guest.test")
	build := exec.CommandContext(ctx, "go", "test", "-c", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go test -c: %v\n%s", err, out)
	}
	env := []string{guestEnv + "=1"}
	timeout := 6 * time.Minute
	if os.Getenv(measureEnv) != "" {
		env = append(env, measureEnv+"=1")
		timeout = 12 * time.Minute
	}
	initrd := filepath.Join(cache, "initramfs.cpio")
	run := "^TestVM"
	if r := os.Getenv(runEnv); r != "" {
		run = r
	}
	args := []string{"-test.v", "-test.run", "'" + run + "'", "-test.timeout", (timeout - time.Minute).String()}
	if err := vmtest.Initramfs(ctx, initrd, modules, map[string]string{"snd-dummy": "pcm_substreams=1"}, bin, env, args); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	console, bootErr := vmtest.Boot(ctx, kernel, initrd, timeout)
	t.Logf("qemu ran %v; console in %s", time.Since(start).Round(time.Second), filepath.Join(cache, "console.log"))
	if err := os.WriteFile(filepath.Join(cache, "console.log"), []byte(console), 0o644); err != nil {
		t.Error(err)
	}
	results, exit := vmtest.Parse(console)
	passed := map[string]bool{}
	for _, r := range results {
		t.Run(r.Name, func(t *testing.T) {
			switch r.Status {
			case "FAIL":
				t.Errorf("guest reported FAIL:\n%s", r.Log)
			case "SKIP":
				t.Skipf("guest skipped:\n%s", r.Log)
			default:
				passed[r.Name] = true
				if testing.Verbose() {
					t.Log(strings.TrimSpace(r.Log))
				}
			}
		})
	}
	if bootErr != nil || exit != 0 {
		t.Errorf("guest exit %d, boot error %v; console:\n%s", exit, bootErr, console)
	}
	for _, name := range guestTests {
		if !passed[name] {
			t.Errorf("guest test %s did not pass", name)
		}
	}
}
