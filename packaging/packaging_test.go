package packaging_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const appID = "io.github.linuxdj.LinuxDJ"

// repoRoot is the module root: the tests run in packaging/.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// need fails the test, naming the package to install, when a tool is
// missing: `make test` installs them, so a missing one is a set-up bug.
func need(t *testing.T, tool, debianPackage string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s not found: install the Debian package %s (make test does)", tool, debianPackage)
	}
}

func TestDesktopEntryValidates(t *testing.T) {
	need(t, "desktop-file-validate", "desktop-file-utils")
	out, err := exec.Command("desktop-file-validate", appID+".desktop").CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("desktop-file-validate: %v\n%s", err, out)
	}
	entry, err := os.ReadFile(appID + ".desktop")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Categories=AudioVideo;Audio;Mixer;",
		"Exec=linuxdj",
		"Icon=" + appID,
	} {
		if !strings.Contains(string(entry), want+"\n") {
			t.Errorf("desktop entry lacks %q", want)
		}
	}
	for _, kw := range []string{"DJ", "mixer", "JACK", "PipeWire", "meter", "loudness"} {
		if !strings.Contains(string(entry), ";"+kw+";") && !strings.Contains(string(entry), "="+kw+";") {
			t.Errorf("desktop entry lacks keyword %s", kw)
		}
	}
}

func TestMetainfoValidates(t *testing.T) {
	need(t, "appstreamcli", "appstream")
	out, err := exec.Command("appstreamcli", "validate", "--no-net", appID+".metainfo.xml").CombinedOutput()
	if err != nil {
		t.Fatalf("appstreamcli validate: %v\n%s", err, out)
	}
	meta, err := os.ReadFile(appID + ".metainfo.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<id>" + appID + "</id>", appID + ".desktop", "<screenshot", "<release ", "<content_rating", "<requires>", "<recommends>"} {
		if !strings.Contains(string(meta), want) {
			t.Errorf("metainfo lacks %q", want)
		}
	}
}

// manifest is the part of flatpak.yml the checks below read.
type manifest struct {
	AppID          string   `yaml:"app-id"`
	Runtime        string   `yaml:"runtime"`
	RuntimeVersion string   `yaml:"runtime-version"`
	SDK            string   `yaml:"sdk"`
	SDKExtensions  []string `yaml:"sdk-extensions"`
	Command        string   `yaml:"command"`
	FinishArgs     []string `yaml:"finish-args"`
	BuildOptions   struct {
		Env map[string]string `yaml:"env"`
	} `yaml:"build-options"`
	Modules []struct {
		Name    string `yaml:"name"`
		Sources []struct {
			Type string `yaml:"type"`
			Path string `yaml:"path"`
		} `yaml:"sources"`
	} `yaml:"modules"`
}

