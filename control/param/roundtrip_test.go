package param_test

import (
	"math"
	"net"
	"testing"

	goosc "github.com/hypebeast/go-osc/osc"

	"github.com/linuxdj/linuxdj/control/midi"
	"github.com/linuxdj/linuxdj/control/osc"
	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
	"github.com/linuxdj/linuxdj/mixer/rt"
	"github.com/linuxdj/linuxdj/state"
)

// testValue is a value of p off its default and inside its range.
func testValue(info param.Info) float32 {
	if info.Switch {
		if info.Default == info.Max {
			return info.Min
		}
		return info.Max
	}
	return info.Value(0.3)
}

// TestEveryControlRoundTrips takes each control, set to a value off its
// default, through every way it travels: the state file, a scene, OSC and
// MIDI (a 14-bit controller and its feedback). A control added to the
// description travels all of them with no code of its own.
func TestEveryControlRoundTrips(t *testing.T) {
	srv, err := osc.Listen(osc.Config{Addr: "127.0.0.1:0"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	oscCmds := rt.NewRing[mixer.Command](16)
	srv.StartControl(oscCmds, 2, nil)
	loopback := &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9}

	for _, p := range param.All() {
		info, _ := param.Lookup(p)
		ch := int16(0)
		if p.IsChannelParam() {
			ch = 1
		}
		name := param.Format(p, ch)
		want := testValue(info)
		cmd := mixer.Command{Param: p, Channel: ch, Value: want}

		// OSC: the address is the control's name.
		data, err := goosc.NewMessage(osc.Prefix+name, want).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		srv.HandlePacket(data, loopback)
		if got, ok := oscCmds.TryPop(); !ok || got != cmd {
			t.Errorf("%s: OSC %v gave %+v, %v; want %+v", name, want, got, ok, cmd)
		}

		// MIDI: a 14-bit controller at the control's position moves it
		// there, and feedback of the value sends that position back.
		mp := midi.Mapping{Source: midi.SourceCC14, MIDIChannel: 1, Number: 1, Kind: midi.KindAbsolute, Target: midi.Target{Param: p, Channel: ch}}
		table, err := midi.NewTable([]midi.Mapping{mp})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		m := midi.NewMapper(table)
		raw := int(math.Round(info.Pos(want) * (1<<14 - 1)))
		var out [4]mixer.Command
		n := m.Feed([]byte{0xB0, 1, byte(raw >> 7)}, out[:])
		n += m.Feed([]byte{0xB0, 33, byte(raw & 0x7F)}, out[n:])
		if n == 0 {
			t.Errorf("%s: MIDI moved nothing", name)
		} else if got := out[n-1]; got.Param != p || got.Channel != ch || math.Abs(info.Pos(got.Value)-info.Pos(want)) > 1.0/(1<<14-1) {
			t.Errorf("%s: MIDI raw %d gave %+v; want %v", name, raw, got, want)
		}
		// A mapper that did not just hear the value from the controller
		// (feedback is not echoed to it) sends it out.
		m = midi.NewMapper(table)
		m.Observe(cmd)
		var fb [64]byte
		fbn := m.Feedback(fb[:])
		if fbn < 6 || int(fb[fbn-4])<<7|int(fb[fbn-1]) != raw {
			t.Errorf("%s: feedback of %v is % x; want raw %d", name, want, fb[:fbn], raw)
		}

		if info.Press {
			continue // a press is not a setting: nothing keeps it
		}
		// The window's, the headless loop's and the saved model.
		v := param.NewValues(2)
		if !v.Set(cmd) || v.Get(p, int(ch)) != want {
			t.Errorf("%s: the model did not take %v", name, want)
			continue
		}

		// The state file.
		saved := state.Defaults(mixer.Config{Channels: []mixer.ChannelConfig{{Name: "a"}, {Name: "b"}}})
		saved.Controls = v.Clone()
		file, err := state.Encode(&saved)
		if err != nil {
			t.Fatal(err)
		}
		loaded, warnings, err := state.Decode(file)
		switch {
		case err != nil || len(warnings) > 0:
			t.Errorf("%s: decode: %v %q", name, err, warnings)
		case info.Key == "" && loaded.Controls.Get(p, int(ch)) != info.Default:
			t.Errorf("%s: not saved, yet loaded as %v", name, loaded.Controls.Get(p, int(ch)))
		case info.Key != "" && loaded.Controls.Get(p, int(ch)) != want:
			t.Errorf("%s: saved %v, loaded %v", name, want, loaded.Controls.Get(p, int(ch)))
		}

		// A scene: recalled, unless it is the room's (the monitor
		// section), which a scene leaves alone.
		saved.SaveScene("s")
		saved.Controls.Set(mixer.Command{Param: p, Channel: ch, Value: info.Default})
		if err := saved.RecallScene("s"); err != nil {
			t.Fatal(err)
		}
		wantRecalled := want
		if info.Room {
			wantRecalled = info.Default
		}
		if got := saved.Controls.Get(p, int(ch)); got != wantRecalled {
			t.Errorf("%s: scene recall gave %v; want %v", name, got, wantRecalled)
		}
	}
}
