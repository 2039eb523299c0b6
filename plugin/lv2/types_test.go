package lv2_test

import (
	"slices"
	"testing"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

func TestPortParam(t *testing.T) {
	for _, c := range []struct {
		name string
		port lv2.Port
		want param.Info
	}{
		{"nothing written: 0..1 at 0", lv2.Port{Symbol: "x"}, param.Info{Max: 1}},
		{"default clamped", lv2.Port{Symbol: "x", HasMin: true, Min: -10, HasMax: true, Max: 10, HasDefault: true, Default: 20},
			param.Info{Min: -10, Max: 10, Default: 10}},
		{"missing default is the minimum", lv2.Port{Symbol: "x", HasMin: true, Min: 2, HasMax: true, Max: 5}, param.Info{Min: 2, Max: 5, Default: 2}},
		{"toggle", lv2.Port{Symbol: "x", Toggle: true, HasMax: true, Max: 7}, param.Info{Max: 1, Switch: true}},
		{"log frequency", lv2.Port{Symbol: "x", Logarithmic: true, HasMin: true, Min: 20, HasMax: true, Max: 20000, HasDefault: true, Default: 1000, Unit: "Hz"},
			param.Info{Min: 20, Max: 20000, Default: 1000, Law: param.Log, Unit: "Hz"}},
		{"log from zero stays linear", lv2.Port{Symbol: "x", Logarithmic: true, HasMax: true, Max: 100}, param.Info{Max: 100}},
		{"fraction of the rate", lv2.Port{Symbol: "x", SampleRate: true, HasMin: true, Min: 0.0625, HasMax: true, Max: 0.5, HasDefault: true, Default: 0.25},
			param.Info{Min: 3000, Max: 24000, Default: 12000}},
		{"integer enumeration", lv2.Port{Symbol: "x", Integer: true, Enumeration: true, HasMin: true, Min: 1, HasMax: true, Max: 3,
			ScalePoints: []lv2.ScalePoint{{1, "one"}, {2, "two"}, {3, "three"}}},
			param.Info{Min: 1, Max: 3, Default: 1, Switch: true, Choices: []string{"one", "two", "three"}}},
		{"enumeration with a gap has no choices", lv2.Port{Symbol: "x", Integer: true, Enumeration: true, HasMax: true, Max: 2,
			ScalePoints: []lv2.ScalePoint{{0, "zero"}, {2, "two"}}},
			param.Info{Max: 2, Switch: true}},
	} {
		got := c.port.Param(48000)
		c.want.Name, c.want.Key = "x", "x"
		if got.Name != c.want.Name || got.Key != c.want.Key || got.Min != c.want.Min || got.Max != c.want.Max ||
			got.Default != c.want.Default || got.Switch != c.want.Switch || got.Law != c.want.Law ||
			got.Unit != c.want.Unit || !slices.Equal(got.Choices, c.want.Choices) {
			t.Errorf("%s: %+v; want %+v", c.name, got, c.want)
		}
	}
}

func TestSearch(t *testing.T) {
	plugins := []lv2.Plugin{
		{URI: "urn:a", Name: "Simple amplifier", Class: "Amplifier Plugin", Author: "Steve Harris"},
		{URI: "urn:b", Name: "DJ EQ", Class: "Equaliser Plugin", Author: "Steve Harris"},
		{URI: "urn:c", Name: "x42-eq", Class: "Parametric EQ Plugin", Author: "Robin Gareus"},
	}
	for q, want := range map[string][]string{
		"":                {"urn:a", "urn:b", "urn:c"},
		"AMP":             {"urn:a"},
		"eq plugin":       {"urn:b", "urn:c"},
		"harris equalise": {"urn:b"},
		"urn:c":           {"urn:c"},
		"nothing":         nil,
	} {
		var got []string
		for _, p := range lv2.Search(plugins, q) {
			got = append(got, p.URI)
		}
		if !slices.Equal(got, want) {
			t.Errorf("search %q: %v; want %v", q, got, want)
		}
	}
}
