package app

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/linuxdj/linuxdj/internal/testenv"
)

// writeToneWAV writes seconds of a stereo 1 kHz sine at levelDBFS as a
// 16-bit PCM WAV.
func writeToneWAV(t *testing.T, path string, sampleRateHz int, levelDBFS, seconds float64) {
	t.Helper()
	frames := int(seconds * float64(sampleRateHz))
	a := math.Pow(10, levelDBFS/20) * 32767
	var data bytes.Buffer
	for i := range frames {
		v := int16(math.Round(a * math.Sin(2*math.Pi*1000*float64(i)/float64(sampleRateHz))))
		binary.Write(&data, binary.LittleEndian, [2]int16{v, v})
	}
	var f bytes.Buffer
	le := binary.LittleEndian
	f.WriteString("RIFF")
	binary.Write(&f, le, uint32(36+data.Len()))
	f.WriteString("WAVEfmt ")
	for _, v := range []any{uint32(16), uint16(1), uint16(2), uint32(sampleRateHz), uint32(sampleRateHz * 4), uint16(4), uint16(16)} {
		binary.Write(&f, le, v)
	}
	f.WriteString("data")
	binary.Write(&f, le, uint32(data.Len()))
	f.Write(data.Bytes())
	if err := os.WriteFile(path, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// loudnessFiles makes a -23 dBFS WAV, the same as FLAC (by sox), a -14
// dBFS WAV at 44.1 kHz and a file that is not audio.
func loudnessFiles(t *testing.T) (wav, flac, loud, bad string) {
	t.Helper()
	testenv.Need(t, testenv.Sox)
	dir := t.TempDir()
	wav = filepath.Join(dir, "tone.wav")
	flac = filepath.Join(dir, "tone.flac")
	loud = filepath.Join(dir, "loud.wav")
	bad = filepath.Join(dir, "notes.wav")
	writeToneWAV(t, wav, 48000, -23, 10)
	writeToneWAV(t, loud, 44100, -14, 10)
	if out, err := exec.Command("sox", wav, flac).CombinedOutput(); err != nil {
		t.Fatalf("sox: %v: %s", err, out)
	}
	if err := os.WriteFile(bad, []byte("not a sound file"), 0o644); err != nil {
		t.Fatal(err)
	}
	return wav, flac, loud, bad
}

// TestLoudnessCommandText measures three good files and one bad one: one
// line per good file with the values of a sine, a clear error naming the
// bad file, exit code 1, and the files after the bad one still measured.
func TestLoudnessCommandText(t *testing.T) {
	wav, flac, loud, bad := loudnessFiles(t)
	var stdout, stderr bytes.Buffer
	code := Main([]string{"loudness", wav, bad, flac, loud}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code %d with an unreadable file, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3:\n%s", len(lines), stdout.String())
	}
	for i, want := range []string{
		wav + ": I -23.0 LUFS, LRA 0.0 LU, max M -23.0 LUFS, max S -23.0 LUFS, TP -23.0 dBTP, peak -23.0 dBFS",
		flac + ": I -23.0 LUFS, LRA 0.0 LU, max M -23.0 LUFS, max S -23.0 LUFS, TP -23.0 dBTP, peak -23.0 dBFS",
		loud + ": I -14.0 LUFS, LRA 0.0 LU, max M -14.0 LUFS, max S -14.0 LUFS, TP -14.0 dBTP, peak -14.0 dBFS",
	} {
		if lines[i] != want {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want)
		}
	}
	if !strings.Contains(stderr.String(), bad) || !strings.Contains(stderr.String(), "neither WAV nor FLAC") {
		t.Errorf("stderr %q does not name the bad file and why", stderr.String())
	}
}

// TestLoudnessCommandJSON checks the --json output: one object per file,
// numbers for measured files, an error for the bad one.
func TestLoudnessCommandJSON(t *testing.T) {
	wav, flac, _, bad := loudnessFiles(t)
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"loudness", "--json", wav, flac, bad}, &stdout, &stderr); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	var got []fileLoudness
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	if len(got) != 3 {
		t.Fatalf("%d results, want 3", len(got))
	}
	for _, r := range got[:2] {
		if r.Error != "" || r.IntegratedLUFS == nil || math.Abs(*r.IntegratedLUFS+23) > 0.1 ||
			r.TruePeakDBTP == nil || math.Abs(*r.TruePeakDBTP+23) > 0.2 || r.SampleRateHz != 48000 ||
			r.Channels != 2 || math.Abs(r.DurationSeconds-10) > 1e-9 {
			t.Errorf("result %+v", r)
		}
	}
	if got[2].File != bad || got[2].Error == "" || got[2].IntegratedLUFS != nil {
		t.Errorf("bad file result %+v", got[2])
	}
}

// TestLoudnessCommandSilenceAndUsage checks that silence gives -inf/null
// rather than invalid numbers, and that no files is a usage error.
func TestLoudnessCommandSilenceAndUsage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "silence.wav")
	writeToneWAV(t, path, 48000, -400, 5)
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"loudness", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := path + ": I -inf LUFS, LRA 0.0 LU, max M -inf LUFS, max S -inf LUFS, TP -inf dBTP, peak -inf dBFS\n"; stdout.String() != want {
		t.Errorf("got %q, want %q", stdout.String(), want)
	}
	stdout.Reset()
	if code := Main([]string{"loudness", "--json", path}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), `"lra_lu": 0`) || strings.Contains(stdout.String(), "integrated_lufs") {
		t.Errorf("exit %d, JSON for silence:\n%s", code, stdout.String())
	}
	if code := Main([]string{"loudness"}, &stdout, &stderr); code != 2 {
		t.Errorf("no files: exit %d, want 2", code)
	}
}
