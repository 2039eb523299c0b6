package state

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
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
	m, err := withStudioDefaults(data)
	if err != nil {
		return Mixer{}, nil, err
	}
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		return Mixer{}, nil, describe(err)
	}
	for _, k := range md.Undecoded() {
		warnings = append(warnings, "unknown key dropped: "+k.String())
	}
	warnings, err = m.validate(warnings)
	if err != nil {
		return Mixer{}, nil, err
	}
	return m, warnings, nil
}

// withStudioDefaults is the Mixer to decode data into: every talkover and
// monitor table it will hold (live controls, scenes, compare slots) starts
// at the engine's defaults, so a key the file lacks (files written before
// the studio section existed) takes the default, not zero, which would
// switch the speakers off and leave dim with no depth. Decoding into a
// slice that is long enough keeps its elements, and into a non-nil
// pointer keeps the value it points to.
func withStudioDefaults(data []byte) (Mixer, error) {
	var shape struct {
		Scenes  []struct{} `toml:"scenes"`
		Compare struct {
			A *struct{} `toml:"a"`
			B *struct{} `toml:"b"`
		} `toml:"compare"`
	}
	if _, err := toml.Decode(string(data), &shape); err != nil {
		return Mixer{}, describe(err)
	}
	studio := func() Controls {
		return Controls{Global: GlobalControls{Talkover: defaultTalkoverControls(), Monitor: defaultMonitorControls()}}
	}
	m := Mixer{Controls: studio()}
	if n := len(shape.Scenes); n > 0 {
		m.Scenes = make([]Scene, n)
		for i := range m.Scenes {
			m.Scenes[i].Controls = studio()
		}
	}
	if shape.Compare.A != nil {
		a := studio()
		m.Compare.A = &a
	}
	if shape.Compare.B != nil {
		b := studio()
		m.Compare.B = &b
	}
	return m, nil
}

// describe wraps a TOML error, which already names the line and the last
// key read ("toml: line 52 (last key "controls.channel.fader"): …").
func describe(err error) error {
	return fmt.Errorf("state: %w", err)
}

