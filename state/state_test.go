package state_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// full returns a state in which every field differs from its zero value
// and every saved control from its default; i varies it so saves can be
// told apart.
func full(i int) state.Mixer {
	controls := param.NewValues(2)
	for _, p := range param.All() {
		info, _ := param.Lookup(p)
		if info.Key == "" {
			continue // not saved
		}
		// Binary fractions survive the engine's float32 exactly.
		v := info.Max
		if info.Default == info.Max {
			v = info.Min
		}
		if !info.Switch {
			v = info.Min + (info.Max-info.Min)*0.375
		}
		controls.Set(mixer.Command{Param: p, Channel: 0, Value: v})
		controls.Set(mixer.Command{Param: p, Channel: 1, Value: v})
	}
	controls.Set(mixer.Command{Param: mixer.ParamFader, Channel: 1, Value: float32(i%64) / 64})
	a, b := controls.Clone(), controls.Clone()
	a.Set(mixer.Command{Param: mixer.ParamCrossfader, Value: -1})
	b.Set(mixer.Command{Param: mixer.ParamCrossfader, Value: 1})
	m := state.Mixer{
		Version:  state.Version,
		FirstRun: true,
		Window:   state.Window{WidthDp: 1000 + i, HeightDp: 700},
		Channels: []state.Channel{{Name: "Deck A", Stereo: true, Mic: true}, {Name: fmt.Sprintf("Mic %d", i), Stereo: true, Mic: true}},
		Controls: controls,
		Compare:  state.Compare{Active: "B", A: &a, B: &b},
		Connections: map[string][]string{
			"linuxdj:ch1_in_L": {"mixxx:out_0", "system:capture_1"},
		},
		MIDI: []midi.Mapping{{
			Source: midi.SourceCC, MIDIChannel: 2, Number: 7, Kind: midi.KindAbsolute,
			Target: midi.Target{Param: mixer.ParamFader, Channel: 1}, SoftTakeover: true,
		}, {
			Source: midi.SourceCC, MIDIChannel: 3, Number: 9, Kind: midi.KindAbsolute,
			Target: midi.Target{Plugin: param.PluginControl{Channel: 2, Slot: 4, Symbol: "gain"}}, SoftTakeover: true,
		}},
		HintClosed: true,
		Inserts: []state.Insert{{
			Channel: 2, Slot: 4, URI: "http://example.org/plugin", Bypass: true,
			Controls: map[string]float32{"gain": -6.5, "mode": 2}, State: "QHByZWZpeCBsdjI6IDw+IC4K",
		}},
	}
	for s := range 3 + i%3 {
		ins := []state.Insert{{Channel: 1, Slot: 1 + s%4, URI: "urn:scene:plugin", Bypass: true,
			Controls: map[string]float32{"x": float32(s + 1)}, State: "eA=="}}
		m.Scenes = append(m.Scenes, state.Scene{Name: fmt.Sprintf("scene %d/%d", i, s), Controls: controls.Clone(),
			HasInserts: true, Inserts: ins})
	}
	return m
}

// get reads one control of v.
func get(v *param.Values, p mixer.Param, ch int) float32 { return v.Get(p, ch) }

// set changes one control of v.
func set(v *param.Values, p mixer.Param, ch int, x float32) {
	v.Set(mixer.Command{Param: p, Channel: int16(ch), Value: x})
}

