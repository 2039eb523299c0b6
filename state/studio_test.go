package state_test

import (
	"os"
	"strings"
	"testing"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// TestMissingKeysTakeEngineDefaults decodes a file that names only a few
// controls (files written before the studio section existed name none of
// its controls): every table that holds controls (live, scenes, compare
// slots) must come back with the engine's defaults for the rest, not zero
// (speakers off, dim without depth), and without a warning, since nothing
// was repaired.
func TestMissingKeysTakeEngineDefaults(t *testing.T) {
	data := `version = 2
[window]
width_dp = 1280
height_dp = 720
[[channels]]
name = "Deck 1"
stereo = true
[[controls.channel]]
xfader_assign = "A"
meter_mode = "peak"
[controls.global]
master_level = 0.5
[controls.global.monitor]
mute = true
[[scenes]]
name = "one"
[[scenes]]
name = "two"
[scenes.controls.global.talkover]
depth_db = -6.0
[compare]
active = "A"
[compare.b.global]
crossfader = 1.0
`
	m, warnings, err := state.Decode([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		if !strings.Contains(w, ".channel: 0 entries") && !strings.HasPrefix(w, "migrated from") { // the scenes and slot here name no channel
			t.Errorf("unexpected warning %q", w)
		}
	}
	want := param.NewValues(1)
	set(&want, mixer.ParamXfaderAssign, 0, mixer.XfaderA)
	set(&want, mixer.ParamMeterMode, 0, float32(mixer.MeterPeak))
	set(&want, mixer.ParamMasterLevel, 0, 0.5)
	set(&want, mixer.ParamMonitorMute, 0, 1)
	if !m.Controls.Equal(&want) {
		t.Errorf("live controls\n%+v\nwant\n%+v", m.Controls, want)
	}
	if get(&want, mixer.ParamMonitorSpeakerA, 0) != 1 || get(&want, mixer.ParamMonitorDimDB, 0) != mixer.DefaultMonitorDimDB ||
		get(&want, mixer.ParamTalkoverAttackMs, 0) != mixer.DefaultTalkoverAttackMs {
		t.Errorf("defaults are not the engine's: %+v", want)
	}
	def := param.NewValues(1)
	two := param.NewValues(1)
	set(&two, mixer.ParamTalkoverDepthDB, 0, -6)
	if len(m.Scenes) != 2 || !m.Scenes[0].Controls.Equal(&def) || !m.Scenes[1].Controls.Equal(&two) {
		t.Errorf("scenes: %+v", m.Scenes)
	}
	b := param.NewValues(1)
	set(&b, mixer.ParamCrossfader, 0, 1)
	if m.Compare.A != nil || m.Compare.B == nil || !m.Compare.B.Equal(&b) {
		t.Errorf("compare: %+v %+v", m.Compare.A, m.Compare.B)
	}
}

func TestVersion1FileGetsStudioDefaults(t *testing.T) {
	data, err := os.ReadFile("testdata/v1.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := state.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	def := param.NewValues(2)
	for _, p := range param.All() {
		if info, _ := param.Lookup(p); strings.HasPrefix(info.Key, "monitor.") || strings.HasPrefix(info.Key, "talkover.") {
			if get(&m.Controls, p, 0) != get(&def, p, 0) || get(&m.Scenes[0].Controls, p, 0) != get(&def, p, 0) {
				t.Errorf("v1 file: %s = %v, scene %v; want %v", info.Key, get(&m.Controls, p, 0), get(&m.Scenes[0].Controls, p, 0), get(&def, p, 0))
			}
		}
	}
}

func TestBadStudioValuesRepaired(t *testing.T) {
	data := `version = 3
[[channels]]
name = "Deck 1"
stereo = true
[[controls.channel]]
xfader_assign = "A"
meter_mode = "peak"
[controls.global.talkover]
mode = "loud"
depth_db = -90.0
attack_ms = 0.0
[controls.global.monitor]
source = "radio"
level_db = 40.0
trim_b_db = nan
`
	m, warnings, err := state.Decode([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	c := &m.Controls
	if get(c, mixer.ParamTalkoverMode, 0) != mixer.TalkoverOff || get(c, mixer.ParamTalkoverDepthDB, 0) != -40 ||
		get(c, mixer.ParamTalkoverAttackMs, 0) != 1 || get(c, mixer.ParamMonitorSource, 0) != mixer.MonitorMaster ||
		get(c, mixer.ParamMonitorLevelDB, 0) != 12 || get(c, mixer.ParamMonitorTrimBDB, 0) != 0 {
		t.Errorf("not repaired: %+v", *c)
	}
	for _, key := range []string{"talkover.mode", "talkover.depth_db", "talkover.attack_ms", "monitor.source", "monitor.level_db", "monitor.trim_b_db"} {
		found := false
		for _, w := range warnings {
			found = found || strings.Contains(w, "controls.global."+key)
		}
		if !found {
			t.Errorf("no warning for %s in %q", key, warnings)
		}
	}
}

// TestHeldButtonsNeverSaved: the talkover button and talkback are held
// buttons; a command pressing them must not reach the saved controls.
func TestHeldButtonsNeverSaved(t *testing.T) {
	c := param.NewValues(1)
	before := c.Clone()
	c.Set(mixer.Command{Param: mixer.ParamTalkoverButton, Value: 1})
	c.Set(mixer.Command{Param: mixer.ParamTalkback, Value: 1})
	if !c.Equal(&before) {
		t.Errorf("held buttons changed the saved controls: %+v", c)
	}
	for _, cmd := range c.Commands(nil) {
		if cmd.Param == mixer.ParamTalkoverButton || cmd.Param == mixer.ParamTalkback {
			t.Errorf("Commands sends %v", cmd)
		}
	}
}

// TestMicFlag: version 2 knew the microphone only by its name "Mic"; the
// migration sets the flag there, and from then on the flag, not the name,
// says which channel is the mic, so renaming it keeps talkover working.
func TestMicFlag(t *testing.T) {
	v2 := `version = 2
[[channels]]
name = "Deck 1"
stereo = true
[[channels]]
name = "Mic"
stereo = false
`
	m, _, err := state.Decode([]byte(v2))
	if err != nil {
		t.Fatal(err)
	}
	if m.Channels[0].Mic || !m.Channels[1].Mic {
		t.Fatalf("migrated channels %+v", m.Channels)
	}
	m.Channels[1].Name = "MC Lyte"
	m.Channels[0].Mic = true
	data, err := state.Encode(&m)
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := state.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	cfg := back.Config(mixer.DefaultConfig())
	if !cfg.Channels[0].Mic || !cfg.Channels[1].Mic || cfg.Channels[1].Name != "MC Lyte" {
		t.Fatalf("after a rename and a save: %+v", cfg.Channels)
	}
}
