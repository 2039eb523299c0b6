package param

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/linuxdj/linuxdj/mixer"
)

// PluginControl names one control input of the plugin in an insert slot:
// the strip as the state file counts it (channels from 1, 0 for master),
// the slot from 1, and the port's symbol, which a plugin keeps across its
// versions. Its Info is the port's (lv2.Port.Param), known only while the
// plugin is loaded, so a PluginControl is a parameter whose description
// comes with the plugin rather than from this package's table.
//
// Its name in OSC addresses and MIDI mapping files is
// "ch/<n>/insert/<slot>/<symbol>", or "master/insert/<slot>/<symbol>".
type PluginControl struct {
	Channel int // 1-based; 0 is master
	Slot    int // 1 to mixer.InsertSlots
	Symbol  string
}

// IsZero reports whether c names no plugin control (a mixer.Param
// target instead).
func (c PluginControl) IsZero() bool { return c.Symbol == "" }

// String formats c as ParsePluginControl reads it.
func (c PluginControl) String() string {
	b := make([]byte, 0, 24+len(c.Symbol))
	if c.Channel == 0 {
		b = append(b, "master"...)
	} else {
		b = append(b, "ch/"...)
		b = strconv.AppendInt(b, int64(c.Channel), 10)
	}
	b = append(b, "/insert/"...)
	b = strconv.AppendInt(b, int64(c.Slot), 10)
	b = append(b, '/')
	b = append(b, c.Symbol...)
	return string(b)
}

// Validate reports what is wrong with c for a mixer of up to
// mixer.MaxChannels channels.
func (c PluginControl) Validate() error {
	switch {
	case c.Channel < 0 || c.Channel > mixer.MaxChannels:
		return fmt.Errorf("param: plugin control on channel %d, want 1 to %d or master", c.Channel, mixer.MaxChannels)
	case c.Slot < 1 || c.Slot > mixer.InsertSlots:
		return fmt.Errorf("param: plugin control in slot %d, want 1 to %d", c.Slot, mixer.InsertSlots)
	case !validSymbol(c.Symbol):
		return fmt.Errorf("param: plugin control symbol %q is not an LV2 symbol", c.Symbol)
	}
	return nil
}

// validSymbol: an LV2 symbol is a C identifier (lv2:symbol).
func validSymbol(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// ParsePluginControl reads "ch/<n>/insert/<slot>/<symbol>" or
// "master/insert/<slot>/<symbol>"; errors wrap ErrUnknown.
func ParsePluginControl(s string) (PluginControl, error) {
	var c PluginControl
	rest, ok := strings.CutPrefix(s, "master/insert/")
	if !ok {
		num, tail, isChannel := strings.Cut(strings.TrimPrefix(s, "ch/"), "/insert/")
		n, err := strconv.Atoi(num)
		if !strings.HasPrefix(s, "ch/") || !isChannel || err != nil || n < 1 {
			return c, fmt.Errorf("param: %q: %w", s, ErrUnknown)
		}
		c.Channel, rest = n, tail
	}
	slot, sym, ok := strings.Cut(rest, "/")
	n, err := strconv.Atoi(slot)
	if !ok || err != nil {
		return c, fmt.Errorf("param: %q: %w", s, ErrUnknown)
	}
	c.Slot, c.Symbol = n, sym
	if err := c.Validate(); err != nil {
		return PluginControl{}, fmt.Errorf("%w: %w", err, ErrUnknown)
	}
	return c, nil
}