// assertNoZeroLeaf fails for any field left at its zero value, so a field
// added to Mixer must be added to full, and so to the round trip.
func assertNoZeroLeaf(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	if v.Type() == reflect.TypeFor[param.Values]() {
		return // full sets every control off its default; TestFullSetsEveryControl checks it
	}
	if v.Type() == reflect.TypeFor[midi.Target]() {
		// A target is a mixer control or a plugin's, never both: full has
		// one of each, and each must be set in full.
		if v.Interface().(midi.Target).IsPlugin() {
			assertNoZeroLeaf(t, v.FieldByName("Plugin"), path+".Plugin")
		} else {
			assertNoZeroLeaf(t, v.FieldByName("Param"), path+".Param")
			assertNoZeroLeaf(t, v.FieldByName("Channel"), path+".Channel")
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			assertNoZeroLeaf(t, v.Field(i), path+"."+v.Type().Field(i).Name)
		}
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("%s is nil", path)
			return
		}
		assertNoZeroLeaf(t, v.Elem(), path)
	case reflect.Slice, reflect.Map:
		if v.Len() == 0 {
			t.Errorf("%s is empty", path)
		}
		if v.Kind() == reflect.Slice {
			for i := range v.Len() {
				assertNoZeroLeaf(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		}
	default:
		if v.IsZero() {
			t.Errorf("%s is zero: the round trip would not prove it", path)
		}
	}
}

func TestRoundTripEveryField(t *testing.T) {
	want := full(7)
	assertNoZeroLeaf(t, reflect.ValueOf(want), "Mixer")
	path := filepath.Join(t.TempDir(), state.FileName)
	if err := state.Save(path, &want); err != nil {
		t.Fatal(err)
	}
	got, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromFile || len(rep.Problems) > 0 || len(rep.Warnings) > 0 {
		t.Fatalf("report %+v", rep)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip changed the state:\n got %+v\nwant %+v", got, want)
	}
}

func TestMissingFileGivesDefaults(t *testing.T) {
	cfg := mixer.DefaultConfig()
	got, rep := state.Load(filepath.Join(t.TempDir(), "none.toml"), cfg)
	if rep.Origin != state.FromDefaults || len(rep.Problems) != 0 || !got.FirstRun {
		t.Fatalf("origin %v problems %v first run %v", rep.Origin, rep.Problems, got.FirstRun)
	}
	if len(got.Channels) != len(cfg.Channels) || got.Channels[4].Name != "Mic" || got.Channels[4].Stereo {
		t.Fatalf("channels %+v", got.Channels)
	}
}

func TestSaveKeepsBackupOfPreviousFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), state.FileName)
	first, second := full(1), full(2)
	if err := state.Save(path, &first); err != nil {
		t.Fatal(err)
	}
	if err := state.Save(path, &second); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path + ".bak")
	if err != nil {
		t.Fatal(err)
	}
	bak, _, err := state.Decode(data)
	if err != nil || !reflect.DeepEqual(bak, first) {
		t.Fatalf("backup is not the previous state: %v", err)
	}
	left, _ := filepath.Glob(path + "*tmp*")
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

