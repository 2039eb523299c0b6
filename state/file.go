package state

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// FileName is the state file's name in its directory.
const FileName = "state.toml"

// backupSuffix names the previous good file beside the state file.
const backupSuffix = ".bak"

// Path returns the state file to use: override when it is not empty (the
// --config flag), else $XDG_CONFIG_HOME/linuxdj/state.toml, creating the
// directory.
func Path(override string) (string, error) {
	if override != "" {
		return override, nil
	}
	p, err := xdg.ConfigFile(filepath.Join("linuxdj", FileName))
	if err != nil {
		return "", fmt.Errorf("state: config directory: %w", err)
	}
	return p, nil
}

// Origin says where a loaded state came from.
type Origin int

// Origins.
const (
	FromFile     Origin = iota // the state file
	FromBackup                 // the state file was missing or broken; the backup served
	FromDefaults               // neither served, or this is a first run
)

func (o Origin) String() string {
	return [...]string{"file", "backup", "defaults"}[o]
}

// Report tells what Load did, for the user.
type Report struct {
	Origin   Origin
	Problems []error  // why the file (and the backup) could not be used
	Broken   []string // paths of bad files kept aside
	Warnings []string // values clamped, keys dropped, versions migrated
}

// Load reads the state at path. It never fails: a missing file gives
// defaults for cfg with FirstRun set; a broken one is renamed to
// <path>.broken-<time> and the backup, then defaults, take its place. See
// Report for what happened.
func Load(path string, cfg mixer.Config) (Mixer, Report) {
	var rep Report
	removeLeftovers(path)
	for _, cand := range []struct {
		path   string
		origin Origin
	}{{path, FromFile}, {path + backupSuffix, FromBackup}} {
		data, err := os.ReadFile(cand.path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err == nil {
			var m Mixer
			var warnings []string
			m, warnings, err = Decode(data)
			if err == nil {
				rep.Origin = cand.origin
				rep.Warnings = append(rep.Warnings, warnings...)
				if repaired(warnings) {
					// The rest of the file is good, but the next save drops
					// what was repaired: keep the user's text.
					if kept, err := keepBroken(cand.path, true); err == nil {
						rep.Broken = append(rep.Broken, kept)
					}
				}
				return m, rep
			}
		}
		rep.Problems = append(rep.Problems, fmt.Errorf("%s: %w", cand.path, err))
		if kept, kerr := keepBroken(cand.path, false); kerr == nil {
			rep.Broken = append(rep.Broken, kept)
		} else {
			rep.Problems = append(rep.Problems, kerr)
		}
	}
	rep.Origin = FromDefaults
	return Defaults(cfg), rep
}

// removeLeftovers deletes the temporary files of saves a crash cut short.
// Load runs before the app saves anything, so none of them is in use.
func removeLeftovers(path string) {
	tmps, _ := filepath.Glob(path + ".tmp-*")
	for _, p := range append(tmps, path+backupSuffix+".tmp") {
		os.Remove(p)
	}
}

// repaired reports whether Decode changed anything but the version.
func repaired(warnings []string) bool {
	return slices.ContainsFunc(warnings, func(w string) bool { return !strings.HasPrefix(w, migratedWarning) })
}

const migratedWarning = "migrated from version "

// keepBroken moves (or, with keepOriginal, copies) a bad file aside as
// <path>.broken-<time>, so the user's text is never lost.
func keepBroken(path string, keepOriginal bool) (string, error) {
	dst := path + ".broken-" + time.Now().Format("20060102-150405.000000000")
	var err error
	if keepOriginal {
		var data []byte
		if data, err = os.ReadFile(path); err == nil {
			err = os.WriteFile(dst, data, 0o600)
		}
	} else {
		err = os.Rename(path, dst)
	}
	if err != nil {
		return "", fmt.Errorf("state: keep broken file: %w", err)
	}
	return dst, nil
}

// Decode parses a state file's text, migrating older versions, and checks
// it: out-of-range values are clamped and unknown keys dropped, each with a
// warning. It fails, naming the line or key, on a syntax error, a wrong
// type, a missing or future version, or a structure it cannot repair.
func Decode(data []byte) (Mixer, []string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Mixer{}, nil, errors.New("state: empty file")
	}
	var head struct {
		Version int `toml:"version"`
	}
	if _, err := toml.Decode(string(data), &head); err != nil {
		return Mixer{}, nil, describe(err)
	}
	var warnings []string
	switch {
	case head.Version == 0:
		return Mixer{}, nil, errors.New("state: key version: missing")
	case head.Version > Version:
		return Mixer{}, nil, fmt.Errorf("state: key version: %d is newer than this program's %d; update Linux DJ", head.Version, Version)
	case head.Version < 1:
		return Mixer{}, nil, fmt.Errorf("state: key version: %d is not a version", head.Version)
	case head.Version < Version:
		migrated, err := migrate(data, head.Version)
		if err != nil {
			return Mixer{}, nil, err
		}
		warnings = append(warnings, fmt.Sprintf(migratedWarning+"%d to %d", head.Version, Version))
		data = migrated
	}
	var f fileMixer
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return Mixer{}, nil, describe(err)
	}
	for _, k := range md.Undecoded() {
		// The controls' tables are read generically, and checked key by
		// key in controls.go.
		if !isControls(k) {
			warnings = append(warnings, "unknown key dropped: "+k.String())
		}
	}
	m, warnings, err := f.mixer(warnings)
	if err != nil {
		return Mixer{}, nil, err
	}
	return m, warnings, nil
}

