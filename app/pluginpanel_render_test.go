//go:build cgo

package app

import (
	"testing"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/internal/testenv"
)

// TestRenderPluginBrowser renders the PLUGINS panel searching for swh's
// amplifiers, the amp chosen and added to deck 1's first slot, bypassed
// in slot 2 a second one, against testdata/plugin-browser.png.
func TestRenderPluginBrowser(t *testing.T) {
	f := newPluginFixture(t)
	for _, slot := range []int{1, 2} {
		if err := f.rack.add(1, slot, ampURI); err != nil {
			testenv.MissingPlugin(t, ampURI, "swh-lv2")
		}
	}
	f.rack.setBypass(1, 2, true)
	f.ui.setOpen(f.ui.plugins.side)
	f.frame(winSize)
	p := &f.ui.plugins
	p.setQuery("swh amplifier")
	for i := range p.all {
		if p.all[i].URI == ampURI {
			p.chosen = i
		}
	}
	compareGolden(t, "plugin-browser.png", renderPNG(t, f.fixture, winSize))
}

// TestRenderPluginPanel renders the plugin panel of deck 1's slot 1
// holding swh's amp at −6 dB, against testdata/plugin-panel.png.
func TestRenderPluginPanel(t *testing.T) {
	f := newPluginFixture(t)
	if err := f.rack.add(1, 1, ampURI); err != nil {
		testenv.MissingPlugin(t, ampURI, "swh-lv2")
	}
	f.ps.set(param.PluginControl{Channel: 1, Slot: 1, Symbol: "gain"}, -6)
	f.ui.setOpen(f.ui.plugins.side)
	f.frame(winSize)
	f.ui.openEditor(1, 1)
	compareGolden(t, "plugin-panel.png", renderPNG(t, f.fixture, winSize))
}