func TestCorruptFiles(t *testing.T) {
	good, err := state.Encode(ptr(full(3)))
	if err != nil {
		t.Fatal(err)
	}
	goodText := string(good)
	cases := []struct {
		name      string
		text      string
		wantError string // in Problems[0]; "" means the file loads with a warning
		wantWarn  string
	}{
		{"truncated", goodText[:len(goodText)*2/3] + "\n[[scenes]\n", "line ", ""},
		{"truncated mid-string", goodText[:strings.Index(goodText, "Deck A")+3], "line ", ""},
		{"binary junk", "\x00\xff\xfe\x89PNG\r\n\x1a\n\x00\x00", "line 1", ""},
		{"empty", "", "empty file", ""},
		{"whitespace only", " \n\t\n", "empty file", ""},
		{"wrong type", strings.Replace(goodText, "fader = 0.375", `fader = "loud"`, 1), "fader", ""},
		{"wrong table type", strings.Replace(goodText, "first_run = true", "first_run = true\nchannels = 5", 1), "line ", ""},
		{"unknown future version", strings.Replace(goodText, "version = 3", "version = 99", 1), "version: 99 is newer", ""},
		{"missing version", strings.Replace(goodText, "version = 3", "", 1), "version: missing", ""},
		{"no channels", "version = 2\n", "channels: 0 channels", ""},
		{"bad midi mapping", strings.Replace(goodText, `kind = "absolute"`, `kind = "sideways"`, 1), "sideways", ""},
		{"huge value", strings.Replace(goodText, "trim_db = -5.0", "trim_db = 1e300", 1), "", "trim_db: 1e+300 out of range, clamped to 20"},
		{"negative window", strings.Replace(goodText, "height_dp = 700", "height_dp = -5", 1), "", "window: 1003x-5 clamped to 1003x240"},
		{"empty channel name", strings.Replace(goodText, `name = "Deck A"`, `name = " "`, 1), "", `channels[0].name: empty, named "Channel 1"`},
		{"bad meter mode", strings.Replace(goodText, `meter_mode = "k12"`, `meter_mode = "loud"`, 1), "", `meter_mode: "loud" unknown`},
		{"unknown key", strings.Replace(goodText, "first_run = true", "first_run = true\ncolour = \"red\"", 1), "", "unknown key dropped: colour"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, withBackup := range []bool{false, true} {
				dir := t.TempDir()
				path := filepath.Join(dir, state.FileName)
				backup := full(4)
				if withBackup {
					// The second save makes the first the backup.
					for range 2 {
						if err := state.Save(path, &backup); err != nil {
							t.Fatal(err)
						}
					}
				}
				if err := os.WriteFile(path, []byte(tc.text), 0o600); err != nil {
					t.Fatal(err)
				}
				got, rep := state.Load(path, mixer.DefaultConfig())
				broken, _ := filepath.Glob(path + ".broken-*")
				if len(broken) != 1 || len(rep.Broken) != 1 || rep.Broken[0] != broken[0] {
					t.Fatalf("want the bad file kept once, got %v (report %v)", broken, rep.Broken)
				}
				kept, err := os.ReadFile(broken[0])
				if err != nil || string(kept) != tc.text {
					t.Fatalf("kept copy differs from the bad file: %v", err)
				}
				if tc.wantError == "" {
					if rep.Origin != state.FromFile || len(rep.Problems) != 0 {
						t.Fatalf("origin %v problems %v", rep.Origin, rep.Problems)
					}
					if !strings.Contains(strings.Join(rep.Warnings, "\n"), tc.wantWarn) {
						t.Fatalf("warnings %q lack %q", rep.Warnings, tc.wantWarn)
					}
					return
				}
				if len(rep.Problems) == 0 || !strings.Contains(rep.Problems[0].Error(), tc.wantError) {
					t.Fatalf("problems %v, want one containing %q", rep.Problems, tc.wantError)
				}
				if withBackup {
					if rep.Origin != state.FromBackup || !reflect.DeepEqual(got, backup) {
						t.Fatalf("want the backup, got origin %v", rep.Origin)
					}
				} else if rep.Origin != state.FromDefaults || !reflect.DeepEqual(got, state.Defaults(mixer.DefaultConfig())) {
					t.Fatalf("want defaults, got origin %v", rep.Origin)
				}
			}
		})
	}
}