// isControls reports whether k lies in one of the controls' tables.
func isControls(k toml.Key) bool {
	switch {
	case len(k) >= 1 && k[0] == "controls":
		return true
	case len(k) >= 2 && k[0] == "scenes" && k[1] == "controls":
		return true
	}
	return len(k) >= 2 && k[0] == "compare" && (k[1] == "a" || k[1] == "b")
}

// fileMixer is Mixer as the file holds it: the controls as generic tables
// (see controls.go).
type fileMixer struct {
	Mixer
	Controls tree        `toml:"controls"`
	Scenes   []fileScene `toml:"scenes"`
	Compare  fileCompare `toml:"compare"`
}

type fileScene struct {
	Name     string `toml:"name"`
	Controls tree   `toml:"controls"`
	// Plugins says the scene holds the insert slots (Inserts, which may
	// be none); scenes saved before there were slots leave them alone.
	Plugins bool     `toml:"plugins,omitempty"`
	Inserts []Insert `toml:"inserts,omitempty"`
}

type fileCompare struct {
	Active string `toml:"active"`
	A      tree   `toml:"a,omitempty"`
	B      tree   `toml:"b,omitempty"`
}

// describe wraps a TOML error, which already names the line and the last
// key read ("toml: line 52 (last key "controls.channel.fader"): …").
func describe(err error) error {
	return fmt.Errorf("state: %w", err)
}

