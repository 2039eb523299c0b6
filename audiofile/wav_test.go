package audiofile_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/linuxdj/linuxdj/audiofile"
	"github.com/linuxdj/linuxdj/internal/testenv"
)

// wavSpec describes a WAV file for makeWAV.
type wavSpec struct {
	tag        uint16 // 1 PCM, 3 float
	bits       int
	rateHz     int
	extensible bool
	rf64       bool
	extraChunk bool // a LIST chunk of odd length before fmt, to test skipping and padding
}

// makeWAV encodes channels per spec, the way a conforming writer does.
func makeWAV(spec wavSpec, channels [][]float32) []byte {
	nch := len(channels)
	frames := len(channels[0])
	bytesPer := spec.bits / 8
	var data bytes.Buffer
	for i := range frames {
		for c := range nch {
			x := float64(channels[c][i])
			switch {
			case spec.tag == 3 && spec.bits == 32:
				binary.Write(&data, binary.LittleEndian, float32(x))
			case spec.tag == 3 && spec.bits == 64:
				binary.Write(&data, binary.LittleEndian, x)
			case spec.bits == 8:
				data.WriteByte(byte(int(math.Round(x*127)) + 128))
			default:
				v := int64(math.Round(x * float64(int64(1)<<(spec.bits-1)-1)))
				for b := range bytesPer {
					data.WriteByte(byte(v >> (8 * b)))
				}
			}
		}
	}
	le := binary.LittleEndian
	var fmtChunk bytes.Buffer
	tag := spec.tag
	if spec.extensible {
		tag = 0xFFFE
	}
	binary.Write(&fmtChunk, le, tag)
	binary.Write(&fmtChunk, le, uint16(nch))
	binary.Write(&fmtChunk, le, uint32(spec.rateHz))
	binary.Write(&fmtChunk, le, uint32(spec.rateHz*nch*bytesPer))
	binary.Write(&fmtChunk, le, uint16(nch*bytesPer))
	binary.Write(&fmtChunk, le, uint16(spec.bits))
	if spec.extensible {
		binary.Write(&fmtChunk, le, uint16(22))
		binary.Write(&fmtChunk, le, uint16(spec.bits)) // valid bits
		binary.Write(&fmtChunk, le, uint32(3))         // channel mask FL|FR
		binary.Write(&fmtChunk, le, spec.tag)          // sub-format GUID: tag, then the fixed tail
		fmtChunk.Write([]byte{0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71})
	}
	var body bytes.Buffer
	body.WriteString("WAVE")
	if spec.rf64 {
		body.WriteString("ds64")
		binary.Write(&body, le, uint32(28))
		binary.Write(&body, le, uint64(0)) // RIFF size (unused by readers)
		binary.Write(&body, le, uint64(data.Len()))
		binary.Write(&body, le, uint64(frames))
		binary.Write(&body, le, uint32(0))
	}
	if spec.extraChunk {
		body.WriteString("LIST")
		binary.Write(&body, le, uint32(5))
		body.Write([]byte{'I', 'N', 'F', 'O', 'x', 0}) // 5 bytes + pad
	}
	body.WriteString("fmt ")
	binary.Write(&body, le, uint32(fmtChunk.Len()))
	body.Write(fmtChunk.Bytes())
	body.WriteString("data")
	if spec.rf64 {
		binary.Write(&body, le, uint32(0xFFFFFFFF))
	} else {
		binary.Write(&body, le, uint32(data.Len()))
	}
	body.Write(data.Bytes())
	var out bytes.Buffer
	if spec.rf64 {
		out.WriteString("RF64")
		binary.Write(&out, le, uint32(0xFFFFFFFF))
	} else {
		out.WriteString("RIFF")
		binary.Write(&out, le, uint32(body.Len()))
	}
	out.Write(body.Bytes())
	return out.Bytes()
}

