package vmtest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Modules are loaded in this order; the .deb carries no modules.dep.
var Modules = []string{"soundcore", "snd", "snd-timer", "snd-pcm", "snd-aloop", "snd-dummy"}

// RepoRoot walks up from dir to the directory holding go.mod.
func RepoRoot(dir string) (string, error) {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("vmtest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Kernel makes sure cacheDir holds vmlinuz and the uncompressed sound
// modules, downloading the kernel package once. It returns the kernel path
// and the module paths in load order.
func Kernel(ctx context.Context, cacheDir string) (string, []string, error) {
	kernel := filepath.Join(cacheDir, "vmlinuz")
	modDir := filepath.Join(cacheDir, "modules")
	mods := make([]string, len(Modules))
	have := fileExists(kernel)
	for i, m := range Modules {
		mods[i] = filepath.Join(modDir, m+".ko")
		have = have && fileExists(mods[i])
	}
	if have {
		return kernel, mods, nil
	}
	debDir := filepath.Join(cacheDir, "deb")
	if err := os.MkdirAll(debDir, 0o755); err != nil {
		return "", nil, err
	}
	deb, err := download(ctx, debDir)
	if err != nil {
		return "", nil, err
	}
	extract := filepath.Join(cacheDir, "extract")
	_ = os.RemoveAll(extract)
	if err := os.MkdirAll(extract, 0o755); err != nil {
		return "", nil, err
	}
	// Only the kernel image and the sound modules: the whole package
	// unpacks to several hundred megabytes.
	script := `dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" --wildcards './boot/vmlinuz-*' './lib/modules/*/kernel/sound/soundcore.ko*' './lib/modules/*/kernel/sound/core/snd.ko*' './lib/modules/*/kernel/sound/core/snd-timer.ko*' './lib/modules/*/kernel/sound/core/snd-pcm.ko*' './lib/modules/*/kernel/sound/drivers/snd-aloop.ko*' './lib/modules/*/kernel/sound/drivers/snd-dummy.ko*'`
	if out, err := exec.CommandContext(ctx, "sh", "-c", script, "sh", deb, extract).CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("vmtest: dpkg-deb | tar: %w\n%s", err, out)
	}
	images, _ := filepath.Glob(filepath.Join(extract, "boot", "vmlinuz-*"))
	if len(images) != 1 {
		return "", nil, fmt.Errorf("vmtest: %s holds %d kernel images", deb, len(images))
	}
	if err := os.Rename(images[0], kernel); err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(modDir, 0o755); err != nil {
		return "", nil, err
	}
	for i, m := range Modules {
		found, _ := filepath.Glob(filepath.Join(extract, "lib", "modules", "*", "kernel", "sound", "*", m+".ko*"))
		top, _ := filepath.Glob(filepath.Join(extract, "lib", "modules", "*", "kernel", "sound", m+".ko*"))
		found = append(found, top...)
		if len(found) != 1 {
			return "", nil, fmt.Errorf("vmtest: module %s: found %d files in %s", m, len(found), deb)
		}
		if err := unpackModule(ctx, found[0], mods[i]); err != nil {
			return "", nil, err
		}
	}
	_ = os.RemoveAll(extract)
	return kernel, mods, nil
}

// download fetches the versioned kernel package linux-image-amd64 depends
// on, unless debDir already has one.
func download(ctx context.Context, debDir string) (string, error) {
	if debs, _ := filepath.Glob(filepath.Join(debDir, "linux-image-*.deb")); len(debs) == 1 {
		return debs[0], nil
	}
	// Package lists that are missing or older than the mirror name a kernel
	// the mirror no longer has: refresh them once and try again.
	err := fetchKernel(ctx, debDir)
	if err != nil {
		if out, uerr := exec.CommandContext(ctx, "apt-get", "update", "-qq").CombinedOutput(); uerr != nil {
			return "", fmt.Errorf("%w (and apt-get update: %v\n%s)", err, uerr, out)
		}
		err = fetchKernel(ctx, debDir)
	}
	if err != nil {
		return "", err
	}
	debs, _ := filepath.Glob(filepath.Join(debDir, "linux-image-*.deb"))
	if len(debs) != 1 {
		return "", fmt.Errorf("vmtest: apt-get download left %d packages in %s", len(debs), debDir)
	}
	return debs[0], nil
}

// fetchKernel downloads the kernel package linux-image-amd64 depends on
// into debDir.
func fetchKernel(ctx context.Context, debDir string) error {
	out, err := exec.CommandContext(ctx, "apt-cache", "depends", "linux-image-amd64").Output()
	if err != nil {
		return fmt.Errorf("vmtest: apt-cache depends linux-image-amd64: %w", err)
	}
	m := regexp.MustCompile(`Depends: (linux-image-\S+)`).FindSubmatch(out)
	if m == nil {
		return fmt.Errorf("vmtest: linux-image-amd64 names no kernel package:\n%s", out)
	}
	cmd := exec.CommandContext(ctx, "apt-get", "download", string(m[1]))
	cmd.Dir = debDir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("vmtest: apt-get download %s: %w\n%s", m[1], err, out)
	}
	return nil
}

