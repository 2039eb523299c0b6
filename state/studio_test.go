package state_test

import (
	"os"
	"strings"
	"testing"

	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/state"
)

// TestMissingStudioKeysTakeEngineDefaults decodes a file written before
// the talkover and monitor settings existed: every table that holds
// controls (live, scenes, compare slots) must come back with the engine's
// defaults, not zero (speakers off, dim without depth), and without a
// warning, since nothing was repaired.
func TestMissingStudioKeysTakeEngineDefaults(t *testing.T) {
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
		if !strings.Contains(w, ".channel: 0 entries") { // the scenes and slot here name no channel
			t.Errorf("unexpected warning %q", w)
		}
	}
	def := state.DefaultControls(1).Global
	wantMon := def.Monitor
	wantMon.Mute = true
	if m.Controls.Global.Monitor != wantMon || m.Controls.Global.Talkover != def.Talkover {
		t.Errorf("live controls: %+v %+v; want %+v %+v", m.Controls.Global.Monitor, m.Controls.Global.Talkover, wantMon, def.Talkover)
	}
	if !wantMon.SpeakerA || wantMon.DimDB != mixer.DefaultMonitorDimDB || def.Talkover.DepthDB != mixer.DefaultTalkoverDepthDB ||
		def.Talkover.AttackMs != mixer.DefaultTalkoverAttackMs || def.Talkover.ReleaseMs != mixer.DefaultTalkoverReleaseMs {
		t.Errorf("defaults are not the engine's: %+v", def)
	}
	if len(m.Scenes) != 2 || m.Scenes[0].Controls.Global.Monitor != def.Monitor || m.Scenes[1].Controls.Global.Talkover.DepthDB != -6 ||
		m.Scenes[1].Controls.Global.Talkover.AttackMs != mixer.DefaultTalkoverAttackMs {
		t.Errorf("scenes: %+v", m.Scenes)
	}
	if m.Compare.A != nil || m.Compare.B == nil || m.Compare.B.Global.Monitor != def.Monitor || m.Compare.B.Global.Crossfader != 1 {
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
	def := state.DefaultControls(1).Global
	if m.Controls.Global.Monitor != def.Monitor || m.Controls.Global.Talkover != def.Talkover ||
		m.Scenes[0].Controls.Global.Monitor != def.Monitor {
		t.Errorf("v1 file: %+v %+v", m.Controls.Global.Monitor, m.Scenes[0].Controls.Global.Monitor)
	}
}

func TestBadStudioValuesRepaired(t *testing.T) {
	data := `version = 2
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
	g := m.Controls.Global
	if g.Talkover.Mode != "off" || g.Talkover.DepthDB != -40 || g.Talkover.AttackMs != 1 ||
		g.Monitor.Source != "master" || g.Monitor.LevelDB != 12 || g.Monitor.TrimBDB != 0 {
		t.Errorf("not repaired: %+v %+v", g.Talkover, g.Monitor)
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
	c := state.DefaultControls(1)
	before := c.Global
	c.Apply(mixer.Command{Param: mixer.ParamTalkoverButton, Value: 1})
	c.Apply(mixer.Command{Param: mixer.ParamTalkback, Value: 1})
	if c.Global != before {
		t.Errorf("held buttons changed the saved controls: %+v", c.Global)
	}
	for _, cmd := range c.Commands(nil) {
		if cmd.Param == mixer.ParamTalkoverButton || cmd.Param == mixer.ParamTalkback {
			t.Errorf("Commands sends %v", cmd)
		}
	}
}