func TestBrokenBackupFallsToDefaults(t *testing.T) {
	path := filepath.Join(t.TempDir(), state.FileName)
	for _, p := range []string{path, path + ".bak"} {
		if err := os.WriteFile(p, []byte("version = [[["), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_, rep := state.Load(path, mixer.DefaultConfig())
	if rep.Origin != state.FromDefaults || len(rep.Problems) != 2 || len(rep.Broken) != 2 {
		t.Fatalf("report %+v", rep)
	}
}

func TestMigrateVersion1(t *testing.T) {
	data, err := os.ReadFile("testdata/v1.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, warnings, err := state.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	curve := get(&m.Controls, mixer.ParamCrossfaderCurve, 0)
	if sceneCurve := get(&m.Scenes[0].Controls, mixer.ParamCrossfaderCurve, 0); m.Version != state.Version || curve != 0.9 || sceneCurve != 0.1 {
		t.Fatalf("curve not migrated: version %d, %v, scene %v", m.Version, curve, sceneCurve)
	}
	if m.Window != (state.Window{WidthDp: 1440, HeightDp: 900}) {
		t.Fatalf("window %+v", m.Window)
	}
	if len(warnings) != 1 || warnings[0] != "migrated from version 1 to 3" {
		t.Fatalf("warnings %q", warnings)
	}
	if m.Channels[1].Name != "Turntable" || get(&m.Controls, mixer.ParamFader, 1) != 0.3 {
		t.Fatalf("other values lost: %+v %v", m.Channels, get(&m.Controls, mixer.ParamFader, 1))
	}
}

// TestFullSetsEveryControl: the round trip proves every control only if
// full moves each saved one off its default.
func TestFullSetsEveryControl(t *testing.T) {
	m, def := full(0), param.NewValues(2)
	for _, p := range param.All() {
		if info, _ := param.Lookup(p); info.Key != "" && get(&m.Controls, p, 1) == get(&def, p, 1) {
			t.Errorf("full leaves %s at its default", info.Name)
		}
	}
}

func TestCommandsBringControlsOver(t *testing.T) {
	want := full(5)
	cmds := want.Controls.Commands(nil)
	got := param.NewValues(len(want.Channels))
	for _, c := range cmds {
		got.Set(c)
	}
	if !got.Equal(&want.Controls) {
		t.Fatalf("applying the commands gives\n%+v\nwant\n%+v", got, want.Controls)
	}
}

func TestScenes(t *testing.T) {
	m := state.Defaults(mixer.DefaultConfig())
	fader := func() float32 { return get(&m.Controls, mixer.ParamFader, 0) }
	set(&m.Controls, mixer.ParamFader, 0, 0.125)
	m.SaveScene("intro")
	set(&m.Controls, mixer.ParamFader, 0, 0.875)
	m.SaveScene("drop")
	set(&m.Controls, mixer.ParamFader, 0, 0.5)
	m.SaveScene("intro") // replaces
	if got := m.SceneNames(); !reflect.DeepEqual(got, []string{"intro", "drop"}) {
		t.Fatalf("names %v", got)
	}
	if err := m.RecallScene("drop"); err != nil || fader() != 0.875 {
		t.Fatalf("recall drop: %v, fader %v", err, fader())
	}
	set(&m.Controls, mixer.ParamFader, 0, 0.25)
	if get(&m.Scenes[1].Controls, mixer.ParamFader, 0) != 0.875 {
		t.Fatal("a recalled scene shares memory with the live controls")
	}
	if err := m.RecallScene("intro"); err != nil || fader() != 0.5 {
		t.Fatalf("recall intro: %v", err)
	}
	if m.RecallScene("nope") == nil {
		t.Fatal("recalling a missing scene succeeded")
	}
	// The monitor section is the room's: a scene saved with another
	// monitor level and source does not bring them back.
	set(&m.Controls, mixer.ParamMonitorLevelDB, 0, -30)
	set(&m.Controls, mixer.ParamMonitorSource, 0, mixer.MonitorCue)
	set(&m.Controls, mixer.ParamTalkoverDepthDB, 0, -6)
	m.SaveScene("monitor test")
	set(&m.Controls, mixer.ParamMonitorLevelDB, 0, -10)
	set(&m.Controls, mixer.ParamMonitorSource, 0, mixer.MonitorMaster)
	set(&m.Controls, mixer.ParamTalkoverDepthDB, 0, -20)
	if err := m.RecallScene("monitor test"); err != nil {
		t.Fatal(err)
	}
	if lv, src, depth := get(&m.Controls, mixer.ParamMonitorLevelDB, 0), get(&m.Controls, mixer.ParamMonitorSource, 0),
		get(&m.Controls, mixer.ParamTalkoverDepthDB, 0); lv != -10 || src != mixer.MonitorMaster || depth != -6 {
		t.Fatalf("after recall: monitor level %v source %v, talkover depth %v", lv, src, depth)
	}
	m.DeleteScene("monitor test")
	if !m.DeleteScene("intro") || m.DeleteScene("intro") || len(m.Scenes) != 1 {
		t.Fatalf("delete: %v", m.SceneNames())
	}
}

func TestCompareAB(t *testing.T) {
	m := state.Defaults(mixer.DefaultConfig())
	xf := func() float32 { return get(&m.Controls, mixer.ParamCrossfader, 0) }
	set(&m.Controls, mixer.ParamCrossfader, 0, -1)
	if m.ToggleCompare() != "B" || xf() != -1 {
		t.Fatal("first toggle must start B as a copy of A")
	}
	set(&m.Controls, mixer.ParamCrossfader, 0, 1)
	if m.ToggleCompare() != "A" || xf() != -1 {
		t.Fatalf("back to A: crossfader %v", xf())
	}
	if m.ToggleCompare() != "B" || xf() != 1 {
		t.Fatalf("back to B: crossfader %v", xf())
	}
}

func TestAutosaverDebounces(t *testing.T) {
	var saves atomic.Int32
	a := state.NewAutosaver(50*time.Millisecond, func() error { saves.Add(1); return nil })
	for range 10 {
		a.Notify()
		time.Sleep(5 * time.Millisecond)
	}
	if saves.Load() != 0 {
		t.Fatal("saved before the changes stopped")
	}
	deadline := time.Now().Add(2 * time.Second)
	for saves.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if saves.Load() != 1 {
		t.Fatalf("%d saves after a burst, want 1", saves.Load())
	}
	if err := a.Flush(); err != nil || saves.Load() != 1 {
		t.Fatalf("flush with nothing pending saved again (%v)", err)
	}
	a.Notify()
	if err := a.Close(); err != nil || saves.Load() != 2 {
		t.Fatalf("close did not flush: %d saves, %v", saves.Load(), err)
	}
	a.Notify()
	time.Sleep(100 * time.Millisecond)
	if saves.Load() != 2 {
		t.Fatal("saved after Close")
	}
}

func TestAutosaverReportsBackgroundError(t *testing.T) {
	boom := errors.New("disk full")
	a := state.NewAutosaver(time.Millisecond, func() error { return boom })
	a.Notify()
	time.Sleep(50 * time.Millisecond)
	if err := a.Flush(); !errors.Is(err, boom) {
		t.Fatalf("Flush = %v, want the background error", err)
	}
}

const writerEnv = "LINUXDJ_STATE_TEST_WRITER"

// TestMain lets the kill test re-execute this binary as a writer that saves
// full(1), full(2), … to the path in writerEnv until it is killed.
func TestMain(m *testing.M) {
	if path := os.Getenv(writerEnv); path != "" {
		for i := 1; ; i++ {
			s := full(i)
			if err := state.Save(path, &s); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(3)
			}
			if i == 1 {
				fmt.Println("saving")
			}
		}
	}
	os.Exit(m.Run())
}

func TestKillDuringSave(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), state.FileName)
	first := full(0)
	if err := state.Save(path, &first); err != nil {
		t.Fatal(err)
	}
	rounds := 20
	if testing.Short() {
		rounds = 5
	}
	midSave, wrote := 0, 0
	for round := range rounds {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), writerEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait for the first save, then kill at a random point of a later one.
		if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
			t.Fatalf("round %d: writer: %v", round, err)
		}
		time.Sleep(time.Duration(rand.IntN(20000)) * time.Microsecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: writer ended on its own: %v", round, err)
		}
		if left, _ := filepath.Glob(path + ".tmp-*"); len(left) > 0 {
			midSave++
		}
		got, rep := state.Load(path, mixer.DefaultConfig())
		if rep.Origin != state.FromFile || len(rep.Problems) != 0 {
			t.Fatalf("round %d: file did not load after kill: %+v", round, rep)
		}
		if got.Window.WidthDp > 1000 {
			wrote++
		}
		if want := full(got.Window.WidthDp - 1000); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: loaded state is none of the saved ones", round)
		}
		if left, _ := filepath.Glob(path + "*tmp*"); len(left) > 0 {
			t.Fatalf("round %d: Load left temporary files: %v", round, left)
		}
	}
	if wrote == 0 {
		t.Fatal("the writer never completed a save before being killed: the test proved nothing")
	}
	t.Logf("%d of %d kills landed between a temp file's creation and its rename; %d rounds loaded a state the writer saved", midSave, rounds, wrote)
}

func ptr[T any](v T) *T { return &v }