func TestFlatpakManifestMatchesTree(t *testing.T) {
	root := repoRoot(t)
	raw, err := os.ReadFile(filepath.Join(root, "flatpak.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatalf("flatpak.yml: %v", err)
	}
	if m.AppID != appID {
		t.Errorf("app-id %q, want %q (the desktop and metainfo ids)", m.AppID, appID)
	}
	if m.Runtime != "org.freedesktop.Platform" || m.SDK != "org.freedesktop.Sdk" || m.RuntimeVersion != "24.08" {
		t.Errorf("runtime %s/%s %s, want org.freedesktop.Platform/Sdk 24.08", m.Runtime, m.SDK, m.RuntimeVersion)
	}
	if len(m.SDKExtensions) != 1 || m.SDKExtensions[0] != "org.freedesktop.Sdk.Extension.golang" {
		t.Errorf("sdk-extensions %v, want the golang extension", m.SDKExtensions)
	}
	if m.Command != "linuxdj" {
		t.Errorf("command %q, want linuxdj", m.Command)
	}
	if m.BuildOptions.Env["GOFLAGS"] != "-mod=vendor" {
		t.Errorf("build env GOFLAGS = %q: a Flatpak build has no network, it must build from vendor/", m.BuildOptions.Env["GOFLAGS"])
	}
	for _, arg := range []string{"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=all", "--filesystem=xdg-run/pipewire-0", "--device=shm"} {
		if !contains(m.FinishArgs, arg) {
			t.Errorf("finish-args lack %s", arg)
		}
	}
	if len(m.FinishArgs) != 6 {
		t.Errorf("finish-args %v: keep the set minimal and explained", m.FinishArgs)
	}
	// Every finish-arg carries a comment saying why.
	lines := strings.Split(string(raw), "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "- --") && !strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") {
			t.Errorf("flatpak.yml:%d: %s has no comment above it", i+1, strings.TrimSpace(l))
		}
	}
	if len(m.Modules) == 0 {
		t.Fatal("no modules")
	}
	for _, mod := range m.Modules {
		for _, src := range mod.Sources {
			if src.Type == "dir" || src.Type == "file" {
				if _, err := os.Stat(filepath.Join(root, src.Path)); err != nil {
					t.Errorf("module %s: source %s: %v", mod.Name, src.Path, err)
				}
			}
		}
	}
	for _, f := range []string{
		"packaging/" + appID + ".desktop",
		"packaging/" + appID + ".metainfo.xml",
		"packaging/icons/" + appID + ".svg",
		"packaging/README.md",
	} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Errorf("manifest needs %s: %v", f, err)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestVendoredBuild builds the whole module from a vendor tree in a copy of
// the repository, with the module cache out of reach, as the offline
// Flatpak build does.
func TestVendoredBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("copies and builds the whole module")
	}
	root := repoRoot(t)
	work := t.TempDir()
	files, err := exec.Command("git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, f := range strings.Fields(string(files)) {
		src := filepath.Join(root, f)
		info, err := os.Stat(src)
		if err != nil || info.IsDir() {
			continue // deleted in the working tree but still in the index
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(work, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, info.Mode()); err != nil {
			t.Fatal(err)
		}
	}
	run := func(env []string, args ...string) {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run(nil, "mod", "vendor")
	// GOPROXY=off and an empty module cache: anything missing from vendor/ fails.
	offline := []string{"GOFLAGS=-mod=vendor", "GOPROXY=off", "GOMODCACHE=" + t.TempDir(), "GOTOOLCHAIN=local"}
	run(offline, "build", "./...")
}

func TestInstallLandsInDesktopPaths(t *testing.T) {
	root := repoRoot(t)
	dest := t.TempDir()
	const prefix = "/usr/local"
	make := func(target string) {
		t.Helper()
		cmd := exec.Command("make", "-C", root, target, "DESTDIR="+dest, "PREFIX="+prefix)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %s: %v\n%s", target, err, out)
		}
	}
	make("install")
	want := map[string]os.FileMode{
		"bin/linuxdj": 0o755,
		"share/applications/" + appID + ".desktop":            0o644,
		"share/metainfo/" + appID + ".metainfo.xml":           0o644,
		"share/icons/hicolor/scalable/apps/" + appID + ".svg": 0o644,
		"share/icons/hicolor/64x64/apps/" + appID + ".png":    0o644,
		"share/icons/hicolor/128x128/apps/" + appID + ".png":  0o644,
		"share/icons/hicolor/256x256/apps/" + appID + ".png":  0o644,
	}
	for rel, mode := range want {
		info, err := os.Stat(filepath.Join(dest, prefix, rel))
		if err != nil {
			t.Errorf("not installed: %v", err)
			continue
		}
		if info.Mode().Perm() != mode {
			t.Errorf("%s: mode %v, want %v", rel, info.Mode().Perm(), mode)
		}
	}
	// The installed desktop entry names an icon that the installed theme
	// directories hold, and validates where it landed.
	need(t, "desktop-file-validate", "desktop-file-utils")
	if out, err := exec.Command("desktop-file-validate", filepath.Join(dest, prefix, "share/applications", appID+".desktop")).CombinedOutput(); err != nil {
		t.Errorf("installed desktop entry: %v\n%s", err, out)
	}
	make("uninstall")
	for rel := range want {
		if _, err := os.Stat(filepath.Join(dest, prefix, rel)); err == nil {
			t.Errorf("%s still there after make uninstall", rel)
		}
	}
}
