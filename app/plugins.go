package app

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/linuxdj/linuxdj/control/param"
	"github.com/linuxdj/linuxdj/plugin/lv2"
)

// runPlugins lists the installed LV2 plugins (all, or those a search
// finds) or, given URIs, describes each plugin's ports: what the insert
// slots will offer and what each control's range is.
func runPlugins(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plugins", flag.ContinueOnError)
	fs.SetOutput(stderr)
	search := fs.String("search", "", "list only the plugins whose name, class, author or URI contain every word of `TEXT`")
	rateHz := fs.Float64("rate", 48000, "sample rate in Hz for ranges given as fractions of it")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: linuxdj plugins [--search TEXT]")
		fmt.Fprintln(stderr, "       linuxdj plugins [--rate HZ] URI...")
		fmt.Fprintln(stderr, "Lists the installed LV2 plugins (LV2_PATH, or ~/.lv2, /usr/local/lib/lv2, /usr/lib/lv2),")
		fmt.Fprintln(stderr, "or describes the ports of the plugins named by URI.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	w, err := lv2.NewWorld()
	if err != nil {
		fmt.Fprintln(stderr, "plugins:", err)
		return 1
	}
	defer w.Close()
	if fs.NArg() == 0 {
		found := w.Search(*search)
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tCLASS\tAUTHOR\tIN/OUT\tURI")
		for _, p := range found {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d/%d\t%s\n", p.Name, p.Class, p.Author, p.AudioInputs, p.AudioOutputs, p.URI)
		}
		tw.Flush()
		fmt.Fprintf(stdout, "%d of %d plugins\n", len(found), len(w.Plugins()))
		return 0
	}
	code := 0
	for i, uri := range fs.Args() {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if err := describePlugin(stdout, w, uri, *rateHz); err != nil {
			fmt.Fprintln(stderr, "plugins:", err)
			code = 1
		}
	}
	return code
}

func describePlugin(out io.Writer, w *lv2.World, uri string, rateHz float64) error {
	p, ok := w.Plugin(uri)
	if !ok {
		return fmt.Errorf("no plugin %s is installed (linuxdj plugins --search lists them)", uri)
	}
	ports, err := w.Ports(uri)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s\n  class:  %s\n  author: %s\n  uri:    %s\n  audio:  %d in, %d out\n",
		p.Name, p.Class, p.Author, p.URI, p.AudioInputs, p.AudioOutputs)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  #\tSYMBOL\tNAME\tPORT\tRANGE\tDEFAULT\tUNIT\tHINTS")
	for _, port := range ports {
		dir := "in"
		if port.Output {
			dir = "out"
		}
		rng, def, hints := "", "", portHints(port)
		if port.Kind == lv2.Control {
			info := port.Param(rateHz)
			rng = num(info.Min) + " .. " + num(info.Max)
			if !port.Output {
				def = num(info.Default)
			}
			if info.Law == param.Log {
				hints = append(hints, "log")
			}
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s %s\t%s\t%s\t%s\t%s\n", port.Index, port.Symbol, port.Name,
			port.Kind, dir, rng, def, port.Unit, strings.Join(hints, ","))
		for _, sp := range port.ScalePoints {
			fmt.Fprintf(tw, "\t\t\t\t\t\t\t%s = %s\n", num(sp.Value), sp.Label)
		}
	}
	return tw.Flush()
}

func portHints(p lv2.Port) []string {
	var h []string
	for _, f := range []struct {
		on   bool
		name string
	}{
		{p.Toggle, "toggle"}, {p.Integer, "integer"}, {p.Enumeration, "enum"},
		{p.SampleRate, "×rate"}, {p.ReportsLatency, "latency"}, {p.Optional, "optional"},
	} {
		if f.on {
			h = append(h, f.name)
		}
	}
	return h
}

func num(v float32) string { return strconv.FormatFloat(float64(v), 'g', 6, 32) }
