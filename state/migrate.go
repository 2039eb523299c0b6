package state

import (
	"bytes"
	"fmt"

	"github.com/BurntSushi/toml"

	"github.com/linuxdj/linuxdj/mixer"
)

// migrate brings a file of an older version up to Version, one step at a
// time, through a generic TOML tree, and returns the new text.
func migrate(data []byte, from int) ([]byte, error) {
	var tree map[string]any
	if _, err := toml.Decode(string(data), &tree); err != nil {
		return nil, describe(err)
	}
	for v := from; v < Version; v++ {
		if err := migrations[v](tree); err != nil {
			return nil, fmt.Errorf("state: migrate version %d to %d: %w", v, v+1, err)
		}
	}
	tree["version"] = int64(Version)
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(tree); err != nil {
		return nil, fmt.Errorf("state: migrate: %w", err)
	}
	return buf.Bytes(), nil
}

// migrations[v] turns a version v tree into a version v+1 tree.
var migrations = map[int]func(map[string]any) error{
	1: migrate1to2,
	2: migrate2to3,
}

// migrate2to3: version 2 did not record which channel is the microphone;
// the app took the channel called as the default layout's microphone
// ("Mic") to be one, so renaming it lost talkover and talkback. Version 3
// saves a mic flag per channel, set here where version 2 found one.
func migrate2to3(tree map[string]any) error {
	var micName string
	for _, c := range mixer.DefaultConfig().Channels {
		if c.Mic {
			micName = c.Name
		}
	}
	channels, _ := tree["channels"].([]map[string]any)
	for _, c := range channels {
		c["mic"] = c["name"] == micName
	}
	return nil
}

// migrate1to2: version 1 called the crossfader curve "xfader_curve" and
// stored the window size as one "WIDTHxHEIGHT" string; version 2 says
// "crossfader_curve" and has a [window] table.
func migrate1to2(tree map[string]any) error {
	renameCurve := func(controls any) {
		c, _ := controls.(map[string]any)
		g, _ := c["global"].(map[string]any)
		if v, ok := g["xfader_curve"]; ok {
			delete(g, "xfader_curve")
			g["crossfader_curve"] = v
		}
	}
	renameCurve(tree["controls"])
	if scenes, ok := tree["scenes"].([]map[string]any); ok {
		for _, s := range scenes {
			renameCurve(s["controls"])
		}
	}
	if size, ok := tree["window"].(string); ok {
		var w, h int64
		if _, err := fmt.Sscanf(size, "%dx%d", &w, &h); err != nil {
			return fmt.Errorf("key window: %q is not WIDTHxHEIGHT: %w", size, err)
		}
		tree["window"] = map[string]any{"width_dp": w, "height_dp": h}
	}
	return nil
}