// testFrames is a short stereo signal touching both full-scale ends.
func testFrames() [][]float32 {
	n := 3000
	l, r := make([]float32, n), make([]float32, n)
	for i := range n {
		l[i] = float32(0.9 * math.Sin(float64(i)*0.05))
		r[i] = float32(math.Cos(float64(i) * 0.013))
	}
	l[10], r[10] = 1, -1
	return [][]float32{l, r}
}

// readAll reads every frame of r in odd-sized blocks.
func readAll(t testing.TB, r *audiofile.Reader) [][]float32 {
	t.Helper()
	info := r.Info()
	out := make([][]float32, info.Channels)
	block := make([][]float32, info.Channels)
	for c := range block {
		block[c] = make([]float32, 777)
	}
	for {
		n, err := r.Read(block)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		for c := range block {
			out[c] = append(out[c], block[c][:n]...)
		}
	}
}

// TestWAVFormats round-trips every supported coding and checks each sample
// within the coding's quantisation step.
func TestWAVFormats(t *testing.T) {
	want := testFrames()
	for name, spec := range map[string]wavSpec{
		"pcm8":             {tag: 1, bits: 8},
		"pcm16":            {tag: 1, bits: 16},
		"pcm24":            {tag: 1, bits: 24},
		"pcm32":            {tag: 1, bits: 32},
		"float32":          {tag: 3, bits: 32},
		"float64":          {tag: 3, bits: 64},
		"extensible24":     {tag: 1, bits: 24, extensible: true},
		"extensibleFloat":  {tag: 3, bits: 32, extensible: true},
		"rf64pcm16":        {tag: 1, bits: 16, rf64: true},
		"pcm16-with-LIST":  {tag: 1, bits: 16, extraChunk: true},
		"rf64float-extens": {tag: 3, bits: 32, rf64: true, extensible: true},
	} {
		t.Run(name, func(t *testing.T) {
			spec.rateHz = 44100
			r, err := audiofile.NewReader(bytes.NewReader(makeWAV(spec, want)))
			if err != nil {
				t.Fatal(err)
			}
			info := r.Info()
			if info.SampleRateHz != 44100 || info.Channels != 2 || info.BitsPerSample != spec.bits || info.Frames != int64(len(want[0])) {
				t.Errorf("info %+v", info)
			}
			got := readAll(t, r)
			// The writer scales by 2^(bits-1)-1, the reader by 2^(bits-1):
			// allow two quantisation steps.
			step := 4.0 / math.Pow(2, float64(spec.bits))
			if spec.tag == 3 {
				step = 1e-7
			}
			for c := range want {
				if len(got[c]) != len(want[c]) {
					t.Fatalf("channel %d: %d frames, want %d", c, len(got[c]), len(want[c]))
				}
				for i := range want[c] {
					if d := math.Abs(float64(got[c][i] - want[c][i])); d > step {
						t.Fatalf("channel %d frame %d: %v, want %v (step %g)", c, i, got[c][i], want[c][i], step)
					}
				}
			}
		})
	}
}

// TestWAVErrors checks that malformed and unsupported files get errors
// that say what is wrong.
func TestWAVErrors(t *testing.T) {
	good := makeWAV(wavSpec{tag: 1, bits: 16, rateHz: 48000}, testFrames())
	adpcm := bytes.Clone(good)
	binary.LittleEndian.PutUint16(adpcm[20:], 2) // format tag 2: MS ADPCM
	badAlign := bytes.Clone(good)
	binary.LittleEndian.PutUint16(badAlign[32:], 3)
	noChannels := bytes.Clone(good)
	binary.LittleEndian.PutUint16(noChannels[22:], 0)
	for name, tc := range map[string]struct {
		data        []byte
		unsupported bool
	}{
		"empty":        {nil, false},
		"text":         {[]byte("hello, this is not audio"), true},
		"AIFF":         {[]byte("FORM\x00\x00\x00\x10AIFF"), true},
		"headerOnly":   {good[:12], false},
		"cutInFmt":     {good[:30], false},
		"adpcm":        {adpcm, true},
		"badAlign":     {badAlign, false},
		"zeroChannels": {noChannels, false},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := audiofile.NewReader(bytes.NewReader(tc.data))
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, audiofile.ErrUnsupported) != tc.unsupported {
				t.Errorf("error %q: unsupported = %v, want %v", err, !tc.unsupported, tc.unsupported)
			}
		})
	}
}

