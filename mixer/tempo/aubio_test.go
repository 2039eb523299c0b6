package tempo_test

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/linuxdj/linuxdj/internal/testenv"
	"github.com/linuxdj/linuxdj/mixer/tempo/tempotest"
)

// TestCompareWithAubio runs aubio (aubio-tools) on the same generated
// files and prints, per case, both counters' figures as the table in
// docs/PERFORMANCE.md. aubio gives two readings: `aubio tempo`, one tempo
// for the whole file, and `aubio beat`, beat times, from which the running
// tempo over the last 8 beats is taken (the counter's own window) to see
// how soon it settles. The test fails only where aubio cannot run (set
// LINUXDJ_SKIP_AUBIO=1 to skip it) and where ours misses the goals
// TestAccuracy checks.
func TestCompareWithAubio(t *testing.T) {
	testenv.Need(t, testenv.Aubio)
	dir := t.TempDir()
	var table strings.Builder
	table.WriteString("| case | true BPM | ours: settled after (beats) | ours: final | ours: mean error | ours: confidence | aubio tempo | aubio beats: settled after | aubio beats: final | aubio beats: mean error |\n")
	table.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, c := range tempotest.Cases() {
		l, r := c.Render(testRateHz)
		path := filepath.Join(dir, c.Name+".wav")
		if err := tempotest.WriteWAV(path, testRateHz, l, r); err != nil {
			t.Fatal(err)
		}
		ours := measure(&c, l, r)
		global := aubioTempo(t, path)
		beats := aubioBeats(t, path)
		tr := newTracker(&c)
		for i := 8; i < len(beats); i++ {
			bpm := 60 * 8 / (beats[i] - beats[i-8])
			tr.add(beats[i], bpm, 0)
		}
		theirs := tr.result()
		fmt.Fprintf(&table, "| %s | %s | %s | %.2f | %.3f | %.2f | %.2f | %s | %.2f | %.2f |\n",
			c.Name, trueBPM(&c), beatsText(ours.settleBeats), ours.final, ours.meanAbsErr, ours.meanConf,
			global, beatsText(theirs.settleBeats), theirs.final, theirs.meanAbsErr)
		if (c.Steady || c.ChangeBPM != 0) && ours.settleBeats > maxBeats {
			t.Errorf("%s: ours settled after %.1f beats", c.Name, ours.settleBeats)
		}
	}
	t.Log("\n" + table.String())
}

func trueBPM(c *tempotest.Case) string {
	if c.ChangeBPM != 0 {
		return fmt.Sprintf("%g → %g", c.BPM, c.ChangeBPM)
	}
	return fmt.Sprintf("%g", c.BPM)
}

func beatsText(b float64) string {
	if math.IsInf(b, 1) {
		return "never"
	}
	return fmt.Sprintf("%.1f", b)
}

// aubioTempo is `aubio tempo`'s reading of the whole file.
func aubioTempo(t *testing.T, path string) float64 {
	out, err := exec.Command("aubio", "tempo", path).Output()
	if err != nil {
		t.Fatalf("aubio tempo %s: %v", path, err)
	}
	f := strings.Fields(string(out))
	if len(f) < 2 || f[len(f)-1] != "bpm" {
		t.Fatalf("aubio tempo %s: %q", path, out)
	}
	bpm, err := strconv.ParseFloat(f[len(f)-2], 64)
	if err != nil {
		t.Fatalf("aubio tempo %s: %q: %v", path, out, err)
	}
	return bpm
}

// aubioBeats are `aubio beat`'s beat times in seconds.
func aubioBeats(t *testing.T, path string) []float64 {
	out, err := exec.Command("aubio", "beat", path).Output()
	if err != nil {
		t.Fatalf("aubio beat %s: %v", path, err)
	}
	var beats []float64
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		v, err := strconv.ParseFloat(line, 64)
		if err != nil {
			t.Fatalf("aubio beat %s: %q: %v", path, line, err)
		}
		beats = append(beats, v)
	}
	return beats
}