// validate repairs what it can, appending a warning for each repair, and
// fails on what it cannot.
func (m *Mixer) validate(warnings []string) ([]string, error) {
	warn := func(format string, args ...any) { warnings = append(warnings, fmt.Sprintf(format, args...)) }
	if len(m.Channels) < 1 || len(m.Channels) > mixer.MaxChannels {
		return nil, fmt.Errorf("state: key channels: %d channels, want 1 to %d", len(m.Channels), mixer.MaxChannels)
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
	m.Controls.repair("controls", len(m.Channels), warn)
	for i := range m.Scenes {
		m.Scenes[i].Controls.repair(fmt.Sprintf("scenes[%d].controls", i), len(m.Channels), warn)
	}
	if m.Compare.Active == "" {
		m.Compare.Active = "A" // files before A/B compare have no slot
	}
	if m.Compare.Active != "A" && m.Compare.Active != "B" {
		warn("compare.active: %q replaced by \"A\"", m.Compare.Active)
		m.Compare.Active = "A"
	}
	for slot, c := range map[string]*Controls{"a": m.Compare.A, "b": m.Compare.B} {
		if c != nil {
			c.repair("compare."+slot, len(m.Channels), warn)
		}
	}
	if m.Connections == nil {
		m.Connections = map[string][]string{}
	}
	if _, err := midi.NewTable(m.MIDI); err != nil {
		return nil, fmt.Errorf("state: key midi: %w", err)
	}
	return warnings, nil
}

// repair makes c have n channels and every value in range.
func (c *Controls) repair(key string, n int, warn func(string, ...any)) {
	if len(c.Channels) != n {
		warn("%s.channel: %d entries for %d channels; missing ones get defaults", key, len(c.Channels), n)
		for len(c.Channels) < n {
			c.Channels = append(c.Channels, defaultChannelControls())
		}
		c.Channels = c.Channels[:n]
	}
	clamp := func(k string, p mixer.Param, v *float64) {
		info, _ := param.Lookup(p)
		switch {
		case math.IsNaN(*v):
			warn("%s: nan replaced by %g", k, info.Default)
			*v = float64(info.Default)
		case *v < float64(info.Min) || *v > float64(info.Max):
			c := min(max(*v, float64(info.Min)), float64(info.Max))
			warn("%s: %g out of range, clamped to %g", k, *v, c)
			*v = c
		}
	}
	for i := range c.Channels {
		ch := &c.Channels[i]
		k := fmt.Sprintf("%s.channel[%d].", key, i)
		clamp(k+"trim_db", mixer.ParamTrimDB, &ch.TrimDB)
		clamp(k+"eq_low", mixer.ParamEQLow, &ch.EQLow)
		clamp(k+"eq_mid", mixer.ParamEQMid, &ch.EQMid)
		clamp(k+"eq_high", mixer.ParamEQHigh, &ch.EQHigh)
		clamp(k+"filter", mixer.ParamFilter, &ch.Filter)
		clamp(k+"filter_resonance", mixer.ParamFilterResonance, &ch.FilterResonance)
		clamp(k+"pan", mixer.ParamPan, &ch.Pan)
		clamp(k+"fader", mixer.ParamFader, &ch.Fader)
		if !slices.Contains(xfaderAssignNames[:], ch.XfaderAssign) {
			warn("%sxfader_assign: %q is not A, thru or B; set to thru", k, ch.XfaderAssign)
			ch.XfaderAssign = xfaderAssignNames[mixer.XfaderThru]
		}
		if !slices.Contains(MeterModes, ch.MeterMode) {
			warn("%smeter_mode: %q unknown; set to %s", k, ch.MeterMode, MeterModes[0])
			ch.MeterMode = MeterModes[0]
		}
	}
	g := &c.Global
	k := key + ".global."
	clamp(k+"crossfader", mixer.ParamCrossfader, &g.Crossfader)
	clamp(k+"crossfader_curve", mixer.ParamCrossfaderCurve, &g.CrossfaderCurve)
	clamp(k+"master_level", mixer.ParamMasterLevel, &g.MasterLevel)
	clamp(k+"master_balance", mixer.ParamMasterBalance, &g.MasterBalance)
	clamp(k+"limiter_ceiling_db", mixer.ParamLimiterCeilingDB, &g.LimiterCeilingDB)
	clamp(k+"booth_level", mixer.ParamBoothLevel, &g.BoothLevel)
	clamp(k+"phones_level", mixer.ParamPhonesLevel, &g.PhonesLevel)
	clamp(k+"cue_mix", mixer.ParamCueMix, &g.CueMix)

	t, mon := &g.Talkover, &g.Monitor
	if !slices.Contains(TalkoverModes, t.Mode) {
		warn("%stalkover.mode: %q is not off, auto or manual; set to %s", k, t.Mode, TalkoverModes[mixer.TalkoverOff])
		t.Mode = TalkoverModes[mixer.TalkoverOff]
	}
	clamp(k+"talkover.threshold_db", mixer.ParamTalkoverThresholdDB, &t.ThresholdDB)
	clamp(k+"talkover.depth_db", mixer.ParamTalkoverDepthDB, &t.DepthDB)
	clamp(k+"talkover.attack_ms", mixer.ParamTalkoverAttackMs, &t.AttackMs)
	clamp(k+"talkover.release_ms", mixer.ParamTalkoverReleaseMs, &t.ReleaseMs)
	if !slices.Contains(MonitorSources, mon.Source) {
		warn("%smonitor.source: %q is not master, cue or external; set to %s", k, mon.Source, MonitorSources[mixer.MonitorMaster])
		mon.Source = MonitorSources[mixer.MonitorMaster]
	}
	clamp(k+"monitor.level_db", mixer.ParamMonitorLevelDB, &mon.LevelDB)
	clamp(k+"monitor.dim_db", mixer.ParamMonitorDimDB, &mon.DimDB)
	clamp(k+"monitor.trim_a_db", mixer.ParamMonitorTrimADB, &mon.TrimADB)
	clamp(k+"monitor.trim_b_db", mixer.ParamMonitorTrimBDB, &mon.TrimBDB)
}

// Encode writes m as TOML, with the current version.
func Encode(m *Mixer) ([]byte, error) {
	c := *m
	c.Version = Version
	var buf bytes.Buffer
	buf.WriteString("# Linux DJ mixer state. Written by the program; edit while it is not running.\n")
	if err := toml.NewEncoder(&buf).Encode(c); err != nil {
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