// TestWAVTruncatedData reads a file whose data chunk ends early up to
// where it ends.
func TestWAVTruncatedData(t *testing.T) {
	data := makeWAV(wavSpec{tag: 1, bits: 16, rateHz: 48000}, testFrames())
	r, err := audiofile.NewReader(bytes.NewReader(data[:len(data)-1001]))
	if err != nil {
		t.Fatal(err)
	}
	got := readAll(t, r)
	if want := 3000 - 251; len(got[0]) != want {
		t.Errorf("%d frames, want the %d complete ones", len(got[0]), want)
	}
}

// TestFLACMatchesWAV has sox encode a FLAC from a 24-bit WAV and checks
// that the decoded FLAC equals the decoded WAV sample for sample.
func TestFLACMatchesWAV(t *testing.T) {
	testenv.Need(t, testenv.Sox)
	dir := t.TempDir()
	wavPath := filepath.Join(dir, "in.wav")
	flacPath := filepath.Join(dir, "in.flac")
	if err := os.WriteFile(wavPath, makeWAV(wavSpec{tag: 1, bits: 24, rateHz: 96000}, testFrames()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("sox", wavPath, flacPath).CombinedOutput(); err != nil {
		t.Fatalf("sox: %v: %s", err, out)
	}
	open := func(path string) (audiofile.Info, [][]float32) {
		r, err := audiofile.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		return r.Info(), readAll(t, r)
	}
	wi, ws := open(wavPath)
	fi, fs := open(flacPath)
	if fi.Format != audiofile.FLAC || fi.SampleRateHz != 96000 || fi.Channels != 2 || fi.BitsPerSample != 24 || fi.Frames != wi.Frames {
		t.Errorf("FLAC info %+v, WAV info %+v", fi, wi)
	}
	for c := range ws {
		if len(fs[c]) != len(ws[c]) {
			t.Fatalf("channel %d: FLAC %d frames, WAV %d", c, len(fs[c]), len(ws[c]))
		}
		for i := range ws[c] {
			if fs[c][i] != ws[c][i] {
				t.Fatalf("channel %d frame %d: FLAC %v, WAV %v", c, i, fs[c][i], ws[c][i])
			}
		}
	}
}

func TestOpenMissingFile(t *testing.T) {
	_, err := audiofile.Open(filepath.Join(t.TempDir(), "missing.wav"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v, want one wrapping os.ErrNotExist", err)
	}
}

// FuzzWAV feeds arbitrary bytes to the WAV parser and decoder: they must
// return an error or frames, never panic or loop.
func FuzzWAV(f *testing.F) {
	short := [][]float32{{0.5, -0.5, 0.25}, {1, -1, 0}}
	for _, spec := range []wavSpec{
		{tag: 1, bits: 16}, {tag: 1, bits: 24, extensible: true}, {tag: 3, bits: 32},
		{tag: 3, bits: 64, rf64: true}, {tag: 1, bits: 8, extraChunk: true},
	} {
		spec.rateHz = 48000
		f.Add(makeWAV(spec, short))
	}
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVE"))
	f.Add([]byte("RF64\xff\xff\xff\xffWAVEdata\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := audiofile.NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		info := r.Info()
		block := make([][]float32, info.Channels)
		for c := range block {
			block[c] = make([]float32, 64)
		}
		for range len(data) + 1 {
			n, err := r.Read(block)
			if err != nil {
				return
			}
			if n <= 0 || n > 64 {
				t.Fatalf("Read returned %d frames without an error", n)
			}
		}
		t.Fatal("Read did not reach the end of a finite input")
	})
}