// unpackModule copies a module, decompressing .ko.xz and .ko.zst on the
// host: busybox insmod reads neither.
func unpackModule(ctx context.Context, src, dst string) error {
	var cmd *exec.Cmd
	switch {
	case strings.HasSuffix(src, ".xz"):
		cmd = exec.CommandContext(ctx, "xz", "-dc", src)
	case strings.HasSuffix(src, ".zst"):
		cmd = exec.CommandContext(ctx, "zstd", "-dc", src)
	default:
		cmd = exec.CommandContext(ctx, "cat", src)
	}
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("vmtest: unpack %s: %w", src, err)
	}
	return os.WriteFile(dst, out, 0o644)
}

// Initramfs writes a newc cpio archive to dst holding busybox, the modules,
// the test binary as /guest.test, and an /init that loads the modules in
// order (with moduleArgs[name], e.g. "pcm_substreams=1"), runs the binary
// with args and env, and prints "VMTEST EXIT <code>".
func Initramfs(ctx context.Context, dst string, modules []string, moduleArgs map[string]string, testBinary string, env, args []string) error {
	busybox, err := exec.LookPath("busybox")
	if err != nil {
		return fmt.Errorf("vmtest: busybox-static not installed (scripts/deps.sh test): %w", err)
	}
	stage, err := os.MkdirTemp(filepath.Dir(dst), "initramfs-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	for _, d := range []string{"bin", "proc", "sys", "dev", "tmp", "lib/modules"} {
		if err := os.MkdirAll(filepath.Join(stage, d), 0o755); err != nil {
			return err
		}
	}
	copies := map[string]string{busybox: "bin/busybox", testBinary: "guest.test"}
	for _, m := range modules {
		copies[m] = "lib/modules/" + filepath.Base(m)
	}
	for src, rel := range copies {
		if err := copyFile(src, filepath.Join(stage, rel)); err != nil {
			return err
		}
	}
	var init strings.Builder
	init.WriteString("#!/bin/busybox sh\n/bin/busybox --install -s /bin\n")
	init.WriteString("mount -t proc proc /proc\nmount -t sysfs sysfs /sys\nmount -t devtmpfs devtmpfs /dev\n")
	for _, m := range modules {
		base := filepath.Base(m)
		fmt.Fprintf(&init, "insmod /lib/modules/%s %s || echo 'VMTEST insmod %s failed'\n", base, moduleArgs[strings.TrimSuffix(base, ".ko")], base)
	}
	fmt.Fprintf(&init, "cd /tmp\nenv %s /guest.test %s\necho \"VMTEST EXIT $?\"\npoweroff -f\n", strings.Join(env, " "), strings.Join(args, " "))
	if err := os.WriteFile(filepath.Join(stage, "init"), []byte(init.String()), 0o755); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", "find . | cpio -o -H newc --quiet > \"$1\"", "sh", dst)
	cmd.Dir = stage
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("vmtest: cpio: %w\n%s", err, out)
	}
	return nil
}

// Boot runs qemu with TCG on kernel and initrd until the guest powers off
// or timeout passes, and returns the serial console output.
//
// The guest clock is driven by instruction counting (-icount shift=3: one
// instruction is 8 ns, a 125 MIPS machine) rather than by the host clock.
// The host is shared and often loaded several times over; with the host
// clock, every moment qemu is not scheduled looks to the guest like a
// stalled CPU, and snd-aloop's jiffies timer then jumps past any buffer.
// With icount, guest time advances only as the guest executes, so an
// XRUN in the VM means the guest really was too slow, and time the guest
// spends idle is skipped (sleep=off), which also keeps the suite short.
func Boot(ctx context.Context, kernel, initrd string, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "qemu-system-x86_64", "-accel", "tcg", "-icount", "shift=3,sleep=off",
		"-nographic", "-no-reboot", "-m", "512", "-kernel", kernel, "-initrd", initrd,
		"-append", "console=ttyS0 panic=-1 rdinit=/init quiet")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return out.String(), fmt.Errorf("vmtest: qemu still running after %v", timeout)
	}
	if err != nil {
		return out.String(), fmt.Errorf("vmtest: qemu-system-x86_64: %w", err)
	}
	return out.String(), nil
}

// Result is one guest test, as `go test -v` reported it.
type Result struct {
	Name   string
	Status string // "PASS", "FAIL" or "SKIP"
	Log    string // the lines the guest printed for it
}

var resultLine = regexp.MustCompile(`^\s*--- (PASS|FAIL|SKIP): (\S+) `)

// Parse turns the console output of a `go test -v` run into results, and
// returns the guest's exit code (-1 when it never printed one).
func Parse(console string) ([]Result, int) {
	var results []Result
	exit := -1
	logs := map[string]*strings.Builder{}
	current := ""
	sc := bufio.NewScanner(strings.NewReader(console))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		// The first line follows the console's escape sequences.
		if _, name, ok := strings.Cut(line, "=== RUN   "); ok {
			current = name
			logs[name] = &strings.Builder{}
			continue
		}
		if _, code, ok := strings.Cut(line, "VMTEST EXIT "); ok {
			fmt.Sscan(code, &exit)
			continue
		}
		if m := resultLine.FindStringSubmatch(line); m != nil {
			r := Result{Name: m[2], Status: m[1]}
			if b := logs[m[2]]; b != nil {
				r.Log = b.String()
			}
			results = append(results, r)
			continue
		}
		if b := logs[current]; b != nil {
			b.WriteString(line + "\n")
		}
	}
	return results, exit
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o755)
}