// mixer checks what was read and builds the Mixer: it repairs what it can,
// appending a warning for each repair, and fails on what it cannot.
func (f *fileMixer) mixer(warnings []string) (Mixer, []string, error) {
	warn := func(format string, args ...any) { warnings = append(warnings, fmt.Sprintf(format, args...)) }
	m := f.Mixer
	if len(m.Channels) < 1 || len(m.Channels) > mixer.MaxChannels {
		return Mixer{}, nil, fmt.Errorf("state: key channels: %d channels, want 1 to %d", len(m.Channels), mixer.MaxChannels)
	}
	for i := range m.Channels {
		if strings.TrimSpace(m.Channels[i].Name) == "" {
			m.Channels[i].Name = fmt.Sprintf("Channel %d", i+1)
			warn("channels[%d].name: empty, named %q", i, m.Channels[i].Name)
		}
	}
	if w, h := m.Window.WidthDp, m.Window.HeightDp; w < 320 || w > 16384 || h < 240 || h > 16384 {
		m.Window.WidthDp = min(max(w, 320), 16384)
		m.Window.HeightDp = min(max(h, 240), 16384)
		warn("window: %dx%d clamped to %dx%d", w, h, m.Window.WidthDp, m.Window.HeightDp)
	}
	n := len(m.Channels)
	var err error
	if m.Controls, err = decodeControls(f.Controls, "controls", n, warn); err != nil {
		return Mixer{}, nil, err
	}
	for i, s := range f.Scenes {
		c, err := decodeControls(s.Controls, fmt.Sprintf("scenes[%d].controls", i), n, warn)
		if err != nil {
			return Mixer{}, nil, err
		}
		m.Scenes = append(m.Scenes, Scene{Name: s.Name, Controls: c, HasInserts: s.Plugins,
			Inserts: checkInserts(s.Inserts, fmt.Sprintf("scenes[%d].inserts", i), n, warn)})
	}
	m.Inserts = checkInserts(m.Inserts, "inserts", n, warn)
	m.Compare.Active = f.Compare.Active
	if m.Compare.Active == "" {
		m.Compare.Active = "A" // files before A/B compare have no slot
	}
	if m.Compare.Active != "A" && m.Compare.Active != "B" {
		warn("compare.active: %q replaced by \"A\"", m.Compare.Active)
		m.Compare.Active = "A"
	}
	for _, slot := range []struct {
		name string
		t    tree
		dst  **param.Values
	}{{"a", f.Compare.A, &m.Compare.A}, {"b", f.Compare.B, &m.Compare.B}} {
		if slot.t == nil {
			continue
		}
		c, err := decodeControls(slot.t, "compare."+slot.name, n, warn)
		if err != nil {
			return Mixer{}, nil, err
		}
		*slot.dst = &c
	}
	if m.Connections == nil {
		m.Connections = map[string][]string{}
	}
	if _, err := midi.NewTable(m.MIDI); err != nil {
		return Mixer{}, nil, fmt.Errorf("state: key midi: %w", err)
	}
	return m, warnings, nil
}

// Encode writes m as TOML, with the current version.
func Encode(m *Mixer) ([]byte, error) {
	f := fileMixer{Mixer: *m, Controls: encodeControls(&m.Controls)}
	f.Version = Version
	for _, s := range m.Scenes {
		f.Scenes = append(f.Scenes, fileScene{Name: s.Name, Controls: encodeControls(&s.Controls),
			Plugins: s.HasInserts, Inserts: s.Inserts})
	}
	f.Compare.Active = m.Compare.Active
	if m.Compare.A != nil {
		f.Compare.A = encodeControls(m.Compare.A)
	}
	if m.Compare.B != nil {
		f.Compare.B = encodeControls(m.Compare.B)
	}
	var buf bytes.Buffer
	buf.WriteString("# Linux DJ mixer state. Written by the program; edit while it is not running.\n")
	if err := toml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, fmt.Errorf("state: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// Save writes m to path atomically and keeps the file it replaces as
// <path>.bak: write a temporary file in the same directory, fsync it, link
// the old file to the backup, rename the new one over it, fsync the
// directory. A crash at any point leaves a complete old or new file.
func Save(path string, m *Mixer) error {
	data, err := Encode(m)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("state: save: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("state: save: write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("state: save: fsync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("state: save: close %s: %w", tmp.Name(), err)
	}
	if err := backup(path); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("state: save: rename: %w", err)
	}
	return syncDir(dir)
}

// backup makes <path>.bak the current file, atomically: a hard link (or, on
// file systems without them, a synced copy) under a temporary name, renamed
// over the old backup.
func backup(path string) error {
	tmp := path + backupSuffix + ".tmp"
	os.Remove(tmp)
	err := os.Link(path, tmp)
	if errors.Is(err, os.ErrNotExist) {
		return nil // first save: nothing to back up
	}
	if err != nil {
		if err = copyFile(path, tmp); err != nil {
			return fmt.Errorf("state: backup: %w", err)
		}
	}
	if err := os.Rename(tmp, path+backupSuffix); err != nil {
		return fmt.Errorf("state: backup: %w", err)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("state: save: open dir: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("state: save: fsync dir %s: %w", dir, err)
	}
	return nil
}
