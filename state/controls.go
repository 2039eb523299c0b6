package state

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

// The controls are written as
//
//	[[controls.channel]]      one table per channel
//	trim_db = -3.5
//	xfader_assign = "A"
//	[controls.global]
//	crossfader = 0.25
//	[controls.global.talkover]
//	mode = "auto"
//
// with each control's key, unit and range taken from its param.Info: a
// control added there is saved, loaded, repaired and migrated with no code
// here. Switches with Choices are written by name, other switches as
// booleans, everything else as a number in the engine's unit.

// tree is a table of the file in the form the TOML package reads and
// writes generically.
type tree = map[string]any

// encodeControls is the file's table of v.
func encodeControls(v *param.Values) tree {
	channels := make([]tree, v.Channels())
	for ch := range channels {
		channels[ch] = tree{}
	}
	global := tree{}
	for _, p := range param.All() {
		info, _ := param.Lookup(p)
		if info.Key == "" {
			continue
		}
		if p.IsChannelParam() {
			for ch := range channels {
				channels[ch][info.Key] = fileValue(&info, v.Get(p, ch))
			}
			continue
		}
		t, key := global, info.Key
		for table, rest, nested := strings.Cut(key, "."); nested; table, rest, nested = strings.Cut(rest, ".") {
			sub, ok := t[table].(tree)
			if !ok {
				sub = tree{}
				t[table] = sub
			}
			t, key = sub, rest
		}
		t[key] = fileValue(&info, v.Get(p, 0))
	}
	return tree{"channel": channels, "global": global}
}

// isBool reports whether the file writes info's control as true/false: an
// on/off switch with no value names.
func isBool(info *param.Info) bool {
	return info.Switch && info.Choices == nil && info.Min == 0 && info.Max == 1
}

// fileValue is how the file writes v.
func fileValue(info *param.Info, v float32) any {
	switch {
	case info.Switch && info.Choices != nil:
		return info.Choices[int(v-info.Min)]
	case isBool(info):
		return v >= 0.5
	}
	// The shortest decimal that reads back as the same float32, so the
	// file says 0.1 and not 0.10000000149011612.
	f, _ := strconv.ParseFloat(strconv.FormatFloat(float64(v), 'g', -1, 32), 64)
	return f
}

// decodeControls reads the table t (nil: absent) named key for a mixer
// with n channels. Missing controls take their defaults; values out of
// range, unknown names and unknown keys are repaired with a warning; a
// value of the wrong type is an error.
func decodeControls(t tree, key string, n int, warn func(string, ...any)) (param.Values, error) {
	v := param.NewValues(n)
	var channels []tree
	switch c := t["channel"].(type) {
	case nil:
	case []tree:
		channels = c
	default:
		return v, fmt.Errorf("state: key %s.channel: want tables, got %T", key, c)
	}
	if len(channels) != n {
		warn("%s.channel: %d entries for %d channels; missing ones get defaults", key, len(channels), n)
	}
	global, _ := t["global"].(tree)
	if t["global"] != nil && global == nil {
		return v, fmt.Errorf("state: key %s.global: want a table, got %T", key, t["global"])
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if k != "channel" && k != "global" {
			warn("unknown key dropped: %s.%s", key, k)
		}
	}
	for ch, table := range channels[:min(len(channels), n)] {
		if err := decodeTable(&v, table, fmt.Sprintf("%s.channel[%d]", key, ch), "", int16(ch), true, warn); err != nil {
			return v, err
		}
	}
	if global != nil {
		if err := decodeTable(&v, global, key+".global", "", 0, false, warn); err != nil {
			return v, err
		}
	}
	return v, nil
}

// decodeTable sets from t, whose keys start with prefix, the channel
// controls of channel ch or the global ones.
func decodeTable(v *param.Values, t tree, where, prefix string, ch int16, channel bool, warn func(string, ...any)) error {
	for _, k := range slices.Sorted(maps.Keys(t)) {
		raw, full := t[k], prefix+k
		if sub, ok := raw.(tree); ok && !channel {
			if err := decodeTable(v, sub, where+"."+k, full+".", ch, channel, warn); err != nil {
				return err
			}
			continue
		}
		p, ok := paramByKey(full, channel)
		if !ok {
			warn("unknown key dropped: %s.%s", where, k)
			continue
		}
		info, _ := param.Lookup(p)
		x, err := valueOf(&info, raw, where+"."+k, warn)
		if err != nil {
			return err
		}
		v.Set(mixer.Command{Param: p, Channel: ch, Value: x})
	}
	return nil
}

// valueOf reads one value of the file as info's control.
func valueOf(info *param.Info, raw any, key string, warn func(string, ...any)) (float32, error) {
	switch {
	case info.Switch && info.Choices != nil:
		s, ok := raw.(string)
		if !ok {
			return 0, fmt.Errorf("state: key %s: want one of %s, got %v", key, strings.Join(info.Choices, ", "), raw)
		}
		i := slices.Index(info.Choices, s)
		if i < 0 {
			def := info.Choices[int(info.Default-info.Min)]
			warn("%s: %q unknown (want %s); set to %s", key, s, strings.Join(info.Choices, ", "), def)
			return info.Default, nil
		}
		return info.Min + float32(i), nil
	case isBool(info):
		b, ok := raw.(bool)
		if !ok {
			return 0, fmt.Errorf("state: key %s: want true or false, got %v", key, raw)
		}
		if b {
			return 1, nil
		}
		return 0, nil
	}
	var f float64
	switch n := raw.(type) {
	case float64:
		f = n
	case int64:
		f = float64(n)
	default:
		return 0, fmt.Errorf("state: key %s: want a number, got %v", key, raw)
	}
	lo, hi := float64(info.Min), float64(info.Max)
	switch {
	case math.IsNaN(f):
		warn("%s: nan replaced by %g", key, info.Default)
		return info.Default, nil
	case f < lo || f > hi:
		c := min(max(f, lo), hi)
		warn("%s: %g out of range, clamped to %g", key, f, c)
		return float32(c), nil
	}
	return float32(f), nil
}

// paramByKey finds the saved control whose state file key is key.
func paramByKey(key string, channel bool) (mixer.Param, bool) {
	for _, p := range param.All() {
		if info, _ := param.Lookup(p); info.Key == key && p.IsChannelParam() == channel {
			return p, true
		}
	}
	return 0, false
}
