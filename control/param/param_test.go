package param_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"strings"
	"testing"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/mixer"
)

func TestEveryParamHasAName(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range param.All() {
		info, ok := param.Lookup(p)
		if !ok || info.Name == "" || info.Min >= info.Max || info.Default < info.Min || info.Default > info.Max {
			t.Fatalf("param %d: %+v", p, info)
		}
		if seen[info.Name] {
			t.Fatalf("name %q used twice", info.Name)
		}
		seen[info.Name] = true
	}
	if len(param.All()) != int(mixer.ParamCount)-1 {
		t.Fatalf("%d params", len(param.All()))
	}
}

func TestFormatParseRoundTrip(t *testing.T) {
	for _, p := range param.All() {
		for _, ch := range []int16{0, mixer.MaxChannels - 1} {
			s := param.Format(p, ch)
			gp, gch, err := param.Parse(s)
			if !p.IsChannelParam() {
				ch = 0
			}
			if err != nil || gp != p || gch != ch {
				t.Fatalf("%q → %v %v %v", s, gp, gch, err)
			}
		}
	}
	if param.Format(mixer.ParamEQLow, 2) != "ch/3/eq/low" || param.Format(mixer.ParamMasterLevel, 5) != "master" {
		t.Fatal("format")
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{"", "ch/", "ch/1", "ch/1/", "ch/0/fader", "ch/33/fader", "ch/x/fader", "ch/1/master", "fader", "ch/1/fader/x", "ch/-1/fader", "ch/01e1/fader"} {
		if _, _, err := param.Parse(s); !errors.Is(err, param.ErrUnknown) {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func TestClamp(t *testing.T) {
	cases := []struct {
		p    mixer.Param
		in   float32
		want float32
	}{
		{mixer.ParamTrimDB, 99, 20},
		{mixer.ParamPan, -7, -1},
		{mixer.ParamFader, float32(math.NaN()), 0.75},
		{mixer.ParamXfaderAssign, 1.6, 2},
		{mixer.ParamMute, 0.4, 0},
		{mixer.ParamFilter, 0.25, 0.25},
	}
	for _, c := range cases {
		if got := param.Clamp(c.p, c.in); got != c.want {
			t.Errorf("Clamp(%v, %v) = %v, want %v", c.p, c.in, got, c.want)
		}
	}
}

// TestTableCoversEngine reads mixer/command.go so that a Param added to the
// engine without a name here fails the build's tests instead of becoming a
// control no file, mapping or OSC message can reach.
func TestTableCoversEngine(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../../mixer/command.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			for _, name := range spec.(*ast.ValueSpec).Names {
				if strings.HasPrefix(name.Name, "Param") && name.Name != "ParamCount" {
					n++
				}
			}
		}
	}
	if n != len(param.All()) {
		t.Fatalf("mixer/command.go has %d Param constants, this package names %d", n, len(param.All()))
	}
}

func TestPluginControlNames(t *testing.T) {
	for _, c := range []param.PluginControl{{Channel: 1, Slot: 1, Symbol: "gain"}, {Channel: 32, Slot: 4, Symbol: "ftype_1"}, {Slot: 2, Symbol: "x"}} {
		got, err := param.ParsePluginControl(c.String())
		if err != nil || got != c {
			t.Errorf("%s: %+v, %v", c, got, err)
		}
	}
	if s := (param.PluginControl{Channel: 2, Slot: 3, Symbol: "gain"}).String(); s != "ch/2/insert/3/gain" {
		t.Errorf("String %q", s)
	}
	if s := (param.PluginControl{Slot: 1, Symbol: "gain"}).String(); s != "master/insert/1/gain" {
		t.Errorf("String %q", s)
	}
	for _, s := range []string{"", "ch/1/fader", "ch/0/insert/1/gain", "ch/33/insert/1/gain", "ch/1/insert/0/gain", "ch/1/insert/5/gain",
		"ch/1/insert/1/", "ch/1/insert/1/a/b", "master/insert/1/9x", "master/insert/x/gain", "ch/x/insert/1/gain", "master"} {
		if _, err := param.ParsePluginControl(s); !errors.Is(err, param.ErrUnknown) {
			t.Errorf("%q: %v, want ErrUnknown", s, err)
		}
	}
}
